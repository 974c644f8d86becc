"""Users with an organisation and roles (domain.md §1), API applications with scopes
and hashed bearer tokens (api-contract.md)."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models

from verzuim import clock
from verzuim.audit.context import Rol
from verzuim.organisaties.models import Organisatie, OrganisatieSoort

# Roles that may see person data of the pupils of their organisation.
ROLLEN_MET_PERSOONSGEGEVENS = {
    Rol.SCHOOLMEDEWERKER,
    Rol.LEERPLICHTAMBTENAAR,
    Rol.ADMINISTRATIEF_MEDEWERKER,
    Rol.RMC_TRAJECTBEGELEIDER,
}
_CASEWORK = frozenset(ROLLEN_MET_PERSOONSGEGEVENS - {Rol.SCHOOLMEDEWERKER})
# R-PR-1: such a role gives person data only at the kind of organisation it belongs to (a
# schoolmedewerker at a gemeente, or a leerplichtambtenaar at a school, sees none).
PERSOONSROLLEN_PER_SOORT = {
    OrganisatieSoort.SCHOOL: frozenset({Rol.SCHOOLMEDEWERKER}),
    OrganisatieSoort.GEMEENTE: _CASEWORK,
    OrganisatieSoort.LEERPLICHTDIENST: _CASEWORK,
    OrganisatieSoort.RMC_REGIO: _CASEWORK,
}


def heeft_persoonsrol(actor) -> bool:
    """Whether a user (an Actor) holds a role that gives person data at its organisation."""
    org = actor.organisatie
    return org is not None and actor.heeft_rol(*PERSOONSROLLEN_PER_SOORT.get(org.soort, ()))


class Gebruiker(AbstractUser):
    organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.PROTECT, related_name="gebruikers"
    )
    rollen = models.JSONField(default=list, blank=True)
    boa = models.BooleanField("BOA", default=False)
    # On the application's date (VERZUIM_TODAY), as every date it shows (apps.py: last_login).
    date_joined = models.DateTimeField("datum aangemaakt", default=clock.now)
    # Contact details a melding form starts with (R-ME-1: contactpersoon).
    functie = models.CharField(max_length=200, blank=True)
    telefoon = models.CharField("telefoonnummer", max_length=200, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def heeft_rol(self, *rollen: str) -> bool:
        return any(r in self.rollen for r in rollen)

    @property
    def rollen_labels(self) -> list[str]:
        return [Rol(r).label for r in self.rollen if r in Rol.values]


class Scope(models.TextChoices):
    MELDINGEN_AANMAKEN = "meldingen.aanmaken"
    MELDINGEN_LEZEN = "meldingen.lezen"
    MELDINGEN_BEHANDELEN = "meldingen.behandelen"
    INSCHRIJVINGEN_SCHRIJVEN = "inschrijvingen.schrijven"
    DIPLOMAS_SCHRIJVEN = "diplomas.schrijven"
    VRIJSTELLINGEN_SCHRIJVEN = "vrijstellingen.schrijven"
    LEERPLICHTSTATUS_LEZEN = "leerplichtstatus.lezen"
    SIGNALEN_LEZEN = "signalen.lezen"
    CIJFERS_LEZEN = "cijfers.lezen"
    DOSSIERS_LEZEN = "dossiers.lezen"
    DOSSIERS_SCHRIJVEN = "dossiers.schrijven"
    BRP_MUTATIES = "brp.mutaties"


class ApiApplicatie(models.Model):
    naam = models.CharField(max_length=200)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="api_applicaties"
    )
    scopes = models.JSONField(default=list)
    actief = models.BooleanField(default=True)
    aangemaakt = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        verbose_name = "API-applicatie"
        verbose_name_plural = "API-applicaties"

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie.code})"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """Only the SHA-256 of the token is stored; the token itself is shown once."""

    applicatie = models.ForeignKey(ApiApplicatie, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    aangemaakt = models.DateTimeField(default=clock.now, editable=False)
    laatst_gebruikt = models.DateTimeField(null=True, blank=True)
    ingetrokken = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.applicatie})"
