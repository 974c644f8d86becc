from django.utils.functional import SimpleLazyObject

from verzuim.accounts.tweefactor import is_geverifieerd
from verzuim.web import nav


def layout(request):
    """Organisation, roles and navigation of the signed-in user for the page header; nothing
    until the user has passed 2FA."""
    user = getattr(request, "user", None)
    if not user or not hasattr(user, "rollen") or not is_geverifieerd(user):
        return {}
    return {
        "huidige_organisatie": user.organisatie,
        "huidige_rollen": user.rollen_labels,
        # Built only when a template shows it (not for htmx fragments): the badge counts.
        "menu": SimpleLazyObject(lambda: nav.menu_voor(user, request.path)),
    }
