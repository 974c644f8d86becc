"""`POST /brp-proef/personen`: the local store served over HTTP in the Haal Centraal shape, so
the httpx client can be tested against a real server. Only with VERZUIM_DEMO or DEBUG, and
only with the X-API-Key of settings.BRP_API_KEY."""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from verzuim.personen.brp.lokaal import LokaleBrp

_FIELD = re.compile(r"^[a-zA-Z0-9\._]{1,200}$")
_BSN = re.compile(r"^[0-9]{9}$")


def _probleem(status: int, title: str, invalid: list[dict] | None = None) -> JsonResponse:
    body = {"type": "https://developer.rvig.nl/brp-api/fouten", "title": title, "status": status}
    if invalid:
        body["invalidParams"] = invalid
    return JsonResponse(body, status=status, content_type="application/problem+json")


@csrf_exempt
@require_POST
def personen(request):
    if not (settings.DEMO or settings.DEBUG):
        raise Http404
    if not settings.BRP_API_KEY or request.headers.get("X-API-Key") != settings.BRP_API_KEY:
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
    personen = LokaleBrp().raadpleeg_fields(bsns, fields, gemeente)
    return JsonResponse({"type": "RaadpleegMetBurgerservicenummer", "personen": personen},
                        content_type="application/json; charset=utf-8")  # fmt: skip
