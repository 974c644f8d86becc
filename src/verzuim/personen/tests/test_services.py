"""The ROD services (issue 2 item 7): validation with every bad field named (R-ID-1),
scoping (R-PR-1: another organisation's vestiging/inschrijving/pupil is NietGevonden),
startkwalificatie derived (R-LP-4), vrijstellingen with the one-schooljaar limit of art. 5
(R-VR-1) and the withdrawal of overlapping meldingen (R-RT-7), the BSN↔onderwijsnummer
merge (R-ID-2), atomicity and audit."""

from __future__ import annotations

import datetime as dt

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.models import Melding
from verzuim.meldingen.tests.conftest import melding_data
from verzuim.personen import queries, services
from verzuim.personen.fouten import GeenToegang, NietGevonden, Ongeldig, RegisterConflict
from verzuim.personen.models import Diploma, Inschrijving, Leerling, Vrijstelling
from verzuim.personen.signals import vrijstelling_geregistreerd
from verzuim.personen.tests.register_wereld import (
    AMSTERDAM,
    ANDER,
    HAARLEM,
    NIEUW,
    ONDERWIJSNUMMER,
    TWEEDE,
    ZANDVOORT,
)

pytestmark = pytest.mark.django_db


def _tellingen() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (Leerling, Inschrijving, Diploma, Vrijstelling, AuditRecord)
    }


def _namen(exc) -> set[str]:
    return {f["name"] for f in exc.value.fouten}


def _audit(actie: str) -> AuditRecord:
    return AuditRecord.objects.filter(actie=actie).latest("id")


# --- a pupil new to the register (through inschrijven) ------------------------------------


def test_nieuwe_bsn_leerling_krijgt_geboortedatum_uit_brp_en_audit(wereld):
    r = services.inschrijven(
        wereld.school_a, {"burgerservicenummer": NIEUW}, "99XA00", "2026-10-01"
    )
    leerling = r.object.leerling
    assert leerling.geboortedatum == dt.date(2014, 2, 2)
    assert _audit("leerling.aanmaken").persoon == NIEUW
    r2 = services.inschrijven(
        wereld.school_a, {"burgerservicenummer": NIEUW}, "99XA00", "2026-10-01"
    )
    assert not r2.nieuw and r2.object.leerling == leerling


def test_leerling_fouten_noemen_het_veld(wereld):
    with pytest.raises(Ongeldig) as e:
        services.inschrijven(
            wereld.school_a, {"burgerservicenummer": "123456789"}, "99XA00", "2026-10-01"
        )
    assert _namen(e) == {"leerling.burgerservicenummer"}
    with pytest.raises(Ongeldig) as e:
        services.inschrijven(
            wereld.school_a,
            {"onderwijsnummer": "101222000", "geboortedatum": "2014-13-01"},
            "99XA00",
            "2026-10-01",
        )
    assert {"leerling.onderwijsnummer", "leerling.geboortedatum"} <= _namen(e)


def test_beleidsmedewerker_maakt_geen_leerling(wereld):
    with pytest.raises(GeenToegang):
        services.inschrijven(
            wereld.beleid_haarlem, {"burgerservicenummer": NIEUW}, "99XA00", "2026-10-01"
        )
    assert not Leerling.objects.filter(burgerservicenummer=NIEUW).exists()


# --- inschrijvingen -----------------------------------------------------------------------


def test_inschrijven_alle_fouten_tegelijk_en_niets_opgeslagen(wereld):
    voor = _tellingen()
    with pytest.raises(Ongeldig) as e:
        services.inschrijven(
            wereld.school_a,
            {"burgerservicenummer": "999990112"},  # 11-proef fails
            "99XA0",
            "2026-02-30",
            "gisteren",
            onderwijssoort="x" * 41,
        )
    assert _namen(e) == {
        "leerling.burgerservicenummer",
        "vestiging",
        "begindatum",
        "einddatum",
        "onderwijssoort",
    }
    with pytest.raises(Ongeldig) as e:
        services.inschrijven(
            wereld.school_a, {"onderwijsnummer": "101222000"}, "99XA00", "2026-10-01", "2026-09-30"
        )
    assert _namen(e) == {"leerling.onderwijsnummer", "einddatum"}
    with pytest.raises(Ongeldig) as e:
        services.inschrijven(
            wereld.school_a,
            {"burgerservicenummer": NIEUW, "onderwijsnummer": TWEEDE},
            None,
            None,
        )
    assert _namen(e) == {"leerling", "vestiging", "begindatum"}
    assert _tellingen() == voor


