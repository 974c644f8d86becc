"""/api/v1/dossiers (api-contract.md "Signalen, dossiers, cijfers"; issue 9 §10): the
casework for the gemeente's own software — list, search and read dossiers (phase, next
action date, meldingen, the timeline), add an activity, move the MAS phase, close and
reopen. Scopes `dossiers.lezen` / `dossiers.schrijven`, the handling organisation only
(`queries.mag_dossiers_zien`: a school or the register never, another organisation's
dossier 404). And the school's side of the verzuimoverzicht request (R-CW-3): the requests
addressed to it and its answer.

Thin, as the meldingen API: every read through the audited read services, every write
through the existing services (`services`, `verzuimoverzicht`) with an Idempotency-Key;
the serializers describe the shapes for the OpenAPI schema, the answers are built by
`dossier_weergave` and friends. Never in an answer: werkaantekeningen (R-PR-2), and for an
application that may not see them (an RMC-regio's) the special categories (R-PR-5).
"""

from __future__ import annotations

import base64
import binascii

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from verzuim.accounts.afscherming import AFGESCHERMD
from verzuim.api import idempotentie
from verzuim.api.auth import api_actor
from verzuim.api.idempotentie import Antwoord, Idempotentie
from verzuim.api.schema import codelijst, keuze, problemen
from verzuim.dossiers import handhaving as hh
from verzuim.dossiers import queries, services
from verzuim.dossiers import verzuimoverzicht as vo
from verzuim.dossiers.basis import DOEL
from verzuim.dossiers.models import (
    HANDMATIGE_AANLEIDINGEN,
    Aanleiding,
    Bron,
    Dossier,
    DossierMelding,
    DossierStatus,
    FaseVerslag,
    HandhavingSoort,
    MetWie,
    Uitkomst,
    Verzuimoverzichtverzoek,
)
from verzuim.dossiers.routes import ROUTES
from verzuim.meldingen.api import OntvangerSerializer
from verzuim.rules import mas
from verzuim.rules.statussen import AFSLUITREDENEN
from verzuim.signalen.api import SignaalLeerlingSerializer

TAG = "Dossiers"
LEZEN = {queries.SCOPE_LEZEN, queries.SCOPE_SCHRIJVEN}
SCHRIJVEN = queries.SCOPE_SCHRIJVEN

PROBLEEM_UITLEG = {
    400: "Ongeldige invoer; invalidParams noemt elk ongeldig veld met de regel.",
    401: "Geen of ongeldig token.",
    403: "Het token mist de scope (dossiers.lezen, of dossiers.schrijven voor een "
    "wijziging), de organisatie behandelt geen dossiers (een school, het register), of de "
    "wijziging vraagt wat deze organisatie niet mag (bijzondere persoonsgegevens, R-PR-5).",
    404: "Dossier onbekend of van een andere organisatie.",
    409: "Conflict: het dossier is gesloten (eerst heropenen, R-CW-11), de leerling heeft al "
    "een ander open dossier (R-CW-1, `bestaand`), of de Idempotency-Key is eerder gebruikt "
    "met een andere body.",
}


def _problemen(*codes: int) -> dict:
    return problemen(PROBLEEM_UITLEG, *codes)


# --- shapes --------------------------------------------------------------------------------


class DossierLeerlingSerializer(SignaalLeerlingSerializer):
    """De leerling: BSN of onderwijsnummer, met naam en geboortedatum uit de BRP."""


class ActiviteitSerializer(serializers.Serializer):
    """Eén regel van de tijdlijn (R-CW-3/4), met bron en datum (R-PR-2)."""

    uuid = serializers.UUIDField()
    soort = serializers.CharField(help_text="Code uit de lijst GET /activiteitsoorten.")
    soortNaam = serializers.CharField()  # noqa: N815
    datum = serializers.DateField(help_text="Wanneer het gebeurde.")
    tekst = serializers.CharField(allow_blank=True)
    metWie = serializers.ListField(child=keuze(MetWie.values, "MetWie"))  # noqa: N815
    bron = serializers.ChoiceField(
        choices=Bron.values, allow_null=True, help_text="Null bij een afgeschermd gegeven."
    )
    bronReferentie = serializers.CharField(  # noqa: N815
        allow_null=True, help_text="Waar de bron naar verwijst: de uuid van melding of brief."
    )
    bijzonder = serializers.BooleanField(
        help_text="Bijzondere persoonsgegevens (R-PR-5); alleen wie ze mag zien krijgt ze."
    )
    afgeschermd = serializers.BooleanField(
        help_text="R-PR-5: een bijzonder persoonsgegeven dat deze koppeling niet mag zien; "
        "alleen dat het er is en wanneer (soort `afgeschermd`, geen tekst, bron of auteur)."
    )
    door = serializers.CharField(allow_null=True, help_text="Wie het vastlegde.")
    geregistreerd = serializers.DateTimeField()


