"""docs/privacy.md is generated from the code's declarations (issue 12): the committed file
must equal what `verzuim privacyregister` writes now, and it reflects the settings."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from verzuim.privacy.register import markdown

DOC = Path(__file__).resolve().parents[4] / "docs" / "privacy.md"


def test_the_committed_register_is_current():
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        "docs/privacy.md is stale: run `verzuim privacyregister`"
    )


def test_the_register_names_every_activity_and_the_retention_in_force(settings):
    tekst = markdown()
    for naam in ("Verzuimmeldingen", "Inzageverzoeken", "Toezicht op de verwerking"):
        assert f"### {naam}" in tekst
    assert "19 jaar na de geboortedatum" in tekst
    settings.VERZUIM_BEWAARTERMIJNEN = {"leerplicht_jaren_na_geboorte": 20}
    assert "20 jaar na de geboortedatum" in markdown()


def test_the_check_fails_on_a_stale_file(tmp_path):
    pad = tmp_path / "privacy.md"
    pad.write_text("# oud\n")
    with pytest.raises(CommandError, match="verouderd"):
        call_command("privacyregister", uit=str(pad), controleer=True)
    call_command("privacyregister", uit=str(pad))
    call_command("privacyregister", uit=str(pad), controleer=True)
