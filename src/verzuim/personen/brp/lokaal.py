"""LokaleBrp: the BrpPersoon store answering as Haal Centraal BRP Personen v2 (R-ID-3)."""

from __future__ import annotations

import datetime as dt

from verzuim import clock
from verzuim.organisaties.models import Gemeente
from verzuim.personen.brp.velden import fields_voor, filter_velden
from verzuim.personen.identificatie import RNI_GEMEENTE
from verzuim.personen.models import BrpPersoon
from verzuim.rules import leeftijd

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]  # fmt: skip
GESLACHT = {"M": "man", "V": "vrouw", "O": "onbekend"}
# Codes of the national Landentabel (table 34) for the countries the demo uses.
LANDEN = {"België": "5010", "Duitsland": "6029", "Spanje": "6037", "Verenigd Koninkrijk": "6039"}


def datum(d: dt.date) -> dict:
    """A v2 VolledigeDatum."""
    return {"type": "Datum", "datum": d.isoformat(),
            "langFormaat": f"{d.day} {MAANDEN[d.month - 1]} {d.year}"}  # fmt: skip


def _naam(voornamen: str, voorvoegsel: str, geslachtsnaam: str, *, volledig: bool) -> dict:
    naam = {}
    if voornamen:
        naam["voornamen"] = voornamen
    if voorvoegsel:
        naam["voorvoegsel"] = voorvoegsel
    naam["geslachtsnaam"] = geslachtsnaam
    if volledig:
        if voornamen:
            naam["voorletters"] = " ".join(f"{v[0]}." for v in voornamen.split())
        naam["volledigeNaam"] = " ".join(x for x in (voornamen, voorvoegsel, geslachtsnaam) if x)
    return naam


def _land(naam: str) -> dict:
    return {"code": LANDEN.get(naam, "0000"), "omschrijving": naam or "Onbekend"}


def _verblijfplaats(p: BrpPersoon) -> dict:
    if p.emigratiedatum:
        vp = {"type": "VerblijfplaatsBuitenland",
              "verblijfadres": {"land": _land(p.emigratieland)},
              "datumVan": datum(p.emigratiedatum)}  # fmt: skip
        return vp
    a = p.verblijfadres or {}
    if not a:
        return {"type": "VerblijfplaatsOnbekend"}
    adres = {k: a[k] for k in ("officieleStraatnaam", "huisnummer", "huisletter",
                               "huisnummertoevoeging", "postcode", "woonplaats") if a.get(k)}  # fmt: skip
    if "officieleStraatnaam" in adres:
        adres["korteStraatnaam"] = adres["officieleStraatnaam"][:24]
    vp = {"type": "Adres", "verblijfadres": adres}
    if p.adres_datum_van:
        vp["datumVan"] = datum(p.adres_datum_van)
    return vp


def _adressering(p: BrpPersoon, naam: dict) -> dict:
    uit: dict = {}
    a = p.verblijfadres or {}
    if p.emigratiedatum:
        uit["land"] = _land(p.emigratieland)
    elif a:
        nummer = f"{a.get('huisnummer', '')}{a.get('huisletter', '')}"
        if a.get("huisnummertoevoeging"):
            nummer += f"-{a['huisnummertoevoeging']}"
        pc = a.get("postcode", "")
        pc = f"{pc[:4]} {pc[-2:]}" if len(pc.replace(" ", "")) == 6 else pc
        uit["adresregel1"] = f"{a.get('officieleStraatnaam', '')[:33]} {nummer}".strip()[:40]
        uit["adresregel2"] = f"{pc}  {a.get('woonplaats', '').upper()}"[:50]
    letters = naam.get("voorletters", "")
    achternaam = " ".join(x for x in (naam.get("voorvoegsel"), naam["geslachtsnaam"]) if x)
    uit["aanschrijfwijze"] = {"naam": f"{letters} {achternaam}".strip()}
    uit["gebruikInLopendeTekst"] = achternaam
    return uit


def persoon_v2(p: BrpPersoon, gemeentenamen: dict[str, str], vandaag: dt.date) -> dict:
    """The full v2 Persoon of a BrpPersoon row (filter with `filter_velden`)."""
    naam = _naam(p.voornamen, p.voorvoegsel, p.geslachtsnaam, volledig=True)
    uit: dict = {"burgerservicenummer": p.burgerservicenummer, "naam": naam}
    if p.geheimhouding_persoonsgegevens:
        uit["geheimhoudingPersoonsgegevens"] = True
    if p.geslacht:
        uit["geslacht"] = {"code": p.geslacht, "omschrijving": GESLACHT.get(p.geslacht, "onbekend")}
    uit["geboorte"] = {"datum": datum(p.geboortedatum)}
    if not p.overlijdensdatum:
        uit["leeftijd"] = leeftijd(p.geboortedatum, vandaag)
    code = p.gemeente_van_inschrijving
    omschrijving = (
        "Registratie Niet Ingezetenen" if code == RNI_GEMEENTE else gemeentenamen.get(code)
    )
    uit["gemeenteVanInschrijving"] = {
        "code": code,
        **({"omschrijving": omschrijving} if omschrijving else {}),
    }
    inschrijving = next(
        (v["datum"] for v in reversed(p.verhuizingen or []) if v.get("datum")), None
    )
    if inschrijving or p.adres_datum_van:
        uit["datumInschrijvingInGemeente"] = datum(
            dt.date.fromisoformat(inschrijving) if inschrijving else p.adres_datum_van
        )
    uit["verblijfplaats"] = _verblijfplaats(p)
    uit["adressering"] = _adressering(p, naam)
    if p.overlijdensdatum:
        uit["overlijden"] = {"datum": datum(p.overlijdensdatum)}
    ouders = []
    for i, o in enumerate(p.ouders or []):
        ouder = {"ouderAanduiding": o.get("ouderAanduiding") or str(i + 1)}
        if o.get("burgerservicenummer"):
            ouder["burgerservicenummer"] = o["burgerservicenummer"]
        if o.get("naam", {}).get("geslachtsnaam"):
            n = o["naam"]
            ouder["naam"] = _naam(n.get("voornamen", ""), n.get("voorvoegsel", ""),
                                  n["geslachtsnaam"], volledig=False)  # fmt: skip
        ouders.append(ouder)
    if ouders:
        uit["ouders"] = ouders
    return uit


class LokaleBrp:
    """Reads BrpPersoon rows; same answers as the real API for the supported fields."""

    def raadpleeg(
        self, bsns: list[str], doel: str, *, gemeente_van_inschrijving: str | None = None
    ) -> list[dict]:
        return self.raadpleeg_fields(bsns, fields_voor(doel), gemeente_van_inschrijving)

    def raadpleeg_fields(
        self, bsns: list[str], fields: list[str], gemeente_van_inschrijving: str | None = None
    ) -> list[dict]:
        rijen = BrpPersoon.objects.filter(burgerservicenummer__in=bsns)
        if gemeente_van_inschrijving:
            rijen = rijen.filter(gemeente_van_inschrijving=gemeente_van_inschrijving)
        rijen = list(rijen)
        namen = {
            code[2:]: naam
            for code, naam in Gemeente.objects.filter(
                code__in={f"GM{r.gemeente_van_inschrijving}" for r in rijen}
            ).values_list("code", "naam")
        }
        vandaag = clock.today()
        volgorde = {b: i for i, b in enumerate(bsns)}
        rijen.sort(key=lambda r: volgorde.get(r.burgerservicenummer, 0))
        return [filter_velden(persoon_v2(r, namen, vandaag), fields) for r in rijen]