class FaseverslagSerializer(serializers.Serializer):
    """Wat een MAS-fase vond en besloot bij het verlaten ervan (R-CW-2)."""

    fase = keuze(list(mas.FASEN), "MasFase")
    naarFase = keuze(list(mas.FASEN), "MasFase")  # noqa: N815
    bevindingen = serializers.CharField()
    besluit = serializers.CharField()
    tijdstip = serializers.DateTimeField()
    door = serializers.CharField()


VERZOEKSTATUSSEN = ["open", "beantwoord", "vervallen"]


class SchoolSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()


class DossierVerzoekSerializer(serializers.Serializer):
    """Een verzoek om het verzuimoverzicht aan de school van een melding (R-CW-3)."""

    uuid = serializers.UUIDField()
    melding = serializers.UUIDField()
    school = SchoolSerializer()
    toelichting = serializers.CharField(allow_blank=True)
    gevraagd = serializers.DateTimeField()
    status = keuze(VERZOEKSTATUSSEN, "VerzoekStatus")
    beantwoord = serializers.DateTimeField(allow_null=True)
    antwoord = serializers.CharField(allow_blank=True)
    bestandsnaam = serializers.CharField(allow_null=True)
    bestandstype = serializers.CharField(allow_null=True)
    sha256 = serializers.CharField(allow_null=True)


class DossierSerializer(serializers.Serializer):
    """Een dossier van de eigen organisatie (R-CW-1): fase, volgende actie, meldingen."""

    uuid = serializers.UUIDField()
    url = serializers.URLField()
    leerling = DossierLeerlingSerializer()
    organisatie = OntvangerSerializer(help_text="De behandelende organisatie.")
    gemeente = serializers.CharField(
        allow_null=True, help_text="De verantwoordelijke gemeente (GM-code), als bekend."
    )
    status = keuze(DossierStatus.values, "DossierStatus")
    fase = keuze(list(mas.FASEN), "MasFase")
    behandelaar = serializers.CharField(allow_null=True, help_text="Gebruikersnaam.")
    aanleiding = keuze(Aanleiding.values, "DossierAanleiding")
    aanleidingToelichting = serializers.CharField(allow_blank=True)  # noqa: N815
    route = serializers.CharField(
        allow_null=True, help_text="Routesjabloon (absoluut-verzuim, luxe-verzuim) of null."
    )
    geopend = serializers.DateTimeField()
    gesloten = serializers.DateTimeField(allow_null=True)
    afsluitreden = serializers.CharField(
        allow_null=True, help_text="R-CW-11, bij een gesloten dossier: " + ", ".join(AFSLUITREDENEN)
    )
    afsluitToelichting = serializers.CharField(allow_blank=True)  # noqa: N815
    volgendeActie = serializers.DateField(allow_null=True)  # noqa: N815
    volgendeActieOmschrijving = serializers.CharField(allow_blank=True)  # noqa: N815
    meldingen = serializers.ListField(
        child=serializers.UUIDField(),
        help_text="De meldingen in het dossier (uuid; GET /meldingen/{uuid}), zonder de "
        "doorgestuurde.",
    )
    gewijzigd = serializers.DateTimeField()


class HandhavingSerializer(serializers.Serializer):
    """Een handhavingsroute van het dossier (R-CW-6..8), alleen-lezen. Een Halt-verwijzing of
    proces-verbaal is strafrechtelijk (R-PR-5): wie dat niet mag zien krijgt alleen de soort,
    `afgeschermd` true en de rest null."""

    uuid = serializers.UUIDField()
    soort = keuze(HandhavingSoort.values, "HandhavingSoort")
    afgeschermd = serializers.BooleanField()
    gestart = serializers.DateField(allow_null=True)
    tegen = serializers.ListField(
        child=serializers.CharField(),
        allow_null=True,
        help_text="Proces-verbaal: ouders, leerling.",
    )
    uitkomst = serializers.CharField(
        allow_null=True, help_text="Leeg zolang de route loopt: " + ", ".join(Uitkomst.values)
    )
    uitkomstDatum = serializers.DateField(allow_null=True)  # noqa: N815


class DossierDetailSerializer(DossierSerializer):
    """Een dossier met tijdlijn (nieuwste eerst), faseverslagen en verzoeken aan de school.
    Werkaantekeningen staan er nooit in (R-PR-2)."""

    activiteiten = ActiviteitSerializer(many=True)
    faseverslagen = FaseverslagSerializer(many=True)
    verzuimoverzichtverzoeken = DossierVerzoekSerializer(many=True)
    handhavingen = HandhavingSerializer(many=True)


class DossierFilterSerializer(serializers.Serializer):
    status = keuze(DossierStatus.values, "DossierStatus", required=False)
    fase = keuze(list(mas.FASEN), "MasFase", required=False)
    behandelaar = serializers.CharField(
        required=False, max_length=150, help_text="Gebruikersnaam van de behandelaar."
    )
    volgendeActieTot = serializers.DateField(  # noqa: N815
        required=False, help_text="Volgende actiedatum tot en met (bv. vandaag: de verlopen)."
    )


class DossierZoekSerializer(serializers.Serializer):
    """`burgerservicenummer` óf `onderwijsnummer` (nooit in de URL)."""

    burgerservicenummer = serializers.RegexField(r"^[0-9]{9}$", required=False)
    onderwijsnummer = serializers.RegexField(r"^10[0-9]{7}$", required=False)


