"""POST /api/v1/leerplichtstatus and POST /api/v1/keuzehulp with `leerling` (issue 4 and
issue 2): legal edges through the API, scoping per organisation (R-PR-1: another
organisation's pupil is 404) and the audit record of every allowed read."""

import datetime as dt

import pytest

from verzuim import clock
from verzuim.api.tests.openapi_check import assert_conforms
from verzuim.audit.models import AuditRecord
from verzuim.personen.tests.leerling_scenario import (
    ANNA,
    BRAM,
    GIJS,
    ONR,
    TOKEN_HAARLEM,
    TOKEN_ROTTERDAM,
    TOKEN_SCHOOL,
    TOKEN_SCHOOL_MELDEN,
    regio,  # noqa: F401 (fixture)
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("regio")]


def status(client, token, peildatum, **leerling):
    leerling = leerling or {"burgerservicenummer": ANNA}
    response = client.post(
        "/api/v1/leerplichtstatus",
        {"leerling": leerling, "peildatum": peildatum},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert_conforms(response)
    return response


@pytest.mark.parametrize(
    ("peildatum", "verwacht", "tot"),
    [
        # Anna is born 2021-10-01: 5 on 2026-10-01, leerplichtig from 2026-11-01 (R-LP-2).
        ("2026-09-30", "niet-leerplichtig", "2026-10-31"),  # the day before the 5th birthday
        ("2026-10-01", "niet-leerplichtig", "2026-10-31"),  # the 5th birthday itself
        ("2026-10-31", "niet-leerplichtig", "2026-10-31"),
        ("2026-11-01", "leerplichtig", "2038-07-31"),  # first day of the month after
        # 16 on 2037-10-01: volledige leerplicht ends 2038-07-31 (R-LP-3)
        ("2038-08-01", "kwalificatieplichtig", "2039-09-30"),
        ("2039-10-01", "18-plus", "2044-09-30"),  # R-LP-6
        ("2044-10-01", "buiten-doelgroep", None),
    ],
)
def test_status_at_the_legal_edges(client, peildatum, verwacht, tot):
    response = status(client, TOKEN_HAARLEM, peildatum)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["tot"]) == (verwacht, tot)
    assert body["redenen"] and all(r["regel"].startswith("R-") for r in body["redenen"])


def test_vrijstelling_overlay_and_onderwijsnummer(client):
    body = status(client, TOKEN_HAARLEM, "2026-09-15", burgerservicenummer=GIJS).json()
    assert body["status"] == "vrijgesteld"
    assert body["tot"] == "2027-07-31"
    assert body["redenen"][0]["regel"] == "R-VR-1"
    # Onderwijsnummer pupil of the school: birth date 2016-02-29 given by the school.
    body = status(client, TOKEN_SCHOOL, "2026-09-15", onderwijsnummer=ONR).json()
    assert body["status"] == "leerplichtig"


def test_gemeente_sees_only_its_residents(client):
    assert status(client, TOKEN_HAARLEM, "2026-09-15").status_code == 200
    response = status(client, TOKEN_HAARLEM, "2026-09-15", burgerservicenummer=BRAM)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    # Rotterdam the other way round
    assert (
        status(client, TOKEN_ROTTERDAM, "2026-09-15", burgerservicenummer=BRAM).status_code == 200
    )
    assert status(client, TOKEN_ROTTERDAM, "2026-09-15").status_code == 404


def test_school_sees_only_its_enrolled_pupils(client):
    assert status(client, TOKEN_SCHOOL, "2026-09-15").status_code == 200
    assert status(client, TOKEN_SCHOOL, "2026-09-15", burgerservicenummer=BRAM).status_code == 404


def test_unknown_person_is_404_like_out_of_scope(client):
    response = status(client, TOKEN_HAARLEM, "2026-09-15", burgerservicenummer="999990068")
    assert response.status_code == 404


def test_allowed_reads_are_audited_and_refusals_leave_no_person_read(client):
    AuditRecord.objects.all()  # the scenario load wrote its own record
    voor = AuditRecord.objects.filter(actie="leerplichtstatus.lezen").count()
    status(client, TOKEN_HAARLEM, "2026-11-01")
    status(client, TOKEN_HAARLEM, "2026-11-01", burgerservicenummer=BRAM)  # 404
    records = list(AuditRecord.objects.filter(actie="leerplichtstatus.lezen"))
    assert len(records) == voor + 1
    r = records[0]
    assert r.persoon == ANNA
    assert r.organisatie == "GM0392"
    assert r.actor_label == "api:Haarlem LP"
    assert r.doel == "leerplichtstatus bepalen"
    assert r.details["peildatum"] == "2026-11-01"
    assert r.request_id
    assert not AuditRecord.objects.filter(actie="leerplichtstatus.lezen", persoon=BRAM).exists()


def test_keuzehulp_with_leerling_reads_the_register_scoped_and_audited(client):
    # asked on the day itself: the keuzehulp refuses a first verzuimdag after today (R-VZ-4);
    # the scenario fixture resets the clock afterwards
    clock.set_today(dt.date(2026, 11, 2))

    def keuzehulp(token, bsn):
        response = client.post(
            "/api/v1/keuzehulp",
            {
                "leerling": {"burgerservicenummer": bsn},
                "eersteVerzuimdag": "2026-11-02",
                "vakantieZonderVerlof": True,
            },
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert_conforms(response)
        return response

    # meldingen.aanmaken alone is enough for the keuzehulp of the school's own pupil
    body = keuzehulp(TOKEN_SCHOOL_MELDEN, ANNA).json()
    assert (body["uitkomst"], body["verzuimsoort"]) == ("melden", "luxe")
    assert AuditRecord.objects.filter(
        actie="leerplichtfeiten.lezen",
        persoon=ANNA,
        organisatie="99XA",
        doel="keuzehulp verzuimsoort",
    ).exists()
    assert keuzehulp(TOKEN_SCHOOL_MELDEN, BRAM).status_code == 404


# --- R-PR-5: the grounds of a vrijstelling (5a health, 5b religion) ------------------------

GROND_5A = ("art. 5 onder a", "lichamelijke", "psychische")


def test_school_sees_vrijgesteld_without_the_ground(client):
    """R-PR-5: a school token gets the status and period, never the 5a ground (health)."""
    response = status(client, TOKEN_SCHOOL, "2026-09-15", burgerservicenummer=GIJS)
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["tot"]) == ("vrijgesteld", "2027-07-31")
    assert body["redenen"][0]["regel"] == "R-VR-1"
    assert "afgeschermd" in body["redenen"][0]["uitleg"]
    tekst = response.content.decode()
    assert not any(woord in tekst for woord in GROND_5A), tekst


def test_gemeente_of_the_pupil_sees_the_ground(client):
    """R-PR-5: the leerplicht application of the pupil's gemeente handles the vrijstelling."""
    body = status(client, TOKEN_HAARLEM, "2026-09-15", burgerservicenummer=GIJS).json()
    assert body["status"] == "vrijgesteld"
    assert "art. 5 onder a (lichamelijke of psychische gronden)" in body["redenen"][0]["uitleg"]


def test_keuzehulp_with_leerling_names_no_ground_to_a_school(client):
    response = client.post(
        "/api/v1/keuzehulp",
        {"leerling": {"burgerservicenummer": GIJS}, "eersteVerzuimdag": "2026-09-14"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {TOKEN_SCHOOL}"},
    )
    assert_conforms(response)
    assert response.status_code == 200
    assert not any(woord in response.content.decode() for woord in GROND_5A)
