"""`locpipe inspect` through the real entry point: exact output, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from locpipe.cli import main
from locpipe.formats import load
from locpipe.stages.segment import segment


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    """``locpipe`` exactly as the console script runs it (LocpipeError → message and exit code)."""
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


GOOD = "1\n00:00:01,000 --> 00:00:02,000\n[door slams]\n\n2\n00:00:02,500 --> 00:00:04,000\n- Tea?\n- Coffee.\n"
#: Not subtitles at all: bytes no text encoding decodes.
GARBAGE = bytes(range(256)) * 8
BAD = "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:0x,000 --> 00:00:04,000\nBroken.\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.srt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.srt"
    bad.write_text(BAD, encoding="utf-8")
    latin = tmp_path / "latin.srt"
    latin.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nÇa coûte très cher, non ?\n".encode("cp1252"))
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.srt"
    garbage.write_bytes(GARBAGE)
    return {"good": good, "bad": bad, "latin": latin, "empty": empty, "garbage": garbage}


def _segments(path: Path) -> int:
    return len(segment(load(path)).segments)


def test_inspect_one_clean_file(files: dict[str, Path]) -> None:
    result = run("inspect", files["good"])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{files['good']}\n"
        "  format:    srt\n"
        "  encoding:  utf-8\n"
        "  language:  not told by the text or the name (read as en; pass --from)\n"
        "  cues:      2 (dialogue 1, sdh 1)\n"
        f"  segments:  {_segments(files['good'])}\n"
        "  findings:  0\n"
    )


def test_inspect_reports_malformed_blocks_with_path_and_line(files: dict[str, Path]) -> None:
    result = run("inspect", files["bad"])
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "  findings:  1\n"
        f"    {files['bad']}:6: functional parse.malformed-block: unreadable timing line "
        "'00:00:0x,000 --> 00:00:04,000'; cue left out (expected 00:00:01,000 --> 00:00:02,000)\n"
    )


def test_inspect_strict_fails_with_exit_2(files: dict[str, Path]) -> None:
    result = run("inspect", "--strict", files["bad"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {files['bad']}:6: malformed block: unreadable timing line '00:00:0x,000 --> 00:00:04,000'; "
        "cue left out (expected 00:00:01,000 --> 00:00:02,000) (--strict stops here; fix the block or drop --strict)\n"
    )


def test_inspect_detected_and_given_encoding(files: dict[str, Path]) -> None:
    detected = run("inspect", files["latin"])
    assert "  encoding:  cp1252 (detected)\n" in detected.stdout
    assert f"    {files['latin']}: info parse.encoding: encoding detected as cp1252" in detected.stdout
    given = run("inspect", "--encoding", "latin-1", files["latin"])
    assert "  encoding:  iso8859-1 (given)\n" in given.stdout
    assert "findings:  0\n" in given.stdout


def test_inspect_keeps_going_past_a_bad_file_and_exits_2(files: dict[str, Path]) -> None:
    result = run("inspect", files["garbage"], files["good"], tmp_path_missing := files["good"].with_name("nope.srt"))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{files['good']}\n  format:    srt\n")
    assert result.stderr == (
        f"Error: {files['garbage']}: is not text in any encoding locpipe could detect (binary file?); "
        "pass --encoding if it really is a subtitle file\n"
        f"Error: {tmp_path_missing}: no such file\n"
    )


def test_inspect_reports_an_empty_file_as_a_critical_finding(files: dict[str, Path]) -> None:
    result = run("inspect", files["empty"])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{files['empty']}\n"
        "  format:    srt\n"
        "  encoding:  utf-8\n"
        "  language:  not told by the text or the name (read as en; pass --from)\n"
        "  cues:      0\n"
        "  segments:  0\n"
        "  findings:  1\n"
        f"    {files['empty']}: critical parse.empty: the file is empty: nothing to translate; check the export\n"
    )


def test_inspect_json_one_file_is_an_object_several_a_list(files: dict[str, Path]) -> None:
    one = json.loads(run("inspect", "--json", files["good"]).stdout)
    assert one["format"] == "srt" and [c["kind"] for c in one["cues"]] == ["sdh", "dialogue"]
    assert len(one["segments"]) == _segments(files["good"])
    several = json.loads(run("inspect", "--json", files["good"], files["bad"]).stdout)
    assert [t["path"] for t in several] == [str(files["good"]), str(files["bad"])]
    assert several[1]["findings"][0]["line"] == 6


def test_inspect_unknown_format_option(files: dict[str, Path]) -> None:
    result = run("inspect", "--format", "stl", files["good"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown format 'stl'; known formats: ass, fountain, json, lrc, microdvd")


def test_inspect_says_which_language_it_read(tmp_path: Path) -> None:
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nJe ne sais pas ce que tu veux de moi, "
                    "mais on ne peut pas rester ici.\n", encoding="utf-8")
    result = run("inspect", path)
    assert "  language:  fr\n" in result.stdout
    assert f"    {path}: info parse.language: source language fr: " in result.stdout
    named = tmp_path / "film.es.srt"
    named.write_text("1\n00:00:01,000 --> 00:00:03,000\nHola.\n", encoding="utf-8")
    assert "  language:  es\n" in run("inspect", named).stdout
