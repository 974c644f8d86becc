"""Reading a pupil reference as the API and scenario files send it (R-ID-1, R-ME-1, R-RT-3):
``{"burgerservicenummer"}`` or ``{"onderwijsnummer", "geboortedatum"?, "adres"?: {"postcode",
"huisnummer", "gemeente"?}}``. One parser for every service that takes a pupil (the register
writes, the intake, the searches); it checks the shape only and never touches the database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from verzuim import clock
from verzuim.invoer import Fouten, lees_datum
from verzuim.personen.identificatie import is_bsn, is_gemeentecode, is_onderwijsnummer

POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
#: The BRP's parts of a house number: huisnummer 1-99999 (5 digits), huisletter (one
#: letter), huisnummertoevoeging (up to 4 letters or digits), each written with an optional
#: space or hyphen before it — a toevoeging that starts with a digit needs one, or its digits
#: would run into the huisnummer: "12", "12A", "12 a-bis", "12hs", "12-3hg". 12 characters
#: at most.
HUISNUMMER = re.compile(
    r"^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z])?(?:[ -][A-Za-z0-9]{1,4}|[A-Za-z][A-Za-z0-9]{0,3})?$"
)
MAX_HUISNUMMER = 99999


@dataclass
class LeerlingRef:
    """A pupil reference that passed the shape checks. `adres` holds what was valid of
    {"postcode" (1234AB), "huisnummer" (as given: a number or a text), "gemeente" (GM code)}."""

    burgerservicenummer: str | None = None
    onderwijsnummer: str | None = None
    geboortedatum: dt.date | None = None
    adres: dict = field(default_factory=dict)

    @property
    def sleutel(self) -> dict[str, str]:
        if self.burgerservicenummer:
            return {"burgerservicenummer": self.burgerservicenummer}
        return {"onderwijsnummer": self.onderwijsnummer}

    @property
    def identificatie(self) -> str:
        return self.burgerservicenummer or self.onderwijsnummer or ""


def _veld(naam: str, sub: str) -> str:
    return f"{naam}.{sub}" if naam else sub


def _identificatie(bsn, onr, fouten: Fouten, naam: str, ref: LeerlingRef) -> None:
    """R-ID-1: exactly one of BSN (11-proef) and onderwijsnummer, checked with stdnum."""
    if (bsn is None) == (onr is None):
        fouten.add(
            naam or "burgerservicenummer",
            "invalid",
            "Geef precies een van burgerservicenummer en onderwijsnummer (R-ID-1).",
        )
    elif bsn is not None:
        if is_bsn(bsn):
            ref.burgerservicenummer = bsn
        else:
            fouten.add(
                _veld(naam, "burgerservicenummer"),
                "invalid",
                "Geen geldig burgerservicenummer (9 cijfers, elfproef; R-ID-1).",
            )
    elif is_onderwijsnummer(onr):
        ref.onderwijsnummer = onr
    else:
        fouten.add(
            _veld(naam, "onderwijsnummer"),
            "invalid",
            "Geen geldig onderwijsnummer (9 cijfers, begint met 10; R-ID-1).",
        )


def _is_huisnummer(waarde) -> bool:
    if isinstance(waarde, bool):
        return False
    if isinstance(waarde, int):
        return 0 < waarde <= MAX_HUISNUMMER
    return isinstance(waarde, str) and bool(HUISNUMMER.match(waarde))


def _adres(adres, fouten: Fouten, naam: str, ref: LeerlingRef, *, verplicht: bool) -> None:
    """R-ME-1: an address has a postcode and a huisnummer, the gemeente is optional
    (api-contract.md); with an onderwijsnummer the intake needs one (`verplicht`)."""
    veld = _veld(naam, "adres")
    if adres is None:
        if verplicht:
            fouten.add(
                veld,
                "required",
                "Verplicht bij een onderwijsnummer: het adres van de leerling (R-ME-1).",
            )
        return
    if not isinstance(adres, dict):
        fouten.add(veld, "invalid", "Geef het adres als object {postcode, huisnummer, gemeente}.")
        return
    postcode, huisnummer, gemeente = (adres.get(k) for k in ("postcode", "huisnummer", "gemeente"))
    for sub, waarde in (("postcode", postcode), ("huisnummer", huisnummer)):
        if waarde is None:
            fouten.add(f"{veld}.{sub}", "required", "Verplicht in een adres (R-ME-1).")
    if postcode is not None:
        if isinstance(postcode, str) and POSTCODE.match(postcode):
            ref.adres["postcode"] = postcode.replace(" ", "").upper()
        else:
            fouten.add(f"{veld}.postcode", "invalid", "Geen geldige postcode (1234AB).")
    if huisnummer is not None:
        if _is_huisnummer(huisnummer):
            ref.adres["huisnummer"] = huisnummer
        else:
            fouten.add(
                f"{veld}.huisnummer",
                "invalid",
                "Geen geldig huisnummer (1-99999, met huisletter en toevoeging als in de BRP).",
            )
    if gemeente is not None:
        if is_gemeentecode(gemeente):
            ref.adres["gemeente"] = gemeente
        else:
            fouten.add(f"{veld}.gemeente", "invalid", "Geen gemeentecode (GM0363).")


def lees_leerling(
    waarde,
    fouten: Fouten,
    naam: str = "leerling",
    *,
    adres_verplicht: bool = False,
    geboortedatum: bool = True,
) -> LeerlingRef:
    """The reference `waarde` (named `naam` in the problems; "" for a body that is the
    reference itself) → LeerlingRef, adding every problem to `fouten`. `adres_verplicht`:
    an onderwijsnummer needs an address (the intake, R-ME-1). `geboortedatum`: read the
    birth date a school may give for an onderwijsnummer pupil (the register writes; the
    intake ignores it)."""
    ref = LeerlingRef()
    if not isinstance(waarde, dict):
        fouten.add(
            naam or "body",
            "required" if waarde is None else "invalid",
            "Geef de leerling als {burgerservicenummer} of {onderwijsnummer}.",
        )
        return ref
    bsn, onr = waarde.get("burgerservicenummer"), waarde.get("onderwijsnummer")
    _identificatie(bsn, onr, fouten, naam, ref)
    if geboortedatum and waarde.get("geboortedatum") is not None:
        veld = _veld(naam, "geboortedatum")
        ref.geboortedatum = lees_datum(waarde["geboortedatum"], veld, fouten)
        if ref.geboortedatum and ref.geboortedatum > clock.today():
            fouten.add(veld, "in_de_toekomst", "Ligt na vandaag.")
    _adres(
        waarde.get("adres"),
        fouten,
        naam,
        ref,
        verplicht=adres_verplicht and onr is not None and bsn is None,
    )
    return ref
