"""Recomputing the signals: the nightly job (``verzuim signalen``) and the re-evaluation of
one person after a BRP mutation (R-SG-5). The database narrows (``kandidaten``), the rules
decide (``verzuim.rules.signalen``), ``toepassen`` writes.

Safe while users work: the candidates are computed first (reads only); the writes for each
soort then happen in one transaction under the signal writers' lock. Persons whose BRP data
changed by a mutation while the candidates were computed are judged again inside that
transaction, so the run never undoes a mutation's re-evaluation. Running it twice for the
same peildatum changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db import transaction

from verzuim import clock
from verzuim.audit import services as audit
from verzuim.audit.context import SYSTEEM, Actor
from verzuim.organisaties.models import Gemeente, Organisatie
from verzuim.organisaties.queries import ontvanger_voor, ontvangers
from verzuim.personen.queries import leerling_ids
from verzuim.personen.services import leerlingen_uit_brp
from verzuim.rules import signalen as regels
from verzuim.signalen import kandidaten
from verzuim.signalen.kandidaten import KALENDERS, Kalenders, Persoon
from verzuim.signalen.models import BrpMutatie, Herberekening, Signaal, Soort
from verzuim.signalen.toepassen import (
    Bevinding,
    OpenSignaal,
    Oplossing,
    Resultaat,
    pas_toe,
    vergrendel,
)

DOEL = "signalering (R-SG-1..5)"


def signaal_policy() -> regels.SignaalPolicy:
    return regels.SignaalPolicy(respijt_schooldagen=settings.SIGNALEN_RESPIJT_SCHOOLDAGEN)


@dataclass
class Context:
    """What one run reads once: gemeenten and receivers of the whole country (``alles``, the
    nightly run), or only what one person needs (a mutation)."""

    peildatum: dt.date
    policy: regels.SignaalPolicy = field(default_factory=signaal_policy)
    lrv_policy: regels.LrvPolicy = field(default_factory=regels.LrvPolicy)
    kalenders: Kalenders = field(default_factory=lambda: KALENDERS)
    alles: bool = True
    _gemeenten: dict = field(default_factory=dict)

    @cached_property
    def _alle_gemeenten(self) -> dict[str, Gemeente]:
        """By the BRP's 4 digits."""
        return {g.nummer: g for g in Gemeente.objects.all()}

    @cached_property
    def _ontvangers(self) -> dict[tuple[int, str], int | None]:
        return ontvangers()

    def gemeente(self, nummer: str) -> Gemeente | None:
        if self.alles:
            return self._alle_gemeenten.get(nummer)
        if nummer not in self._gemeenten:
            self._gemeenten[nummer] = Gemeente.objects.filter(code=f"GM{nummer}").first()
        return self._gemeenten[nummer]

    def ontvanger(self, gemeente: Gemeente, doelgroep: str) -> int | None:
        """Who handles this gemeente's doelgroep (R-RT-2); None when nobody (no organisation
        for the gemeente: the signal is kept, without receiver)."""
        if self.alles:
            return self._ontvangers.get((gemeente.pk, doelgroep))
        try:
            return ontvanger_voor(gemeente, doelgroep).pk
        except Organisatie.DoesNotExist:
            return None

    def verhuisd(self, gemeente_id: int) -> str:
        if self.alles:
            naam = next(
                (g.naam for g in self._alle_gemeenten.values() if g.pk == gemeente_id), None
            )
        else:
            naam = Gemeente.objects.filter(pk=gemeente_id).values_list("naam", flat=True).first()
        return f"Verhuisd naar {naam or 'een andere gemeente'}."


# --- absoluut verzuim --------------------------------------------------------------------


def beoordeel_absoluut(
    ctx: Context, persoon: Persoon
) -> tuple[regels.AbsoluutVerzuimSignaal, Gemeente | None]:
    """The rules' decision for one person (R-SG-1..2), with the school calendar of the
    region of the gemeente the person lives in."""
    gemeente = ctx.gemeente(persoon.gemeente)
    kalender = ctx.kalenders.voor(gemeente.vakantieregio if gemeente else "")
    return (
        regels.absoluut_verzuim_signaal(
            persoon.feiten, persoon.brp, ctx.peildatum, kalender, ctx.policy
        ),
        gemeente,
    )


def _gegevens_absoluut(b: regels.AbsoluutVerzuimSignaal) -> dict:
    laatste = b.laatste_inschrijving
    return {
        "status": b.status.status,
        "verzuimSinds": b.sinds.isoformat() if b.sinds else None,
        "laatsteSchool": laatste.school if laatste else None,
        "laatsteInschrijvingTot": laatste.einddatum.isoformat() if laatste else None,
        "respijtTot": b.respijt_tot.isoformat() if b.respijt_tot else None,
    }


