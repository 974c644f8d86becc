"""Models of the privacy app: inzage requests (R-PR-3). The export itself is a stored
document of `verzuim.brieven` (koppeling "inzage:<uuid>"); nothing of its content is kept
here."""

from __future__ import annotations

import uuid as uuid_mod

from django.db import models

from verzuim.organisaties.models import Organisatie
from verzuim.personen.models import Leerling


class Relatie(models.TextChoices):
    BETROKKENE = "betrokkene", "De leerling zelf"
    OUDER = "ouder", "Ouder of verzorger"
    VERTEGENWOORDIGER = "vertegenwoordiger", "Wettelijk vertegenwoordiger of gemachtigde"


class Inzageverzoek(models.Model):
    """A request for inzage about one pupil, registered with its date of receipt and its
    statutory deadline (rules.inzage_termijn); open until answered."""

    uuid = models.UUIDField(default=uuid_mod.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    leerling = models.ForeignKey(
        Leerling, null=True, on_delete=models.SET_NULL, related_name="inzageverzoeken"
    )
    persoon = models.CharField(max_length=20)  # BSN or onderwijsnummer, kept if purged
    verzoeker = models.CharField(max_length=200)
    relatie = models.CharField(max_length=20, choices=Relatie.choices)
    ontvangen = models.DateField()
    uiterlijk = models.DateField()
    toelichting = models.TextField(blank=True)
    # R-PR-2a: the pupil (16+) consents that the requester also gets the reasons and reports.
    toestemming_leerling = models.BooleanField(default=False)
    toestemming_vastgelegd = models.DateTimeField(null=True, blank=True)
    geregistreerd = models.DateTimeField()
    geregistreerd_door = models.CharField(max_length=200)
    document = models.UUIDField(null=True, blank=True)  # the last export (brieven.Document)
    geexporteerd = models.DateTimeField(null=True, blank=True)
    beantwoord = models.DateTimeField(null=True, blank=True)
    beantwoord_door = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "inzageverzoek"
        verbose_name_plural = "inzageverzoeken"
        ordering = ["uiterlijk", "id"]
        indexes = [models.Index(fields=["organisatie", "beantwoord"], name="inzage_org_open")]

    def __str__(self) -> str:
        return f"Inzageverzoek {self.uuid}"
