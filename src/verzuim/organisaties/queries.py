"""Reads over organisations and reference data. Reference data is public, so these helpers
are not scoped; they answer *which* gemeenten an organisation covers, which other apps use to
scope person data (R-PR-1), and *who* receives a melding (R-RT-2)."""

from __future__ import annotations

from django.db.models import QuerySet

from verzuim.organisaties.models import (
    Doelgroep,
    Gemeente,
    Organisatie,
    OrganisatieSoort,
    Routering,
)


def normaliseer_gemeentecode(code: str | int) -> str:
    """'GM0363', 'gm0363', '0363', '363' or 363 -> 'GM0363' (R-ID-4). Raises ValueError."""
    s = str(code).strip().upper()
    if s.startswith("GM"):
        s = s[2:]
    if not s.isdigit() or len(s) > 4:
        raise ValueError(f"Ongeldige gemeentecode: {code!r}")
    return f"GM{s.zfill(4)}"


def gemeente(code: str | int) -> Gemeente | None:
    """The Gemeente for a CBS code (GM0363) or the BRP's 4-digit nummer (0363); None if
    unknown or malformed."""
    try:
        return Gemeente.objects.filter(code=normaliseer_gemeentecode(code)).first()
    except ValueError:
        return None


def gemeenten_van(organisatie: Organisatie | None) -> QuerySet[Gemeente]:
    """The gemeenten an organisation is responsible for (R-PR-1, R-RT-2):
    a gemeente: itself; a leerplichtdienst: its werkgebied; an RMC-regio: its member
    gemeenten; a school, the register or None: none."""
    if organisatie is None:
        return Gemeente.objects.none()
    if organisatie.soort == OrganisatieSoort.GEMEENTE and organisatie.gemeente_id:
        return Gemeente.objects.filter(pk=organisatie.gemeente_id)
    if organisatie.soort == OrganisatieSoort.LEERPLICHTDIENST:
        return organisatie.werkgebied.all()
    if organisatie.soort == OrganisatieSoort.RMC_REGIO and organisatie.rmc_regio_id:
        return Gemeente.objects.filter(rmc_regio_id=organisatie.rmc_regio_id)
    return Gemeente.objects.none()


def gemeentenummers_van(organisatie: Organisatie | None) -> set[str]:
    """As gemeenten_van, as the 4-digit codes the BRP uses (gemeenteVanInschrijving.code)."""
    return {code[2:] for code in gemeenten_van(organisatie).values_list("code", flat=True)}


def ontvanger_voor(gemeente_of_code: Gemeente | str, doelgroep: str) -> Organisatie:
    """Who receives a melding for a pupil of this gemeente and doelgroep (R-RT-2):
    1. the Routering row for (gemeente, doelgroep), if registerbeheer set one;
    2. for 18-plus: the organisation of the RMC-regio's contactgemeente;
    3. otherwise the gemeente's own organisation.
    Never returns None for a known gemeente (R-RT-3: never drop a melding)."""
    g = gemeente_of_code
    if not isinstance(g, Gemeente):
        g = gemeente(g)
        if g is None:
            raise ValueError(f"Onbekende gemeente: {gemeente_of_code!r}")
    if doelgroep not in Doelgroep.values:
        raise ValueError(f"Onbekende doelgroep: {doelgroep!r}")
    routering = Routering.objects.select_related("naar").filter(gemeente=g, doelgroep=doelgroep)
    r = routering.first()
    contact = None
    if r is None and doelgroep == Doelgroep.ACHTTIEN_PLUS and g.rmc_regio_id:
        contact_id = g.rmc_regio.contactgemeente_id
        contact = Organisatie.objects.filter(gemeente_id=contact_id).first() if contact_id else None
    return _kies(r.naar if r else None, contact, lambda: _eigen_organisatie(g))


def _eigen_organisatie(g: Gemeente) -> Organisatie:
    return Organisatie.objects.get(gemeente=g, soort=OrganisatieSoort.GEMEENTE)


def _kies(routering, rmc_contact, eigen):
    """R-RT-2 in order: the routering set by registerbeheer, for 18-plus the RMC-regio's
    contactgemeente, otherwise the gemeente itself (``eigen()``, may raise DoesNotExist)."""
    return routering or rmc_contact or eigen()


def ontvangers() -> dict[tuple[int, str], int | None]:
    """``ontvanger_voor`` for every gemeente and doelgroep at once (3 queries): {(gemeente id,
    doelgroep): organisatie id, or None when the gemeente has no organisation}. For jobs that
    route many persons (signals)."""
    routering = {
        (r.gemeente_id, r.doelgroep): r.naar_id
        for r in Routering.objects.only("gemeente_id", "doelgroep", "naar_id")
    }
    eigen = dict(
        Organisatie.objects.filter(
            soort=OrganisatieSoort.GEMEENTE, gemeente__isnull=False
        ).values_list("gemeente_id", "pk")
    )
    per_gemeente_org = dict(
        Organisatie.objects.filter(gemeente__isnull=False).values_list("gemeente_id", "pk")
    )
    uit: dict[tuple[int, str], int | None] = {}
    for g_id, contact_id in Gemeente.objects.values_list("pk", "rmc_regio__contactgemeente_id"):
        for doelgroep in Doelgroep.values:
            contact = (
                per_gemeente_org.get(contact_id)
                if doelgroep == Doelgroep.ACHTTIEN_PLUS and contact_id
                else None
            )
            uit[(g_id, doelgroep)] = _kies(
                routering.get((g_id, doelgroep)), contact, lambda g_id=g_id: eigen.get(g_id)
            )
    return uit
