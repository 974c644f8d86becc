"""`verzuim create-token` and `verzuim create-user` (issue 2 item 5; api-contract.md: tokens
stored hashed)."""

import io

import pytest
from django.core.management import CommandError, call_command

from verzuim.accounts.models import ApiToken, Gebruiker, hash_token
from verzuim.api.auth import BearerTokenAuthentication
from verzuim.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_create_token_prints_token_once_and_stores_only_hash():
    token = run(
        "create_token",
        "GM0363",
        "--scopes",
        "meldingen.lezen,meldingen.behandelen",
        "--naam",
        "LP-pakket",
    )
    assert len(token) >= 40
    stored = ApiToken.objects.get()
    assert stored.token_hash == hash_token(token) and stored.token_hash != token
    assert token not in {stored.token_hash, stored.prefix}
    assert stored.prefix == token[:8]
    app = stored.applicatie
    assert app.naam == "LP-pakket" and app.organisatie.code == "GM0363"
    assert app.scopes == ["meldingen.lezen", "meldingen.behandelen"]
    assert AuditRecord.objects.filter(actie="api-token.aanmaken", actor_label="cli").exists()


def test_created_token_authenticates(rf):
    token = run("create_token", "GM0363", "--scopes", "meldingen.lezen")
    request = rf.get("/api/v1/x", HTTP_AUTHORIZATION=f"Bearer {token}")
    client, _ = BearerTokenAuthentication().authenticate(request)
    assert client.organisatie.code == "GM0363" and "meldingen.lezen" in client.scopes


def test_two_tokens_differ():
    assert run("create_token", "GM0363", "--scopes", "meldingen.lezen") != run(
        "create_token", "GM0363", "--scopes", "meldingen.lezen"
    )


@pytest.mark.parametrize(
    ("args", "fout"),
    [
        (["GM9999", "--scopes", "meldingen.lezen"], "Onbekende organisatie"),
        (["GM0363", "--scopes", "alles"], "Onbekende scope"),
        (["GM0363", "--scopes", ","], "minstens één scope"),
    ],
)
def test_create_token_rejects_bad_input(args, fout):
    with pytest.raises(CommandError, match=fout):
        run("create_token", *args)
    assert not ApiToken.objects.exists()


def test_create_user_prints_random_password():
    wachtwoord = run(
        "create_user", "lpa1", "--organisatie", "GM0363", "--rollen", "leerplichtambtenaar", "--boa"
    )
    user = Gebruiker.objects.get(username="lpa1")
    assert len(wachtwoord) >= 12 and user.check_password(wachtwoord)
    assert user.organisatie.code == "GM0363" and user.rollen == ["leerplichtambtenaar"] and user.boa
    assert AuditRecord.objects.filter(actie="gebruiker.aanmaken", object_id=str(user.pk)).exists()


def test_create_user_again_updates_and_resets_password():
    eerste = run("create_user", "rb", "--rollen", "registerbeheerder")
    tweede = run(
        "create_user",
        "rb",
        "--organisatie",
        "REGISTER",
        "--rollen",
        "registerbeheerder,privacy-officer",
    )
    user = Gebruiker.objects.get(username="rb")
    assert eerste != tweede and user.check_password(tweede)
    assert user.rollen == ["registerbeheerder", "privacy-officer"] and user.is_staff


@pytest.mark.parametrize(
    ("args", "fout"),
    [
        (["x", "--rollen", "koning"], "Onbekende rol"),
        (["x", "--rollen", "schoolmedewerker", "--boa"], "BOA"),
        (["x", "--organisatie", "NOPE", "--rollen", "schoolmedewerker"], "Onbekende organisatie"),
    ],
)
def test_create_user_rejects_bad_input(args, fout):
    with pytest.raises(CommandError, match=fout):
        run("create_user", *args)
    assert not Gebruiker.objects.filter(username="x").exists()
