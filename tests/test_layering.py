"""Imports run one way: down the layers of docs/architecture.md (issue 8 §6).

    rules (pure) ← kern (clock, invoer, fouten, snelpad, taken) ← audit ← organisaties
    ← accounts ← api (infrastructure) ← brieven ← personen ← meldingen ← signalen
    ← dossiers ← cijfers ← privacy ← URL wiring and web

A module may import its own layer and the layers below it, never one above: a lower app
that needs a higher one sends a Django signal or takes the data as an argument. The check
reads every module under src/verzuim (tests excepted: a test may assemble a world across
apps) with `ast`, including imports inside functions and under TYPE_CHECKING, and fails on
a module of a package that has no place in the order, so a new app has to take one.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

#: Bottom to top. A module belongs to the layer of its longest matching prefix.
LAGEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rules", ("verzuim.rules",)),
    (
        "kern",
        ("verzuim.clock", "verzuim.invoer", "verzuim.fouten", "verzuim.snelpad", "verzuim.taken"),
    ),
    ("audit", ("verzuim.audit",)),
    ("organisaties", ("verzuim.organisaties",)),
    ("accounts", ("verzuim.accounts",)),
    ("api", ("verzuim.api",)),
    ("brieven", ("verzuim.brieven",)),
    ("personen", ("verzuim.personen",)),
    ("meldingen", ("verzuim.meldingen",)),
    ("signalen", ("verzuim.signalen",)),
    ("dossiers", ("verzuim.dossiers",)),
    ("cijfers", ("verzuim.cijfers",)),
    ("privacy", ("verzuim.privacy",)),
    (
        "wiring",
        (
            "verzuim.web",
            "verzuim.urls",
            "verzuim.api.urls",  # the /api/v1 namespace: schema views + domain_urls
            "verzuim.api.domain_urls",  # names the domain apps as include() strings
            "verzuim.settings",
            "verzuim.wsgi",
            "verzuim.asgi",
            "verzuim.cli",
        ),
    ),
)
PAKKET = {"verzuim"}  # the package itself (its __init__)


def laag(module: str) -> int | None:
    """The index in LAGEN of the layer `module` belongs to; None if it has no place."""
    beste, lengte = None, -1
    for i, (_, prefixen) in enumerate(LAGEN):
        for p in prefixen:
            if (module == p or module.startswith(p + ".")) and len(p) > lengte:
                beste, lengte = i, len(p)
    return beste


def _modulenaam(pad: Path, wortel: Path) -> str:
    delen = list(pad.relative_to(wortel).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def _geimporteerd(boom: ast.AST, module: str, is_pakket: bool, bekend: set[str]) -> list[str]:
    """Every verzuim module `module` imports (`from a import b` names a.b when that is a
    module, else a)."""
    uit = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            uit += [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                delen = module.split(".")
                anker = delen if is_pakket else delen[:-1]
                anker = anker[: len(anker) - (knoop.level - 1)]
                basis = ".".join([*anker, basis] if basis else anker)
            for a in knoop.names:
                uit.append(f"{basis}.{a.name}" if f"{basis}.{a.name}" in bekend else basis)
    return sorted({m for m in uit if m == "verzuim" or m.startswith("verzuim.")})


def overtredingen(wortel: Path) -> list[str]:
    """'a imports b (layer x above layer y)' for every import against the order, and
    'a has no layer' for a module outside it, for the tree `wortel`/verzuim."""
    bestanden = [p for p in sorted((wortel / "verzuim").rglob("*.py")) if "tests" not in p.parts]
    modules = {_modulenaam(p, wortel): p for p in bestanden}
    bekend = set(modules)
    uit = []
    for module, pad in modules.items():
        if module in PAKKET:
            continue
        eigen = laag(module)
        if eigen is None:
            uit.append(f"{module} has no layer")
            continue
        boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
        for doel in _geimporteerd(boom, module, pad.name == "__init__.py", bekend):
            if doel in PAKKET:
                continue
            hoe = laag(doel)
            if hoe is not None and hoe > eigen:
                uit.append(
                    f"{module} imports {doel} ({LAGEN[eigen][0]} may not import {LAGEN[hoe][0]})"
                )
    return uit


def test_imports_run_down_the_layers():
    assert overtredingen(SRC) == []


def _boom(wortel: Path, bestanden: dict[str, str]) -> Path:
    for naam, inhoud in {"verzuim/__init__.py": "", **bestanden}.items():
        pad = wortel / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(inhoud)
    return wortel


def test_the_check_finds_an_import_against_the_order(tmp_path):
    """The check itself can fail: synthetic modules with imports up and down."""
    wortel = _boom(
        tmp_path,
        {
            "verzuim/meldingen/__init__.py": "",
            "verzuim/meldingen/api.py": "from verzuim.personen.models import Leerling\n",
            "verzuim/personen/__init__.py": "",
            "verzuim/personen/models.py": "",
            # Up: personen → meldingen, inside a function as well.
            "verzuim/personen/queries.py": (
                "def f():\n    from verzuim.meldingen import api\n    return api\n"
            ),
            # Up under TYPE_CHECKING: still an arrow.
            "verzuim/audit/context.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from verzuim.organisaties.models import Organisatie\n"
            ),
            # brieven is base level: organisaties/accounts/audit/api only.
            "verzuim/brieven/services.py": (
                "from verzuim.audit import services\nimport verzuim.personen.models\n"
            ),
            "verzuim/api/problems.py": "from .. import fouten\nfrom ..meldingen import api\n",
            "verzuim/fouten.py": "",
            "verzuim/dossiers/models.py": "from verzuim.signalen.models import Signaal\n",
            "verzuim/signalen/models.py": "from verzuim.cijfers import telling\n",
            "verzuim/cijfers/telling.py": "from verzuim.privacy import inzage\n",
            "verzuim/privacy/inzage.py": "from verzuim.dossiers.models import Dossier\n",
            "verzuim/web/nav.py": "from verzuim.privacy import inzage\nfrom verzuim import urls\n",
            "verzuim/urls.py": "",
            "verzuim/nieuw.py": "",
        },
    )
    assert sorted(overtredingen(wortel)) == [
        "verzuim.api.problems imports verzuim.meldingen.api (api may not import meldingen)",
        "verzuim.audit.context imports verzuim.organisaties.models "
        "(audit may not import organisaties)",
        "verzuim.brieven.services imports verzuim.personen.models "
        "(brieven may not import personen)",
        "verzuim.cijfers.telling imports verzuim.privacy.inzage (cijfers may not import privacy)",
        "verzuim.nieuw has no layer",
        "verzuim.personen.queries imports verzuim.meldingen.api "
        "(personen may not import meldingen)",
        "verzuim.signalen.models imports verzuim.cijfers.telling (signalen may not import cijfers)",
    ]


def test_every_layer_is_named_once():
    prefixen = [p for _, ps in LAGEN for p in ps]
    assert len(prefixen) == len(set(prefixen))
    assert laag("verzuim.api.problems") < laag("verzuim.personen.api") < laag("verzuim.api.urls")
