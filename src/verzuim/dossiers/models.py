"""Dossiers (domain.md §9, §11): the leerplichtambtenaar's case per pupil per handling
organisation (R-CW-1), along the MAS phases (R-CW-2), with its meldingen, signals,
activities timeline (R-CW-3/4), verzuimoverzicht requests to the school (R-CW-3) and the
author-only werkaantekeningen (R-PR-2).

At most one dossier per pupil and organisation is open: a partial unique index (SQLite and
PostgreSQL), so two meldingen arriving at once cannot open two. The activity types are a
code list held as data (`ActiviteitSoort`, seeded by a data migration); routes and letters
add their own types the same way.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from verzuim.meldingen.models import Melding
from verzuim.organisaties.models import Gemeente, Organisatie
from verzuim.personen.models import Leerling
from verzuim.rules import mas
from verzuim.rules.statussen import AFSLUITREDENEN
from verzuim.signalen.models import Signaal


class Fase(models.TextChoices):
    """R-CW-2 (order in `rules.mas.FASEN`)."""

    WAARNEMEN = "waarnemen", mas.FASE_LABELS["waarnemen"]
    ANALYSEREN = "analyseren", mas.FASE_LABELS["analyseren"]
    PLANNEN = "plannen", mas.FASE_LABELS["plannen"]
    HANDELEN = "handelen", mas.FASE_LABELS["handelen"]
    EVALUEREN = "evalueren", mas.FASE_LABELS["evalueren"]


class DossierStatus(models.TextChoices):
    OPEN = "open", "Open"
    GESLOTEN = "gesloten", "Gesloten"


class Aanleiding(models.TextChoices):
    """Why a dossier was opened."""

    MELDING = "melding", "Verzuimmelding"
    SIGNAAL = "signaal", "Signaal van het register"
    VERLOFAANVRAAG = "verlofaanvraag", "Verlofaanvraag"
    TELEFONISCH = "telefonisch", "Telefonische melding"
    SCHOOL = "school", "Signaal van school (zonder melding)"
    ZORG = "zorg", "Signaal van zorg of wijkteam"
    OVERIG = "overig", "Overig"


#: Aanleidingen a user may choose when opening a dossier by hand (melding and signaal come
#: through their own seams).
HANDMATIGE_AANLEIDINGEN = tuple(
    a for a in Aanleiding.values if a not in (Aanleiding.MELDING, Aanleiding.SIGNAAL)
)

#: R-CW-11: the closure reasons are the meldingen's afsluitredenen (`rules.statussen`), so a
#: dossier closes its meldingen with its own reason.
AFSLUITREDEN_KEUZES = list(AFSLUITREDENEN.items())


class DossierInstelling(models.Model):
    """Per-organisation settings of the casework; an organisation without a row uses the
    defaults (`voor(organisatie)`)."""

    organisatie = models.OneToOneField(
        Organisatie, on_delete=models.CASCADE, related_name="dossierinstelling"
    )
    # R-CW-4: weeks from the last agreements (afspraken) to the next follow-up.
    vervolg_weken = models.PositiveSmallIntegerField(default=mas.STANDAARD_VERVOLG_WEKEN)

    class Meta:
        verbose_name = "dossierinstelling"
        verbose_name_plural = "dossierinstellingen"

    def __str__(self) -> str:
        return f"Dossierinstellingen {self.organisatie}"

    @classmethod
    def voor(cls, organisatie) -> DossierInstelling:
        """The organisation's settings (an unsaved default row when it has none)."""
        return cls.objects.filter(organisatie=organisatie).first() or cls(organisatie=organisatie)


class ActiviteitSoort(models.Model):
    """The code list of activity types (R-CW-3/4), as data: seeded by migration 0002; the
    route and letter work add theirs the same way (a data migration)."""

    code = models.SlugField(max_length=40, primary_key=True)
    label = models.CharField(max_length=100)
    omschrijving = models.CharField(max_length=300, blank=True)
    # Offered in the "add activity" form; False: only a service writes it (a route event,
    # a letter sent, the dossier opened or closed).
    handmatig = models.BooleanField(default=True)
    # The activity asks "with whom" (gesprek: leerling, ouders, school, zorg).
    met_wie = models.BooleanField(default=False)
    # Agreements: recording one sets the next follow-up date (R-CW-4).
    zet_vervolgdatum = models.BooleanField(default=False)
    # Special personal data (health, criminal data; R-PR-5): only the handling LPA sees it,
    # not the administratief medewerker.
    bijzondere_categorie = models.BooleanField(default=False)
    volgorde = models.PositiveSmallIntegerField(default=100)
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "activiteitsoort"
        verbose_name_plural = "activiteitsoorten"
        ordering = ["volgorde", "code"]

    def __str__(self) -> str:
        return self.label


