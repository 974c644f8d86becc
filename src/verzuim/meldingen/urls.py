from django.urls import path

from verzuim.meldingen import views

app_name = "meldingen"
urlpatterns = [
    path("", views.start, name="start"),
    path("inbox/", views.inbox, name="inbox"),
    path("doorgestuurd/", views.doorgestuurd, name="doorgestuurd"),
    path("mijn/", views.school_lijst, name="mijn"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/status/", views.status_wijzigen, name="status"),
    path("<uuid:uuid>/doorsturen/", views.doorsturen, name="doorsturen"),
    path("<uuid:uuid>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("<uuid:uuid>/intrekken/", views.intrekken, name="intrekken"),
]
