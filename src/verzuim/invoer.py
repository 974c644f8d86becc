"""What every write service needs to read its input: `Fouten`, the invalidParams of one
request (all problems at once, each naming its field), and `datum`, a JJJJ-MM-DD field."""

from __future__ import annotations

import datetime as dt
import re

_DATUM = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class Fouten(list):
    """[{"name", "code", "reason"}], in the API's invalidParams shape."""

    def add(self, name: str, code: str, reason: str) -> None:
        self.append({"name": name, "code": code, "reason": reason})

    def heeft(self, prefix: str) -> bool:
        """Whether `prefix` or a field below it (`prefix.…`) has a problem."""
        return any(f["name"] == prefix or f["name"].startswith(prefix + ".") for f in self)


def lees_datum(waarde, name: str, fouten: Fouten, *, verplicht: bool = True) -> dt.date | None:
    """A date given as JJJJ-MM-DD (or already a date, from a scenario file); else a problem
    for `name` and None."""
    if waarde is None:
        if verplicht:
            fouten.add(name, "required", "Verplicht veld.")
        return None
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, str) and _DATUM.match(waarde):
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            pass
    fouten.add(name, "invalid", "Geen geldige datum (JJJJ-MM-DD).")
    return None
