"""Vrijstellingen per article and vervangende leerplicht (R-FG-1, R-VR-1), from the
vrijstellingen register. A person counts once per article, at the gemeente that registered
their last vrijstelling of that article in the schooljaar."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from django.db.models import Count, F, Max, Q

from verzuim.cijfers.bronnen import Bron, Geval, Telling
from verzuim.cijfers.bronnen._sql import laatste_rijen, personen_per_gemeente
from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.periode import Periode
from verzuim.personen.models import Vrijstelling, VrijstellingArtikel
from verzuim.rules._datum import nl

#: R-VR-1: art. 3a/3b is vervangende leerplicht (the form reports it on its own line too).
VERVANGEND = (VrijstellingArtikel.A3A, VrijstellingArtikel.A3B)

_WELKE = (
    "met een vrijstelling die (een deel van) het schooljaar gold, geteld bij de gemeente die "
    "de laatste ervan registreerde"
)
DEFINITIES = (
    *(
        Definitie(
            f"vrijstellingen.{a.value}",
            f"Vrijstelling {a.value}",
            f"Aantal unieke leerlingen {_WELKE}: {a.label}.",
            ("R-FG-1", "R-VR-1"),
            "personen",
            f"D{i + 1}",
        )
        for i, a in enumerate(VrijstellingArtikel)
    ),
    Definitie(
        "vervangendeLeerplicht",
        "Vervangende leerplicht",
        f"Aantal unieke leerlingen {_WELKE}, op grond van art. 3a of 3b (vervangende leerplicht).",
        ("R-FG-1", "R-VR-1"),
        "personen",
        "D8",
    ),
)


def _in_jaar(periode: Periode):
    return Vrijstelling.objects.filter(begindatum__lte=periode.eind).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=periode.begin)
    )


_VOLGORDE = [F("begindatum").desc(), F("id").desc()]


def _artikelen(sleutel: str) -> tuple[str, ...]:
    """The articles a figure counts: one, or 3a and 3b for vervangende leerplicht."""
    return VERVANGEND if sleutel == "vervangendeLeerplicht" else (sleutel.split(".", 1)[1],)


def tel(periode: Periode, gemeente_ids: Collection[int] | None) -> Telling:
    uit: Telling = defaultdict(dict)
    aanwezig = set(_in_jaar(periode).values_list("artikel", flat=True).distinct())
    for d in DEFINITIES:
        artikelen = _artikelen(d.sleutel)
        if not aanwezig.intersection(artikelen):
            continue
        per_gemeente = personen_per_gemeente(
            _in_jaar(periode).filter(artikel__in=artikelen),
            gemeente="gemeente_id",
            volgorde=_VOLGORDE,
            gemeente_ids=gemeente_ids,
        )
        for g, n in per_gemeente.items():
            uit[g][d.sleutel] = n
    return uit


def gevallen(periode: Periode, gemeente_id: int, sleutel: str) -> list[Geval]:
    rijen = laatste_rijen(
        _in_jaar(periode).filter(artikel__in=_artikelen(sleutel)),
        gemeente="gemeente_id",
        volgorde=_VOLGORDE,
        velden={"vid": F("id")},
        gemeente_ids={gemeente_id},
    )
    vrijstellingen = Vrijstelling.objects.select_related("leerling")
    per_id = {v.pk: v for v in vrijstellingen.filter(pk__in=[r["vid"] for r in rijen])}
    uit = []
    for r in rijen:
        v = per_id[r["vid"]]
        uit.append(
            Geval(
                v.leerling_id,
                v.leerling.identificatie,
                None,  # registered by the gemeente: whoever handles its leerplicht
                f"Vrijstelling {v.artikel} van {nl(v.begindatum)} tot {nl(v.einddatum)}",
                v.begindatum,
            )
        )
    return uit


def vingerafdruk() -> tuple:
    return tuple(Vrijstelling.objects.aggregate(m=Max("id"), n=Count("id")).values())


BRON = Bron(
    naam="vrijstellingen",
    titel="Vrijstellingenregister",
    definities=DEFINITIES,
    tel=tel,
    gevallen=gevallen,
    vingerafdruk=vingerafdruk,
    bijzonder=True,
)
