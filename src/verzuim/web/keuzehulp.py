"""Public page "Keuzehulp verzuimsoorten" (R-VZ-4, R-VZ-5): one question at a time.

The tree and its evaluation live in ``verzuim.rules.keuzehulp``; this page only asks the
questions ``volgende_stap`` names and shows the outcome. It is stateless: the answers so far
travel as hidden inputs (canonical values) with every POST, so it works as a plain form
without JavaScript; with htmx only the step fragment is swapped and focus moves to its
heading. No person data is read or stored, so no login and no audit record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from verzuim import clock
from verzuim.invoer import lees_nl_datum
from verzuim.meldingen.codes import Verzuimsoort
from verzuim.rules.keuzehulp import KeuzehulpUitkomst, Vraag, volgende_stap

EERSTE_VRAAG = "Wat is de eerste dag waarop de leerling afwezig was?"

# Field name → (label, kind, hint). Kinds: datum, ja-nee, dagen, uren.
VELDEN: dict[str, tuple[str, str, str]] = {
    "eerste_verzuimdag": ("Eerste verzuimdag", "datum", "Bijvoorbeeld 07-09-2026 (dd-mm-jjjj)."),
    "geboortedatum": ("Geboortedatum van de leerling", "datum", "dd-mm-jjjj"),
    "startkwalificatie": ("Startkwalificatie", "ja-nee", ""),
    "ziekte": ("Afwezig door ziekte", "ja-nee", ""),
    "vermoeden_misbruik_ziekmelding": ("Vermoeden van misbruik van ziekmelding", "ja-nee", ""),
    "vakantie_zonder_verlof": ("Vakantie zonder verlof", "ja-nee", ""),
    "afspraak_18_plus_melden": ("Afspraak over melden van 18-plus verzuim", "ja-nee", ""),
    "aaneengesloten_afwezig_dagen": (
        "Aantal kalenderdagen aaneengesloten afwezig",
        "dagen",
        "Tel alle kalenderdagen, ook weekenden. 4 lesweken zijn 28 kalenderdagen.",
    ),
    "verzuimde_uren_in_4_lesweken": (
        "Aantal uren ongeoorloofd verzuim in 4 opeenvolgende lesweken",
        "uren",
        "Klokuren gemiste les- of praktijktijd; gebruik een komma voor halve uren (bv. 12,5).",
    ),
}

# Where each rule of domain.md stands in the law (Leerplichtwet 1969), for the outcome page;
# shown after the reason as "Wettelijke basis: …", so never in parentheses of its own.
WETSARTIKELEN = {
    "R-LP-2": "art. 3 Leerplichtwet 1969",
    "R-LP-3": "art. 4 Leerplichtwet 1969",
    "R-LP-4": "art. 4a Leerplichtwet 1969",
    "R-LP-5": "art. 4b Leerplichtwet 1969",
    "R-LP-6": "RMC-doelgroep: 18 tot 23 jaar zonder startkwalificatie",
    "R-LP-7": "art. 3 Leerplichtwet 1969, nog niet leerplichtig",
    "R-LP-8": "art. 11a Leerplichtwet 1969",
    "R-LP-9": "art. 2 lid 3 Leerplichtwet 1969",
    "R-VZ-2": "art. 11 Leerplichtwet 1969, geoorloofd verzuim",
    "R-VZ-4": "art. 21 en 21a Leerplichtwet 1969, melden van verzuim",
    "R-VZ-5": "art. 21 en 21a Leerplichtwet 1969: 16 uur in 4 lesweken, langdurig verzuim",
    "R-VR-1": "art. 5, 5a en 15 Leerplichtwet 1969, vrijstellingen",
}

UITKOMST_KOPPEN = {
    "melden": "Melden",
    "niet-melden": "Niet melden",
    "vastleggen": "Niet melden, wel vastleggen",
}
DATUMNAMEN = {"eerste_verzuimdag": "de eerste verzuimdag", "geboortedatum": "de geboortedatum"}


class OngeldigeStaat(ValueError):
    """The hidden answers were tampered with or are stale: start again."""


@dataclass
class Veld:
    naam: str
    label: str
    soort: str
    hint: str
    waarde: str = ""
    fout: str = ""


def _iso(tekst: str) -> dt.date | None:
    """The canonical form the hidden answers travel in (JJJJ-MM-DD)."""
    try:
        return dt.date.fromisoformat(tekst) if len(tekst) == 10 and tekst[4] == "-" else None
    except ValueError:
        return None


def parse_veld(naam: str, tekst: str) -> tuple[object | None, str]:
    """The value of one answer, or None and a Dutch error message."""
    soort = VELDEN[naam][1]
    tekst = (tekst or "").strip()
    if not tekst:
        return None, "Kies ja of nee." if soort == "ja-nee" else "Vul dit veld in."
    if soort == "datum":
        datum = _iso(tekst)
        fout = ""
        if datum is None:
            datum, fout = lees_nl_datum(tekst, DATUMNAMEN[naam])
        if fout:
            return None, fout
        if not 1900 <= datum.year <= 2200:
            return None, "Vul een datum tussen 1900 en 2200 in."
        if datum > clock.today():  # R-VZ-4 asks about absence that happened
            return None, (
                f"{DATUMNAMEN[naam][:1].upper()}{DATUMNAMEN[naam][1:]} ligt in de toekomst; "
                f"vul een datum in tot en met vandaag ({clock.today():%d-%m-%Y})."
            )
        return datum, ""
    if soort == "ja-nee":
        if tekst not in ("ja", "nee"):
            return None, "Kies ja of nee."
        return tekst == "ja", ""
    try:
        getal = Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        getal = None
    if getal is None or not getal.is_finite():
        return None, "Vul een getal in."
    if getal < 0:
        return None, "Vul 0 of meer in."
    if soort == "dagen":
        if getal != getal.to_integral_value():
            return None, "Vul een geheel aantal dagen in."
        if getal > 3660:
            return None, "Vul hoogstens 3660 dagen in."
        return int(getal), ""
    if getal > 1000:
        return None, "Vul hoogstens 1000 uur in."
    return float(getal), ""


def canoniek(waarde) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, float):
        return f"{waarde:g}"
    return str(waarde)


def toon(naam: str, waarde) -> str:
    """An answer as the page shows it: dates dd-mm-jjjj, ja/nee, 12,5 uur."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    if naam == "verzuimde_uren_in_4_lesweken":
        return f"{waarde:g}".replace(".", ",") + " uur"
    if naam == "aaneengesloten_afwezig_dagen":
        return f"{waarde} {'dag' if waarde == 1 else 'dagen'}"
    return str(waarde)


