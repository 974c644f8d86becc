"""The audit log is the processing log (issue 12 item 3, R-PR-1): every record names a
declared processing activity with its legal ground, and the log exports in the shape of
the Logboek Dataverwerkingen standard."""

import io
import json

import pytest
from django.core.management import call_command

from verzuim.audit import logboek, services, verwerkingen
from verzuim.audit.context import SYSTEEM, Actor
from verzuim.audit.models import AuditRecord
from verzuim.audit.verwerkingen import OnbekendDoel

pytestmark = pytest.mark.django_db
BSN, ANDER = "999990019", "999993653"
REQUEST = "0af7651916cd43dd8448eb211c80319c"


def actor(request_id=REQUEST):
    return Actor(label="lpa1", organisatie=None, request_id=request_id, herkomst="10.0.0.1")


def test_a_record_carries_the_activity_and_its_legal_ground():
    r = services.log(actor(), "melding.lezen", persoon=BSN, doel="verzuimmelding")
    a = verwerkingen.activiteit("verzuimmelding")
    assert (
        r.verwerkingsactiviteit
        == a.id
        == ("urn:nl:verzuimregister:verwerkingsactiviteit:verzuimmelding:v1")
    )
    assert "Leerplichtwet" in r.grondslag and r.grondslag == a.grondslag
    assert a.app == "meldingen"


def test_an_undeclared_purpose_or_a_person_without_purpose_is_refused():
    with pytest.raises(OnbekendDoel, match="nieuwsgierigheid"):
        services.log(actor(), "melding.lezen", persoon=BSN, doel="nieuwsgierigheid")
    with pytest.raises(OnbekendDoel, match="zonder doel"):
        services.log(actor(), "melding.lezen", persoon=BSN)
    with pytest.raises(OnbekendDoel, match="zonder doel"):
        services.log_many(actor(), "melding.lijst", [BSN, ANDER])
    assert not AuditRecord.objects.exists()
    # Without a person (a reference table change) a purpose is optional.
    assert services.log(SYSTEEM, "school.wijzigen").doel == ""


def test_every_app_declares_its_activities_completely():
    register = verwerkingen.register()
    assert {a.app for a in register} >= {
        "audit", "brieven", "personen", "meldingen", "signalen", "cijfers", "privacy"
    }  # fmt: skip
    for a in register:
        assert a.naam and a.doel and a.grondslag and a.betrokkenen and a.gegevens, a.code
        assert a.rollen and a.bewaartermijn, a.code
    assert len({a.id for a in register}) == len(register)


def test_one_read_is_one_logboek_operation_with_the_request_as_trace():
    r = services.log(actor(), "melding.lezen", persoon=BSN, doel="verzuimmelding")
    [regel] = logboek.regels([r])
    assert regel["trace_id"] == REQUEST
    assert regel["operation_id"] == f"{r.pk:016x}" and regel["parent_operation_id"] is None
    assert regel["name"] == "melding.lezen" and regel["status_code"] == "STATUS_CODE_OK"
    assert regel["start_time"] == int(r.tijdstip.timestamp() * 1000)
    assert regel["attributes"]["dpl.core.data_subject_id"] == BSN
    assert regel["attributes"]["dpl.core.processing_activity_id"] == r.verwerkingsactiviteit
    assert regel["attributes"]["dpl.verzuim.grondslag"] == r.grondslag


def test_a_list_read_is_an_operation_with_one_child_per_person():
    services.log_many(actor("extern-id-7"), "melding.lijst", [BSN, ANDER], doel="verzuimmelding")
    records = AuditRecord.objects.prefetch_related("personen")
    ouder, *kinderen = logboek.regels(records)
    assert "dpl.core.data_subject_id" not in ouder["attributes"]
    assert [k["attributes"]["dpl.core.data_subject_id"] for k in kinderen] == [BSN, ANDER]
    assert {k["parent_operation_id"] for k in kinderen} == {ouder["operation_id"]}
    assert len({ouder["operation_id"], *(k["operation_id"] for k in kinderen)}) == 3
    # A caller's X-Request-ID that is not 16 bytes of hex: a stable 16-byte trace id.
    assert len(ouder["trace_id"]) == 32 and {k["trace_id"] for k in kinderen} == {ouder["trace_id"]}
    [alleen] = logboek.regels(records, alleen_persoon=ANDER)
    assert alleen["attributes"]["dpl.core.data_subject_id"] == ANDER


def test_the_export_command_writes_json_lines_and_is_itself_logged():
    services.log(actor(), "melding.lezen", persoon=BSN, doel="verzuimmelding")
    uit = io.StringIO()
    call_command("logboek_export", stdout=uit)
    [regel] = [json.loads(r) for r in uit.getvalue().splitlines()]
    assert regel["attributes"]["dpl.core.data_subject_id"] == BSN
    export = AuditRecord.objects.get(actie="auditlog.exporteren")
    assert export.doel == "privacytoezicht" and export.details["regels"] == 1
