"""Web pages of the dossiers (issue 9): the leerplichtambtenaar's worklist (their start page)
and one dossier with its timeline and the action forms. Thin shells over `services`
(audited reads, every write) and `queries` (scoping): another organisation's dossier is a
404 (R-PR-1), a role without access a 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verzuim import clock
from verzuim.accounts.models import Gebruiker, Rol
from verzuim.dossiers import brieven, koppelingen, queries, services, werkaantekeningen
from verzuim.dossiers import forms as f
from verzuim.dossiers import handhaving as hh
from verzuim.dossiers import verzuimoverzicht as vo
from verzuim.dossiers.fouten import Conflict, DossierGesloten, Ongeldig, OpenDossierBestaat
from verzuim.dossiers.leerlingsectie import routekeuzes
from verzuim.dossiers.models import (
    UITKOMSTEN,
    DossierMelding,
    FaseVerslag,
    HandhavingSoort,
    Uitkomst,
    Verzuimoverzichtverzoek,
)
from verzuim.dossiers.routes import ROUTES, route
from verzuim.meldingen.views import maskeer, pagina
from verzuim.rules import mas
from verzuim.rules.statussen import afsluitredenen_voor
from verzuim.signalen import queries as signalen_queries

PER_PAGINA = 25
dossier_pagina = pagina(*queries.ROLLEN, soorten=tuple(queries.BEHANDELENDE_SOORTEN))

MAPPEN = (
    ("alle", "Alle open dossiers"),
    ("te-laat", "Actiedatum verstreken"),
    ("deze-week", "Actie deze week"),
    ("nieuw", "Nieuwe meldingen"),
    ("wacht-op-school", "Wacht op verzuimoverzicht"),
    ("mijn", "Mijn dossiers"),
    ("onverdeeld", "Zonder behandelaar"),
)
# A dossier without a follow-up date sorts after the dated ones in both directions, the same on
# SQLite and PostgreSQL (their defaults for NULL differ).
SORTERING = {
    "actie": (F("volgende_actie").asc(nulls_last=True), "id"),
    "-actie": (F("volgende_actie").desc(nulls_last=True), "-id"),
    "geopend": ("geopend", "id"),
    "-geopend": ("-geopend", "-id"),
    "fase": ("fase", "id"),
}


def _namen(leerlingen) -> dict[int, dict]:
    """Name and birth date per pupil (BRP, one call); the caller audits."""
    return queries.personalia(leerlingen)


@require_GET
@dossier_pagina
def werklijst(request):
    """R-CW-4: the worklist with counts per folder, sortable and filterable by phase; a
    team lead also sees the workload per leerplichtambtenaar."""
    actor = request.actor
    vandaag = clock.today()
    filters = queries.werklijst_filters(vandaag, request.user)
    gekozen = request.GET.get("map") if request.GET.get("map") in filters else "alle"
    fase = request.GET.get("fase") if request.GET.get("fase") in mas.FASEN else ""
    sorteer = request.GET.get("sorteer") if request.GET.get("sorteer") in SORTERING else "actie"
    basis = queries.open_dossiers_voor(actor)
    tellingen = basis.aggregate(**{k: Count("pk", filter=q) for k, q in filters.items()})
    qs = basis.filter(filters[gekozen])
    if fase:
        qs = qs.filter(fase=fase)
    behandelaar = request.GET.get("behandelaar", "")[:150]
    if behandelaar:  # a colleague's list (the team lead's workload table links here)
        qs = qs.filter(behandelaar__username=behandelaar)
    qs = qs.order_by(*SORTERING[sorteer]).annotate(
        wacht=Exists(
            Verzuimoverzichtverzoek.objects.filter(
                dossier=OuterRef("pk"), beantwoord__isnull=True, vervallen__isnull=True
            )
        )
    )
    pag = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    dossiers = services.lees_dossiers(actor, pag.object_list)
    namen = _namen(d.leerling for d in dossiers)
    rijen = [
        {
            "dossier": d,
            "naam": namen[d.leerling_id]["naam"],
            "identificatie": maskeer(d.leerling.identificatie),
            "te_laat": d.volgende_actie is not None and d.volgende_actie < vandaag,
        }
        for d in dossiers
    ]
    teamleider = services.is_teamleider(actor)
    werkvoorraad = (
        basis.order_by()
        .values("behandelaar__username", "behandelaar__first_name", "behandelaar__last_name")
        .annotate(aantal=Count("pk"), te_laat=Count("pk", filter=filters["te-laat"]))
        .order_by("behandelaar__username")
        if teamleider
        else []
    )
    return render(
        request,
        "dossiers/werklijst.html",
        {
            "tabs": [
                {"code": c, "label": label, "aantal": tellingen[c], "actief": c == gekozen}
                for c, label in MAPPEN
            ],
            "map": gekozen,
            "fase": fase,
            "fasen": [(x, mas.FASE_LABELS[x]) for x in mas.FASEN],
            "sorteer": sorteer,
            "behandelaar": behandelaar,
            "rijen": rijen,
            "pagina": pag,
            "open_signalen": signalen_queries.aantal_open(actor),
            "werkvoorraad": list(werkvoorraad),
            "teamleider": teamleider,
        },
    )


def _collegas(actor) -> list:
    """The organisation's active leerplichtambtenaren (roles are a JSON list: filtered here,
    as `contains` on JSON is not on every database)."""
    return [
        g
        for g in Gebruiker.objects.filter(organisatie=actor.organisatie, is_active=True).order_by(
            "username"
        )
        if g.heeft_rol(Rol.LEERPLICHTAMBTENAAR)
    ]


def _koppelingen(dossier) -> list[DossierMelding]:
    """The dossier's meldingen with their school and location: one query, whatever their
    number (the page and the request form both use them)."""
    return list(dossier.koppelingen.select_related("melding__instelling", "melding__vestiging"))


def _forms(actor, dossier, data=None, welke: str = "", koppelingen=None) -> dict:
    """The action forms the actor may use on this dossier; `welke` gets `data`."""

    def bind(naam):
        return data if naam == welke else None

    lpa = actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR)
    if not dossier.is_open:
        return {"heropenen_form": f.HeropenenForm(bind("heropenen"))} if lpa else {}
    if koppelingen is None:
        koppelingen = _koppelingen(dossier)
    meldingen = [k.melding for k in koppelingen if k.doorgestuurd is None]
    uit = {
        "activiteit_form": f.ActiviteitForm(
            bind("activiteit"),
            soorten=queries.activiteitsoorten(actor),
            bijzonder=queries.ziet_bijzondere_categorieen(actor),
            initial={"datum": clock.today()},
        ),
        "vervolg_form": f.VervolgForm(
            bind("vervolg"),
            initial={
                "datum": dossier.volgende_actie,
                "omschrijving": dossier.volgende_actie_omschrijving,
            },
        ),
        "werkaantekening_form": f.WerkaantekeningForm(bind("werkaantekening")),
    }
    if meldingen:
        uit["verzoek_form"] = f.VerzoekForm(bind("verzoek"), meldingen=meldingen)
    if lpa:
        uit["routekeuze_form"] = f.RouteKeuzeForm(
            bind("routekeuze"),
            routes=[(r.code, f"{r.label} ({r.regel})") for r in ROUTES.values()],
            initial={"route": dossier.route},
        )
        if dossier.route == "luxe-verzuim":  # R-CW-10: the verlof check on the luxe route
            uit["verloftoets_form"] = f.VerloftoetsForm(bind("verloftoets"))
        uit["fase_form"] = f.FaseForm(bind("fase"), huidig=dossier.fase)
        uit["afsluiten_form"] = f.AfsluitenForm(bind("afsluiten"), boa=actor.boa)
    if services.is_teamleider(actor):
        uit["toewijzen_form"] = f.ToewijzenForm(
            bind("toewijzen"),
            collegas=_collegas(actor),
            initial={"behandelaar": dossier.behandelaar_id or ""},
        )
    return uit


def _stappen(dossier, activiteiten) -> list[dict]:
    r = route(dossier.route)
    if r is None:
        return []
    gedaan = {a.soort_id for a in activiteiten}
    return [{"label": s.label, "gedaan": s.soort in gedaan} for s in r.stappen]


@require_GET
@dossier_pagina
def detail(request, uuid):
    return _toon(request, uuid)


def _toon(request, uuid, forms=None, status=200, bevestig=None):
    actor = request.actor
    dossier = services.lees_dossier(actor, uuid)
    activiteiten = queries.tijdlijn_van(actor, dossier)
    koppelingen_ = _koppelingen(dossier)
    forms = forms or _forms(actor, dossier, koppelingen=koppelingen_)
    persoon = _namen([dossier.leerling])[dossier.leerling_id]
    brieven_ = brieven.brieven_van(actor, dossier)
    return render(
        request,
        "dossiers/detail.html",
        {
            "dossier": dossier,
            "persoon": persoon,
            "fase_label": mas.FASE_LABELS[dossier.fase],
            "fasen": [
                {"code": x, "label": mas.FASE_LABELS[x], "huidig": x == dossier.fase}
                for x in mas.FASEN
            ],
            "activiteiten": activiteiten,
            "koppelingen": koppelingen_,
            "faseverslagen": FaseVerslag.objects.filter(dossier=dossier).order_by("-tijdstip"),
            "verzoeken": dossier.verzoeken.select_related("melding", "school"),
            "aantekeningen": werkaantekeningen.lees_werkaantekeningen(actor, dossier),
            "brieven": brieven_,
            "te_openen": {str(b.uuid) for b in brieven_ if b.te_openen},
            "route": route(dossier.route),
            "stappen": _stappen(dossier, activiteiten),
            "te_laat": dossier.volgende_actie is not None
            and dossier.volgende_actie < clock.today(),
            "kan_nemen": dossier.is_open
            and dossier.behandelaar_id is None
            and actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR),
            "bevestig": bevestig,
            "handhavingen": hh.handhavingen_van(actor, dossier),
            "handhavingsroutes": _handhavingsroutes(actor, dossier, persoon["geboortedatum"]),
            **forms,
        },
        status=status,
    )


def _handhavingsroutes(actor, dossier, geboortedatum) -> list[dict]:
    """R-CW-5..8 on the dossier page, for the LPA of an open dossier: each route with what
    the register already knows decided (`handhaving.voorbeslissing`): possible → a link to
    its questions; not possible → why (Dutch, with rule ids) and nothing to click."""
    if not dossier.is_open or not actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR):
        return []
    uit = []
    for s in HandhavingSoort:
        if not hh.mag_starten(actor, s):
            continue
        try:
            b = hh.voorbeslissing(actor, dossier, s, geboortedatum)
        except Ongeldig as e:  # no birth date known
            uit.append({"soort": s, "toegestaan": False, "redenen": [
                {"regel": "R-CW-5", "tekst": x["reason"]} for x in e.fouten
            ]})  # fmt: skip
            continue
        uit.append(
            {
                "soort": s,
                "toegestaan": b.toegestaan,
                "redenen": [] if b.toegestaan else hh.redenen(b),
            }
        )
    return uit


class _Bevestigen(Exception):
    def __init__(self, **context):
        self.context = context


def _actie(request, uuid, welke: str, uitvoeren, gelukt: str):
    """POST of one action form: run the service and go back to the dossier, or show the
    page again with the errors next to the fields (nothing saved), or ask to confirm."""
    actor = request.actor
    dossier = queries.dossier_voor(actor, uuid)
    forms = _forms(actor, dossier, request.POST, welke)
    form = forms.get(f"{welke}_form")
    if form is None:
        raise PermissionDenied("Deze actie hoort niet bij uw rol of bij een gesloten dossier.")
    if form.is_valid():
        try:
            uitvoeren(actor, dossier, form.cleaned_data)
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        except (DossierGesloten, OpenDossierBestaat, Conflict) as e:
            form.add_error(None, str(e))
        except _Bevestigen as b:
            return _toon(request, uuid, forms=forms, bevestig=b.context)
        else:
            messages.success(request, gelukt)
            return redirect("dossiers:detail", uuid=dossier.uuid)
    return _toon(request, uuid, forms=forms, status=400)


@dossier_pagina
@require_POST
def activiteit(request, uuid):
    def uitvoeren(actor, d, c):
        services.voeg_activiteit_toe(
            actor,
            d,
            c["soort"],
            datum=c["datum"],
            tekst=c["tekst"],
            met_wie=c["met_wie"],
            bijzonder=c.get("bijzonder", False),
            vervolgdatum=c["vervolgdatum"],
        )

    return _actie(request, uuid, "activiteit", uitvoeren, "De activiteit is vastgelegd.")


@dossier_pagina
@require_POST
def routekeuze(request, uuid):
    def uitvoeren(actor, d, c):
        services.kies_route(actor, d, c["route"])

    return _actie(request, uuid, "routekeuze", uitvoeren, "De route is opgeslagen.")


@dossier_pagina
@require_POST
def verloftoets(request, uuid):
    def uitvoeren(actor, d, c):
        hh.verloftoets(
            actor,
            d,
            begindatum=c["begindatum"],
            einddatum=c["einddatum"],
            specifiek_beroep_ouder=c["specifiek_beroep_ouder"] == "ja",
            vakantie_al_geboekt=c["vakantie_al_geboekt"],
        )

    return _actie(request, uuid, "verloftoets", uitvoeren, "De verloftoets staat in de tijdlijn.")


@dossier_pagina
@require_POST
def fase(request, uuid):
    def uitvoeren(actor, d, c):
        services.wijzig_fase(
            actor, d, c["fase"], bevindingen=c["bevindingen"], besluit=c["besluit"]
        )

    return _actie(request, uuid, "fase", uitvoeren, "De fase is gewijzigd.")


@dossier_pagina
@require_POST
def vervolg(request, uuid):
    def uitvoeren(actor, d, c):
        services.zet_vervolgdatum(actor, d, c["datum"], c["omschrijving"])

    return _actie(request, uuid, "vervolg", uitvoeren, "De volgende actiedatum is opgeslagen.")


@dossier_pagina
@require_POST
def afsluiten(request, uuid):
    """R-CW-11: closing is confirmed first (it closes the meldingen too)."""

    def uitvoeren(actor, d, c):
        if request.POST.get("bevestigd") != "1":
            meldingen = [
                k.melding.meldingsnummer
                for k in d.koppelingen.select_related("melding")
                if k.doorgestuurd is None and k.melding.is_open
            ]
            raise _Bevestigen(
                reden=afsluitredenen_voor(actor.boa).get(c["afsluitreden"]),
                meldingen=meldingen,
            )
        services.sluit(actor, d, c["afsluitreden"], c["toelichting"])

    return _actie(request, uuid, "afsluiten", uitvoeren, "Het dossier is gesloten.")


@dossier_pagina
@require_POST
def heropenen(request, uuid):
    def uitvoeren(actor, d, c):
        services.heropen(actor, d, c["reden"])

    return _actie(request, uuid, "heropenen", uitvoeren, "Het dossier is heropend.")


@dossier_pagina
@require_POST
def werkaantekening(request, uuid):
    def uitvoeren(actor, d, c):
        werkaantekeningen.schrijf_werkaantekening(actor, d, c["tekst"])

    return _actie(request, uuid, "werkaantekening", uitvoeren, "Uw werkaantekening is opgeslagen.")


@dossier_pagina
@require_POST
def werkaantekening_verwijderen(request, uuid, pk):
    werkaantekeningen.verwijder_werkaantekening(request.actor, pk)
    messages.success(request, "Uw werkaantekening is verwijderd.")
    return redirect("dossiers:detail", uuid=uuid)


@dossier_pagina
@require_POST
def verzoek(request, uuid):
    def uitvoeren(actor, d, c):
        vo.vraag_verzuimoverzicht(actor, d, c["melding"], c["toelichting"])

    return _actie(request, uuid, "verzoek", uitvoeren, "Het verzuimoverzicht is opgevraagd.")


@dossier_pagina
@require_POST
def toewijzen(request, uuid):
    def uitvoeren(actor, d, c):
        behandelaar = next((u for u in _collegas(actor) if str(u.pk) == c["behandelaar"]), None)
        services.wijs_toe(actor, d, behandelaar)

    return _actie(request, uuid, "toewijzen", uitvoeren, "De behandelaar is opgeslagen.")


@dossier_pagina
@require_POST
def nemen(request, uuid):
    """An LPA takes an unassigned dossier."""
    queries.dossier_voor(request.actor, uuid)  # another organisation's: 404 first
    if not request.actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR):
        raise PermissionDenied("Alleen een leerplichtambtenaar behandelt een dossier.")
    services.wijs_toe(request.actor, uuid, request.user)
    messages.success(request, "U behandelt dit dossier.")
    return redirect("dossiers:detail", uuid=uuid)


@dossier_pagina
@require_POST
def uit_signaal(request, uuid):
    """ "In dossier opnemen" on a signal's page (R-CW-1, R-CW-9)."""
    d, nieuw = koppelingen.open_dossier_voor_signaal(request.actor, uuid)
    messages.success(
        request,
        "Het signaal is in een nieuw dossier opgenomen."
        if nieuw
        else "Het signaal staat in dit dossier.",
    )
    return redirect("dossiers:detail", uuid=d.uuid)


