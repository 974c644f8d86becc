"""Values of an inzage section as the PDF and the pages show them: dates dd-mm-jjjj, times
in Dutch local time, nothing for an empty value."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from verzuim.privacy.bronnen import Sectie


def tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, dt.datetime):
        return timezone.localtime(waarde).strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde)


def tabel(sectie: Sectie) -> dict:
    """{"titel", "toelichting", "koppen", "rijen"} with every cell as text."""
    return {
        "titel": sectie.titel,
        "toelichting": sectie.toelichting,
        "koppen": [label for _, label in sectie.kolommen],
        "rijen": [[tekst(r.get(k)) for k, _ in sectie.kolommen] for r in sectie.rijen],
    }
