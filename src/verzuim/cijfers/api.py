"""The figures over HTTP (api-contract.md "cijfers"):

- ``GET /api/v1/cijfers/leerplichttelling?schooljaar=2025-2026`` (scope ``cijfers.lezen``):
  the telling of the caller's gemeenten (the register: all), in the contract's fixed shape;
  fields are added (``naam``, the splits, ``totaal``, ``nietBeschikbaar``, ``vastgesteld``),
  none renamed. A figure whose source is not available is ``null``, never 0.
- ``GET /api/v1/cijfers/benchmark?schooljaar=…`` without authentication: the same figures
  per 1,000 leerplichtigen per gemeente, RMC-regio and the country; suppressed cells
  ``null``. No person data.

The response serializers are built from the definitions, so the schema documents exactly
the figures the sources compute.
"""

from __future__ import annotations

from django.core.cache import cache
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from verzuim.api.auth import api_actor
from verzuim.api.schema import problemen
from verzuim.cijfers import benchmark as bm
from verzuim.cijfers import services
from verzuim.cijfers.bronnen import definities
from verzuim.cijfers.periode import OngeldigSchooljaar, Periode, lees_schooljaar
from verzuim.cijfers.telling import genest

TAG = "Cijfers"
SCHOOLJAAR = OpenApiParameter(
    "schooljaar",
    str,
    required=False,
    pattern=r"^\d{4}-\d{4}$",
    description="Bv. 2025-2026 (1 augustus – 31 juli, R-LP-1); zonder: het lopende schooljaar.",
)
UITLEG = {
    400: "Ongeldig schooljaar; invalidParams noemt het veld.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de scope cijfers.lezen, of de organisatie heeft geen gemeenten.",
}


def _periode(request) -> Periode:
    try:
        return Periode(lees_schooljaar(request.query_params.get("schooljaar")))
    except OngeldigSchooljaar as e:
        raise serializers.ValidationError({"schooljaar": [str(e)]}) from e


def _genest_serializer(naam: str, veld, sleutels: list[str]) -> serializers.Serializer:
    """A (nested) serializer class with one field per figure, for the schema."""
    boom: dict = {}
    for s in sleutels:
        *pad, laatste = s.split(".")
        plek = boom
        for deel in pad:
            plek = plek.setdefault(deel, {})
        plek[laatste] = None

    def maak(prefix: str, tak: dict):
        velden = {}
        for k, sub in tak.items():
            if sub is None:
                velden[k] = veld()
            else:
                velden[k] = maak(prefix + k[0].upper() + k[1:], sub)()
        return type(prefix, (serializers.Serializer,), velden)

    return maak(naam, boom)


def _telling_velden(prefix: str):
    return _genest_serializer(
        prefix,
        lambda: serializers.IntegerField(
            allow_null=True, help_text="null: bron nog niet beschikbaar"
        ),
        [d.sleutel for d in definities()],
    )


Cijfers = _telling_velden("Telling")


class VastgesteldSerializer(serializers.Serializer):
    op = serializers.DateTimeField()
    door = serializers.CharField()
    organisatie = serializers.CharField()


class GemeenteTellingSerializer(Cijfers):
    gemeente = serializers.CharField(help_text="CBS-code, bv. GM0363.")
    naam = serializers.CharField()
    vastgesteld = VastgesteldSerializer(allow_null=True, help_text="Laatste levering, of null.")


class NietBeschikbaarSerializer(serializers.Serializer):
    bron = serializers.CharField()
    reden = serializers.CharField()
    velden = serializers.ListField(child=serializers.CharField())


class LeerplichttellingSerializer(serializers.Serializer):
    schooljaar = serializers.CharField()
    peildatum = serializers.DateField(help_text="Teldag van de leerplichtigen.")
    totEnMet = serializers.DateField(help_text="Laatste getelde dag.")  # noqa: N815
    gemeenten = GemeenteTellingSerializer(many=True)
    totaal = Cijfers()
    nietBeschikbaar = NietBeschikbaarSerializer(many=True)  # noqa: N815


def _niet_beschikbaar(redenen: dict[str, str]) -> list[dict]:
    return [
        {
            "bron": bron,
            "reden": reden,
            "velden": [d.sleutel for d in definities() if d.bron == bron],
        }
        for bron, reden in redenen.items()
    ]


