"""The leerplicht rules over HTTP for the persons the register knows (issue 4, api-contract.md
"Register data"). Both endpoints live here, in personen, because they read a pupil's data
(birth date, enrolments, diplomas, vrijstellingen) through `personen.leerplicht`:

- ``POST /api/v1/leerplichtstatus`` (scope ``leerplichtstatus.lezen``): the leerplicht status
  of a pupil on a peildatum (R-LP-1..9, R-VR-1). Reads person data, so it is scoped like every
  person read (R-PR-1: a school only for pupils enrolled at it, a gemeente/dienst only for
  persons living in its gemeenten; otherwise 404) and audited.
- ``POST /api/v1/keuzehulp`` (scope ``meldingen.aanmaken`` *or* ``leerplichtstatus.lezen``):
  the keuzehulp verzuimsoorten (R-VZ-4, R-VZ-5). With ``geboortedatum`` it needs no person
  data at all: any school or gemeente application that may report or read statuses may ask.
  With ``leerling`` the birth date and diplomas come from the register; that is a person read,
  scoped and audited exactly like ``/leerplichtstatus``.

The views are thin: parsing and the response shape live here, the scoped read, the audit
record and the masking of a vrijstelling's ground (R-PR-5: only the pupil's gemeente/dienst
sees 5a/5b; a school sees "vrijgesteld" without it) in ``verzuim.personen.leerplicht``, the law
in ``verzuim.rules``.
"""

from __future__ import annotations

from typing import get_args

from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from stdnum.nl import bsn, onderwijsnummer

from verzuim import clock
from verzuim.api.auth import api_actor
from verzuim.api.problems import ProblemError
from verzuim.api.schema import keuze, problemen
from verzuim.personen import leerplicht as lp
from verzuim.personen.models import Leerling
from verzuim.rules.keuzehulp import (
    API_NAMEN,
    KeuzehulpAntwoorden,
    Uitkomstsoort,
    Verzuimsoort,
    keuzehulp,
)
from verzuim.rules.leerplicht import VOLGORDE

STATUSSEN = [*VOLGORDE, "vrijgesteld"]
UITKOMSTEN = list(get_args(Uitkomstsoort))
VERZUIMSOORTEN = list(get_args(Verzuimsoort))
NEGEN_CIJFERS = r"^[0-9]{9}$"


# --- shared shapes -----------------------------------------------------------------------


class RedenSerializer(serializers.Serializer):
    regel = serializers.CharField(help_text="Regel-id uit domain.md, bv. R-LP-3.")
    uitleg = serializers.CharField(help_text="Uitleg in het Nederlands.")


class LeerlingSleutelSerializer(serializers.Serializer):
    """Een leerling: `burgerservicenummer` óf `onderwijsnummer`, precies één (R-ID-1)."""

    burgerservicenummer = serializers.RegexField(
        NEGEN_CIJFERS, required=False, help_text="9 cijfers, elfproef (R-ID-1)."
    )
    onderwijsnummer = serializers.RegexField(
        NEGEN_CIJFERS, required=False, help_text="9 cijfers, begint met 10 (R-ID-1)."
    )

    def validate_burgerservicenummer(self, value: str) -> str:
        if not bsn.is_valid(value):
            raise serializers.ValidationError("Geen geldig burgerservicenummer (11-proef).")
        return bsn.compact(value)

    def validate_onderwijsnummer(self, value: str) -> str:
        if not onderwijsnummer.is_valid(value):
            raise serializers.ValidationError("Geen geldig onderwijsnummer.")
        return onderwijsnummer.compact(value)

    def validate(self, attrs: dict) -> dict:
        gegeven = [k for k in ("burgerservicenummer", "onderwijsnummer") if attrs.get(k)]
        if len(gegeven) != 1:
            raise serializers.ValidationError(
                "Geef precies één van burgerservicenummer of onderwijsnummer."
            )
        return attrs


def _problems(*codes: int) -> dict:
    uitleg = {
        400: "Ongeldige invoer; invalidParams noemt elk ongeldig veld.",
        422: "Geen geboortedatum bekend (BRP noch school): geen status af te leiden.",
        401: "Geen of ongeldig token.",
        403: "Het token mist de benodigde scope.",
        404: "Leerling onbekend of niet in het werkgebied van de organisatie van het token.",
    }
    return problemen(uitleg, *codes)


