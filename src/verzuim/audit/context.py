"""Who is acting: the user or API application behind a service call, carried explicitly,
and the roles (domain.md §1) an acting user can have."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models


class Rol(models.TextChoices):
    """The roles of domain.md §1; a user (`accounts.Gebruiker.rollen`) has one or more."""

    SCHOOLMEDEWERKER = "schoolmedewerker", "Schoolmedewerker"
    LEERPLICHTAMBTENAAR = "leerplichtambtenaar", "Leerplichtambtenaar"
    ADMINISTRATIEF_MEDEWERKER = "administratief-medewerker", "Administratief medewerker"
    RMC_TRAJECTBEGELEIDER = "rmc-trajectbegeleider", "RMC-trajectbegeleider"
    BELEIDSMEDEWERKER = "beleidsmedewerker", "Beleidsmedewerker"
    PRIVACY_OFFICER = "privacy-officer", "Privacy officer"
    REGISTERBEHEERDER = "registerbeheerder", "Registerbeheerder"
    # A gemeente's or dienst's application manager: its own letterhead and letter templates.
    FUNCTIONEEL_BEHEERDER = "functioneel-beheerder", "Functioneel beheerder"


@dataclass(frozen=True)
class Actor:
    """The caller of a service function. Every service takes one; scoping and audit use it.

    `soort` is "gebruiker", "api" or "systeem". `rollen` are `Rol` codes for users,
    `scopes` those of an API application. `organisatie` is the organisaties.Organisatie it
    acts for (None for the system); the audit log keeps only its code.
    """

    label: str
    organisatie: models.Model | None
    soort: str = "gebruiker"
    gebruiker: object | None = None
    rollen: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    boa: bool = False
    request_id: str = ""
    herkomst: str = ""

    @property
    def organisatie_code(self) -> str:
        return self.organisatie.code if self.organisatie else ""

    @property
    def is_systeem(self) -> bool:
        return self.soort == "systeem"

    def heeft_rol(self, *rollen: str) -> bool:
        return bool(self.rollen.intersection(rollen))


SYSTEEM = Actor(label="systeem", organisatie=None, soort="systeem")


def actor_for_user(user, request=None) -> Actor:
    return Actor(
        label=user.get_username(),
        organisatie=user.organisatie,
        soort="gebruiker",
        gebruiker=user,
        rollen=frozenset(user.rollen or []),
        boa=bool(user.boa),
        request_id=getattr(request, "request_id", "") if request else "",
        herkomst=(request.META.get("REMOTE_ADDR", "") if request else ""),
    )
