"""/brp-proef/personen (demo/debug only): the API key is compared in constant time and every
read of person data through it is audited with the actor label "brp-proef" (R-PR-1, R-ID-3)."""

from __future__ import annotations

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.personen.tests.test_brp import personen  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

SLEUTEL = "proef-sleutel"


@pytest.fixture
def proef(settings):
    settings.ROOT_URLCONF = "verzuim.personen.tests.urls_brp"
    settings.BRP_API_KEY = SLEUTEL
    settings.DEMO = True


def vraag(client, bsns, sleutel=SLEUTEL, fields=("naam", "geboorte")):
    return client.post(
        "/brp-proef/personen",
        {"type": "RaadpleegMetBurgerservicenummer", "fields": list(fields),
         "burgerservicenummer": bsns},
        content_type="application/json",
        headers={"X-API-Key": sleutel},
    )  # fmt: skip


def test_reads_are_audited_naming_each_person(client, proef, personen):  # noqa: F811
    response = vraag(client, personen[:2])
    assert response.status_code == 200
    # only the fields asked come back (doelbinding), the audit knows whom they were about
    assert len(response.json()["personen"]) == 2
    assert all("burgerservicenummer" not in p for p in response.json()["personen"])
    # one record for the request, naming each person read (R-PR-1)
    r = AuditRecord.objects.get(actie="brp.raadplegen", actor_label="brp-proef")
    assert {p.persoon for p in r.personen.all()} == set(personen[:2])
    for bsn in personen[:2]:
        assert list(AuditRecord.objects.over_persoon(bsn)) == [r]
    assert r.actor is None and r.doel == "brp-proef"
    assert r.details == {"fields": ["naam", "geboorte"], "aantalPersonen": 2}
    assert r.herkomst == "127.0.0.1"


@pytest.mark.parametrize("sleutel", ["", "fout", "proef-sleutek", "proef-sleutel-", "sleutel-é"])
def test_wrong_key_is_401_and_reads_nothing(client, proef, personen, sleutel):  # noqa: F811
    response = vraag(client, personen[:1], sleutel=sleutel)
    assert response.status_code == 401
    assert not AuditRecord.objects.filter(actie="brp.raadplegen").exists()


def test_not_found_person_is_not_recorded_as_read(client, proef, personen):  # noqa: F811
    response = vraag(client, ["999990068"])
    assert response.status_code == 200 and response.json()["personen"] == []
    assert not AuditRecord.objects.filter(actie="brp.raadplegen").exists()
