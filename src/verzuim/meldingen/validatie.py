"""Domain checks of a melding (R-ME-1..3) against the register: the reporting vestiging
belongs to the caller's school, the pupil is enrolled there on every reported day (R-ME-2),
the dates are in order and not in the future (R-ME-3), and the verzuimsoort is admissible
for the pupil's leerplicht status on the begindatum (R-ME-3, via `verzuim.rules`).

`controleer(actor, invoer, fouten)` adds to `fouten` and returns what it looked up, so the
intake does not read the same rows twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from verzuim import clock
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.meldingen import brp, referentie
from verzuim.meldingen.codes import EINDDATUM_VERPLICHT, TOEGESTANE_SOORTEN, Verzuimsoort
from verzuim.meldingen.invoer import Fouten, MeldingInvoer
from verzuim.meldingen.prefetch import als_geprefetcht
from verzuim.organisaties.models import Vestiging
from verzuim.personen.leerplicht import GeboortedatumOnbekend, feiten_van
from verzuim.personen.models import Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.rules import leerplicht as lp
from verzuim.snelpad import Select, kolommen, uit_rij

DOEL = "verzuimmelding"
NIET_INGESCHREVEN = "Deze leerling is niet ingeschreven op uw school (R-ME-2)."


@dataclass
class Gegevens:
    """What the checks looked up; the routing and the intake use it."""

    vestiging: Vestiging | None = None
    leerling: Leerling | None = None
    persoon: brp.Persoon | None = None
    feiten: lp.PersoonFeiten | None = None
    status: lp.LeerplichtStatus | None = None
    vrijstellingen: list = field(default_factory=list)


def _datums(inv: MeldingInvoer, fouten: Fouten, vandaag: dt.date) -> None:
    if inv.begindatum and inv.begindatum > vandaag:
        fouten.add("begindatum", "in_de_toekomst", "De begindatum ligt na vandaag (R-ME-3).")
    if inv.einddatum and inv.einddatum > vandaag:
        fouten.add("einddatum", "in_de_toekomst", "De einddatum ligt na vandaag (R-ME-3).")
    if inv.begindatum and inv.einddatum and inv.einddatum < inv.begindatum:
        fouten.add("einddatum", "voor_begindatum", "De einddatum ligt voor de begindatum (R-ME-3).")
    if (
        inv.verzuimsoort in EINDDATUM_VERPLICHT
        and inv.einddatum is None
        and not fouten.heeft("einddatum")
    ):
        fouten.add(
            "einddatum",
            "required",
            f"Verplicht bij verzuimsoort {Verzuimsoort(inv.verzuimsoort).label} (R-ME-1).",
        )
    if inv.begindatum:
        laatste = inv.einddatum or vandaag
        for i, dag in enumerate(inv.verzuimdagen):
            d = dt.date.fromisoformat(dag["datum"])
            if not inv.begindatum <= d <= laatste:
                fouten.add(
                    f"verzuimdagen.{i}.datum",
                    "buiten_periode",
                    "Deze dag valt buiten de periode van de melding.",
                )


def _vestiging(actor: Actor, inv: MeldingInvoer, fouten: Fouten) -> Vestiging | None:
    if not inv.vestiging:
        return None
    vestiging = referentie.vestiging(inv.vestiging)
    if vestiging is None or vestiging.instelling_id != getattr(actor.organisatie, "pk", None):
        fouten.add("vestiging", "onbekend", "Geen vestiging van uw school.")
        return None
    return vestiging


def _leerling_select(veld: str) -> Select:
    """Every enrolment of the pupil with `veld` = %s, the pupil's columns before them, then
    the vestiging's instelling and whether the pupil has diplomas / vrijstellingen."""

    def bouw(conn, qn):
        def tabel(model):
            return qn(model._meta.db_table)

        l_id = f"l.{qn('id')}"
        return (
            f"SELECT {kolommen(conn, Leerling, 'l')}, {kolommen(conn, Inschrijving, 'i')}, "
            f"v.{qn('instelling_id')}, "
            f"EXISTS (SELECT 1 FROM {tabel(Diploma)} d WHERE d.{qn('leerling_id')} = {l_id}), "
            f"EXISTS (SELECT 1 FROM {tabel(Vrijstelling)} x WHERE x.{qn('leerling_id')} = {l_id}) "
            f"FROM {tabel(Leerling)} l "
            f"JOIN {tabel(Inschrijving)} i ON i.{qn('leerling_id')} = {l_id} "
            f"JOIN {tabel(Vestiging)} v ON v.{qn('id')} = i.{qn('vestiging_id')} "
            f"WHERE l.{qn(veld)} = %s"
        )

    return Select(Inschrijving, bouw)


_LEERLING = {veld: _leerling_select(veld) for veld in ("burgerservicenummer", "onderwijsnummer")}


def _leerling(inv: MeldingInvoer) -> Leerling | None:
    """The pupil with all its enrolments (the enrolment history, R-LP-3), in one prepared
    query (`verzuim.snelpad`: this lookup is on every melding), or None — also for a pupil
    without any enrolment, which no school may report (R-ME-2). Each enrolment carries its
    vestiging's `instelling_id`. Diplomas and vrijstellingen come later, only for a pupil
    enrolled at the caller's school (`_aanvullen`)."""
    veld = "burgerservicenummer" if inv.burgerservicenummer else "onderwijsnummer"
    conn, rijen = _LEERLING[veld].rijen([inv.identificatie])
    if not rijen:
        return None
    n_l, n_i = len(Leerling._meta.concrete_fields), len(Inschrijving._meta.concrete_fields)
    leerling = uit_rij(conn, Leerling, rijen[0][:n_l])
    leerling.heeft_diplomas, leerling.heeft_vrijstellingen = map(bool, rijen[0][-2:])
    inschrijvingen = []
    for rij in rijen:
        inschrijving = uit_rij(conn, Inschrijving, rij[n_l : n_l + n_i])
        inschrijving.instelling_id = rij[n_l + n_i]
        inschrijving.leerling = leerling
        inschrijvingen.append(inschrijving)
    als_geprefetcht(leerling, inschrijvingen=inschrijvingen)
    return leerling


