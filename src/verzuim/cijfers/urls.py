from django.urls import path, re_path

from verzuim.cijfers import views

app_name = "cijfers"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("gevallen", views.gevallen, name="gevallen"),
    path("vaststellen", views.vaststellen, name="vaststellen"),
    re_path(
        r"^leerplichttelling-(?P<schooljaar>\d{4}-\d{4})\.(?P<formaat>xlsx|csv)$",
        views.downloaden,
        name="downloaden",
    ),
    path("definities", views.definities, name="definities"),
    path("benchmark", views.benchmark, name="benchmark"),
    path("school", views.school, name="school"),
]
