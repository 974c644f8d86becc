"""The database narrows (issue 10 "design demand"): set-based SQL that selects the persons the
rules must look at, and loads their facts for the rules in a fixed number of queries.

Absoluut verzuim (R-SG-1): residents (local BRP store) born inside the rules' own birth-date
window of leerplichtig + kwalificatieplichtig (``rules.signalen.fase_grenzen``), not died,
emigrated or RNI on the peildatum, and — anti-joins — without an inschrijving, a vrijstelling
(other than those that only cover the kwalificatieplicht, ``ALLEEN_KWALIFICATIEPLICHT``) or a
startkwalificatie (``STARTKWALIFICATIE_SOORTEN``) on the peildatum. Every condition is one the
rules apply as well, so the narrowing can only drop persons the rules would not flag; the
grace period (R-SG-2), the 12-schooljaren route (R-LP-3) and art. 4b (R-LP-5) stay with the
rules. ``tests/test_narrowing.py`` proves it with random persons on SQLite and PostgreSQL.

Potential LRV (R-SG-4): pupils with a melding (not withdrawn) that reaches into the recent
lesweken of the earliest school region (``rules.signalen.lrv_zoekbegin``); all their
meldingen are then loaded for the rules.

The candidates go into a temporary table first, so the facts (inschrijvingen with the school's
name, vrijstellingen, diplomas) are read with three joins on it instead of per person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import orjson
from django.db import connection
from django.utils.dateparse import parse_datetime

from verzuim.meldingen.codes import Status as MeldingStatus
from verzuim.meldingen.models import Melding
from verzuim.organisaties.models import Gemeente, Vestiging
from verzuim.personen.models import BrpPersoon, Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.rules import leerplicht as lp
from verzuim.rules import signalen as regels
from verzuim.rules.kalender import REGIO_S, SchoolKalender

T_PERSOON = BrpPersoon._meta.db_table
T_LEERLING = Leerling._meta.db_table
T_INSCHRIJVING = Inschrijving._meta.db_table
T_VRIJSTELLING = Vrijstelling._meta.db_table
T_DIPLOMA = Diploma._meta.db_table
T_VESTIGING = Vestiging._meta.db_table
T_MELDING = Melding._meta.db_table
T_GEMEENTE = Gemeente._meta.db_table
KANDIDAAT = "sg_kandidaat"


def _datum(d: dt.date):
    """A date as the database driver takes it (ISO text for SQLite, a date for PostgreSQL)."""
    return connection.ops.adapt_datefield_value(d)


def _uit_db(waarde) -> dt.date | None:
    if waarde is None or isinstance(waarde, dt.date):
        return waarde
    return dt.date.fromisoformat(waarde)


def _lijst(waarden: Iterable[str]) -> str:
    """A SQL list of constant strings from the rules (never user input)."""
    return ", ".join("'" + w.replace("'", "''") + "'" for w in sorted(waarden))


@dataclass
class Persoon:
    """A person the rules look at: BRP facts, the pupil row (if any) and the rules' facts."""

    burgerservicenummer: str | None
    leerling_id: int | None
    geboortedatum: dt.date
    gemeente: str  # 4 digits (BRP), '' when unknown
    overlijdensdatum: dt.date | None = None
    emigratiedatum: dt.date | None = None
    inschrijvingen: list[lp.Inschrijving] = field(default_factory=list)
    vrijstellingen: list[lp.Vrijstelling] = field(default_factory=list)
    diplomas: list[lp.Diploma] = field(default_factory=list)

    @property
    def feiten(self) -> lp.PersoonFeiten:
        return lp.PersoonFeiten(
            geboortedatum=self.geboortedatum,
            diplomas=self.diplomas,
            inschrijvingen=self.inschrijvingen,
            vrijstellingen=self.vrijstellingen,
        )

    @property
    def brp(self) -> regels.BrpFeiten:
        return regels.BrpFeiten(self.gemeente, self.overlijdensdatum, self.emigratiedatum)


# --- the temporary candidate table -------------------------------------------------------

_KOLOMMEN = (
    "burgerservicenummer, leerling_id, geboortedatum, gemeente, overlijdensdatum, emigratiedatum"
)


