"""The enforcement routes on a dossier (R-CW-5..8): Halt referral, proces-verbaal and
kinderbijslag stop, each decided by the rules library before anything is written.

    toets(actor, dossier, soort, **invoer) -> ToetsBeslissing     (what the page shows first)
    start(actor, dossier, soort, datum=, **invoer) -> Handhaving  (refused: Geweigerd)
    start_halt / start_pv / svb_stop                               (the same, by name)
    leg_uitkomst_vast(actor, handhaving, uitkomst, datum, toelichting) -> Handhaving
    halt_uitkomst / pv_uitkomst / svb_hervatting                   (the same, by name)

What the register knows is not asked: the birth date (BRP), whether the pupil was referred
to Halt before (any organisation's dossier), whether the user is a BOA, whether the
gemeente has an SVB agreement (`SvbAfspraak`). Each step writes a timeline entry (source
`route`), an audit record on the dossier and, for the handover itself, a processing record
with its own purpose and legal ground (Halt, OM, SVB; issue 12 §3).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from verzuim import clock
from verzuim.audit import services as audit
from verzuim.audit.context import Actor, Rol
from verzuim.dossiers import queries
from verzuim.dossiers.basis import (
    alleen_lpa,
    auteur_van,
    controleer,
    label_van,
    lees_tekst,
    log_dossier,
    open_voor_wijziging,
    systeemactiviteit,
)
from verzuim.dossiers.fouten import Conflict, GeenToegang, NietGevonden, Ongeldig
from verzuim.dossiers.models import (
    BIJZONDERE_HANDHAVING,
    UITKOMSTEN,
    Bron,
    Dossier,
    Handhaving,
    HandhavingSoort,
    SvbAfspraak,
    Uitkomst,
)
from verzuim.invoer import Fouten, als_uuid
from verzuim.personen.leerplicht import geboortedatum_van
from verzuim.rules import (
    ToetsBeslissing,
    halt_toelaatbaar,
    kinderbijslag_stop_toegestaan,
    proces_verbaal_mogelijk,
)
from verzuim.rules.halt import HALT_MIN_UREN
from verzuim.rules.kalender import SchoolKalender
from verzuim.rules.verlof import vakantieverlof_toegestaan

#: The purposes of the handovers (declared in dossiers/verwerkingen.py).
DOEL_HALT = "verwijzing Halt (R-CW-6)"
DOEL_OM = "proces-verbaal naar het OM (R-CW-7)"
DOEL_SVB = "melding kinderbijslag aan de SVB (R-CW-8)"

SOORT = {
    HandhavingSoort.HALT: ("halt-verwijzing", "halt-uitkomst", DOEL_HALT, "Halt"),
    HandhavingSoort.PROCES_VERBAAL: ("proces-verbaal", "pv-uitkomst", DOEL_OM, "OM"),
    HandhavingSoort.KINDERBIJSLAG: ("kinderbijslag-stop", "kinderbijslag-hervat", DOEL_SVB, "SVB"),
}

#: The yes/no inputs each route asks the LPA (the rest the register knows).
VRAGEN = {
    HandhavingSoort.HALT: (
        "toestemming_leerling",
        "toestemming_ouders",
        "eigen_toedoen",
        "ernstige_onbehandelde_problematiek",
    ),
    HandhavingSoort.PROCES_VERBAAL: (
        "absoluut_verzuim",
        "verzuim_bewezen",
        "ouders_verwijtbaar",
        "leerling_verwijtbaar",
    ),
    HandhavingSoort.KINDERBIJSLAG: ("ouders_verwijtbaar",),
}
GETALLEN = {HandhavingSoort.HALT: ("verzuimde_uren", "te_laat_keren")}
TEGEN_LABELS = {"ouders": "de ouders", "leerling": "de leerling"}


class Geweigerd(Conflict):
    """The rule refuses the route; `beslissing` holds its reasons (Dutch, with rule ids)."""

    code = "route-niet-toegestaan"

    def __init__(self, beslissing: ToetsBeslissing):
        super().__init__(
            "Deze stap is niet toegestaan: "
            + " ".join(r.uitleg_nl for r in beslissing.reasons if r.uitleg_nl)
        )
        self.beslissing = beslissing

    @property
    def extra(self) -> dict:
        return {"redenen": redenen(self.beslissing)}


def redenen(beslissing: ToetsBeslissing) -> list[dict]:
    return [{"regel": r.rule_id, "tekst": r.uitleg_nl} for r in beslissing.reasons]


def _soort(soort: str) -> HandhavingSoort:
    try:
        return HandhavingSoort(soort)
    except ValueError:
        fouten = Fouten()
        fouten.add("soort", "invalid", "Onbekende route.")
        raise Ongeldig(fouten) from None


def mag_starten(actor: Actor, soort: HandhavingSoort) -> bool:
    """Halt and proces-verbaal are criminal data (R-PR-5): only whom may see them (the
    handling LPA of a gemeente or leerplichtdienst) takes them; the rule then asks a BOA."""
    return soort not in BIJZONDERE_HANDHAVING or queries.ziet_bijzondere_categorieen(actor)


def _mag_starten(actor: Actor, soort: HandhavingSoort) -> None:
    alleen_lpa(actor, "een route starten")
    if not mag_starten(actor, soort):
        raise GeenToegang(
            "Alleen de behandelende leerplichtambtenaar van een gemeente of leerplichtdienst "
            "legt strafrechtelijke gegevens vast (R-PR-5)."
        )


def _invoer(soort: HandhavingSoort, invoer: dict) -> dict:
    """The route's own inputs, checked: every question answered, numbers not negative."""
    fouten = Fouten()
    uit: dict = {}
    for naam in VRAGEN[soort]:
        waarde = invoer.get(naam)
        if not isinstance(waarde, bool):
            fouten.add(naam, "required", "Beantwoord deze vraag met ja of nee.")
        uit[naam] = waarde
    for naam in GETALLEN.get(soort, ()):
        waarde = invoer.get(naam)
        if waarde is None or isinstance(waarde, bool):
            fouten.add(naam, "required", "Verplicht veld.")
        else:
            try:
                getal = float(waarde) if naam == "verzuimde_uren" else int(waarde)
            except (TypeError, ValueError):
                fouten.add(naam, "invalid", "Vul een getal in.")
                continue
            if getal < 0:
                fouten.add(naam, "min_value", "Niet minder dan 0.")
            uit[naam] = getal
    controleer(fouten)
    return uit


