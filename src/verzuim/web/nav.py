"""Navigation and start-page content per role (issue 2 item 10).

Other apps add their pages with `registreer(...)`, e.g. in their AppConfig.ready():

    from verzuim.web import nav
    nav.registreer("Inbox", "meldingen:inbox", rollen={"leerplichtambtenaar"}, volgorde=10)

An item is shown only when its URL name resolves, so an app that is not wired yet is simply
absent. `teller(rol, label, functie)` adds a cheap count (function of the user) to the start
page of a role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from verzuim.accounts.backends import mag_beheren
from verzuim.accounts.models import Rol


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    rollen: frozenset[str] = field(default_factory=frozenset)  # empty: every signed-in user
    volgorde: int = 50
    omschrijving: str = ""
    badge: Callable | None = None  # functie(user) -> int, e.g. new meldingen
    badge_label: str = ""  # what the number counts, for screen readers ("14 nieuw")
    mag: Callable | None = None  # functie(user) -> bool, instead of the roles


_ITEMS: dict[str, NavItem] = {}
_TELLERS: dict[str, list[tuple[str, Callable]]] = {}

# What each role can do, shown on the start page (domain.md §1).
ROL_OMSCHRIJVING = {
    Rol.SCHOOLMEDEWERKER: "U meldt verzuim van leerlingen van uw school en volgt de status van "
    "uw meldingen.",
    Rol.LEERPLICHTAMBTENAAR: "U behandelt de verzuimmeldingen die naar uw gemeente of dienst "
    "zijn gerouteerd en voert de dossiers.",
    Rol.ADMINISTRATIEF_MEDEWERKER: "U verwerkt binnenkomende meldingen, brieven en verzoeken aan "
    "scholen; handhavingsbesluiten neemt de leerplichtambtenaar.",
    Rol.RMC_TRAJECTBEGELEIDER: "U begeleidt jongeren van 18 tot 23 jaar zonder startkwalificatie "
    "in uw RMC-regio.",
    Rol.BELEIDSMEDEWERKER: "U bekijkt geaggregeerde cijfers over verzuim; u ziet geen "
    "persoonsgegevens.",
    Rol.PRIVACY_OFFICER: "U behandelt inzageverzoeken en doorzoekt het auditlog: wie heeft wanneer "
    "welke gegevens ingezien of gewijzigd, en waarom.",
    Rol.REGISTERBEHEERDER: "U beheert de referentiegegevens, organisaties, routering, gebruikers "
    "en API-koppelingen.",
    Rol.FUNCTIONEEL_BEHEERDER: "U beheert het briefhoofd en de briefsjablonen van uw organisatie.",
}


def registreer(
    label: str,
    url_name: str,
    *,
    rollen=(),
    volgorde: int = 50,
    omschrijving: str = "",
    badge: Callable | None = None,
    badge_label: str = "",
    mag: Callable | None = None,
) -> None:
    """Add (or replace, by url_name) a navigation item for the given roles (or for whom
    `mag(user)` allows, when access is decided elsewhere)."""
    _ITEMS[url_name] = NavItem(
        label, url_name, frozenset(rollen), volgorde, omschrijving, badge, badge_label, mag
    )


def teller(rol: str, label: str, functie: Callable) -> None:
    """A count on the start page of `rol`: functie(user) -> int (keep it cheap)."""
    _TELLERS.setdefault(rol, []).append((label, functie))


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _mag(item: NavItem, user) -> bool:
    if item.mag is not None:
        return item.mag(user)
    if not item.rollen:
        return True
    return bool(set(user.rollen or []) & item.rollen)


def menu_voor(user, huidig_pad: str = "") -> list[dict]:
    """The navigation items this user may see, in order, with `huidig` for aria-current."""
    if not user.is_authenticated:
        return []
    items = []
    for item in sorted(_ITEMS.values(), key=lambda i: (i.volgorde, i.label)):
        if not _mag(item, user):
            continue
        url = _url(item.url_name)
        if url is None:
            continue
        huidig = huidig_pad == url if url == "/" else huidig_pad.startswith(url)
        items.append(
            {
                "label": item.label,
                "url": url,
                "huidig": huidig,
                "omschrijving": item.omschrijving,
                "badge": item.badge(user) if item.badge else 0,
                "badge_label": item.badge_label,
            }
        )
    return items


def startblokken(user) -> list[dict]:
    """Per role of the user: what the role can do, its pages and cheap counts."""
    blokken = []
    for rol in user.rollen or []:
        if rol not in Rol.values:
            continue
        links = [
            {"label": i.label, "url": _url(i.url_name), "omschrijving": i.omschrijving}
            for i in sorted(_ITEMS.values(), key=lambda i: (i.volgorde, i.label))
            if rol in i.rollen and _url(i.url_name)
        ]
        tellers = [{"label": label, "aantal": f(user)} for label, f in _TELLERS.get(rol, [])]
        blokken.append(
            {
                "rol": rol,
                "titel": Rol(rol).label,
                "omschrijving": ROL_OMSCHRIJVING.get(rol, ""),
                "links": links,
                "tellers": tellers,
            }
        )
    return blokken


SCHOOL = {Rol.SCHOOLMEDEWERKER}
LEERPLICHT = {Rol.LEERPLICHTAMBTENAAR, Rol.ADMINISTRATIEF_MEDEWERKER, Rol.RMC_TRAJECTBEGELEIDER}
CIJFERS = LEERPLICHT | {Rol.BELEIDSMEDEWERKER, Rol.REGISTERBEHEERDER}

#: The page a role starts on instead of the overview of its blocks (issue 11 item 6: the
#: beleidsmedewerker's start page is the figures). The first role of the user that has one
#: decides.
#: The leerplichtambtenaar starts on the worklist of dossiers (issue 9 item 4).
STARTPAGINA = {
    Rol.BELEIDSMEDEWERKER: "cijfers:overzicht",
    Rol.PRIVACY_OFFICER: "privacy:werklijst",  # issue 12: the open inzage requests
    Rol.LEERPLICHTAMBTENAAR: "dossiers:werklijst",
}


def startpagina_voor(user) -> str | None:
    """The first start page of the user's roles that exists and that the user may open (a
    privacy officer without an organisation keeps the overview)."""
    for rol in user.rollen or []:
        naam = STARTPAGINA.get(rol)
        item = _ITEMS.get(naam) if naam else None
        if naam and _url(naam) and (item is None or _mag(item, user)):
            return naam
    return None


registreer("Start", "web:start", volgorde=0)


def _nieuwe_meldingen(user) -> int:
    """The inbox badge (R-RT-4): the number in the inbox folder "Nieuw" (registered, nobody
    has taken it up), counted by the same query, so the two always agree."""
    from verzuim.audit.context import actor_for_user
    from verzuim.meldingen.queries import inbox_tellingen

    return inbox_tellingen(actor_for_user(user), ["nieuw"])["nieuw"]


registreer(
    "Inbox meldingen",
    "meldingen:inbox",
    rollen=LEERPLICHT,
    volgorde=10,
    omschrijving="Nieuwe en lopende meldingen voor uw organisatie.",
    badge=_nieuwe_meldingen,
    badge_label="nieuw",
)
GEVRAAGD = "verzuimoverzicht"  # the marker's folder code (dossiers.schoolpagina.MARKERING)


def _gevraagde_overzichten(user) -> int:
    """The school's badge (issue 9 §3, R-CW-3): its meldingen with an open verzuimoverzicht
    request, counted by the query of its list's folder "Verzuimoverzicht gevraagd"
    (meldingen.schoolmarkeringen, filled by dossiers), so the two always agree."""
    from verzuim.audit.context import actor_for_user
    from verzuim.meldingen import schoolmarkeringen
    from verzuim.meldingen.queries import inbox_tellingen

    if schoolmarkeringen.markering(GEVRAAGD) is None:
        return 0
    return inbox_tellingen(actor_for_user(user), [GEVRAAGD])[GEVRAAGD]


registreer(
    "Mijn meldingen",
    "meldingen:mijn",
    rollen=SCHOOL,
    volgorde=10,
    omschrijving="De meldingen van uw school en hun status; een verzoek om het "
    "verzuimoverzicht staat in de map Verzuimoverzicht gevraagd.",
    badge=_gevraagde_overzichten,
    badge_label="verzuimoverzicht gevraagd",
)
registreer(
    "Nieuwe melding",
    "meldingen:nieuw",
    rollen=SCHOOL,
    volgorde=11,
    omschrijving="Verzuim melden met de keuzehulp.",
)


def _open_signalen(user) -> int:
    """Open signals (absoluut verzuim, potential LRV) the user's organisation handles."""
    from verzuim.audit.context import actor_for_user
    from verzuim.signalen.queries import aantal_open

    return aantal_open(actor_for_user(user))


