"""Routing of a melding to the responsible party (R-RT-1..3), with the reasons kept.

1. R-RT-1: the gemeente where the pupil is registered in the BRP (gemeenteVanInschrijving)
   on the day the melding is received, following the moves in the BRP history.
2. R-RT-3: no BRP address (onderwijsnummer pupil, RNI, emigrated, died, unknown BSN): the
   gemeente of the address the school gave (`leerling.adres.gemeente`, else derived from
   the PC4 of `leerling.adres.postcode` via `postcodes`), else the gemeente of the
   reporting vestiging, flagged `woonplaatsOnbekend`. A melding is never dropped.
3. R-RT-2: per gemeente and doelgroep the receiving organisation
   (`organisaties.queries.ontvanger_voor`): alternatieve routering to a leerplichtdienst,
   18-plus by default to the RMC-regio's contactgemeente, else the gemeente itself.

The reference data is read through `referentie` (cached per process for a minute).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from verzuim.meldingen import postcodes, referentie
from verzuim.meldingen.brp import Persoon
from verzuim.organisaties.models import Gemeente, Organisatie, OrganisatieSoort, Vestiging
from verzuim.rules._datum import nl


@dataclass
class Routering:
    gemeente: Gemeente
    ontvanger: Organisatie
    doelgroep: str
    uitleg: list[dict]  # [{"regel": "R-RT-1", "uitleg": "..."}]
    woonplaats_onbekend: bool = False


def _reden(regel: str, uitleg: str) -> dict:
    return {"regel": regel, "uitleg": uitleg}


def _gemeente_uit_brp(persoon: Persoon | None, peildatum: dt.date) -> tuple[Gemeente | None, dict]:
    if persoon is None:
        return None, _reden("R-RT-3", "De leerling heeft geen persoonslijst in de BRP.")
    code = persoon.gemeente_op(peildatum)
    if code is None:
        if persoon.emigratiedatum and persoon.emigratiedatum <= peildatum:
            waarom = f"De leerling is op {nl(persoon.emigratiedatum)} geëmigreerd."
        elif persoon.overlijdensdatum and persoon.overlijdensdatum <= peildatum:
            waarom = "De leerling is overleden volgens de BRP."
        else:
            waarom = "De leerling staat in de BRP zonder Nederlands adres (RNI)."
        return None, _reden("R-RT-3", waarom + " Er is geen BRP-adres.")
    gemeente = referentie.gemeente(code)
    if gemeente is None:
        return None, _reden("R-RT-3", f"Gemeentecode {code} uit de BRP is onbekend.")
    return gemeente, _reden(
        "R-RT-1",
        f"Op {nl(peildatum)}, de dag van ontvangst, staat de leerling in de BRP "
        f"ingeschreven in {gemeente.naam} ({gemeente.code}).",
    )


def _ontvanger(gemeente: Gemeente, doelgroep: str) -> tuple[Organisatie, dict]:
    org = referentie.ontvanger(gemeente, doelgroep)
    if org.gemeente_id == gemeente.pk:
        uitleg = f"{gemeente.naam} ontvangt zelf meldingen van doelgroep {doelgroep}."
    elif org.soort == OrganisatieSoort.GEMEENTE and doelgroep == "18-plus":
        uitleg = (
            f"Doelgroep 18-plus van {gemeente.naam} gaat naar de contactgemeente van de "
            f"RMC-regio: {org.naam} ({org.code})."
        )
    else:
        uitleg = (
            f"Alternatieve routering: {gemeente.naam} laat doelgroep {doelgroep} behandelen "
            f"door {org.naam} ({org.code})."
        )
    return org, _reden("R-RT-2", uitleg)


def _gemeente_uit_adres(adres: dict) -> tuple[Gemeente | None, dict | None]:
    """R-RT-3: the gemeente of the address the school gave: its gemeentecode, else the
    gemeente of the postcode's PC4 area."""
    if adres.get("gemeente"):
        gemeente = referentie.gemeente(adres["gemeente"])
        if gemeente is not None:
            return gemeente, _reden(
                "R-RT-3",
                f"Gerouteerd op het adres dat de school opgaf: {gemeente.naam} ({gemeente.code}).",
            )
    if not adres.get("postcode"):
        return None, None
    pc4 = adres["postcode"][:4]
    gevonden = postcodes.gemeente_bij(adres["postcode"])
    gemeente = referentie.gemeente(gevonden.gemeente) if gevonden else None
    if gemeente is None:
        return None, _reden(
            "R-RT-3", f"Postcode {pc4} komt niet voor in de {postcodes.BRON}: gemeente onbekend."
        )
    twijfel = " (de postcode ligt in meer gemeenten; de meeste scholen)" if gevonden.ambigu else ""
    return gemeente, _reden(
        "R-RT-3",
        f"Gerouteerd op het adres dat de school opgaf: gemeente afgeleid uit postcode {pc4} "
        f"({postcodes.BRON}): {gemeente.naam} ({gemeente.code}){twijfel}.",
    )


def routeer(
    *,
    persoon: Persoon | None,
    opgegeven_adres: dict,
    vestiging: Vestiging,
    doelgroep: str,
    peildatum: dt.date,
) -> Routering:
    """Who receives the melding and why (R-RT-1..3). `peildatum` is the day of receipt."""
    uitleg: list[dict] = []
    gemeente, reden = _gemeente_uit_brp(persoon, peildatum)
    uitleg.append(reden)
    onbekend = False
    if gemeente is None:
        gemeente, reden = _gemeente_uit_adres(opgegeven_adres)
        if reden:
            uitleg.append(reden)
    if gemeente is None:
        gemeente, onbekend = vestiging.gemeente, True
        uitleg.append(
            _reden(
                "R-RT-3",
                f"Woonplaats onbekend: gerouteerd naar de gemeente van de vestiging, "
                f"{gemeente.naam} ({gemeente.code}).",
            )
        )
    ontvanger, reden = _ontvanger(gemeente, doelgroep)
    uitleg.append(reden)
    return Routering(gemeente, ontvanger, doelgroep, uitleg, onbekend)
