"""Pages of inzage (R-PR-3): the worklist of open requests (the privacy officer's start
page) with the registration form, one request with its export (PDF and JSON) and the
action that answers it. Thin shells over ``services`` and ``queries``: another
organisation's request is a 404 (R-PR-1), a role without access a 403."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verzuim import clock
from verzuim.audit.context import Rol
from verzuim.fouten import Conflict, Ongeldig
from verzuim.meldingen.views import pagina as meldingen_pagina
from verzuim.privacy import queries, services
from verzuim.privacy.forms import AfwegingForm, InzageverzoekForm
from verzuim.rules.tekst import zonder_regels

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
    return _verzoek(request, uuid)


def _verzoek(request, uuid, *, afweging: tuple[int, AfwegingForm] | None = None, status=200):
    """The request page: its data, what the export will give (R-PR-2a: the reasons or not,
    and why), the working notes with their balancing decision, the export and the answer.
    ``afweging``: the note whose form comes back with its errors."""
    actor = request.actor
    v = queries.verzoek_voor(actor, uuid)
    open_ = v.beantwoord is None
    beslist = open_ and actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR)
    notities = [
        {
            "aantekening": w,
            "afweging": getattr(w, "afweging", None),
            "form": afweging[1]
            if afweging and afweging[0] == w.pk
            else (AfwegingForm(prefix=f"afweging-{w.pk}") if beslist else None),
        }
        for w in (services.werkaantekeningen(actor, uuid) if open_ else [])
    ]
    bereik = services.reikwijdte_van(v) if v.leerling_id else None
    return render(
        request,
        "privacy/verzoek.html",
        {
            "verzoek": v,
            "vandaag": clock.today(),
            "notities": notities,
            "beslist": beslist,
            "reikwijdte": bereik,
            "reikwijdte_uitleg": [zonder_regels(r.uitleg_nl) for r in bereik.reasons]
            if bereik
            else [],
        },
        status=status,
    )


@require_POST
@pagina
def toestemming(request, uuid):
    """R-PR-2a: record or withdraw the 16+ pupil's consent."""
    geven = request.POST.get("toestemming") == "1"
    try:
        services.leg_toestemming_vast(request.actor, uuid, geven)
    except Conflict as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            "De toestemming van de leerling is vastgelegd."
            if geven
            else "De toestemming van de leerling is ingetrokken.",
        )
    return redirect("privacy:verzoek", uuid=uuid)


def _beslisser(request, uuid) -> None:
    """Another organisation's request is a 404; then only a leerplichtambtenaar decides
    about the working notes (the privacy officer sees them): 403 before the form."""
    queries.verzoek_voor(request.actor, uuid)
    if not request.actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR):
        raise PermissionDenied("Alleen een leerplichtambtenaar besluit over werkaantekeningen.")


@require_POST
@pagina
def achterhouden(request, uuid, pk):
    """R-PR-2a: the LPA's balancing decision to withhold one working note."""
    _beslisser(request, uuid)
    form = AfwegingForm(request.POST, prefix=f"afweging-{pk}")
    if form.is_valid():
        try:
            services.houd_aantekening_achter(request.actor, uuid, pk, **form.cleaned_data)
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        except Conflict as e:
            messages.error(request, str(e))
            return redirect("privacy:verzoek", uuid=uuid)
        else:
            messages.success(request, "De werkaantekening wordt niet verstrekt; de reden staat "
                             "in het overzicht.")  # fmt: skip
            return redirect("privacy:verzoek", uuid=uuid)
    return _verzoek(request, uuid, afweging=(pk, form), status=400)


@require_POST
@pagina
def verstrekken(request, uuid, pk):
    """R-PR-2a: withdraw the decision; the note is in the next export again."""
    _beslisser(request, uuid)
    try:
        services.verstrek_aantekening(request.actor, uuid, pk)
    except Conflict as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "De werkaantekening wordt weer verstrekt.")
    return redirect("privacy:verzoek", uuid=uuid)


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
