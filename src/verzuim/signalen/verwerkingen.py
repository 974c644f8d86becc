"""The processing activities of the register's signals (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import LEERPLICHTWET, Verwerkingsactiviteit, registreer
from verzuim.signalen import herberekening, mutaties, services

BEHANDELAARS = ("leerplichtambtenaar", "administratief-medewerker", "rmc-trajectbegeleider")
SIGNAALGEGEVENS = ("BSN", "geboortedatum", "woongemeente (BRP)", "inschrijvingen",
                   "signaal: soort, sinds, opgelost")  # fmt: skip

registreer(
    "signalen",
    Verwerkingsactiviteit(
        code=herberekening.DOEL,
        naam="Signalering absoluut verzuim en voortijdig schoolverlaten",
        doel="Leerplichtigen zonder inschrijving en potentiële voortijdig schoolverlaters "
        "signaleren.",
        grondslag=LEERPLICHTWET,
        betrokkenen=("leerplichtigen en kwalificatieplichtigen in de gemeente",),
        gegevens=SIGNAALGEGEVENS,
        rollen=("systeem",),
        ontvangers=("de gemeente van inwoning",),
        bewaartermijn="leerplicht",
        regels=("R-SG-1", "R-SG-2", "R-SG-4", "R-SG-5"),
    ),
    Verwerkingsactiviteit(
        code=mutaties.DOEL,
        naam="BRP-mutaties verwerken",
        doel="Verhuizing, overlijden en emigratie verwerken in de signalering.",
        grondslag=f"{LEERPLICHTWET}; Wet BRP art. 3.3",
        betrokkenen=("leerplichtigen en kwalificatieplichtigen",),
        gegevens=("BSN", "geboortedatum", "woongemeente", "datum overlijden of emigratie"),
        rollen=("systeem",),
        bewaartermijn="leerplicht",
        regels=("R-SG-5",),
    ),
    Verwerkingsactiviteit(
        code=services.DOEL,
        naam="Signalen behandelen",
        doel="Signalen van absoluut verzuim en voortijdig schoolverlaten onderzoeken.",
        grondslag=LEERPLICHTWET,
        betrokkenen=("leerplichtigen en kwalificatieplichtigen",),
        gegevens=SIGNAALGEGEVENS,
        rollen=BEHANDELAARS,
        bewaartermijn="leerplicht",
        regels=("R-SG-1", "R-SG-4"),
    ),
    Verwerkingsactiviteit(
        code=services.DOEL_LEERPLICHTIGEN,
        naam="Leerplichtigen in de gemeente volgen",
        doel="Het overzicht van de leerplichtigen die in de gemeente wonen (art. 16a, 18).",
        grondslag=LEERPLICHTWET,
        betrokkenen=("leerplichtigen en kwalificatieplichtigen in de gemeente",),
        gegevens=SIGNAALGEGEVENS,
        rollen=BEHANDELAARS,
        bewaartermijn="leerplicht",
        regels=("R-SG-1",),
    ),
)
