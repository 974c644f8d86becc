"""Register data over HTTP (api-contract.md "Register data"): inschrijvingen, diploma's and
vrijstellingen. Thin: the body goes to `personen.services` (which validates everything and
lists all problems at once); the serializers here describe the shapes for the OpenAPI
schema and render the answers. Problem responses and the domain-error mapping are the
API's own (`api.schema`, `api.problems`: one vocabulary for the whole API).

Every write accepts an ``Idempotency-Key`` header (`api.idempotentie`): the same key and
body return the first answer (status and body), the same key with another body is a 409.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from verzuim.api import idempotentie
from verzuim.api.auth import api_actor
from verzuim.api.idempotentie import Antwoord, Idempotentie
from verzuim.api.schema import BESTAAND, NIEUW_OOK_HERHAALD, keuze, problemen
from verzuim.personen import services
from verzuim.personen.models import DiplomaSoort, VrijstellingArtikel

TAG = "Registergegevens"
PROBLEEM_UITLEG = {
    400: "Ongeldige invoer; invalidParams noemt elk ongeldig veld tegelijk.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de benodigde scope, of deze organisatie mag dit niet.",
    404: "Leerling, vestiging of inschrijving onbekend of van een andere organisatie.",
    409: "Conflict met wat het register al heeft, of Idempotency-Key eerder gebruikt met een "
    "andere body.",
}


def _problemen(*codes: int) -> dict:
    return problemen(PROBLEEM_UITLEG, *codes)


def _body(request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"body": ["De body moet een JSON-object zijn."]})
    return request.data


def _idempotent(request, actor, schrijf) -> Response:
    """Run the register write `schrijf() -> Antwoord` once per Idempotency-Key
    (`api.idempotentie`; a replay answers with the stored first answer, audited)."""
    sleutel = Idempotentie(request, actor, actie="registratie.herhaald", doel=services.DOEL)
    return sleutel.voer_uit(schrijf)


# --- shapes ------------------------------------------------------------------------------


class AdresSerializer(serializers.Serializer):
    """Het adres van de leerling zoals de school het kent; verplicht bij een onderwijsnummer
    (R-ME-1). Zonder BRP-adres wordt hierop gerouteerd (R-RT-3)."""

    postcode = serializers.RegexField(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    gemeente = serializers.RegexField(
        r"^GM[0-9]{4}$", required=False, help_text="Woongemeente als de school die kent (R-RT-3)."
    )


class LeerlingRefSerializer(serializers.Serializer):
    """`burgerservicenummer` óf `onderwijsnummer`, precies één (R-ID-1). Bij een
    onderwijsnummer mag de school geboortedatum en adres meegeven (R-RT-3)."""

    burgerservicenummer = serializers.RegexField(r"^[0-9]{9}$", required=False)
    onderwijsnummer = serializers.RegexField(r"^10[0-9]{7}$", required=False)
    geboortedatum = serializers.DateField(required=False, help_text="Alleen bij onderwijsnummer.")
    adres = AdresSerializer(required=False, help_text="Alleen bij onderwijsnummer.")


class LeerlingIdSerializer(serializers.Serializer):
    burgerservicenummer = serializers.CharField(required=False)
    onderwijsnummer = serializers.CharField(required=False)


def _leerling(leerling) -> dict:
    uit = {}
    if leerling.burgerservicenummer:
        uit["burgerservicenummer"] = leerling.burgerservicenummer
    if leerling.onderwijsnummer:
        uit["onderwijsnummer"] = leerling.onderwijsnummer
    return uit


class _MetLeerling(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    leerling = serializers.SerializerMethodField()

    @extend_schema_field(LeerlingIdSerializer)
    def get_leerling(self, obj) -> dict:
        return _leerling(obj.leerling)


class InschrijvingInvoerSerializer(serializers.Serializer):
    leerling = LeerlingRefSerializer()
    vestiging = serializers.RegexField(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$", help_text="Eigen vestiging.")
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(
        required=False, allow_null=True, help_text="Laatste dag ingeschreven."
    )
    onderwijssoort = serializers.CharField(
        required=False, allow_blank=True, max_length=services.MAX_ONDERWIJSSOORT
    )


class InschrijvingWijzigingSerializer(serializers.Serializer):
    einddatum = serializers.DateField(
        allow_null=True, help_text="Laatste dag ingeschreven (uitschrijven); null heropent."
    )


class InschrijvingSerializer(_MetLeerling):
    url = serializers.SerializerMethodField()
    vestiging = serializers.CharField(source="vestiging.code", read_only=True)
    begindatum = serializers.DateField(read_only=True)
    einddatum = serializers.DateField(read_only=True, allow_null=True)
    onderwijssoort = serializers.CharField(read_only=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj) -> str:
        pad = reverse("api:inschrijving", kwargs={"inschrijving_uuid": obj.uuid})
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad


class DiplomaInvoerSerializer(serializers.Serializer):
    leerling = LeerlingRefSerializer()
    soort = keuze(DiplomaSoort.values, "DiplomaSoort")
    datum = serializers.DateField()


class DiplomaSerializer(_MetLeerling):
    soort = keuze(DiplomaSoort.values, "DiplomaSoort", read_only=True)
    datum = serializers.DateField(read_only=True)
    instelling = serializers.CharField(source="instelling.code", read_only=True, allow_null=True)
    startkwalificatie = serializers.BooleanField(
        read_only=True, help_text="Afgeleid: havo, vwo of mbo niveau 2 of hoger (R-LP-4)."
    )


class VrijstellingInvoerSerializer(serializers.Serializer):
    leerling = LeerlingRefSerializer()
    artikel = keuze(VrijstellingArtikel.values, "VrijstellingArtikel")
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Verplicht bij 5a, 5b en 5c: hoogstens tot het einde van het schooljaar "
        "(31 juli) waarin de vrijstelling begint (R-VR-1).",
    )
    gemeente = serializers.RegexField(
        r"^GM[0-9]{4}$",
        required=False,
        help_text="Standaard de woongemeente van de leerling (BRP).",
    )


class IngetrokkenMeldingSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    uuid = serializers.UUIDField()
    meldingsnummer = serializers.CharField()
    status = serializers.CharField()
    reden = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj) -> str:
        pad = reverse("api:melding", kwargs={"melding_uuid": obj.uuid})
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad

    def get_reden(self, obj) -> str:
        return "vrijstelling"


class VrijstellingSerializer(_MetLeerling):
    artikel = keuze(VrijstellingArtikel.values, "VrijstellingArtikel", read_only=True)
    begindatum = serializers.DateField(read_only=True)
    einddatum = serializers.DateField(read_only=True, allow_null=True)
    gemeente = serializers.CharField(source="gemeente.code", read_only=True)
    ingetrokkenMeldingen = serializers.SerializerMethodField(  # noqa: N815
        help_text="Meldingen die het register nu heeft ingetrokken met reden vrijstelling (R-RT-7)."
    )

    @extend_schema_field(IngetrokkenMeldingSerializer(many=True))
    def get_ingetrokkenMeldingen(self, obj) -> list[dict]:  # noqa: N802
        return IngetrokkenMeldingSerializer(
            self.context.get("ingetrokken", []), many=True, context=self.context
        ).data


# --- views -------------------------------------------------------------------------------


def _registratie_schema(operation_id, summary, description, invoer, uitvoer, nieuw, **extra):
    """The OpenAPI description of a register write that answers 201 (new) or 200 (exists)."""
    return extend_schema(
        operation_id=operation_id,
        tags=[TAG],
        summary=summary,
        description=description,
        request=invoer,
        parameters=[idempotentie.PARAMETER],
        responses={
            201: OpenApiResponse(uitvoer, description=nieuw + NIEUW_OOK_HERHAALD),
            200: OpenApiResponse(uitvoer, description=BESTAAND),
            **_problemen(400, 401, 403, 404, 409),
        },
        **extra,
    )


def _registreer(view, request, registreer, context=lambda registratie: {}) -> Response:
    """Run `registreer(actor, body) -> Registratie` once per Idempotency-Key and answer with
    the view's serializer: 201 for a new registration, 200 for the existing one."""
    actor = api_actor(request)
    body = _body(request)

    def schrijf() -> Antwoord:
        r = registreer(actor, body)
        data = view.serializer_class(r.object, context={"request": request, **context(r)}).data
        return Antwoord(
            201 if r.nieuw else 200, data, object=r.object, persoon=r.object.leerling.identificatie
        )

    return _idempotent(request, actor, schrijf)


