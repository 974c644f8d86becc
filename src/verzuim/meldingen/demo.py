"""Demo meldingen: schools of the demo region report verzuim through the real intake service,
and leerplichtambtenaren pick some of them up, so the inbox and the school pages have
something to show. The schools report over the last weeks (each on its own day, the clock
set to it), most recently the most, and the gemeente picks a third up a few days after.
Demo mode only; idempotent (nothing happens when meldingen exist)."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.clock import op
from verzuim.meldingen import services
from verzuim.meldingen.fouten import MeldingOngeldig
from verzuim.meldingen.models import Melding
from verzuim.organisaties.models import Organisatie
from verzuim.personen.leerplicht import GeboortedatumOnbekend, leerplicht_status_van
from verzuim.personen.models import Inschrijving
from verzuim.rules.kalender import SchoolKalender

REDENEN = [
    "Leerling meldt zich vaak ziek op maandag; ouders reageren niet op berichten.",
    "Vermoedelijk thuis om op jongere broertjes en zusjes te passen.",
    "Leerling geeft aan zich niet veilig te voelen in de klas.",
    "Ouders hebben een vakantie geboekt buiten de schoolvakanties.",
    "Structureel te laat; leerling zegt 's nachts te gamen.",
]


#: How many days before the demo's today a school reports (the weights: most recently the most).
GEMELD_DAGEN_GELEDEN = (0, 0, 0, 1, 1, 2, 3, 4, 7, 8, 10, 14, 17, 21, 24, 28, 31, 35)


def _schooldagen(kalender: SchoolKalender, tot: dt.date, aantal: int) -> list[dt.date]:
    dagen, dag = [], tot
    while len(dagen) < aantal:
        if kalender.is_schooldag(dag):
            dagen.append(dag)
        dag -= dt.timedelta(days=1)
    return sorted(dagen)


def _soort(status: str, rng: random.Random) -> str | None:
    if status == "18-plus":
        return "18-plus"
    if status in ("leerplichtig", "kwalificatieplichtig"):
        return rng.choice(["16-uur", "16-uur", "16-uur", "luxe", "langdurig", "overig"])
    return None


def _payload(inschrijving: Inschrijving, soort: str, dagen: list[dt.date], rng) -> dict:
    uren = [
        5.0 if soort in ("luxe", "langdurig", "18-plus") else rng.choice([2.0, 3.0, 4.0])
        for _ in dagen
    ]
    data = {
        "leerling": {"burgerservicenummer": inschrijving.leerling.burgerservicenummer},
        "vestiging": inschrijving.vestiging.code,
        "verzuimsoort": soort,
        "begindatum": dagen[0].isoformat(),
        "einddatum": dagen[-1].isoformat(),
        "verzuimdeUren": sum(uren),
        "verzuimdagen": [
            {"datum": d.isoformat(), "uren": u} for d, u in zip(dagen, uren, strict=True)
        ],
        "vermoedelijkeReden": rng.choice(REDENEN),
        "ondernomenActie": "Gesprek met mentor en ouders gebeld.",
        "gewensteActie": "Graag een gesprek van de leerplichtambtenaar met ouders en leerling.",
        "contactpersoon": {
            "naam": "M. de Boer",
            "functie": "verzuimcoördinator",
            "email": "verzuim@school.example",
            "telefoon": "023-5550000",
        },
    }
    if soort == "16-uur":
        data["teLaatKeren"] = rng.randint(0, 6)
    return data


def maak_demo_meldingen(aantal: int = 40, seed: int = 7) -> list[Melding]:
    if Melding.objects.exists():
        return []
    rng = random.Random(seed)
    vandaag = clock.today()
    kandidaten = list(
        Inschrijving.objects.filter(
            leerling__burgerservicenummer__isnull=False,
            begindatum__lte=vandaag - dt.timedelta(days=60),
        )
        .exclude(einddatum__lt=vandaag)
        .select_related("leerling", "vestiging__instelling", "vestiging__gemeente")
        .order_by("id")
    )
    rng.shuffle(kandidaten)
    # Oldest first, so the meldingsnummers follow the days the schools reported.
    geleden = sorted((rng.choice(GEMELD_DAGEN_GELEDEN) for _ in range(aantal)), reverse=True)
    gemaakt: list[Melding] = []
    for inschrijving in kandidaten:
        if len(gemaakt) >= aantal:
            break
        school: Organisatie = inschrijving.vestiging.instelling
        kalender = SchoolKalender.voor_gemeente(inschrijving.vestiging.gemeente.code)
        # Reported today or up to five weeks ago, the verzuim ending a few days before.
        gemeld = vandaag - dt.timedelta(days=geleden[len(gemaakt)])
        dagen = _schooldagen(
            kalender, gemeld - dt.timedelta(days=rng.randint(1, 4)), rng.choice([3, 5, 8])
        )
        try:
            status = leerplicht_status_van(inschrijving.leerling, dagen[0]).status
        except GeboortedatumOnbekend:
            continue
        soort = _soort(status, rng)
        if soort is None:
            continue
        actor = Actor(
            label="demo-school",
            organisatie=school,
            soort="gebruiker",
            rollen=frozenset({"schoolmedewerker"}),
        )
        try:
            with op(gemeld):
                intake = services.meld_verzuim(actor, _payload(inschrijving, soort, dagen, rng))
        except MeldingOngeldig:
            continue  # e.g. not admissible for this pupil: the demo simply skips it
        gemaakt.append(intake.melding)
    _behandel_enkele(gemaakt, rng)
    return gemaakt


def _behandel_enkele(meldingen: list[Melding], rng: random.Random) -> None:
    """The receiving party takes a third of them in hand (up to three days after they came
    in, never after today) and closes a few a week later."""
    vandaag = clock.today()
    for melding in meldingen[: len(meldingen) // 3]:
        melding.refresh_from_db()
        ontvangen = timezone.localdate(melding.ontvangen)
        opgepakt = min(ontvangen + dt.timedelta(days=rng.randint(0, 3)), vandaag)
        lpa = Actor(
            label="demo-leerplicht",
            organisatie=melding.ontvanger,
            soort="gebruiker",
            rollen=frozenset({"leerplichtambtenaar"}),
        )
        with op(opgepakt):
            services.wijzig_status(
                lpa,
                melding.uuid,
                "in-behandeling",
                toelichting="Ouders uitgenodigd voor een gesprek.",
            )
        if rng.random() < 0.3:
            with op(min(opgepakt + dt.timedelta(days=7), vandaag)):
                services.wijzig_status(
                    lpa,
                    melding.uuid,
                    "afgesloten",
                    reden="verzuim-gestopt",
                    toelichting="Verzuim gestopt na gesprek.",
                )
