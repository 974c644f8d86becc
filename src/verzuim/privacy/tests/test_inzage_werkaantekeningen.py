"""R-PR-2a (case law, Hof Den Haag 17-09-2019), which governs over R-PR-2's "never in an
export": werkaantekeningen are in an inzage export unless an LPA of the handling organisation
records a balancing decision (AVG art. 15(4)/23) to withhold a note; the export then lists the
note as withheld, with its ground and reason. They are deleted at the dossier's closure, and
so are absent from a later export. And: a parent of a pupil of 16+ learns that and when
verzuim occurred, not the pupil's reasons, unless the pupil consented."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim import clock
from verzuim.audit.context import actor_for_user
from verzuim.audit.models import AuditRecord
from verzuim.dossiers import services as dossiers
from verzuim.dossiers.models import Dossier, Inzageafweging, Werkaantekening
from verzuim.dossiers.werkaantekeningen import houd_achter, schrijf_werkaantekening
from verzuim.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig
from verzuim.privacy import services

from .conftest import HAARLEM
from .test_inzage import pdf_tekst, registreer

pytestmark = pytest.mark.django_db

NOTITIE = "Geheugensteun: vader klonk gespannen"
BUURVROUW = "Buurvrouw belde: moeder werkt 's nachts"
REDEN = "De aantekening geeft de melding van een buurvrouw weer"


def _dossier() -> Dossier:
    return Dossier.objects.get(leerling__burgerservicenummer=HAARLEM)


def _sectie(export, naam):
    return next((s for s in export.secties if s.naam == naam), None)


def _lpa2(privacy):
    return actor_for_user(privacy.users["lpa2.haarlem"])


def test_werkaantekeningen_are_in_the_export_by_default(privacy):
    schrijf_werkaantekening(privacy.lpa_haarlem, _dossier(), NOTITIE)
    verzoek = registreer(privacy.po)
    export = services.exporteer(privacy.po, verzoek.uuid)
    [rij] = _sectie(export, "werkaantekeningen").rijen
    assert (rij["toelichting"], rij["achtergehouden"]) == (NOTITIE, "")
    assert rij["gebeurtenis"].startswith("Werkaantekening van lpa.haarlem")
    assert NOTITIE in pdf_tekst(export.document.inhoud)
    json = services.exporteer_json(privacy.po, verzoek.uuid)
    assert json["secties"]["werkaantekeningen"]["rijen"][0]["toelichting"] == NOTITIE
    assert (
        AuditRecord.objects.filter(actie="inzage.exporteren").last().details["achtergehouden"] == 0
    )


def test_a_withheld_note_is_listed_with_its_ground_and_reason_not_its_text(privacy):
    dossier = _dossier()
    schrijf_werkaantekening(privacy.lpa_haarlem, dossier, NOTITIE)
    buurvrouw = schrijf_werkaantekening(privacy.lpa_haarlem, dossier, BUURVROUW)
    verzoek = registreer(privacy.po)
    # The privacy officer sees the notes to weigh, but the decision is the LPA's.
    assert {w.tekst for w in services.werkaantekeningen(privacy.po, verzoek.uuid)} == {
        NOTITIE,
        BUURVROUW,
    }
    with pytest.raises(GeenToegang):
        services.houd_aantekening_achter(privacy.po, verzoek.uuid, buurvrouw.pk,
                                         grond="rechten-anderen", reden=REDEN)  # fmt: skip
    # Any LPA of the handling organisation decides, not only the note's author.
    services.houd_aantekening_achter(_lpa2(privacy), verzoek.uuid, buurvrouw.pk,
                                     grond="rechten-anderen", reden=REDEN)  # fmt: skip

    export = services.exporteer(privacy.po, verzoek.uuid)
    rijen = _sectie(export, "werkaantekeningen").rijen
    assert sorted(r["toelichting"] for r in rijen) == ["", NOTITIE]
    [achtergehouden] = [r["achtergehouden"] for r in rijen if r["achtergehouden"]]
    assert achtergehouden == (f"Rechten en vrijheden van anderen (AVG art. 15 lid 4): {REDEN}")
    tekst = pdf_tekst(export.document.inhoud)
    assert NOTITIE in tekst and REDEN in tekst and "AVG art. 15 lid 4" in tekst
    json = str(services.exporteer_json(privacy.po, verzoek.uuid))
    for uitvoer in (tekst, json):
        assert "Buurvrouw belde" not in uitvoer and "'s nachts" not in uitvoer
    # Logged: the decision without the note's or the reason's content; the export's count.
    besluit = AuditRecord.objects.get(actie="werkaantekening.achterhouden")
    assert (besluit.persoon, besluit.actor_label) == (HAARLEM, "lpa2.haarlem")
    assert REDEN not in str(besluit.details) and besluit.details["grond"] == "rechten-anderen"
    assert (
        AuditRecord.objects.filter(actie="inzage.exporteren").last().details["achtergehouden"] == 1
    )

    # Withdrawn: the note is in the next export again.
    services.verstrek_aantekening(privacy.lpa_haarlem, verzoek.uuid, buurvrouw.pk)
    assert BUURVROUW in str(services.exporteer_json(privacy.po, verzoek.uuid))
    assert AuditRecord.objects.filter(actie="werkaantekening.verstrekken").count() == 1


def test_the_decision_names_its_fields_and_stays_in_the_organisation(privacy):
    notitie = schrijf_werkaantekening(privacy.lpa_haarlem, _dossier(), NOTITIE)
    verzoek = registreer(privacy.po)
    with pytest.raises(Ongeldig) as e:
        services.houd_aantekening_achter(privacy.lpa_haarlem, verzoek.uuid, notitie.pk,
                                         grond="omdat het kan", reden=" ")  # fmt: skip
    assert {f["name"] for f in e.value.fouten} == {"grond", "reden"}
    lpa_amsterdam = actor_for_user(privacy.users["lpa.amsterdam"])
    with pytest.raises(NietGevonden):  # another organisation's note: not found (R-PR-1)
        houd_achter(lpa_amsterdam, notitie.pk, grond="rechten-anderen", reden=REDEN)
    with pytest.raises(NietGevonden):  # another organisation's request
        services.houd_aantekening_achter(lpa_amsterdam, verzoek.uuid, notitie.pk,
                                         grond="rechten-anderen", reden=REDEN)  # fmt: skip
    assert not Inzageafweging.objects.exists()
    services.exporteer(privacy.po, verzoek.uuid)
    services.beantwoord(privacy.po, verzoek.uuid)
    with pytest.raises(Conflict):  # an answered request takes no decisions any more
        services.houd_aantekening_achter(privacy.lpa_haarlem, verzoek.uuid, notitie.pk,
                                         grond="rechten-anderen", reden=REDEN)  # fmt: skip


def test_notes_are_deleted_at_closure_and_so_absent_from_a_later_export(privacy):
    dossier = _dossier()
    notitie = schrijf_werkaantekening(privacy.lpa_haarlem, dossier, NOTITIE)
    houd_achter(privacy.lpa_haarlem, notitie.pk, grond="bescherming", reden=REDEN)
    dossiers.sluit(privacy.lpa_haarlem, dossier.uuid, "verzuim-gestopt")
    assert not Werkaantekening.objects.exists() and not Inzageafweging.objects.exists()
    verzoek = registreer(privacy.po)
    export = services.exporteer(privacy.po, verzoek.uuid)
    assert _sectie(export, "werkaantekeningen") is None
    assert _sectie(export, "dossiers").rijen  # the dossier itself stays
    tekst = pdf_tekst(export.document.inhoud)
    assert NOTITIE not in tekst and REDEN not in tekst


# --- a parent of a pupil of 16+ (R-PR-2a) ----------------------------------------------------

# The Haarlem pupil is born on 02-05-2012: 16 on 02-05-2028.
ZESTIEN = dt.date(2028, 5, 2)
REDENEN = ("Vermoedelijke reden: Onbekend", "Gesprek met moeder gepland",
           "Gesprek met vader op school", NOTITIE)  # fmt: skip


@pytest.fixture
def casus(privacy):
    """The melding (its reason, the LPA's status note), a talk's report and a working note."""
    dossier = _dossier()
    dossiers.voeg_activiteit_toe(privacy.lpa_haarlem, dossier.uuid, "gesprek",
                                 datum=dt.date(2026, 9, 30), tekst="Gesprek met vader op school",
                                 met_wie=["ouders"])  # fmt: skip
    schrijf_werkaantekening(privacy.lpa_haarlem, dossier, NOTITIE)
    return privacy


@pytest.mark.parametrize(
    ("vandaag", "redenen"),
    [(ZESTIEN - dt.timedelta(days=1), True), (ZESTIEN, False)],
    ids=["dag-voor-16e-verjaardag", "16e-verjaardag"],
)
def test_a_parent_of_a_16_year_old_learns_that_and_when_not_why(casus, vandaag, redenen):
    clock.set_today(vandaag)
    verzoek = registreer(casus.po, ontvangen=vandaag, relatie="ouder")
    export = services.exporteer(casus.po, verzoek.uuid)
    json = services.exporteer_json(casus.po, verzoek.uuid)
    tekst = pdf_tekst(export.document.inhoud)
    for uitvoer in (tekst, str(json)):
        # That and when: the melding with its period, the talk, the note's date.
        assert "verzuim van 07-09-2026 tot en met 25-09-2026" in uitvoer
        assert "Gesprek" in uitvoer and "Werkaantekening van lpa.haarlem" in uitvoer
        for reden in REDENEN:
            assert (reden in uitvoer) is redenen, reden
    assert json["redenenVerstrekt"] is redenen
    assert ("geen toestemming" in tekst) is not redenen
    record = AuditRecord.objects.filter(actie="inzage.exporteren").last()
    assert record.details["redenen"] is redenen


def test_with_the_pupils_consent_or_asked_by_the_pupil_the_reasons_are_given(casus):
    clock.set_today(ZESTIEN + dt.timedelta(days=30))
    ontvangen = clock.today()

    def redenen(verzoek):
        json = services.exporteer_json(casus.po, verzoek.uuid)
        assert json["redenenVerstrekt"] is all(r in str(json) for r in REDENEN)
        return json["redenenVerstrekt"]

    assert redenen(registreer(casus.po, ontvangen=ontvangen, relatie="ouder",
                              toestemming_leerling=True))  # fmt: skip
    assert redenen(registreer(casus.po, ontvangen=ontvangen, relatie="betrokkene"))
    ouder = registreer(casus.po, ontvangen=ontvangen, relatie="vertegenwoordiger")
    assert not redenen(ouder)
    services.leg_toestemming_vast(casus.po, ouder.uuid, True)
    assert redenen(ouder)
    record = AuditRecord.objects.filter(actie="inzageverzoek.toestemming").get()
    assert (record.persoon, record.details) == (HAARLEM, {"toestemmingLeerling": True})
    services.leg_toestemming_vast(casus.po, ouder.uuid, False)
    assert not redenen(ouder)
