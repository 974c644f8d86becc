"""`POST /brp-proef/personen`: the local store served over HTTP in the Haal Centraal shape, so
the httpx client can be tested against a real server. Only with VERZUIM_DEMO or DEBUG, and
only with the X-API-Key of settings.BRP_API_KEY (compared in constant time).

Demo/debug or not, it serves person data: every person returned is audited (``brp.raadplegen``,
actor label "brp-proef", the fields asked; R-PR-1)."""

from __future__ import annotations

import hmac
import json
import re

from django.conf import settings
from django.db import transaction
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.personen.brp.lokaal import LokaleBrp

_FIELD = re.compile(r"^[a-zA-Z0-9\._]{1,200}$")
_BSN = re.compile(r"^[0-9]{9}$")


def _probleem(status: int, title: str, invalid: list[dict] | None = None) -> JsonResponse:
    body = {"type": "https://developer.rvig.nl/brp-api/fouten", "title": title, "status": status}
    if invalid:
        body["invalidParams"] = invalid
    return JsonResponse(body, status=status, content_type="application/problem+json")


def _sleutel_klopt(request) -> bool:
    verwacht = settings.BRP_API_KEY or ""
    gegeven = request.headers.get("X-API-Key") or ""
    return bool(verwacht) and hmac.compare_digest(gegeven.encode(), verwacht.encode())


def _actor(request) -> Actor:
    return Actor(
        label="brp-proef",
        organisatie=None,
        soort="systeem",
        request_id=getattr(request, "request_id", ""),
        herkomst=request.META.get("REMOTE_ADDR", ""),
    )


def _raadpleeg_geaudit(request, bsns: list[str], fields: list[str], gemeente) -> list[dict]:
    """The persons with only the fields asked; the BSN is fetched for the audit record and
    dropped again unless asked for (doelbinding)."""
    extra = "burgerservicenummer" not in fields
    personen = LokaleBrp().raadpleeg_fields(
        bsns, [*fields, "burgerservicenummer"] if extra else fields, gemeente
    )
    gelezen = [p["burgerservicenummer"] for p in personen]
    if extra:
        personen = [{k: v for k, v in p.items() if k != "burgerservicenummer"} for p in personen]
    audit.log_many(_actor(request), "brp.raadplegen", gelezen, doel="brp-proef",
                   details={"fields": fields})  # fmt: skip
    return personen


@csrf_exempt
@require_POST
def personen(request):
    if not (settings.DEMO or settings.DEBUG):
        raise Http404
    if not _sleutel_klopt(request):
        return _probleem(401, "Niet correct geauthenticeerd.")
    try:
        q = json.loads(request.body)
    except ValueError:
        return _probleem(400, "Body is geen geldige JSON.")
    if not isinstance(q, dict):
        return _probleem(400, "Body is geen object.")
    invalid = []
    if q.get("type") != "RaadpleegMetBurgerservicenummer":
        invalid.append(
            {"name": "type", "code": "value", "reason": "Alleen RaadpleegMetBurgerservicenummer."}
        )
    fields = q.get("fields")
    if (
        not isinstance(fields, list)
        or not 1 <= len(fields) <= 130
        or not all(isinstance(f, str) and _FIELD.match(f) for f in fields)
    ):
        invalid.append({"name": "fields", "code": "fields", "reason": "Ongeldige fields."})
    bsns = q.get("burgerservicenummer")
    if (
        not isinstance(bsns, list)
        or not 1 <= len(bsns) <= 20
        or not all(isinstance(b, str) and _BSN.match(b) for b in bsns)
    ):
        invalid.append({"name": "burgerservicenummer", "code": "array",
                        "reason": "1 tot 20 burgerservicenummers van 9 cijfers."})  # fmt: skip
    gemeente = q.get("gemeenteVanInschrijving")
    if gemeente is not None and not (
        isinstance(gemeente, str) and re.fullmatch(r"[0-9]{4}", gemeente)
    ):
        invalid.append(
            {"name": "gemeenteVanInschrijving", "code": "pattern", "reason": "4 cijfers."}
        )
    if invalid:
        return _probleem(400, "Een of meerdere parameters zijn niet correct.", invalid)
    with transaction.atomic():
        personen = _raadpleeg_geaudit(request, bsns, fields, gemeente)
    return JsonResponse({"type": "RaadpleegMetBurgerservicenummer", "personen": personen},
                        content_type="application/json; charset=utf-8")  # fmt: skip
