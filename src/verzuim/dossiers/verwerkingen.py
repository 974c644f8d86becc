"""The processing activity of the leerplicht dossiers (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import LEERPLICHTWET, Verwerkingsactiviteit, registreer
from verzuim.dossiers.basis import DOEL
from verzuim.dossiers.handhaving import DOEL_HALT, DOEL_OM, DOEL_SVB

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
            "naam, geboortedatum en adres uit de BRP in brieven aan ouders, leerling en school",
            "faseverslagen en besluiten",
            "bijzondere categorieën (gezondheid, "
            "strafrechtelijke gegevens) alleen voor de leerplichtambtenaar",
            "werkaantekeningen (op de dossierpagina alleen de auteur; in een inzageoverzicht "
            "tenzij een leerplichtambtenaar na afweging besluit ze niet te verstrekken; "
            "vernietigd bij sluiten)",
            "afwegingen om een werkaantekening niet te verstrekken (grond en reden)",
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
        regels=("R-CW-1", "R-PR-2", "R-PR-2a", "R-PR-5"),
    ),
)

# The handovers of the enforcement routes (dossiers/handhaving.py, issue 12 §3): each its own
# purpose, legal ground and recipient, so a person's processing log names who received what.
for _code, _naam, _doel, _grondslag, _ontvanger, _termijn, _regel in (
    (
        DOEL_HALT,
        "Verwijzing naar Halt",
        "De leerling naar Halt verwijzen voor een leerstraf bij schoolverzuim.",
        f"{LEERPLICHTWET}; Wetboek van Strafrecht art. 77e (Halt-afdoening)",
        "Halt",
        "leerplicht",
        "R-CW-6",
    ),
    (
        DOEL_OM,
        "Proces-verbaal naar het Openbaar Ministerie",
        "Een proces-verbaal wegens schoolverzuim opmaken en aan het OM zenden.",
        "AVG art. 10; Wet politiegegevens (art. 1 onder a, BOA); Leerplichtwet art. 16a, 26",
        "Openbaar Ministerie",
        "wpg",
        "R-CW-7",
    ),
    (
        DOEL_SVB,
        "Melding kinderbijslag aan de SVB",
        "De SVB melden dat een jongere van 16 of 17 niet aan de kwalificatieplicht voldoet, "
        "zodat de kinderbijslag stopt, en later dat hij weer voldoet.",
        f"{LEERPLICHTWET}; Algemene Kinderbijslagwet art. 7 lid 3 en art. 17c",
        "SVB",
        "leerplicht",
        "R-CW-8",
    ),
):
    registreer(
        "dossiers",
        Verwerkingsactiviteit(
            code=_code,
            naam=_naam,
            doel=_doel,
            grondslag=_grondslag,
            betrokkenen=("leerlingen", "ouders/verzorgers"),
            gegevens=("BSN", "naam en geboortedatum", "verzuimgegevens uit het dossier"),
            rollen=("leerplichtambtenaar (BOA)",),
            ontvangers=(_ontvanger,),
            bewaartermijn=_termijn,
            regels=(_regel, "R-PR-1"),
        ),
    )