def eerder_naar_halt(dossier: Dossier) -> bool:
    """R-CW-6: a pupil goes to Halt for schoolverzuim once (in any dossier, anywhere)."""
    return Handhaving.objects.filter(
        dossier__leerling_id=dossier.leerling_id, soort=HandhavingSoort.HALT
    ).exists()


def heeft_svb_afspraak(dossier: Dossier, peildatum: dt.date) -> bool:
    """R-CW-8: the dossier's gemeente (or the handling gemeente's own) has an agreement."""
    gemeente_id = dossier.gemeente_id or dossier.organisatie.gemeente_id
    return (
        gemeente_id is not None
        and SvbAfspraak.objects.filter(gemeente_id=gemeente_id, sinds__lte=peildatum).exists()
    )


def _beslis(
    actor: Actor,
    dossier: Dossier,
    soort: HandhavingSoort,
    invoer: dict,
    datum: dt.date,
    geboortedatum: dt.date | None = None,
) -> ToetsBeslissing:
    geboortedatum = geboortedatum or geboortedatum_van(dossier.leerling)
    if geboortedatum is None:
        fouten = Fouten()
        fouten.add("geboortedatum", "required", "De geboortedatum van de leerling is onbekend.")
        raise Ongeldig(fouten)
    if soort == HandhavingSoort.HALT:
        return halt_toelaatbaar(
            geboortedatum=geboortedatum,
            peildatum=datum,
            eerder_halt_schoolverzuim=eerder_naar_halt(dossier),
            verwijzer_is_boa=actor.boa,
            **invoer,
        )
    if soort == HandhavingSoort.PROCES_VERBAAL:
        return proces_verbaal_mogelijk(
            geboortedatum=geboortedatum, pleegdatum=datum, opsteller_is_boa=actor.boa, **invoer
        )
    return kinderbijslag_stop_toegestaan(
        geboortedatum=geboortedatum,
        peildatum=datum,
        gemeente_heeft_svb_afspraak=heeft_svb_afspraak(dossier, datum),
        **invoer,
    )


