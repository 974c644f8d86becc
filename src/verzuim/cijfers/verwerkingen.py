"""The processing activity of the figures (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import Verwerkingsactiviteit, registreer
from verzuim.cijfers.services import DOEL

registreer(
    "cijfers",
    Verwerkingsactiviteit(
        code=DOEL,
        naam="Leerplichttelling",
        doel="De jaarlijkse leerplichttelling opstellen en de gevallen achter een getal "
        "controleren; publicatie alleen als geaggregeerde, onthulde cijfers.",
        grondslag="AVG art. 6 lid 1 sub c; Leerplichtwet 1969 art. 25 (verantwoording)",
        betrokkenen=("leerplichtigen en kwalificatieplichtigen",),
        gegevens=(
            "aantallen per gemeente",
            "gevallen achter een getal: BSN, melding, signaal, dossier",
            "strafrechtelijke gegevens (Halt, proces-verbaal met uitkomst) achter een getal",
        ),
        rollen=("leerplichtambtenaar", "beleidsmedewerker (alleen aantallen)"),
        ontvangers=("Ministerie van OCW (telling)", "het publiek (benchmark, onthuld)"),
        bewaartermijn="leerplicht",
        regels=("R-FG-1", "R-FG-2"),
    ),
)
