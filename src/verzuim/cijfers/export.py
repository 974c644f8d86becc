"""The telling in the layout of the statutory form (art. 25 Lpw; issue 11 item 2): one row
per gemeente, one column per form line (section letter + number, as the definitions page),
plus the total when several gemeenten are exported. XLSX (openpyxl) with a second sheet of
definitions, and CSV (semicolon-separated, UTF-8 with BOM: what Dutch spreadsheet software
opens directly). A figure whose source is not available is empty with "n.b." in XLSX.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from verzuim import clock
from verzuim.cijfers.telling import Telling
from verzuim.rules._datum import nl

NIET_BESCHIKBAAR = "n.b."
VASTE_KOLOMMEN = ("Gemeentecode", "Gemeente", "Schooljaar")


def kopregels(telling: Telling) -> tuple[list[str], list[str]]:
    """(form line codes, labels) of every column."""
    codes = ["", "", ""] + [d.formulier for d in telling.definities]
    labels = list(VASTE_KOLOMMEN) + [d.titel for d in telling.definities]
    return codes, labels


def rijen(telling: Telling) -> list[list]:
    uit = [
        [r.gemeente.code, r.gemeente.naam, telling.periode.label]
        + [r.waarden.get(k) for k in telling.sleutels]
        for r in telling.rijen
    ]
    if len(telling.rijen) > 1:
        uit.append(
            ["", "Totaal", telling.periode.label]
            + [telling.totaal.get(k) for k in telling.sleutels]
        )
    return uit


def als_xlsx(telling: Telling, organisatie: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Leerplichttelling"
    ws.append(
        [f"Leerplichttelling (art. 25 Leerplichtwet) schooljaar {telling.periode.label} — "
         f"{organisatie} — opgemaakt {nl(clock.today())} uit de gegevens van het register"]
    )  # fmt: skip
    ws["A1"].font = Font(bold=True, size=13)
    codes, labels = kopregels(telling)
    ws.append(codes)
    ws.append(labels)
    for cel in ws[3]:
        cel.font = Font(bold=True)
        cel.alignment = Alignment(wrap_text=True, vertical="top")
    for rij in rijen(telling):
        ws.append([NIET_BESCHIKBAAR if v is None else v for v in rij])
    if telling.niet_beschikbaar:
        ws.append([])
        for reden in telling.niet_beschikbaar.values():
            ws.append([f"{NIET_BESCHIKBAAR}: {reden}"])
    ws.freeze_panes = "D4"
    for i in range(1, len(labels) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14 if i > 3 else 18
    defs = wb.create_sheet("Definities")
    defs.append(["Regel", "Cijfer", "API-veld", "Definitie", "Regels (domain.md)"])
    for cel in defs[1]:
        cel.font = Font(bold=True)
    for d in telling.definities:
        defs.append([d.formulier, d.titel, d.sleutel, d.uitleg, ", ".join(d.regels)])
    defs.column_dimensions["D"].width = 100
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def als_csv(telling: Telling) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    codes, labels = kopregels(telling)
    schrijver.writerow([f"{c} {t}".strip() for c, t in zip(codes, labels, strict=True)])
    for rij in rijen(telling):
        schrijver.writerow(["" if v is None else v for v in rij])
    return buffer.getvalue()
