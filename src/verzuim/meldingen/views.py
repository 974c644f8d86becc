"""Web pages of the meldingen domain: the leerplicht inbox (receiving gemeente, dienst or
RMC) and the school's own meldingen with the reporting form.

Thin shells over `services` (writes and audited reads) and `queries` (scoping): another
organisation's melding is a 404 (R-PR-1), a role without access a 403; the school sees its
melding and the status history, never the casework (R-ME-7).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from verzuim.accounts.models import Gebruiker, Rol
from verzuim.audit.context import actor_for_user
from verzuim.meldingen import (
    dossierkoppeling,
    queries,
    schoolmarkeringen,
    schoolsecties,
    services,
)
from verzuim.meldingen.codes import OPEN_STATUSSEN, Status
from verzuim.meldingen.forms import (
    DoorsturenForm,
    InboxFilterForm,
    IntrekkenForm,
    MeldingForm,
    StatusForm,
    ToewijzenForm,
)
from verzuim.meldingen.fouten import (
    GeenToegang,
    MeldingOngeldig,
    NietGevonden,
    OvergangNietToegestaan,
)
from verzuim.meldingen.woonplaats import ONBEKEND, woonplaatsen
from verzuim.organisaties.models import Gemeente, OrganisatieSoort, Vestiging
from verzuim.personen import leerlingkaart
from verzuim.personen.brp import BrpFout, get_brp
from verzuim.personen.queries import zichtbare_leerlingen
from verzuim.rules import statussen as regels

logger = logging.getLogger(__name__)
BEHANDELROLLEN = tuple(str(r) for r in services.BEHANDELROLLEN)
SCHOOLROLLEN = (str(Rol.SCHOOLMEDEWERKER),)
PER_PAGINA = 25
MAPPEN = (("nieuw", "Nieuw"), ("mijn", "Mijn meldingen"), ("open", "Alle open"), ("alle", "Alle"))
# The sender's trace after forwarding (R-RT-5): its own page, shown as the last folder.
DOORGESTUURD = ("doorgestuurd", "Doorgestuurd")
SCHOOL_MAPPEN = (("open", "Open"), ("alle", "Alle"))
# `sorteer` values: column → (order_by for ascending, label of the column head).
SORTERINGEN = {
    "ontvangen": ("ontvangen", "Ontvangen"),
    "meldingsnummer": ("id", "Meldingsnummer"),  # the number follows the id (R-ME-5)
}
STANDAARD_SORTERING = "-ontvangen"
REDEN_LABELS = {**regels.AFSLUITREDENEN, **regels.INTREKKINGSREDENEN}


def pagina(*rollen: str, soorten: tuple[str, ...] = ()):
    """Login, one of `rollen` in an organisation of one of `soorten`, and the domain
    errors as HTTP: NietGevonden → 404, GeenToegang → 403."""

    def decorator(view):
        @login_required
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            org = user.organisatie
            if not user.heeft_rol(*rollen) or org is None or (soorten and org.soort not in soorten):
                raise PermissionDenied("Deze pagina hoort niet bij uw rol.")
            request.actor = actor_for_user(user, request)
            try:
                return view(request, *args, **kwargs)
            except NietGevonden as e:
                raise Http404(str(e)) from e
            except GeenToegang as e:
                raise PermissionDenied(str(e)) from e

        return wrapper

    return decorator


ontvanger_pagina = pagina(*BEHANDELROLLEN, soorten=tuple(queries.BEHANDELENDE_SOORTEN))
school_pagina = pagina(*SCHOOLROLLEN, soorten=(OrganisatieSoort.SCHOOL,))


# --- helpers ---------------------------------------------------------------------------


def maskeer(nummer: str) -> str:
    """A BSN or onderwijsnummer in a list shows only its last four digits."""
    return f"•••••{nummer[-4:]}" if nummer else ""


def _namen(leerlingen) -> dict[str, str]:
    """Names from the BRP (doel "melding": BSN and full name only, R-ID-3) for the pupils
    shown; the read itself is audited by the service that produced the meldingen."""
    bsns = sorted({ll.burgerservicenummer for ll in leerlingen if ll.burgerservicenummer})
    if not bsns:
        return {}
    try:
        personen = get_brp().raadpleeg(bsns, doel="melding")
    except BrpFout:
        logger.warning("BRP niet bereikbaar: namen ontbreken op de meldingenpagina")
        return {}
    return {p["burgerservicenummer"]: p.get("naam", {}).get("volledigeNaam", "") for p in personen}


def _rijen(meldingen, woonplaatsen: dict | None = None) -> list[dict]:
    namen = _namen(m.leerling for m in meldingen)
    woonplaatsen = woonplaatsen or {}
    markeringen = schoolmarkeringen.markeringen()
    return [
        {
            "melding": m,
            "naam": namen.get(m.leerling.burgerservicenummer or "", ""),
            "identificatie": maskeer(m.leerling.identificatie),
            "woonplaats": woonplaatsen.get(m.pk),
            # The school's markers (schoolmarkeringen), annotated on the page's own query.
            "markeringen": [mk for mk in markeringen if getattr(m, mk.annotatie, False)],
        }
        for m in meldingen
    ]


def _sortering(request) -> str:
    """The `sorteer` parameter: ontvangen or meldingsnummer, "-" for descending."""
    waarde = request.GET.get("sorteer", "")
    return waarde if waarde.lstrip("-") in SORTERINGEN else STANDAARD_SORTERING


def _kolomkoppen(request, sortering: str) -> dict[str, dict]:
    """Per sortable column: the link of its head and its aria-sort value. The first click
    sorts ontvangen newest first and meldingsnummer ascending; a second click reverses."""
    koppen = {}
    for kolom, (_, label) in SORTERINGEN.items():
        actief = sortering.lstrip("-") == kolom
        aflopend = sortering.startswith("-")
        if actief:
            volgende = kolom if aflopend else f"-{kolom}"
        else:
            volgende = f"-{kolom}" if kolom == "ontvangen" else kolom
        params = request.GET.copy()
        params.pop("pagina", None)
        params["sorteer"] = volgende
        koppen[kolom] = {
            "label": label,
            "url": "?" + params.urlencode(),
            "aria_sort": ("descending" if aflopend else "ascending") if actief else "",
            "volgende": "aflopend" if volgende.startswith("-") else "oplopend",
        }
    return koppen


def _lijst(
    request, qs, filters_form, context: dict, template: str, *, verhuisvlag=False, markeren=False
):
    """Filtered, sorted, paginated, audited list; an htmx request gets only the list.
    ``markeren``: the school's markers (schoolmarkeringen) as annotations of the same query."""
    if markeren:
        qs = schoolmarkeringen.annoteer(request.actor, qs)
    sortering = _sortering(request)
    veld = SORTERINGEN[sortering.lstrip("-")][0]
    richting = "-" if sortering.startswith("-") else ""
    qs = queries.filter_meldingen(qs, **_filterargs(filters_form)).order_by(
        f"{richting}{veld}", f"{richting}id"
    )
    paginator = Paginator(qs, PER_PAGINA)
    pag = paginator.get_page(request.GET.get("pagina"))
    meldingen = services.lees_meldingen(request.actor, pag.object_list)
    params = request.GET.copy()
    params.pop("pagina", None)
    context |= {
        "filters": filters_form,
        "pagina": pag,
        "rijen": _rijen(meldingen, woonplaatsen(request.actor, meldingen) if verhuisvlag else None),
        "gefilterd": bool(_filterargs(filters_form)),
        "querystring_zonder_pagina": params.urlencode() + "&" if params else "",
        "sortering": sortering,
        "koppen": _kolomkoppen(request, sortering),
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "meldingen/_lijst.html", context)
    return render(request, template, context)


