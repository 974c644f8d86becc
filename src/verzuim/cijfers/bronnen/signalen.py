"""Absoluut verzuim from the register's signals (R-SG-1..3, R-FG-1).

A person counts when an absoluut-verzuim signal of theirs held on at least one day of the
schooljaar (up to the end of the count): raised on or before that end and not resolved
before the schooljaar began. Unique persons, at the gemeente of their last such signal
(the BRP woongemeente the signal is about). A signal held from ``sinds`` up to the day before
``opgelost_op`` (the first peildatum it no longer held).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from django.apps import apps

from verzuim.cijfers.bronnen import Bron, Geval, Telling
from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.periode import Periode
from verzuim.rules._datum import nl
from verzuim.rules.telling import Periode as Tijdvak
from verzuim.rules.telling import deel_in

APP = "verzuim.signalen"
SOORT = "absoluut-verzuim"

_WIE = (
    "leerplichtige of kwalificatieplichtige inwoners zonder inschrijving en zonder vrijstelling "
    "(een signaal absoluut verzuim van het register) op minstens één dag van het schooljaar"
)
DEFINITIES = (
    Definitie(
        "absoluutVerzuim.totaal",
        "Absoluut verzuim: leerlingen",
        f"Aantal unieke {_WIE}. Elke persoon telt één keer, bij de gemeente van zijn laatste "
        "signaal in het schooljaar.",
        ("R-SG-1", "R-SG-3", "R-FG-1"),
        "personen",
        "A1",
    ),
    Definitie(
        "absoluutVerzuim.langerDan3Maanden",
        "Absoluut verzuim: langer dan 3 maanden",
        "Van A1: personen van wie het absoluut verzuim drie kalendermaanden na het begin nog "
        "aaneengesloten duurde (gekeken tot het einde van de telling; ook als het in een "
        "vorig schooljaar begon).",
        ("R-SG-3", "R-FG-1"),
        "personen",
        "A2",
    ),
    Definitie(
        "absoluutVerzuim.opgelost",
        "Absoluut verzuim: opgelost",
        "Van A1: personen van wie het laatste signaal vóór het einde van de telling is "
        "opgelost (ingeschreven, vrijgesteld, startkwalificatie, verhuisd, …).",
        ("R-SG-3", "R-FG-1"),
        "personen",
        "A3",
    ),
    Definitie(
        "absoluutVerzuim.nooitIngeschreven",
        "Absoluut verzuim: nooit ingeschreven",
        "Van A1: personen die vóór hun laatste signaal nooit op een school ingeschreven waren.",
        ("R-SG-1", "R-FG-1"),
        "personen",
        "A4",
    ),
    Definitie(
        "absoluutVerzuim.schoolverlaters",
        "Absoluut verzuim: uitgeschreven",
        "Van A1: personen die vóór hun laatste signaal wel ingeschreven waren (voortijdig "
        "uitgeschreven); A4 + A5 = A1.",
        ("R-SG-1", "R-FG-1"),
        "personen",
        "A5",
    ),
)


def beschikbaar() -> str | None:
    if apps.is_installed(APP):
        return None
    return (
        "Nog niet beschikbaar: de signalen van het register (absoluut verzuim) zijn in deze "
        "installatie nog niet aanwezig."
    )


def _personen(
    periode: Periode, gemeente_ids: Collection[int] | None, identificatie: bool = False
) -> list[dict]:
    """Per person their signals of the schooljaar; with `identificatie` (the cases behind a
    number) also each pupil's BSN/onderwijsnummer — the count does without, which spares it a
    join with every pupil (at national scale PostgreSQL hashed all 3.7 million)."""
    from django.db.models import Exists, OuterRef, Q, Value
    from django.db.models.functions import Coalesce

    from verzuim.personen.models import Inschrijving
    from verzuim.signalen.models import Signaal

    eerder = Inschrijving.objects.filter(
        leerling_id=OuterRef("leerling_id"), begindatum__lt=OuterRef("sinds")
    )
    rijen = (
        Signaal.objects.filter(soort=SOORT, sinds__lte=periode.eind)
        .filter(Q(opgelost_op__isnull=True) | Q(opgelost_op__gt=periode.begin))
        .annotate(
            identificatie=(
                Coalesce("leerling__burgerservicenummer", "leerling__onderwijsnummer")
                if identificatie
                else Value("")
            ),
            eerder_ingeschreven=Exists(eerder),
        )
        .values(
            "uuid", "leerling_id", "identificatie", "gemeente_id", "ontvanger_id", "sinds",
            "opgelost_op", "oplossing", "eerder_ingeschreven",
        )
        .order_by("leerling_id", "sinds", "id")
    )  # fmt: skip
    per_persoon: dict[int, list[dict]] = defaultdict(list)
    for r in rijen:
        per_persoon[r["leerling_id"]].append(r)
    uit = []
    for leerling_id, signalen in per_persoon.items():
        tijdvakken = [
            Tijdvak(s["sinds"], s["opgelost_op"] - dt.timedelta(days=1) if s["opgelost_op"] else None)
            for s in signalen
        ]  # fmt: skip
        indeling = deel_in(tijdvakken, periode.begin, periode.eind)
        laatste = signalen[-1]
        if not indeling.telt or (
            gemeente_ids is not None and laatste["gemeente_id"] not in gemeente_ids
        ):
            continue
        sleutels = ["absoluutVerzuim.totaal"]
        if indeling.langer_dan_drie_maanden:
            sleutels.append("absoluutVerzuim.langerDan3Maanden")
        if laatste["opgelost_op"] and laatste["opgelost_op"] <= periode.eind:
            sleutels.append("absoluutVerzuim.opgelost")
        sleutels.append(
            "absoluutVerzuim.schoolverlaters"
            if laatste["eerder_ingeschreven"]
            else "absoluutVerzuim.nooitIngeschreven"
        )
        uit.append({"leerling_id": leerling_id, "signalen": signalen, "sleutels": sleutels})
    return uit


def tel(periode: Periode, gemeente_ids: Collection[int] | None) -> Telling:
    uit: Telling = defaultdict(dict)
    for p in _personen(periode, gemeente_ids):
        g = uit[p["signalen"][-1]["gemeente_id"]]
        for k in p["sleutels"]:
            g[k] = g.get(k, 0) + 1
    return uit


def gevallen(periode: Periode, gemeente_id: int, sleutel: str) -> list[Geval]:
    uit = []
    for p in _personen(periode, {gemeente_id}, identificatie=True):
        if sleutel not in p["sleutels"]:
            continue
        laatste = p["signalen"][-1]
        uit.append(
            Geval(
                p["leerling_id"],
                laatste["identificatie"],
                laatste["ontvanger_id"],
                "; ".join(
                    f"signaal sinds {nl(s['sinds'])}"
                    + (f", opgelost {nl(s['opgelost_op'])}" if s["opgelost_op"] else ", open")
                    for s in p["signalen"]
                ),
                p["signalen"][0]["sinds"],
                tuple(("signaal", str(s["uuid"])) for s in p["signalen"]),
            )
        )
    return uit


def vingerafdruk() -> tuple:
    if beschikbaar():
        return ()
    from django.db.models import Count, Max

    from verzuim.signalen.models import Signaal

    return tuple(Signaal.objects.aggregate(m=Max("gewijzigd"), n=Count("id")).values())


BRON = Bron(
    naam="signalen",
    titel="Signalen van het register (absoluut verzuim)",
    definities=DEFINITIES,
    tel=tel,
    gevallen=gevallen,
    vingerafdruk=vingerafdruk,
    optellingen=(
        (
            "absoluutVerzuim.totaal",
            ("absoluutVerzuim.nooitIngeschreven", "absoluutVerzuim.schoolverlaters"),
        ),
    ),
    beschikbaar=beschikbaar,
)
