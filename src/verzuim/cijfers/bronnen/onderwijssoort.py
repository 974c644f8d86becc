"""R-FG-1a "by the last onderwijssoort": per pupil the onderwijssoort of its last inschrijving
that began on or before the end of the count (else its instelling's sector)."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from verzuim.cijfers.definities import onderwijssoort_groep
from verzuim.personen.models import Inschrijving


def laatste_onderwijssoort(leerlingen: QuerySet | list[int], eind: dt.date) -> dict[int, str]:
    """{leerling_id: group} for the given pupils (a queryset of ids runs as a subquery);
    pupils never enrolled are absent."""
    qs = (
        Inschrijving.objects.filter(leerling_id__in=leerlingen, begindatum__lte=eind)
        .annotate(
            rang=Window(
                RowNumber(),
                partition_by=[F("leerling_id")],
                order_by=[F("begindatum").desc(), F("id").desc()],
            )
        )
        .values_list("leerling_id", "onderwijssoort", "vestiging__instelling__sector", "rang")
    )
    return {p: onderwijssoort_groep(soort, sector) for p, soort, sector, rang in qs if rang == 1}
