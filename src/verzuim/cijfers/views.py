"""Pages of the cijfers app: the telling (with its cases, export and delivery), the
definitions, the public benchmark and the school's own figures."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from verzuim import clock
from verzuim.accounts.models import Rol
from verzuim.cijfers import benchmark as bm
from verzuim.cijfers import export, grafieken, queries, services
from verzuim.cijfers.bronnen import bronnen, definitie
from verzuim.cijfers.definities import SECTIES
from verzuim.cijfers.periode import OngeldigSchooljaar, Periode, lees_schooljaar
from verzuim.cijfers.school import MAANDEN, schoolcijfers
from verzuim.fouten import Ongeldig as MeldingOngeldig
from verzuim.meldingen.views import pagina
from verzuim.organisaties.models import OrganisatieSoort
from verzuim.rules import Schooljaar, schooljaar_van

telling_pagina = pagina(
    *queries.TELLING_ROLLEN,
    soorten=(*queries.BEHANDELENDE_SOORTEN, OrganisatieSoort.REGISTER),
)
school_pagina = pagina(Rol.SCHOOLMEDEWERKER, soorten=(OrganisatieSoort.SCHOOL,))
#: The telling page shows every gemeente as a column up to this many; beyond (the register)
#: the total and one chosen gemeente.
MAX_KOLOMMEN = 12
STANDAARD_KENGETAL = "relatiefVerzuim.leerlingen"
GEBIED = re.compile(r"^(GM\d{4}|MC\d{2}|NL)$")
#: How many schooljaren back the pages offer (trend, selector).
JAREN_TERUG = 4


def _periode(request) -> Periode:
    try:
        return Periode(lees_schooljaar(request.GET.get("schooljaar")))
    except OngeldigSchooljaar as e:
        raise Http404(str(e)) from e


def _schooljaren() -> list[Schooljaar]:
    huidig = schooljaar_van(clock.today())
    return [Schooljaar(huidig.startjaar - i) for i in range(JAREN_TERUG + 1)]


def _secties(definities) -> list[dict]:
    return [
        {
            "code": code,
            "titel": titel,
            "definities": [d for d in definities if d.formulier[0] == code],
        }
        for code, titel in SECTIES.items()
    ]


@telling_pagina
@require_GET
def overzicht(request):
    """The leerplichttelling of the user's gemeente(n); the beleidsmedewerker's start page."""
    actor = request.actor
    periode = _periode(request)
    telling = services.telling_voor(actor, periode)
    kolommen = telling.rijen if len(telling.rijen) <= MAX_KOLOMMEN else []
    gekozen = request.GET.get("gemeente") or ""
    gekozen_rij = telling.rij(gekozen) if gekozen else None
    if len(telling.rijen) == 1:
        gekozen_rij = telling.rijen[0]
    if gekozen_rij and gekozen_rij not in kolommen:
        kolommen = [gekozen_rij]
    vaststelling = verschil = None
    if gekozen_rij:
        vaststelling = services.laatste_vaststelling(gekozen_rij.gemeente, periode)
        if vaststelling:
            verschil = services.verschillen(vaststelling, gekozen_rij.waarden)
    regels = [
        {
            "definitie": d,
            "cellen": [(r.gemeente, r.waarden.get(d.sleutel)) for r in kolommen],
            "totaal": telling.totaal.get(d.sleutel),
        }
        for d in telling.definities
    ]
    per_1000 = [
        (
            r.gemeente.naam,
            _per_1000(r.waarden.get("relatiefVerzuim.leerlingen"), r.waarden.get("leerplichtigen")),
        )
        for r in telling.rijen
    ]
    grafiek = trend = None
    if gekozen_rij:
        trend = _trend_gemeente(gekozen_rij.gemeente, periode)
        grafiek = grafieken.lijnen(
            f"{gekozen_rij.gemeente.naam}: leerlingen per schooljaar",
            "Lijndiagram van drie cijfers van de telling per schooljaar; de tabel ernaast "
            "geeft dezelfde getallen.",
            [label for label, _ in trend],
            [
                grafieken.Reeks(definitie(k).titel, tuple(w.get(k) for _, w in trend))
                for k in TREND_CIJFERS
            ],
        )
    elif 1 < len(per_1000) <= 60:
        grafiek = grafieken.staven(
            f"Leerlingen met relatief verzuim per 1.000 leerplichtigen, {periode.label}",
            "Staafdiagram per gemeente; de tabel ernaast geeft dezelfde getallen.",
            [n for n, _ in per_1000],
            [v for _, v in per_1000],
        )
    return render(
        request,
        "cijfers/telling.html",
        {
            "telling": telling,
            "periode": periode,
            "schooljaren": _schooljaren(),
            "kolommen": kolommen,
            "regels": regels,
            "secties": _secties(telling.definities),
            "meer_dan_een": len(telling.rijen) > 1,
            "alle_gemeenten": telling.rijen if len(telling.rijen) > MAX_KOLOMMEN else [],
            "gekozen": gekozen_rij,
            "vaststelling": vaststelling,
            "verschillen": verschil,
            "mag_vaststellen": bool(gekozen_rij)
            and queries.mag_vaststellen(actor)
            and periode.afgelopen,
            "mag_gevallen": queries.mag_gevallen_zien(actor),
            # R-PR-5: no link to cases the actor may not open (special categories).
            "afgeschermde_bronnen": services.afgeschermde_bronnen(actor),
            "grafiek": grafiek,
            "per_1000": per_1000,
            "gekozen_extra": [("gemeente", gekozen)] if gekozen else [],
            "trend": trend,
            "trend_cijfers": [definitie(k) for k in TREND_CIJFERS],
            "trend_rijen": [(label, [w.get(k) for k in TREND_CIJFERS]) for label, w in trend or []],
        },
    )


#: The figures a gemeente's telling page follows over the schooljaren.
TREND_CIJFERS = (
    "relatiefVerzuim.leerlingen",
    "luxeVerzuim",
    "langdurigRelatiefVerzuim.totaal",
)


def _trend_gemeente(gemeente, periode: Periode) -> list[tuple[str, list]]:
    """[(schooljaar, waarden)] of one gemeente from the first schooljaar with data."""
    from verzuim.cijfers.telling import bereken

    jaren = [sj for sj in bm.schooljaren() if sj <= periode.schooljaar]
    return [(sj.label, bereken(Periode(sj), [gemeente]).rijen[0].waarden) for sj in jaren]


def _per_1000(aantal, leerplichtigen):
    if aantal is None or not leerplichtigen:
        return None
    return round(aantal * 1000 / leerplichtigen, 1)


@telling_pagina
@require_GET
def gevallen(request):
    """The cases behind one number, for the organisation that handles them (audited)."""
    periode = _periode(request)
    sleutel = request.GET.get("cijfer", "")
    d = definitie(sleutel)
    if d is None:
        raise Http404("Onbekend cijfer.")
    lijst = services.lees_gevallen(request.actor, periode, request.GET.get("gemeente", ""), sleutel)
    return render(
        request,
        "cijfers/gevallen.html",
        {
            "periode": periode,
            "definitie": d,
            "gevallen": lijst,
            "gemeente": request.GET.get("gemeente"),
        },
    )


@telling_pagina
@require_GET
def downloaden(request, schooljaar: str, formaat: str):
    try:
        periode = Periode(lees_schooljaar(schooljaar))
    except OngeldigSchooljaar as e:
        raise Http404(str(e)) from e
    vastgesteld = request.GET.get("vastgesteld", "")
    if vastgesteld:  # one gemeente's telling as it was delivered (R-FG-1)
        telling = services.vastgestelde_telling(request.actor, periode, vastgesteld)
        naam = f"leerplichttelling-{periode.label}-{vastgesteld}-vastgesteld"
    else:
        telling = services.telling_voor(request.actor, periode)
        naam = f"leerplichttelling-{periode.label}-{request.actor.organisatie_code}"
    if formaat == "xlsx":
        inhoud = export.als_xlsx(telling, request.actor.organisatie.naam)
        soort = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        inhoud, soort = export.als_csv(telling).encode(), "text/csv; charset=utf-8"
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord


@telling_pagina
@require_POST
def vaststellen(request):
    periode = _periode(request)
    gemeente = request.POST.get("gemeente", "")
    try:
        v = services.stel_vast(
            request.actor, periode, gemeente, request.POST.get("toelichting", "")
        )
    except MeldingOngeldig as e:
        for f in e.fouten:
            messages.error(request, f"{f['name']}: {f['reason']}")
    else:
        messages.success(
            request,
            f"De leerplichttelling {periode.label} van {v.gemeente.naam} is vastgesteld en als "
            "geleverd vastgelegd.",
        )
    return redirect(
        f"{reverse('cijfers:overzicht')}?schooljaar={periode.label}&gemeente={gemeente}"
    )


@require_GET
def definities(request):
    """Public: every figure with its definition, generated from the sources' declarations."""
    alle = [d for b in bronnen() for d in b.definities]
    return render(
        request,
        "cijfers/definities.html",
        {
            "secties": _secties(
                sorted(alle, key=lambda d: (list(SECTIES).index(d.formulier[0]), d.formulier))
            ),
            "bronnen": bronnen(),
            "drempel": bm.drempel(),
        },
    )


