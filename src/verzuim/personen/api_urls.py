"""/api/v1 register data (api-contract.md "Register data") and the leerplicht rules over
a pupil's data (leerplichtstatus, keuzehulp)."""

from django.urls import path

from verzuim.personen import api, api_leerplicht

urlpatterns = [
    path(
        "leerplichtstatus",
        api_leerplicht.LeerplichtstatusView.as_view(),
        name="leerplichtstatus",
    ),
    path("keuzehulp", api_leerplicht.KeuzehulpView.as_view(), name="keuzehulp"),
    path("inschrijvingen", api.InschrijvingenView.as_view(), name="inschrijvingen"),
    path(
        "inschrijvingen/<uuid:inschrijving_uuid>",
        api.InschrijvingView.as_view(),
        name="inschrijving",
    ),
    path("diplomas", api.DiplomasView.as_view(), name="diplomas"),
    path("vrijstellingen", api.VrijstellingenView.as_view(), name="vrijstellingen"),
]
