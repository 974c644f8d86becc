from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("api/v1/", include("verzuim.api.urls")),
    path("account/", include("verzuim.accounts.urls")),
    path("auditlog/", include("verzuim.audit.urls")),
    path("meldingen/", include("verzuim.meldingen.urls")),
    path("leerlingen/", include("verzuim.personen.urls")),
    path("", include("verzuim.web.urls")),
]
