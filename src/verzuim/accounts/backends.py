"""Model permissions from roles: a registerbeheerder manages the reference data, organisations,
users and API applications in the admin without per-user permission rows.

Never the person tables (``personen``): R-PR-1 need to know, ``personen.queries`` gives the role
no access to person data. That data comes through the BRP adapter, the API and scenario files,
whose services audit every change and apply R-RT-7."""

from verzuim.accounts.models import Rol

BEHEER_APPS = {"organisaties", "accounts"}
ALLEEN_LEZEN_APPS: set[str] = set()  # the audit log is read in its own page (privacy officer)
# A functioneel beheerder manages only its own organisation's letterhead, templates and
# casework settings (the admin classes scope the rows to the organisation).
FUNCTIONEEL_BEHEER_MODELLEN = {
    "brieven": {"briefsjabloon", "briefhoofd"},
    "dossiers": {"dossierinstelling"},
}
# Single models of an app that is otherwise not beheer (dossiers holds person data): the
# gemeenten's SVB agreements (R-CW-8) are kept by the registerbeheerder.
REGISTERBEHEER_MODELLEN = {"dossiers": {"svbafspraak"}}


def is_registerbeheerder(user) -> bool:
    """The one rule for beheer: an active user with the role registerbeheerder."""
    return user.is_active and Rol.REGISTERBEHEERDER in (getattr(user, "rollen", None) or [])


def is_functioneel_beheerder(user) -> bool:
    return user.is_active and Rol.FUNCTIONEEL_BEHEERDER in (getattr(user, "rollen", None) or [])


def mag_beheren(user) -> bool:
    """Who enters the admin site (and sees it in the menu): a registerbeheerder, a
    functioneel beheerder (its own letter templates) or a superuser (the operator's
    break-glass account)."""
    return (
        is_registerbeheerder(user)
        or is_functioneel_beheerder(user)
        or (user.is_active and user.is_superuser)
    )


def _functioneel_beheer(user, app: str, codename: str) -> bool:
    if not is_functioneel_beheerder(user):
        return False
    actie, _, model = codename.partition("_")
    return actie in {
        "view",
        "add",
        "change",
        "delete",
    } and model in FUNCTIONEEL_BEHEER_MODELLEN.get(app, ())


class RolPermissionBackend:
    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm: str, obj=None) -> bool:
        app, _, codename = perm.partition(".")
        if _functioneel_beheer(user, app, codename):
            return True
        if not is_registerbeheerder(user):
            return False
        if codename.partition("_")[2] in REGISTERBEHEER_MODELLEN.get(app, ()):
            return True
        return app in BEHEER_APPS or (app in ALLEEN_LEZEN_APPS and codename.startswith("view_"))

    def has_module_perms(self, user, app_label: str) -> bool:
        if is_functioneel_beheerder(user) and app_label in FUNCTIONEEL_BEHEER_MODELLEN:
            return True
        return is_registerbeheerder(user) and app_label in (
            BEHEER_APPS | ALLEEN_LEZEN_APPS | set(REGISTERBEHEER_MODELLEN)
        )
