"""Demo casework (issue 9): the demo region's gemeente and leerplichtdienst at work.

Runs after the demo meldingen and the figures' history (`./dev demo`: `demo_dossiers`), on
the dossiers those meldingen opened (R-CW-1). Every step goes through the dossiers' own
services on the day it happened (the clock set to that day):

1. History: a dossier whose meldingen were all handled is closed on the day the last one
   was, with that melding's reason (R-CW-11); one whose meldingen were all forwarded
   (R-RT-5) is closed as verhuisd.
2. The open cases: when a melding is picked up the leerplichtambtenaar takes the case, asks
   the school for its verzuimoverzicht (R-CW-3) and the school answers; then the MAS course
   (R-CW-2): analyse, an invitation, the gesprek and its verslag, afspraken with the
   follow-up four weeks on (R-CW-4), acting, evaluating. Each case stops at a phase of its
   own, so every phase has cases; some still wait for the school; the last follow-up date
   makes some overdue, some due this week, most later.
3. A showcase for the logins: lpa.haarlem is team lead (the workload per LPA) and has a
   werkaantekening (R-PR-2) and a zorgmelding (special category: the administratief
   medewerker does not see it, R-PR-5); an absoluut-verzuim signal taken into a dossier on
   its route (R-CW-9); a potential-LRV signal joining the pupil's dossier; a dossier opened
   by hand for a verlofaanvraag (luxe verzuim, R-CW-10); a case closed this month with its
   whole timeline.
4. Enforcement (`handhaving`, decided by the rules library): a Halt referral that came back
   positive and closed the case as halt-afgerond (R-CW-6); one that came back negative, then
   the warning letter, a proces-verbaal against the pupil and the OM's strafbeschikking
   (R-CW-7); a kinderbijslag stop in a gemeente with an SVB agreement (R-CW-8).
5. Letters (`dossiers.brieven`, PDF stored with the dossier, on its timeline): the
   absoluut-verzuim letter, an invitation in Dutch and English, a confirmation of the
   agreements, the warning, a request for the verzuimoverzicht sent to the school.

Deterministic per seed (dossiers in id order, one random stream); idempotent (nothing
happens once a gesprek is on any timeline). Demo mode only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Count, F, Max, Min, Q
from django.utils import timezone

from verzuim import clock
from verzuim.accounts import services as accounts
from verzuim.accounts.models import Gebruiker, Rol
from verzuim.audit.context import SYSTEEM, Actor, actor_for_user
from verzuim.clock import op
from verzuim.dossiers import brieven as dossierbrieven
from verzuim.dossiers import handhaving, koppelingen, queries, services, werkaantekeningen
from verzuim.dossiers import verzuimoverzicht as vo
from verzuim.dossiers.models import (
    Activiteit,
    Bron,
    Dossier,
    DossierMelding,
    DossierStatus,
    Handhaving,
    Werkaantekening,
)
from verzuim.meldingen import services as meldingen_services
from verzuim.meldingen.codes import OPEN_STATUSSEN, Status
from verzuim.meldingen.models import StatusWijziging
from verzuim.personen.queries import zichtbare_leerlingen
from verzuim.rules import leeftijd
from verzuim.rules.statussen import AFSLUITREDENEN
from verzuim.signalen.models import Signaal, SignaalStatus, Soort

SEED = 9
TEAMLEIDER = "lpa.haarlem"
#: The phases in which a case meets enforcement (R-CW-6/7): the plan made, acted on, evaluated.
FASEN_HANDHAVING = ("plannen", "handelen", "evalueren")
#: The timeline entries of the enforcement routes (a case has at most one of them here).
HANDHAVING_SOORTEN = ("halt-verwijzing", "proces-verbaal", "kinderbijslag-stop")
#: A melding older than this that nobody picked up is picked up in the demo's history.
ACHTERSTAND = dt.timedelta(weeks=6)
#: The phase a case's story stops in (index in rules.mas.FASEN), with its weight.
DOELFASEN = ((0, 15), (1, 20), (2, 20), (3, 25), (4, 20))

VERSLAGEN = (
    "Gesprek met moeder en leerling. Leerling zegt 's ochtends niet uit bed te komen en de "
    "eerste uren over te slaan; moeder werkt vroeg en ziet het niet. Leerling wil wel "
    "naar school, vindt wiskunde moeilijk en schaamt zich voor achterstanden.",
    "Gesprek met beide ouders en leerling. Het verzuim begon na een ruzie in de klas; "
    "leerling voelt zich buitengesloten. Ouders wisten niet hoe vaak hun kind afwezig was.",
    "Gesprek met vader en leerling. Leerling past thuis op een jonger broertje als moeder "
    "naar het ziekenhuis moet. Vader zoekt opvang; school is bereid mee te denken.",
    "Gesprek met moeder en leerling. Leerling gamet tot diep in de nacht en komt daardoor "
    "te laat. Moeder voelt zich machteloos; beiden staan open voor afspraken.",
    "Gesprek met ouders en leerling. Leerling meldt zich vaak ziek met buikpijn; de "
    "huisarts vindt geen oorzaak. Ouders denken aan spanning rond toetsen.",
)
AFSPRAKEN = (
    "Leerling is elke dag om 8.15 uur op school; mentor houdt het wekelijks bij. Moeder "
    "belt school bij ziekte vóór 8.00 uur. Evaluatie over vier weken.",
    "Telefoon 's avonds om 22.00 uur bij ouders; leerling meldt zich elke ochtend bij de "
    "mentor. School biedt bijles wiskunde. Evaluatie over vier weken.",
    "Ouders regelen opvang voor het broertje; leerling gaat weer alle dagen naar school. "
    "Bij nieuw verzuim belt school dezelfde dag de leerplichtambtenaar.",
    "Leerling gaat langs bij de jeugdarts (GGD) voor de ziekmeldingen; ouders melden ziekte "
    "voortaan vóór 8.30 uur. Evaluatie na het consult.",
)
CONTACTEN = (
    "Mentor: de afgelopen twee weken één keer te laat, verder aanwezig.",
    "Mentor: maandag en dinsdag weer afwezig zonder bericht; ouders niet bereikbaar.",
    "Zorgcoördinator: leerling is aangemeld bij het ondersteuningsteam van school.",
)
EVALUATIES = (
    "Evaluatiegesprek met ouders, leerling en mentor: het verzuim is sterk afgenomen; de "
    "afspraken blijven staan.",
    "Evaluatiegesprek met ouders, leerling en mentor: nog steeds verzuim op maandag; "
    "aanvullende afspraken en overleg met de zorgcoördinator.",
)
VERVOLG = {
    "wacht": "Verzuimoverzicht nabellen bij school",
    0: "Verzuimoverzicht beoordelen",
    1: "Gesprek met ouders en leerling",
    2: "Afspraken vastleggen",
    3: "Voortgang navragen bij de mentor",
    4: "Evaluatie afspraken",
}


class _Later(Exception):
    """The step lies after the demo's today: the story of this case ends here."""


