"""Web forms of the meldingen pages. They only parse what a person types (dates dd-mm-jjjj,
decimal commas) into the API's shape; every domain check is the service's (R-ME-1..3,
R-RT-5/6), whose errors `toon_fouten` puts next to the right field."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms

from verzuim.invoer import lees_nl_datum
from verzuim.meldingen.codes import Status, Verzuimsoort
from verzuim.meldingen.invoer import MAX_TEKST
from verzuim.rules import statussen as regels
from verzuim.rules.tekst import zonder_regels

DATUM_FORMAAT = "%d-%m-%Y"


class DatumVeld(forms.DateField):
    """A date typed as dd-mm-jjjj (the UI's format, conventions.md)."""

    widget = forms.DateInput(format=DATUM_FORMAAT, attrs={"placeholder": "dd-mm-jjjj"})

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [DATUM_FORMAAT])
        kwargs.setdefault("error_messages", {"invalid": "Vul een datum in als dd-mm-jjjj."})
        super().__init__(**kwargs)


class NlForm(forms.Form):
    """Base of the meldingen forms; rendered field by field with `web/_veld.html` (its
    `invoer` filter adds the NL Design System classes and aria links), errors summarised
    above the form with links to the fields (`meldingen/_formfouten.html`)."""

    #: field → how a message names it ("de begindatum"); default: the label in lower case.
    NAMEN: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():  # Django's own texts name no field
            if isinstance(veld, forms.ChoiceField):
                veld.error_messages["required"] = f"Kies {self.naam(naam)}."
                veld.error_messages["invalid_choice"] = f"Kies {self.naam(naam)} uit de lijst."
            else:
                veld.error_messages["required"] = f"Vul {self.naam(naam)} in."

    def naam(self, veld: str) -> str:
        return self.NAMEN.get(veld) or str(self.fields[veld].label).lower()

    def veld_voor(self, naam: str) -> tuple[str | None, str]:
        """API error name → (form field, message prefix); unknown names go above the form."""
        return (naam if naam in self.fields else None), ""

    def bericht(self, veld: str | None, fout: dict) -> str:
        """The service's reason as a person reads it: without rule ids (pages show none)
        and naming the field, since the summary shows it away from the field."""
        reden = zonder_regels(fout["reason"]).strip()
        if veld is None:
            return reden
        naam = self.naam(veld)
        if fout.get("code") == "required":
            werkwoord = "Kies" if isinstance(self.fields[veld], forms.ChoiceField) else "Vul"
            eind = "" if werkwoord == "Kies" else " in"
            rest = "" if reden.rstrip(".").lower() == "verplicht veld" else f": {_klein(reden)}"
            return f"{werkwoord} {naam}{eind}{rest}".rstrip(".") + "."
        kern = naam.split(" ", 1)[-1] if naam.startswith(("de ", "het ")) else naam
        if kern.lower() in reden.lower():
            return reden
        return f"{_hoofd(kern)}: {_klein(reden)}"

    def toon_fouten(self, fouten: list[dict]) -> None:
        """Put the service's errors ({"name", "code", "reason"}, dotted API names) on the
        fields, each once."""
        for fout in fouten:
            veld, prefix = self.veld_voor(fout["name"])
            veld = veld if veld in self.fields else None
            bericht = prefix + self.bericht(veld, fout)
            if bericht not in (self.errors.get(veld or "__all__") or []):
                self.add_error(veld, bericht)

    def foutenoverzicht(self) -> list[dict]:
        """Every error in the order of the fields, for the summary: {"id", "bericht"}, with
        no id for an error that belongs to no field."""
        uit = [{"id": "", "bericht": e} for e in self.non_field_errors()]
        for veld in self:
            uit += [{"id": veld.id_for_label, "bericht": e} for e in veld.errors]
        return uit


def _klein(tekst: str) -> str:
    return tekst[:1].lower() + tekst[1:] if tekst[1:2].islower() else tekst


