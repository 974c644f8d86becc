"""Signals of the accounts app.

`demo_uitleg`: sent by `demo_logins` (demo mode only) to ask the apps above what each demo
login sees there; a receiver returns ``{username: [line, …]}`` (Dutch, one line a thing to
look at). The accounts app knows no app above it, so the apps tell it this way.
"""

from django.dispatch import Signal

demo_uitleg = Signal()
