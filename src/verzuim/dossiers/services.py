"""Every write on a dossier's casework (and every read of one) goes through here or its
sibling modules. Each service takes an `Actor`, checks permission, writes the audit record
in the same transaction and returns the result; errors are `verzuim.dossiers.fouten`.

Here:      open_dossier(actor, leerling_uuid, aanleiding, toelichting) -> Dossier  (by hand)
           lees_dossier(actor, uuid), lees_dossiers(actor, qs)            (audited reads)
           zoek_dossiers(actor, burgerservicenummer=|onderwijsnummer=)     (audited search)
           voeg_activiteit_toe(actor, dossier, soort, …) -> Activiteit  (also for routes/letters)
           wijzig_fase(actor, dossier, naar, bevindingen=, besluit=) -> FaseVerslag
           zet_vervolgdatum(actor, dossier, datum, omschrijving="")
           wijs_toe(actor, dossier, behandelaar) / is_teamleider(actor)
           sluit(actor, dossier, afsluitreden, toelichting="") / heropen(actor, dossier, reden)
koppelingen.py        the seams: meldingen routed/forwarded, signals, the R-ID-2 merge
verzuimoverzicht.py   R-CW-3: the request to the school and its answer
werkaantekeningen.py  R-PR-2: the author's own notes

`dossier` may be a Dossier or its uuid; it is always looked up again, scoped and locked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.db import transaction

from verzuim import clock
from verzuim.accounts.models import Gebruiker, Rol, Scope
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.dossiers import queries
from verzuim.dossiers.basis import (
    DOEL,
    alleen_lpa,
    auteur_van,
    controleer,
    label_van,
    lees_tekst,
    log_dossier,
    mag_wijzigen,
    mag_zien,
    nieuw_dossier,
    open_dossier_van,
    open_voor_wijziging,
    systeemactiviteit,
)
from verzuim.dossiers.fouten import (
    GeenToegang,
    NietGevonden,
    Ongeldig,
    OpenDossierBestaat,
)
from verzuim.dossiers.models import (
    HANDMATIGE_AANLEIDINGEN,
    Aanleiding,
    Activiteit,
    ActiviteitSoort,
    Bron,
    Dossier,
    DossierInstelling,
    DossierMelding,
    DossierStatus,
    FaseVerslag,
    MetWie,
    Verzuimoverzichtverzoek,
    Werkaantekening,
)
from verzuim.dossiers.routes import ROUTES
from verzuim.invoer import Fouten, als_uuid
from verzuim.meldingen import services as meldingen
from verzuim.meldingen.codes import OPEN_STATUSSEN, Status
from verzuim.organisaties.queries import gemeenten_van
from verzuim.personen.brp import get_brp
from verzuim.personen.brp.velden import BrpFout
from verzuim.personen.invoer import lees_leerling
from verzuim.personen.models import Leerling
from verzuim.personen.queries import zichtbare_leerlingen
from verzuim.personen.services import woongemeente_van
from verzuim.rules import mas
from verzuim.rules.statussen import AFSLUITREDENEN, afsluitredenen_voor

# --- opening ------------------------------------------------------------------------------


@transaction.atomic
def open_dossier(
    actor: Actor, leerling_uuid, aanleiding: str, toelichting: str = "", *, route: str = ""
) -> Dossier:
    """Open a dossier by hand (a verlof request, a report by phone, a signal from school or
    zorg) with its reason (R-CW-1). OpenDossierBestaat names the open one."""
    mag_wijzigen(actor)
    if actor.is_systeem or actor.organisatie is None:
        raise GeenToegang("Een dossier hoort bij een behandelende organisatie.")
    fouten = Fouten()
    if aanleiding not in HANDMATIGE_AANLEIDINGEN:
        fouten.add(
            "aanleiding",
            "invalid",
            "Kies een aanleiding: "
            + ", ".join(Aanleiding(a).label.lower() for a in HANDMATIGE_AANLEIDINGEN)
            + ".",
        )
    toelichting = lees_tekst(toelichting, "toelichting", fouten, verplicht=True)
    if route and route not in ROUTES:
        fouten.add("route", "invalid", "Onbekende route.")
    u = als_uuid(leerling_uuid)
    leerling = zichtbare_leerlingen(actor).filter(uuid=u).first() if u else None
    if leerling is None:
        raise NietGevonden("Leerling niet gevonden.")
    controleer(fouten)
    bestaand = open_dossier_van(leerling.pk, actor.organisatie.pk)
    if bestaand is not None:
        raise OpenDossierBestaat(
            "Deze leerling heeft al een open dossier bij uw organisatie (R-CW-1).", bestaand.uuid
        )
    d = nieuw_dossier(
        leerling,
        actor.organisatie,
        actor=actor,
        aanleiding=aanleiding,
        aanleiding_toelichting=toelichting,
        route=route,
        gemeente=_gemeente_voor(actor.organisatie, leerling),
        # Every open dossier has a next action date (issue 9 §4, R-CW-4): the first one the
        # organisation's term after opening.
        volgende_actie=mas.volgende_actiedatum(
            clock.today(), DossierInstelling.voor(actor.organisatie).vervolg_weken
        ),
        volgende_actie_omschrijving="Eerste vervolg na het openen",
    )
    systeemactiviteit(
        d,
        "dossier-geopend",
        actor,
        tekst=f"{Aanleiding(aanleiding).label}: {toelichting}",
        bron=Bron.HANDMATIG,
    )
    log_dossier(actor, "dossier.aanmaken", d, aanleiding=aanleiding)
    return d


def _gemeente_voor(organisatie, leerling: Leerling):
    """The gemeente a hand-opened dossier is for: a gemeente's own; for a leerplichtdienst
    or RMC-regio the pupil's woongemeente in the BRP (purpose routering, R-RT-1) when it
    serves it — so the SVB agreement (R-CW-8) and the telling (R-FG-1) know where the case
    belongs — else none."""
    if organisatie.gemeente_id:
        return organisatie.gemeente
    if not leerling.burgerservicenummer:
        return None
    try:
        personen = get_brp().raadpleeg([leerling.burgerservicenummer], "routering")
    except BrpFout:
        return None
    code = woongemeente_van(personen[0]) if personen else None
    return gemeenten_van(organisatie).filter(code=f"GM{code}").first() if code else None


# --- reads ----------------------------------------------------------------------------------


def lees_dossier(actor: Actor, dossier_uuid) -> Dossier:
    """One dossier for display (audited); NietGevonden for another organisation's."""
    mag_zien(actor)
    with transaction.atomic():
        d = queries.dossier_voor(actor, dossier_uuid)
        log_dossier(actor, "dossier.inzien", d)
    return d


