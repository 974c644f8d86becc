"""The `verzuim` console command accepts the hyphenated names the docs use."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_hyphenated_command_names_resolve():
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "load-scenario", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "load_scenario" in result.stdout
