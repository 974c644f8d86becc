"""The signals the register derives (domain.md §8): absoluut verzuim (R-SG-1..3) and potential
langdurig relatief verzuim (R-SG-4). Pure: the database narrows the candidates
(``verzuim.signalen.kandidaten``), these functions decide for each one and say why.

- ``fase_grenzen(peildatum)``: the birth-date boundaries of the leerplicht phases on a date,
  derived from the rules' own functions and ages (``leerplicht.LEEFTIJD_*``), so a SQL
  window on ``geboortedatum`` is exactly the rules' age test.
- ``absoluut_verzuim_signaal(feiten, brp, peildatum, kalender)``: R-SG-1 on top of R-VZ-1:
  the BRP exclusions (died, emigrated, RNI) and the grace period after an uitschrijving
  (R-SG-2, counted in school days of the calendar given).
- ``potentieel_lrv(meldingen, peildatum, kalender)``: R-SG-4: 16-uur meldingen covering
  ≥ 4 consecutive lesweken, or a continuous absence of ≥ 28 calendar days, without an LRV
  melding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ._datum import EEN_DAG, dag_erna, leeftijd, nl, plus_dagen, verjaardag
from .decisions import Decision, Reason
from .kalender import SchoolKalender
from .leerplicht import (
    LEEFTIJD_EINDE_KWALIFICATIEPLICHT,
    LEEFTIJD_EINDE_RMC,
    Inschrijving,
    LeerplichtPolicy,
    LeerplichtStatus,
    PersoonFeiten,
    absoluut_verzuim,
    begin_leerplicht,
    einde_volledige_leerplicht_op_leeftijd,
    heeft_startkwalificatie,
)

_LEERPLICHT_POLICY = LeerplichtPolicy()

#: The BRP's gemeente code of the Registratie Niet-Ingezetenen (no Dutch woongemeente).
RNI_GEMEENTE = "1999"

# --- birth-date windows -------------------------------------------------------------------


def _kleinste(peildatum: dt.date, grens: Callable[[dt.date], dt.date]) -> dt.date:
    """The earliest birth date g with ``grens(g) > peildatum``. ``grens`` is non-decreasing in
    g (a birthday or the first day of a phase), so a binary search over the days finds it."""
    lo = max(dt.date.min.toordinal(), peildatum.toordinal() - 366 * (LEEFTIJD_EINDE_RMC + 2))
    hi = peildatum.toordinal() + 1  # born after the peildatum: every phase lies ahead
    while lo < hi:
        mid = (lo + hi) // 2
        if grens(dt.date.fromordinal(mid)) > peildatum:
            hi = mid
        else:
            lo = mid + 1
    return dt.date.fromordinal(lo)


@dataclass(frozen=True)
class FaseGrenzen:
    """On ``peildatum``, a person born on g is, by age alone (R-LP-2..6):

    - niet-leerplichtig when ``g >= leerplichtig_tot_en_met + 1 day``,
    - leerplichtig when ``volledig_vanaf <= g <= leerplichtig_tot_en_met``,
    - kwalificatieplichtig when ``kwalificatieplichtig_vanaf <= g < volledig_vanaf``,
    - 18-plus when ``rmc_vanaf <= g < kwalificatieplichtig_vanaf``,
    - buiten de doelgroep when ``g < rmc_vanaf``.

    The 12-schooljaren route (R-LP-3) can only move a person from leerplichtig to
    kwalificatieplichtig, a startkwalificatie (R-LP-4) out of the doelgroep and a vrijstelling
    (R-VR-1) onto ``vrijgesteld``: the rules decide those per person.
    """

    peildatum: dt.date
    leerplichtig_tot_en_met: dt.date  # the latest birth date that is leerplichtig
    volledig_vanaf: dt.date
    kwalificatieplichtig_vanaf: dt.date
    rmc_vanaf: dt.date

    @property
    def plichtig(self) -> tuple[dt.date, dt.date]:
        """Birth dates (inclusive) of everyone leerplichtig or kwalificatieplichtig by age."""
        return self.kwalificatieplichtig_vanaf, self.leerplichtig_tot_en_met

    @property
    def doelgroep(self) -> tuple[dt.date, dt.date]:
        """Birth dates (inclusive) of everyone leerplichtig, kwalificatieplichtig or 18-plus."""
        return self.rmc_vanaf, self.leerplichtig_tot_en_met


def fase_grenzen(peildatum: dt.date, policy: LeerplichtPolicy = _LEERPLICHT_POLICY) -> FaseGrenzen:
    """The birth-date boundaries of the phases on ``peildatum`` (see ``FaseGrenzen``)."""
    return FaseGrenzen(
        peildatum=peildatum,
        leerplichtig_tot_en_met=_kleinste(peildatum, lambda g: begin_leerplicht(g, policy))
        - EEN_DAG,
        volledig_vanaf=_kleinste(
            peildatum, lambda g: dag_erna(einde_volledige_leerplicht_op_leeftijd(g))
        ),
        kwalificatieplichtig_vanaf=_kleinste(
            peildatum, lambda g: verjaardag(g, LEEFTIJD_EINDE_KWALIFICATIEPLICHT)
        ),
        rmc_vanaf=_kleinste(peildatum, lambda g: verjaardag(g, LEEFTIJD_EINDE_RMC)),
    )


# --- absoluut verzuim (R-SG-1..3) ---------------------------------------------------------


@dataclass(frozen=True)
class BrpFeiten:
    """What the BRP tells about a person beyond the birth date (R-SG-1 exclusions)."""

    gemeente: str  # gemeenteVanInschrijving, 4 digits; RNI_GEMEENTE = niet-ingezetene
    overlijdensdatum: dt.date | None = None
    emigratiedatum: dt.date | None = None


@dataclass(frozen=True)
class SignaalPolicy:
    """Policy of the signals (domain.md marks them configurable).

    - ``respijt_schooldagen``: R-SG-2, school days after an uitschrijving before absoluut
      verzuim is signalled (default 10): on the 10th school day no signal, on the 11th one.
    """

    respijt_schooldagen: int = 10


Uitkomst = Literal[
    "signaal",
    "overleden",
    "geemigreerd",
    "rni",
    "ingeschreven",
    "vrijgesteld",
    "startkwalificatie",
    "niet-leerplichtig",
    "18-plus",
    "buiten-doelgroep",
    "respijt",
]

#: How a resolved absoluut-verzuim signal ended, as the UI and the API say it.
OPLOSSINGEN: dict[str, str] = {
    "overleden": "Overleden",
    "geemigreerd": "Geëmigreerd",
    "rni": "Ingeschreven in de RNI (niet-ingezetene)",
    "ingeschreven": "Ingeschreven op een school",
    "vrijgesteld": "Vrijstelling geregistreerd",
    "startkwalificatie": "Startkwalificatie behaald",
    "niet-leerplichtig": "Niet (meer) leerplichtig",
    "18-plus": "18 jaar geworden (niet meer kwalificatieplichtig)",
    "buiten-doelgroep": "Buiten de doelgroep",
    "respijt": "Uitgeschreven; binnen de respijttermijn",
    "verhuisd": "Verhuisd naar een andere gemeente",
    "samengevoegd": "Leerling samengevoegd met een andere registratie",
    "lrv-gemeld": "Melding langdurig relatief verzuim gedaan",
    "te-kort": "Geen 4 aaneengesloten lesweken of 28 dagen verzuim meer",
    "niet-recent": "Geen recent verzuim meer gemeld",
}


@dataclass(frozen=True, kw_only=True)
class AbsoluutVerzuimSignaal(Decision):
    """R-SG-1: whether to signal absoluut verzuim on ``peildatum``; ``uitkomst`` says why not
    (the code a resolved signal keeps). ``sinds``: the first day without school, leerplicht
    or vrijstelling as far as the facts tell; ``respijt_tot``: the last day of the grace
    period (R-SG-2) after the last uitschrijving, when there was one."""

    signaal: bool
    uitkomst: Uitkomst
    status: LeerplichtStatus | None = None
    laatste_inschrijving: Inschrijving | None = None
    sinds: dt.date | None = None
    respijt_tot: dt.date | None = None


def _laatste_voor(inschrijvingen: Iterable[Inschrijving], peildatum: dt.date):
    """The enrolment that ended last before ``peildatum`` (einddatum < peildatum), or None."""
    return max(
        (i for i in inschrijvingen if i.einddatum is not None and i.einddatum < peildatum),
        key=lambda i: (i.einddatum, i.begindatum),
        default=None,
    )


def _na_schooldagen(kalender: SchoolKalender, na: dt.date, aantal: int) -> dt.date:
    """The ``aantal``-th school day after ``na`` (``na`` itself not counted)."""
    d, geteld = na, 0
    while geteld < aantal and d < dt.date.max:
        d += EEN_DAG
        if kalender.is_schooldag(d):
            geteld += 1
    return d


def brp_uitsluiting(brp: BrpFeiten | None, peildatum: dt.date) -> tuple[str, Reason] | None:
    """R-SG-1: died, emigrated or RNI on the peildatum → (uitkomst, reason); else None. No
    signal of any soort is raised for such a person."""
    if brp is None:
        return None
    if brp.overlijdensdatum is not None and brp.overlijdensdatum <= peildatum:
        return "overleden", Reason(
            "R-SG-1", f"Overleden op {nl(brp.overlijdensdatum)}: geen signaal."
        )
    if brp.emigratiedatum is not None and brp.emigratiedatum <= peildatum:
        return "geemigreerd", Reason(
            "R-SG-1", f"Geëmigreerd op {nl(brp.emigratiedatum)}: geen signaal."
        )
    if brp.gemeente == RNI_GEMEENTE:
        return "rni", Reason(
            "R-SG-1",
            "Ingeschreven in de Registratie Niet-Ingezetenen (RNI): geen woongemeente in "
            "Nederland, geen signaal.",
        )
    return None


def _geen(uitkomst: Uitkomst, reden: Reason, status=None, **kw) -> AbsoluutVerzuimSignaal:
    redenen = (reden, *(status.reasons if status is not None else ()))
    return AbsoluutVerzuimSignaal(
        signaal=False, uitkomst=uitkomst, status=status, reasons=redenen, **kw
    )


def _waarom_niet(feiten: PersoonFeiten, st: LeerplichtStatus, peildatum: dt.date) -> Uitkomst:
    if any(i.bevat(peildatum) for i in feiten.inschrijvingen):
        return "ingeschreven"
    if st.status == "vrijgesteld":
        return "vrijgesteld"
    if st.status == "buiten-doelgroep" and heeft_startkwalificatie(feiten.diplomas, peildatum):
        return "startkwalificatie"
    return st.status  # niet-leerplichtig, 18-plus, buiten-doelgroep


def _sinds(feiten: PersoonFeiten, laatste, peildatum: dt.date) -> dt.date:
    """The first day of the current absoluut verzuim as far as the facts tell: after the last
    enrolment, the last vrijstelling and the start of the leerplicht."""
    data = [begin_leerplicht(feiten.geboortedatum)]
    if laatste is not None:
        data.append(dag_erna(laatste.einddatum))
    data += [
        dag_erna(v.einddatum)
        for v in feiten.vrijstellingen
        if v.einddatum is not None and v.einddatum < peildatum
    ]
    return min(max(data), peildatum)


def absoluut_verzuim_signaal(
    feiten: PersoonFeiten,
    brp: BrpFeiten,
    peildatum: dt.date,
    kalender: SchoolKalender,
    policy: SignaalPolicy = SignaalPolicy(),
    leerplicht_policy: LeerplichtPolicy = _LEERPLICHT_POLICY,
) -> AbsoluutVerzuimSignaal:
    """R-SG-1..2 for one person on ``peildatum``; ``kalender`` is the school calendar of the
    person's region (school days of the grace period)."""
    p = peildatum
    uitsluiting = brp_uitsluiting(brp, p)
    if uitsluiting is not None:
        return _geen(*uitsluiting)
    beslissing = absoluut_verzuim(feiten, p, leerplicht_policy)
    st = beslissing.status
    if not beslissing.absoluut_verzuim:
        return _geen(_waarom_niet(feiten, st, p), beslissing.reasons[0], st)
    laatste = _laatste_voor(feiten.inschrijvingen, p)
    respijt_tot = None
    respijt_reden = None
    if laatste is not None and policy.respijt_schooldagen > 0:
        # Counted in school days after the last day enrolled: on the 10th no signal yet, from
        # the 11th on (weekends and holidays in between change nothing).
        vanaf = _na_schooldagen(kalender, laatste.einddatum, policy.respijt_schooldagen + 1)
        respijt_tot = vanaf - EEN_DAG
        if p < vanaf:
            return _geen(
                "respijt",
                Reason(
                    "R-SG-2",
                    f"Uitgeschreven op {nl(laatste.einddatum)}; nog binnen de respijttermijn van "
                    f"{policy.respijt_schooldagen} schooldagen (regio {kalender.regio}) tot en "
                    f"met {nl(respijt_tot)}: nog geen signaal.",
                ),
                st,
                laatste_inschrijving=laatste,
                respijt_tot=respijt_tot,
            )
        respijt_reden = Reason(
            "R-SG-2",
            f"De respijttermijn van {policy.respijt_schooldagen} schooldagen na de "
            f"uitschrijving (regio {kalender.regio}) liep tot en met {nl(respijt_tot)}.",
        )
    sinds = _sinds(feiten, laatste, p)
    if laatste is not None:
        school = f" bij {laatste.school}" if laatste.school else ""
        vorige = Reason(
            "R-SG-1",
            f"Laatste inschrijving{school} van {nl(laatste.begindatum)} tot en met "
            f"{nl(laatste.einddatum)}.",
        )
    else:
        vorige = Reason("R-SG-1", "Nooit ingeschreven op een school (volgens het register).")
    redenen = [
        Reason(
            "R-SG-1",
            f"Absoluut verzuim: {st.status} op {nl(p)} ({leeftijd(feiten.geboortedatum, p)} "
            "jaar), niet ingeschreven op een school, geen vrijstelling en geen "
            f"startkwalificatie; niet ingeschreven sinds {nl(sinds)}.",
        ),
        vorige,
    ]
    if respijt_reden is not None:
        redenen.append(respijt_reden)
    return AbsoluutVerzuimSignaal(
        signaal=True,
        uitkomst="signaal",
        status=st,
        laatste_inschrijving=laatste,
        sinds=sinds,
        respijt_tot=respijt_tot,
        reasons=(*redenen, *st.reasons),
    )


