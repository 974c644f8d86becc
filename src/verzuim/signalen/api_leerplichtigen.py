"""/api/v1/leerplichtigen (issue 10 item 1): the residents of the caller's gemeenten in the
doelgroep, scope ``leerplichtstatus.lezen``. Filters in the query string; a search by name,
birth date or address only in the body of ``POST /leerplichtigen/_zoek`` (no person data in a
URL). Thin: the query in ``leerplichtigen``, the audited read in ``services``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView

from verzuim import clock
from verzuim.api.auth import api_actor
from verzuim.api.schema import keuze, problemen
from verzuim.personen.api_leerplicht import RedenSerializer
from verzuim.personen.models import BrpPersoon
from verzuim.signalen import leerplichtigen as lijst
from verzuim.signalen import services

TAG = "Signalen"
UITLEG = {
    400: "Ongeldige filter; invalidParams noemt elk ongeldig veld.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de scope leerplichtstatus.lezen, of de organisatie is geen gemeente, "
    "leerplichtdienst of RMC-regio.",
}


class LeerplichtigenFilterSerializer(serializers.Serializer):
    peildatum = serializers.DateField(required=False, help_text="Standaard vandaag.")
    status = keuze(list(lijst.STATUSSEN), "LeerplichtigeStatusFilter", required=False)
    leeftijdVan = serializers.IntegerField(required=False, min_value=0, max_value=30)  # noqa: N815
    leeftijdTot = serializers.IntegerField(required=False, min_value=0, max_value=30)  # noqa: N815
    school = serializers.RegexField(
        r"^[0-9]{2}[A-Za-z]{2}([0-9]{2})?$",
        required=False,
        help_text="Vestigingscode (25PL00) of BRIN (25PL).",
    )
    zonderSchool = serializers.BooleanField(required=False, default=False)  # noqa: N815


class LeerplichtigenZoekSerializer(LeerplichtigenFilterSerializer):
    naam = serializers.CharField(required=False, max_length=100)
    geboortedatum = serializers.DateField(required=False)
    adres = serializers.CharField(
        required=False, max_length=100, help_text="Postcode (begin) of straatnaam."
    )

    def validate(self, attrs):
        if not any(attrs.get(k) for k in ("naam", "geboortedatum", "adres")):
            raise ValidationError({"naam": "Geef naam, geboortedatum of adres om te zoeken."})
        return attrs


class LeerplichtigeSchoolSerializer(serializers.Serializer):
    vestiging = serializers.CharField()
    naam = serializers.CharField()


class LeerplichtigeDiplomaSerializer(serializers.Serializer):
    soort = serializers.CharField()
    datum = serializers.DateField()
    startkwalificatie = serializers.BooleanField()


class LeerplichtigeSerializer(serializers.Serializer):
    burgerservicenummer = serializers.CharField()
    naam = serializers.CharField()
    geboortedatum = serializers.DateField()
    leeftijd = serializers.IntegerField()
    gemeente = serializers.CharField(help_text="GM-code van de woongemeente.")
    adres = serializers.ListField(child=serializers.CharField(), help_text="Adresregels.")
    adresAfgeschermd = serializers.BooleanField(help_text="Geheimhouding (R-ID-5).")  # noqa: N815
    status = serializers.CharField(help_text="Leerplichtstatus op de peildatum (R-LP).")
    tot = serializers.DateField(allow_null=True)
    redenen = RedenSerializer(many=True)
    school = LeerplichtigeSchoolSerializer(
        allow_null=True, help_text="Ingeschreven op de peildatum."
    )
    diploma = LeerplichtigeDiplomaSerializer(allow_null=True, help_text="Het laatste diploma.")


def _filters(v: dict) -> lijst.Filters:
    return lijst.Filters(
        peildatum=v.get("peildatum") or clock.today(),
        status=v.get("status", ""),
        leeftijd_van=v.get("leeftijdVan"),
        leeftijd_tot=v.get("leeftijdTot"),
        school=v.get("school", ""),
        zonder_school=v.get("zonderSchool", False),
        naam=v.get("naam", ""),
        geboortedatum=v.get("geboortedatum"),
        adres=v.get("adres", ""),
    )


def _rij(r) -> dict:
    p, d = r.persoon, r.diploma
    return {
        "burgerservicenummer": p.burgerservicenummer,
        "naam": r.naam,
        "geboortedatum": p.geboortedatum.isoformat(),
        "leeftijd": r.leeftijd,
        "gemeente": f"GM{p.gemeente_van_inschrijving}",
        "adres": r.adres,
        "adresAfgeschermd": r.adres_afgeschermd,
        "status": r.status.status,
        "tot": r.status.tot.isoformat() if r.status.tot else None,
        "redenen": r.status.redenen_api(),
        "school": {"vestiging": r.schoolcode, "naam": r.school} if r.schoolcode else None,
        "diploma": {
            "soort": d.soort,
            "datum": d.datum.isoformat(),
            "startkwalificatie": d.is_startkwalificatie,
        }
        if d
        else None,  # fmt: skip
    }


class _Lijst(GenericAPIView):
    required_scopes = "leerplichtstatus.lezen"
    serializer_class = LeerplichtigeSerializer

    def get_queryset(self):
        return BrpPersoon.objects.none()

    def _antwoord(self, request, filters: lijst.Filters):
        actor = api_actor(request)
        services.controleer_inwoners(actor)  # 403 before any read
        page = self.paginate_queryset(lijst.leerplichtigen(actor, filters))
        rijen = services.lees_rijen(actor, page, filters)
        return self.get_paginated_response([_rij(r) for r in rijen])


class LeerplichtigenView(_Lijst):
    @extend_schema(
        operation_id="listLeerplichtigen",
        tags=[TAG],
        summary="Leerplichtigen in de eigen gemeente(n)",
        description=(
            "Alle inwoners van de gemeente(n) van de organisatie in de doelgroep op de "
            "peildatum (een gemeente of leerplichtdienst: leerplichtig en kwalificatieplichtig; "
            "een RMC-regio: 18-plus), bekend als leerling of niet, met status (R-LP), school, "
            "vrijstelling en diploma. Zoeken op naam, geboortedatum of adres: POST "
            "`/leerplichtigen/_zoek`. Elke raadpleging staat in het auditlog."
        ),
        parameters=[LeerplichtigenFilterSerializer],
        responses={200: LeerplichtigeSerializer(many=True), **problemen(UITLEG, 400, 401, 403)},
    )
    def get(self, request):
        f = LeerplichtigenFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        return self._antwoord(request, _filters(f.validated_data))


class LeerplichtigenZoekView(_Lijst):
    @extend_schema(
        operation_id="zoekLeerplichtigen",
        tags=[TAG],
        summary="Leerplichtigen zoeken op naam, geboortedatum of adres",
        description="De zoektermen staan in de body, nooit in de URL. Dezelfde filters als de lijst.",
        request=LeerplichtigenZoekSerializer,
        responses={200: LeerplichtigeSerializer(many=True), **problemen(UITLEG, 400, 401, 403)},
    )
    def post(self, request):
        if not isinstance(request.data, dict):
            raise ValidationError({"body": ["De body moet een JSON-object zijn."]})
        f = LeerplichtigenZoekSerializer(data=request.data)
        f.is_valid(raise_exception=True)
        return self._antwoord(request, _filters(f.validated_data))
