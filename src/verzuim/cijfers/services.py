"""The cijfers services: the scoped telling, the cases behind a number (audited person
reads) and delivering a telling (a frozen snapshot, audited)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from verzuim import clock
from verzuim.accounts import afscherming
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.cijfers import queries
from verzuim.cijfers.bronnen import Geval, bron_van, bronnen, definitie, definities
from verzuim.cijfers.definities import Definitie
from verzuim.cijfers.models import Vaststelling
from verzuim.cijfers.periode import Periode
from verzuim.cijfers.telling import Rij, Telling, Waarden, bereken
from verzuim.fouten import GeenToegang, NietGevonden
from verzuim.fouten import Ongeldig as MeldingOngeldig
from verzuim.organisaties.models import Gemeente
from verzuim.organisaties.queries import gemeenten_van

DOEL = "leerplichttelling controleren"


def telling_voor(actor: Actor, periode: Periode, gemeente: str | None = None) -> Telling:
    """The telling of the gemeenten the actor sees (or of one of them)."""
    if not queries.mag_telling_zien(actor):
        raise GeenToegang(
            "U ziet geen leerplichttelling: alleen gemeenten, diensten en het register."
        )
    gemeenten = queries.gemeenten_voor(actor)
    if gemeente:
        gemeenten = gemeenten.filter(code=gemeente)
        if not gemeenten.exists():
            raise NietGevonden("Gemeente niet gevonden.")
    return bereken(periode, gemeenten)


def _gemeente_in_scope(actor: Actor, code: str) -> Gemeente:
    g = queries.gemeenten_voor(actor).filter(code=code).first()
    if g is None:
        raise NietGevonden("Gemeente niet gevonden.")
    return g


def afgeschermde_bronnen(actor: Actor) -> frozenset[str]:
    """The sources whose cases are special categories the actor may not open (R-PR-5)."""
    if afscherming.ziet_bijzondere_gegevens(actor):
        return frozenset()
    return frozenset(b.naam for b in bronnen() if b.bijzonder)


def lees_gevallen(actor: Actor, periode: Periode, gemeente: str, sleutel: str) -> list[Geval]:
    """The cases behind one number that the actor's organisation handles (R-PR-1); one
    audit record per pupil shown. Cases handled elsewhere are counted, not shown."""
    if not queries.mag_gevallen_zien(actor):
        raise GeenToegang("Alleen de behandelende organisatie ziet de gevallen achter een cijfer.")
    g = _gemeente_in_scope(actor, gemeente)
    bron = bron_van(sleutel)
    if bron is None:
        raise NietGevonden("Onbekend cijfer.")
    if bron.bijzonder and not afscherming.ziet_bijzondere_gegevens(actor):
        raise GeenToegang(afscherming.GEVALLEN_AFGESCHERMD)
    if bron.beschikbaar():
        return []
    eigen = actor.organisatie.pk
    behandelt = gemeenten_van(actor.organisatie).filter(pk=g.pk).exists()
    gevallen = [
        gv
        for gv in bron.gevallen(periode, g.pk, sleutel)
        if gv.ontvanger_id == eigen or (gv.ontvanger_id is None and behandelt)
    ]
    if gevallen:
        audit.log_many(
            actor,
            "leerplichttelling.gevallen",
            sorted({gv.identificatie for gv in gevallen}),
            doel=DOEL,
            object_type="leerplichttelling",
            details={"schooljaar": periode.label, "gemeente": g.code, "cijfer": sleutel},
        )
    return sorted(gevallen, key=lambda gv: (str(gv.datum), gv.identificatie))


@transaction.atomic
def stel_vast(actor: Actor, periode: Periode, gemeente: str, toelichting: str = "") -> Vaststelling:
    """Mark the gemeente's telling as checked and delivered: a frozen snapshot."""
    if not queries.mag_vaststellen(actor):
        raise GeenToegang(
            "Alleen een beleidsmedewerker of leerplichtambtenaar van de gemeente of dienst "
            "stelt de telling vast."
        )
    g = _gemeente_in_scope(actor, gemeente)
    if not periode.afgelopen:
        raise MeldingOngeldig(
            [
                {
                    "name": "schooljaar",
                    "code": "lopend",
                    "reason": f"Schooljaar {periode.label} loopt nog; een telling wordt na "
                    "31 juli vastgesteld (R-FG-1).",
                }
            ]
        )
    if len(toelichting) > 2000:
        raise MeldingOngeldig(
            [{"name": "toelichting", "code": "max_length", "reason": "Hoogstens 2000 tekens."}]
        )
    rij = bereken(periode, [g]).rijen[0]
    v = Vaststelling.objects.create(
        gemeente=g,
        schooljaar=periode.label,
        waarden=rij.waarden,
        vastgesteld=clock.now(),
        door=actor.gebruiker,
        door_label=actor.label,
        organisatie=actor.organisatie,
        toelichting=toelichting,
    )
    audit.log(
        actor,
        "leerplichttelling.vaststellen",
        obj=v,
        details={"schooljaar": periode.label, "gemeente": g.code},
    )
    return v


def laatste_vaststelling(gemeente: Gemeente, periode: Periode) -> Vaststelling | None:
    return (
        Vaststelling.objects.filter(gemeente=gemeente, schooljaar=periode.label)
        .order_by("-vastgesteld", "-id")
        .first()
    )


def vastgestelde_telling(actor: Actor, periode: Periode, gemeente: str) -> Telling:
    """The telling of one gemeente as it was delivered (the last snapshot, R-FG-1), for the
    download of what was sent; NietGevonden when it was not delivered or not in scope."""
    if not queries.mag_telling_zien(actor):
        raise GeenToegang(
            "U ziet geen leerplichttelling: alleen gemeenten, diensten en het register."
        )
    g = _gemeente_in_scope(actor, gemeente)
    v = laatste_vaststelling(g, periode)
    if v is None:
        raise NietGevonden("Deze leerplichttelling is nog niet vastgesteld.")
    waarden = {d.sleutel: v.waarden.get(d.sleutel) for d in definities()}
    return Telling(periode, [Rij(g, waarden)], dict(waarden), definities())


@dataclass(frozen=True)
class Verschil:
    definitie: Definitie
    vastgesteld: int | None
    nu: int | None


def verschillen(vaststelling: Vaststelling, nu: Waarden) -> list[Verschil]:
    """The figures that changed since the snapshot (data corrected later, late meldingen,
    a source that became available)."""
    uit = []
    for sleutel in sorted(set(vaststelling.waarden) | set(nu)):
        oud, nieuw = vaststelling.waarden.get(sleutel), nu.get(sleutel)
        d = definitie(sleutel)
        if oud != nieuw and d is not None:
            uit.append(Verschil(d, oud, nieuw))
    return sorted(uit, key=lambda v: v.definitie.formulier)
