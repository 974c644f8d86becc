"""Persons: the local BRP store (R-ID-3), pupils as the register knows them (R-ID-1/2),
and the ROD part: inschrijvingen, diploma's (R-LP-4), vrijstellingen (R-VR-1)."""

from __future__ import annotations

import uuid

from django.db import models

from verzuim.organisaties.models import Gemeente, Organisatie, Vestiging
from verzuim.rules.leerplicht import STARTKWALIFICATIE_SOORTEN


class BrpPersoon(models.Model):
    """Local BRP store: one row per person in the shape the Haal Centraal BRP Personen v2
    API answers. Used for demo, tests and municipal test environments."""

    burgerservicenummer = models.CharField(max_length=9, unique=True)
    voornamen = models.CharField(max_length=200, blank=True)
    voorvoegsel = models.CharField(max_length=10, blank=True)
    geslachtsnaam = models.CharField(max_length=200)
    geslacht = models.CharField(max_length=1, blank=True)  # M / V / O
    geboortedatum = models.DateField(db_index=True)
    # 4 digits as the BRP writes it; "1999" = RNI (registratie niet-ingezetenen).
    gemeente_van_inschrijving = models.CharField(max_length=4, db_index=True)
    verblijfadres = models.JSONField(default=dict, blank=True)
    adres_datum_van = models.DateField(null=True, blank=True)
    # [{"datum": "2025-03-01", "gemeente": "0599"}] — the history of gemeenteVanInschrijving.
    verhuizingen = models.JSONField(default=list, blank=True)
    overlijdensdatum = models.DateField(null=True, blank=True)
    emigratiedatum = models.DateField(null=True, blank=True)
    emigratieland = models.CharField(max_length=80, blank=True)
    ouders = models.JSONField(default=list, blank=True)
    geheimhouding_persoonsgegevens = models.BooleanField(default=False)

    class Meta:
        verbose_name = "persoon (lokale BRP)"
        verbose_name_plural = "personen (lokale BRP)"

    def __str__(self) -> str:
        return f"{self.geslachtsnaam} ({self.burgerservicenummer})"


class Leerling(models.Model):
    """A pupil as the register knows it: by BSN, by onderwijsnummer, or both once linked
    (R-ID-2). Everything about a pupil (inschrijvingen, meldingen, ...) hangs off this row."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    burgerservicenummer = models.CharField(max_length=9, unique=True, null=True, blank=True)
    onderwijsnummer = models.CharField(max_length=9, unique=True, null=True, blank=True)
    # Known from the BRP for BSN pupils; from the school for onderwijsnummer pupils.
    geboortedatum = models.DateField(null=True, blank=True)
    # The address a school gave for a pupil without BRP address (R-RT-3).
    opgegeven_postcode = models.CharField(max_length=7, blank=True)
    # The BRP's huisnummer (5 digits), huisletter and toevoeging (4), with separators.
    opgegeven_huisnummer = models.CharField(max_length=12, blank=True)
    opgegeven_gemeente = models.ForeignKey(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name_plural = "leerlingen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(burgerservicenummer__isnull=False)
                | models.Q(onderwijsnummer__isnull=False),
                name="leerling_heeft_identificatie",
            )
        ]

    @property
    def identificatie(self) -> str:
        return self.burgerservicenummer or self.onderwijsnummer or ""

    def __str__(self) -> str:
        return self.identificatie


class Inschrijving(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="inschrijvingen")
    vestiging = models.ForeignKey(
        Vestiging, on_delete=models.PROTECT, related_name="inschrijvingen"
    )
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)  # last day enrolled, inclusive
    onderwijssoort = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name_plural = "inschrijvingen"
        indexes = [
            models.Index(fields=["vestiging", "begindatum"]),
            # A pupil's last inschrijving (the telling's "last onderwijssoort", R-FG-1a): one
            # index probe per pupil in that order, without a sort per probe.
            models.Index(fields=["leerling", "-begindatum", "-id"], name="inschrijving_laatste"),
        ]
        constraints = [
            # Natural key: scenario reloads and API retries upsert on it.
            models.UniqueConstraint(
                fields=["leerling", "vestiging", "begindatum"], name="uniek_inschrijving"
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("begindatum")),
                name="inschrijving_periode_geldig",
            ),
        ]


class DiplomaSoort(models.TextChoices):
    HAVO = "havo", "havo"
    VWO = "vwo", "vwo"
    MBO_1 = "mbo-1", "mbo niveau 1 (entree)"
    MBO_2 = "mbo-2", "mbo niveau 2"
    MBO_3 = "mbo-3", "mbo niveau 3"
    MBO_4 = "mbo-4", "mbo niveau 4"
    VMBO = "vmbo", "vmbo"
    PRAKTIJKONDERWIJS = "praktijkonderwijs", "praktijkonderwijs (getuigschrift)"
    VSO_ARBEIDSMARKT = "vso-arbeidsmarkt", "vso uitstroomprofiel arbeidsmarkt"
    VSO_DAGBESTEDING = "vso-dagbesteding", "vso uitstroomprofiel dagbesteding"


class Diploma(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="diplomas")
    soort = models.CharField(max_length=24, choices=DiplomaSoort.choices)
    datum = models.DateField()
    instelling = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Derived from `soort` (R-LP-4: havo, vwo, mbo-2+), stored so signals can filter on it.
    startkwalificatie = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name_plural = "diploma's"
        constraints = [
            models.UniqueConstraint(fields=["leerling", "soort", "datum"], name="uniek_diploma")
        ]

    def save(self, *args, **kwargs):
        self.startkwalificatie = is_startkwalificatie(self.soort)
        super().save(*args, **kwargs)


def is_startkwalificatie(soort: str) -> bool:
    """R-LP-4: havo, vwo or mbo level 2+ (the rules library holds the list)."""
    return soort in STARTKWALIFICATIE_SOORTEN


class VrijstellingArtikel(models.TextChoices):
    A5A = "5a", "art. 5 onder a (lichamelijk/psychisch)"
    A5B = "5b", "art. 5 onder b (richtingbezwaren)"
    A5C = "5c", "art. 5 onder c (school in het buitenland)"
    A5A_TREKKEND = "5a-trekkend", "art. 5a (trekkend bestaan)"
    A15 = "15", "art. 15 (anderszins voldoende onderwijs)"
    A3A = "3a", "art. 3a (vervangende leerplicht)"
    A3B = "3b", "art. 3b (vervangende leerplicht)"


class Vrijstelling(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="vrijstellingen")
    artikel = models.CharField(max_length=12, choices=VrijstellingArtikel.choices)
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name_plural = "vrijstellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["leerling", "artikel", "begindatum"], name="uniek_vrijstelling"
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("begindatum")),
                name="vrijstelling_periode_geldig",
            ),
        ]
