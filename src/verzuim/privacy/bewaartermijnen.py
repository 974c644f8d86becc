"""Retention (R-PR-4): the nightly purge `verzuim bewaartermijnen` destroys what is due.

The database narrows, the rules decide (docs/architecture.md): candidates are selected
set-based in SQL with windows derived from the policy's own years (``_kandidaten``), and
``rules.bewaartermijnen.bewaring`` decides per person, on its facts (birth date, diplomas),
which categories are due:

- leerplicht (19 years after birth): the meldingen of doelgroep leerplichtig, the signals,
  and the closed dossiers of that casework (opened before the 18th birthday, holding no
  kwalificatieplicht or 18-plus melding) with their timeline, letters and routes;
- kwalificatieplicht (2 years after it ended): the meldingen of doelgroep kwalificatieplichtig;
- RMC (2 years after the startkwalificatie or the 23rd birthday): the 18-plus meldingen;
- all three due: the person's record too (pupil, enrolments, vrijstellingen, diplomas,
  letters and whatever is left);
- Wpg (5 years after first processing): what a BOA processed as criminal data, the Halt
  referrals and processen-verbaal of the dossiers (``Handhaving``, R-CW-6/7) with their
  route entries on the timeline, each from the day it was started (docs/decisions.md);
  a person's dossiers go with the person's record.

Before anything is deleted, the telling of every past schooljaar the deleted rows were
counted in is kept (``cijfers.telling.archiveer``), so the leerplichttelling of that
schooljaar stays the same. A real run logs counts, never content (an audit record with the
counts, the logger ``verzuim.privacy``). Years: ``VERZUIM_BEWAARTERMIJNEN`` (settings).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from verzuim import clock
from verzuim.audit import services as audit
from verzuim.audit.context import SYSTEEM
from verzuim.brieven.models import Document
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import archiveer
from verzuim.dossiers.models import (
    BIJZONDERE_HANDHAVING,
    Activiteit,
    Bron,
    Dossier,
    DossierMelding,
    DossierStatus,
    Handhaving,
)
from verzuim.meldingen.models import Melding
from verzuim.personen.leerplicht import feiten_van
from verzuim.personen.models import BrpPersoon, Diploma, Leerling, Vrijstelling
from verzuim.rules import Schooljaar, schooljaar_van
from verzuim.rules import bewaartermijnen as regels
from verzuim.rules._datum import verjaardag
from verzuim.signalen.models import Signaal

logger = logging.getLogger("verzuim.privacy")

#: Which meldingen a category holds (Melding.doelgroep).
DOELGROEP = {
    "leerplicht": "leerplichtig",
    "kwalificatieplicht": "kwalificatieplichtig",
    "rmc": "18-plus",
}


def policy() -> regels.BewaarPolicy:
    return regels.BewaarPolicy(**settings.VERZUIM_BEWAARTERMIJNEN)


def jaren_terug(datum: dt.date, jaren: int) -> dt.date:
    """The date ``jaren`` years before ``datum`` (29 Feb → 1 Mar): a birth date on or before
    it may be due; the rules decide the exact day."""
    try:
        return datum.replace(year=datum.year - jaren)
    except ValueError:
        return dt.date(datum.year - jaren, 3, 1)


@dataclass
class Plan:
    """What one run destroys: pks per category and the person records."""

    datum: dt.date
    meldingen: dict[str, list[int]] = field(default_factory=dict)
    signalen: list[int] = field(default_factory=list)
    personen: list[int] = field(default_factory=list)
    handhavingen: list[int] = field(default_factory=list)  # Wpg
    dossiers: list[int] = field(default_factory=list)  # leerplicht casework

    def aantallen(self) -> dict[str, dict[str, int]]:
        """Counts per category (no content)."""
        uit = {c: {"meldingen": len(self.meldingen.get(c, []))} for c in DOELGROEP}
        uit["leerplicht"]["signalen"] = len(self.signalen)
        uit["leerplicht"]["dossiers"] = len(self.dossiers)
        uit["leerplicht"]["documenten"] = _dossierbrieven(self.dossiers).count()
        uit["persoon"] = _persoonsaantallen(self.personen)
        uit["wpg"] = {
            "handhavingen": len(self.handhavingen),
            "activiteiten": _routeactiviteiten(self.handhavingen).count(),
        }
        return uit


def _dossierbrieven(pks: list[int]):
    """The letters made from these dossiers (brieven.Document.koppeling "dossier:<uuid>")."""
    uuids = Dossier.objects.filter(pk__in=pks).values_list("uuid", flat=True)
    return Document.objects.filter(koppeling__in=[f"dossier:{u}" for u in uuids])


def leerplichtdossiers(leerlingen: list[int]):
    """The closed dossiers that are leerplicht casework of these pupils (R-PR-4): opened
    before the 18th birthday and holding no kwalificatieplicht or 18-plus melding. An open
    dossier waits for its closure; the rest go with the person's record."""
    later = DossierMelding.objects.filter(
        dossier=OuterRef("pk"),
        melding__doelgroep__in=(DOELGROEP["kwalificatieplicht"], DOELGROEP["rmc"]),
    )
    return (
        Dossier.objects.filter(leerling__in=leerlingen, status=DossierStatus.GESLOTEN)
        .exclude(Exists(later))
        .only("pk", "leerling_id", "geopend")
    )


