"""The XLSX review sheet (openpyxl): frozen header, wrapped text, a colour per flag kind,
a status drop-down (todo / ok / changed / query / ignore), an autofilter, a legend sheet.

Every text cell is stored as a string (``data_type="s"``), never as a
formula, whatever it starts with.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..io import atomic_open
from .rows import ROW_STATUSES, Sheet, kind_colour
from .table import (
    CONF,
    CPS,
    FINDINGS,
    FLAGS,
    LINES,
    NOTE,
    SOURCE,
    SRC_CPS,
    SRC_LINES,
    STATUS,
    TARGET,
    cells,
    clip,
    columns,
)

_WIDTHS = {SOURCE: 42, FLAGS: 60, FINDINGS: 40, NOTE: 30, STATUS: 10, "id": 12, "cue": 6, "start": 13, "end": 13,
           "speaker": 12, "kind": 9}


def build_workbook(sheet: Sheet) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "review"
    cols = columns(sheet)
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="E5E7EB")
    wrap = Alignment(wrap_text=True, vertical="top")
    red = Font(color="B91C1C", bold=True)
    for j, name in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=j)
        _set_text(cell, name)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = wrap
        letter = get_column_letter(j)
        width = _WIDTHS.get(name)
        if width is None:
            width = 42 if name.startswith(("machine translation", "target", "alternatives")) else 14
        ws.column_dimensions[letter].width = width
    index = {name: j for j, name in enumerate(cols, start=1)}
    for i, row in enumerate(sheet.rows, start=2):
        values = cells(sheet, row)
        for name, j in index.items():
            value = values.get(name)
            cell = ws.cell(row=i, column=j)
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell.value = value
            elif value is not None and value != "":
                _set_text(cell, clip(str(value)))
            cell.alignment = wrap
        kinds = row.flag_kinds
        if kinds:
            fill = PatternFill("solid", fgColor=kind_colour(kinds[0]).lstrip("#"))
            ws.cell(row=i, column=index[SOURCE]).fill = fill
            ws.cell(row=i, column=index[FLAGS]).fill = fill
        if any(n > row.max_chars for n in row.line_lengths):
            ws.cell(row=i, column=index[SRC_LINES]).font = red
        if row.cps > row.max_cps:
            ws.cell(row=i, column=index[SRC_CPS]).font = red
        for lang in sheet.langs:
            t = row.targets[lang]
            if t.over_chars:
                ws.cell(row=i, column=index[LINES.format(lang)]).font = red
            if t.line_lengths and t.over_cps:
                ws.cell(row=i, column=index[CPS.format(lang)]).font = red
            if t.confidence is not None:
                ws.cell(row=i, column=index[CONF.format(lang)]).number_format = "0%"
            ws.cell(row=i, column=index[TARGET.format(lang)]).fill = PatternFill("solid", fgColor="FFFBEB")
    last = max(2, len(sheet.rows) + 1)
    status_letter = get_column_letter(index[STATUS])
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(ROW_STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="status",
        error="Choose one of: " + ", ".join(ROW_STATUSES),
        promptTitle="status",
        prompt="todo / ok / changed / query / ignore (ignore: hide this row's flags and findings on the next run)",
    )
    dv.add(f"{status_letter}2:{status_letter}{last}")
    ws.add_data_validation(dv)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"

    legend = wb.create_sheet("legend")
    _set_text(legend.cell(row=1, column=1), "flag kind")
    _set_text(legend.cell(row=1, column=2), "count")
    legend.cell(row=1, column=1).font = header_font
    legend.cell(row=1, column=2).font = header_font
    for i, (kind, n) in enumerate(sheet.flag_counts.items(), start=2):
        c = legend.cell(row=i, column=1)
        _set_text(c, kind)
        c.fill = PatternFill("solid", fgColor=kind_colour(kind).lstrip("#"))
        legend.cell(row=i, column=2).value = n
    meta = wb.create_sheet("locpipe")
    for i, (key, value) in enumerate(sheet.meta().items(), start=1):
        _set_text(meta.cell(row=i, column=1), key)
        _set_text(meta.cell(row=i, column=2), str(value))
    meta.sheet_state = "hidden"
    wb.properties.title = sheet.title
    wb.properties.creator = "locpipe"
    return wb


def _set_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string cell, never a formula (openpyxl turns ``=…`` into one otherwise)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    cell.data_type = "s"


def write_xlsx(sheet: Sheet, path: str | Path, *, protect: tuple[str | Path, ...] = ()) -> Path:
    wb = build_workbook(sheet)
    with atomic_open(path, "wb", protect=protect) as fh:
        wb.save(fh)
    return Path(path)