def lees_dossiers(actor: Actor, qs, actie: str = "dossier.lijst") -> list[Dossier]:
    """Evaluate a scoped list; ONE audit record names every pupil shown (R-PR-1)."""
    mag_zien(actor)
    dossiers = list(qs)
    audit.log_many(
        actor, actie, [d.leerling.identificatie for d in dossiers], doel=DOEL, object_type="dossier"
    )
    return dossiers


def _nummer(burgerservicenummer: str | None, onderwijsnummer: str | None):
    """Exactly one of the two numbers, checked (the API's body)."""
    fouten = Fouten()
    if (burgerservicenummer is None) == (onderwijsnummer is None):
        fouten.add(
            "body", "invalid", "Geef precies een van burgerservicenummer en onderwijsnummer."
        )
        controleer(fouten)
    ref = lees_leerling(
        {"burgerservicenummer": burgerservicenummer, "onderwijsnummer": onderwijsnummer},
        fouten,
        naam="",
        geboortedatum=False,
    )
    controleer(fouten)
    return ref


def zoek_dossiers(
    actor: Actor, *, burgerservicenummer: str | None = None, onderwijsnummer: str | None = None
) -> list[Dossier]:
    """One pupil's dossiers (open and closed) at the actor's organisation, newest first
    (POST /dossiers/_zoek: the BSN never in a URL); audited, also when none is found."""
    mag_zien(actor)
    ref = _nummer(burgerservicenummer, onderwijsnummer)
    qs = queries.dossiers_voor(actor).filter(
        **{f"leerling__{k}": v for k, v in ref.sleutel.items()}
    )
    dossiers = lees_dossiers(actor, qs, actie="dossier.zoeken")
    if not dossiers:
        audit.log(
            actor, "dossier.zoeken", persoon=ref.identificatie, doel=DOEL, details={"gevonden": 0}
        )
    return dossiers


