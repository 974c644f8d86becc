"""verzuim.web.csp: the same Content-Security-Policy header as django-csp, built once; every
per-response feature of django-csp still goes through django-csp."""

import pytest
from csp.constants import NONCE, SELF
from csp.decorators import csp_exempt, csp_update
from csp.middleware import CSPMiddleware as DjangoCspMiddleware
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from verzuim.web.csp import CSPMiddleware, vaste_policy

HEADER = "Content-Security-Policy"


def antwoord(middleware_klasse, view=None, path="/keuzehulp"):
    view = view or (lambda request: HttpResponse("ok"))
    middleware = middleware_klasse(view)
    request = RequestFactory().get(path)
    middleware.process_request(request)
    response = view(request)
    return request, middleware.process_response(request, response)


def test_same_header_as_django_csp():
    _, ons = antwoord(CSPMiddleware)
    _, hun = antwoord(DjangoCspMiddleware)
    assert ons[HEADER] == hun[HEADER] == build_policy()


def test_policy_follows_a_settings_change(settings):
    eerst = vaste_policy()
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF, "https://x.nl"]}}
    _, resp = antwoord(CSPMiddleware)
    assert resp[HEADER] == "default-src 'self' https://x.nl"
    assert vaste_policy() != eerst


def test_view_decorators_still_work():
    @csp_update({"img-src": "https://kaart.example.nl"})
    def bijgewerkt(request):
        return HttpResponse()

    @csp_exempt()
    def vrijgesteld(request):
        return HttpResponse()

    assert "https://kaart.example.nl" in antwoord(CSPMiddleware, bijgewerkt)[1][HEADER]
    assert HEADER not in antwoord(CSPMiddleware, vrijgesteld)[1]


def test_a_nonce_used_by_the_page_goes_into_the_header(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE]}}

    def met_nonce(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    request, resp = antwoord(CSPMiddleware, met_nonce)
    assert f"'nonce-{request._csp_nonce}'" in resp[HEADER]


def test_nonce_after_the_header_is_an_error():
    request, _ = antwoord(CSPMiddleware)
    with pytest.raises(Exception, match="not available after the CSP header"):
        str(request.csp_nonce)


def test_debug_error_pages_are_left_alone(settings):
    settings.DEBUG = True
    _, resp = antwoord(CSPMiddleware, lambda request: HttpResponse(status=404))
    assert HEADER not in resp
    settings.DEBUG = False
    _, resp = antwoord(CSPMiddleware, lambda request: HttpResponse(status=404))
    assert resp[HEADER] == build_policy()
