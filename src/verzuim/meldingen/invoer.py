"""Parsing and shape checks of a melding as the API sends it (R-ME-1, R-ID-1).

`lees_invoer(data)` takes the JSON body (camelCase, api-contract.md) and returns a
`MeldingInvoer` and the list of problems, each named by its dotted camelCase path. It never
touches the database; the domain checks (R-ME-2, R-ME-3) are in `validatie.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from verzuim.invoer import Fouten, lees_datum
from verzuim.meldingen.codes import Verzuimsoort
from verzuim.personen.identificatie import is_vestigingscode
from verzuim.personen.invoer import lees_leerling

MAX_TEKST = 4000
MAX_VERZUIMDAGEN = 400
TEKSTVELDEN = {
    "vermoedelijkeReden": "vermoedelijke_reden",
    "ondernomenActie": "ondernomen_actie",
    "gewensteActie": "gewenste_actie",
}
CONTACTVELDEN = ("naam", "functie", "email", "telefoon")


@dataclass
class MeldingInvoer:
    burgerservicenummer: str | None = None
    onderwijsnummer: str | None = None
    adres: dict = field(default_factory=dict)  # {"postcode", "huisnummer", "gemeente"?}
    vestiging: str = ""
    verzuimsoort: str = ""
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None
    verzuimde_uren: Decimal | None = None
    te_laat_keren: int | None = None
    verzuimdagen: list[dict] = field(default_factory=list)
    vermoedelijke_reden: str = ""
    ondernomen_actie: str = ""
    gewenste_actie: str = ""
    contactpersoon: dict = field(default_factory=dict)

    @property
    def identificatie(self) -> str:
        return self.burgerservicenummer or self.onderwijsnummer or ""


def _getal(waarde, name: str, fouten: Fouten, *, geheel: bool, maximum: int) -> Decimal | None:
    if waarde is None:
        return None
    if (
        isinstance(waarde, bool)
        or not isinstance(waarde, int | float)
        or (geheel and not isinstance(waarde, int))
    ):
        fouten.add(name, "invalid", "Geen geheel getal." if geheel else "Geen getal.")
        return None
    try:
        getal = Decimal(str(waarde))
    except InvalidOperation:
        fouten.add(name, "invalid", "Geen getal.")
        return None
    if not getal.is_finite() or getal < 0 or getal > maximum:
        fouten.add(name, "out_of_range", f"Moet tussen 0 en {maximum} liggen.")
        return None
    if not geheel and getal != getal.quantize(Decimal("0.01")):
        fouten.add(name, "invalid", "Hoogstens twee decimalen.")
        return None
    return getal


def _tekst(waarde, name: str, fouten: Fouten, maximum: int = MAX_TEKST) -> str:
    if waarde is None:
        return ""
    if not isinstance(waarde, str):
        fouten.add(name, "invalid", "Geen tekst.")
        return ""
    if len(waarde) > maximum:
        fouten.add(name, "max_length", f"Hoogstens {maximum} tekens.")
        return ""
    if "\x00" in waarde:
        fouten.add(name, "invalid", "Bevat een ongeldig teken.")
        return ""
    return waarde.strip()


def _leerling(waarde, inv: MeldingInvoer, fouten: Fouten) -> None:
    """R-ID-1, R-ME-1: the pupil by BSN, or by onderwijsnummer with its address."""
    ref = lees_leerling(waarde, fouten, adres_verplicht=True, geboortedatum=False)
    inv.burgerservicenummer, inv.onderwijsnummer = ref.burgerservicenummer, ref.onderwijsnummer
    inv.adres = ref.adres


def _verzuimdagen(waarde, inv: MeldingInvoer, fouten: Fouten) -> None:
    if waarde is None:
        return
    if not isinstance(waarde, list) or len(waarde) > MAX_VERZUIMDAGEN:
        fouten.add(
            "verzuimdagen", "invalid", f"Geef een lijst van hoogstens {MAX_VERZUIMDAGEN} dagen."
        )
        return
    gezien: set[dt.date] = set()
    for i, dag in enumerate(waarde):
        name = f"verzuimdagen.{i}"
        if not isinstance(dag, dict):
            fouten.add(name, "invalid", "Geef een dag als {datum, uren}.")
            continue
        datum = lees_datum(dag.get("datum"), f"{name}.datum", fouten, verplicht=True)
        uren = _getal(dag.get("uren"), f"{name}.uren", fouten, geheel=False, maximum=24)
        hele_dag = dag.get("heleDag")
        if hele_dag is not None and not isinstance(hele_dag, bool):
            fouten.add(f"{name}.heleDag", "invalid", "Geef true of false.")
            hele_dag = None
        if datum is None:
            continue
        if datum in gezien:
            fouten.add(f"{name}.datum", "unique", "Deze dag staat er al in.")
            continue
        gezien.add(datum)
        item = {"datum": datum.isoformat()}
        if uren is not None:
            item["uren"] = float(uren)
        if hele_dag is not None:
            item["heleDag"] = hele_dag
        inv.verzuimdagen.append(item)


def _contactpersoon(waarde, inv: MeldingInvoer, fouten: Fouten) -> None:
    if waarde is None:
        return
    if not isinstance(waarde, dict):
        fouten.add("contactpersoon", "invalid", "Geef de contactpersoon als object.")
        return
    for veld in CONTACTVELDEN:
        tekst = _tekst(waarde.get(veld), f"contactpersoon.{veld}", fouten, maximum=200)
        if veld == "email" and tekst:
            try:
                validate_email(tekst)
            except ValidationError:
                fouten.add("contactpersoon.email", "invalid", "Geen geldig e-mailadres.")
                continue
        if tekst:
            inv.contactpersoon[veld] = tekst


def lees_invoer(data) -> tuple[MeldingInvoer, Fouten]:
    """The body of POST /meldingen → (invoer, fouten). Unknown keys are ignored."""
    inv, fouten = MeldingInvoer(), Fouten()
    if not isinstance(data, dict):
        fouten.add("body", "invalid", "De body moet een JSON-object zijn.")
        return inv, fouten
    _leerling(data.get("leerling"), inv, fouten)
    vestiging = data.get("vestiging")
    if vestiging is None:
        fouten.add("vestiging", "required", "Verplicht veld.")
    elif is_vestigingscode(vestiging):
        inv.vestiging = vestiging
    else:
        fouten.add("vestiging", "invalid", "Geen vestigingscode (BRIN + 2 cijfers, 25PL00).")
    soort = data.get("verzuimsoort")
    if soort is None:
        fouten.add("verzuimsoort", "required", "Verplicht veld.")
    elif isinstance(soort, str) and soort in Verzuimsoort.values:
        inv.verzuimsoort = soort
    else:
        fouten.add("verzuimsoort", "invalid", f"Kies een van: {', '.join(Verzuimsoort.values)}.")
    inv.begindatum = lees_datum(data.get("begindatum"), "begindatum", fouten, verplicht=True)
    inv.einddatum = lees_datum(data.get("einddatum"), "einddatum", fouten, verplicht=False)
    inv.verzuimde_uren = _getal(
        data.get("verzuimdeUren"), "verzuimdeUren", fouten, geheel=False, maximum=9999
    )
    te_laat = _getal(data.get("teLaatKeren"), "teLaatKeren", fouten, geheel=True, maximum=9999)
    inv.te_laat_keren = int(te_laat) if te_laat is not None else None
    _verzuimdagen(data.get("verzuimdagen"), inv, fouten)
    for key, attr in TEKSTVELDEN.items():
        setattr(inv, attr, _tekst(data.get(key), key, fouten))
    _contactpersoon(data.get("contactpersoon"), inv, fouten)
    return inv, fouten
