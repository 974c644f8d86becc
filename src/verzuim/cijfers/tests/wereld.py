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


D = dt.date


def bouw() -> SimpleNamespace:
    """The scenario of the telling tests; every expected number is worked out in them."""
    w = maak_organisaties()
    ll = SimpleNamespace()
    # --- relatief verzuim ---
    # P1: two 16-uur meldingen in Haarlem → 2 meldingen, 1 leerling (unique across two).
    ll.p1 = leerling(w)
    melding(w, ll.p1, "16-uur", D(2025, 10, 6))
    melding(w, ll.p1, "16-uur", D(2026, 2, 2), status="afgesloten", gesloten=D(2026, 3, 1))
    # P2: 16-uur and luxe in Haarlem → 2 meldingen, 1 leerling, 1 luxe leerling.
    ll.p2 = leerling(w, soort="vmbo")
    melding(w, ll.p2, "16-uur", D(2025, 11, 3))
    melding(w, ll.p2, "luxe", D(2026, 5, 18))
    # P3: only `overig` → not counted anywhere (R-FG-1a).
    ll.p3 = leerling(w)
    melding(w, ll.p3, "overig", D(2025, 12, 1))
    # P4: a withdrawn 16-uur melding → not counted.
    ll.p4 = leerling(w)
    melding(w, ll.p4, "16-uur", D(2026, 1, 12), status="ingetrokken", gesloten=D(2026, 1, 20))
    # P5 moved from Amsterdam to Haarlem mid-year: a melding in each gemeente. Meldingen count
    # where handled (Amsterdam 1, Haarlem 1); the pupil once, at the last: Haarlem. Her last
    # onderwijssoort is po (enrolled at the Amsterdam primary school only).
    ll.p5 = leerling(
        w, "0392", D(2014, 3, 3), vestiging=w.vestiging_po, soort="po",
        verhuizingen=[{"datum": "2014-03-03", "gemeente": "0363"},
                      {"datum": "2026-01-15", "gemeente": "0392"}],
    )  # fmt: skip
    melding(
        w, ll.p5, "16-uur", D(2025, 10, 13), gemeente="GM0363", vestiging=w.vestiging_po,
        status="afgesloten", gesloten=D(2025, 11, 30),
    )  # fmt: skip
    melding(w, ll.p5, "16-uur", D(2026, 3, 9), vestiging=w.vestiging_po)
    # P6: begindatum in the previous schooljaar (received in August) → 2024-2025, not here.
    ll.p6 = leerling(w)
    melding(w, ll.p6, "16-uur", D(2025, 7, 7), ontvangen=D(2025, 8, 20))
    # P7: a forwarded melding, Haarlem → Amsterdam: counts in Amsterdam (the last handler).
    ll.p7 = leerling(w, "0363")
    m7 = melding(w, ll.p7, "luxe", D(2026, 4, 20))
    doorsturen(w, m7, "GM0363", D(2026, 5, 1))

    # --- langdurig relatief verzuim (Haarlem unless said) ---
    # L1 began 1 May 2025, still open: running at the start, > 3 months (open on 1 Aug).
    ll.l1 = leerling(w)
    melding(w, ll.l1, "langdurig", D(2025, 5, 1), status="in-behandeling")
    # L2 3 Nov – 15 Dec 2025: new, 6 weeks.
    ll.l2 = leerling(w)
    melding(w, ll.l2, "langdurig", D(2025, 11, 3), status="afgesloten", gesloten=D(2025, 12, 15))
    # L3 5 Jan – 30 Jun 2026 with a vervolgmelding (one case): new, resolved after > 3 months.
    ll.l3 = leerling(w)
    melding(w, ll.l3, "langdurig", D(2026, 1, 5), status="afgesloten", gesloten=D(2026, 3, 1))
    melding(w, ll.l3, "langdurig", D(2026, 3, 2), status="afgesloten", gesloten=D(2026, 6, 30))
    # L4 in Zandvoort (dienst): 2 Feb – 20 Mar 2026, closed because the pupil moved away.
    ll.l4 = leerling(w, "0473")
    melding(
        w, ll.l4, "langdurig", D(2026, 2, 2), gemeente="GM0473", ontvanger=w.dienst,
        status="afgesloten", gesloten=D(2026, 3, 20), reden="verhuisd",
    )  # fmt: skip
    # L5 1 Mar – 1 Jun 2025: over before the schooljaar → not counted.
    ll.l5 = leerling(w)
    melding(w, ll.l5, "langdurig", D(2025, 3, 1), status="afgesloten", gesloten=D(2025, 6, 1))
    # L6 in Amsterdam: began 2 Mar 2026, the pupil died 10 Apr 2026 (BRP): new, overleden.
    ll.l6 = leerling(w, "0363", overleden=D(2026, 4, 10))
    melding(w, ll.l6, "langdurig", D(2026, 3, 2), gemeente="GM0363")

    # --- vrijstellingen ---
    ll.v1 = leerling(w)
    vrijstelling(ll.v1, "5a", D(2025, 8, 1), D(2026, 7, 31), w.g["GM0392"])
    vrijstelling(ll.v1, "5a", D(2026, 8, 1), D(2027, 7, 31), w.g["GM0392"])  # next year
    ll.v2 = leerling(w)
    vrijstelling(ll.v2, "3a", D(2025, 9, 1), None, w.g["GM0392"])
    ll.v3 = leerling(w)
    vrijstelling(ll.v3, "5b", D(2024, 8, 1), D(2025, 7, 31), w.g["GM0392"])  # last year

    # --- leerplichtigen on the peildatum 1 Oct 2025 (besides the pupils above) ---
    persoon("0392", D(2020, 9, 30))  # leerplicht began 1 Oct 2025: counted
    persoon("0392", D(2020, 10, 1))  # begins 1 Nov 2025: not yet
    persoon("0392", D(2007, 10, 1))  # 18 on the peildatum: no longer
    persoon("0392", D(2007, 10, 2))  # 17: counted
    persoon("0392", D(2012, 1, 1), overleden=D(2025, 9, 1))  # died before: not
    # Moved Amsterdam → Haarlem on 15 Jan 2026: on the peildatum still in Amsterdam.
    persoon("0392", D(2013, 1, 1), verhuizingen=[{"datum": "2013-01-01", "gemeente": "0363"},
                                                    {"datum": "2026-01-15", "gemeente": "0392"}])  # fmt: skip
    sk = leerling(w, geboren=D(2008, 3, 1))
    diploma(sk, "havo", D(2025, 7, 10))  # startkwalificatie before the peildatum: not
    return SimpleNamespace(w=w, ll=ll)
