"""Letters from a dossier (issue 9 §8, R-CW-4, R-CW-9, R-ID-5, R-PR-5): the dossier fills
the letter's placeholders (the pupil from the BRP, the school and the melding from the
dossier's meldingen), addresses it, lets `verzuim.brieven` check and render it, stores the
PDF with the dossier (`koppeling` = "dossier:<uuid>": hash, who, when) and records the
activity `brief-verstuurd` on the timeline with the document's uuid as its reference.

    brief_opties(actor, dossier) -> Briefopties        # what the form offers, and its defaults
    bekijk_brief(actor, dossier, soort, ontvanger, taal, gegevens=None, via_school=False)
        -> (subject, body HTML)                          # the preview: nothing stored, audited
    verstuur_brief(actor, dossier, soort, ontvanger, taal, gegevens=None, via_school=False)
        -> brieven.Document                              # generate, store, timeline, audit
    brieven_van(actor, dossier) -> list[Document]        # the dossier's letters (no bytes)

``gegevens`` are the letter's own placeholder values (nested or dotted, dates as date, times
as time: `brieven.soorten`); anything not given is taken from the dossier where it can be
(school, melding, verzuim, follow-up date, reply date). A value given as "" or None is
cleared: the dossier's default does not replace it (the letter page sends every field as the
person left it, so a corrected or emptied prefilled value is what goes into the PDF). The pupil's name, first name and
birth date always come from the BRP and cannot be given.

Rules: who may receive a letter is `rules.brief_toegestaan` (the pupil from 12, R-CW-4; a
person with a BRP secret address never through a school, R-ID-5). A letter to the parents
or the pupil of a person with a secret address shows that address: only the leerplicht-
ambtenaar makes one (R-PR-5), not the administratief medewerker. Sending a letter is a
processing of the pupil's BSN: the audit record `dossier.brief-versturen` ("verstuurd in
een brief") under the dossier's purpose, next to the document's own `document.aanmaken`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from verzuim import clock
from verzuim.accounts import afscherming
from verzuim.audit.context import Actor
from verzuim.brieven import queries as brieven_queries
from verzuim.brieven import services as brieven
from verzuim.brieven.fouten import (
    BriefNietToegestaan,
    BriefOngeldig,
)
from verzuim.brieven.fouten import (
    GeenToegang as BriefGeenToegang,
)
from verzuim.brieven.opmaak import plat
from verzuim.brieven.soorten import SOORTEN, Ontvanger
from verzuim.brieven.talen import talen
from verzuim.dossiers import queries
from verzuim.dossiers.basis import label_van, log_dossier, mag_wijzigen, open_voor_wijziging
from verzuim.dossiers.fouten import GeenToegang, Ongeldig
from verzuim.dossiers.models import Bron, Dossier
from verzuim.dossiers.services import voeg_activiteit_toe
from verzuim.personen.brp import get_brp
from verzuim.personen.brp.velden import BrpFout, geboortedatum_uit

ACTIVITEIT = "brief-verstuurd"
#: The placeholders the dossier fills from the BRP; a caller cannot give them.
UIT_BRP = frozenset({"leerling.naam", "leerling.voornaam", "leerling.geboortedatum"})
#: Days the school or the parents get to reply, for `reactie.uiterlijk` when not given.
REACTIETERMIJN_DAGEN = 14
VERZUIM_TEKST = {
    "nl": ("{uren} lesuren verzuim tussen {van} en {tot}", ", {keer} keer te laat"),
    "en": ("{uren} lesson hours of absence between {van} and {tot}", ", late {keer} times"),
}


def koppeling_van(dossier: Dossier) -> str:
    """The documents' reference to their dossier (brieven.Document.koppeling)."""
    return f"dossier:{dossier.uuid}"


@dataclass(frozen=True)
class Leerlinggegevens:
    """What the letter needs of the pupil, from the BRP (purpose `dossier`, R-ID-3)."""

    naam: str
    voornaam: str
    geboortedatum: dt.date | None
    adres: tuple[str, ...]
    geheim_adres: bool


@dataclass(frozen=True)
class Schoolgegevens:
    naam: str
    adres: tuple[str, ...]
    contactpersoon: str


@dataclass
class Briefopties:
    """What the letter form offers for this dossier: the kinds, the recipients each may
    go to, the languages, and the values taken from the dossier (per placeholder)."""

    leerling: Leerlinggegevens
    school: Schoolgegevens | None
    standaard: dict[str, object] = field(default_factory=dict)


