"""Audit log (R-PR-1): who read or changed which person's data, when, why and from where.
Append-only: the application offers no way to change or delete a record."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: ARG002
        raise PermissionError("Auditrecords kunnen niet worden gewijzigd.")

    def delete(self):
        raise PermissionError("Auditrecords kunnen niet worden verwijderd.")


class AuditRecord(models.Model):
    tijdstip = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(max_length=200)  # username, "api:<app>" or "systeem"
    organisatie = models.CharField(max_length=20, blank=True, db_index=True)
    actie = models.CharField(max_length=60, db_index=True)  # e.g. persoon.lezen, melding.aanmaken
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    persoon = models.CharField(max_length=20, blank=True, db_index=True)  # BSN or onderwijsnummer
    doel = models.CharField(max_length=120, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    herkomst = models.CharField(max_length=64, blank=True)  # IP address or "cli"
    details = models.JSONField(default=dict, blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "auditrecord"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Auditrecords kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Auditrecords kunnen niet worden verwijderd.")
