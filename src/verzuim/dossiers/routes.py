"""Route templates (issue 9 item 5): the steps a case of a known kind goes through, as data.
A dossier names its template in `Dossier.route`; the page lists the steps and marks those
with an activity of the step's soort as done. The Halt, proces-verbaal and SVB routes (with
their legal checks) add their own templates here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stap:
    soort: str  # ActiviteitSoort.code that records the step
    label: str


@dataclass(frozen=True)
class Route:
    code: str
    label: str
    regel: str
    stappen: tuple[Stap, ...]
    #: what the LPA checks and records (R-CW-9), shown as a list with the route
    controles: tuple[str, ...] = ()


ROUTES: dict[str, Route] = {
    r.code: r
    for r in (
        Route(
            "absoluut-verzuim",
            "Absoluut verzuim",
            "R-CW-9",
            (
                Stap("brief-verstuurd", "Brief aan ouders: waar is het kind ingeschreven?"),
                Stap("uitnodiging", "Uitnodiging voor een gesprek"),
                Stap("huisbezoek", "Huisbezoek"),
                Stap("adresonderzoek-brp", "Verzoek aan de BRP: adres in onderzoek"),
                Stap("proces-verbaal", "Proces-verbaal tegen de ouders als zij niet inschrijven"),
            ),
            (
                "Broers of zussen ingeschreven op een school?",
                "Recent verhuisd, en van waar?",
                "Verblijf in een AZC?",
                "Contact met de vorige school?",
            ),
        ),
        Route(
            "luxe-verzuim",
            "Luxe verzuim",
            "R-CW-10",
            (
                Stap("verzuimoverzicht-ontvangen", "Verzuimoverzicht en verlofaanvraag van school"),
                Stap("uitnodiging", "Ouders uitnodigen of schriftelijk horen"),
                Stap("verloftoets", "Toets: was verlof mogelijk geweest? (R-VL-1)"),
                Stap("proces-verbaal", "Handhaving tegen de ouders (proces-verbaal)"),
            ),
        ),
    )
}


def route(code: str) -> Route | None:
    return ROUTES.get(code)
