"""The letter page of a dossier (issue 9 §8): the LPA chooses the kind, recipient and
language (step 1, a GET), fills in what the letter needs (prefilled from the dossier), sees
a preview (POST `brief_voorbeeld`) and sends it (POST `brief_versturen`): the PDF is stored
with the dossier and on its timeline. Thin shells over `dossiers.brieven`; another
organisation's dossier is a 404 (R-PR-1), errors are shown next to the fields."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from verzuim.brieven.soorten import SOORTEN, Ontvanger, Waarde
from verzuim.brieven.talen import keuzes as taalkeuzes
from verzuim.dossiers import brieven, queries
from verzuim.dossiers.fouten import DossierGesloten, GeenToegang, Ongeldig
from verzuim.dossiers.views import dossier_pagina
from verzuim.meldingen.forms import DatumVeld, NlForm, TekstVeld

#: The placeholders a person types (or corrects), in form order: every kind's own, less
#: what the BRP gives; the field name is the placeholder with "_" for ".".
INVOER = []
for _s in SOORTEN.values():
    for _v in _s.velden:
        if _v.naam not in brieven.UIT_BRP and _v.naam not in {v.naam for v in INVOER}:
            INVOER.append(_v)


def veldnaam(plaatshouder: str) -> str:
    return plaatshouder.replace(".", "_")


def _veld(v) -> forms.Field:
    label = v.omschrijving[:1].upper() + v.omschrijving[1:]
    if v.soort == Waarde.DATUM:
        return DatumVeld(label=label, required=False)
    if v.soort == Waarde.TIJD:
        return forms.TimeField(
            label=label,
            required=False,
            input_formats=["%H:%M", "%H.%M"],
            widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "uu:mm"}),
            error_messages={"invalid": "Vul een tijd in als uu:mm."},
        )
    if v.soort == Waarde.MEERREGELIG:
        return TekstVeld(label=label, required=False, widget=forms.Textarea(attrs={"rows": 5}))
    return TekstVeld(label=label, required=False, max_length=500)


class KeuzeForm(NlForm):
    """Step 1: which letter, to whom, in which language."""

    NAMEN = {"soort": "een soort brief", "ontvanger": "een ontvanger", "taal": "een taal"}

    soort = forms.ChoiceField(label="Soort brief")
    ontvanger = forms.ChoiceField(label="Aan", choices=Ontvanger.choices)
    taal = forms.ChoiceField(label="Taal van de brief", initial="nl")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "Kies…")] + [
            (s.code, s.naam) for s in SOORTEN.values()
        ]
        self.fields["ontvanger"].choices = [("", "Kies…"), *Ontvanger.choices]
        self.fields["taal"].choices = taalkeuzes()

    def clean(self):
        c = super().clean()
        s = SOORTEN.get(c.get("soort") or "")
        if s and c.get("ontvanger") and c["ontvanger"] not in s.ontvangers:
            toegestaan = ", ".join(Ontvanger(o).label.lower() for o in s.ontvangers)
            self.add_error("ontvanger", f"De brief ‘{s.naam}’ gaat alleen naar: {toegestaan}.")
        return c


class BriefForm(KeuzeForm):
    """Step 2: the kind's own placeholders (the kind, recipient and language hidden)."""

    via_school = forms.BooleanField(
        label="Via de school meegeven (niet bij een geheim adres)", required=False
    )

    def __init__(self, *args, soort: str = "", ontvanger: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("soort", "ontvanger", "taal"):
            self.fields[naam].widget = forms.HiddenInput()
        s = SOORTEN.get(soort)
        eigen = {v.naam for v in s.velden} if s else set()
        for v in INVOER:
            if v.naam in eigen:
                self.fields[veldnaam(v.naam)] = _veld(v)
        if ontvanger == Ontvanger.SCHOOL:
            del self.fields["via_school"]

    def gegevens(self) -> dict:
        """Every field of the kind as the person left it: a prefilled value they cleared
        goes as "" (cleared), so the dossier's default does not silently come back."""
        c = self.cleaned_data
        return {
            v.naam: c.get(veldnaam(v.naam)) or "" for v in INVOER if veldnaam(v.naam) in self.fields
        }

    def brief(self) -> tuple:
        """(soort, ontvanger, taal, gegevens, via_school) for dossiers.brieven."""
        c = self.cleaned_data
        return c["soort"], c["ontvanger"], c["taal"], self.gegevens(), c.get("via_school", False)

    def veld_voor(self, naam: str):
        if naam.startswith("gegevens."):
            veld = veldnaam(naam.removeprefix("gegevens."))
            return (veld if veld in self.fields else None), ""
        return ("via_school" if naam == "viaSchool" else None), ""

    @property
    def zichtbaar(self):
        return [v for v in self if not v.is_hidden]


def _pagina(request, dossier, *, keuze=None, form=None, voorbeeld=None, fout="", status=200):
    gekozen = {}
    if form is not None:
        bron = form.cleaned_data if form.is_bound and hasattr(form, "cleaned_data") else {}
        waarden = {n: bron.get(n) or form.data.get(n) or form.initial.get(n) for n in
                   ("soort", "ontvanger", "taal")}  # fmt: skip
        if waarden["soort"] in SOORTEN and waarden["ontvanger"] in Ontvanger.values:
            gekozen = {
                "soort": SOORTEN[waarden["soort"]].naam,
                "ontvanger": Ontvanger(waarden["ontvanger"]).label,
                "taal": dict(taalkeuzes()).get(waarden["taal"], waarden["taal"]),
                "url": reverse("dossiers:brief", kwargs={"uuid": dossier.uuid})
                + "?"
                + urlencode({**waarden, "kies": "1"}),
            }
    return render(
        request,
        "dossiers/brief.html",
        {
            "dossier": dossier,
            "keuze": keuze,
            "form": form,
            "gekozen": gekozen,
            "voorbeeld": voorbeeld,
            "fout": fout,
            "terug": reverse("dossiers:detail", kwargs={"uuid": dossier.uuid}),
        },
        status=status,
    )


@require_GET
@dossier_pagina
def brief(request, uuid):
    """Step 1 (no kind chosen or an invalid choice) or step 2 with the dossier's values."""
    actor = request.actor
    dossier = queries.dossier_voor(actor, uuid)
    if not dossier.is_open:
        return _pagina(request, dossier)
    if "kies" in request.GET:  # back to step 1 with the earlier choice
        return _pagina(request, dossier, keuze=KeuzeForm(initial=request.GET.dict()))
    keuze = KeuzeForm(request.GET if "soort" in request.GET else None)
    if not keuze.is_bound or not keuze.is_valid():
        return _pagina(request, dossier, keuze=keuze, status=400 if keuze.is_bound else 200)
    c = keuze.cleaned_data
    form = BriefForm(soort=c["soort"], ontvanger=c["ontvanger"], initial=dict(c))
    fout = ""
    try:
        opties = brieven.brief_opties(actor, dossier, c["taal"])
    except Ongeldig as e:
        fout = " ".join(f["reason"] for f in e.fouten)
    else:
        for naam, waarde in opties.standaard.items():
            if veldnaam(naam) in form.fields:
                form.initial[veldnaam(naam)] = waarde
    return _pagina(request, dossier, form=form, fout=fout)


def _post(request, uuid, uitvoeren):
    actor = request.actor
    dossier = queries.dossier_voor(actor, uuid)
    form = BriefForm(
        request.POST, soort=request.POST.get("soort", ""), ontvanger=request.POST.get("ontvanger")
    )
    if form.is_valid():
        c = form.cleaned_data
        try:
            return uitvoeren(actor, dossier, form, c)
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        except (GeenToegang, DossierGesloten) as e:
            form.add_error(None, str(e))
    return _pagina(request, dossier, form=form, status=400)


@dossier_pagina
@require_POST
def brief_voorbeeld(request, uuid):
    def uitvoeren(actor, dossier, form, c):
        onderwerp, html = brieven.bekijk_brief(actor, dossier, *form.brief())
        return _pagina(
            request, dossier, form=form, voorbeeld={"onderwerp": onderwerp, "html": html}
        )

    return _post(request, uuid, uitvoeren)


@dossier_pagina
@require_POST
def brief_versturen(request, uuid):
    def uitvoeren(actor, dossier, form, c):
        doc = brieven.verstuur_brief(actor, dossier, *form.brief())
        messages.success(
            request, f"De brief ‘{SOORTEN[c['soort']].naam}’ is gemaakt (kenmerk {doc.kenmerk})."
        )
        return redirect(f"{reverse('dossiers:detail', kwargs={'uuid': dossier.uuid})}#brieven")

    return _post(request, uuid, uitvoeren)
