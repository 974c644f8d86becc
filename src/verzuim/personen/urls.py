from django.urls import path

from verzuim.personen import views

app_name = "personen"
urlpatterns = [
    path("zoeken", views.zoeken, name="zoeken"),
    path("<uuid:uuid>", views.leerling, name="leerling"),
]
