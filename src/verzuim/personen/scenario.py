"""Scenario files (api-contract.md "Scenario files"): validate everything, then load it all
in one transaction with set-based upserts, or nothing.

- Every error is listed with its JSON path, e.g. ``personen[3].burgerservicenummer: ongeldig
  BSN (11-proef)`` (R-ID-1); one invalid record loads nothing.
- Idempotent: everything is upserted on its natural key (BSN, BRIN, vestigingscode,
  leerling+vestiging+begindatum, …); reloading the same file changes nothing.
- Fixed token values only in demo mode (settings.DEMO).
- Relies on the reference data (gemeenten, RMC-regio's) being loaded.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from verzuim.accounts.models import ApiApplicatie, ApiToken, Gebruiker, Rol, Scope, hash_token
from verzuim.audit.context import SYSTEEM, Actor
from verzuim.audit.services import log
from verzuim.organisaties.models import (
    Doelgroep,
    Gemeente,
    Organisatie,
    OrganisatieSoort,
    RmcRegio,
    Routering,
    Vestiging,
)
from verzuim.personen import bulk
from verzuim.personen.identificatie import (
    RNI_GEMEENTE,
    is_brin,
    is_bsn,
    is_gemeentecode,
    is_gemeentenummer,
    is_onderwijsnummer,
    is_vestigingscode,
)
from verzuim.personen.models import (
    BrpPersoon,
    Diploma,
    DiplomaSoort,
    Inschrijving,
    Leerling,
    Vrijstelling,
    VrijstellingArtikel,
    is_startkwalificatie,
)

DEMO_WACHTWOORD = "demo-verzuim-2026"
REGISTER_CODE = "REGISTER"
SECTOREN = {"po", "so", "vso", "vo", "mbo", "vavo"}
SLEUTELS = {
    "vandaag", "leerplichtdiensten", "routering", "instellingen", "personen",
    "inschrijvingen", "vrijstellingen", "diplomas", "gebruikers", "tokens",
}  # fmt: skip
_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
_DIENSTCODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")
_DATUM = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_MC = re.compile(r"^MC[0-9]{2}$")
_MIN_TOKEN = 24


class ScenarioFout(Exception):
    """The file is invalid; `fouten` lists every problem with its JSON path."""

    def __init__(self, fouten: list[str]):
        super().__init__(f"{len(fouten)} fout(en) in het scenario: " + "; ".join(fouten[:5]))
        self.fouten = fouten


@dataclass
class LaadResultaat:
    vandaag: dt.date
    aantallen: dict[str, int] = field(default_factory=dict)
    wachtwoord: str | None = None  # demo password, when users were created in demo mode
    gebruikers: list[str] = field(default_factory=list)
    nieuwe_tokens: dict[str, str] = field(default_factory=dict)  # org → token shown once


# --------------------------------------------------------------------------- validation


class _Validator:
    def __init__(self, data, *, demo: bool):
        self.data = data
        self.demo = demo
        self.fouten: list[str] = []
        self.gemeenten = set(Gemeente.objects.values_list("code", flat=True))
        self.vestigingen = set(Vestiging.objects.values_list("code", flat=True))
        self.organisaties = set(Organisatie.objects.values_list("code", flat=True))
        self.rmc = {f"MC{n}" for n in RmcRegio.objects.values_list("nummer", flat=True)}

    def fout(self, pad: str, tekst: str) -> None:
        self.fouten.append(f"{pad}: {tekst}")

    # small typed getters: each reports its own error and returns None when invalid
    def datum(self, obj: dict, key: str, pad: str, *, verplicht=True) -> dt.date | None:
        value = obj.get(key)
        if value is None:
            if verplicht:
                self.fout(f"{pad}.{key}", "verplicht (datum JJJJ-MM-DD)")
            return None
        try:
            if not (isinstance(value, str) and _DATUM.match(value)):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fout(f"{pad}.{key}", f"ongeldige datum {value!r} (JJJJ-MM-DD)")
            return None

    def tekst(self, obj: dict, key: str, pad: str, *, verplicht=True, max_len=200) -> str | None:
        value = obj.get(key)
        if value is None or value == "":
            if verplicht:
                self.fout(f"{pad}.{key}", "verplicht")
            return None
        if not isinstance(value, str) or len(value) > max_len:
            self.fout(f"{pad}.{key}", f"tekst van hoogstens {max_len} tekens verwacht")
            return None
        return value

    def lijst(self, obj: dict, key: str, pad: str) -> list:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fout(f"{pad}{key}" if not pad else f"{pad}.{key}", "lijst verwacht")
            return []
        return value

    def objecten(self, key: str):
        for i, item in enumerate(self.lijst(self.data, key, "")):
            pad = f"{key}[{i}]"
            if not isinstance(item, dict):
                self.fout(pad, "object verwacht")
                continue
            yield pad, item

    def gemeente(self, obj: dict, key: str, pad: str) -> None:
        value = obj.get(key)
        if not is_gemeentecode(value):
            self.fout(f"{pad}.{key}", f"ongeldige gemeentecode {value!r} (GM + 4 cijfers)")
        elif value not in self.gemeenten:
            self.fout(f"{pad}.{key}", f"onbekende gemeente {value} (niet in de referentiedata)")

    def periode(self, obj: dict, pad: str, *, einde_verplicht=False) -> None:
        begin = self.datum(obj, "begindatum", pad)
        einde = self.datum(obj, "einddatum", pad, verplicht=einde_verplicht)
        if begin and einde and einde < begin:
            self.fout(f"{pad}.einddatum", "ligt voor de begindatum")

    # sections
    def run(self) -> list[str]:
        if not isinstance(self.data, dict):
            return ["$: een JSON-object verwacht"]
        if not self.gemeenten:
            self.fout(
                "$", "referentiedata ontbreekt: laad eerst de gemeenten (verzuim load-reference)"
            )
        for key in sorted(set(self.data) - SLEUTELS):
            self.fout(key, "onbekende sleutel")
        self.datum(self.data, "vandaag", "$")
        self.fouten = [f.replace("$.vandaag", "vandaag") for f in self.fouten]
        self.diensten = self._diensten()
        self.instellingen = self._instellingen()
        self.org_codes = (
            self.organisaties | self.diensten | self.instellingen | self.gemeenten | self.rmc
        ) | {REGISTER_CODE}
        self._routering()
        self.bsns = self._personen()
        self._inschrijvingen()
        self._vrijstellingen()
        self._diplomas()
        self._gebruikers()
        self._tokens()
        return self.fouten

    def _diensten(self) -> set[str]:
        codes: set[str] = set()
        for pad, d in self.objecten("leerplichtdiensten"):
            code = d.get("code")
            if not isinstance(code, str) or not _DIENSTCODE.match(code) or is_gemeentecode(code):
                self.fout(
                    f"{pad}.code", f"ongeldige dienstcode {code!r} (hoofdletters, cijfers, -)"
                )
            elif code in codes:
                self.fout(f"{pad}.code", f"dubbele dienst {code}")
            else:
                codes.add(code)
            self.tekst(d, "naam", pad)
            gemeenten = self.lijst(d, "gemeenten", pad)
            if not gemeenten:
                self.fout(f"{pad}.gemeenten", "minstens één gemeente")
            for j, _ in enumerate(gemeenten):
                value = gemeenten[j]
                sub = f"{pad}.gemeenten[{j}]"
                if not is_gemeentecode(value):
                    self.fout(sub, f"ongeldige gemeentecode {value!r}")
                elif value not in self.gemeenten:
                    self.fout(sub, f"onbekende gemeente {value}")
        return codes

    def _instellingen(self) -> set[str]:
        brins: set[str] = set()
        vestigingen: set[str] = set()
        for pad, inst in self.objecten("instellingen"):
            brin = inst.get("brin")
            if not is_brin(brin):
                self.fout(f"{pad}.brin", f"ongeldige BRIN {brin!r} (2 cijfers + 2 letters)")
                brin = None
            elif brin in brins:
                self.fout(f"{pad}.brin", f"dubbele instelling {brin}")
            else:
                brins.add(brin)
            self.tekst(inst, "naam", pad)
            if inst.get("sector") not in SECTOREN:
                self.fout(f"{pad}.sector", f"een van {', '.join(sorted(SECTOREN))}")
            for j, v in enumerate(self.lijst(inst, "vestigingen", pad)):
                sub = f"{pad}.vestigingen[{j}]"
                if not isinstance(v, dict):
                    self.fout(sub, "object verwacht")
                    continue
                code = v.get("code")
                if not is_vestigingscode(code):
                    self.fout(
                        f"{sub}.code", f"ongeldige vestigingscode {code!r} (BRIN + 2 cijfers)"
                    )
                elif brin and not code.startswith(brin):
                    self.fout(f"{sub}.code", f"vestiging {code} hoort niet bij BRIN {brin}")
                elif code in vestigingen:
                    self.fout(f"{sub}.code", f"dubbele vestiging {code}")
                else:
                    vestigingen.add(code)
                self.tekst(v, "naam", sub)
                self.gemeente(v, "gemeente", sub)
        self.vestigingen |= vestigingen
        return brins

    def _routering(self) -> None:
        gezien = set()
        for pad, r in self.objecten("routering"):
            self.gemeente(r, "gemeente", pad)
            if r.get("doelgroep") not in Doelgroep.values:
                self.fout(f"{pad}.doelgroep", f"een van {', '.join(Doelgroep.values)}")
            if r.get("naar") not in self.org_codes:
                self.fout(f"{pad}.naar", f"onbekende organisatie {r.get('naar')!r}")
            key = (r.get("gemeente"), r.get("doelgroep"))
            if key in gezien:
                self.fout(pad, f"dubbele routering voor {key[0]} {key[1]}")
            gezien.add(key)

    def _naam(self, obj: dict, pad: str, *, verplicht=True) -> None:
        naam = obj.get("naam")
        if naam is None and not verplicht:
            return
        if not isinstance(naam, dict):
            self.fout(f"{pad}.naam", "object met voornamen, voorvoegsel, geslachtsnaam verwacht")
            return
        self.tekst(naam, "geslachtsnaam", f"{pad}.naam")
        self.tekst(naam, "voornamen", f"{pad}.naam", verplicht=False)
        self.tekst(naam, "voorvoegsel", f"{pad}.naam", verplicht=False, max_len=10)

    def _gemeentenummer(self, value, pad: str) -> None:
        if not is_gemeentenummer(value):
            self.fout(pad, f"ongeldige gemeentecode {value!r} (4 cijfers, BRP)")
        elif value != RNI_GEMEENTE and f"GM{value}" not in self.gemeenten:
            self.fout(pad, f"onbekende gemeente {value}")

    def _personen(self) -> set[str]:
        bsns: set[str] = set()
        for pad, p in self.objecten("personen"):
            b = p.get("burgerservicenummer")
            if not is_bsn(b):
                self.fout(f"{pad}.burgerservicenummer", f"ongeldig BSN {b!r} (11-proef)")
            elif b in bsns:
                self.fout(f"{pad}.burgerservicenummer", f"dubbel BSN {b}")
            else:
                bsns.add(b)
            self._naam(p, pad)
            geslacht = p.get("geslacht")
            if isinstance(geslacht, dict):
                geslacht = geslacht.get("code")
            if geslacht not in (None, "M", "V", "O"):
                self.fout(f"{pad}.geslacht", "M, V of O")
            geboorte = p.get("geboorte")
            if not isinstance(geboorte, dict):
                self.fout(f"{pad}.geboorte", "object met datum verwacht")
            else:
                self.datum(geboorte, "datum", f"{pad}.geboorte")
            gvi = p.get("gemeenteVanInschrijving")
            if not isinstance(gvi, dict):
                self.fout(f"{pad}.gemeenteVanInschrijving", 'object {"code": "0363"} verwacht')
            else:
                self._gemeentenummer(gvi.get("code"), f"{pad}.gemeenteVanInschrijving.code")
            self._verblijfplaats(p.get("verblijfplaats"), f"{pad}.verblijfplaats")
            for j, v in enumerate(self.lijst(p, "verhuizingen", pad)):
                sub = f"{pad}.verhuizingen[{j}]"
                if not isinstance(v, dict):
                    self.fout(sub, "object verwacht")
                    continue
                self.datum(v, "datum", sub)
                self._gemeentenummer(v.get("gemeente"), f"{sub}.gemeente")
            for key in ("overlijden", "emigratie"):
                value = p.get(key)
                if value is not None:
                    if isinstance(value, dict):
                        self.datum(value, "datum", f"{pad}.{key}")
                    else:
                        self.fout(f"{pad}.{key}", "null of object met datum verwacht")
            for j, o in enumerate(self.lijst(p, "ouders", pad)):
                sub = f"{pad}.ouders[{j}]"
                if not isinstance(o, dict):
                    self.fout(sub, "object verwacht")
                    continue
                if not is_bsn(o.get("burgerservicenummer")):
                    self.fout(f"{sub}.burgerservicenummer", "ongeldig BSN (11-proef)")
                self._naam(o, sub, verplicht=False)
            if not isinstance(p.get("geheimhoudingPersoonsgegevens", False), bool):
                self.fout(f"{pad}.geheimhoudingPersoonsgegevens", "true of false")
        return bsns

    def _verblijfplaats(self, vp, pad: str) -> None:
        if vp is None:
            return
        if not isinstance(vp, dict):
            self.fout(pad, "object verwacht")
            return
        adres = vp.get("verblijfadres")
        if adres is not None:
            if not isinstance(adres, dict):
                self.fout(f"{pad}.verblijfadres", "object verwacht")
            else:
                sub = f"{pad}.verblijfadres"
                self.tekst(adres, "officieleStraatnaam", sub, max_len=80)
                nr = adres.get("huisnummer")
                if not isinstance(nr, int) or isinstance(nr, bool) or not 1 <= nr <= 99999:
                    self.fout(f"{sub}.huisnummer", "geheel getal 1–99999")
                pc = adres.get("postcode")
                if not isinstance(pc, str) or not _POSTCODE.match(pc):
                    self.fout(f"{sub}.postcode", f"ongeldige postcode {pc!r} (1234AB)")
                self.tekst(adres, "woonplaats", sub, max_len=80)
                letter = adres.get("huisletter")
                if letter is not None and not (
                    isinstance(letter, str) and re.fullmatch(r"[a-zA-Z]", letter)
                ):
                    self.fout(f"{sub}.huisletter", "één letter")
        self.datum(vp, "datumVan", pad, verplicht=False)

    def leerling(self, obj: dict, pad: str) -> None:
        ref = obj.get("leerling")
        sub = f"{pad}.leerling"
        if not isinstance(ref, dict):
            self.fout(sub, 'object {"burgerservicenummer"} of {"onderwijsnummer"} verwacht')
            return
        heeft_bsn, heeft_onr = "burgerservicenummer" in ref, "onderwijsnummer" in ref
        if heeft_bsn == heeft_onr:
            self.fout(sub, "precies één van burgerservicenummer en onderwijsnummer")
        elif heeft_bsn and not is_bsn(ref["burgerservicenummer"]):
            self.fout(
                f"{sub}.burgerservicenummer",
                f"ongeldig BSN {ref['burgerservicenummer']!r} (11-proef)",
            )
        elif heeft_onr and not is_onderwijsnummer(ref["onderwijsnummer"]):
            self.fout(
                f"{sub}.onderwijsnummer", f"ongeldig onderwijsnummer {ref['onderwijsnummer']!r}"
            )
        if heeft_onr:
            self.datum(ref, "geboortedatum", sub, verplicht=False)

    def _inschrijvingen(self) -> None:
        gezien = set()
        for pad, ins in self.objecten("inschrijvingen"):
            self.leerling(ins, pad)
            code = ins.get("vestiging")
            if code not in self.vestigingen:
                self.fout(f"{pad}.vestiging", f"onbekende vestiging {code!r}")
            self.periode(ins, pad)
            self.tekst(ins, "onderwijssoort", pad, verplicht=False, max_len=40)
            key = (_ref_key(ins.get("leerling")), code, ins.get("begindatum"))
            if key in gezien:
                self.fout(pad, "dubbele inschrijving (zelfde leerling, vestiging en begindatum)")
            gezien.add(key)

    def _vrijstellingen(self) -> None:
        for pad, v in self.objecten("vrijstellingen"):
            self.leerling(v, pad)
            if v.get("artikel") not in VrijstellingArtikel.values:
                self.fout(f"{pad}.artikel", f"een van {', '.join(VrijstellingArtikel.values)}")
            self.periode(v, pad)
            self.gemeente(v, "gemeente", pad)

    def _diplomas(self) -> None:
        for pad, d in self.objecten("diplomas"):
            self.leerling(d, pad)
            if d.get("soort") not in DiplomaSoort.values:
                self.fout(f"{pad}.soort", f"een van {', '.join(DiplomaSoort.values)}")
            self.datum(d, "datum", pad)
            inst = d.get("instelling")
            if inst is not None and inst not in self.org_codes:
                self.fout(f"{pad}.instelling", f"onbekende instelling {inst!r}")

    def _gebruikers(self) -> None:
        namen = set()
        rollen_ok = set(Rol.values) | {"boa"}
        for pad, g in self.objecten("gebruikers"):
            naam = self.tekst(g, "gebruikersnaam", pad, max_len=150)
            if naam and naam in namen:
                self.fout(f"{pad}.gebruikersnaam", f"dubbele gebruiker {naam}")
            namen.add(naam)
            if g.get("organisatie") not in self.org_codes:
                self.fout(f"{pad}.organisatie", f"onbekende organisatie {g.get('organisatie')!r}")
            rollen = g.get("rollen")
            if not isinstance(rollen, list) or not rollen:
                self.fout(f"{pad}.rollen", "lijst met minstens één rol")
                continue
            for j, r in enumerate(rollen):
                if r not in rollen_ok:
                    self.fout(f"{pad}.rollen[{j}]", f"onbekende rol {r!r}")
            if "boa" in rollen and "leerplichtambtenaar" not in rollen:
                self.fout(f"{pad}.rollen", "boa alleen samen met leerplichtambtenaar")

    def _tokens(self) -> None:
        for pad, t in self.objecten("tokens"):
            if t.get("organisatie") not in self.org_codes:
                self.fout(f"{pad}.organisatie", f"onbekende organisatie {t.get('organisatie')!r}")
            scopes = t.get("scopes")
            if not isinstance(scopes, list) or not scopes:
                self.fout(f"{pad}.scopes", "lijst met minstens één scope")
            else:
                for j, s in enumerate(scopes):
                    if s not in Scope.values:
                        self.fout(f"{pad}.scopes[{j}]", f"onbekende scope {s!r}")
            token = t.get("token")
            if token is not None:
                if not self.demo:
                    self.fout(
                        f"{pad}.token", "vaste tokenwaarden alleen in demomodus (VERZUIM_DEMO=1)"
                    )
                elif not isinstance(token, str) or len(token) < _MIN_TOKEN:
                    self.fout(f"{pad}.token", f"minstens {_MIN_TOKEN} tekens")


def _ref_key(ref) -> tuple[str, str] | None:
    if not isinstance(ref, dict):
        return None
    if "burgerservicenummer" in ref:
        return ("bsn", ref["burgerservicenummer"])
    return ("onr", ref.get("onderwijsnummer"))


def valideer_scenario(data, *, demo: bool | None = None) -> list[str]:
    """All problems of a scenario, each as ``json.path: reden``; empty when valid."""
    return _Validator(data, demo=settings.DEMO if demo is None else demo).run()


# --------------------------------------------------------------------------- loading


def laad_scenario(data: dict, *, actor: Actor = SYSTEEM, demo: bool | None = None) -> LaadResultaat:
    """Validate and load a scenario atomically. Raises ScenarioFout (nothing loaded)."""
    demo = settings.DEMO if demo is None else demo
    fouten = valideer_scenario(data, demo=demo)
    if fouten:
        raise ScenarioFout(fouten)
    resultaat = LaadResultaat(vandaag=dt.date.fromisoformat(data["vandaag"]))
    with transaction.atomic():
        _laad_organisaties(data)
        resultaat.aantallen["personen"] = laad_personen(data.get("personen", []))
        resultaat.aantallen.update(laad_registergegevens(data))
        _laad_gebruikers(data.get("gebruikers", []), demo, resultaat)
        _laad_tokens(data.get("tokens", []), resultaat)
        log(
            actor,
            "scenario.laden",
            object_type="scenario",
            doel="scenario laden",
            details={"vandaag": data["vandaag"], **resultaat.aantallen},
        )
    return resultaat


def _organisatie(code: str) -> Organisatie:
    """The Organisatie for a code; gemeente, RMC-regio and register ones are made on demand."""
    org = Organisatie.objects.filter(code=code).first()
    if org:
        return org
    if code == REGISTER_CODE:
        return Organisatie.objects.create(
            code=code, soort=OrganisatieSoort.REGISTER, naam="Verzuimregister (DUO)"
        )
    if _MC.match(code):
        regio = RmcRegio.objects.get(nummer=code[2:])
        return Organisatie.objects.create(
            code=code,
            soort=OrganisatieSoort.RMC_REGIO,
            naam=f"RMC-regio {regio.naam}",
            rmc_regio=regio,
        )
    gemeente = Gemeente.objects.get(code=code)
    return Organisatie.objects.create(
        code=code,
        soort=OrganisatieSoort.GEMEENTE,
        naam=f"Gemeente {gemeente.naam}",
        gemeente=gemeente,
    )


def _laad_organisaties(data: dict) -> None:
    gemeente_pk = dict(Gemeente.objects.values_list("code", "pk"))
    for d in data.get("leerplichtdiensten", []):
        org, _ = Organisatie.objects.update_or_create(
            code=d["code"], defaults={"soort": OrganisatieSoort.LEERPLICHTDIENST, "naam": d["naam"]}
        )
        org.werkgebied.set([gemeente_pk[c] for c in d["gemeenten"]])
    instellingen = data.get("instellingen", [])
    for inst in instellingen:
        Organisatie.objects.update_or_create(
            code=inst["brin"],
            defaults={
                "soort": OrganisatieSoort.SCHOOL,
                "naam": inst["naam"],
                "sector": inst["sector"],
            },
        )
    inst_pk = dict(
        Organisatie.objects.filter(code__in=[i["brin"] for i in instellingen]).values_list(
            "code", "pk"
        )
    )
    bulk.upsert(
        Vestiging,
        ["code", "instelling_id", "naam", "gemeente_id", "vakantieregio"],
        [
            (v["code"], inst_pk[i["brin"]], v["naam"], gemeente_pk[v["gemeente"]], "")
            for i in instellingen
            for v in i.get("vestigingen", [])
        ],
        conflict=["code"],
        update=["instelling_id", "naam", "gemeente_id"],
    )
    codes = {r["naar"] for r in data.get("routering", [])}
    codes |= {g["organisatie"] for g in data.get("gebruikers", [])}
    codes |= {t["organisatie"] for t in data.get("tokens", [])}
    orgs = {c: _organisatie(c) for c in codes}
    for r in data.get("routering", []):
        Routering.objects.update_or_create(
            gemeente_id=gemeente_pk[r["gemeente"]],
            doelgroep=r["doelgroep"],
            defaults={"naar": orgs[r["naar"]]},
        )


PERSOON_KOLOMMEN = [
    "burgerservicenummer", "voornamen", "voorvoegsel", "geslachtsnaam", "geslacht",
    "geboortedatum", "gemeente_van_inschrijving", "verblijfadres", "adres_datum_van",
    "verhuizingen", "overlijdensdatum", "emigratiedatum", "emigratieland", "ouders",
    "geheimhouding_persoonsgegevens",
]  # fmt: skip


def _d(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def persoon_rij(p: dict) -> tuple:
    """A scenario person (BRP v2 names) → a BrpPersoon row in PERSOON_KOLOMMEN order."""
    naam = p["naam"]
    vp = p.get("verblijfplaats") or {}
    geslacht = p.get("geslacht") or ""
    if isinstance(geslacht, dict):
        geslacht = geslacht.get("code", "")
    emigratie = p.get("emigratie") or {}
    return (
        p["burgerservicenummer"],
        naam.get("voornamen") or "",
        naam.get("voorvoegsel") or "",
        naam["geslachtsnaam"],
        geslacht,
        dt.date.fromisoformat(p["geboorte"]["datum"]),
        p["gemeenteVanInschrijving"]["code"],
        vp.get("verblijfadres") or {},
        _d(vp.get("datumVan")),
        p.get("verhuizingen") or [],
        _d((p.get("overlijden") or {}).get("datum")),
        _d(emigratie.get("datum")),
        emigratie.get("land") or "",
        p.get("ouders") or [],
        bool(p.get("geheimhoudingPersoonsgegevens", False)),
    )


def laad_personen(personen: list[dict]) -> int:
    """Bulk upsert of (valid) scenario persons into the local BRP store, keyed on BSN."""
    bulk.upsert(
        BrpPersoon,
        PERSOON_KOLOMMEN,
        (persoon_rij(p) for p in personen),
        conflict=["burgerservicenummer"],
        update=PERSOON_KOLOMMEN[1:],
    )
    return len(personen)


def _leerlingen(data: dict) -> tuple[dict[str, int], dict[str, int]]:
    """Upsert a Leerling for every pupil the register data refers to; → (bsn→pk, onr→pk)."""
    refs = [
        item["leerling"]
        for key in ("inschrijvingen", "vrijstellingen", "diplomas")
        for item in data.get(key, [])
    ]
    bsns = {r["burgerservicenummer"] for r in refs if "burgerservicenummer" in r}
    onrs = {r["onderwijsnummer"]: r for r in refs if "onderwijsnummer" in r}
    geboorte = {p["burgerservicenummer"]: p["geboorte"]["datum"] for p in data.get("personen", [])}
    missing = bsns - geboorte.keys()
    if missing:
        geboorte.update(
            (b, d.isoformat())
            for b, d in BrpPersoon.objects.filter(burgerservicenummer__in=missing).values_list(
                "burgerservicenummer", "geboortedatum"
            )
        )
    bulk.upsert(
        Leerling,
        ["uuid", "burgerservicenummer", "geboortedatum"],
        ((uuid.uuid4(), b, _d(geboorte.get(b))) for b in sorted(bsns)),
        conflict=["burgerservicenummer"],
        update=["geboortedatum"],
    )
    bulk.upsert(
        Leerling,
        ["uuid", "onderwijsnummer", "geboortedatum"],
        ((uuid.uuid4(), o, _d(r.get("geboortedatum"))) for o, r in sorted(onrs.items())),
        conflict=["onderwijsnummer"],
        update=[],
    )
    return bulk.ids_by(Leerling, "burgerservicenummer", bsns), bulk.ids_by(
        Leerling, "onderwijsnummer", onrs
    )


def laad_registergegevens(data: dict) -> dict[str, int]:
    """Inschrijvingen, vrijstellingen and diploma's (ROD part), set-based."""
    per_bsn, per_onr = _leerlingen(data)

    def pk(ref: dict) -> int:
        if "burgerservicenummer" in ref:
            return per_bsn[ref["burgerservicenummer"]]
        return per_onr[ref["onderwijsnummer"]]

    inschrijvingen = data.get("inschrijvingen", [])
    vestiging_pk = dict(
        Vestiging.objects.filter(code__in={i["vestiging"] for i in inschrijvingen}).values_list(
            "code", "pk"
        )
    )
    bulk.upsert(
        Inschrijving,
        ["uuid", "leerling_id", "vestiging_id", "begindatum", "einddatum", "onderwijssoort"],
        (
            (
                uuid.uuid4(),
                pk(i["leerling"]),
                vestiging_pk[i["vestiging"]],
                _d(i["begindatum"]),
                _d(i.get("einddatum")),
                i.get("onderwijssoort") or "",
            )
            for i in inschrijvingen
        ),
        conflict=["leerling_id", "vestiging_id", "begindatum"],
        update=["einddatum", "onderwijssoort"],
    )
    vrijstellingen = data.get("vrijstellingen", [])
    gemeente_pk = dict(Gemeente.objects.values_list("code", "pk"))
    bulk.upsert(
        Vrijstelling,
        ["uuid", "leerling_id", "artikel", "begindatum", "einddatum", "gemeente_id"],
        (
            (
                uuid.uuid4(),
                pk(v["leerling"]),
                v["artikel"],
                _d(v["begindatum"]),
                _d(v.get("einddatum")),
                gemeente_pk[v["gemeente"]],
            )
            for v in vrijstellingen
        ),
        conflict=["leerling_id", "artikel", "begindatum"],
        update=["einddatum", "gemeente_id"],
    )
    diplomas = data.get("diplomas", [])
    org_pk = dict(
        Organisatie.objects.filter(code__in={d.get("instelling") for d in diplomas}).values_list(
            "code", "pk"
        )
    )
    bulk.upsert(
        Diploma,
        ["uuid", "leerling_id", "soort", "datum", "instelling_id", "startkwalificatie"],
        (
            (
                uuid.uuid4(),
                pk(d["leerling"]),
                d["soort"],
                _d(d["datum"]),
                org_pk.get(d.get("instelling")),
                is_startkwalificatie(d["soort"]),
            )
            for d in diplomas
        ),
        conflict=["leerling_id", "soort", "datum"],
        update=["instelling_id", "startkwalificatie"],
    )
    return {
        "leerlingen": len(per_bsn) + len(per_onr),
        "inschrijvingen": len(inschrijvingen),
        "vrijstellingen": len(vrijstellingen),
        "diplomas": len(diplomas),
    }


