"""Letterheads and letter templates per organisation, and the documents (PDF) generated
from them. Knows no dossier: a document points at the person it concerns (``betreft``,
BSN or onderwijsnummer) and at an opaque ``koppeling`` the consumer chooses (e.g.
"dossier:<uuid>"), so the consumer app lists its own documents."""

from __future__ import annotations

import uuid as uuid_mod

from django.conf import settings
from django.db import models

from verzuim.brieven import talen
from verzuim.brieven.soorten import SOORT_KEUZES, Ontvanger
from verzuim.organisaties.models import Organisatie


class Briefhoofd(models.Model):
    """The sender block and signature of one organisation's letters."""

    organisatie = models.OneToOneField(
        Organisatie, on_delete=models.CASCADE, related_name="briefhoofd"
    )
    naam = models.CharField(
        "naam afzender", max_length=200, help_text="Bijvoorbeeld: Gemeente Haarlem, Leerplicht"
    )
    afdeling = models.CharField(max_length=200, blank=True)
    postadres = models.TextField(
        blank=True,
        help_text="Eén regel per adresregel, bijvoorbeeld: Postbus 511 / 2003 PB Haarlem",
    )
    bezoekadres = models.TextField(blank=True, help_text="Eén regel per adresregel.")
    telefoon = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.CharField(max_length=200, blank=True)
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_type = models.CharField(max_length=20, blank=True, editable=False)
    ondertekenaar_naam = models.CharField("naam ondertekenaar", max_length=200, blank=True)
    ondertekenaar_functie = models.CharField("functie ondertekenaar", max_length=200, blank=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "briefhoofd"
        verbose_name_plural = "briefhoofden"

    def __str__(self) -> str:
        return f"Briefhoofd {self.naam}"


class BriefSjabloon(models.Model):
    """An organisation's own text for one letter kind, recipient and language. Without
    one, the shipped default (talen/*.toml) is used."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="briefsjablonen"
    )
    soort = models.CharField("soort brief", max_length=40, choices=SOORT_KEUZES)
    ontvanger = models.CharField(max_length=20, choices=Ontvanger.choices)
    taal = models.CharField(max_length=5, choices=talen.keuzes, default="nl")
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField(
        help_text="Platte tekst met plaatshouders zoals {{ leerling.naam }}. Een lege regel "
        "begint een nieuwe alinea; regels die met '- ' beginnen vormen een opsomming."
    )
    ondertekenaar_naam = models.CharField(
        "naam ondertekenaar", max_length=200, blank=True, help_text="Leeg: die van het briefhoofd."
    )
    ondertekenaar_functie = models.CharField(
        "functie ondertekenaar",
        max_length=200,
        blank=True,
        help_text="Leeg: die van het briefhoofd.",
    )
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        ordering = ["soort", "ontvanger", "taal"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "soort", "ontvanger", "taal"],
                name="een_sjabloon_per_soort_ontvanger_taal",
                violation_error_message="Uw organisatie heeft al een sjabloon voor deze soort "
                "brief, ontvanger en taal.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} – {self.get_ontvanger_display()} ({self.taal})"


class Document(models.Model):
    """A generated PDF, kept as sent: bytes, SHA-256, who made it, when, about whom."""

    uuid = models.UUIDField(default=uuid_mod.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(max_length=40)  # a letter kind (soorten.SOORTEN) or a report kind
    ontvanger = models.CharField(max_length=20, blank=True)  # Ontvanger; blank for a report
    taal = models.CharField(max_length=5)
    titel = models.CharField(max_length=300)
    kenmerk = models.CharField(max_length=40, blank=True)
    betreft = models.CharField(max_length=20, blank=True)  # BSN or onderwijsnummer
    geheim_adres = models.BooleanField(default=False)  # R-ID-5/R-PR-5: who may download
    koppeling = models.CharField(max_length=80, blank=True)  # the consumer's reference
    inhoud = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    grootte = models.PositiveIntegerField(default=0)
    aangemaakt = models.DateTimeField()
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_door_label = models.CharField(max_length=200)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-aangemaakt", "-id"]
        indexes = [
            models.Index(fields=["organisatie", "betreft"], name="document_org_betreft"),
            models.Index(fields=["organisatie", "koppeling"], name="document_org_koppeling"),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.kenmerk})"

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.kenmerk or self.uuid}.pdf"