def _routeactiviteiten(pks: list[int]):
    """The timeline entries a route wrote (its start and outcomes): they carry its data."""
    uuids = [str(u) for u in Handhaving.objects.filter(pk__in=pks).values_list("uuid", flat=True)]
    return Activiteit.objects.filter(bron=Bron.ROUTE, bron_referentie__in=uuids)


def _persoonsaantallen(pks: list[int]) -> dict[str, int]:
    leerlingen = Leerling.objects.filter(pk__in=pks)
    nummers = _nummers(pks)
    return {
        "leerlingen": len(pks),
        "inschrijvingen": leerlingen.values("inschrijvingen").exclude(inschrijvingen=None).count(),
        "vrijstellingen": leerlingen.values("vrijstellingen").exclude(vrijstellingen=None).count(),
        "diplomas": Diploma.objects.filter(leerling__in=pks).count(),
        "meldingen": Melding.objects.filter(leerling__in=pks).count(),
        "signalen": Signaal.objects.filter(leerling__in=pks).count(),
        "documenten": Document.objects.filter(betreft__in=nummers).count(),
        "dossiers": Dossier.objects.filter(leerling__in=pks).count(),
    }


def _nummers(pks) -> list[str]:
    rijen = Leerling.objects.filter(pk__in=pks).values_list(
        "burgerservicenummer", "onderwijsnummer"
    )
    return [bsn or onr for bsn, onr in rijen]


def met_geboortedatum():
    """Pupils with their birth date: the local BRP store's, else the school's (none with the
    Haal Centraal backend and no school date: such a pupil is not purged)."""
    geboren = Coalesce(
        Subquery(
            BrpPersoon.objects.filter(burgerservicenummer=OuterRef("burgerservicenummer")).values(
                "geboortedatum"
            )[:1]
        ),
        F("geboortedatum"),
    )
    return (
        Leerling.objects.annotate(geboren=geboren)
        .prefetch_related("diplomas", "inschrijvingen", "vrijstellingen")
        .order_by("pk")
    )


