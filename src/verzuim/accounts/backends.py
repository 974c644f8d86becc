"""Model permissions from roles: a registerbeheerder manages the reference data, organisations,
users and API applications in the admin without per-user permission rows.

Never the person tables (``personen``): R-PR-1 need to know, ``personen.queries`` gives the role
no access to person data. That data comes through the BRP adapter, the API and scenario files,
whose services audit every change and apply R-RT-7."""

from verzuim.accounts.models import Rol

BEHEER_APPS = {"organisaties", "accounts"}
ALLEEN_LEZEN_APPS: set[str] = set()  # the audit log is read in its own page (privacy officer)


def is_registerbeheerder(user) -> bool:
    """The one rule for beheer: an active user with the role registerbeheerder."""
    return user.is_active and Rol.REGISTERBEHEERDER in (getattr(user, "rollen", None) or [])


def mag_beheren(user) -> bool:
    """Who enters the admin site (and sees it in the menu): a registerbeheerder or a
    superuser (the operator's break-glass account)."""
    return is_registerbeheerder(user) or (user.is_active and user.is_superuser)


class RolPermissionBackend:
    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm: str, obj=None) -> bool:
        if not is_registerbeheerder(user):
            return False
        app, _, codename = perm.partition(".")
        return app in BEHEER_APPS or (app in ALLEEN_LEZEN_APPS and codename.startswith("view_"))

    def has_module_perms(self, user, app_label: str) -> bool:
        return is_registerbeheerder(user) and app_label in BEHEER_APPS | ALLEEN_LEZEN_APPS
