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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from verzuim.accounts.models import ApiApplicatie, ApiToken, Gebruiker, Rol, Scope, hash_token
from verzuim.accounts.services import DEMO_WACHTWOORD
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
from verzuim.personen.invoer import POSTCODE
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

REGISTER_CODE = "REGISTER"
SECTOREN = {"po", "so", "vso", "vo", "mbo", "vavo"}
SLEUTELS = {
    "vandaag", "leerplichtdiensten", "routering", "instellingen", "personen",
    "inschrijvingen", "vrijstellingen", "diplomas", "gebruikers", "tokens",
}  # fmt: skip
_DIENSTCODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")
_DATUM = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_MC = re.compile(r"^MC[0-9]{2}$")
_MIN_TOKEN = 24
_HUISLETTER = re.compile(r"^[a-zA-Z]$")
# The common valid person in one match (_Validator._persoon_snel): its text fields joined by
# \x1f, which none of them may contain: geslacht, geboortedatum, datumVan, straat, postcode,
# woonplaats, then (voornamen, voorvoegsel, geslachtsnaam) of the person and of each parent.
_ISO = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_NAAM = r"[^\x1f]{0,200}\x1f[^\x1f]{0,10}\x1f[^\x1f]{1,200}"
_PERSOON_SNEL = re.compile(
    rf"[MVO]\x1f{_ISO}\x1f{_ISO}\x1f[^\x1f]{{1,80}}\x1f[1-9][0-9]{{3}} ?[A-Za-z]{{2}}\x1f"
    rf"[^\x1f]{{1,80}}\x1f{_NAAM}(?:\x1f{_NAAM})*"
)
_ISO_DATUM = re.compile(_ISO)
# TextChoices.values is rebuilt on every access; these are checked per record.
DOELGROEPEN = frozenset(Doelgroep.values)
DIPLOMASOORTEN = frozenset(DiplomaSoort.values)
ARTIKELEN = frozenset(VrijstellingArtikel.values)
SCOPES = frozenset(Scope.values)


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


@dataclass
class ScenarioRijen:
    """Validated rows, built while validating. Dates are ISO texts; pupils are referred to
    as ("bsn", value) or ("onr", value) until their Leerling ids are known.
    geboorte: {bsn: birth date} of the valid persons (their rows are streamed, see
    _Validator.romp); inschrijvingen: (ref, vestiging, begin, einde,
    onderwijssoort); vrijstellingen: (ref, artikel, begin, einde, gemeente); diplomas:
    (ref, soort, datum, instelling); onr_geboorte: birth dates given by the school."""

    geboorte: dict[str, str] = field(default_factory=dict)
    inschrijvingen: list[tuple] = field(default_factory=list)
    vrijstellingen: list[tuple] = field(default_factory=list)
    diplomas: list[tuple] = field(default_factory=list)
    onr_geboorte: dict[str, str | None] = field(default_factory=dict)


# --------------------------------------------------------------------------- validation


