"""The processing activities of the privacy app (register: audit.verwerkingen)."""

from verzuim.audit.verwerkingen import Verwerkingsactiviteit, registreer

DOEL_INZAGE = "inzageverzoek"

registreer(
    "privacy",
    Verwerkingsactiviteit(
        code=DOEL_INZAGE,
        naam="Inzageverzoeken",
        doel="Een verzoek om inzage van een leerling of ouder registreren en beantwoorden met "
        "een overzicht van alle gegevens die de organisatie over de leerling heeft, met de "
        "werkaantekeningen tenzij een leerplichtambtenaar na afweging besluit er een niet te "
        "verstrekken; een ouder van een leerling van 16 jaar of ouder krijgt zonder "
        "toestemming van de leerling niet diens redenen en de verslagen.",
        grondslag="AVG art. 6 lid 1 sub c; AVG art. 12, 15 en 20 (recht op inzage en "
        "overdraagbaarheid)",
        betrokkenen=("leerlingen", "ouders/verzorgers (verzoeker)"),
        gegevens=(
            "BSN of onderwijsnummer",
            "naam en relatie van de verzoeker",
            "datum van ontvangst en termijn",
            "toestemming van de leerling (16 jaar of ouder)",
            "werkaantekeningen en de afweging om er een niet te verstrekken",
            "het inzageoverzicht",
        ),  # fmt: skip
        rollen=("privacy-officer", "leerplichtambtenaar"),
        ontvangers=("de betrokkene of diens wettelijk vertegenwoordiger",),
        bewaartermijn="inzage",
        regels=("R-PR-3", "R-PR-2a"),
        versie=2,  # v2: werkaantekeningen in the export, the 16+ rule (R-PR-2a)
    ),
    Verwerkingsactiviteit(
        code="bewaartermijnen",
        naam="Vernietiging na de bewaartermijn",
        doel="Gegevens vernietigen zodra de bewaartermijn verstreken is; alleen aantallen "
        "worden vastgelegd, en de tellingen van voorbije schooljaren blijven bewaard.",
        grondslag="AVG art. 5 lid 1 sub e (opslagbeperking); Archiefwet 1995 en de "
        "Selectielijst gemeenten (12.1.3, 12.1.4); Wpg art. 8",
        betrokkenen=("leerlingen en oud-leerlingen",),
        gegevens=("aantallen vernietigde gegevens per categorie (geen inhoud)",),
        rollen=("systeem",),
        bewaartermijn="auditlog",
        regels=("R-PR-4",),
    ),
)