def test_inschrijven_nieuwe_leerling_met_audit(wereld):
    r = services.inschrijven(
        wereld.school_a,
        {"burgerservicenummer": NIEUW},
        "99XA00",
        dt.date(2026, 10, 1),
        onderwijssoort="vwo",
    )
    assert r.nieuw
    assert r.object.leerling.burgerservicenummer == NIEUW
    record = _audit("inschrijving.aanmaken")
    assert (record.persoon, record.object_id, record.organisatie) == (
        NIEUW,
        str(r.object.uuid),
        "99XA",
    )
    assert NIEUW in set(
        queries.zichtbare_leerlingen(wereld.school_a).values_list("burgerservicenummer", flat=True)
    )
    # Same natural key and data: the same inschrijving back; other data: conflict.
    opnieuw = services.inschrijven(
        wereld.school_a,
        {"burgerservicenummer": NIEUW},
        "99XA00",
        "2026-10-01",
        onderwijssoort="vwo",
    )
    assert (opnieuw.object.pk, opnieuw.nieuw) == (r.object.pk, False)
    with pytest.raises(RegisterConflict):
        services.inschrijven(
            wereld.school_a, {"burgerservicenummer": NIEUW}, "99XA00", "2026-10-01", "2026-12-31"
        )


def test_onderwijsnummer_leerling_met_adres_van_school(wereld):
    r = services.inschrijven(
        wereld.school_a,
        {
            "onderwijsnummer": "101222033",
            "geboortedatum": "2013-01-01",
            "adres": {"postcode": "2011 rd", "huisnummer": 5, "gemeente": "GM0392"},
        },
        "99XA00",
        "2026-09-01",
    )
    ll = r.object.leerling
    assert (ll.geboortedatum, ll.opgegeven_postcode, ll.opgegeven_gemeente.code) == (
        dt.date(2013, 1, 1),
        "2011RD",
        "GM0392",
    )
    assert ll in queries.zichtbare_leerlingen(wereld.haarlem)
    assert ll.opgegeven_huisnummer == "5"


def test_huisnummer_tot_de_grens_van_de_brp_en_een_onbekende_gemeente(wereld):
    """The longest house number the BRP can hold (5 digits, huisletter, 4-character
    toevoeging) fits the column; a well-formed but unknown gemeente is named with the rest."""
    adres = {"postcode": "2011RD", "huisnummer": "99999 A-1234"}
    ref = {"onderwijsnummer": "101222033", "adres": adres}
    ll = services.inschrijven(wereld.school_a, ref, "99XA00", "2026-09-01").object.leerling
    ll.refresh_from_db()
    assert ll.opgegeven_huisnummer == "99999 A-1234"
    with pytest.raises(Ongeldig) as e:
        services.inschrijven(
            wereld.school_a,
            {"onderwijsnummer": "101222045", "adres": {**adres, "gemeente": "GM9999"}},
            "99XA00",
            "2026-19-01",
        )
    assert {f["name"] for f in e.value.fouten} == {"leerling.adres.gemeente", "begindatum"}


def test_school_a_schrijft_niet_in_op_vestiging_van_school_b(wereld):
    voor = _tellingen()
    with pytest.raises(NietGevonden):
        services.inschrijven(
            wereld.school_a, {"burgerservicenummer": NIEUW}, "99XB00", "2026-10-01"
        )
    with pytest.raises(NietGevonden):  # unknown vestiging looks the same
        services.inschrijven(
            wereld.school_a, {"burgerservicenummer": NIEUW}, "99ZZ00", "2026-10-01"
        )
    assert _tellingen() == voor