def _leerling(dossier: Dossier) -> Leerlinggegevens:
    ll = dossier.leerling
    persoon: dict = {}
    if ll.burgerservicenummer:
        try:
            gevonden = get_brp().raadpleeg([ll.burgerservicenummer], "dossier")
        except BrpFout as e:
            raise Ongeldig(
                [{"name": "leerling", "code": "brp", "reason": f"De BRP antwoordt niet: {e}"}]
            ) from e
        persoon = gevonden[0] if gevonden else {}
    naam = persoon.get("naam") or {}
    adressering = persoon.get("adressering") or {}
    adres = tuple(
        r
        for r in (
            adressering.get("adresregel1"),
            adressering.get("adresregel2"),
            adressering.get("adresregel3"),
            (adressering.get("land") or {}).get("omschrijving"),
        )
        if r
    )
    return Leerlinggegevens(
        naam=naam.get("volledigeNaam", ""),
        voornaam=(naam.get("voornamen") or "").split(" ")[0],
        geboortedatum=geboortedatum_uit(persoon) or ll.geboortedatum,
        adres=adres,
        geheim_adres=bool(persoon.get("geheimhoudingPersoonsgegevens")),
    )


def _laatste_melding(dossier: Dossier):
    """The dossier's most recent melding still in it (not forwarded), with its school."""
    k = (
        dossier.koppelingen.filter(doorgestuurd__isnull=True)
        .select_related("melding__vestiging", "melding__instelling")
        .order_by("-melding__ontvangen", "-id")
        .first()
    )
    return k.melding if k else None


def _school(melding) -> Schoolgegevens | None:
    if melding is None:
        return None
    v = melding.vestiging
    regels = (
        " ".join(x for x in (v.straat, v.huisnummer) if x),
        "  ".join(x for x in (v.postcode, v.plaats.upper()) if x),
    )
    return Schoolgegevens(
        naam=v.naam or melding.instelling.naam,
        adres=tuple(r for r in regels if r.strip()),
        contactpersoon=(melding.contactpersoon or {}).get("naam", ""),
    )


def _verzuim(melding, taal: str) -> str:
    if melding is None or melding.verzuimde_uren is None:
        return ""
    t = talen()[taal]
    zin, laat = VERZUIM_TEKST.get(taal, VERZUIM_TEKST["nl"])
    uren = melding.verzuimde_uren
    uren_tekst = f"{uren.normalize():f}" if isinstance(uren, Decimal) else str(uren)
    if taal == "nl":
        uren_tekst = uren_tekst.replace(".", ",")
    tekst = zin.format(
        uren=uren_tekst,
        van=t.datum(melding.begindatum),
        tot=t.datum(melding.einddatum or melding.begindatum),
    )
    return tekst + (laat.format(keer=melding.te_laat_keren) if melding.te_laat_keren else "")


def _standaard(dossier: Dossier, melding, school, taal: str, actor: Actor) -> dict:
    waarden: dict[str, object] = {
        "reactie.uiterlijk": clock.today() + dt.timedelta(days=REACTIETERMIJN_DAGEN),
        "gesprek.met": label_van(actor),
    }
    if dossier.volgende_actie:
        waarden["vervolg.datum"] = dossier.volgende_actie
    if school is not None:
        waarden["school.naam"] = waarden["school.vorige"] = school.naam
        waarden["school.contactpersoon"] = school.contactpersoon
    if melding is not None:
        waarden["melding.nummer"] = melding.meldingsnummer
        waarden["melding.begindatum"] = melding.begindatum
        waarden["melding.einddatum"] = melding.einddatum or melding.begindatum
        waarden["verzuim.omschrijving"] = _verzuim(melding, taal)
    return {k: v for k, v in waarden.items() if v not in ("", None)}


def brief_opties(actor: Actor, dossier, taal: str = "nl") -> Briefopties:
    """The pupil's and school's data the letters use, and the default values of the
    placeholders (in ``taal``) for the form; reads the BRP (the caller's page is audited)."""
    mag_wijzigen(actor)
    d = dossier if isinstance(dossier, Dossier) else queries.dossier_voor(actor, dossier)
    melding = _laatste_melding(d)
    school = _school(melding)
    return Briefopties(
        leerling=_leerling(d),
        school=school,
        standaard=_standaard(d, melding, school, taal if taal in talen() else "nl", actor),
    )


