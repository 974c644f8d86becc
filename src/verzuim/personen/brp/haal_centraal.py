"""HaalCentraalClient: Haal Centraal BRP Personen v2 over httpx (R-ID-3).

`POST {url}/personen` with `RaadpleegMetBurgerservicenummer` (at most 20 BSNs per request,
so larger lists are split), the purpose's `fields`, an `X-API-Key` header, a timeout, and
retries on connection errors, timeouts and 5xx with a short exponential back-off.
problem+json answers become BrpFout with status, title and invalidParams.
"""

from __future__ import annotations

import time

import httpx

from verzuim.personen.brp.velden import BrpFout, fields_voor

MAX_BSNS = 20  # RaadpleegMetBurgerservicenummer.burgerservicenummer.maxItems
OPNIEUW_STATUS = {500, 502, 503, 504}


class HaalCentraalClient:
    def __init__(self, url: str, *, api_key: str = "", timeout: float = 5.0, retries: int = 2,
                 backoff: float = 0.2, transport: httpx.BaseTransport | None = None):  # fmt: skip
        if not url:
            raise ValueError("VERZUIM_BRP_URL is niet gezet")
        self.url = url.rstrip("/") + "/personen"
        self.retries = retries
        self.backoff = backoff
        headers = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"}
        if api_key:
            headers["X-API-Key"] = api_key
        self.http = httpx.Client(timeout=timeout, headers=headers, transport=transport)

    def raadpleeg(
        self, bsns: list[str], doel: str, *, gemeente_van_inschrijving: str | None = None
    ) -> list[dict]:
        fields = fields_voor(doel)
        personen: list[dict] = []
        for start in range(0, len(bsns), MAX_BSNS):
            body = {"type": "RaadpleegMetBurgerservicenummer",
                    "burgerservicenummer": bsns[start : start + MAX_BSNS], "fields": fields}  # fmt: skip
            if gemeente_van_inschrijving:
                body["gemeenteVanInschrijving"] = gemeente_van_inschrijving
            personen.extend(self._post(body).get("personen", []))
        return personen

    def _post(self, body: dict) -> dict:
        laatste: BrpFout | None = None
        for poging in range(self.retries + 1):
            if poging:
                time.sleep(self.backoff * 2 ** (poging - 1))
            try:
                r = self.http.post(self.url, json=body)
            except httpx.TransportError as e:  # connect errors and timeouts
                laatste = BrpFout(None, "BRP niet bereikbaar", detail=f"{type(e).__name__}: {e}")
                continue
            if r.status_code in OPNIEUW_STATUS:
                laatste = _fout(r)
                continue
            if r.status_code >= 400:
                raise _fout(r)
            return r.json()
        raise laatste


def _fout(r: httpx.Response) -> BrpFout:
    try:
        p = r.json()
    except ValueError:
        p = {}
    if not isinstance(p, dict):
        p = {}
    return BrpFout(r.status_code, p.get("title") or r.reason_phrase or "Fout",
                   detail=p.get("detail", ""), code=p.get("code", ""),
                   invalid_params=p.get("invalidParams"))  # fmt: skip