@dossier_pagina
@require_POST
def openen(request, uuid):
    """ "Dossier openen" on the leerling page (R-CW-1): a dossier opened by hand with its
    reason and optionally a route template (R-CW-9/10). Another organisation's pupil 404
    before anything else; errors next to their field, nothing saved; an open dossier that
    already exists is named with a link."""
    actor = request.actor
    leerling = queries.leerling_voor(actor, uuid)
    form = f.OpenenForm(request.POST, routes=routekeuzes())
    bestaand = None
    if form.is_valid():
        c = form.cleaned_data
        try:
            d = services.open_dossier(
                actor, leerling.uuid, c["aanleiding"], c["toelichting"], route=c["route"]
            )
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        except OpenDossierBestaat as e:
            bestaand = e.bestaand
        else:
            messages.success(request, "Het dossier is geopend.")
            return redirect("dossiers:detail", uuid=d.uuid)
    return render(
        request,
        "dossiers/openen.html",
        {"leerling": leerling, "form": form, "bestaand": bestaand},
        status=409 if bestaand else 400,
    )


# --- the enforcement routes (R-CW-5..8) --------------------------------------------------


def _soort_of_404(soort: str) -> HandhavingSoort:
    try:
        return HandhavingSoort(soort)
    except ValueError:
        raise Http404("Onbekende route.") from None