def leerling_voor(
    actor: Actor, burgerservicenummer: str | None, onderwijsnummer: str | None
) -> Leerling:
    """The pupil a dossier is opened for by BSN or onderwijsnummer (the API: a number never
    in a URL): one the organisation may see (R-RT-7), else NietGevonden."""
    ref = _nummer(burgerservicenummer, onderwijsnummer)
    leerling = zichtbare_leerlingen(actor).filter(**ref.sleutel).first()
    if leerling is None:
        raise NietGevonden("Leerling niet gevonden.")
    return leerling


def behandelaar_voor(actor: Actor, gebruikersnaam: str | None):
    """The user a dossier is assigned to, by username, within the actor's organisation
    (`wijs_toe` checks the role); None for nobody."""
    if gebruikersnaam is None:
        return None
    g = Gebruiker.objects.filter(
        username=gebruikersnaam, organisatie=actor.organisatie, is_active=True
    ).first()
    if g is None:
        raise Ongeldig(
            [{"name": "behandelaar", "code": "invalid",
              "reason": "Kies een leerplichtambtenaar van uw eigen organisatie."}]
        )  # fmt: skip
    return g


# --- casework -------------------------------------------------------------------------------


def _lees_met_wie(waarden, soort: ActiviteitSoort, fouten: Fouten) -> list[str]:
    gekozen = [w for w in (waarden or []) if w]
    onbekend = [w for w in gekozen if w not in MetWie.values]
    if onbekend:
        fouten.add("metWie", "invalid", "Kies uit: " + ", ".join(MetWie.values) + ".")
    elif soort.met_wie and not gekozen:
        fouten.add("metWie", "required", f"Bij ‘{soort.label}’ hoort met wie (R-CW-4).")
    return sorted(set(gekozen) - set(onbekend), key=MetWie.values.index)


@transaction.atomic
def voeg_activiteit_toe(
    actor: Actor,
    dossier,
    soort: str | ActiviteitSoort,
    *,
    datum: dt.date | None = None,
    tekst: str = "",
    met_wie=(),
    bron: str = Bron.HANDMATIG,
    bron_referentie: str = "",
    bijzonder: bool = False,
    vervolgdatum: dt.date | None = None,
) -> Activiteit:
    """Add an activity to the timeline (R-CW-3/4, R-PR-2: source and date). The generic
    entry point for the route and letter work too (`bron` = route/brief, with the document's
    or decision's reference). `soort` is a code of the ActiviteitSoort code list; a user or
    the API may add only the `handmatig` ones. Agreements (`zet_vervolgdatum`) set the next
    follow-up date: `vervolgdatum`, else the organisation's number of weeks later (R-CW-4);
    any activity may set one with `vervolgdatum`."""
    mag_wijzigen(actor)
    d = open_voor_wijziging(actor, dossier)
    fouten = Fouten()
    code = getattr(soort, "code", soort)
    s = ActiviteitSoort.objects.filter(code=code, actief=True).first()
    if s is None:
        fouten.add("soort", "invalid", f"Onbekende activiteitsoort ‘{code}’.")
    elif bron in (Bron.HANDMATIG, Bron.API) and not s.handmatig:
        fouten.add("soort", "invalid", f"‘{s.label}’ legt het register zelf vast.")
    if bron not in Bron.values:
        fouten.add("bron", "invalid", "Onbekende bron.")
    vandaag = clock.today()
    datum = datum or vandaag
    if datum > vandaag:
        fouten.add("datum", "in_toekomst", "De datum van een activiteit ligt niet in de toekomst.")
    tekst = lees_tekst(tekst, "tekst", fouten)
    gekozen = _lees_met_wie(met_wie, s, fouten) if s else []
    if vervolgdatum is not None and vervolgdatum < vandaag:
        fouten.add(
            "vervolgdatum", "in_verleden", "De volgende actiedatum ligt niet in het verleden."
        )
    controleer(fouten)
    bijzonder = bool(bijzonder or s.bijzondere_categorie)
    if bijzonder and not queries.ziet_bijzondere_categorieen(actor):
        raise GeenToegang(
            "Bijzondere persoonsgegevens (gezondheid, strafrechtelijke gegevens) legt alleen de "
            "leerplichtambtenaar vast (R-PR-5)."
        )
    a = Activiteit.objects.create(
        dossier=d,
        soort=s,
        datum=datum,
        tekst=tekst,
        met_wie=gekozen,
        bron=bron,
        bron_referentie=bron_referentie or "",
        bijzonder=bijzonder,
        auteur=auteur_van(actor),
        auteur_label=label_van(actor),
        geregistreerd=clock.now(),
    )
    velden = ["gewijzigd"]
    if vervolgdatum is None and s.zet_vervolgdatum:
        weken = DossierInstelling.voor(d.organisatie).vervolg_weken
        vervolgdatum = max(mas.volgende_actiedatum(datum, weken), vandaag)
        d.volgende_actie_omschrijving = f"Vervolg op {s.label.lower()}"
        velden.append("volgende_actie_omschrijving")
    if vervolgdatum is not None:
        d.volgende_actie = vervolgdatum
        velden.append("volgende_actie")
    d.gewijzigd = clock.now()
    d.save(update_fields=velden)
    log_dossier(actor, "dossier.activiteit", d, soort=s.code, activiteit=a.pk)
    return a