class _Verhaal:
    """One case's steps, each on its own day; `laatste` is the day of the last one."""

    def __init__(self, vandaag: dt.date, begin: dt.date):
        self.vandaag, self.laatste = vandaag, begin

    def stap(self, dag: dt.date, functie, *args, **kwargs):
        if dag > self.vandaag:
            raise _Later
        with op(dag):
            uit = functie(*args, **kwargs)
        self.laatste = max(self.laatste, dag)
        return uit


@transaction.atomic  # one commit: the services' own transactions become savepoints
def maak_demo_dossiers(seed: int = SEED) -> dict[str, int]:
    if Activiteit.objects.filter(soort_id="gesprek").exists():
        return {}
    rng = random.Random(seed)
    vandaag = clock.today()
    lpas, admins = _medewerkers()
    tellers = {"gesloten": _sluit_afgehandelde(rng, lpas)}
    tellers |= _open_zaken(rng, vandaag, lpas, admins)
    tellers |= _etalage(rng, vandaag, lpas)
    _handhaving(vandaag, lpas)
    _brieven(vandaag, lpas, admins)
    tellers |= dict(
        Handhaving.objects.values_list("soort").annotate(n=Count("id")).order_by("soort")
    )
    tellers["brieven"] = Activiteit.objects.filter(bron=Bron.BRIEF).count()
    return tellers


def _medewerkers() -> tuple[dict[int, list[Actor]], dict[int, list[Actor]]]:
    """Per handling organisation its leerplichtambtenaren and administratief medewerkers."""
    lpas: dict[int, list[Actor]] = defaultdict(list)
    admins: dict[int, list[Actor]] = defaultdict(list)
    gebruikers = Gebruiker.objects.filter(
        is_active=True, organisatie__soort__in=queries.BEHANDELENDE_SOORTEN
    ).select_related("organisatie")
    for g in gebruikers.order_by("username"):
        if g.heeft_rol(Rol.LEERPLICHTAMBTENAAR):
            lpas[g.organisatie_id].append(actor_for_user(g))
        elif g.heeft_rol(Rol.ADMINISTRATIEF_MEDEWERKER):
            admins[g.organisatie_id].append(actor_for_user(g))
    return lpas, admins


def _school(melding) -> Actor:
    """The melding's school answering (a real demo login where the school has one)."""
    g = (
        Gebruiker.objects.filter(organisatie_id=melding.instelling_id, is_active=True)
        .order_by("username")
        .first()
    )
    if g is not None and g.heeft_rol(Rol.SCHOOLMEDEWERKER):
        return actor_for_user(g)
    return Actor(
        label="demo-school",
        organisatie=melding.instelling,
        soort="gebruiker",
        rollen=frozenset({Rol.SCHOOLMEDEWERKER}),
    )


def _koppelingen(dossiers) -> dict[int, list[DossierMelding]]:
    per: dict[int, list[DossierMelding]] = defaultdict(list)
    for k in DossierMelding.objects.filter(dossier__in=dossiers).select_related(
        "melding__instelling", "melding__leerling"
    ):
        per[k.dossier_id].append(k)
    return per


