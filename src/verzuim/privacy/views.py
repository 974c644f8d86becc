"""Pages of inzage (R-PR-3): the worklist of open requests (the privacy officer's start
page) with the registration form, one request with its export (PDF and JSON) and the
action that answers it. Thin shells over ``services`` and ``queries``: another
organisation's request is a 404 (R-PR-1), a role without access a 403."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verzuim import clock
from verzuim.fouten import Conflict, Ongeldig
from verzuim.meldingen.views import pagina as meldingen_pagina
from verzuim.privacy import queries, services
from verzuim.privacy.forms import InzageverzoekForm

pagina = meldingen_pagina(*queries.ROLLEN, soorten=tuple(queries.ORGANISATIES))
BEANTWOORD_TONEN = 10


def _werklijst(request, form, status=200):
    actor = request.actor
    return render(
        request,
        "privacy/werklijst.html",
        {
            "form": form,
            "open": list(queries.open_verzoeken(actor)),
            "beantwoord": list(
                queries.verzoeken_voor(actor)
                .filter(beantwoord__isnull=False)
                .order_by("-beantwoord")[:BEANTWOORD_TONEN]
            ),
            "vandaag": clock.today(),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@pagina
def werklijst(request):
    if request.method == "GET":
        return _werklijst(request, InzageverzoekForm())
    form = InzageverzoekForm(request.POST)
    if form.is_valid():
        try:
            verzoek = services.registreer_verzoek(request.actor, **form.cleaned_data)
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        else:
            messages.success(request, "Het inzageverzoek is geregistreerd.")
            return redirect("privacy:verzoek", uuid=verzoek.uuid)
    return _werklijst(request, form, status=400)


@require_GET
@pagina
def verzoek(request, uuid):
    v = queries.verzoek_voor(request.actor, uuid)
    return render(request, "privacy/verzoek.html", {"verzoek": v, "vandaag": clock.today()})


@require_POST
@pagina
def exporteren(request, uuid):
    try:
        services.exporteer(request.actor, uuid)
    except Conflict as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Het inzageoverzicht is gemaakt.")
    return redirect("privacy:verzoek", uuid=uuid)


@require_POST
@pagina
def beantwoorden(request, uuid):
    try:
        services.beantwoord(request.actor, uuid)
    except Conflict as e:
        messages.error(request, str(e))
        return redirect("privacy:verzoek", uuid=uuid)
    messages.success(request, "Het inzageverzoek is afgerond.")
    return redirect("privacy:werklijst")


def _bijlage(inhoud: bytes, soort: str, naam: str, request) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type=soort)
    wijze = "attachment" if request.GET.get("opslaan") or soort == "application/json" else "inline"
    antwoord["Content-Disposition"] = f'{wijze}; filename="{naam}"'
    antwoord["Cache-Control"] = "private, no-store"  # person data: no copies in caches
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@require_GET
@pagina
def pdf(request, uuid):
    document = services.lees_export(request.actor, uuid)
    return _bijlage(bytes(document.inhoud), "application/pdf", document.bestandsnaam, request)


@require_POST
@pagina
def json_export(request, uuid):
    """The machine-readable export (AVG art. 20); a POST: it is logged as an export."""
    export = services.exporteer_json(request.actor, uuid)
    inhoud = json.dumps(export, ensure_ascii=False, indent=2).encode()
    return _bijlage(inhoud, "application/json", f"inzage-{uuid}.json", request)