def _route_form(soort: HandhavingSoort, data=None) -> f.RouteForm:
    return f.RouteForm(
        data,
        soort=soort.value,
        vragen=hh.VRAGEN[soort],
        getallen=hh.GETALLEN.get(soort, ()),
        initial={"datum": clock.today()},
    )


@require_http_methods(["GET", "POST"])
@dossier_pagina
def handhaving_start(request, uuid, soort):
    """One route's page: the questions, then the rule's decision with its reasons (rule ids)
    BEFORE the user confirms; refused: why, and no confirm button. Only the LPA of an open
    dossier; a BOA for Halt and proces-verbaal is the rule's own condition (R-CW-6/7)."""
    actor = request.actor
    s = _soort_of_404(soort)
    dossier = services.lees_dossier(actor, uuid)
    if not actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR) or not hh.mag_starten(actor, s):
        raise PermissionDenied(
            "Alleen de behandelende leerplichtambtenaar start deze route (R-CW-6..8, R-PR-5)."
        )
    if not dossier.is_open:
        raise PermissionDenied("Het dossier is gesloten; heropen het eerst (met reden).")
    persoon = _namen([dossier.leerling])[dossier.leerling_id]
    context = {"dossier": dossier, "persoon": persoon, "soort": s, "status": 200}
    form = _route_form(s, request.POST if request.method == "POST" else None)
    vooraf = hh.voorbeslissing(actor, dossier, s, persoon["geboortedatum"])
    context["vooraf"] = vooraf
    context["vooraf_redenen"] = hh.redenen(vooraf)
    if request.method == "POST" and vooraf.toegestaan and form.is_valid():
        invoer = form.invoer()
        try:
            if request.POST.get("bevestigd") == "1":
                h = hh.start(actor, dossier, s, **invoer)
                messages.success(request, f"{s.label} vastgelegd.")
                return redirect("dossiers:handhaving", uuid=dossier.uuid, route=h.uuid)
            tegen = invoer.pop("tegen", None)
            invoer.pop("toelichting", None)
            beslissing = hh.toets(actor, dossier, s, **invoer)
            context["beslissing"] = beslissing
            context["redenen"] = hh.redenen(beslissing)
            context["tegen_mogelijk"] = sorted(getattr(beslissing, "tegen", ()))
            context["tegen_gekozen"] = tegen
        except hh.Geweigerd as e:
            context["beslissing"] = e.beslissing
            context["redenen"] = hh.redenen(e.beslissing)
        except Ongeldig as e:
            form.toon_fouten(e.fouten)
        except (DossierGesloten, Conflict) as e:
            form.add_error(None, str(e))
    context["getoetst"] = "beslissing" in context  # a refusal is falsy: not the test
    if request.method == "POST" and not context["getoetst"]:
        context["status"] = 400
    context["form"] = form
    return render(request, "dossiers/handhaving_start.html", context, status=context.pop("status"))


