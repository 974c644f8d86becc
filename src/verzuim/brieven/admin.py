"""Beheer (/beheer/) of an organisation's letterhead and letter templates by its
functioneel beheerder: only the organisation's own rows (another's → 404), every change
audited (audit.beheer.GeauditeerdBeheer), templates checked on save (unknown placeholder →
a Dutch error naming it and its line), and a preview with fictitious data."""

from __future__ import annotations

import io
from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.urls import path, reverse

from verzuim.audit.beheer import GeauditeerdBeheer
from verzuim.brieven import beheer, sjabloontaal
from verzuim.brieven.models import Briefhoofd, BriefSjabloon
from verzuim.brieven.opmaak import Tekst
from verzuim.brieven.soorten import SOORTEN, Ontvanger
from verzuim.brieven.talen import talen

LOGO_MAX = 512 * 1024
LOGO_SOORTEN = {"PNG": "image/png", "JPEG": "image/jpeg"}


class EigenOrganisatie(GeauditeerdBeheer):
    """Rows of the signed-in user's organisation only; the organisation is set on save.
    A superuser (operator) sees and chooses every organisation."""

    beheer_doel = "sjabloonbeheer"
    een_per_organisatie = False  # True: no second row once the organisation has one

    def has_add_permission(self, request):
        if not super().has_add_permission(request):
            return False
        return (
            not self.een_per_organisatie
            or request.user.is_superuser
            or not self.model.objects.filter(organisatie=request.user.organisatie).exists()
        )

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return (
            qs.filter(organisatie=request.user.organisatie)
            if request.user.organisatie
            else qs.none()
        )

    def get_exclude(self, request, obj=None):
        return () if request.user.is_superuser else ("organisatie",)

    def eigen_of_404(self, request, object_id):
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            raise Http404 from None
        obj = self.get_queryset(request).filter(pk=pk).first()
        if obj is None:
            raise Http404("Niet gevonden.")
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self.eigen_of_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self.eigen_of_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self.eigen_of_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        vast = None if request.user.is_superuser else request.user.organisatie
        return type(form.__name__, (form,), {"vaste_organisatie": vast})

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.organisatie = request.user.organisatie
        super().save_model(request, obj, form, change)


class OrganisatieForm(forms.ModelForm):
    vaste_organisatie = None  # set per request by EigenOrganisatie.get_form
    #: For a model with one row per organisation: the error when a second one is added.
    al_aanwezig = ""

    def clean(self):
        data = super().clean()
        org = self.organisatie()
        if (
            self.al_aanwezig
            and not self.instance.pk
            and org is not None
            and self._meta.model.objects.filter(organisatie=org).exists()
        ):
            raise forms.ValidationError(self.al_aanwezig)
        return data

    def organisatie(self):
        return (
            self.vaste_organisatie
            or self.cleaned_data.get("organisatie")
            or (self.instance.organisatie if self.instance.organisatie_id else None)
        )


class BriefhoofdForm(OrganisatieForm):
    al_aanwezig = "Uw organisatie heeft al een briefhoofd."
    logo_bestand = forms.FileField(label="Logo (PNG of JPEG, hoogstens 512 kB)", required=False)
    logo_verwijderen = forms.BooleanField(label="Logo verwijderen", required=False)

    class Meta:
        model = Briefhoofd
        fields = (
            "organisatie",
            "naam",
            "afdeling",
            "postadres",
            "bezoekadres",
            "telefoon",
            "email",
            "website",
            "ondertekenaar_naam",
            "ondertekenaar_functie",
        )

    def clean_logo_bestand(self):
        bestand = self.cleaned_data.get("logo_bestand")
        if not bestand:
            return None
        if bestand.size > LOGO_MAX:
            raise forms.ValidationError("Het logo is groter dan 512 kB.")
        from PIL import Image, UnidentifiedImageError

        inhoud = bestand.read()
        try:
            with Image.open(io.BytesIO(inhoud)) as beeld:
                beeld.verify()
                formaat = beeld.format
        except (UnidentifiedImageError, OSError, SyntaxError):
            raise forms.ValidationError("Dit bestand is geen geldige afbeelding.") from None
        if formaat not in LOGO_SOORTEN:
            raise forms.ValidationError("Alleen PNG of JPEG is toegestaan.")
        return inhoud, LOGO_SOORTEN[formaat]

    def save(self, commit=True):
        hoofd = super().save(commit=False)
        if self.cleaned_data.get("logo_verwijderen"):
            hoofd.logo, hoofd.logo_type = None, ""
        elif self.cleaned_data.get("logo_bestand"):
            hoofd.logo, hoofd.logo_type = self.cleaned_data["logo_bestand"]
        if commit:
            hoofd.save()
        return hoofd


@admin.register(Briefhoofd)
class BriefhoofdAdmin(EigenOrganisatie, admin.ModelAdmin):
    een_per_organisatie = True
    form = BriefhoofdForm
    list_display = ("naam", "organisatie", "telefoon", "email", "gewijzigd")
    readonly_fields = ("logo_aanwezig",)
    actions = None

    @admin.display(description="Huidig logo")
    def logo_aanwezig(self, obj):
        if obj is None or not obj.logo:
            return "Geen logo"
        return f"{obj.logo_type}, {len(bytes(obj.logo)) // 1024} kB"


