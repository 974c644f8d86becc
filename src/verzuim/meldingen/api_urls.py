"""/api/v1/meldingen… (api-contract.md "Meldingen"). `_zoek` comes before the uuid route."""

from django.urls import path

from verzuim.meldingen import api

urlpatterns = [
    path("meldingen", api.MeldingenView.as_view(), name="meldingen"),
    path("meldingen/_zoek", api.MeldingZoekView.as_view(), name="meldingen-zoek"),
    path("meldingen/<uuid:melding_uuid>", api.MeldingView.as_view(), name="melding"),
    path(
        "meldingen/<uuid:melding_uuid>/statussen",
        api.MeldingStatussenView.as_view(),
        name="melding-statussen",
    ),
    path(
        "meldingen/<uuid:melding_uuid>/doorsturen",
        api.MeldingDoorsturenView.as_view(),
        name="melding-doorsturen",
    ),
]