def _persoonsread(service, *args, **kwargs):
    """Run a scoped person read; unknown or out of scope → 404 (never reveal which)."""
    try:
        return service(*args, **kwargs)
    except Leerling.DoesNotExist as e:
        raise ProblemError(
            404, "Geen leerling gevonden met deze gegevens.", code="leerling-niet-gevonden"
        ) from e
    except lp.GeboortedatumOnbekend as e:
        raise ProblemError(
            422,
            "De geboortedatum van de leerling is onbekend (niet in de BRP en niet door de "
            "school opgegeven); de leerplichtstatus kan niet worden bepaald.",
            code="geboortedatum-onbekend",
        ) from e


# --- leerplichtstatus --------------------------------------------------------------------


class LeerplichtstatusVerzoekSerializer(serializers.Serializer):
    """Vraag naar de leerplichtstatus van een leerling op een peildatum."""

    leerling = LeerlingSleutelSerializer()
    peildatum = serializers.DateField(input_formats=["iso-8601"])


class LeerplichtstatusSerializer(serializers.Serializer):
    """De status op de peildatum, tot wanneer die duurt en waarom (R-LP-1..9, R-VR-1)."""

    status = keuze(STATUSSEN, "LeerplichtstatusWaarde")
    tot = serializers.DateField(
        allow_null=True, help_text="Laatste dag (inclusief) van deze status; null = onbepaald."
    )
    redenen = RedenSerializer(many=True)


class LeerplichtstatusView(APIView):
    required_scopes = "leerplichtstatus.lezen"

    @extend_schema(
        operation_id="leerplichtstatus_bepalen",
        tags=["leerplicht"],
        summary="Leerplichtstatus van een leerling op een peildatum",
        description=(
            "R-LP-1..9, R-VR-1. Scope `leerplichtstatus.lezen`. Een school krijgt alleen "
            "antwoord voor leerlingen die bij haar ingeschreven zijn, een gemeente of "
            "leerplichtdienst alleen voor personen die in haar gemeente(n) wonen; anders 404. "
            "Elke raadpleging staat in het auditlog."
        ),
        request=LeerplichtstatusVerzoekSerializer,
        responses={200: LeerplichtstatusSerializer, **_problems(400, 401, 403, 404, 422)},
        examples=[
            OpenApiExample(
                "Op de dag van de vijfde verjaardag",
                request_only=True,
                value={"leerling": {"burgerservicenummer": "999993653"}, "peildatum": "2026-10-01"},
            )
        ],
    )
    def post(self, request):
        verzoek = LeerplichtstatusVerzoekSerializer(data=request.data)
        verzoek.is_valid(raise_exception=True)
        data = verzoek.validated_data
        status = _persoonsread(
            lp.raadpleeg_leerplichtstatus, api_actor(request), data["leerling"], data["peildatum"]
        )
        return Response(LeerplichtstatusSerializer(status.to_api()).data)


# --- keuzehulp ---------------------------------------------------------------------------


def _niet_in_de_toekomst(datum, wat: str):
    """R-VZ-4 asks about absence that happened (the page refuses a future date the same way)."""
    vandaag = clock.today()
    if datum > vandaag:
        raise serializers.ValidationError(
            f"{wat} ligt in de toekomst; geef een datum tot en met vandaag "
            f"({vandaag.isoformat()}) (R-VZ-4)."
        )
    return datum


class KeuzehulpVerzoekSerializer(serializers.Serializer):
    """De antwoorden voor de keuzehulp (R-VZ-4). Geef `geboortedatum` óf `leerling`."""

    geboortedatum = serializers.DateField(input_formats=["iso-8601"], required=False)
    leerling = LeerlingSleutelSerializer(required=False)
    eersteVerzuimdag = serializers.DateField(input_formats=["iso-8601"])  # noqa: N815
    ziekte = serializers.BooleanField(default=False)
    vakantieZonderVerlof = serializers.BooleanField(default=False)  # noqa: N815
    aaneengeslotenAfwezigDagen = serializers.IntegerField(min_value=0, default=0)  # noqa: N815
    verzuimdeUrenIn4Lesweken = serializers.FloatField(min_value=0, default=0)  # noqa: N815
    afspraak18PlusMelden = serializers.BooleanField(default=False)  # noqa: N815
    startkwalificatie = serializers.BooleanField(
        default=False,
        help_text="Met `leerling` leidt het register dit af uit de diploma's (R-LP-4).",
    )
    vermoedenMisbruikZiekmelding = serializers.BooleanField(  # noqa: N815
        default=False, help_text="Na overleg met de leerplichtambtenaar (R-VZ-2)."
    )

    def validate_eersteVerzuimdag(self, waarde):  # noqa: N802
        return _niet_in_de_toekomst(waarde, "De eerste verzuimdag")

    def validate_geboortedatum(self, waarde):
        return _niet_in_de_toekomst(waarde, "De geboortedatum")

    def validate(self, attrs: dict) -> dict:
        if ("geboortedatum" in attrs) == ("leerling" in attrs):
            raise serializers.ValidationError(
                {"geboortedatum": "Geef precies één van geboortedatum of leerling."}
            )
        return attrs