def _naar_alle(request, gekozen: str):
    """A final status (afgesloten, ingetrokken) is only in the folder "alle": asked for in
    another folder (an old bookmark), go there instead of showing an empty list."""
    status = request.GET.get("status")
    if (
        _statussen(gekozen) != list(Status.values)
        and status in Status.values
        and status not in OPEN_STATUSSEN
    ):
        params = request.GET.copy()
        params["map"] = "alle"
        params.pop("pagina", None)
        return redirect(f"{request.path}?{params.urlencode()}")
    return None


def _map(request, mappen, standaard: str) -> str:
    gekozen = request.GET.get("map", standaard)
    return gekozen if gekozen in dict(mappen) else standaard


def _tabs(actor, mappen, gekozen: str, *, doorgestuurd: bool = False) -> list[dict]:
    """The folder tabs with their (unfiltered) counts; the receiving party's tabs end with
    "Doorgestuurd" (its own page)."""
    aantallen = queries.inbox_tellingen(actor, [c for c, _ in mappen])
    tabs = [
        {"code": c, "label": label, "aantal": aantallen[c], "actief": c == gekozen,
         "url": f"{reverse('meldingen:inbox')}?map={c}" if doorgestuurd else f"?map={c}"}
        for c, label in mappen
    ]  # fmt: skip
    if doorgestuurd:
        code, label = DOORGESTUURD
        tabs.append(
            {
                "code": code,
                "label": label,
                "aantal": queries.doorgestuurd_door(actor).count(),
                "actief": gekozen == code,
                "url": reverse("meldingen:doorgestuurd"),
            }
        )
    return tabs


