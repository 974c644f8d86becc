"""Beheer (/beheer/) of the casework settings: an organisation's own follow-up period
(R-CW-4) by its functioneel beheerder, and the gemeenten's SVB agreements (R-CW-8) by the
registerbeheerder. Only the organisation's own settings row (another's → 404); every change
audited; the SVB agreement is written through its service (`handhaving.zet_svb_afspraak`)."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from verzuim.audit.beheer import DOEL
from verzuim.audit.context import actor_for_user
from verzuim.brieven.admin import EigenOrganisatie, OrganisatieForm
from verzuim.dossiers import handhaving
from verzuim.dossiers.models import DossierInstelling, SvbAfspraak
from verzuim.rules import mas


class DossierInstellingForm(OrganisatieForm):
    al_aanwezig = "Uw organisatie heeft al dossierinstellingen."

    class Meta:
        model = DossierInstelling
        fields = ("organisatie", "vervolg_weken")
        labels = {"vervolg_weken": "Weken tot de volgende actie na afspraken"}
        help_texts = {
            "vervolg_weken": (
                "Na het vastleggen van afspraken stelt het dossier de volgende actiedatum "
                f"zoveel weken later voor (standaard {mas.STANDAARD_VERVOLG_WEKEN})."
            )
        }

    def clean_vervolg_weken(self):
        weken = self.cleaned_data["vervolg_weken"]
        if not mas.VERVOLG_WEKEN_MIN <= weken <= mas.VERVOLG_WEKEN_MAX:
            raise forms.ValidationError(
                f"Weken tot de volgende actie: kies {mas.VERVOLG_WEKEN_MIN} tot en met "
                f"{mas.VERVOLG_WEKEN_MAX} weken."
            )
        return weken


@admin.register(DossierInstelling)
class DossierInstellingAdmin(EigenOrganisatie, admin.ModelAdmin):
    form = DossierInstellingForm
    list_display = ("organisatie", "vervolg_weken")
    actions = None
    beheer_doel = DOEL  # configuration beheer, not the letter templates
    een_per_organisatie = True


class SvbAfspraakForm(forms.ModelForm):
    class Meta:
        model = SvbAfspraak
        fields = ("gemeente", "sinds")
        labels = {"sinds": "Afspraak met de SVB sinds"}
        help_texts = {
            "sinds": "Vanaf deze datum kan de leerplichtambtenaar de kinderbijslag laten "
            "stopzetten (16 en 17 jaar, ouders verwijtbaar)."
        }


@admin.register(SvbAfspraak)
class SvbAfspraakAdmin(admin.ModelAdmin):
    """Saving and deleting go through the service, which checks the role and audits."""

    form = SvbAfspraakForm
    list_display = ("gemeente", "sinds")
    search_fields = ("gemeente__naam", "gemeente__code")
    autocomplete_fields = ()
    actions = None

    def save_model(self, request, obj, form, change):
        actor = actor_for_user(request.user, request)
        if change and "gemeente" in form.changed_data:
            vorige = SvbAfspraak.objects.get(pk=obj.pk).gemeente
            handhaving.zet_svb_afspraak(actor, vorige, None)
            obj.pk = None
        opgeslagen = handhaving.zet_svb_afspraak(actor, obj.gemeente, obj.sinds)
        obj.pk = opgeslagen.pk

    def delete_model(self, request, obj):
        handhaving.zet_svb_afspraak(actor_for_user(request.user, request), obj.gemeente, None)
