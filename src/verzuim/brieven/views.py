"""The download of a stored document (PDF). A thin shell over services.lees_document:
another organisation's document is a 404 (R-PR-1), a secret address for a role other than
the leerplichtambtenaar a 403 (R-PR-5); every download is audited."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from verzuim.audit.context import actor_for_user
from verzuim.brieven import services
from verzuim.brieven.fouten import GeenToegang, NietGevonden


@login_required
@require_GET
def download(request, uuid):
    try:
        document = services.lees_document(actor_for_user(request.user, request), uuid)
    except NietGevonden as e:
        raise Http404(str(e)) from e
    except GeenToegang as e:
        raise PermissionDenied(str(e)) from e
    antwoord = HttpResponse(bytes(document.inhoud), content_type="application/pdf")
    wijze = "attachment" if request.GET.get("opslaan") else "inline"
    antwoord["Content-Disposition"] = f'{wijze}; filename="{document.bestandsnaam}"'
    antwoord["Cache-Control"] = "private, no-store"  # person data: no copies in caches
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord
