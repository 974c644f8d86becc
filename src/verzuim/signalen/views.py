"""Web pages of the signals (issue 10): the worklist of open signals (absoluut verzuim, and
potential LRV as a weekly list like DUO's R08), one signal with why, and the leerplichtigen
of the organisation's gemeenten with filters, search and CSV export.

Thin shells over ``services`` (audited reads) and ``queries`` (scoping): another
organisation's signal is a 404 (R-PR-1), a role without access a 403.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from verzuim import clock
from verzuim.meldingen.views import maskeer
from verzuim.meldingen.views import pagina as meldingen_pagina
from verzuim.rules.signalen import OPLOSSINGEN
from verzuim.signalen import dossierkoppeling, queries, services
from verzuim.signalen.forms import LeerplichtigenForm
from verzuim.signalen.models import SignaalStatus, Soort

PER_PAGINA = 25
STATUSSEN = (("open", "Open"), ("opgelost", "Opgelost"), ("alle", "Alle"))


#: Login, a role that works signals in a gemeente, dienst or RMC-regio; 404 / 403 for the
#: domain errors (the meldingen pages' guard, the same roles as ``queries.mag_signalen_zien``).
pagina = meldingen_pagina(*queries.ROLLEN, soorten=tuple(queries.BEHANDELENDE_SOORTEN))


def _keuze(request, naam: str, keuzes, standaard: str) -> str:
    waarde = request.GET.get(naam, standaard)
    return waarde if waarde in dict(keuzes) else standaard


@require_GET
@pagina
def lijst(request):
    actor = request.actor
    soort = _keuze(request, "soort", Soort.choices, Soort.ABSOLUUT_VERZUIM)
    status = _keuze(request, "status", STATUSSEN, "open")
    qs = queries.filter_signalen(queries.signalen_voor(actor), soort=soort, status=status)
    qs = (
        qs.order_by("-sinds", "-id")
        if soort == Soort.POTENTIEEL_LRV
        else qs.order_by("sinds", "id")
    )
    pag = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    signalen = services.lees_signalen(actor, pag.object_list)
    personen = services.personalia(signalen)
    rijen = [
        {
            "signaal": s,
            "naam": personen[s.leerling_id].naam,
            "identificatie": maskeer(s.leerling.identificatie),
            "week": s.sinds.isocalendar()[:2],
        }
        for s in signalen
    ]
    tellingen = queries.tellingen(actor)
    return render(
        request,
        "signalen/lijst.html",
        {
            "soort": soort,
            "status": status,
            "statussen": STATUSSEN,
            "tabs": [
                {
                    "code": s.value,
                    "label": s.label,
                    "aantal": tellingen[s.value],
                    "actief": s == soort,
                }
                for s in Soort
            ],
            "weken": [
                (week, list(groep))
                for week, groep in itertools.groupby(rijen, key=lambda r: r["week"])
            ]
            if soort == Soort.POTENTIEEL_LRV
            else None,
            "rijen": rijen,
            "pagina": pag,
        },
    )


@require_GET
@pagina
def detail(request, uuid):
    actor = request.actor
    signaal = services.lees_signaal(actor, uuid)
    persoon = services.personalia([signaal])[signaal.leerling_id]
    historie = [s for s in queries.historie(signaal) if s.pk != signaal.pk]
    return render(
        request,
        "signalen/detail.html",
        {
            "signaal": signaal,
            "persoon": persoon,
            "historie": historie,
            "oplossing": OPLOSSINGEN.get(signaal.oplossing, signaal.oplossing),
            "feiten": _feiten(signaal),
            "dossier": dossierkoppeling.dossiers_van([signaal.pk]).get(signaal.pk),
            "open": signaal.status == SignaalStatus.OPEN,
            "vandaag": clock.today(),
        },
    )


def _nl(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else ""


def _feiten(signaal) -> list[tuple[str, str]]:
    """What the signal's facts say, as label/value pairs in Dutch (dates dd-mm-jjjj)."""
    g = signaal.gegevens or {}
    if signaal.soort == Soort.ABSOLUUT_VERZUIM:
        return [
            ("Leerplichtstatus", g.get("status", "")),
            ("Niet ingeschreven sinds", _nl(g.get("verzuimSinds")) or "onbekend"),
            ("Laatste school", g.get("laatsteSchool") or "nooit ingeschreven"),
        ] + ([("Laatste inschrijving tot en met", _nl(g["laatsteInschrijvingTot"]))]
             if g.get("laatsteInschrijvingTot") else [])  # fmt: skip
    feiten = [
        ("Aaneengesloten lesweken met 16-uur-meldingen", str(g.get("lesweken", 0))),
        (
            "Weken",
            ", ".join(
                f"week {dt.date.fromisoformat(w).isocalendar()[1]}" for w in g.get("weken", [])
            ),
        ),
        ("Vakantieregio", g.get("regio", "")),
        ("Meldingen", ", ".join(g.get("meldingen", []))),
    ]
    if g.get("dagen"):
        feiten.append(("Aaneengesloten afwezig", f"{g['dagen']} dagen"))
    return [(label, waarde) for label, waarde in feiten if waarde]


class _Echo:
    def write(self, waarde):
        return waarde


@require_http_methods(["GET", "POST"])
@pagina
def leerplichtigen(request):
    """Filters and search are posted (no names or birth dates in a URL); the page number and
    the export are buttons of the same form."""
    actor = request.actor
    form = LeerplichtigenForm(request.POST or None)
    geldig = request.method == "GET" or form.is_valid()
    filters = form.filters()
    if request.method == "POST" and "export" in request.POST and geldig:
        schrijver = csv.writer(_Echo(), delimiter=";")
        regels = services.exporteer_leerplichtigen(actor, filters)
        response = StreamingHttpResponse(
            (schrijver.writerow(r) for r in regels), content_type="text/csv; charset=utf-8"
        )
        naam = f"leerplichtigen-{actor.organisatie.code}-{filters.peildatum.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response
    pag, rijen = (None, [])
    if geldig:
        pag, rijen = services.lees_leerplichtigen(
            actor, filters, pagina=request.POST.get("pagina") or 1, per_pagina=PER_PAGINA
        )
    return render(
        request,
        "signalen/leerplichtigen.html",
        {"form": form, "filters": filters, "pagina": pag, "rijen": rijen},
    )
