"""Vrijstellingen (R-VR-1), with their ground: the export goes to the person concerned."""

from __future__ import annotations

from verzuim.privacy.bronnen import Bron, Sectie


def verzamel(lezer, leerling) -> Sectie:
    rijen = [
        {"grond": v.get_artikel_display(), "van": v.begindatum, "tot": v.einddatum}
        for v in leerling.vrijstellingen.order_by("-begindatum")
    ]
    return Sectie(
        naam="vrijstellingen",
        titel="Vrijstellingen",
        kolommen=(("grond", "Grond"), ("van", "Van"), ("tot", "Tot en met")),
        rijen=rijen,
    )


BRON = Bron("vrijstellingen", "Vrijstellingen", verzamel)
