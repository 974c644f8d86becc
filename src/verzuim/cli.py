"""`verzuim` console command: manage.py under the product's name.

Command names may be written with hyphens (`verzuim load-scenario`), as the docs do.
"""

import os
import sys
from pathlib import Path


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuim.settings")
    src = str(Path(__file__).resolve().parent.parent)
    if src not in sys.path:
        sys.path.insert(0, src)
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["verzuim", *args])


if __name__ == "__main__":
    main()
