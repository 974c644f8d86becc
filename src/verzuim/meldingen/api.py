"""Meldingen over HTTP (api-contract.md "Meldingen"). Thin: the body goes as-is to
`services.meld_verzuim` (which checks everything and lists all problems at once); the
serializers here describe the shapes for the OpenAPI schema and render the answers.

Two views of a melding: the school's (R-ME-7: the melding and its status history — status,
time, reason code — nothing of the casework) and the receiving party's (also routing
reasons, doelgroep, behandelaar, forwarding chain, status toelichting and who, and the uuid
of its dossier there: `dossier`, through the seam `dossierkoppeling`, R-CW-1).
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
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
from rest_framework.fields import SkipField
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from verzuim.api import idempotentie
from verzuim.api.auth import api_actor
from verzuim.api.idempotentie import Antwoord, Idempotentie
from verzuim.api.schema import BESTAAND, NIEUW_OOK_HERHAALD, keuze, problemen
from verzuim.meldingen import dossierkoppeling, queries, services
from verzuim.meldingen.codes import Status, Verzuimsoort
from verzuim.meldingen.fouten import NietGevonden
from verzuim.meldingen.models import Melding
from verzuim.personen.api import AdresSerializer

TAG = "Meldingen"


PROBLEEM_UITLEG = {
    400: "Ongeldige invoer; invalidParams noemt elk ongeldig veld tegelijk.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de benodigde scope, of deze partij mag dit niet.",
    404: "Melding onbekend of van een andere organisatie.",
    409: "Conflict: overgang niet toegestaan (toegestaneOvergangen), of Idempotency-Key "
    "eerder gebruikt met een andere body.",
}


def _problemen(*codes: int) -> dict:
    return problemen(PROBLEEM_UITLEG, *codes)


# --- request shapes (schema; the service validates) ---------------------------------------


class LeerlingSerializer(serializers.Serializer):
    """`burgerservicenummer` óf `onderwijsnummer`, precies één (R-ID-1); bij een
    onderwijsnummer is `adres` verplicht (R-ME-1)."""

    burgerservicenummer = serializers.RegexField(r"^[0-9]{9}$", required=False)
    onderwijsnummer = serializers.RegexField(r"^10[0-9]{7}$", required=False)
    adres = AdresSerializer(required=False)


class VerzuimdagSerializer(serializers.Serializer):
    datum = serializers.DateField()
    uren = serializers.DecimalField(
        max_digits=4,
        decimal_places=2,
        min_value=0,
        max_value=24,
        coerce_to_string=False,
        required=False,
    )
    heleDag = serializers.BooleanField(required=False)  # noqa: N815


class ContactpersoonSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200, required=False)
    functie = serializers.CharField(max_length=200, required=False)
    email = serializers.EmailField(max_length=200, required=False)
    telefoon = serializers.CharField(max_length=200, required=False)


class MeldingInvoerSerializer(serializers.Serializer):
    """Een verzuimmelding van een school (R-ME-1)."""

    leerling = LeerlingSerializer()
    vestiging = serializers.RegexField(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$")
    verzuimsoort = keuze(Verzuimsoort.values, "Verzuimsoort")
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(
        required=False, help_text="Verplicht bij 16-uur, langdurig en 18-plus."
    )
    verzuimdeUren = serializers.DecimalField(  # noqa: N815
        max_digits=6,
        decimal_places=2,
        min_value=0,
        max_value=9999,
        coerce_to_string=False,
        required=False,
    )
    teLaatKeren = serializers.IntegerField(min_value=0, max_value=9999, required=False)  # noqa: N815
    verzuimdagen = VerzuimdagSerializer(many=True, required=False)
    vermoedelijkeReden = serializers.CharField(max_length=4000, required=False)  # noqa: N815
    ondernomenActie = serializers.CharField(max_length=4000, required=False)  # noqa: N815
    gewensteActie = serializers.CharField(max_length=4000, required=False)  # noqa: N815
    contactpersoon = ContactpersoonSerializer(required=False)


class StatusInvoerSerializer(serializers.Serializer):
    status = keuze(Status.values, "MeldingStatus")
    reden = serializers.CharField(
        required=False,
        allow_null=True,
        help_text="Verplicht bij ingetrokken (school: F, D, G, N, O); bij afgesloten een "
        "afsluitreden (R-CW-11).",
    )
    toelichting = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class DoorsturenSerializer(serializers.Serializer):
    gemeente = serializers.RegexField(r"^GM[0-9]{4}$")
    toelichting = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class ZoekSerializer(serializers.Serializer):
    """`burgerservicenummer` óf `onderwijsnummer` (nooit in de URL)."""

    burgerservicenummer = serializers.RegexField(r"^[0-9]{9}$", required=False)
    onderwijsnummer = serializers.RegexField(r"^10[0-9]{7}$", required=False)


class MeldingFilterSerializer(serializers.Serializer):
    status = keuze(Status.values, "MeldingStatus", required=False)
    verzuimsoort = keuze(Verzuimsoort.values, "Verzuimsoort", required=False)
    ontvangenVanaf = serializers.DateField(required=False)  # noqa: N815
    ontvangenTot = serializers.DateField(required=False, help_text="Tot en met.")  # noqa: N815
    vestiging = serializers.RegexField(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$", required=False)


# --- response shapes ---------------------------------------------------------------------


def _leerling(melding: Melding) -> dict:
    ll = melding.leerling
    uit = (
        {"burgerservicenummer": ll.burgerservicenummer}
        if ll.burgerservicenummer
        else {"onderwijsnummer": ll.onderwijsnummer}
    )
    if melding.opgegeven_adres:
        uit["adres"] = melding.opgegeven_adres
    return uit


def _ontvanger(o) -> dict:
    return {"soort": o.soort, "code": o.code, "naam": o.naam}


class OntvangerSerializer(serializers.Serializer):
    soort = serializers.CharField(help_text="gemeente, leerplichtdienst of rmc-regio")
    code = serializers.CharField()
    naam = serializers.CharField()


class RouteringRedenSerializer(serializers.Serializer):
    regel = serializers.CharField()
    uitleg = serializers.CharField()


class StatusWijzigingSerializer(serializers.Serializer):
    """One status change. The school sees status, tijdstip and reden only (R-ME-7)."""

    status = keuze(Status.values, "MeldingStatus", read_only=True)
    tijdstip = serializers.DateTimeField(read_only=True)
    reden = serializers.SerializerMethodField()
    # Casework: only for the receiving party (omitted for the school).
    toelichting = serializers.CharField(required=False)
    door = serializers.CharField(source="door_label", required=False)
    doorOrganisatie = serializers.CharField(  # noqa: N815
        source="door_organisatie.code", required=False, allow_null=True, default=None
    )

    CASUS = ("toelichting", "door", "doorOrganisatie")

    @extend_schema_field(
        {"type": "string", "nullable": True, "description": "Redencode; V heet hier vrijstelling."}
    )
    def get_reden(self, obj) -> str | None:
        return services.reden_api(obj.reden) if obj.reden else None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("volledig"):
            for k in self.CASUS:
                data.pop(k, None)
        return data


class DoorzendingSerializer(serializers.Serializer):
    van = serializers.CharField(source="van.code")
    naar = serializers.CharField(source="naar.code")
    gemeente = serializers.CharField(source="naar_gemeente.code")
    toelichting = serializers.CharField()
    tijdstip = serializers.DateTimeField()


class MeldingSerializer(serializers.Serializer):
    """A melding. Fields marked 'ontvanger' are only shown to the receiving party."""

    url = serializers.SerializerMethodField()
    uuid = serializers.UUIDField(read_only=True)
    meldingsnummer = serializers.CharField(read_only=True, help_text="R-ME-5, bv. VM-2026-000123")
    leerling = serializers.SerializerMethodField()
    vestiging = serializers.CharField(source="vestiging.code", read_only=True)
    instelling = serializers.CharField(source="instelling.code", read_only=True)
    verzuimsoort = keuze(Verzuimsoort.values, "Verzuimsoort", read_only=True)
    begindatum = serializers.DateField(read_only=True)
    einddatum = serializers.DateField(read_only=True, allow_null=True)
    verzuimdeUren = serializers.DecimalField(  # noqa: N815
        source="verzuimde_uren",
        max_digits=6,
        decimal_places=2,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
    )
    teLaatKeren = serializers.IntegerField(source="te_laat_keren", read_only=True, allow_null=True)  # noqa: N815
    verzuimdagen = VerzuimdagSerializer(many=True, read_only=True)
    vermoedelijkeReden = serializers.CharField(source="vermoedelijke_reden", read_only=True)  # noqa: N815
    ondernomenActie = serializers.CharField(source="ondernomen_actie", read_only=True)  # noqa: N815
    gewensteActie = serializers.CharField(source="gewenste_actie", read_only=True)  # noqa: N815
    contactpersoon = ContactpersoonSerializer(read_only=True)
    status = keuze(Status.values, "MeldingStatus", read_only=True)
    statusGewijzigd = serializers.DateTimeField(source="status_gewijzigd", read_only=True)  # noqa: N815
    ontvangen = serializers.DateTimeField(read_only=True)
    ontvanger = serializers.SerializerMethodField()
    vervolgOp = serializers.UUIDField(
        source="vervolg_op.uuid",
        read_only=True,
        allow_null=True,  # noqa: N815
        default=None,
    )
    woonplaatsOnbekend = serializers.BooleanField(source="woonplaats_onbekend", read_only=True)  # noqa: N815
    teLaat = serializers.BooleanField(source="te_laat", read_only=True, help_text="R-ME-4")  # noqa: N815
    statussen = serializers.SerializerMethodField()
    # Casework: only for the receiving party (R-ME-7).
    verantwoordelijkeGemeente = serializers.CharField(  # noqa: N815
        source="verantwoordelijke_gemeente.code",
        required=False,
        help_text="ontvanger: de gemeente die verantwoordelijk is (R-RT-1..3)",
    )
    doelgroep = serializers.CharField(required=False, help_text="ontvanger")
    routering = RouteringRedenSerializer(
        source="routering_uitleg",
        many=True,
        required=False,
        help_text="ontvanger: waarom de melding hier kwam (R-RT-1..5)",
    )
    behandelaar = serializers.CharField(
        source="behandelaar.username",
        required=False,
        allow_null=True,
        default=None,
        help_text="ontvanger",
    )
    doorzendingen = DoorzendingSerializer(many=True, required=False, help_text="ontvanger, R-RT-5")
    dossier = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="Alleen voor de ontvanger (de behandelende organisatie): het dossier van de "
        "leerling waarin de melding bij haar zit (R-CW-1; GET /dossiers/{uuid}), null zolang "
        "er geen is. Nooit voor de school of het register.",
    )

    CASUS = ("verantwoordelijkeGemeente", "doelgroep", "routering", "behandelaar", "doorzendingen")

    def _volledig(self, obj) -> bool:
        return queries.ziet_alles(self.context["actor"], obj)

    def _dossier(self, obj) -> str | None:
        d = dossierkoppeling.dossiers_van(self.context["actor"], [obj]).get(obj.pk)
        return None if d is None else str(d)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj) -> str:
        request = self.context.get("request")
        pad = reverse("api:melding", kwargs={"melding_uuid": obj.uuid})
        return request.build_absolute_uri(pad) if request else pad

    @extend_schema_field(LeerlingSerializer)
    def get_leerling(self, obj) -> dict:
        return _leerling(obj)

    @extend_schema_field(OntvangerSerializer)
    def get_ontvanger(self, obj) -> dict:
        return _ontvanger(obj.ontvanger)

    @extend_schema_field(StatusWijzigingSerializer(many=True))
    def get_statussen(self, obj) -> list[dict]:
        ctx = {**self.context, "volledig": self._volledig(obj)}
        return StatusWijzigingSerializer(obj.statussen.all(), many=True, context=ctx).data

    def to_representation(self, instance):
        # As DRF's, but the casework fields are not even computed for the school (R-ME-7).
        overslaan = () if self._volledig(instance) else self.CASUS
        if not dossierkoppeling.ontvangt(self.context["actor"], instance):
            overslaan += ("dossier",)
        data = {}
        for field in self._readable_fields:
            if field.field_name in overslaan:
                continue
            if field.field_name == "dossier":  # not an attribute: the seam's answer
                data["dossier"] = self._dossier(instance)
                continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            data[field.field_name] = (
                None if attribute is None else field.to_representation(attribute)
            )
        return data


# --- the answer, built directly -------------------------------------------------------------

# The serializer above defines the shape (and the OpenAPI schema); `melding_weergave` produces
# exactly what `MeldingSerializer(melding, context=...).data` produces, without DRF copying
# some 30 field definitions per melding (issue 3 "Speed"; test_weergave.py compares both).
# Values that need DRF's conversion (dates, times, decimals) go through the serializer's own
# declared fields, so the formatting stays DRF's.
_M = MeldingSerializer._declared_fields
_DAG = VerzuimdagSerializer._declared_fields
_datumtijd = _M["ontvangen"].to_representation
_datum = _M["begindatum"].to_representation
_status = _M["status"].to_representation
_VERZUIMDAG = (
    ("datum", _DAG["datum"].to_representation),
    ("uren", _DAG["uren"].to_representation),
    ("heleDag", _DAG["heleDag"].to_representation),
)
_CONTACT = tuple((naam, str) for naam in ContactpersoonSerializer._declared_fields)
_ROUTERING = (("regel", str), ("uitleg", str))


def _waarden(bron: dict, velden) -> dict:
    """A nested serializer of a JSON dict: missing keys omitted, None kept as None."""
    uit = {}
    for naam, omzetten in velden:
        if naam in bron:
            waarde = bron[naam]
            uit[naam] = None if waarde is None else omzetten(waarde)
    return uit


def _of_none(omzetten, waarde):
    return None if waarde is None else omzetten(waarde)


def _status_weergave(s, volledig: bool) -> dict:
    """As StatusWijzigingSerializer: the school sees status, tijdstip, reden (R-ME-7)."""
    uit = {
        "status": _of_none(_status, s.status),
        "tijdstip": _of_none(_datumtijd, s.tijdstip),
        "reden": services.reden_api(s.reden) if s.reden else None,
    }
    if volledig:
        org = s.door_organisatie
        uit["toelichting"] = _of_none(str, s.toelichting)
        uit["door"] = _of_none(str, s.door_label)
        uit["doorOrganisatie"] = None if org is None else _of_none(str, org.code)
    return uit


def melding_weergave(melding: Melding, actor, request=None, *, dossiers=None) -> dict:
    """`MeldingSerializer(melding, context={"request": request, "actor": actor}).data`.
    ``dossiers``: `dossierkoppeling.dossiers_van` for a whole page, looked up once; without
    it the receiver's dossier is looked up for this melding."""
    m = melding
    volledig = queries.ziet_alles(actor, m)
    pad = reverse("api:melding", kwargs={"melding_uuid": m.uuid})
    vervolg_op = m.vervolg_op
    data = {
        "url": request.build_absolute_uri(pad) if request else pad,
        "uuid": _of_none(str, m.uuid),
        "meldingsnummer": _of_none(str, m.meldingsnummer),
        "leerling": _leerling(m),
        "vestiging": _of_none(str, m.vestiging.code),
        "instelling": _of_none(str, m.instelling.code),
        "verzuimsoort": _of_none(_M["verzuimsoort"].to_representation, m.verzuimsoort),
        "begindatum": _of_none(_datum, m.begindatum),
        "einddatum": _of_none(_datum, m.einddatum),
        "verzuimdeUren": _of_none(_M["verzuimdeUren"].to_representation, m.verzuimde_uren),
        "teLaatKeren": _of_none(int, m.te_laat_keren),
        "verzuimdagen": _of_none(lambda d: [_waarden(x, _VERZUIMDAG) for x in d], m.verzuimdagen),
        "vermoedelijkeReden": _of_none(str, m.vermoedelijke_reden),
        "ondernomenActie": _of_none(str, m.ondernomen_actie),
        "gewensteActie": _of_none(str, m.gewenste_actie),
        "contactpersoon": _of_none(lambda c: _waarden(c, _CONTACT), m.contactpersoon),
        "status": _of_none(_status, m.status),
        "statusGewijzigd": _of_none(_datumtijd, m.status_gewijzigd),
        "ontvangen": _of_none(_datumtijd, m.ontvangen),
        "ontvanger": _ontvanger(m.ontvanger),
        "vervolgOp": None if vervolg_op is None else _of_none(str, vervolg_op.uuid),
        "woonplaatsOnbekend": _of_none(
            _M["woonplaatsOnbekend"].to_representation, m.woonplaats_onbekend
        ),
        "teLaat": _of_none(_M["teLaat"].to_representation, m.te_laat),
        "statussen": [_status_weergave(s, volledig) for s in m.statussen.all()],
    }
    if volledig:  # casework (R-ME-7)
        gemeente = m.verantwoordelijke_gemeente
        if gemeente is not None:
            data["verantwoordelijkeGemeente"] = _of_none(str, gemeente.code)
        data["doelgroep"] = _of_none(str, m.doelgroep)
        data["routering"] = _of_none(
            lambda r: [_waarden(x, _ROUTERING) for x in r], m.routering_uitleg
        )
        b = m.behandelaar
        data["behandelaar"] = None if b is None else _of_none(str, b.username)
        data["doorzendingen"] = [
            {
                "van": _of_none(str, d.van.code),
                "naar": _of_none(str, d.naar.code),
                "gemeente": _of_none(str, d.naar_gemeente.code),
                "toelichting": _of_none(str, d.toelichting),
                "tijdstip": _of_none(_datumtijd, d.tijdstip),
            }
            for d in m.doorzendingen.all()
        ]
    if dossierkoppeling.ontvangt(actor, m):  # the handling organisation only (R-CW-1)
        if dossiers is None:
            dossiers = dossierkoppeling.dossiers_van(actor, [m])
        d = dossiers.get(m.pk)
        data["dossier"] = None if d is None else str(d)
    return data