@transaction.atomic
def wijzig_fase(actor: Actor, dossier, naar: str, *, bevindingen: str, besluit: str) -> FaseVerslag:
    """R-CW-2: record what the current phase found and decided, and move on (or back)."""
    alleen_lpa(actor, "de MAS-fase wijzigen")
    d = open_voor_wijziging(actor, dossier)
    fouten = Fouten()
    besluit_fase = mas.fase_overgang(d.fase, naar)
    if not besluit_fase:
        r = besluit_fase.reasons[0]
        fouten.add("fase", "invalid", f"{r.uitleg_nl} ({r.rule_id})")
    bevindingen = lees_tekst(bevindingen, "bevindingen", fouten, verplicht=True)
    besluit = lees_tekst(besluit, "besluit", fouten, verplicht=True)
    controleer(fouten)
    verslag = FaseVerslag.objects.create(
        dossier=d,
        fase=d.fase,
        naar_fase=naar,
        bevindingen=bevindingen,
        besluit=besluit,
        tijdstip=clock.now(),
        auteur=auteur_van(actor),
        auteur_label=label_van(actor),
    )
    systeemactiviteit(
        d,
        "fase-gewijzigd",
        actor,
        tekst=f"{mas.FASE_LABELS[d.fase]} → {mas.FASE_LABELS[naar]}. Besluit: {besluit}",
        bron=Bron.HANDMATIG if actor.soort == "gebruiker" else Bron.API,
    )
    van, d.fase, d.gewijzigd = d.fase, naar, clock.now()
    d.save(update_fields=["fase", "gewijzigd"])
    log_dossier(actor, "dossier.fase", d, van=van, naar=naar)
    return verslag


@transaction.atomic
def zet_vervolgdatum(
    actor: Actor, dossier, datum: dt.date | None, omschrijving: str = ""
) -> Dossier:
    """Set (or with None: clear) the next follow-up date (R-CW-4)."""
    mag_wijzigen(actor)
    d = open_voor_wijziging(actor, dossier)
    fouten = Fouten()
    if datum is not None and datum < clock.today():
        fouten.add("datum", "in_verleden", "De volgende actiedatum ligt niet in het verleden.")
    omschrijving = lees_tekst(omschrijving, "omschrijving", fouten)[:200]
    controleer(fouten)
    d.volgende_actie, d.volgende_actie_omschrijving, d.gewijzigd = datum, omschrijving, clock.now()
    d.save(update_fields=["volgende_actie", "volgende_actie_omschrijving", "gewijzigd"])
    log_dossier(actor, "dossier.vervolgdatum", d, datum=datum.isoformat() if datum else None)
    return d


