"""The processing log of the pupil (R-PR-1, issue 12 item 3): every processing of their data
by the organisation — who, when, what, for which purpose and on which legal ground — from
the audit log in the shape of the Logboek Dataverwerkingen (audit.logboek)."""

from __future__ import annotations

from verzuim.audit import logboek
from verzuim.audit.acties import label
from verzuim.audit.models import AuditRecord
from verzuim.audit.verwerkingen import OnbekendDoel, activiteit
from verzuim.privacy.bronnen import Bron, Sectie


def _doel(code: str) -> str:
    try:
        return activiteit(code).naam
    except OnbekendDoel:  # a record older than the register
        return code


def verzamel(lezer, leerling) -> Sectie:
    records = (
        AuditRecord.objects.over_persoon(leerling.identificatie)
        .filter(organisatie=lezer.organisatie_code)
        .prefetch_related("personen")
        .order_by("tijdstip", "id")
    )
    rijen = []
    for record, regel in _met_regels(records, leerling.identificatie):
        rijen.append(
            {
                "tijdstip": record.tijdstip,
                "wie": record.actor_label,
                "handeling": label(record.actie),
                "doel": _doel(record.doel),
                "grondslag": record.grondslag,
                "logboek": regel,
            }
        )
    return Sectie(
        naam="verwerkingen",
        titel="Wie heeft uw gegevens verwerkt",
        kolommen=(
            ("tijdstip", "Wanneer"),
            ("wie", "Wie"),
            ("handeling", "Wat"),
            ("doel", "Waarvoor"),
        ),  # fmt: skip
        rijen=rijen,
        toelichting="Elke keer dat een medewerker of systeem van de organisatie deze gegevens "
        "inzag, wijzigde, in een brief gebruikte of doorgaf, met het doel en de grondslag.",
    )


def _met_regels(records, persoon):
    for record in records:
        for regel in logboek.regels([record], alleen_persoon=persoon):
            yield record, regel


BRON = Bron("verwerkingen", "Wie heeft uw gegevens verwerkt", verzamel)
