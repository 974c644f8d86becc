"""Web forms of the meldingen pages. They only parse what a person types (dates dd-mm-jjjj,
decimal commas) into the API's shape; every domain check is the service's (R-ME-1..3,
R-RT-5/6), whose errors `toon_fouten` puts next to the right field."""

from __future__ import annotations

import datetime as dt
import re

from django import forms

from verzuim.meldingen.codes import Status, Verzuimsoort
from verzuim.rules import statussen as regels

DATUM_FORMAAT = "%d-%m-%Y"


class DatumVeld(forms.DateField):
    """A date typed as dd-mm-jjjj (the UI's format, conventions.md)."""

    widget = forms.DateInput(format=DATUM_FORMAAT, attrs={"placeholder": "dd-mm-jjjj"})

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [DATUM_FORMAAT])
        kwargs.setdefault("error_messages", {"invalid": "Vul een datum in als dd-mm-jjjj."})
        super().__init__(**kwargs)


#: " (R-ME-2)" at the end of a service's reason, for developers reading the API.
REGELVERWIJZING = re.compile(r"\s*\((?:R-[A-Z]{2,3}-\d+[a-z]?(?:, )?)+\)")


class NlForm(forms.Form):
    """Base of the meldingen forms; rendered field by field with `web/_veld.html` (its
    `invoer` filter adds the NL Design System classes and aria links)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def veld_voor(self, naam: str) -> tuple[str | None, str]:
        """API error name → (form field, message prefix); unknown names go above the form."""
        return (naam if naam in self.fields else None), ""

    def toon_fouten(self, fouten: list[dict]) -> None:
        """Put the service's errors ({"name", "reason"}, dotted API names) on the fields,
        without the rule ids the API reasons carry (pages show no rule ids)."""
        for fout in fouten:
            veld, prefix = self.veld_voor(fout["name"])
            reden = REGELVERWIJZING.sub("", fout["reason"])
            self.add_error(veld if veld in self.fields else None, prefix + reden)


def _snake(naam: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", naam).lower()


class MeldingForm(NlForm):
    """R-ME-1: the melding a school reports. `vestigingen` are the school's own."""

    burgerservicenummer = forms.CharField(
        label="Burgerservicenummer (BSN)",
        required=False,
        max_length=9,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    onderwijsnummer = forms.CharField(
        label="Onderwijsnummer",
        required=False,
        max_length=9,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    postcode = forms.CharField(label="Postcode", required=False, max_length=7)
    huisnummer = forms.CharField(label="Huisnummer", required=False, max_length=15)
    gemeente = forms.ChoiceField(label="Woongemeente", required=False)
    vestiging = forms.ChoiceField(label="Vestiging")
    verzuimsoort = forms.ChoiceField(
        label="Verzuimsoort", choices=[("", "Kies…"), *Verzuimsoort.choices]
    )
    begindatum = DatumVeld(label="Begindatum")
    einddatum = DatumVeld(
        label="Einddatum",
        required=False,
        help_text="Verplicht bij 16 uur, langdurig en 18-plus verzuim.",
    )
    verzuimde_uren = forms.DecimalField(
        label="Verzuimde uren",
        required=False,
        min_value=0,
        max_value=9999,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    te_laat_keren = forms.IntegerField(
        label="Aantal keren te laat",
        required=False,
        min_value=0,
        max_value=9999,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    verzuimdagen = forms.CharField(
        label="Verzuimdagen",
        required=False,
        help_text="Eén dag per regel: dd-mm-jjjj, eventueel gevolgd door het aantal uren "
        "(bijvoorbeeld 07-09-2026 5,5).",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    vermoedelijke_reden = forms.CharField(
        label="Vermoedelijke reden", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    ondernomen_actie = forms.CharField(
        label="Wat heeft de school al gedaan?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    gewenste_actie = forms.CharField(
        label="Wat vraagt de school van de leerplichtambtenaar?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_naam = forms.CharField(label="Naam", required=False, max_length=200)
    contact_functie = forms.CharField(label="Functie", required=False, max_length=200)
    contact_email = forms.EmailField(label="E-mailadres", required=False, max_length=200)
    contact_telefoon = forms.CharField(label="Telefoonnummer", required=False, max_length=200)

    LEERLING_VELDEN = ("burgerservicenummer", "onderwijsnummer")
    ADRES_VELDEN = ("postcode", "huisnummer", "gemeente")
    CONTACT_VELDEN = ("naam", "functie", "email", "telefoon")

    def __init__(self, *args, vestigingen=(), gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        vestigingen = list(vestigingen)
        self.fields["vestiging"].choices = [(v.code, f"{v.naam} ({v.code})") for v in vestigingen]
        if len(vestigingen) != 1:
            self.fields["vestiging"].choices.insert(0, ("", "Kies…"))
        self.fields["gemeente"].choices = [("", "Onbekend"), *((g.code, g.naam) for g in gemeenten)]

    def clean_verzuimdagen(self) -> list[dict]:
        dagen, fouten = [], []
        for nr, regel in enumerate(self.cleaned_data["verzuimdagen"].splitlines(), start=1):
            delen = regel.split()
            if not delen:
                continue
            try:
                datum = dt.datetime.strptime(delen[0], DATUM_FORMAAT).date()
                uren = float(delen[1].replace(",", ".")) if len(delen) > 1 else None
                if len(delen) > 2:
                    raise ValueError
            except ValueError:
                fouten.append(f"Regel {nr}: schrijf dd-mm-jjjj, eventueel gevolgd door uren.")
                continue
            dagen.append(
                {"datum": datum.isoformat(), **({"uren": uren} if uren is not None else {})}
            )
        if fouten:
            raise forms.ValidationError(fouten)
        return dagen

    def naar_api(self) -> dict:
        """The cleaned form in the shape of POST /api/v1/meldingen (api-contract.md)."""
        c = self.cleaned_data
        leerling = {k: c[k] for k in self.LEERLING_VELDEN if c.get(k)}
        adres = {k: c[k] for k in self.ADRES_VELDEN if c.get(k)}
        if adres:
            leerling["adres"] = adres
        data = {
            "leerling": leerling,
            "vestiging": c["vestiging"],
            "verzuimsoort": c["verzuimsoort"],
            "begindatum": c["begindatum"].isoformat(),
            "einddatum": c["einddatum"].isoformat() if c.get("einddatum") else None,
            "verzuimdeUren": float(c["verzuimde_uren"])
            if c.get("verzuimde_uren") is not None
            else None,
            "teLaatKeren": c.get("te_laat_keren"),
            "verzuimdagen": c.get("verzuimdagen") or [],
            "vermoedelijkeReden": c.get("vermoedelijke_reden", ""),
            "ondernomenActie": c.get("ondernomen_actie", ""),
            "gewensteActie": c.get("gewenste_actie", ""),
            "contactpersoon": {
                k: c[f"contact_{k}"] for k in self.CONTACT_VELDEN if c.get(f"contact_{k}")
            },
        }
        return {k: v for k, v in data.items() if v is not None}

    def veld_voor(self, naam: str) -> tuple[str | None, str]:
        """API error name → (form field, message prefix)."""
        delen = naam.split(".")
        if delen[0] == "leerling":
            if len(delen) == 1:
                heeft_bsn = (
                    self.cleaned_data.get("burgerservicenummer")
                    if hasattr(self, "cleaned_data")
                    else True
                )
                return ("burgerservicenummer" if heeft_bsn else "onderwijsnummer"), ""
            return delen[-1], ""
        if delen[0] == "verzuimdagen":
            regel = f"Regel {int(delen[1]) + 1}: " if len(delen) > 1 and delen[1].isdigit() else ""
            return "verzuimdagen", regel
        if delen[0] == "contactpersoon" and len(delen) > 1:
            return f"contact_{delen[1]}", ""
        return _snake(delen[0]), ""


class StatusForm(NlForm):
    """R-RT-6: only the statuses the table lets the receiving party move to from here;
    afsluitredenen (R-CW-11) only for `afgesloten`."""

    status = forms.ChoiceField(label="Nieuwe status")
    reden = forms.ChoiceField(label="Reden van afsluiten", required=False)
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, overgangen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Status(s).label) for s in overgangen]
        if Status.AFGESLOTEN in overgangen:
            self.fields["reden"].choices = [
                ("", "Geen reden"),
                *sorted(regels.AFSLUITREDENEN.items(), key=lambda x: x[1]),
            ]
            self.fields["reden"].help_text = "Alleen bij afgesloten."
        else:
            del self.fields["reden"]

    def clean(self):
        c = super().clean()
        c.setdefault("reden", "")
        return c


class IntrekkenForm(NlForm):
    """R-RT-6: the reporting school withdraws its melding, always with a reason code."""

    reden = forms.ChoiceField(label="Reden van intrekken")
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = sorted(regels.INTREKKINGSREDENEN_PER_ACTOR["school"])
        self.fields["reden"].choices = [
            ("", "Kies…"),
            *((c, regels.INTREKKINGSREDENEN[c]) for c in codes),
        ]


class DoorsturenForm(NlForm):
    """R-RT-5: forward to another gemeente."""

    gemeente = forms.ChoiceField(label="Naar gemeente")
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [
            ("", "Kies…"),
            *((g.code, f"{g.naam} ({g.code})") for g in gemeenten),
        ]


class ToewijzenForm(NlForm):
    """Assign to a colleague of the same organisation."""

    behandelaar = forms.ChoiceField(label="Behandelaar", required=False)

    def __init__(self, *args, collegas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].choices = [
            ("", "Niemand"),
            *((str(g.pk), g.get_full_name() or g.username) for g in collegas),
        ]


class InboxFilterForm(NlForm):
    """Filters of the inbox and the school list; all optional, bad input is ignored."""

    verzuimsoort = forms.ChoiceField(
        label="Verzuimsoort", required=False, choices=[("", "Alle"), *Verzuimsoort.choices]
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Alle"), *Status.choices]
    )
    vestiging = forms.ChoiceField(label="Vestiging", required=False)
    vanaf = DatumVeld(label="Ontvangen vanaf", required=False)
    tot = DatumVeld(label="Ontvangen tot en met", required=False)

    def __init__(self, *args, vestigingen=(), statussen=(*Status.values,), **kwargs):
        """`statussen`: the statuses the folder can hold; None drops the status filter
        (the folder "Nieuw" holds only geregistreerd)."""
        super().__init__(*args, **kwargs)
        self.fields["vestiging"].choices = [
            ("", "Alle"),
            *((v.code, f"{v.naam} ({v.code})") for v in vestigingen),
        ]
        if statussen is None:
            del self.fields["status"]
        else:
            self.fields["status"].choices = [
                ("", "Alle"),
                *((s, Status(s).label) for s in statussen),
            ]
