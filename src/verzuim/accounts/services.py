"""Creating users and API tokens (issue 2 item 5). Operators call these from the CLI; the admin
uses the same functions so every change is audited (R-PR-1)."""

from __future__ import annotations

import secrets

from django.db import transaction

from verzuim.accounts.models import ApiApplicatie, ApiToken, Gebruiker, Rol, Scope, hash_token
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.organisaties.models import Organisatie

CLI = Actor(label="cli", organisatie=None, soort="systeem", herkomst="cli")


class OngeldigeInvoer(ValueError):
    """Operator input that cannot be used; the message is Dutch and names the value."""


def _organisatie(code: str) -> Organisatie:
    org = Organisatie.objects.filter(code=code).first()
    if org is None:
        raise OngeldigeInvoer(f"Onbekende organisatie: {code!r}.")
    return org


def _controleer(waarden: list[str], toegestaan: list[str], soort: str) -> list[str]:
    onbekend = [w for w in waarden if w not in toegestaan]
    if onbekend:
        raise OngeldigeInvoer(
            f"Onbekende {soort}: {', '.join(onbekend)}. Kies uit: {', '.join(toegestaan)}."
        )
    return list(dict.fromkeys(waarden))


@transaction.atomic
def maak_token(
    actor: Actor, organisatie_code: str, scopes: list[str], naam: str = ""
) -> tuple[ApiApplicatie, str]:
    """A new API application with one bearer token. Returns the token itself, which is
    never stored: only its SHA-256 (api-contract.md). Show it once."""
    org = _organisatie(organisatie_code)
    scopes = _controleer(scopes, Scope.values, "scope")
    if not scopes:
        raise OngeldigeInvoer("Geef minstens één scope.")
    app = ApiApplicatie.objects.create(
        naam=naam or f"{org.naam} API", organisatie=org, scopes=scopes
    )
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(applicatie=app, token_hash=hash_token(token), prefix=token[:8])
    audit.log(actor, "api-token.aanmaken", obj=app, details={"scopes": scopes, "prefix": token[:8]})
    return app, token


@transaction.atomic
def maak_gebruiker(
    actor: Actor,
    username: str,
    organisatie_code: str | None,
    rollen: list[str],
    *,
    boa: bool = False,
    wachtwoord: str | None = None,
    email: str = "",
    naam: str = "",
) -> tuple[Gebruiker, str]:
    """Create (or update, keeping the account) a user; returns the user and the new password
    (random unless given). Users never get a password they did not receive from here."""
    org = _organisatie(organisatie_code) if organisatie_code else None
    rollen = _controleer(rollen, Rol.values, "rol")
    if boa and Rol.LEERPLICHTAMBTENAAR not in rollen:
        raise OngeldigeInvoer("Alleen een leerplichtambtenaar kan BOA zijn.")
    wachtwoord = wachtwoord or secrets.token_urlsafe(12)
    voornaam, _, achternaam = naam.partition(" ")
    user, nieuw = Gebruiker.objects.get_or_create(username=username)
    user.organisatie, user.rollen, user.boa = org, rollen, boa
    user.email = email or user.email
    if naam:
        user.first_name, user.last_name = voornaam, achternaam
    user.is_staff = Rol.REGISTERBEHEERDER in rollen
    user.set_password(wachtwoord)
    user.save()
    audit.log(
        actor,
        "gebruiker.aanmaken" if nieuw else "gebruiker.wijzigen",
        obj=user,
        details={"organisatie": org.code if org else "", "rollen": rollen, "boa": boa},
    )
    return user, wachtwoord