class Dossier(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # leerling leads the composite index in Meta, which serves its joins as well.
    leerling = models.ForeignKey(
        Leerling, on_delete=models.PROTECT, related_name="dossiers", db_index=False
    )
    # The handling organisation (a gemeente, leerplichtdienst or RMC-regio: a melding's
    # ontvanger, R-RT-2); scoping follows it.
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="dossiers")
    # The gemeente responsible (the melding's or signal's), for the figures per gemeente.
    gemeente = models.ForeignKey(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="dossiers"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers_in_behandeling",
    )
    fase = models.CharField(max_length=12, choices=Fase.choices, default=Fase.WAARNEMEN)
    status = models.CharField(
        max_length=10, choices=DossierStatus.choices, default=DossierStatus.OPEN
    )
    volgende_actie = models.DateField(null=True, blank=True)
    volgende_actie_omschrijving = models.CharField(max_length=200, blank=True)
    aanleiding = models.CharField(max_length=20, choices=Aanleiding.choices)
    aanleiding_toelichting = models.TextField(blank=True)
    # A route template the case follows (`dossiers.routes`): absoluut verzuim (R-CW-9), luxe
    # verzuim (R-CW-10); empty: the general MAS course.
    route = models.CharField(max_length=30, blank=True)
    geopend = models.DateTimeField()
    geopend_door = models.CharField(max_length=200)
    gesloten = models.DateTimeField(null=True, blank=True)
    afsluitreden = models.CharField(max_length=24, blank=True, choices=AFSLUITREDEN_KEUZES)
    afsluit_toelichting = models.TextField(blank=True)
    gewijzigd = models.DateTimeField()

    class Meta:
        verbose_name_plural = "dossiers"
        ordering = ["-geopend", "-id"]
        # A team lead sees the workload per LPA and (re)assigns (docs/decisions.md).
        permissions = [
            ("teamleider", "Teamleider: werkvoorraad per leerplichtambtenaar, toewijzen")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling", "organisatie"],
                condition=Q(status="open"),
                name="een_open_dossier_per_organisatie",
            ),
            models.CheckConstraint(
                condition=Q(status="open", gesloten__isnull=True, afsluitreden="")
                | Q(status="gesloten", gesloten__isnull=False) & ~Q(afsluitreden=""),
                name="dossier_gesloten_met_reden",
            ),
        ]
        indexes = [
            models.Index(fields=["organisatie", "status", "volgende_actie"], name="dossier_werk"),
            models.Index(fields=["behandelaar", "status"], name="dossier_behandelaar"),
            models.Index(fields=["leerling", "organisatie"], name="dossier_leerling"),
        ]

    def __str__(self) -> str:
        return f"Dossier {self.leerling} ({self.organisatie}, {self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == DossierStatus.OPEN


class DossierMelding(models.Model):
    """A melding in a dossier (R-CW-1). A melding belongs to at most one dossier per
    organisation; after forwarding (R-RT-5) the sender's link stays as history
    (`doorgestuurd`) and the melding joins the receiver's dossier."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="koppelingen")
    # CASCADE: the retention purge (R-PR-4) destroys meldingen; their links go with them.
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="+")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    gekoppeld = models.DateTimeField()
    doorgestuurd = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "melding in dossier"
        verbose_name_plural = "meldingen in dossiers"
        ordering = ["gekoppeld", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "organisatie"], name="melding_een_dossier_per_organisatie"
            )
        ]


class DossierSignaal(models.Model):
    """A register signal taken into a dossier (R-CW-1, R-CW-9); `signalen.dossierkoppeling`
    finds the dossier of a signal through this table."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="signaalkoppelingen"
    )
    signaal = models.OneToOneField(Signaal, on_delete=models.CASCADE, related_name="+")
    gekoppeld = models.DateTimeField()

    class Meta:
        verbose_name = "signaal in dossier"
        verbose_name_plural = "signalen in dossiers"