class ActiviteitInvoerSerializer(serializers.Serializer):
    """Een activiteit op de tijdlijn (R-CW-3/4). `soort`: een handmatige code uit GET
    /activiteitsoorten; `metWie` verplicht bij een soort die erom vraagt (gesprek)."""

    soort = serializers.CharField(max_length=40)
    datum = serializers.DateField(required=False, help_text="Standaard vandaag; niet later.")
    tekst = serializers.CharField(required=False, allow_blank=True)
    metWie = serializers.ListField(  # noqa: N815
        child=codelijst(MetWie.values), required=False
    )
    bijzonder = serializers.BooleanField(
        required=False,
        help_text="Bijzondere persoonsgegevens (gezondheid, strafrechtelijk; R-PR-5).",
    )
    vervolgdatum = serializers.DateField(
        required=False,
        help_text="Volgende actiedatum; bij afspraken standaard het aantal weken van de "
        "organisatie later (R-CW-4).",
    )


class FaseInvoerSerializer(serializers.Serializer):
    """Naar een andere MAS-fase (R-CW-2): wat de huidige fase vond en besloot. `toelichting`
    geldt voor bevindingen en besluit als die ontbreken."""

    fase = codelijst(list(mas.FASEN))
    bevindingen = serializers.CharField(required=False, allow_blank=True)
    besluit = serializers.CharField(required=False, allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True)


class AfsluitenInvoerSerializer(serializers.Serializer):
    """R-CW-11. halt-afgerond en pv-afgehandeld kiest alleen een BOA (R-CW-6/7), dus niet
    een koppeling."""

    afsluitreden = codelijst(list(AFSLUITREDENEN))
    toelichting = serializers.CharField(required=False, allow_blank=True)


class HeropenenInvoerSerializer(serializers.Serializer):
    reden = serializers.CharField(allow_blank=True, help_text="Verplicht (R-CW-11).")


class OpenenInvoerSerializer(DossierZoekSerializer):
    """Een dossier met de hand openen (R-CW-1): de leerling met `burgerservicenummer` óf
    `onderwijsnummer`, de aanleiding en waarom; een routesjabloon (R-CW-9/10) mag."""

    aanleiding = codelijst(list(HANDMATIGE_AANLEIDINGEN))
    toelichting = serializers.CharField(allow_blank=True, help_text="Verplicht.")
    route = serializers.ChoiceField(choices=sorted(ROUTES), required=False)


class BehandelaarInvoerSerializer(serializers.Serializer):
    behandelaar = serializers.CharField(
        allow_null=True,
        max_length=150,
        help_text="Gebruikersnaam van een leerplichtambtenaar van de eigen organisatie; "
        "null: niemand.",
    )


class VervolgdatumInvoerSerializer(serializers.Serializer):
    datum = serializers.DateField(
        allow_null=True,
        help_text="De volgende actiedatum (R-CW-4), niet in het verleden; null: geen.",
    )
    omschrijving = serializers.CharField(required=False, allow_blank=True, max_length=200)


class VerzoekInvoerSerializer(serializers.Serializer):
    """R-CW-3: het verzuimoverzicht vragen aan de school van een melding van het dossier."""

    melding = serializers.UUIDField()
    toelichting = serializers.CharField(required=False, allow_blank=True)


class ActiviteitSoortSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    omschrijving = serializers.CharField(allow_blank=True)
    metWie = serializers.BooleanField(help_text="Vraagt met wie (metWie verplicht).")  # noqa: N815
    zetVervolgdatum = serializers.BooleanField(  # noqa: N815
        help_text="Afspraken: zet de volgende actiedatum (R-CW-4)."
    )
    bijzonder = serializers.BooleanField(help_text="Bijzondere persoonsgegevens (R-PR-5).")


# --- the answers, built directly ------------------------------------------------------------

_D = DossierSerializer._declared_fields
_A = ActiviteitSerializer._declared_fields
_datumtijd = _D["geopend"].to_representation
_datum = _D["volgendeActie"].to_representation


def _of_none(omzetten, waarde):
    return None if waarde is None else omzetten(waarde)


def _leerling(ll, p: dict) -> dict:
    uit = (
        {"burgerservicenummer": ll.burgerservicenummer}
        if ll.burgerservicenummer
        else {"onderwijsnummer": ll.onderwijsnummer}
    )
    uit.update(naam=p["naam"], geboortedatum=_of_none(_datum, p["geboortedatum"]))
    return uit


def _meldingen_van(dossiers: list[Dossier]) -> dict[int, list[str]]:
    """The (not forwarded) meldingen of a page of dossiers: one query."""
    uit: dict[int, list[str]] = {d.pk: [] for d in dossiers}
    for dossier_id, melding in (
        DossierMelding.objects.filter(dossier__in=dossiers, doorgestuurd__isnull=True)
        .order_by("gekoppeld", "id")
        .values_list("dossier_id", "melding__uuid")
    ):
        uit[dossier_id].append(str(melding))
    return uit


