"""Melding statuses and transitions (R-RT-6, R-RT-7) and code lists (R-CW-11), as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .decisions import Decision, Reason

ActorSoort = Literal["ontvanger", "school", "register"]

STATUSSEN = (
    "geregistreerd",
    "in-behandeling",
    "ter-kennisgeving-aangenomen",
    "afgesloten",
    "ingetrokken",
)
EINDSTATUSSEN = frozenset({"afgesloten", "ingetrokken"})
ACTOR_SOORTEN = ("ontvanger", "school", "register")


@dataclass(frozen=True)
class Overgang:
    van: str | None  # None = a new melding
    naar: str
    door: ActorSoort


_OPEN = ("geregistreerd", "in-behandeling", "ter-kennisgeving-aangenomen")

#: R-RT-6 (DUO since 3 August 2020).
OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(None, "geregistreerd", "school"),
    Overgang("geregistreerd", "in-behandeling", "ontvanger"),
    Overgang("geregistreerd", "ter-kennisgeving-aangenomen", "ontvanger"),
    Overgang("geregistreerd", "afgesloten", "ontvanger"),
    Overgang("in-behandeling", "afgesloten", "ontvanger"),
    Overgang("in-behandeling", "ter-kennisgeving-aangenomen", "ontvanger"),
    Overgang("ter-kennisgeving-aangenomen", "in-behandeling", "ontvanger"),
    Overgang("ter-kennisgeving-aangenomen", "afgesloten", "ontvanger"),
    *(Overgang(s, "ingetrokken", "school") for s in _OPEN),
    *(Overgang(s, "ingetrokken", "register") for s in _OPEN),
)

#: Reasons for withdrawing a melding (``ingetrokken``). ``V`` is the register's (R-RT-7).
INTREKKINGSREDENEN: dict[str, str] = {
    "F": "Foutief gemeld",
    "D": "Dubbele melding",
    "G": "Verzuim achteraf geoorloofd",
    "N": "Leerling niet (meer) ingeschreven op de gemelde dagen",
    "O": "Overig",
    "V": "Vrijstelling",
}
#: Which withdrawal reasons each actor may use.
INTREKKINGSREDENEN_PER_ACTOR: dict[str, frozenset[str]] = {
    "school": frozenset({"F", "D", "G", "N", "O"}),
    "register": frozenset({"V"}),
}
#: Aliases accepted for reason codes (api-contract.md writes ``vrijstelling``).
_REDEN_ALIASSEN = {"vrijstelling": "V"}

#: R-CW-11 closure reasons of a case (dossier).
AFSLUITREDENEN: dict[str, str] = {
    "verzuim-gestopt": "Verzuim gestopt",
    "hulpverlening-ingezet": "Hulpverlening ingezet",
    "verhuisd": "Verhuisd",
    "ingeschreven": "Ingeschreven",
    "vrijstelling": "Vrijstelling",
    "halt-afgerond": "Halt afgerond",
    "pv-afgehandeld": "Proces-verbaal afgehandeld",
    "23-jaar": "23 jaar geworden",
    "startkwalificatie": "Startkwalificatie behaald",
}
#: Closure reasons only a BOA may decide: a Halt referral (R-CW-6) and a proces-verbaal
#: (R-CW-7) are a BOA's acts, so only a BOA records their outcome.
AFSLUITREDENEN_BOA: frozenset[str] = frozenset({"halt-afgerond", "pv-afgehandeld"})


def afsluitredenen_voor(boa: bool) -> dict[str, str]:
    """The closure reasons (R-CW-11) someone may choose: all for a BOA, else those that are
    not a BOA's decision (R-CW-6, R-CW-7)."""
    return {c: label for c, label in AFSLUITREDENEN.items() if boa or c not in AFSLUITREDENEN_BOA}


_ACTOR_NL = {
    "ontvanger": "de ontvangende gemeente of dienst",
    "school": "de meldende school",
    "register": "het register",
}


def normaliseer_reden(reden: str | None) -> str | None:
    if reden is None:
        return None
    return _REDEN_ALIASSEN.get(reden, reden)


@dataclass(frozen=True, kw_only=True)
class OvergangenBeslissing(Decision):
    status: str | None
    naar: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class OvergangBeslissing(Decision):
    toegestaan: bool
    #: the statuses this actor may move to from ``van`` (for a 409 answer)
    toegestane_statussen: tuple[str, ...]

    def __bool__(self) -> bool:
        return self.toegestaan


