"""The school's side of the verzuimoverzicht request on its melding page (issue 9 §3,
R-CW-3): a section of `meldingen.schoolsecties` lists the requests addressed to the school
about this melding (who asked, when, the note, open / answered / lapsed) with the form to
answer the open one — a text and/or a file (PDF, CSV, XLSX, TXT, PNG, JPG, at most 5 MB) —
and `antwoord` takes the POST through `verzuimoverzicht.beantwoord_verzuimoverzicht`, the
same service as the API. Another school's request is a 404 (R-PR-1); errors are shown next
to their field on the melding page again."""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from verzuim.accounts.models import Rol
from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers import verzuimoverzicht as vo
from verzuim.dossiers.forms import AntwoordForm
from verzuim.dossiers.fouten import GeenToegang, NietGevonden, Ongeldig
from verzuim.meldingen.views import school_detail, school_pagina
from verzuim.organisaties.models import OrganisatieSoort

SLEUTEL = "verzuimoverzicht"
#: The marker on the school's list of meldingen (meldingen.schoolmarkeringen): its folder
#: ?map= value and label.
MARKERING = ("verzuimoverzicht", "Verzuimoverzicht gevraagd")
#: The extensions the service's file types have (a browser may send a CSV as
#: application/vnd.ms-excel or a file as application/octet-stream: the name decides then).
EXTENSIES = {ext: type for type, ext in vo.BESTANDSTYPEN.items()} | {".jpeg": "image/jpeg"}


def verzoeken_sectie(actor: Actor, melding, invoer: dict) -> dict | None:
    """For `meldingen.schoolsecties`: the requests about this melding addressed to the
    actor's school, newest first; None when there are none (or the actor is no school).
    The read names the pupil in the audit log (`verzuimoverzicht.lijst`)."""
    if actor.soort != "gebruiker" or not actor.heeft_rol(Rol.SCHOOLMEDEWERKER):
        return None
    verzoeken = list(queries.verzoeken_aan_school(actor).filter(melding=melding))
    if not verzoeken:
        return None
    verzoeken = vo.lees_verzoeken_aan_school(actor, verzoeken)
    return {
        "template": "dossiers/_school_verzoeken.html",
        "verzoeken": verzoeken,
        "form": invoer.get(SLEUTEL) or AntwoordForm(),
    }


def open_verzoek(actor: Actor):
    """For `meldingen.schoolmarkeringen`: the meldingen with an open request (not answered,
    not lapsed) addressed to the actor's school, as an Exists subquery on the melding row;
    None for anyone but a school's medewerker (R-PR-1: a school sees only its own)."""
    org = actor.organisatie
    if org is None or org.soort != OrganisatieSoort.SCHOOL:
        return None
    if actor.soort == "gebruiker" and not actor.heeft_rol(Rol.SCHOOLMEDEWERKER):
        return None
    return Exists(
        queries.verzoeken_aan_school(actor).filter(
            melding=OuterRef("pk"), beantwoord__isnull=True, vervallen__isnull=True
        )
    )


def _bestand(upload) -> vo.Bestand | None:
    """The upload as the service takes it. At most one byte more than the limit is read,
    so that the service refuses a larger file without it being held in memory."""
    if upload is None:
        return None
    naam = PurePath(upload.name or "").name
    soort = upload.content_type or ""
    if soort not in vo.BESTANDSTYPEN:
        ext = PurePath(naam).suffix.lower()
        soort = EXTENSIES.get(ext) or mimetypes.guess_type(naam)[0] or soort
    return vo.Bestand(naam=naam, type=soort, inhoud=upload.read(vo.MAX_BESTAND + 1))


@school_pagina
@require_POST
def antwoord(request, uuid):
    """POST of the answer form on the school's melding page."""
    actor = request.actor
    verzoek = queries.verzoeken_aan_school(actor).filter(uuid=uuid).first()  # else 404
    if verzoek is None:
        raise Http404("Verzoek niet gevonden.")
    form = AntwoordForm(request.POST, request.FILES)
    if form.is_valid():
        c = form.cleaned_data
        try:
            vo.beantwoord_verzuimoverzicht(
                actor, verzoek.uuid, antwoord=c["antwoord"], bestand=_bestand(c.get("bestand"))
            )
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        except NietGevonden as e:
            raise Http404(str(e)) from e
        except GeenToegang as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request,
                f"Het verzuimoverzicht is verstuurd naar {verzoek.dossier.organisatie.naam}.",
            )
            return redirect("meldingen:detail", uuid=verzoek.melding.uuid)
    return school_detail(request, verzoek.melding.uuid, sectie_invoer={SLEUTEL: form}, status=400)
