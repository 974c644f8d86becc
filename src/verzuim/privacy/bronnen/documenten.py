"""Letters and reports the organisation made about the pupil (verzuim.brieven), listed by
title, reference and date; the letters themselves are in the organisation's archive."""

from __future__ import annotations

from verzuim.brieven.queries import documenten_voor
from verzuim.brieven.soorten import Ontvanger
from verzuim.privacy.bronnen import Bron, Sectie


def verzamel(lezer, leerling) -> Sectie:
    rijen = [
        {
            "datum": d.aangemaakt,
            "titel": d.titel,
            "kenmerk": d.kenmerk,
            "ontvanger": Ontvanger(d.ontvanger).label if d.ontvanger else "",
        }  # fmt: skip
        for d in documenten_voor(lezer, betreft=leerling.identificatie).order_by("aangemaakt")
    ]
    return Sectie(
        naam="brieven",
        titel="Brieven",
        kolommen=(
            ("datum", "Datum"),
            ("titel", "Titel"),
            ("kenmerk", "Kenmerk"),
            ("ontvanger", "Ontvanger"),
        ),  # fmt: skip
        rijen=rijen,
    )


BRON = Bron("brieven", "Brieven", verzamel)
