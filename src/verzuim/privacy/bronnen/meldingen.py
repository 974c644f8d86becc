"""Verzuimmeldingen about the pupil that the organisation holds (reported by it, or routed
to it), each with its status history (R-RT-6) and forwardings (R-RT-5)."""

from __future__ import annotations

from verzuim.meldingen.queries import meldingen_voor, ziet_alles
from verzuim.privacy.bronnen import Bron, Sectie


def verzamel(lezer, leerling) -> Sectie:
    meldingen = (
        meldingen_voor(lezer)
        .filter(leerling=leerling)
        .prefetch_related("statussen", "doorzendingen__naar")
        .order_by("ontvangen")
    )
    rijen = []
    for m in meldingen:
        alles = ziet_alles(lezer, m)
        rijen.append(
            {
                "datum": m.ontvangen,
                # That and when verzuim occurred (R-PR-2a: also for a parent of a 16+ pupil).
                "gebeurtenis": f"Melding {m.meldingsnummer}: {m.get_verzuimsoort_display()} gemeld door "
                f"{m.instelling.naam}, verzuim van {m.begindatum:%d-%m-%Y}"
                + (f" tot en met {m.einddatum:%d-%m-%Y}" if m.einddatum else ""),
                "toelichting": (
                    f"Vermoedelijke reden: {m.vermoedelijke_reden}" if m.vermoedelijke_reden else ""
                ),  # fmt: skip
            }
        )
        for s in sorted(m.statussen.all(), key=lambda s: s.tijdstip):
            rijen.append(
                {
                    "datum": s.tijdstip,
                    "gebeurtenis": f"Melding {m.meldingsnummer}: status {s.get_status_display()}",
                    # What the school may not see of the casework it does not hold (R-ME-7).
                    "toelichting": s.toelichting if alles else "",
                }
            )
        for d in m.doorzendingen.all() if alles else ():
            rijen.append(
                {
                    "datum": d.tijdstip,
                    "gebeurtenis": f"Melding {m.meldingsnummer}: doorgestuurd naar {d.naar.naam}",
                    "toelichting": d.toelichting,
                }
            )
    return Sectie(
        naam="meldingen",
        titel="Verzuimmeldingen",
        kolommen=(
            ("datum", "Datum"),
            ("gebeurtenis", "Gebeurtenis"),
            ("toelichting", "Toelichting"),
        ),  # fmt: skip
        rijen=rijen,
        redenen=("toelichting",),
    )


BRON = Bron("meldingen", "Verzuimmeldingen", verzamel)
