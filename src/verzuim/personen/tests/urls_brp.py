from django.urls import include, path

urlpatterns = [path("brp-proef/", include("verzuim.personen.brp.urls"))]
