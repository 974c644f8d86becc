"""Parsing and shape checks of a melding as the API sends it (R-ME-1, R-ID-1).

`lees_invoer(data)` takes the JSON body (camelCase, api-contract.md) and returns a
`MeldingInvoer` and the list of problems, each named by its dotted camelCase path. It never
touches the database; the domain checks (R-ME-2, R-ME-3) are in `validatie.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from verzuim.invoer import Fouten, lees_datum
from verzuim.meldingen.codes import Verzuimsoort
from verzuim.personen.identificatie import (
    is_bsn,
    is_gemeentecode,
    is_onderwijsnummer,
    is_vestigingscode,
)

MAX_TEKST = 4000
MAX_VERZUIMDAGEN = 400
POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
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
    if not isinstance(waarde, dict):
        fouten.add(
            "leerling",
            "required" if waarde is None else "invalid",
            "Geef de leerling als {burgerservicenummer} of {onderwijsnummer, adres}.",
        )
        return
    bsn, onr = waarde.get("burgerservicenummer"), waarde.get("onderwijsnummer")
    if (bsn is None) == (onr is None):
        fouten.add(
            "leerling",
            "invalid",
            "Geef precies een van burgerservicenummer en onderwijsnummer (R-ID-1).",
        )
    elif bsn is not None:
        if is_bsn(bsn):
            inv.burgerservicenummer = bsn
        else:
            fouten.add(
                "leerling.burgerservicenummer",
                "invalid",
                "Geen geldig burgerservicenummer (9 cijfers, elfproef).",
            )
    else:
        if is_onderwijsnummer(onr):
            inv.onderwijsnummer = onr
        else:
            fouten.add(
                "leerling.onderwijsnummer",
                "invalid",
                "Geen geldig onderwijsnummer (9 cijfers, begint met 10).",
            )
    _adres(waarde.get("adres"), inv, fouten, verplicht=onr is not None and bsn is None)


def _adres(adres, inv: MeldingInvoer, fouten: Fouten, *, verplicht: bool) -> None:
    """R-ME-1: with an onderwijsnummer the pupil's address (postcode and huisnummer,
    gemeente optional; api-contract.md); with a BSN it may be given (R-RT-3)."""
    if adres is None:
        if verplicht:
            fouten.add(
                "leerling.adres",
                "required",
                "Verplicht bij een onderwijsnummer: het adres van de leerling (R-ME-1).",
            )
        return
    if not isinstance(adres, dict):
        fouten.add("leerling.adres", "invalid", "Geef het adres als object.")
        return
    postcode, huisnummer, gemeente = (adres.get(k) for k in ("postcode", "huisnummer", "gemeente"))
    for naam, waarde in (("postcode", postcode), ("huisnummer", huisnummer)):
        if waarde is None:
            fouten.add(f"leerling.adres.{naam}", "required", "Verplicht in een adres (R-ME-1).")
    if postcode is not None:
        if isinstance(postcode, str) and POSTCODE.match(postcode):
            inv.adres["postcode"] = postcode.replace(" ", "").upper()
        else:
            fouten.add("leerling.adres.postcode", "invalid", "Geen geldige postcode (1234AB).")
    if huisnummer is not None:
        if (
            (
                isinstance(huisnummer, int)
                and not isinstance(huisnummer, bool)
                and 0 < huisnummer < 100000
            )
            or isinstance(huisnummer, str)
            and re.fullmatch(r"[0-9]{1,5}[ A-Za-z0-9-]{0,10}", huisnummer)
        ):
            inv.adres["huisnummer"] = huisnummer
        else:
            fouten.add("leerling.adres.huisnummer", "invalid", "Geen geldig huisnummer.")
    if gemeente is not None:
        if is_gemeentecode(gemeente):
            inv.adres["gemeente"] = gemeente
        else:
            fouten.add("leerling.adres.gemeente", "invalid", "Geen gemeentecode (GM0363).")


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
