"""The domain endpoints; each app keeps its own routes in `<app>/api_urls.py`."""

from django.urls import include, path

from verzuim.api import rules_views

urlpatterns: list = [
    path("leerplichtstatus", rules_views.LeerplichtstatusView.as_view(), name="leerplichtstatus"),
    path("keuzehulp", rules_views.KeuzehulpView.as_view(), name="keuzehulp"),
    path("", include("verzuim.meldingen.api_urls")),
    path("", include("verzuim.personen.api_urls")),
    path("", include("verzuim.signalen.api_urls")),
]
