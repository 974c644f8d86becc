"""Demo history for the figures (issue 11): two earlier schooljaren and the running one,
so the telling, the benchmark's trend and the school figures show real numbers.

Everything goes through the real services, each on its own day (the clock is set to the
day the school reports, the gemeente picks up, closes or forwards): meldingen through the
intake (R-ME-1..4, lateness included), status changes and forwarding (R-RT-5/6), and a few
vrijstellingen through the register. Deterministic per seed; idempotent (nothing happens
when meldingen of an earlier schooljaar exist). Demo mode only.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from verzuim import clock
from verzuim.audit.context import Actor
from verzuim.clock import op
from verzuim.dossiers import handhaving
from verzuim.dossiers.fouten import Conflict, Ongeldig
from verzuim.dossiers.models import Dossier
from verzuim.meldingen import services
from verzuim.meldingen.demo import _payload, _schooldagen
from verzuim.meldingen.fouten import (
    GeenToegang,
    MeldingOngeldig,
    NietGevonden,
    OvergangNietToegestaan,
)
from verzuim.meldingen.models import Melding
from verzuim.organisaties.models import Organisatie
from verzuim.personen import services as register
from verzuim.personen.fouten import RegisterConflict
from verzuim.personen.leerplicht import GeboortedatumOnbekend, leerplicht_status_van
from verzuim.personen.models import BrpPersoon, Inschrijving
from verzuim.rules import Schooljaar, schooljaar_van
from verzuim.rules.kalender import SchoolKalender

#: Meldingen per schooljaar (the running one gets a share by how far it is).
PER_JAAR = 150
SOORTEN = (("16-uur", 60), ("luxe", 14), ("langdurig", 12), ("overig", 14))
JAREN = 2  # earlier schooljaren besides the running one
DEMO_GEMEENTEN = ("GM0392", "GM0397", "GM0473")  # personen.demo: Haarlem, Heemstede, Zandvoort


def _actor(org, rol: str) -> Actor:
    return Actor(label=f"demo-{rol}", organisatie=org, soort="gebruiker", rollen=frozenset({rol}))


def _dagen_in(sj: Schooljaar, tot: dt.date, rng: random.Random, aantal: int) -> list[dt.date]:
    """School-year days (September to June) up to `tot`, spread over the year."""
    begin, eind = dt.date(sj.startjaar, 9, 1), min(dt.date(sj.startjaar + 1, 6, 30), tot)
    if eind <= begin:
        return []
    span = (eind - begin).days
    return sorted(begin + dt.timedelta(days=rng.randrange(span)) for _ in range(aantal))


def _kandidaat(rng, inschrijvingen: list[Inschrijving], dag: dt.date) -> Inschrijving | None:
    for _ in range(40):
        i = rng.choice(inschrijvingen)
        if i.begindatum <= dag - dt.timedelta(days=35) and (
            i.einddatum is None or i.einddatum >= dag
        ):
            return i
    return None


def maak_geschiedenis(seed: int = 11, per_jaar: int = PER_JAAR) -> dict[str, int]:
    vandaag = clock.today()
    huidig = schooljaar_van(vandaag)
    eerste = Schooljaar(huidig.startjaar - JAREN)
    if Melding.objects.filter(begindatum__lt=huidig.begindatum).exists():
        return {}
    rng = random.Random(seed)
    inschrijvingen = list(
        Inschrijving.objects.filter(leerling__burgerservicenummer__isnull=False)
        .select_related("leerling", "vestiging__instelling", "vestiging__gemeente")
        .order_by("id")
    )
    kalenders: dict[str, SchoolKalender] = {}
    gemaakt: dict[str, int] = {}
    for jaar in range(eerste.startjaar, huidig.startjaar + 1):
        sj = Schooljaar(jaar)
        aantal = per_jaar
        if sj == huidig:
            aantal = per_jaar * max((vandaag - sj.begindatum).days - 31, 0) // 300
        n = 0
        for dag in _dagen_in(sj, vandaag - dt.timedelta(days=14), rng, aantal):
            melding = _meld(rng, inschrijvingen, kalenders, dag, vandaag)
            if melding is not None:
                _behandel(rng, melding, vandaag)
                n += 1
        _vrijstellingen(rng, inschrijvingen, sj)
        gemaakt[sj.label] = n
    return gemaakt


def _meld(rng, inschrijvingen, kalenders, dag: dt.date, vandaag: dt.date) -> Melding | None:
    inschrijving = _kandidaat(rng, inschrijvingen, dag)
    if inschrijving is None:
        return None
    code = inschrijving.vestiging.gemeente.code
    kalender = kalenders.setdefault(code, SchoolKalender.voor_gemeente(code))
    soort = rng.choices([s for s, _ in SOORTEN], weights=[w for _, w in SOORTEN])[0]
    dagen = _schooldagen(kalender, dag, 20 if soort == "langdurig" else rng.choice([3, 5, 8]))
    try:
        status = leerplicht_status_van(inschrijving.leerling, dagen[0]).status
    except GeboortedatumOnbekend:
        return None
    if status not in ("leerplichtig", "kwalificatieplichtig"):
        return None
    # Most schools report within the 5 werkdagen of R-ME-4; some are late.
    gemeld = dagen[-1] + dt.timedelta(days=rng.choice([1, 2, 3, 4, 6, 9, 14]))
    if gemeld > vandaag:
        return None
    school = _actor(inschrijving.vestiging.instelling, "schoolmedewerker")
    with op(gemeld):
        try:
            return services.meld_verzuim(school, _payload(inschrijving, soort, dagen, rng)).melding
        except MeldingOngeldig:
            return None


def _behandel(rng, melding: Melding, vandaag: dt.date) -> None:
    """The receiver picks it up after a few days; most are closed within weeks, a long
    case (LRV) runs for months or is still open; a few are forwarded after a move."""
    melding.refresh_from_db()
    ontvangen = timezone.localdate(melding.ontvangen)
    lpa = _actor(melding.ontvanger, "leerplichtambtenaar")
    oppakken = ontvangen + dt.timedelta(days=rng.choice([0, 1, 2, 3, 5, 8, 13]))
    duur = (
        rng.choice([20, 45, 90, 130])
        if melding.verzuimsoort == "langdurig"
        else rng.choice([14, 30, 60])
    )
    sluiten = oppakken + dt.timedelta(days=duur)
    try:
        if oppakken > vandaag or rng.random() < 0.08:
            return  # still new
        with op(oppakken):
            services.wijzig_status(
                lpa, melding.uuid, "in-behandeling", toelichting="Demo: opgepakt."
            )
        if rng.random() < 0.04:
            naar = rng.choice(
                [g for g in DEMO_GEMEENTEN if g != melding.verantwoordelijke_gemeente.code]
            )
            with op(oppakken + dt.timedelta(days=3)):
                services.stuur_door(lpa, melding.uuid, naar, "Demo: leerling verhuisd.")
            return
        if melding.verzuimsoort == "16-uur" and rng.random() < 0.4:
            _handhaving(rng, melding, lpa, oppakken, min(sluiten, vandaag))
        if sluiten <= vandaag and rng.random() < 0.85:
            reden = "verhuisd" if rng.random() < 0.05 else "verzuim-gestopt"
            with op(sluiten):
                services.wijzig_status(lpa, melding.uuid, "afgesloten", reden=reden)
    except (MeldingOngeldig, OvergangNietToegestaan):
        return


def _handhaving(rng, melding: Melding, lpa: Actor, opgepakt: dt.date, tot: dt.date) -> None:
    """A BOA's Halt referral (R-CW-6) a few weeks after the pick-up, its outcome; after a
    negative one now and then a proces-verbaal (R-CW-7) with the OM's decision, so the
    telling of past schooljaren counts enforcement too. A route the rules refuse (age, hours)
    is simply not taken, as in practice."""
    boa = Actor(
        label="demo-boa", organisatie=lpa.organisatie, soort="gebruiker",
        rollen=lpa.rollen, boa=True,
    )  # fmt: skip
    d = (
        Dossier.objects.filter(koppelingen__melding=melding, koppelingen__doorgestuurd=None)
        .order_by("id")
        .first()
    )
    gestart, terug = opgepakt + dt.timedelta(days=14), opgepakt + dt.timedelta(days=42)
    if d is None or terug > tot:
        return
    try:
        with op(gestart):
            halt = handhaving.start_halt(
                boa, d, datum=gestart, verzuimde_uren=rng.choice([10, 16, 24, 40]),
                te_laat_keren=rng.choice([0, 3, 6]), toestemming_leerling=True,
                toestemming_ouders=True, eigen_toedoen=True,
                ernstige_onbehandelde_problematiek=False,
            )  # fmt: skip
        positief = rng.random() < 0.7
        with op(terug):
            handhaving.halt_uitkomst(boa, halt, "positief" if positief else "negatief", datum=terug)
        if positief or rng.random() < 0.4:
            return
        pv_dag, om_dag = terug + dt.timedelta(days=7), terug + dt.timedelta(days=60)
        with op(pv_dag):
            pv = handhaving.start_pv(
                boa, d, datum=pv_dag, absoluut_verzuim=False, verzuim_bewezen=True,
                ouders_verwijtbaar=rng.random() < 0.5, leerling_verwijtbaar=True,
            )  # fmt: skip
        if om_dag <= clock.today():
            with op(om_dag):
                handhaving.pv_uitkomst(
                    boa, pv, rng.choice(["sepot", "strafbeschikking", "strafbeschikking"]),
                    datum=om_dag,
                )  # fmt: skip
    except (Conflict, Ongeldig, GeenToegang):  # Geweigerd is a Conflict
        return


def _vrijstellingen(rng, inschrijvingen, sj: Schooljaar) -> None:
    """A handful of art. 5a/5b/5c/15 vrijstellingen per schooljaar."""
    dag = dt.date(sj.startjaar, 9, 15)
    for artikel in ("5a", "5a", "5a", "5a", "5a", "5a", "5b", "5c", "15", "5a", "5b"):
        i = _kandidaat(rng, inschrijvingen, dag)
        if i is None:
            continue
        woont = (
            BrpPersoon.objects.filter(burgerservicenummer=i.leerling.burgerservicenummer)
            .values_list("gemeente_van_inschrijving", flat=True)
            .first()
        )
        org = Organisatie.objects.filter(code=f"GM{woont}").first()
        if org is None:
            continue
        with op(dag):
            try:
                register.registreer_vrijstelling(
                    _actor(org, "leerplichtambtenaar"),
                    {"burgerservicenummer": i.leerling.burgerservicenummer},
                    artikel,
                    dag.isoformat(),
                    dt.date(sj.startjaar + 1, 7, 31).isoformat(),
                )
            except (MeldingOngeldig, RegisterConflict, NietGevonden, GeenToegang):
                continue  # e.g. not leerplichtig on that day: the demo skips it