class _Validator:
    def __init__(self, data, *, demo: bool):
        self.data = data
        self.demo = demo
        self.fouten: list[str] = []
        # Rows for the bulk load, built while validating (one pass over the data); only
        # used when there are no errors. Dates stay the validated ISO strings.
        self.rijen = ScenarioRijen()
        self._bsn_geldig: dict[str, bool] = {}  # the 11-proef once per distinct value
        self.gemeenten = set(Gemeente.objects.values_list("code", flat=True))
        self.vestigingen = set(Vestiging.objects.values_list("code", flat=True))
        self.organisaties = set(Organisatie.objects.values_list("code", flat=True))
        self.rmc = {f"MC{n}" for n in RmcRegio.objects.values_list("nummer", flat=True)}
        # the BRP's 4-digit gemeentenummers that are known (RNI included)
        self.gemeentenummers = {c[2:] for c in self.gemeenten} | {RNI_GEMEENTE}

    def fout(self, pad: str, tekst: str) -> None:
        self.fouten.append(f"{pad}: {tekst}")

    def is_bsn(self, value) -> bool:
        geldig = self._bsn_geldig.get(value) if isinstance(value, str) else False
        if geldig is None:
            geldig = self._bsn_geldig[value] = is_bsn(value)
        return geldig

    # small typed getters: each reports its own error and returns None when invalid
    def datum(self, obj: dict, key: str, pad: str, *, verplicht=True) -> str | None:
        """The date as its validated ISO text (compares like the date; stored as is)."""
        value = obj.get(key)
        if value is None:
            if verplicht:
                self.fout(f"{pad}.{key}", "verplicht (datum JJJJ-MM-DD)")
            return None
        try:
            if not (isinstance(value, str) and _DATUM.match(value)):
                raise ValueError
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            self.fout(f"{pad}.{key}", f"ongeldige datum {value!r} (JJJJ-MM-DD)")
            return None

    def tekst(self, obj: dict, key: str, pad: str, *, verplicht=True, max_len=200) -> str | None:
        value = obj.get(key)
        if type(value) is str and 0 < len(value) <= max_len:
            return value
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

    def objecten(self, key: str, obj: dict | None = None, pad: str = ""):
        """(path, item) for each object in the list `obj[key]` (the top level by default);
        other items are reported."""
        prefix = f"{pad}.{key}" if pad else key
        for i, item in enumerate(self.lijst(self.data if obj is None else obj, key, pad)):
            sub = f"{prefix}[{i}]"
            if not isinstance(item, dict):
                self.fout(sub, "object verwacht")
                continue
            yield sub, item

    def gemeente(self, obj: dict, key: str, pad: str) -> None:
        value = obj.get(key)
        if not is_gemeentecode(value):
            self.fout(f"{pad}.{key}", f"ongeldige gemeentecode {value!r} (GM + 4 cijfers)")
        elif value not in self.gemeenten:
            self.fout(f"{pad}.{key}", f"onbekende gemeente {value} (niet in de referentiedata)")

    def periode(self, obj: dict, pad: str, *, einde_verplicht=False) -> tuple[str, str | None]:
        begin = self.datum(obj, "begindatum", pad)
        einde = self.datum(obj, "einddatum", pad, verplicht=einde_verplicht)
        if begin and einde and einde < begin:
            self.fout(f"{pad}.einddatum", "ligt voor de begindatum")
        return begin, einde

    # sections
    def run(self) -> list[str]:
        """Every error of the scenario."""
        if self.kop():
            self.romp()
        return self.fouten

    def kop(self) -> bool:
        """Everything but the persons and their register rows: what _laad_organisaties,
        _laad_gebruikers and _laad_tokens need. False when the data is not even an object."""
        if not isinstance(self.data, dict):
            self.fout("$", "een JSON-object verwacht")
            return False
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
        self._gebruikers()
        self._tokens()
        return True

    def romp(self, schrijf_persoon: Callable[[tuple], None] | None = None) -> None:
        """The persons and their register rows, the bulk of a large file. While no error has
        been found, each valid person's BrpPersoon row goes to `schrijf_persoon` at once, so
        it can be loaded while the rest is validated; after an error the rest is still
        checked, as every error is reported."""
        self._schrijf_persoon = schrijf_persoon
        self.bsns = self._personen()
        self._inschrijvingen()
        self._vrijstellingen()
        self._diplomas()

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
            for sub, v in self.objecten("vestigingen", inst, pad):
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
            if not _bekend(r.get("doelgroep"), DOELGROEPEN):
                self.fout(f"{pad}.doelgroep", f"een van {', '.join(Doelgroep.values)}")
            if r.get("naar") not in self.org_codes:
                self.fout(f"{pad}.naar", f"onbekende organisatie {r.get('naar')!r}")
            key = (r.get("gemeente"), r.get("doelgroep"))
            if key in gezien:
                self.fout(pad, f"dubbele routering voor {key[0]} {key[1]}")
            gezien.add(key)

    def _naam(self, obj: dict, pad: str, *, verplicht=True) -> tuple[str, str, str] | None:
        """(voornamen, voorvoegsel, geslachtsnaam), blanks as ''."""
        naam = obj.get("naam")
        if naam is None and not verplicht:
            return None
        if not isinstance(naam, dict):
            self.fout(f"{pad}.naam", "object met voornamen, voorvoegsel, geslachtsnaam verwacht")
            return None
        sub = f"{pad}.naam"
        geslachtsnaam = self.tekst(naam, "geslachtsnaam", sub)
        voornamen = self.tekst(naam, "voornamen", sub, verplicht=False)
        voorvoegsel = self.tekst(naam, "voorvoegsel", sub, verplicht=False, max_len=10)
        return voornamen or "", voorvoegsel or "", geslachtsnaam or ""

    def _gemeentenummer(self, value, pad: str) -> None:
        if not is_gemeentenummer(value):
            self.fout(pad, f"ongeldige gemeentecode {value!r} (4 cijfers, BRP)")
        elif value != RNI_GEMEENTE and f"GM{value}" not in self.gemeenten:
            self.fout(pad, f"onbekende gemeente {value}")

    def _personen(self) -> set[str]:
        bsns: set[str] = set()
        geboorte = self.rijen.geboorte
        schrijf = self._schrijf_persoon
        for pad, p in self.objecten("personen"):
            b = p.get("burgerservicenummer")
            if not self.is_bsn(b):
                self.fout(f"{pad}.burgerservicenummer", f"ongeldig BSN {b!r} (11-proef)")
            elif b in bsns:
                self.fout(f"{pad}.burgerservicenummer", f"dubbel BSN {b}")
            else:
                bsns.add(b)
            rij = self._persoon_snel(p) or self._persoon(p, pad)
            if rij:
                geboorte[b] = rij[_GEBOORTEDATUM]
                if schrijf and not self.fouten:
                    schrijf(rij)
        return bsns

    def _persoon_snel(self, p: dict) -> tuple | None:
        """The BrpPersoon row (PERSOON_KOLOMMEN order) of a common, valid person, checked
        without a call per field: its text fields in one match of _PERSOON_SNEL. None for
        anything else (a null or odd-typed field, a huisletter, emigration or death, any
        invalid value); _persoon then checks that person field by field and names each
        error. Accepts only what _persoon accepts (test_scenario_snel.py)."""
        try:
            naam, vp, verhuizingen, ouders = (
                p["naam"], p["verblijfplaats"], p["verhuizingen"], p["ouders"]
            )  # fmt: skip
            adres, gvi = vp["verblijfadres"], p["gemeenteVanInschrijving"]["code"]
            geheim = p.get("geheimhoudingPersoonsgegevens", False)
            if (
                type(verhuizingen) is not list
                or type(ouders) is not list
                or type(geheim) is not bool
                or p.get("overlijden") is not None
                or p.get("emigratie") is not None
                or gvi not in self.gemeentenummers
                or "huisletter" in adres
                or type(adres["huisnummer"]) is not int
                or not 0 < adres["huisnummer"] < 100_000
                or not all(self.is_bsn(o["burgerservicenummer"]) for o in ouders)
                or not all(self._verhuizing_snel(v) for v in verhuizingen)
            ):
                return None
            velden = [
                p["geslacht"], p["geboorte"]["datum"], vp["datumVan"],
                adres["officieleStraatnaam"], adres["postcode"], adres["woonplaats"],
            ]  # fmt: skip
            for n in (naam, *(o["naam"] for o in ouders if o.get("naam") is not None)):
                velden += (n.get("voornamen", ""), n.get("voorvoegsel", ""), n["geslachtsnaam"])
            if not _PERSOON_SNEL.fullmatch("\x1f".join(velden)):
                return None
            dt.date.fromisoformat(velden[1])
            dt.date.fromisoformat(velden[2])
        except (KeyError, TypeError, AttributeError, ValueError):
            return None
        return (
            p.get("burgerservicenummer"), velden[6], velden[7], velden[8], velden[0], velden[1],
            gvi, adres, velden[2], verhuizingen, None, None, "", ouders, geheim,
        )  # fmt: skip

    def _verhuizing_snel(self, v) -> bool:
        """A valid move (_persoon_snel); raises TypeError or ValueError on odd values."""
        return (
            type(v) is dict
            and v["gemeente"] in self.gemeentenummers
            and bool(_ISO_DATUM.fullmatch(v["datum"]))
            and bool(dt.date.fromisoformat(v["datum"]))
        )

    def _persoon(self, p: dict, pad: str) -> tuple | None:
        """Validate one person field by field, naming every error (all but the BSN, which
        _personen checks); → its BrpPersoon row (PERSOON_KOLOMMEN order), None when the
        person has errors."""
        n = len(self.fouten)
        naam = self._naam(p, pad)
        geslacht = p.get("geslacht")
        if isinstance(geslacht, dict):
            geslacht = geslacht.get("code")
        if geslacht not in (None, "M", "V", "O"):
            self.fout(f"{pad}.geslacht", "M, V of O")
        geboorte = p.get("geboorte")
        if not isinstance(geboorte, dict):
            self.fout(f"{pad}.geboorte", "object met datum verwacht")
            geboortedatum = None
        else:
            geboortedatum = self.datum(geboorte, "datum", f"{pad}.geboorte")
        gvi = p.get("gemeenteVanInschrijving")
        if not isinstance(gvi, dict):
            self.fout(f"{pad}.gemeenteVanInschrijving", 'object {"code": "0363"} verwacht')
        else:
            self._gemeentenummer(gvi.get("code"), f"{pad}.gemeenteVanInschrijving.code")
        adres, adres_van = self._verblijfplaats(p.get("verblijfplaats"), f"{pad}.verblijfplaats")
        verhuizingen = self._verhuizingen(p, pad)
        overlijden = self._datumobject(p, "overlijden", pad)
        emigratie = self._datumobject(p, "emigratie", pad)
        land = None
        if isinstance(p.get("emigratie"), dict):
            land = self.tekst(
                p["emigratie"], "land", f"{pad}.emigratie", verplicht=False, max_len=80
            )
        ouders = self._ouders(p, pad)
        geheim = p.get("geheimhoudingPersoonsgegevens", False)
        if not isinstance(geheim, bool):
            self.fout(f"{pad}.geheimhoudingPersoonsgegevens", "true of false")
        if len(self.fouten) > n:
            return None
        return (
            p.get("burgerservicenummer"), *naam, geslacht or "", geboortedatum, gvi["code"], adres, adres_van, verhuizingen,
            overlijden, emigratie, land or "", ouders, geheim,
        )  # fmt: skip

    def _verhuizingen(self, p: dict, pad: str) -> list:
        for sub, v in self.objecten("verhuizingen", p, pad):
            self.datum(v, "datum", sub)
            self._gemeentenummer(v.get("gemeente"), f"{sub}.gemeente")
        return p.get("verhuizingen") or []

    def _ouders(self, p: dict, pad: str) -> list:
        for sub, o in self.objecten("ouders", p, pad):
            if not self.is_bsn(o.get("burgerservicenummer")):
                self.fout(f"{sub}.burgerservicenummer", "ongeldig BSN (11-proef)")
            self._naam(o, sub, verplicht=False)
        return p.get("ouders") or []

    def _datumobject(self, obj: dict, key: str, pad: str) -> str | None:
        """null or {"datum": …} (overlijden, emigratie) → the date."""
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fout(f"{pad}.{key}", "null of object met datum verwacht")
            return None
        return self.datum(value, "datum", f"{pad}.{key}")

    def _verblijfplaats(self, vp, pad: str) -> tuple[dict, str | None]:
        """→ (verblijfadres or {}, datumVan)."""
        if vp is None:
            return {}, None
        if not isinstance(vp, dict):
            self.fout(pad, "object verwacht")
            return {}, None
        adres = vp.get("verblijfadres")
        if adres is not None:
            if not isinstance(adres, dict):
                self.fout(f"{pad}.verblijfadres", "object verwacht")
            else:
                sub = f"{pad}.verblijfadres"
                self.tekst(adres, "officieleStraatnaam", sub, max_len=80)
                nr = adres.get("huisnummer")
                if type(nr) is not int or not 1 <= nr <= 99999:
                    self.fout(f"{sub}.huisnummer", "geheel getal 1–99999")
                pc = adres.get("postcode")
                if not isinstance(pc, str) or not POSTCODE.match(pc):
                    self.fout(f"{sub}.postcode", f"ongeldige postcode {pc!r} (1234AB)")
                self.tekst(adres, "woonplaats", sub, max_len=80)
                letter = adres.get("huisletter")
                if letter is not None and not (
                    isinstance(letter, str) and _HUISLETTER.match(letter)
                ):
                    self.fout(f"{sub}.huisletter", "één letter")
        return adres or {}, self.datum(vp, "datumVan", pad, verplicht=False)

    def leerling(self, obj: dict, pad: str) -> tuple[str, str] | None:
        """The pupil reference → ("bsn", value) or ("onr", value), None when invalid."""
        ref = obj.get("leerling")
        if not isinstance(ref, dict):
            self.fout(
                f"{pad}.leerling", 'object {"burgerservicenummer"} of {"onderwijsnummer"} verwacht'
            )
            return None
        if "burgerservicenummer" in ref and "onderwijsnummer" not in ref:
            b = ref["burgerservicenummer"]
            if self.is_bsn(b):
                return ("bsn", b)
            self.fout(f"{pad}.leerling.burgerservicenummer", f"ongeldig BSN {b!r} (11-proef)")
            return None
        sub = f"{pad}.leerling"
        if "onderwijsnummer" not in ref:
            self.fout(sub, "precies één van burgerservicenummer en onderwijsnummer")
            return None
        o = ref["onderwijsnummer"]
        geldig = False
        if "burgerservicenummer" in ref:
            self.fout(sub, "precies één van burgerservicenummer en onderwijsnummer")
        elif not is_onderwijsnummer(o):
            self.fout(f"{sub}.onderwijsnummer", f"ongeldig onderwijsnummer {o!r}")
        else:
            geldig = True
        geboortedatum = self.datum(ref, "geboortedatum", sub, verplicht=False)
        if not geldig:
            return None
        self.rijen.onr_geboorte[o] = geboortedatum
        return ("onr", o)

    def _nieuw(self, gezien: set, sleutel: tuple, pad: str, dubbel: str) -> bool:
        """A natural key not seen before (checked among otherwise valid records only)."""
        if sleutel in gezien:
            self.fout(pad, dubbel)
            return False
        gezien.add(sleutel)
        return True

    def _inschrijvingen(self) -> None:
        gezien = set()
        rijen = self.rijen.inschrijvingen
        for pad, ins in self.objecten("inschrijvingen"):
            n = len(self.fouten)
            ref = self.leerling(ins, pad)
            code = ins.get("vestiging")
            if not _bekend(code, self.vestigingen):
                self.fout(f"{pad}.vestiging", f"onbekende vestiging {code!r}")
            begin, einde = self.periode(ins, pad)
            soort = self.tekst(ins, "onderwijssoort", pad, verplicht=False, max_len=40)
            if len(self.fouten) == n and self._nieuw(
                gezien,
                (ref, code, begin),
                pad,
                "dubbele inschrijving (zelfde leerling, vestiging en begindatum)",
            ):
                rijen.append((ref, code, begin, einde, soort or ""))

    def _vrijstellingen(self) -> None:
        gezien = set()
        rijen = self.rijen.vrijstellingen
        for pad, v in self.objecten("vrijstellingen"):
            n = len(self.fouten)
            ref = self.leerling(v, pad)
            artikel = v.get("artikel")
            if not _bekend(artikel, ARTIKELEN):
                self.fout(f"{pad}.artikel", f"een van {', '.join(VrijstellingArtikel.values)}")
            begin, einde = self.periode(v, pad)
            self.gemeente(v, "gemeente", pad)
            if len(self.fouten) == n and self._nieuw(
                gezien,
                (ref, artikel, begin),
                pad,
                "dubbele vrijstelling (zelfde leerling, artikel en begindatum)",
            ):
                rijen.append((ref, artikel, begin, einde, v["gemeente"]))

    def _diplomas(self) -> None:
        gezien = set()
        rijen = self.rijen.diplomas
        for pad, d in self.objecten("diplomas"):
            n = len(self.fouten)
            ref = self.leerling(d, pad)
            soort = d.get("soort")
            if not _bekend(soort, DIPLOMASOORTEN):
                self.fout(f"{pad}.soort", f"een van {', '.join(DiplomaSoort.values)}")
            datum = self.datum(d, "datum", pad)
            inst = d.get("instelling")
            if inst is not None and not _bekend(inst, self.org_codes):
                self.fout(f"{pad}.instelling", f"onbekende instelling {inst!r}")
            if len(self.fouten) == n and self._nieuw(
                gezien, (ref, soort, datum), pad, "dubbel diploma (zelfde leerling, soort en datum)"
            ):
                rijen.append((ref, soort, datum, inst))

    def _gebruikers(self) -> None:
        namen = set()
        rollen_ok = set(Rol.values) | {"boa"}
        for pad, g in self.objecten("gebruikers"):
            naam = self.tekst(g, "gebruikersnaam", pad, max_len=150)
            if naam and naam in namen:
                self.fout(f"{pad}.gebruikersnaam", f"dubbele gebruiker {naam}")
            namen.add(naam)
            for key, max_len in (
                ("voornaam", 150),
                ("achternaam", 150),
                ("email", 254),
                ("functie", 200),
                ("telefoon", 200),
            ):
                self.tekst(g, key, pad, verplicht=False, max_len=max_len)
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
                    if not _bekend(s, SCOPES):
                        self.fout(f"{pad}.scopes[{j}]", f"onbekende scope {s!r}")
            token = t.get("token")
            if token is not None:
                if not self.demo:
                    self.fout(
                        f"{pad}.token", "vaste tokenwaarden alleen in demomodus (VERZUIM_DEMO=1)"
                    )
                elif not isinstance(token, str) or len(token) < _MIN_TOKEN:
                    self.fout(f"{pad}.token", f"minstens {_MIN_TOKEN} tekens")