def test_token_zonder_scope_mag_niet_inschrijven(wereld):
    with pytest.raises(GeenToegang):
        services.inschrijven(
            wereld.melder_a, {"burgerservicenummer": NIEUW}, "99XA00", "2026-10-01"
        )
    with pytest.raises(GeenToegang):  # a gemeente does not enrol
        services.inschrijven(wereld.haarlem, {"burgerservicenummer": NIEUW}, "99XA00", "2026-10-01")


def test_uitschrijven_eigen_inschrijving_en_niet_die_van_een_ander(wereld):
    inschrijving = Inschrijving.objects.get(leerling__burgerservicenummer=HAARLEM)
    with pytest.raises(NietGevonden):
        services.wijzig_inschrijving(wereld.school_b, inschrijving.uuid, "2026-10-31")
    with pytest.raises(NietGevonden):
        services.wijzig_inschrijving(wereld.school_a, "geen-uuid", "2026-10-31")
    with pytest.raises(Ongeldig) as e:
        services.wijzig_inschrijving(wereld.school_a, inschrijving.uuid, "2024-08-18")
    assert _namen(e) == {"einddatum"}
    inschrijving.refresh_from_db()
    assert inschrijving.einddatum is None
    services.wijzig_inschrijving(wereld.school_a, inschrijving.uuid, "2026-10-31")
    inschrijving.refresh_from_db()
    assert inschrijving.einddatum == dt.date(2026, 10, 31)
    record = _audit("inschrijving.wijzigen")
    assert (record.persoon, record.details["einddatum"], record.details["was"]) == (
        HAARLEM,
        "2026-10-31",
        None,
    )


def test_uitgeschreven_leerling_niet_meer_zichtbaar_voor_school(wereld):
    inschrijving = Inschrijving.objects.get(leerling__burgerservicenummer=HAARLEM)
    services.wijzig_inschrijving(wereld.school_a, inschrijving.uuid, "2026-09-30")
    with pytest.raises(NietGevonden):
        queries.leerling_voor(wereld.school_a, {"burgerservicenummer": HAARLEM})
    assert queries.leerling_voor(wereld.haarlem, {"burgerservicenummer": HAARLEM})


# --- diploma's (R-LP-4) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("soort", "startkwalificatie"),
    [
        ("havo", True),
        ("vwo", True),
        ("mbo-2", True),
        ("mbo-1", False),
        ("vmbo", False),
        ("praktijkonderwijs", False),
    ],
)
def test_diploma_startkwalificatie_afgeleid(wereld, soort, startkwalificatie):
    r = services.registreer_diploma(
        wereld.school_a, {"burgerservicenummer": HAARLEM}, soort, "2026-07-01"
    )
    assert r.nieuw and r.object.startkwalificatie is startkwalificatie
    assert r.object.instelling.code == "99XA"
    record = _audit("diploma.aanmaken")
    assert record.persoon == HAARLEM and record.details["startkwalificatie"] is startkwalificatie


def test_diploma_fouten_en_scope(wereld):
    voor = _tellingen()
    with pytest.raises(Ongeldig) as e:
        services.registreer_diploma(
            wereld.school_a, {"burgerservicenummer": "1"}, "mavo", "2026-10-02"
        )
    assert _namen(e) == {"leerling.burgerservicenummer", "soort", "datum"}
    with pytest.raises(NietGevonden):  # pupil of school B
        services.registreer_diploma(
            wereld.school_a, {"burgerservicenummer": AMSTERDAM}, "havo", "2026-07-01"
        )
    with pytest.raises(NietGevonden):  # not enrolled at school A on the diploma date
        services.registreer_diploma(
            wereld.school_a, {"burgerservicenummer": HAARLEM}, "havo", "2024-07-01"
        )
    assert _tellingen() == voor


# --- vrijstellingen (R-VR-1, R-RT-7) ------------------------------------------------------


