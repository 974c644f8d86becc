"""BRP adapter (R-ID-3): both implementations validated against the official Haal Centraal
BRP Personen v2.7.0 spec; the client tested against real HTTP servers (no mocks)."""

from __future__ import annotations

import copy
import datetime as dt
import http.server
import json
import threading
import time
from functools import cache

import pytest
import yaml
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import SHARED_DIR
from verzuim.personen.brp import DOELEN, BrpFout, get_brp, sluit_clients
from verzuim.personen.brp.haal_centraal import HaalCentraalClient
from verzuim.personen.brp.lokaal import LokaleBrp
from verzuim.personen.scenario import laad_scenario

SPEC = SHARED_DIR / "specs" / "brp-personen-v2.7.0.openapi.yaml"
URI = "urn:brp-personen-v2"


@cache
def _spec() -> dict:
    spec = yaml.safe_load(SPEC.read_text())
    schemas = spec["components"]["schemas"]
    # Strict: no properties the spec does not define. Only on schemas that are not used as
    # an allOf member (there unevaluatedProperties would not see the sibling branches).
    leden = {s["$ref"].rsplit("/", 1)[1] for sch in schemas.values() for s in sch.get("allOf", [])
             if "$ref" in s}  # fmt: skip
    for naam, sch in schemas.items():
        if naam not in leden and ("properties" in sch or "allOf" in sch):
            sch["unevaluatedProperties"] = False
    return spec


def valideer(instance, schema_naam: str) -> None:
    registry = Registry().with_resource(URI, Resource(contents=_spec(), specification=DRAFT202012))
    schema = {"$ref": f"{URI}#/components/schemas/{schema_naam}"}
    fouten = list(Draft202012Validator(schema, registry=registry).iter_errors(instance))
    assert not fouten, [f"{list(e.absolute_path)}: {e.message}" for e in fouten]
    _valideer_discriminators(instance)


def _valideer_discriminators(waarde) -> None:
    """jsonschema ignores `discriminator`: check the concrete types by hand."""
    concreet = {"Datum": "VolledigeDatum", "Adres": "Adres", "VerblijfplaatsBuitenland":
                "VerblijfplaatsBuitenland", "VerblijfplaatsOnbekend": "VerblijfplaatsOnbekend"}  # fmt: skip
    if isinstance(waarde, dict):
        if waarde.get("type") in concreet:
            registry = Registry().with_resource(
                URI, Resource(contents=_spec(), specification=DRAFT202012)
            )
            schema = {"$ref": f"{URI}#/components/schemas/{concreet[waarde['type']]}"}
            Draft202012Validator(schema, registry=registry).validate(waarde)
        for v in waarde.values():
            _valideer_discriminators(v)
    elif isinstance(waarde, list):
        for v in waarde:
            _valideer_discriminators(v)


@pytest.fixture
def personen(scenario):
    s = copy.deepcopy(scenario)
    s["personen"] += [
        {"burgerservicenummer": "999991772", "naam": {"geslachtsnaam": "Dubois", "voornamen": "Zoë"},
         "geboorte": {"datum": "2011-09-30"}, "gemeenteVanInschrijving": {"code": "1999"},
         "emigratie": {"datum": "2026-06-01", "land": "België"}},
        {"burgerservicenummer": "999992077", "naam": {"geslachtsnaam": "Bakker"},
         "geboorte": {"datum": "2013-01-31"}, "gemeenteVanInschrijving": {"code": "0392"},
         "verblijfplaats": None},
    ]  # fmt: skip
    laad_scenario(s)
    return ["999993653", "999990019", "999991772", "999992077"]


@pytest.mark.parametrize("doel", list(DOELEN))
def test_lokale_brp_geeft_schemageldige_personen(personen, doel):
    antwoord = {"type": "RaadpleegMetBurgerservicenummer",
                "personen": LokaleBrp().raadpleeg(personen, doel)}  # fmt: skip
    valideer(antwoord, "RaadpleegMetBurgerservicenummerResponse")
    assert [p["burgerservicenummer"] for p in antwoord["personen"]] == personen
    for p in antwoord["personen"]:
        valideer(p, "Persoon")
        velden = {k for k in p if k != "geheimhoudingPersoonsgegevens"}
        assert velden <= {f.split(".")[0] for f in DOELEN[doel]}  # doelbinding


