"""Proof of need-to-know (R-PR-1, issue 12 item 5): who gets what, for EVERY page and EVERY
API operation.

The world: every role (``audit.context.Rol``, a leerplichtambtenaar also as BOA) at every
organisation kind (school, gemeente, leerplichtdienst, RMC-regio, register), plus nobody
signed in; and for the API a token of every scope at every organisation kind, plus no
token. The other side of the country (school 99XB, gemeente Amsterdam) owns the objects
nobody here may see.

The pages are walked from the URL conf (``get_resolver()``), the API operations from the
OpenAPI document drf-spectacular generates from the code (the one ``docs/openapi.yaml``
is written from). A URL parameter is filled twice: with an object of the caller's own
organisation ("eigen": the school's melding, the gemeente's signal; an organisation without
such an object of its own gets the school/Haarlem one, which it must not see either) and
with one of the other side ("ander"). A page whose GET answers 405 is asked with an empty
POST (the permission check must come before the form).

Beheer (the admin site) decides by role alone: its pages are asked by every role (at a
gemeente) and by the two roles that get in (registerbeheerder, functioneel beheerder) at
every organisation kind, which keeps the run short.

Every cell is compared with the expectation below and the whole matrix is printed (run
with ``-s``) and written to ``var/need-to-know-{paginas,beheer,api}.txt``; every difference
is reported at once.

Adding an entry (a new page or operation without one FAILS this test, naming it):

- A page: add its URL name to ``PAGINAS`` (admin pages: to ``BEHEER``, by name or glob) as
  ``Mag({code: selector, ...}, anders="403", anoniem="L", ander=None)``: the columns a
  selector names get that code, every other signed-in column ``anders``, nobody signed in
  ``anoniem``. A selector is space-separated ``soorten:rollen`` parts, comma lists, ``*``
  for any: soort ``school gemeente dienst rmc register``, rol ``school lpa boa adm rmc beleid
  privacy regbeh fb`` (``G``/``PR``/``BEHANDELAAR`` are shorthands), e.g.
  ``Mag({"200": f"school:school {BEHANDELAAR}"})``. With the other side's object every
  column that got in (200, 302, 400; "P…" for a POST) gets 404, unless ``ander`` says
  otherwise. A URL parameter the filler does not know goes into ``PARAMETERS`` (which object
  kind fills it) or ``VASTE_WAARDEN``.
- An operation: add its operationId to ``OPERATIES`` as ``Api(scopes, soorten="*",
  ok="200", anders="403", ander={}, body={}, cellen={})``: a token with one of the scopes
  (space-separated) of an organisation of one of ``soorten`` gets ``ok``, of another kind
  ``anders``; a token without the scope 403, no token 401; the other side's object 404 (or
  ``ander[soort]``). ``body`` is what a write sends (valid in shape, so that the permission
  check and not the validation answers; the write is rolled back); ``cellen`` overrides
  single cells by ``"soort scope variant"`` globs.

Codes: 200/403/404…: the HTTP status; L: sent to the login page; P…: the page takes POST
only (GET 405) and this is the status of an empty POST.
"""

from __future__ import annotations

import copy
import datetime as dt
import fnmatch
import itertools
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from verzuim import clock
from verzuim.accounts.models import Gebruiker, Scope
from verzuim.audit.context import Rol, actor_for_user
from verzuim.meldingen.tests import conftest as m
from verzuim.organisaties.models import Gemeente, Organisatie
from verzuim.signalen.tests.conftest import _persoon

VANDAAG = dt.date(2026, 11, 23)
UIT = Path(__file__).resolve().parent.parent / "var" / "need-to-know.txt"

# --- the world -----------------------------------------------------------------------------

ORGANISATIES = {  # soort key: code of the organisation the users and tokens belong to
    "school": "99XA",
    "gemeente": "GM0392",
    "dienst": "RBL-ZK",
    "rmc": "MC25",
    "register": "REGISTER",
}
ROLLEN = {  # rol key: (roles, BOA)
    "school": ([Rol.SCHOOLMEDEWERKER], False),
    "lpa": ([Rol.LEERPLICHTAMBTENAAR], False),
    "boa": ([Rol.LEERPLICHTAMBTENAAR], True),
    "adm": ([Rol.ADMINISTRATIEF_MEDEWERKER], False),
    "rmc": ([Rol.RMC_TRAJECTBEGELEIDER], False),
    "beleid": ([Rol.BELEIDSMEDEWERKER], False),
    "privacy": ([Rol.PRIVACY_OFFICER], False),
    "regbeh": ([Rol.REGISTERBEHEERDER], False),
    "fb": ([Rol.FUNCTIONEEL_BEHEERDER], False),
}
assert {r for rollen, _ in ROLLEN.values() for r in rollen} == set(Rol.values), (
    "a new role: add it to ROLLEN (and to the expectations)"
)
KOLOMMEN = [f"{s}:{r}" for s in ORGANISATIES for r in ROLLEN] + ["anoniem"]
SCOPES = [s.value for s in Scope]

# Persons (BSN: where they live, what they are for).
H, Z, R, A = "999990111", "999990123", "999990135", "999990147"  # enrolled; each has a melding
NOOIT_H, NOOIT_Z, NOOIT_A = "999990159", "999990160", "999990172"  # never enrolled: a signal


def _inschrijving(bsn, vestiging="99XA00"):
    return {
        "leerling": {"burgerservicenummer": bsn},
        "vestiging": vestiging,
        "begindatum": "2024-08-19",
        "einddatum": None,
    }


def token_waarde(soort: str, scope: str) -> str:
    return f"ntk-{soort}-{scope}".ljust(40, "0")


SCENARIO = {
    "vandaag": VANDAAG.isoformat(),
    "leerplichtdiensten": copy.deepcopy(m.SCENARIO["leerplichtdiensten"]),
    "routering": [
        *copy.deepcopy(m.SCENARIO["routering"]),
        {"gemeente": "GM0473", "doelgroep": "18-plus", "naar": "MC25"},
    ],
    "instellingen": copy.deepcopy(m.SCENARIO["instellingen"]),
    "personen": [
        _persoon(H, "2012-05-02", "0392"),
        _persoon(Z, "2013-02-03", "0473"),
        _persoon(R, "2007-03-01", "0473"),
        _persoon(A, "2012-08-08", "0363"),
        _persoon(NOOIT_H, "2014-06-06", "0392"),
        _persoon(NOOIT_Z, "2014-04-04", "0473"),
        _persoon(NOOIT_A, "2014-07-07", "0363"),
    ],
    "inschrijvingen": [
        _inschrijving(H),
        _inschrijving(Z),
        _inschrijving(R),
        _inschrijving(A, "99XB00"),
    ],
    "gebruikers": [
        {
            "gebruikersnaam": f"{s}.{r}",
            "organisatie": code,
            "rollen": list(rollen) + (["boa"] if boa else []),
        }
        for (s, code), (r, (rollen, boa)) in itertools.product(ORGANISATIES.items(), ROLLEN.items())
    ]
    + [
        {"gebruikersnaam": "ander.lpa", "organisatie": "GM0363", "rollen": ["leerplichtambtenaar"]},
        {"gebruikersnaam": "ander.school", "organisatie": "99XB", "rollen": ["schoolmedewerker"]},
    ],
    "tokens": [
        {"organisatie": code, "scopes": [scope], "token": token_waarde(s, scope), "naam": scope}
        for (s, code), scope in itertools.product(ORGANISATIES.items(), SCOPES)
    ],
}