def _datum(datum) -> dt.date:
    vandaag = clock.today()
    if datum is None:
        return vandaag
    if datum > vandaag:
        fouten = Fouten()
        fouten.add("datum", "future", "De datum ligt na vandaag (R-CW-4).")
        raise Ongeldig(fouten)
    return datum


def toets(actor: Actor, dossier, soort: str, *, datum=None, **invoer) -> ToetsBeslissing:
    """The rule's decision for this dossier, without writing anything (the page shows its
    reasons before the user confirms)."""
    s = _soort(soort)
    _mag_starten(actor, s)
    d = queries.dossier_voor(actor, getattr(dossier, "uuid", dossier))
    return _beslis(actor, d, s, _invoer(s, invoer), _datum(datum))


def _tegen(beslissing: ToetsBeslissing, gekozen) -> list[str]:
    """R-CW-7: against whom the PV is drawn up: the parties the rule allows (parents, a
    pupil of 12+), all of them unless the LPA chose fewer."""
    mogelijk = sorted(getattr(beslissing, "tegen", ()))
    if gekozen is None:
        return mogelijk
    gekozen = sorted({g for g in gekozen if g})
    fouten = Fouten()
    if not gekozen:
        fouten.add("tegen", "required", "Kies tegen wie het proces-verbaal is (R-CW-7).")
    elif set(gekozen) - set(mogelijk):
        fouten.add(
            "tegen",
            "invalid",
            "Een proces-verbaal kan hier alleen tegen: "
            + ", ".join(mogelijk)
            + " (R-CW-7, R-LP-9).",
        )
    controleer(fouten)
    return gekozen


#: The LPA's answers assumed favourable: what is left refused is what the register knows
#: (age, an earlier Halt referral, BOA, the SVB agreement), before any question is asked.
GUNSTIG = {
    HandhavingSoort.HALT: {
        "verzuimde_uren": HALT_MIN_UREN,
        "te_laat_keren": 0,
        "toestemming_leerling": True,
        "toestemming_ouders": True,
        "eigen_toedoen": True,
        "ernstige_onbehandelde_problematiek": False,
    },
    HandhavingSoort.PROCES_VERBAAL: {
        "absoluut_verzuim": False,
        "verzuim_bewezen": True,
        "ouders_verwijtbaar": True,
        "leerling_verwijtbaar": True,
    },
    HandhavingSoort.KINDERBIJSLAG: {"ouders_verwijtbaar": True},
}


def voorbeslissing(
    actor: Actor, dossier: Dossier, soort: str, geboortedatum: dt.date | None = None
) -> ToetsBeslissing:
    """Whether the route is possible at all today on what the register knows (the dossier
    page offers it only then, and says why not otherwise). `dossier` is one the caller read
    through the scoped services; `geboortedatum` saves the page a second BRP call."""
    s = _soort(soort)
    return _beslis(actor, dossier, s, GUNSTIG[s], clock.today(), geboortedatum)


