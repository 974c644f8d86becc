"""verzuim.rules — the law in one place: pure Python, no Django.

Every public rule returns a frozen decision value with ``reasons`` (rule id of
domain.md + Dutch explanation). See docs/casussen.md for worked examples.
"""

from ._datum import Schooljaar, leeftijd, schooljaar_van, verjaardag
from .bewaartermijnen import (
    BewaarBeslissing,
    BewaarPolicy,
    bewaartermijn_kwalificatieplicht,
    bewaartermijn_leerplicht,
    bewaartermijn_rmc,
    bewaartermijn_wpg,
)
from .correspondentie import brief_toegestaan
from .decisions import Decision, Reason, ToetsBeslissing
from .halt import halt_toelaatbaar
from .handhaving import PvBeslissing, proces_verbaal_mogelijk
from .kalender import (
    Afwijkingen,
    SchoolKalender,
    Vakantie,
    Venster,
    VrijePeriode,
    laad_vakanties,
    regio_van_gemeente,
)
from .keuzehulp import (
    BOMEN,
    Boom,
    Drempel,
    KeuzehulpAntwoorden,
    KeuzehulpPolicy,
    KeuzehulpUitkomst,
    VolgendeStap,
    Vraag,
    keuzehulp,
    volgende_stap,
    vragen,
)
from .leerplicht import (
    AbsoluutVerzuimBeslissing,
    Diploma,
    DoelgroepBeslissing,
    Inschrijving,
    LeerplichtPolicy,
    LeerplichtStatus,
    PersoonFeiten,
    Vrijstelling,
    absoluut_verzuim,
    doelgroep,
    einde_kwalificatieplicht,
    heeft_startkwalificatie,
    leerplicht_status,
)
from .statussen import (
    AFSLUITREDENEN,
    INTREKKINGSREDENEN,
    OVERGANGEN,
    STATUSSEN,
    OvergangBeslissing,
    mag_overgaan,
    toegestane_overgangen,
)
from .svb import kinderbijslag_stop_toegestaan
from .verlof import VerlofBeslissing, gewichtige_omstandigheden, vakantieverlof_toegestaan

__all__ = [
    "AbsoluutVerzuimBeslissing",
    "absoluut_verzuim",
    "AFSLUITREDENEN",
    "Afwijkingen",
    "BOMEN",
    "BewaarBeslissing",
    "BewaarPolicy",
    "Boom",
    "Decision",
    "Diploma",
    "DoelgroepBeslissing",
    "Drempel",
    "INTREKKINGSREDENEN",
    "Inschrijving",
    "KeuzehulpAntwoorden",
    "KeuzehulpPolicy",
    "KeuzehulpUitkomst",
    "LeerplichtPolicy",
    "LeerplichtStatus",
    "OVERGANGEN",
    "OvergangBeslissing",
    "PersoonFeiten",
    "PvBeslissing",
    "Reason",
    "STATUSSEN",
    "SchoolKalender",
    "Schooljaar",
    "ToetsBeslissing",
    "Vakantie",
    "Venster",
    "VerlofBeslissing",
    "VolgendeStap",
    "Vraag",
    "VrijePeriode",
    "Vrijstelling",
    "bewaartermijn_kwalificatieplicht",
    "brief_toegestaan",
    "bewaartermijn_leerplicht",
    "bewaartermijn_rmc",
    "bewaartermijn_wpg",
    "doelgroep",
    "einde_kwalificatieplicht",
    "gewichtige_omstandigheden",
    "halt_toelaatbaar",
    "heeft_startkwalificatie",
    "keuzehulp",
    "kinderbijslag_stop_toegestaan",
    "laad_vakanties",
    "leeftijd",
    "leerplicht_status",
    "mag_overgaan",
    "proces_verbaal_mogelijk",
    "regio_van_gemeente",
    "schooljaar_van",
    "toegestane_overgangen",
    "vakantieverlof_toegestaan",
    "verjaardag",
    "volgende_stap",
    "vragen",
]
