"""Audit log (issue 2 item 9, R-PR-1): the privacy officer searches it; nobody can change or
delete a record through the application; searching is itself audited."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from verzuim import clock
from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit import services
from verzuim.audit.context import SYSTEEM, Actor
from verzuim.audit.models import AuditRecord

pytestmark = pytest.mark.django_db
URL = "/auditlog/"
BSN = "999990019"
ONGELDIG_BSN = "123456789"  # fails the 11-proef


@pytest.fixture
def privacy_officer(client):
    return inloggen(
        client, GebruikerFactory(username="po", rollen=["privacy-officer"], organisatie=None)
    )


def record(actie="persoon.lezen", persoon="", tijd=None, organisatie="GM0363", label="lpa1"):
    actor = Actor(label=label, organisatie=None)
    r = services.log(actor, actie, persoon=persoon, doel="verzuimmelding")
    if tijd or organisatie:
        # Back-date or re-attribute the fixture row the only way there is: a raw UPDATE in SQL,
        # the same thing an attacker with database access could do, not the application.
        from django.db import connection

        with connection.cursor() as c:
            c.execute(
                "UPDATE audit_auditrecord SET tijdstip = %s, organisatie = %s WHERE id = %s",
                [tijd or r.tijdstip, organisatie, r.pk],
            )
    return r


def zoek(client, **filters):
    return client.post(URL, {"pagina": 1, **filters})


def test_nav_shows_auditlog_for_privacy_officer(client, privacy_officer):
    html = client.get("/").content.decode()
    assert 'href="/auditlog/"' in html and "Auditlog" in html


@pytest.mark.parametrize(
    "rollen",
    [["leerplichtambtenaar"], ["registerbeheerder"], ["schoolmedewerker"], ["beleidsmedewerker"]],
)
def test_other_roles_get_403(client, rollen):
    inloggen(client, GebruikerFactory(rollen=rollen))
    resp = client.get(URL)
    assert resp.status_code == 403
    assert "Geen toegang" in resp.content.decode()
    assert zoek(client, persoon=BSN).status_code == 403


def test_anonymous_goes_to_login(client):
    assert client.get(URL).url.startswith(reverse("accounts:login"))


def test_search_by_person_is_post_only_and_filters(client, privacy_officer):
    record(persoon=BSN)
    record(persoon="111222333")
    resp = zoek(client, persoon=BSN)
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "1 record" in html and BSN in html and "111222333" not in html
    # The BSN is never in a URL: the form posts, and GET ignores query parameters.
    assert 'method="post"' in html
    assert "111222333" in client.get(URL + f"?persoon={BSN}").content.decode()


def test_invalid_bsn_gives_dutch_error_next_to_field(client, privacy_officer):
    html = zoek(client, persoon=ONGELDIG_BSN).content.decode()
    assert "Dit is geen geldig BSN of onderwijsnummer." in html
    assert 'aria-invalid="true"' in html


def test_filters_actor_organisatie_actie(client, privacy_officer):
    record(actie="persoon.lezen", label="lpa-amsterdam", organisatie="GM0363")
    record(actie="melding.aanmaken", label="school-a", organisatie="99XA")
    html = zoek(client, actor="amsterdam").content.decode()
    assert "lpa-amsterdam" in html and "school-a" not in html
    html = zoek(client, organisatie="99xa").content.decode()
    assert "school-a" in html and "lpa-amsterdam" not in html
    html = zoek(client, actie="melding.").content.decode()
    assert "melding.aanmaken" in html and "persoon.lezen</code>" not in html


def test_the_privacy_officer_of_an_organisation_sees_its_own_records_only(client):
    """R-PR-1: a gemeente's privacy officer searches its own processing, not another
    organisation's; the filter on organisatie cannot widen that."""
    from verzuim.organisaties.models import Organisatie

    haarlem = Organisatie.objects.get(code="GM0392")
    inloggen(client, GebruikerFactory(rollen=["privacy-officer"], organisatie=haarlem))
    record(actie="persoon.lezen", label="lpa-haarlem", organisatie="GM0392")
    record(actie="persoon.lezen", label="lpa-amsterdam", organisatie="GM0363")
    html = zoek(client).content.decode()
    assert "lpa-haarlem" in html and "lpa-amsterdam" not in html
    html = zoek(client, organisatie="GM0363").content.decode()
    assert "lpa-amsterdam" not in html and "0 records" in html
    from verzuim.web.nav import _audit_vandaag

    # The start page's count: Haarlem's record and its privacy officer's two searches.
    eigen = GebruikerFactory(rollen=["privacy-officer"], organisatie=haarlem)
    assert _audit_vandaag(eigen) == 3 == AuditRecord.objects.count() - 1


