"""Decision values: every rule answers with its reasons (rule id + Dutch explanation).

A decision is a frozen dataclass. ``reasons`` is always keyword-only and last, so
subclasses can add their own positional fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """One reason: the rule id of domain.md (``R-LP-3``) and a Dutch explanation."""

    rule_id: str
    uitleg_nl: str

    def to_api(self) -> dict[str, str]:
        return {"regel": self.rule_id, "uitleg": self.uitleg_nl}


@dataclass(frozen=True, kw_only=True)
class Decision:
    """Base of every decision value."""

    reasons: tuple[Reason, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.rule_id for r in self.reasons)

    def redenen_api(self) -> list[dict[str, str]]:
        return [r.to_api() for r in self.reasons]


@dataclass(frozen=True)
class Voorwaarde:
    """One condition of a check: its code, whether it holds, and why."""

    code: str
    voldaan: bool
    reason: Reason


@dataclass(frozen=True, kw_only=True)
class ToetsBeslissing(Decision):
    """Outcome of a list of conditions that must all hold.

    ``reasons`` holds the failing conditions (each its own reason) when not allowed,
    or the satisfied ones when allowed.
    """

    toegestaan: bool
    voorwaarden: tuple[Voorwaarde, ...] = ()

    @property
    def niet_voldaan(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.voorwaarden if not v.voldaan)

    def __bool__(self) -> bool:
        return self.toegestaan


def voorwaarde(code: str, voldaan: bool, rule_id: str, ok_nl: str, fout_nl: str) -> Voorwaarde:
    """Build a condition with the Dutch text for the satisfied and the failing case."""
    return Voorwaarde(code, voldaan, Reason(rule_id, ok_nl if voldaan else fout_nl))


def toets(voorwaarden: Iterable[Voorwaarde]) -> ToetsBeslissing:
    """All conditions must hold; the reasons are the failing ones, else the satisfied ones."""
    alle = tuple(voorwaarden)
    falend = tuple(v.reason for v in alle if not v.voldaan)
    if falend:
        return ToetsBeslissing(toegestaan=False, voorwaarden=alle, reasons=falend)
    return ToetsBeslissing(toegestaan=True, voorwaarden=alle, reasons=tuple(v.reason for v in alle))


__all__ = [
    "Decision",
    "Reason",
    "ToetsBeslissing",
    "Voorwaarde",
    "toets",
    "voorwaarde",
]
