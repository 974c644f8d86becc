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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q:
        html = client.get(reverse("admin:organisaties_rmcregio_changelist")).content.decode()
    assert "MC21" in html and "Agglomeratie Amsterdam" in html
    assert "contactgemeente voorlopig" in html
    # 40 regio's with their number of gemeenten, without a COUNT per row.
    assert len(q.captured_queries) < 20, len(q.captured_queries)


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
    # The menu follows the admin site's own rule (accounts.backends.mag_beheren).
    from verzuim.web import nav

    assert "Beheer" in [i["label"] for i in nav.menu_voor(superuser, "/")]
    gewoon = GebruikerFactory(rollen=["beleidsmedewerker"], is_staff=True)
    assert "Beheer" not in [i["label"] for i in nav.menu_voor(gewoon, "/")]


def test_audit_admin_is_read_only_even_for_superuser(client, superuser):
    record = audit.log(SYSTEEM, "test.actie", persoon="999990019", doel="verzuimmelding")
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


PERSONEN_PADEN = [
    "/beheer/personen/",
    "/beheer/personen/leerling/",
    "/beheer/personen/brppersoon/",
    "/beheer/personen/inschrijving/",
    "/beheer/personen/diploma/",
    "/beheer/personen/vrijstelling/",
]


@pytest.mark.parametrize("pad", PERSONEN_PADEN)
def test_person_tables_are_not_in_the_admin(client, beheerder, pad):
    """R-PR-1 need to know: the registerbeheerder has no access to person data
    (personen.queries gives the role none); person data comes through the BRP adapter, the API
    and scenario files, whose services audit and apply R-RT-7."""
    assert client.get(pad).status_code == 404


def test_no_personen_model_registered_and_no_permission(beheerder):
    from django.apps import apps
    from django.contrib import admin

    personen = set(apps.get_app_config("personen").get_models())
    assert not personen & set(admin.site._registry)
    beheerder.refresh_from_db()
    assert not beheerder.has_module_perms("personen")
    assert not beheerder.has_perm("personen.view_leerling")
    assert not beheerder.has_perm("personen.change_vrijstelling")
    assert "personen" not in client_index_apps(beheerder)


def client_index_apps(user) -> set[str]:
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/beheer/")
    request.user = user
    return {a["app_label"] for a in admin.site.get_app_list(request)}


BSN_VELDEN = ("burgerservicenummer", "onderwijsnummer", "persoon", "bsn")


def test_no_admin_search_puts_a_bsn_in_the_url():
    """A changelist search is a GET (?q=…): a BSN would land in URLs, logs and history."""
    from django.contrib import admin

    for model, model_admin in admin.site._registry.items():
        for veld in model_admin.search_fields:
            assert not any(b in veld for b in BSN_VELDEN), (model, veld)


# --- users and API applications: no escalation, audited changes (R-PR-1) ----------------


def _gebruiker_form(user, **wijziging):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "organisatie": user.organisatie_id or "",
        "rollen": list(user.rollen),
        "is_active": "on",
    }
    data.update(wijziging)
    return {k: v for k, v in data.items() if v is not None}


def test_registerbeheerder_cannot_make_a_superuser_or_staff(client, beheerder):
    from django.contrib.auth.models import Permission

    doel = GebruikerFactory(rollen=["leerplichtambtenaar"])
    url = reverse("admin:accounts_gebruiker_change", args=[doel.pk])
    html = client.get(url).content.decode()
    for veld in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{veld}"' not in html, veld
    perm = Permission.objects.get(codename="view_auditrecord")
    resp = client.post(
        url,
        _gebruiker_form(doel, is_superuser="on", is_staff="on", user_permissions=[perm.pk]),
    )
    assert resp.status_code == 302, resp.content.decode()[:3000]
    doel.refresh_from_db()
    assert not doel.is_superuser and not doel.is_staff
    assert not doel.user_permissions.exists()


def test_registerbeheerder_cannot_change_a_superuser(client, beheerder):
    su = GebruikerFactory(rollen=[], is_superuser=True, is_staff=True)
    url = reverse("admin:accounts_gebruiker_change", args=[su.pk])
    assert client.post(url, _gebruiker_form(su, is_active=None)).status_code == 403
    wachtwoord = reverse("admin:auth_user_password_change", args=[su.pk])
    assert (
        client.post(wachtwoord, {"password1": "x" * 20, "password2": "x" * 20}).status_code == 403
    )
    su.refresh_from_db()
    assert su.is_active


