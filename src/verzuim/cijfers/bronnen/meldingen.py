"""Relatief verzuim and langdurig relatief verzuim from the meldingen (R-FG-1, R-FG-1a).

Which meldingen: those whose begindatum lies in the schooljaar and that were not withdrawn
(`ingetrokken`: reported in error, duplicate, excused afterwards, or withdrawn for a
vrijstelling, R-RT-7). A melding counts at the gemeente that handled it last
(`verantwoordelijke_gemeente`, which follows forwarding, R-RT-5). A person counts once per
schooljaar, at the gemeente of their last counted melding (docs/decisions.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from verzuim.cijfers.bronnen import Bron, Geval, Telling
from verzuim.cijfers.bronnen._sql import (
    laatste_rijen,
    personen_per_gemeente,
    personen_per_gemeente_en_onderwijssoort,
)
from verzuim.cijfers.bronnen.onderwijssoort import laatste_onderwijssoort
from verzuim.cijfers.definities import GROEP_LABELS, Definitie, onderwijssoort_groep
from verzuim.cijfers.periode import Periode
from verzuim.meldingen.codes import OPEN_STATUSSEN, Status, Verzuimsoort
from verzuim.meldingen.models import Doorzending, Melding, StatusWijziging
from verzuim.personen.models import BrpPersoon
from verzuim.rules._datum import nl
from verzuim.rules.telling import Periode as Tijdvak
from verzuim.rules.telling import deel_in

#: R-FG-1a: relatief verzuim in the telling is 16-uur and luxe; `overig` is not counted.
RELATIEF = (Verzuimsoort.ZESTIEN_UUR, Verzuimsoort.LUXE)
LRV = Verzuimsoort.LANGDURIG
VERHUISD_REDENEN = ("verhuisd",)  # afsluitreden (R-CW-11) that ends a case by a move

_SOORTEN = " en ".join(f"'{s.value}'" for s in RELATIEF)
_MELDINGEN_IN_JAAR = (
    "meldingen met een begindatum in het schooljaar, niet ingetrokken, geteld bij de "
    "gemeente die de melding (na eventueel doorsturen) behandelt"
)
_PERSONEN_EENMAAL = (
    "Elke leerling telt één keer per schooljaar, bij de gemeente van zijn laatste meegetelde "
    "melding"
)

DEFINITIES = (
    Definitie(
        "relatiefVerzuim.meldingen",
        "Relatief verzuim: meldingen",
        f"Aantal meldingen van soort {_SOORTEN}: {_MELDINGEN_IN_JAAR}. Overig verzuim "
        "(signaalverzuim) telt niet mee.",
        ("R-FG-1", "R-FG-1a"),
        "meldingen",
        "B1",
    ),
    *(
        Definitie(
            f"relatiefVerzuim.perVerzuimsoort.{s.value}",
            f"Meldingen {s.label.lower()}",
            f"Aantal meldingen van soort '{s.value}': {_MELDINGEN_IN_JAAR}.",
            ("R-FG-1", "R-FG-1a"),
            "meldingen",
            f"B{2 + i}",
        )
        for i, s in enumerate(RELATIEF)
    ),
    Definitie(
        "relatiefVerzuim.leerlingen",
        "Relatief verzuim: leerlingen",
        f"Aantal unieke leerlingen met minstens één melding van soort {_SOORTEN} "
        f"({_MELDINGEN_IN_JAAR}). {_PERSONEN_EENMAAL}.",
        ("R-FG-1", "R-FG-1a"),
        "personen",
        "B4",
    ),
    *(
        Definitie(
            f"relatiefVerzuim.perOnderwijssoort.{groep}",
            f"Leerlingen relatief verzuim: {label}",
            "De leerlingen met relatief verzuim (B4) naar hun laatste onderwijssoort: die van "
            "hun laatste inschrijving die vóór het einde van de telling begon (anders de "
            "sector van de school).",
            ("R-FG-1a",),
            "personen",
            f"B5{chr(ord('a') + i)}",
            benchmark=False,
        )
        for i, (groep, label) in enumerate(GROEP_LABELS.items())
    ),
    Definitie(
        "luxeVerzuim",
        "Luxe verzuim: leerlingen",
        f"Aantal unieke leerlingen met minstens één melding van soort 'luxe' "
        f"({_MELDINGEN_IN_JAAR}). {_PERSONEN_EENMAAL} luxe verzuim.",
        ("R-FG-1", "R-FG-1a"),
        "personen",
        "B6",
    ),
    Definitie(
        "langdurigRelatiefVerzuim.totaal",
        "LRV: leerlingen",
        "Aantal unieke leerlingen met een geval van langdurig relatief verzuim dat in het "
        "schooljaar liep: een melding 'langdurig' (niet ingetrokken) die vóór het einde van "
        "de telling begon en niet vóór het schooljaar werd afgesloten. Aansluitende en "
        "overlappende meldingen vormen één geval; het geval loopt tot de melding wordt "
        "afgesloten (of de leerling overlijdt). De leerling telt bij de gemeente van zijn "
        "laatste LRV-melding.",
        ("R-FG-1", "R-FG-1a"),
        "personen",
        "C1",
    ),
    Definitie(
        "langdurigRelatiefVerzuim.bijAanvang",
        "LRV: lopend bij aanvang",
        "Van C1: leerlingen van wie het geval al liep op 1 augustus (begonnen vóór het "
        "schooljaar).",
        ("R-FG-1a",),
        "personen",
        "C2",
    ),
    Definitie(
        "langdurigRelatiefVerzuim.nieuw",
        "LRV: nieuwe gevallen",
        "Van C1: leerlingen van wie het geval in het schooljaar begon (C2 + C3 = C1).",
        ("R-FG-1a",),
        "personen",
        "C3",
    ),
    Definitie(
        "langdurigRelatiefVerzuim.langerDan3Maanden",
        "LRV: langer dan 3 maanden",
        "Van C1: leerlingen van wie het geval drie kalendermaanden na de begindatum nog "
        "liep (gekeken tot het einde van de telling).",
        ("R-FG-1", "R-FG-1a", "R-SG-3"),
        "personen",
        "C4",
    ),
    Definitie(
        "langdurigRelatiefVerzuim.verhuisdOfOverleden",
        "LRV: verhuisd of overleden",
        "Van C1: leerlingen van wie het geval in het schooljaar eindigde doordat de leerling "
        "verhuisde (melding afgesloten met reden 'verhuisd', of geëmigreerd volgens de BRP) "
        "of overleed. Een doorgestuurde melding loopt door bij de nieuwe gemeente en telt "
        "daar.",
        ("R-FG-1a", "R-RT-5"),
        "personen",
        "C5",
    ),
)


def _basis(periode: Periode):
    return Melding.objects.filter(
        begindatum__gte=periode.begin, begindatum__lte=periode.eind
    ).exclude(status=Status.INGETROKKEN)


_VOLGORDE = [F("begindatum").desc(), F("ontvangen").desc(), F("id").desc()]


def _relatief_personen(periode: Periode, soorten, gemeente_ids) -> list[dict]:
    return laatste_rijen(
        _basis(periode).filter(verzuimsoort__in=soorten),
        gemeente="verantwoordelijke_gemeente_id",
        volgorde=_VOLGORDE,
        velden={"ontv": F("ontvanger_id"), "mid": F("id")},
        gemeente_ids=gemeente_ids,
    )


def tel(periode: Periode, gemeente_ids: Collection[int] | None) -> Telling:
    uit: Telling = defaultdict(dict)
    qs = _basis(periode).filter(verzuimsoort__in=RELATIEF)
    if gemeente_ids is not None:
        qs = qs.filter(verantwoordelijke_gemeente_id__in=gemeente_ids)
    for r in qs.values("verantwoordelijke_gemeente_id", "verzuimsoort").annotate(n=Count("id")):
        g = uit[r["verantwoordelijke_gemeente_id"]]
        g[f"relatiefVerzuim.perVerzuimsoort.{r['verzuimsoort']}"] = r["n"]
        g["relatiefVerzuim.meldingen"] = g.get("relatiefVerzuim.meldingen", 0) + r["n"]

    per_soort = personen_per_gemeente_en_onderwijssoort(
        _basis(periode).filter(verzuimsoort__in=RELATIEF),
        gemeente="verantwoordelijke_gemeente_id",
        volgorde=_VOLGORDE,
        eind=periode.eind,
        gemeente_ids=gemeente_ids,
    )
    for (g_id, soort, sector), n in per_soort.items():
        g = uit[g_id]
        g["relatiefVerzuim.leerlingen"] = g.get("relatiefVerzuim.leerlingen", 0) + n
        k = f"relatiefVerzuim.perOnderwijssoort.{onderwijssoort_groep(soort, sector)}"
        g[k] = g.get(k, 0) + n
    for g_id, n in personen_per_gemeente(
        _basis(periode).filter(verzuimsoort=Verzuimsoort.LUXE),
        gemeente="verantwoordelijke_gemeente_id",
        volgorde=_VOLGORDE,
        gemeente_ids=gemeente_ids,
    ).items():
        uit[g_id]["luxeVerzuim"] = n

    for persoon in _lrv_personen(periode, gemeente_ids):
        g = uit[persoon["gemeente"]]
        for k in persoon["sleutels"]:
            g[k] = g.get(k, 0) + 1
    return uit


# --- langdurig relatief verzuim: per person, over the periods of its LRV meldingen --------


def _lrv_rijen(periode: Periode, identificatie: bool = False) -> list[dict]:
    """LRV meldingen that may overlap the schooljaar, with what ends a case; with
    `identificatie` (the cases behind a number) also the pupil's BSN/onderwijsnummer, which
    the count does without (no join with the pupils)."""
    begin = timezone.make_aware(
        timezone.datetime.combine(periode.begin, timezone.datetime.min.time())
    )
    afsluiting = StatusWijziging.objects.filter(
        melding=OuterRef("pk"), status=Status.AFGESLOTEN
    ).order_by("-tijdstip", "-id")
    brp = BrpPersoon.objects.filter(burgerservicenummer=OuterRef("leerling__burgerservicenummer"))
    return list(
        Melding.objects.filter(verzuimsoort=LRV, begindatum__lte=periode.eind)
        .exclude(status=Status.INGETROKKEN)
        .filter(Q(status__in=OPEN_STATUSSEN) | Q(status_gewijzigd__gte=begin))
        .annotate(
            identificatie=(
                Coalesce("leerling__burgerservicenummer", "leerling__onderwijsnummer")
                if identificatie
                else Value("")
            ),
            afsluitreden=Subquery(afsluiting.values("reden")[:1]),
            overleden=Subquery(brp.values("overlijdensdatum")[:1]),
            geemigreerd=Subquery(brp.values("emigratiedatum")[:1]),
        )
        .values(
            "id",
            "uuid",
            "leerling_id",
            "identificatie",
            "verantwoordelijke_gemeente_id",
            "ontvanger_id",
            "begindatum",
            "ontvangen",
            "status",
            "status_gewijzigd",
            "afsluitreden",
            "overleden",
            "geemigreerd",
        )
        .order_by("leerling_id", "begindatum", "ontvangen", "id")
    )


def _einde(r: dict):
    """The last day of the case this melding stands for: closure, death or emigration."""
    einden = []
    if r["status"] == Status.AFGESLOTEN:
        einden.append(timezone.localdate(r["status_gewijzigd"]))
    einden += [d for d in (r["overleden"], r["geemigreerd"]) if d]
    return min(einden) if einden else None


def _lrv_personen(periode: Periode, gemeente_ids, identificatie: bool = False) -> list[dict]:
    per_persoon: dict[int, list[dict]] = defaultdict(list)
    for r in _lrv_rijen(periode, identificatie):
        per_persoon[r["leerling_id"]].append(r)
    uit = []
    for leerling_id, rijen in per_persoon.items():
        tijdvakken = [Tijdvak(r["begindatum"], _einde(r)) for r in rijen]
        indeling = deel_in(tijdvakken, periode.begin, periode.eind)
        if not indeling.telt:
            continue
        meegeteld = [
            r for r, t in zip(rijen, tijdvakken, strict=True)
            if t.overlapt(periode.begin, periode.eind)
        ]  # fmt: skip
        laatste = meegeteld[-1]
        if (
            gemeente_ids is not None
            and laatste["verantwoordelijke_gemeente_id"] not in gemeente_ids
        ):
            continue
        sleutels = ["langdurigRelatiefVerzuim.totaal"]
        sleutels.append(
            "langdurigRelatiefVerzuim.bijAanvang"
            if indeling.bij_aanvang
            else "langdurigRelatiefVerzuim.nieuw"
        )
        if indeling.langer_dan_drie_maanden:
            sleutels.append("langdurigRelatiefVerzuim.langerDan3Maanden")
        if any(_verhuisd_of_overleden(r, periode) for r in meegeteld):
            sleutels.append("langdurigRelatiefVerzuim.verhuisdOfOverleden")
        uit.append(
            {
                "leerling_id": leerling_id,
                "gemeente": laatste["verantwoordelijke_gemeente_id"],
                "sleutels": sleutels,
                "meldingen": meegeteld,
                "indeling": indeling,
            }
        )
    return uit


def _verhuisd_of_overleden(r: dict, periode: Periode) -> bool:
    binnen = [d for d in (r["overleden"], r["geemigreerd"]) if d]
    if any(periode.begin <= d <= periode.eind for d in binnen):
        return True
    einde = _einde(r)
    return (
        r["afsluitreden"] in VERHUISD_REDENEN
        and einde is not None
        and periode.begin <= einde <= periode.eind
    )


# --- the cases behind a number -------------------------------------------------------------


def _omschrijving(melding_id: int, ontvangen, soort: str, begindatum) -> str:
    nummer = Melding(pk=melding_id, ontvangen=ontvangen).meldingsnummer  # R-ME-5
    return f"{nummer} ({soort}, begin {nl(begindatum)})"


def gevallen(periode: Periode, gemeente_id: int, sleutel: str) -> list[Geval]:
    if sleutel.startswith("langdurigRelatiefVerzuim."):
        return [
            Geval(
                p["leerling_id"],
                p["meldingen"][-1]["identificatie"],
                p["meldingen"][-1]["ontvanger_id"],
                "; ".join(
                    _omschrijving(r["id"], r["ontvangen"], LRV.value, r["begindatum"])
                    for r in p["meldingen"]
                ),
                p["meldingen"][0]["begindatum"],
                tuple(("melding", str(r["uuid"])) for r in p["meldingen"]),
            )
            for p in _lrv_personen(periode, {gemeente_id}, identificatie=True)
            if sleutel in p["sleutels"]
        ]
    qs = _basis(periode).select_related("leerling")
    if sleutel.startswith("relatiefVerzuim.perVerzuimsoort."):
        soort = sleutel.rsplit(".", 1)[1]
        meldingen = qs.filter(verantwoordelijke_gemeente_id=gemeente_id, verzuimsoort=soort)
        return [_melding_geval(m) for m in meldingen.order_by("begindatum", "id")]
    if sleutel == "relatiefVerzuim.meldingen":
        meldingen = qs.filter(verantwoordelijke_gemeente_id=gemeente_id, verzuimsoort__in=RELATIEF)
        return [_melding_geval(m) for m in meldingen.order_by("begindatum", "id")]
    soorten = (Verzuimsoort.LUXE,) if sleutel == "luxeVerzuim" else RELATIEF
    rijen = _relatief_personen(periode, soorten, {gemeente_id})
    if sleutel.startswith("relatiefVerzuim.perOnderwijssoort."):
        groep = sleutel.rsplit(".", 1)[1]
        groepen = laatste_onderwijssoort([r["p"] for r in rijen], periode.eind)
        rijen = [r for r in rijen if groepen.get(r["p"], "onbekend") == groep]
    meldingen = {m.pk: m for m in qs.filter(pk__in=[r["mid"] for r in rijen])}
    return [_melding_geval(meldingen[r["mid"]]) for r in rijen]


def _melding_geval(m: Melding) -> Geval:
    return Geval(
        m.leerling_id,
        m.leerling.identificatie,
        m.ontvanger_id,
        _omschrijving(m.pk, m.ontvangen, m.verzuimsoort, m.begindatum),
        m.begindatum,
        (("melding", str(m.uuid)),),
    )


def vingerafdruk() -> tuple:
    """New, changed (status, forwarding) meldingen all leave a new id behind."""
    return (
        Melding.objects.aggregate(m=Max("id"))["m"],
        StatusWijziging.objects.aggregate(m=Max("id"))["m"],
        Doorzending.objects.aggregate(m=Max("id"))["m"],
    )


BRON = Bron(
    naam="meldingen",
    titel="Verzuimmeldingen van scholen",
    definities=DEFINITIES,
    tel=tel,
    gevallen=gevallen,
    vingerafdruk=vingerafdruk,
    optellingen=(
        (
            "relatiefVerzuim.meldingen",
            tuple(f"relatiefVerzuim.perVerzuimsoort.{s.value}" for s in RELATIEF),
        ),
        (
            "langdurigRelatiefVerzuim.totaal",
            ("langdurigRelatiefVerzuim.bijAanvang", "langdurigRelatiefVerzuim.nieuw"),
        ),
    ),
)