@dataclass
class _Vlag:
    """A flagged person before the pupil row is known (never-enrolled residents)."""

    persoon: Persoon
    gemeente: Gemeente
    bevinding: Bevinding


def _vlaggen(ctx: Context, personen: list[Persoon]) -> list[_Vlag]:
    vlaggen = []
    for persoon in personen:
        b, gemeente = beoordeel_absoluut(ctx, persoon)
        if not b.signaal or gemeente is None:
            continue
        vlaggen.append(
            _Vlag(
                persoon,
                gemeente,
                Bevinding(
                    leerling_id=persoon.leerling_id or 0,
                    gemeente_id=gemeente.pk,
                    ontvanger_id=ctx.ontvanger(gemeente, b.status.fase),
                    redenen=b.redenen_api(),
                    gegevens=_gegevens_absoluut(b),
                ),
            )
        )
    return vlaggen


def _met_leerlingen(actor: Actor, vlaggen: list[_Vlag]) -> list[Bevinding]:
    """Bevindingen with pupil ids; a resident no school ever enrolled becomes a pupil of the
    register now (R-SG-1: the signal, and later the dossier, hang off the pupil)."""
    zonder = {
        v.persoon.burgerservicenummer: v.persoon.geboortedatum
        for v in vlaggen
        if not v.persoon.leerling_id
    }
    ids = leerlingen_uit_brp(actor, zonder) if zonder else {}
    for v in vlaggen:
        if not v.persoon.leerling_id:
            v.bevinding.leerling_id = ids[v.persoon.burgerservicenummer]
    return [v.bevinding for v in vlaggen]


def _oplossing_absoluut(ctx: Context):
    def oplossing_voor(open_: list[OpenSignaal]) -> dict[int, Oplossing]:
        per_leerling = {
            p.leerling_id: p
            for p in kandidaten.personen(leerling_ids=[s.leerling_id for s in open_])
        }
        uit = {}
        for s in open_:
            persoon = per_leerling.get(s.leerling_id)
            if persoon is None:
                uit[s.id] = Oplossing("buiten-doelgroep", "Niet meer in de BRP.")
                continue
            b, gemeente = beoordeel_absoluut(ctx, persoon)
            if b.signaal:  # still absoluut verzuim, but no longer here (or gemeente unknown)
                uit[s.id] = Oplossing(
                    "verhuisd", ctx.verhuisd(gemeente.pk) if gemeente else "Verhuisd."
                )
            else:
                uit[s.id] = Oplossing(
                    b.uitkomst, f"{regels.OPLOSSINGEN[b.uitkomst]}. {b.reasons[0].uitleg_nl}"
                )
        return uit

    return oplossing_voor


def _absoluut(
    ctx: Context,
    actor: Actor,
    personen: list[Persoon],
    *,
    leerling_ids=None,
    ververs_sinds: dt.datetime | None = None,
) -> Resultaat:
    """Judge ``personen`` and apply, inside the caller's transaction (which holds the lock).
    ``ververs_sinds``: persons mutated since then are read again first (nightly run)."""
    if ververs_sinds is not None:
        bsns = set(
            BrpMutatie.objects.filter(ontvangen__gte=ververs_sinds).values_list(
                "burgerservicenummer", flat=True
            )
        )
        if bsns:
            vers = kandidaten.personen(bsns=bsns)
            personen = [p for p in personen if p.burgerservicenummer not in bsns] + vers
    bevindingen = _met_leerlingen(actor, _vlaggen(ctx, personen))
    return pas_toe(
        Soort.ABSOLUUT_VERZUIM,
        ctx.peildatum,
        bevindingen,
        _oplossing_absoluut(ctx),
        verhuisd=ctx.verhuisd,
        leerling_ids=leerling_ids,
    )


# --- potential LRV -----------------------------------------------------------------------


def _lrv_bevindingen(ctx: Context, leerlingen: list[kandidaten.LrvLeerling]) -> list[Bevinding]:
    uit = []
    for ll in leerlingen:
        kalender = ctx.kalenders.voor(ll.regio)
        b = regels.potentieel_lrv(ll.meldingen, ctx.peildatum, kalender, ctx.lrv_policy, ll.brp)
        if not b.signaal or ll.gemeente_id is None:
            continue
        uit.append(
            Bevinding(
                leerling_id=ll.leerling_id,
                gemeente_id=ll.gemeente_id,
                ontvanger_id=ll.ontvanger_id,
                redenen=b.redenen_api(),
                gegevens={
                    "lesweken": b.lesweken,
                    "weken": [w.isoformat() for w in b.weken],
                    "dagen": b.dagen,
                    "van": b.van.isoformat() if b.van else None,
                    "tot": b.tot.isoformat() if b.tot else None,
                    "meldingen": list(b.meldingen),
                    "regio": kalender.regio,
                },
            )
        )
    return uit


