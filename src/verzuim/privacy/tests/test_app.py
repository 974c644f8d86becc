from django.apps import apps


def test_the_privacy_app_is_installed():
    assert apps.get_app_config("privacy").name == "verzuim.privacy"
