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
#: The one password of every demo user (demo mode only; scenario files, `demo-logins`).
DEMO_WACHTWOORD = "demo-verzuim-2026"


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


# --- changes made in registerbeheer (the admin) --------------------------------------------
# The admin's forms validate; these functions save and audit in one transaction (R-PR-1).
# Audit details name the changed fields and the new and previous values of the access-relevant
# ones, never a password or its hash.

GEBRUIKER_TOEGANG = ("organisatie", "rollen", "boa", "is_active", "is_staff", "is_superuser")
APPLICATIE_TOEGANG = ("organisatie", "scopes", "actief")


def _toegang(obj, velden: tuple[str, ...]) -> dict:
    waarden = {}
    for veld in velden:
        waarde = getattr(obj, veld)
        waarden[veld] = waarde.code if isinstance(waarde, Organisatie) else waarde
    return waarden


def _vorige(model, pk, velden: tuple[str, ...]) -> dict:
    vorig = model.objects.select_related("organisatie").filter(pk=pk).first() if pk else None
    return _toegang(vorig, velden) if vorig else {}


@transaction.atomic
def bewaar_gebruiker(actor: Actor, gebruiker: Gebruiker, gewijzigd: list[str]) -> Gebruiker:
    """Save a user created or edited in the admin; audited as gebruiker.aanmaken/.wijzigen
    with the changed fields, the new and the previous organisation, roles and flags."""
    if gebruiker.boa and Rol.LEERPLICHTAMBTENAAR not in (gebruiker.rollen or []):
        raise OngeldigeInvoer("Alleen een leerplichtambtenaar kan BOA zijn.")
    nieuw = gebruiker.pk is None
    voor = _vorige(Gebruiker, gebruiker.pk, GEBRUIKER_TOEGANG)
    gebruiker.save()
    audit.log(
        actor,
        "gebruiker.aanmaken" if nieuw else "gebruiker.wijzigen",
        obj=gebruiker,
        details={
            "username": gebruiker.get_username(),
            "velden": sorted(v for v in gewijzigd if v not in ("password1", "password2")),
            **_toegang(gebruiker, GEBRUIKER_TOEGANG),
            "voor": voor,
        },
    )
    return gebruiker


@transaction.atomic
def wachtwoord_gewijzigd(actor: Actor, gebruiker: Gebruiker) -> None:
    """Record that registerbeheer set a user's password (the form saved it; never logged)."""
    audit.log(
        actor,
        "gebruiker.wachtwoord-wijzigen",
        obj=gebruiker,
        details={"username": gebruiker.get_username()},
    )


@transaction.atomic
def verwijder_gebruiker(actor: Actor, gebruiker: Gebruiker) -> None:
    """Delete a user; the audit record keeps who it was (audit rows keep their actor_label)."""
    audit.log(
        actor,
        "gebruiker.verwijderen",
        obj=gebruiker,
        details={"username": gebruiker.get_username(), **_toegang(gebruiker, GEBRUIKER_TOEGANG)},
    )
    gebruiker.delete()


@transaction.atomic
def bewaar_applicatie(actor: Actor, app: ApiApplicatie, gewijzigd: list[str]) -> ApiApplicatie:
    """Save an API application edited in the admin (scopes, organisation, active); audited."""
    app.scopes = _controleer(list(app.scopes or []), Scope.values, "scope")
    nieuw = app.pk is None
    voor = _vorige(ApiApplicatie, app.pk, APPLICATIE_TOEGANG)
    app.save()
    audit.log(
        actor,
        "api-applicatie.aanmaken" if nieuw else "api-applicatie.wijzigen",
        obj=app,
        details={
            "naam": app.naam,
            "velden": sorted(gewijzigd),
            **_toegang(app, APPLICATIE_TOEGANG),
            "voor": voor,
        },
    )
    return app


@transaction.atomic
def bewaar_token(actor: Actor, token: ApiToken, gewijzigd: list[str]) -> ApiToken:
    """Save a token edited in the admin (only ``ingetrokken`` is editable); revoking is
    audited as api-token.intrekken, undoing it as api-token.herstellen."""
    token.save()
    actie = "api-token.intrekken" if token.ingetrokken else "api-token.herstellen"
    audit.log(
        actor,
        actie if "ingetrokken" in gewijzigd else "api-token.wijzigen",
        obj=token,
        details={
            "prefix": token.prefix,
            "applicatie": token.applicatie.naam,
            "velden": sorted(gewijzigd),
        },
    )
    return token


@transaction.atomic
def bevestig_tweefactor(actor: Actor, device) -> None:
    """The user entered a valid code for the new TOTP device: it becomes their second factor.
    Audited as 2fa.ingesteld (R-PR-1: every change is logged)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.log(actor, "2fa.ingesteld", obj=device)


@transaction.atomic
def herstel_tweefactor(actor: Actor, gebruiker: Gebruiker) -> int:
    """Registerbeheer removes a user's TOTP devices (lost phone); the user sets up a new one at
    the next login. Audited as 2fa.hersteld."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    aantal, _ = TOTPDevice.objects.filter(user=gebruiker).delete()
    audit.log(actor, "2fa.hersteld", obj=gebruiker, details={"apparaten": aantal})
    return aantal
