"""Every figure of the leerplichttelling as data: key, label, definition, rules, source.

The sources (``bronnen/``) declare the definitions they compute next to the code that
computes them, using the same constants (which verzuimsoorten, which articles, which
peildatum); the definitions page, the export headers, the API field names and the benchmark
columns all come from these objects. One place: a number and its explanation cannot drift.

``sleutel`` is the figure's path in the API (api-contract.md "cijfers"): dots separate the
nested objects, e.g. ``relatiefVerzuim.perVerzuimsoort.16-uur``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Definitie:
    sleutel: str
    titel: str  # short Dutch label (column header)
    uitleg: str  # the definition, in Dutch, as the definitions page shows it
    regels: tuple[str, ...]  # rule ids of domain.md
    eenheid: str  # "personen", "meldingen", "verwijzingen", ...
    formulier: str  # the line of the statutory form (section letter + number)
    benchmark: bool = True  # published per 1,000 leerplichtigen on the public benchmark
    bron: str = ""  # filled in by the source that registers it
    gevallen: bool = True  # whether the number opens into a list of cases

    @property
    def anker(self) -> str:
        """HTML id on the definitions page."""
        return "def-" + self.sleutel.replace(".", "-")


#: The sections of the statutory form, in its order.
SECTIES = {
    "L": "Leerplichtigen",
    "A": "Absoluut verzuim",
    "B": "Relatief verzuim",
    "C": "Langdurig relatief verzuim",
    "D": "Vrijstellingen en vervangende leerplicht",
    "E": "Handhaving: Halt, processen-verbaal, kinderbijslag",
}

#: Onderwijssoort of an inschrijving (free text from the school) or the instelling's sector,
#: grouped as the telling reports them (R-FG-1a: "by the last onderwijssoort").
ONDERWIJSSOORT_GROEPEN = {
    "po": "po",
    "bao": "po",
    "sbo": "po",
    "so": "so-vso",
    "vso": "so-vso",
    "vo": "vo",
    "vmbo": "vo",
    "havo": "vo",
    "vwo": "vo",
    "pro": "vo",
    "praktijkonderwijs": "vo",
    "mbo": "mbo",
    "vavo": "vavo",
}
GROEP_LABELS = {
    "po": "primair onderwijs",
    "so-vso": "(voortgezet) speciaal onderwijs",
    "vo": "voortgezet onderwijs",
    "mbo": "mbo",
    "vavo": "vavo",
    "onbekend": "onbekend",
}


def onderwijssoort_groep(onderwijssoort: str | None, sector: str | None) -> str:
    """The group of an inschrijving: its onderwijssoort, else its instelling's sector."""
    for waarde in (onderwijssoort, sector):
        groep = ONDERWIJSSOORT_GROEPEN.get((waarde or "").strip().lower())
        if groep:
            return groep
    return "onbekend"
