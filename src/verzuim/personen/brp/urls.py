"""Include as `path("brp-proef/", include("verzuim.personen.brp.urls"))` in the root urls."""

from django.urls import path

from verzuim.personen.brp import proef

urlpatterns = [path("personen", proef.personen, name="brp-proef-personen")]