def _aanvullen(leerling: Leerling) -> None:
    # Most pupils have neither: ask only for what is there (R-LP-4/5, R-VR-1 need them).
    aanwezig = {n: getattr(leerling, f"heeft_{n}") for n in ("diplomas", "vrijstellingen")}
    als_geprefetcht(leerling, **{n: [] for n, ja in aanwezig.items() if not ja})
    prefetch_related_objects([leerling], *(n for n, ja in aanwezig.items() if ja))


def _ingeschreven(
    leerling: Leerling | None, instelling_id, inv: MeldingInvoer, fouten: Fouten
) -> bool:
    """R-ME-2: enrolled at the caller's school on every reported day. An unknown pupil and
    one the school has not enrolled get the same single error, so the answer reveals nothing
    about a pupil of another school (not even whether the number exists)."""
    inschrijvingen = [
        i
        for i in (leerling.inschrijvingen.all() if leerling is not None else ())
        if i.instelling_id == instelling_id
    ]
    if not inschrijvingen:
        veld = "burgerservicenummer" if inv.burgerservicenummer else "onderwijsnummer"
        fouten.add(f"leerling.{veld}", "niet_ingeschreven", NIET_INGESCHREVEN)
        return False
    if not inv.begindatum or fouten.heeft("begindatum"):
        return True
    goed = True
    tot = inv.einddatum or inv.begindatum
    if not lp.gedekt(inschrijvingen, inv.begindatum, tot):
        goed = False
        fouten.add(
            "begindatum"
            if not lp.gedekt(inschrijvingen, inv.begindatum, inv.begindatum)
            else "einddatum",
            "niet_ingeschreven",
            "De leerling was niet de hele periode op uw school ingeschreven (R-ME-2).",
        )
    for i, dag in enumerate(inv.verzuimdagen):
        d = dt.date.fromisoformat(dag["datum"])
        if not lp.gedekt(inschrijvingen, d, d):
            goed = False
            fouten.add(
                f"verzuimdagen.{i}.datum",
                "niet_ingeschreven",
                "Op deze dag was de leerling niet op uw school ingeschreven (R-ME-2).",
            )
    return goed


def _toelaatbaar(g: Gegevens, inv: MeldingInvoer, fouten: Fouten) -> None:
    """R-ME-3: verzuimsoort admissible for the leerplicht phase on the begindatum. The phase
    ignores a vrijstelling: an overlapping vrijstelling withdraws the melding (R-RT-7)."""
    g.status = lp.leerplicht_status(g.feiten, inv.begindatum)
    toegestaan = TOEGESTANE_SOORTEN.get(g.status.fase, frozenset())
    if inv.verzuimsoort and inv.verzuimsoort not in toegestaan:
        # The phase only: no dates, ages or grounds (R-PR-5); the school knows its pupil.
        fouten.add(
            "verzuimsoort",
            "niet_toegestaan",
            "Deze verzuimsoort past niet bij de leerplichtstatus van de leerling op de "
            f"begindatum ({g.status.fase}) (R-ME-3).",
        )


def _lees_brp(actor: Actor, leerling: Leerling) -> brp.Persoon | None:
    """The BRP facts of an enrolled pupil (birth date, gemeente), audited (R-PR-1)."""
    persoon = brp.persoon(leerling.burgerservicenummer)
    audit.log(
        actor,
        "brp.lezen",
        obj=leerling,
        persoon=leerling.identificatie,
        doel=DOEL,
        details={"velden": ["geboorte.datum", "gemeenteVanInschrijving"]},
    )
    return persoon


def controleer(actor: Actor, inv: MeldingInvoer, fouten: Fouten) -> Gegevens:
    """All domain checks; adds every problem to `fouten` (R-ME-1..3). Nothing about the
    pupil is read (BRP, leerplicht facts) unless the school has enrolled it on the reported
    days (R-ME-2)."""
    vandaag = clock.today()
    g = Gegevens()
    _datums(inv, fouten, vandaag)
    g.vestiging = _vestiging(actor, inv, fouten)
    if not inv.identificatie:
        return g
    leerling = _leerling(inv)
    if not _ingeschreven(leerling, getattr(actor.organisatie, "pk", None), inv, fouten):
        return g
    g.leerling = leerling
    _aanvullen(leerling)
    if leerling.burgerservicenummer:
        g.persoon = _lees_brp(actor, leerling)
    geboortedatum = g.persoon.geboortedatum if g.persoon else None
    try:
        g.feiten = feiten_van(leerling, geboortedatum or leerling.geboortedatum)
    except GeboortedatumOnbekend:
        g.feiten = None  # onderwijsnummer pupil without birth date: R-ME-3 cannot be checked
    g.vrijstellingen = list(leerling.vrijstellingen.all())
    if g.feiten is not None and inv.begindatum and not fouten.heeft("begindatum"):
        _toelaatbaar(g, inv, fouten)
    return g
