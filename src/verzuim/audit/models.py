"""Audit log (R-PR-1): who read or changed which person's data, when, why and from where.
Append-only: the application offers no way to change or delete a record. It is also the
processing log (Logboek Dataverwerkingen, issue 12 item 3): every record names its declared
processing activity and legal ground; `logboek.py` exports it in the standard's shape."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AlleenToevoegen(models.QuerySet):
    def update(self, **kwargs):  # noqa: ARG002
        raise PermissionError("Auditrecords kunnen niet worden gewijzigd.")

    def delete(self):
        raise PermissionError("Auditrecords kunnen niet worden verwijderd.")


class AuditRecordQuerySet(AlleenToevoegen):
    def over_persoon(self, persoon: str):
        """Records about `persoon`: one read or change of that person (`persoon`), or a list
        read that showed the person among others (`AuditPersoon`). Both indexed."""
        return self.filter(
            models.Q(persoon=persoon)
            | models.Q(pk__in=AuditPersoon.objects.filter(persoon=persoon).values("record_id"))
        )


class AlleenToevoegenModel(models.Model):
    """A row that is written once: saving it again or deleting it is refused."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Auditrecords kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Auditrecords kunnen niet worden verwijderd.")


class AuditRecord(AlleenToevoegenModel):
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
    # The purpose: the code of a declared processing activity (audit.verwerkingen), its
    # versioned id and its legal ground as they were when the record was written.
    doel = models.CharField(max_length=120, blank=True)
    verwerkingsactiviteit = models.CharField(max_length=160, blank=True)
    grondslag = models.CharField(max_length=300, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    herkomst = models.CharField(max_length=64, blank=True)  # IP address or "cli"
    details = models.JSONField(default=dict, blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "auditrecord"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-id"]


class AuditPersoon(AlleenToevoegenModel):
    """One person shown by a list read (`services.log_many`): a page of 25 pupils is one
    record naming 25 persons, so the log stays readable and a person's trail still finds
    every page that showed them (R-PR-1). Append-only like the record."""

    record = models.ForeignKey(AuditRecord, on_delete=models.PROTECT, related_name="personen")
    persoon = models.CharField(max_length=20, db_index=True)

    objects = AlleenToevoegen.as_manager()

    class Meta:
        verbose_name = "persoon in auditrecord"
        verbose_name_plural = "personen in auditrecords"
