"""Login, TOTP verification and set-up (issue 2 item 5)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from verzuim.accounts import services, tweefactor
from verzuim.accounts.forms import CodeForm, InlogForm
from verzuim.audit import services as audit
from verzuim.audit.context import actor_for_user


class InlogView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"tweefactor": tweefactor.vereist()}


def _volgende(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return "/"


@login_required
def verifieer(request):
    device = tweefactor.bevestigd_apparaat(request.user)
    if device is None:
        return redirect(tweefactor.stap_url(request.user, _volgende(request)))
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        audit.log(actor_for_user(request.user, request), "account.2fa-geverifieerd")
        return redirect(_volgende(request))
    return render(request, "accounts/2fa.html", {"form": form, "next": _volgende(request)})


@login_required
def instellen(request):
    if tweefactor.bevestigd_apparaat(request.user):
        return redirect(tweefactor.stap_url(request.user, _volgende(request)))
    device = tweefactor.nieuw_apparaat(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        services.bevestig_tweefactor(actor_for_user(request.user, request), device)
        otp_login(request, device)
        return redirect(_volgende(request))
    context = {
        "form": form,
        "next": _volgende(request),
        "qr": tweefactor.qr_svg(device.config_url),
        "geheim": _in_groepjes(device),
    }
    return render(request, "accounts/2fa_instellen.html", context)


def _in_groepjes(device) -> str:
    from base64 import b32encode

    geheim = b32encode(device.bin_key).decode()
    return " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4))
