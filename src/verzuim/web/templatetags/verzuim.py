"""Template filters for the Dutch UI: `{% load verzuim %}`.

- `{{ d|datum_nl }}`      date or datetime → dd-mm-jjjj (local time for datetimes)
- `{{ dt|datumtijd_nl }}` datetime → dd-mm-jjjj uu:mm (local time)
- `{{ td|duur_nl }}`       timedelta → "1 uur", "30 minuten", "1 uur en 30 minuten"
- `{{ r.actie|actie_label }}` audit action code → Dutch label
- `{{ tekst|zonder_regels }}` a rule's explanation without the rule ids (R-LP-1) that the
  API keeps for developers: pages show no rule ids
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django import template
from django.utils import timezone

from verzuim.audit.acties import label
from verzuim.rules.tekst import zonder_regels as _zonder_regels

register = template.Library()


def _lokaal(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def datum_nl(value) -> str:
    if isinstance(value, datetime):
        value = _lokaal(value).date()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else str(value)


@register.filter
def datumtijd_nl(value) -> str:
    if isinstance(value, datetime):
        return _lokaal(value).strftime("%d-%m-%Y %H:%M")
    return datum_nl(value)


_KLASSEN = {
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
}


@register.filter
def invoer(veld):
    """Render a form field's widget with NL Design System classes, linked to its help text
    and errors (aria-describedby, aria-invalid), as `web/_veld.html` lays them out."""
    widget = veld.field.widget
    soort = getattr(widget, "input_type", None) or (
        "textarea" if widget.__class__.__name__ == "Textarea" else "select"
    )
    klasse = _KLASSEN.get(soort, "utrecht-textbox utrecht-textbox--html-input")
    if veld.errors:
        klasse += " utrecht-textbox--invalid" if "textbox" in klasse else ""
    beschreven = []
    if veld.help_text:
        beschreven.append(f"{veld.auto_id}_helptext")
    if veld.errors:
        beschreven.append(f"{veld.auto_id}_error")
    attrs = {"class": f"{widget.attrs.get('class', '')} {klasse}".strip()}
    if beschreven:
        attrs["aria-describedby"] = " ".join(beschreven)
    if veld.errors:
        attrs["aria-invalid"] = "true"
    return veld.as_widget(attrs=attrs)


@register.filter
def actie_label(actie: str) -> str:
    return label(actie or "")


@register.filter
def zonder_regels(tekst) -> str:
    return _zonder_regels(str(tekst or ""))


@register.filter
def duur_nl(value) -> str:
    """A period as people say it (the lockout page said "PT1H")."""
    if not isinstance(value, timedelta):
        return ""
    minuten = round(value.total_seconds() / 60)
    dagen, rest = divmod(minuten, 24 * 60)
    uren, minuten = divmod(rest, 60)
    delen = [
        f"{dagen} {'dag' if dagen == 1 else 'dagen'}" if dagen else "",
        f"{uren} uur" if uren else "",
        f"{minuten} {'minuut' if minuten == 1 else 'minuten'}" if minuten else "",
    ]
    delen = [d for d in delen if d]
    if not delen:
        return "minder dan een minuut"
    return " en ".join([", ".join(delen[:-1]), delen[-1]] if len(delen) > 1 else delen)