@transaction.atomic
def kies_route(actor: Actor, dossier, code: str) -> Dossier:
    """Put the dossier on a route template (`dossiers.routes`: absoluut verzuim R-CW-9, luxe
    verzuim R-CW-10) or with "" back on the general MAS course. The page then lists the
    template's steps; the first one not yet done becomes the next action's description."""
    alleen_lpa(actor, "een route kiezen")
    d = open_voor_wijziging(actor, dossier)
    if code and code not in ROUTES:
        raise Ongeldig([{"name": "route", "code": "invalid", "reason": "Onbekende route."}])
    velden = ["route", "gewijzigd"]
    d.route, d.gewijzigd = code, clock.now()
    if code:
        gedaan = set(Activiteit.objects.filter(dossier=d).values_list("soort_id", flat=True))
        open_stap = next((s for s in ROUTES[code].stappen if s.soort not in gedaan), None)
        if open_stap is not None:
            d.volgende_actie_omschrijving = open_stap.label[:200]
            velden.append("volgende_actie_omschrijving")
    d.save(update_fields=velden)
    systeemactiviteit(
        d,
        "route-gekozen",
        actor,
        tekst=(f"{ROUTES[code].label} ({ROUTES[code].regel})" if code else "Algemene MAS-aanpak"),
        bron=Bron.HANDMATIG if actor.soort == "gebruiker" else Bron.API,
    )
    log_dossier(actor, "dossier.route", d, route=code)
    return d


def is_teamleider(actor: Actor) -> bool:
    """A team lead: a user with the permission `dossiers.teamleider` (docs/decisions.md)."""
    g = auteur_van(actor)
    return bool(
        g is not None and g.has_perm("dossiers.teamleider") and queries.mag_dossiers_zien(actor)
    )


@transaction.atomic
def wijs_toe(actor: Actor, dossier, behandelaar) -> Dossier:
    """Assign the dossier to a leerplichtambtenaar of the organisation (or None). An LPA
    takes an unassigned dossier (or gives up their own); a team lead (re)assigns any."""
    mag_wijzigen(actor)
    d = open_voor_wijziging(actor, dossier)
    zelf = auteur_van(actor)
    eigen = behandelaar is not None and zelf is not None and behandelaar.pk == zelf.pk
    vrij = d.behandelaar_id is None or (zelf is not None and d.behandelaar_id == zelf.pk)
    if not is_teamleider(actor) and not (
        actor.soort == "api" or (vrij and (eigen or behandelaar is None))
    ):
        raise GeenToegang("Alleen een teamleider wijst dossiers aan anderen toe.")
    if behandelaar is not None and (
        behandelaar.organisatie_id != d.organisatie_id
        or not behandelaar.heeft_rol(Rol.LEERPLICHTAMBTENAAR)
        or not behandelaar.is_active
    ):
        raise Ongeldig(
            [
                {
                    "name": "behandelaar",
                    "code": "invalid",
                    "reason": "Kies een leerplichtambtenaar van uw eigen organisatie.",
                }
            ]
        )
    d.behandelaar, d.gewijzigd = behandelaar, clock.now()
    d.save(update_fields=["behandelaar", "gewijzigd"])
    log_dossier(
        actor,
        "dossier.toewijzen",
        d,
        behandelaar=behandelaar.get_username() if behandelaar else None,
    )
    return d