@dataclass
class Wereld:
    """The objects a URL parameter is filled with: per kind, the organisation code that owns
    it → the object; ``"ander"`` is the other side's."""

    objecten: dict[str, dict[str, object]]
    users: dict[str, Gebruiker]

    def eigen(self, soort_object: str, org_code: str | None):
        per_org = self.objecten[soort_object]
        return per_org.get(org_code) or per_org["99XA"]

    def ander(self, soort_object: str):
        return self.objecten[soort_object]["ander"]


def _bouw_wereld() -> Wereld:
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from verzuim.brieven.models import Briefhoofd, BriefSjabloon
    from verzuim.brieven.services import Betreft, Geadresseerde, maak_brief
    from verzuim.dossiers.models import Dossier, Handhaving
    from verzuim.meldingen.services import meld_verzuim
    from verzuim.organisaties.models import Schooldag
    from verzuim.personen.models import Inschrijving, Leerling
    from verzuim.personen.scenario import laad_scenario
    from verzuim.signalen.herberekening import herbereken
    from verzuim.signalen.models import Signaal

    m.zorg_voor_referentie()
    laad_scenario(copy.deepcopy(SCENARIO), demo=True)
    users = {u.username: u for u in Gebruiker.objects.all()}
    school, ander_school = (
        actor_for_user(users["school.school"]),
        actor_for_user(users["ander.school"]),
    )
    meldingen = {
        "GM0392": meld_verzuim(school, m.melding_data(H)).melding,
        "RBL-ZK": meld_verzuim(school, m.melding_data(Z)).melding,
        "MC25": meld_verzuim(school, m.melding_data(R, verzuimsoort="18-plus")).melding,
        "ander": meld_verzuim(ander_school, m.melding_data(A, vestiging="99XB00")).melding,
    }
    meldingen["99XA"] = meldingen["GM0392"]
    herbereken(VANDAAG)
    signaal = {
        s.leerling.burgerservicenummer: s for s in Signaal.objects.select_related("leerling")
    }
    leerling = {x.burgerservicenummer: x for x in Leerling.objects.all()}

    for code in ("GM0392", "GM0363"):
        Briefhoofd.objects.create(
            organisatie=Organisatie.objects.get(code=code),
            naam=f"Leerplicht {code}",
            telefoon="14 023",
            email=f"leerplicht@{code}.example",
            postadres="Postbus 1",
        )

    def brief(user, bsn):
        return maak_brief(
            actor_for_user(users[user]),
            "uitnodiging-gesprek",
            "nl",
            Geadresseerde("ouders", "De ouders", ("Grote Markt 1", "2011 RD Haarlem")),
            {
                "leerling": {"naam": "Kind", "voornaam": "Kind"},
                "school": {"naam": "Fictief Lyceum"},
                "verzuim": {"omschrijving": "17 uur"},
                "gesprek": {
                    "datum": VANDAAG,
                    "tijd": dt.time(14, 30),
                    "plaats": "het stadhuis",
                    "met": "de leerplichtambtenaar",
                },
            },
            Betreft(bsn, geheim_adres=False),
        )

    inschrijving = {i.leerling.burgerservicenummer: i for i in Inschrijving.objects.all()}
    objecten = {
        "melding": meldingen,
        "leerling": {
            "99XA": leerling[H],
            "GM0392": leerling[H],
            "RBL-ZK": leerling[Z],
            "MC25": leerling[R],
            "ander": leerling[A],
        },
        "signaal": {
            "GM0392": signaal[NOOIT_H],
            "RBL-ZK": signaal[NOOIT_Z],
            "ander": signaal[NOOIT_A],
            "99XA": signaal[NOOIT_H],
        },
        "inschrijving": {"99XA": inschrijving[H], "ander": inschrijving[A]},
        "document": {"GM0392": brief("gemeente.lpa", H), "ander": brief("ander.lpa", A)},
    }
    objecten["document"]["99XA"] = objecten["document"]["GM0392"]
    objecten["inzageverzoek"] = {
        "GM0392": inzageverzoek("GM0392", leerling[H], users["gemeente.privacy"]),
        "RBL-ZK": inzageverzoek("RBL-ZK", leerling[Z], users["dienst.privacy"]),
        "MC25": inzageverzoek("MC25", leerling[R], users["rmc.privacy"]),
        "ander": inzageverzoek("GM0363", leerling[A]),
    }
    objecten["inzageverzoek"]["99XA"] = objecten["inzageverzoek"]["GM0392"]
    # The meldingen opened a dossier at each receiver (issue 9, R-CW-1).
    dossier = {d.organisatie.code: d for d in Dossier.objects.select_related("organisatie")}
    objecten["dossier"] = {**dossier, "99XA": dossier["GM0392"], "ander": dossier["GM0363"]}
    # A Halt referral on each dossier (criminal data, R-PR-5; rows as the route writes them).
    halt = {
        code: Handhaving.objects.create(
            dossier=d,
            soort="halt",
            gestart=VANDAAG,
            auteur_label="boa",
            geregistreerd=timezone.now(),
        )
        for code, d in dossier.items()
    }
    objecten["handhaving"] = {**halt, "99XA": halt["GM0392"], "ander": halt["GM0363"]}
    # The verzuimoverzicht each dossier's LPA asked of the melding's school (R-CW-3).
    from verzuim.dossiers.verzuimoverzicht import vraag_verzuimoverzicht

    def verzoek(user, org_code):
        return vraag_verzuimoverzicht(
            actor_for_user(users[user]), dossier[org_code], meldingen[org_code].uuid
        )

    objecten["verzoek"] = {"99XA": verzoek("gemeente.lpa", "GM0392")}
    objecten["verzoek"]["ander"] = vraag_verzuimoverzicht(
        actor_for_user(users["ander.lpa"]), dossier["GM0363"], meldingen["ander"].uuid
    )
    # One row of every beheer model that an organisation owns or that is otherwise empty.
    for code in ("GM0392", "GM0363"):
        BriefSjabloon.objects.create(
            organisatie=Organisatie.objects.get(code=code),
            soort="uitnodiging-gesprek",
            ontvanger="ouders",
            taal="nl",
            onderwerp="Uitnodiging",
            tekst="Beste ouders,",
        )
    Schooldag.objects.create(instelling=Organisatie.objects.get(code="99XA"), datum=VANDAAG)
    from verzuim.dossiers.models import DossierInstelling, SvbAfspraak

    for code in ("GM0392", "GM0363"):
        DossierInstelling.objects.create(organisatie=Organisatie.objects.get(code=code))
    SvbAfspraak.objects.create(gemeente=Gemeente.objects.get(code="GM0392"), sinds=VANDAAG)
    Group.objects.create(name="ntk")
    return Wereld(objecten, users)


