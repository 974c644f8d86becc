"""The processing activity of verzuimmeldingen (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import LEERPLICHTWET, Verwerkingsactiviteit, registreer
from verzuim.meldingen.services import DOEL

registreer(
    "meldingen",
    Verwerkingsactiviteit(
        code=DOEL,
        naam="Verzuimmeldingen",
        doel="Verzuim dat een school meldt ontvangen, doorsturen naar de bevoegde gemeente "
        "en behandelen.",
        grondslag=f"{LEERPLICHTWET}; art. 21 (meldplicht school)",
        betrokkenen=("leerlingen", "ouders/verzorgers"),
        gegevens=(
            "BSN of onderwijsnummer",
            "naam",
            "geboortedatum",
            "woonadres",
            "verzuimsoort, periode en toelichting",
            "status en behandelaar",
        ),  # fmt: skip
        rollen=(
            "schoolmedewerker (eigen meldingen: status)",
            "leerplichtambtenaar",
            "administratief-medewerker",
            "rmc-trajectbegeleider",
        ),  # fmt: skip
        ontvangers=("de gemeente of leerplichtdienst van inwoning", "het RMC (18+)"),
        bewaartermijn="leerplicht",
        regels=("R-ME-1", "R-RT-1", "R-RT-5", "R-PR-1"),
    ),
)