def dossiers_weergave(dossiers: list[Dossier], request) -> list[dict]:
    """The API shape of a page of dossiers (one BRP call, one query for the meldingen)."""
    personen = queries.personalia(d.leerling for d in dossiers)
    meldingen = _meldingen_van(dossiers)
    uit = []
    for d in dossiers:
        org = d.organisatie
        uit.append(
            {
                "uuid": str(d.uuid),
                "url": request.build_absolute_uri(
                    reverse("api:dossier", kwargs={"dossier_uuid": d.uuid})
                ),
                "leerling": _leerling(d.leerling, personen[d.leerling_id]),
                "organisatie": {"soort": org.soort, "code": org.code, "naam": org.naam},
                "gemeente": d.gemeente.code if d.gemeente_id else None,
                "status": d.status,
                "fase": d.fase,
                "behandelaar": d.behandelaar.get_username() if d.behandelaar_id else None,
                "aanleiding": d.aanleiding,
                "aanleidingToelichting": d.aanleiding_toelichting,
                "route": d.route or None,
                "geopend": _datumtijd(d.geopend),
                "gesloten": _of_none(_datumtijd, d.gesloten),
                "afsluitreden": d.afsluitreden or None,
                "afsluitToelichting": d.afsluit_toelichting,
                "volgendeActie": _of_none(_datum, d.volgende_actie),
                "volgendeActieOmschrijving": d.volgende_actie_omschrijving,
                "meldingen": meldingen[d.pk],
                "gewijzigd": _datumtijd(d.gewijzigd),
            }
        )
    return uit


def activiteit_weergave(a) -> dict:
    if getattr(a, "afgeschermd", False):  # R-PR-5: that and when, not what
        return {
            "uuid": str(a.uuid), "soort": AFGESCHERMD, "soortNaam": "Afgeschermd gegeven",
            "datum": _datum(a.datum), "tekst": "", "metWie": [], "bron": None,
            "bronReferentie": None, "bijzonder": True, "afgeschermd": True, "door": None,
            "geregistreerd": _datumtijd(a.geregistreerd),
        }  # fmt: skip
    return {
        "uuid": str(a.uuid),
        "soort": a.soort_id,
        "soortNaam": a.soort.label,
        "datum": _datum(a.datum),
        "tekst": a.tekst,
        "metWie": list(a.met_wie or []),
        "bron": a.bron,
        "bronReferentie": a.bron_referentie or None,
        "bijzonder": a.bijzonder,
        "afgeschermd": False,
        "door": a.auteur_label,
        "geregistreerd": _datumtijd(a.geregistreerd),
    }


def _verzoekstatus(v: Verzuimoverzichtverzoek) -> str:
    return "beantwoord" if v.beantwoord else "vervallen" if v.vervallen else "open"


def _verzoek_weergave(v: Verzuimoverzichtverzoek) -> dict:
    return {
        "uuid": str(v.uuid),
        "melding": str(v.melding.uuid),
        "school": {"code": v.school.code, "naam": v.school.naam},
        "toelichting": v.toelichting,
        "gevraagd": _datumtijd(v.gevraagd),
        "status": _verzoekstatus(v),
        "beantwoord": _of_none(_datumtijd, v.beantwoord),
        "antwoord": v.antwoord,
        "bestandsnaam": v.bestandsnaam or None,
        "bestandstype": v.bestandstype or None,
        "sha256": v.sha256 or None,
    }


def dossier_detail(actor, dossier: Dossier, request) -> dict:
    """One dossier with its timeline (without the special categories for whom may not see
    them, R-PR-5), phase reports and requests; never the werkaantekeningen (R-PR-2)."""
    data = dossiers_weergave([dossier], request)[0]
    data["activiteiten"] = [activiteit_weergave(a) for a in queries.tijdlijn_van(actor, dossier)]
    data["faseverslagen"] = [
        {
            "fase": v.fase,
            "naarFase": v.naar_fase,
            "bevindingen": v.bevindingen,
            "besluit": v.besluit,
            "tijdstip": _datumtijd(v.tijdstip),
            "door": v.auteur_label,
        }
        for v in FaseVerslag.objects.filter(dossier=dossier).order_by("tijdstip", "id")
    ]
    data["verzuimoverzichtverzoeken"] = [
        _verzoek_weergave(v)
        for v in dossier.verzoeken.select_related("melding", "school").defer("bestand")
    ]
    data["handhavingen"] = [_handhaving_weergave(h) for h in hh.handhavingen_van(actor, dossier)]
    return data


def _handhaving_weergave(h) -> dict:
    if h.afgeschermd:
        return {"uuid": str(h.uuid), "soort": h.soort, "afgeschermd": True, "gestart": None,
                "tegen": None, "uitkomst": None, "uitkomstDatum": None}  # fmt: skip
    return {
        "uuid": str(h.uuid),
        "soort": h.soort,
        "afgeschermd": False,
        "gestart": _datum(h.gestart),
        "tegen": list(h.tegen or []),
        "uitkomst": h.uitkomst or None,
        "uitkomstDatum": _of_none(_datum, h.uitkomst_datum),
    }