def _kandidaten(datum: dt.date, p: regels.BewaarPolicy):
    """Pupils of whom something may be due, narrowed in SQL on the policy's own windows, per
    category on the data it holds: leerplicht data (meldingen, signals) from the birth date
    + L years; kwalificatieplicht meldingen from 18 + K years, or K years after a diploma
    (a startkwalificatie or R-LP-5 getuigschrift may end it earlier); 18-plus meldingen
    from 23 + R years, or R years after a diploma; the record itself from the last of these.
    A superset: the rules decide (``plan``)."""

    # One day to spare: the kwalificatieplicht ends the day before the diploma or the 18th
    # birthday, so its term ends a day before the anniversary of that event.
    def x(jaren: int) -> dt.date:
        return jaren_terug(datum, jaren) + dt.timedelta(days=1)

    lp_jaren = p.leerplicht_jaren_na_geboorte
    kp_jaren, rmc_jaren = p.kwalificatieplicht_jaren_na_einde, p.rmc_jaren

    def melding(doelgroep):
        return Exists(Melding.objects.filter(leerling=OuterRef("pk"), doelgroep=doelgroep))

    def diploma(jaren):
        return Exists(Diploma.objects.filter(leerling=OuterRef("pk"), datum__lte=x(jaren)))

    leerplicht = (
        melding(DOELGROEP["leerplicht"]) | Exists(Signaal.objects.filter(leerling=OuterRef("pk")))
    ) & Q(geboren__lte=x(lp_jaren))
    kwalificatieplicht = melding(DOELGROEP["kwalificatieplicht"]) & (
        Q(geboren__lte=x(18 + kp_jaren)) | diploma(kp_jaren)
    )
    rmc = melding(DOELGROEP["rmc"]) & (Q(geboren__lte=x(23 + rmc_jaren)) | diploma(rmc_jaren))
    persoon = Q(geboren__lte=x(max(lp_jaren, 18 + kp_jaren, 23 + rmc_jaren))) | (
        Q(geboren__lte=x(lp_jaren)) & diploma(min(kp_jaren, rmc_jaren))
    )
    return met_geboortedatum().filter(leerplicht | kwalificatieplicht | rmc | persoon)


def wpg_kandidaten(datum: dt.date, p: regels.BewaarPolicy):
    """Halt referrals and processen-verbaal started up to the Wpg term ago (a day to spare
    for 29 February): a superset, the rules decide."""
    grens = jaren_terug(datum, p.wpg_jaren) + dt.timedelta(days=1)
    return Handhaving.objects.filter(soort__in=BIJZONDERE_HANDHAVING, gestart__lte=grens)


def plan(
    datum: dt.date | None = None,
    p: regels.BewaarPolicy | None = None,
    *,
    kandidaten=None,
    handhavingen=None,
) -> Plan:
    """What is due on ``datum`` (today): the rules decide per candidate (``kandidaten``,
    ``handhavingen``: the SQL narrowing; a test passes every pupil and every route to prove
    the narrowing misses none)."""
    datum = datum or clock.today()
    p = p or policy()
    uit = Plan(datum, {c: [] for c in DOELGROEP})
    due: dict[str, list[int]] = {c: [] for c in DOELGROEP}
    kandidaten_lijst = list(_kandidaten(datum, p) if kandidaten is None else kandidaten)
    for leerling in kandidaten_lijst:
        if leerling.geboren is None:
            continue
        besluit = regels.bewaring(feiten_van(leerling, leerling.geboren), datum, p)
        if besluit.persoon_vervalt:
            uit.personen.append(leerling.pk)
            continue
        for categorie in besluit.te_vernietigen:
            due[categorie].append(leerling.pk)
    for categorie, pks in due.items():
        uit.meldingen[categorie] = list(
            Melding.objects.filter(leerling__in=pks, doelgroep=DOELGROEP[categorie]).values_list(
                "pk", flat=True
            )
        )
    uit.signalen = list(
        Signaal.objects.filter(leerling__in=due["leerplicht"]).values_list("pk", flat=True)
    )
    lp_due = set(due["leerplicht"])
    geboren = {ll.pk: ll.geboren for ll in kandidaten_lijst if ll.pk in lp_due}
    uit.dossiers = sorted(
        d.pk
        for d in leerplichtdossiers(due["leerplicht"])
        if timezone.localdate(d.geopend) < verjaardag(geboren[d.leerling_id], 18)
    )
    routes = wpg_kandidaten(datum, p) if handhavingen is None else handhavingen
    uit.handhavingen = sorted(
        h.pk
        for h in routes.exclude(dossier__leerling__in=uit.personen).only("pk", "gestart", "soort")
        if h.bijzonder and regels.bewaartermijn_wpg(h.gestart, p).vernietigen_vanaf <= datum
    )
    return uit


