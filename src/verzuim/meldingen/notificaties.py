"""Notifications to the receiving party (R-RT-4): the in-app entry is written in the intake
transaction; the e-mail goes through django-tasks and is sent only after commit (see
`plan_email`), so a slow mail server never slows the intake. The e-mail holds no person
data, only a link.

Run the worker next to the web server: `python manage.py db_worker` (django_tasks_db; use
`--batch` from cron to drain the queue and exit).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from verzuim import clock
from verzuim.accounts.models import Rol

ONDERWERP = {
    "nieuw": "Nieuwe verzuimmelding in het Verzuimregister",
    "doorgestuurd": "Doorgestuurde verzuimmelding in het Verzuimregister",
}
TEKST = (
    "Er staat een {wat} verzuimmelding voor {organisatie} klaar in het Verzuimregister.\n\n"
    "Bekijk de melding (na inloggen): {url}\n\n"
    "Dit bericht bevat bewust geen persoonsgegevens.\n"
)


def melding_url(melding) -> str:
    """The melding's page in the leerplicht inbox, as the URLconf serves it."""
    return settings.BASE_URL.rstrip("/") + reverse("meldingen:detail", args=[melding.uuid])


def adressen(organisatie) -> list[str]:
    """The organisation's notification address and its leerplichtambtenaren (and RMC
    trajectbegeleiders), without duplicates."""
    uit = [organisatie.email] if organisatie.email else []
    rollen = {Rol.LEERPLICHTAMBTENAAR, Rol.RMC_TRAJECTBEGELEIDER}
    for email, gebruiker_rollen in (
        organisatie.gebruikers.filter(is_active=True)
        .exclude(email="")
        .values_list("email", "rollen")
    ):
        if rollen.intersection(gebruiker_rollen or []) and email not in uit:
            uit.append(email)
    return uit


def plan_email(notificatie_id: int) -> None:
    """Queue the e-mail so it goes only after the intake committed.

    With the database task backend the task row is written in the intake's own transaction
    (a transactional outbox: it exists exactly when the melding does, one commit, and the
    worker cannot see it before commit). Any other backend is called in on_commit.
    """
    from django.db import transaction
    from django_tasks_db import DatabaseBackend

    if isinstance(verstuur_email.get_backend(), DatabaseBackend):
        verstuur_email.enqueue(notificatie_id)
    else:
        transaction.on_commit(lambda: verstuur_email.enqueue(notificatie_id))


@task()
def verstuur_email(notificatie_id: int) -> int:
    """Send the e-mail of one Notificatie; returns the number of recipients."""
    from verzuim.meldingen.models import Notificatie

    n = (
        Notificatie.objects.select_related("organisatie", "melding")
        .filter(pk=notificatie_id, email_verzonden__isnull=True)
        .first()
    )
    if n is None:
        return 0
    ontvangers = adressen(n.organisatie)
    if ontvangers:
        send_mail(
            ONDERWERP.get(n.soort, ONDERWERP["nieuw"]),
            TEKST.format(
                wat="nieuwe" if n.soort == "nieuw" else "doorgestuurde",
                organisatie=n.organisatie.naam,
                url=melding_url(n.melding),
            ),
            settings.DEFAULT_FROM_EMAIL,
            ontvangers,
        )
    Notificatie.objects.filter(pk=n.pk).update(email_verzonden=clock.now())
    return len(ontvangers)
