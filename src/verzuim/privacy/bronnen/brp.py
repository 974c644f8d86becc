"""BRP facts used (R-ID-3): the fields the register asks the BRP for this pupil's casework
(name, birth date, address, parents), as the BRP gives them today."""

from __future__ import annotations

from verzuim.personen.brp.velden import geboortedatum_uit
from verzuim.personen.leerlingkaart import BRP_DOEL_OUDERS, _adres, _naam, _ouders
from verzuim.personen.leerplicht import brp_persoon
from verzuim.privacy.bronnen import Bron, Sectie


def verzamel(lezer, leerling) -> Sectie:
    persoon = (
        brp_persoon(leerling.burgerservicenummer, BRP_DOEL_OUDERS)
        if (leerling.burgerservicenummer)
        else {}
    )
    rijen = [
        {"gegeven": "BSN", "waarde": leerling.burgerservicenummer or ""},
        {"gegeven": "Onderwijsnummer", "waarde": leerling.onderwijsnummer or ""},
        {"gegeven": "Naam", "waarde": _naam(persoon)},
        {
            "gegeven": "Geboortedatum",
            "waarde": geboortedatum_uit(persoon) or leerling.geboortedatum,
        },  # fmt: skip
        {"gegeven": "Adres", "waarde": ", ".join(_adres(persoon))},
        {
            "gegeven": "Geheimhouding persoonsgegevens",
            "waarde": "ja" if persoon.get("geheimhoudingPersoonsgegevens") else "nee",
        },  # fmt: skip
        *(
            {"gegeven": f"Ouder {o['aanduiding']}".strip(), "waarde": o["naam"]}
            for o in _ouders(persoon)
        ),
    ]
    return Sectie(
        naam="persoonsgegevens",
        titel="Persoonsgegevens (BRP)",
        kolommen=(("gegeven", "Gegeven"), ("waarde", "Waarde")),
        rijen=[r for r in rijen if r["waarde"] not in (None, "")],
        toelichting="Gegevens uit de Basisregistratie Personen die het register voor de "
        "uitvoering van de leerplicht gebruikt.",
    )


BRON = Bron("persoonsgegevens", "Persoonsgegevens (BRP)", verzamel)
