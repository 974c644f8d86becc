from django.urls import path

from verzuim.brieven import views

app_name = "brieven"
urlpatterns = [
    path("documenten/<uuid:uuid>.pdf", views.download, name="download"),
]
