"""R-CW-3: the LPA asks the melding's school for its verzuimoverzicht; only that school
sees and answers the request (text and/or file); the answer is the activity
'verzuimoverzicht ontvangen'. Closing the dossier lets an open request lapse."""

from __future__ import annotations

import hashlib

import pytest

from verzuim.dossiers import queries, services, verzuimoverzicht
from verzuim.dossiers.fouten import GeenToegang, NietGevonden, Ongeldig
from verzuim.dossiers.models import Dossier

from .conftest import meld


@pytest.fixture
def gevraagd(wereld):
    melding = meld(wereld)
    d = Dossier.objects.get()
    return verzuimoverzicht.vraag_verzuimoverzicht(
        wereld.lpa_haarlem, d.uuid, melding.uuid, "Graag per les"
    )


def test_vragen_en_beantwoorden_met_bestand(wereld, gevraagd):
    assert gevraagd.school.code == "99XA" and gevraagd.is_open
    assert list(queries.verzoeken_aan_school(wereld.school_a)) == [gevraagd]
    assert not queries.verzoeken_aan_school(wereld.school_b).exists()
    with pytest.raises(Ongeldig):  # one open request per melding
        verzuimoverzicht.vraag_verzuimoverzicht(
            wereld.lpa_haarlem, gevraagd.dossier, gevraagd.melding.uuid
        )
    pdf = b"%PDF-1.4 overzicht"
    v = verzuimoverzicht.beantwoord_verzuimoverzicht(
        wereld.school_a,
        gevraagd.uuid,
        antwoord="Zie bijlage",
        bestand=verzuimoverzicht.Bestand("overzicht.pdf", "application/pdf", pdf),
    )
    assert not v.is_open and v.sha256 == hashlib.sha256(pdf).hexdigest()
    a = v.dossier.activiteiten.get(soort="verzuimoverzicht-ontvangen")
    assert (a.bron, a.bron_referentie, a.tekst) == ("school", str(v.uuid), "Zie bijlage")
    with pytest.raises(Ongeldig):  # answered once
        verzuimoverzicht.beantwoord_verzuimoverzicht(
            wereld.school_a, gevraagd.uuid, antwoord="nog eens"
        )


def test_een_andere_school_of_de_gemeente_beantwoordt_niet(wereld, gevraagd):
    with pytest.raises(NietGevonden):
        verzuimoverzicht.beantwoord_verzuimoverzicht(wereld.school_b, gevraagd.uuid, antwoord="x")
    with pytest.raises(GeenToegang):
        verzuimoverzicht.beantwoord_verzuimoverzicht(
            wereld.lpa_haarlem, gevraagd.uuid, antwoord="x"
        )


def test_leeg_antwoord_en_verkeerd_bestand(wereld, gevraagd):
    with pytest.raises(Ongeldig) as e:
        verzuimoverzicht.beantwoord_verzuimoverzicht(wereld.school_a, gevraagd.uuid)
    assert e.value.fouten[0]["name"] == "antwoord"
    with pytest.raises(Ongeldig) as e:
        verzuimoverzicht.beantwoord_verzuimoverzicht(
            wereld.school_a,
            gevraagd.uuid,
            bestand=verzuimoverzicht.Bestand("x.exe", "application/x-msdownload", b"MZ"),
        )
    assert e.value.fouten[0]["name"] == "bestand"


def test_afsluiten_laat_het_verzoek_vervallen(wereld, gevraagd):
    services.sluit(wereld.lpa_haarlem, gevraagd.dossier.uuid, "verzuim-gestopt")
    gevraagd.refresh_from_db()
    assert gevraagd.vervallen is not None and not gevraagd.is_open
    with pytest.raises(Ongeldig):
        verzuimoverzicht.beantwoord_verzuimoverzicht(
            wereld.school_a, gevraagd.uuid, antwoord="te laat"
        )
