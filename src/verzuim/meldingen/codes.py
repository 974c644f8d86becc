"""Code lists of the meldingen domain (domain.md §4, §6, §7). The status transition table
of R-RT-6 is data in `verzuim.rules.statussen`; this module only adds Django choices."""

from __future__ import annotations

from django.db import models


class Verzuimsoort(models.TextChoices):
    """domain.md §4; the API codes are fixed by api-contract.md."""

    ZESTIEN_UUR = "16-uur", "16 uur in 4 weken"
    LANGDURIG = "langdurig", "Langdurig relatief verzuim"
    LUXE = "luxe", "Luxe verzuim"
    OVERIG = "overig", "Overig verzuim / signaalverzuim"
    ACHTTIEN_PLUS = "18-plus", "RMC / 18-plus verzuim"


#: R-ME-1: einddatum is mandatory for these soorten.
EINDDATUM_VERPLICHT = frozenset(
    {Verzuimsoort.ZESTIEN_UUR, Verzuimsoort.LANGDURIG, Verzuimsoort.ACHTTIEN_PLUS}
)

#: R-ME-3: which verzuimsoorten are admissible per leerplicht phase (rules.leerplicht `fase`).
#: A vrijgesteld pupil is judged by its phase; the vrijstelling withdraws the melding (R-RT-7).
TOEGESTANE_SOORTEN: dict[str, frozenset[str]] = {
    "niet-leerplichtig": frozenset(),
    "leerplichtig": frozenset({"16-uur", "langdurig", "luxe", "overig"}),
    "kwalificatieplichtig": frozenset({"16-uur", "langdurig", "luxe", "overig"}),
    "18-plus": frozenset({"18-plus"}),
    "buiten-doelgroep": frozenset(),
}


class Status(models.TextChoices):
    """R-RT-6 (DUO since 3 Aug 2020)."""

    GEREGISTREERD = "geregistreerd", "Geregistreerd"
    IN_BEHANDELING = "in-behandeling", "In behandeling"
    TER_KENNISGEVING = "ter-kennisgeving-aangenomen", "Ter kennisgeving aangenomen"
    AFGESLOTEN = "afgesloten", "Afgesloten"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


OPEN_STATUSSEN = frozenset({Status.GEREGISTREERD, Status.IN_BEHANDELING, Status.TER_KENNISGEVING})


#: Reason codes for status changes come from `verzuim.rules.statussen` (R-RT-6/7, R-CW-11):
#: withdrawal letters (F, D, G, N, O; V for the register) and the afsluitredenen.
#: api-contract.md names the register's `V` "vrijstelling"; the API shows it that way.
API_REDEN = {"V": "vrijstelling"}
