"""Signals the register derives (domain.md §8): absoluut verzuim (R-SG-1..3) and potential
LRV (R-SG-4), with their history; the recompute runs; the BRP mutations received (R-SG-5).

A signal is never deleted and never reopened: it is raised (``sinds``: the first peildatum on
which the rules flagged it), stays open while the rules keep flagging it (its reasons kept
current) and is resolved with the reason it ended (``oplossing``). When the cause returns, a new
signal starts. That is the history the leerplichttelling needs (R-SG-3, R-FG-1: unique
persons per schooljaar, duration > 3 months, resolved or not). At most one signal per pupil
and soort is open: a partial unique index, so concurrent runs cannot duplicate one.

A dossier (issue 9, a higher app) refers to the signal it was opened for; this app does not
know dossiers (see ``dossierkoppeling``).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q

from verzuim import clock
from verzuim.organisaties.models import Gemeente, Organisatie
from verzuim.personen.models import Leerling


class Soort(models.TextChoices):
    ABSOLUUT_VERZUIM = "absoluut-verzuim", "Absoluut verzuim"
    POTENTIEEL_LRV = "potentieel-lrv", "Potentieel langdurig relatief verzuim"


class SignaalStatus(models.TextChoices):
    OPEN = "open", "Open"
    OPGELOST = "opgelost", "Opgelost"


class Signaal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    # PROTECT: the R-ID-2 merge moves signals first (receivers.py), as meldingen does.
    leerling = models.ForeignKey(
        Leerling, on_delete=models.PROTECT, related_name="signalen", db_index=False
    )
    # The gemeente the signal is about (BRP woongemeente; for LRV the melding's) and who
    # handles it there (R-RT-2); scoping follows the ontvanger, as for meldingen.
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    ontvanger = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=SignaalStatus.choices, default=SignaalStatus.OPEN
    )
    sinds = models.DateField()  # first peildatum on which the rules flagged it
    opgelost_op = models.DateField(null=True, blank=True)  # first peildatum it no longer held
    oplossing = models.CharField(max_length=24, blank=True)  # rules.signalen.OPLOSSINGEN
    oplossing_uitleg = models.TextField(blank=True)
    # The rules' reasons: [{"regel": "R-SG-1", "uitleg": "…"}], as of laatst_gezien.
    redenen = models.JSONField(default=list)
    # Facts shown with the signal: verzuim_sinds, laatste school, lesweken counted, …
    gegevens = models.JSONField(default=dict, blank=True)
    # Digest of redenen + gegevens: the nightly run compares this, not the JSON.
    kenmerk = models.CharField(max_length=40, blank=True)
    aangemaakt = models.DateTimeField()
    gewijzigd = models.DateTimeField()

    class Meta:
        verbose_name_plural = "signalen"
        ordering = ["-sinds", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling", "soort"],
                condition=Q(status="open"),
                name="een_open_signaal_per_soort",
            )
        ]
        indexes = [
            models.Index(fields=["leerling", "soort"], name="signaal_leerling_soort"),
            models.Index(fields=["ontvanger", "status", "soort"], name="signaal_ontvanger"),
            models.Index(fields=["soort", "status"], name="signaal_soort_status"),
            models.Index(fields=["gemeente", "soort", "sinds"], name="signaal_gemeente_sinds"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.leerling} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == SignaalStatus.OPEN

    @property
    def duur_dagen(self) -> int:
        """Days from first seen to resolved (or to today while open)."""
        return ((self.opgelost_op or clock.today()) - self.sinds).days


class Herberekening(models.Model):
    """One run of ``verzuim signalen`` (or of the re-evaluation after a mutation): what it
    found, for operations and the weekly list."""

    peildatum = models.DateField()
    gestart = models.DateTimeField()
    klaar = models.DateTimeField(null=True, blank=True)
    # {"absoluut-verzuim": {"kandidaten": n, "geopend": n, "opgelost": n, "open": n}, …}
    aantallen = models.JSONField(default=dict)
    seconden = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "herberekeningen"
        ordering = ["-gestart"]


class BrpMutatie(models.Model):
    """A BRP mutation received (R-SG-5), idempotent per ``mutatie_id``: the same id again
    answers with ``resultaat`` (the first answer)."""

    mutatie_id = models.CharField(max_length=100, unique=True)
    burgerservicenummer = models.CharField(max_length=9, db_index=True)
    soort = models.CharField(max_length=20)
    datum = models.DateField()
    gegevens = models.JSONField(default=dict)  # the mutation as received
    body_hash = models.CharField(max_length=64)
    organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    bron = models.CharField(max_length=20)  # "api" or "bestand"
    ontvangen = models.DateTimeField(db_index=True)
    resultaat = models.JSONField(default=dict)

    class Meta:
        verbose_name = "BRP-mutatie"
        verbose_name_plural = "BRP-mutaties"
        ordering = ["-ontvangen", "-id"]
