from django.urls import path

from verzuim.privacy import views

app_name = "privacy"
urlpatterns = [
    path("inzage/", views.werklijst, name="werklijst"),
    path("inzage/<uuid:uuid>/", views.verzoek, name="verzoek"),
    path("inzage/<uuid:uuid>/exporteren", views.exporteren, name="exporteren"),
    path("inzage/<uuid:uuid>/beantwoorden", views.beantwoorden, name="beantwoorden"),
    path("inzage/<uuid:uuid>/overzicht.pdf", views.pdf, name="pdf"),
    path("inzage/<uuid:uuid>/overzicht.json", views.json_export, name="json"),
    path("inzage/<uuid:uuid>/toestemming", views.toestemming, name="toestemming"),
    path(
        "inzage/<uuid:uuid>/werkaantekening/<int:pk>/achterhouden",
        views.achterhouden,
        name="achterhouden",
    ),
    path(
        "inzage/<uuid:uuid>/werkaantekening/<int:pk>/verstrekken",
        views.verstrekken,
        name="verstrekken",
    ),
]
