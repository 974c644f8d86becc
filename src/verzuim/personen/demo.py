"""A believable demo region as a scenario (issue 2 item 8): `verzuim make-demo`.

Three real gemeenten of Zuid-Kennemerland: Haarlem (GM0392) handles its own leerplicht;
Zandvoort (GM0473) and Heemstede (GM0397) share the fictitious leerplichtdienst RBL-ZK.
About ten REAL po schools of those gemeenten come from the DUO list (data/scholen-po.csv);
vo and mbo are FICTITIOUS instellingen with BRIN codes starting "99" (never issued by
DUO, see data/SOURCES.md) and "(fictief)" in their names. Pupils get valid BSNs in the
99xxxxxxx range (the range of the RvIG test BSNs), Dutch names, households with two
parents, addresses with real postcode areas, enrolments that match their age, some moves,
a few vrijstellingen and diploma's, some children enrolled nowhere (absoluut-verzuim
candidates), one emigrated, one without address and one with geheimhouding.

The output is deterministic for a given --seed. It is not committed: generating 2,000
pupils takes well under a second, so the demo start script runs `make-demo` then
`load-scenario` (see load_persons benchmark for the 100,000-person variant).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import onderwijsnummer as stdnum_onr

from verzuim.organisaties.referentie import read_csv
from verzuim.rules import leeftijd as leeftijd_op

VANDAAG = dt.date(2026, 11, 16)  # a Monday in the school year

GEMEENTEN = {
    # code: (naam, share of the population, postcode ranges, streets)
    "0392": ("Haarlem", 0.66, (2011, 2037), [
        "Grote Houtstraat", "Kleverparkweg", "Rijksstraatweg", "Schoterweg", "Amsterdamstraat",
        "Zijlweg", "Kennemerstraat", "Spaarndamseweg", "Prinsen Bolwerk", "Vergierdeweg",
        "Leidsevaart", "Rustenburgerlaan", "Brouwersvaart", "Oranjeboomstraat", "Delftlaan",
    ]),
    "0397": ("Heemstede", 0.16, (2101, 2106), [
        "Binnenweg", "Herenweg", "Van Merlenlaan", "Heemsteedse Dreef", "Glipperweg",
        "Camplaan", "Zandvaartkade", "Lanckhorstlaan",
    ]),
    "0473": ("Zandvoort", 0.18, (2041, 2042), [
        "Kerkstraat", "Haltestraat", "Zeestraat", "Boulevard Paulus Loot", "Van Lennepweg",
        "Tollensstraat", "Thorbeckestraat", "Burgemeester Engelbertsstraat",
    ]),
}  # fmt: skip
DIENST = {"code": "RBL-ZK", "naam": "Regionaal Bureau Leerlingzaken Zuid-Kennemerland (fictief)",
          "gemeenten": ["GM0397", "GM0473"]}  # fmt: skip
PO_PER_GEMEENTE = {"GM0392": 5, "GM0397": 3, "GM0473": 2}
FICTIEF = [
    {"brin": "99VA", "naam": "Kennemer Lyceum (fictief)", "sector": "vo", "vestigingen": [
        {"code": "99VA00", "naam": "Kennemer Lyceum Haarlem (fictief)", "gemeente": "GM0392"},
        {"code": "99VA01", "naam": "Kennemer Lyceum Heemstede (fictief)", "gemeente": "GM0397"}]},
    {"brin": "99VB", "naam": "Duinrand College (fictief)", "sector": "vo", "vestigingen": [
        {"code": "99VB00", "naam": "Duinrand College Zandvoort (fictief)", "gemeente": "GM0473"}]},
    {"brin": "99MA", "naam": "ROC Zuid-Kennemerland (fictief)", "sector": "mbo", "vestigingen": [
        {"code": "99MA00", "naam": "ROC Zuid-Kennemerland Haarlem (fictief)",
         "gemeente": "GM0392"}]},
]  # fmt: skip
DEMO_TOKENS = {
    "99VA": "demo-school-99VA-0000000000000000000000",
    "GM0392": "demo-gemeente-GM0392-000000000000000000",
}
VOORNAMEN_M = ["Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Noah", "Jesse", "Bram", "Thijs",
               "Luuk", "Mees", "Sven", "Ruben", "Tim", "Adam", "Mohammed", "Ayoub", "Jan", "Pieter",
               "Kees", "Willem", "Joris", "Stijn", "Gijs"]  # fmt: skip
VOORNAMEN_V = ["Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Fenna", "Eva",
               "Lotte", "Anna", "Saar", "Liv", "Noor", "Fleur", "Yara", "Isa", "Femke", "Sanne",
               "Marieke", "Anouk", "Lisa", "Fatima", "Ilse"]  # fmt: skip
ACHTERNAMEN = [("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
               ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"),
               ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"),
               ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
               ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"), ("", "Kok"),
               ("", "Yilmaz"), ("", "El Amrani"), ("", "Kramer"), ("van", "Wijk"), ("", "Koster")]  # fmt: skip
BUITENLAND = ["België", "Duitsland", "Spanje", "Verenigd Koninkrijk"]


class NummerBron:
    """Unique valid BSNs (99xxxxxxx) and onderwijsnummers (10xxxxxxx); the check digit
    comes from stdnum's own checksum and every number is verified with stdnum (R-ID-1)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.gezien: set[str] = set()

    def _nummer(self, prefix: str, rest: int, module, rest_waarde: int) -> str:
        while True:
            stam = prefix + f"{self.rng.randrange(10**rest):0{rest}d}"
            c0 = stdnum_bsn.checksum(stam + "0")  # weighted sum of the stem, mod 11
            cijfer = (c0 - rest_waarde) % 11
            if cijfer == 10:
                continue
            nummer = stam + str(cijfer)
            if nummer not in self.gezien and module.is_valid(nummer):
                self.gezien.add(nummer)
                return nummer

    def bsn(self) -> str:
        return self._nummer("99", 6, stdnum_bsn, 0)

    def onderwijsnummer(self) -> str:
        return self._nummer("10", 6, stdnum_onr, 5)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _jaren_terug(d: dt.date, jaren: int) -> dt.date:
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:  # 29 February
        return d.replace(year=d.year - jaren, day=28)