def test_superuser_may_set_superuser(client, superuser):
    doel = GebruikerFactory(rollen=[])
    url = reverse("admin:accounts_gebruiker_change", args=[doel.pk])
    assert 'name="is_superuser"' in client.get(url).content.decode()
    assert client.post(url, _gebruiker_form(doel, is_superuser="on")).status_code == 302
    doel.refresh_from_db()
    assert doel.is_superuser


def test_user_changes_in_admin_are_audited(client, beheerder):
    from verzuim.audit.models import AuditRecord
    from verzuim.organisaties.models import Organisatie

    doel = GebruikerFactory(rollen=["administratief-medewerker"])
    andere = Organisatie.objects.exclude(pk=doel.organisatie_id).filter(soort="gemeente").first()
    url = reverse("admin:accounts_gebruiker_change", args=[doel.pk])
    resp = client.post(
        url, _gebruiker_form(doel, rollen=["leerplichtambtenaar"], organisatie=andere.pk)
    )
    assert resp.status_code == 302, resp.content.decode()[:3000]
    record = AuditRecord.objects.get(actie="gebruiker.wijzigen", object_id=str(doel.pk))
    assert record.actor == beheerder
    assert set(record.details["velden"]) == {"organisatie", "rollen"}
    assert record.details["rollen"] == ["leerplichtambtenaar"]
    assert record.details["voor"]["rollen"] == ["administratief-medewerker"]
    assert record.details["organisatie"] == andere.code


def test_password_change_in_admin_is_audited(client, beheerder):
    from verzuim.audit.models import AuditRecord

    doel = GebruikerFactory(rollen=["leerplichtambtenaar"])
    url = reverse("admin:auth_user_password_change", args=[doel.pk])
    nieuw = "een-lang-nieuw-wachtwoord-42"
    resp = client.post(url, {"password1": nieuw, "password2": nieuw, "set_usable_password": "true"})
    assert resp.status_code == 302
    record = AuditRecord.objects.get(actie="gebruiker.wachtwoord-wijzigen")
    assert record.object_id == str(doel.pk) and record.actor == beheerder
    assert nieuw not in str(record.details)


def test_user_admin_has_no_bulk_actions(client, beheerder):
    doel = GebruikerFactory(rollen=["leerplichtambtenaar"])
    url = reverse("admin:accounts_gebruiker_changelist")
    assert 'name="action"' not in client.get(url).content.decode()
    client.post(url, {"action": "delete_selected", "_selected_action": [doel.pk], "post": "yes"})
    assert type(doel).objects.filter(pk=doel.pk).exists()


