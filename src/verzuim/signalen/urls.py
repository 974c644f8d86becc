from django.urls import path

from verzuim.signalen import views

app_name = "signalen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("leerplichtigen/", views.leerplichtigen, name="leerplichtigen"),
    path("<uuid:uuid>/", views.detail, name="detail"),
]