# --- views -------------------------------------------------------------------------------


VOORBEELD = OpenApiExample(
    "16-uur",
    value={
        "leerling": {"burgerservicenummer": "999993653"},
        "vestiging": "25PL00",
        "verzuimsoort": "16-uur",
        "begindatum": "2026-09-07",
        "einddatum": "2026-09-25",
        "verzuimdeUren": 17.5,
        "teLaatKeren": 3,
        "verzuimdagen": [{"datum": "2026-09-07", "uren": 5.0}],
        "vermoedelijkeReden": "Onbekend",
        "ondernomenActie": "Gesprek met ouders",
        "gewensteActie": "Oproep door de leerplichtambtenaar",
        "contactpersoon": {
            "naam": "J. Jansen",
            "functie": "mentor",
            "email": "mentor@school.example",
            "telefoon": "0201234567",
        },
    },
    request_only=True,
)


class MeldingenView(GenericAPIView):
    """POST: a school reports; GET: the scoped list."""

    required_scopes = {
        "GET": {"meldingen.lezen", "meldingen.behandelen"},
        "POST": "meldingen.aanmaken",
    }
    serializer_class = MeldingSerializer

    def get_queryset(self):
        return Melding.objects.none()

    @extend_schema(
        operation_id="listMeldingen",
        tags=[TAG],
        summary="Meldingen van de eigen organisatie",
        description="Een school ziet de meldingen die zij deed; een gemeente, "
        "leerplichtdienst of RMC-regio de meldingen die naar haar zijn gerouteerd.",
        parameters=[MeldingFilterSerializer],
        responses={200: MeldingSerializer(many=True), **_problemen(400, 401, 403)},
    )
    def get(self, request):
        actor = api_actor(request)
        f = MeldingFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        v = f.validated_data
        qs = queries.filter_meldingen(
            queries.met_historie(queries.meldingen_voor(actor)),
            status=v.get("status"),
            verzuimsoort=v.get("verzuimsoort"),
            ontvangen_vanaf=v.get("ontvangenVanaf"),
            ontvangen_tot=v.get("ontvangenTot"),
            vestiging=v.get("vestiging"),
        )
        page = self.paginate_queryset(qs)
        meldingen = services.lees_meldingen(actor, page)
        dossiers = dossierkoppeling.dossiers_van(actor, meldingen)
        data = [melding_weergave(m, actor, request, dossiers=dossiers) for m in meldingen]
        return self.get_paginated_response(data)

    @extend_schema(
        operation_id="createMelding",
        tags=[TAG],
        summary="Verzuim melden",
        description="Valideert R-ME-1..3 (alle fouten tegelijk), routeert (R-RT-1..3) en "
        "meldt de ontvanger (R-RT-4). Een exact duplicaat geeft 200 met de bestaande melding "
        "(R-ME-6). Met Idempotency-Key: dezelfde key en body geven het eerste antwoord "
        "(dezelfde status, 201 of 200); dezelfde key met een andere body geeft 409.",
        request=MeldingInvoerSerializer,
        parameters=[idempotentie.PARAMETER],
        examples=[VOORBEELD],
        responses={
            201: OpenApiResponse(
                MeldingSerializer, description="Geregistreerd." + NIEUW_OOK_HERHAALD
            ),
            200: OpenApiResponse(
                MeldingSerializer, description="Exact duplicaat (R-ME-6). " + BESTAAND
            ),
            **_problemen(400, 401, 403, 409),
        },
    )
    def post(self, request):
        actor = api_actor(request)

        def huidig(record) -> dict:
            """A replay shows the melding as it is now (its current status)."""
            melding = _met_historie(actor, uuid=record.object_id)
            return melding_weergave(melding, actor, request)

        sleutel = Idempotentie(
            request, actor, actie="melding.aanmaken", doel=services.DOEL, opnieuw=huidig
        )

        def schrijf() -> Antwoord:
            intake = services.meld_verzuim(
                actor, request.data, vastleggen=lambda i: sleutel.leg_vast(_antwoord(i))
            )
            melding = intake.melding
            if not intake.nieuw:  # an existing one: read it with its current history
                melding = _met_historie(actor, pk=melding.pk)
            return _antwoord(intake, melding_weergave(melding, actor, request))

        # The intake runs its own transaction (its BRP read stays audited when refused).
        response = sleutel.voer_uit(schrijf, eigen_transactie=True)
        response["Location"] = response.data["url"]
        return response


