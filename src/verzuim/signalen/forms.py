"""Forms of the signal pages: the leerplichtigen filters and search (posted, so that names,
birth dates and addresses never end up in a URL or a server log)."""

from __future__ import annotations

from django import forms

from verzuim import clock
from verzuim.meldingen.forms import DatumVeld, NlForm
from verzuim.signalen.leerplichtigen import Filters

STATUS_KEUZES = [
    ("", "Doelgroep (standaard)"),
    ("leerplichtig", "Leerplichtig"),
    ("kwalificatieplichtig", "Kwalificatieplichtig"),
    ("18-plus", "18-plus (RMC)"),
    ("vrijgesteld", "Vrijgesteld"),
]


class LeerplichtigenForm(NlForm):
    peildatum = DatumVeld(
        label="Peildatum", required=False, help_text="dd-mm-jjjj; leeg is vandaag."
    )
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_KEUZES)
    leeftijd_van = forms.IntegerField(
        label="Leeftijd vanaf", required=False, min_value=0, max_value=30
    )
    leeftijd_tot = forms.IntegerField(
        label="Leeftijd tot en met", required=False, min_value=0, max_value=30
    )
    school = forms.RegexField(
        label="School",
        required=False,
        regex=r"^[0-9]{2}[A-Za-z]{2}([0-9]{2})?$",
        help_text="BRIN (25PL) of vestigingscode (25PL00).",
        error_messages={"invalid": "Vul een BRIN (25PL) of vestigingscode (25PL00) in."},
    )
    zonder_school = forms.BooleanField(label="Alleen zonder school", required=False)
    naam = forms.CharField(label="Naam", required=False, max_length=100)
    geboortedatum = DatumVeld(label="Geboortedatum", required=False)
    adres = forms.CharField(
        label="Adres", required=False, max_length=100, help_text="Postcode of straat."
    )

    def clean(self):
        data = super().clean()
        van, tot = data.get("leeftijd_van"), data.get("leeftijd_tot")
        if van is not None and tot is not None and tot < van:
            self.add_error("leeftijd_tot", "Ligt onder de leeftijd vanaf.")
        return data

    def filters(self) -> Filters:
        d = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return Filters(
            peildatum=d.get("peildatum") or clock.today(),
            status=d.get("status") or "",
            leeftijd_van=d.get("leeftijd_van"),
            leeftijd_tot=d.get("leeftijd_tot"),
            school=d.get("school") or "",
            zonder_school=bool(d.get("zonder_school")),
            naam=(d.get("naam") or "").strip(),
            geboortedatum=d.get("geboortedatum"),
            adres=(d.get("adres") or "").strip(),
        )
