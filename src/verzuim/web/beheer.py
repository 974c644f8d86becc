"""Admin site for registerbeheer (issue 2 item 10): only the role registerbeheerder, the
functioneel beheerder of a gemeente/dienst (its own letter templates) or a superuser gets
in; everyone signs in through the application's own login with 2FA."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from verzuim.accounts.backends import mag_beheren

GEEN_TOEGANG = "Alleen registerbeheerders en functioneel beheerders hebben toegang tot beheer."


class BeheerSite(admin.AdminSite):
    site_header = "Verzuimregister – registerbeheer"
    site_title = "Registerbeheer"
    index_title = "Referentiegegevens, organisaties, gebruikers en API-koppelingen"

    def has_permission(self, request) -> bool:
        return mag_beheren(request.user)

    def admin_view(self, view, cacheable=False):
        """Signed in without the role: 403 (Dutch page), not the admin's login form."""
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def wrapper(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied(GEEN_TOEGANG)
            return inner(request, *args, **kwargs)

        return wrapper

    def login(self, request, extra_context=None):
        """One login for the whole application (Dutch page, lockout, 2FA)."""
        if request.user.is_authenticated:
            raise PermissionDenied(GEEN_TOEGANG)
        nxt = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': nxt})}")