@transaction.atomic
def start(
    actor: Actor, dossier, soort: str, *, datum=None, toelichting="", tegen=None, **invoer
) -> Handhaving:
    """Take the route when the rule allows it (else Geweigerd, nothing written). For a
    proces-verbaal `tegen` chooses among the parties the rule allows (default: all)."""
    s = _soort(soort)
    _mag_starten(actor, s)
    d = open_voor_wijziging(actor, dossier)
    datum = _datum(datum)
    fouten = Fouten()
    toelichting = lees_tekst(toelichting, "toelichting", fouten)
    controleer(fouten)
    gegevens = _invoer(s, invoer)
    beslissing = _beslis(actor, d, s, gegevens, datum)
    if not beslissing.toegestaan:
        raise Geweigerd(beslissing)
    if any(not h.afgerond for h in d.handhavingen.filter(soort=s)):
        raise Conflict(f"Er loopt al een {s.label.lower()} in dit dossier.")
    partijen = _tegen(beslissing, tegen) if s == HandhavingSoort.PROCES_VERBAAL else []
    h = Handhaving.objects.create(
        dossier=d,
        soort=s,
        gestart=datum,
        tegen=partijen,
        gegevens=gegevens,
        redenen=redenen(beslissing),
        auteur=auteur_van(actor),
        auteur_label=label_van(actor),
        geregistreerd=clock.now(),
    )
    start_code, _, doel, ontvanger = SOORT[s]
    tekst = " ".join(r["tekst"] for r in h.redenen)  # each reason is a sentence
    if partijen:
        tekst = f"Tegen: {' en '.join(TEGEN_LABELS[p] for p in partijen)}. {tekst}"
    systeemactiviteit(
        d,
        start_code,
        actor,
        tekst="\n".join(x for x in (tekst, toelichting) if x),
        bron=Bron.ROUTE,
        referentie=str(h.uuid),
        datum=datum,
        bijzonder=h.bijzonder,
    )
    d.gewijzigd = clock.now()
    d.save(update_fields=["gewijzigd"])
    log_dossier(actor, f"dossier.{s.value}", d, handhaving=str(h.uuid))
    # The handover itself: a processing of the BSN with its own purpose, legal ground and
    # recipient (issue 12 §3), so the person's processing log names who received it.
    audit.log(
        actor,
        f"{s.value}.verstrekken",
        obj=h,
        persoon=d.leerling.identificatie,
        doel=doel,
        details={"ontvanger": ontvanger, "dossier": str(d.uuid)},
    )
    return h


def start_halt(actor: Actor, dossier, **invoer) -> Handhaving:
    return start(actor, dossier, HandhavingSoort.HALT, **invoer)


def start_pv(actor: Actor, dossier, **invoer) -> Handhaving:
    return start(actor, dossier, HandhavingSoort.PROCES_VERBAAL, **invoer)


def svb_stop(actor: Actor, dossier, **invoer) -> Handhaving:
    return start(actor, dossier, HandhavingSoort.KINDERBIJSLAG, **invoer)


def handhaving_voor(actor: Actor, handhaving_uuid, *, for_update: bool = False) -> Handhaving:
    """One route by uuid within the dossiers the actor may see (else 404); a proces-verbaal
    only for whom sees special categories (R-PR-5)."""
    u = als_uuid(handhaving_uuid)
    qs = Handhaving.objects.filter(dossier__in=queries.dossiers_voor(actor), uuid=u)
    if not queries.ziet_bijzondere_categorieen(actor):
        qs = qs.exclude(soort__in=BIJZONDERE_HANDHAVING)
    if for_update:
        qs = qs.select_for_update(of=("self",))
    h = qs.select_related("dossier__leerling").first() if u else None
    if h is None:
        raise NietGevonden("Route niet gevonden.")
    return h


