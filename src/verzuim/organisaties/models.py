"""Organisations and reference data: gemeenten, RMC-regio's, leerplichtdiensten,
school instellingen and vestigingen, routering, school holidays (R-ID-4, R-RT-2, R-CAL-2)."""

from __future__ import annotations

from django.db import models


class ReferentieBron(models.Model):
    """Where a reference table came from, shown in the admin (source and year)."""

    bestand = models.CharField(max_length=100, unique=True)
    omschrijving = models.CharField(max_length=200)
    bron = models.TextField()
    jaar = models.CharField(max_length=20)
    aantal = models.PositiveIntegerField(default=0)
    geladen_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "referentiebron"
        verbose_name_plural = "referentiebronnen"

    def __str__(self) -> str:
        return f"{self.bestand} ({self.jaar})"


class Vakantieregio(models.TextChoices):
    NOORD = "noord", "Noord"
    MIDDEN = "midden", "Midden"
    ZUID = "zuid", "Zuid"


class RmcRegio(models.Model):
    """RMC-regio / Doorstroompunt. DUO number 01-41; CBS writes it as MC01-MC41."""

    nummer = models.CharField(max_length=2, unique=True)
    naam = models.CharField(max_length=120)
    contactgemeente = models.ForeignKey(
        "Gemeente", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # True while registerbeheer has not confirmed the contactgemeente (SOURCES.md gap).
    contactgemeente_voorlopig = models.BooleanField(default=True)
    bron = models.ForeignKey(ReferentieBron, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = "RMC-regio"
        verbose_name_plural = "RMC-regio's"
        ordering = ["nummer"]

    @property
    def code(self) -> str:
        return f"MC{self.nummer}"

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Gemeente(models.Model):
    code = models.CharField(max_length=6, unique=True)  # GM0363
    naam = models.CharField(max_length=120)
    provincie = models.CharField(max_length=60)
    vakantieregio = models.CharField(max_length=6, choices=Vakantieregio.choices)
    rmc_regio = models.ForeignKey(
        RmcRegio, null=True, blank=True, on_delete=models.PROTECT, related_name="gemeenten"
    )
    bron = models.ForeignKey(ReferentieBron, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    @property
    def nummer(self) -> str:
        """The 4 digits the BRP uses (gemeenteVanInschrijving.code)."""
        return self.code[2:]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Schoolvakantie(models.Model):
    schooljaar = models.CharField(max_length=9)
    vakantie = models.CharField(max_length=30)
    regio = models.CharField(max_length=6, choices=Vakantieregio.choices)
    startdatum = models.DateField()
    einddatum = models.DateField()  # inclusive
    verplicht = models.BooleanField()
    bron = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "schoolvakanties"
        ordering = ["startdatum", "regio"]
        constraints = [
            models.UniqueConstraint(
                fields=["schooljaar", "vakantie", "regio"], name="uniek_vakantie_per_regio"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vakantie} {self.schooljaar} {self.regio}"


class OrganisatieSoort(models.TextChoices):
    SCHOOL = "school", "School (instelling)"
    GEMEENTE = "gemeente", "Gemeente"
    LEERPLICHTDIENST = "leerplichtdienst", "Leerplichtdienst"
    RMC_REGIO = "rmc-regio", "RMC-regio"
    REGISTER = "register", "Register"


class Organisatie(models.Model):
    """A party that has users or API applications. Its `code` is the BRIN for a school,
    the GM code for a gemeente, the dienst code for a leerplichtdienst, MCnn for an RMC-regio."""

    code = models.CharField(max_length=20, unique=True)
    soort = models.CharField(max_length=20, choices=OrganisatieSoort.choices)
    naam = models.CharField(max_length=200)
    gemeente = models.OneToOneField(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="organisatie"
    )
    rmc_regio = models.OneToOneField(
        RmcRegio, null=True, blank=True, on_delete=models.PROTECT, related_name="organisatie"
    )
    # A leerplichtdienst works for several gemeenten (gemeenschappelijke regeling).
    werkgebied = models.ManyToManyField(Gemeente, blank=True, related_name="diensten")
    sector = models.CharField(max_length=10, blank=True)  # po, so, vso, vo, mbo, vavo (schools)
    email = models.EmailField(blank=True)  # notification address (R-RT-4)

    class Meta:
        verbose_name_plural = "organisaties"
        ordering = ["soort", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Vestiging(models.Model):
    code = models.CharField(max_length=6, unique=True)  # BRIN + 2 digits
    instelling = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="vestigingen"
    )
    naam = models.CharField(max_length=200)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="vestigingen")
    straat = models.CharField(max_length=120, blank=True)
    huisnummer = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    plaats = models.CharField(max_length=120, blank=True)
    vakantieregio = models.CharField(max_length=6, choices=Vakantieregio.choices, blank=True)
    bron = models.ForeignKey(ReferentieBron, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name_plural = "vestigingen"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Doelgroep(models.TextChoices):
    LEERPLICHTIG = "leerplichtig", "Leerplichtig"
    KWALIFICATIEPLICHTIG = "kwalificatieplichtig", "Kwalificatieplichtig"
    ACHTTIEN_PLUS = "18-plus", "18-plus"


class Routering(models.Model):
    """Alternatieve routering (R-RT-2): per gemeente and doelgroep, who receives meldingen."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="routeringen")
    doelgroep = models.CharField(max_length=24, choices=Doelgroep.choices)
    naar = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name_plural = "routeringen"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "doelgroep"], name="uniek_routering")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente.code} {self.doelgroep} → {self.naar.code}"


class Schooldag(models.Model):
    """A school's own deviation from its region's calendar (R-CAL-2): a studiedag or an
    own herfst/voorjaar date (closed), or a day it is open although the region is on holiday."""

    instelling = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="afwijkingen"
    )
    datum = models.DateField()
    open = models.BooleanField(default=False)
    omschrijving = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = "afwijkende schooldag"
        verbose_name_plural = "afwijkende schooldagen"
        constraints = [
            models.UniqueConstraint(fields=["instelling", "datum"], name="uniek_afwijking")
        ]