# --- views: reads ---------------------------------------------------------------------------


class DossiersView(GenericAPIView):
    required_scopes = {"GET": LEZEN, "POST": SCHRIJVEN}
    serializer_class = DossierSerializer

    def get_queryset(self):
        return Dossier.objects.none()

    @extend_schema(
        operation_id="listDossiers",
        tags=[TAG],
        summary="Dossiers van de eigen organisatie",
        description="Open en gesloten dossiers van de behandelende organisatie (R-CW-1), "
        "nieuwste eerst; filters `status`, `fase`, `behandelaar`, `volgendeActieTot`. Zonder "
        "tijdlijn (die staat in GET /dossiers/{uuid}). Elke raadpleging staat in het auditlog.",
        parameters=[DossierFilterSerializer],
        responses={200: DossierSerializer(many=True), **_problemen(400, 401, 403)},
    )
    def get(self, request):
        actor = api_actor(request)
        services.mag_zien(actor)
        f = DossierFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        v = f.validated_data
        qs = queries.dossiers_voor(actor)
        if "status" in v:
            qs = qs.filter(status=v["status"])
        if "fase" in v:
            qs = qs.filter(fase=v["fase"])
        if "behandelaar" in v:
            qs = qs.filter(behandelaar__username=v["behandelaar"])
        if "volgendeActieTot" in v:
            qs = qs.filter(volgende_actie__lte=v["volgendeActieTot"])
        page = self.paginate_queryset(qs)
        dossiers = services.lees_dossiers(actor, page)
        return self.get_paginated_response(dossiers_weergave(dossiers, request))

    @extend_schema(
        operation_id="openDossier",
        tags=[TAG],
        summary="Dossier met de hand openen",
        description="R-CW-1: voor een leerling die de organisatie kent (BSN of onderwijsnummer "
        "in de body), met de aanleiding (verlofaanvraag, telefonisch, signaal van school of "
        "zorg, overig) en een toelichting; optioneel een routesjabloon (R-CW-9/10). Eén open "
        "dossier per leerling per organisatie: 409 met `bestaand` als er al een is. Met "
        "Idempotency-Key.",
        request=OpenenInvoerSerializer,
        parameters=[idempotentie.PARAMETER],
        responses={201: DossierSerializer, **_problemen(400, 401, 403, 404, 409)},
    )
    def post(self, request):
        actor = api_actor(request)
        services.mag_wijzigen(actor)
        v = _invoer(OpenenInvoerSerializer, request)
        sleutel = Idempotentie(request, actor, actie="dossier.herhaald", doel=DOEL)
        return sleutel.voer_uit(lambda: self._open(actor, v, request))

    @staticmethod
    def _open(actor, v: dict, request) -> Antwoord:
        leerling = services.leerling_voor(
            actor, v.get("burgerservicenummer"), v.get("onderwijsnummer")
        )
        d = services.open_dossier(
            actor, leerling.uuid, v["aanleiding"], v["toelichting"], route=v.get("route", "")
        )
        return Antwoord(
            201, dossiers_weergave([d], request)[0], object=d, persoon=d.leerling.identificatie
        )


class DossierZoekView(GenericAPIView):
    required_scopes = {"POST": LEZEN}
    serializer_class = DossierSerializer
    pagination_class = None  # one pupil's dossiers: a plain list

    @extend_schema(
        operation_id="zoekDossiers",
        tags=[TAG],
        summary="Dossiers van één leerling zoeken",
        description="Het BSN staat in de body, nooit in de URL. Open en gesloten dossiers van "
        "de eigen organisatie; een lege lijst als er geen is (ook die zoekvraag staat in het "
        "auditlog).",
        request=DossierZoekSerializer,
        responses={200: DossierSerializer(many=True), **_problemen(400, 401, 403)},
    )
    def post(self, request):
        actor = api_actor(request)
        services.mag_zien(actor)
        invoer = DossierZoekSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        dossiers = services.zoek_dossiers(
            actor,
            burgerservicenummer=invoer.validated_data.get("burgerservicenummer"),
            onderwijsnummer=invoer.validated_data.get("onderwijsnummer"),
        )
        return Response(dossiers_weergave(dossiers, request))


class DossierView(GenericAPIView):
    required_scopes = {"GET": LEZEN}
    serializer_class = DossierDetailSerializer

    @extend_schema(
        operation_id="getDossier",
        tags=[TAG],
        summary="Eén dossier met tijdlijn",
        description="Fase, volgende actie, meldingen, de tijdlijn van activiteiten (nieuwste "
        "eerst), faseverslagen, verzoeken om het verzuimoverzicht en de handhavingsroutes "
        "(Halt, proces-verbaal, kinderbijslag; alleen-lezen). Werkaantekeningen zijn "
        "persoonlijk en staan er nooit in (R-PR-2); bijzondere persoonsgegevens alleen voor "
        "een gemeente of leerplichtdienst (R-PR-5).",
        responses={200: DossierDetailSerializer, **_problemen(400, 401, 403, 404)},
    )
    def get(self, request, dossier_uuid):
        actor = api_actor(request)
        dossier = services.lees_dossier(actor, dossier_uuid)
        return Response(dossier_detail(actor, dossier, request))


