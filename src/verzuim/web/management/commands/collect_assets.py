"""`verzuim collect-assets`: copy the front-end files installed by `npm ci` from node_modules
into src/verzuim/web/static/vendor/ (git-ignored), where base.html and whitenoise find them.
No CDN: government networks are closed."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

STATIC_VENDOR = Path(__file__).resolve().parents[2] / "static" / "vendor"

# (package path in node_modules, file in the package, target under static/vendor/)
BESTANDEN = [
    ("@utrecht/component-library-css", "dist/index.css", "utrecht/index.css"),
    ("@utrecht/component-library-css", "LICENSE.md", "utrecht/LICENSE.md"),
    ("@utrecht/design-tokens", "dist/index.css", "design-tokens/index.css"),
    ("@utrecht/design-tokens", "LICENSE.md", "design-tokens/LICENSE.md"),
    ("htmx.org", "dist/htmx.min.js", "htmx/htmx.min.js"),
    ("htmx.org", "LICENSE", "htmx/LICENSE"),
]


class Command(BaseCommand):
    help = "Kopieert NL Design System CSS en htmx uit node_modules naar static/vendor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--node-modules",
            default=str(settings.PROJECT_DIR / "node_modules"),
            help="Map met de npm-pakketten (standaard: node_modules in de projectmap)",
        )
        parser.add_argument("--doel", default=str(STATIC_VENDOR), help="Doelmap (static/vendor)")

    def handle(self, *args, **opts):
        bron, doelmap = Path(opts["node_modules"]), Path(opts["doel"])
        verplicht = [b for b in BESTANDEN if not b[1].startswith("LICENSE")]
        ontbreekt = [f"{p}/{f}" for p, f, _ in verplicht if not (bron / p / f).is_file()]
        if ontbreekt:
            raise CommandError(
                f"Niet gevonden in {bron}: {', '.join(ontbreekt)}. Draai eerst `npm ci`."
            )
        for pakket, bestand, doel in BESTANDEN:
            src = bron / pakket / bestand
            if not src.is_file():
                continue
            dst = doelmap / doel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        self.stdout.write(self.style.SUCCESS(f"Front-end bestanden gekopieerd naar {doelmap}."))
