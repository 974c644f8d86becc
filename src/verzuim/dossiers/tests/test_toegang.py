"""Issue 9 item 9 and R-PR-1/R-PR-5: only the handling organisation's leerplicht-
ambtenaren (BOA's) and administratief medewerkers see a dossier; the administratief
medewerker sees no special categories; a beleidsmedewerker and a school never; another
organisation gets NietGevonden (404). Every read and change is audited (a list: one record
naming the pupils)."""

from __future__ import annotations

import pytest

from verzuim.audit.models import AuditRecord
from verzuim.dossiers import queries, services, werkaantekeningen
from verzuim.dossiers.fouten import GeenToegang, NietGevonden
from verzuim.dossiers.models import Dossier

from .conftest import AMSTERDAM, HAARLEM, meld


@pytest.fixture
def dossier(wereld):
    meld(wereld)
    return Dossier.objects.get()


@pytest.mark.parametrize(
    "wie", ["lpa_haarlem", "lpa2_haarlem", "admin_haarlem", "teamleider_haarlem"]
)
def test_behandelende_organisatie_ziet_het_dossier(wereld, dossier, wie):
    actor = getattr(wereld, wie)
    assert services.lees_dossier(actor, dossier.uuid) == dossier
    r = AuditRecord.objects.get(actie="dossier.inzien")
    assert (r.persoon, r.object_id, r.actor_label) == (HAARLEM, str(dossier.uuid), actor.label)


@pytest.mark.parametrize("wie", ["beleid_haarlem", "school_a", "school_a_api", "haarlem_api"])
def test_geen_toegang_voor_andere_rollen(wereld, dossier, wie):
    """A beleidsmedewerker never; a school never; an API application without a dossiers
    scope neither."""
    actor = getattr(wereld, wie)
    with pytest.raises(GeenToegang):
        services.lees_dossier(actor, dossier.uuid)
    with pytest.raises(GeenToegang):
        services.voeg_activiteit_toe(actor, dossier.uuid, "overig", tekst="x")
    assert not queries.dossiers_voor(actor).exists()
    assert not AuditRecord.objects.filter(actie="dossier.inzien").exists()


@pytest.mark.parametrize("wie", ["lpa_amsterdam", "lpa_dienst"])
def test_andere_organisatie_krijgt_niet_gevonden(wereld, dossier, wie):
    actor = getattr(wereld, wie)
    schrijven = [
        lambda: services.lees_dossier(actor, dossier.uuid),
        lambda: services.voeg_activiteit_toe(actor, dossier.uuid, "overig", tekst="x"),
        lambda: services.wijzig_fase(
            actor, dossier.uuid, "analyseren", bevindingen="x", besluit="y"
        ),
        lambda: services.sluit(actor, dossier.uuid, "verhuisd"),
        lambda: services.heropen(actor, dossier.uuid, "x"),
        lambda: werkaantekeningen.schrijf_werkaantekening(actor, dossier.uuid, "x"),
        lambda: services.zet_vervolgdatum(actor, dossier.uuid, None),
    ]
    for poging in schrijven:
        with pytest.raises(NietGevonden):
            poging()
    dossier.refresh_from_db()
    assert dossier.status == "open" and dossier.activiteiten.count() == 1


def test_api_met_scope(wereld, dossier):
    from dataclasses import replace

    lezen = replace(wereld.haarlem_api, scopes=frozenset({"dossiers.lezen"}))
    assert services.lees_dossier(lezen, dossier.uuid) == dossier
    with pytest.raises(GeenToegang):
        services.voeg_activiteit_toe(lezen, dossier.uuid, "overig", tekst="x")
    schrijven = replace(wereld.haarlem_api, scopes=frozenset({"dossiers.schrijven"}))
    a = services.voeg_activiteit_toe(schrijven, dossier.uuid, "overig", tekst="x", bron="api")
    assert a.auteur is None and a.auteur_label == "api:haarlem"
    amsterdam = replace(wereld.amsterdam_api, scopes=frozenset({"dossiers.lezen"}))
    with pytest.raises(NietGevonden):
        services.lees_dossier(amsterdam, dossier.uuid)


def test_bijzondere_categorieen_alleen_voor_de_lpa(wereld, dossier):
    """R-PR-5: a zorgmelding (health) is shown to the LPA, not to the administratief
    medewerker, who cannot record one either."""
    services.voeg_activiteit_toe(wereld.lpa_haarlem, dossier, "zorgmelding", tekst="Depressie")
    services.voeg_activiteit_toe(
        wereld.lpa_haarlem,
        dossier,
        "gesprek",
        tekst="Over de GGZ",
        met_wie=["ouders"],
        bijzonder=True,
    )
    lpa = {a.soort_id for a in queries.activiteiten_van(wereld.lpa_haarlem, dossier)}
    admin = {a.soort_id for a in queries.activiteiten_van(wereld.admin_haarlem, dossier)}
    assert lpa == {"melding-ontvangen", "zorgmelding", "gesprek"}
    assert admin == {"melding-ontvangen"}
    assert "zorgmelding" not in {s.code for s in queries.activiteitsoorten(wereld.admin_haarlem)}
    assert "zorgmelding" in {s.code for s in queries.activiteitsoorten(wereld.lpa_haarlem)}
    with pytest.raises(GeenToegang):
        services.voeg_activiteit_toe(wereld.admin_haarlem, dossier, "veilig-thuis", tekst="x")
    with pytest.raises(GeenToegang):
        services.voeg_activiteit_toe(
            wereld.admin_haarlem, dossier, "overig", tekst="x", bijzonder=True
        )


def test_lijst_is_een_auditrecord_met_de_leerlingen(wereld, dossier):
    meld(wereld, AMSTERDAM)  # Amsterdam's: not in Haarlem's list
    meld(wereld, "999990044")
    gezien = services.lees_dossiers(
        wereld.lpa_haarlem, queries.open_dossiers_voor(wereld.lpa_haarlem)
    )
    assert {d.leerling.burgerservicenummer for d in gezien} == {HAARLEM, "999990044"}
    (r,) = AuditRecord.objects.filter(actie="dossier.lijst")
    assert sorted(r.personen.values_list("persoon", flat=True)) == sorted([HAARLEM, "999990044"])


def test_elke_wijziging_wordt_gelogd(wereld, dossier):
    import datetime as dt

    lpa = wereld.lpa_haarlem
    services.voeg_activiteit_toe(lpa, dossier, "overig", tekst="x")
    services.zet_vervolgdatum(lpa, dossier, dt.date(2026, 10, 20))
    services.wijzig_fase(lpa, dossier, "analyseren", bevindingen="x", besluit="y")
    services.wijs_toe(lpa, dossier, wereld.users["lpa.haarlem"])
    services.sluit(lpa, dossier, "verhuisd")
    services.heropen(lpa, dossier, "x")
    acties = list(
        AuditRecord.objects.filter(object_id=str(dossier.uuid))
        .order_by("id")
        .values_list("actie", flat=True)
    )
    assert acties == [
        "dossier.aanmaken",
        "dossier.activiteit",
        "dossier.vervolgdatum",
        "dossier.fase",
        "dossier.toewijzen",
        "dossier.afsluiten",
        "dossier.heropenen",
    ]
    assert set(
        AuditRecord.objects.filter(object_id=str(dossier.uuid)).values_list("persoon", flat=True)
    ) == {HAARLEM}
