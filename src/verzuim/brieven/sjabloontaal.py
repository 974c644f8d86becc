"""The letter template language: plain text with placeholders, nothing else.

    Geachte {{ ontvanger.naam }},

    Wij nodigen u uit voor een gesprek op {{ gesprek.datum }}.

    - lines starting with "- " form a list
    - a blank line starts a new paragraph

A placeholder is ``{{ naam }}`` or ``{{ groep.naam }}`` (lowercase letters, digits, ``_``; a
letter first). There are no tags, filters, expressions, attribute access or includes: a
value is looked up by its full name in a flat mapping the service filled, so a template
can only print the values declared for its letter kind (docs/decisions.md: why not
Django templates or a Jinja2 sandbox). Values are substituted as plain text in one pass
(a value is never read as a template) and the whole result is HTML-escaped before the
paragraphs are built. Pure Python: no Django.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

NAAM = r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?"
PLAATSHOUDER = re.compile(r"\{\{\s*(" + NAAM + r")\s*\}\}")
# Everything that opens or closes template syntax; anything here that is not a valid
# placeholder is an error (never passed through as literal text: the author meant syntax).
SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
REGELS_TOEGESTAAN = "alleen {{ naam }} of {{ groep.naam }} met kleine letters"


@dataclass(frozen=True)
class Fout:
    """One error in a template field, with its place (1-based line and column)."""

    veld: str
    regel: int
    kolom: int
    melding: str

    def __str__(self) -> str:
        return f"{self.veld}, regel {self.regel}: {self.melding}"


class SjabloonFout(Exception):
    """All errors of one or more template fields at once."""

    def __init__(self, fouten: list[Fout]):
        super().__init__("; ".join(str(f) for f in fouten))
        self.fouten = fouten


@dataclass(frozen=True)
class Plaatshouder:
    naam: str
    regel: int
    kolom: int


def _plaats(tekst: str, pos: int) -> tuple[int, int]:
    regel = tekst.count("\n", 0, pos) + 1
    return regel, pos - (tekst.rfind("\n", 0, pos) + 1) + 1


def _fragment(tekst: str, pos: int) -> str:
    """The offending piece as the author wrote it, up to its closing braces if near."""
    einde = tekst.find("}}", pos, pos + 80)
    stuk = tekst[pos : einde + 2] if einde != -1 else tekst[pos : pos + 30]
    return stuk.split("\n")[0]


def ontleed(tekst: str, veld: str) -> tuple[list[str | Plaatshouder], list[Fout]]:
    """Split a template into literal text and placeholders; syntax errors are collected,
    not raised, so every error of a field can be shown at once."""
    delen: list[str | Plaatshouder] = []
    fouten: list[Fout] = []
    pos = 0
    while (m := SYNTAX.search(tekst, pos)) is not None:
        start = m.start()
        regel, kolom = _plaats(tekst, start)
        delen.append(tekst[pos:start])
        if m.group() == "{{" and (p := PLAATSHOUDER.match(tekst, start)):
            delen.append(Plaatshouder(p.group(1), regel, kolom))
            pos = p.end()
            continue
        stuk = _fragment(tekst, start)
        if m.group() == "{%":
            melding = f"‘{stuk}’: opdrachten tussen {{% en %}} zijn niet toegestaan."
        elif m.group() == "{#":
            melding = f"‘{stuk}’: commentaar tussen {{# en #}} is niet toegestaan."
        elif m.group() == "{{":
            melding = (
                f"ongeldige plaatshouder ‘{stuk}’: {REGELS_TOEGESTAAN}, zonder filters, "
                "berekeningen of verdere punten."
            )
        else:
            melding = f"‘{m.group()}’ zonder bijbehorend begin; gebruik {{{{ naam }}}}."
        fouten.append(Fout(veld, regel, kolom, melding))
        # Skip the rest of the faulty construct, so its closer is not a second error.
        sluit = {"{%": "%}", "{#": "#}", "{{": "}}"}.get(m.group())
        einde = tekst.find(sluit, m.end()) if sluit else -1
        pos = einde + 2 if einde != -1 else m.end()
    delen.append(tekst[pos:])
    return [d for d in delen if d != ""], fouten


def controleer(velden: Mapping[str, str], toegestaan: Collection[str]) -> list[Fout]:
    """All errors of the template fields {label: text}: syntax and placeholders not in
    ``toegestaan`` (the declared set of the letter kind)."""
    lijst = ", ".join(f"{{{{ {n} }}}}" for n in sorted(toegestaan))
    fouten: list[Fout] = []
    for veld, tekst in velden.items():
        delen, syntax = ontleed(tekst or "", veld)
        fouten += syntax
        for d in delen:
            if isinstance(d, Plaatshouder) and d.naam not in toegestaan:
                fouten.append(
                    Fout(
                        veld,
                        d.regel,
                        d.kolom,
                        f"onbekende plaatshouder {{{{ {d.naam} }}}}. Beschikbaar voor deze "
                        f"brief: {lijst}.",
                    )
                )
    return sorted(fouten, key=lambda f: (list(velden).index(f.veld), f.regel, f.kolom))


def gebruikt(tekst: str) -> set[str]:
    """The placeholder names a (valid) template uses."""
    delen, _ = ontleed(tekst or "", "")
    return {d.naam for d in delen if isinstance(d, Plaatshouder)}


def vul_in(tekst: str, waarden: Mapping[str, str]) -> str:
    """Plain text with every placeholder replaced by its value (a KeyError names a missing
    one). Call only on a template that passed ``controleer``."""
    delen, fouten = ontleed(tekst or "", "")
    if fouten:
        raise SjabloonFout(fouten)
    return "".join(waarden[d.naam] if isinstance(d, Plaatshouder) else d for d in delen)


def alinea_html(platte_tekst: str) -> str:
    """Escaped HTML: blank lines separate paragraphs, a block of "- " lines is a list,
    other line breaks are kept."""
    blokken = re.split(r"\n\s*\n", platte_tekst.replace("\r\n", "\n").strip())
    uit = []
    for blok in blokken:
        regels = [r.rstrip() for r in blok.split("\n")]
        if all(r.lstrip().startswith("- ") for r in regels):
            items = "".join(f"<li>{html.escape(r.lstrip()[2:].strip())}</li>" for r in regels)
            uit.append(f"<ul>{items}</ul>")
        elif blok.strip():
            uit.append("<p>" + "<br>".join(html.escape(r) for r in regels) + "</p>")
    return "\n".join(uit)