class KeuzehulpUitkomstSerializer(serializers.Serializer):
    """Precies één uitkomst, met het doorlopen pad en de regels (R-VZ-4, R-VZ-5)."""

    uitkomst = keuze(UITKOMSTEN, "KeuzehulpUitkomstWaarde")
    verzuimsoort = serializers.ChoiceField(choices=VERZUIMSOORTEN, allow_null=True)
    verplicht = serializers.BooleanField()
    pad = serializers.ListField(
        child=serializers.CharField(), help_text="De vragen met het gegeven antwoord, in volgorde."
    )
    redenen = RedenSerializer(many=True)


def antwoorden_uit(data: dict, geboortedatum, startkwalificatie: bool) -> KeuzehulpAntwoorden:
    """The validated body as the rules library's answers (its camelCase names: API_NAMEN)."""
    waarden = {veld: data[naam] for veld, naam in API_NAMEN.items() if naam in data}
    waarden.update(geboortedatum=geboortedatum, startkwalificatie=startkwalificatie)
    return KeuzehulpAntwoorden(**waarden)


DOEL_KEUZEHULP = "keuzehulp verzuimsoort"


class KeuzehulpView(APIView):
    required_scopes = {"meldingen.aanmaken", "leerplichtstatus.lezen"}

    @extend_schema(
        operation_id="keuzehulp_verzuimsoort",
        tags=["leerplicht"],
        summary="Keuzehulp verzuimsoorten: melden, niet melden of vastleggen",
        description=(
            "R-VZ-4, R-VZ-5. Scope `meldingen.aanmaken` of `leerplichtstatus.lezen`. Met "
            "`geboortedatum` worden geen persoonsgegevens gelezen. Met `leerling` haalt het "
            "register geboortedatum en startkwalificatie op: alleen voor leerlingen in het "
            "werkgebied van de organisatie van het token (anders 404), en dat staat in het "
            "auditlog. Het antwoord noemt het doorlopen pad en de regels."
        ),
        request=KeuzehulpVerzoekSerializer,
        responses={200: KeuzehulpUitkomstSerializer, **_problems(400, 401, 403, 404, 422)},
        examples=[
            OpenApiExample(
                "Vakantie zonder verlof",
                request_only=True,
                value={
                    "geboortedatum": "2015-03-14",
                    "eersteVerzuimdag": "2026-07-02",
                    "ziekte": False,
                    "vakantieZonderVerlof": True,
                    "aaneengeslotenAfwezigDagen": 2,
                    "verzuimdeUrenIn4Lesweken": 10,
                    "afspraak18PlusMelden": False,
                },
            )
        ],
    )
    def post(self, request):
        verzoek = KeuzehulpVerzoekSerializer(data=request.data)
        verzoek.is_valid(raise_exception=True)
        data = verzoek.validated_data
        if "leerling" in data:
            feiten = _persoonsread(
                lp.raadpleeg_feiten, api_actor(request), data["leerling"], doel=DOEL_KEUZEHULP
            )
            geboortedatum = feiten.geboortedatum
            startkwalificatie = data["startkwalificatie"] or lp.heeft_startkwalificatie_op(
                feiten, data["eersteVerzuimdag"]
            )
        else:
            geboortedatum, startkwalificatie = data["geboortedatum"], data["startkwalificatie"]
        uitkomst = keuzehulp(antwoorden_uit(data, geboortedatum, startkwalificatie))
        return Response(KeuzehulpUitkomstSerializer(uitkomst.to_api()).data)
