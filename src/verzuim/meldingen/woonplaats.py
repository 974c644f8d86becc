"""Where the BRP says the pupils of open meldingen live, against the receiving organisation's
werkgebied (R-RT-5): derived on every view, never stored.

- The BRP woongemeente is inside the receiver's werkgebied: nothing to say.
- It is outside, and differs from what the last routing decision knew (the gemeente the
  melding was routed to, or the BRP woongemeente recorded with the forward that brought it
  here): the pupil moved — `verhuisd`, the page offers to forward it there.
- It is outside, but the sender forwarded it here knowing the BRP said otherwise (with a
  toelichting, `services.stuur_door`): no move; the page says where the BRP has the pupil
  and why it was forwarded anyway.

One BRP call (purpose "routering") for all pupils shown. The read is covered by the audit
record of the melding read that showed them (`services.lees_melding` / `lees_meldingen`), so
it writes none of its own. Pupils without a BSN, without a Dutch gemeente (RNI, emigrated)
or deceased have no known woongemeente.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from verzuim.audit.context import Actor
from verzuim.meldingen.models import Doorzending
from verzuim.organisaties.models import Gemeente
from verzuim.organisaties.queries import gemeentenummers_van
from verzuim.personen.brp import BrpFout, get_brp
from verzuim.personen.identificatie import RNI_GEMEENTE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Woonplaats:
    gemeente: Gemeente | None  # the BRP woongemeente today; None: unknown
    buiten_werkgebied: bool = False
    verhuisd: bool = False
    doorzending: Doorzending | None = None  # the forward here that knowingly deviated


ONBEKEND = Woonplaats(None)


def _brp_codes(bsns: list[str]) -> dict[str, str]:
    try:
        personen = get_brp().raadpleeg(bsns, "routering")
    except BrpFout:
        logger.warning("BRP niet bereikbaar: woongemeenten niet gecontroleerd")
        return {}
    codes = {}
    for p in personen:
        code = (p.get("gemeenteVanInschrijving") or {}).get("code")
        if code and code != RNI_GEMEENTE and not p.get("overlijden"):
            codes[p["burgerservicenummer"]] = code
    return codes


def woonplaatsen(actor: Actor, meldingen) -> dict[int, Woonplaats]:
    """Per open melding with a BSN (pk →) its pupil's Woonplaats, for the receiving party
    `actor`. A fixed number of queries for any number of meldingen."""
    open_ = [m for m in meldingen if m.is_open and m.leerling.burgerservicenummer]
    if not open_:
        return {}
    codes = _brp_codes(sorted({m.leerling.burgerservicenummer for m in open_}))
    gemeenten = {
        g.nummer: g for g in Gemeente.objects.filter(code__in={f"GM{c}" for c in codes.values()})
    }
    werkgebied = gemeentenummers_van(actor.organisatie)
    binnen = {}  # the last forward into this organisation, per melding
    for d in Doorzending.objects.filter(
        melding__in=[m.pk for m in open_], naar=actor.organisatie
    ).select_related("van", "brp_gemeente"):
        binnen[d.melding_id] = d  # ordered by tijdstip: the last one wins
    uit = {}
    for m in open_:
        g = gemeenten.get(codes.get(m.leerling.burgerservicenummer, ""))
        if g is None:
            uit[m.pk] = ONBEKEND
            continue
        if g.nummer in werkgebied:
            uit[m.pk] = Woonplaats(g)
            continue
        d = binnen.get(m.pk)
        bekend = d.brp_gemeente_id if d is not None else m.verantwoordelijke_gemeente_id
        if bekend == g.pk:
            uit[m.pk] = Woonplaats(g, buiten_werkgebied=True, doorzending=d)
        else:
            uit[m.pk] = Woonplaats(g, buiten_werkgebied=True, verhuisd=True)
    return uit
