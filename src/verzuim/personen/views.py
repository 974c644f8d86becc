"""Leerling pages (issue 2): "Leerling zoeken" (BSN or onderwijsnummer in a POST form, never
in a URL) and the leerling page addressed by its UUID. Thin: scoping, need-to-know and the
audit record are in ``personen.leerlingkaart``; out of scope answers 404 (R-PR-1)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from verzuim.audit.context import actor_for_user
from verzuim.personen import leerlingkaart as lk
from verzuim.personen.models import Leerling


class ZoekForm(forms.Form):
    nummer = forms.CharField(
        label="Burgerservicenummer of onderwijsnummer",
        max_length=20,
        help_text="9 cijfers. Een onderwijsnummer begint met 10.",
        error_messages={"required": "Vul een burgerservicenummer of onderwijsnummer in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_nummer(self) -> dict[str, str]:
        sleutel = lk.sleutel_van(self.cleaned_data["nummer"])
        if sleutel is None:
            raise forms.ValidationError(
                "Dit is geen geldig burgerservicenummer (elfproef) en geen geldig onderwijsnummer."
            )
        return sleutel


def _actor(request):
    actor = actor_for_user(request.user, request)
    if not lk.mag_persoonsgegevens_zien(actor):
        raise PermissionDenied("Uw rol geeft geen toegang tot persoonsgegevens.")
    return actor


@login_required
@require_http_methods(["GET", "POST"])
def zoeken(request):
    actor = _actor(request)
    form = ZoekForm(request.POST or None)
    niet_gevonden = False
    if request.method == "POST" and form.is_valid():
        try:
            leerling = lk.zoek_leerling(actor, form.cleaned_data["nummer"])
        except Leerling.DoesNotExist:
            niet_gevonden = True
        else:
            return redirect("personen:leerling", uuid=leerling.uuid)
    return render(request, "personen/zoeken.html", {"form": form, "niet_gevonden": niet_gevonden})


@login_required
@require_http_methods(["GET"])
def leerling(request, uuid):
    try:
        actor = _actor(request)
        kaart = lk.leerlingkaart(actor, uuid)
    except (Leerling.DoesNotExist, PermissionDenied, lk.GeenToegang) as e:
        raise Http404("Leerling niet gevonden.") from e
    secties = lk.secties(actor, kaart.leerling)
    context = {
        "kaart": kaart,
        "leerling": kaart.leerling,
        "secties": secties,
        "stylesheets": list(dict.fromkeys(s["stylesheet"] for s in secties if "stylesheet" in s)),
    }
    return render(request, "personen/leerling.html", context)