def lees_staat(post) -> tuple[dict, list[list[str]]]:
    """The answers so far from the hidden inputs; ``stappen`` keeps the order they were
    asked in (a group of field names per step) so "Vorige vraag" can undo one step."""
    stappen = [s.split(",") for s in post.get("stappen", "").split("|") if s]
    antwoorden: dict = {}
    for groep in stappen:
        for naam in groep:
            if naam not in VELDEN:
                raise OngeldigeStaat(naam)
            waarde, fout = parse_veld(naam, post.get(f"antwoord-{naam}", ""))
            if fout:
                raise OngeldigeStaat(naam)
            antwoorden[naam] = waarde
    return antwoorden, stappen


def huidige_vraag(antwoorden: dict) -> tuple[str, list[str], Vraag | None, object]:
    """(question text, fields still to ask, the tree's Vraag or None, outcome or None)."""
    if "eerste_verzuimdag" not in antwoorden:
        return EERSTE_VRAAG, ["eerste_verzuimdag"], None, None
    stap = volgende_stap(antwoorden)
    if stap.uitkomst is not None:
        return "", [], None, stap
    vraag = stap.vraag
    return vraag.vraag_nl, [v for v in vraag.velden if v not in antwoorden], vraag, stap


def _context(antwoorden: dict, stappen: list[list[str]], velden: list[Veld] | None = None) -> dict:
    vraag_nl, te_vragen, vraag, stap = huidige_vraag(antwoorden)
    uitkomst: KeuzehulpUitkomst | None = getattr(stap, "uitkomst", None)
    if velden is None:
        velden = [Veld(n, *VELDEN[n]) for n in te_vragen]
    return {
        "vraag_nl": vraag_nl,
        "vraag": vraag,
        "velden": velden,
        "verborgen": [(f"antwoord-{n}", canoniek(v)) for n, v in antwoorden.items()],
        "stappen": "|".join(",".join(g) for g in stappen),
        "stapnummer": len(stappen) + 1,
        "antwoorden": [(VELDEN[n][0], toon(n, v)) for n, v in antwoorden.items()],
        "uitkomst": uitkomst,
        "uitkomst_kop": UITKOMST_KOPPEN.get(uitkomst.uitkomst, "") if uitkomst else "",
        "verzuimsoort_label": Verzuimsoort(uitkomst.verzuimsoort).label
        if uitkomst and uitkomst.verzuimsoort
        else "",
        # "Overnemen" on the melding form copies this into Begindatum (meldingen.js).
        "eerste_verzuimdag": toon("eerste_verzuimdag", antwoorden["eerste_verzuimdag"])
        if "eerste_verzuimdag" in antwoorden
        else "",
        "redenen": [
            (r.rule_id, r.uitleg_nl, WETSARTIKELEN.get(r.rule_id, ""))
            for r in (uitkomst.reasons if uitkomst else ())
        ],
    }


@require_http_methods(["GET", "POST"])
def keuzehulp_pagina(request):
    """One step. A POST with `herstel` only shows the answers it carries (the melding form
    keeps them across a failed submit and hands them back)."""
    antwoorden: dict = {}
    stappen: list[list[str]] = []
    velden = None
    fout_staat = False
    if request.method == "POST" and "opnieuw" not in request.POST:
        try:
            antwoorden, stappen = lees_staat(request.POST)
        except OngeldigeStaat:
            antwoorden, stappen, fout_staat = {}, [], True
        if fout_staat or "herstel" in request.POST:
            pass
        elif "terug" in request.POST and stappen:
            for naam in stappen.pop():
                antwoorden.pop(naam, None)
        else:
            _, te_vragen, _, _ = huidige_vraag(antwoorden)
            velden, nieuw = [], {}
            for naam in te_vragen:
                invoer = request.POST.get(naam, "")
                waarde, fout = parse_veld(naam, invoer)
                velden.append(Veld(naam, *VELDEN[naam], waarde=invoer.strip(), fout=fout))
                nieuw[naam] = waarde
            if te_vragen and not any(v.fout for v in velden):
                antwoorden.update(nieuw)
                stappen.append(te_vragen)
                velden = None
    context = _context(antwoorden, stappen, velden)
    context["fout_staat"] = fout_staat
    if request.headers.get("HX-Request") == "true":
        return render(request, "web/keuzehulp_stap.html", context)
    return render(request, "web/keuzehulp.html", context)