@pytest.mark.parametrize(
    ("begin", "einde"),
    [("2026-08-01", "2027-07-31"), ("2027-07-31", "2027-07-31"), ("2026-10-01", "2027-07-31")],
)
def test_art5_binnen_een_schooljaar(wereld, begin, einde):
    r = services.registreer_vrijstelling(
        wereld.haarlem, {"burgerservicenummer": NIEUW}, "5a", begin, einde
    )
    assert r.nieuw and r.object.gemeente.code == "GM0392"
    record = _audit("vrijstelling.registreren")
    assert (record.persoon, record.details["artikel"], record.organisatie) == (
        NIEUW,
        "5a",
        "GM0392",
    )


@pytest.mark.parametrize(
    ("artikel", "begin", "einde", "code"),
    [
        ("5a", "2026-08-01", "2027-08-01", "langer_dan_schooljaar"),
        ("5b", "2026-07-31", "2026-08-01", "langer_dan_schooljaar"),
        ("5c", "2026-09-01", None, "required"),
        ("5a", "2026-09-01", "2026-08-31", "voor_begindatum"),
    ],
)
def test_art5_hoogstens_een_schooljaar(wereld, artikel, begin, einde, code):
    voor = _tellingen()
    with pytest.raises(Ongeldig) as e:
        services.registreer_vrijstelling(
            wereld.haarlem, {"burgerservicenummer": NIEUW}, artikel, begin, einde
        )
    assert [(f["name"], f["code"]) for f in e.value.fouten] == [("einddatum", code)]
    assert _tellingen() == voor


def test_vrijstelling_voor_nieuwe_leerling_leest_de_brp_een_keer(wereld, monkeypatch):
    """Woongemeente (scope) and birth date of a pupil new to the register come from one BRP
    read (counted on the real local adapter)."""
    from verzuim.personen.brp.lokaal import LokaleBrp

    echt, gelezen = LokaleBrp.raadpleeg, []

    def raadpleeg(self, bsns, doel, **kw):
        gelezen.append((tuple(bsns), doel))
        return echt(self, bsns, doel, **kw)

    monkeypatch.setattr(LokaleBrp, "raadpleeg", raadpleeg)
    r = services.registreer_vrijstelling(
        wereld.haarlem, {"burgerservicenummer": NIEUW}, "5a", "2026-08-01", "2027-07-31"
    )
    assert r.nieuw and r.object.leerling.geboortedatum is not None
    assert gelezen == [((NIEUW,), "leerplicht")]


def test_andere_artikelen_mogen_langer_of_open(wereld):
    r = services.registreer_vrijstelling(
        wereld.haarlem, {"burgerservicenummer": NIEUW}, "5a-trekkend", "2026-08-01", "2028-07-31"
    )
    assert r.nieuw
    r = services.registreer_vrijstelling(
        wereld.haarlem, {"burgerservicenummer": NIEUW}, "3a", "2026-08-01", None
    )
    assert r.object.einddatum is None


def test_vrijstelling_alle_fouten_tegelijk(wereld):
    with pytest.raises(Ongeldig) as e:
        services.registreer_vrijstelling(
            wereld.haarlem, {"onderwijsnummer": "101222009"}, "6", "2026-02-29", None, "GM9999"
        )
    assert _namen(e) == {"leerling.onderwijsnummer", "artikel", "begindatum", "gemeente"}


def test_gemeente_registreert_niet_voor_leerling_van_andere_gemeente(wereld):
    voor = _tellingen()
    with pytest.raises(NietGevonden):
        services.registreer_vrijstelling(
            wereld.amsterdam, {"burgerservicenummer": HAARLEM}, "5a", "2026-10-01", "2027-07-31"
        )
    with pytest.raises(NietGevonden):  # onderwijsnummer pupil without address in Amsterdam
        services.registreer_vrijstelling(
            wereld.amsterdam, {"onderwijsnummer": ONDERWIJSNUMMER}, "5a", "2026-10-01", "2027-07-31"
        )
    with pytest.raises(Ongeldig) as e:  # not one of Haarlem's gemeenten
        services.registreer_vrijstelling(
            wereld.haarlem,
            {"burgerservicenummer": HAARLEM},
            "5a",
            "2026-10-01",
            "2027-07-31",
            gemeente="GM0363",
        )
    assert _namen(e) == {"gemeente"}
    with pytest.raises(GeenToegang):
        services.registreer_vrijstelling(
            wereld.school_a, {"burgerservicenummer": HAARLEM}, "5a", "2026-10-01", "2027-07-31"
        )
    assert _tellingen() == voor