def _schooljaar_start(jaar: int) -> dt.date:
    return dt.date(jaar, 8, 1)


class Generator:
    def __init__(self, seed: int, vandaag: dt.date):
        self.rng = random.Random(seed)
        self.vandaag = vandaag
        self.nummers = NummerBron(self.rng)
        self.po = self._po_scholen()
        self.vo = {g: [] for g in GEMEENTEN}
        for inst in FICTIEF:
            for v in inst["vestigingen"]:
                if inst["sector"] == "vo":
                    self.vo[v["gemeente"][2:]].append(v["code"])
        self.mbo = ["99MA00"]

    def _po_scholen(self) -> dict[str, list[dict]]:
        per: dict[str, list[dict]] = {}
        for r in sorted(read_csv("scholen-po.csv"), key=lambda r: r["VESTIGINGSCODE"]):
            g = r["GEMEENTECODE"]
            if g in PO_PER_GEMEENTE and r["VESTIGINGSCODE"].endswith("00"):
                lijst = per.setdefault(g, [])
                if len(lijst) < PO_PER_GEMEENTE[g]:
                    lijst.append(r)
        return per

    def instellingen(self) -> list[dict]:
        echte = [
            {"brin": r["INSTELLINGSCODE"], "naam": r["VESTIGINGSNAAM"].strip(), "sector": "po",
             "vestigingen": [{"code": r["VESTIGINGSCODE"], "naam": r["VESTIGINGSNAAM"].strip(),
                              "gemeente": r["GEMEENTECODE"]}]}
            for g in PO_PER_GEMEENTE for r in self.po.get(g, [])
        ]  # fmt: skip
        return echte + FICTIEF

    def _naam(self, geslacht: str, achternaam: tuple[str, str]) -> dict:
        voornamen = VOORNAMEN_V if geslacht == "V" else VOORNAMEN_M
        naam = {"voornamen": " ".join(self.rng.sample(voornamen, self.rng.choice((1, 2, 2, 3))))}
        if achternaam[0]:
            naam["voorvoegsel"] = achternaam[0]
        naam["geslachtsnaam"] = achternaam[1]
        return naam

    def _gemeente(self) -> str:
        codes = list(GEMEENTEN)
        return self.rng.choices(codes, weights=[GEMEENTEN[c][1] for c in codes])[0]

    def _adres(self, gemeente: str) -> dict:
        naam, _, (pc_van, pc_tot), straten = GEMEENTEN[gemeente]
        letters = "ABCDEFGHJKLMNPRSTVWXZ"
        return {
            "officieleStraatnaam": self.rng.choice(straten),
            "huisnummer": self.rng.randint(1, 250),
            "postcode": f"{self.rng.randint(pc_van, pc_tot)}{self.rng.choice(letters)}{self.rng.choice(letters)}",
            "woonplaats": naam,
        }

    def huishoudens(self, aantal: int) -> Iterator[list[dict]]:
        """Households of 1–3 children with the same parents and address."""
        gemaakt = 0
        while gemaakt < aantal:
            kinderen = min(self.rng.choice((1, 1, 2, 2, 2, 3)), aantal - gemaakt)
            gemaakt += kinderen
            yield self._huishouden(kinderen)

    def _huishouden(self, kinderen: int) -> list[dict]:
        rng = self.rng
        achternaam = rng.choice(ACHTERNAMEN)
        gemeente = self._gemeente()
        adres = self._adres(gemeente)
        ouders = [
            {"burgerservicenummer": self.nummers.bsn(), "naam": self._naam(g, achternaam if g == "M" else rng.choice(ACHTERNAMEN)),
             "ouderAanduiding": str(i + 1)}
            for i, g in enumerate(("V", "M"))
        ]  # fmt: skip
        verhuisd = rng.random() < 0.06
        vorige = rng.choice([g for g in GEMEENTEN if g != gemeente]) if verhuisd else None
        verhuisdatum = self.vandaag - dt.timedelta(days=rng.randint(20, 900)) if verhuisd else None
        personen = []
        for _ in range(kinderen):
            geslacht = rng.choice("MV")
            geboren = self.vandaag - dt.timedelta(days=rng.randint(3 * 365 + 1, 25 * 365 - 1))
            persoon = {
                "burgerservicenummer": self.nummers.bsn(),
                "naam": self._naam(geslacht, achternaam),
                "geslacht": geslacht,
                "geboorte": {"datum": geboren.isoformat()},
                "gemeenteVanInschrijving": {"code": gemeente},
                "verblijfplaats": {"verblijfadres": dict(adres),
                                   "datumVan": _iso(max(verhuisdatum or geboren, geboren))},
                "verhuizingen": [],
                "overlijden": None,
                "emigratie": None,
                "ouders": ouders,
                "geheimhoudingPersoonsgegevens": False,
            }  # fmt: skip
            if verhuisd and verhuisdatum > geboren:
                persoon["verhuizingen"] = [
                    {"datum": geboren.isoformat(), "gemeente": vorige},
                    {"datum": verhuisdatum.isoformat(), "gemeente": gemeente},
                ]
            personen.append(persoon)
        return personen

    def register(self, persoon: dict) -> tuple[list[dict], list[dict]]:
        """Enrolments and diplomas that fit the person's age on `vandaag`."""
        rng = self.rng
        ref = {"burgerservicenummer": persoon["burgerservicenummer"]}
        geboren = dt.date.fromisoformat(persoon["geboorte"]["datum"])
        leeftijd = leeftijd_op(geboren, self.vandaag)
        gemeente = persoon["gemeenteVanInschrijving"]["code"]
        inschrijvingen: list[dict] = []
        diplomas: list[dict] = []
        po_start = _jaren_terug(geboren, -4)
        vo_start = _schooljaar_start(geboren.year + 12 + (geboren.month >= 10))

        def inschrijf(vestiging: str, begin: dt.date, eind: dt.date | None, soort: str) -> None:
            if begin <= self.vandaag:
                inschrijvingen.append({"leerling": ref, "vestiging": vestiging,
                                       "begindatum": begin.isoformat(), "einddatum": _iso(eind),
                                       "onderwijssoort": soort})  # fmt: skip

        if leeftijd < 4:
            return [], []
        po = rng.choice(self.po["GM" + gemeente])["VESTIGINGSCODE"]
        vo = rng.choice(self.vo[gemeente] or self.vo["0392"])
        if po_start > self.vandaag:
            return [], []
        if vo_start > self.vandaag:
            inschrijf(po, po_start, None, "po")
            return inschrijvingen, diplomas
        inschrijf(po, po_start, vo_start - dt.timedelta(days=1), "po")
        route = rng.choices(("havo", "vwo", "vmbo"), weights=(35, 25, 40))[0]
        vo_jaren = {"havo": 5, "vwo": 6, "vmbo": 4}[route]
        vo_eind = _schooljaar_start(vo_start.year + vo_jaren) - dt.timedelta(days=1)
        if vo_eind >= self.vandaag:
            inschrijf(vo, vo_start, None, route)
            return inschrijvingen, diplomas
        inschrijf(vo, vo_start, vo_eind, route)
        diploma_datum = dt.date(vo_eind.year, 7, rng.randint(1, 12))
        if rng.random() < 0.9:
            diplomas.append({"leerling": ref, "soort": route, "datum": diploma_datum.isoformat()})
        # Most go on straight away; some take a gap year (absoluut-verzuim candidates).
        mbo_start = vo_eind + dt.timedelta(days=1 if rng.random() < 0.92 else 366)
        if route == "vmbo" or rng.random() < 0.15:
            mbo_eind = _schooljaar_start(mbo_start.year + rng.choice((2, 3, 4))) - dt.timedelta(
                days=1
            )
            if mbo_eind >= self.vandaag:
                inschrijf(self.mbo[0], mbo_start, None, "mbo")
            else:
                inschrijf(self.mbo[0], mbo_start, mbo_eind, "mbo")
                if rng.random() < 0.75:
                    niveau = rng.choice(("mbo-2", "mbo-3", "mbo-4", "mbo-4"))
                    diplomas.append(
                        {
                            "leerling": ref,
                            "soort": niveau,
                            "datum": dt.date(mbo_eind.year, 7, 3).isoformat(),
                        }
                    )
        return inschrijvingen, diplomas