@contextmanager
def _kandidaattabel(select_sql: str, params: list) -> Iterator[None]:
    """Fill the temporary table ``sg_kandidaat`` (_KOLOMMEN) from ``select_sql`` for the
    duration of the block. Call inside a transaction."""
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {KANDIDAAT}")
        cur.execute(f"CREATE TEMP TABLE {KANDIDAAT} AS {select_sql}", params)
        if connection.vendor == "postgresql":
            cur.execute(f"CREATE INDEX ON {KANDIDAAT} (leerling_id)")
            cur.execute(f"ANALYZE {KANDIDAAT}")
    try:
        yield
    finally:
        with connection.cursor() as cur:
            cur.execute(f"DROP TABLE IF EXISTS {KANDIDAAT}")


def _persoon(rij) -> Persoon:
    bsn, lid, geb, gem, ovl, emi = rij
    return Persoon(bsn, lid, _uit_db(geb), gem or "", _uit_db(ovl), _uit_db(emi))


def _feiten_sql(beperking: str) -> str:
    """Enrolments (with the school's name), vrijstellingen and diplomas in one query;
    ``beperking`` restricts each part by its alias ``x`` (a join or a WHERE)."""
    return (
        f"SELECT 'i', x.leerling_id, x.begindatum, x.einddatum, v.naam FROM {T_INSCHRIJVING} x"
        f" JOIN {T_VESTIGING} v ON v.id = x.vestiging_id {beperking}"
        f" UNION ALL SELECT 'v', x.leerling_id, x.begindatum, x.einddatum, x.artikel"
        f" FROM {T_VRIJSTELLING} x {beperking}"
        f" UNION ALL SELECT 'd', x.leerling_id, x.datum, NULL, x.soort FROM {T_DIPLOMA} x {beperking}"
    )


def _vul_feiten(per_leerling: dict[int, Persoon], rijen) -> None:
    for soort, lid, begin, einde, tekst in rijen:
        p = per_leerling[lid]
        if soort == "i":
            p.inschrijvingen.append(lp.Inschrijving(_uit_db(begin), _uit_db(einde), school=tekst))
        elif soort == "v":
            p.vrijstellingen.append(lp.Vrijstelling(tekst, _uit_db(begin), _uit_db(einde)))
        else:
            p.diplomas.append(lp.Diploma(tekst, _uit_db(begin)))


def _lees_kandidaten() -> list[Persoon]:
    """The candidates of the temporary table with their facts: two queries, whatever their
    number."""
    with connection.cursor() as cur:
        cur.execute(f"SELECT {_KOLOMMEN} FROM {KANDIDAAT}")
        personen = [_persoon(r) for r in cur.fetchall()]
        per_leerling = {p.leerling_id: p for p in personen if p.leerling_id is not None}
        if per_leerling:
            cur.execute(_feiten_sql(f"JOIN {KANDIDAAT} k ON k.leerling_id = x.leerling_id"))
            _vul_feiten(per_leerling, cur.fetchall())
    return personen


def _dekt(alias: str, kolom_begin: str = "begindatum", kolom_einde: str = "einddatum") -> str:
    return (
        f"{alias}.{kolom_begin} <= %s AND ({alias}.{kolom_einde} IS NULL"
        f" OR {alias}.{kolom_einde} >= %s)"
    )


def absoluut_verzuim_sql(peildatum: dt.date) -> tuple[str, list]:
    """SELECT (_KOLOMMEN) of the residents the rules must judge on ``peildatum`` (module doc)."""
    van, tot = regels.fase_grenzen(peildatum).plichtig
    p = _datum(peildatum)
    sql = (
        f"SELECT b.burgerservicenummer, l.id AS leerling_id, b.geboortedatum,"
        f" b.gemeente_van_inschrijving AS gemeente, b.overlijdensdatum, b.emigratiedatum"
        f" FROM {T_PERSOON} b LEFT JOIN {T_LEERLING} l"
        f" ON l.burgerservicenummer = b.burgerservicenummer"
        f" WHERE b.geboortedatum BETWEEN %s AND %s"
        f" AND b.gemeente_van_inschrijving <> %s"
        f" AND (b.overlijdensdatum IS NULL OR b.overlijdensdatum > %s)"
        f" AND (b.emigratiedatum IS NULL OR b.emigratiedatum > %s)"
        f" AND NOT EXISTS (SELECT 1 FROM {T_INSCHRIJVING} i"
        f" WHERE i.leerling_id = l.id AND {_dekt('i')})"
        f" AND NOT EXISTS (SELECT 1 FROM {T_VRIJSTELLING} v WHERE v.leerling_id = l.id"
        f" AND v.artikel NOT IN ({_lijst(lp.ALLEEN_KWALIFICATIEPLICHT)}) AND {_dekt('v')})"
        f" AND NOT EXISTS (SELECT 1 FROM {T_DIPLOMA} d WHERE d.leerling_id = l.id"
        f" AND d.soort IN ({_lijst(lp.STARTKWALIFICATIE_SOORTEN)}) AND d.datum <= %s)"
    )
    return sql, [_datum(van), _datum(tot), regels.RNI_GEMEENTE, p, p, p, p, p, p, p]


