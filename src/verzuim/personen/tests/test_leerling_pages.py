"""Leerling pages (issue 2): "a user of gemeente A cannot see persons of gemeente B, in pages
... every such read is in the audit log" (R-PR-1), the secret address (R-ID-5, R-PR-5), the
BSN never in a URL, and the leerplicht status on today (R-LP)."""

import pytest

from verzuim.accounts.models import Gebruiker
from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.personen.models import Leerling
from verzuim.personen.tests.leerling_scenario import (
    ANNA,
    BRAM,
    GIJS,
    regio,  # noqa: F401 (fixture)
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("regio")]


def als(client, gebruikersnaam):
    inloggen(client, Gebruiker.objects.get(username=gebruikersnaam))
    return client


def pagina(client, bsn):
    return client.get(f"/leerlingen/{Leerling.objects.get(burgerservicenummer=bsn).uuid}")


def zoek(client, nummer):
    return client.post("/leerlingen/zoeken", {"nummer": nummer})


def test_lpa_finds_a_resident_and_sees_the_page(client):
    als(client, "lpa.haarlem")
    response = zoek(client, ANNA)
    assert response.status_code == 302
    assert ANNA not in response.url  # no BSN in a URL
    html = client.get(response.url).content.decode()
    assert "Anna Bakker" in html and html.count("<h1") == 1
    assert "01-10-2021" in html  # dd-mm-jjjj
    assert "Grote Markt 7" in html and "2011RD Haarlem" in html
    assert "De Fictie Haarlem (99XA00)" in html
    # today 2026-09-15: not yet leerplichtig, from 01-11-2026 (R-LP-2)
    assert "niet-leerplichtig" in html and "31-10-2026" in html and "R-LP-2" in html


def test_every_read_is_audited_with_actor_organisation_person_and_purpose(client):
    als(client, "lpa.haarlem")
    client.get(zoek(client, ANNA).url)
    zoeken = AuditRecord.objects.get(actie="leerling.zoeken", persoon=ANNA)
    inzien = AuditRecord.objects.get(actie="leerling.inzien", persoon=ANNA)
    for r in (zoeken, inzien):
        assert r.actor.username == "lpa.haarlem"
        assert r.actor_label == "lpa.haarlem"
        assert r.organisatie == "GM0392"
        assert r.request_id
    assert zoeken.doel == "leerling opzoeken" and zoeken.details["gevonden"] is True
    assert inzien.doel == "leerlinggegevens inzien"
    # Doelbinding (R-ID-3): the page asks the BRP for name, birth date and address, and the
    # gemeente (which writes to the parents, R-CW-4) also the parents' names.
    assert inzien.details["velden"] == [
        "burgerservicenummer",
        "naam",
        "geboorte.datum",
        "verblijfplaats",
        "ouders.naam",
        "ouders.ouderAanduiding",
    ]
    assert inzien.object_id == str(Leerling.objects.get(burgerservicenummer=ANNA).uuid)


def test_gemeente_a_cannot_see_a_person_of_gemeente_b(client):
    als(client, "lpa.haarlem")
    response = zoek(client, BRAM)
    assert response.status_code == 200
    assert "Geen leerling gevonden" in response.content.decode()
    assert pagina(client, BRAM).status_code == 404
    assert not AuditRecord.objects.filter(actie="leerling.inzien", persoon=BRAM).exists()
    # the attempt itself is on record (who looked for whom), marked as not found
    poging = AuditRecord.objects.get(actie="leerling.zoeken", persoon=BRAM)
    assert poging.details["gevonden"] is False
    # and the other way round
    client.logout()
    als(client, "lpa.rotterdam")
    assert pagina(client, ANNA).status_code == 404
    assert pagina(client, BRAM).status_code == 200


def test_school_sees_only_its_enrolled_pupils(client):
    als(client, "school.haarlem")
    assert pagina(client, ANNA).status_code == 200
    assert pagina(client, BRAM).status_code == 404
    assert "Geen leerling gevonden" in zoek(client, BRAM).content.decode()


