from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "verzuim.accounts"
    default_auto_field = "django.db.models.BigAutoField"
