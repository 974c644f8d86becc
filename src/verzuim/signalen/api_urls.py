"""/api/v1 signals (api-contract.md "Signalen") and BRP mutations (R-SG-5)."""

from django.urls import path

from verzuim.signalen import api, api_leerplichtigen

urlpatterns = [
    path("signalen", api.SignalenView.as_view(), name="signalen"),
    path("signalen/<uuid:signaal_uuid>", api.SignaalView.as_view(), name="signaal"),
    path("brp-mutaties", api.BrpMutatiesView.as_view(), name="brp-mutaties"),
    path("leerplichtigen", api_leerplichtigen.LeerplichtigenView.as_view(), name="leerplichtigen"),
    path(
        "leerplichtigen/_zoek",
        api_leerplichtigen.LeerplichtigenZoekView.as_view(),
        name="leerplichtigen-zoek",
    ),
]