def _laatste_status(melding_ids) -> dict[int, StatusWijziging]:
    uit = {}
    for s in StatusWijziging.objects.filter(melding_id__in=melding_ids).order_by("tijdstip", "id"):
        uit[s.melding_id] = s
    return uit


# --- 1. history ---------------------------------------------------------------------------


def _sluit_afgehandelde(rng: random.Random, lpas) -> int:
    """Close each open dossier whose meldingen were all handled (or forwarded), on that day."""
    dossiers = list(Dossier.objects.filter(status=DossierStatus.OPEN).order_by("id"))
    per = _koppelingen(dossiers)
    laatste = _laatste_status([k.melding_id for ks in per.values() for k in ks])
    gesloten = 0
    for d in dossiers:
        ks = per.get(d.pk, [])
        huidig = [k for k in ks if k.doorgestuurd is None]
        if not ks or any(k.melding.status in OPEN_STATUSSEN for k in huidig):
            continue
        if huidig:
            s = max((laatste[k.melding_id] for k in huidig), key=lambda s: s.tijdstip)
            dag = timezone.localdate(s.tijdstip)
            reden = s.reden if s.reden in AFSLUITREDENEN else "verzuim-gestopt"
            toelichting = (
                "De school heeft de melding ingetrokken."
                if s.status == Status.INGETROKKEN
                else "De meldingen zijn afgehandeld."
            )
        else:
            dag = timezone.localdate(max(k.doorgestuurd for k in ks))
            reden, toelichting = "verhuisd", "Melding doorgestuurd naar de nieuwe woongemeente."
        with op(dag):
            services.sluit(rng.choice(lpas[d.organisatie_id]), d, reden, toelichting)
        gesloten += 1
    return gesloten


# --- 2. the open cases ----------------------------------------------------------------------


def _open_zaken(rng: random.Random, vandaag: dt.date, lpas, admins) -> dict[str, int]:
    dossiers = list(
        Dossier.objects.filter(status=DossierStatus.OPEN)
        .select_related("leerling", "organisatie")
        .order_by("id")
    )
    per = _koppelingen(dossiers)
    open_ids = [
        k.melding_id
        for ks in per.values()
        for k in ks
        if k.doorgestuurd is None and k.melding.status in OPEN_STATUSSEN
    ]
    opgepakt = dict(
        StatusWijziging.objects.filter(melding_id__in=open_ids, status=Status.IN_BEHANDELING)
        .values("melding_id")
        .annotate(eerste=Min("tijdstip"))
        .values_list("melding_id", "eerste")
    )
    tellers = {"verhalen": 0, "nieuw": 0}
    for d in dossiers:
        meldingen = [
            k.melding
            for k in per.get(d.pk, [])
            if k.doorgestuurd is None and k.melding.status in OPEN_STATUSSEN
        ]
        begonnen = sorted(
            ((timezone.localdate(opgepakt[m.pk]), m) for m in meldingen if m.pk in opgepakt),
            key=lambda x: x[0],
        )
        lpa = rng.choice(lpas[d.organisatie_id])
        ontvangen = timezone.localdate(meldingen[0].ontvangen) if meldingen else vandaag
        if not begonnen and ontvangen < vandaag - ACHTERSTAND:
            # A melding of months ago nobody picked up in the figures' history: the
            # leerplichtambtenaar did, a few days after it came in.
            dag = ontvangen + dt.timedelta(days=rng.randint(2, 9))
            with op(dag):
                meldingen_services.wijzig_status(
                    lpa, meldingen[0].uuid, Status.IN_BEHANDELING, toelichting="In behandeling."
                )
            begonnen = [(dag, meldingen[0])]
        if not begonnen:
            # New: nobody has picked it up yet; the administratief medewerker sometimes
            # asks the school for the verzuimoverzicht already (R-CW-3).
            if meldingen and admins[d.organisatie_id] and rng.random() < 0.3:
                with op(timezone.localdate(meldingen[0].ontvangen)):
                    vo.vraag_verzuimoverzicht(
                        admins[d.organisatie_id][0], d, meldingen[0].uuid, "Graag per les."
                    )
            tellers["nieuw"] += 1
            continue
        begin, melding = begonnen[0]
        doel = rng.choices([f for f, _ in DOELFASEN], weights=[w for _, w in DOELFASEN])[0]
        wacht = doel == 0 and rng.random() < 0.5
        verhaal = _Verhaal(vandaag, begin)
        with contextlib.suppress(_Later):  # the rest of its story lies after today
            _verhaal(verhaal, d, melding, lpa, doel, wacht, rng)
        _vervolgdatum(verhaal, d, rng, "wacht" if wacht else doel)
        tellers["verhalen"] += 1
    return tellers


