"""/api/v1 signals (api-contract.md "Signalen") and BRP mutations (R-SG-5)."""

from django.urls import path

from verzuim.signalen import api

urlpatterns = [
    path("signalen", api.SignalenView.as_view(), name="signalen"),
    path("signalen/<uuid:signaal_uuid>", api.SignaalView.as_view(), name="signaal"),
    path("brp-mutaties", api.BrpMutatiesView.as_view(), name="brp-mutaties"),
]