def test_secret_address_never_shown_to_a_school(client):
    als(client, "school.haarlem")
    html = pagina(client, GIJS).content.decode()
    assert "Gijs Geheim" in html
    assert "Geheimstraat" not in html and "2012AB" not in html
    assert "Afgeschermd" in html
    # the grounds of a 5a vrijstelling (health) are not for the school (R-PR-5)
    assert "lichamelijk" not in html and "psychisch" not in html
    assert "vrijgesteld" in html and "grond afgeschermd" in html
    assert AuditRecord.objects.get(actie="leerling.inzien", persoon=GIJS).details[
        "adres_afgeschermd"
    ]


def test_every_vrijstelling_ground_only_for_the_leerplichtambtenaar(client):
    """The list and the status reason follow one rule (leerplicht.grond_voor/status_voor):
    also a ground that is no special category (5c, school abroad) is not for the school."""
    from verzuim.personen.models import Vrijstelling

    Vrijstelling.objects.filter(leerling__burgerservicenummer=GIJS).update(artikel="5c")
    als(client, "school.haarlem")
    html = pagina(client, GIJS).content.decode()
    assert "buitenland" not in html and "grond afgeschermd" in html
    client.logout()
    als(client, "lpa.haarlem")
    assert "art. 5 onder c (school in het buitenland)" in pagina(client, GIJS).content.decode()


def test_secret_address_only_for_the_leerplichtambtenaar(client):
    """R-PR-5 (accounts.afscherming): the administratief medewerker of the same gemeente sees
    that address and ground are shielded, not what; the handling LPA sees both, and the flag
    itself (letters never through the school, R-ID-5)."""
    als(client, "adm.haarlem")
    html = pagina(client, GIJS).content.decode()
    assert "Geheimstraat" not in html and "Afgeschermd" in html
    assert "lichamelijk" not in html and "grond afgeschermd" in html
    assert 'data-testid="geheim-adres"' not in html
    client.logout()
    als(client, "lpa.haarlem")
    html = pagina(client, GIJS).content.decode()
    assert "Geheimstraat 7" in html
    assert "lichamelijk" in html
    assert "nooit via de school" in html


@pytest.mark.parametrize("gebruiker", ["beleid.haarlem", "privacy.haarlem"])
def test_roles_without_person_data_have_no_access(client, gebruiker):
    als(client, gebruiker)
    assert client.get("/leerlingen/zoeken").status_code == 403
    assert zoek(client, ANNA).status_code == 403
    assert pagina(client, ANNA).status_code == 404
    assert not AuditRecord.objects.filter(actie__startswith="leerling.").exists()


def test_search_form_validates_in_dutch_and_uses_post(client):
    als(client, "lpa.haarlem")
    html = client.get("/leerlingen/zoeken").content.decode()
    assert 'method="post"' in html and 'for="id_nummer"' in html
    html = zoek(client, "123456789").content.decode()
    assert "geen geldig burgerservicenummer" in html
    assert 'aria-invalid="true"' in html


def test_anonymous_is_sent_to_login(client):
    response = pagina(client, ANNA)
    assert response.status_code == 302 and "/account/" in response.url


def test_leerling_page_reads_each_relation_once(client):
    """Enrolments, diplomas and vrijstellingen serve the page and the leerplicht status
    from one read each (no second query for the status)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    als(client, "lpa.haarlem")
    pagina(client, GIJS)  # warm the session and reference caches
    with CaptureQueriesContext(connection) as q:
        assert pagina(client, GIJS).status_code == 200
    tabellen = [
        t
        for t in ("personen_inschrijving", "personen_diploma", "personen_vrijstelling")
        for s in q.captured_queries
        if s["sql"].startswith("SELECT") and f'FROM "{t}"' in s["sql"]
    ]
    assert sorted(tabellen) == [
        "personen_diploma",
        "personen_inschrijving",
        "personen_vrijstelling",
    ]