def _hoofd(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


class TekstVeld(forms.CharField):
    """Free text as the browser sends it, with its line breaks counted as the page's
    counter counts them (one character, not CR LF)."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


def toelichting_veld(label: str = "Toelichting") -> forms.CharField:
    """A free-text field with a visible character counter (web/static/web/teller.js) and no
    HTML maxlength, which would cut pasted text silently: the service names the limit."""
    return TekstVeld(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "data-teller": str(MAX_TEKST)}),
    )


def _snake(naam: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", naam).lower()


def _invoerfout(name: str, reason: str) -> dict:
    """A problem the form found in what was typed, already worded for the page."""
    return {"name": name, "code": "invalid", "reason": reason, "pagina": True}


class MeldingForm(NlForm):
    """R-ME-1: the melding a school reports, as typed. The form only turns text into the
    API's shape (`naar_api`: dates dd-mm-jjjj, decimal commas, one verzuimdag per line);
    what is required and valid is decided by `services.meld_verzuim`, the same checks as
    the API, so every problem is shown at once on the first submit."""

    burgerservicenummer = forms.CharField(
        label="Burgerservicenummer (BSN)",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    onderwijsnummer = forms.CharField(
        label="Onderwijsnummer",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    postcode = forms.CharField(label="Postcode", required=False)
    huisnummer = forms.CharField(label="Huisnummer", required=False)
    gemeente = forms.ChoiceField(label="Woongemeente", required=False)
    vestiging = forms.ChoiceField(label="Vestiging", required=False)
    verzuimsoort = forms.ChoiceField(
        label="Verzuimsoort", required=False, choices=[("", "Kies…"), *Verzuimsoort.choices]
    )
    begindatum = forms.CharField(
        label="Begindatum",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "dd-mm-jjjj", "autocomplete": "off"}),
    )
    einddatum = forms.CharField(
        label="Einddatum",
        required=False,
        help_text="Verplicht bij 16 uur, langdurig en 18-plus verzuim.",
        widget=forms.TextInput(attrs={"placeholder": "dd-mm-jjjj", "autocomplete": "off"}),
    )
    verzuimde_uren = forms.CharField(
        label="Verzuimde uren",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    te_laat_keren = forms.CharField(
        label="Aantal keren te laat",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    verzuimdagen = forms.CharField(
        label="Verzuimdagen",
        required=False,
        help_text="Eén dag per regel: dd-mm-jjjj, eventueel gevolgd door het aantal uren "
        "(bijvoorbeeld 07-09-2026 5,5).",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    vermoedelijke_reden = toelichting_veld("Vermoedelijke reden")
    ondernomen_actie = toelichting_veld("Wat heeft de school al gedaan?")
    gewenste_actie = toelichting_veld("Wat vraagt de school van de leerplichtambtenaar?")
    contact_naam = forms.CharField(label="Naam", required=False)
    contact_functie = forms.CharField(label="Functie", required=False)
    contact_email = forms.CharField(
        label="E-mailadres",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_telefoon = forms.CharField(
        label="Telefoonnummer",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    # The keuzehulp's answers (its hidden inputs, urlencoded), kept across a failed submit.
    keuzehulp = forms.CharField(required=False, widget=forms.HiddenInput)

    NAMEN = {
        "burgerservicenummer": "het burgerservicenummer",
        "onderwijsnummer": "het onderwijsnummer",
        "postcode": "de postcode",
        "huisnummer": "het huisnummer",
        "gemeente": "de woongemeente",
        "vestiging": "de vestiging",
        "verzuimsoort": "de verzuimsoort",
        "begindatum": "de begindatum",
        "einddatum": "de einddatum",
        "verzuimde_uren": "de verzuimde uren",
        "te_laat_keren": "het aantal keren te laat",
        "contact_naam": "de naam van de contactpersoon",
        "contact_email": "het e-mailadres van de contactpersoon",
    }
    ADRES_VELDEN = ("postcode", "huisnummer", "gemeente")
    CONTACT_VELDEN = ("naam", "functie", "email", "telefoon")

    def __init__(self, *args, vestigingen=(), gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        vestigingen = list(vestigingen)
        self.fields["vestiging"].choices = [(v.code, f"{v.naam} ({v.code})") for v in vestigingen]
        if len(vestigingen) != 1:
            self.fields["vestiging"].choices.insert(0, ("", "Kies…"))
        self.fields["gemeente"].choices = [("", "Onbekend"), *((g.code, g.naam) for g in gemeenten)]
        self._regels: list[int] = []  # line number of each verzuimdag passed on

    def _datum(self, veld: str, fouten: list) -> str | None:
        tekst = self.cleaned_data.get(veld, "").strip()
        if not tekst:
            return None
        datum, fout = lees_nl_datum(tekst, self.naam(veld))
        if fout:
            fouten.append(_invoerfout(veld, fout))
            return None
        return datum.isoformat()

    def _getal(self, veld: str, fouten: list, *, geheel: bool):
        tekst = self.cleaned_data.get(veld, "").strip().replace(",", ".")
        if not tekst:
            return None
        try:
            getal = Decimal(tekst)
        except InvalidOperation:
            getal = None
        if getal is None or not getal.is_finite() or (geheel and getal != int(getal)):
            soort, voorbeeld = ("een geheel getal", "3") if geheel else ("een getal", "12,5")
            fouten.append(
                _invoerfout(
                    veld, f"Vul bij {self.naam(veld)} {soort} in, bijvoorbeeld {voorbeeld}."
                )
            )
            return None
        return int(getal) if geheel else float(getal)

    def _verzuimdagen(self, fouten: list) -> list[dict] | None:
        """One day per line; with any unreadable line none are passed on, so the service's
        errors never point at a shifted line."""
        dagen, regels, eigen = [], [], []
        for nr, regel in enumerate(self.cleaned_data.get("verzuimdagen", "").splitlines(), 1):
            delen = regel.split()
            if not delen:
                continue
            datum, fout = lees_nl_datum(delen[0], "de datum")
            uren = None
            if not fout and len(delen) > 2:
                fout = "Schrijf dd-mm-jjjj, eventueel gevolgd door het aantal uren."
            elif not fout and len(delen) == 2:
                try:
                    uren = float(Decimal(delen[1].replace(",", ".")))
                except InvalidOperation:
                    fout = "Schrijf na de datum het aantal uren, bijvoorbeeld 5,5."
            if fout:
                eigen.append(_invoerfout("verzuimdagen", f"Regel {nr}: {_klein(fout)}"))
                continue
            dagen.append({"datum": datum.isoformat(), **({} if uren is None else {"uren": uren})})
            regels.append(nr)
        if eigen:
            fouten += eigen
            return None
        self._regels = regels
        return dagen

    def naar_api(self) -> tuple[dict, list[dict]]:
        """The typed melding in the shape of POST /api/v1/meldingen (api-contract.md), and
        what could not be read as typed (the service reports those with its own)."""
        c, fouten = self.cleaned_data, []
        leerling = {
            k: "".join(c[k].split()) for k in ("burgerservicenummer", "onderwijsnummer") if c[k]
        }
        if len(leerling) != 1:
            fouten.append(
                _invoerfout(
                    "leerling",
                    "Vul het burgerservicenummer óf het onderwijsnummer in, niet allebei."
                    if leerling
                    else "Vul het burgerservicenummer in, of het onderwijsnummer met het "
                    "adres van de leerling.",
                )
            )
        adres = {k: c[k].strip() for k in self.ADRES_VELDEN if c.get(k, "").strip()}
        if adres:
            leerling["adres"] = adres
        data = {
            "leerling": leerling,
            "vestiging": c.get("vestiging") or None,
            "verzuimsoort": c.get("verzuimsoort") or None,
            "begindatum": self._datum("begindatum", fouten),
            "einddatum": self._datum("einddatum", fouten),
            "verzuimdeUren": self._getal("verzuimde_uren", fouten, geheel=False),
            "teLaatKeren": self._getal("te_laat_keren", fouten, geheel=True),
            "verzuimdagen": self._verzuimdagen(fouten),
            "vermoedelijkeReden": c.get("vermoedelijke_reden", ""),
            "ondernomenActie": c.get("ondernomen_actie", ""),
            "gewensteActie": c.get("gewenste_actie", ""),
            "contactpersoon": {
                k: c[f"contact_{k}"].strip()
                for k in self.CONTACT_VELDEN
                if c.get(f"contact_{k}", "").strip()
            },
        }
        return {k: v for k, v in data.items() if v is not None}, fouten

    def veld_voor(self, naam: str) -> tuple[str | None, str]:
        """API error name → (form field, message prefix)."""
        delen = naam.split(".")
        if delen[0] == "leerling":
            if len(delen) == 1:
                alleen_onr = self.cleaned_data.get("onderwijsnummer") and not self.cleaned_data.get(
                    "burgerservicenummer"
                )
                return ("onderwijsnummer" if alleen_onr else "burgerservicenummer"), ""
            return delen[-1], ""
        if delen[0] == "verzuimdagen":
            if len(delen) > 1 and delen[1].isdigit() and int(delen[1]) < len(self._regels):
                return "verzuimdagen", f"Regel {self._regels[int(delen[1])]}: "
            return "verzuimdagen", ""
        if delen[0] == "contactpersoon" and len(delen) > 1:
            return f"contact_{delen[1]}", ""
        return _snake(delen[0]), ""

    def bericht(self, veld: str | None, fout: dict) -> str:
        if fout.get("pagina"):
            return fout["reason"]
        if veld == "verzuimdagen":  # the line number names it
            return _klein(zonder_regels(fout["reason"]).strip())
        return super().bericht(veld, fout)


class StatusForm(NlForm):
    """R-RT-6: only the statuses the table lets the receiving party move to from here, with
    no status preselected; afsluitredenen (R-CW-11) limited to what the person may decide
    (R-CW-6/7: Halt and proces-verbaal only for a BOA). The service checks the same."""

    NAMEN = {"status": "de nieuwe status", "reden": "een reden van afsluiten"}

    status = forms.ChoiceField(label="Nieuwe status")
    reden = forms.ChoiceField(
        label="Reden van afsluiten", required=False, help_text="Verplicht bij afsluiten."
    )
    toelichting = toelichting_veld()

    def __init__(self, *args, overgangen=(), boa: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Kies…"), *((s, Status(s).label) for s in overgangen)]
        if Status.AFGESLOTEN in overgangen:
            self.fields["reden"].choices = [
                ("", "Kies…"),
                *sorted(regels.afsluitredenen_voor(boa).items(), key=lambda x: x[1]),
            ]
        else:
            del self.fields["reden"]

    def clean(self):
        c = super().clean()
        c.setdefault("reden", "")
        return c

    def bericht(self, veld: str | None, fout: dict) -> str:
        if veld == "reden":  # the page lists the choices; the API's reason names the codes
            return zonder_regels(fout["reason"]).split(" Kies uit:")[0]
        return super().bericht(veld, fout)


class IntrekkenForm(NlForm):
    """R-RT-6: the reporting school withdraws its melding, always with a reason code."""

    NAMEN = {"reden": "een reden van intrekken"}

    reden = forms.ChoiceField(label="Reden van intrekken")
    toelichting = toelichting_veld()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = sorted(regels.INTREKKINGSREDENEN_PER_ACTOR["school"])
        self.fields["reden"].choices = [
            ("", "Kies…"),
            *((c, regels.INTREKKINGSREDENEN[c]) for c in codes),
        ]


class DoorsturenForm(NlForm):
    """R-RT-5: forward to another gemeente. Naming the BRP woongemeente, so that a forward
    elsewhere is a conscious choice; the service then asks a toelichting."""

    NAMEN = {"gemeente": "de gemeente waarnaar u doorstuurt"}

    gemeente = forms.ChoiceField(label="Naar gemeente")
    toelichting = toelichting_veld()

    def __init__(self, *args, gemeenten=(), woongemeente=None, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["gemeente"]
        veld.choices = [("", "Kies…"), *((g.code, f"{g.naam} ({g.code})") for g in gemeenten)]
        # meldingen.js turns the select into a searchable list and warns on a choice
        # other than the woongemeente.
        veld.widget.attrs["data-zoeklijst"] = "gemeenten"
        if woongemeente is not None:
            veld.help_text = f"Woongemeente volgens de BRP: {woongemeente.naam}."
            veld.widget.attrs["data-woongemeente"] = woongemeente.code
            veld.widget.attrs["data-woongemeente-naam"] = woongemeente.naam
        else:
            veld.help_text = "De woongemeente volgens de BRP is onbekend."
        self.fields["toelichting"].help_text = (
            "Verplicht als u doorstuurt naar een andere gemeente dan de woongemeente volgens "
            "de BRP."
        )


class ToewijzenForm(NlForm):
    """Assign to a colleague of the same organisation."""

    NAMEN = {"behandelaar": "een behandelaar"}

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
