"""School figures (R-FG-3, issue 11 item 4): for one school (instelling), over its own
meldingen received in a schooljaar: per verzuimsoort and month, late meldingen (R-ME-4), the
time until the receiving gemeente picked them up (the first status change after
`geregistreerd` by the receiver), and the status mix. Aggregates of the school's own
meldingen only: no person, nothing of the casework (R-ME-7)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from verzuim.cijfers.periode import Periode
from verzuim.meldingen.codes import Status, Verzuimsoort
from verzuim.meldingen.models import Melding, StatusWijziging
from verzuim.organisaties.models import Organisatie

#: A gemeente "picks up" a melding with its first status change of its own (R-RT-6).
OPGEPAKT = (Status.IN_BEHANDELING, Status.TER_KENNISGEVING, Status.AFGESLOTEN)
MAANDEN = ("aug", "sep", "okt", "nov", "dec", "jan", "feb", "mrt", "apr", "mei", "jun", "jul")


@dataclass
class Schoolcijfers:
    periode: Periode
    totaal: int
    per_maand: dict[str, list[int]]  # verzuimsoort → 12 months (Aug..Jul)
    te_laat: int
    te_laat_van: int  # meldingen with a deadline (16-uur, R-ME-4)
    opgepakt: int
    niet_opgepakt: int
    dagen_mediaan: float | None
    dagen_gemiddeld: float | None
    status: dict[str, int]

    @property
    def soorten(self) -> list[tuple[str, str, list[int]]]:
        return [
            (s.value, s.label, self.per_maand[s.value])
            for s in Verzuimsoort
            if any(self.per_maand.get(s.value, []))
        ]

    @property
    def maandtotalen(self) -> list[int]:
        return [sum(v[i] for v in self.per_maand.values()) for i in range(12)]


def schoolcijfers(school: Organisatie, periode: Periode) -> Schoolcijfers:
    begin = timezone.make_aware(dt.datetime.combine(periode.begin, dt.time.min))
    eind = timezone.make_aware(
        dt.datetime.combine(periode.eind + dt.timedelta(days=1), dt.time.min)
    )
    eerste = StatusWijziging.objects.filter(
        melding=OuterRef("pk"), status__in=OPGEPAKT, door_organisatie=OuterRef("ontvanger_id")
    ).order_by("tijdstip", "id")
    rijen = list(
        Melding.objects.filter(instelling=school, ontvangen__gte=begin, ontvangen__lt=eind)
        .annotate(opgepakt_op=Subquery(eerste.values("tijdstip")[:1]))
        .values_list("verzuimsoort", "ontvangen", "te_laat", "status", "opgepakt_op")
    )
    per_maand: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    status: dict[str, int] = {s.value: 0 for s in Status}
    dagen = []
    te_laat = te_laat_van = niet_opgepakt = 0
    for soort, ontvangen, laat, st, opgepakt_op in rijen:
        maand = timezone.localtime(ontvangen).month
        per_maand[soort][(maand - 8) % 12] += 1
        status[st] += 1
        if soort == Verzuimsoort.ZESTIEN_UUR:
            te_laat_van += 1
            te_laat += bool(laat)
        if opgepakt_op:
            dagen.append((opgepakt_op - ontvangen).total_seconds() / 86400)
        elif st != Status.INGETROKKEN:
            niet_opgepakt += 1
    return Schoolcijfers(
        periode=periode,
        totaal=len(rijen),
        per_maand={s.value: per_maand[s.value] for s in Verzuimsoort},
        te_laat=te_laat,
        te_laat_van=te_laat_van,
        opgepakt=len(dagen),
        niet_opgepakt=niet_opgepakt,
        dagen_mediaan=round(statistics.median(dagen), 1) if dagen else None,
        dagen_gemiddeld=round(statistics.fmean(dagen), 1) if dagen else None,
        status=status,
    )
