"""Enrolments and diplomas known to the register (R-ID-1); a school: its own enrolments."""

from __future__ import annotations

from verzuim.personen.queries import is_school
from verzuim.privacy.bronnen import Bron, Sectie


def verzamel(lezer, leerling) -> Sectie:
    inschrijvingen = leerling.inschrijvingen.select_related("vestiging__instelling").order_by(
        "-begindatum"
    )
    if is_school(lezer):  # a school holds its own enrolments only
        inschrijvingen = inschrijvingen.filter(vestiging__instelling=lezer.organisatie)
    rijen = [
        {
            "soort": "inschrijving",
            "omschrijving": f"{i.vestiging.instelling.naam} ({i.onderwijssoort or 'onbekend'})",
            "van": i.begindatum,
            "tot": i.einddatum,
        }
        for i in inschrijvingen
    ] + [
        {"soort": "diploma", "omschrijving": d.get_soort_display(), "van": d.datum, "tot": None}
        for d in leerling.diplomas.order_by("-datum")
    ]
    return Sectie(
        naam="inschrijvingen",
        titel="Inschrijvingen en diploma's",
        kolommen=(
            ("soort", "Soort"),
            ("omschrijving", "Omschrijving"),
            ("van", "Van"),
            ("tot", "Tot en met"),
        ),  # fmt: skip
        rijen=rijen,
    )


BRON = Bron("inschrijvingen", "Inschrijvingen en diploma's", verzamel)
