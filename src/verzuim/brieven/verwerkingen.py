"""The processing activities of letters and reports (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import LEERPLICHTWET, Verwerkingsactiviteit, registreer
from verzuim.brieven.services import DOEL

registreer(
    "brieven",
    Verwerkingsactiviteit(
        code=DOEL,
        naam="Brieven en rapporten",
        doel="Ouders, leerlingen en scholen schriftelijk informeren en oproepen in de "
        "uitvoering van de leerplicht; het inzagerapport maken.",
        grondslag=LEERPLICHTWET,
        betrokkenen=("leerlingen", "ouders/verzorgers"),
        gegevens=(
            "naam en adres",
            "geboortedatum",
            "BSN of onderwijsnummer",
            "inhoud van de brief",
        ),
        rollen=("leerplichtambtenaar", "administratief-medewerker", "rmc-trajectbegeleider"),
        ontvangers=("ouders/verzorgers", "leerling", "school"),
        bewaartermijn="leerplicht",
        regels=("R-ID-5", "R-PR-3"),
    ),
    Verwerkingsactiviteit(
        code="sjabloonbeheer",
        naam="Beheer van briefhoofd en briefsjablonen",
        doel="De eigen briefteksten en het briefhoofd van de organisatie bijhouden.",
        grondslag="AVG art. 6 lid 1 sub e",
        betrokkenen=("medewerkers",),
        gegevens=("naam en functie van de ondertekenaar",),
        rollen=("functioneel-beheerder",),
        bewaartermijn="auditlog",
    ),
)
