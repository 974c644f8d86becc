"""The privacy officer's audit-log search (R-PR-1). Read-only: there is no view that changes
or deletes a record."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from verzuim.audit import queries, services
from verzuim.audit.context import actor_for_user
from verzuim.audit.forms import AuditZoekForm


@login_required
@require_http_methods(["GET", "POST"])
def zoeken(request):
    actor = actor_for_user(request.user, request)
    if not queries.mag_zoeken(actor):
        raise PermissionDenied("Alleen de privacy officer mag het auditlog doorzoeken.")
    form = AuditZoekForm(request.POST if request.method == "POST" else None)
    page = None
    if request.method == "GET" or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        page = services.zoek(actor, filters, pagina=filters.get("pagina") or 1)
    return render(request, "audit/zoeken.html", {"form": form, "page": page})