def _statussen(map: str) -> list[str] | None:
    """Statuses a folder can hold (the status filter offers only those); None = no filter."""
    if map == "nieuw":
        return None
    if map == "alle" or schoolmarkeringen.markering(map) is not None:
        return list(Status.values)  # a marker (a request) may be on a closed melding too
    return [s for s in Status.values if s in OPEN_STATUSSEN]


def _filterargs(form: InboxFilterForm) -> dict:
    form.is_valid()  # invalid filters are shown next to their field and ignored
    c = getattr(form, "cleaned_data", {})
    args = {
        "status": c.get("status"),
        "verzuimsoort": c.get("verzuimsoort"),
        "vestiging": c.get("vestiging"),
        "ontvangen_vanaf": c.get("vanaf"),
        "ontvangen_tot": c.get("tot"),
    }
    return {k: v for k, v in args.items() if v}


def _door(label: str, gebruiker) -> str:
    """Who made a change, as a person reads it: the name, else the label (an API
    application "api:…" or "register")."""
    return (gebruiker.get_full_name() if gebruiker else "") or label


def _historie(melding) -> list[dict]:
    """Status changes and forwards (R-RT-6, R-RT-5) in the order they happened."""
    rijen = [
        {
            "tijdstip": s.tijdstip,
            "status": s.status,
            "status_label": s.get_status_display(),
            "reden_label": REDEN_LABELS.get(s.reden, s.reden),
            "door": _door(s.door_label, s.door_gebruiker),
            "door_organisatie": s.door_organisatie,
            "toelichting": s.toelichting,
        }
        for s in queries.statushistorie(melding)
    ]
    rijen += [
        {
            "tijdstip": d.tijdstip,
            "status": "doorgestuurd",
            "status_label": "Doorgestuurd",
            "reden_label": f"naar {d.naar.naam}",
            "door": _door(d.door_label, d.door_gebruiker),
            "door_organisatie": d.van,
            "toelichting": d.toelichting,
        }
        for d in queries.doorzendingen(melding)
    ]
    return sorted(rijen, key=lambda r: r["tijdstip"])


def _verzuimdagen(melding) -> list[dict]:
    dagen = []
    for d in melding.verzuimdagen or []:
        try:
            dagen.append({"datum": dt.date.fromisoformat(d["datum"]), "uren": d.get("uren")})
        except (KeyError, TypeError, ValueError):
            continue
    return dagen


def _leerling(melding) -> dict:
    ll = melding.leerling
    return {
        "naam": _namen([ll]).get(ll.burgerservicenummer or "", ""),
        "identificatie": ll.identificatie,
    }


