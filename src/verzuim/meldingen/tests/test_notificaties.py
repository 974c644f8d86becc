"""R-RT-4: in-app entry and e-mail after commit, without person data."""

from __future__ import annotations

from django.core import mail

from verzuim.accounts.testing import inloggen
from verzuim.audit.models import AuditRecord
from verzuim.meldingen import queries, services
from verzuim.meldingen.models import Notificatie

from .conftest import HAARLEM, melding_data


def test_email_pas_na_commit_zonder_persoonsgegevens(
    wereld, django_capture_on_commit_callbacks, client, settings
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        m = services.meld_verzuim(wereld.school_a, melding_data()).melding
        assert Notificatie.objects.filter(melding=m, organisatie__code="GM0392").exists()
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()  # the commit
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert set(bericht.to) == {"leerplicht@haarlem.example", "lpa@haarlem.example"}
    tekst = bericht.subject + bericht.body
    assert str(m.uuid) in tekst
    # The link opens the melding for the receiving leerplichtambtenaar.
    link = next(w for w in bericht.body.split() if w.startswith(settings.BASE_URL))
    inloggen(client, wereld.users["lpa.haarlem"])
    assert client.get(link.removeprefix(settings.BASE_URL.rstrip("/"))).status_code == 200
    for verboden in (HAARLEM, "Persoon007", "2012-05-02", m.leerling.identificatie):
        assert verboden not in tekst
    assert Notificatie.objects.get(melding=m).email_verzonden is not None


def test_inbox_badge(wereld, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.meld_verzuim(wereld.school_a, melding_data())
    assert queries.aantal_ongelezen(wereld.lpa_haarlem) == 1
    n = queries.notificaties_voor(wereld.lpa_haarlem).get()
    services.markeer_gelezen(wereld.lpa_haarlem, n.pk)
    assert queries.aantal_ongelezen(wereld.lpa_haarlem) == 0
    rec = AuditRecord.objects.get(actie="notificatie.gelezen")
    assert (rec.actor_label, rec.object_type, rec.object_id, rec.persoon) == (
        "lpa.haarlem",
        "melding",
        str(n.melding.uuid),
        "",
    )
    assert queries.aantal_ongelezen(wereld.haarlem) == 1  # org-wide still unread
    assert queries.aantal_ongelezen(wereld.amsterdam) == 0


def test_database_backend_schrijft_de_taak_in_dezelfde_transactie(
    wereld, settings, django_capture_on_commit_callbacks
):
    """Transactional outbox: with the database task backend the e-mail task row is part of the
    intake's own commit (no on_commit callback, nothing queued for a rolled-back melding)."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "verzuim.taken.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.meld_verzuim(wereld.school_a, melding_data())
        assert DBTaskResult.objects.filter(task_path__endswith="verstuur_email").count() == 1
    assert callbacks == [] and mail.outbox == []


def test_badge_telt_alleen_meldingen_waar_nog_iets_te_doen_is(wereld):
    """A notification of a melding that was closed, withdrawn or forwarded elsewhere no
    longer counts as unread (docs/decisions.md); one of an open melding still does."""
    afgesloten = services.meld_verzuim(wereld.school_a, melding_data()).melding
    doorgestuurd = services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-06-01", einddatum="2026-06-12", verzuimdagen=[]),
    ).melding
    ingetrokken = services.meld_verzuim(
        wereld.school_a,
        melding_data(begindatum="2026-05-04", einddatum="2026-05-15", verzuimdagen=[]),
    ).melding
    assert queries.aantal_ongelezen(wereld.lpa_haarlem) == 3
    services.wijzig_status(
        wereld.lpa_haarlem, afgesloten.uuid, "afgesloten", reden="verzuim-gestopt"
    )
    services.stuur_door(wereld.lpa_haarlem, doorgestuurd.uuid, "GM0599", "Woont bij vader.")
    services.trek_in(wereld.school_a, ingetrokken.uuid, "F")
    assert queries.aantal_ongelezen(wereld.lpa_haarlem) == 0
    assert queries.aantal_ongelezen(wereld.rotterdam) == 1  # the forwarded one, now there
