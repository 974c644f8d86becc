"""R-CW-1: a dossier per pupil per handling organisation, opened by the first routed
melding (the meldingen seam), by hand with a reason, or from a register signal; one open
dossier per pupil and organisation, enforced by the database; forwarding moves the melding
(R-RT-5)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from verzuim import clock
from verzuim.dossiers import koppelingen, services
from verzuim.dossiers.fouten import Ongeldig, OpenDossierBestaat
from verzuim.dossiers.models import Dossier, DossierMelding
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.models import Melding
from verzuim.organisaties.models import Gemeente
from verzuim.personen.models import Leerling
from verzuim.signalen import dossierkoppeling
from verzuim.signalen.models import Signaal

from .conftest import AMSTERDAM, HAARLEM, ZANDVOORT, meld


def _soorten(dossier):
    return list(
        dossier.activiteiten.order_by("geregistreerd", "id").values_list("soort", flat=True)
    )


def test_eerste_melding_opent_het_dossier_bij_de_ontvanger(wereld):
    melding = meld(wereld)
    d = Dossier.objects.get()
    assert (d.leerling, d.organisatie, d.status, d.fase) == (
        melding.leerling,
        melding.ontvanger,
        "open",
        "waarnemen",
    )
    assert d.aanleiding == "melding" and d.gemeente.code == "GM0392"
    assert list(DossierMelding.objects.values_list("melding", flat=True)) == [melding.pk]
    assert _soorten(d) == ["melding-ontvangen"]
    assert d.activiteiten.get().bron_referentie == str(melding.uuid)


def test_latere_meldingen_en_vervolgmeldingen_sluiten_aan(wereld):
    eerste = meld(wereld)
    vervolg = meld(wereld, begindatum="2026-09-28", einddatum="2026-09-30")
    luxe = meld(wereld, verzuimsoort="luxe", begindatum="2026-09-14", einddatum="2026-09-15")
    assert vervolg.vervolg_op == eerste  # R-ME-6: the meldingen app saw it as a follow-up
    d = Dossier.objects.get()
    assert set(d.koppelingen.values_list("melding", flat=True)) == {eerste.pk, vervolg.pk, luxe.pk}
    assert _soorten(d) == ["melding-ontvangen"] * 3


def test_een_dossier_per_organisatie(wereld):
    meld(wereld)
    meld(wereld, ZANDVOORT)  # routed to the dienst RBL-ZK (R-RT-2)
    meld(wereld, AMSTERDAM)
    assert sorted(Dossier.objects.values_list("organisatie__code", flat=True)) == [
        "GM0363",
        "GM0392",
        "RBL-ZK",
    ]


def test_duplicaat_en_ingetrokken_melding_openen_niets(wereld):
    meld(wereld)
    meld(wereld)  # exact duplicate (R-ME-6): the same melding back
    assert DossierMelding.objects.count() == 1
    meld(wereld, "999990068")  # vrijgesteld: withdrawn at intake (R-RT-7)
    assert Dossier.objects.count() == 1


def test_gesloten_dossier_en_nieuwe_melding_opent_een_nieuw(wereld):
    meld(wereld)
    oud = Dossier.objects.get()
    services.sluit(wereld.lpa_haarlem, oud, "verzuim-gestopt")
    meld(wereld, begindatum="2026-09-28", einddatum="2026-09-30")
    nieuw = Dossier.objects.get(status="open")
    assert nieuw != oud and nieuw.koppelingen.count() == 1


def test_database_staat_maar_een_open_dossier_toe(wereld):
    meld(wereld)
    d = Dossier.objects.get()
    kopie = dict(
        leerling=d.leerling,
        organisatie=d.organisatie,
        aanleiding="overig",
        geopend=clock.now(),
        geopend_door="test",
        gewijzigd=clock.now(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.create(**kopie)
    # a closed one next to the open one is fine, and an open one at another organisation
    Dossier.objects.create(
        **kopie, status="gesloten", gesloten=clock.now(), afsluitreden="verhuisd"
    )
    Dossier.objects.create(**{**kopie, "organisatie": wereld.users["lpa.amsterdam"].organisatie})
    # a closed dossier without reason is refused by the database as well
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.create(**kopie, status="gesloten", gesloten=clock.now())


def test_doorsturen_verplaatst_de_melding_naar_het_dossier_van_de_ontvanger(wereld):
    melding = meld(wereld)
    haarlem = Dossier.objects.get()
    meldingen.stuur_door(wereld.lpa_haarlem, melding.uuid, "GM0363", "Woont bij vader in Amsterdam")
    amsterdam = Dossier.objects.get(organisatie__code="GM0363")
    assert amsterdam.leerling == melding.leerling and amsterdam.gemeente.code == "GM0363"
    links = {k.organisatie.code: k for k in DossierMelding.objects.filter(melding=melding)}
    assert links["GM0392"].dossier == haarlem and links["GM0392"].doorgestuurd is not None
    assert links["GM0363"].dossier == amsterdam and links["GM0363"].doorgestuurd is None
    assert _soorten(haarlem) == ["melding-ontvangen", "melding-doorgestuurd"]
    assert "Amsterdam" in haarlem.activiteiten.get(soort="melding-doorgestuurd").tekst
    # and back again: Haarlem's old link becomes current, no second link
    meldingen.stuur_door(wereld.lpa_amsterdam, melding.uuid, "GM0392", "Toch in Haarlem woonachtig")
    links = {k.organisatie.code: k for k in DossierMelding.objects.filter(melding=melding)}
    assert links["GM0392"].doorgestuurd is None and links["GM0363"].doorgestuurd is not None


def test_handmatig_openen_met_reden(wereld):
    leerling = Leerling.objects.get(burgerservicenummer=HAARLEM)
    with pytest.raises(Ongeldig) as e:
        services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "melding", "")
    assert {f["name"] for f in e.value.fouten} == {"aanleiding", "toelichting"}
    d = services.open_dossier(
        wereld.lpa_haarlem, leerling.uuid, "telefonisch", "Moeder belde: kind al weken thuis"
    )
    assert (d.aanleiding, d.organisatie.code, d.geopend_door) == (
        "telefonisch",
        "GM0392",
        "lpa.haarlem",
    )
    assert "Moeder belde" in d.activiteiten.get(soort="dossier-geopend").tekst
    with pytest.raises(OpenDossierBestaat) as e:
        services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "verlofaanvraag", "Verlof")
    assert e.value.bestaand == d.uuid and e.value.status == 409
    # the melding that arrives later joins the dossier opened by hand
    meld(wereld)
    assert Dossier.objects.get().koppelingen.count() == 1


def test_handmatig_openen_voor_onzichtbare_leerling_is_niet_gevonden(wereld):
    from verzuim.dossiers.fouten import NietGevonden

    amsterdammer = Leerling.objects.get(burgerservicenummer=AMSTERDAM)
    with pytest.raises(NietGevonden):
        services.open_dossier(wereld.lpa_haarlem, amsterdammer.uuid, "telefonisch", "x")


def _signaal(leerling, soort="absoluut-verzuim", org=None):
    nu = clock.now()
    return Signaal.objects.create(
        soort=soort,
        leerling=leerling,
        gemeente=Gemeente.objects.get(code="GM0392"),
        ontvanger=org,
        sinds=dt.date(2026, 9, 14),
        redenen=[{"regel": "R-SG-1", "uitleg": "Niet ingeschreven"}],
        aangemaakt=nu,
        gewijzigd=nu,
    )


def test_dossier_uit_signaal_absoluut_verzuim(wereld):
    leerling = Leerling.objects.get(burgerservicenummer=HAARLEM)
    signaal = _signaal(leerling, org=wereld.haarlem)
    assert dossierkoppeling.dossiers_van([signaal.pk]) == {}
    d, nieuw = koppelingen.open_dossier_voor_signaal(wereld.lpa_haarlem, signaal.uuid)
    assert nieuw and d.aanleiding == "signaal" and d.route == "absoluut-verzuim"  # R-CW-9
    assert dossierkoppeling.dossiers_van([signaal.pk]) == {signaal.pk: d.uuid}
    assert koppelingen.open_dossier_voor_signaal(wereld.lpa_haarlem, signaal.uuid) == (d, False)
    # an LRV signal of the same pupil joins the open dossier
    lrv = _signaal(leerling, soort="potentieel-lrv", org=wereld.haarlem)
    d2, nieuw = koppelingen.open_dossier_voor_signaal(wereld.lpa_haarlem, lrv.uuid)
    assert d2 == d and not nieuw
    assert _soorten(d) == ["signaal-opgenomen", "signaal-opgenomen"]


def test_signaal_van_een_andere_organisatie_is_niet_gevonden(wereld):
    from verzuim.dossiers.fouten import NietGevonden

    signaal = _signaal(Leerling.objects.get(burgerservicenummer=HAARLEM), org=wereld.haarlem)
    with pytest.raises(NietGevonden):
        koppelingen.open_dossier_voor_signaal(wereld.lpa_amsterdam, signaal.uuid)
    assert not Dossier.objects.exists()


def test_vernietigde_melding_neemt_haar_koppeling_mee(wereld):
    """R-PR-4: the retention purge deletes meldingen and signals; their links to a dossier
    go with them, the dossier stays (its pupil's record decides)."""
    melding = meld(wereld)
    Melding.objects.filter(pk=melding.pk).delete()
    assert Dossier.objects.count() == 1 and not DossierMelding.objects.exists()


def test_handmatig_bij_een_dienst_krijgt_de_woongemeente(wereld):
    """A leerplichtdienst opens by hand: the dossier belongs to the pupil's woongemeente in
    the BRP that the dienst serves (Zandvoort), so the SVB agreement (R-CW-8) and the
    telling (R-FG-1) know it; a gemeente's own dossier stays its own."""
    leerling = Leerling.objects.get(burgerservicenummer=ZANDVOORT)
    d = services.open_dossier(wereld.lpa_dienst, leerling.uuid, "telefonisch", "Vader belde.")
    assert (d.organisatie.code, d.gemeente.code) == ("RBL-ZK", "GM0473")
    haarlemmer = Leerling.objects.get(burgerservicenummer=HAARLEM)
    d = services.open_dossier(wereld.lpa_haarlem, haarlemmer.uuid, "telefonisch", "Moeder.")
    assert d.gemeente.code == "GM0392"