def inzageverzoek(org_code: str, leerling, gebruiker=None):
    """An inzage request of the organisation about the pupil; exported (so its PDF exists)
    when `gebruiker` (its privacy officer) is given."""
    from verzuim.privacy.models import Inzageverzoek
    from verzuim.privacy.services import exporteer

    verzoek = Inzageverzoek.objects.create(
        organisatie=Organisatie.objects.get(code=org_code),
        leerling=leerling,
        persoon=leerling.identificatie,
        verzoeker="Een ouder",
        relatie="ouder",
        ontvangen=VANDAAG,
        uiterlijk=VANDAAG + dt.timedelta(days=30),
        geregistreerd=clock.now(),
        geregistreerd_door="need-to-know",
    )
    if gebruiker is not None:
        exporteer(actor_for_user(gebruiker), verzoek.uuid)
    return verzoek


# --- the expectations --------------------------------------------------------------------


def kies(selector: str, kolom: str) -> bool:
    """Whether a column "soort:rol" is named by a selector such as "gemeente,dienst:lpa,boa
    school:school" (space-separated parts; comma lists; * for any)."""
    if kolom == "anoniem":
        return "anoniem" in selector.split()
    soort, rol = kolom.split(":")
    for deel in selector.split():
        if deel == "anoniem":
            continue
        soorten, _, rollen = deel.partition(":")
        if (soorten == "*" or soort in soorten.split(",")) and (
            rollen == "*" or rol in rollen.split(",")
        ):
            return True
    return False


GELUKT = re.compile(r"^P?(200|302|400)$")


@dataclass(frozen=True)
class Mag:
    """What a page answers: ``toegang`` {code: selector}, every other signed-in column
    ``anders``, nobody signed in ``anoniem`` ("L": sent to the login page). For the other
    side's object ``ander`` ({code: selector}, the rest as for the own object); by default
    every column that got in with its own object gets 404 ("P404" for a POST)."""

    toegang: dict[str, str] = field(default_factory=dict)
    anders: str = "403"
    anoniem: str = "L"
    ander: dict[str, str] | None = None

    def verwacht(self, kolom: str, variant: str) -> str:
        code = self._eigen(kolom)
        if variant != "ander":
            return code
        for c, selector in (self.ander or {}).items():
            if kies(selector, kolom):
                return c
        if self.ander is None and kolom != "anoniem" and GELUKT.match(code):
            return "P404" if code.startswith("P") else "404"
        return code

    def _eigen(self, kolom: str) -> str:
        for code, selector in self.toegang.items():
            if kies(selector, kolom):
                return code
        return self.anoniem if kolom == "anoniem" else self.anders


@dataclass(frozen=True)
class Api:
    """What an operation answers: a token with one of ``scopes`` of an organisation of one
    of ``soorten`` gets ``ok``, of another kind ``anders``; without the scope 403, without a
    token 401. For the other side's object 404, or ``ander`` {soort: code}. ``body``: what a
    write sends (valid in shape, so the permission check is what answers)."""

    scopes: str
    soorten: str = "*"
    ok: str = "200"
    anders: str = "403"
    ander: dict[str, str] = field(default_factory=dict)
    body: dict = field(default_factory=dict)
    publiek: bool = False  # open to everyone, token or not
    cellen: dict[str, str] = field(default_factory=dict)  # "soort scope variant" globs → code

    def verwacht(self, soort: str, scope: str, variant: str) -> str:
        for patroon, code in self.cellen.items():
            s, sc, v = patroon.split()
            if (
                (s == "*" or soort in s.split(","))
                and fnmatch.fnmatchcase(scope, sc)
                and fnmatch.fnmatchcase(variant, v)
            ):
                return code
        if self.publiek:
            return self.ok
        if soort == "anoniem":
            return "401"
        if scope not in self.scopes.split():
            return "403"
        if self.soorten != "*" and soort not in self.soorten.split(","):
            return self.anders
        if variant == "ander":
            return self.ander.get(soort, "404")
        return self.ok


# --- the entries: who may open what ------------------------------------------------------

G = "gemeente,dienst,rmc"  # the organisations that handle cases (gemeentelijk)
PR = "lpa,boa,adm,rmc"  # the roles with person data there
BEHANDELAAR = f"{G}:{PR}"
DOSSIER = f"{G}:lpa,boa,adm"  # dossiers: no RMC-trajectbegeleider (issue 9 item 9)
IEDEREEN = Mag(anders="200", anoniem="200")
INZAGE = f"{G}:lpa,boa,privacy"

