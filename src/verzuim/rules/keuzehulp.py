"""Keuzehulp verzuimsoorten (R-VZ-4, R-VZ-5) — the decision tree as versioned data.

A tree is a tuple of nodes. A ``Vraag`` node evaluates the answers to a branch key
(``ja``/``nee`` or a leerplicht phase) and names the next node; a ``Uitkomst`` node
ends the walk. ``BOMEN`` lists the versions by ``geldig_vanaf``; the one in force on
the first absence day is used.

Deviation from the literal order of R-VZ-4, on purpose: the age question comes before
the holiday question, because ``luxe`` may only be reported for pupils under 18 or
kwalificatieplichtig (R-ME-3); an adult on holiday follows the 18-plus branch.
Before the tree, two gates: a startkwalificatie, or an age outside leerplicht/RMC
(under the start of leerplicht, R-LP-7; 23 and older, R-LP-6) ends in ``niet-melden``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from ._datum import nl
from .decisions import Decision, Reason
from .leerplicht import LeerplichtPolicy, PersoonFeiten, leerplicht_status

Uitkomstsoort = Literal["melden", "niet-melden", "vastleggen"]
Verzuimsoort = Literal["16-uur", "langdurig", "luxe", "overig", "18-plus"]
Antwoordsoort = Literal["ja-nee", "getal", "datum"]


@dataclass(frozen=True)
class Drempel:
    """A threshold: ``minimaal`` (≥, default) or ``meer-dan`` (>) ``waarde``."""

    waarde: float
    vergelijking: Literal["minimaal", "meer-dan"] = "minimaal"

    def bereikt(self, x: float) -> bool:
        return x >= self.waarde if self.vergelijking == "minimaal" else x > self.waarde

    def nl(self, eenheid: str) -> str:
        teken = "minimaal" if self.vergelijking == "minimaal" else "meer dan"
        waarde = int(self.waarde) if float(self.waarde).is_integer() else self.waarde
        return f"{teken} {waarde} {eenheid}"


@dataclass(frozen=True)
class KeuzehulpPolicy:
    """R-VZ-5 policies: 16 hours means ≥ 16; LRV means ≥ 28 calendar days (4 lesweken).

    ``bomen``: the versioned trees (default ``BOMEN``); ``leerplicht``: the policy for
    the age gate.
    """

    uren: Drempel = Drempel(16)
    lrv_dagen: Drempel = Drempel(28)
    bomen: tuple[Boom, ...] | None = None
    leerplicht: LeerplichtPolicy = field(default_factory=LeerplichtPolicy)


@dataclass(frozen=True)
class Vraag:
    """A question node. ``velden`` are the answer fields it reads; ``volgende`` maps the
    branch key to the next node id."""

    id: str
    vraag_nl: str
    soort: Antwoordsoort
    velden: tuple[str, ...]
    volgende: Mapping[str, str]
    regel: str
    toets: str  # name of the evaluator in ``_TOETSEN``


@dataclass(frozen=True)
class Uitkomst:
    id: str
    uitkomst: Uitkomstsoort
    verzuimsoort: Verzuimsoort | None
    verplicht: bool
    regel: str
    uitleg_nl: str


Node = Vraag | Uitkomst


@dataclass(frozen=True)
class Boom:
    versie: str
    geldig_vanaf: dt.date
    start: str
    nodes: tuple[Node, ...]

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    @property
    def vragen(self) -> tuple[Vraag, ...]:
        return tuple(n for n in self.nodes if isinstance(n, Vraag))


@dataclass(frozen=True)
class KeuzehulpAntwoorden:
    """The answers of POST /api/v1/keuzehulp (snake_case; ``API_NAMEN`` gives the API's
    camelCase name of each)."""

    geboortedatum: dt.date
    eerste_verzuimdag: dt.date
    ziekte: bool = False
    vakantie_zonder_verlof: bool = False
    aaneengesloten_afwezig_dagen: int = 0
    verzuimde_uren_in_4_lesweken: float = 0.0
    afspraak_18_plus_melden: bool = False
    startkwalificatie: bool = False
    vermoeden_misbruik_ziekmelding: bool = False


API_NAMEN = {
    "geboortedatum": "geboortedatum",
    "eerste_verzuimdag": "eersteVerzuimdag",
    "ziekte": "ziekte",
    "vakantie_zonder_verlof": "vakantieZonderVerlof",
    "aaneengesloten_afwezig_dagen": "aaneengeslotenAfwezigDagen",
    "verzuimde_uren_in_4_lesweken": "verzuimdeUrenIn4Lesweken",
    "afspraak_18_plus_melden": "afspraak18PlusMelden",
    "startkwalificatie": "startkwalificatie",
    "vermoeden_misbruik_ziekmelding": "vermoedenMisbruikZiekmelding",
}
# --- the tree ------------------------------------------------------------------------


def _v(id, vraag, soort, velden, volgende, regel, toets) -> Vraag:  # noqa: ANN001
    return Vraag(id, vraag, soort, tuple(velden), dict(volgende), regel, toets)


BOOM_2020 = Boom(
    versie="DUO-keuzehulp, verzuimregister sinds 3 augustus 2020",  # R-VZ-4
    # The earliest version modelled: it also answers for older absence dates.
    geldig_vanaf=dt.date.min,
    start="startkwalificatie",
    nodes=(
        _v(
            "startkwalificatie",
            "Heeft de leerling een startkwalificatie (havo, vwo of mbo niveau 2 of hoger)?",
            "ja-nee",
            ["startkwalificatie"],
            {"ja": "u-startkwalificatie", "nee": "leeftijd"},
            "R-LP-4",
            "ja_nee",
        ),
        _v(
            "leeftijd",
            "Wat is de geboortedatum van de leerling (leeftijd op de eerste verzuimdag)?",
            "datum",
            ["geboortedatum", "eerste_verzuimdag"],
            {
                "niet-leerplichtig": "u-niet-leerplichtig",
                "leerplichtig": "ziekte",
                "kwalificatieplichtig": "ziekte",
                "18-plus": "ziekte",
                "buiten-doelgroep": "u-23-plus",
            },
            "R-LP-6",
            "fase",
        ),
        _v(
            "ziekte",
            "Is de leerling afwezig door ziekte?",
            "ja-nee",
            ["ziekte"],
            {"ja": "misbruik", "nee": "achttien-plus"},
            "R-VZ-4",
            "ja_nee",
        ),
        _v(
            "misbruik",
            "Is er een vermoeden van misbruik van de ziekmelding (na overleg "
            "met de leerplichtambtenaar)?",
            "ja-nee",
            ["vermoeden_misbruik_ziekmelding"],
            {"ja": "u-overig-ziekte", "nee": "u-ziekte"},
            "R-VZ-2",
            "ja_nee",
        ),
        _v(
            "achttien-plus",
            "Was de leerling op de eerste verzuimdag 18 jaar of ouder?",
            "datum",
            ["geboortedatum", "eerste_verzuimdag"],
            {"ja": "lrv-18", "nee": "vakantie"},
            "R-VZ-4",
            "achttien",
        ),
        _v(
            "lrv-18",
            "Is de leerling aaneengesloten afwezig gedurende 4 lesweken "
            "(28 kalenderdagen) of langer?",
            "getal",
            ["aaneengesloten_afwezig_dagen"],
            {"ja": "u-18-plus-lrv", "nee": "afspraak-18"},
            "R-VZ-5",
            "lrv",
        ),
        _v(
            "afspraak-18",
            "Heeft de gemeente/RMC met de school afgesproken dat 18-plus "
            "verzuim van 16 uur in 4 lesweken gemeld wordt?",
            "ja-nee",
            ["afspraak_18_plus_melden"],
            {"ja": "uren-18", "nee": "u-18-plus-niet"},
            "R-VZ-4",
            "ja_nee",
        ),
        _v(
            "uren-18",
            "Hoeveel uur heeft de leerling ongeoorloofd verzuimd in 4 opeenvolgende lesweken?",
            "getal",
            ["verzuimde_uren_in_4_lesweken"],
            {"ja": "u-18-plus-uren", "nee": "u-18-plus-niet"},
            "R-VZ-5",
            "uren",
        ),
        _v(
            "vakantie",
            "Is de leerling op vakantie buiten de schoolvakanties zonder verlof of vrijstelling?",
            "ja-nee",
            ["vakantie_zonder_verlof"],
            {"ja": "u-luxe", "nee": "lrv"},
            "R-VZ-4",
            "ja_nee",
        ),
        _v(
            "lrv",
            "Is de leerling aaneengesloten afwezig gedurende 4 lesweken "
            "(28 kalenderdagen) of langer?",
            "getal",
            ["aaneengesloten_afwezig_dagen"],
            {"ja": "u-langdurig", "nee": "uren"},
            "R-VZ-5",
            "lrv",
        ),
        _v(
            "uren",
            "Hoeveel uur heeft de leerling ongeoorloofd verzuimd in 4 opeenvolgende lesweken?",
            "getal",
            ["verzuimde_uren_in_4_lesweken"],
            {"ja": "u-16-uur", "nee": "u-overig"},
            "R-VZ-5",
            "uren",
        ),
        Uitkomst(
            "u-startkwalificatie",
            "niet-melden",
            None,
            False,
            "R-LP-4",
            "De leerling heeft een startkwalificatie: niet leerplichtig of "
            "kwalificatieplichtig en geen RMC-doelgroep; niet melden.",
        ),
        Uitkomst(
            "u-niet-leerplichtig",
            "niet-melden",
            None,
            False,
            "R-LP-7",
            "De leerling is nog niet leerplichtig: verzuim wordt niet gemeld.",
        ),
        Uitkomst(
            "u-23-plus",
            "niet-melden",
            None,
            False,
            "R-LP-6",
            "De leerling is 23 jaar of ouder: verzuim wordt niet geregistreerd.",
        ),
        Uitkomst(
            "u-ziekte",
            "vastleggen",
            None,
            False,
            "R-VZ-2",
            "Ziekte is geoorloofd verzuim: niet melden, wel vastleggen in de verzuimadministratie.",
        ),
        Uitkomst(
            "u-overig-ziekte",
            "melden",
            "overig",
            False,
            "R-VZ-2",
            "Vermoeden van misbruik van ziekmelding: na overleg met de "
            "leerplichtambtenaar melden als overig verzuim (niet verplicht).",
        ),
        Uitkomst(
            "u-18-plus-lrv",
            "melden",
            "18-plus",
            True,
            "R-VZ-4",
            "18-plusser zonder startkwalificatie die 4 lesweken of langer "
            "aaneengesloten afwezig is: melden als 18-plus verzuim.",
        ),
        Uitkomst(
            "u-18-plus-uren",
            "melden",
            "18-plus",
            True,
            "R-VZ-4",
            "De gemeente heeft afgesproken dat 18-plus verzuim gemeld wordt en de "
            "urengrens is bereikt: melden als 18-plus verzuim.",
        ),
        Uitkomst(
            "u-18-plus-niet",
            "niet-melden",
            None,
            False,
            "R-VZ-4",
            "18-plusser: melden is niet verplicht (geen langdurige afwezigheid en "
            "geen afspraak of urengrens niet bereikt).",
        ),
        Uitkomst(
            "u-luxe",
            "melden",
            "luxe",
            True,
            "R-VZ-4",
            "Vakantie buiten de schoolvakanties zonder verlof: luxe verzuim, direct "
            "vanaf de eerste dag melden, ongeacht het aantal uren.",
        ),
        Uitkomst(
            "u-langdurig",
            "melden",
            "langdurig",
            True,
            "R-VZ-4",
            "Langdurig relatief verzuim: melden (verplicht).",
        ),
        Uitkomst(
            "u-16-uur",
            "melden",
            "16-uur",
            True,
            "R-VZ-4",
            "16 uur ongeoorloofd verzuim in 4 opeenvolgende lesweken: melden "
            "(verplicht; een vervolgmelding als er in deze periode al een melding "
            "was).",  # R-ME-6
        ),
        Uitkomst(
            "u-overig",
            "melden",
            "overig",
            False,
            "R-VZ-4",
            "Onder de grens: melden als overig verzuim (signaalverzuim) mag, vaak "
            "volgens lokale afspraak, maar is niet verplicht.",
        ),
    ),
)

#: All versions, oldest first. Add a new ``Boom`` with its ``geldig_vanaf`` when the law
#: changes (e.g. Wet terugdringen schoolverzuim, Kamerstuk 36663).
BOMEN: tuple[Boom, ...] = (BOOM_2020,)


def boom_op(datum: dt.date, bomen: tuple[Boom, ...] | None = None) -> Boom:
    """The tree in force on ``datum`` (latest ``geldig_vanaf`` ≤ datum)."""
    kandidaten = [b for b in (bomen or BOMEN) if b.geldig_vanaf <= datum]
    if not kandidaten:
        raise ValueError(f"geen keuzehulp in werking op {datum.isoformat()}")
    return max(kandidaten, key=lambda b: b.geldig_vanaf)


# --- evaluation ----------------------------------------------------------------------

#: The rule that decides each leerplicht phase (R-LP-2..7), for the age question's reason.
FASE_REGELS = {
    "niet-leerplichtig": "R-LP-7",
    "leerplichtig": "R-LP-3",
    "kwalificatieplichtig": "R-LP-4",
    "18-plus": "R-LP-6",
    "buiten-doelgroep": "R-LP-6",
}


def _eval(vraag: Vraag, a: Mapping[str, Any], policy: KeuzehulpPolicy) -> tuple[str, str]:
    """Branch key and a Dutch rendering of the answer."""
    if vraag.toets == "ja_nee":
        key = "ja" if a.get(vraag.velden[0]) else "nee"
        return key, key
    if vraag.toets in ("fase", "achttien"):
        st = leerplicht_status(
            PersoonFeiten(a["geboortedatum"]), a["eerste_verzuimdag"], policy.leerplicht
        )
        if vraag.toets == "fase":
            return st.fase, f"{st.fase} op {nl(a['eerste_verzuimdag'])}"
        key = "ja" if st.fase == "18-plus" else "nee"
        return key, key
    if vraag.toets == "lrv":
        dagen = a.get("aaneengesloten_afwezig_dagen", 0)
        key = "ja" if policy.lrv_dagen.bereikt(dagen) else "nee"
        return key, f"{dagen} dagen ({key}, grens {policy.lrv_dagen.nl('kalenderdagen')})"
    if vraag.toets == "uren":
        uren = a.get("verzuimde_uren_in_4_lesweken", 0)
        key = "ja" if policy.uren.bereikt(uren) else "nee"
        return key, f"{uren:g} uur ({key}, grens {policy.uren.nl('uur')})"
    raise ValueError(f"onbekende toets {vraag.toets!r}")


@dataclass(frozen=True)
class PadStap:
    node_id: str
    vraag_nl: str
    antwoord_nl: str

    def __str__(self) -> str:
        return f"{self.vraag_nl} {self.antwoord_nl}"


@dataclass(frozen=True, kw_only=True)
class KeuzehulpUitkomst(Decision):
    uitkomst: Uitkomstsoort
    verzuimsoort: Verzuimsoort | None
    verplicht: bool
    pad: tuple[PadStap, ...]
    boomversie: str
    uitkomst_id: str

    def to_api(self) -> dict[str, Any]:
        return {
            "uitkomst": self.uitkomst,
            "verzuimsoort": self.verzuimsoort,
            "verplicht": self.verplicht,
            "pad": [str(s) for s in self.pad],
            "redenen": self.redenen_api(),
        }


@dataclass(frozen=True)
class VolgendeStap:
    """For a page that asks one question at a time: the next question, or the result."""

    vraag: Vraag | None
    pad: tuple[PadStap, ...]
    uitkomst: KeuzehulpUitkomst | None = None


def _loop(
    antwoorden: Mapping[str, Any], policy: KeuzehulpPolicy
) -> tuple[Vraag | None, tuple[PadStap, ...], KeuzehulpUitkomst | None]:
    boom = boom_op(antwoorden["eerste_verzuimdag"], policy.bomen)
    node = boom.node(boom.start)
    pad: list[PadStap] = []
    redenen: list[Reason] = []
    for _ in range(len(boom.nodes) + 1):
        if isinstance(node, Uitkomst):
            redenen.append(Reason(node.regel, node.uitleg_nl))
            return (
                None,
                tuple(pad),
                KeuzehulpUitkomst(
                    uitkomst=node.uitkomst,
                    verzuimsoort=node.verzuimsoort,
                    verplicht=node.verplicht,
                    pad=tuple(pad),
                    boomversie=boom.versie,
                    uitkomst_id=node.id,
                    reasons=tuple(redenen),
                ),
            )
        if any(v not in antwoorden for v in node.velden):
            return node, tuple(pad), None
        key, antwoord = _eval(node, antwoorden, policy)
        pad.append(PadStap(node.id, node.vraag_nl, antwoord))
        # The age question is answered by the rule of the phase found, so a 14-year-old's
        # reasons cite leerplicht, not the RMC-doelgroep (R-LP-6).
        regel = FASE_REGELS.get(key, node.regel) if node.toets == "fase" else node.regel
        redenen.append(Reason(regel, f"{node.vraag_nl} {antwoord}"))
        node = boom.node(node.volgende[key])
    raise ValueError(f"keuzehulp {boom.versie}: de boom bevat een lus")


def keuzehulp(
    antwoorden: KeuzehulpAntwoorden, policy: KeuzehulpPolicy = KeuzehulpPolicy()
) -> KeuzehulpUitkomst:
    """Walk the tree in force on the first absence day; exactly one outcome."""
    a = {f.name: getattr(antwoorden, f.name) for f in fields(antwoorden)}
    _, _, uitkomst = _loop(a, policy)
    assert uitkomst is not None  # all fields are present
    return uitkomst


def volgende_stap(
    antwoorden: Mapping[str, Any], policy: KeuzehulpPolicy = KeuzehulpPolicy()
) -> VolgendeStap:
    """Given the answers so far (snake_case names, ``eerste_verzuimdag`` required), the
    next question to ask, or the outcome when the answers suffice."""
    if "eerste_verzuimdag" not in antwoorden:
        raise ValueError("eerste_verzuimdag is nodig om de geldende keuzehulp te kiezen")
    vraag, pad, uitkomst = _loop(antwoorden, policy)
    return VolgendeStap(vraag=vraag, pad=pad, uitkomst=uitkomst)


def vragen(
    op: dt.date | None = None, policy: KeuzehulpPolicy = KeuzehulpPolicy()
) -> tuple[Vraag, ...]:
    """The questions of the tree in force on ``op`` (default: the newest tree)."""
    bomen = policy.bomen or BOMEN
    boom = boom_op(op, bomen) if op else max(bomen, key=lambda b: b.geldig_vanaf)
    return boom.vragen


__all__ = [
    "API_NAMEN",
    "BOMEN",
    "BOOM_2020",
    "Boom",
    "Drempel",
    "KeuzehulpAntwoorden",
    "KeuzehulpPolicy",
    "KeuzehulpUitkomst",
    "PadStap",
    "Uitkomst",
    "Vraag",
    "VolgendeStap",
    "boom_op",
    "keuzehulp",
    "volgende_stap",
    "vragen",
]
