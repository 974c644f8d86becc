"""What every write service needs to read its input: `Fouten`, the invalidParams of one
request (all problems at once, each naming its field), `lees_datum` for a JJJJ-MM-DD field,
`lees_nl_datum` for a date typed on a page (dd-mm-jjjj) and `als_uuid` for an object's
uuid from a URL or body."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid

_DATUM = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def als_uuid(waarde) -> uuid.UUID | None:
    """`waarde` as a UUID, or None when it is none (the caller answers NietGevonden)."""
    if isinstance(waarde, uuid.UUID):
        return waarde
    try:
        return uuid.UUID(str(waarde))
    except ValueError:
        return None


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


_NL_DATUM = re.compile(r"^\s*([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})\s*$")
_MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def lees_nl_datum(tekst: str, naam: str) -> tuple[dt.date | None, str]:
    """A date as people type it on the pages (dd-mm-jjjj) → (date, "") or (None, a Dutch
    message naming the field `naam`, e.g. "de begindatum"). A well-formed date that does not
    exist (31-02-2026) is told so, not told to use dd-mm-jjjj."""
    m = _NL_DATUM.match(tekst or "")
    if not m:
        return None, f"Vul {naam} in als dd-mm-jjjj, bijvoorbeeld 07-09-2026."
    dag, maand, jaar = map(int, m.groups())
    try:
        return dt.date(jaar, maand, dag), ""
    except ValueError:
        pass
    if not 1 <= maand <= 12:
        return None, f"{tekst.strip()} bestaat niet: er is geen maand {maand}. Controleer {naam}."
    if jaar < dt.MINYEAR:
        return None, f"{tekst.strip()} bestaat niet: er is geen jaar 0. Controleer {naam}."
    dagen = calendar.monthrange(jaar, maand)[1]
    return None, (
        f"{tekst.strip()} bestaat niet: {_MAANDEN[maand - 1]} {jaar} heeft {dagen} dagen. "
        f"Controleer {naam}."
    )
