"""The beheer preview: a template rendered with the demo values of soorten.py (fictitious
pupil, parents and school) under the organisation's own letterhead, as HTML for the
admin page and as the real PDF."""

from __future__ import annotations

from verzuim.brieven import pdf
from verzuim.brieven.opmaak import Afzender, Tekst, brief_html, formatteer
from verzuim.brieven.services import BRIEFHOOFD_VELDEN, systeemwaarden
from verzuim.brieven.soorten import SOORTEN, Ontvanger
from verzuim.brieven.talen import taal

VOORBEELD_ONTVANGER = {
    Ontvanger.OUDERS: (
        "De ouders/verzorgers van Daan de Vries",
        ("Voorbeeldstraat 12", "1234 AB Voorbeeldstad"),
    ),
    Ontvanger.LEERLING: ("Daan de Vries", ("Voorbeeldstraat 12", "1234 AB Voorbeeldstad")),
    Ontvanger.SCHOOL: (
        "Voorbeeldcollege",
        ("t.a.v. mevrouw J. Jansen, verzuimcoördinator", "Schoolweg 1", "1234 CD Voorbeeldstad"),
    ),
}


def _voorbeeld(organisatie, soort: str, ontvanger: str, taalcode: str, tekst: Tekst):
    s = SOORTEN[soort]
    t = taal(taalcode)
    afzender = Afzender.van(organisatie)
    naam, adres = VOORBEELD_ONTVANGER[ontvanger]
    voorbeeld = s.veld("datum").voorbeeld
    systeem = systeemwaarden(
        t, afzender, tekst, naam, f"{organisatie.code}-VOORBEELD", voorbeeld, "J. Voorbeeld"
    )
    # A letter cannot be made while the letterhead lacks what the text uses: show it.
    for veld, label in BRIEFHOOFD_VELDEN.items():
        systeem[veld] = systeem[veld] or f"[{label} ontbreekt in het briefhoofd]"
    waarden = {
        **{v.naam: formatteer(v, v.voorbeeld, t) for v in s.alle_velden if not v.systeem},
        **systeem,
    }
    return t, brief_html(
        t=t,
        afzender=afzender,
        tekst=tekst,
        geadresseerde=(naam, *adres),
        waarden=waarden,
        voorbeeld=True,
    )


def voorbeeld_html(organisatie, soort: str, ontvanger: str, taalcode: str, tekst: Tekst) -> str:
    """The letter body for the admin page (call only with a template that passed checks)."""
    _, (_, inhoud, _) = _voorbeeld(organisatie, soort, ontvanger, taalcode, tekst)
    return inhoud


def voorbeeld_pdf(organisatie, soort: str, ontvanger: str, taalcode: str, tekst: Tekst) -> bytes:
    t, (_, _, document) = _voorbeeld(organisatie, soort, ontvanger, taalcode, tekst)
    return pdf.naar_pdf(document, t)
