"""Idempotency-Key for every write of the API (api-contract.md "General"): the same key and
request return the first answer; the same key with another request is a 409. One
mechanism and one table (`api.models.IdempotencyRecord`) for every endpoint, keys scoped
per organisation. It knows no domain: an endpoint says how its answer reads, and which
audit action and purpose a replay is logged under.

How a write with a key runs:

- The write and the key's record are one transaction, the record its last statement
  (`leg_vast`: INSERT … ON CONFLICT DO NOTHING). A new key costs that one INSERT and no
  lookup beforehand: the intake's hot path (docs/benchmarks.md).
- A key that is taken — by an earlier request, or by a concurrent one that the unique index
  made this one wait for until it committed — rolls this write back (`Herhaald`) and the
  committed record answers: the first status and body, or a 409 for another request.
- A domain error after waiting for a concurrent request with the same key (its status
  change made this transition invalid, say) is answered the same way: the first answer
  once the key is taken, the error otherwise. So two concurrent requests with one key both
  get the first answer, never a 409 because of each other.
- An endpoint whose service runs its own transaction calls `leg_vast` inside it (the
  intake: its BRP read stays audited when the melding is refused); for the others
  `voer_uit` opens the transaction around the write.
- An endpoint may answer a replay with the object as it is now (`opnieuw`; meldingen show
  their current status) instead of the stored body.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

import orjson
from django.db import IntegrityError, transaction
from django.db.models import Model
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from verzuim import clock
from verzuim.api.models import IdempotencyRecord
from verzuim.api.problems import ProblemError
from verzuim.api.renderers import OrjsonRenderer
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.fouten import Conflict, DomeinFout
from verzuim.snelpad import voeg_in_tenzij_bestaand

HEADER = "Idempotency-Key"
MAX_SLEUTEL = 200
PARAMETER = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description=f"Hoogstens {MAX_SLEUTEL} tekens. Dezelfde key en body geven het eerste "
    "antwoord; dezelfde key met een andere body geeft 409.",
)
_RENDERER = OrjsonRenderer()


class IdempotencyConflict(Conflict):
    """The key was used before for another request (API 409)."""

    code = "idempotency-key"


class Herhaald(Exception):
    """The key is taken: the write is rolled back and the committed record answers."""


@dataclass(frozen=True)
class Antwoord:
    """What a write answers: status and body, and the object it is about (kept by its uuid,
    or id) with the person whose data it holds, for the audit record of a replay."""

    status: int
    body: object = None
    object: Model | None = None
    persoon: str = ""


def vingerafdruk(body) -> str:
    """SHA-256 of the body as canonical JSON (sorted keys, no spaces, ASCII): the recipe
    the meldingen' keys had before this table, so their records still match."""
    return hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()
    ).hexdigest()


class Idempotentie:
    """The Idempotency-Key of one request (or none: then `voer_uit` just writes).

    `actie`, `doel`: the audit action and purpose of a replay (it shows person data again).
    `opnieuw(record) -> body`: answer a replay with the object as it is now; the record then
    keeps no body."""

    def __init__(
        self,
        request,
        actor: Actor,
        *,
        actie: str,
        doel: str,
        opnieuw: Callable[[IdempotencyRecord], object] | None = None,
    ):
        self.sleutel = request.headers.get(HEADER)
        if self.sleutel is not None and not 0 < len(self.sleutel) <= MAX_SLEUTEL:
            raise ProblemError(
                400,
                "Een of meer velden zijn ongeldig.",
                invalid_params=[
                    {
                        "name": HEADER,
                        "code": "invalid",
                        "reason": f"Hoogstens {MAX_SLEUTEL} tekens.",
                    }
                ],
            )
        self.request, self.actor = request, actor
        self.actie, self.doel, self.opnieuw = actie, doel, opnieuw
        # path_info: the path within the application, whatever prefix it is served under.
        self.verzoek = f"{request.method} {request.path_info}"
        self._vingerafdruk: str | None = None
        self._vastgelegd = False

    @property
    def vingerafdruk(self) -> str:
        if self._vingerafdruk is None:
            self._vingerafdruk = vingerafdruk(self.request.data)
        return self._vingerafdruk

    def leg_vast(self, antwoord: Antwoord) -> None:
        """Record the answer, inside the write's transaction and as its last statement;
        `Herhaald` if the key is taken (after waiting for a concurrent holder to commit)."""
        if self.sleutel is None:
            return
        obj = antwoord.object
        record = IdempotencyRecord(
            organisatie=self.actor.organisatie,
            sleutel=self.sleutel,
            verzoek=self.verzoek,
            vingerafdruk=self.vingerafdruk,
            status=antwoord.status,
            antwoord=None if self.opnieuw else orjson.loads(_RENDERER.render(antwoord.body)),
            object_type=obj._meta.model_name if obj is not None else "",
            object_id=str(getattr(obj, "uuid", None) or obj.pk) if obj is not None else "",
            persoon=antwoord.persoon,
            aangemaakt=clock.now(),
        )
        if not voeg_in_tenzij_bestaand(record, "organisatie", "sleutel"):
            raise Herhaald
        self._vastgelegd = True

    def eerder(self) -> Response | None:
        """The first answer to this key (its replay audited), IdempotencyConflict for another
        request, None if the key is free."""
        record = IdempotencyRecord.objects.filter(
            organisatie=self.actor.organisatie, sleutel=self.sleutel
        ).first()
        if record is None:
            return None
        if (record.verzoek, record.vingerafdruk) != (self.verzoek, self.vingerafdruk):
            raise IdempotencyConflict(
                "Deze Idempotency-Key is eerder gebruikt met een andere body of voor een ander "
                "adres."
            )
        audit.log(
            self.actor,
            self.actie,
            object_type=record.object_type,
            object_id=record.object_id,
            persoon=record.persoon,
            doel=self.doel,
            details={"idempotencyKey": True},
        )
        body = record.antwoord if self.opnieuw is None else self.opnieuw(record)
        return Response(body, status=record.status)

    def voer_uit(
        self, schrijf: Callable[[], Antwoord], *, eigen_transactie: bool = False
    ) -> Response:
        """Run `schrijf` once per key and answer. Without `eigen_transactie` the write and
        its record share a transaction opened here; with it, `schrijf` runs its own and
        calls `leg_vast` inside it."""
        if self.sleutel is None:
            antwoord = schrijf()
            return Response(antwoord.body, status=antwoord.status)
        for poging in range(2):
            try:
                if eigen_transactie:
                    antwoord = schrijf()
                    if not self._vastgelegd:
                        raise RuntimeError("the write did not record its Idempotency-Key")
                else:
                    with transaction.atomic():
                        antwoord = schrijf()
                        self.leg_vast(antwoord)
                return Response(antwoord.body, status=antwoord.status)
            except (Herhaald, IntegrityError, DomeinFout) as fout:
                if (eerder := self.eerder()) is not None:
                    return eerder
                if isinstance(fout, Herhaald):  # its holder is gone again (deleted)
                    raise ProblemError(
                        409,
                        "Deze Idempotency-Key is in gebruik; probeer het opnieuw.",
                        code="idempotency-key",
                    ) from fout
                if isinstance(fout, IntegrityError) and not (poging or eigen_transactie):
                    # A concurrent request with the same content (another key) committed
                    # first: the second pass finds its row.
                    continue
                raise
        raise AssertionError("unreachable")
