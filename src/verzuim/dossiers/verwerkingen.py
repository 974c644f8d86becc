"""The processing activity of the leerplicht dossiers (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import LEERPLICHTWET, Verwerkingsactiviteit, registreer
from verzuim.dossiers.basis import DOEL

registreer(
    "dossiers",
    Verwerkingsactiviteit(
        code=DOEL,
        naam="Dossiers leerplicht",
        doel="Verzuim aanpakken: gesprekken, huisbezoeken, brieven, afspraken, besluiten en "
        "vervolgstappen vastleggen in het dossier van de leerling.",
        grondslag=f"{LEERPLICHTWET}; Wpg (proces-verbaal door een BOA)",
        betrokkenen=("leerlingen", "ouders/verzorgers"),
        gegevens=(
            "BSN of onderwijsnummer",
            "meldingen en signalen",
            "activiteiten met bron en datum",
            "faseverslagen en besluiten",
            "bijzondere categorieën (gezondheid, "
            "strafrechtelijke gegevens) alleen voor de leerplichtambtenaar",
            "werkaantekeningen (alleen de auteur; vernietigd bij sluiten)",
        ),  # fmt: skip
        rollen=("leerplichtambtenaar", "administratief-medewerker (zonder bijzondere categorieën)"),
        ontvangers=(
            "ouders/verzorgers en leerling (brieven)",
            "school",
            "Halt (halt-verwijzing)",
            "Openbaar Ministerie (proces-verbaal)",
            "SVB (kinderbijslag)",
        ),  # fmt: skip
        bewaartermijn="leerplicht",
        regels=("R-CW-1", "R-PR-2", "R-PR-5"),
    ),
)