def _bekend(value, codes) -> bool:
    """`value` is one of the (hashable) `codes`; any other JSON value is simply unknown."""
    return isinstance(value, str) and value in codes


def valideer_scenario(data, *, demo: bool | None = None) -> list[str]:
    """All problems of a scenario, each as ``json.path: reden``; empty when valid."""
    return _Validator(data, demo=settings.DEMO if demo is None else demo).run()


# --------------------------------------------------------------------------- loading


def laad_scenario(data: dict, *, actor: Actor = SYSTEEM, demo: bool | None = None) -> LaadResultaat:
    """Validate and load a scenario atomically. Raises ScenarioFout listing every error, and
    then nothing is loaded. The persons are streamed into the database while the rest of
    the file is still being validated; any error rolls the whole transaction back."""
    demo = settings.DEMO if demo is None else demo
    validator = _Validator(data, demo=demo)
    with transaction.atomic():
        if not validator.kop():
            raise ScenarioFout(validator.fouten)
        if not validator.fouten:
            _laad_organisaties(data)
        with personen_stroom(data.get("personen")) as schrijf:
            validator.romp(schrijf)
            if validator.fouten:
                raise ScenarioFout(validator.fouten)
        rijen = validator.rijen
        resultaat = LaadResultaat(vandaag=dt.date.fromisoformat(data["vandaag"]))
        resultaat.aantallen["personen"] = len(rijen.geboorte)
        resultaat.aantallen.update(laad_registergegevens(rijen))
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
_GEBOORTEDATUM = PERSOON_KOLOMMEN.index("geboortedatum")


