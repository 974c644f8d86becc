"""`./dev demo` (issue 13 item 3): the demo shows what users and operators see — the
product's Dutch error pages — so it does not switch Django's debug pages on; a developer
asks for them with VERZUIM_DEBUG=1. And `PORT` picks the port.

The script runs for real, with a stand-in for the virtualenv's python that records each
call and its environment instead of installing, migrating and serving."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# One printf, one line: the task worker runs in the background beside the server, and two
# calls writing their fields line by line interleaved (a record without its DEBUG line). A
# short append is a single write, so whole records never mix.
NEP_PYTHON = """#!/bin/sh
printf 'ARGS=%s\\tDEBUG=%s\\tDEMO=%s\\tBASE_URL=%s\\n' "$*" "${VERZUIM_DEBUG-<niet gezet>}" \\
  "$VERZUIM_DEMO" "$VERZUIM_BASE_URL" >> "$LOG"
"""


def _demo(tmp_path: Path, **env) -> list[dict]:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(NEP_PYTHON)
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    want = subprocess.run(
        "cat requirements.txt requirements-dev.txt pyproject.toml | sha256sum | cut -c1-16",
        shell=True, cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (venv / ".installed").write_text(want + "\n")  # "already installed"
    log = tmp_path / "aanroepen.log"
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("VERZUIM_") and k != "PORT"}
    omgeving |= {"VERZUIM_VENV": str(venv), "LOG": str(log), "VERZUIM_TODAY": "2026-10-01"}
    omgeving |= env
    result = subprocess.run(
        ["bash", str(ROOT / "dev"), "demo"], cwd=ROOT, env=omgeving,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return [
        dict(veld.partition("=")[::2] for veld in regel.split("\t"))
        for regel in log.read_text().splitlines()
    ]


def _server(aanroepen: list[dict]) -> dict:
    (server,) = [a for a in aanroepen if "runserver" in a["ARGS"]]
    return server


def test_demo_zet_geen_django_debugpaginas_aan(tmp_path):
    server = _server(_demo(tmp_path))
    assert server["DEBUG"] == "<niet gezet>"
    assert server["DEMO"] == "1"
    assert server["ARGS"].endswith("runserver 127.0.0.1:8000")


def test_demo_met_debug_en_een_andere_poort(tmp_path):
    server = _server(_demo(tmp_path, VERZUIM_DEBUG="1", PORT="8103"))
    assert server["DEBUG"] == "1"
    assert server["ARGS"].endswith("runserver 127.0.0.1:8103")
    assert server["BASE_URL"] == "http://127.0.0.1:8103"