def _verhaal(v: _Verhaal, d, melding, lpa: Actor, doel: int, wacht: bool, rng) -> None:
    """The MAS course of one case from the day its melding was picked up (R-CW-2..4)."""
    p = v.laatste

    def dag(n: int) -> dt.date:
        return p + dt.timedelta(days=n)

    v.stap(dag(0), services.wijs_toe, lpa, d, lpa.gebruiker)
    verzoek = v.stap(
        dag(0),
        vo.vraag_verzuimoverzicht,
        lpa,
        d,
        melding.uuid,
        "Graag het verzuimoverzicht van dit schooljaar, per les.",
    )
    if wacht:
        return
    uren = float(melding.verzuimde_uren or 0)
    v.stap(
        dag(3),
        vo.beantwoord_verzuimoverzicht,
        _school(melding),
        verzoek.uuid,
        antwoord=f"In de bijlage het overzicht: {uren:g} uur ongeoorloofd afwezig in de "
        "gemelde periode, daarvoor al enkele losse uren; vaak het eerste uur.",
        bestand=vo.Bestand(
            "verzuimoverzicht.csv",
            "text/csv",
            f"datum;uren\n{melding.begindatum:%d-%m-%Y};{uren:g}\n".encode(),
        ),
    )
    if doel == 0:
        return
    met = ["ouders", "leerling"] if _leeftijd(melding.leerling, p) >= 12 else ["ouders"]
    gesprek_op = dag(12)
    v.stap(dag(5), services.wijzig_fase, lpa, d, "analyseren",
           bevindingen=f"Verzuimoverzicht ontvangen: {uren:g} uur in de gemelde periode, "
           "vooral het eerste uur.",
           besluit="Ouders en leerling uitnodigen voor een gesprek.")  # fmt: skip
    v.stap(dag(5), services.voeg_activiteit_toe, lpa, d, "uitnodiging", met_wie=met,
           tekst=f"Uitnodiging per brief voor een gesprek op {gesprek_op:%d-%m-%Y} om 10.00 "
           "uur op het stadhuis.")  # fmt: skip
    if doel == 1:
        return
    verslag = rng.choice(VERSLAGEN)
    v.stap(gesprek_op, services.voeg_activiteit_toe, lpa, d, "gesprek", met_wie=met,
           tekst=verslag)  # fmt: skip
    v.stap(gesprek_op, services.wijzig_fase, lpa, d, "plannen", bevindingen=verslag,
           besluit="Afspraken maken met ouders, leerling en school.")  # fmt: skip
    v.stap(dag(13), services.voeg_activiteit_toe, lpa, d, "afspraken",
           met_wie=[*met, "school"], tekst=rng.choice(AFSPRAKEN))  # fmt: skip
    if doel == 2:
        return
    v.stap(dag(14), services.wijzig_fase, lpa, d, "handelen",
           bevindingen="Afspraken vastgelegd en met school gedeeld.",
           besluit="School houdt de aanwezigheid wekelijks bij; tussentijds contact met de "
           "mentor.")  # fmt: skip
    v.stap(dag(22), services.voeg_activiteit_toe, lpa, d, "telefonisch-contact",
           met_wie=["school"], tekst=rng.choice(CONTACTEN))  # fmt: skip
    if doel == 3:
        return
    evaluatie = rng.choice(EVALUATIES)
    v.stap(dag(41), services.wijzig_fase, lpa, d, "evalueren",
           bevindingen="Vier weken na de afspraken: aanwezigheid volgens de mentor.",
           besluit="Evaluatiegesprek met ouders, leerling en mentor.")  # fmt: skip
    v.stap(dag(42), services.voeg_activiteit_toe, lpa, d, "gesprek",
           met_wie=[*met, "school"], tekst=evaluatie)  # fmt: skip
    v.stap(dag(42), services.voeg_activiteit_toe, lpa, d, "afspraken",
           met_wie=[*met, "school"], tekst="De afspraken blijven staan; laatste evaluatie "
           "over vier weken.")  # fmt: skip


def _leeftijd(leerling, dag: dt.date) -> int:
    return leeftijd(leerling.geboortedatum, dag) if leerling.geboortedatum else 12


def _vervolgdatum(v: _Verhaal, d, rng: random.Random, stand) -> None:
    """The case's next action (R-CW-4), set on the day of its last step or later: a fifth
    overdue, a fifth this week, the rest in the coming weeks."""
    vandaag = v.vandaag
    week_eind = vandaag + dt.timedelta(days=6 - vandaag.weekday())
    r = rng.random()
    if r < 0.2 and v.laatste <= vandaag - dt.timedelta(days=3):
        gezet = v.laatste
        datum = gezet + dt.timedelta(days=rng.randint(1, (vandaag - gezet).days - 1))
        datum = max(datum, vandaag - dt.timedelta(days=rng.randint(1, 20)))
    else:
        gezet = vandaag - dt.timedelta(days=rng.randint(0, min(7, (vandaag - v.laatste).days)))
        if r < 0.4:
            datum = vandaag + dt.timedelta(days=rng.randint(0, (week_eind - vandaag).days))
        else:
            datum = vandaag + dt.timedelta(days=rng.randint(8, 42))
    with op(gezet):
        services.zet_vervolgdatum(_behandelaar_van(d), d, datum, VERVOLG[stand])


