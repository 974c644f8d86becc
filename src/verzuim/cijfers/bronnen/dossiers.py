"""Enforcement from the case files (R-FG-1, R-CW-6..8): Halt referrals with their outcome,
processen-verbaal with the OM's outcome, kinderbijslag stops.

A route counts in the schooljaar it was started (``gestart``); each person once per kind of
route, at the gemeente of the dossier of their last route of that kind (the dossier's
gemeente, else its organisation's), with that route's outcome (``lopend`` while none).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from django.apps import apps

from verzuim.cijfers.bronnen import Bron, Geval, Telling
from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.periode import Periode
from verzuim.rules._datum import nl

APP = "verzuim.dossiers"

#: Route kinds and outcome codes as the dossiers app writes them (dossiers.models
#: HandhavingSoort, Uitkomst).
HALT, PV, KINDERBIJSLAG = "halt", "proces-verbaal", "kinderbijslag"
LOPEND = "lopend"
ROUTES = {
    HALT: ("haltVerwijzingen", "haltUitkomsten", ("positief", "negatief")),
    PV: (
        "processenVerbaal",
        "processenVerbaalUitkomsten",
        ("sepot", "strafbeschikking", "dagvaarding", "vonnis"),
    ),
    KINDERBIJSLAG: ("kinderbijslagStops", "kinderbijslagUitkomsten", ("hervat",)),
}
_LABELS = {
    HALT: ("Halt-verwijzingen", "leerlingen naar Halt verwezen (R-CW-6)"),
    PV: ("Processen-verbaal", "leerlingen (of hun ouders) tegen wie proces-verbaal is opgemaakt "
         "(R-CW-7)"),
    KINDERBIJSLAG: ("Kinderbijslag gestopt", "leerlingen voor wie niet-nakoming aan de SVB is "
                    "gemeld (kinderbijslag gestopt, R-CW-8)"),
}  # fmt: skip
_UITKOMST_LABELS = {
    "positief": "positief afgerond",
    "negatief": "negatief afgerond",
    "sepot": "sepot",
    "strafbeschikking": "strafbeschikking / transactie",
    "dagvaarding": "dagvaarding (nog geen vonnis)",
    "vonnis": "vonnis",
    "hervat": "nakoming gemeld, kinderbijslag hervat",
    LOPEND: "nog zonder uitkomst",
}


def _definities() -> tuple[Definitie, ...]:
    uit = []
    regel = {HALT: "R-CW-6", PV: "R-CW-7", KINDERBIJSLAG: "R-CW-8"}
    for i, (soort, (sleutel, uitkomsten, codes)) in enumerate(ROUTES.items()):
        titel, wie = _LABELS[soort]
        nr = 1 + i * 10
        uit.append(
            Definitie(
                sleutel,
                titel,
                f"Aantal unieke {wie} in een route die in het schooljaar is gestart. Elke "
                "leerling telt één keer, bij de gemeente van het dossier van zijn laatste "
                "route van deze soort.",
                ("R-FG-1", regel[soort]),
                "personen",
                f"E{nr:02d}",
            )
        )
        for j, code in enumerate((*codes, LOPEND)):
            uit.append(
                Definitie(
                    f"{uitkomsten}.{code}",
                    f"{titel}: {_UITKOMST_LABELS[code]}",
                    f"Van {sleutel}: de laatste route heeft uitkomst '{_UITKOMST_LABELS[code]}'.",
                    ("R-FG-1", regel[soort]),
                    "personen",
                    f"E{nr + 1 + j:02d}",
                    benchmark=False,
                )
            )
    return tuple(uit)


DEFINITIES = _definities()


def beschikbaar() -> str | None:
    """None when the dossiers app with its routes (the `Handhaving` model) is installed: the
    dossiers app arrives before its Halt/PV/SVB routes (issue 9)."""
    if apps.is_installed(APP):
        try:
            apps.get_model("dossiers", "Handhaving")
            return None
        except LookupError:
            pass
    return (
        "Nog niet beschikbaar: de routes van de dossiers (Halt, processen-verbaal, "
        "kinderbijslag) zijn in deze installatie nog niet aanwezig."
    )


def _personen(periode: Periode, gemeente_ids: Collection[int] | None) -> list[dict]:
    from django.db.models.functions import Coalesce

    from verzuim.dossiers.models import Handhaving

    rijen = (
        Handhaving.objects.filter(
            soort__in=list(ROUTES), gestart__gte=periode.begin, gestart__lte=periode.eind
        )
        .annotate(
            gemeente_id=Coalesce("dossier__gemeente_id", "dossier__organisatie__gemeente_id"),
            identificatie=Coalesce(
                "dossier__leerling__burgerservicenummer", "dossier__leerling__onderwijsnummer"
            ),
        )
        .values(
            "uuid", "soort", "uitkomst", "gestart", "gemeente_id", "identificatie",
            "dossier__uuid", "dossier__leerling_id", "dossier__organisatie_id",
        )
        .order_by("dossier__leerling_id", "soort", "gestart", "id")
    )  # fmt: skip
    laatste: dict[tuple[int, str], dict] = {}
    for r in rijen:
        laatste[(r["dossier__leerling_id"], r["soort"])] = r
    uit = []
    for (leerling_id, soort), r in laatste.items():
        if gemeente_ids is not None and r["gemeente_id"] not in gemeente_ids:
            continue
        sleutel, uitkomsten, codes = ROUTES[soort]
        code = r["uitkomst"] if r["uitkomst"] in codes else LOPEND
        uit.append(
            {"leerling_id": leerling_id, "rij": r, "sleutels": [sleutel, f"{uitkomsten}.{code}"]}
        )
    return uit


def tel(periode: Periode, gemeente_ids: Collection[int] | None) -> Telling:
    uit: Telling = defaultdict(dict)
    for p in _personen(periode, gemeente_ids):
        g = uit[p["rij"]["gemeente_id"]]
        for k in p["sleutels"]:
            g[k] = g.get(k, 0) + 1
    return uit


def gevallen(periode: Periode, gemeente_id: int, sleutel: str) -> list[Geval]:
    return [
        Geval(
            p["leerling_id"],
            p["rij"]["identificatie"],
            p["rij"]["dossier__organisatie_id"],
            f"{_LABELS[p['rij']['soort']][0]} gestart {nl(p['rij']['gestart'])}, uitkomst: "
            f"{_UITKOMST_LABELS[p['sleutels'][1].rsplit('.', 1)[1]]}",
            p["rij"]["gestart"],
            (("dossier", str(p["rij"]["dossier__uuid"])),),
        )
        for p in _personen(periode, {gemeente_id})
        if sleutel in p["sleutels"]
    ]


def vingerafdruk() -> tuple:
    if beschikbaar():
        return ()
    from django.db.models import Count, Max

    from verzuim.dossiers.models import Activiteit, Handhaving

    # A route's outcome is recorded with a timeline entry (dossiers.handhaving.SOORT).
    return (
        *Handhaving.objects.aggregate(m=Max("id"), n=Count("id")).values(),
        Activiteit.objects.aggregate(m=Max("id"))["m"],
    )


BRON = Bron(
    naam="dossiers",
    titel="Dossiers (handhaving)",
    definities=DEFINITIES,
    tel=tel,
    gevallen=gevallen,
    vingerafdruk=vingerafdruk,
    beschikbaar=beschikbaar,
    bijzonder=True,  # Halt, proces-verbaal: criminal data (R-PR-5)
)