def _geadresseerde(
    opties: Briefopties, ontvanger: str, taal: str, via_school: bool
) -> brieven.Geadresseerde:
    fouten = []
    t = talen().get(taal) or talen()["nl"]
    ll, school = opties.leerling, opties.school
    if ontvanger == Ontvanger.SCHOOL or via_school:
        if school is None:
            fouten.append(
                {
                    "name": "viaSchool" if via_school else "ontvanger",
                    "code": "invalid",
                    "reason": "Het dossier heeft geen melding van een school: er is geen school "
                    "om de brief aan te richten.",
                }
            )
    elif not ll.adres:
        fouten.append(
            {
                "name": "ontvanger",
                "code": "invalid",
                "reason": "De BRP kent geen adres van de leerling: een brief aan ouders of "
                "leerling kan niet per post (R-CW-9: vraag een adresonderzoek aan).",
            }
        )
    if fouten:
        raise Ongeldig(fouten)
    if ontvanger == Ontvanger.SCHOOL:
        tav = (f"t.a.v. {school.contactpersoon}",) if school.contactpersoon else ()
        return brieven.Geadresseerde(ontvanger, school.naam, (*tav, *school.adres))
    naam = t.labels["ouders_van"].format(naam=ll.naam) if ontvanger == Ontvanger.OUDERS else ll.naam
    if via_school:
        adres = (t.labels["per_adres"].format(naam=school.naam), *school.adres)
        return brieven.Geadresseerde(ontvanger, naam, adres, via_school=True)
    return brieven.Geadresseerde(ontvanger, naam, ll.adres)


def _gegevens(opties: Briefopties, soort: str, gegevens) -> dict:
    """The letter's placeholder values: the caller's over the dossier's defaults, the pupil
    from the BRP. Only the kind's own placeholders are taken from the defaults, and only
    those the caller did not give: one given empty stays empty (the template then names it
    as missing when it uses it)."""
    eigen = plat(gegevens or {})
    verboden = sorted(UIT_BRP & eigen.keys())
    if verboden:
        raise Ongeldig(
            [
                {
                    "name": f"gegevens.{n}",
                    "code": "invalid",
                    "reason": "komt uit de BRP en wordt niet opgegeven",
                }
                for n in verboden
            ]
        )
    s = SOORTEN.get(soort)
    namen = {v.naam for v in s.velden} if s else set()
    ll = opties.leerling
    waarden = {k: v for k, v in opties.standaard.items() if k in namen and k not in eigen}
    waarden.update({k: v for k, v in eigen.items() if v not in ("", None)})
    waarden["leerling.naam"] = ll.naam
    waarden["leerling.voornaam"] = ll.voornaam
    if ll.geboortedatum:
        waarden["leerling.geboortedatum"] = ll.geboortedatum
    return waarden


def _vertaal(e: Exception) -> Exception:
    """A brieven error in the dossiers' vocabulary (field names as the form's)."""
    if isinstance(e, BriefOngeldig):
        return Ongeldig(
            [
                {
                    **f,
                    "name": f["name"].split(".")[0]
                    if f["name"].startswith("ontvanger.")
                    else f["name"],
                }
                for f in e.fouten
            ]
        )
    if isinstance(e, BriefNietToegestaan):
        return Ongeldig(
            [
                {
                    "name": "ontvanger",
                    "code": "niet-toegestaan",
                    "reason": f"{r['uitleg']} ({r['regel']})",
                }
                for r in e.redenen
            ]
        )
    return GeenToegang(str(e))


def _voorbereid(actor: Actor, d: Dossier, soort, ontvanger, taal, gegevens, via_school):
    opties = brief_opties(actor, d, taal)
    ll = opties.leerling
    if not ll.naam:
        raise Ongeldig(
            [
                {
                    "name": "leerling",
                    "code": "invalid",
                    "reason": "De BRP kent deze leerling niet (geen naam): een brief kan niet.",
                }
            ]
        )
    # R-PR-5: the secret address is the LPA's to see, so also to put in a letter.
    if (
        ll.geheim_adres
        and ontvanger in (Ontvanger.OUDERS, Ontvanger.LEERLING)
        and not afscherming.ziet_bijzondere_gegevens(actor)
    ):
        raise GeenToegang(
            "Deze leerling heeft een geheim adres: alleen de leerplichtambtenaar maakt een "
            "brief aan ouders of leerling (R-PR-5)."
        )
    betreft = brieven.Betreft(
        persoon=d.leerling.identificatie,
        geheim_adres=ll.geheim_adres,
        geboortedatum=ll.geboortedatum,
    )
    waarden = _gegevens(opties, soort, gegevens)
    ontvanger_soort = ontvanger if ontvanger in Ontvanger.values else ""
    if not ontvanger_soort:
        raise Ongeldig([{"name": "ontvanger", "code": "invalid", "reason": "Kies een ontvanger."}])
    geadresseerde = _geadresseerde(opties, ontvanger_soort, taal, bool(via_school))
    return geadresseerde, waarden, betreft


