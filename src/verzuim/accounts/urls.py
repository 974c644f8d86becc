from django.contrib.auth import views as auth_views
from django.urls import path

from verzuim.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.verifieer, name="2fa"),
    path("2fa/instellen/", views.instellen, name="2fa-instellen"),
]
