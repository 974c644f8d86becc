"""Loading the public reference data of src/verzuim/data/ (see SOURCES.md there).

Every loader takes an app registry (`django.apps.apps`, or the historical `apps` of a data
migration) so the same code fills a fresh database by migration and refreshes it from
`verzuim load-reference`. All writes are bulk upserts keyed on the natural code, so loading
twice changes nothing (idempotent) and values registerbeheer maintains (contactgemeente once
confirmed, notification e-mail) are never overwritten.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

REGISTER_CODE = "REGISTER"
REGISTER_NAAM = "Verzuimregister (DUO)"

# Provenance per file (SOURCES.md), shown in the admin.
BRONNEN = {
    "gemeenten-2025.csv": (
        "Gemeenten met CBS-code en provincie",
        "CBS gebiedsindelingen (CC BY 4.0), via entranos/regioviewer data/gemeenten.csv "
        "(b05b432) en ahrnuld/jobmarket data/reference/municipalities.csv (a0b3183). "
        "Bron: CBS. Indeling 1 januari 2025, ongewijzigd in 2026.",
        "2025",
    ),
    "rmc-regios.csv": (
        "RMC-regio's met hun gemeenten (DUO-nummer 01-41, CBS MCnn)",
        "Afgeleid uit DUO Alle schoolvestigingen basisonderwijs (RMC-REGIO CODE/NAAM). "
        "Contactgemeente staat niet in de bron: voorlopig de gemeente met de meeste "
        "po-vestigingen tot registerbeheer hem vaststelt.",
        "2026",
    ),
    "gemeente-rmc-regio.csv": (
        "Gemeente naar RMC-regio",
        "Afgeleid uit DUO Alle schoolvestigingen basisonderwijs.",
        "2026",
    ),
    "gemeente-vakantieregio.csv": (
        "Vakantieregio per gemeente",
        "Afgeleid uit kolom VAKANTIEREGIO van DUO Alle schoolvestigingen basisonderwijs "
        "(regio van de meeste vestigingen; 4 gemeenten gesplitst).",
        "2026",
    ),
    "schoolvakanties.csv": (
        "Schoolvakanties (landelijke data per regio)",
        "Rijksoverheid/OCW open data via burakkp/nl-holidays-ical (079392a, MIT); "
        "2023-2024 uit opgeslagen webpagina's (kolom bron).",
        "2023/24 t/m 2029/30",
    ),
    "scholen-po.csv": (
        "Schoolvestigingen basisonderwijs (instellingen en vestigingen)",
        "DUO open onderwijsdata 02.-alle-schoolvestigingen-basisonderwijs.csv, via "
        "sessyll/Dutch_Primary_Education_Lakehouse_Pipeline (bb794a7). Bron: DUO.",
        "2026 (04-08-2026)",
    ),
}


def read_csv(naam: str) -> list[dict[str, str]]:
    with open(DATA_DIR / naam, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _bron(apps, bestand: str, aantal: int):
    ReferentieBron = apps.get_model("organisaties", "ReferentieBron")
    omschrijving, bron, jaar = BRONNEN[bestand]
    obj, _ = ReferentieBron.objects.update_or_create(
        bestand=bestand,
        defaults={"omschrijving": omschrijving, "bron": bron, "jaar": jaar, "aantal": aantal},
    )
    return obj


def _upsert(model, objs, unique: list[str], update: list[str]) -> None:
    """INSERT ... ON CONFLICT (unique) DO UPDATE (update): one statement per batch."""
    model.objects.bulk_create(
        objs,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=unique,
        update_fields=update,
    )


def laad_basis(apps) -> dict[str, int]:
    """Gemeenten, RMC-regio's (with provisional contactgemeente), school holidays, and an
    Organisatie per gemeente, per RMC-regio and for the register. Small: runs as a data
    migration so every database (tests too) has it."""
    Gemeente = apps.get_model("organisaties", "Gemeente")
    RmcRegio = apps.get_model("organisaties", "RmcRegio")
    Organisatie = apps.get_model("organisaties", "Organisatie")

    gemeenten = read_csv("gemeenten-2025.csv")
    rmc_rows = read_csv("rmc-regios.csv")
    gem_rmc = {r["gemeentecode"]: r["rmc_regio_code"] for r in read_csv("gemeente-rmc-regio.csv")}
    vak = {r["gemeentecode"]: r for r in read_csv("gemeente-vakantieregio.csv")}

    bron_rmc = _bron(apps, "rmc-regios.csv", len(rmc_rows))
    _bron(apps, "gemeente-rmc-regio.csv", len(gem_rmc))
    _bron(apps, "gemeente-vakantieregio.csv", len(vak))
    bron_gem = _bron(apps, "gemeenten-2025.csv", len(gemeenten))

    _upsert(
        RmcRegio,
        [
            RmcRegio(nummer=r["rmc_regio_code"], naam=r["rmc_regio_naam"], bron=bron_rmc)
            for r in rmc_rows
        ],
        ["nummer"],
        ["naam", "bron"],
    )
    rmc_pk = dict(RmcRegio.objects.values_list("nummer", "pk"))

    _upsert(
        Gemeente,
        [
            Gemeente(
                code=g["gemeentecode"],
                naam=g["gemeentenaam"],
                provincie=g["provincienaam"],
                vakantieregio=vak[g["gemeentecode"]]["vakantieregio"],
                rmc_regio_id=rmc_pk[gem_rmc[g["gemeentecode"]]],
                bron=bron_gem,
            )
            for g in gemeenten
        ],
        ["code"],
        ["naam", "provincie", "vakantieregio", "rmc_regio", "bron"],
    )
    gem_pk = dict(Gemeente.objects.values_list("code", "pk"))

    _zet_voorlopige_contactgemeenten(RmcRegio, rmc_rows, vak, gem_pk)

    orgs = [
        Organisatie(
            code=g["gemeentecode"],
            soort="gemeente",
            naam=f"Gemeente {g['gemeentenaam']}",
            gemeente_id=gem_pk[g["gemeentecode"]],
        )
        for g in gemeenten
    ]
    _upsert(Organisatie, orgs, ["code"], ["naam", "soort", "gemeente"])
    _upsert(
        Organisatie,
        [
            Organisatie(
                code=f"MC{r['rmc_regio_code']}",
                soort="rmc-regio",
                naam=f"RMC-regio {r['rmc_regio_naam']}",
                rmc_regio_id=rmc_pk[r["rmc_regio_code"]],
            )
            for r in rmc_rows
        ],
        ["code"],
        ["naam", "soort", "rmc_regio"],
    )
    Organisatie.objects.update_or_create(
        code=REGISTER_CODE, defaults={"soort": "register", "naam": REGISTER_NAAM}
    )
    n_vak = laad_schoolvakanties(apps)
    return {"gemeenten": len(gemeenten), "rmc_regios": len(rmc_rows), "schoolvakanties": n_vak}


def _zet_voorlopige_contactgemeenten(RmcRegio, rmc_rows, vak, gem_pk) -> None:
    """SOURCES.md gap: the contactgemeente (R-RT-2 default for 18-plus) is not published.
    Until registerbeheer confirms one (contactgemeente_voorlopig=False), take the member
    gemeente with the most po vestigingen (ties: lowest code)."""

    def vestigingen(code: str) -> int:
        r = vak[code]
        return sum(
            int(r[k])
            for k in ("po_vestigingen_noord", "po_vestigingen_midden", "po_vestigingen_zuid")
        )

    keuze = {
        r["rmc_regio_code"]: max(
            r["gemeentecodes"].split(), key=lambda c: (vestigingen(c), -int(c[2:]))
        )
        for r in rmc_rows
    }
    regios = list(RmcRegio.objects.filter(contactgemeente_voorlopig=True))
    for regio in regios:
        regio.contactgemeente_id = gem_pk[keuze[regio.nummer]]
    RmcRegio.objects.bulk_update(regios, ["contactgemeente"])


def laad_schoolvakanties(apps) -> int:
    Schoolvakantie = apps.get_model("organisaties", "Schoolvakantie")
    rows = read_csv("schoolvakanties.csv")
    _bron(apps, "schoolvakanties.csv", len(rows))
    standaard = "Rijksoverheid open data (via burakkp/nl-holidays-ical)"
    _upsert(
        Schoolvakantie,
        [
            Schoolvakantie(
                schooljaar=r["schooljaar"],
                vakantie=r["vakantie"],
                regio=r["regio"],
                startdatum=date.fromisoformat(r["startdatum"]),
                einddatum=date.fromisoformat(r["einddatum"]),
                verplicht=r["status"] == "verplicht",
                bron=r["bron"] or standaard,
            )
            for r in rows
        ],
        ["schooljaar", "vakantie", "regio"],
        ["startdatum", "einddatum", "verplicht", "bron"],
    )
    return len(rows)


def laad_scholen(apps) -> dict[str, int]:
    """The DUO po school list: an Organisatie (soort school, sector po, code = BRIN) per
    instelling, named after its hoofdvestiging (BRIN + 00), and its vestigingen."""
    Gemeente = apps.get_model("organisaties", "Gemeente")
    Organisatie = apps.get_model("organisaties", "Organisatie")
    Vestiging = apps.get_model("organisaties", "Vestiging")

    rows = read_csv("scholen-po.csv")
    bron = _bron(apps, "scholen-po.csv", len(rows))
    per_brin: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        per_brin[r["INSTELLINGSCODE"]].append(r)

    def instellingsnaam(vestigingen: list[dict]) -> str:
        hoofd = min(vestigingen, key=lambda r: r["VESTIGINGSCODE"])
        return hoofd["VESTIGINGSNAAM"]

    _upsert(
        Organisatie,
        [
            Organisatie(code=brin, soort="school", sector="po", naam=instellingsnaam(v))
            for brin, v in per_brin.items()
        ],
        ["code"],
        ["naam", "soort", "sector"],
    )
    org_pk = dict(Organisatie.objects.filter(soort="school").values_list("code", "pk"))
    gem_pk = dict(Gemeente.objects.values_list("code", "pk"))
    _upsert(
        Vestiging,
        [
            Vestiging(
                code=r["VESTIGINGSCODE"],
                instelling_id=org_pk[r["INSTELLINGSCODE"]],
                naam=r["VESTIGINGSNAAM"],
                gemeente_id=gem_pk[r["GEMEENTECODE"]],
                straat=r["STRAATNAAM"],
                huisnummer=r["HUISNUMMER-TOEVOEGING"],
                postcode=r["POSTCODE"],
                plaats=r["PLAATSNAAM"],
                vakantieregio=r["VAKANTIEREGIO"].lower(),
                bron=bron,
            )
            for r in rows
        ],
        ["code"],
        [
            "instelling",
            "naam",
            "gemeente",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "vakantieregio",
            "bron",
        ],
    )
    return {"instellingen": len(per_brin), "vestigingen": len(rows)}
