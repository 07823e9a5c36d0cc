"""The CSV review sheet: the same columns as the XLSX one (:mod:`.table`).

UTF-8 with a BOM (so Excel opens it as UTF-8), comma-separated, every field
quoted, CRLF line ends (RFC 4180). Cells that a spreadsheet would run as a
formula get a leading ``'``.
"""

from __future__ import annotations

import csv as _csv
import io
from pathlib import Path

from ..io import atomic_write_text
from .rows import Sheet
from .table import cells, columns, neutralise


def render_csv(sheet: Sheet) -> str:
    cols = columns(sheet)
    buf = io.StringIO()
    writer = _csv.writer(buf, quoting=_csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(cols)
    for row in sheet.rows:
        values = cells(sheet, row)
        writer.writerow([neutralise("" if values[c] is None else str(values[c])) for c in cols])
    return buf.getvalue()


def write_csv(sheet: Sheet, path: str | Path, *, protect: tuple[str | Path, ...] = ()) -> Path:
    atomic_write_text(path, "\ufeff" + render_csv(sheet), protect=protect)
    return Path(path)