class ActiviteitSoortenView(GenericAPIView):
    required_scopes = {"GET": LEZEN}
    serializer_class = ActiviteitSoortSerializer
    pagination_class = None  # a short code list

    @extend_schema(
        operation_id="listActiviteitSoorten",
        tags=[TAG],
        summary="Soorten activiteiten die een koppeling mag vastleggen",
        description="De codelijst (R-CW-3/4) is data: de soorten die het register zelf "
        "vastlegt (melding ontvangen, fase gewijzigd, brief verstuurd, …) staan er niet in, "
        "bijzondere categorieën alleen voor wie ze mag vastleggen (R-PR-5).",
        responses={200: ActiviteitSoortSerializer(many=True), **_problemen(401, 403)},
    )
    def get(self, request):
        actor = api_actor(request)
        services.mag_zien(actor)
        return Response(
            [
                {
                    "code": s.code,
                    "naam": s.label,
                    "omschrijving": s.omschrijving,
                    "metWie": s.met_wie,
                    "zetVervolgdatum": s.zet_vervolgdatum,
                    "bijzonder": s.bijzondere_categorie,
                }
                for s in queries.activiteitsoorten(actor)
            ]
        )


# --- views: writes --------------------------------------------------------------------------


def _invoer(serializer_class, request):
    invoer = serializer_class(data=request.data)
    invoer.is_valid(raise_exception=True)
    return invoer.validated_data


def _dossier_antwoord(d: Dossier, request) -> Antwoord:
    """The dossier as the write left it (without timeline), as its answer."""
    return Antwoord(
        200, dossiers_weergave([d], request)[0], object=d, persoon=d.leerling.identificatie
    )


def _wijziging(operation_id: str, summary: str, description: str, invoer, antwoord=None):
    """The schema of a write on a dossier (each one: 400, 401, 403, 404, 409)."""
    return extend_schema_view(
        post=extend_schema(
            operation_id=operation_id,
            tags=[TAG],
            summary=summary,
            description=description
            + " Met Idempotency-Key: dezelfde key en body geven het eerste antwoord; dezelfde "
            "key met een andere body 409.",
            request=invoer,
            parameters=[idempotentie.PARAMETER],
            responses={
                **(antwoord or {200: DossierSerializer}),
                **_problemen(400, 401, 403, 404, 409),
            },
        )
    )


class _Wijziging(GenericAPIView):
    """POST on a dossier: the permission first (before the body's shape), then the body,
    then `wijzig(actor, dossier_uuid, invoer, request) -> Antwoord` (a service call) once
    per Idempotency-Key; a replay answers with the stored first answer and is audited as a
    read of the pupil's dossier."""

    required_scopes = {"POST": SCHRIJVEN}
    serializer_class = DossierSerializer
    invoer: type[serializers.Serializer]

    def wijzig(self, actor, dossier_uuid, v: dict, request) -> Antwoord:
        raise NotImplementedError

    def post(self, request, dossier_uuid):
        actor = api_actor(request)
        services.mag_wijzigen(actor)
        v = _invoer(self.invoer, request)
        sleutel = Idempotentie(request, actor, actie="dossier.herhaald", doel=DOEL)
        return sleutel.voer_uit(lambda: self.wijzig(actor, dossier_uuid, v, request))


@_wijziging(
    "createDossierActiviteit",
    "Activiteit vastleggen",
    "Op de tijdlijn met bron `api` (R-CW-3/4, R-PR-2). Afspraken zetten de volgende "
    "actiedatum (R-CW-4). Alleen in een open dossier (R-CW-11).",
    ActiviteitInvoerSerializer,
    {201: ActiviteitSerializer},
)
class DossierActiviteitenView(_Wijziging):
    serializer_class = ActiviteitSerializer
    invoer = ActiviteitInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        a = services.voeg_activiteit_toe(
            actor,
            dossier_uuid,
            v["soort"],
            datum=v.get("datum"),
            tekst=v.get("tekst", ""),
            met_wie=v.get("metWie", ()),
            bron=Bron.API,
            bijzonder=v.get("bijzonder", False),
            vervolgdatum=v.get("vervolgdatum"),
        )
        return Antwoord(
            201, activiteit_weergave(a), object=a.dossier, persoon=a.dossier.leerling.identificatie
        )


@_wijziging(
    "wijzigDossierFase",
    "MAS-fase wijzigen",
    "R-CW-2: de volgende fase of terug, nooit een fase overslaan; met wat de huidige fase "
    "vond (`bevindingen`) en besloot (`besluit`). Antwoord: het dossier.",
    FaseInvoerSerializer,
)
class DossierFaseView(_Wijziging):
    invoer = FaseInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        toelichting = v.get("toelichting", "")
        verslag = services.wijzig_fase(
            actor,
            dossier_uuid,
            v["fase"],
            bevindingen=v.get("bevindingen") or toelichting,
            besluit=v.get("besluit") or toelichting,
        )
        return _dossier_antwoord(verslag.dossier, request)