def personen_stroom(personen) -> Iterator[Callable[[tuple], None]]:
    """Bulk upsert into the local BRP store, keyed on BSN, of the validated person rows
    given to the yielded function (one per item of the scenario's `personen`)."""
    return bulk.upsert_stroom(
        BrpPersoon,
        PERSOON_KOLOMMEN,
        conflict=["burgerservicenummer"],
        update=PERSOON_KOLOMMEN[1:],
        verwacht=len(personen) if isinstance(personen, list) else 0,
    )


def _leerlingen(rijen: ScenarioRijen) -> dict[str, dict[str, int]]:
    """Upsert a Leerling for every pupil the register rows refer to;
    → {"bsn": {bsn: pk}, "onr": {onderwijsnummer: pk}}."""
    refs = {r[0] for soort in (rijen.inschrijvingen, rijen.vrijstellingen, rijen.diplomas)
            for r in soort}  # fmt: skip
    bsns = sorted(v for s, v in refs if s == "bsn")
    onrs = sorted(v for s, v in refs if s == "onr")
    geboorte = dict(rijen.geboorte)
    missing = set(bsns) - geboorte.keys()
    if missing:
        geboorte.update(
            (b, d.isoformat())
            for b, d in BrpPersoon.objects.filter(burgerservicenummer__in=missing).values_list(
                "burgerservicenummer", "geboortedatum"
            )
        )
    bulk.upsert(
        Leerling,
        ["burgerservicenummer", "geboortedatum"],
        [(b, geboorte.get(b)) for b in bsns],
        conflict=["burgerservicenummer"],
        update=["geboortedatum"],
    )
    bulk.upsert(
        Leerling,
        ["onderwijsnummer", "geboortedatum"],
        [(o, rijen.onr_geboorte.get(o)) for o in onrs],
        conflict=["onderwijsnummer"],
        update=[],
    )
    return {
        "bsn": bulk.ids_by(Leerling, "burgerservicenummer", bsns),
        "onr": bulk.ids_by(Leerling, "onderwijsnummer", onrs),
    }