def test_user_delete_in_admin_is_audited(client, beheerder):
    from verzuim.audit.models import AuditRecord

    doel = GebruikerFactory(rollen=["leerplichtambtenaar"])
    url = reverse("admin:accounts_gebruiker_delete", args=[doel.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    record = AuditRecord.objects.get(actie="gebruiker.verwijderen")
    assert record.object_id == str(doel.pk) and record.details["username"] == doel.username


def test_api_application_and_token_changes_are_audited(client, beheerder):
    from verzuim.accounts import services
    from verzuim.accounts.models import ApiToken
    from verzuim.audit.context import actor_for_user
    from verzuim.audit.models import AuditRecord

    app, _ = services.maak_token(actor_for_user(beheerder), "GM0363", ["meldingen.lezen"])
    url = reverse("admin:accounts_apiapplicatie_change", args=[app.pk])
    token = app.tokens.get()
    resp = client.post(
        url,
        {
            "naam": app.naam,
            "organisatie": app.organisatie_id,
            "scopes": ["meldingen.lezen", "signalen.lezen"],
            "actief": "on",
            "tokens-TOTAL_FORMS": "1",
            "tokens-INITIAL_FORMS": "1",
            "tokens-MIN_NUM_FORMS": "0",
            "tokens-MAX_NUM_FORMS": "1000",
            "tokens-0-id": token.pk,
            "tokens-0-applicatie": app.pk,
        },
    )
    assert resp.status_code == 302, resp.content.decode()[:3000]
    record = AuditRecord.objects.get(actie="api-applicatie.wijzigen")
    assert record.details["velden"] == ["scopes"]
    assert record.details["scopes"] == ["meldingen.lezen", "signalen.lezen"]
    assert record.details["voor"]["scopes"] == ["meldingen.lezen"]

    url = reverse("admin:accounts_apitoken_change", args=[token.pk])
    resp = client.post(url, {"ingetrokken_0": "15-09-2026", "ingetrokken_1": "10:00:00"})
    assert resp.status_code == 302, resp.content.decode()[:3000]
    assert ApiToken.objects.get(pk=token.pk).ingetrokken is not None
    record = AuditRecord.objects.get(actie="api-token.intrekken")
    assert record.details["prefix"] == token.prefix
    # no bulk delete and no delete of applications or tokens: revoke/deactivate instead
    changelist = client.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    assert 'name="action"' not in changelist
    delete = reverse("admin:accounts_apitoken_delete", args=[token.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403


# --- two-factor reset (TOTP keys never shown) -----------------------------------------------


def test_totp_keys_are_not_in_the_admin(client, beheerder):
    from django.contrib import admin
    from django_otp.plugins.otp_totp.models import TOTPDevice

    assert not admin.site.is_registered(TOTPDevice)
    assert client.get("/beheer/otp_totp/totpdevice/").status_code == 404


def test_registerbeheerder_resets_second_factor_audited(client, beheerder):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from verzuim.audit.models import AuditRecord

    doel = GebruikerFactory(rollen=["leerplichtambtenaar"])
    TOTPDevice.objects.create(user=doel, name="telefoon", confirmed=True)
    url = reverse("admin:accounts_gebruiker_change", args=[doel.pk])
    assert client.post(url, _gebruiker_form(doel)).status_code == 302
    assert TOTPDevice.objects.filter(user=doel).exists(), "only when asked"
    assert client.post(url, _gebruiker_form(doel, tweefactor_herstellen="on")).status_code == 302
    assert not TOTPDevice.objects.filter(user=doel).exists()
    record = AuditRecord.objects.get(actie="2fa.hersteld")
    assert record.actor_id == beheerder.pk and record.object_id == str(doel.pk)


def test_beheer_changes_are_audited_also_bulk_delete(client, beheerder):
    """R-PR-1: every change in the admin — add, change, and the bulk delete action, which
    bypasses delete_model — writes an audit record with the registerbeheerder as actor."""
    from verzuim.audit.models import AuditRecord
    from verzuim.organisaties.models import Organisatie, Routering

    haarlem, zandvoort = Gemeente.objects.get(code="GM0392"), Gemeente.objects.get(code="GM0473")
    dienst = Organisatie.objects.create(
        code="PROEF-LD", naam="Proefdienst", soort="leerplichtdienst"
    )
    resp = client.post(
        reverse("admin:organisaties_routering_add"),
        {"gemeente": haarlem.pk, "doelgroep": "leerplichtig", "naar": dienst.pk},
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    tweede = Routering.objects.create(gemeente=zandvoort, doelgroep="leerplichtig", naar=dienst)
    aangemaakt = AuditRecord.objects.get(actie="routering.aanmaken")
    assert aangemaakt.actor == beheerder and aangemaakt.doel == "registerbeheer"
    assert set(aangemaakt.details["velden"]) == {"gemeente", "doelgroep", "naar"}

    ander = Organisatie.objects.create(code="PROEF-L2", naam="Tweede", soort="leerplichtdienst")
    resp = client.post(
        reverse("admin:organisaties_routering_change", args=[tweede.pk]),
        {"gemeente": zandvoort.pk, "doelgroep": "leerplichtig", "naar": ander.pk},
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    gewijzigd = AuditRecord.objects.get(actie="routering.wijzigen")
    assert gewijzigd.object_id == str(tweede.pk) and gewijzigd.details["velden"] == ["naar"]
    Routering.objects.filter(pk=tweede.pk).update(naar=dienst)  # both back for the bulk delete

    ids = list(Routering.objects.filter(naar=dienst).values_list("pk", flat=True))
    resp = client.post(
        reverse("admin:organisaties_routering_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert resp.status_code == 302
    assert not Routering.objects.filter(naar=dienst).exists()
    verwijderd = AuditRecord.objects.filter(actie="routering.verwijderen")
    assert sorted(verwijderd.values_list("object_id", flat=True)) == sorted(map(str, ids))
    assert str(tweede.pk) in verwijderd.values_list("object_id", flat=True)
    assert all(r.actor == beheerder for r in verwijderd)
