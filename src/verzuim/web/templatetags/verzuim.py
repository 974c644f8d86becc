"""Template filters for the Dutch UI: `{% load verzuim %}`.

- `{{ d|datum_nl }}`      date or datetime → dd-mm-jjjj (local time for datetimes)
- `{{ dt|datumtijd_nl }}` datetime → dd-mm-jjjj uu:mm (local time)
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

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
