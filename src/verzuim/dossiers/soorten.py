"""The code list of activity types (R-CW-3/4, R-CW-9, R-PR-5) as data: migration 0002 loads
it, and after a flush of the tables (a transactional test) `post_migrate` puts it back
(`zorg_voor_soorten`), as Django does for permissions. Later work adds its types here or in
a data migration of its own; a code is never renamed (activities refer to it: it is the
primary key).
"""

from __future__ import annotations

# code, label, handmatig, met_wie, zet_vervolgdatum, bijzondere_categorie, omschrijving
SOORTEN = [
    (
        "verzuimoverzicht-opgevraagd",
        "Verzuimoverzicht opgevraagd",
        False,
        False,
        False,
        False,
        "Verzoek aan de school om het verzuimoverzicht (R-CW-3).",
    ),
    (
        "verzuimoverzicht-ontvangen",
        "Verzuimoverzicht ontvangen",
        True,
        False,
        False,
        False,
        "Het verzuimoverzicht van de school (R-CW-3).",
    ),
    (
        "brief-verstuurd",
        "Brief verstuurd",
        True,
        True,
        False,
        False,
        "Brief aan ouders, leerling (vanaf 12) of school (R-CW-4).",
    ),
    (
        "uitnodiging",
        "Uitnodiging voor gesprek",
        True,
        True,
        False,
        False,
        "Uitnodiging voor een gesprek op school of het gemeentehuis (R-CW-4).",
    ),
    ("gesprek", "Gesprek", True, True, False, False, "Gesprek en verslag (R-CW-4)."),
    (
        "mdo",
        "MDO / netwerkoverleg",
        True,
        True,
        False,
        False,
        "Multidisciplinair overleg of netwerkoverleg (R-CW-4).",
    ),
    (
        "afspraken",
        "Afspraken",
        True,
        True,
        True,
        False,
        "Afspraken met ouders, leerling en school; zet de volgende actiedatum (R-CW-4).",
    ),
    ("huisbezoek", "Huisbezoek", True, True, False, False, "Huisbezoek (R-CW-4, R-CW-9)."),
    (
        "zorgmelding",
        "Zorgmelding",
        True,
        False,
        False,
        True,
        "Melding bij zorg of wijkteam (R-CW-5); bijzonder persoonsgegeven (R-PR-5).",
    ),
    (
        "veilig-thuis",
        "Melding Veilig Thuis",
        True,
        False,
        False,
        True,
        "Melding bij Veilig Thuis (R-CW-5); bijzonder persoonsgegeven (R-PR-5).",
    ),
    (
        "rmc-overdracht",
        "RMC-overdracht",
        True,
        False,
        False,
        False,
        "Overdracht aan de RMC-trajectbegeleider.",
    ),
    ("telefonisch-contact", "Telefonisch contact", True, True, False, False, ""),
    ("email-contact", "E-mailcontact", True, True, False, False, ""),
    (
        "adresonderzoek-brp",
        "Verzoek adresonderzoek BRP",
        True,
        False,
        False,
        False,
        "Verzoek aan de BRP om het adres in onderzoek te zetten (R-CW-9).",
    ),
    (
        "controles-absoluut-verzuim",
        "Controles absoluut verzuim",
        True,
        False,
        False,
        False,
        "Broers/zussen ingeschreven, recent verhuisd en van waar, AZC, vorige school (R-CW-9).",
    ),
    ("overig", "Overige activiteit", True, False, False, False, ""),
    # Written by the register's services only.
    ("dossier-geopend", "Dossier geopend", False, False, False, False, ""),
    ("melding-ontvangen", "Melding ontvangen", False, False, False, False, "(R-CW-1)"),
    ("melding-doorgestuurd", "Melding doorgestuurd", False, False, False, False, "(R-RT-5)"),
    ("signaal-opgenomen", "Signaal opgenomen", False, False, False, False, "(R-CW-1, R-CW-9)"),
    ("fase-gewijzigd", "MAS-fase gewijzigd", False, False, False, False, "(R-CW-2)"),
    ("dossier-gesloten", "Dossier gesloten", False, False, False, False, "(R-CW-11)"),
    ("dossier-heropend", "Dossier heropend", False, False, False, False, "(R-CW-11)"),
    # The enforcement routes (dossiers/handhaving.py, R-CW-6..8): written by their services
    # only; appended (the order numbers of the rows above stay as they were). Halt and
    # proces-verbaal are criminal data (R-PR-5, accounts.afscherming): the LPA's only.
    ("halt-verwijzing", "Halt-verwijzing", False, False, False, True, "(R-CW-6)"),
    ("halt-uitkomst", "Uitkomst Halt", False, False, False, True, "(R-CW-6)"),
    ("proces-verbaal", "Proces-verbaal", False, False, False, True, "(R-CW-7, Wpg)"),
    ("pv-uitkomst", "Uitkomst proces-verbaal", False, False, False, True, "(R-CW-7, Wpg)"),
    ("kinderbijslag-stop", "Kinderbijslag stopgezet", False, False, False, False, "(R-CW-8)"),
    ("kinderbijslag-hervat", "Kinderbijslag hervat", False, False, False, False, "(R-CW-8)"),
    ("route-gekozen", "Route gekozen", False, False, False, False, "(R-CW-9, R-CW-10)"),
    ("verloftoets", "Verloftoets", False, False, False, False, "(R-CW-10, R-VL-1)"),
]


def velden(i: int, rij: tuple) -> dict:
    code, label, handmatig, met_wie, vervolg, bijzonder, omschrijving = rij
    return {
        "code": code,
        "label": label,
        "handmatig": handmatig,
        "met_wie": met_wie,
        "zet_vervolgdatum": vervolg,
        "bijzondere_categorie": bijzonder,
        "omschrijving": omschrijving,
        "volgorde": (i + 1) * 10,
    }


def zorg_voor_soorten(model) -> None:
    """Insert the missing types (existing rows, edited in beheer, stay as they are)."""
    model.objects.bulk_create(
        [model(**velden(i, rij)) for i, rij in enumerate(SOORTEN)], ignore_conflicts=True
    )
