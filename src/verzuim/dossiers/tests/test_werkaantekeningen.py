"""R-PR-2: werkaantekeningen are seen only by their author, are no part of the dossier's
content, and are deleted when the dossier closes; the audit keeps their number, never
their text."""

from __future__ import annotations

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.dossiers import queries, services, werkaantekeningen
from verzuim.dossiers.fouten import DossierGesloten, GeenToegang, NietGevonden
from verzuim.dossiers.models import Dossier, Werkaantekening

from .conftest import meld

GEHEIM = "Vader klonk dronken aan de telefoon"


@pytest.fixture
def dossier(wereld):
    meld(wereld)
    return Dossier.objects.get()


def test_alleen_de_auteur_ziet_ze(wereld, dossier):
    w = werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier.uuid, GEHEIM)
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa2_haarlem, dossier.uuid, "Eigen notitie")
    assert [
        x.tekst for x in werkaantekeningen.lees_werkaantekeningen(wereld.lpa_haarlem, dossier)
    ] == [GEHEIM]
    assert [
        x.tekst for x in werkaantekeningen.lees_werkaantekeningen(wereld.lpa2_haarlem, dossier)
    ] == ["Eigen notitie"]
    assert werkaantekeningen.lees_werkaantekeningen(wereld.admin_haarlem, dossier) == []
    # a colleague can neither change nor delete it: it does not exist for them
    with pytest.raises(NietGevonden):
        werkaantekeningen.wijzig_werkaantekening(wereld.lpa2_haarlem, w.pk, "anders")
    with pytest.raises(NietGevonden):
        werkaantekeningen.verwijder_werkaantekening(wereld.lpa2_haarlem, w.pk)
    werkaantekeningen.wijzig_werkaantekening(wereld.lpa_haarlem, w.pk, GEHEIM + "?")
    # an API application has none and writes none
    from dataclasses import replace

    api = replace(wereld.haarlem_api, scopes=frozenset({"dossiers.schrijven"}))
    assert werkaantekeningen.lees_werkaantekeningen(api, dossier) == []
    with pytest.raises(GeenToegang):
        werkaantekeningen.schrijf_werkaantekening(api, dossier.uuid, "x")


def test_geen_deel_van_de_dossierinhoud_en_niet_in_de_audit(wereld, dossier):
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier.uuid, GEHEIM)
    assert all(GEHEIM not in a.tekst for a in queries.activiteiten_van(wereld.lpa_haarlem, dossier))
    records = AuditRecord.objects.filter(actie__startswith="werkaantekening.")
    assert records.count() == 1 and GEHEIM not in str(records.get().details)


def test_verwijderd_bij_afsluiten_geteld_in_de_audit(wereld, dossier):
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier.uuid, GEHEIM)
    werkaantekeningen.schrijf_werkaantekening(wereld.lpa2_haarlem, dossier.uuid, "tweede")
    services.sluit(wereld.lpa_haarlem, dossier.uuid, "verzuim-gestopt")
    assert not Werkaantekening.objects.exists()
    r = AuditRecord.objects.get(actie="dossier.afsluiten")
    assert r.details["werkaantekeningenVerwijderd"] == 2
    assert GEHEIM not in str(r.details)
    with pytest.raises(DossierGesloten):
        werkaantekeningen.schrijf_werkaantekening(wereld.lpa_haarlem, dossier.uuid, "na sluiting")
