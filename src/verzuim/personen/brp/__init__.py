"""BRP adapter (R-ID-3): one interface, `raadpleeg(bsns, doel)`, answering Haal Centraal BRP
Personen v2 `Persoon` objects with only the fields the purpose needs (doelbinding).

    from verzuim.personen.brp import get_brp
    personen = get_brp().raadpleeg(["999993653"], doel="routering")

`settings.BRP_BACKEND` chooses the implementation: "lokaal" (LokaleBrp, the BrpPersoon
store filled from scenario files) or "haal-centraal" (HaalCentraalClient over httpx).
Callers are responsible for scoping and audit (see personen.leerplicht.brp_persoon and its
callers).
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings

from verzuim.personen.brp.velden import DOELEN, BrpFout, filter_velden

__all__ = ["DOELEN", "BrpBron", "BrpFout", "filter_velden", "get_brp", "sluit_clients"]


class BrpBron(Protocol):
    def raadpleeg(
        self, bsns: list[str], doel: str, *, gemeente_van_inschrijving: str | None = None
    ) -> list[dict]:
        """RaadpleegMetBurgerservicenummer: the `Persoon` objects found (unknown BSNs are
        left out), restricted to the fields of `doel` (a key of DOELEN)."""
        ...


_CLIENTS: dict[tuple, object] = {}


def _haal_centraal(url: str, api_key: str, timeout: float, retries: int):
    """One client (one httpx connection pool) per configuration and process, not a new one
    per read; a changed setting gives a new client."""
    from verzuim.personen.brp.haal_centraal import HaalCentraalClient

    sleutel = (url, api_key, timeout, retries)
    client = _CLIENTS.get(sleutel)
    if client is None:
        client = _CLIENTS[sleutel] = HaalCentraalClient(
            url, api_key=api_key, timeout=timeout, retries=retries
        )
    return client


def sluit_clients() -> None:
    """Close the kept Haal Centraal connections (tests against a live server, shutdown)."""
    while _CLIENTS:
        _, client = _CLIENTS.popitem()
        client.http.close()


def get_brp() -> BrpBron:
    backend = settings.BRP_BACKEND
    if backend == "lokaal":
        from verzuim.personen.brp.lokaal import LokaleBrp

        return LokaleBrp()
    if backend == "haal-centraal":
        return _haal_centraal(
            settings.BRP_URL, settings.BRP_API_KEY, settings.BRP_TIMEOUT, settings.BRP_RETRIES
        )
    raise ValueError(f"Onbekende BRP_BACKEND {backend!r} (lokaal of haal-centraal)")
