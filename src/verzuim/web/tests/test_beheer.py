"""Admin for registerbeheer at /beheer/ (issue 2 items 4 and 10): only registerbeheerders and
superusers get in; reference tables show source and year; the audit log is read-only (R-PR-1)."""

import pytest
from django.urls import reverse

from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit import services as audit
from verzuim.audit.context import SYSTEEM
from verzuim.organisaties.models import Gemeente, RmcRegio

pytestmark = pytest.mark.django_db

BEHEER_PAGINAS = [
    "admin:organisaties_gemeente_changelist",
    "admin:organisaties_rmcregio_changelist",
    "admin:organisaties_referentiebron_changelist",
    "admin:organisaties_schoolvakantie_changelist",
    "admin:organisaties_organisatie_changelist",
    "admin:organisaties_vestiging_changelist",
    "admin:organisaties_routering_changelist",
    "admin:accounts_gebruiker_changelist",
    "admin:accounts_apiapplicatie_changelist",
    "admin:accounts_apitoken_changelist",
]


@pytest.fixture
def beheerder(client):
    user = GebruikerFactory(rollen=["registerbeheerder"], organisatie=None)
    inloggen(client, user)
    return user


@pytest.fixture
def superuser(client):
    user = GebruikerFactory(rollen=[], is_superuser=True, is_staff=True)
    inloggen(client, user)
    return user


@pytest.mark.parametrize("naam", BEHEER_PAGINAS)
def test_registerbeheerder_sees_admin_pages(client, beheerder, naam):
    assert client.get(reverse(naam)).status_code == 200


def test_reference_tables_show_source_and_year(client, beheerder):
    html = client.get(reverse("admin:organisaties_gemeente_changelist")).content.decode()
    assert "gemeenten-2025.csv (2025" in html
    html = client.get(reverse("admin:organisaties_referentiebron_changelist")).content.decode()
    assert "scholen-po.csv" not in html or "DUO" in html
    assert "gemeenten-2025.csv" in html and "schoolvakanties.csv" in html


def test_rmc_admin_shows_cbs_code_and_provisional_contactgemeente(client, beheerder):
    html = client.get(reverse("admin:organisaties_rmcregio_changelist")).content.decode()
    assert "MC21" in html and "Agglomeratie Amsterdam" in html
    assert "contactgemeente voorlopig" in html


def test_choosing_contactgemeente_in_admin_clears_provisional_flag(client, beheerder):
    regio = RmcRegio.objects.get(nummer="21")
    zaanstad = Gemeente.objects.get(code="GM0479")
    url = reverse("admin:organisaties_rmcregio_change", args=[regio.pk])
    form = {
        "naam": regio.naam,
        "contactgemeente": zaanstad.pk,
        "contactgemeente_voorlopig": "on",
        "gemeenten-TOTAL_FORMS": "0",
        "gemeenten-INITIAL_FORMS": "0",
    }
    resp = client.post(url, form)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    regio.refresh_from_db()
    assert regio.contactgemeente == zaanstad and not regio.contactgemeente_voorlopig


@pytest.mark.parametrize(
    "rollen", [["leerplichtambtenaar"], ["privacy-officer"], ["beleidsmedewerker"]]
)
def test_other_roles_get_no_admin(client, rollen):
    inloggen(client, GebruikerFactory(rollen=rollen, is_staff=True))
    assert client.get("/beheer/").status_code == 403
    assert client.get(reverse("admin:organisaties_gemeente_changelist")).status_code == 403


def test_anonymous_admin_goes_to_application_login(client):
    resp = client.get("/beheer/")
    assert resp.status_code == 302
    assert client.get(resp.url).url.startswith(reverse("accounts:login"))


def test_superuser_gets_in(client, superuser):
    assert client.get("/beheer/").status_code == 200


def test_audit_admin_is_read_only_even_for_superuser(client, superuser):
    record = audit.log(SYSTEEM, "test.actie", persoon="999990019")
    assert client.get(reverse("admin:audit_auditrecord_changelist")).status_code == 200
    change = reverse("admin:audit_auditrecord_change", args=[record.pk])
    assert client.get(change).status_code == 200  # view only
    assert client.post(change, {"actie": "gewijzigd"}).status_code == 403
    assert client.get(reverse("admin:audit_auditrecord_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:audit_auditrecord_delete", args=[record.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    record.refresh_from_db()
    assert record.actie == "test.actie"


def test_registerbeheerder_cannot_read_audit_in_admin(client, beheerder):
    assert client.get(reverse("admin:audit_auditrecord_changelist")).status_code == 403


def test_person_tables_in_admin_are_audited(client, beheerder):
    """R-PR-1: reading person data in the admin is logged like any other read."""
    from verzuim.audit.models import AuditRecord
    from verzuim.personen.models import Leerling

    leerling = Leerling.objects.create(burgerservicenummer="999990019")
    assert client.get(reverse("admin:personen_leerling_changelist")).status_code == 200
    assert (
        AuditRecord.objects.filter(
            actie="beheer.leerling.lezen", persoon="999990019", actor=beheerder
        ).count()
        == 1
    )
    assert (
        client.get(reverse("admin:personen_leerling_change", args=[leerling.pk])).status_code == 200
    )
    assert (
        AuditRecord.objects.filter(actie="beheer.leerling.lezen", persoon="999990019").count() == 2
    )