class LeerplichttellingView(APIView):
    required_scopes = "cijfers.lezen"

    @extend_schema(
        operation_id="getLeerplichttelling",
        tags=[TAG],
        summary="Leerplichttelling per gemeente",
        description="De telling (art. 25 Lpw, R-FG-1, R-FG-1a) van de gemeenten van de "
        "organisatie van het token (het register: alle), berekend uit de gegevens. Elke "
        "leerling telt één keer per schooljaar; definities: /cijfers/definities.",
        parameters=[SCHOOLJAAR],
        responses={200: LeerplichttellingSerializer, **problemen(UITLEG, 400, 401, 403)},
    )
    def get(self, request):
        actor = api_actor(request)
        periode = _periode(request)
        telling = services.telling_voor(actor, periode)  # DomeinFout → problem+json
        gemeenten = []
        for r in telling.rijen:
            v = services.laatste_vaststelling(r.gemeente, periode)
            gemeenten.append(
                {
                    "gemeente": r.gemeente.code,
                    "naam": r.gemeente.naam,
                    **genest(r.waarden),
                    "vastgesteld": {
                        "op": v.vastgesteld,
                        "door": v.door_label,
                        "organisatie": v.organisatie.code,
                    }
                    if v
                    else None,
                }
            )
        return Response(
            {
                "schooljaar": periode.label,
                "peildatum": periode.peildatum,
                "totEnMet": periode.eind,
                "gemeenten": gemeenten,
                "totaal": genest(telling.totaal),
                "nietBeschikbaar": _niet_beschikbaar(telling.niet_beschikbaar),
            }
        )


Per1000 = _genest_serializer(
    "Benchmark",
    lambda: serializers.FloatField(
        allow_null=True, help_text="Per 1.000 leerplichtigen; null: onderdrukt of n.b."
    ),
    [d.sleutel for d in bm.kolommen()],
)


class BenchmarkEenheidSerializer(Per1000):
    code = serializers.CharField(help_text="GM…, MC… of NL.")
    naam = serializers.CharField()
    leerplichtigen = serializers.IntegerField()


class BenchmarkGemeenteSerializer(BenchmarkEenheidSerializer):
    gemeente = serializers.CharField()
    rmcRegio = serializers.CharField(allow_blank=True)  # noqa: N815


class BenchmarkSerializer(serializers.Serializer):
    schooljaar = serializers.CharField()
    drempel = serializers.IntegerField(help_text="Aantallen hieronder zijn onderdrukt.")
    landelijk = BenchmarkEenheidSerializer()
    regios = BenchmarkEenheidSerializer(many=True)
    gemeenten = BenchmarkGemeenteSerializer(many=True)
    nietBeschikbaar = NietBeschikbaarSerializer(many=True)  # noqa: N815


def _eenheid(e: bm.Eenheid) -> dict:
    uit = {"code": e.code, "naam": e.naam, "leerplichtigen": e.leerplichtigen}
    uit |= genest({k: c.per_1000 for k, c in e.cellen.items()})
    if e.soort == "gemeente":
        uit |= {"gemeente": e.code, "rmcRegio": e.regio}
    return uit


class BenchmarkView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="getBenchmark",
        tags=[TAG],
        summary="Openbare benchmark per 1.000 leerplichtigen",
        description="Zonder authenticatie (R-FG-2): per gemeente, RMC-regio en landelijk; "
        "aantallen onder de drempel en de cellen waaruit zij terug te rekenen zijn, zijn "
        "null. Geen persoonsgegevens. Eén keer per dag en per gegevensstand berekend.",
        parameters=[SCHOOLJAAR],
        responses={200: BenchmarkSerializer, **problemen(UITLEG, 400)},
        auth=[],
    )
    def get(self, request):
        periode = _periode(request)
        sleutel = f"cijfers:benchmarkapi:{periode.label}:{bm.vingerafdruk()}"
        data = cache.get(sleutel)
        if data is None:
            data = _benchmark_data(bm.benchmark(periode))
            cache.set(sleutel, data, 24 * 3600)
        return Response(data)


def _benchmark_data(b: bm.Benchmark) -> dict:
    return {
        "schooljaar": b.schooljaar,
        "drempel": b.drempel,
        "landelijk": _eenheid(b.land),
        "regios": [_eenheid(e) for e in b.regios],
        "gemeenten": [_eenheid(e) for e in b.gemeenten],
        "nietBeschikbaar": _niet_beschikbaar(b.niet_beschikbaar),
    }
