"""Leerplichtigen in my gemeente (issue 10 item 1): every resident of the organisation's
gemeenten in the doelgroep on a peildatum, known pupil or not (R-PR-1: a gemeente sees its
residents).

The database narrows (the rules' birth-date windows, ``rules.signalen.fase_grenzen``, and an
anti-join on startkwalificaties: R-LP-4 puts those outside the doelgroep), filters and pages;
the rules decide the status of each row shown (``leerplicht_status`` with the person's
enrolments, vrijstellingen and diplomas). The filter on status uses the age phases with the
vrijstelling overlay; only the 12-schooljaren route (R-LP-3), which needs the enrolment
history, can make a row's status differ from the filter (docs/decisions.md).

Doelgroep: a gemeente or leerplichtdienst lists leerplichtigen and kwalificatieplichtigen, an
RMC-regio the 18-plussers (R-LP-6); the status filter may widen a gemeente's list to 18-plus.
Search terms (name, birth date, address) come from a POST body, never from a URL; an address
with geheimhouding (R-ID-5) is neither shown nor searchable except for the handling
leerplichtambtenaar (R-PR-5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Concat

from verzuim.accounts import afscherming
from verzuim.audit.context import Actor
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.organisaties.queries import gemeentenummers_van
from verzuim.personen.leerplicht import status_voor
from verzuim.personen.models import BrpPersoon, Diploma, Inschrijving, Vrijstelling
from verzuim.rules import leerplicht as lp
from verzuim.rules.leerplicht import leeftijd, verjaardag
from verzuim.rules.signalen import FaseGrenzen, fase_grenzen
from verzuim.signalen import kandidaten
from verzuim.signalen.queries import ROLLEN

STATUSSEN = ("leerplichtig", "kwalificatieplichtig", "18-plus", "vrijgesteld")
GEMEENTE_DOELGROEP = ("leerplichtig", "kwalificatieplichtig")
RMC_DOELGROEP = ("18-plus",)


@dataclass
class Filters:
    peildatum: dt.date
    status: str = ""  # one of STATUSSEN, "" = the organisation's doelgroep
    leeftijd_van: int | None = None
    leeftijd_tot: int | None = None
    school: str = ""  # vestiging code (25PL00) or BRIN (25PL)
    zonder_school: bool = False
    naam: str = ""
    geboortedatum: dt.date | None = None
    adres: str = ""  # postcode (begins with) or street (contains)

    @property
    def zoekt(self) -> bool:
        return bool(self.naam or self.geboortedatum or self.adres)


def doelgroep_van(actor: Actor) -> tuple[str, ...]:
    org = actor.organisatie
    if org is not None and org.soort == OrganisatieSoort.RMC_REGIO:
        return RMC_DOELGROEP
    return GEMEENTE_DOELGROEP


def _op(peildatum: dt.date):
    """Date conditions ``covers the peildatum`` for an enrolment/vrijstelling subquery."""
    return Q(begindatum__lte=peildatum) & (Q(einddatum__isnull=True) | Q(einddatum__gte=peildatum))


def _fase(g: FaseGrenzen):
    """The age phase by birth date (R-LP-2..6), as the rules' boundaries give it."""
    return Case(
        When(geboortedatum__gt=g.leerplichtig_tot_en_met, then=Value("niet-leerplichtig")),
        When(geboortedatum__gte=g.volledig_vanaf, then=Value("leerplichtig")),
        When(geboortedatum__gte=g.kwalificatieplichtig_vanaf, then=Value("kwalificatieplichtig")),
        When(geboortedatum__gte=g.rmc_vanaf, then=Value("18-plus")),
        default=Value("buiten-doelgroep"),
        output_field=CharField(),
    )


def _geboren_tussen(g: FaseGrenzen, fasen) -> Q:
    grenzen = {
        "leerplichtig": (g.volledig_vanaf, g.leerplichtig_tot_en_met),
        "kwalificatieplichtig": (g.kwalificatieplichtig_vanaf, g.volledig_vanaf - dt.timedelta(1)),
        "18-plus": (g.rmc_vanaf, g.kwalificatieplichtig_vanaf - dt.timedelta(1)),
    }
    q = Q(pk__in=[])
    for fase in fasen:
        van, tot = grenzen[fase]
        q |= Q(geboortedatum__range=(van, tot))
    return q


