"""`locpipe detect` through CliRunner: table, JSON, kinds, .txt scripts, errors."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

pytest.importorskip("spacy")

from test_detect_support import LEXICONS  # noqa: E402

from locpipe.cli import main  # noqa: E402


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    """``locpipe`` as the console script runs it (LocpipeError → message and exit code 2)."""
    main(list(ctx.args))

SRT = """1
00:00:01,000 --> 00:00:03,000
He spilled the beans at Thanksgiving.

2
00:00:04,000 --> 00:00:06,000
It's 5 miles, mate.
"""


def invoke(*args: str):
    return CliRunner().invoke(entry, ["detect", "--lexicon-dir", str(LEXICONS), *args], catch_exceptions=False)


def test_table(tmp_path: Path) -> None:
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{path}: 4 flags (idiom 1, culture 2, register 1)",
        "  cue 1      00:00:01.000  idiom/idiom            'spilled the beans'          reveal a secret → "
        "translate the meaning, not the words; use a target idiom of the same register if one fits",
        "  cue 1      00:00:01.000  culture/holiday        'Thanksgiving'               US harvest holiday, fourth "
        "Thursday of November → consider generalization: known mainly in its own culture; many viewers may not "
        "recognise it; the cue is near its reading-speed limit (-1.5 cps headroom)",
        "  cue 2      00:00:04.000  culture/unit           '5 miles'                    imperial distance "
        "(mile = 1.609 km) → 5 miles ≈ 8 km",
        "  cue 2      00:00:04.000  register/address       'mate'                       friend (as a form of "
        "address) → familiar address: choose the familiar form in the target (es tú, fr tu, de du, it tu)",
    ]


def test_json_kinds_and_txt_script(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("ANGUS: Spill the beans, mate.\nDOLORES: Not at Thanksgiving.\n", encoding="utf-8")
    result = invoke(str(path), "--json", "--kinds", "idiom,culture")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(f["kind"], f["text"], f["cues"]) for f in data["flags"]] == [
        ("idiom", "Spill the beans", [0]), ("culture", "Thanksgiving", [1])]
    assert data["segments"][0]["speaker"] == "ANGUS"


def test_errors(tmp_path: Path) -> None:
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    result = invoke(str(path), "--kinds", "jokes")
    assert result.exit_code == 2
    assert result.output.endswith("unknown flag kind 'jokes'; choose from idiom, culture, humor, dialect, slang, profanity, register\n")
    result = invoke(str(tmp_path / "missing.srt"))
    assert result.exit_code == 2
    assert "missing.srt: no such file" in result.output


def test_a_long_segment_is_reported_on_stderr(tmp_path: Path) -> None:
    """A line with no sentence end over 2,000 characters is read in windows, and the table says so."""
    path = tmp_path / "wall.txt"
    path.write_text(" ".join(["he spilled the beans again"] * 600) + "\n", encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}: ")
    assert "detect.long-segment" not in result.stdout
    assert f"{path}:1: cosmetic detect.long-segment:" in result.stderr
