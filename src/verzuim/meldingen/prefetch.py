"""Filling Django's prefetch cache with rows we already have (or know to be none), so that
`obj.<relation>.all()` needs no query — as `prefetch_related` would have left it."""

from __future__ import annotations


def als_geprefetcht(obj, **relaties: list) -> None:
    """`als_geprefetcht(melding, statussen=[...], doorzendingen=[])`."""
    cache = getattr(obj, "_prefetched_objects_cache", None) or {}
    for naam, rijen in relaties.items():
        qs = getattr(obj, naam).all()
        qs._result_cache, qs._prefetch_done = list(rijen), True
        cache[naam] = qs
    obj._prefetched_objects_cache = cache