def _antwoord(intake: services.Intake, body=None) -> Antwoord:
    melding = intake.melding
    return Antwoord(
        201 if intake.nieuw else 200,
        body,
        object=melding,
        persoon=melding.leerling.identificatie,
    )


def _met_historie(actor, **filters) -> Melding:
    melding = queries.met_historie(queries.meldingen_voor(actor)).filter(**filters).first()
    if melding is None:
        raise NietGevonden("Melding niet gevonden.")
    return melding


class MeldingZoekView(GenericAPIView):
    required_scopes = {"POST": {"meldingen.lezen", "meldingen.behandelen"}}
    serializer_class = MeldingSerializer
    pagination_class = None  # one pupil's meldingen: a plain list

    @extend_schema(
        operation_id="zoekMeldingen",
        tags=[TAG],
        summary="Meldingen van één leerling zoeken",
        description="Het BSN staat in de body, nooit in de URL.",
        request=ZoekSerializer,
        responses={200: MeldingSerializer(many=True), **_problemen(400, 401, 403)},
    )
    def post(self, request):
        actor = api_actor(request)
        body = request.data if isinstance(request.data, dict) else {}
        if not isinstance(request.data, dict):
            raise ValidationError({"body": ["De body moet een JSON-object zijn."]})
        meldingen = services.zoek_meldingen(
            actor,
            burgerservicenummer=body.get("burgerservicenummer"),
            onderwijsnummer=body.get("onderwijsnummer"),
        )
        dossiers = dossierkoppeling.dossiers_van(actor, meldingen)
        return Response([melding_weergave(m, actor, request, dossiers=dossiers) for m in meldingen])