@_wijziging(
    "afsluitenDossier",
    "Dossier afsluiten",
    "R-CW-11: met een afsluitreden. De open meldingen van het dossier worden `afgesloten` "
    "met dezelfde reden (de school ziet het); open verzoeken om het verzuimoverzicht "
    "vervallen; de werkaantekeningen worden vernietigd (R-PR-2). Daarna is het dossier "
    "alleen-lezen tot het wordt heropend.",
    AfsluitenInvoerSerializer,
)
class DossierAfsluitenView(_Wijziging):
    invoer = AfsluitenInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        d = services.sluit(actor, dossier_uuid, v["afsluitreden"], v.get("toelichting", ""))
        return _dossier_antwoord(d, request)


@_wijziging(
    "heropenDossier",
    "Gesloten dossier heropenen",
    "R-CW-11: met een reden. De meldingen blijven afgesloten (een eindstatus); een nieuwe "
    "melding komt in het heropende dossier. 409 als de leerling intussen een ander open "
    "dossier heeft (R-CW-1, `bestaand`).",
    HeropenenInvoerSerializer,
)
class DossierHeropenenView(_Wijziging):
    invoer = HeropenenInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        return _dossier_antwoord(services.heropen(actor, dossier_uuid, v["reden"]), request)


@_wijziging(
    "wijsDossierToe",
    "Behandelaar toewijzen",
    "Een leerplichtambtenaar van de eigen organisatie (gebruikersnaam) of niemand (null). "
    "De koppeling van de organisatie werkt als een teamleider (R-CW-4).",
    BehandelaarInvoerSerializer,
)
class DossierBehandelaarView(_Wijziging):
    invoer = BehandelaarInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        d = services.wijs_toe(
            actor, dossier_uuid, services.behandelaar_voor(actor, v["behandelaar"])
        )
        return _dossier_antwoord(d, request)


@_wijziging(
    "zetDossierVervolgdatum",
    "Volgende actiedatum zetten",
    "R-CW-4: de datum (niet in het verleden) en wat er dan moet gebeuren; null wist haar. "
    "De werklijst toont verlopen en deze week te doen.",
    VervolgdatumInvoerSerializer,
)
class DossierVervolgdatumView(_Wijziging):
    invoer = VervolgdatumInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        d = services.zet_vervolgdatum(actor, dossier_uuid, v["datum"], v.get("omschrijving", ""))
        return _dossier_antwoord(d, request)


@_wijziging(
    "vraagVerzuimoverzicht",
    "Verzuimoverzicht vragen aan de school",
    "R-CW-3: aan de school van een melding van het dossier; de school ziet het verzoek op "
    "haar meldingpagina en in GET /verzuimoverzichtverzoeken. Eén open verzoek per melding "
    "(400 bij `melding`).",
    VerzoekInvoerSerializer,
    {201: DossierVerzoekSerializer},
)
class DossierVerzoekenView(_Wijziging):
    serializer_class = DossierVerzoekSerializer
    invoer = VerzoekInvoerSerializer

    def wijzig(self, actor, dossier_uuid, v, request):
        verzoek = vo.vraag_verzuimoverzicht(
            actor, dossier_uuid, v["melding"], v.get("toelichting", "")
        )
        d = verzoek.dossier
        return Antwoord(201, _verzoek_weergave(verzoek), object=d, persoon=d.leerling.identificatie)


# --- the school's side of the verzuimoverzicht request (R-CW-3) ---------------------------

SCHOOL_UITLEG = {
    400: "Ongeldige invoer; invalidParams noemt elk ongeldig veld.",
    401: "Geen of ongeldig token.",
    403: "Alleen een school (scope meldingen.lezen of meldingen.aanmaken; beantwoorden: "
    "meldingen.aanmaken).",
    404: "Verzoek onbekend of aan een andere school.",
    409: "Idempotency-Key eerder gebruikt met een andere body.",
}


class VerzoekLeerlingSerializer(serializers.Serializer):
    burgerservicenummer = serializers.CharField(required=False)
    onderwijsnummer = serializers.CharField(required=False)


class VerzoekMeldingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    meldingsnummer = serializers.CharField()


class SchoolVerzoekSerializer(serializers.Serializer):
    """Een verzoek van de leerplichtambtenaar om het verzuimoverzicht bij een melding van de
    school (R-CW-3)."""

    uuid = serializers.UUIDField()
    melding = VerzoekMeldingSerializer()
    leerling = VerzoekLeerlingSerializer()
    gevraagdDoor = OntvangerSerializer(help_text="De organisatie die het vraagt.")  # noqa: N815
    toelichting = serializers.CharField(allow_blank=True)
    gevraagd = serializers.DateTimeField()
    status = keuze(VERZOEKSTATUSSEN, "VerzoekStatus")
    beantwoord = serializers.DateTimeField(allow_null=True)


class VerzoekFilterSerializer(serializers.Serializer):
    status = keuze(VERZOEKSTATUSSEN, "VerzoekStatus", required=False)


class BestandSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200)
    type = serializers.CharField(
        max_length=100, help_text="Mediatype: " + ", ".join(vo.BESTANDSTYPEN) + "."
    )
    inhoud = serializers.CharField(help_text="Base64; hoogstens 5 MB.")

    def validate_inhoud(self, waarde: str) -> bytes:
        try:
            return base64.b64decode(waarde, validate=True)
        except (binascii.Error, ValueError) as e:
            raise serializers.ValidationError("Geen geldige base64.") from e


class AntwoordInvoerSerializer(serializers.Serializer):
    """Het verzuimoverzicht als tekst en/of als bestand (minstens één)."""

    antwoord = serializers.CharField(required=False, allow_blank=True)
    bestand = BestandSerializer(required=False)


def _school_verzoek(v: Verzuimoverzichtverzoek) -> dict:
    ll = v.melding.leerling
    org = v.dossier.organisatie
    return {
        "uuid": str(v.uuid),
        "melding": {"uuid": str(v.melding.uuid), "meldingsnummer": v.melding.meldingsnummer},
        "leerling": {"burgerservicenummer": ll.burgerservicenummer}
        if ll.burgerservicenummer
        else {"onderwijsnummer": ll.onderwijsnummer},
        "gevraagdDoor": {"soort": org.soort, "code": org.code, "naam": org.naam},
        "toelichting": v.toelichting,
        "gevraagd": _datumtijd(v.gevraagd),
        "status": _verzoekstatus(v),
        "beantwoord": _of_none(_datumtijd, v.beantwoord),
    }


class VerzoekenView(GenericAPIView):
    required_scopes = {"GET": {"meldingen.lezen", "meldingen.aanmaken"}}
    serializer_class = SchoolVerzoekSerializer

    def get_queryset(self):
        return Verzuimoverzichtverzoek.objects.none()

    @extend_schema(
        operation_id="listVerzuimoverzichtverzoeken",
        tags=["Meldingen"],
        summary="Verzoeken om het verzuimoverzicht aan de school",
        description="R-CW-3: de leerplichtambtenaar vraagt bij een melding het "
        "verzuimoverzicht van de school; de school ziet hier de verzoeken aan haar (nieuwste "
        "eerst; `status=open` voor wat nog moet) en beantwoordt ze met POST …/antwoord. Van "
        "het dossier ziet de school verder niets.",
        parameters=[VerzoekFilterSerializer],
        responses={
            200: SchoolVerzoekSerializer(many=True),
            **problemen(SCHOOL_UITLEG, 400, 401, 403),
        },
    )
    def get(self, request):
        actor = api_actor(request)
        vo.mag_verzoeken_lezen(actor)  # before the filter's validation
        f = VerzoekFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        qs = queries.verzoeken_aan_school(actor).defer("bestand")
        status = f.validated_data.get("status")
        if status == "open":
            qs = qs.filter(beantwoord__isnull=True, vervallen__isnull=True)
        elif status == "beantwoord":
            qs = qs.filter(beantwoord__isnull=False)
        elif status == "vervallen":
            qs = qs.filter(beantwoord__isnull=True, vervallen__isnull=False)
        page = self.paginate_queryset(qs)
        verzoeken = vo.lees_verzoeken_aan_school(actor, page)
        return self.get_paginated_response([_school_verzoek(v) for v in verzoeken])


class VerzoekAntwoordView(GenericAPIView):
    required_scopes = {"POST": "meldingen.aanmaken"}
    serializer_class = SchoolVerzoekSerializer

    @extend_schema(
        operation_id="beantwoordVerzuimoverzichtverzoek",
        tags=["Meldingen"],
        summary="Verzuimoverzicht aanleveren",
        description="R-CW-3: de school beantwoordt een open verzoek met tekst en/of een "
        "bestand (PDF, CSV, XLSX, TXT, PNG of JPG, hoogstens 5 MB, base64). Het antwoord "
        "komt als 'verzuimoverzicht ontvangen' in het dossier. Een beantwoord of vervallen "
        "verzoek: 400. Met Idempotency-Key: dezelfde key en body geven het eerste antwoord.",
        request=AntwoordInvoerSerializer,
        parameters=[idempotentie.PARAMETER],
        responses={
            200: OpenApiResponse(SchoolVerzoekSerializer, description="Beantwoord."),
            **problemen(SCHOOL_UITLEG, 400, 401, 403, 404, 409),
        },
    )
    def post(self, request, verzoek_uuid):
        actor = api_actor(request)
        vo.mag_antwoorden(actor)  # before the body's validation
        v = _invoer(AntwoordInvoerSerializer, request)
        b = v.get("bestand")
        bestand = vo.Bestand(b["naam"], b["type"], b["inhoud"]) if b else None

        def schrijf() -> Antwoord:
            verzoek = vo.beantwoord_verzuimoverzicht(
                actor, verzoek_uuid, antwoord=v.get("antwoord", ""), bestand=bestand
            )
            return Antwoord(
                200,
                _school_verzoek(verzoek),
                object=verzoek,
                persoon=verzoek.melding.leerling.identificatie,
            )

        sleutel = Idempotentie(request, actor, actie="verzuimoverzicht.herhaald", doel=DOEL)
        return sleutel.voer_uit(schrijf)