def toegestane_overgangen(status: str | None, actor_soort: ActorSoort) -> OvergangenBeslissing:
    naar = tuple(o.naar for o in OVERGANGEN if o.van == status and o.door == actor_soort)
    if status in EINDSTATUSSEN:
        uitleg = f"'{status}' is een eindstatus: geen overgangen meer."
    elif naar:
        uitleg = f"Vanuit '{status or 'nieuw'}' mag {_ACTOR_NL.get(actor_soort, actor_soort)} naar: {', '.join(naar)}."
    else:
        uitleg = f"Vanuit '{status or 'nieuw'}' mag {_ACTOR_NL.get(actor_soort, actor_soort)} de status niet wijzigen."
    return OvergangenBeslissing(status=status, naar=naar, reasons=(Reason("R-RT-6", uitleg),))


def _afsluitreden(reden: str | None, boa: bool) -> Reason | None:
    """Why ``reden`` cannot close a melding (R-CW-11, R-CW-6/7), or None when it can. The
    first sentence is for people, the list of codes after it for software."""
    toegestaan = afsluitredenen_voor(boa)
    if reden in toegestaan:
        return None
    keuze = " Kies uit: " + ", ".join(f"{c} ({label})" for c, label in sorted(toegestaan.items()))
    if reden in AFSLUITREDENEN_BOA:
        regel = "R-CW-6" if reden == "halt-afgerond" else "R-CW-7"
        return Reason(
            regel, f"Alleen een BOA mag afsluiten met reden ‘{AFSLUITREDENEN[reden]}’.{keuze}."
        )
    if not reden:
        return Reason("R-CW-11", f"Afsluiten vraagt een afsluitreden.{keuze}.")
    return Reason("R-CW-11", f"Onbekende afsluitreden ‘{reden}’.{keuze}.")


def mag_overgaan(
    van: str | None,
    naar: str,
    actor_soort: ActorSoort,
    reden: str | None = None,
    *,
    boa: bool = False,
) -> OvergangBeslissing:
    """Whether ``actor_soort`` may move a melding from ``van`` to ``naar``; a withdrawal
    (``ingetrokken``) needs a reason code the actor may use, closing (``afgesloten``) an
    afsluitreden the actor may decide (``boa``: the acting person is a BOA)."""
    mogelijk = toegestane_overgangen(van, actor_soort)
    redenen = list(mogelijk.reasons)
    ok = naar in mogelijk.naar
    if not ok:
        redenen.insert(
            0,
            Reason(
                "R-RT-6",
                f"Overgang van '{van or 'nieuw'}' naar '{naar}' door "
                f"{_ACTOR_NL.get(actor_soort, actor_soort)} is niet toegestaan.",
            ),
        )
    elif naar == "ingetrokken":
        code = normaliseer_reden(reden)
        toegestaan = INTREKKINGSREDENEN_PER_ACTOR.get(actor_soort, frozenset())
        if code not in toegestaan:
            ok = False
            redenen.insert(
                0,
                Reason(
                    "R-RT-7" if actor_soort == "register" else "R-RT-6",
                    f"Intrekken vraagt een redencode; {_ACTOR_NL[actor_soort]} mag kiezen uit: "
                    + ", ".join(f"{c} ({INTREKKINGSREDENEN[c]})" for c in sorted(toegestaan))
                    + ".",
                ),
            )
        else:
            redenen.insert(
                0, Reason("R-RT-6", f"Ingetrokken met reden {code} ({INTREKKINGSREDENEN[code]}).")
            )
    elif naar == "afgesloten":
        if (bezwaar := _afsluitreden(reden, boa)) is not None:
            ok = False
            redenen.insert(0, bezwaar)
        else:
            redenen.insert(
                0, Reason("R-CW-11", f"Afgesloten met reden {reden} ({AFSLUITREDENEN[reden]}).")
            )
    return OvergangBeslissing(
        toegestaan=ok, toegestane_statussen=mogelijk.naar, reasons=tuple(redenen)
    )


__all__ = [
    "ACTOR_SOORTEN",
    "AFSLUITREDENEN",
    "AFSLUITREDENEN_BOA",
    "EINDSTATUSSEN",
    "INTREKKINGSREDENEN",
    "INTREKKINGSREDENEN_PER_ACTOR",
    "OVERGANGEN",
    "Overgang",
    "OvergangBeslissing",
    "OvergangenBeslissing",
    "STATUSSEN",
    "afsluitredenen_voor",
    "mag_overgaan",
    "normaliseer_reden",
    "toegestane_overgangen",
]