def test_lokale_brp_bijzondere_personen(personen):
    p = {x["burgerservicenummer"]: x for x in LokaleBrp().raadpleeg(personen, "dossier")}
    assert p["999990019"]["geheimhoudingPersoonsgegevens"] is True  # R-ID-5
    assert "geheimhoudingPersoonsgegevens" not in p["999993653"]
    assert p["999991772"]["verblijfplaats"]["type"] == "VerblijfplaatsBuitenland"
    assert p["999991772"]["gemeenteVanInschrijving"]["code"] == "1999"
    assert p["999992077"]["verblijfplaats"] == {"type": "VerblijfplaatsOnbekend"}
    assert p["999993653"]["geboorte"]["datum"] == {"type": "Datum", "datum": "2012-05-02",
                                                   "langFormaat": "2 mei 2012"}  # fmt: skip
    assert p["999993653"]["ouders"][0]["burgerservicenummer"] == "999990019"
    routering = LokaleBrp().raadpleeg(["999993653"], "routering")[0]
    assert "naam" not in routering and "ouders" not in routering
    assert routering["gemeenteVanInschrijving"]["code"] == "0392"


def test_get_brp_kiest_backend(settings):
    settings.BRP_BACKEND = "lokaal"
    assert isinstance(get_brp(), LokaleBrp)
    settings.BRP_BACKEND, settings.BRP_URL = "haal-centraal", "http://brp.example/api"
    client = get_brp()
    assert isinstance(client, HaalCentraalClient)
    assert get_brp() is client  # one client and connection pool per process, not per read
    settings.BRP_URL = "http://andere-brp.example/api"
    assert get_brp() is not client  # a changed setting gives a new client
    settings.BRP_BACKEND = "iets"
    with pytest.raises(ValueError):
        get_brp()
    sluit_clients()


@pytest.fixture
def brp_server(live_server, settings):
    settings.ROOT_URLCONF = "verzuim.personen.tests.urls_brp"
    settings.BRP_API_KEY = "proef-sleutel"
    settings.DEMO = True
    yield live_server.url + "/brp-proef"
    # A kept-alive connection would keep a server thread, and its database session, open.
    sluit_clients()


@pytest.mark.live
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_client_tegen_echte_server(brp_server, personen):
    client = HaalCentraalClient(brp_server, api_key="proef-sleutel", timeout=5)
    antwoord = client.raadpleeg(personen * 6, "dossier")  # 24 BSNs: two requests of ≤ 20
    assert len(antwoord) == 4 + 4  # second chunk repeats 4 of them
    for p in antwoord:
        valideer(p, "Persoon")
    assert LokaleBrp().raadpleeg(personen, "dossier") == antwoord[:4]
    alleen = client.raadpleeg(personen, "leerplicht", gemeente_van_inschrijving="0473")
    assert [p["burgerservicenummer"] for p in alleen] == ["999990019"]


@pytest.mark.live
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_client_foutmeldingen(brp_server, personen):
    with pytest.raises(BrpFout) as e:
        HaalCentraalClient(brp_server, api_key="fout").raadpleeg(personen, "routering")
    assert e.value.status == 401
    client = HaalCentraalClient(brp_server, api_key="proef-sleutel")
    with pytest.raises(BrpFout) as e:
        client.raadpleeg(["12345"], "routering")
    assert e.value.status == 400
    assert [p["name"] for p in e.value.invalid_params] == ["burgerservicenummer"]


class _Server:
    """A tiny threaded HTTP server that records requests and answers per a script."""

    def __init__(self, antwoorden):
        self.antwoorden = list(antwoorden)
        self.verzoeken: list[dict] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.verzoeken.append({"body": body, "headers": dict(self.headers)})
                status, wacht = server.antwoorden.pop(0) if server.antwoorden else (200, 0)
                time.sleep(wacht)
                if status == 200:
                    data = {"type": "RaadpleegMetBurgerservicenummer", "personen": []}
                    ctype = "application/json; charset=utf-8"
                else:
                    data = {"type": "about:blank", "title": "Bronservice BRP is tijdelijk niet beschikbaar.",
                            "status": status, "code": "notAvailable"}  # fmt: skip
                    ctype = "application/problem+json"
                raw = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    servers = []

    def maak(*antwoorden):
        servers.append(_Server(antwoorden))
        return servers[-1]

    yield maak
    for s in servers:
        s.stop()


def test_client_stuurt_schemageldige_verzoeken(server):
    s = server()
    HaalCentraalClient(s.url, api_key="k").raadpleeg(["999993653"], "routering",
                                                    gemeente_van_inschrijving="0392")  # fmt: skip
    for doel in DOELEN:
        HaalCentraalClient(s.url, api_key="k").raadpleeg(["999993653", "999990019"], doel)
    for v in s.verzoeken:
        valideer(v["body"], "RaadpleegMetBurgerservicenummer")
        assert v["headers"]["X-API-Key"] == "k"
    assert s.verzoeken[0]["body"]["gemeenteVanInschrijving"] == "0392"