@transaction.atomic
def sluit(actor: Actor, dossier, afsluitreden: str, toelichting: str = "") -> Dossier:
    """R-CW-11: close with a reason from the code list (Halt afgerond and PV afgehandeld only
    by a BOA). Its open meldingen become `afgesloten` with the same reason (the school sees
    it); open verzuimoverzicht requests lapse; the werkaantekeningen are deleted (R-PR-2;
    the audit record keeps their number, not their content)."""
    alleen_lpa(actor, "een dossier afsluiten")
    d = open_voor_wijziging(actor, dossier)
    fouten = Fouten()
    toegestaan = afsluitredenen_voor(actor.boa)
    if afsluitreden not in toegestaan:
        regel = "R-CW-6/7" if afsluitreden in AFSLUITREDENEN else "R-CW-11"
        fouten.add(
            "afsluitreden",
            "required" if not afsluitreden else "invalid",
            (
                "Alleen een BOA mag deze afsluitreden kiezen. "
                if afsluitreden in AFSLUITREDENEN
                else ""
            )
            + "Kies een afsluitreden: "
            + ", ".join(toegestaan.values()).lower()
            + f" ({regel}).",
        )
    toelichting = lees_tekst(toelichting, "toelichting", fouten)
    controleer(fouten)
    nu = clock.now()
    gesloten_meldingen = []
    # Closing the dossier closes its meldingen in the same decision (R-CW-11): an API
    # application does it under its scope dossiers.schrijven (they are the dossier's own
    # organisation's, checked below), as a leerplichtambtenaar does under their role.
    namens = actor
    if actor.soort == "api":
        namens = replace(actor, scopes=actor.scopes | {Scope.MELDINGEN_BEHANDELEN})
    for k in DossierMelding.objects.select_related("melding").filter(
        dossier=d, doorgestuurd__isnull=True, melding__status__in=OPEN_STATUSSEN
    ):
        if k.melding.ontvanger_id != d.organisatie_id:
            continue
        meldingen.wijzig_status(
            namens,
            k.melding.uuid,
            Status.AFGESLOTEN,
            reden=afsluitreden,
            toelichting=f"Dossier afgesloten: {AFSLUITREDENEN[afsluitreden]}.",
        )
        gesloten_meldingen.append(k.melding.meldingsnummer)
    Verzuimoverzichtverzoek.objects.filter(
        dossier=d, beantwoord__isnull=True, vervallen__isnull=True
    ).update(vervallen=nu)
    verwijderd, _ = Werkaantekening.objects.filter(dossier=d).delete()
    d.status, d.gesloten, d.afsluitreden = DossierStatus.GESLOTEN, nu, afsluitreden
    d.afsluit_toelichting, d.volgende_actie, d.gewijzigd = toelichting, None, nu
    d.save(
        update_fields=[
            "status",
            "gesloten",
            "afsluitreden",
            "afsluit_toelichting",
            "volgende_actie",
            "gewijzigd",
        ]
    )
    systeemactiviteit(
        d,
        "dossier-gesloten",
        actor,
        tekst=AFSLUITREDENEN[afsluitreden] + (f": {toelichting}" if toelichting else ""),
        bron=Bron.HANDMATIG if actor.soort == "gebruiker" else Bron.API,
    )
    log_dossier(
        actor,
        "dossier.afsluiten",
        d,
        afsluitreden=afsluitreden,
        meldingenAfgesloten=gesloten_meldingen,
        werkaantekeningenVerwijderd=verwijderd,
    )
    return d


@transaction.atomic
def heropen(actor: Actor, dossier, reden: str) -> Dossier:
    """Reopen a closed dossier with a reason (R-CW-11). Its meldingen stay afgesloten (a
    final status, R-RT-6); a new melding joins the reopened dossier."""
    alleen_lpa(actor, "een dossier heropenen")
    d = queries.dossier_voor(actor, getattr(dossier, "uuid", dossier), for_update=True)
    if d.is_open:
        raise Ongeldig([{"name": "status", "code": "invalid", "reason": "Het dossier is al open."}])
    fouten = Fouten()
    reden = lees_tekst(reden, "reden", fouten, verplicht=True)
    controleer(fouten)
    ander = open_dossier_van(d.leerling_id, d.organisatie_id)
    if ander is not None:
        raise OpenDossierBestaat(
            "De leerling heeft intussen een ander open dossier bij uw organisatie (R-CW-1).",
            ander.uuid,
        )
    d.status, d.gesloten, d.afsluitreden, d.afsluit_toelichting = DossierStatus.OPEN, None, "", ""
    d.gewijzigd = clock.now()
    d.save(update_fields=["status", "gesloten", "afsluitreden", "afsluit_toelichting", "gewijzigd"])
    systeemactiviteit(
        d,
        "dossier-heropend",
        actor,
        tekst=reden,
        bron=Bron.HANDMATIG if actor.soort == "gebruiker" else Bron.API,
    )
    log_dossier(actor, "dossier.heropenen", d)
    return d