def _per_bsn(model, peildatum: dt.date | None = None):
    qs = model.objects.filter(leerling__burgerservicenummer=OuterRef("burgerservicenummer"))
    return qs.filter(_op(peildatum)) if peildatum else qs


def mag_zien(actor: Actor) -> bool:
    """A gemeente, leerplichtdienst or RMC-regio: its API applications and its leerplicht
    roles (no beleidsmedewerker, no privacy officer: R-PR-1)."""
    org = actor.organisatie
    if org is None or org.soort not in {
        OrganisatieSoort.GEMEENTE,
        OrganisatieSoort.LEERPLICHTDIENST,
        OrganisatieSoort.RMC_REGIO,
    }:
        return False
    return actor.soort == "api" or actor.heeft_rol(*ROLLEN)


def leerplichtigen(actor: Actor, f: Filters) -> QuerySet[BrpPersoon]:
    """The residents of the actor's gemeenten in the doelgroep with the filters applied,
    annotated with ``fase``, ``vrijgesteld`` and ``school`` (the vestiging enrolled at on the
    peildatum); ordered by name. Empty for anyone who does not see residents."""
    if not mag_zien(actor):
        return BrpPersoon.objects.none()
    org = actor.organisatie
    p = f.peildatum
    g = fase_grenzen(p)
    fasen = doelgroep_van(actor)
    if f.status in ("leerplichtig", "kwalificatieplichtig", "18-plus"):
        fasen = (f.status,)
    elif f.status == "vrijgesteld":
        fasen = ("leerplichtig", "kwalificatieplichtig")
    ingeschreven = _per_bsn(Inschrijving, p)
    huidige = ingeschreven.order_by("-begindatum")
    qs = (
        BrpPersoon.objects.filter(gemeente_van_inschrijving__in=gemeentenummers_van(org))
        .filter(_geboren_tussen(g, fasen))
        .filter(Q(overlijdensdatum__isnull=True) | Q(overlijdensdatum__gt=p))
        .filter(Q(emigratiedatum__isnull=True) | Q(emigratiedatum__gt=p))
        .exclude(
            Exists(_per_bsn(Diploma).filter(soort__in=lp.STARTKWALIFICATIE_SOORTEN, datum__lte=p))
        )
        .annotate(
            fase=_fase(g),
            vrijgesteld=_vrijgesteld(p, g),
            school=Subquery(huidige.values("vestiging__naam")[:1]),
            schoolcode=Subquery(huidige.values("vestiging__code")[:1]),
        )
    )
    if f.status == "vrijgesteld":
        qs = qs.filter(vrijgesteld=True)
    elif f.status in ("leerplichtig", "kwalificatieplichtig"):
        qs = qs.filter(vrijgesteld=False)
    if f.leeftijd_van is not None:  # at least this age on the peildatum
        qs = qs.filter(geboortedatum__lte=_geboren_uiterlijk(p, f.leeftijd_van))
    if f.leeftijd_tot is not None:  # at most this age
        qs = qs.filter(geboortedatum__gt=_geboren_uiterlijk(p, f.leeftijd_tot + 1))
    if f.zonder_school:
        qs = qs.exclude(Exists(ingeschreven))
    if f.school:
        veld = "vestiging__code" if len(f.school) == 6 else "vestiging__instelling__code"
        qs = qs.filter(Exists(ingeschreven.filter(**{veld: f.school.upper()})))
    if f.naam:
        qs = qs.annotate(
            volledige_naam=Concat(
                "voornamen", Value(" "), "voorvoegsel", Value(" "), "geslachtsnaam"
            )
        )
        for deel in f.naam.split():
            qs = qs.filter(volledige_naam__icontains=deel)
    if f.geboortedatum:
        qs = qs.filter(geboortedatum=f.geboortedatum)
    if f.adres:
        if not afscherming.ziet_bijzondere_gegevens(actor):
            qs = qs.filter(geheimhouding_persoonsgegevens=False)  # R-ID-5: not searchable
        term = f.adres.replace(" ", "").upper()
        qs = qs.filter(
            Q(verblijfadres__postcode__startswith=term)
            | Q(verblijfadres__officieleStraatnaam__icontains=f.adres.strip())
        )
    return qs.order_by("geslachtsnaam", "voornamen", "burgerservicenummer")


