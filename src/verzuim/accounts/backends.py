"""Model permissions from roles: a registerbeheerder manages the reference data, organisations,
users and API applications in the admin without per-user permission rows.

Never the person tables (``personen``): R-PR-1 need to know, ``personen.queries`` gives the role
no access to person data. That data comes through the BRP adapter, the API and scenario files,
whose services audit every change and apply R-RT-7."""

BEHEER_APPS = {"organisaties", "accounts"}
ALLEEN_LEZEN_APPS: set[str] = set()  # the audit log is read in its own page (privacy officer)


def _beheerder(user) -> bool:
    return user.is_active and "registerbeheerder" in (getattr(user, "rollen", None) or [])


class RolPermissionBackend:
    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm: str, obj=None) -> bool:
        if not _beheerder(user):
            return False
        app, _, codename = perm.partition(".")
        return app in BEHEER_APPS or (app in ALLEEN_LEZEN_APPS and codename.startswith("view_"))

    def has_module_perms(self, user, app_label: str) -> bool:
        return _beheerder(user) and app_label in BEHEER_APPS | ALLEEN_LEZEN_APPS
