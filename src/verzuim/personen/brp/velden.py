"""Purposes and their `fields` (doelbinding, R-ID-3), and the fields filter of Haal Centraal
BRP Personen v2 ("personen-response-filteren")."""

from __future__ import annotations

import datetime as dt

#: Fields per purpose; every path is a valid `fields` value of the BRP Personen v2 API.
DOELEN: dict[str, list[str]] = {
    # R-RT-1/3: where does the pupil live, since when; age for the doelgroep.
    "routering": [
        "burgerservicenummer",
        "geboorte.datum",
        "gemeenteVanInschrijving",
        "datumInschrijvingInGemeente",
        "verblijfplaats",
        "overlijden.datum",
    ],
    # R-LP / R-SG-1: leerplicht status and absoluut verzuim (died/emigrated are excluded).
    "leerplicht": [
        "burgerservicenummer",
        "geboorte.datum",
        "gemeenteVanInschrijving",
        "verblijfplaats",
        "overlijden.datum",
    ],
    # The leerling page: name, birth date (leerplicht status) and address; nothing of the
    # parents, sex or letter addressing, which only casework needs.
    "leerlingkaart": ["burgerservicenummer", "naam", "geboorte.datum", "verblijfplaats"],
    # The leerling page for the gemeente or dienst, which writes to the parents (R-CW-4) and
    # may act against them (R-CW-7): the same plus the parents' names.
    "leerlingkaart-ouders": [
        "burgerservicenummer",
        "naam",
        "geboorte.datum",
        "verblijfplaats",
        "ouders.naam",
        "ouders.ouderAanduiding",
    ],
    # R-SG-1..4: who a signal is about (name, birth date) on the signal pages and API.
    "signalen": ["burgerservicenummer", "naam", "geboorte.datum"],
    # R-PR-1: the pupil's name on the meldingen pages of the school and the receiving party.
    "melding": ["burgerservicenummer", "naam.volledigeNaam"],
    # R-CW-4: casework letters to the pupil and the parents.
    "dossier": [
        "burgerservicenummer",
        "naam",
        "geslacht",
        "geboorte.datum",
        "gemeenteVanInschrijving",
        "verblijfplaats",
        "adressering",
        "ouders",
        "overlijden.datum",
    ],
}

#: Delivered without being asked (and may not be asked for).
AUTOMATISCH = ("geheimhoudingPersoonsgegevens", "inOnderzoek", "opschortingBijhouding", "rni",
               "verificatie")  # fmt: skip


class BrpFout(Exception):
    """A BRP request failed: the API's problem+json (status, title, invalidParams) or a
    transport failure after the retries (status None)."""

    def __init__(self, status: int | None, title: str, *, detail: str = "", code: str = "",
                 invalid_params: list[dict] | None = None):  # fmt: skip
        self.status = status
        self.title = title
        self.detail = detail
        self.code = code
        self.invalid_params = invalid_params or []
        namen = ", ".join(p.get("name", "?") for p in self.invalid_params)
        super().__init__(
            f"BRP {status or 'onbereikbaar'}: {title}"
            + (f" ({detail})" if detail else "")
            + (f" [ongeldig: {namen}]" if namen else "")
        )


def brp_datum(waarde) -> dt.date | None:
    """A BRP date: Haal Centraal's {"type": "Datum", "datum": "2014-05-02"}, an ISO string or
    a date; None for an empty, incomplete ("DatumOnbekend", "JaarDatum") or invalid one."""
    if isinstance(waarde, dict):
        waarde = waarde.get("datum")
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(waarde) if isinstance(waarde, str) and waarde else None
    except ValueError:
        return None


def geboortedatum_uit(persoon: dict) -> dt.date | None:
    """The birth date of a Haal Centraal `Persoon` (or {} when not found)."""
    return brp_datum((persoon.get("geboorte") or {}).get("datum"))


def fields_voor(doel: str) -> list[str]:
    try:
        return DOELEN[doel]
    except KeyError:
        raise ValueError(f"Onbekend doel {doel!r}; kies uit {', '.join(DOELEN)}") from None


def filter_velden(persoon: dict, fields: list[str]) -> dict:
    """Keep only the requested paths (a path keeps its whole subtree) and the automatic
    fields; lists (ouders) are filtered per element."""
    boom: dict = {}
    for pad in fields:
        knoop = boom
        delen = pad.split(".")
        for i, deel in enumerate(delen):
            if knoop is True:
                break
            if i == len(delen) - 1:
                knoop[deel] = True
            else:
                knoop = knoop.setdefault(deel, {})
    uit = _filter(persoon, boom)
    for key in AUTOMATISCH:
        if key in persoon:
            uit[key] = persoon[key]
    return uit


def _filter(waarde, boom):
    if boom is True:
        return waarde
    if isinstance(waarde, list):
        return [_filter(w, boom) for w in waarde]
    if not isinstance(waarde, dict):
        return waarde
    return {k: _filter(waarde[k], sub) for k, sub in boom.items() if k in waarde}
