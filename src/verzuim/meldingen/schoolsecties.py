"""Sections the apps above add to the school's melding page, without meldingen importing
them (as personen.leerlingkaart's ``registreer_sectie``): the dossiers app adds the
verzuimoverzicht requests addressed to the school about this melding, with the form to
answer them (issue 9 §3, R-CW-3). Registered in the app's AppConfig.ready():

    from verzuim.meldingen import schoolsecties
    schoolsecties.registreer_sectie(functie)   # functie(actor, melding, invoer) -> dict | None

A section is a dict with ``template`` (included with the dict as ``sectie``). ``invoer`` is
what a failed POST of a section left for the page shown again (e.g. its bound form with the
errors), keyed by the section; the section function picks its own key or ignores it. The
function is the section's own read: it checks the actor and audits what it shows."""

from __future__ import annotations

from collections.abc import Callable

from verzuim.audit.context import Actor

Sectie = Callable[[Actor, object, dict], "dict | None"]
_SECTIES: list[Sectie] = []


def registreer_sectie(functie: Sectie) -> None:
    if functie not in _SECTIES:
        _SECTIES.append(functie)


def secties(actor: Actor, melding, invoer: dict | None = None) -> list[dict]:
    return [s for s in (f(actor, melding, invoer or {}) for f in _SECTIES) if s]
