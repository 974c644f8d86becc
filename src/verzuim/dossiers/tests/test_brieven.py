"""Letters from a dossier (issue 9 §8): the dossier fills and addresses the letter, the PDF
is stored with it (hash, who, when) and is on the timeline as `brief-verstuurd`; the rules
of correspondence (R-CW-4 pupil from 12, R-ID-5 secret address never through a school),
R-PR-5 (the administratief medewerker never puts a secret address in a letter) and the
scoping of another organisation (404) hold; sending is a logged processing of the BSN."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.brieven.models import Briefhoofd, Document
from verzuim.brieven.tests.conftest import pdf_tekst
from verzuim.dossiers import brieven, services
from verzuim.dossiers.fouten import DossierGesloten, GeenToegang, NietGevonden, Ongeldig
from verzuim.dossiers.models import Dossier
from verzuim.personen.models import BrpPersoon

from .conftest import HAARLEM, meld

GESPREK = {
    "gesprek": {
        "datum": dt.date(2026, 10, 8),
        "tijd": dt.time(14, 30),
        "plaats": "het stadhuis van Haarlem",
    }
}


def adres(bsn=HAARLEM, *, geheim=False, geboren=None):
    velden = {
        "verblijfadres": {
            "officieleStraatnaam": "Grote Markt",
            "huisnummer": 2,
            "postcode": "2011RD",
            "woonplaats": "Haarlem",
        },
        "geheimhouding_persoonsgegevens": geheim,
    }
    if geboren:
        velden["geboortedatum"] = geboren
    BrpPersoon.objects.filter(burgerservicenummer=bsn).update(**velden)


@pytest.fixture
def dossier(wereld):
    meld(wereld)
    Briefhoofd.objects.create(
        organisatie=wereld.haarlem,
        naam="Gemeente Haarlem, Leerplicht",
        telefoon="14 023",
        email="leerplicht@haarlem.example",
    )
    adres()
    return Dossier.objects.get()


def test_uitnodiging_aan_ouders_is_een_pdf_bij_het_dossier(wereld, dossier):
    doc = brieven.verstuur_brief(
        wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
    )
    assert doc.koppeling == f"dossier:{dossier.uuid}" and doc.betreft == HAARLEM
    assert doc.sha256 == hashlib.sha256(bytes(doc.inhoud)).hexdigest()
    assert doc.aangemaakt_door == wereld.users["lpa.haarlem"]
    tekst = pdf_tekst(doc.inhoud)
    assert "Test Persoon007" in tekst  # the pupil's name from the BRP
    assert "1 oktober 2026" in tekst and "8 oktober 2026" in tekst  # letter and gesprek date
    assert "De ouders/verzorgers van Test Persoon007" in tekst and "GROTE MARKT" not in tekst
    assert "Grote Markt 2" in tekst and "2011 RD" in tekst  # the BRP's address lines
    assert "Fictief Lyceum Haarlem" in tekst  # the school, from the melding
    a = dossier.activiteiten.get(soort="brief-verstuurd")
    assert (a.bron, a.bron_referentie, a.met_wie) == ("brief", str(doc.uuid), ["ouders"])
    assert doc.kenmerk in a.tekst
    assert brieven.brieven_van(wereld.lpa_haarlem, dossier) == [doc]
    # R-PR-1: sending is a processing of the BSN in the log, with the document's hash.
    r = AuditRecord.objects.get(actie="dossier.brief-versturen")
    assert r.persoon == HAARLEM and r.details["sha256"] == doc.sha256
    assert r.details["soort"] == "uitnodiging-gesprek" and r.doel


def test_engels_en_de_school(wereld, dossier):
    doc = brieven.verstuur_brief(
        wereld.lpa_haarlem, dossier, "verzoek-verzuimoverzicht", "school", "en"
    )
    tekst = pdf_tekst(doc.inhoud)
    assert "Request for the attendance record of Test Persoon007" in tekst
    assert "1 October 2026" in tekst and "15 October 2026" in tekst  # reply in 14 days
    assert "t.a.v. J. de Mentor" in tekst  # the melding's contact person
    assert "Grote Markt" not in tekst  # a letter to the school carries no home address


def test_voorbeeld_bewaart_niets(wereld, dossier):
    onderwerp, html = brieven.bekijk_brief(
        wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "leerling", "nl", GESPREK
    )
    assert "Test" in html and "8 oktober 2026" in html and "(volgt bij versturen)" in html
    assert onderwerp == "Uitnodiging voor een gesprek"
    assert not Document.objects.exists()
    assert not dossier.activiteiten.filter(soort="brief-verstuurd").exists()
    assert AuditRecord.objects.filter(actie="dossier.brief-voorbeeld", persoon=HAARLEM).exists()


def test_ontbrekende_gegevens_genoemd(wereld, dossier):
    with pytest.raises(Ongeldig) as e:
        brieven.verstuur_brief(wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl")
    namen = {f["name"] for f in e.value.fouten}
    assert {"gegevens.gesprek.datum", "gegevens.gesprek.tijd", "gegevens.gesprek.plaats"} <= namen
    with pytest.raises(Ongeldig) as e:  # the pupil's name comes from the BRP only
        brieven.verstuur_brief(
            wereld.lpa_haarlem,
            dossier,
            "uitnodiging-gesprek",
            "ouders",
            "nl",
            {**GESPREK, "leerling": {"naam": "Iemand anders"}},
        )
    assert e.value.fouten[0]["name"] == "gegevens.leerling.naam"
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("geboren", "mag"),
    [(dt.date(2014, 10, 1), True), (dt.date(2014, 10, 2), False)],  # 12 today / 12 tomorrow
)
def test_leerling_pas_vanaf_12(wereld, dossier, geboren, mag):
    adres(geboren=geboren)
    if mag:
        brieven.verstuur_brief(
            wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "leerling", "nl", GESPREK
        )
        return
    with pytest.raises(Ongeldig) as e:
        brieven.verstuur_brief(
            wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "leerling", "nl", GESPREK
        )
    assert "R-CW-4" in e.value.fouten[0]["reason"] and e.value.fouten[0]["name"] == "ontvanger"


def test_geheim_adres_nooit_via_school(wereld, dossier):
    adres(geheim=True)
    with pytest.raises(Ongeldig) as e:  # R-ID-5 / R-PR-5
        brieven.verstuur_brief(
            wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK, True
        )
    assert "R-ID-5" in e.value.fouten[0]["reason"]
    # Straight to the address from the gemeente: allowed, and kept for the LPA only.
    doc = brieven.verstuur_brief(
        wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
    )
    assert doc.geheim_adres


def test_via_school_zonder_geheim_adres(wereld, dossier):
    doc = brieven.verstuur_brief(
        wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK, True
    )
    tekst = pdf_tekst(doc.inhoud)
    assert "p/a Fictief Lyceum Haarlem" in tekst and "Grote Markt" not in tekst
    assert "via de school" in dossier.activiteiten.get(soort="brief-verstuurd").tekst


def test_administratief_medewerker_en_geheim_adres(wereld, dossier):
    """R-PR-5: the admin staff never sees the secret address, so puts it in no letter;
    a letter without it (to the school) is theirs to send."""
    adres(geheim=True)
    with pytest.raises(GeenToegang, match="R-PR-5"):
        brieven.verstuur_brief(
            wereld.admin_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
        )
    with pytest.raises(GeenToegang, match="R-PR-5"):
        brieven.bekijk_brief(
            wereld.admin_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
        )
    brieven.verstuur_brief(
        wereld.admin_haarlem, dossier, "verzoek-verzuimoverzicht", "school", "nl"
    )
    # A warning before enforcement is the LPA's decision (domain.md §1).
    adres()
    with pytest.raises(GeenToegang):
        brieven.verstuur_brief(wereld.admin_haarlem, dossier, "waarschuwing", "ouders", "nl")


def test_andere_organisatie_en_beleid(wereld, dossier):
    for actor in (wereld.lpa_amsterdam, wereld.lpa_dienst):
        with pytest.raises(NietGevonden):
            brieven.verstuur_brief(
                actor, dossier.uuid, "uitnodiging-gesprek", "ouders", "nl", GESPREK
            )
        with pytest.raises(NietGevonden):
            brieven.bekijk_brief(actor, dossier.uuid, "uitnodiging-gesprek", "ouders", "nl")
    with pytest.raises(GeenToegang):
        brieven.verstuur_brief(
            wereld.beleid_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
        )
    doc = brieven.verstuur_brief(
        wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
    )
    assert brieven.brieven_van(wereld.lpa_amsterdam, dossier) == []
    assert Document.objects.filter(pk=doc.pk).exists()


def test_gesloten_dossier_krijgt_geen_brief(wereld, dossier):
    services.sluit(wereld.lpa_haarlem, dossier, "verzuim-gestopt")
    with pytest.raises(DossierGesloten):
        brieven.verstuur_brief(
            wereld.lpa_haarlem, dossier, "uitnodiging-gesprek", "ouders", "nl", GESPREK
        )


def test_absoluut_verzuim_zonder_adres(wereld, dossier):
    """R-CW-9: without an address in the BRP a letter cannot go by post: said so."""
    BrpPersoon.objects.filter(burgerservicenummer=HAARLEM).update(verblijfadres={})
    with pytest.raises(Ongeldig) as e:
        brieven.verstuur_brief(wereld.lpa_haarlem, dossier, "absoluut-verzuim", "ouders", "nl")
    assert e.value.fouten[0]["name"] == "ontvanger" and "adres" in e.value.fouten[0]["reason"]
    adres()
    doc = brieven.verstuur_brief(wereld.lpa_haarlem, dossier, "absoluut-verzuim", "ouders", "nl")
    assert "Fictief Lyceum Haarlem" in pdf_tekst(doc.inhoud)  # the last known school
