"""maak_brief / maak_rapport / lees_document: real PDFs (parsed with pypdf), stored with
hash and audit record, scoped per organisation, with the R-ID-5 and R-CW-4 rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from django.template import Context, Template

from verzuim.audit.models import AuditRecord
from verzuim.brieven import queries, services
from verzuim.brieven.fouten import BriefNietToegestaan, BriefOngeldig, GeenToegang, NietGevonden
from verzuim.brieven.models import BriefSjabloon, Document

from .conftest import BSN, DAAN, LEERLING, OUDERS, SCHOOL, UITNODIGING, actor, pdf_tekst

pytestmark = pytest.mark.django_db


def test_dutch_letter_is_a_real_pdf_with_the_pupils_name_and_the_date(lpa):
    document = services.maak_brief(
        actor(lpa),
        "uitnodiging-gesprek",
        "nl",
        OUDERS,
        UITNODIGING,
        DAAN,
        koppeling="dossier:1",
    )
    inhoud = bytes(document.inhoud)
    assert inhoud.startswith(b"%PDF-")
    tekst = pdf_tekst(inhoud)
    assert "Daan de Vries" in tekst
    assert "1 oktober 2026" in tekst  # the letter's date (clock fixed on 01-10-2026)
    assert "8 oktober 2026" in tekst and "14.30 uur" in tekst
    assert "Pagina 1 van 1" in tekst and "14 020" in tekst
    assert "Retouradres: Gemeente Amsterdam, Leerplicht, Postbus 1, 1000 AA Amsterdam" in tekst
    assert document.kenmerk in tekst and document.kenmerk.startswith("GM0363-2026-")
    assert "Petra Bakker" in tekst  # no letterhead signature: the author signs
    assert document.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert document.grootte == len(inhoud)
    assert (document.organisatie.code, document.betreft, document.taal) == ("GM0363", BSN, "nl")
    assert document.titel == "Uitnodiging voor een gesprek over Daan de Vries"
    assert document.aangemaakt_door == lpa


def test_english_letter(lpa):
    document = services.maak_brief(
        actor(lpa), "uitnodiging-gesprek", "en", OUDERS, UITNODIGING, DAAN
    )
    tekst = pdf_tekst(document.inhoud)
    assert "Daan de Vries" in tekst
    assert "1 October 2026" in tekst and "8 October 2026" in tekst and "14:30" in tekst
    assert "Page 1 of 1" in tekst and "Our reference" in tekst


def test_creation_is_audited_with_the_person(lpa):
    document = services.maak_brief(
        actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN
    )
    record = AuditRecord.objects.get(actie="document.aanmaken")
    assert (record.persoon, record.object_id) == (BSN, str(document.uuid))
    assert record.details["sha256"] == document.sha256
    assert record.details["sjabloon"] == "standaard"


def test_the_organisations_own_template_is_used(lpa, gemeenten):
    BriefSjabloon.objects.create(
        organisatie=gemeenten[0],
        soort="uitnodiging-gesprek",
        ontvanger="ouders",
        taal="nl",
        onderwerp="Gesprek {{ leerling.naam }}",
        tekst="Kom op {{ gesprek.datum }}.\n\nGroet,",
        ondertekenaar_naam="Team Leerplicht",
    )
    document = services.maak_brief(
        actor(lpa),
        "uitnodiging-gesprek",
        "nl",
        OUDERS,
        {"leerling": {"naam": "Daan de Vries"}, "gesprek": {"datum": dt.date(2026, 10, 8)}},
        DAAN,
    )
    tekst = pdf_tekst(document.inhoud)
    assert "Kom op 8 oktober 2026." in tekst and "Team Leerplicht" in tekst
    assert document.titel == "Gesprek Daan de Vries"


@pytest.mark.parametrize(
    "aanval", ["{{ __class__ }}", "{% import os %}", "{{ leerling.naam.__class__ }}", "{{ x }}"]
)
def test_a_stored_template_that_slipped_past_beheer_is_refused(lpa, gemeenten, aanval):
    """The check on save is repeated at generation: a row written some other way (or older
    than a product update) never reaches the renderer unchecked."""
    BriefSjabloon.objects.create(
        organisatie=gemeenten[0],
        soort="uitnodiging-gesprek",
        ontvanger="ouders",
        taal="nl",
        onderwerp="Gesprek",
        tekst=f"Beste,\n\n{aanval}",
    )
    with pytest.raises(BriefOngeldig) as e:
        services.maak_brief(actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN)
    [fout] = e.value.fouten
    assert fout["name"] == "sjabloon" and "Tekst, regel 3" in fout["reason"]
    assert not Document.objects.exists()


def test_missing_unknown_and_mistyped_values_are_all_reported(lpa):
    with pytest.raises(BriefOngeldig) as e:
        services.maak_brief(
            actor(lpa),
            "uitnodiging-gesprek",
            "nl",
            OUDERS,
            {
                "leerling": {"naam": "Daan", "schoenmaat": "38"},
                "gesprek": {"datum": "8-10-2026"},
                "datum": dt.date(2026, 1, 1),
            },
            DAAN,
        )
    fouten = {f["name"]: f for f in e.value.fouten}
    assert fouten["gegevens.leerling.schoenmaat"]["code"] == "unknown"
    assert fouten["gegevens.datum"]["reason"] == "wordt door het systeem ingevuld"
    assert fouten["gegevens.gesprek.datum"]["reason"] == "moet een datum zijn"
    assert fouten["gegevens.gesprek.tijd"]["reason"] == (
        "ontbreekt: het sjabloon gebruikt {{ gesprek.tijd }}"
    )
    assert not Document.objects.exists()


def test_a_letterhead_without_the_phone_the_text_uses_is_refused(lpa, briefhoofd):
    briefhoofd.telefoon = ""
    briefhoofd.save()
    with pytest.raises(BriefOngeldig) as e:
        services.maak_brief(actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN)
    assert e.value.fouten == [
        {
            "name": "briefhoofd.telefoon",
            "code": "required",
            "reason": "het briefhoofd van uw organisatie mist dit, en het sjabloon gebruikt "
            "{{ organisatie.telefoon }}",
        }
    ]


def test_recipient_must_fit_the_kind_and_language_must_exist(lpa):
    with pytest.raises(BriefOngeldig) as e:
        services.maak_brief(actor(lpa), "absoluut-verzuim", "xx", SCHOOL, {}, DAAN)
    assert {f["name"] for f in e.value.fouten} == {"ontvanger.soort", "taal"}


def test_a_school_letter_cannot_carry_an_address(lpa):
    """R-ID-5: nothing in a school's letter can hold the pupil's address."""
    gegevens = {"leerling": {"naam": "Daan", "adres": "Geheimstraat 1"}}
    with pytest.raises(BriefOngeldig) as e:
        services.maak_brief(actor(lpa), "verzoek-verzuimoverzicht", "nl", SCHOOL, gegevens, DAAN)
    assert "gegevens.leerling.adres" in {f["name"] for f in e.value.fouten}


def test_secret_address_letter_is_never_sent_through_a_school(lpa):
    """R-ID-5 / R-PR-5."""
    geheim = dataclasses.replace(DAAN, geheim_adres=True)
    via_school = dataclasses.replace(OUDERS, via_school=True)
    with pytest.raises(BriefNietToegestaan) as e:
        services.maak_brief(
            actor(lpa), "uitnodiging-gesprek", "nl", via_school, UITNODIGING, geheim
        )
    assert e.value.redenen[0]["regel"] == "R-ID-5"
    assert "alleen via de gemeente" in str(e.value)
    assert not Document.objects.exists()
    # The same letter posted by the gemeente itself is fine, and a school may be asked for
    # the verzuimoverzicht (its letter holds no address).
    assert services.maak_brief(actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, geheim)
    # Without a secret address, handing the letter out through the school is allowed.
    assert services.maak_brief(
        actor(lpa), "uitnodiging-gesprek", "nl", via_school, UITNODIGING, DAAN
    )


@pytest.mark.parametrize(
    ("geboortedatum", "toegestaan"),
    [(dt.date(2014, 10, 2), False), (dt.date(2014, 10, 1), True), (None, False)],
)
def test_a_letter_to_the_pupil_only_from_12(lpa, geboortedatum, toegestaan):
    """R-CW-4 / R-LP-9: on 01-10-2026 a pupil born 02-10-2014 is 11, born 01-10-2014 is 12."""
    betreft = dataclasses.replace(DAAN, geboortedatum=geboortedatum)
    if toegestaan:
        assert services.maak_brief(
            actor(lpa), "uitnodiging-gesprek", "nl", LEERLING, UITNODIGING, betreft
        )
        return
    with pytest.raises(BriefNietToegestaan) as e:
        services.maak_brief(actor(lpa), "uitnodiging-gesprek", "nl", LEERLING, UITNODIGING, betreft)
    assert e.value.redenen[0]["regel"] == "R-CW-4"


def test_who_may_make_letters(lpa, medewerker, gemeenten):
    from verzuim.accounts.tests.factories import GebruikerFactory
    from verzuim.organisaties.models import Organisatie, OrganisatieSoort

    gegevens = {
        "leerling": {"naam": "Daan de Vries", "voornaam": "Daan"},
        "verzuim": {"omschrijving": "x"},
        "afspraken": {
            "tekst": "- a",
        },
        "vervolg": {"datum": dt.date(2026, 11, 5)},
        "reactie": {"uiterlijk": dt.date(2026, 10, 15)},
    }
    # A warning before enforcement is the LPA's decision, not the administratief medewerker's.
    with pytest.raises(GeenToegang):
        services.maak_brief(actor(medewerker), "waarschuwing", "nl", OUDERS, gegevens, DAAN)
    assert services.maak_brief(actor(lpa), "waarschuwing", "nl", OUDERS, gegevens, DAAN)
    assert services.maak_brief(
        actor(medewerker), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN
    )
    school = Organisatie.objects.create(code="99XX", soort=OrganisatieSoort.SCHOOL, naam="School")
    for gebruiker in (
        GebruikerFactory(organisatie=school, rollen=["schoolmedewerker"]),
        GebruikerFactory(organisatie=gemeenten[0], rollen=["beleidsmedewerker"]),
    ):
        with pytest.raises(GeenToegang):
            services.maak_brief(
                actor(gebruiker), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN
            )


def test_documents_are_scoped_to_the_organisation(lpa, andere_lpa):
    document = services.maak_brief(
        actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN, koppeling="dossier:7"
    )
    assert list(queries.documenten_voor(actor(lpa), betreft=BSN)) == [document]
    assert list(queries.documenten_voor(actor(lpa), koppeling="dossier:7")) == [document]
    assert not queries.documenten_voor(actor(lpa), koppeling="dossier:8").exists()
    assert not queries.documenten_voor(actor(andere_lpa), betreft=BSN).exists()
    with pytest.raises(NietGevonden):
        services.lees_document(actor(andere_lpa), document.uuid)
    with pytest.raises(NietGevonden):
        services.lees_document(actor(lpa), "geen-uuid")
    assert not AuditRecord.objects.filter(actie="document.downloaden").exists()


def test_listing_reads_no_pdf_bytes_and_constant_queries(lpa, django_assert_num_queries):
    for _ in range(3):
        services.maak_brief(actor(lpa), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, DAAN)
    with django_assert_num_queries(1) as captured:
        rijen = list(queries.documenten_voor(actor(lpa), betreft=BSN))
    assert len(rijen) == 3
    assert '"inhoud"' not in captured.captured_queries[0]["sql"]


def test_secret_address_document_opens_only_for_the_lpa(lpa, medewerker):
    """R-PR-5: listed for the organisation, opened only by the leerplichtambtenaar."""
    geheim = dataclasses.replace(DAAN, geheim_adres=True)
    document = services.maak_brief(
        actor(medewerker), "uitnodiging-gesprek", "nl", OUDERS, UITNODIGING, geheim
    )
    assert queries.documenten_voor(actor(medewerker), betreft=BSN).count() == 1
    with pytest.raises(GeenToegang):
        services.lees_document(actor(medewerker), document.uuid)
    assert bytes(services.lees_document(actor(lpa), document.uuid).inhoud).startswith(b"%PDF")


def test_report_for_inzage_uses_the_letterhead(lpa):
    inhoud = Template(
        '<h2>Persoonsgegevens</h2><table class="gegevens"><tr><th scope="row">Naam</th>'
        "<td>{{ naam }}</td></tr></table>"
    ).render(Context({"naam": "Daan <de> Vries"}))
    document = services.maak_rapport(
        actor(lpa),
        soort="inzage",
        titel="Inzage in uw gegevens",
        inhoud_html=inhoud,
        betreft=DAAN,
        koppeling="inzage:1",
    )
    tekst = pdf_tekst(document.inhoud)
    assert "Inzage in uw gegevens" in tekst and "Daan <de> Vries" in tekst
    assert "1 oktober 2026" in tekst and document.kenmerk in tekst
    with pytest.raises(TypeError):
        services.maak_rapport(
            actor(lpa), soort="inzage", titel="x", inhoud_html="<p>onveilig</p>", betreft=DAAN
        )


def test_an_injected_resource_url_is_never_fetched(lpa):
    """pdf.py fetches only data: URIs: an <img> to a file or a server stops the rendering."""
    from verzuim.brieven import pdf
    from verzuim.brieven.talen import taal

    with pytest.raises(BaseException, match="file:///etc/passwd"):
        pdf.naar_pdf('<html lang="nl"><title>x</title><img src="file:///etc/passwd">', taal("nl"))
