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
        mogelijk = mas.volgende_fasen(huidig)
        self.fields["fase"].choices = [(f, mas.FASE_LABELS[f]) for f in mogelijk]
        # The usual move is forward (R-CW-2): the next phase is chosen, going back is a choice.
        volgende = [f for f in mogelijk if mas.FASEN.index(f) > mas.FASEN.index(huidig)]
        if volgende:
            self.fields["fase"].initial = volgende[0]


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
    NAMEN = {"aanleiding": "een aanleiding", "toelichting": "de toelichting", "route": "een route"}

    aanleiding = forms.ChoiceField(
        label="Aanleiding",
        choices=[("", "Kies…"), *((a, Aanleiding(a).label) for a in HANDMATIGE_AANLEIDINGEN)],
    )
    toelichting = _tekst("Toelichting", verplicht=True)
    route = forms.ChoiceField(label="Route (sjabloon)", required=False)

    def __init__(self, *args, routes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = [("", "Geen (algemene MAS-aanpak)"), *routes]


class AntwoordForm(NlForm):
    """The school's answer to a verzuimoverzicht request (R-CW-3)."""

    prefix = "antwoord"
    NAMEN = {"antwoord": "het verzuimoverzicht", "bestand": "het bestand"}

    antwoord = _tekst("Verzuimoverzicht (tekst)", rijen=6)
    bestand = forms.FileField(
        label="Of een bestand (PDF, CSV, XLSX, TXT, PNG, JPG)",
        required=False,
        error_messages={
            "empty": "Het bestand is leeg.",
            "invalid": "Dit is geen bestand; kies het opnieuw.",
            "missing": "Het bestand is niet meegekomen; kies het opnieuw.",
        },
    )


# --- the enforcement routes (R-CW-6..8) ----------------------------------------------------

JA_NEE = [("", "Kies…"), ("ja", "Ja"), ("nee", "Nee")]

#: The LPA's questions per route input (`handhaving.VRAGEN`, `GETALLEN`).
VRAAG_LABELS = {
    "verzuimde_uren": "Aantal uren ongeoorloofd verzuim",
    "te_laat_keren": "Aantal keren te laat",
    "toestemming_leerling": "Stemt de leerling in met de Halt-verwijzing?",
    "toestemming_ouders": "Stemmen de ouders in? (nodig onder de 16 jaar)",
    "eigen_toedoen": "Is het verzuim aan de leerling zelf te wijten?",
    "ernstige_onbehandelde_problematiek": "Is er ernstige onbehandelde problematiek?",
    "absoluut_verzuim": "Gaat het om absoluut verzuim (niet ingeschreven)?",
    "verzuim_bewezen": "Is het verzuim bewezen?",
    "ouders_verwijtbaar": "Is het verzuim de ouders te verwijten?",
    "leerling_verwijtbaar": "Is het verzuim de leerling te verwijten?",
}
DATUM_LABELS = {
    "halt": "Datum van de verwijzing",
    "proces-verbaal": "Pleegdatum / datum van het proces-verbaal",
    "kinderbijslag": "Datum van de melding aan de SVB",
}


class RouteForm(NlForm):
    """The questions of one route (the rest the register knows); the decision is the
    service's (`handhaving.toets`), shown before the user confirms."""

    prefix = "route"

    def __init__(self, *args, soort: str, vragen=(), getallen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.soort = soort
        for naam in getallen:
            veld = (
                forms.DecimalField(min_value=0, max_digits=6, decimal_places=1, localize=True)
                if naam == "verzuimde_uren"
                else forms.IntegerField(min_value=0)
            )
            veld.label = VRAAG_LABELS[naam]
            self.fields[naam] = veld
        for naam in vragen:
            self.fields[naam] = forms.ChoiceField(label=VRAAG_LABELS[naam], choices=JA_NEE)
        if soort == "proces-verbaal":
            self.fields["tegen"] = forms.MultipleChoiceField(
                label="Tegen wie",
                required=False,
                choices=[("ouders", "De ouders"), ("leerling", "De leerling (12 jaar of ouder)")],
                widget=forms.CheckboxSelectMultiple,
                help_text="Leeg: tegen iedereen tegen wie het mogelijk is.",
            )
        self.fields["datum"] = DatumVeld(label=DATUM_LABELS[soort])
        self.fields["toelichting"] = _tekst("Toelichting")
        for naam in vragen:
            self.fields[naam].error_messages["required"] = "Kies ja of nee."
        for naam in (*getallen, "datum"):
            self.fields[naam].error_messages["required"] = f"Vul {self.naam(naam)} in."

    def invoer(self) -> dict:
        """The answers as the service takes them (ja/nee → True/False)."""
        uit = {}
        for naam, waarde in self.cleaned_data.items():
            if waarde in ("ja", "nee"):
                uit[naam] = waarde == "ja"
            elif naam == "tegen":
                uit[naam] = list(waarde) or None
            else:
                uit[naam] = waarde
        if "verzuimde_uren" in uit:
            uit["verzuimde_uren"] = float(uit["verzuimde_uren"])
        return uit


class UitkomstForm(NlForm):
    prefix = "uitkomst"
    NAMEN = {"uitkomst": "een uitkomst"}

    uitkomst = forms.ChoiceField(label="Uitkomst")
    datum = DatumVeld(label="Datum van de uitkomst")
    toelichting = _tekst("Toelichting (bij een vonnis: het vonnis)")

    def __init__(self, *args, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uitkomst"].choices = [("", "Kies…"), *keuzes]


class RouteKeuzeForm(NlForm):
    """A route template (R-CW-9/10) for the dossier (`dossiers.routes`)."""

    prefix = "routekeuze"
    NAMEN = {"route": "een route"}

    route = forms.ChoiceField(label="Route")

    def __init__(self, *args, routes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = [("", "Geen (algemene MAS-aanpak)"), *routes]
        self.fields["route"].required = False


class VerloftoetsForm(NlForm):
    """R-CW-10: the period of the luxe verzuim and what the verlof rule asks (R-VL-1)."""

    prefix = "verloftoets"
    begindatum = DatumVeld(label="Eerste dag afwezig")
    einddatum = DatumVeld(label="Laatste dag afwezig")
    specifiek_beroep_ouder = forms.ChoiceField(
        label="Kan het gezin door het specifieke beroep van een ouder niet in de schoolvakanties "
        "op vakantie?",
        choices=JA_NEE,
    )
    vakantie_al_geboekt = forms.BooleanField(label="De vakantie was al geboekt", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specifiek_beroep_ouder"].error_messages["required"] = "Kies ja of nee."