def test_client_probeert_opnieuw_na_503(server):
    s = server((503, 0), (503, 0))
    assert (
        HaalCentraalClient(s.url, retries=2, backoff=0).raadpleeg(["999993653"], "routering") == []
    )
    assert len(s.verzoeken) == 3


def test_client_geeft_op_na_retries(server):
    s = server((503, 0), (503, 0), (503, 0))
    with pytest.raises(BrpFout) as e:
        HaalCentraalClient(s.url, retries=2, backoff=0).raadpleeg(["999993653"], "routering")
    assert e.value.status == 503 and e.value.code == "notAvailable"
    assert "tijdelijk niet beschikbaar" in str(e.value)


def test_client_timeout_en_retry(server):
    s = server((200, 1.0), (200, 0))  # first answer too slow
    t0 = time.monotonic()
    assert HaalCentraalClient(s.url, timeout=0.3, retries=1, backoff=0).raadpleeg(
        ["999993653"], "routering") == []  # fmt: skip
    assert time.monotonic() - t0 < 1.0 and len(s.verzoeken) == 2
    s2 = server((200, 1.0), (200, 1.0))
    with pytest.raises(BrpFout) as e:
        HaalCentraalClient(s2.url, timeout=0.2, retries=1, backoff=0).raadpleeg(
            ["999993653"], "routering"
        )
    assert e.value.status is None and "ReadTimeout" in e.value.detail


def test_client_verbindingsfout():
    with pytest.raises(BrpFout) as e:
        HaalCentraalClient("http://127.0.0.1:9", retries=1, backoff=0).raadpleeg(
            ["999993653"], "routering"
        )
    assert e.value.status is None and "ConnectError" in e.value.detail


def test_schemacontrole_is_streng():
    """The check above would catch a field the spec does not define, or a wrong date type."""
    with pytest.raises(AssertionError):
        valideer({"burgerservicenummer": "999993653", "emigratie": {}}, "Persoon")
    with pytest.raises(ValidationError, match="datum"):  # the discriminator check
        valideer({"geboorte": {"datum": {"type": "Datum", "langFormaat": "x"}}}, "Persoon")


@pytest.mark.live
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_meldingen_lezen_via_haal_centraal_als_dat_de_brp_is(brp_server, personen, settings):
    """With VERZUIM_BRP_BACKEND=haal-centraal the intake reads birth date and gemeente
    through the real HTTP client (here against the BRP proef server), not the local store:
    the same birth date and current gemeenteVanInschrijving (none for an RNI person)."""
    from verzuim.meldingen import brp as meldingen_brp

    lokaal = {b: meldingen_brp.persoon(b) for b in personen}
    settings.BRP_BACKEND, settings.BRP_URL = "haal-centraal", brp_server
    vandaag = dt.date(2026, 11, 22)
    for bsn in personen:
        via_http = meldingen_brp.persoon(bsn)
        assert via_http is not None
        assert via_http.geboortedatum == lokaal[bsn].geboortedatum
        code = lokaal[bsn].gemeente_van_inschrijving
        assert via_http.gemeente_van_inschrijving == code
        assert via_http.gemeente_op(vandaag) == (None if code == "1999" else code)
    assert meldingen_brp.persoon("999999990") is None
    # Asked over HTTP: the proef server audited each read, with the routering fields only.
    from verzuim.audit.models import AuditRecord

    via_server = AuditRecord.objects.filter(actie="brp.raadplegen", doel="brp-proef")
    assert sorted(via_server.values_list("persoon", flat=True)) == sorted(personen)


def test_brp_datum_in_alle_vormen():
    """One reader for BRP dates (page, services, intake): Haal Centraal's Datum object, an
    ISO string or a date; an incomplete or broken date is unknown, not an error."""
    from verzuim.personen.brp.velden import brp_datum, geboortedatum_uit

    assert brp_datum({"type": "Datum", "datum": "2014-05-02"}) == dt.date(2014, 5, 2)
    assert brp_datum("2014-05-02") == brp_datum(dt.date(2014, 5, 2)) == dt.date(2014, 5, 2)
    assert brp_datum({"type": "JaarDatum", "jaar": 2014}) is None
    assert brp_datum("2014-02-30") is None and brp_datum("") is None and brp_datum(None) is None
    assert geboortedatum_uit({}) is None
    assert geboortedatum_uit({"geboorte": {"datum": {"datum": "2012-02-29"}}}) == dt.date(
        2012, 2, 29
    )