PAGINAS: dict[str, Mag] = {
    "accounts:login": Mag(anders="302", anoniem="200"),  # signed in: on to the start page
    "accounts:logout": Mag(anders="PL", anoniem="PL"),
    "accounts:2fa": Mag(anders="302"),  # 2FA off in this world: nothing to verify
    "accounts:2fa-instellen": Mag(anders="200"),
    "audit:zoeken": Mag({"200": "*:privacy"}),
    # A document of gemeente Haarlem: only its own casework roles; everyone else 404.
    "brieven:download": Mag({"200": f"gemeente:{PR}"}, anders="404"),
    "meldingen:start": Mag({"302": f"*:school,{PR}"}),  # on to the role's own list
    "meldingen:inbox": Mag({"200": BEHANDELAAR}),
    "meldingen:doorgestuurd": Mag({"200": BEHANDELAAR}),
    "meldingen:mijn": Mag({"200": "school:school"}),
    "meldingen:nieuw": Mag({"200": "school:school"}),
    "meldingen:detail": Mag({"200": f"school:school {BEHANDELAAR}"}),
    "meldingen:status": Mag({"P400": BEHANDELAAR}),
    "meldingen:doorsturen": Mag({"P400": BEHANDELAAR}),
    "meldingen:toewijzen": Mag({"P302": BEHANDELAAR}),
    "meldingen:intrekken": Mag({"P400": "school:school"}),
    "personen:zoeken": Mag({"200": f"school:school {BEHANDELAAR}"}),
    "personen:leerling": Mag({"200": f"school:school {BEHANDELAAR}"}, anders="404"),
    "signalen:lijst": Mag({"200": BEHANDELAAR}),
    "signalen:leerplichtigen": Mag({"200": BEHANDELAAR}),
    # The RMC-regio has no signal of its own: Haarlem's is not its to see.
    "signalen:detail": Mag({"200": f"gemeente,dienst:{PR}", "404": f"rmc:{PR}"}),
    # Dossiers (issue 9): the handling organisation's LPA, BOA and administratief medewerker.
    "dossiers:werklijst": Mag({"200": DOSSIER}),
    # The school answers a verzuimoverzicht request on its melding page (R-CW-3): an empty
    # POST is named at the field; another school's request 404.
    "dossiers:verzuimoverzicht_antwoord": Mag({"P400": "school:school"}),
    "dossiers:detail": Mag({"200": DOSSIER}),
    "dossiers:activiteit": Mag({"P400": DOSSIER}),
    "dossiers:vervolg": Mag({"P302": DOSSIER}),  # an empty date clears it
    "dossiers:verzoek": Mag({"P400": DOSSIER}),
    "dossiers:werkaantekening": Mag({"P400": DOSSIER}),
    # Letters (issue 9 §8): the letter page, its preview and sending (an empty POST: 400).
    "dossiers:brief": Mag({"200": DOSSIER}),
    "dossiers:brief_voorbeeld": Mag({"P400": DOSSIER}),
    "dossiers:brief_versturen": Mag({"P400": DOSSIER}),
    # The phase and closing are the LPA's decisions, not the administratief medewerker's.
    "dossiers:fase": Mag({"P400": f"{G}:lpa,boa", "P403": f"{G}:adm"}, ander={"P404": DOSSIER}),
    "dossiers:afsluiten": Mag(
        {"P400": f"{G}:lpa,boa", "P403": f"{G}:adm"}, ander={"P404": DOSSIER}
    ),
    "dossiers:nemen": Mag({"P302": f"{G}:lpa,boa", "P403": f"{G}:adm"}, ander={"P404": DOSSIER}),
    # Open dossiers cannot be reopened; only a team lead (a permission, none here) assigns.
    "dossiers:heropenen": Mag({"P403": DOSSIER}, ander={"P404": DOSSIER}),
    "dossiers:toewijzen": Mag({"P403": DOSSIER}, ander={"P404": DOSSIER}),
    "dossiers:werkaantekening_verwijderen": Mag({"P404": DOSSIER}, ander={"P404": DOSSIER}),
    # The route templates (R-CW-9/10): the LPA's choice (an empty choice clears it).
    "dossiers:routekeuze": Mag(
        {"P302": f"{G}:lpa,boa", "P403": f"{G}:adm"}, ander={"P404": DOSSIER}
    ),
    # The verlof check is on the luxe-verzuim route only (R-CW-10): none here.
    "dossiers:verloftoets": Mag({"P403": DOSSIER}, ander={"P404": DOSSIER}),
    # Halt/PV/SVB (R-CW-6..8): the handling LPA of a gemeente or dienst (the rule then asks a
    # BOA); Halt is criminal data (R-PR-5): not the RMC-regio's, not the adm's.
    "dossiers:handhaving_start": Mag(
        {"200": "gemeente,dienst:lpa,boa", "403": f"rmc:lpa,boa {G}:adm"},
        ander={"404": DOSSIER},
    ),
    "dossiers:handhaving": Mag(
        {"200": "gemeente,dienst:lpa,boa", "404": f"rmc:lpa,boa {G}:adm"},
        ander={"404": DOSSIER},
    ),
    # A signal into a dossier; the RMC-regio has no signal of its own (Haarlem's: 404).
    "dossiers:uit_signaal": Mag(
        {"P302": "gemeente,dienst:lpa,boa,adm", "P404": "rmc:lpa,boa,adm"},
        ander={"P404": DOSSIER},
    ),
    # A dossier opened by hand for a pupil (R-CW-1): whoever changes dossiers; an empty POST
    # is named at its fields (400); another organisation's pupil 404.
    "dossiers:openen": Mag({"P400": DOSSIER}, ander={"P404": DOSSIER}),
    "cijfers:overzicht": Mag({"200": f"{G},register:{PR},beleid,regbeh"}),
    "cijfers:downloaden": Mag({"200": f"{G},register:{PR},beleid,regbeh"}),
    "cijfers:gevallen": Mag({"404": f"{G},register:{PR},beleid,regbeh"}),  # no number asked
    # Delivering the telling: a gemeente's LPA or beleidsmedewerker (empty POST: 404 for the
    # schooljaar not given); the others may not.
    "cijfers:vaststellen": Mag(
        {"P404": f"{G}:lpa,boa,beleid", "P403": f"{G}:adm,rmc,regbeh register:{PR},beleid,regbeh"}
    ),
    "cijfers:definities": IEDEREEN,
    "cijfers:benchmark": IEDEREEN,
    "cijfers:school": Mag({"200": "school:school"}),
    "brp-proef-personen": Mag(anders="P404", anoniem="P404"),  # only in demo/debug mode
    # Inzage (R-PR-3): the privacy officer and the LPA of an organisation that handles cases.
    "privacy:werklijst": Mag({"200": INZAGE}),
    "privacy:verzoek": Mag({"200": INZAGE}),
    "privacy:pdf": Mag({"200": INZAGE}),
    "privacy:exporteren": Mag({"P302": INZAGE}, anders="P403", anoniem="PL"),
    "privacy:beantwoorden": Mag({"P302": INZAGE}, anders="P403", anoniem="PL"),
    "privacy:json": Mag({"P200": INZAGE}, anders="P403", anoniem="PL"),
    # R-PR-2a: the 16+ pupil's consent; the balancing decision on a working note is the
    # LPA's (the privacy officer sees the notes, 403); pk 1 is nobody's note (404).
    "privacy:toestemming": Mag({"P302": INZAGE}, anders="P403", anoniem="PL"),
    "privacy:achterhouden": Mag(
        {"P400": f"{G}:lpa,boa", "P403": f"{G}:privacy"},
        anders="P403",
        anoniem="PL",
        ander={"P404": INZAGE},
    ),
    "privacy:verstrekken": Mag(
        {"P404": f"{G}:lpa,boa", "P403": f"{G}:privacy"},
        anders="P403",
        anoniem="PL",
        ander={"P404": INZAGE},
    ),
    # beleid: on to the figures; the privacy officer of a gemeentelijke organisation: inzage;
    # a leerplichtambtenaar (BOA) of one: the worklist of dossiers (issue 9)
    "web:start": Mag(
        {"302": f"*:beleid {INZAGE.replace('lpa,boa,', '')} {G}:lpa,boa"}, anders="200"
    ),
    "web:keuzehulp": IEDEREEN,
    "api:schema-json": IEDEREEN,
    "api:schema-yaml": IEDEREEN,
}

