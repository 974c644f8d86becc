"""Writing what the rules decided into the signal table, in one transaction per soort (the
batch), so a user never sees half a run:

1. open signals whose pupil is no longer flagged are resolved, with how it ended (the rules'
   outcome for the pupil's current facts, ``oplossing_voor``);
2. open signals of a pupil now flagged in another gemeente are resolved as ``verhuisd``;
3. open signals still flagged get the rules' current reasons (only when they changed);
4. flagged pupils without an open signal get one (``sinds`` = the peildatum).

Resolving comes before inserting. Callers hold ``vergrendel()``, so a mutation's
re-evaluation and the nightly run never interleave; the partial unique index (one open signal
per pupil and soort) is the last line: a writer that skipped the lock fails loudly instead of
duplicating.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid as uuid_mod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import orjson
from django.db import connection

from verzuim import clock
from verzuim.personen.bulk import upsert
from verzuim.signalen.models import Signaal, SignaalStatus

#: pg_advisory_xact_lock key of the signal writers ("signalen" as a number).
_SLOT = 0x5149_4E41_414C


def vergrendel() -> None:
    """Serialise signal writers for the rest of the transaction (PostgreSQL advisory lock;
    SQLite serialises writing transactions itself)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_SLOT])


@dataclass
class Bevinding:
    """A pupil the rules flag on the peildatum, and what the signal should say."""

    leerling_id: int
    gemeente_id: int
    ontvanger_id: int | None
    redenen: list[dict]
    gegevens: dict = field(default_factory=dict)

    @property
    def kenmerk(self) -> str:
        return hashlib.sha1(
            orjson.dumps([self.redenen, self.gegevens]), usedforsecurity=False
        ).hexdigest()


@dataclass(frozen=True)
class Oplossing:
    code: str
    uitleg: str


@dataclass(frozen=True)
class OpenSignaal:
    id: int
    uuid: uuid_mod.UUID
    leerling_id: int
    gemeente_id: int
    ontvanger_id: int | None
    kenmerk: str


@dataclass
class Resultaat:
    geopend: list[int] = field(default_factory=list)  # signal ids
    opgelost: list[int] = field(default_factory=list)
    bijgewerkt: int = 0
    uuids: dict[int, uuid_mod.UUID] = field(default_factory=dict)  # of the opened and resolved
    oplossingen: dict[int, str] = field(default_factory=dict)  # resolved id → how
    leerlingen: set[int] = field(default_factory=set)  # the pupils flagged

    def tellingen(self) -> dict[str, int]:
        return {
            "geopend": len(self.geopend),
            "opgelost": len(self.opgelost),
            "bijgewerkt": self.bijgewerkt,
        }


def _open(soort: str, leerling_ids: Iterable[int] | None) -> list[OpenSignaal]:
    qs = Signaal.objects.filter(soort=soort, status=SignaalStatus.OPEN)
    if leerling_ids is not None:
        qs = qs.filter(leerling_id__in=list(leerling_ids))
    velden = ("id", "uuid", "leerling_id", "gemeente_id", "ontvanger_id", "kenmerk")
    return [OpenSignaal(*rij) for rij in qs.values_list(*velden)]


