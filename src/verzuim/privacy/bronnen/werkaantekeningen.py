"""Working notes on the organisation's open dossiers about the pupil (R-PR-2a). They are not
part of the dossier (R-PR-2) and are deleted when a dossier closes, but as long as they exist
they are in an inzage: each note with its date and author, unless an LPA recorded a
balancing decision to withhold it (AVG art. 15(4)/23: rights of others), in which case the
export says so, and on which ground and why, instead of giving the text."""

from __future__ import annotations

from verzuim.dossiers.queries import werkaantekeningen_voor_inzage
from verzuim.privacy.bronnen import Bron, Sectie


def _auteur(w) -> str:
    return w.auteur.get_full_name() or w.auteur.get_username()


def _afweging(w):
    return getattr(w, "afweging", None)


def verzamel(lezer, leerling) -> Sectie | None:
    rijen = []
    for w in werkaantekeningen_voor_inzage(lezer, leerling):
        afweging = _afweging(w)
        rijen.append(
            {
                "datum": w.gewijzigd,
                "gebeurtenis": f"Werkaantekening van {_auteur(w)} (dossier geopend "
                f"{w.dossier.geopend:%d-%m-%Y})",
                "toelichting": "" if afweging else w.tekst,
                "achtergehouden": (
                    f"{afweging.get_grond_display()}: {afweging.reden}" if afweging else ""
                ),
            }
        )
    if not rijen:
        return None
    return Sectie(
        naam="werkaantekeningen",
        titel="Werkaantekeningen",
        kolommen=(
            ("datum", "Datum"),
            ("gebeurtenis", "Werkaantekening"),
            ("toelichting", "Tekst"),
            ("achtergehouden", "Niet verstrekt, omdat"),
        ),
        rijen=rijen,
        toelichting="Werkaantekeningen zijn persoonlijke geheugensteunen van de "
        "leerplichtambtenaar. Ze horen niet bij het dossier en worden vernietigd als het "
        "dossier sluit. Een werkaantekening wordt alleen niet verstrekt als de "
        "leerplichtambtenaar na afweging besloot dat de rechten van anderen of de "
        "bescherming van de leerling zwaarder wegen (AVG art. 15 lid 4 en art. 23); de "
        "reden staat erbij.",
        redenen=("toelichting",),
    )


BRON = Bron("werkaantekeningen", "Werkaantekeningen", verzamel)