# The OpenAPI document ignores who asks (no authentication at all) and takes seconds to
# generate: asked once signed in and once not.
ONAFHANKELIJK_VAN_GEBRUIKER = {"api:schema-json", "api:schema-yaml"}


def pagina_kolom_gevraagd(pagina: Pagina, kolom: str) -> bool:
    return pagina.naam not in ONAFHANKELIJK_VAN_GEBRUIKER or kolom in ("anoniem", "gemeente:lpa")


# Beheer decides by role alone (accounts.backends): every role once (at a gemeente); the two
# roles that get in are also asked at every organisation kind on the pages whose rows belong
# to an organisation (BEHEER_PER_ORGANISATIE) and the index. Other cells: "-" (not asked).
KOLOMMEN_BEHEER = (
    [f"gemeente:{r}" for r in ROLLEN]
    + [f"{s}:{r}" for s in ORGANISATIES if s != "gemeente" for r in ("regbeh", "fb")]
    + ["anoniem"]
)


def beheer_kolom_gevraagd(pagina: Pagina, kolom: str) -> bool:
    if kolom == "anoniem" or kolom.startswith("gemeente:") or pagina.naam == "admin:index":
        return True
    model = _beheerd_model(pagina)
    return model is not None and _eigen_organisatie(model)


NIEMAND = Mag(anoniem="302")  # the admin sends nobody signed in to its own login (→ ours)
BEHEERDERS = Mag({"200": "*:regbeh,fb"}, anoniem="302")
REGISTERBEHEER = Mag({"200": "*:regbeh"}, anoniem="302")
ZONDER_RIJ = Mag({"302": "*:regbeh,fb"}, anoniem="302")  # the admin redirects: no such row

BEHEER: dict[str, Mag] = {
    "admin:index": BEHEERDERS,
    "admin:password_change": BEHEERDERS,
    "admin:password_change_done": BEHEERDERS,
    "admin:jsi18n": BEHEERDERS,
    "admin:login": Mag(),  # signed in: 403; nobody: on to the application's login
    "admin:logout": Mag({"PL": "*:regbeh,fb"}, anoniem="302"),
    "admin:autocomplete": NIEMAND,
    "admin:app_list": Mag({"200": "*:regbeh", "404": "*:fb"}, anoniem="302"),
    "admin:view_on_site": Mag({"404": "*:regbeh,fb"}, anoniem="302"),  # no public pages
    "beheer/(?P<url>.*)$": Mag({"404": "*:regbeh,fb"}, anoniem="302"),
    # Old change URLs redirect to the new ones, which check (below).
    "beheer/*/<path:object_id>/": Mag({"302": "*:regbeh,fb"}, anoniem="302", ander={}),
    # Django's own tables, the login log, the task queue and the audit log: nobody here (the
    # privacy officer reads the audit log in /auditlog/).
    "admin:auth_*": NIEMAND,
    "admin:axes_*": NIEMAND,
    "admin:django_tasks_*": NIEMAND,
    "admin:audit_*": NIEMAND,
    # Tables without a row here: the admin looks for the row before it asks for permission.
    "admin:axes_accessattempt_history": ZONDER_RIJ,
    "admin:axes_accessfailurelog_history": ZONDER_RIJ,
    "admin:django_tasks_database_dbtaskresult_history": ZONDER_RIJ,
    "admin:auth_user_password_change": REGISTERBEHEER,
    "admin:organisaties_*": REGISTERBEHEER,
    "admin:organisaties_referentiebron_add": NIEMAND,  # loaded by `verzuim load-reference`
    "admin:accounts_*": REGISTERBEHEER,
    # Tokens and applications are made with `verzuim create_token` (shown once).
    "admin:accounts_apiapplicatie_add": NIEMAND,
    "admin:accounts_apiapplicatie_delete": NIEMAND,
    "admin:accounts_apitoken_add": NIEMAND,
    "admin:accounts_apitoken_delete": NIEMAND,
    # Letterhead and templates: the functioneel beheerder, its own organisation's only.
    "admin:brieven_*_changelist": Mag({"200": "*:fb"}, anoniem="302"),
    "admin:brieven_*_add": Mag({"200": "*:fb"}, anoniem="302"),
    # One letterhead per organisation: Haarlem has one.
    "admin:brieven_briefhoofd_add": Mag({"403": "gemeente:fb", "200": "*:fb"}, anoniem="302"),
    # Another organisation's row: 404 (a registerbeheerder of Haarlem gets 403 on Haarlem's).
    "admin:brieven_*": Mag(
        {"200": "gemeente:fb", "403": "gemeente:regbeh", "404": "*:regbeh,fb"},
        anoniem="302",
        ander={"404": "*:regbeh,fb"},
    ),
    "admin:brieven_briefsjabloon_voorbeeld": Mag(
        {"200": "gemeente:fb", "404": "*:regbeh,fb"}, anoniem="302"
    ),
    # The casework settings (R-CW-4): the functioneel beheerder, its own organisation's row
    # only (Haarlem has one, so no second); the SVB agreements (R-CW-8): the registerbeheerder.
    "admin:dossiers_dossierinstelling_changelist": Mag({"200": "*:fb"}, anoniem="302"),
    "admin:dossiers_dossierinstelling_add": Mag(
        {"403": "gemeente:fb", "200": "*:fb"}, anoniem="302"
    ),
    "admin:dossiers_dossierinstelling_*": Mag(
        {"200": "gemeente:fb", "403": "gemeente:regbeh", "404": "*:regbeh,fb"},
        anoniem="302",
        ander={"404": "*:regbeh,fb"},
    ),
    "admin:dossiers_svbafspraak_*": REGISTERBEHEER,
}

