from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class WebConfig(AppConfig):
    default = True
    name = "verzuim.web"
    default_auto_field = "django.db.models.BigAutoField"


class BeheerAdminConfig(admin_apps.AdminConfig):
    """The Django admin at /beheer/, open only to registerbeheerders (and superusers)."""

    default = False
    default_site = "verzuim.web.beheer.BeheerSite"
