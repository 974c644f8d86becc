from django.urls import path

from verzuim.web import views
from verzuim.web.keuzehulp import keuzehulp_pagina

app_name = "web"
urlpatterns = [
    path("", views.start, name="start"),
    path("keuzehulp", keuzehulp_pagina, name="keuzehulp"),
]