# --- potential LRV (R-SG-4) ---------------------------------------------------------------

ZESTIEN_UUR = "16-uur"
LANGDURIG = "langdurig"


@dataclass(frozen=True)
class MeldingFeit:
    """A melding as R-SG-4 needs it; withdrawn meldingen are left out by the caller.
    ``verzuimdagen`` outside the melding's own period are ignored."""

    verzuimsoort: str
    begindatum: dt.date
    einddatum: dt.date | None = None
    verzuimdagen: tuple[dt.date, ...] = ()
    nummer: str = ""

    @property
    def laatste_dag(self) -> dt.date:
        return self.einddatum or self.begindatum


@dataclass(frozen=True)
class LrvPolicy:
    """R-SG-4 / R-VZ-5 thresholds (≥ 4 lesweken, ≥ 28 calendar days) and ``recent_lesweken``:
    the covered lesweken or the absence must reach into the last N lesweken before the
    peildatum, so an old episode does not stay on the weekly list (policy, default 4)."""

    lesweken: int = 4
    dagen: int = 28
    recent_lesweken: int = 4


@dataclass(frozen=True, kw_only=True)
class LrvSignaal(Decision):
    """``lesweken``: the longest recent run of consecutive lesweken covered by 16-uur
    meldingen (their Mondays in ``weken``); ``dagen``: the longest recent continuous absence
    in calendar days. ``van``/``tot``: the period of the run that triggered the signal."""

    signaal: bool
    uitkomst: Literal[
        "signaal", "lrv-gemeld", "te-kort", "niet-recent", "overleden", "geemigreerd", "rni"
    ]
    lesweken: int = 0
    weken: tuple[dt.date, ...] = ()
    dagen: int = 0
    van: dt.date | None = None
    tot: dt.date | None = None
    meldingen: tuple[str, ...] = ()


