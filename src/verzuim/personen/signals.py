"""Events other apps react to, sent inside the writing transaction.

- vrijstelling_geregistreerd(sender, vrijstelling, actor): meldingen withdraws overlapping
  meldingen (R-RT-7).
- leerlingen_gekoppeld(sender, van, naar, actor): the onderwijsnummer pupil `van` was merged
  into `naar` (R-ID-2); apps move their rows from `van` to `naar`.
- brp_mutatie(sender, burgerservicenummer, soort, datum): a BRP event (R-SG-5), e.g. a move.
- leerlingen_zichtbaar_voor(sender, actor): asked by `queries.zichtbare_leerlingen` for a
  gemeente, leerplichtdienst or RMC-regio; each receiver returns a queryset of Leerling ids
  the organisation sees through its own casework (meldingen: the pupils of the meldingen
  routed to it), or None.
"""

from django.dispatch import Signal

vrijstelling_geregistreerd = Signal()
leerlingen_gekoppeld = Signal()
brp_mutatie = Signal()
leerlingen_zichtbaar_voor = Signal()