@require_GET
def benchmark(request):
    """Public, no login: figures per 1,000 leerplichtigen, small cells suppressed. The page's
    content is cached with the benchmark (per day and data state); the frame around it
    (header, the visitor's CSRF token) is rendered per request."""
    periode = _periode(request)
    kengetal = request.GET.get("kengetal") or STANDAARD_KENGETAL
    if kengetal not in {d.sleutel for d in bm.kolommen()}:
        raise Http404("Onbekend kengetal.")
    gebied = request.GET.get("gebied", "")
    parameters = f"{kengetal}:{gebied if GEBIED.match(gebied) else ''}"
    sleutel = f"cijfers:benchmarkpagina:{periode.label}:{parameters}:{bm.vingerafdruk()}"
    inhoud = cache.get(sleutel)
    if inhoud is None:
        inhoud = render_to_string("cijfers/_benchmark.html", _benchmark_context(request, periode))
        cache.set(sleutel, inhoud, 24 * 3600)
    return render(
        request,
        "cijfers/benchmark.html",
        {"inhoud": mark_safe(inhoud), "periode": periode},  # noqa: S308
    )


def _benchmark_context(request, periode: Periode) -> dict:
    b = bm.benchmark(periode)
    kolommen = [d for d in b.kolommen if d.bron not in b.niet_beschikbaar] or b.kolommen
    kengetal = request.GET.get("kengetal") or STANDAARD_KENGETAL
    gekozen = definitie(kengetal)
    regio_staven = grafieken.staven(
        f"{gekozen.titel} per 1.000 leerplichtigen per RMC-regio, {periode.label}",
        "Staafdiagram per RMC-regio met Nederland als referentie; niet getoonde waarden zijn "
        f"onderdrukt (minder dan {b.drempel}). De tabel hieronder geeft dezelfde getallen.",
        ["Nederland", *(r.naam for r in b.regios)],
        [b.land.cellen[kengetal].per_1000, *(r.cellen[kengetal].per_1000 for r in b.regios)],
        markeer="Nederland",
    )
    rang = {e.code: plaats for plaats, e in b.rangorde(kengetal)}
    alle = [b.land, *b.regios, *b.gemeenten]
    per_gebied = [(e, e.cellen[kengetal], rang.get(e.code)) for e in alle]
    gebied = next((e for e in alle if e.code == request.GET.get("gebied")), b.land)
    regio = next((r for r in b.regios if r.code == gebied.regio), None)
    gebied_kolommen = list({e.code: e for e in (gebied, regio, b.land) if e}.values())
    jaren = [sj for sj in bm.schooljaren() if sj <= periode.schooljaar]
    trend = bm.trend(jaren, kengetal)
    trend_grafiek = grafieken.lijnen(
        f"{gekozen.titel} per 1.000 leerplichtigen in Nederland, per schooljaar",
        "Lijndiagram van het landelijke cijfer per schooljaar; de tabel ernaast geeft dezelfde "
        "getallen.",
        [label for label, _ in trend],
        [grafieken.Reeks("Nederland", tuple(v for _, v in trend))],
    )
    return {
        "b": b,
        "periode": periode,
        "schooljaren": _schooljaren(),
        "kolommen": kolommen,
        "kengetal": gekozen,
        "rangorde": [(i, e.naam, e.cellen[kengetal].per_1000) for i, e in b.rangorde(kengetal)],
        "land_waarde": b.land.cellen[kengetal].per_1000,
        "regio_waarden": [(e.naam, e.cellen[kengetal].per_1000) for e in (b.land, *b.regios)],
        "per_gebied": per_gebied,
        "gebied": gebied,
        "gebied_kolommen": gebied_kolommen,
        "gebied_rijen": [(d, [e.cellen[d.sleutel] for e in gebied_kolommen]) for d in b.kolommen],
        "regio_staven": regio_staven,
        "trend": trend,
        "trend_grafiek": trend_grafiek,
    }


@school_pagina
@require_GET
def school(request):
    """R-FG-3: the school's own figures."""
    periode = _periode(request)
    c = schoolcijfers(request.actor.organisatie, periode)
    grafiek = grafieken.gestapeld(
        f"Meldingen per maand en verzuimsoort, {periode.label}",
        "Gestapeld staafdiagram van de meldingen van uw school per maand van ontvangst; de "
        "tabel ernaast geeft dezelfde getallen.",
        list(MAANDEN),
        [grafieken.Reeks(label, tuple(waarden)) for _, label, waarden in c.soorten],
    )
    return render(
        request,
        "cijfers/school.html",
        {
            "c": c,
            "periode": periode,
            "schooljaren": _schooljaren(),
            "maanden": MAANDEN,
            "grafiek": grafiek,
        },
    )
