"""The application's URLs plus one page that breaks the Content-Security-Policy on purpose:
an inline script, an inline style attribute and an inline event handler. Served through the
real middleware (so with the real CSP header) to prove that the browser blocks them and that
the browser tests' CSP guard sees it."""

from django.http import HttpResponse
from django.urls import path

from verzuim.urls import urlpatterns as applicatie

PAGINA = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>CSP-proef</title></head>
<body>
<p id="opgemaakt" style="color: rgb(255, 0, 0)">Inline stijl</p>
<button id="knop" type="button" onclick="document.body.dataset.klik = 'uitgevoerd'">Klik</button>
<script>document.body.dataset.inline = "uitgevoerd";</script>
</body></html>"""


def proefpagina(request):
    return HttpResponse(PAGINA)


urlpatterns = [path("csp-proef/", proefpagina), *applicatie]