class MeldingView(GenericAPIView):
    required_scopes = {"GET": {"meldingen.lezen", "meldingen.behandelen"}}
    serializer_class = MeldingSerializer

    @extend_schema(
        operation_id="getMelding",
        tags=[TAG],
        summary="Eén melding",
        description="De school ziet de melding en haar statushistorie (R-ME-7); de ontvanger "
        "ook de behandeling en `dossier`: het dossier waarin de melding bij haar zit "
        "(R-CW-1).",
        responses={200: MeldingSerializer, **_problemen(400, 401, 403, 404)},
    )
    def get(self, request, melding_uuid):
        actor = api_actor(request)
        melding = services.lees_melding(actor, melding_uuid)
        prefetch_related_objects([melding], *queries.HISTORIE)
        return Response(melding_weergave(melding, actor, request))


class MeldingStatussenView(GenericAPIView):
    required_scopes = {
        "GET": {"meldingen.lezen", "meldingen.behandelen"},
        "POST": {"meldingen.behandelen", "meldingen.aanmaken"},
    }
    serializer_class = StatusWijzigingSerializer

    @extend_schema(
        operation_id="listMeldingStatussen",
        tags=[TAG],
        summary="Statushistorie",
        description="De school ziet status, tijdstip en redencode (R-ME-7).",
        responses={
            200: StatusWijzigingSerializer(many=True),
            **_problemen(400, 401, 403, 404),
        },
    )
    def get(self, request, melding_uuid):
        actor = api_actor(request)
        melding = services.lees_melding(actor, melding_uuid)
        volledig = queries.ziet_alles(actor, melding)
        return Response(
            StatusWijzigingSerializer(
                queries.statushistorie(melding), many=True, context={"volledig": volledig}
            ).data
        )

    @extend_schema(
        operation_id="createMeldingStatus",
        tags=[TAG],
        summary="Status wijzigen",
        description="Overgangen en wie ze mag maken: R-RT-6. Een niet toegestane overgang "
        "geeft 409 met toegestaneOvergangen.",
        request=StatusInvoerSerializer,
        parameters=[idempotentie.PARAMETER],
        responses={201: StatusWijzigingSerializer, **_problemen(400, 401, 403, 404, 409)},
    )
    def post(self, request, melding_uuid):
        actor = api_actor(request)
        body = request.data
        if not isinstance(body, dict):
            raise ValidationError({"body": ["De body moet een JSON-object zijn."]})
        invoer = StatusInvoerSerializer(data=body)
        invoer.is_valid(raise_exception=True)
        v = invoer.validated_data
        sleutel = Idempotentie(request, actor, actie="melding.status", doel=services.DOEL)

        def schrijf() -> Antwoord:
            melding = services.wijzig_status(
                actor,
                melding_uuid,
                v["status"],
                reden=v.get("reden"),
                toelichting=v.get("toelichting", ""),
            )
            volledig = queries.ziet_alles(actor, melding)
            laatste = queries.statushistorie(melding).last()
            body = StatusWijzigingSerializer(laatste, context={"volledig": volledig}).data
            return Antwoord(201, body, object=melding, persoon=melding.leerling.identificatie)

        return sleutel.voer_uit(schrijf)