def lrv_zoekbegin(peildatum: dt.date, kalender: SchoolKalender, policy=LrvPolicy()) -> dt.date:
    """The Monday of the earliest of the last ``recent_lesweken`` lesweken up to the peildatum:
    a run must reach this day to count. A melding ending before it cannot matter (the SQL
    narrowing uses the earliest of the regions)."""
    return kalender.venster_4_lesweken(peildatum, policy.recent_lesweken).startdatum


def _runs_lesweken(kalender: SchoolKalender, gedekt: set[dt.date]) -> list[list[dt.date]]:
    """Runs of consecutive lesweken (holiday weeks are no lesweken and do not break a run)."""
    if not gedekt:
        return []
    runs: list[list[dt.date]] = []
    huidig: list[dt.date] = []
    for week in kalender.lesweken(min(gedekt), max(gedekt)):
        if week in gedekt:
            huidig.append(week)
        elif huidig:
            runs.append(huidig)
            huidig = []
    if huidig:
        runs.append(huidig)
    return runs


def _runs_dagen(kalender: SchoolKalender, dagen: set[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of absence days with no school day in between that was not an absence day."""
    runs: list[tuple[dt.date, dt.date]] = []
    for d in sorted(dagen):
        if runs and not kalender.schooldagen(dag_erna(runs[-1][1]), d - EEN_DAG):
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    return runs


def _iso_weken(weken: tuple[dt.date, ...]) -> str:
    nummers = [w.isocalendar().week for w in weken]
    return (
        f"week {nummers[0]} tot en met {nummers[-1]}" if len(nummers) > 1 else f"week {nummers[0]}"
    )


def potentieel_lrv(
    meldingen: Iterable[MeldingFeit],
    peildatum: dt.date,
    kalender: SchoolKalender,
    policy: LrvPolicy = LrvPolicy(),
    brp: BrpFeiten | None = None,
) -> LrvSignaal:
    """R-SG-4 for one pupil on ``peildatum``; ``kalender`` is the calendar of the pupil's
    school region (lesweken, R-CAL-1); ``brp``: the pupil's BRP facts when known (a pupil who
    died or left the country is not signalled, R-SG-1)."""
    p = peildatum
    uitsluiting = brp_uitsluiting(brp, p)
    if uitsluiting is not None:
        return LrvSignaal(signaal=False, uitkomst=uitsluiting[0], reasons=(uitsluiting[1],))
    meldingen = [m for m in meldingen if m.begindatum <= p]
    recent = lrv_zoekbegin(p, kalender, policy)
    zestien = [m for m in meldingen if m.verzuimsoort == ZESTIEN_UUR]
    gedekt: set[dt.date] = set()
    for m in zestien:
        gedekt.update(kalender.lesweken(m.begindatum, min(m.laatste_dag, p)))
    weekruns = [r for r in _runs_lesweken(kalender, gedekt) if plus_dagen(r[-1], 6) >= recent]
    beste_weken = max(weekruns, key=len, default=[])
    afwezig = {
        d
        for m in meldingen
        if m.verzuimsoort != LANGDURIG
        for d in m.verzuimdagen
        if m.begindatum <= d <= min(m.laatste_dag, p)
    }
    dagruns = [r for r in _runs_dagen(kalender, afwezig) if r[1] >= recent]
    beste_dagen = max(dagruns, key=lambda r: (r[1] - r[0]).days, default=None)
    n_dagen = (beste_dagen[1] - beste_dagen[0]).days + 1 if beste_dagen else 0
    weken_ok = len(beste_weken) >= policy.lesweken
    dagen_ok = n_dagen >= policy.dagen
    gemeten = {"lesweken": len(beste_weken), "weken": tuple(beste_weken), "dagen": n_dagen}
    if not (weken_ok or dagen_ok):
        oud = any(len(r) >= policy.lesweken for r in _runs_lesweken(kalender, gedekt))
        uitkomst = "niet-recent" if oud else "te-kort"
        return LrvSignaal(
            signaal=False,
            uitkomst=uitkomst,
            **gemeten,
            reasons=(
                Reason(
                    "R-SG-4",
                    f"Geen potentieel langdurig relatief verzuim: {len(beste_weken)} "
                    f"aaneengesloten lesweken met 16-uur-meldingen en {n_dagen} dagen "
                    f"aaneengesloten verzuim sinds {nl(recent)} (drempels {policy.lesweken} "
                    f"lesweken of {policy.dagen} dagen).",
                ),
            ),
        )
    begin = min(([beste_weken[0]] if weken_ok else []) + ([beste_dagen[0]] if dagen_ok else []))
    lrv = [m for m in meldingen if m.verzuimsoort == LANGDURIG and m.laatste_dag >= begin]
    if lrv:
        return LrvSignaal(
            signaal=False,
            uitkomst="lrv-gemeld",
            **gemeten,
            reasons=(
                Reason(
                    "R-SG-4",
                    f"Er is al een melding langdurig relatief verzuim ({lrv[0].nummer or 'zonder nummer'}, "
                    f"vanaf {nl(lrv[0].begindatum)}): geen signaal.",
                ),
            ),
        )
    redenen = []
    nummers: list[str] = []
    if weken_ok:
        van, tot = beste_weken[0], plus_dagen(beste_weken[-1], 6)
        gebruikt = [m for m in zestien if m.begindatum <= tot and min(m.laatste_dag, p) >= van]
        nummers = [m.nummer for m in gebruikt if m.nummer]
        vakantieweken = ((tot - van).days + 1) // 7 - len(beste_weken)
        redenen.append(
            Reason(
                "R-SG-4",
                f"16-uur-meldingen ({', '.join(nummers) or 'zonder nummer'}) beslaan "
                f"{len(beste_weken)} aaneengesloten lesweken ({_iso_weken(tuple(beste_weken))}, "
                f"{nl(van)} tot en met {nl(tot)}); drempel {policy.lesweken} lesweken.",
            )
        )
        if vakantieweken:
            redenen.append(
                Reason(
                    "R-CAL-1",
                    f"{vakantieweken} vakantieweek/-weken zonder schooldag (regio "
                    f"{kalender.regio}) overgeslagen: geen lesweek, telt niet mee en onderbreekt "
                    "de reeks niet.",
                )
            )
    if dagen_ok:
        redenen.append(
            Reason(
                "R-SG-4",
                f"Aaneengesloten afwezig van {nl(beste_dagen[0])} tot en met "
                f"{nl(beste_dagen[1])}: {n_dagen} kalenderdagen (drempel {policy.dagen}).",
            )
        )
    redenen.append(
        Reason("R-SG-4", "Er is geen melding langdurig relatief verzuim voor deze periode.")
    )
    eind = max(
        ([plus_dagen(beste_weken[-1], 6)] if weken_ok else [])
        + ([beste_dagen[1]] if dagen_ok else [])
    )
    return LrvSignaal(
        signaal=True,
        uitkomst="signaal",
        **gemeten,
        van=begin,
        tot=min(eind, p),
        meldingen=tuple(nummers),
        reasons=tuple(redenen),
    )


__all__ = [
    "AbsoluutVerzuimSignaal",
    "BrpFeiten",
    "FaseGrenzen",
    "LrvPolicy",
    "LrvSignaal",
    "MeldingFeit",
    "OPLOSSINGEN",
    "RNI_GEMEENTE",
    "SignaalPolicy",
    "absoluut_verzuim_signaal",
    "brp_uitsluiting",
    "fase_grenzen",
    "lrv_zoekbegin",
    "potentieel_lrv",
]
