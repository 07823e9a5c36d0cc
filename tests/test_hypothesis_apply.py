"""The importers of ``locpipe apply`` (CSV, XLSX, XLIFF) under hostile edits (hypothesis).

A translator's file comes back edited by hand, by Excel, by a CAT tool: any
cell or element may hold anything. Contract: a LocpipeError (ReviewImportError
or UsageError) naming the file, or subtitles written with every row's target
in them; never another exception, never a temporary file left behind.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

import fuzz_targets as F  # noqa: E402

from locpipe.errors import LocpipeError  # noqa: E402
from locpipe.review.apply import apply_review  # noqa: E402

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = st.sampled_from(
    ["", " ", "=1+1", "+SUM(A1)", "-2", "@cmd", "\t=x", "\r=x", "'=x", "=cmd|' /C calc'!A0", "s0001@0",
     "s0001@²", "s0001@٣", "x@99999999999999999999", "@", "ignore", "IGNORE", "todo", "bogus", "flag:idiom:x@s0001",
     "parse.x#²@s0001", "parse.x#1@s0001", "\x00", "\x1b[31m", "\u2028", "\ufeff", "<i>x</i>", "{\\an8}",
     "a" * 500, "\"", "\"\"", ";", ",", "\n", "\r\n", "1e309", "NaN", "-0", "🎬", "\ud800x"]
)
CELL = HOSTILE | st.text(max_size=20)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzñé", min_size=2, max_size=8)


def _apply(data: bytes, suffix: str, tmp_path: Path) -> str:
    folder = F.workdir()
    reviewed = tmp_path / f"film.review{suffix}"
    reviewed.write_bytes(data)
    out = tmp_path / "out.es.srt"
    try:
        apply_review(reviewed, source=folder / "film.srt", out=out, decisions_dir=tmp_path / "decisions")
    except LocpipeError as err:
        assert str(err).startswith(str(reviewed)), str(err)
        return "refused"
    finally:
        assert not list(tmp_path.glob(".*.tmp"))
    assert out.is_file()
    return out.read_text(encoding="utf-8")


def _words_in_order(words: list[str], text: str) -> bool:
    plain = re.sub(r"<[^>]+>", "", text)
    rx = r"\W+".join(re.escape(w) for w in words)
    return re.search(rx, plain) is not None


def _csv_rows() -> list[list[str]]:
    text = F.seeds("apply_csv")[0].decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=csv.QUOTE_ALL).writerows(rows)
    return buf.getvalue().encode("utf-8", "surrogatepass")


@FAST
@given(st.data())
def test_csv_with_hostile_cells(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    rows = _csv_rows()
    for _ in range(data.draw(st.integers(1, 6))):
        r = data.draw(st.integers(0, len(rows) - 1))
        c = data.draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = data.draw(CELL)
    if data.draw(st.booleans()):
        rows = rows[: data.draw(st.integers(0, len(rows)))]
    result = _apply(_csv_bytes(rows), ".csv", tmp_path_factory.mktemp("csv"))
    assert isinstance(result, str)


@FAST
@given(st.lists(st.lists(WORD, min_size=1, max_size=4), min_size=4, max_size=4))
def test_csv_targets_reach_the_subtitles(tmp_path_factory: pytest.TempPathFactory, targets: list[list[str]]) -> None:
    rows = _csv_rows()
    col = rows[0].index("target (es)")
    body = [r for r in rows[1:] if r]
    for row, words in zip(body, targets, strict=False):
        row[col] = " ".join(words)
    out = _apply(_csv_bytes([rows[0], *body]), ".csv", tmp_path_factory.mktemp("csv"))
    assert out != "refused"
    for _row, words in zip(body, targets, strict=False):
        assert _words_in_order(words, out), (words, out)


@FAST
@given(st.data())
def test_xliff_with_hostile_text_and_attributes(tmp_path_factory: pytest.TempPathFactory,
                                                data: st.DataObject) -> None:
    root = ET.fromstring(F.seeds("apply_xliff")[0])
    elements = list(root.iter())
    for _ in range(data.draw(st.integers(1, 5))):
        el = data.draw(st.sampled_from(elements))
        value = data.draw(CELL)
        value = "".join(ch for ch in value if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) < 0xE000))
        if data.draw(st.booleans()) and el.attrib:
            el.set(data.draw(st.sampled_from(sorted(el.attrib))), value)
        else:
            el.text = value
    if data.draw(st.integers(0, 4)) == 0 and len(elements) > 2:
        victim = data.draw(st.sampled_from(elements[1:]))
        for parent in root.iter():
            if victim in list(parent):
                parent.remove(victim)
                break
    result = _apply(ET.tostring(root, encoding="utf-8"), ".xlf", tmp_path_factory.mktemp("xlf"))
    assert isinstance(result, str)


@FAST
@given(st.binary(max_size=300), st.integers(0, 4000))
def test_xliff_with_spliced_bytes(tmp_path_factory: pytest.TempPathFactory, junk: bytes, at: int) -> None:
    seed = F.seeds("apply_xliff")[0]
    at = min(at, len(seed))
    result = _apply(seed[:at] + junk + seed[at:], ".xlf", tmp_path_factory.mktemp("xlf"))
    assert isinstance(result, str)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_xlsx_with_hostile_cells(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    from openpyxl import load_workbook

    folder = tmp_path_factory.mktemp("xlsx")
    seed = folder / "seed.xlsx"
    seed.write_bytes(F.seeds("apply_xlsx")[0])
    wb = load_workbook(seed)
    ws = wb.worksheets[0]
    for _ in range(data.draw(st.integers(1, 6))):
        r = data.draw(st.integers(1, ws.max_row + 1))
        c = data.draw(st.integers(1, ws.max_column + 1))
        value = data.draw(CELL | st.integers(-(10**20), 10**20) | st.floats(allow_nan=True) | st.booleans())
        if isinstance(value, str):
            value = "".join(ch for ch in value if ord(ch) >= 0x20 and not 0xD800 <= ord(ch) < 0xE000)
        ws.cell(row=r, column=c).value = value
    edited = folder / "edited.xlsx"
    wb.save(edited)
    result = _apply(edited.read_bytes(), ".xlsx", folder)
    assert isinstance(result, str)


@FAST
@given(st.binary(max_size=200), st.integers(0, 8000))
def test_xlsx_with_spliced_bytes(tmp_path_factory: pytest.TempPathFactory, junk: bytes, at: int) -> None:
    seed = F.seeds("apply_xlsx")[0]
    at = min(at, len(seed))
    result = _apply(seed[:at] + junk + seed[at + len(junk):], ".xlsx", tmp_path_factory.mktemp("xlsx"))
    assert isinstance(result, str)