def laad_registergegevens(rijen: ScenarioRijen) -> dict[str, int]:
    """Inschrijvingen, vrijstellingen and diploma's (ROD part), set-based; pupil references
    become Leerling ids through one lookup per pupil."""
    ids = _leerlingen(rijen)
    vestiging_pk = dict(
        Vestiging.objects.filter(code__in={r[1] for r in rijen.inschrijvingen}).values_list(
            "code", "pk"
        )
    )
    bulk.upsert(
        Inschrijving,
        ["leerling_id", "vestiging_id", "begindatum", "einddatum", "onderwijssoort"],
        [(ids[s][v], vestiging_pk[c], b, e, o) for (s, v), c, b, e, o in rijen.inschrijvingen],
        conflict=["leerling_id", "vestiging_id", "begindatum"],
        update=["einddatum", "onderwijssoort"],
    )
    gemeente_pk = dict(Gemeente.objects.values_list("code", "pk"))
    bulk.upsert(
        Vrijstelling,
        ["leerling_id", "artikel", "begindatum", "einddatum", "gemeente_id"],
        [(ids[s][v], a, b, e, gemeente_pk[g]) for (s, v), a, b, e, g in rijen.vrijstellingen],
        conflict=["leerling_id", "artikel", "begindatum"],
        update=["einddatum", "gemeente_id"],
    )
    org_pk = dict(
        Organisatie.objects.filter(code__in={r[3] for r in rijen.diplomas}).values_list(
            "code", "pk"
        )
    )
    bulk.upsert(
        Diploma,
        ["leerling_id", "soort", "datum", "instelling_id", "startkwalificatie"],
        [
            (ids[s][v], soort, datum, org_pk.get(inst), is_startkwalificatie(soort))
            for (s, v), soort, datum, inst in rijen.diplomas
        ],
        conflict=["leerling_id", "soort", "datum"],
        update=["instelling_id", "startkwalificatie"],
    )
    return {
        "leerlingen": len(ids["bsn"]) + len(ids["onr"]),
        "inschrijvingen": len(rijen.inschrijvingen),
        "vrijstellingen": len(rijen.vrijstellingen),
        "diplomas": len(rijen.diplomas),
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
            "functie": g.get("functie", ""),
            "telefoon": g.get("telefoon", ""),
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
