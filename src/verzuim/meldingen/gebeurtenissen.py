"""Events of the meldingen services that the apps above react to (sent inside the writing
transaction; a receiver that fails rolls the write back). Named "gebeurtenissen" so as not
to be confused with the register's signals (the `signalen` app).

- melding_gerouteerd(sender, melding, actor): a new melding was routed to its receiver and
  is open (R-RT-1..3); dossiers opens the pupil's dossier or adds it to the open one
  (R-CW-1). Not sent for an exact duplicate or a melding withdrawn at intake (R-RT-7).
- melding_doorgestuurd(sender, melding, van, actor): an open melding was forwarded from
  organisation `van` to `melding.ontvanger` (R-RT-5); dossiers moves it to the receiver's
  dossier.
"""

from django.dispatch import Signal

melding_gerouteerd = Signal()
melding_doorgestuurd = Signal()