def pas_toe(
    soort: str,
    peildatum: dt.date,
    bevindingen: Iterable[Bevinding],
    oplossing_voor: Callable[[list[OpenSignaal]], dict[int, Oplossing]],
    *,
    verhuisd: Callable[[int], str],
    leerling_ids: Iterable[int] | None = None,
) -> Resultaat:
    """Bring the open signals of ``soort`` in line with ``bevindingen`` (see module doc).
    ``leerling_ids``: only these pupils are in scope (a mutation); None = everyone.
    ``verhuisd(gemeente_id)`` explains a move to that gemeente."""
    nu = clock.now()
    gevonden = {b.leerling_id: b for b in bevindingen}
    resultaat = Resultaat(leerlingen=set(gevonden))
    open_ = _open(soort, leerling_ids)
    weg = [s for s in open_ if s.leerling_id not in gevonden]
    verhuizingen = [
        s
        for s in open_
        if s.leerling_id in gevonden and s.gemeente_id != gevonden[s.leerling_id].gemeente_id
    ]
    oplossingen = oplossing_voor(weg) if weg else {}
    sluiten = [
        (oplossingen.get(s.id) or Oplossing("onbekend", "Het signaal geldt niet meer."), s)
        for s in weg
    ] + [
        (Oplossing("verhuisd", verhuisd(gevonden[s.leerling_id].gemeente_id)), s)
        for s in verhuizingen
    ]
    gesloten = {s.id for _, s in sluiten}
    blijft = {s.leerling_id: s for s in open_ if s.id not in gesloten}
    bijwerken = [
        (b, blijft[lid])
        for lid, b in gevonden.items()
        if lid in blijft
        and (b.kenmerk, b.ontvanger_id) != (blijft[lid].kenmerk, blijft[lid].ontvanger_id)
    ]
    nieuw = [b for lid, b in gevonden.items() if lid not in blijft]
    with connection.cursor() as cur:
        if sluiten:
            cur.executemany(
                f"UPDATE {Signaal._meta.db_table} SET status = %s, opgelost_op = %s,"
                " oplossing = %s, oplossing_uitleg = %s, gewijzigd = %s WHERE id = %s AND status = %s",
                [
                    (
                        SignaalStatus.OPGELOST.value,
                        connection.ops.adapt_datefield_value(peildatum),
                        o.code,
                        o.uitleg,
                        connection.ops.adapt_datetimefield_value(nu),
                        s.id,
                        SignaalStatus.OPEN.value,
                    )
                    for o, s in sluiten
                ],
            )
            resultaat.opgelost = [s.id for _, s in sluiten]
            resultaat.uuids.update((s.id, s.uuid) for _, s in sluiten)
            resultaat.oplossingen.update((s.id, o.code) for o, s in sluiten)
    for b, s in bijwerken:
        Signaal.objects.filter(pk=s.id).update(
            redenen=b.redenen,
            gegevens=b.gegevens,
            kenmerk=b.kenmerk,
            ontvanger_id=b.ontvanger_id,
            gewijzigd=nu,
        )
    resultaat.bijgewerkt = len(bijwerken)
    if nieuw:
        resultaat.geopend, nieuwe_uuids = _voeg_in(soort, peildatum, nieuw, nu)
        resultaat.uuids.update(nieuwe_uuids)
    return resultaat


KOLOMMEN = ["soort", "leerling_id", "gemeente_id", "ontvanger_id", "status", "sinds",
            "redenen", "gegevens", "kenmerk", "aangemaakt", "gewijzigd"]  # fmt: skip


def _voeg_in(soort: str, peildatum: dt.date, nieuw: list[Bevinding], nu) -> tuple[list, dict]:
    """Insert the new signals set-based (COPY on PostgreSQL, one executemany on SQLite):
    model objects and Django's bulk insert cost more than the database work at national
    scale. Returns their ids and uuids."""
    ops = connection.ops
    sinds, tijd = ops.adapt_datefield_value(peildatum), ops.adapt_datetimefield_value(nu)
    upsert(
        Signaal,
        KOLOMMEN,
        [
            (
                soort,
                b.leerling_id,
                b.gemeente_id,
                b.ontvanger_id,
                SignaalStatus.OPEN.value,
                sinds,
                b.redenen,
                b.gegevens,
                b.kenmerk,
                tijd,
                tijd,
            )  # fmt: skip
            for b in nieuw
        ],
        conflict=["uuid"],
        update=[],
        # Never drop and rebuild the table's indexes for a large first run: users read
        # signals while it writes.
        herbouw=False,
    )
    rijen = list(
        Signaal.objects.filter(soort=soort, aangemaakt=nu, status=SignaalStatus.OPEN).values_list(
            "id", "uuid"
        )
    )
    return [i for i, _ in rijen], dict(rijen)
