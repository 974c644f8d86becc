"""Markers on the school's list of meldingen that the apps above add, without meldingen
importing them (as `schoolsecties` for the melding page): the dossiers app marks the
meldingen with an open verzuimoverzicht request to the school (issue 9 §3, R-CW-3), so
the school notices the request before it opens the melding. Registered in the app's
AppConfig.ready():

    from verzuim.meldingen import schoolmarkeringen
    schoolmarkeringen.registreer(code, label, voorwaarde)   # voorwaarde(actor) -> Exists | None

``voorwaarde`` gives a boolean expression over the Melding rows (an ``Exists`` subquery
with ``OuterRef("pk")``), scoped by the function to the actor's own organisation. The
school's list uses it three ways, all inside the queries it makes anyway (no query per
row): a folder tab ``?map=<code>`` with its count in the tab counts' one aggregate, the
folder's filter, and an annotation ``markering_<code>`` on each row of the page shown as a
label. None = nothing to mark for this actor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from verzuim.audit.context import Actor


@dataclass(frozen=True)
class Markering:
    code: str  # the folder's ?map= value; the row annotation is markering_<code>
    label: str  # tab and row label (Dutch)
    voorwaarde: Callable[[Actor], object]

    @property
    def annotatie(self) -> str:
        return f"markering_{self.code.replace('-', '_')}"


_MARKERINGEN: dict[str, Markering] = {}


def registreer(code: str, label: str, voorwaarde: Callable[[Actor], object]) -> None:
    _MARKERINGEN[code] = Markering(code, label, voorwaarde)


def markeringen() -> list[Markering]:
    return list(_MARKERINGEN.values())


def markering(code: str) -> Markering | None:
    return _MARKERINGEN.get(code)


def voorwaarde(actor: Actor, code: str):
    """The marker's expression for this actor; None when not registered or nothing to mark."""
    m = _MARKERINGEN.get(code)
    return m.voorwaarde(actor) if m else None


def annoteer(actor: Actor, qs):
    """`qs` with a boolean annotation per marker (False where the actor has nothing)."""
    from django.db.models import BooleanField, Value

    for m in _MARKERINGEN.values():
        expr = m.voorwaarde(actor)
        qs = qs.annotate(
            **{m.annotatie: expr if expr is not None else Value(False, BooleanField())}
        )
    return qs