class BriefSjabloonForm(OrganisatieForm):
    class Meta:
        model = BriefSjabloon
        fields = (
            "organisatie",
            "soort",
            "ontvanger",
            "taal",
            "onderwerp",
            "tekst",
            "ondertekenaar_naam",
            "ondertekenaar_functie",
        )
        widgets = {"tekst": forms.Textarea(attrs={"rows": 22, "cols": 90})}

    def clean(self):
        data = super().clean()
        soort = SOORTEN.get(data.get("soort") or "")
        ontvanger = data.get("ontvanger")
        if soort is None:
            return data
        if ontvanger and ontvanger not in soort.ontvangers:
            toegestaan = ", ".join(Ontvanger(o).label for o in soort.ontvangers)
            self.add_error("ontvanger", f"‘{soort.naam}’ gaat alleen naar: {toegestaan}.")
        velden = {"Onderwerp": data.get("onderwerp") or "", "Tekst": data.get("tekst") or ""}
        for fout in sjabloontaal.controleer(velden, soort.plaatshouders):
            self.add_error("onderwerp" if fout.veld == "Onderwerp" else "tekst", str(fout))
        org = self.organisatie()
        if org is not None and (
            BriefSjabloon.objects.filter(
                organisatie=org, soort=soort.code, ontvanger=ontvanger, taal=data.get("taal")
            )
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(
                "Uw organisatie heeft al een sjabloon voor deze soort brief, ontvanger en taal."
            )
        return data


def _tekst(obj) -> Tekst:
    return Tekst(obj.onderwerp, obj.tekst, obj.ondertekenaar_naam, obj.ondertekenaar_functie, True)


@admin.register(BriefSjabloon)
class BriefSjabloonAdmin(EigenOrganisatie, admin.ModelAdmin):
    form = BriefSjabloonForm
    list_display = ("soort", "ontvanger", "taal", "onderwerp", "gewijzigd")
    list_filter = ("soort", "ontvanger", "taal")
    actions = None

    class Media:
        css = {"all": ("brieven/brief.css", "brieven/voorbeeld.css")}

    def get_urls(self):
        return [
            path(
                "<path:object_id>/voorbeeld.pdf",
                self.admin_site.admin_view(self.voorbeeld_pdf),
                name="brieven_briefsjabloon_voorbeeld",
            ),
            *super().get_urls(),
        ]

    def voorbeeld_pdf(self, request, object_id):
        if not self.has_view_permission(request):
            raise Http404
        obj = self.eigen_of_404(request, object_id)
        inhoud = beheer.voorbeeld_pdf(
            obj.organisatie, obj.soort, obj.ontvanger, obj.taal, _tekst(obj)
        )
        antwoord = HttpResponse(inhoud, content_type="application/pdf")
        antwoord["Content-Disposition"] = f'inline; filename="voorbeeld-{obj.soort}.pdf"'
        return antwoord

    def get_changeform_initial_data(self, request):
        """?soort=…&ontvanger=…&taal=… fills in the shipped default text to start from."""
        initial = super().get_changeform_initial_data(request)
        soort, ontvanger = initial.get("soort"), initial.get("ontvanger")
        standaard = talen().get(initial.get("taal", "nl"))
        if standaard and (tekst := standaard.sjablonen.get((soort, ontvanger))):
            initial["onderwerp"], initial["tekst"] = tekst
        return initial

    def _plaatshouders(self, soort_code):
        soort = SOORTEN.get(soort_code)
        return [(f"{{{{ {v.naam} }}}}", v.omschrijving) for v in soort.alle_velden] if soort else []

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.eigen_of_404(request, object_id)
        organisatie = obj.organisatie
        extra = {
            "plaatshouders": self._plaatshouders(obj.soort),
            "voorbeeld_pdf_url": reverse("admin:brieven_briefsjabloon_voorbeeld", args=[obj.pk]),
        }
        # The saved text (a failed save shows the errors and the last good version).
        if not sjabloontaal.controleer(
            {"o": obj.onderwerp, "t": obj.tekst}, SOORTEN[obj.soort].plaatshouders
        ):
            extra["voorbeeld"] = beheer.voorbeeld_html(
                organisatie, obj.soort, obj.ontvanger, obj.taal, _tekst(obj)
            )
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def add_view(self, request, form_url="", extra_context=None):
        initial = self.get_changeform_initial_data(request)
        extra = {"plaatshouders": self._plaatshouders(initial.get("soort"))}
        organisatie = request.user.organisatie
        if organisatie is not None and initial.get("tekst"):
            extra["voorbeeld"] = beheer.voorbeeld_html(
                organisatie,
                initial["soort"],
                initial["ontvanger"],
                initial.get("taal", "nl"),
                Tekst(initial["onderwerp"], initial["tekst"]),
            )
        return super().add_view(request, form_url, {**extra, **(extra_context or {})})

    def changelist_view(self, request, extra_context=None):
        """Also the kinds still on the shipped default, each with a link to adapt it."""
        eigen = set(self.get_queryset(request).values_list("soort", "ontvanger", "taal"))
        toevoegen = reverse("admin:brieven_briefsjabloon_add")
        standaard = [
            {
                "soort": SOORTEN[soort].naam,
                "ontvanger": Ontvanger(ontvanger).label,
                "taal": t.naam,
                "url": f"{toevoegen}?"
                + urlencode({"soort": soort, "ontvanger": ontvanger, "taal": t.code}),
            }
            for t in talen().values()
            for (soort, ontvanger) in t.sjablonen
            if (soort, ontvanger, t.code) not in eigen
        ]
        return super().changelist_view(
            request, {"standaardsjablonen": standaard, **(extra_context or {})}
        )