def _behandelaar_van(d) -> Actor:
    d.refresh_from_db(fields=["behandelaar"])
    if d.behandelaar is not None:
        return actor_for_user(d.behandelaar)
    return actor_for_user(
        Gebruiker.objects.filter(organisatie_id=d.organisatie_id, is_active=True)
        .order_by("username")
        .first()
    )


# --- 3. the showcase ------------------------------------------------------------------------


def _etalage(rng: random.Random, vandaag: dt.date, lpas) -> dict[str, int]:
    leider = Gebruiker.objects.filter(username=TEAMLEIDER, is_active=True).first()
    if leider is None:
        return {}
    _maak_teamleider(leider)
    lpa = actor_for_user(Gebruiker.objects.get(pk=leider.pk))  # permissions fresh
    collega = next((a for a in lpas[leider.organisatie_id] if a.gebruiker.pk != leider.pk), lpa)
    eigen = Dossier.objects.filter(behandelaar=leider, status=DossierStatus.OPEN)

    def dag(n: int) -> dt.date:
        return vandaag - dt.timedelta(days=n)

    uit = {}
    # R-PR-2: a personal working note; R-PR-5: a zorgmelding the administratief medewerker
    # does not see.
    d = eigen.filter(fase__in=("analyseren", "plannen")).order_by("id").first()
    if d is not None:
        with op(dag(1)):
            werkaantekeningen.schrijf_werkaantekening(
                lpa, d, "Moeder liet doorschemeren dat vader sinds de zomer niet meer thuis "
                "woont; bij het volgende gesprek voorzichtig naar vragen.",
            )  # fmt: skip
        uit["werkaantekening"] = 1
    d = eigen.filter(fase="handelen").order_by("id").first()
    if d is not None:
        with op(dag(2)):
            services.voeg_activiteit_toe(
                lpa, d, "zorgmelding", tekst="Met instemming van moeder aangemeld bij het "
                "sociaal wijkteam: zorgen over de draagkracht thuis.",
            )  # fmt: skip
        uit["zorgmelding"] = 1
    # R-CW-9: an absoluut-verzuim signal into a dossier on its route.
    signaal = _open_signaal(leider.organisatie, Soort.ABSOLUUT_VERZUIM, eigen_dossier=False)
    if signaal is not None:
        with op(dag(9)):
            d, _ = koppelingen.open_dossier_voor_signaal(
                lpa, signaal.uuid, "Kind staat nergens ingeschreven; gezin onbekend bij school."
            )
            services.wijs_toe(lpa, d, leider)
            services.voeg_activiteit_toe(
                lpa, d, "controles-absoluut-verzuim", tekst="Broers/zussen: geen op een "
                "school in de regio. Verhuisd: in juli uit Amsterdam. AZC: nee. Vorige school: "
                "uitgeschreven per 1 juli, geen nieuwe school bekend.",
            )  # fmt: skip
        with op(dag(8)):
            _brief(lpa, d, "absoluut-verzuim", "ouders", {"school.vorige": _vorige_school(d)})
        with op(dag(3)):
            services.voeg_activiteit_toe(
                lpa, d, "huisbezoek", met_wie=["ouders"], tekst="Niemand thuis; buren "
                "zeggen dat het gezin er nog woont. Kaartje in de bus achtergelaten.",
            )  # fmt: skip
            services.zet_vervolgdatum(lpa, d, vandaag + dt.timedelta(days=2), "Tweede huisbezoek")
        uit["signaal"] = 1
    # A potential-LRV signal joins the pupil's open dossier (R-CW-1).
    lrv = _open_signaal(leider.organisatie, Soort.POTENTIEEL_LRV, eigen_dossier=True)
    if lrv is not None:
        with op(dag(0)):
            koppelingen.open_dossier_voor_signaal(
                collega, lrv.uuid, "Vier lesweken achter elkaar gemeld: langdurig verzuim dreigt."
            )
        uit["lrv"] = 1
    # R-CW-10: a verlofaanvraag opened by hand on the luxe-verzuim route.
    leerling = (
        zichtbare_leerlingen(collega)
        .filter(
            inschrijvingen__onderwijssoort="po",
            inschrijvingen__einddatum__isnull=True,
            geboortedatum__lte=vandaag - dt.timedelta(days=8 * 365),
        )
        .exclude(dossiers__isnull=False)
        .order_by("id")
        .first()
    )
    if leerling is not None:
        with op(dag(6)):
            d = services.open_dossier(
                collega, leerling.uuid, "verlofaanvraag", "Ouders vragen drie weken verlof "
                "vóór de kerstvakantie voor familiebezoek; de directeur heeft het geweigerd.",
                route="luxe-verzuim",
            )  # fmt: skip
            services.wijs_toe(collega, d, collega.gebruiker)
        with op(dag(5)):
            services.voeg_activiteit_toe(
                collega, d, "telefonisch-contact", met_wie=["school"], tekst="Directeur: "
                "verlof geweigerd (geen gewichtige omstandigheden, art. 11 onder f); ouders "
                "lieten weten toch te gaan. Vliegtickets al geboekt.",
            )  # fmt: skip
            services.zet_vervolgdatum(
                collega, d, vandaag + dt.timedelta(days=1), "Ouders uitnodigen (luxe verzuim)"
            )
        uit["verlofaanvraag"] = 1
    # R-CW-11: a case closed this month, its whole course on the timeline.
    klaar = (
        eigen.filter(fase="evalueren", volgende_actie__gt=vandaag)
        .exclude(activiteiten__soort="zorgmelding")
        .order_by("id")
        .first()
    )
    if klaar is not None:
        with op(dag(4)):
            services.sluit(
                lpa, klaar, "verzuim-gestopt", "Na de afspraken weer elke dag op school; de "
                "mentor blijft het volgen.",
            )  # fmt: skip
        uit["afgesloten"] = 1
    return uit