def _schooljaren(plan: Plan) -> list[Schooljaar]:
    """The past schooljaren the rows to delete were counted in (the span of their periods)."""
    pks = [pk for pks in plan.meldingen.values() for pk in pks]
    reeksen = (
        (
            Melding.objects.filter(Q(pk__in=pks) | Q(leerling__in=plan.personen)),
            "begindatum",
            "einddatum",
        ),
        (
            Signaal.objects.filter(Q(pk__in=plan.signalen) | Q(leerling__in=plan.personen)),
            "sinds",
            "opgelost_op",
        ),
        (Vrijstelling.objects.filter(leerling__in=plan.personen), "begindatum", "einddatum"),
        (Dossier.objects.filter(leerling__in=plan.personen), "geopend__date", "gesloten__date"),
        (Handhaving.objects.filter(pk__in=plan.handhavingen), "gestart", "gestart"),
        (Dossier.objects.filter(pk__in=plan.dossiers), "geopend__date", "gesloten__date"),
    )
    data = [
        d
        for qs, begin, eind in reeksen
        for b, e in qs.values_list(begin, eind)
        for d in (b, e or plan.datum)
    ]
    if not data:
        return []
    laatste = min(schooljaar_van(max(data)).startjaar, schooljaar_van(plan.datum).startjaar - 1)
    return [Schooljaar(j) for j in range(schooljaar_van(min(data)).startjaar, laatste + 1)]


@transaction.atomic
def voer_uit(p: Plan) -> dict[str, dict[str, int]]:
    """Keep the tellings, then destroy what the plan holds; log counts, never content."""
    aantallen = p.aantallen()
    bewaard = {}
    for sj in _schooljaren(p):
        nieuw = archiveer(Periode(sj))
        if nieuw:
            bewaard[sj.label] = nieuw
    melding_pks = [pk for pks in p.meldingen.values() for pk in pks]
    melding_pks += list(
        Melding.objects.filter(leerling__in=p.personen).values_list("pk", flat=True)
    )
    # A follow-up melding points at its predecessor (PROTECT): loosen the chain first.
    Melding.objects.filter(vervolg_op__in=melding_pks).update(vervolg_op=None)
    Melding.objects.filter(pk__in=melding_pks).delete()
    Signaal.objects.filter(Q(pk__in=p.signalen) | Q(leerling__in=p.personen)).delete()
    Document.objects.filter(betreft__in=_nummers(p.personen)).delete()
    # The dossiers (issue 9) of a person whose record goes; a melding's or signal's link
    # goes with the melding or signal (CASCADE).
    Dossier.objects.filter(leerling__in=p.personen).delete()
    # Leerplicht casework (R-PR-4): its letters, then the dossiers with their timeline,
    # phase reports, verzuimoverzicht requests and routes (CASCADE).
    _dossierbrieven(p.dossiers).delete()
    Dossier.objects.filter(pk__in=p.dossiers).delete()
    # Wpg: the routes a BOA took and their timeline entries (R-PR-4); the dossier stays.
    _routeactiviteiten(p.handhavingen).delete()
    Handhaving.objects.filter(pk__in=p.handhavingen).delete()
    Leerling.objects.filter(pk__in=p.personen).delete()  # enrolments, vrijstellingen, diplomas
    audit.log(
        SYSTEEM,
        "bewaartermijnen.vernietigd",
        object_type="bewaartermijnen",
        doel="bewaartermijnen",
        details={"datum": p.datum.isoformat(), "aantallen": aantallen, "bewaard": bewaard},
    )
    logger.info("bewaartermijnen %s: %s; tellingen bewaard: %s", p.datum, aantallen, bewaard)
    return aantallen


def totaal(aantallen: dict[str, dict[str, int]]) -> int:
    return sum(n for d in aantallen.values() for n in d.values())
