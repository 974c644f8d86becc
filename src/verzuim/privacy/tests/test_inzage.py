"""Inzage (issue 12 item 1, R-PR-3): a request registered with its one-month deadline, one
export of everything the organisation holds (PDF via the letter machinery, JSON), the export
logged as a processing, another organisation's request a 404."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from verzuim import clock
from verzuim.audit.models import AuditRecord
from verzuim.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig
from verzuim.privacy import queries, services

from .conftest import HAARLEM, VRIJGESTELD

pytestmark = pytest.mark.django_db


def registreer(actor, nummer=HAARLEM, ontvangen=dt.date(2026, 9, 30), **over):
    velden = {"verzoeker": "M. Persoon", "relatie": "ouder", "ontvangen": ontvangen, **over}
    return services.registreer_verzoek(actor, nummer=nummer, **velden)


def pdf_tekst(inhoud: bytes) -> str:
    reader = PdfReader(io.BytesIO(bytes(inhoud)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_a_request_gets_its_deadline_and_is_on_the_worklist(privacy):
    verzoek = registreer(privacy.po, ontvangen=dt.date(2026, 8, 31))
    assert verzoek.uiterlijk == dt.date(2026, 9, 30)  # no 31 September
    assert list(queries.open_verzoeken(privacy.po)) == [verzoek]
    record = AuditRecord.objects.get(actie="inzageverzoek.registreren")
    assert (record.persoon, record.doel) == (HAARLEM, "inzageverzoek")


def test_registration_errors_name_the_field(privacy):
    with pytest.raises(Ongeldig) as e:
        registreer(privacy.po, nummer="123456789", verzoeker=" ", relatie="buurman",
                   ontvangen=clock.today() + dt.timedelta(days=1))  # fmt: skip
    assert {f["name"] for f in e.value.fouten} == {"nummer", "verzoeker", "relatie", "ontvangen"}


def test_the_export_holds_everything_and_the_pdf_names_the_pupil(privacy):
    verzoek = registreer(privacy.po)
    export = services.exporteer(privacy.po, verzoek.uuid)
    secties = {s.naam: s for s in export.secties}
    assert list(secties) == [
        "persoonsgegevens",
        "inschrijvingen",
        "vrijstellingen",
        "meldingen",
        "signalen",
        "dossiers",
        "brieven",
        "verwerkingen",
    ]  # fmt: skip (no werkaantekeningen: there are none)
    nummer = privacy.melding.meldingsnummer
    gebeurtenissen = [r["gebeurtenis"] for r in secties["meldingen"].rijen]
    assert f"Melding {nummer}: status In behandeling" in gebeurtenissen
    assert any(r["toelichting"] == "Gesprek met moeder gepland" for r in secties["meldingen"].rijen)
    assert secties["signalen"].rijen[0]["opgelost"] == dt.date(2026, 8, 25)
    assert secties["inschrijvingen"].rijen[0]["omschrijving"].startswith("Fictief Lyceum")
    # The processing log lists the school's melding and the LPA's status change.
    handelingen = {(r["wie"], r["logboek"]["name"]) for r in secties["verwerkingen"].rijen}
    assert ("lpa.haarlem", "melding.status") in handelingen

    tekst = pdf_tekst(export.document.inhoud)
    assert "Test Persoon007" in tekst and "02-05-2012" in tekst  # name and birth date
    assert nummer in tekst and "Gesprek met moeder gepland" in tekst
    assert "Ingeschreven bij Fictief Lyceum" in tekst
    assert export.document.koppeling == f"inzage:{verzoek.uuid}"


def test_the_export_is_logged_and_shows_up_in_the_next_one(privacy):
    verzoek = registreer(privacy.po)
    services.exporteer(privacy.po, verzoek.uuid)
    record = AuditRecord.objects.get(actie="inzage.exporteren")
    assert (record.persoon, record.actor_label, record.doel) == (HAARLEM, "po.haarlem",
                                                                 "inzageverzoek")  # fmt: skip
    assert "AVG art. 12, 15 en 20" in record.grondslag and record.details["formaat"] == "pdf"
    json = services.exporteer_json(privacy.po, verzoek.uuid)
    namen = [r["logboek"]["name"] for r in json["secties"]["verwerkingen"]["rijen"]]
    assert "inzage.exporteren" in namen
    assert AuditRecord.objects.filter(actie="inzage.exporteren").count() == 2


def test_the_json_export_is_machine_readable(privacy):
    verzoek = registreer(privacy.po, nummer=VRIJGESTELD)
    data = services.exporteer_json(privacy.po, verzoek.uuid)
    assert data["betreft"] == VRIJGESTELD
    [vrijstelling] = data["secties"]["vrijstellingen"]["rijen"]
    assert vrijstelling["van"] == "2026-09-01" and vrijstelling["tot"] == "2027-07-31"
    regel = data["secties"]["verwerkingen"]["rijen"][0]["logboek"]
    assert regel["attributes"]["dpl.core.data_subject_id"] == VRIJGESTELD
    assert regel["attributes"]["dpl.core.processing_activity_id"].startswith("urn:nl:")


def test_another_organisation_sees_neither_request_nor_person(privacy):
    verzoek = registreer(privacy.po)
    for actie in (queries.verzoek_voor, services.exporteer, services.beantwoord):
        with pytest.raises(NietGevonden):
            actie(privacy.po_amsterdam, verzoek.uuid)
    assert not queries.open_verzoeken(privacy.po_amsterdam).exists()
    # Amsterdam holds nothing about the Haarlem pupil: the number is not found there.
    with pytest.raises(Ongeldig) as e:
        registreer(privacy.po_amsterdam)
    assert [f["code"] for f in e.value.fouten] == ["not_found"]


def test_only_the_privacy_officer_and_the_lpa_handle_inzage(privacy):
    with pytest.raises(GeenToegang):
        registreer(privacy.school_a_gebruiker)
    assert registreer(privacy.lpa_haarlem).verzoeker == "M. Persoon"


def test_answering_needs_an_export_and_takes_it_off_the_worklist(privacy):
    verzoek = registreer(privacy.po)
    with pytest.raises(Conflict):
        services.beantwoord(privacy.po, verzoek.uuid)
    services.exporteer(privacy.po, verzoek.uuid)
    services.beantwoord(privacy.po, verzoek.uuid)
    assert not queries.open_verzoeken(privacy.po).exists()
    with pytest.raises(Conflict):
        services.beantwoord(privacy.po, verzoek.uuid)
    record = AuditRecord.objects.get(actie="inzageverzoek.beantwoorden")
    assert record.details == {"binnen_termijn": True}
