"""The organisation's dossiers about the pupil (R-CW-1..11): when each was opened and why,
its timeline (every activity with source and date, R-PR-2), phase reports and closure.
The werkaantekeningen are not part of the dossier (R-PR-2): their own source,
``werkaantekeningen`` (R-PR-2a)."""

from __future__ import annotations

from verzuim.dossiers.queries import activiteiten_van, dossiers_voor
from verzuim.privacy.bronnen import Bron, Sectie


def _rijen(lezer, dossier) -> list[dict]:
    naam = f"Dossier {dossier.geopend:%d-%m-%Y}"
    rijen = [
        {
            "datum": dossier.geopend,
            "gebeurtenis": f"{naam}: geopend ({dossier.get_aanleiding_display()})",
            "toelichting": dossier.aanleiding_toelichting,
        },  # fmt: skip
    ]
    for a in activiteiten_van(lezer, dossier).order_by("datum", "geregistreerd", "id"):
        rijen.append(
            {
                "datum": a.datum,
                "gebeurtenis": f"{naam}: {a.soort.label} ({a.get_bron_display().lower()})",
                "toelichting": a.tekst,
            }
        )
    for v in dossier.faseverslagen.order_by("tijdstip"):
        rijen.append(
            {
                "datum": v.tijdstip,
                "gebeurtenis": f"{naam}: fase {v.get_fase_display()} → {v.get_naar_fase_display()}",
                "toelichting": f"{v.bevindingen} Besluit: {v.besluit}",
            }
        )
    if dossier.gesloten:
        rijen.append(
            {
                "datum": dossier.gesloten,
                "gebeurtenis": f"{naam}: gesloten ({dossier.get_afsluitreden_display()})",
                "toelichting": dossier.afsluit_toelichting,
            }
        )
    return rijen


def verzamel(lezer, leerling) -> Sectie:
    rijen = []
    for dossier in dossiers_voor(lezer).filter(leerling=leerling).order_by("geopend"):
        rijen += _rijen(lezer, dossier)
    return Sectie(
        naam="dossiers",
        titel="Dossiers",
        kolommen=(
            ("datum", "Datum"),
            ("gebeurtenis", "Gebeurtenis"),
            ("toelichting", "Toelichting"),
        ),  # fmt: skip
        rijen=rijen,
        toelichting="Het dossier bevat wat voor de aanpak van het verzuim nodig is, elk met bron "
        "en datum. Werkaantekeningen horen niet bij het dossier; zij staan in een eigen onderdeel.",
        redenen=("toelichting",),
    )


BRON = Bron("dossiers", "Dossiers", verzamel)