def _keten(actor, melding) -> list[dict]:
    """The herhaalmeldingen chain (R-ME-6) this melding is part of, as far as the actor
    may see it: first melding first."""
    zichtbaar = queries.meldingen_voor(actor)
    eerste = melding
    gezien = {melding.pk}
    while eerste.vervolg_op_id and eerste.vervolg_op_id not in gezien:
        vorige = zichtbaar.filter(pk=eerste.vervolg_op_id).first()
        if vorige is None:
            break
        gezien.add(vorige.pk)
        eerste = vorige
    keten, rand = [eerste], [eerste.pk]
    while rand:
        volgende = list(zichtbaar.filter(vervolg_op_id__in=rand).order_by("begindatum", "id"))
        volgende = [m for m in volgende if m.pk not in {k.pk for k in keten}]
        keten += volgende
        rand = [m.pk for m in volgende]
    if len(keten) == 1:
        return []
    return [
        {
            "uuid": m.uuid,
            "meldingsnummer": m.meldingsnummer,
            "begindatum": m.begindatum,
            "einddatum": m.einddatum,
            "status_label": m.get_status_display(),
        }
        for m in keten
    ]


def _collegas(actor):
    users = Gebruiker.objects.filter(organisatie=actor.organisatie, is_active=True).order_by(
        "last_name", "username"
    )
    return [u for u in users if u.heeft_rol(*BEHANDELROLLEN)]


def _gemeenten(uitgezonderd=None):
    qs = Gemeente.objects.order_by("naam")
    return qs.exclude(pk=uitgezonderd.pk) if uitgezonderd else qs


def _ontvanger_forms(actor, melding, data=None, welke: str = "", woonplaats=None) -> dict:
    """The action forms of the receiving party; `data` binds the one named `welke`. After
    a move in the BRP (R-RT-5) the forward form has the new gemeente preselected; it always
    names the BRP woongemeente, so forwarding elsewhere is a conscious choice."""
    if queries.partij(actor, melding) != "ontvanger" or not melding.is_open:
        return {}
    overgangen = regels.toegestane_overgangen(melding.status, "ontvanger").naar
    woonplaats = woonplaats or ONBEKEND
    return {
        "status_form": StatusForm(
            data if welke == "status" else None,
            overgangen=overgangen,
            boa=actor.boa,
            prefix="status",
        ),
        "doorsturen_form": DoorsturenForm(
            data if welke == "doorsturen" else None,
            gemeenten=_gemeenten(melding.verantwoordelijke_gemeente),
            woongemeente=woonplaats.gemeente,
            initial={"gemeente": woonplaats.gemeente.code} if woonplaats.verhuisd else None,
            prefix="doorsturen",
        ),
        "toewijzen_form": ToewijzenForm(
            data if welke == "toewijzen" else None,
            collegas=_collegas(actor),
            initial={"behandelaar": str(melding.behandelaar_id or "")},
            prefix="toewijzen",
        ),
    }


def _leerling_url(actor, melding) -> str | None:
    """The leerling page, for a role that may see person data and only when the pupil is
    in the actor's scope (a school: enrolled now), so the link never leads to a 404."""
    if not leerlingkaart.mag_persoonsgegevens_zien(actor):
        return None
    if not zichtbare_leerlingen(actor).filter(pk=melding.leerling_id).exists():
        return None
    return reverse("personen:leerling", args=[melding.leerling.uuid])


def _dossier(actor, melding):
    """The uuid of the dossier the melding is in at the actor's organisation, for a link —
    only for the receiver and only for whom may open dossiers (dossierkoppeling, R-CW-1)."""
    if not dossierkoppeling.mag_openen(actor):
        return None
    return dossierkoppeling.dossiers_van(actor, [melding]).get(melding.pk)


def _detail_context(actor, melding) -> dict:
    return {
        "melding": melding,
        "leerling": _leerling(melding) | {"url": _leerling_url(actor, melding)},
        "verzuimdagen": _verzuimdagen(melding),
        "historie": _historie(melding),
    }


# --- leerplicht (receiving party) --------------------------------------------------------