def _oplossing_lrv(ctx: Context):
    def oplossing_voor(open_: list[OpenSignaal]) -> dict[int, Oplossing]:
        leerlingen = {
            ll.leerling_id: ll
            for ll in kandidaten.lrv_kandidaten(
                ctx.peildatum,
                ctx.kalenders,
                ctx.lrv_policy,
                leerling_ids=[s.leerling_id for s in open_],
            )
        }
        uit = {}
        for s in open_:
            ll = leerlingen.get(s.leerling_id)
            if ll is None:
                uit[s.id] = Oplossing("niet-recent", regels.OPLOSSINGEN["niet-recent"] + ".")
                continue
            b = regels.potentieel_lrv(
                ll.meldingen, ctx.peildatum, ctx.kalenders.voor(ll.regio), ctx.lrv_policy, ll.brp
            )
            code = b.uitkomst if b.uitkomst != "signaal" else "verhuisd"
            uitleg = (
                ctx.verhuisd(ll.gemeente_id)
                if code == "verhuisd"
                else f"{regels.OPLOSSINGEN[code]}. {b.reasons[0].uitleg_nl}"
            )
            uit[s.id] = Oplossing(code, uitleg)
        return uit

    return oplossing_voor


def _lrv(ctx: Context, leerlingen, *, leerling_ids=None) -> Resultaat:
    return pas_toe(
        Soort.POTENTIEEL_LRV,
        ctx.peildatum,
        _lrv_bevindingen(ctx, leerlingen),
        _oplossing_lrv(ctx),
        verhuisd=ctx.verhuisd,
        leerling_ids=leerling_ids,
    )


# --- entry points ------------------------------------------------------------------------


@dataclass
class Uitkomst:
    peildatum: dt.date
    aantallen: dict[str, dict[str, int]]
    seconden: float
    resultaten: dict[str, Resultaat]


def herbereken(peildatum: dt.date | None = None, actor: Actor = SYSTEEM) -> Uitkomst:
    """The nightly run: every signal of every soort for ``peildatum`` (default today)."""
    peildatum = peildatum or clock.today()
    start, t0 = clock.now(), time.perf_counter()
    run = Herberekening.objects.create(peildatum=peildatum, gestart=start)
    ctx = Context(peildatum)
    aantallen: dict[str, dict[str, int]] = {}
    resultaten: dict[str, Resultaat] = {}

    with transaction.atomic():  # a temporary table lives in a transaction
        personen = kandidaten.absoluut_verzuim_kandidaten(peildatum)
    with transaction.atomic():
        vergrendel()
        r = _absoluut(ctx, actor, personen, ververs_sinds=start)
        resultaten[Soort.ABSOLUUT_VERZUIM] = r
        aantallen[Soort.ABSOLUUT_VERZUIM] = {"kandidaten": len(personen), **r.tellingen()}

    lrv = kandidaten.lrv_kandidaten(peildatum, ctx.kalenders, ctx.lrv_policy)
    with transaction.atomic():
        vergrendel()
        r = _lrv(ctx, lrv)
        resultaten[Soort.POTENTIEEL_LRV] = r
        aantallen[Soort.POTENTIEEL_LRV] = {"kandidaten": len(lrv), **r.tellingen()}

    seconden = time.perf_counter() - t0
    with transaction.atomic():
        for soort, telling in aantallen.items():
            telling["open"] = Signaal.objects.filter(soort=soort, status="open").count()
        run.klaar, run.aantallen, run.seconden = clock.now(), aantallen, seconden
        run.save(update_fields=["klaar", "aantallen", "seconden"])
        audit.log(
            actor,
            "signalen.herberekenen",
            obj=run,
            doel=DOEL,
            details={"peildatum": peildatum.isoformat(), "aantallen": aantallen},
        )
    return Uitkomst(peildatum, aantallen, seconden, resultaten)


def herbereken_persoon(
    actor: Actor, burgerservicenummer: str, peildatum: dt.date | None = None
) -> dict[str, Resultaat]:
    """Re-evaluate one person's signals now (after a BRP mutation, R-SG-5), inside the
    caller's transaction. Returns what changed per soort."""
    ctx = Context(peildatum or clock.today(), alles=False)
    vergrendel()
    ids = set(leerling_ids([burgerservicenummer]).values())
    personen = kandidaten.personen(bsns=[burgerservicenummer])
    av = _absoluut(ctx, actor, personen, leerling_ids=ids)
    ids |= av.leerlingen  # a new resident may just have become a pupil
    lrv = kandidaten.lrv_kandidaten(ctx.peildatum, ctx.kalenders, ctx.lrv_policy, ids)
    return {
        Soort.ABSOLUUT_VERZUIM.value: av,
        Soort.POTENTIEEL_LRV.value: _lrv(ctx, lrv, leerling_ids=ids),
    }
