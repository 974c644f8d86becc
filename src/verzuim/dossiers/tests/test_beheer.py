"""Beheer of the casework settings (issue 9 §4 and §5): the functioneel beheerder sets its
own organisation's follow-up period (R-CW-4) — checked, audited, another organisation's row
a 404 — and the registerbeheerder keeps the gemeenten's SVB agreements (R-CW-8) through the
service: without one the kinderbijslag route is refused with its reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from verzuim.accounts.testing import inloggen
from verzuim.accounts.tests.factories import GebruikerFactory
from verzuim.audit.models import AuditRecord
from verzuim.dossiers import handhaving as hh
from verzuim.dossiers import services
from verzuim.dossiers.models import Activiteit, DossierInstelling, SvbAfspraak
from verzuim.meldingen.tests.conftest import BIJNA18
from verzuim.organisaties.models import Gemeente, Organisatie
from verzuim.personen.models import Leerling

INSTELLING_NIEUW = reverse("admin:dossiers_dossierinstelling_add")
SVB_NIEUW = reverse("admin:dossiers_svbafspraak_add")


def _client(code: str, rol: str) -> tuple[Client, object]:
    g = GebruikerFactory(organisatie=Organisatie.objects.get(code=code), rollen=[rol])
    c = Client()
    inloggen(c, g)
    return c, g


@pytest.mark.parametrize("weken", ["0", "27", "-1", "vier"])
def test_vervolgtermijn_buiten_het_bereik_wordt_geweigerd(wereld, weken):
    c, _ = _client("GM0392", "functioneel-beheerder")
    r = c.post(INSTELLING_NIEUW, {"vervolg_weken": weken})
    assert r.status_code == 200
    fouten = r.context["adminform"].form.errors
    assert "vervolg_weken" in fouten
    if weken in ("0", "27"):
        assert "kies 1 tot en met 26 weken" in str(fouten["vervolg_weken"])
    assert not DossierInstelling.objects.exists()


def test_vervolgtermijn_van_de_eigen_organisatie_geldt_na_afspraken(wereld, dossier):
    c, _ = _client("GM0392", "functioneel-beheerder")
    r = c.post(INSTELLING_NIEUW, {"vervolg_weken": "6"})
    assert r.status_code == 302
    instelling = DossierInstelling.objects.get()
    assert (instelling.organisatie.code, instelling.vervolg_weken) == ("GM0392", 6)
    assert AuditRecord.objects.filter(actie="dossierinstelling.aanmaken").exists()
    # One row per organisation: no second one.
    assert c.get(INSTELLING_NIEUW).status_code == 403
    # The next agreements propose a follow-up 6 weeks later (R-CW-4).
    services.voeg_activiteit_toe(
        wereld.lpa_haarlem, dossier, "afspraken", datum=dt.date(2026, 10, 1),
        tekst="Elke dag om 8.20 uur op school.", met_wie=["ouders"],
    )  # fmt: skip
    dossier.refresh_from_db()
    assert dossier.volgende_actie == dt.date(2026, 11, 12)
    # Another organisation's functioneel beheerder: not its row.
    ander, _ = _client("GM0363", "functioneel-beheerder")
    wijzig = reverse("admin:dossiers_dossierinstelling_change", args=[instelling.pk])
    assert ander.get(wijzig).status_code == 404
    assert ander.post(wijzig, {"vervolg_weken": "2"}).status_code == 404
    assert c.get(wijzig).status_code == 200
    assert (
        "GM0392"
        not in ander.get(reverse("admin:dossiers_dossierinstelling_changelist")).content.decode()
    )


def test_svb_afspraak_door_de_registerbeheerder_via_de_service(wereld):
    haarlem = Gemeente.objects.get(code="GM0392")
    fb, _ = _client("GM0392", "functioneel-beheerder")
    assert fb.get(SVB_NIEUW).status_code == 403
    c, _ = _client("REGISTER", "registerbeheerder")
    r = c.post(SVB_NIEUW, {"gemeente": haarlem.pk, "sinds": "01-01-2026"})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert SvbAfspraak.objects.get().sinds == dt.date(2026, 1, 1)
    assert AuditRecord.objects.filter(actie="svb-afspraak.wijzigen").count() == 1
    afspraak = SvbAfspraak.objects.get()
    leerling = Leerling.objects.get(burgerservicenummer=BIJNA18)
    d = services.open_dossier(wereld.lpa_haarlem, leerling.uuid, "telefonisch", "Moeder belde.")
    zeventien = {"datum": dt.date(2026, 9, 19), "ouders_verwijtbaar": True}
    with transaction.atomic():  # with the agreement the stop is allowed (then undone)
        assert hh.svb_stop(wereld.lpa_haarlem, d, **zeventien).soort == "kinderbijslag"
        transaction.set_rollback(True)
    # Ended in beheer: the route is refused and says why (R-CW-8).
    r = c.post(reverse("admin:dossiers_svbafspraak_delete", args=[afspraak.pk]), {"post": "yes"})
    assert r.status_code == 302
    assert not SvbAfspraak.objects.exists()
    assert AuditRecord.objects.filter(actie="svb-afspraak.wijzigen").count() == 2
    with pytest.raises(hh.Geweigerd) as e:
        hh.svb_stop(wereld.lpa_haarlem, d, **zeventien)
    assert {v.code for v in e.value.beslissing.voorwaarden if not v.voldaan} == {"svb-afspraak"}
    assert not Activiteit.objects.filter(soort="kinderbijslag-stop").exists()