LEZEN = "meldingen.lezen meldingen.behandelen"
DOSSIERS = "dossiers.lezen dossiers.schrijven"
OPERATIES: dict[str, Api] = {
    "getBenchmark": Api("", publiek=True),
    "getLeerplichttelling": Api("cijfers.lezen", soorten=f"{G},register"),
    # Writes of the register's facts: a school; an empty body answers 400 once let in.
    "createDiploma": Api("diplomas.schrijven", soorten="school", ok="400"),
    "createInschrijving": Api("inschrijvingen.schrijven", soorten="school", ok="400"),
    "updateInschrijving": Api(
        "inschrijvingen.schrijven", soorten="school", body={"einddatum": "2026-11-30"}
    ),
    "createVrijstelling": Api("vrijstellingen.schrijven", soorten=G, ok="400"),
    # BRP mutations: the register, or a gemeente (dienst) for its own residents.
    "createBrpMutatie": Api("brp.mutaties", soorten="gemeente,dienst,register", ok="400"),
    # Rules only (no person data returned beyond what is sent).
    "keuzehulp_verzuimsoort": Api("meldingen.aanmaken leerplichtstatus.lezen", ok="400"),
    "leerplichtstatus_bepalen": Api("leerplichtstatus.lezen", ok="400"),
    "listLeerplichtigen": Api("leerplichtstatus.lezen", soorten=G),
    "zoekLeerplichtigen": Api("leerplichtstatus.lezen", ok="400"),
    # Meldingen: the school that reported and the receiving organisation; the register all.
    "createMelding": Api("meldingen.aanmaken", soorten="school", ok="400"),
    "listMeldingen": Api(LEZEN),
    "zoekMeldingen": Api(LEZEN, ok="400"),
    "getMelding": Api(LEZEN, ander={"register": "200"}),
    "listMeldingStatussen": Api(LEZEN, ander={"register": "200"}),
    # A status: the school withdraws (aanmaken), the receiver handles (behandelen); "in
    # behandeling" is the receiver's transition (409 for the school and the register).
    "createMeldingStatus": Api(
        "meldingen.aanmaken meldingen.behandelen",
        ok="201",
        body={"status": "in-behandeling"},
        ander={"register": "409"},
        cellen={
            "school meldingen.behandelen eigen": "403",
            "gemeente,dienst,rmc meldingen.aanmaken eigen": "403",
            "school meldingen.aanmaken eigen": "409",
            "register meldingen.[ab]* eigen": "409",
        },
    ),
    # Forwarding (R-RT-5): the receiver, and the register that routes (to the same receiver
    # again: 400). A school's token with the scope finds no melding to forward.
    "doorsturenMelding": Api(
        "meldingen.behandelen",
        soorten=f"{G},register",
        body={"gemeente": "GM0363", "toelichting": "verhuisd"},
        ander={"register": "400"},
        cellen={"school meldingen.behandelen ander": "404"},
    ),
    # Dossiers (issue 9 §10): the handling organisation's application; a school or the
    # register never. Writing needs dossiers.schrijven (which reads too).
    "listDossiers": Api(DOSSIERS, soorten=G),
    "zoekDossiers": Api(DOSSIERS, soorten=G, ok="400"),
    "getDossier": Api(DOSSIERS, soorten=G),
    "listActiviteitSoorten": Api(DOSSIERS, soorten=G),
    "createDossierActiviteit": Api(
        "dossiers.schrijven", soorten=G, ok="201", body={"soort": "overig", "tekst": "x"}
    ),
    "wijzigDossierFase": Api(
        "dossiers.schrijven", soorten=G, body={"fase": "analyseren", "toelichting": "x"}
    ),
    "afsluitenDossier": Api("dossiers.schrijven", soorten=G, body={"afsluitreden": "verhuisd"}),
    # An open dossier is not reopened (400) — the permission answered first.
    "heropenDossier": Api("dossiers.schrijven", soorten=G, ok="400", body={"reden": "x"}),
    # Haarlem's pupil already has Haarlem's open dossier (409, R-CW-1); the dienst does not
    # know that pupil (404); the RMC-regio (whose region holds Haarlem) opens its own (201).
    "openDossier": Api(
        "dossiers.schrijven",
        soorten=G,
        ok="404",
        body={"burgerservicenummer": H, "aanleiding": "telefonisch", "toelichting": "x"},
        cellen={"gemeente dossiers.schrijven *": "409", "rmc dossiers.schrijven *": "201"},
    ),  # fmt: skip
    "wijsDossierToe": Api("dossiers.schrijven", soorten=G, body={"behandelaar": None}),
    "zetDossierVervolgdatum": Api("dossiers.schrijven", soorten=G, body={"datum": None}),
    # A melding not in the dossier: 400 at `melding`, after the permission.
    "vraagVerzuimoverzicht": Api(
        "dossiers.schrijven",
        soorten=G,
        ok="400",
        body={"melding": "00000000-0000-4000-8000-000000000000"},
    ),  # fmt: skip
    # The school's side of the verzuimoverzicht request (R-CW-3): only the asked school.
    "listVerzuimoverzichtverzoeken": Api("meldingen.lezen meldingen.aanmaken", soorten="school"),
    "beantwoordVerzuimoverzichtverzoek": Api(
        "meldingen.aanmaken", soorten="school", body={"antwoord": "Zie het overzicht."}
    ),
    "listSignalen": Api("signalen.lezen", soorten=f"{G},register"),
    "getSignaal": Api(
        "signalen.lezen",
        soorten=f"{G},register",
        ander={"register": "200"},
        cellen={"rmc signalen.lezen eigen": "404"},  # no signal of its own
    ),
}


# --- walking the URL conf ------------------------------------------------------------------


@dataclass(frozen=True)
class Pagina:
    naam: str  # URL name with namespace, or the route for an unnamed pattern
    route: str
    parameters: tuple[str, ...]


def paginas() -> list[Pagina]:
    """Every URL pattern of the project, with its namespaced name and parameters."""

    def loop(patronen, prefix="", ns=""):
        for p in patronen:
            if isinstance(p, URLResolver):
                sub = f"{ns}:{p.namespace}".strip(":") if p.namespace else ns
                yield from loop(p.url_patterns, prefix + str(p.pattern), sub)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                naam = f"{ns}:{p.name}".strip(":") if p.name else route
                params = tuple(p.pattern.regex.groupindex)
                yield Pagina(naam, route, params)

    return list(loop(get_resolver().url_patterns))


# URL parameter → the object kind it is filled with (per URL name pattern), or a fixed value.
PARAMETERS: dict[tuple[str, str], str] = {
    ("meldingen:*", "uuid"): "melding",
    ("personen:leerling", "uuid"): "leerling",
    ("signalen:detail", "uuid"): "signaal",
    ("dossiers:uit_signaal", "uuid"): "signaal",
    ("dossiers:openen", "uuid"): "leerling",
    ("dossiers:verzuimoverzicht_antwoord", "uuid"): "verzoek",
    ("dossiers:*", "uuid"): "dossier",
    ("dossiers:handhaving", "route"): "handhaving",
    ("brieven:download", "uuid"): "document",
    ("privacy:*", "uuid"): "inzageverzoek",
    ("api:melding*", "melding_uuid"): "melding",
    ("api:signaal", "signaal_uuid"): "signaal",
    ("api:inschrijving", "inschrijving_uuid"): "inschrijving",
    ("api:dossier*", "dossier_uuid"): "dossier",
    ("api:verzuimoverzichtverzoek*", "verzoek_uuid"): "verzoek",
}
VASTE_WAARDEN: dict[tuple[str, str], str] = {
    ("cijfers:downloaden", "schooljaar"): "2025-2026",
    ("cijfers:downloaden", "formaat"): "csv",
    ("dossiers:werkaantekening_verwijderen", "pk"): "1",
    ("privacy:achterhouden", "pk"): "1",
    ("privacy:verstrekken", "pk"): "1",
    ("dossiers:handhaving_start", "soort"): "halt",
    ("admin:app_list", "app_label"): "organisaties",
    ("beheer/(?P<url>.*)$", "url"): "onbekend/",
}