@transaction.atomic
def leg_uitkomst_vast(
    actor: Actor, handhaving, uitkomst: str, *, datum=None, toelichting: str = ""
) -> Handhaving:
    """The outcome that came back: Halt positive/negative, the OM's decision (a dagvaarding
    later gets its vonnis), the kinderbijslag resumed."""
    alleen_lpa(actor, "een uitkomst vastleggen")
    h = handhaving_voor(actor, getattr(handhaving, "uuid", handhaving), for_update=True)
    d = open_voor_wijziging(actor, h.dossier)
    fouten = Fouten()
    toelichting = lees_tekst(toelichting, "toelichting", fouten)
    if h.uitkomst == Uitkomst.DAGVAARDING:
        toegestaan = (Uitkomst.VONNIS,)
    elif h.uitkomst:
        raise Conflict("De uitkomst van deze route is al vastgelegd.")
    else:
        toegestaan = UITKOMSTEN[HandhavingSoort(h.soort)]
    if uitkomst not in toegestaan:
        fouten.add(
            "uitkomst",
            "invalid",
            "Kies een uitkomst: " + ", ".join(Uitkomst(u).label.lower() for u in toegestaan) + ".",
        )
    if uitkomst == Uitkomst.VONNIS and not toelichting:
        fouten.add("toelichting", "required", "Vermeld het vonnis.")
    datum = _datum(datum)
    if datum < h.gestart:
        fouten.add("datum", "invalid", f"De uitkomst kan niet vóór {h.gestart:%d-%m-%Y} liggen.")
    controleer(fouten)
    h.uitkomst, h.uitkomst_datum, h.uitkomst_toelichting = uitkomst, datum, toelichting
    h.save(update_fields=["uitkomst", "uitkomst_datum", "uitkomst_toelichting"])
    _, code, _, _ = SOORT[HandhavingSoort(h.soort)]
    regels = [Uitkomst(uitkomst).label]
    if uitkomst == Uitkomst.HERVAT:
        regels.append(
            "De SVB betaalt weer vanaf het kwartaal van deze melding "
            f"({kwartaal_begin(datum):%d-%m-%Y}, R-CW-8)."
        )
    systeemactiviteit(
        d,
        code,
        actor,
        tekst="\n".join(x for x in (*regels, toelichting) if x),
        bron=Bron.ROUTE,
        referentie=str(h.uuid),
        datum=datum,
        bijzonder=h.bijzonder,
    )
    d.gewijzigd = clock.now()
    d.save(update_fields=["gewijzigd"])
    log_dossier(actor, f"dossier.{h.soort}-uitkomst", d, handhaving=str(h.uuid), uitkomst=uitkomst)
    if uitkomst == Uitkomst.HERVAT:  # the compliance report goes to the SVB (R-CW-8)
        audit.log(
            actor,
            "kinderbijslag.verstrekken",
            obj=h,
            persoon=d.leerling.identificatie,
            doel=DOEL_SVB,
            details={"ontvanger": "SVB", "dossier": str(d.uuid), "melding": "nakoming"},
        )
    return h


