"""HTML → PDF with WeasyPrint: A4, page numbers in the letter's language, tagged PDF/UA-1
(accessible: structure, language and title in the file). WeasyPrint reads nothing from
the network or the disk here: the stylesheet is ours, the logo is a data: URI, and the
fetcher refuses every other URL (an injected <img src="file:…"> or "http://…" fails)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from verzuim.brieven.talen import Taal

STIJL = Path(__file__).parent / "static" / "brieven" / "brief.css"


def _css_tekst(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def paginanummer_css(t: Taal) -> str:
    """'Pagina {pagina} van {paginas}' as an @page footer with CSS counters."""
    delen = []
    rest = t.labels["pagina"]
    for naam, teller in (("{pagina}", "counter(page)"), ("{paginas}", "counter(pages)")):
        voor, _, rest = rest.partition(naam)
        delen += [_css_tekst(voor), teller]
    delen.append(_css_tekst(rest))
    inhoud = " ".join(d for d in delen if d != '""')
    return (
        "@page { @bottom-right { content: " + inhoud + "; font-family: 'Liberation Sans', "
        "'DejaVu Sans', sans-serif; font-size: 8pt; } }"
    )


@cache
def _stijl():
    from weasyprint import CSS

    return CSS(filename=str(STIJL))


def naar_pdf(html_document: str, t: Taal) -> bytes:
    """The PDF bytes of a whole HTML document (brieven/document.html)."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    alleen_data = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return HTML(string=html_document, url_fetcher=alleen_data).write_pdf(
        stylesheets=[_stijl(), CSS(string=paginanummer_css(t))],
        pdf_variant="pdf/ua-1",
    )