def _open_signaal(organisatie, soort: str, *, eigen_dossier: bool) -> Signaal | None:
    """The organisation's first open signal of `soort` (by pupil) whose pupil has an open
    dossier there (`eigen_dossier`: the signal joins it) or has none (a new dossier opens,
    on the absoluut-verzuim route for that kind, R-CW-9)."""
    open_dossiers = Dossier.objects.filter(
        organisatie=organisatie, status=DossierStatus.OPEN
    ).values("leerling_id")
    qs = Signaal.objects.filter(ontvanger=organisatie, soort=soort, status=SignaalStatus.OPEN)
    qs = (
        qs.filter(leerling_id__in=open_dossiers)
        if eigen_dossier
        else qs.exclude(leerling_id__in=open_dossiers)
    )
    return qs.order_by("leerling_id", "id").first()


def _maak_teamleider(gebruiker: Gebruiker) -> None:
    """The team lead's permission (docs/decisions.md), saved as beheer does (audited)."""
    gebruiker.user_permissions.add(
        Permission.objects.get(content_type__app_label="dossiers", codename="teamleider")
    )
    accounts.bewaar_gebruiker(SYSTEEM, gebruiker, ["user_permissions"])


# --- 4. enforcement: Halt, proces-verbaal, kinderbijslag (R-CW-6..8) -----------------------


def _kandidaat(lpa: Actor, vandaag: dt.date, stil_sinds: dt.date, *, leeftijden=(12, 17)):
    """An open 16-uur case of this BOA's (or nobody's: the BOA takes it) past the analysis,
    its last step in the months before `stil_sinds` and nothing since, of a pupil aged
    within `leeftijden` from then to today: the BOA's own first, then by id (without the
    months' bound when no case has its last step then)."""
    qs = (
        Dossier.objects.filter(
            Q(behandelaar=lpa.gebruiker) | Q(behandelaar__isnull=True),
            organisatie=lpa.organisatie,
            status=DossierStatus.OPEN,
            fase__in=FASEN_HANDHAVING,
            koppelingen__melding__verzuimsoort="16-uur",
        )
        .exclude(activiteiten__soort__in=("zorgmelding", *HANDHAVING_SOORTEN))
        .annotate(laatste=Max("activiteiten__datum"))
        .filter(laatste__lt=stil_sinds)
        .select_related("leerling")
        .order_by(F("behandelaar").asc(nulls_last=True), "id")
        .distinct()
    )
    recent = qs.filter(laatste__gte=stil_sinds - dt.timedelta(days=120))
    for d in [*recent, *qs]:
        geboren = d.leerling.geboortedatum
        if geboren and (
            leeftijden[0]
            <= leeftijd(geboren, stil_sinds)
            <= leeftijd(geboren, vandaag)
            <= leeftijden[1]
        ):
            if d.behandelaar_id is None:
                with op(stil_sinds):
                    services.wijs_toe(lpa, d, lpa.gebruiker)
            return d
    return None


def _halt(lpa: Actor, d, gestart: dt.date, uren: float, toelichting: str, uitkomst: tuple):
    """A Halt referral (R-CW-6) on `gestart` and its outcome: (day, outcome, explanation)."""
    with op(gestart):
        h = handhaving.start_halt(
            lpa, d, datum=gestart, verzuimde_uren=uren, te_laat_keren=4,
            toestemming_leerling=True, toestemming_ouders=True, eigen_toedoen=True,
            ernstige_onbehandelde_problematiek=False, toelichting=toelichting,
        )  # fmt: skip
    dag, code, uitleg = uitkomst
    with op(dag):
        handhaving.halt_uitkomst(lpa, h, code, datum=dag, toelichting=uitleg)