def absoluut_verzuim_kandidaten(peildatum: dt.date) -> list[Persoon]:
    """The narrowed set with facts. Call inside a transaction (temporary table)."""
    sql, params = absoluut_verzuim_sql(peildatum)
    with _kandidaattabel(sql, params):
        return _lees_kandidaten()


def personen(leerling_ids: Iterable[int] = (), bsns: Iterable[str] = ()) -> list[Persoon]:
    """Given pupils and/or BRP persons with their facts, not narrowed (to explain why a signal
    ended, or to judge one person after a mutation). A pupil without BRP person (onderwijsnummer)
    keeps the school's birth date and no gemeente; a person without either is left out."""
    ids = sorted({int(i) for i in leerling_ids})
    bsns = sorted(set(bsns))
    if not ids and not bsns:
        return []
    voorwaarden, params = [], []
    if ids:
        voorwaarden.append(f"l.id IN ({', '.join(['%s'] * len(ids))})")
        params += ids
    if bsns:
        voorwaarden.append(f"b.burgerservicenummer IN ({', '.join(['%s'] * len(bsns))})")
        params += bsns
    waar = " OR ".join(voorwaarden)
    sql = (
        f"SELECT COALESCE(b.burgerservicenummer, l.burgerservicenummer) AS burgerservicenummer,"
        f" l.id AS leerling_id, COALESCE(b.geboortedatum, l.geboortedatum) AS geboortedatum,"
        f" b.gemeente_van_inschrijving AS gemeente, b.overlijdensdatum, b.emigratiedatum"
        f" FROM {T_LEERLING} l LEFT JOIN {T_PERSOON} b"
        f" ON b.burgerservicenummer = l.burgerservicenummer WHERE {waar}"
        f" UNION"
        f" SELECT b.burgerservicenummer, NULL, b.geboortedatum, b.gemeente_van_inschrijving,"
        f" b.overlijdensdatum, b.emigratiedatum FROM {T_PERSOON} b"
        f" WHERE b.burgerservicenummer IN ({', '.join(['%s'] * len(bsns)) or 'NULL'})"
        f" AND NOT EXISTS (SELECT 1 FROM {T_LEERLING} l"
        f" WHERE l.burgerservicenummer = b.burgerservicenummer)"
    )
    with connection.cursor() as cur:
        cur.execute(sql, params + bsns)
        personen = [_persoon(r) for r in cur.fetchall()]
        per_leerling = {p.leerling_id: p for p in personen if p.leerling_id is not None}
        ids = sorted(per_leerling)
        for start in range(0, len(ids), 1000):  # no temporary table for a few persons
            deel = ids[start : start + 1000]
            cur.execute(
                _feiten_sql(f"WHERE x.leerling_id IN ({', '.join(['%s'] * len(deel))})"),
                deel * 3,
            )
            _vul_feiten(per_leerling, cur.fetchall())
    return [p for p in personen if p.geboortedatum is not None]


# --- potential LRV (R-SG-4) --------------------------------------------------------------


@dataclass
class LrvLeerling:
    leerling_id: int
    meldingen: list[regels.MeldingFeit] = field(default_factory=list)
    # The latest melding: its school region (lesweken), gemeente and receiving party.
    regio: str = ""
    gemeente_id: int | None = None
    ontvanger_id: int | None = None
    laatste: tuple = ()
    brp: regels.BrpFeiten | None = None  # None: no BRP person (onderwijsnummer pupil)


@dataclass(frozen=True)
class Kalenders:
    """One SchoolKalender per holiday region, built once per run."""

    per_regio: dict[str, SchoolKalender] = field(
        default_factory=lambda: {r: SchoolKalender(r) for r in REGIO_S}
    )

    def voor(self, regio: str) -> SchoolKalender:
        return self.per_regio.get(regio) or self.per_regio["midden"]


#: The calendars of the three regions, shared by every run in this process (pure, and each
#: remembers the days it was asked about).
KALENDERS = Kalenders()


