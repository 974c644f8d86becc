"""A hand-built world for the telling tests: rows made directly, with dates chosen so every
expected number can be worked out by hand (see the test that uses it).

Today is 1 October 2026: schooljaar 2025-2026 is over (1 Aug 2025 – 31 Jul 2026), 2026-2027
runs. Gemeenten: Haarlem (GM0392) and Zandvoort (GM0473) in RMC-regio 25 — Zandvoort's
leerplicht handled by the dienst RBL-ZK — and Amsterdam (GM0363) in regio 21.
"""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from verzuim.accounts.models import Gebruiker
from verzuim.meldingen.models import Doorzending, Melding, StatusWijziging
from verzuim.organisaties.models import Gemeente, Organisatie, OrganisatieSoort, Vestiging
from verzuim.organisaties.testing import zorg_voor_gemeenten
from verzuim.personen.models import BrpPersoon, Diploma, Inschrijving, Leerling, Vrijstelling

VANDAAG = dt.date(2026, 10, 1)
NL = ZoneInfo("Europe/Amsterdam")
GEMEENTEN = {
    "GM0392": ("Haarlem", "25"),
    "GM0473": ("Zandvoort", "25"),
    "GM0363": ("Amsterdam", "21"),
}
_bsn = itertools.count(1)


def bsn() -> str:
    """Valid BSNs (11-proef) in the 99xxxxxxx test range, unique per call."""
    while True:
        stam = f"99{next(_bsn):06d}"
        som = sum(int(c) * w for c, w in zip(stam, range(9, 1, -1), strict=True))
        if som % 11 < 10:
            return stam + str(som % 11)


def moment(d: dt.date, uur: int = 10) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(uur), tzinfo=NL)


def maak_organisaties() -> SimpleNamespace:
    zorg_voor_gemeenten(GEMEENTEN)
    g = {code: Gemeente.objects.get(code=code) for code in GEMEENTEN}
    org = {code: Organisatie.objects.get(code=code) for code in GEMEENTEN}
    dienst, _ = Organisatie.objects.get_or_create(
        code="RBL-ZK", defaults={"soort": OrganisatieSoort.LEERPLICHTDIENST, "naam": "RBL ZK"}
    )
    dienst.werkgebied.add(g["GM0473"])
    register, _ = Organisatie.objects.get_or_create(
        code="REGISTER", defaults={"soort": OrganisatieSoort.REGISTER, "naam": "Register"}
    )
    school = Organisatie.objects.create(
        code="99XA", soort=OrganisatieSoort.SCHOOL, naam="Fictief Lyceum", sector="vo"
    )
    school_po = Organisatie.objects.create(
        code="99XP", soort=OrganisatieSoort.SCHOOL, naam="Fictieve Basisschool", sector="po"
    )
    vestiging = Vestiging.objects.create(
        code="99XA00", instelling=school, naam="Fictief Lyceum", gemeente=g["GM0392"]
    )
    vestiging_po = Vestiging.objects.create(
        code="99XP00", instelling=school_po, naam="Fictieve Basisschool", gemeente=g["GM0363"]
    )
    return SimpleNamespace(
        g=g, org=org, dienst=dienst, register=register, school=school, school_po=school_po,
        vestiging=vestiging, vestiging_po=vestiging_po,
    )  # fmt: skip


def persoon(
    gemeente: str = "0392",
    geboren: dt.date = dt.date(2012, 5, 2),
    *,
    verhuizingen=None,
    overleden=None,
    **extra,
) -> BrpPersoon:
    return BrpPersoon.objects.create(
        burgerservicenummer=bsn(),
        geslachtsnaam=f"Persoon{next(_bsn)}",
        voornamen="Test",
        geboortedatum=geboren,
        gemeente_van_inschrijving=gemeente,
        verhuizingen=verhuizingen or [],
        overlijdensdatum=overleden,
        **extra,
    )


def leerling(w, gemeente="0392", geboren=dt.date(2012, 5, 2), *, vestiging=None, soort="havo",
             begin=dt.date(2024, 8, 19), **extra) -> Leerling:  # fmt: skip
    p = persoon(gemeente, geboren, **extra)
    ll = Leerling.objects.create(burgerservicenummer=p.burgerservicenummer, geboortedatum=geboren)
    Inschrijving.objects.create(
        leerling=ll, vestiging=vestiging or w.vestiging, begindatum=begin, onderwijssoort=soort
    )
    return ll


def melding(
    w,
    ll: Leerling,
    soort: str,
    begin: dt.date,
    *,
    gemeente: str = "GM0392",
    ontvanger: Organisatie | None = None,
    ontvangen: dt.date | None = None,
    status: str = "geregistreerd",
    gesloten: dt.date | None = None,
    reden: str = "",
    vestiging: Vestiging | None = None,
    te_laat: bool = False,
) -> Melding:
    vestiging = vestiging or w.vestiging
    ontvangen_op = moment(ontvangen or begin + dt.timedelta(days=20))
    eind = moment(gesloten) if gesloten else ontvangen_op
    m = Melding.objects.create(
        leerling=ll,
        vestiging=vestiging,
        instelling=vestiging.instelling,
        verzuimsoort=soort,
        begindatum=begin,
        einddatum=begin + dt.timedelta(days=14),
        ontvangen=ontvangen_op,
        ontvanger=ontvanger or w.org[gemeente],
        verantwoordelijke_gemeente=w.g[gemeente],
        status=status,
        status_gewijzigd=eind,
        te_laat=te_laat,
    )
    StatusWijziging.objects.create(
        melding=m, status="geregistreerd", tijdstip=ontvangen_op, door_label="school"
    )
    if status != "geregistreerd":
        StatusWijziging.objects.create(
            melding=m, status=status, reden=reden, tijdstip=eind, door_label="lpa",
            door_organisatie=m.ontvanger,
        )  # fmt: skip
    return m


def doorsturen(w, m: Melding, naar: str, op: dt.date) -> None:
    Doorzending.objects.create(
        melding=m, van=m.ontvanger, naar=w.org[naar], naar_gemeente=w.g[naar],
        tijdstip=moment(op), door_label="lpa",
    )  # fmt: skip
    Melding.objects.filter(pk=m.pk).update(
        ontvanger=w.org[naar], verantwoordelijke_gemeente=w.g[naar]
    )


def vrijstelling(ll, artikel, begin, eind, gemeente) -> Vrijstelling:
    return Vrijstelling.objects.create(
        leerling=ll, artikel=artikel, begindatum=begin, einddatum=eind, gemeente=gemeente
    )


def diploma(ll, soort, datum) -> Diploma:
    return Diploma.objects.create(leerling=ll, soort=soort, datum=datum)


def gebruiker(naam: str, org: Organisatie, *rollen: str) -> Gebruiker:
    return Gebruiker.objects.create(username=naam, organisatie=org, rollen=list(rollen))