def test_date_range_in_dutch_dates(client, privacy_officer):
    record(actie="oud.lezen", tijd=datetime(2026, 1, 10, 12, tzinfo=UTC))
    record(actie="nieuw.lezen", tijd=datetime(2026, 3, 5, 12, tzinfo=UTC))
    html = zoek(client, van="01-03-2026", tot="31-03-2026").content.decode()
    assert "nieuw.lezen" in html and "oud.lezen" not in html
    assert "05-03-2026 13:00" in html  # dd-mm-jjjj, Amsterdam time
    html = zoek(client, van="2026-03-01").content.decode()
    assert "Vul een datum in als dd-mm-jjjj" in html
    html = zoek(client, van="31-03-2026", tot="01-03-2026").content.decode()
    assert "De einddatum ligt vóór de begindatum." in html


def test_pagination(client, privacy_officer):
    AuditRecord.objects.bulk_create(
        [
            AuditRecord(
                tijdstip=clock.now(), actor_label="bulk", actie="persoon.lezen", persoon=BSN
            )
            for _ in range(120)
        ]
    )
    html = zoek(client, actor="bulk").content.decode()
    assert "120 records, pagina 1 van 3" in html and "Volgende pagina" in html
    html = client.post(URL, {"actor": "bulk", "pagina": 3}).content.decode()
    assert "pagina 3 van 3" in html and "Vorige pagina" in html


def test_searching_is_itself_audited(client, privacy_officer):
    zoek(client, persoon=BSN, actie="persoon.")
    r = AuditRecord.objects.get(actie="auditlog.zoeken")
    assert r.actor == privacy_officer and r.persoon == BSN and r.doel == "privacytoezicht"
    assert r.details["filters"] == {"actie": "persoon."}
    assert r.request_id


def test_records_cannot_be_changed_or_deleted_by_the_model():
    r = services.log(SYSTEEM, "persoon.lezen", persoon=BSN, doel="verzuimmelding")
    r.actie = "iets anders"
    with pytest.raises(PermissionError):
        r.save()
    with pytest.raises(PermissionError):
        r.delete()
    with pytest.raises(PermissionError):
        AuditRecord.objects.filter(pk=r.pk).update(actie="x")
    with pytest.raises(PermissionError):
        AuditRecord.objects.filter(pk=r.pk).delete()
    assert AuditRecord.objects.get(pk=r.pk).actie == "persoon.lezen"


def test_no_url_changes_or_deletes_records(client, privacy_officer):
    """The only audit page answers GET/POST with a search; other methods are refused, and no
    URL pattern of the application routes to a change or delete of an AuditRecord."""
    from django.urls import get_resolver

    r = services.log(SYSTEEM, "persoon.lezen", persoon=BSN, doel="verzuimmelding")
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(URL).status_code == 405
    zoek(client, actie="x")
    assert AuditRecord.objects.get(pk=r.pk).actie == "persoon.lezen"

    def patronen(resolver, prefix=""):
        for p in resolver.url_patterns:
            if hasattr(p, "url_patterns"):
                yield from patronen(p, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern), p.callback

    schrijvend = [
        pad
        for pad, cb in patronen(get_resolver())
        if "auditrecord" in pad and any(w in pad for w in ("change", "delete", "add"))
    ]
    # The admin registers these paths, but refuses them for everyone (test_beheer proves it).
    assert all(pad.startswith("beheer/") for pad in schrijvend)


# --- issue 13 item 4 ---------------------------------------------------------------------------


def _zichtbaar(html: str) -> str:
    """The text a person reads: no tags, attributes, scripts or comments."""
    import re

    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_zoekopdracht_zonder_resultaten_zegt_dat(client, privacy_officer):
    record(actie="melding.lezen", label="lpa1")
    html = zoek(client, actor="niemand-die-bestaat").content.decode()
    assert "0 records" in html
    assert "Geen resultaten" in _zichtbaar(html)


def test_acties_staan_er_in_het_nederlands(client, privacy_officer):
    record(actie="melding.lijst")
    record(actie="routering.aanmaken")
    tekst = _zichtbaar(zoek(client).content.decode())
    assert "Meldingenlijst bekeken" in tekst and "Routering aangemaakt" in tekst
    assert "melding.lijst" not in tekst and "routering.aanmaken" not in tekst


def test_een_lijst_is_een_record_dat_iedere_persoon_noemt(client, privacy_officer):
    actor = Actor(label="lpa1", organisatie=None)
    services.log_many(actor, "melding.lijst", [BSN, "111222333", BSN], doel="verzuimmelding")
    (lijst,) = AuditRecord.objects.filter(actie="melding.lijst")
    assert sorted(p.persoon for p in lijst.personen.all()) == ["111222333", BSN]
    # the person's trail finds the page that showed them among others
    html = zoek(client, persoon=BSN).content.decode()
    assert "Meldingenlijst bekeken" in _zichtbaar(html) and "2 personen" in html
    # and the rows naming the persons are as append-only as the record
    from verzuim.audit.models import AuditPersoon

    with pytest.raises(PermissionError):
        AuditPersoon.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditPersoon.objects.update(persoon="x")
    with pytest.raises(PermissionError):
        lijst.personen.first().delete()
