"""The processing activities of pupils, enrolments, vrijstellingen and the BRP (register:
audit.verwerkingen)."""

from verzuim.audit.verwerkingen import LEERPLICHTWET, Verwerkingsactiviteit, registreer
from verzuim.personen.api_leerplicht import DOEL_KEUZEHULP
from verzuim.personen.leerlingkaart import DOEL_INZIEN, DOEL_ZOEKEN
from verzuim.personen.leerplicht import DOEL_LEERPLICHTSTATUS
from verzuim.personen.services import DOEL

LEERLINGEN = ("leerlingen (leerplichtigen en kwalificatieplichtigen)",)
LEZERS = ("schoolmedewerker", "leerplichtambtenaar", "administratief-medewerker",
          "rmc-trajectbegeleider")  # fmt: skip
BRP = ("BSN", "naam", "geboortedatum", "adres en woongemeente (BRP)")

registreer(
    "personen",
    Verwerkingsactiviteit(
        code=DOEL,
        naam="Registratie van onderwijsdeelname",
        doel="Bijhouden welke leerling waar ingeschreven is, diploma's en vrijstellingen, "
        "om leerplicht en kwalificatieplicht te kunnen handhaven.",
        grondslag=LEERPLICHTWET,
        betrokkenen=LEERLINGEN,
        gegevens=(
            *BRP,
            "onderwijsnummer",
            "inschrijvingen",
            "diploma's",
            "vrijstellingen (art. 5 onder a: gezondheid; 5 onder b: levensovertuiging)",
        ),  # fmt: skip
        rollen=LEZERS,
        ontvangers=("de gemeente van inwoning", "de school van inschrijving (eigen leerlingen)"),
        bewaartermijn="leerplicht",
        regels=("R-ID-1", "R-ID-3", "R-VR-1", "R-PR-5"),
    ),
    Verwerkingsactiviteit(
        code=DOEL_LEERPLICHTSTATUS,
        naam="Leerplichtstatus bepalen",
        doel="Vaststellen of iemand leerplichtig of kwalificatieplichtig is.",
        grondslag=LEERPLICHTWET,
        betrokkenen=LEERLINGEN,
        gegevens=("BSN of onderwijsnummer", "geboortedatum", "inschrijvingen", "diploma's"),
        rollen=LEZERS,
        bewaartermijn="leerplicht",
        regels=("R-LP-1",),
    ),
    Verwerkingsactiviteit(
        code=DOEL_KEUZEHULP,
        naam="Keuzehulp verzuimsoort",
        doel="De school helpen de juiste soort verzuimmelding te kiezen.",
        grondslag=LEERPLICHTWET,
        betrokkenen=LEERLINGEN,
        gegevens=("BSN of onderwijsnummer", "geboortedatum", "inschrijvingen"),
        rollen=LEZERS,
        bewaartermijn="leerplicht",
        regels=("R-VZ-4",),
    ),
    Verwerkingsactiviteit(
        code=DOEL_ZOEKEN,
        naam="Leerling opzoeken",
        doel="Een leerling vinden om een melding of dossier te behandelen.",
        grondslag=LEERPLICHTWET,
        betrokkenen=LEERLINGEN,
        gegevens=("BSN of onderwijsnummer", "naam"),
        rollen=LEZERS,
        bewaartermijn="leerplicht",
        regels=("R-PR-1",),
    ),
    Verwerkingsactiviteit(
        code=DOEL_INZIEN,
        naam="Leerlinggegevens inzien",
        doel="De gegevens van een leerling bekijken voor de behandeling van verzuim.",
        grondslag=LEERPLICHTWET,
        betrokkenen=(*LEERLINGEN, "ouders/verzorgers"),
        gegevens=(*BRP, "ouders/verzorgers (BRP)", "inschrijvingen", "meldingen", "signalen"),
        rollen=LEZERS,
        bewaartermijn="leerplicht",
        regels=("R-ID-3", "R-PR-1"),
    ),
    Verwerkingsactiviteit(
        code="brp-proef",
        naam="BRP-proefbevraging",
        doel="De koppeling met de BRP controleren (alleen proefpersonen).",
        grondslag="AVG art. 6 lid 1 sub e; Wet BRP art. 3.3",
        betrokkenen=("proefpersonen van de BRP",),
        gegevens=BRP,
        rollen=("registerbeheerder",),
        bewaartermijn="auditlog",
        regels=("R-ID-3",),
    ),
    Verwerkingsactiviteit(
        code="scenario laden",
        naam="Testscenario laden",
        doel="Demonstratie- en testgegevens laden (geen echte personen).",
        grondslag="Geen persoonsgegevens van echte personen (fictieve testgegevens).",
        betrokkenen=("fictieve personen",),
        gegevens=BRP,
        rollen=("systeem",),
        bewaartermijn="auditlog",
    ),
    Verwerkingsactiviteit(
        code="signalering absoluut verzuim (R-SG-1)",
        naam="Leerlingen vastleggen voor de signalering",
        doel="Ingezetenen in de doelgroep vastleggen om absoluut verzuim te kunnen signaleren.",
        grondslag=LEERPLICHTWET,
        betrokkenen=LEERLINGEN,
        gegevens=("BSN", "geboortedatum"),
        rollen=("systeem",),
        bewaartermijn="leerplicht",
        regels=("R-SG-1",),
    ),
)