def lrv_zoekbegin(peildatum: dt.date, kalenders: Kalenders, policy: regels.LrvPolicy) -> dt.date:
    """The earliest day a melding must reach, over all regions (the narrowing's bound)."""
    return min(regels.lrv_zoekbegin(peildatum, k, policy) for k in kalenders.per_regio.values())


def lrv_kandidaten(
    peildatum: dt.date,
    kalenders: Kalenders,
    policy: regels.LrvPolicy,
    leerling_ids: Iterable[int] | None = None,
) -> list[LrvLeerling]:
    """Pupils with a melding (not withdrawn) reaching the recent lesweken, with all their
    meldingen up to the peildatum (oldest first). ``leerling_ids`` limits it to those pupils."""
    zoekbegin = _datum(lrv_zoekbegin(peildatum, kalenders, policy))
    p = _datum(peildatum)
    ingetrokken = MeldingStatus.INGETROKKEN.value
    beperking, extra = "", []
    if leerling_ids is not None:
        ids = sorted(set(leerling_ids))
        if not ids:
            return []
        beperking = f" AND r.leerling_id IN ({', '.join(['%s'] * len(ids))})"
        extra = ids
    sql = (
        f"SELECT m.id, m.leerling_id, m.verzuimsoort, m.begindatum, m.einddatum,"
        f" m.verzuimdagen, m.ontvangen, m.verantwoordelijke_gemeente_id, m.ontvanger_id,"
        f" COALESCE(NULLIF(v.vakantieregio, ''), g.vakantieregio),"
        f" b.gemeente_van_inschrijving, b.overlijdensdatum, b.emigratiedatum"
        f" FROM {T_MELDING} m JOIN {T_VESTIGING} v ON v.id = m.vestiging_id"
        f" JOIN {T_GEMEENTE} g ON g.id = v.gemeente_id"
        f" JOIN {T_LEERLING} l ON l.id = m.leerling_id"
        f" LEFT JOIN {T_PERSOON} b ON b.burgerservicenummer = l.burgerservicenummer"
        f" WHERE m.status <> %s AND m.begindatum <= %s AND m.leerling_id IN ("
        f" SELECT r.leerling_id FROM {T_MELDING} r WHERE r.status <> %s"
        f" AND r.begindatum <= %s AND COALESCE(r.einddatum, r.begindatum) >= %s{beperking})"
        f" ORDER BY m.leerling_id, m.begindatum, m.id"
    )
    per: dict[int, LrvLeerling] = {}
    with connection.cursor() as cur:
        cur.execute(sql, [ingetrokken, p, ingetrokken, p, zoekbegin, *extra])
        rijen = cur.fetchall()
    for rij in rijen:
        mid, lid, soort, begin, einde, dagen, ontvangen, gemeente_id, ontvanger_id, regio = rij[:10]
        woont, overleden, emigratie = rij[10:]
        ll = per.setdefault(lid, LrvLeerling(lid))
        if woont is not None:
            ll.brp = regels.BrpFeiten(woont, _uit_db(overleden), _uit_db(emigratie))
        begin, einde = _uit_db(begin), _uit_db(einde)
        if isinstance(dagen, str | bytes):
            dagen = orjson.loads(dagen)
        verzuimdagen = tuple(
            d for d in (_uit_db(x.get("datum")) for x in (dagen or []) if isinstance(x, dict)) if d
        )
        ll.meldingen.append(
            regels.MeldingFeit(soort, begin, einde, verzuimdagen, nummer=_nummer(mid, ontvangen))
        )
        sleutel = (begin, mid)
        if not ll.laatste or sleutel > ll.laatste:
            ll.laatste = sleutel
            ll.regio, ll.gemeente_id, ll.ontvanger_id = regio, gemeente_id, ontvanger_id
    return list(per.values())


def _nummer(melding_id: int, ontvangen) -> str:
    """The meldingsnummer (R-ME-5) as ``Melding.meldingsnummer`` derives it."""
    return Melding(pk=melding_id, ontvangen=_als_datetime(ontvangen)).meldingsnummer


def _als_datetime(waarde) -> dt.datetime:
    """A datetime column read raw: SQLite gives naive UTC text."""
    if isinstance(waarde, str):
        waarde = parse_datetime(waarde)
    if waarde.tzinfo is None:
        waarde = waarde.replace(tzinfo=dt.UTC)
    return waarde


__all__ = [
    "Kalenders",
    "LrvLeerling",
    "Persoon",
    "absoluut_verzuim_kandidaten",
    "absoluut_verzuim_sql",
    "lrv_kandidaten",
    "personen",
]
