from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "verzuim.accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login

        # "Laatst ingelogd" on the application's date (VERZUIM_TODAY), like every other date
        # the admin and the audit log show; Django's own receiver uses the real clock.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(laatst_ingelogd, dispatch_uid="update_last_login")


def laatst_ingelogd(sender, user, **kwargs):
    from verzuim import clock

    user.last_login = clock.now()
    user.save(update_fields=["last_login"])
