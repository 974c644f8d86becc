"""Web forms of the dossier pages: they parse what a person types (dates dd-mm-jjjj); every
domain check is the service's, whose errors `toon_fouten` puts next to the field."""

from __future__ import annotations

from django import forms

from verzuim.dossiers.models import HANDMATIGE_AANLEIDINGEN, Aanleiding, MetWie
from verzuim.meldingen.forms import DatumVeld, NlForm, TekstVeld
from verzuim.rules import mas
from verzuim.rules.statussen import afsluitredenen_voor


def _tekst(label: str, *, verplicht: bool = False, rijen: int = 3) -> TekstVeld:
    return TekstVeld(label=label, required=verplicht, widget=forms.Textarea(attrs={"rows": rijen}))


class ActiviteitForm(NlForm):
    prefix = "activiteit"
    NAMEN = {"soort": "een soort activiteit", "met_wie": "met wie"}

    soort = forms.ChoiceField(label="Soort activiteit")
    datum = DatumVeld(label="Datum")
    met_wie = forms.MultipleChoiceField(
        label="Met wie", required=False, choices=MetWie.choices, widget=forms.CheckboxSelectMultiple
    )
    tekst = _tekst("Verslag of toelichting", rijen=5)
    bijzonder = forms.BooleanField(
        label="Bevat bijzondere persoonsgegevens (gezondheid, strafrechtelijk)", required=False
    )
    vervolgdatum = DatumVeld(
        label="Volgende actiedatum",
        required=False,
        help_text="Bij afspraken standaard enkele weken na de datum.",
    )

    def __init__(self, *args, soorten=(), bijzonder=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "Kies…"), *((s.code, s.label) for s in soorten)]
        if not bijzonder:
            del self.fields["bijzonder"]

    def veld_voor(self, naam: str):
        return {"metWie": "met_wie"}.get(naam, naam if naam in self.fields else None), ""


class FaseForm(NlForm):
    prefix = "fase"
    NAMEN = {"fase": "de nieuwe fase"}

    fase = forms.ChoiceField(label="Naar fase")
    bevindingen = _tekst("Wat deze fase heeft gevonden", verplicht=True)
    besluit = _tekst("Wat is besloten", verplicht=True)

    def __init__(self, *args, huidig: str = "waarnemen", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fase"].choices = [(f, mas.FASE_LABELS[f]) for f in mas.volgende_fasen(huidig)]


class VervolgForm(NlForm):
    prefix = "vervolg"
    NAMEN = {"datum": "de volgende actiedatum"}

    datum = DatumVeld(label="Volgende actiedatum", required=False)
    omschrijving = forms.CharField(label="Wat dan", required=False, max_length=200)


class AfsluitenForm(NlForm):
    prefix = "afsluiten"
    NAMEN = {"afsluitreden": "een afsluitreden"}

    afsluitreden = forms.ChoiceField(label="Afsluitreden")
    toelichting = _tekst("Toelichting")

    def __init__(self, *args, boa: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afsluitreden"].choices = [("", "Kies…"), *afsluitredenen_voor(boa).items()]


class HeropenenForm(NlForm):
    prefix = "heropenen"
    NAMEN = {"reden": "de reden"}

    reden = _tekst("Reden van heropenen", verplicht=True)


class WerkaantekeningForm(NlForm):
    prefix = "werkaantekening"
    NAMEN = {"tekst": "de aantekening"}

    tekst = _tekst("Nieuwe werkaantekening", verplicht=True)


class VerzoekForm(NlForm):
    prefix = "verzoek"
    NAMEN = {"melding": "een melding"}

    melding = forms.ChoiceField(label="Melding (school)")
    toelichting = _tekst("Toelichting voor de school")

    def __init__(self, *args, meldingen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].choices = [
            (str(m.uuid), f"{m.meldingsnummer} ({m.instelling.naam})") for m in meldingen
        ]


class ToewijzenForm(NlForm):
    prefix = "toewijzen"
    behandelaar = forms.ChoiceField(label="Behandelaar", required=False)

    def __init__(self, *args, collegas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].choices = [
            ("", "Niemand"),
            *((str(g.pk), g.get_full_name() or g.username) for g in collegas),
        ]


class OpenenForm(NlForm):
    prefix = "openen"
    NAMEN = {"aanleiding": "een aanleiding"}

    aanleiding = forms.ChoiceField(
        label="Aanleiding",
        choices=[("", "Kies…"), *((a, Aanleiding(a).label) for a in HANDMATIGE_AANLEIDINGEN)],
    )
    toelichting = _tekst("Toelichting", verplicht=True)


class AntwoordForm(NlForm):
    """The school's answer to a verzuimoverzicht request (R-CW-3)."""

    prefix = "antwoord"
    antwoord = _tekst("Verzuimoverzicht (tekst)", rijen=6)
    bestand = forms.FileField(
        label="Of een bestand (PDF, CSV, XLSX, TXT, PNG, JPG)", required=False
    )
