"""Demo signals (issue 10): `verzuim demo-signalen`, run by `./dev demo` after the demo
meldingen. A school of the demo region reports chains of 16-uur meldingen through the real
intake for three pupils — 5 and 4 consecutive lesweken (potential LRV, R-SG-4) and 3 (one short
of it) — then the recompute runs for today, which also raises absoluut verzuim for the demo's
children without a school (R-SG-1). Demo mode only; idempotent (the chains are made once)."""

from __future__ import annotations

import datetime as dt

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.meldingen import services
from verzuim.meldingen.models import Melding
from verzuim.personen.leerplicht import GeboortedatumOnbekend, leerplicht_status_van
from verzuim.personen.models import Inschrijving
from verzuim.rules.kalender import SchoolKalender
from verzuim.signalen.herberekening import Uitkomst, herbereken

REDEN = "Leerling is al weken grotendeels afwezig; ouders zijn moeilijk bereikbaar."
VESTIGING = "99VA00"  # the demo's fictitious vo school in Haarlem (personen.demo)
#: Per pupil: the meldingen as runs of lesweken (oldest first), each a vervolgmelding.
REEKSEN = ((2, 3), (4,), (3,))


def _pupillen(vandaag: dt.date, aantal: int) -> list[Inschrijving]:
    gekozen = []
    kandidaten = (
        Inschrijving.objects.filter(
            vestiging__code=VESTIGING,
            einddatum__isnull=True,
            begindatum__lte=vandaag - dt.timedelta(days=120),
            leerling__burgerservicenummer__isnull=False,
        )
        .exclude(leerling__meldingen__isnull=False)
        .select_related("leerling", "vestiging__instelling", "vestiging__gemeente")
        .order_by("id")
    )
    for inschrijving in kandidaten:
        try:
            status = leerplicht_status_van(inschrijving.leerling, vandaag - dt.timedelta(days=70))
        except GeboortedatumOnbekend:
            continue
        if status.status == "leerplichtig":
            gekozen.append(inschrijving)
        if len(gekozen) == aantal:
            break
    return gekozen


def _melding(inschrijving: Inschrijving, kalender: SchoolKalender, weken: list[dt.date]) -> dict:
    dagen = kalender.schooldagen(weken[0], weken[-1] + dt.timedelta(days=4))
    return {
        "leerling": {"burgerservicenummer": inschrijving.leerling.burgerservicenummer},
        "vestiging": inschrijving.vestiging.code,
        "verzuimsoort": "16-uur",
        "begindatum": dagen[0].isoformat(),
        "einddatum": dagen[-1].isoformat(),
        "verzuimdeUren": 4.0 * len(dagen),
        "verzuimdagen": [{"datum": d.isoformat(), "uren": 4.0} for d in dagen],
        "vermoedelijkeReden": REDEN,
        "ondernomenActie": "Mentor heeft ouders gebeld en gemaild.",
        "gewensteActie": "Graag een gesprek van de leerplichtambtenaar met ouders en leerling.",
        "contactpersoon": {"naam": "M. de Boer", "functie": "verzuimcoördinator",
                           "email": "verzuim@school.example", "telefoon": "023-5550000"},
    }  # fmt: skip


def meld_reeksen() -> list[Melding]:
    """The chains of meldingen (once): the last lesweken before this week."""
    if Melding.objects.filter(vermoedelijke_reden=REDEN).exists():
        return []
    vandaag = clock.today()
    gemaakt = []
    for inschrijving, reeks in zip(_pupillen(vandaag, len(REEKSEN)), REEKSEN, strict=False):
        kalender = SchoolKalender.voor_gemeente(inschrijving.vestiging.gemeente.code)
        lesweken = kalender.venster_4_lesweken(vandaag - dt.timedelta(days=7), sum(reeks)).lesweken
        school = Actor(label="demo-school", organisatie=inschrijving.vestiging.instelling,
                       soort="gebruiker", rollen=frozenset({"schoolmedewerker"}))  # fmt: skip
        start = 0
        for lengte in reeks:
            weken = list(lesweken[start : start + lengte])
            start += lengte
            gemaakt.append(
                services.meld_verzuim(school, _melding(inschrijving, kalender, weken)).melding
            )
    return gemaakt


def maak_demo_signalen() -> tuple[list[Melding], Uitkomst]:
    return meld_reeksen(), herbereken(clock.today())
