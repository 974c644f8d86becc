"""Leerplicht status of a person on a date (R-LP-1..9, R-VR-1).

``leerplicht_status(facts, peildatum)`` walks the phases in order:
niet-leerplichtig → leerplichtig → kwalificatieplichtig → 18-plus → buiten-doelgroep,
with ``vrijgesteld`` as an overlay on leerplichtig/kwalificatieplichtig (a registered
vrijstelling, R-VR-1, or art. 4b after praktijkonderwijs / vso, R-LP-5).
``tot`` is the last day (inclusive) of the status as far as the facts tell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ._datum import (
    Schooljaar,
    dag_erna,
    dag_ervoor,
    eerste_van_volgende_maand,
    leeftijd,
    nl,
    schooljaar_van,
    verjaardag,
)
from .decisions import Decision, Reason

if TYPE_CHECKING:
    from .kalender import SchoolKalender

Status = Literal[
    "niet-leerplichtig",
    "leerplichtig",
    "kwalificatieplichtig",
    "18-plus",
    "vrijgesteld",
    "buiten-doelgroep",
]
#: The phases in time order; ``vrijgesteld`` is an overlay and has no rank.
VOLGORDE: tuple[str, ...] = (
    "niet-leerplichtig",
    "leerplichtig",
    "kwalificatieplichtig",
    "18-plus",
    "buiten-doelgroep",
)

STARTKWALIFICATIE_SOORTEN = frozenset({"havo", "vwo", "mbo-2", "mbo-3", "mbo-4"})
#: Diplomas/getuigschriften after which there is no kwalificatieplicht (art. 4b, R-LP-5).
GEEN_KWALIFICATIEPLICHT_SOORTEN = frozenset(
    {"praktijkonderwijs", "vso-arbeidsmarkt", "vso-dagbesteding"}
)
#: Known diplomas that are no startkwalificatie.
GEEN_STARTKWALIFICATIE_SOORTEN = frozenset({"vmbo", "mbo-1"}) | GEEN_KWALIFICATIEPLICHT_SOORTEN
DIPLOMA_SOORTEN = STARTKWALIFICATIE_SOORTEN | GEEN_STARTKWALIFICATIE_SOORTEN

VRIJSTELLING_ARTIKELEN = {
    "5a": "art. 5 onder a (lichamelijke of psychische gronden)",
    "5b": "art. 5 onder b (richtingbezwaren)",
    "5c": "art. 5 onder c (school in het buitenland)",
    "5a-trekkend": "art. 5a (trekkend bestaan)",
    "15": "art. 15 (kwalificatieplichtige die op andere wijze voldoende onderwijs volgt)",
    "3a": "art. 3a (vervangende leerplicht)",
    "3b": "art. 3b (vervangende leerplicht)",
}
#: Vrijstellingen that only apply to the kwalificatieplicht.
ALLEEN_KWALIFICATIEPLICHT = frozenset({"15"})

#: The ages (completed years) at which the phases turn (R-LP-2..6). The phase boundaries
#: below and the signals' birth-date windows (``rules.signalen.fase_grenzen``) derive from
#: these; nothing else restates them.
LEEFTIJD_LEERPLICHT = 5  # R-LP-2: leerplichtig from the month after the 5th birthday
LEEFTIJD_EINDE_VOLLEDIG = 16  # R-LP-3: end of the schooljaar in which the pupil turns 16
LEEFTIJD_EINDE_KWALIFICATIEPLICHT = 18  # R-LP-4
LEEFTIJD_EINDE_RMC = 23  # R-LP-6


@dataclass(frozen=True)
class Diploma:
    soort: str
    datum: dt.date

    @property
    def is_startkwalificatie(self) -> bool:
        return self.soort in STARTKWALIFICATIE_SOORTEN


@dataclass(frozen=True)
class Inschrijving:
    begindatum: dt.date
    einddatum: dt.date | None = None  # inclusive; None = still enrolled
    sector: str | None = None  # po, so, vso, vo, mbo, vavo (informative)
    school: str = ""  # the school's name, for explanations only (R-SG-1)

    def bevat(self, d: dt.date) -> bool:
        return self.begindatum <= d and (self.einddatum is None or d <= self.einddatum)


@dataclass(frozen=True)
class Vrijstelling:
    artikel: str
    begindatum: dt.date
    einddatum: dt.date | None = None  # inclusive; None = open-ended

    def bevat(self, d: dt.date) -> bool:
        return self.begindatum <= d and (self.einddatum is None or d <= self.einddatum)


@dataclass(frozen=True)
class PersoonFeiten:
    """What the rules need to know about a person (dates inclusive)."""

    geboortedatum: dt.date
    diplomas: tuple[Diploma, ...] = ()
    inschrijvingen: tuple[Inschrijving, ...] = ()
    vrijstellingen: tuple[Vrijstelling, ...] = ()

    def __post_init__(self) -> None:
        # Accept lists for convenience; keep the value hashable.
        for naam in ("diplomas", "inschrijvingen", "vrijstellingen"):
            object.__setattr__(self, naam, tuple(getattr(self, naam)))


@dataclass(frozen=True)
class LeerplichtPolicy:
    """Configurable points of the leerplicht rules (domain.md marks them as policy).

    - ``start``: R-LP-2, when volledige leerplicht begins in the month after the 5th
      birthday: ``"eerste-dag-van-de-maand"`` (default) or ``"eerste-schooldag"``
      (needs ``kalender``).
    - ``volledig_schooljaar_van`` / ``_tot``: R-LP-3, a schooljaar counts as a full year
      of attendance when the enrolments cover it without a gap from this (month, day)
      to this (month, day); default 1 September – 30 June, so that regional summer
      holidays and administrative start dates do not matter.
    - ``twaalf_schooljaren``: apply the 12-schooljaren route at all (default True; it is
      only applied when the enrolment history shows 12 full schooljaren).
    """

    start: Literal["eerste-dag-van-de-maand", "eerste-schooldag"] = "eerste-dag-van-de-maand"
    kalender: SchoolKalender | None = field(default=None, compare=False)
    volledig_schooljaar_van: tuple[int, int] = (9, 1)
    volledig_schooljaar_tot: tuple[int, int] = (6, 30)
    twaalf_schooljaren: bool = True

    def __post_init__(self) -> None:
        if self.start not in ("eerste-dag-van-de-maand", "eerste-schooldag"):
            raise ValueError(f"onbekende startregel {self.start!r}")
        if self.start == "eerste-schooldag" and self.kalender is None:
            raise ValueError("startregel 'eerste-schooldag' vraagt een schoolkalender")


@dataclass(frozen=True, kw_only=True)
class LeerplichtStatus(Decision):
    """``status`` on ``peildatum``; ``tot`` = last day of it (inclusive) or None.

    ``fase`` is the status without the vrijgesteld overlay (used for routing).
    """

    status: Status
    tot: dt.date | None
    peildatum: dt.date
    fase: Status

    def to_api(self) -> dict:
        return {
            "status": self.status,
            "tot": self.tot.isoformat() if self.tot else None,
            "redenen": self.redenen_api(),
        }


def heeft_startkwalificatie(diplomas: Iterable[Diploma], on_date: dt.date) -> bool:
    """Whether a havo, vwo or mbo-2+ diploma was obtained on or before ``on_date`` (R-LP-4)."""
    return any(d.is_startkwalificatie and d.datum <= on_date for d in diplomas)


def eerste_diploma(
    diplomas: Iterable[Diploma], soorten: frozenset[str], tot_en_met: dt.date
) -> Diploma | None:
    kandidaten = [d for d in diplomas if d.soort in soorten and d.datum <= tot_en_met]
    return min(kandidaten, key=lambda d: d.datum, default=None)


def begin_leerplicht(
    geboortedatum: dt.date, policy: LeerplichtPolicy = LeerplichtPolicy()
) -> dt.date:
    """First day of volledige leerplicht (R-LP-2): the month after the 5th birthday."""
    begin = eerste_van_volgende_maand(verjaardag(geboortedatum, LEEFTIJD_LEERPLICHT))
    if policy.start == "eerste-schooldag" and policy.kalender is not None:
        eerste_dag = begin
        for _ in range(400):  # at most a year ahead (summer holiday in between)
            if policy.kalender.is_schooldag(begin) or begin == dt.date.max:
                return begin
            begin += dt.timedelta(days=1)
        return eerste_dag
    return begin


def _in_schooljaar(sj: Schooljaar, maand_dag: tuple[int, int]) -> dt.date:
    maand, dag = maand_dag
    return dt.date(sj.startjaar if maand >= 8 else sj.startjaar + 1, maand, dag)


def gedekt(inschrijvingen: Iterable[Inschrijving], van: dt.date, tot: dt.date) -> bool:
    """Whether the union of enrolments (anything with ``begindatum`` and ``einddatum``, the
    last day enrolled or None) covers every day from ``van`` to ``tot``."""
    d = van
    for i in sorted(inschrijvingen, key=lambda i: i.begindatum):
        if i.einddatum is not None and i.einddatum < d:
            continue
        if i.begindatum > d:
            return False
        if i.einddatum is None or i.einddatum >= tot:
            return True
        d = i.einddatum + dt.timedelta(days=1)
    return False


def volle_schooljaren(
    inschrijvingen: Iterable[Inschrijving], policy: LeerplichtPolicy = LeerplichtPolicy()
) -> tuple[Schooljaar, ...]:
    """The first (at most 12) schooljaren fully covered by enrolments (R-LP-3).

    An open enrolment (no einddatum) is projected forward as ongoing.
    """
    inschrijvingen = tuple(inschrijvingen)
    if not inschrijvingen:
        return ()
    sj = max(schooljaar_van(min(i.begindatum for i in inschrijvingen)), Schooljaar(dt.MINYEAR))
    eindes = [i.einddatum for i in inschrijvingen]
    laatste = (
        schooljaar_van(max(e for e in eindes if e is not None)).startjaar
        if None not in eindes
        else sj.startjaar + 30
    )
    volle: list[Schooljaar] = []
    while sj.startjaar <= min(laatste, dt.MAXYEAR - 2) and len(volle) < 12:
        van = _in_schooljaar(sj, policy.volledig_schooljaar_van)
        tot = _in_schooljaar(sj, policy.volledig_schooljaar_tot)
        if gedekt(inschrijvingen, van, tot):
            volle.append(sj)
        sj = Schooljaar(sj.startjaar + 1)
    return tuple(volle)


def einde_volledige_leerplicht_op_leeftijd(geboortedatum: dt.date) -> dt.date:
    """R-LP-3 by age alone: the last day of the schooljaar in which the pupil turns 16 (the
    12-schooljaren route can only end it earlier)."""
    return schooljaar_van(verjaardag(geboortedatum, LEEFTIJD_EINDE_VOLLEDIG)).einddatum


@dataclass(frozen=True)
class _Fasen:
    """The phase boundaries of one person (first days; None = never)."""

    begin_lp: dt.date
    einde_lp: dt.date  # last day of volledige leerplicht
    einde_lp_reason: Reason
    achttien: dt.date
    drieentwintig: dt.date


def _fasen(facts: PersoonFeiten, policy: LeerplichtPolicy) -> _Fasen:
    g = facts.geboortedatum
    einde16 = einde_volledige_leerplicht_op_leeftijd(g)
    zestien = verjaardag(g, LEEFTIJD_EINDE_VOLLEDIG)
    einde_lp, reason = (
        einde16,
        Reason(
            "R-LP-3",
            f"De volledige leerplicht eindigt aan het einde van het schooljaar waarin de "
            f"leerling 16 wordt: schooljaar {schooljaar_van(zestien)} (R-LP-1: 1 augustus – "
            f"31 juli), dus op {nl(einde16)}.",
        ),
    )
    if policy.twaalf_schooljaren:
        volle = volle_schooljaren(facts.inschrijvingen, policy)
        if len(volle) >= 12 and volle[11].einddatum < einde16:
            einde_lp = volle[11].einddatum
            reason = Reason(
                "R-LP-3",
                f"Volgens de inschrijvingsgeschiedenis heeft de leerling 12 volledige "
                f"schooljaren onderwijs gevolgd ({volle[0]} tot en met {volle[11]}); de "
                f"volledige leerplicht eindigt daarom op {nl(einde_lp)}, eerder dan aan het "
                f"einde van het schooljaar waarin de leerling 16 wordt.",
            )
    return _Fasen(
        begin_lp=begin_leerplicht(g, policy),
        einde_lp=einde_lp,
        einde_lp_reason=reason,
        achttien=verjaardag(g, LEEFTIJD_EINDE_KWALIFICATIEPLICHT),
        drieentwintig=verjaardag(g, LEEFTIJD_EINDE_RMC),
    )


def _aansprakelijkheid(facts: PersoonFeiten, peildatum: dt.date) -> Reason:
    if leeftijd(facts.geboortedatum, peildatum) >= 12:
        return Reason(
            "R-LP-9",
            "De leerling is 12 jaar of ouder en is naast de ouders/verzorgers zelf "
            "verantwoordelijk voor het naleven van de leerplicht (art. 2 lid 3).",
        )
    return Reason(
        "R-LP-9",
        "De leerling is jonger dan 12: alleen de ouders/verzorgers zijn verantwoordelijk.",
    )


def _fase(
    facts: PersoonFeiten, p: dt.date, f: _Fasen
) -> tuple[Status, dt.date | None, list[Reason]]:
    """The phase without the vrijgesteld overlay."""
    g = facts.geboortedatum
    if p < g:
        return (
            "niet-leerplichtig",
            dag_ervoor(f.begin_lp),
            [Reason("R-LP-7", f"De persoon is op {nl(p)} nog niet geboren.")],
        )
    if p < f.begin_lp:
        return (
            "niet-leerplichtig",
            dag_ervoor(f.begin_lp),
            [
                Reason(
                    "R-LP-7",
                    "Nog niet leerplichtig: een kind mag vanaf 4 jaar naar school, maar heeft "
                    "nog geen plicht; verzuim wordt niet gemeld.",
                ),
                Reason(
                    "R-LP-2",
                    f"De leerling wordt {LEEFTIJD_LEERPLICHT} op {nl(verjaardag(g, LEEFTIJD_LEERPLICHT))} en is "
                    f"leerplichtig vanaf "
                    f"{nl(f.begin_lp)} (de maand na de vijfde verjaardag).",
                ),
            ],
        )
    sk = eerste_diploma(facts.diplomas, STARTKWALIFICATIE_SOORTEN, p)
    if p >= f.drieentwintig or (sk is not None and p < f.drieentwintig):
        if sk is not None:
            waarom = Reason(
                "R-LP-4",
                f"De leerling heeft een startkwalificatie ({sk.soort}, {nl(sk.datum)}); "
                "daarmee eindigen leerplicht en kwalificatieplicht en hoort de leerling "
                "niet tot de RMC-doelgroep.",
            )
        else:
            waarom = Reason(
                "R-LP-6",
                f"De persoon is 23 jaar of ouder (sinds {nl(f.drieentwintig)}); verzuim wordt "
                "niet meer geregistreerd.",
            )
        return "buiten-doelgroep", None, [waarom]
    if p >= f.achttien:
        return (
            "18-plus",
            dag_ervoor(f.drieentwintig),
            [
                Reason(
                    "R-LP-6",
                    f"De persoon is 18 jaar (sinds {nl(f.achttien)}) en heeft geen "
                    f"startkwalificatie: RMC-doelgroep (18-plus) tot de 23e verjaardag op "
                    f"{nl(f.drieentwintig)}.",
                )
            ],
        )
    if p <= f.einde_lp:
        redenen = [
            Reason("R-LP-2", f"Volledig leerplichtig sinds {nl(f.begin_lp)}."),
            f.einde_lp_reason,
        ]
        if leeftijd(g, p) == LEEFTIJD_LEERPLICHT:
            redenen.append(
                Reason(
                    "R-LP-8",
                    "Vijfjarige: de ouders mogen het kind tot 5 uur per week thuishouden, en "
                    "met toestemming van de directeur nog 5 uur extra; die uren zijn geoorloofd.",
                )
            )
        redenen.append(_aansprakelijkheid(facts, p))
        return "leerplichtig", f.einde_lp, redenen
    return (
        "kwalificatieplichtig",
        dag_ervoor(f.achttien),
        [
            Reason(
                "R-LP-4",
                f"Kwalificatieplichtig na de volledige leerplicht (die eindigde op "
                f"{nl(f.einde_lp)}) tot de 18e verjaardag op {nl(f.achttien)} of tot het behalen "
                "van een startkwalificatie (havo, vwo of mbo niveau 2 of hoger).",
            ),
            f.einde_lp_reason,
            _aansprakelijkheid(facts, p),
        ],
    )


def _overlay(
    facts: PersoonFeiten, p: dt.date, fase: Status, fase_tot: dt.date | None, f: _Fasen
) -> tuple[dt.date | None, Reason] | None:
    """The vrijgesteld overlay: (tot, reason) or None."""
    if fase not in ("leerplichtig", "kwalificatieplichtig"):
        return None
    for v in sorted(facts.vrijstellingen, key=lambda v: v.begindatum):
        if not v.bevat(p):
            continue
        if v.artikel in ALLEEN_KWALIFICATIEPLICHT and fase != "kwalificatieplichtig":
            continue
        tot = fase_tot if v.einddatum is None else min(v.einddatum, fase_tot or v.einddatum)
        label = VRIJSTELLING_ARTIKELEN.get(v.artikel, f"art. {v.artikel}")
        return tot, Reason(
            "R-VR-1",
            f"Vrijstelling {label} van {nl(v.begindatum)} tot en met {nl(v.einddatum)} "
            "geregistreerd; de leerling hoeft in die periode geen school te bezoeken.",
        )
    if fase == "kwalificatieplichtig":
        getuigschrift = eerste_diploma(facts.diplomas, GEEN_KWALIFICATIEPLICHT_SOORTEN, p)
        if getuigschrift is not None:
            return fase_tot, Reason(
                "R-LP-5",
                f"Getuigschrift {getuigschrift.soort} ({nl(getuigschrift.datum)}): de "
                "kwalificatieplicht geldt niet (art. 4b).",
            )
    return None


def _diploma_notities(facts: PersoonFeiten, p: dt.date) -> list[Reason]:
    return [
        Reason(
            "R-LP-4",
            f"Diploma {d.soort} ({nl(d.datum)}) is geen startkwalificatie.",
        )
        for d in facts.diplomas
        if d.datum <= p
        and d.soort in GEEN_STARTKWALIFICATIE_SOORTEN - GEEN_KWALIFICATIEPLICHT_SOORTEN
    ]


def _kern(
    facts: PersoonFeiten, p: dt.date, f: _Fasen
) -> tuple[Status, Status, dt.date | None, list[Reason]]:
    """(status, fase, tot, reasons) from the phase boundaries alone."""
    fase, tot, redenen = _fase(facts, p, f)
    status: Status = fase
    overlay = _overlay(facts, p, fase, tot, f)
    if overlay is not None:
        status = "vrijgesteld"
        tot, waarom = overlay
        redenen = [waarom, *redenen]
    return status, fase, tot, redenen


def _wijzigdata(facts: PersoonFeiten, na: dt.date, tot: dt.date) -> list[dt.date]:
    """Dates in (na, tot] on which a diploma or vrijstelling may change the status."""
    data = {d.datum for d in facts.diplomas}
    data |= {v.begindatum for v in facts.vrijstellingen}
    data |= {dag_erna(v.einddatum) for v in facts.vrijstellingen if v.einddatum is not None}
    return sorted(d for d in data if na < d <= tot)


def leerplicht_status(
    facts: PersoonFeiten, peildatum: dt.date, policy: LeerplichtPolicy = LeerplichtPolicy()
) -> LeerplichtStatus:
    """The leerplicht status of a person on ``peildatum``, with its end and reasons.

    ``tot`` also takes the known diplomas and vrijstellingen after ``peildatum`` into
    account: it is the day before the first date on which the status changes.
    """
    f = _fasen(facts, policy)
    status, fase, tot, redenen = _kern(facts, peildatum, f)
    if tot is not None:
        for d in _wijzigdata(facts, peildatum, tot):
            if _kern(facts, d, f)[0] != status:
                tot = dag_ervoor(d)
                break
    if fase in ("kwalificatieplichtig", "18-plus"):
        redenen.extend(_diploma_notities(facts, peildatum))
    return LeerplichtStatus(
        status=status, tot=tot, peildatum=peildatum, fase=fase, reasons=tuple(redenen)
    )


Doelgroep = Literal["leerplichtig", "kwalificatieplichtig", "18-plus"]


@dataclass(frozen=True, kw_only=True)
class DoelgroepBeslissing(Decision):
    """Routing doelgroep (R-RT-2) on a date, or None when absence is not reportable."""

    doelgroep: Doelgroep | None
    status: LeerplichtStatus


def doelgroep(
    facts: PersoonFeiten, peildatum: dt.date, policy: LeerplichtPolicy = LeerplichtPolicy()
) -> DoelgroepBeslissing:
    """The doelgroep (leerplichtig / kwalificatieplichtig / 18-plus) used for routing.

    Based on the phase, so a vrijgestelde leerplichtige is still in doelgroep
    leerplichtig.
    """
    st = leerplicht_status(facts, peildatum, policy)
    groep = st.fase if st.fase in ("leerplichtig", "kwalificatieplichtig", "18-plus") else None
    uitleg = (
        f"Doelgroep {groep} voor de routering." if groep else f"Geen doelgroep: status {st.fase}."
    )
    return DoelgroepBeslissing(
        doelgroep=groep, status=st, reasons=(Reason("R-RT-2", uitleg), *st.reasons)
    )


def einde_kwalificatieplicht(
    facts: PersoonFeiten, policy: LeerplichtPolicy = LeerplichtPolicy()
) -> dt.date:
    """Last day of the leerplicht/kwalificatieplicht as far as the facts tell (R-PR-4).

    The day before the first startkwalificatie or getuigschrift of R-LP-5 that ends
    the duty, else the day before the 18th birthday.
    """
    f = _fasen(facts, policy)
    einde = dag_ervoor(f.achttien)
    sk = eerste_diploma(facts.diplomas, STARTKWALIFICATIE_SOORTEN, dt.date.max)
    if sk is not None:
        einde = min(einde, dag_ervoor(sk.datum))
    pro = eerste_diploma(facts.diplomas, GEEN_KWALIFICATIEPLICHT_SOORTEN, dt.date.max)
    if pro is not None:
        einde = min(einde, max(f.einde_lp, dag_ervoor(pro.datum)))
    return einde


@dataclass(frozen=True, kw_only=True)
class AbsoluutVerzuimBeslissing(Decision):
    """R-VZ-1: leerplichtig or kwalificatieplichtig, not enrolled, no vrijstelling.

    Person-level check only; BRP exclusions (died, emigrated, RNI) and the grace period
    after an uitschrijving (R-SG-2) belong to the signal that calls this.
    """

    absoluut_verzuim: bool
    status: LeerplichtStatus


def absoluut_verzuim(
    facts: PersoonFeiten, peildatum: dt.date, policy: LeerplichtPolicy = LeerplichtPolicy()
) -> AbsoluutVerzuimBeslissing:
    st = leerplicht_status(facts, peildatum, policy)
    ingeschreven = any(i.bevat(peildatum) for i in facts.inschrijvingen)
    plichtig = st.status in ("leerplichtig", "kwalificatieplichtig")
    if not plichtig:
        uitleg = f"Geen absoluut verzuim: status {st.status}."
    elif ingeschreven:
        uitleg = f"Geen absoluut verzuim: de leerling is op {nl(peildatum)} ingeschreven."
    else:
        laatste = max(
            (i for i in facts.inschrijvingen if i.begindatum <= peildatum),
            key=lambda i: i.begindatum,
            default=None,
        )
        sinds = (
            f" (laatste inschrijving eindigde op {nl(laatste.einddatum)})"
            if laatste is not None and laatste.einddatum is not None
            else " (geen eerdere inschrijving bekend)"
        )
        uitleg = (
            f"Absoluut verzuim: {st.status} op {nl(peildatum)}, niet ingeschreven op een "
            f"school en geen vrijstelling{sinds}."
        )
    return AbsoluutVerzuimBeslissing(
        absoluut_verzuim=plichtig and not ingeschreven,
        status=st,
        reasons=(Reason("R-VZ-1", uitleg), *st.reasons),
    )


__all__ = [
    "AbsoluutVerzuimBeslissing",
    "ALLEEN_KWALIFICATIEPLICHT",
    "absoluut_verzuim",
    "einde_volledige_leerplicht_op_leeftijd",
    "LEEFTIJD_EINDE_KWALIFICATIEPLICHT",
    "LEEFTIJD_EINDE_RMC",
    "LEEFTIJD_EINDE_VOLLEDIG",
    "LEEFTIJD_LEERPLICHT",
    "DIPLOMA_SOORTEN",
    "gedekt",
    "Diploma",
    "DoelgroepBeslissing",
    "Inschrijving",
    "LeerplichtPolicy",
    "LeerplichtStatus",
    "PersoonFeiten",
    "STARTKWALIFICATIE_SOORTEN",
    "VOLGORDE",
    "VRIJSTELLING_ARTIKELEN",
    "Vrijstelling",
    "begin_leerplicht",
    "doelgroep",
    "einde_kwalificatieplicht",
    "heeft_startkwalificatie",
    "leerplicht_status",
    "volle_schooljaren",
]