def bekijk_brief(
    actor: Actor, dossier, soort: str, ontvanger: str, taal: str, gegevens=None, via_school=False
) -> tuple[str, str]:
    """The preview of the letter verstuur_brief would make (subject, body HTML): the same
    checks and errors; nothing stored; audited as a read of the pupil's data."""
    mag_wijzigen(actor)
    with transaction.atomic():
        d = queries.dossier_voor(actor, getattr(dossier, "uuid", dossier))
        geadresseerde, waarden, betreft = _voorbereid(
            actor, d, soort, ontvanger, taal, gegevens, via_school
        )
        try:
            uit = brieven.bekijk_brief(actor, soort, taal, geadresseerde, waarden, betreft)
        except (BriefOngeldig, BriefNietToegestaan, BriefGeenToegang) as e:
            raise _vertaal(e) from e
        log_dossier(actor, "dossier.brief-voorbeeld", d, soort=soort, ontvanger=ontvanger)
    return uit


@transaction.atomic
def verstuur_brief(
    actor: Actor, dossier, soort: str, ontvanger: str, taal: str, gegevens=None, via_school=False
):
    """Generate the letter of ``soort`` (brieven.soorten: verzoek-verzuimoverzicht,
    uitnodiging-gesprek, bevestiging-afspraken, waarschuwing, absoluut-verzuim) to
    ``ontvanger`` (ouders, leerling, school) in ``taal`` (nl, en, …), store the PDF with the
    dossier and put `brief-verstuurd` on its timeline. The dossier must be open. Returns the
    brieven.Document. Errors: GeenToegang, NietGevonden (another organisation's dossier),
    DossierGesloten, Ongeldig (every field at once; a refused recipient names the rule)."""
    mag_wijzigen(actor)
    d = open_voor_wijziging(actor, dossier)
    geadresseerde, waarden, betreft = _voorbereid(
        actor, d, soort, ontvanger, taal, gegevens, via_school
    )
    try:
        document = brieven.maak_brief(
            actor,
            soort,
            taal,
            geadresseerde,
            waarden,
            betreft,
            koppeling=koppeling_van(d),
        )
    except (BriefOngeldig, BriefNietToegestaan, BriefGeenToegang) as e:
        raise _vertaal(e) from e
    s = SOORTEN[soort]
    tekst = (
        f"{s.naam} aan {Ontvanger(ontvanger).label.lower()} ({talen()[taal].naam}), "
        f"kenmerk {document.kenmerk}"
        + (", via de school" if geadresseerde.via_school else "")
        + "."
    )
    # The timeline entry through the generic service (its own audit record).
    voeg_activiteit_toe(
        actor,
        d,
        ACTIVITEIT,
        tekst=tekst,
        met_wie=[ontvanger],
        bron=Bron.BRIEF,
        bron_referentie=str(document.uuid),
    )
    log_dossier(
        actor,
        "dossier.brief-versturen",
        d,
        soort=soort,
        ontvanger=ontvanger,
        taal=taal,
        viaSchool=geadresseerde.via_school,
        kenmerk=document.kenmerk,
        document=str(document.uuid),
        sha256=document.sha256,
    )
    return document


def brieven_van(actor: Actor, dossier: Dossier) -> list:
    """The dossier's letters, newest first, without their bytes (scoped like the dossier:
    the same organisation's documents only); ``te_openen`` on each: whether the actor may
    open it (R-PR-5: a letter about a person with a secret address only the LPA)."""
    uit = list(brieven_queries.documenten_voor(actor, koppeling=koppeling_van(dossier)))
    for document in uit:
        document.te_openen = brieven_queries.mag_lezen(actor, document)
    return uit
