from django import forms
from stdnum.nl import bsn, onderwijsnummer

DATUM = {
    "input_formats": ["%d-%m-%Y"],
    "help_text": "dd-mm-jjjj",
    "error_messages": {"invalid": "Vul een datum in als dd-mm-jjjj, bijvoorbeeld 01-09-2026."},
}


class AuditZoekForm(forms.Form):
    """Search filters for the audit log (R-PR-1). Sent by POST, so a BSN never ends up in a URL,
    a browser history or a server log."""

    persoon = forms.CharField(
        label="BSN of onderwijsnummer",
        required=False,
        max_length=12,
        help_text="9 cijfers; alle inzage en wijzigingen over deze persoon.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    actor = forms.CharField(
        label="Gebruiker of applicatie",
        required=False,
        max_length=200,
        help_text="Gebruikersnaam, api:<naam> of systeem; deel van de naam mag.",
    )
    organisatie = forms.CharField(
        label="Organisatiecode",
        required=False,
        max_length=20,
        help_text="Bijvoorbeeld GM0363 of een BRIN-code.",
    )
    actie = forms.CharField(
        label="Actie",
        required=False,
        max_length=60,
        help_text="Bijvoorbeeld persoon.lezen; het begin mag.",
    )
    van = forms.DateField(label="Vanaf", required=False, **DATUM)
    tot = forms.DateField(label="Tot en met", required=False, **DATUM)
    pagina = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean_persoon(self):
        waarde = "".join(self.cleaned_data["persoon"].split())
        if waarde and not (bsn.is_valid(waarde) or onderwijsnummer.is_valid(waarde)):
            raise forms.ValidationError("Dit is geen geldig BSN of onderwijsnummer.")
        return waarde

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data