@require_http_methods(["GET", "POST"])
@dossier_pagina
def handhaving(request, uuid, route):
    """One route taken: the decision as it stood, and the outcome (Halt positief/negatief →
    the PV route offered; the OM's sepot, strafbeschikking, dagvaarding → vonnis; the
    kinderbijslag resumed). Criminal data: only whom may see it (R-PR-5), else 404."""
    actor = request.actor
    dossier = services.lees_dossier(actor, uuid)
    h = hh.handhaving_voor(actor, route)
    if h.dossier_id != dossier.pk:
        raise Http404("Route niet gevonden.")
    if h.uitkomst == Uitkomst.DAGVAARDING:
        keuzes = [Uitkomst.VONNIS]
    elif h.uitkomst:
        keuzes = []
    else:
        keuzes = list(UITKOMSTEN[HandhavingSoort(h.soort)])
    mag = dossier.is_open and actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR) and keuzes
    data = request.POST if request.method == "POST" else None
    form = (
        f.UitkomstForm(
            data, keuzes=[(u.value, u.label) for u in keuzes], initial={"datum": clock.today()}
        )
        if mag
        else None
    )
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Hier is geen uitkomst meer vast te leggen.")
        if form.is_valid():
            c = form.cleaned_data
            try:
                hh.leg_uitkomst_vast(
                    actor, h, c["uitkomst"], datum=c["datum"], toelichting=c["toelichting"]
                )
            except Ongeldig as e:
                form.toon_fouten(e.fouten)
            except (DossierGesloten, Conflict) as e:
                form.add_error(None, str(e))
            else:
                messages.success(request, "De uitkomst is vastgelegd.")
                return redirect("dossiers:handhaving", uuid=dossier.uuid, route=h.uuid)
        status = 400
    pv_aanbieden = (
        h.soort == HandhavingSoort.HALT
        and h.uitkomst == Uitkomst.NEGATIEF
        and dossier.is_open
        and actor.heeft_rol(Rol.LEERPLICHTAMBTENAAR)
    )
    return render(
        request,
        "dossiers/handhaving.html",
        {
            "dossier": dossier,
            "persoon": _namen([dossier.leerling])[dossier.leerling_id],
            "h": h,
            "form": form,
            "pv_aanbieden": pv_aanbieden,
        },
        status=status,
    )