def kwartaal_begin(datum: dt.date) -> dt.date:
    """R-CW-8: payment resumes from the quarter in which compliance is reported."""
    return dt.date(datum.year, 3 * ((datum.month - 1) // 3) + 1, 1)


def halt_uitkomst(actor: Actor, handhaving, uitkomst: str, **kw) -> Handhaving:
    return leg_uitkomst_vast(actor, handhaving, uitkomst, **kw)


def pv_uitkomst(actor: Actor, handhaving, uitkomst: str, **kw) -> Handhaving:
    return leg_uitkomst_vast(actor, handhaving, uitkomst, **kw)


def svb_hervatting(actor: Actor, handhaving, **kw) -> Handhaving:
    return leg_uitkomst_vast(actor, handhaving, Uitkomst.HERVAT, **kw)


def handhavingen_van(actor: Actor, dossier: Dossier) -> list[Handhaving]:
    """The dossier's routes for its page. A Halt referral or proces-verbaal (criminal data,
    R-PR-5) is shown to whom may not see it as that something is shielded: its
    `afgeschermd` is True and the page shows its kind only ("afgeschermd")."""
    ziet = queries.ziet_bijzondere_categorieen(actor)
    uit = list(dossier.handhavingen.all())
    for h in uit:
        h.afgeschermd = h.bijzonder and not ziet
    return uit


# --- luxe verzuim: could verlof have been granted? (R-CW-10) ----------------------------


def _kalendergemeente(d: Dossier) -> str | None:
    """The gemeente whose school holidays count: the school of the dossier's current
    melding, else the dossier's (or its organisation's) gemeente."""
    k = (
        d.koppelingen.filter(doorgestuurd__isnull=True)
        .select_related("melding__vestiging__gemeente")
        .order_by("-gekoppeld")
        .first()
    )
    if k is not None and k.melding.vestiging and k.melding.vestiging.gemeente:
        return k.melding.vestiging.gemeente.code
    g = d.gemeente or d.organisatie.gemeente
    return g.code if g else None


@transaction.atomic
def verloftoets(
    actor: Actor,
    dossier,
    *,
    begindatum: dt.date,
    einddatum: dt.date,
    specifiek_beroep_ouder: bool,
    vakantie_al_geboekt: bool = False,
):
    """R-CW-10: luxe verzuim goes straight to enforcement against the parents; the verlof
    rules decide whether vakantieverlof could have been granted for the absent period
    (`rules.vakantieverlof_toegestaan`, R-VL-1, on the school's calendar). The decision and
    its reasons are written to the timeline (activity `verloftoets`, source route)."""
    alleen_lpa(actor, "de verloftoets doen")
    d = open_voor_wijziging(actor, dossier)
    fouten = Fouten()
    if einddatum < begindatum:
        fouten.add("einddatum", "invalid", "De einddatum ligt vóór de begindatum.")
    gemeente = _kalendergemeente(d)
    if gemeente is None:
        fouten.add("begindatum", "invalid", "De schoolvakanties van de school zijn onbekend.")
    controleer(fouten)
    b = vakantieverlof_toegestaan(
        begindatum,
        einddatum,
        SchoolKalender.voor_gemeente(gemeente),
        specifiek_beroep_ouder=specifiek_beroep_ouder,
        vakantie_al_geboekt=vakantie_al_geboekt,
    )
    kop = (
        "Verlof had verleend kunnen worden (R-CW-10)."
        if b.toegestaan
        else "Verlof had niet verleend kunnen worden: luxe verzuim, handhaving tegen de ouders "
        "(R-CW-10)."
    )
    regels = [f"{r.uitleg_nl} ({r.rule_id})" for r in b.reasons]
    systeemactiviteit(
        d,
        "verloftoets",
        actor,
        tekst="\n".join([kop, f"Periode {begindatum:%d-%m-%Y} t/m {einddatum:%d-%m-%Y}.", *regels]),
        bron=Bron.ROUTE,
    )
    d.gewijzigd = clock.now()
    d.save(update_fields=["gewijzigd"])
    log_dossier(actor, "dossier.verloftoets", d, toegestaan=b.toegestaan)
    return b


# --- the gemeente's SVB agreement (R-CW-8) ----------------------------------------------


@transaction.atomic
def zet_svb_afspraak(actor: Actor, gemeente, sinds: dt.date | None) -> SvbAfspraak | None:
    """Record (or with None: end) that `gemeente` has an agreement with the SVB from `sinds`
    (R-CW-8): a registerbeheerder or the system (beheer, the demo), audited."""
    if not (actor.is_systeem or actor.heeft_rol(Rol.REGISTERBEHEERDER)):
        raise GeenToegang("Alleen een registerbeheerder legt SVB-afspraken vast.")
    if sinds is None:
        SvbAfspraak.objects.filter(gemeente=gemeente).delete()
        afspraak = None
    else:
        afspraak, _ = SvbAfspraak.objects.update_or_create(
            gemeente=gemeente, defaults={"sinds": sinds}
        )
    audit.log(
        actor,
        "svb-afspraak.wijzigen",
        object_type="gemeente",
        object_id=gemeente.code,
        doel="registerbeheer",
        details={"sinds": sinds.isoformat() if sinds else None},
    )
    return afspraak
