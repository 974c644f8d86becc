"""/api/v1/dossiers… (api-contract.md "Signalen, dossiers, cijfers"), the activity types,
and the school's side of the verzuimoverzicht request (R-CW-3). `_zoek` comes before the
uuid route."""

from django.urls import path

from verzuim.dossiers import api

urlpatterns = [
    path("dossiers", api.DossiersView.as_view(), name="dossiers"),
    path("dossiers/_zoek", api.DossierZoekView.as_view(), name="dossiers-zoek"),
    path("dossiers/<uuid:dossier_uuid>", api.DossierView.as_view(), name="dossier"),
    path(
        "dossiers/<uuid:dossier_uuid>/activiteiten",
        api.DossierActiviteitenView.as_view(),
        name="dossier-activiteiten",
    ),
    path("dossiers/<uuid:dossier_uuid>/fase", api.DossierFaseView.as_view(), name="dossier-fase"),
    path(
        "dossiers/<uuid:dossier_uuid>/afsluiten",
        api.DossierAfsluitenView.as_view(),
        name="dossier-afsluiten",
    ),
    path(
        "dossiers/<uuid:dossier_uuid>/heropenen",
        api.DossierHeropenenView.as_view(),
        name="dossier-heropenen",
    ),
    path(
        "dossiers/<uuid:dossier_uuid>/behandelaar",
        api.DossierBehandelaarView.as_view(),
        name="dossier-behandelaar",
    ),
    path(
        "dossiers/<uuid:dossier_uuid>/vervolgdatum",
        api.DossierVervolgdatumView.as_view(),
        name="dossier-vervolgdatum",
    ),
    path(
        "dossiers/<uuid:dossier_uuid>/verzuimoverzichtverzoeken",
        api.DossierVerzoekenView.as_view(),
        name="dossier-verzuimoverzichtverzoeken",
    ),
    path("activiteitsoorten", api.ActiviteitSoortenView.as_view(), name="activiteitsoorten"),
    path(
        "verzuimoverzichtverzoeken",
        api.VerzoekenView.as_view(),
        name="verzuimoverzichtverzoeken",
    ),
    path(
        "verzuimoverzichtverzoeken/<uuid:verzoek_uuid>/antwoord",
        api.VerzoekAntwoordView.as_view(),
        name="verzuimoverzichtverzoek-antwoord",
    ),
]