def test_leerplichtdienst_voor_zijn_werkgebied(wereld):
    r = services.registreer_vrijstelling(
        wereld.dienst, {"burgerservicenummer": ZANDVOORT}, "5b", "2026-10-01", "2027-07-31"
    )
    assert r.object.gemeente.code == "GM0473"
    with pytest.raises(NietGevonden):
        services.registreer_vrijstelling(
            wereld.dienst, {"burgerservicenummer": HAARLEM}, "5b", "2026-10-01", "2027-07-31"
        )


def test_r_rt_7_overlappende_melding_ingetrokken_met_reden_v(wereld):
    overlapt = meldingen.meld_verzuim(wereld.melder_a, melding_data()).melding
    ervoor = meldingen.meld_verzuim(
        wereld.melder_a,
        melding_data(begindatum="2026-08-24", einddatum="2026-09-04", verzuimdagen=[]),
    ).melding
    assert Melding.objects.get(pk=overlapt.pk).status == "geregistreerd"
    r = services.registreer_vrijstelling(
        wereld.haarlem, {"burgerservicenummer": HAARLEM}, "5a", "2026-09-21", "2027-07-31"
    )
    assert [m.pk for m in r.ingetrokken] == [overlapt.pk]
    overlapt.refresh_from_db()
    ervoor.refresh_from_db()
    assert overlapt.status == "ingetrokken" and ervoor.status == "geregistreerd"
    laatste = overlapt.statussen.order_by("tijdstip", "id").last()
    assert laatste.reden == "V" and "R-RT-7" in laatste.toelichting
    assert "5a" not in laatste.toelichting  # R-PR-5: the ground is not in the history
    assert meldingen.reden_api(laatste.reden) == "vrijstelling"
    assert AuditRecord.objects.filter(
        actie="melding.status", object_id=str(overlapt.uuid), details__reden="V"
    ).exists()


def test_vrijstelling_rolt_terug_als_intrekken_mislukt(wereld):
    melding = meldingen.meld_verzuim(wereld.melder_a, melding_data()).melding
    voor = _tellingen()

    def kapot(sender, **kwargs):
        raise RuntimeError("ontvanger faalt")

    vrijstelling_geregistreerd.connect(kapot, dispatch_uid="test.kapot")
    try:
        with pytest.raises(RuntimeError):
            services.registreer_vrijstelling(
                wereld.haarlem, {"burgerservicenummer": HAARLEM}, "5a", "2026-09-01", "2027-07-31"
            )
    finally:
        vrijstelling_geregistreerd.disconnect(dispatch_uid="test.kapot")
    assert _tellingen() == voor
    melding.refresh_from_db()
    assert melding.status == "geregistreerd"


# --- R-ID-2 -------------------------------------------------------------------------------


def test_koppel_bsn_zonder_bestaande_bsn_leerling(wereld):
    van = Leerling.objects.get(onderwijsnummer=TWEEDE)
    leerling = services.koppel_bsn(wereld.school_a, TWEEDE, NIEUW)
    assert leerling.pk == van.pk and leerling.burgerservicenummer == NIEUW
    assert leerling.geboortedatum == dt.date(2014, 2, 2)  # the BRP's now
    record = _audit("leerling.koppelen")
    assert (record.persoon, record.details["onderwijsnummer"]) == (NIEUW, TWEEDE)


