"""The API's own table: the Idempotency-Keys of every write (api-contract.md "General";
`api.idempotentie`)."""

from __future__ import annotations

from django.db import models

from verzuim.organisaties.models import Organisatie


class IdempotencyRecord(models.Model):
    """The first answer to a write with an Idempotency-Key, one per organisation and key:
    the same request again gets it back, another request under the key a 409."""

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    sleutel = models.CharField(max_length=200)
    # What was asked: method and path ("POST /api/v1/meldingen"), and the SHA-256 of the
    # body as canonical JSON.
    verzoek = models.CharField(max_length=250)
    vingerafdruk = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    # The first answer's body; null where the endpoint answers a replay with the object as
    # it is now (a melding with its current status), found through object_id.
    antwoord = models.JSONField(null=True, blank=True)
    # The object the answer is about and whose person data it holds (the replay's audit).
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    persoon = models.CharField(max_length=9, blank=True)
    aangemaakt = models.DateTimeField()

    class Meta:
        verbose_name = "idempotency-key"
        verbose_name_plural = "idempotency-keys"
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "sleutel"], name="api_idempotency_key_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sleutel} ({self.verzoek})"