def _vrijgesteld(p: dt.date, g: FaseGrenzen):
    """R-VR-1 / R-LP-5 overlay in SQL: a vrijstelling on the peildatum (art. 15 only in the
    kwalificatieplicht), or a getuigschrift of art. 4b in the kwalificatieplicht."""
    kwalificatieplichtig = Q(geboortedatum__lt=g.volledig_vanaf)
    gewone = Exists(_per_bsn(Vrijstelling, p).exclude(artikel__in=lp.ALLEEN_KWALIFICATIEPLICHT))
    alleen_kp = Exists(_per_bsn(Vrijstelling, p).filter(artikel__in=lp.ALLEEN_KWALIFICATIEPLICHT))
    getuigschrift = Exists(
        _per_bsn(Diploma).filter(soort__in=lp.GEEN_KWALIFICATIEPLICHT_SOORTEN, datum__lte=p)
    )
    return Case(
        When(gewone, then=Value(True)),
        When(kwalificatieplichtig & (alleen_kp | getuigschrift), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def _geboren_uiterlijk(p: dt.date, jaren: int) -> dt.date:
    """The latest birth date of someone who is ``jaren`` old on ``p`` (R-LP birthdays)."""
    lo, hi = dt.date(p.year - jaren - 1, 1, 1), p
    while lo < hi:  # the latest g with verjaardag(g, jaren) <= p
        mid = dt.date.fromordinal((lo.toordinal() + hi.toordinal() + 1) // 2)
        if verjaardag(mid, jaren) <= p:
            lo = mid
        else:
            hi = mid - dt.timedelta(days=1)
    return lo


@dataclass
class Rij:
    """One resident as the list shows it: the rules' status of the person's own facts."""

    persoon: BrpPersoon
    status: lp.LeerplichtStatus
    leeftijd: int
    school: str | None
    schoolcode: str | None
    adres: list[str] = field(default_factory=list)
    adres_afgeschermd: bool = False
    diploma: lp.Diploma | None = None

    @property
    def naam(self) -> str:
        p = self.persoon
        return " ".join(x for x in (p.voornamen, p.voorvoegsel, p.geslachtsnaam) if x)


def _adres(a: dict) -> list[str]:
    straat = " ".join(
        str(x)
        for x in (
            a.get("officieleStraatnaam"),
            a.get("huisnummer"),
            a.get("huisletter"),
            a.get("huisnummertoevoeging"),
        )  # fmt: skip
        if x
    )
    plaats = " ".join(str(x) for x in (a.get("postcode"), a.get("woonplaats")) if x)
    return [r for r in (straat, plaats) if r]


def rijen(actor: Actor, personen: list[BrpPersoon], peildatum: dt.date) -> list[Rij]:
    """The rows of one page: the rules decide each status (facts read set-based)."""
    feiten = {
        p.burgerservicenummer: p
        for p in kandidaten.personen(bsns=[x.burgerservicenummer for x in personen])
    }
    uit = []
    for p in personen:
        persoon = feiten.get(p.burgerservicenummer)
        fs = persoon.feiten if persoon else lp.PersoonFeiten(p.geboortedatum)
        adres = afscherming.adres(
            actor, p.geheimhouding_persoonsgegevens, _adres(p.verblijfadres or {})
        )
        uit.append(
            Rij(
                persoon=p,
                # R-PR-5: the vrijstelling ground only for the handling LPA.
                status=status_voor(actor, lp.leerplicht_status(fs, peildatum)),
                leeftijd=leeftijd(p.geboortedatum, peildatum),
                school=p.school,
                schoolcode=p.schoolcode,
                adres=adres or [],
                adres_afgeschermd=adres is None,
                diploma=max(
                    (d for d in fs.diplomas if d.datum <= peildatum),
                    key=lambda d: d.datum,
                    default=None,
                ),
            )
        )
    return uit


def in_delen(
    actor: Actor, qs: QuerySet[BrpPersoon], peildatum: dt.date, grootte: int = 2000
) -> Iterator[list[Rij]]:
    """All rows of ``qs`` in parts (the CSV export streams them)."""
    laatste = None
    basis = qs.order_by("pk")
    while True:
        deel = list((basis.filter(pk__gt=laatste) if laatste else basis)[:grootte])
        if not deel:
            return
        laatste = deel[-1].pk
        yield rijen(actor, deel, peildatum)


__all__ = ["Filters", "Rij", "in_delen", "leerplichtigen", "rijen"]