def test_koppel_bsn_voegt_samen_en_alles_verhuist(wereld):
    van = Leerling.objects.get(onderwijsnummer=ONDERWIJSNUMMER)
    naar = Leerling.objects.get(burgerservicenummer=ANDER)
    melding = meldingen.meld_verzuim(
        wereld.melder_a,
        melding_data(
            leerling={
                "onderwijsnummer": ONDERWIJSNUMMER,
                "adres": {"postcode": "1011AB", "huisnummer": 1, "gemeente": "GM0363"},
            }
        ),
    ).melding
    Vrijstelling.objects.create(
        leerling=van,
        artikel="15",
        begindatum=dt.date(2026, 8, 1),
        gemeente=naar.inschrijvingen.first().vestiging.gemeente,
    )
    Diploma.objects.create(leerling=van, soort="vmbo", datum=dt.date(2026, 7, 1))
    voor = _tellingen()

    leerling = services.koppel_bsn(wereld.school_a, ONDERWIJSNUMMER, ANDER)

    assert leerling.pk == naar.pk
    assert (leerling.burgerservicenummer, leerling.onderwijsnummer) == (ANDER, ONDERWIJSNUMMER)
    assert not Leerling.objects.filter(pk=van.pk).exists()
    assert sorted(leerling.inschrijvingen.values_list("vestiging__code", flat=True)) == [
        "99XA00",
        "99XB00",
    ]
    assert leerling.diplomas.count() == 1 and leerling.vrijstellingen.count() == 1
    melding.refresh_from_db()
    assert melding.leerling_id == naar.pk
    na = _tellingen()
    assert na["Leerling"] == voor["Leerling"] - 1
    assert na["Inschrijving"] == voor["Inschrijving"] and na["Diploma"] == voor["Diploma"]
    record = _audit("leerling.koppelen")
    assert record.details["samengevoegd"] == {
        "inschrijvingen": 1,
        "diplomas": 1,
        "vrijstellingen": 1,
    }
    # Every way to find the pupil now leads to the one row (R-ID-2).
    assert queries.leerling_voor(wereld.school_a, {"onderwijsnummer": ONDERWIJSNUMMER}) == naar
    assert queries.leerling_voor(wereld.school_a, {"burgerservicenummer": ANDER}) == naar


def test_koppel_bsn_fouten_scope_en_conflict(wereld):
    with pytest.raises(Ongeldig) as e:
        services.koppel_bsn(wereld.school_a, "101222000", "123")
    assert _namen(e) == {"onderwijsnummer", "burgerservicenummer"}
    with pytest.raises(NietGevonden):  # school B does not have this pupil
        services.koppel_bsn(wereld.school_b, ONDERWIJSNUMMER, NIEUW)
    services.koppel_bsn(wereld.school_a, TWEEDE, NIEUW)
    voor = _tellingen()
    with pytest.raises(RegisterConflict):  # the BSN is linked to TWEEDE already
        services.koppel_bsn(wereld.school_a, ONDERWIJSNUMMER, NIEUW)
    assert _tellingen() == voor


# --- queries (R-PR-1) ---------------------------------------------------------------------


def _bsns(actor) -> set:
    return set(queries.zichtbare_leerlingen(actor).values_list("burgerservicenummer", flat=True))


def test_zichtbare_leerlingen_per_organisatie(wereld):
    school_a = _bsns(wereld.school_a)
    assert HAARLEM in school_a and AMSTERDAM not in school_a and None in school_a
    assert _bsns(wereld.school_b) == {AMSTERDAM, ANDER}
    haarlem = _bsns(wereld.haarlem)
    assert HAARLEM in haarlem and AMSTERDAM not in haarlem and ZANDVOORT not in haarlem
    assert ZANDVOORT in _bsns(wereld.dienst) and HAARLEM not in _bsns(wereld.dienst)
    assert _bsns(wereld.beleid_haarlem) == set()
    assert HAARLEM in _bsns(wereld.lpa_haarlem)
    with pytest.raises(NietGevonden):
        queries.leerling_voor(wereld.amsterdam, {"burgerservicenummer": HAARLEM})


def test_gemeente_ziet_leerling_met_naar_haar_doorgestuurde_melding(wereld):
    melding = meldingen.meld_verzuim(wereld.melder_a, melding_data()).melding
    assert HAARLEM not in _bsns(wereld.amsterdam)
    meldingen.stuur_door(
        wereld.behandelaar_haarlem, melding.uuid, "GM0363", "Woont feitelijk bij vader."
    )
    assert HAARLEM in _bsns(wereld.amsterdam)
    assert queries.leerling_voor(wereld.amsterdam, melding.leerling.uuid) == melding.leerling
