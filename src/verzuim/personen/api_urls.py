"""/api/v1 register data (api-contract.md "Register data")."""

from django.urls import path

from verzuim.personen import api

urlpatterns = [
    path("inschrijvingen", api.InschrijvingenView.as_view(), name="inschrijvingen"),
    path(
        "inschrijvingen/<uuid:inschrijving_uuid>",
        api.InschrijvingView.as_view(),
        name="inschrijving",
    ),
    path("diplomas", api.DiplomasView.as_view(), name="diplomas"),
    path("vrijstellingen", api.VrijstellingenView.as_view(), name="vrijstellingen"),
]
