"""Verlof: vakantieverlof (R-VL-1, art. 13a) and gewichtige omstandigheden (R-VL-2, art. 14).

School days are counted on the school's calendar (``SchoolKalender``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ._datum import nl, schooljaar_van
from .decisions import Reason, ToetsBeslissing, Voorwaarde, toets, voorwaarde
from .kalender import SchoolKalender

MAX_SCHOOLDAGEN = 10
Beslisser = Literal["directeur", "leerplichtambtenaar"]


@dataclass(frozen=True, kw_only=True)
class VerlofBeslissing(ToetsBeslissing):
    schooldagen: int
    beslisser: Beslisser


def _info(vakantie_al_geboekt: bool) -> list[Reason]:
    if not vakantie_al_geboekt:
        return []
    return [
        Reason(
            "R-VL-1",
            "Een vakantie die al geboekt is, is geen grond voor verlof; de aanvraag wordt op "
            "dezelfde voorwaarden beoordeeld. Zonder verlof is het luxe verzuim (R-CW-10).",
        )
    ]


def vakantieverlof_toegestaan(
    begindatum: dt.date,
    einddatum: dt.date,
    kalender: SchoolKalender,
    *,
    specifiek_beroep_ouder: bool,
    eerdere_vakantieverloven: Iterable[tuple[dt.date, dt.date]] = (),
    vakantie_al_geboekt: bool = False,
) -> VerlofBeslissing:
    """Vakantieverlof (art. 13a): only for a parent's specific occupation, once per
    schooljaar, at most 10 school days, never in the first two lesweken of the
    schooljaar; the head of the school decides."""
    dagen = kalender.schooldagen(begindatum, einddatum)
    sj = schooljaar_van(begindatum)
    eerste_weken = kalender.eerste_lesweken(sj, 2)
    in_eerste = sorted(
        d for d in dagen if any(w <= d <= w + dt.timedelta(days=6) for w in eerste_weken)
    )
    eerder = [b for b, _ in eerdere_vakantieverloven if schooljaar_van(b) == sj]
    r = "R-VL-1"
    voorwaarden: list[Voorwaarde] = [
        voorwaarde(
            "beroep",
            specifiek_beroep_ouder,
            r,
            "Vanwege het specifieke beroep van een ouder kan het gezin niet in de "
            "schoolvakanties op vakantie.",
            "Vakantieverlof kan alleen vanwege het specifieke beroep van een ouder.",
        ),
        voorwaarde(
            "eenmaal-per-schooljaar",
            not eerder,
            r,
            f"Nog geen vakantieverlof in schooljaar {sj}.",
            f"In schooljaar {sj} is al vakantieverlof verleend (maximaal één keer per schooljaar).",
        ),
        voorwaarde(
            "max-10-schooldagen",
            len(dagen) <= MAX_SCHOOLDAGEN,
            r,
            f"{len(dagen)} schooldagen (maximaal 10).",
            f"{len(dagen)} schooldagen: vakantieverlof is maximaal 10 schooldagen.",
        ),
        voorwaarde(
            "niet-eerste-twee-lesweken",
            not in_eerste,
            r,
            "Niet in de eerste twee lesweken van het schooljaar.",
            "Vakantieverlof is nooit mogelijk in de eerste twee lesweken van het schooljaar "
            f"(hier: {', '.join(nl(d) for d in in_eerste)}).",
        ),
    ]
    basis = toets(voorwaarden)
    extra = [Reason(r, "De directeur van de school beslist over vakantieverlof.")]
    if not dagen:
        extra.append(Reason(r, "De periode bevat geen schooldagen: er is geen verlof nodig."))
    return VerlofBeslissing(
        toegestaan=basis.toegestaan,
        voorwaarden=basis.voorwaarden,
        schooldagen=len(dagen),
        beslisser="directeur",
        reasons=basis.reasons + tuple(extra) + tuple(_info(vakantie_al_geboekt)),
    )


def gewichtige_omstandigheden(
    begindatum: dt.date,
    einddatum: dt.date,
    kalender: SchoolKalender,
    *,
    eerder_verleende_schooldagen: int = 0,
) -> VerlofBeslissing:
    """Who decides on verlof for gewichtige omstandigheden (art. 14): up to 10 school
    days per schooljaar (including earlier grants) the head, beyond that the LPA.

    ``toegestaan`` only means the request may be decided on: whether the circumstance
    is weighty enough is the decider's judgement.
    """
    dagen = len(kalender.schooldagen(begindatum, einddatum))
    totaal = dagen + eerder_verleende_schooldagen
    beslisser: Beslisser = "directeur" if totaal <= MAX_SCHOOLDAGEN else "leerplichtambtenaar"
    uitleg = (
        f"{dagen} schooldagen, {totaal} in schooljaar {schooljaar_van(begindatum)} in totaal: "
        + (
            "tot en met 10 schooldagen beslist de directeur."
            if beslisser == "directeur"
            else "meer dan 10 schooldagen: de leerplichtambtenaar beslist."
        )
    )
    return VerlofBeslissing(
        toegestaan=True,
        schooldagen=dagen,
        beslisser=beslisser,
        reasons=(Reason("R-VL-2", uitleg),),
    )


__all__ = ["VerlofBeslissing", "gewichtige_omstandigheden", "vakantieverlof_toegestaan"]