def _soort_object(naam: str, param: str) -> str | None:
    for (patroon, p), soort in PARAMETERS.items():
        if p == param and fnmatch.fnmatchcase(naam, patroon):
            return soort
    return None


def _beheerd_model(pagina: Pagina):
    """The model behind an admin page (admin:<app>_<model>_<action> or its route)."""
    from django.contrib import admin

    if pagina.naam == "admin:auth_user_password_change":
        return Gebruiker
    for model in admin.site._registry:
        app, naam = model._meta.app_label, model._meta.model_name
        if pagina.naam.startswith(f"admin:{app}_{naam}_") or pagina.route.startswith(
            f"beheer/{app}/{naam}/"
        ):
            return model
    return None


# Beheer whose rows belong to one organisation (the admin shows a user only its own).
BEHEER_PER_ORGANISATIE = {
    "brieven.briefhoofd",
    "brieven.briefsjabloon",
    "dossiers.dossierinstelling",
}


def _eigen_organisatie(model) -> bool:
    return model._meta.label_lower in BEHEER_PER_ORGANISATIE


def _beheerd_object(model, org_code: str | None, variant: str):
    qs = model.objects.all()
    if _eigen_organisatie(model):
        qs = (
            qs.filter(organisatie__code="GM0363")
            if variant == "ander"
            else (qs.filter(organisatie__code=org_code) or qs.exclude(organisatie__code="GM0363"))
        )
    return qs.order_by("pk").first()


def vul_in(pagina: Pagina, wereld: Wereld, org_code: str | None, variant: str) -> dict:
    kwargs = {}
    for param in pagina.parameters:
        vast = VASTE_WAARDEN.get((pagina.naam, param))
        if vast is not None:
            kwargs[param] = vast
        elif param in ("object_id", "id", "content_type_id") and pagina.route.startswith("beheer/"):
            from django.contrib.contenttypes.models import ContentType

            model = _beheerd_model(pagina) or Organisatie
            obj = _beheerd_object(model, org_code, variant)
            kwargs["content_type_id"] = str(ContentType.objects.get_for_model(model).pk)
            kwargs["object_id"] = kwargs["id"] = str(obj.pk) if obj else "0"
        else:
            soort = _soort_object(pagina.naam, param)
            assert soort, (
                f"URL parameter {param!r} of {pagina.naam!r}: add to PARAMETERS which object "
                "kind fills it, or to VASTE_WAARDEN its value (tests/test_need_to_know.py)"
            )
            obj = wereld.eigen(soort, org_code) if variant == "eigen" else wereld.ander(soort)
            kwargs[param] = str(obj.uuid)
    return {k: v for k, v in kwargs.items() if k in pagina.parameters}


def url_voor(pagina: Pagina, kwargs: dict) -> str:
    if ":" in pagina.naam and not pagina.naam.startswith("beheer/"):
        return reverse(pagina.naam, kwargs=kwargs)
    route = pagina.route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda g: kwargs[g.group(1)], route)
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda g: kwargs[g.group(1)], route)


def varianten(pagina: Pagina) -> tuple[str, ...]:
    """eigen/ander where a parameter names an organisation's object, else one ("-")."""
    for param in pagina.parameters:
        if _soort_object(pagina.naam, param):
            return ("eigen", "ander")
        if param == "object_id" and pagina.route.startswith("beheer/"):
            model = _beheerd_model(pagina)
            if model is not None and _eigen_organisatie(model):
                return ("eigen", "ander")
    return ("-",)


def code_van(response) -> str:
    if response.status_code in (301, 302):
        return "L" if "/account/inloggen" in response.get("Location", "") else "302"
    return str(response.status_code)


def _clients(wereld: Wereld, kolommen) -> dict[str, tuple[Client, str | None]]:
    clients = {}
    for kolom in kolommen:
        c = Client()
        if kolom == "anoniem":
            clients[kolom] = (c, None)
            continue
        soort, rol = kolom.split(":")
        c.force_login(wereld.users[f"{soort}.{rol}"])
        clients[kolom] = (c, ORGANISATIES[soort])
    return clients


def meet_paginas(wereld: Wereld, lijst: list[Pagina], kolommen, gevraagd=None) -> dict:
    """(page, variant) → {column: code}; a page whose GET answers 405 is POSTed (code "P…");
    a column ``gevraagd(page, column)`` leaves out gets "-"."""
    clients = _clients(wereld, kolommen)
    uitkomst = {}
    # Signing out ends the session: those pages go last.
    for pagina in sorted(lijst, key=lambda p: p.naam in ("accounts:logout", "admin:logout")):
        for variant in varianten(pagina):
            rij = {}
            for kolom, (c, org) in clients.items():
                if gevraagd and not gevraagd(pagina, kolom):
                    rij[kolom] = "-"
                    continue
                url = url_voor(pagina, vul_in(pagina, wereld, org, variant))
                code = code_van(c.get(url))
                if code == "405":
                    with transaction.atomic():
                        code = "P" + code_van(c.post(url, {}))
                        transaction.set_rollback(True)
                rij[kolom] = code
            uitkomst[(pagina.naam, variant)] = rij
    return uitkomst


# --- the API -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operatie:
    operation_id: str
    methode: str
    pad: str  # OpenAPI path, e.g. /meldingen/{melding_uuid}
    pagina: Pagina  # its URL pattern (name and parameters)


def operaties() -> list[Operatie]:
    """Every operation of the OpenAPI document drf-spectacular generates from the code."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    per_route = {_route_sleutel(p.route): p for p in paginas()}
    lijst = []
    for pad, ops in schema["paths"].items():
        for methode, op in ops.items():
            if methode in ("get", "post", "put", "patch", "delete"):
                pagina = per_route["api/v1" + pad]
                lijst.append(Operatie(op["operationId"], methode, pad, pagina))
    return lijst


def _route_sleutel(route: str) -> str:
    """A route as OpenAPI writes a path: meldingen/<uuid:melding_uuid> → meldingen/{melding_uuid}."""
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


TOKENKOLOMMEN = [(s, scope) for s in ORGANISATIES for scope in SCOPES] + [("anoniem", "")]


def meet_api(wereld: Wereld, lijst: list[Operatie]) -> dict:
    """(operationId, variant) → {(soort, scope): code}. A write is sent with the entry's body
    (else an empty one) and its own Idempotency-Key, and rolled back."""
    c = Client()
    uitkomst = {}
    volgnummer = itertools.count()
    for op in lijst:
        verwachting = OPERATIES.get(op.operation_id)
        body = json.dumps(verwachting.body if verwachting else {})
        for variant in varianten(op.pagina):
            rij = {}
            for soort, scope in TOKENKOLOMMEN:
                org = ORGANISATIES.get(soort)
                kwargs = vul_in(op.pagina, wereld, org, variant)
                url = "/api/v1" + op.pad.format(**kwargs)
                headers = {}
                if soort != "anoniem":
                    headers["HTTP_AUTHORIZATION"] = f"Bearer {token_waarde(soort, scope)}"
                if op.methode == "get":
                    r = c.get(url, **headers)
                else:
                    headers["HTTP_IDEMPOTENCY_KEY"] = f"ntk-{next(volgnummer)}"
                    with transaction.atomic():
                        r = getattr(c, op.methode)(
                            url, data=body, content_type="application/json", **headers
                        )
                        transaction.set_rollback(True)
                rij[(soort, scope)] = str(r.status_code)
            uitkomst[(op.operation_id, variant)] = rij
    return uitkomst


# --- comparing and printing ----------------------------------------------------------------


def meet(functie):
    """Run a measurement without django.request's warning per 403/404 in the output."""
    logging.disable(logging.WARNING)
    try:
        return functie()
    finally:
        logging.disable(logging.NOTSET)