def _handhaving(vandaag: dt.date, lpas) -> None:
    """A Halt referral that came back positive and closed the case (Haarlem's BOA); a Halt
    referral that came back negative, the warning letter and a proces-verbaal against the
    pupil with the OM's strafbeschikking (the dienst's BOA); a kinderbijslag stop for a
    16- or 17-year-old in a gemeente with an SVB agreement (the dienst's BOA)."""

    def dag(n: int) -> dt.date:
        return vandaag - dt.timedelta(days=n)

    boas = [a for org in sorted(lpas) for a in lpas[org] if a.boa]
    for lpa in boas[:1]:
        d = _kandidaat(lpa, vandaag, dag(36))
        if d is None:
            continue
        _halt(lpa, d, dag(35), 16, "Leerling en moeder stemmen in met een Halt-afdoening.", (
            dag(12), "positief",
            "Leeropdracht en excuusbrief aan de mentor gedaan; Halt meldt de afdoening positief "
            "afgerond.",
        ))  # fmt: skip
        with op(dag(10)):
            services.sluit(lpa, d, "halt-afgerond", "Sinds de Halt-afdoening geen verzuim meer.")
    for lpa in boas[1:2] or boas[:1]:
        d = _kandidaat(lpa, vandaag, dag(81))
        if d is None:
            continue
        _halt(lpa, d, dag(80), 22, "Leerling stemt in; vader ook.", (
            dag(50), "negatief", "Leerling is twee keer niet op de Halt-afspraak verschenen.",
        ))  # fmt: skip
        with op(dag(45)):
            _brief(lpa, d, "waarschuwing", "leerling", {
                "afspraken.tekst": "- Je bent elke dag om 8.20 uur op school.\n"
                "- Bij ziekte belt een ouder vóór 8.00 uur de school.",
                "vervolg.datum": dag(31),
            })  # fmt: skip
        with op(dag(30)):
            pv = handhaving.start_pv(
                lpa, d, datum=dag(30), absoluut_verzuim=False, verzuim_bewezen=True,
                ouders_verwijtbaar=False, leerling_verwijtbaar=True,
                toelichting="Na de negatieve Halt-afdoening en de waarschuwing gaat het verzuim door.",
            )  # fmt: skip
        with op(dag(6)):
            handhaving.pv_uitkomst(
                lpa, pv, "strafbeschikking", datum=dag(6),
                toelichting="OM: taakstraf van 20 uur, voorwaardelijk bij nieuw verzuim.",
            )  # fmt: skip
            services.zet_vervolgdatum(
                lpa, d, vandaag + dt.timedelta(days=10), "Evaluatie na de strafbeschikking"
            )
    for lpa in boas[1:2] or boas[:1]:
        d = _kandidaat(lpa, vandaag, dag(21), leeftijden=(16, 17))
        if d is None or d.gemeente is None:
            continue
        with op(dag(120)):
            handhaving.zet_svb_afspraak(SYSTEEM, d.gemeente, dag(120))
        with op(dag(20)):
            handhaving.svb_stop(
                lpa, d, datum=dag(20), ouders_verwijtbaar=True,
                toelichting="Ouders werken niet mee aan de afspraken; stopzetting gemeld aan de SVB.",
            )  # fmt: skip


# --- 5. letters (PDF) on the timelines ---------------------------------------------------------


def _brief(actor: Actor, d, soort: str, ontvanger: str, gegevens=None, taal: str = "nl"):
    """A letter as the page sends it: generated, stored with the dossier, on its timeline."""
    return dossierbrieven.verstuur_brief(actor, d, soort, ontvanger, taal, gegevens or {})


def _vorige_school(d) -> str:
    inschrijving = (
        d.leerling.inschrijvingen.select_related("vestiging").order_by("-begindatum").first()
    )
    return inschrijving.vestiging.naam if inschrijving else "onbekend"


def _brieven(vandaag: dt.date, lpas, admins) -> None:
    """A few letters of each kind on the team lead's timelines: the invitation to a
    conversation (Dutch and English), the confirmation of the agreements on the case with
    the werkaantekening, the request for the verzuimoverzicht sent to the school by the
    administratief medewerker (the absoluut-verzuim letter and the warning before the
    proces-verbaal are sent with their cases)."""

    def dag(n: int) -> dt.date:
        return vandaag - dt.timedelta(days=n)

    leider = Gebruiker.objects.filter(username=TEAMLEIDER).first()
    if leider is None:
        return
    lpa = actor_for_user(leider)
    eigen = Dossier.objects.filter(behandelaar=leider, status=DossierStatus.OPEN).order_by("id")
    uitnodigen = eigen.filter(fase="analyseren").exclude(pk__in=_met_aantekening_van(leider))
    d = uitnodigen.first()
    if d is not None:
        gesprek = {"gesprek.datum": vandaag + dt.timedelta(days=3), "gesprek.tijd": dt.time(10),
                   "gesprek.plaats": "het stadhuis, Grote Markt 2, Haarlem"}  # fmt: skip
        with op(dag(4)):
            for taal in ("nl", "en"):  # the parents read English
                _brief(lpa, d, "uitnodiging-gesprek", "ouders", gesprek, taal)
    d = eigen.filter(pk__in=_met_aantekening_van(leider)).first()
    if d is not None:
        with op(dag(1)):
            _brief(lpa, d, "bevestiging-afspraken", "ouders", {
                "gesprek.datum": dag(2), "gesprek.tijd": dt.time(15, 30),
                "gesprek.plaats": "de school",
                "afspraken.tekst": "- Uw kind is elke dag om 8.15 uur op school.\n"
                "- U belt de school bij ziekte vóór 8.00 uur.\n"
                "- De mentor houdt de aanwezigheid wekelijks bij.",
                "vervolg.datum": vandaag + dt.timedelta(days=26),
            })  # fmt: skip
    admin = (admins.get(leider.organisatie_id) or [None])[0]
    nieuw = (
        Dossier.objects.filter(
            organisatie_id=leider.organisatie_id, status=DossierStatus.OPEN, behandelaar=None
        )
        .exclude(verzoeken__isnull=False)
        .filter(koppelingen__isnull=False)
        .order_by("id")
        .first()
    )
    if admin is not None and nieuw is not None:
        with op(vandaag):
            _brief(admin, nieuw, "verzoek-verzuimoverzicht", "school")


