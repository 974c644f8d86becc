"""The letter kinds as data: who may receive each, who may send it, and the placeholders
its templates may use (the only values a template can print). Adding a kind is adding an
entry here and its default texts in talen/*.toml.

Each placeholder has a demo value: the beheer preview renders a template with these
(fictitious data, never a real pupil)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models


class Ontvanger(models.TextChoices):
    OUDERS = "ouders", "Ouders/verzorgers"
    LEERLING = "leerling", "Leerling (vanaf 12 jaar)"
    SCHOOL = "school", "School"


class Waarde(models.TextChoices):
    TEKST = "tekst", "tekst"
    MEERREGELIG = "meerregelig", "tekst met regels"
    DATUM = "datum", "datum"
    TIJD = "tijd", "tijd"


@dataclass(frozen=True)
class Veld:
    """A placeholder: its name in the template, what it means, its type and demo value.
    ``systeem`` values are filled by the service (date, reference, sender, signature,
    addressee); the others come from the caller's ``gegevens``."""

    naam: str
    omschrijving: str
    soort: str = Waarde.TEKST
    voorbeeld: object = ""
    systeem: bool = False


SYSTEEM = (
    Veld("datum", "datum van de brief", Waarde.DATUM, dt.date(2026, 10, 1), True),
    Veld("kenmerk", "ons kenmerk (nummer van de brief)", Waarde.TEKST, "GM0000-2026-000001", True),
    Veld("ontvanger.naam", "naam van de geadresseerde", Waarde.TEKST, "", True),
    Veld("organisatie.naam", "naam van de afzender (briefhoofd)", Waarde.TEKST, "", True),
    Veld("organisatie.telefoon", "telefoonnummer (briefhoofd)", Waarde.TEKST, "", True),
    Veld("organisatie.email", "e-mailadres (briefhoofd)", Waarde.TEKST, "", True),
    Veld("ondertekenaar.naam", "naam van de ondertekenaar", Waarde.TEKST, "", True),
    Veld("ondertekenaar.functie", "functie van de ondertekenaar", Waarde.TEKST, "", True),
)
LEERLING = (
    Veld("leerling.naam", "volledige naam van de leerling", Waarde.TEKST, "Daan de Vries"),
    Veld("leerling.voornaam", "roepnaam of eerste voornaam", Waarde.TEKST, "Daan"),
    Veld("leerling.geboortedatum", "geboortedatum", Waarde.DATUM, dt.date(2012, 3, 14)),
)
SCHOOL = (
    Veld("school.naam", "naam van de school", Waarde.TEKST, "Voorbeeldcollege"),
    Veld("school.contactpersoon", "contactpersoon op school", Waarde.TEKST, "mevrouw J. Jansen"),
)
MELDING = (
    Veld("melding.nummer", "meldingsnummer", Waarde.TEKST, "VM-2026-000123"),
    Veld(
        "melding.begindatum", "eerste verzuimdag van de melding", Waarde.DATUM, dt.date(2026, 9, 7)
    ),
    Veld("melding.einddatum", "laatste dag van de melding", Waarde.DATUM, dt.date(2026, 9, 25)),
)
VERZUIM = (
    Veld(
        "verzuim.omschrijving",
        "het verzuim in woorden",
        Waarde.TEKST,
        "17 uur ongeoorloofd verzuim in vier weken",
    ),
)
GESPREK = (
    Veld("gesprek.datum", "datum van het gesprek", Waarde.DATUM, dt.date(2026, 10, 8)),
    Veld("gesprek.tijd", "tijd van het gesprek", Waarde.TIJD, dt.time(14, 30)),
    Veld(
        "gesprek.plaats",
        "plaats van het gesprek",
        Waarde.TEKST,
        "het stadhuis, Voorbeeldplein 1, Voorbeeldstad",
    ),
    Veld("gesprek.met", "met wie het gesprek is", Waarde.TEKST, "de heer P. Bakker"),
)
AFSPRAKEN = (
    Veld(
        "afspraken.tekst",
        "de gemaakte afspraken (één per regel, met '- ')",
        Waarde.MEERREGELIG,
        "- Daan is elke dag om 8.20 uur op school.\n- De mentor belt wekelijks met de ouders.",
    ),
    Veld(
        "vervolg.datum",
        "datum van het vervolggesprek of de controle",
        Waarde.DATUM,
        dt.date(2026, 11, 5),
    ),
)
REACTIE = (Veld("reactie.uiterlijk", "uiterste reactiedatum", Waarde.DATUM, dt.date(2026, 10, 15)),)
VORIGE_SCHOOL = (Veld("school.vorige", "laatst bekende school", Waarde.TEKST, "De Regenboog"),)

ALLE_MEDEWERKERS = frozenset(
    {"leerplichtambtenaar", "administratief-medewerker", "rmc-trajectbegeleider"}
)
LEERPLICHTAMBTENAAR = frozenset({"leerplichtambtenaar"})


@dataclass(frozen=True)
class Soort:
    code: str
    naam: str
    ontvangers: tuple[str, ...]
    velden: tuple[Veld, ...]
    # Roles that may send it: a warning before enforcement is the LPA's decision (domain.md
    # §1: the administratief medewerker takes no enforcement decisions).
    rollen: frozenset[str] = ALLE_MEDEWERKERS
    regel: str = "R-CW-4"

    @property
    def alle_velden(self) -> tuple[Veld, ...]:
        return SYSTEEM + LEERLING + self.velden

    @property
    def plaatshouders(self) -> frozenset[str]:
        return frozenset(v.naam for v in self.alle_velden)

    def veld(self, naam: str) -> Veld:
        return next(v for v in self.alle_velden if v.naam == naam)


SOORTEN: dict[str, Soort] = {
    s.code: s
    for s in (
        Soort(
            "verzoek-verzuimoverzicht",
            "Verzoek om verzuimoverzicht",
            (Ontvanger.SCHOOL,),
            SCHOOL + MELDING + REACTIE,
            regel="R-CW-3",
        ),
        Soort(
            "uitnodiging-gesprek",
            "Uitnodiging voor een gesprek",
            (Ontvanger.OUDERS, Ontvanger.LEERLING),
            SCHOOL + MELDING + VERZUIM + GESPREK,
        ),
        Soort(
            "bevestiging-afspraken",
            "Bevestiging van afspraken",
            (Ontvanger.OUDERS, Ontvanger.LEERLING, Ontvanger.SCHOOL),
            SCHOOL + GESPREK + AFSPRAKEN,
        ),
        Soort(
            "waarschuwing",
            "Waarschuwing voor handhaving",
            (Ontvanger.OUDERS, Ontvanger.LEERLING),
            SCHOOL + VERZUIM + AFSPRAKEN + REACTIE,
            rollen=LEERPLICHTAMBTENAAR,
            regel="R-CW-7",
        ),
        Soort(
            "absoluut-verzuim",
            "Brief bij absoluut verzuim",
            (Ontvanger.OUDERS,),
            REACTIE + VORIGE_SCHOOL,
            regel="R-CW-9",
        ),
    )
}

SOORT_KEUZES = [(s.code, s.naam) for s in SOORTEN.values()]