def _mag_inzage(user) -> bool:
    from verzuim.audit.context import actor_for_user
    from verzuim.privacy.queries import mag_inzage_behandelen

    return mag_inzage_behandelen(actor_for_user(user))


def _open_inzage(user) -> int:
    """Unanswered inzage requests of the user's organisation (R-PR-3)."""
    from verzuim.audit.context import actor_for_user
    from verzuim.privacy.queries import open_verzoeken

    return open_verzoeken(actor_for_user(user)).count()


def _mag_dossiers(user) -> bool:
    from verzuim.audit.context import actor_for_user
    from verzuim.dossiers.queries import mag_dossiers_zien

    return mag_dossiers_zien(actor_for_user(user))


def _verstreken_dossiers(user) -> int:
    """Open dossiers of the organisation whose next action date has passed (R-CW-4)."""
    from verzuim import clock
    from verzuim.audit.context import actor_for_user
    from verzuim.dossiers.queries import open_dossiers_voor

    return open_dossiers_voor(actor_for_user(user)).filter(volgende_actie__lt=clock.today()).count()


registreer(
    "Werklijst dossiers",
    "dossiers:werklijst",
    volgorde=9,
    omschrijving="Uw dossiers: actiedatum verstreken, deze week, nieuwe meldingen, wacht op school.",
    badge=_verstreken_dossiers,
    badge_label="actiedatum verstreken",
    mag=_mag_dossiers,
)
registreer(
    "Signalen",
    "signalen:lijst",
    rollen=LEERPLICHT,
    volgorde=12,
    omschrijving="Absoluut verzuim en potentieel langdurig verzuim, afgeleid door het register.",
    badge=_open_signalen,
    badge_label="open",
)
registreer(
    "Leerplichtigen",
    "signalen:leerplichtigen",
    rollen=LEERPLICHT,
    volgorde=13,
    omschrijving="Alle leerplichtigen in uw gemeente(n), met school en status.",
)
registreer(
    "Leerling zoeken",
    "personen:zoeken",
    rollen=SCHOOL | LEERPLICHT,
    volgorde=20,
    omschrijving="Gegevens en leerplichtstatus van een leerling opzoeken.",
)
registreer(
    "Keuzehulp",
    "web:keuzehulp",
    rollen=SCHOOL | LEERPLICHT,
    volgorde=21,
    omschrijving="Melden of niet? De keuzehulp verzuimsoorten (openbaar).",
)
registreer(
    "Leerplichttelling",
    "cijfers:overzicht",
    rollen=CIJFERS,
    volgorde=30,
    omschrijving="De leerplichttelling per schooljaar, berekend uit de gegevens; vaststellen "
    "en downloaden.",
)
registreer(
    "Benchmark",
    "cijfers:benchmark",
    rollen=CIJFERS,
    volgorde=31,
    omschrijving="Verzuim per 1.000 leerplichtigen per gemeente en regio (openbaar).",
)
registreer(
    "Cijfers",
    "cijfers:school",
    rollen=SCHOOL,
    volgorde=30,
    omschrijving="Meldingen van uw school per soort en maand, te laat gemeld, status.",
)
registreer(
    "Inzageverzoeken",
    "privacy:werklijst",
    rollen={Rol.PRIVACY_OFFICER, Rol.LEERPLICHTAMBTENAAR},
    mag=_mag_inzage,
    volgorde=39,
    omschrijving="Inzageverzoeken van leerlingen en ouders registreren en beantwoorden.",
    badge=_open_inzage,
    badge_label="open",
)
registreer(
    "Auditlog",
    "audit:zoeken",
    rollen={Rol.PRIVACY_OFFICER},
    volgorde=40,
    omschrijving="Zoeken in het auditlog.",
)
registreer(
    "Beheer",
    "admin:index",
    rollen={Rol.REGISTERBEHEERDER, Rol.FUNCTIONEEL_BEHEERDER},  # their start-page blocks
    mag=mag_beheren,  # the admin site's own rule, superuser included
    volgorde=90,
    omschrijving="Referentiegegevens, organisaties, gebruikers en API-koppelingen.",
)