# --- what each login sees (`demo_logins`) ---------------------------------------------------


def wie_ziet_wat() -> dict[str, list[str]]:
    """Per demo login that works dossiers: its worklist's counts, whether it sees the special
    categories and the team lead's view, and where the showcase cases are; per school login
    its open verzuimoverzicht requests."""
    vandaag, basis_url = clock.today(), settings.BASE_URL
    uit: dict[str, list[str]] = {}
    gebruikers = Gebruiker.objects.filter(is_active=True).select_related("organisatie")
    for g in gebruikers.order_by("username"):
        actor = actor_for_user(g)
        if queries.mag_dossiers_zien(actor):
            uit[g.username] = _werklijst_uitleg(actor, g, vandaag, basis_url)
        elif queries.verzoeken_aan_school(actor).exists():
            n = queries.verzoeken_aan_school(actor).filter(
                beantwoord__isnull=True, vervallen__isnull=True
            )
            uit[g.username] = [
                f"verzoeken om het verzuimoverzicht: {n.count()} open, te beantwoorden op de "
                "pagina van de melding"
            ]
            if (v := n.select_related("melding").first()) is not None:
                uit[g.username].append(
                    f"open verzoek (R-CW-3): {basis_url}/meldingen/{v.melding.uuid}/"
                )
    return uit


def _werklijst_uitleg(actor: Actor, g: Gebruiker, vandaag: dt.date, basis_url: str) -> list[str]:
    filters = queries.werklijst_filters(vandaag, g)
    t = queries.open_dossiers_voor(actor).aggregate(
        **{k: Count("pk", filter=q) for k, q in filters.items()}
    )
    regels = [
        f"werklijst {basis_url}/dossiers/: {t['alle']} open dossiers, {t['te-laat']} met "
        f"verstreken actiedatum, {t['deze-week']} actie deze week, {t['nieuw']} nieuwe "
        f"meldingen, {t['wacht-op-school']} wachten op de school, {t['mijn']} eigen"
    ]
    if services.is_teamleider(actor):
        regels.append("teamleider: werkvoorraad per leerplichtambtenaar, toewijzen")
    if not queries.ziet_bijzondere_categorieen(actor):
        regels.append("ziet geen bijzondere persoonsgegevens, zoals een zorgmelding (R-PR-5)")
    if not g.heeft_rol(Rol.LEERPLICHTAMBTENAAR):
        return regels
    alle = queries.dossiers_voor(actor).order_by("id")
    voorbeelden = (
        ("absoluut verzuim (R-CW-9)", alle.filter(route="absoluut-verzuim", status="open")),
        ("verlofaanvraag, luxe verzuim (R-CW-10)", alle.filter(aanleiding="verlofaanvraag")),
        ("zorgmelding (R-PR-5)", alle.filter(activiteiten__soort="zorgmelding")),
        ("eigen werkaantekening (R-PR-2)", alle.filter(pk__in=_met_aantekening_van(g))),
        ("onlangs gesloten (R-CW-11)", alle.filter(status="gesloten").order_by("-gesloten")),
        ("Halt-verwijzing met uitkomst (R-CW-6)", alle.filter(handhavingen__soort="halt")),
        (
            "proces-verbaal en OM-uitkomst (R-CW-7)",
            alle.filter(handhavingen__soort="proces-verbaal"),
        ),
        ("kinderbijslag stopgezet (R-CW-8)", alle.filter(handhavingen__soort="kinderbijslag")),
        ("brieven (PDF) op de tijdlijn", alle.filter(activiteiten__bron="brief")),
    )
    for label, qs in voorbeelden:
        d = qs.first()
        if d is not None:
            regels.append(f"{label}: {basis_url}/dossiers/{d.uuid}/")
    return regels


def _met_aantekening_van(g: Gebruiker):
    return Werkaantekening.objects.filter(auteur=g).values("dossier_id")