@ontvanger_pagina
@require_http_methods(["GET"])
def inbox(request):
    actor = request.actor
    gekozen = _map(request, MAPPEN, "nieuw")
    if omleiding := _naar_alle(request, gekozen):
        return omleiding
    vestigingen = Vestiging.objects.filter(
        pk__in=queries.meldingen_voor(actor).values("vestiging")
    ).order_by("naam")
    filters = InboxFilterForm(request.GET, vestigingen=vestigingen, statussen=_statussen(gekozen))
    context = {
        "tabs": _tabs(actor, MAPPEN, gekozen, doorgestuurd=True),
        "map": gekozen,
        "bijschrift": dict(MAPPEN)[gekozen],
    }
    return _lijst(
        request,
        queries.inbox(actor, gekozen),
        filters,
        context,
        "meldingen/inbox.html",
        verhuisvlag=True,
    )


@login_required
def detail(request, uuid):
    """One URL for both sides: the school's view or the receiving party's."""
    org = request.user.organisatie
    if org is not None and org.soort == OrganisatieSoort.SCHOOL:
        return school_detail(request, uuid)
    return ontvanger_detail(request, uuid)


@ontvanger_pagina
@require_http_methods(["GET"])
def doorgestuurd(request):
    """The sender's "Doorgestuurd" folder (R-RT-5): what it forwarded, where to and when."""
    actor = request.actor
    pag = Paginator(queries.doorgestuurd_door(actor), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    doorzendingen = services.lees_doorzendingen(actor, pag.object_list)
    namen = _namen(d.melding.leerling for d in doorzendingen)
    rijen = [
        {
            "d": d,
            "naam": namen.get(d.melding.leerling.burgerservicenummer or "", ""),
            "identificatie": maskeer(d.melding.leerling.identificatie),
            "door": _door(d.door_label, d.door_gebruiker),
        }
        for d in doorzendingen
    ]
    context = {
        "tabs": _tabs(actor, MAPPEN, DOORGESTUURD[0], doorgestuurd=True),
        "pagina": pag,
        "rijen": rijen,
    }
    return render(request, "meldingen/doorgestuurd.html", context)


def _doorgestuurd_detail(request, uuid):
    """The old address of a melding this organisation forwarded: where it went, when and
    why, with the melding as reported; not its casework after (R-RT-5, R-ME-7)."""
    d = services.lees_doorgestuurde(request.actor, uuid)
    context = {
        "d": d,
        "melding": d.melding,
        "leerling": _leerling(d.melding),
        "door": _door(d.door_label, d.door_gebruiker),
    }
    return render(request, "meldingen/doorgestuurd_detail.html", context)


@ontvanger_pagina
def ontvanger_detail(request, uuid, *, forms=None, status=200):
    actor = request.actor
    try:
        melding = services.lees_melding(actor, uuid)  # audits the pupil, also for the BRP read
    except NietGevonden:
        if request.method != "GET":
            raise
        return _doorgestuurd_detail(request, uuid)
    ontvanger = queries.partij(actor, melding) == "ontvanger"
    if request.method == "GET" and ontvanger:  # opening it reads the in-app inbox (R-RT-4)
        for notificatie in queries.notificaties_voor(actor).filter(melding=melding):
            services.markeer_gelezen(actor, notificatie.pk)
    woonplaats = woonplaatsen(actor, [melding]).get(melding.pk) if ontvanger else None
    context = _detail_context(actor, melding) | {
        "doorzendingen": melding.doorzendingen.select_related("van", "naar"),
        "keten": _keten(actor, melding),
        "woonplaats": woonplaats,
        "dossier": _dossier(actor, melding),
    }
    if forms is None:
        forms = _ontvanger_forms(actor, melding, woonplaats=woonplaats)
    context |= forms
    return render(request, "meldingen/detail.html", context, status=status)


class Bevestigen(Exception):
    """The action passed every check and is final: ask the person to confirm it first."""

    def __init__(self, **context):
        super().__init__()
        self.context = context


def _actie(request, uuid, welke: str, uitvoeren, gelukt: str):
    """POST of one action form on the detail page: run the service, or show the form
    again with the errors next to the fields (nothing saved), or ask to confirm."""
    actor = request.actor
    melding = queries.melding_voor(actor, uuid)
    woonplaats = woonplaatsen(actor, [melding]).get(melding.pk)
    forms = _ontvanger_forms(actor, melding, request.POST, welke, woonplaats=woonplaats)
    form = forms.get(f"{welke}_form")
    if form is None:
        raise PermissionDenied("Deze melding kan niet meer worden gewijzigd.")
    if form.is_valid():
        try:
            uitvoeren(actor, melding, form.cleaned_data)
        except MeldingOngeldig as e:
            form.toon_fouten(e.fouten)
        except OvergangNietToegestaan as e:
            form.add_error("status" if "status" in form.fields else None, str(e))
        except Bevestigen as b:
            return ontvanger_detail(request, uuid, forms=forms | b.context)
        else:
            messages.success(request, gelukt)
            return redirect("meldingen:detail", uuid=melding.uuid)
    return ontvanger_detail(request, uuid, forms=forms, status=400)


@ontvanger_pagina
@require_POST
def status_wijzigen(request, uuid):
    """Closing is final (R-RT-6): after every check passed, the page asks to confirm it
    (a second POST with `bevestigd`) before anything is written."""

    def uitvoeren(actor, melding, c):
        args = {"reden": c.get("reden") or None, "toelichting": c["toelichting"]}
        if c["status"] == Status.AFGESLOTEN and request.POST.get("bevestigd") != "1":
            services.controleer_status(actor, melding.uuid, c["status"], **args)
            raise Bevestigen(afsluiten={"reden": REDEN_LABELS.get(c["reden"], c["reden"])})
        services.wijzig_status(actor, melding.uuid, c["status"], **args)

    return _actie(request, uuid, "status", uitvoeren, "De status is gewijzigd.")


@ontvanger_pagina
@require_POST
def doorsturen(request, uuid):
    def uitvoeren(actor, melding, c):
        services.stuur_door(actor, melding.uuid, c["gemeente"], c["toelichting"])

    response = _actie(request, uuid, "doorsturen", uitvoeren, "De melding is doorgestuurd.")
    if response.status_code == 302:  # no longer ours: back to the inbox
        return redirect("meldingen:inbox")
    return response


@ontvanger_pagina
@require_POST
def toewijzen(request, uuid):
    def uitvoeren(actor, melding, c):
        behandelaar = next((u for u in _collegas(actor) if str(u.pk) == c["behandelaar"]), None)
        services.wijs_toe(actor, melding.uuid, behandelaar)

    return _actie(request, uuid, "toewijzen", uitvoeren, "De behandelaar is opgeslagen.")


# --- school ------------------------------------------------------------------------------


@school_pagina
@require_http_methods(["GET"])
def school_lijst(request):
    actor = request.actor
    # The folders, then one per marker the apps above add (schoolmarkeringen: "Verzuimoverzicht
    # gevraagd", R-CW-3), counted in the tabs' one aggregate query.
    mappen = SCHOOL_MAPPEN + tuple((m.code, m.label) for m in schoolmarkeringen.markeringen())
    gekozen = _map(request, mappen, "alle")
    if omleiding := _naar_alle(request, gekozen):
        return omleiding
    vestigingen = actor.organisatie.vestigingen.order_by("naam")
    filters = InboxFilterForm(request.GET, vestigingen=vestigingen, statussen=_statussen(gekozen))
    context = {
        "school_weergave": True,
        "tabs": _tabs(actor, mappen, gekozen),
        "map": gekozen,
        "bijschrift": f"Meldingen van uw school: {dict(mappen)[gekozen].lower()}",
    }
    return _lijst(
        request,
        queries.inbox(actor, gekozen),
        filters,
        context,
        "meldingen/school_lijst.html",
        markeren=True,
    )


@school_pagina
def school_detail(request, uuid, *, intrekken_form=None, sectie_invoer=None, status=200):
    """The school's melding page; the apps above add sections (schoolsecties: the
    verzuimoverzicht request, R-CW-3). ``sectie_invoer``: a section's failed POST, shown
    again with its errors."""
    actor = request.actor
    melding = services.lees_melding(actor, uuid)
    if intrekken_form is None and melding.is_open:
        intrekken_form = IntrekkenForm(prefix="intrekken")
    context = _detail_context(actor, melding) | {
        "intrekken_form": intrekken_form,
        "secties": schoolsecties.secties(actor, melding, sectie_invoer),
    }
    return render(request, "meldingen/school_detail.html", context, status=status)


@school_pagina
@require_POST
def intrekken(request, uuid):
    actor = request.actor
    melding = queries.melding_voor(actor, uuid)
    form = IntrekkenForm(request.POST, prefix="intrekken")
    if form.is_valid():
        try:
            services.trek_in(
                actor, melding.uuid, form.cleaned_data["reden"], form.cleaned_data["toelichting"]
            )
        except MeldingOngeldig as e:
            form.toon_fouten(e.fouten)
        except OvergangNietToegestaan as e:
            form.add_error("reden", str(e))
        else:
            messages.success(request, f"Melding {melding.meldingsnummer} is ingetrokken.")
            return redirect("meldingen:detail", uuid=melding.uuid)
    return school_detail(request, uuid, intrekken_form=form, status=400)


def _contactpersoon(user) -> dict:
    """The melding's contact person starts as the signed-in school employee (R-ME-1)."""
    return {
        "contact_naam": user.get_full_name(),
        "contact_email": user.email,
        "contact_functie": getattr(user, "functie", ""),
        "contact_telefoon": getattr(user, "telefoon", ""),
    }


@school_pagina
@require_http_methods(["GET", "POST"])
def nieuw(request):
    """The reporting form. The service checks everything (as for the API) on the first
    submit, together with what the form could not read, so all errors come at once."""
    actor = request.actor
    form = MeldingForm(
        request.POST if request.method == "POST" else None,
        initial=_contactpersoon(request.user),
        vestigingen=actor.organisatie.vestigingen.order_by("naam"),
        gemeenten=_gemeenten(),
    )
    if request.method == "POST":
        form.is_valid()  # only a choice outside the list fails here; it is shown as well
        data, invoerfouten = form.naar_api()
        invoerfouten += [{"name": n, "code": "invalid", "reason": ""} for n in form.errors]
        try:
            intake = services.meld_verzuim(actor, data, invoerfouten=invoerfouten)
        except MeldingOngeldig as e:
            form.toon_fouten([f for f in e.fouten if f["reason"]])
        else:
            m = intake.melding
            if intake.nieuw:
                messages.success(
                    request, f"Melding {m.meldingsnummer} is verstuurd naar {m.ontvanger.naam}."
                )
            else:
                messages.info(request, f"Deze melding bestond al: {m.meldingsnummer}.")
            return redirect("meldingen:detail", uuid=m.uuid)
    status = 400 if form.is_bound else 200
    context = {"form": form, "keuzehulp_staat": _keuzehulp_staat(form["keuzehulp"].value())}
    return render(request, "meldingen/nieuw.html", context, status=status)


def _keuzehulp_staat(tekst: str | None) -> str:
    """The keuzehulp's answers the form brought back, as htmx values for showing that step
    again (the keuzehulp checks them itself); "" when none."""
    staat = {
        k: v
        for k, v in QueryDict(tekst or "").items()
        if k == "stappen" or k.startswith("antwoord-")
    }
    return json.dumps({**staat, "herstel": "1"}) if staat.get("stappen") else ""


@login_required
def start(request):
    """/meldingen/: the right list for the user's side."""
    if request.user.heeft_rol(*SCHOOLROLLEN):
        return redirect("meldingen:mijn")
    if request.user.heeft_rol(*BEHANDELROLLEN):
        return redirect("meldingen:inbox")
    raise PermissionDenied("Meldingen horen niet bij uw rol.")
