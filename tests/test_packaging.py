"""The locks and pyproject.toml agree (issue 8 §1): every dependency pyproject.toml declares is
pinned in its lock within the declared range, and both locks pin the runtime packages alike.
(.ci/fresh-install proves that `pip install .` from pyproject.toml alone starts the product.)"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pins(lock: str) -> dict[str, Version]:
    uit = {}
    for regel in (ROOT / lock).read_text().splitlines():
        regel = regel.split("#", 1)[0].strip()
        if regel and not regel.startswith("-"):
            naam, versie = regel.split("==")
            uit[canonicalize_name(naam)] = Version(versie)
    return uit


def buiten_lock(vereisten: list[str], lock: dict[str, Version]) -> list[str]:
    fout = []
    for tekst in vereisten:
        req = Requirement(tekst)
        versie = lock.get(canonicalize_name(req.name))
        if versie is None or versie not in req.specifier:
            fout.append(f"{tekst}: lock has {versie}")
    return fout


def test_runtime_lock_satisfies_the_declared_dependencies():
    assert buiten_lock(PROJECT["dependencies"], pins("requirements.txt")) == []


def test_dev_lock_satisfies_runtime_and_dev_extra():
    dev = pins("requirements-dev.txt")
    assert buiten_lock(PROJECT["dependencies"], dev) == []
    assert buiten_lock(PROJECT["optional-dependencies"]["dev"], dev) == []


def test_dev_lock_pins_runtime_packages_as_the_runtime_lock_does():
    runtime, dev = pins("requirements.txt"), pins("requirements-dev.txt")
    assert {n: v for n, v in dev.items() if n in runtime and v != runtime[n]} == {}
    assert runtime.keys() <= dev.keys()


def test_check_notices_a_lock_outside_the_range():
    assert buiten_lock(["django>=5.2,<5.3"], {"django": Version("6.0")}) == [
        "django>=5.2,<5.3: lock has 6.0"
    ]
    assert buiten_lock(["psycopg[binary]>=3.2"], {}) == ["psycopg[binary]>=3.2: lock has None"]
