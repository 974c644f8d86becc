"""Putting a letter together: the sender (letterhead), the values of the placeholders in
the letter's language, and the HTML that pdf.py turns into A4 pages. The same HTML body is
the beheer preview (rendered with the demo values of soorten.py)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from verzuim.brieven import sjabloontaal
from verzuim.brieven.models import Briefhoofd, BriefSjabloon
from verzuim.brieven.soorten import Soort, Veld, Waarde
from verzuim.brieven.talen import Taal, taal


def _regels(tekst: str) -> tuple[str, ...]:
    return tuple(r.strip() for r in (tekst or "").splitlines() if r.strip())


@dataclass(frozen=True)
class Afzender:
    """The letterhead as printed: an organisation's Briefhoofd, or its name alone."""

    naam: str
    afdeling: str = ""
    postadres: tuple[str, ...] = ()
    bezoekadres: tuple[str, ...] = ()
    telefoon: str = ""
    email: str = ""
    website: str = ""
    logo: str = ""  # a data: URI (pdf.py fetches nothing else)
    ondertekenaar_naam: str = ""
    ondertekenaar_functie: str = ""

    @classmethod
    def van(cls, organisatie) -> Afzender:
        hoofd = Briefhoofd.objects.filter(organisatie=organisatie).first()
        if hoofd is None:
            return cls(naam=organisatie.naam)
        logo = ""
        if hoofd.logo:
            logo = f"data:{hoofd.logo_type};base64,{base64.b64encode(bytes(hoofd.logo)).decode()}"
        return cls(
            naam=hoofd.naam,
            afdeling=hoofd.afdeling,
            postadres=_regels(hoofd.postadres),
            bezoekadres=_regels(hoofd.bezoekadres),
            telefoon=hoofd.telefoon,
            email=hoofd.email,
            website=hoofd.website,
            logo=logo,
            ondertekenaar_naam=hoofd.ondertekenaar_naam,
            ondertekenaar_functie=hoofd.ondertekenaar_functie,
        )

    @property
    def retouradres(self) -> str:
        return ", ".join((self.naam, *self.postadres)) if self.postadres else ""


@dataclass(frozen=True)
class Tekst:
    """The editable part of a letter: an organisation's template or the shipped default."""

    onderwerp: str
    tekst: str
    ondertekenaar_naam: str = ""
    ondertekenaar_functie: str = ""
    eigen: bool = False  # the organisation's own (False: the shipped default)


def tekst_voor(organisatie, soort: str, ontvanger: str, taalcode: str) -> Tekst | None:
    """The organisation's own template, else the shipped default, else None."""
    eigen = BriefSjabloon.objects.filter(
        organisatie=organisatie, soort=soort, ontvanger=ontvanger, taal=taalcode
    ).first()
    if eigen is not None:
        return Tekst(
            eigen.onderwerp,
            eigen.tekst,
            eigen.ondertekenaar_naam,
            eigen.ondertekenaar_functie,
            eigen=True,
        )
    standaard = taal(taalcode).sjablonen.get((soort, ontvanger))
    return Tekst(*standaard) if standaard else None


def formatteer(veld: Veld, waarde, t: Taal) -> str:
    if veld.soort == Waarde.DATUM:
        return t.datum(waarde)
    if veld.soort == Waarde.TIJD:
        return t.tijd(waarde)
    return str(waarde)


def _past(veld: Veld, waarde) -> bool:
    if veld.soort == Waarde.DATUM:
        return isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime)
    if veld.soort == Waarde.TIJD:
        return isinstance(waarde, dt.time)
    return isinstance(waarde, str)


def plat(gegevens: Mapping) -> dict[str, object]:
    """{"leerling": {"naam": …}} and {"leerling.naam": …} both become {"leerling.naam": …}."""
    uit: dict[str, object] = {}
    for sleutel, waarde in gegevens.items():
        if isinstance(waarde, Mapping):
            uit.update({f"{sleutel}.{k}": v for k, v in waarde.items()})
        else:
            uit[sleutel] = waarde
    return uit


TYPE_NL = {
    Waarde.DATUM: "een datum",
    Waarde.TIJD: "een tijd",
    Waarde.TEKST: "tekst",
    Waarde.MEERREGELIG: "tekst",
}


def lees_gegevens(soort: Soort, gegevens: Mapping, nodig: set[str]) -> tuple[dict, list[dict]]:
    """The caller's values checked against the kind's declared fields: unknown names, the
    service's own fields, wrong types and values the template needs but lacks are errors
    (all at once)."""
    waarden = {k: v for k, v in plat(gegevens).items() if v is not None and v != ""}
    fouten = []
    for naam, waarde in sorted(waarden.items()):
        veld = next((v for v in soort.alle_velden if v.naam == naam), None)
        if veld is None or veld.systeem:
            reden = (
                "wordt door het systeem ingevuld"
                if veld
                else f"onbekend gegeven voor de brief ‘{soort.naam}’"
            )
            fouten.append({"name": f"gegevens.{naam}", "code": "unknown", "reason": reden})
        elif not _past(veld, waarde):
            fouten.append(
                {
                    "name": f"gegevens.{naam}",
                    "code": "invalid",
                    "reason": f"moet {TYPE_NL[veld.soort]} zijn",
                }
            )
    for naam in sorted(nodig - set(waarden)):
        if not soort.veld(naam).systeem:
            fouten.append(
                {
                    "name": f"gegevens.{naam}",
                    "code": "required",
                    "reason": f"ontbreekt: het sjabloon gebruikt {{{{ {naam} }}}}",
                }
            )
    return waarden, fouten


def brief_html(
    *,
    t: Taal,
    afzender: Afzender,
    tekst: Tekst,
    geadresseerde: tuple[str, ...],
    waarden: Mapping[str, str],
    voorbeeld: bool = False,
) -> tuple[str, str, str]:
    """(title, letter body as HTML for the preview, whole HTML document for the PDF).
    ``waarden`` are the formatted values of every placeholder (systeem ones included)."""
    onderwerp = sjabloontaal.vul_in(tekst.onderwerp, waarden)
    context = {
        "taal": t,
        "labels": t.labels,
        "afzender": afzender,
        "geadresseerde": geadresseerde,
        "datum": waarden["datum"],
        "kenmerk": waarden["kenmerk"],
        "onderwerp": onderwerp,
        "inhoud": mark_safe(  # noqa: S308 — alinea_html escapes every character of text and values
            sjabloontaal.alinea_html(sjabloontaal.vul_in(tekst.tekst, waarden))
        ),
        "ondertekenaar_naam": waarden["ondertekenaar.naam"],
        "ondertekenaar_functie": waarden["ondertekenaar.functie"],
        "voorbeeld": voorbeeld,
    }
    inhoud = render_to_string("brieven/_brief.html", context)
    document = render_to_string(
        "brieven/document.html", {**context, "titel": onderwerp, "brief": mark_safe(inhoud)}
    )  # noqa: S308
    return onderwerp, inhoud, document
