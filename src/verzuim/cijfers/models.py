"""The only thing the cijfers app stores: a delivered telling, frozen (issue 11 item 2).

A gemeente (or the dienst that works for it) marks its telling of a schooljaar as checked
and delivered; the figures of that moment are kept with the date and who did it. Later data
changes show as a difference against the latest snapshot; a new delivery adds a snapshot, the
earlier ones stay (what was delivered when).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from verzuim.organisaties.models import Gemeente, Organisatie


class Vaststelling(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    schooljaar = models.CharField(max_length=9)  # "2025-2026"
    # The figures as delivered: {sleutel: aantal or None (source not available)}.
    waarden = models.JSONField()
    vastgesteld = models.DateTimeField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    door_label = models.CharField(max_length=200)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "vastgestelde leerplichttelling"
        verbose_name_plural = "vastgestelde leerplichttellingen"
        ordering = ["-vastgesteld", "-id"]
        indexes = [models.Index(fields=["gemeente", "schooljaar", "-vastgesteld"])]

    def __str__(self) -> str:
        return f"Leerplichttelling {self.schooljaar} {self.gemeente.code}"


class TellingArchief(models.Model):
    """One source's counts of a past schooljaar, kept before the retention purge (R-PR-4)
    destroys the rows they were counted from: from then on the telling of that schooljaar
    reads these instead of counting (telling.py), so it stays what it was. Aggregates only:
    {gemeente pk: {sleutel: aantal}}; a gemeente without counts has none."""

    schooljaar = models.CharField(max_length=9)
    bron = models.CharField(max_length=40)
    waarden = models.JSONField()
    bewaard = models.DateTimeField()

    class Meta:
        verbose_name = "bewaarde telling"
        verbose_name_plural = "bewaarde tellingen"
        constraints = [
            models.UniqueConstraint(fields=["schooljaar", "bron"], name="uniek_telling_archief")
        ]

    def __str__(self) -> str:
        return f"Telling {self.schooljaar} {self.bron} (bewaard)"
