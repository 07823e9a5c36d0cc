"""Golden files: tests/cases/parse/<case>/input.<ext> beside expected.json.

expected.json holds the parsed transcript (paths made relative) and what the
writer makes of it in the same format. Regenerate after an intended change with
``LOCPIPE_REGEN=1 pytest tests/test_formats_golden.py`` and review the diff;
never edit expected.json by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from locpipe.formats import FORMATS, dumps, load

CASES = Path(__file__).resolve().parent / "cases" / "parse"
REGEN = os.environ.get("LOCPIPE_REGEN") == "1"


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []


def _actual(case: Path) -> dict[str, object]:
    [source] = [p for p in case.iterdir() if p.name.startswith("input.")]
    transcript = load(source)
    data = transcript.to_dict()
    data["path"] = source.name
    for finding in data["findings"]:
        finding["path"] = source.name
    out: dict[str, object] = {"transcript": data}
    if FORMATS[transcript.format].write is not None:
        out["written"] = dumps(transcript)
    return out


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_golden(case: Path) -> None:
    actual = _actual(case)
    expected_path = case / "expected.json"
    if REGEN or not expected_path.exists():
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not REGEN:
            pytest.fail(f"{expected_path} was missing and has been written; review it and commit it")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


def test_there_are_golden_cases_for_every_readable_format() -> None:
    formats = {load(next(p for p in c.iterdir() if p.name.startswith("input."))).format for c in _cases()}
    assert formats >= {"srt", "vtt", "ass", "ssa", "txt", "tmp", "mpl2", "microdvd", "ttml", "sami", "json", "sbv",
                       "lrc", "subviewer"}