class FaseVerslag(models.Model):
    """What a MAS phase found and decided (R-CW-2), written when the case leaves it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="faseverslagen")
    fase = models.CharField(max_length=12, choices=Fase.choices)
    naar_fase = models.CharField(max_length=12, choices=Fase.choices)
    bevindingen = models.TextField()
    besluit = models.TextField()
    tijdstip = models.DateTimeField()
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auteur_label = models.CharField(max_length=200)

    class Meta:
        verbose_name = "faseverslag"
        verbose_name_plural = "faseverslagen"
        ordering = ["tijdstip", "id"]


class MetWie(models.TextChoices):
    LEERLING = "leerling", "Leerling"
    OUDERS = "ouders", "Ouders/verzorgers"
    SCHOOL = "school", "School"
    ZORG = "zorg", "Zorg/hulpverlening"


class Bron(models.TextChoices):
    """Where an activity came from (R-PR-2: each entry with source and date)."""

    HANDMATIG = "handmatig", "Vastgelegd door medewerker"
    MELDING = "melding", "Verzuimmelding"
    SIGNAAL = "signaal", "Signaal van het register"
    SCHOOL = "school", "School"
    BRIEF = "brief", "Brief"
    ROUTE = "route", "Route"
    API = "api", "Koppeling (API)"
    SYSTEEM = "systeem", "Register"


class Activiteit(models.Model):
    """One entry of the timeline (R-CW-3/4, R-PR-2: source and date)."""

    # The entry's identity outside the register (the dossiers API, api-contract.md).
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="activiteiten")
    soort = models.ForeignKey(ActiviteitSoort, on_delete=models.PROTECT, related_name="+")
    datum = models.DateField()  # when it happened (may be before it was recorded)
    tekst = models.TextField(blank=True)
    met_wie = models.JSONField(default=list, blank=True)  # MetWie codes
    bron = models.CharField(max_length=12, choices=Bron.choices, default=Bron.HANDMATIG)
    # What the source refers to: a melding's or document's uuid, a signal's, …
    bron_referentie = models.CharField(max_length=100, blank=True)
    # Special personal data (R-PR-5): from the soort, or marked by the LPA.
    bijzonder = models.BooleanField(default=False)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auteur_label = models.CharField(max_length=200)
    geregistreerd = models.DateTimeField()

    class Meta:
        verbose_name_plural = "activiteiten"
        ordering = ["-datum", "-geregistreerd", "-id"]
        indexes = [models.Index(fields=["dossier", "-datum"], name="activiteit_tijdlijn")]


class Werkaantekening(models.Model):
    """A personal working note (R-PR-2): on the dossier page seen only by its author, not part
    of the dossier's content, deleted when the dossier closes (audited by count). An inzage
    export includes it unless an LPA recorded a balancing decision to withhold it
    (``Inzageafweging``, R-PR-2a)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    tekst = models.TextField()
    aangemaakt = models.DateTimeField()
    gewijzigd = models.DateTimeField()

    class Meta:
        verbose_name_plural = "werkaantekeningen"
        ordering = ["-gewijzigd", "-id"]
        indexes = [models.Index(fields=["dossier", "auteur"], name="werkaantekening_auteur")]


class Afweeggrond(models.TextChoices):
    """The grounds on which a working note may be withheld from an inzage (R-PR-2a)."""

    RECHTEN_ANDEREN = "rechten-anderen", "Rechten en vrijheden van anderen (AVG art. 15 lid 4)"
    BESCHERMING = (
        "bescherming",
        "Bescherming van de betrokkene of van anderen (AVG art. 23 lid 1 sub i, UAVG art. 41)",
    )
    OPSPORING = (
        "opsporing",
        "Voorkomen en opsporen van strafbare feiten (AVG art. 23 lid 1 sub d, UAVG art. 41)",
    )


class Inzageafweging(models.Model):
    """R-PR-2a: an LPA's balancing decision to withhold one working note from inzage, with
    its ground and reason (both listed in the export instead of the note). It goes with the
    note: deleted when the note is, so at the dossier's closure too."""

    aantekening = models.OneToOneField(
        Werkaantekening, on_delete=models.CASCADE, related_name="afweging"
    )
    grond = models.CharField(max_length=20, choices=Afweeggrond.choices)
    reden = models.TextField()
    besloten = models.DateTimeField()
    besloten_door = models.CharField(max_length=200)
    koppeling = models.CharField(max_length=60, blank=True)  # e.g. "inzage:<uuid>"

    class Meta:
        verbose_name = "inzageafweging"
        verbose_name_plural = "inzageafwegingen"


