"""The register's signals about the pupil (absoluut verzuim, potential early school leaving,
R-SG-1..4) routed to the organisation, open and resolved."""

from __future__ import annotations

from verzuim.privacy.bronnen import Bron, Sectie
from verzuim.signalen.queries import signalen_voor


def verzamel(lezer, leerling) -> Sectie:
    rijen = [
        {
            "soort": s.get_soort_display(),
            "sinds": s.sinds,
            "opgelost": s.opgelost_op,
            "toelichting": s.oplossing_uitleg,
        }
        for s in signalen_voor(lezer).filter(leerling=leerling).order_by("sinds")
    ]
    return Sectie(
        naam="signalen",
        titel="Signalen",
        kolommen=(
            ("soort", "Soort"),
            ("sinds", "Sinds"),
            ("opgelost", "Opgelost op"),
            ("toelichting", "Toelichting"),
        ),  # fmt: skip
        rijen=rijen,
    )


BRON = Bron("signalen", "Signalen", verzamel)
