"""Reference data the intake reads on every melding, cached per process (issue 3 "Speed").

Gemeente by code, receiving organisation per (gemeente, doelgroep) (R-RT-2) and vestiging by
code change a few times a year (registerbeheer), but were three to five queries on every
intake. They are kept for `TTL` seconds per process; a save or delete of any of those models
in this process empties the cache at once, so other processes (gunicorn workers) see a
change to the routing within `TTL`. The objects are shared between requests: read only.

The answers are those of `organisaties.queries` (gemeente, ontvanger_voor); this module only
remembers them.
"""

from __future__ import annotations

import threading
import time

from django.db.models.signals import post_delete, post_save

from verzuim.organisaties import queries as org_queries
from verzuim.organisaties.models import (
    Gemeente,
    Organisatie,
    RmcRegio,
    Routering,
    Vestiging,
)

TTL = 60.0
MAX_SLEUTELS = 10_000  # unknown codes are remembered too; bound the memory

_MISSEND = object()
_cache: dict[tuple, tuple[float, object]] = {}
_lock = threading.Lock()


def _onthouden(sleutel: tuple, laad):
    nu = time.monotonic()
    hit = _cache.get(sleutel, _MISSEND)
    if hit is not _MISSEND and hit[0] > nu:
        return hit[1]
    waarde = laad()
    with _lock:
        if len(_cache) >= MAX_SLEUTELS:
            _cache.clear()
        _cache[sleutel] = (nu + TTL, waarde)
    return waarde


def gemeente(code: str) -> Gemeente | None:
    """`organisaties.queries.gemeente(code)`, remembered."""
    try:
        sleutel = org_queries.normaliseer_gemeentecode(code)
    except ValueError:
        return None
    return _onthouden(("gemeente", sleutel), lambda: org_queries.gemeente(sleutel))


def ontvanger(gemeente_: Gemeente, doelgroep: str) -> Organisatie:
    """`organisaties.queries.ontvanger_voor(gemeente, doelgroep)` (R-RT-2), remembered."""
    return _onthouden(
        ("ontvanger", gemeente_.pk, doelgroep),
        lambda: org_queries.ontvanger_voor(gemeente_, doelgroep),
    )


def vestiging(code: str) -> Vestiging | None:
    """The vestiging with its gemeente and instelling, or None."""
    return _onthouden(
        ("vestiging", code),
        lambda: (
            Vestiging.objects.select_related("gemeente", "instelling").filter(code=code).first()
        ),
    )


def wis() -> None:
    with _lock:
        _cache.clear()


def _gewijzigd(sender, **kwargs) -> None:
    wis()


for _model in (Gemeente, Organisatie, RmcRegio, Routering, Vestiging):
    for _signaal in (post_save, post_delete):
        _signaal.connect(
            _gewijzigd, sender=_model, dispatch_uid=f"meldingen.referentie.{_model.__name__}"
        )