class Verzuimoverzichtverzoek(models.Model):
    """R-CW-3: the LPA asks the melding's school for its verzuimoverzicht; the school answers
    on its melding page or over the API (text and/or a file); the answer becomes the
    activity 'verzuimoverzicht ontvangen'."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="verzoeken")
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")
    toelichting = models.TextField(blank=True)
    gevraagd = models.DateTimeField()
    gevraagd_door = models.CharField(max_length=200)
    beantwoord = models.DateTimeField(null=True, blank=True)
    beantwoord_door = models.CharField(max_length=200, blank=True)
    antwoord = models.TextField(blank=True)
    bestandsnaam = models.CharField(max_length=200, blank=True)
    bestandstype = models.CharField(max_length=100, blank=True)
    bestand = models.BinaryField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    # Set when the dossier closed before the school answered: the request lapses.
    vervallen = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "verzoek om verzuimoverzicht"
        verbose_name_plural = "verzoeken om verzuimoverzicht"
        ordering = ["-gevraagd", "-id"]
        indexes = [
            models.Index(fields=["school", "beantwoord"], name="verzoek_school"),
            models.Index(fields=["melding"], name="verzoek_melding"),
        ]

    @property
    def is_open(self) -> bool:
        return self.beantwoord is None and self.vervallen is None


class HandhavingSoort(models.TextChoices):
    """The enforcement routes (R-CW-5..8)."""

    HALT = "halt", "Halt-verwijzing"
    PROCES_VERBAAL = "proces-verbaal", "Proces-verbaal"
    KINDERBIJSLAG = "kinderbijslag", "Kinderbijslag stopgezet (SVB)"


class Uitkomst(models.TextChoices):
    POSITIEF = "positief", "Halt positief afgerond"
    NEGATIEF = "negatief", "Halt negatief afgerond"
    SEPOT = "sepot", "Sepot (OM)"
    STRAFBESCHIKKING = "strafbeschikking", "Strafbeschikking (OM)"
    DAGVAARDING = "dagvaarding", "Dagvaarding (OM)"
    VONNIS = "vonnis", "Vonnis (rechter)"
    HERVAT = "hervat", "Kinderbijslag hervat"


#: The outcomes each route can come back with; `vonnis` only after a `dagvaarding`.
UITKOMSTEN = {
    HandhavingSoort.HALT: (Uitkomst.POSITIEF, Uitkomst.NEGATIEF),
    HandhavingSoort.PROCES_VERBAAL: (
        Uitkomst.SEPOT,
        Uitkomst.STRAFBESCHIKKING,
        Uitkomst.DAGVAARDING,
    ),
    HandhavingSoort.KINDERBIJSLAG: (Uitkomst.HERVAT,),
}


#: Criminal data (R-PR-5, `accounts.afscherming`): only the handling LPA sees what they hold.
BIJZONDERE_HANDHAVING = frozenset({HandhavingSoort.HALT, HandhavingSoort.PROCES_VERBAAL})


class SvbAfspraak(models.Model):
    """R-CW-8: a gemeente that has an agreement with the SVB may have kinderbijslag stopped
    (a per-gemeente setting, kept in beheer)."""

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="+")
    sinds = models.DateField()

    class Meta:
        verbose_name = "SVB-afspraak"
        verbose_name_plural = "SVB-afspraken"

    def __str__(self) -> str:
        return f"SVB-afspraak {self.gemeente} sinds {self.sinds:%d-%m-%Y}"


class Handhaving(models.Model):
    """One enforcement route taken on a dossier (R-CW-6..8): a Halt referral, a proces-verbaal
    or a kinderbijslag stop, with the rule's decision as it stood (inputs and reasons) and
    the outcome that came back. The yearly figures count these (R-FG-1); a proces-verbaal is
    criminal data (R-PR-5, Wpg)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="handhavingen")
    soort = models.CharField(max_length=16, choices=HandhavingSoort.choices)
    gestart = models.DateField()  # referred / PV drawn up / stop reported to the SVB
    tegen = models.JSONField(default=list, blank=True)  # PV: "ouders", "leerling"
    gegevens = models.JSONField(default=dict, blank=True)  # the rule's inputs
    redenen = models.JSONField(default=list, blank=True)  # [{"regel", "tekst"}] at the time
    uitkomst = models.CharField(max_length=16, choices=Uitkomst.choices, blank=True)
    uitkomst_datum = models.DateField(null=True, blank=True)
    uitkomst_toelichting = models.TextField(blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auteur_label = models.CharField(max_length=200)
    geregistreerd = models.DateTimeField()

    class Meta:
        verbose_name_plural = "handhavingen"
        ordering = ["-gestart", "-id"]
        indexes = [models.Index(fields=["soort", "gestart"], name="handhaving_soort_gestart")]

    @property
    def bijzonder(self) -> bool:
        """Criminal data (R-PR-5): a Halt-afdoening and a proces-verbaal."""
        return self.soort in BIJZONDERE_HANDHAVING

    @property
    def afgerond(self) -> bool:
        return bool(self.uitkomst) and self.uitkomst != Uitkomst.DAGVAARDING