def _aantal_vestigingen(user) -> int:
    return user.organisatie.vestigingen.count() if user.organisatie else 0


def _aantal_gemeenten(user) -> int:
    from verzuim.organisaties.queries import gemeenten_van

    return gemeenten_van(user.organisatie).count()


def _audit_vandaag(user) -> int:
    """Today's records the privacy officer may search (their own organisation's, R-PR-1)."""
    from verzuim import clock
    from verzuim.audit.context import actor_for_user
    from verzuim.audit.queries import auditrecords

    return auditrecords(actor_for_user(user), {}).filter(tijdstip__date=clock.today()).count()


def _aantal_scholen(user) -> int:
    from verzuim.organisaties.models import Organisatie

    return Organisatie.objects.filter(soort="school").count()


def _aantal_gebruikers(user) -> int:
    from verzuim.accounts.models import Gebruiker

    return Gebruiker.objects.filter(is_active=True).count()


teller(Rol.SCHOOLMEDEWERKER, "Verzuimoverzicht gevraagd", _gevraagde_overzichten)
teller(Rol.SCHOOLMEDEWERKER, "Vestigingen van uw school", _aantal_vestigingen)
for _rol in LEERPLICHT:
    teller(_rol, "Gemeenten in uw werkgebied", _aantal_gemeenten)
    teller(_rol, "Open signalen", _open_signalen)
teller(Rol.PRIVACY_OFFICER, "Auditrecords vandaag", _audit_vandaag)
teller(Rol.REGISTERBEHEERDER, "Scholen (instellingen)", _aantal_scholen)
teller(Rol.REGISTERBEHEERDER, "Actieve gebruikers", _aantal_gebruikers)