class DoorgestuurdSerializer(serializers.Serializer):
    """Het antwoord op doorsturen: alleen wat de doorsturende partij mag weten. De melding ligt
    nu bij een andere ontvanger; haar casus ziet zij niet meer (R-RT-5, R-ME-7)."""

    meldingsnummer = serializers.CharField(read_only=True)
    uuid = serializers.UUIDField(read_only=True)
    status = keuze(Status.values, "MeldingStatus", read_only=True)
    ontvanger = serializers.SerializerMethodField()

    @extend_schema_field(OntvangerSerializer)
    def get_ontvanger(self, obj) -> dict:
        return _ontvanger(obj.ontvanger)


class MeldingDoorsturenView(GenericAPIView):
    required_scopes = {"POST": "meldingen.behandelen"}
    serializer_class = DoorgestuurdSerializer

    @extend_schema(
        operation_id="doorsturenMelding",
        tags=[TAG],
        summary="Doorsturen naar een andere gemeente",
        description="Alleen de ontvangende partij (R-RT-5); de keten wordt bewaard. Het "
        "antwoord noemt alleen meldingsnummer, uuid, status en de nieuwe ontvanger: na het "
        "doorsturen ziet de doorsturende partij de melding niet meer.",
        request=DoorsturenSerializer,
        parameters=[idempotentie.PARAMETER],
        responses={
            200: OpenApiResponse(DoorgestuurdSerializer, description="Doorgestuurd."),
            **_problemen(400, 401, 403, 404, 409),
        },
    )
    def post(self, request, melding_uuid):
        actor = api_actor(request)
        if not isinstance(request.data, dict):
            raise ValidationError({"body": ["De body moet een JSON-object zijn."]})
        invoer = DoorsturenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        sleutel = Idempotentie(request, actor, actie="melding.doorsturen", doel=services.DOEL)

        def schrijf() -> Antwoord:
            melding = services.stuur_door(
                actor,
                melding_uuid,
                invoer.validated_data["gemeente"],
                invoer.validated_data.get("toelichting", ""),
            )
            body = DoorgestuurdSerializer(melding).data
            return Antwoord(200, body, object=melding, persoon=melding.leerling.identificatie)

        return sleutel.voer_uit(schrijf)
