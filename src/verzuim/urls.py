from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("api/v1/", include("verzuim.api.urls")),
    path("account/", include("verzuim.accounts.urls")),
    path("auditlog/", include("verzuim.audit.urls")),
    path("brieven/", include("verzuim.brieven.urls")),
    path("meldingen/", include("verzuim.meldingen.urls")),
    path("leerlingen/", include("verzuim.personen.urls")),
    path("signalen/", include("verzuim.signalen.urls")),
    path("dossiers/", include("verzuim.dossiers.urls")),
    path("cijfers/", include("verzuim.cijfers.urls")),
    path("privacy/", include("verzuim.privacy.urls")),
    # Haal Centraal-shaped view of the local BRP store; answers only in demo/debug mode.
    path("brp-proef/", include("verzuim.personen.brp.urls")),
    path("", include("verzuim.web.urls")),
]

# The database unreachable answers 503 with Retry-After (API and pages); other errors 500.
handler500 = "verzuim.api.unavailable.server_error"
