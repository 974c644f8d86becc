"""Explanations for people: the rules' reasons and the services' errors carry rule ids
(`R-LP-1`) for developers and the API; pages show the explanation without them."""

from __future__ import annotations

import re

_ID = r"R-[A-Z]{2,3}-\d+[a-z]?"
# "(R-ME-2)", "(R-ID-1, R-ME-1)": gone with the space before it.
_ALLEEN_IDS = re.compile(rf"\s*\((?:{_ID})(?:\s*(?:,|en)\s*{_ID})*\)")
# "(R-LP-1: 1 augustus – 31 juli)" → "(1 augustus – 31 juli)".
_ID_MET_TEKST = re.compile(rf"\((?:{_ID})(?:,\s*{_ID})*:\s*")
_LOS = re.compile(rf"\s*\b{_ID}\b")


def zonder_regels(tekst: str) -> str:
    """`tekst` without rule ids; the rest of the sentence stays as it was."""
    tekst = _ALLEEN_IDS.sub("", tekst)
    tekst = _ID_MET_TEKST.sub("(", tekst)
    return _LOS.sub("", tekst)
