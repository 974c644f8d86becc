from django.urls import path

from verzuim.dossiers import briefpagina, schoolpagina, views

app_name = "dossiers"
urlpatterns = [
    path("", views.werklijst, name="werklijst"),
    path("uit-signaal/<uuid:uuid>/", views.uit_signaal, name="uit_signaal"),
    # A dossier opened by hand for a pupil (R-CW-1); `uuid` is the leerling's.
    path("openen/<uuid:uuid>/", views.openen, name="openen"),
    # The school's answer on its melding page (R-CW-3); `uuid` is the request's.
    path(
        "verzuimoverzicht/<uuid:uuid>/antwoord/",
        schoolpagina.antwoord,
        name="verzuimoverzicht_antwoord",
    ),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/activiteit/", views.activiteit, name="activiteit"),
    path("<uuid:uuid>/fase/", views.fase, name="fase"),
    path("<uuid:uuid>/route/", views.routekeuze, name="routekeuze"),
    path("<uuid:uuid>/verloftoets/", views.verloftoets, name="verloftoets"),
    path("<uuid:uuid>/handhaving/<uuid:route>/", views.handhaving, name="handhaving"),
    path("<uuid:uuid>/handhaving/<slug:soort>/", views.handhaving_start, name="handhaving_start"),
    path("<uuid:uuid>/vervolg/", views.vervolg, name="vervolg"),
    path("<uuid:uuid>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<uuid:uuid>/heropenen/", views.heropenen, name="heropenen"),
    path("<uuid:uuid>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("<uuid:uuid>/nemen/", views.nemen, name="nemen"),
    path("<uuid:uuid>/verzoek/", views.verzoek, name="verzoek"),
    path("<uuid:uuid>/brief/", briefpagina.brief, name="brief"),
    path("<uuid:uuid>/brief/voorbeeld/", briefpagina.brief_voorbeeld, name="brief_voorbeeld"),
    path("<uuid:uuid>/brief/versturen/", briefpagina.brief_versturen, name="brief_versturen"),
    path("<uuid:uuid>/werkaantekening/", views.werkaantekening, name="werkaantekening"),
    path(
        "<uuid:uuid>/werkaantekening/<int:pk>/verwijderen/",
        views.werkaantekening_verwijderen,
        name="werkaantekening_verwijderen",
    ),
]
