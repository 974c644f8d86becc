"""Events other apps react to, sent inside the writing transaction.

- vrijstelling_geregistreerd(sender, vrijstelling, actor): meldingen withdraws overlapping
  meldingen (R-RT-7).
- leerlingen_gekoppeld(sender, van, naar, actor): the onderwijsnummer pupil `van` was merged
  into `naar` (R-ID-2); apps move their rows from `van` to `naar`.
- brp_mutatie(sender, burgerservicenummer, soort, datum): a BRP event (R-SG-5), e.g. a move.
"""

from django.dispatch import Signal

vrijstelling_geregistreerd = Signal()
leerlingen_gekoppeld = Signal()
brp_mutatie = Signal()
