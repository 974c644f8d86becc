"""The register of processing activities (verwerkingsactiviteiten, AVG art. 30; R-PR-1).

Every audit record names its purpose (`doel`): the code of one activity declared here.
Apps declare their own activities in a module ``<app>/verwerkingen.py`` that calls
``registreer``; the audit app imports those modules when Django starts
(``AuditConfig.ready``: ``autodiscover_modules("verwerkingen")``), so this low layer never
imports a higher app and a new app declares its purposes where it uses them.

``audit.services.log`` refuses a purpose that is not declared (doelbinding: no processing of
a person's data without a declared purpose and legal ground) and copies the activity's legal
ground and versioned id into the record, so the log is self-contained when the register
changes later (Logboek Dataverwerkingen: a significant change of an activity gets a new id).
docs/privacy.md is generated from this register (``verzuim privacyregister``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Legal grounds used by more than one activity (AVG art. 6(1)(c)/(e) and the sector law).
LEERPLICHTWET = "AVG art. 6 lid 1 sub c en e; Leerplichtwet 1969 (art. 16a, 18, 21, 25)"
RMC = "AVG art. 6 lid 1 sub e; WVO/WEB (RMC-functie, art. 8.3a WEB)"
AVG_VERANTWOORDING = "AVG art. 5 lid 2 en art. 24 (verantwoordingsplicht); AVG art. 32"

URN = "urn:nl:verzuimregister:verwerkingsactiviteit"


@dataclass(frozen=True)
class Verwerkingsactiviteit:
    """One processing activity: what is done with whose data, why, on which legal ground,
    who receives it and how long it is kept. ``code`` is the `doel` recorded in the audit
    log; ``bewaartermijn`` names a retention category of ``privacy.register`` (leerplicht,
    kwalificatieplicht, rmc, wpg, auditlog, ...) or is a text of its own."""

    code: str
    naam: str
    doel: str  # the purpose (doelbinding), Dutch
    grondslag: str
    betrokkenen: tuple[str, ...]
    gegevens: tuple[str, ...]
    rollen: tuple[str, ...]  # who sees the data (Rol codes or "systeem")
    bewaartermijn: str
    ontvangers: tuple[str, ...] = ()
    regels: tuple[str, ...] = ()  # domain.md rule ids
    versie: int = 1
    app: str = ""  # the declaring app, filled by registreer

    @property
    def id(self) -> str:
        """The versioned URI of the Logboek's ``dpl.core.processing_activity_id``."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.code.lower()).strip("-")
        return f"{URN}:{slug}:v{self.versie}"


class OnbekendDoel(ValueError):
    """A processing with a purpose that is not declared in the register."""


_REGISTER: dict[str, Verwerkingsactiviteit] = {}


def registreer(app: str, *activiteiten: Verwerkingsactiviteit) -> None:
    """Declare activities of `app` (its label). Declaring a code twice with different
    content is an error (two apps claiming one purpose)."""
    from dataclasses import replace

    for a in activiteiten:
        a = replace(a, app=app)
        bestaand = _REGISTER.get(a.code)
        if bestaand is not None and bestaand != a:
            raise ValueError(f"Verwerkingsactiviteit {a.code!r} is al anders geregistreerd.")
        _REGISTER[a.code] = a


def activiteit(code: str) -> Verwerkingsactiviteit:
    try:
        return _REGISTER[code]
    except KeyError:
        raise OnbekendDoel(
            f"Doel {code!r} is geen geregistreerde verwerkingsactiviteit: declareer het in "
            "<app>/verwerkingen.py (verzuim.audit.verwerkingen.registreer)."
        ) from None


def register() -> list[Verwerkingsactiviteit]:
    """Every declared activity, by app and name."""
    return sorted(_REGISTER.values(), key=lambda a: (a.app, a.naam))


registreer(
    "audit",
    Verwerkingsactiviteit(
        code="privacytoezicht",
        naam="Toezicht op de verwerking (auditlog, inzage)",
        doel="Verantwoorden wie welke persoonsgegevens wanneer en waarom verwerkte; "
        "verzoeken van betrokkenen beantwoorden.",
        grondslag=AVG_VERANTWOORDING,
        betrokkenen=("leerlingen", "ouders/verzorgers", "medewerkers"),
        gegevens=("BSN of onderwijsnummer", "verwerkingsregels (wie, wanneer, doel, herkomst)"),
        rollen=("privacy-officer",),
        bewaartermijn="auditlog",
        regels=("R-PR-1", "R-PR-3"),
    ),
    Verwerkingsactiviteit(
        code="registerbeheer",
        naam="Beheer van referentiegegevens",
        doel="Scholen, gemeenten, routering en gebruikers bijhouden.",
        grondslag="AVG art. 6 lid 1 sub e; Leerplichtwet 1969 art. 18 (register)",
        betrokkenen=("medewerkers",),
        gegevens=("naam en rol van gebruikers", "gegevens van organisaties"),
        rollen=("registerbeheerder", "functioneel-beheerder"),
        bewaartermijn="auditlog",
        regels=("R-PR-1",),
    ),
)