class InschrijvingenView(GenericAPIView):
    required_scopes = {"POST": "inschrijvingen.schrijven"}
    serializer_class = InschrijvingSerializer

    @_registratie_schema(
        "createInschrijving",
        "Leerling inschrijven",
        "Een school schrijft een leerling in op een eigen vestiging. Dezelfde "
        "leerling, vestiging en begindatum met dezelfde gegevens geeft 200 met de bestaande "
        "inschrijving; met andere gegevens 409 (wijzig de einddatum met PATCH).",
        InschrijvingInvoerSerializer,
        InschrijvingSerializer,
        "Ingeschreven.",
        examples=[
            OpenApiExample(
                "BSN",
                value={
                    "leerling": {"burgerservicenummer": "999993653"},
                    "vestiging": "25PL00",
                    "begindatum": "2026-08-17",
                    "onderwijssoort": "havo",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request):
        response = _registreer(
            self,
            request,
            lambda actor, body: services.inschrijven(
                actor,
                body.get("leerling"),
                body.get("vestiging"),
                body.get("begindatum"),
                body.get("einddatum"),
                body.get("onderwijssoort") or "",
            ),
        )
        response["Location"] = response.data["url"]
        return response


class InschrijvingView(GenericAPIView):
    required_scopes = {"PATCH": "inschrijvingen.schrijven"}
    serializer_class = InschrijvingSerializer

    @extend_schema(
        operation_id="updateInschrijving",
        tags=[TAG],
        summary="Einddatum van een inschrijving zetten (uitschrijven)",
        description="Alleen voor inschrijvingen op de eigen school; die van een andere "
        "school geeft 404.",
        request=InschrijvingWijzigingSerializer,
        parameters=[idempotentie.PARAMETER],
        responses={200: InschrijvingSerializer, **_problemen(400, 401, 403, 404, 409)},
    )
    def patch(self, request, inschrijving_uuid):
        actor = api_actor(request)
        body = _body(request)
        if "einddatum" not in body:
            raise ValidationError({"einddatum": ["Verplicht veld."]})

        def schrijf() -> Antwoord:
            inschrijving = services.wijzig_inschrijving(actor, inschrijving_uuid, body["einddatum"])
            data = InschrijvingSerializer(inschrijving, context={"request": request}).data
            return Antwoord(
                200, data, object=inschrijving, persoon=inschrijving.leerling.identificatie
            )

        return _idempotent(request, actor, schrijf)


class DiplomasView(GenericAPIView):
    required_scopes = {"POST": "diplomas.schrijven"}
    serializer_class = DiplomaSerializer

    @_registratie_schema(
        "createDiploma",
        "Diploma registreren",
        "Een school registreert een diploma van een leerling die op de "
        "diplomadatum bij haar ingeschreven was. `startkwalificatie` wordt afgeleid (R-LP-4).",
        DiplomaInvoerSerializer,
        DiplomaSerializer,
        "Geregistreerd.",
    )
    def post(self, request):
        return _registreer(
            self,
            request,
            lambda actor, body: services.registreer_diploma(
                actor, body.get("leerling"), body.get("soort"), body.get("datum")
            ),
        )


class VrijstellingenView(GenericAPIView):
    required_scopes = {"POST": "vrijstellingen.schrijven"}
    serializer_class = VrijstellingSerializer

    @_registratie_schema(
        "createVrijstelling",
        "Vrijstelling registreren",
        "Een gemeente of leerplichtdienst registreert een vrijstelling van een "
        "leerling die in een van haar gemeenten woont (BRP), anders 404. Art. 5 onder a, b "
        "en c gelden hoogstens één schooljaar (R-VR-1). Meldingen waarvan de periode de "
        "vrijstelling overlapt, trekt het register in met reden vrijstelling (R-RT-7); het "
        "antwoord noemt ze.",
        VrijstellingInvoerSerializer,
        VrijstellingSerializer,
        "Geregistreerd.",
    )
    def post(self, request):
        return _registreer(
            self,
            request,
            lambda actor, body: services.registreer_vrijstelling(
                actor,
                body.get("leerling"),
                body.get("artikel"),
                body.get("begindatum"),
                body.get("einddatum"),
                body.get("gemeente"),
            ),
            context=lambda r: {"ingetrokken": r.ingetrokken},
        )
