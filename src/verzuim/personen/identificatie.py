"""Identifier checks (R-ID-1, R-ID-4), always through python-stdnum, never by hand."""

from __future__ import annotations

import re

from stdnum.nl import brin, bsn, onderwijsnummer

from verzuim.rules.signalen import RNI_GEMEENTE  # noqa: F401  (registratie niet-ingezetenen)

_NEGEN_CIJFERS = re.compile(r"^[0-9]{9}$")
_BRIN = re.compile(r"^[0-9]{2}[A-Z]{2}$")
_VESTIGING = re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$")
_GEMEENTECODE = re.compile(r"^GM[0-9]{4}$")
_GEMEENTENUMMER = re.compile(r"^[0-9]{4}$")


def is_bsn(value) -> bool:
    """9 digits passing the 11-proef (R-ID-1); no spaces or dots accepted in data.
    The 9-digit shape is checked here, so stdnum's checksum suffices (its `is_valid` would
    first normalise formatting, which costs 5x more on a 100,000-person load)."""
    return (
        isinstance(value, str)
        and bool(_NEGEN_CIJFERS.match(value))
        and value != "000000000"
        and bsn.checksum(value) == 0
    )


def is_onderwijsnummer(value) -> bool:
    """9 digits, starting with 10, weighted sum ≡ 5 mod 11 (R-ID-1)."""
    return (
        isinstance(value, str)
        and bool(_NEGEN_CIJFERS.match(value))
        and onderwijsnummer.is_valid(value)
    )


def is_brin(value) -> bool:
    """R-ID-4: 2 digits + 2 letters."""
    return isinstance(value, str) and bool(_BRIN.match(value)) and brin.is_valid(value)


def is_vestigingscode(value) -> bool:
    """R-ID-4: BRIN + 2 digits."""
    return isinstance(value, str) and bool(_VESTIGING.match(value)) and brin.is_valid(value)


def is_gemeentecode(value) -> bool:
    """R-ID-4: GM + 4 digits (the BRP uses the 4 digits alone)."""
    return isinstance(value, str) and bool(_GEMEENTECODE.match(value))


def is_gemeentenummer(value) -> bool:
    return isinstance(value, str) and bool(_GEMEENTENUMMER.match(value))


def gemeentecode(nummer: str) -> str:
    """BRP 4-digit gemeente → CBS code (0392 → GM0392)."""
    return f"GM{nummer}"
