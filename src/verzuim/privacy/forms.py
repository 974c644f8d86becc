"""The inzage request form (R-PR-3). Sent by POST: the BSN never ends up in a URL."""

from django import forms

from verzuim.dossiers.models import Afweeggrond
from verzuim.privacy.models import Relatie

DATUM = {
    "input_formats": ["%d-%m-%Y"],
    "help_text": "dd-mm-jjjj",
    "error_messages": {
        "invalid": "Vul de datum van ontvangst in als dd-mm-jjjj, bijvoorbeeld 01-09-2026.",
        "required": "Vul de datum van ontvangst in.",
    },
}


class InzageverzoekForm(forms.Form):
    nummer = forms.CharField(
        label="BSN of onderwijsnummer van de leerling",
        max_length=12,
        help_text="9 cijfers.",
        error_messages={"required": "Vul het BSN of onderwijsnummer van de leerling in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    verzoeker = forms.CharField(
        label="Naam van de verzoeker",
        max_length=200,
        error_messages={"required": "Vul de naam van de verzoeker in."},
    )
    relatie = forms.ChoiceField(label="De verzoeker is", choices=Relatie.choices)
    ontvangen = forms.DateField(label="Datum van ontvangst", **DATUM)
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    toestemming_leerling = forms.BooleanField(
        label="De leerling geeft toestemming om ook de redenen en verslagen te verstrekken",
        required=False,
        help_text="Alleen nodig als een ander dan de leerling vraagt en de leerling 16 jaar of "
        "ouder is: zonder toestemming staan de redenen van het verzuim en de verslagen niet in "
        "het overzicht.",
    )

    def toon_fouten(self, fouten: list[dict]) -> None:
        """The service's errors next to their fields."""
        for f in fouten:
            self.add_error(f["name"] if f["name"] in self.fields else None, f["reason"])


class AfwegingForm(forms.Form):
    """R-PR-2a: the LPA's balancing decision to withhold one working note from the export."""

    grond = forms.ChoiceField(
        label="Grond",
        choices=[("", "Kies…"), *Afweeggrond.choices],
        error_messages={"required": "Kies de grond om de werkaantekening niet te verstrekken."},
    )
    reden = forms.CharField(
        label="Reden",
        max_length=2000,
        help_text="Deze reden staat in het inzageoverzicht: noem geen gegevens van anderen.",
        error_messages={"required": "Vul de reden in."},
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def toon_fouten(self, fouten: list[dict]) -> None:
        for f in fouten:
            self.add_error(f["name"] if f["name"] in self.fields else None, f["reason"])
