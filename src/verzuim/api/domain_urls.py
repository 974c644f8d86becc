"""The domain endpoints; each app keeps its own routes in `<app>/api_urls.py`. URL wiring:
it names the apps only as include() strings, so the API infrastructure imports no domain."""

from django.urls import include, path

urlpatterns: list = [
    path("", include("verzuim.meldingen.api_urls")),
    path("", include("verzuim.personen.api_urls")),
    path("", include("verzuim.signalen.api_urls")),
    path("", include("verzuim.dossiers.api_urls")),
    path("", include("verzuim.cijfers.api_urls")),
]