def verwachting_voor(naam: str, tabel: dict):
    """The entry of a page: its URL name, else the longest matching glob (beheer)."""
    if naam in tabel:
        return tabel[naam]
    passend = [p for p in tabel if fnmatch.fnmatchcase(naam, p)]
    return tabel[max(passend, key=len)] if passend else None


def _schrijf(titel: str, regels: list[str]) -> None:
    """Print the matrix (visible with -s) and write it to var/need-to-know-<titel>.txt."""
    UIT.parent.mkdir(exist_ok=True)
    bestand = UIT.with_name(f"{UIT.stem}-{titel.lower()}.txt")
    bestand.write_text("\n".join(regels) + "\n")
    print("\n" + "\n".join(regels) + f"\n(also in {bestand})")


LEGENDA = (
    "200/403/404…: HTTP status; L: sent to the login page; P…: the page takes POST only (GET "
    "405), the status of an empty POST; ! marks a cell that differs from the expectation, "
    "followed by the expected code."
)


def vergelijk(titel: str, gemeten: dict, tabel: dict, kolommen) -> None:
    breedte = max(len(n) for n, _ in gemeten) + 7
    kop1 = " " * breedte + " ".join(k.split(":")[0][:5].ljust(5) for k in kolommen)
    kop2 = " " * breedte + " ".join(k.split(":")[-1][:5].ljust(5) for k in kolommen)
    regels = [f"{titel}: who gets what (R-PR-1). {LEGENDA}", kop1, kop2]
    fouten, ontbrekend = [], []
    for (naam, variant), rij in gemeten.items():
        mag = verwachting_voor(naam, tabel)
        if mag is None:
            ontbrekend.append(naam)
        cellen = []
        for kolom in kolommen:
            code = rij[kolom]
            verwacht = mag.verwacht(kolom, variant) if mag and code != "-" else code
            if code != verwacht:
                fouten.append(f"{naam} [{variant}] {kolom}: {code}, expected {verwacht}")
                code = f"{code}!{verwacht}"
            cellen.append(code[:5].ljust(5))
        regels.append(f"{naam:{breedte - 7}} {variant:6} " + " ".join(cellen))
    _schrijf(titel, regels)
    assert not ontbrekend, (
        f"No need-to-know entry for {sorted(set(ontbrekend))}: add one to "
        f"{'BEHEER' if titel == 'Beheer' else 'PAGINAS'} in tests/test_need_to_know.py "
        "(who may open the page; see the module docstring)."
    )
    assert not fouten, "Need-to-know differs (R-PR-1):\n" + "\n".join(fouten)


def vergelijk_api(gemeten: dict) -> None:
    regels = [
        "API: who gets what (R-PR-1); per operation and organisation kind the status for a "
        "token with each scope; ! marks a difference, followed by the expected code.",
        " " * 44 + " ".join(sc[:11].ljust(11) for sc in SCOPES),
    ]
    fouten, ontbrekend = [], []
    for (op_id, variant), rij in gemeten.items():
        api = OPERATIES.get(op_id)
        if api is None:
            ontbrekend.append(op_id)
        for soort in [*ORGANISATIES, "anoniem"]:
            cellen = []
            for scope in SCOPES if soort != "anoniem" else [""]:
                code = rij[(soort, scope)]
                verwacht = api.verwacht(soort, scope, variant) if api else code
                if code != verwacht:
                    fouten.append(
                        f"{op_id} [{variant}] {soort} {scope or '-'}: {code}, expected {verwacht}"
                    )
                    code = f"{code}!{verwacht}"
                cellen.append(code.ljust(11))
            regels.append(f"{op_id[:26]:26} {variant:6} {soort:9} " + " ".join(cellen))
    _schrijf("API", regels)
    assert not ontbrekend, (
        f"No need-to-know entry for the operations {sorted(set(ontbrekend))}: add one to "
        "OPERATIES in tests/test_need_to_know.py (scope, organisation kinds; see the module "
        "docstring)."
    )
    assert not fouten, "Need-to-know differs (R-PR-1):\n" + "\n".join(fouten)


@pytest.fixture
def wereld(db, settings):
    settings.DEMO = True
    settings.VERZUIM_2FA_REQUIRED = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Thousands of signed-in requests: sessions in memory, not a database row each.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    clock.set_today(VANDAAG)
    try:
        gebouwd = _bouw_wereld()
        settings.DEMO = False  # the pages as in production (e.g. /brp-proef answers 404)
        yield gebouwd
    finally:
        clock.set_today(None)


def test_paginas(wereld):
    """Every page (URL conf, API operations and beheer aside) for every role at every
    organisation kind: the expected code per cell (PAGINAS)."""
    lijst = [p for p in paginas() if not p.route.startswith(("api/v1/", "beheer/"))]
    lijst += [p for p in paginas() if p.naam in ("api:schema-json", "api:schema-yaml")]
    gemeten = meet(lambda: meet_paginas(wereld, lijst, KOLOMMEN, pagina_kolom_gevraagd))
    vergelijk("Paginas", gemeten, PAGINAS, KOLOMMEN)


def test_beheer(wereld):
    """Every page of the admin site (beheer) for every role, and for the two roles that get
    in (registerbeheerder, functioneel beheerder) at every organisation kind (BEHEER)."""
    lijst = [p for p in paginas() if p.route.startswith("beheer/")]
    gemeten = meet(lambda: meet_paginas(wereld, lijst, KOLOMMEN_BEHEER, beheer_kolom_gevraagd))
    vergelijk("Beheer", gemeten, BEHEER, KOLOMMEN_BEHEER)


def test_api(wereld):
    """Every operation of the OpenAPI document for a token of every scope at every
    organisation kind (OPERATIES)."""
    gemeten = meet(lambda: meet_api(wereld, operaties()))
    vergelijk_api(gemeten)
