"""Verzuimmeldingen (domain.md §6-7): the melding a school reports, its routing, status
history (R-RT-6), forwarding chain (R-RT-5) and the in-app inbox (R-RT-4)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from verzuim.meldingen.codes import OPEN_STATUSSEN, Status, Verzuimsoort
from verzuim.organisaties.models import Gemeente, Organisatie, Vestiging
from verzuim.personen.models import Leerling


class Melding(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # leerling, instelling and ontvanger lead the composite indexes in Meta, which serve
    # their joins as well: no separate index to maintain on every insert.
    leerling = models.ForeignKey(
        Leerling, on_delete=models.PROTECT, related_name="meldingen", db_index=False
    )
    vestiging = models.ForeignKey(Vestiging, on_delete=models.PROTECT, related_name="meldingen")
    instelling = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="gemelde_meldingen", db_index=False
    )
    verzuimsoort = models.CharField(max_length=12, choices=Verzuimsoort.choices)
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    verzuimde_uren = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    te_laat_keren = models.PositiveIntegerField(null=True, blank=True)
    verzuimdagen = models.JSONField(default=list, blank=True)  # [{"datum", "uren"?, "heleDag"?}]
    vermoedelijke_reden = models.TextField(blank=True)
    ondernomen_actie = models.TextField(blank=True)
    gewenste_actie = models.TextField(blank=True)
    contactpersoon = models.JSONField(default=dict, blank=True)
    # Address the school gave for a pupil without BRP address (R-ME-1, R-RT-3).
    opgegeven_adres = models.JSONField(default=dict, blank=True)

    ontvangen = models.DateTimeField(db_index=True)
    ontvanger = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="ontvangen_meldingen", db_index=False
    )
    verantwoordelijke_gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="meldingen"
    )
    doelgroep = models.CharField(max_length=24, blank=True)
    # Why it went there (R-RT-1..3): [{"regel": "R-RT-1", "uitleg": "..."}]
    routering_uitleg = models.JSONField(default=list, blank=True)
    woonplaats_onbekend = models.BooleanField(default=False)
    vervolg_op = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="vervolgmeldingen"
    )
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.GEREGISTREERD)
    status_gewijzigd = models.DateTimeField()
    te_laat = models.BooleanField(default=False)  # R-ME-4
    uiterste_meldingsdatum = models.DateField(null=True, blank=True)  # R-ME-4
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meldingen_in_behandeling",
    )
    # R-ME-6: hash of pupil, school, soort and period; cleared when the melding is withdrawn
    # so a corrected report can follow. Unique, so concurrent duplicates cannot both land.
    duplicaatsleutel = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        verbose_name_plural = "meldingen"
        ordering = ["-ontvangen", "-id"]
        indexes = [
            models.Index(fields=["ontvanger", "status", "-ontvangen"]),
            models.Index(fields=["instelling", "-ontvangen"]),
            models.Index(fields=["leerling", "instelling", "verzuimsoort"]),
        ]

    def __str__(self) -> str:
        return self.meldingsnummer

    @property
    def meldingsnummer(self) -> str:
        """R-ME-5: "VM-2026-000123", the year received (Dutch time) and the row id. Derived,
        not stored: unique with the id, and the intake needs no second write for it."""
        if self.pk is None:
            return ""
        return f"VM-{timezone.localtime(self.ontvangen).year}-{self.pk:06d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN


class StatusWijziging(models.Model):
    """Full status history (R-RT-6): who, when and why. The school sees status, date and
    reason code only (R-ME-7)."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="statussen")
    status = models.CharField(max_length=30, choices=Status.choices)
    reden = models.CharField(max_length=40, blank=True)  # rules.statussen codes
    toelichting = models.TextField(blank=True)
    tijdstip = models.DateTimeField()
    door_label = models.CharField(max_length=200)
    # The person behind door_label (a user; none for an API application or the register),
    # so the history shows a name rather than a username.
    door_gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    door_organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["tijdstip", "id"]


class Doorzending(models.Model):
    """One link of the forwarding chain (R-RT-5)."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="doorzendingen")
    van = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    naar = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    naar_gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    # The pupil's woongemeente in the BRP when it was forwarded (None: unknown). A forward
    # elsewhere needs a toelichting, and the receiver's page tells a deliberate forward
    # from a later move (R-RT-5).
    brp_gemeente = models.ForeignKey(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.TextField(blank=True)
    tijdstip = models.DateTimeField()
    door_label = models.CharField(max_length=200)
    door_gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "doorzendingen"
        ordering = ["tijdstip", "id"]
        indexes = [models.Index(fields=["van", "-tijdstip"])]  # the sender's "Doorgestuurd"


class Notificatie(models.Model):
    """In-app inbox entry for the receiving organisation (R-RT-4). Read either by one user
    (`gelezen_door`) or for the whole organisation (`gelezen_op`)."""

    class Soort(models.TextChoices):
        NIEUW = "nieuw", "Nieuwe melding"
        DOORGESTUURD = "doorgestuurd", "Doorgestuurde melding"

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="notificaties")
    soort = models.CharField(max_length=20, choices=Soort.choices, default=Soort.NIEUW)
    aangemaakt = models.DateTimeField()
    gelezen_op = models.DateTimeField(null=True, blank=True)
    gelezen_door = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    email_verzonden = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "notificaties"
        ordering = ["-aangemaakt", "-id"]
        indexes = [models.Index(fields=["organisatie", "gelezen_op"])]
