"""Charts as server-side SVG (issue 11 item 5): no JavaScript, no CDN, CSP-safe (presentation
attributes only, never a style attribute). Every chart has a <title> and <desc>
(role="img", aria-labelledby); the page shows the same numbers in a table beside it.

Values of None (hidden or not available) are drawn as a gap with a note, never as 0.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

#: Colour-blind safe palette (Okabe-Ito), contrast ≥ 3:1 against white.
KLEUREN = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
TEKST = "#1a1a1a"
RASTER = "#cccccc"
_teller = itertools.count(1)


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: tuple[float | None, ...]


def _getal(v: float) -> str:
    return f"{v:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".").removesuffix(",0")


def _kop(titel: str, beschrijving: str, breedte: int, hoogte: int) -> tuple[str, str]:
    n = next(_teller)
    t, d = f"grafiek-{n}-titel", f"grafiek-{n}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vr-grafiek" role="img" '
        f'viewBox="0 0 {breedte} {hoogte}" width="100%" aria-labelledby="{t} {d}" '
        f'font-family="sans-serif" font-size="12">'
        f'<title id="{t}">{escape(titel)}</title><desc id="{d}">{escape(beschrijving)}</desc>',
        "</svg>",
    )


def _schaal(maximum: float) -> float:
    """A round axis maximum ≥ maximum, four equal steps of 1, 2, 2.5 or 5 × 10^k."""
    if maximum <= 0:
        return 4.0
    macht = 10 ** math.floor(math.log10(maximum / 4))
    stap = next(f * macht for f in (1, 2, 2.5, 5, 10) if 4 * f * macht >= maximum)
    return 4 * stap


def staven(titel: str, beschrijving: str, labels: list[str], waarden: list[float | None],
           *, eenheid: str = "", markeer: str | None = None) -> SafeString:  # fmt: skip
    """Horizontal bars, one per label (a ranking). `markeer`: the label drawn as reference
    (e.g. Nederland) in another colour."""
    regel, links, breedte = 22, 170, 640
    hoogte = 30 + regel * len(labels)
    kop, staart = _kop(titel, beschrijving, breedte, hoogte)
    maximum = _schaal(max([v for v in waarden if v is not None] or [0]))
    schaal = (breedte - links - 70) / maximum
    delen = [kop]
    for i in range(5):
        x = links + (breedte - links - 70) * i / 4
        delen.append(
            f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{hoogte - 8}" stroke="{RASTER}"/>'
        )
        delen.append(
            f'<text x="{x:.1f}" y="12" text-anchor="middle" fill="{TEKST}">{_getal(maximum * i / 4)}</text>'
        )
    for i, (label, v) in enumerate(zip(labels, waarden, strict=True)):
        y = 22 + i * regel
        delen.append(
            f'<text x="{links - 6}" y="{y + 13}" text-anchor="end" fill="{TEKST}">{escape(label)}</text>'
        )
        if v is None:
            delen.append(
                f'<text x="{links + 4}" y="{y + 13}" fill="{TEKST}" font-style="italic">niet getoond</text>'
            )
            continue
        kleur = KLEUREN[1] if label == markeer else KLEUREN[0]
        delen.append(
            f'<rect x="{links}" y="{y + 2}" width="{max(v * schaal, 1):.1f}" height="{regel - 6}" fill="{kleur}"/>'
        )
        delen.append(
            f'<text x="{links + v * schaal + 4:.1f}" y="{y + 13}" fill="{TEKST}">{_getal(v)}{escape(eenheid)}</text>'
        )
    delen.append(staart)
    return mark_safe("".join(delen))  # noqa: S308 - every text is escaped above


def gestapeld(
    titel: str, beschrijving: str, categorieen: list[str], reeksen: list[Reeks]
) -> SafeString:
    """Vertical stacked bars per category (e.g. meldingen per month, per verzuimsoort)."""
    breedte, hoogte, onder, links = 640, 280, 40, 40
    kop, staart = _kop(titel, beschrijving, breedte, hoogte + 30)
    totalen = [sum(r.waarden[i] or 0 for r in reeksen) for i in range(len(categorieen))]
    maximum = _schaal(max(totalen or [0]))
    plot = hoogte - onder - 10
    stap = (breedte - links - 10) / max(len(categorieen), 1)
    delen = [kop]
    delen.append(_y_as(links, breedte, plot, maximum))
    for i, cat in enumerate(categorieen):
        x = links + i * stap + stap * 0.15
        basis = 10 + plot
        for j, r in enumerate(reeksen):
            v = r.waarden[i] or 0
            h = plot * v / maximum
            if h:
                delen.append(
                    f'<rect x="{x:.1f}" y="{basis - h:.1f}" width="{stap * 0.7:.1f}" height="{h:.1f}" fill="{KLEUREN[j % len(KLEUREN)]}"/>'
                )
            basis -= h
        delen.append(
            f'<text x="{x + stap * 0.35:.1f}" y="{hoogte - onder + 16}" text-anchor="middle" fill="{TEKST}">{escape(cat)}</text>'
        )
    delen.append(_legenda(reeksen, hoogte + 8))
    delen.append(staart)
    return mark_safe("".join(delen))  # noqa: S308


def lijnen(titel: str, beschrijving: str, categorieen: list[str], reeksen: list[Reeks],
           *, eenheid: str = "") -> SafeString:  # fmt: skip
    """Lines over time (a trend per schooljaar); a None value breaks the line."""
    breedte, hoogte, onder, links = 640, 260, 40, 50
    kop, staart = _kop(titel, beschrijving, breedte, hoogte + 30)
    alle = [v for r in reeksen for v in r.waarden if v is not None]
    maximum = _schaal(max(alle or [0]))
    plot = hoogte - onder - 10
    stap = (breedte - links - 80) / max(len(categorieen) - 1, 1)
    delen = [kop]
    delen.append(_y_as(links, breedte, plot, maximum))
    for i, cat in enumerate(categorieen):
        x = links + 30 + i * stap
        delen.append(
            f'<text x="{x:.1f}" y="{hoogte - onder + 16}" text-anchor="middle" fill="{TEKST}">{escape(cat)}</text>'
        )
    for j, r in enumerate(reeksen):
        kleur = KLEUREN[j % len(KLEUREN)]
        punten = []
        for i, v in enumerate(r.waarden):
            if v is None:
                if len(punten) > 1:
                    delen.append(
                        f'<polyline points="{" ".join(punten)}" fill="none" stroke="{kleur}" stroke-width="2"/>'
                    )
                punten = []
                continue
            x, y = links + 30 + i * stap, 10 + plot - plot * v / maximum
            punten.append(f"{x:.1f},{y:.1f}")
            delen.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{kleur}"/>')
            delen.append(
                f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" fill="{TEKST}">{_getal(v)}{escape(eenheid)}</text>'
            )
        if len(punten) > 1:
            delen.append(
                f'<polyline points="{" ".join(punten)}" fill="none" stroke="{kleur}" stroke-width="2"/>'
            )
    delen.append(_legenda(reeksen, hoogte + 8))
    delen.append(staart)
    return mark_safe("".join(delen))  # noqa: S308


def _y_as(links: int, breedte: int, plot: float, maximum: float) -> str:
    """Horizontal grid lines with their values (quarters of the axis)."""
    delen = []
    for i in range(5):
        y = 10 + plot - plot * i / 4
        delen.append(
            f'<line x1="{links}" y1="{y:.1f}" x2="{breedte - 10}" y2="{y:.1f}" stroke="{RASTER}"/>'
            f'<text x="{links - 4}" y="{y + 4:.1f}" text-anchor="end" fill="{TEKST}">'
            f"{_getal(maximum * i / 4)}</text>"
        )
    return "".join(delen)


def _legenda(reeksen: list[Reeks], y: int) -> str:
    delen, x = [], 40
    for j, r in enumerate(reeksen):
        kleur = KLEUREN[j % len(KLEUREN)]
        delen.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{kleur}"/>')
        delen.append(f'<text x="{x + 16}" y="{y + 10}" fill="{TEKST}">{escape(r.naam)}</text>')
        x += 24 + 7 * len(r.naam)
    return "".join(delen)
