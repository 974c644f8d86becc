"""/api/v1/signalen (api-contract.md "Signalen"): the register's derived signals for the
caller's area, scope ``signalen.lezen``. Thin: scoping in ``queries``, the audited read in
``services``; a school's token gets 403, another organisation's signal 404."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from verzuim.api.auth import api_actor
from verzuim.api.schema import keuze, problemen
from verzuim.personen.api_leerplicht import RedenSerializer
from verzuim.signalen import dossierkoppeling, mutaties, queries, services
from verzuim.signalen.models import Signaal, SignaalStatus, Soort

TAG = "Signalen"
STATUSFILTER = [*SignaalStatus.values, "alle"]
PROBLEEM_UITLEG = {
    400: "Ongeldige filter; invalidParams noemt elk ongeldig veld.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de scope signalen.lezen, of de organisatie is geen gemeente, "
    "leerplichtdienst of RMC-regio.",
    404: "Signaal onbekend of van een andere organisatie.",
}


class SignaalFilterSerializer(serializers.Serializer):
    soort = keuze(Soort.values, "SignaalSoort", required=False)
    status = keuze(
        STATUSFILTER,
        "SignaalStatusFilter",
        required=False,
        default="open",
        help_text="Standaard open.",
    )


class SignaalLeerlingSerializer(serializers.Serializer):
    burgerservicenummer = serializers.CharField(required=False)
    onderwijsnummer = serializers.CharField(required=False)
    naam = serializers.CharField(help_text="Volledige naam volgens de BRP; leeg als onbekend.")
    geboortedatum = serializers.DateField(allow_null=True)


class SignaalSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    url = serializers.URLField()
    leerling = SignaalLeerlingSerializer()
    soort = keuze(Soort.values, "SignaalSoort")
    status = keuze(SignaalStatus.values, "SignaalStatus")
    sinds = serializers.DateField(help_text="De eerste peildatum waarop het signaal gold.")
    opgelostOp = serializers.DateField(allow_null=True)  # noqa: N815
    oplossing = serializers.CharField(
        allow_null=True, help_text="Hoe het signaal eindigde (code), bv. ingeschreven."
    )
    oplossingUitleg = serializers.CharField(allow_null=True)  # noqa: N815
    gemeente = serializers.CharField(help_text="De gemeente (GM-code) waar het signaal speelt.")
    redenen = RedenSerializer(many=True)
    gegevens = serializers.DictField(
        help_text="Absoluut verzuim: status, verzuimSinds, laatsteSchool, "
        "laatsteInschrijvingTot, respijtTot. Potentieel LRV: lesweken, weken (maandagen), "
        "dagen, van, tot, meldingen, regio."
    )
    dossier = serializers.UUIDField(
        allow_null=True,
        help_text="Het dossier waarin het signaal is opgenomen; null zolang er geen is.",
    )


def _leerling(signaal: Signaal, p: services.Personalia) -> dict:
    ll = signaal.leerling
    uit = (
        {"burgerservicenummer": ll.burgerservicenummer}
        if ll.burgerservicenummer
        else {"onderwijsnummer": ll.onderwijsnummer}
    )
    uit.update(naam=p.naam, geboortedatum=p.geboortedatum.isoformat() if p.geboortedatum else None)
    return uit


def weergave(signalen: list[Signaal], request) -> list[dict]:
    """The API shape of a page of signals (one BRP call, one dossier lookup)."""
    personen = services.personalia(signalen)
    dossiers = dossierkoppeling.dossiers_van(s.pk for s in signalen)
    return [
        {
            "uuid": str(s.uuid),
            "url": request.build_absolute_uri(
                reverse("api:signaal", kwargs={"signaal_uuid": s.uuid})
            ),
            "leerling": _leerling(s, personen[s.leerling_id]),
            "soort": s.soort,
            "status": s.status,
            "sinds": s.sinds.isoformat(),
            "opgelostOp": s.opgelost_op.isoformat() if s.opgelost_op else None,
            "oplossing": s.oplossing or None,
            "oplossingUitleg": s.oplossing_uitleg or None,
            "gemeente": s.gemeente.code,
            "redenen": s.redenen,
            "gegevens": s.gegevens,
            "dossier": str(dossiers[s.pk]) if s.pk in dossiers else None,
        }
        for s in signalen
    ]


class SignalenView(GenericAPIView):
    required_scopes = "signalen.lezen"
    serializer_class = SignaalSerializer

    def get_queryset(self):
        return Signaal.objects.none()

    @extend_schema(
        operation_id="listSignalen",
        tags=[TAG],
        summary="Signalen absoluut verzuim en potentieel LRV",
        description=(
            "R-SG-1..4. Scope `signalen.lezen`; een gemeente, leerplichtdienst of RMC-regio "
            "ziet de signalen die zij behandelt (routering R-RT-2), het register alle. "
            "Standaard alleen open signalen (`status=open|opgelost|alle`). Elk signaal zegt "
            "waarom (`redenen`, met regel-id's). `dossier` is null zolang het signaal niet in "
            "een dossier is opgenomen. Elke raadpleging staat in het auditlog."
        ),
        parameters=[SignaalFilterSerializer],
        responses={200: SignaalSerializer(many=True), **problemen(PROBLEEM_UITLEG, 400, 401, 403)},
    )
    def get(self, request):
        actor = api_actor(request)
        f = SignaalFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        qs = queries.filter_signalen(
            queries.signalen_voor(actor).order_by("-sinds", "-id"),
            soort=f.validated_data.get("soort"),
            status=f.validated_data["status"],
        )
        page = self.paginate_queryset(qs)
        signalen = services.lees_signalen(actor, page)
        return self.get_paginated_response(weergave(signalen, request))


class SignaalView(GenericAPIView):
    required_scopes = "signalen.lezen"
    serializer_class = SignaalSerializer

    def get_queryset(self):
        return Signaal.objects.none()

    @extend_schema(
        operation_id="getSignaal",
        tags=[TAG],
        summary="Eén signaal",
        responses={200: SignaalSerializer, **problemen(PROBLEEM_UITLEG, 400, 401, 403, 404)},
    )
    def get(self, request, signaal_uuid):
        actor = api_actor(request)
        signaal = services.lees_signaal(actor, signaal_uuid)
        return Response(weergave([signaal], request)[0])


# --- BRP mutations (R-SG-5) --------------------------------------------------------------

MUTATIE_UITLEG = {
    400: "Ongeldige mutatie; invalidParams noemt elk ongeldig veld tegelijk.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de scope brp.mutaties, of de organisatie is geen register, gemeente "
    "of leerplichtdienst.",
    404: "Persoon onbekend, of (voor een gemeente) geen inwoner en niet naar haar verhuisd.",
    409: "Deze mutatie-id is eerder gebruikt met andere gegevens.",
}


class VerblijfadresSerializer(serializers.Serializer):
    officieleStraatnaam = serializers.CharField(max_length=80)  # noqa: N815
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    huisletter = serializers.CharField(required=False, max_length=1)
    huisnummertoevoeging = serializers.CharField(required=False, max_length=4)
    postcode = serializers.RegexField(r"^[1-9][0-9]{3} ?[A-Z]{2}$")
    woonplaats = serializers.CharField(max_length=80)


class NieuwePersoonSerializer(serializers.Serializer):
    """Alleen bij een verhuizing van iemand die nog niet in de BRP van het register staat."""

    naam = serializers.DictField(required=False, help_text="voornamen, voorvoegsel, geslachtsnaam")
    geboorte = serializers.DictField(help_text='{"datum": "JJJJ-MM-DD"}')
    geslacht = serializers.CharField(required=False, max_length=1)


class BrpMutatieInvoerSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=100, help_text="Uniek per mutatie; idempotent.")
    burgerservicenummer = serializers.RegexField(r"^[0-9]{9}$")
    soort = keuze(list(mutaties.SOORTEN), "BrpMutatieSoort")
    datum = serializers.DateField()
    gemeenteVan = serializers.RegexField(r"^(GM)?[0-9]{4}$", required=False)  # noqa: N815
    gemeenteNaar = serializers.RegexField(  # noqa: N815
        r"^(GM)?[0-9]{4}$", required=False, help_text="Verplicht bij een verhuizing."
    )
    verblijfadres = VerblijfadresSerializer(required=False)
    land = serializers.CharField(required=False, max_length=80, help_text="Bij emigratie.")
    geheimhoudingPersoonsgegevens = serializers.BooleanField(  # noqa: N815
        required=False, help_text="Bij geheimhouding; standaard true."
    )
    persoon = NieuwePersoonSerializer(required=False)


class SignaalVerwijzingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    soort = keuze(Soort.values, "SignaalSoort")
    oplossing = serializers.CharField(required=False)


class MutatieSignalenSerializer(serializers.Serializer):
    geopend = SignaalVerwijzingSerializer(many=True)
    opgelost = SignaalVerwijzingSerializer(many=True)


class MutatieMeldingenSerializer(serializers.Serializer):
    open = serializers.ListField(child=serializers.CharField(), help_text="Meldingsnummers.")
    doorsturen = serializers.ListField(
        child=serializers.CharField(),
        help_text="Open meldingen van een andere gemeente dan de nieuwe woongemeente (R-RT-5).",
    )


class BrpMutatieResultaatSerializer(serializers.Serializer):
    id = serializers.CharField()
    burgerservicenummer = serializers.CharField()
    soort = keuze(list(mutaties.SOORTEN), "BrpMutatieSoort")
    datum = serializers.DateField()
    verwerkt = serializers.DateTimeField()
    signalen = MutatieSignalenSerializer()
    meldingen = MutatieMeldingenSerializer()


class BrpMutatiesView(GenericAPIView):
    required_scopes = "brp.mutaties"
    serializer_class = BrpMutatieResultaatSerializer

    def get_queryset(self):
        return Signaal.objects.none()

    @extend_schema(
        operation_id="createBrpMutatie",
        tags=[TAG],
        summary="BRP-mutatie verwerken",
        description=(
            "R-SG-5. Scope `brp.mutaties` (register, gemeente of leerplichtdienst; een "
            "gemeente alleen voor haar inwoners en wie naar haar verhuist). Werkt de BRP van "
            "het register bij en beoordeelt de signalen van de persoon meteen opnieuw. "
            "Dezelfde `id` nogmaals: 200 met het eerste resultaat; met andere gegevens: 409."
        ),
        request=BrpMutatieInvoerSerializer,
        responses={
            201: BrpMutatieResultaatSerializer,
            200: OpenApiResponse(
                BrpMutatieResultaatSerializer, description="Eerder verwerkt: het eerste resultaat."
            ),
            **problemen(MUTATIE_UITLEG, 400, 401, 403, 404, 409),
        },
    )
    def post(self, request):
        v = mutaties.verwerk(api_actor(request), request.data, bron="api")
        return Response(v.resultaat, status=201 if v.nieuw else 200)