def _laad_gebruikers(gebruikers: list[dict], demo: bool, resultaat: LaadResultaat) -> None:
    from django.contrib.auth.hashers import make_password

    demo_hash = None
    for g in gebruikers:
        rollen = [r for r in g["rollen"] if r != "boa"]
        user, created = Gebruiker.objects.get_or_create(username=g["gebruikersnaam"])
        velden = {
            "organisatie": Organisatie.objects.get(code=g["organisatie"]),
            "rollen": rollen,
            "boa": "boa" in g["rollen"],
            "first_name": g.get("voornaam", ""),
            "last_name": g.get("achternaam", ""),
            "email": g.get("email", ""),
            "is_staff": "registerbeheerder" in rollen,
        }
        gewijzigd = [k for k, v in velden.items() if getattr(user, k) != v]
        for k in gewijzigd:
            setattr(user, k, velden[k])
        if created:
            if demo:
                # One hash for all demo users: PBKDF2 is deliberately slow.
                demo_hash = demo_hash or make_password(DEMO_WACHTWOORD)
                user.password = demo_hash
            else:
                user.set_unusable_password()  # set with `verzuim changepassword`
            user.save()
        elif gewijzigd:
            user.save(update_fields=gewijzigd)
        resultaat.gebruikers.append(user.username)
    if demo and gebruikers:
        resultaat.wachtwoord = DEMO_WACHTWOORD


def _laad_tokens(tokens: list[dict], resultaat: LaadResultaat) -> None:
    import secrets

    for t in tokens:
        org = Organisatie.objects.get(code=t["organisatie"])
        app, _ = ApiApplicatie.objects.get_or_create(
            organisatie=org,
            naam=t.get("naam") or f"{org.code} (scenario)",
            defaults={"scopes": t["scopes"]},
        )
        if sorted(app.scopes) != sorted(t["scopes"]):
            app.scopes = t["scopes"]
            app.save(update_fields=["scopes"])
        token = t.get("token")
        if token is None:
            if app.tokens.filter(ingetrokken__isnull=True).exists():
                continue
            token = secrets.token_urlsafe(32)
            resultaat.nieuwe_tokens[org.code] = token
        ApiToken.objects.get_or_create(
            token_hash=hash_token(token), defaults={"applicatie": app, "prefix": token[:8]}
        )