def maak_personen(aantal: int, *, seed: int = 1, vandaag: dt.date = VANDAAG) -> dict:
    """The person-and-enrolment part of a scenario: `aantal` children/young people with
    their inschrijvingen and diploma's (used by make-demo and the load benchmark)."""
    gen = Generator(seed, vandaag)
    personen, inschrijvingen, diplomas = [], [], []
    for huishouden in gen.huishoudens(aantal):
        for p in huishouden:
            personen.append(p)
            ins, dips = gen.register(p)
            inschrijvingen.extend(ins)
            diplomas.extend(dips)
    return {"generator": gen, "personen": personen, "inschrijvingen": inschrijvingen,
            "diplomas": diplomas}  # fmt: skip


def _bijzondere_gevallen(gen: Generator, data: dict) -> None:
    """Absoluut-verzuim candidates, a recent uitschrijving, vrijstellingen, an emigrant,
    one without address, one with geheimhouding, onderwijsnummer pupils."""
    rng = gen.rng
    vandaag = gen.vandaag
    leerplichtig = [
        p for p in data["personen"]
        if 6 <= leeftijd_op(dt.date.fromisoformat(p["geboorte"]["datum"]), vandaag) <= 16
    ]  # fmt: skip
    rng.shuffle(leerplichtig)
    n = max(1, len(leerplichtig) // 100)
    kandidaten = {p["burgerservicenummer"] for p in leerplichtig[:n]}  # enrolled nowhere now
    uitgeschreven = {p["burgerservicenummer"] for p in leerplichtig[n : 2 * n]}
    for ins in data["inschrijvingen"]:
        bsn = ins["leerling"]["burgerservicenummer"]
        if ins["einddatum"] is None and bsn in kandidaten | uitgeschreven:
            eind = vandaag - dt.timedelta(
                days=rng.randint(5, 60) if bsn in uitgeschreven else rng.randint(120, 400)
            )
            ins["einddatum"] = max(eind, dt.date.fromisoformat(ins["begindatum"])).isoformat()
    vrijgesteld = leerplichtig[2 * n : 2 * n + max(1, n // 2)]
    artikelen = ["5a", "5b", "5c", "5a", "15"]
    schooljaar = _schooljaar_start(vandaag.year if vandaag.month >= 8 else vandaag.year - 1)
    for i, p in enumerate(vrijgesteld):
        artikel = artikelen[i % len(artikelen)]
        data["vrijstellingen"].append({
            "leerling": {"burgerservicenummer": p["burgerservicenummer"]}, "artikel": artikel,
            "begindatum": schooljaar.isoformat(),
            "einddatum": (dt.date(schooljaar.year + 1, 7, 31)).isoformat(),
            "gemeente": "GM" + p["gemeenteVanInschrijving"]["code"]})  # fmt: skip
        data["inschrijvingen"] = [
            i for i in data["inschrijvingen"]
            if not (i["leerling"].get("burgerservicenummer") == p["burgerservicenummer"] and i["einddatum"] is None)
        ]  # fmt: skip
    rest = leerplichtig[2 * n + max(1, n // 2) :]
    geheim, zonder_adres, emigrant = rest[0], rest[1], rest[2]
    geheim["geheimhoudingPersoonsgegevens"] = True
    zonder_adres["verblijfplaats"] = None
    emigrant["gemeenteVanInschrijving"] = {"code": "1999"}
    emigrant["verblijfplaats"] = None
    emigrant["emigratie"] = {"datum": (vandaag - dt.timedelta(days=100)).isoformat(),
                             "land": rng.choice(BUITENLAND)}  # fmt: skip
    for ins in data["inschrijvingen"]:
        if (
            ins["leerling"].get("burgerservicenummer") == emigrant["burgerservicenummer"]
            and ins["einddatum"] is None
        ):
            ins["einddatum"] = (vandaag - dt.timedelta(days=101)).isoformat()
    # Newcomers known to their school only by onderwijsnummer (R-ID-1).
    for i in range(3):
        geboren = dt.date(vandaag.year - 8 - i, 3 + i, 10)
        data["inschrijvingen"].append({
            "leerling": {"onderwijsnummer": gen.nummers.onderwijsnummer(),
                         "geboortedatum": geboren.isoformat()},
            "vestiging": gen.po["GM0392"][i % len(gen.po["GM0392"])]["VESTIGINGSCODE"],
            "begindatum": (vandaag - dt.timedelta(days=30 + i)).isoformat(), "einddatum": None,
            "onderwijssoort": "po"})  # fmt: skip


def _gebruikers(gen: Generator) -> list[dict]:
    po_haarlem = gen.po["GM0392"][0]["INSTELLINGSCODE"]
    return [
        {"gebruikersnaam": "school.po", "organisatie": po_haarlem, "rollen": ["schoolmedewerker"],
         "voornaam": "Petra", "achternaam": "de Boer", "email": "p.deboer@school.example",
         "functie": "Intern begeleider", "telefoon": "023 555 0101"},
        {"gebruikersnaam": "school.vo", "organisatie": "99VA", "rollen": ["schoolmedewerker"],
         "voornaam": "Henk", "achternaam": "Visser", "email": "h.visser@school.example",
         "functie": "Verzuimcoördinator", "telefoon": "023 555 0102"},
        {"gebruikersnaam": "lpa.haarlem", "organisatie": "GM0392",
         "rollen": ["leerplichtambtenaar", "boa"], "voornaam": "Linda", "achternaam": "Smit"},
        {"gebruikersnaam": "lpa2.haarlem", "organisatie": "GM0392",
         "rollen": ["leerplichtambtenaar"], "voornaam": "Ahmed", "achternaam": "Yilmaz"},
        {"gebruikersnaam": "lpa.rblzk", "organisatie": "RBL-ZK",
         "rollen": ["leerplichtambtenaar", "boa"], "voornaam": "Kees", "achternaam": "Mulder"},
        {"gebruikersnaam": "admin.haarlem", "organisatie": "GM0392",
         "rollen": ["administratief-medewerker"], "voornaam": "Ria", "achternaam": "Bakker"},
        {"gebruikersnaam": "admin.rblzk", "organisatie": "RBL-ZK",
         "rollen": ["administratief-medewerker"], "voornaam": "Tom", "achternaam": "Kok"},
        {"gebruikersnaam": "rmc.kennemerland", "organisatie": "MC25",
         "rollen": ["rmc-trajectbegeleider"], "voornaam": "Fatima", "achternaam": "El Amrani"},
        {"gebruikersnaam": "beleid.haarlem", "organisatie": "GM0392",
         "rollen": ["beleidsmedewerker"], "voornaam": "Joris", "achternaam": "van Dijk"},
        {"gebruikersnaam": "privacy.haarlem", "organisatie": "GM0392",
         "rollen": ["privacy-officer"], "voornaam": "Anouk", "achternaam": "Peters"},
        {"gebruikersnaam": "beheer", "organisatie": "REGISTER", "rollen": ["registerbeheerder"],
         "voornaam": "Willem", "achternaam": "Dekker"},
        {"gebruikersnaam": "sjablonen.haarlem", "organisatie": "GM0392",
         "rollen": ["functioneel-beheerder"], "voornaam": "Eva", "achternaam": "Jansen"},
    ]  # fmt: skip


def maak_demo(personen: int = 2000, *, seed: int = 1, vandaag: dt.date = VANDAAG) -> dict:
    """The complete demo scenario (api-contract.md "Scenario files")."""
    deel = maak_personen(personen, seed=seed, vandaag=vandaag)
    gen: Generator = deel.pop("generator")
    data = {
        "vandaag": vandaag.isoformat(),
        "leerplichtdiensten": [DIENST],
        "routering": [
            {"gemeente": g, "doelgroep": d, "naar": DIENST["code"]}
            for g in DIENST["gemeenten"] for d in ("leerplichtig", "kwalificatieplichtig")
        ],
        "instellingen": gen.instellingen(),
        **deel,
        "vrijstellingen": [],
        "gebruikers": _gebruikers(gen),
        "tokens": [
            {"organisatie": "99VA", "naam": "LAS Kennemer Lyceum (demo)", "token": DEMO_TOKENS["99VA"],
             "scopes": ["meldingen.aanmaken", "meldingen.lezen", "inschrijvingen.schrijven",
                        "diplomas.schrijven", "leerplichtstatus.lezen"]},
            {"organisatie": "GM0392", "naam": "Leerplichtpakket Haarlem (demo)",
             "token": DEMO_TOKENS["GM0392"],
             "scopes": ["meldingen.lezen", "meldingen.behandelen", "vrijstellingen.schrijven",
                        "signalen.lezen", "cijfers.lezen", "leerplichtstatus.lezen",
                        "dossiers.lezen", "dossiers.schrijven"]},
        ],
    }  # fmt: skip
    _bijzondere_gevallen(gen, data)
    return data
