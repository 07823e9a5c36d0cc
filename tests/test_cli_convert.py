"""`locpipe convert` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner, Result

from locpipe.cli import main
from locpipe.formats import load


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    """``locpipe`` exactly as the console script runs it (LocpipeError → message and exit code)."""
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


SRT = '1\n00:00:01,000 --> 00:00:02,500\n<i>Mind</i> the <font color="#ff0000">gap</font>.\n\n2\n00:00:03,000 --> 00:00:04,000\n- Tea?\n- Coffee.\n'


def test_convert_srt_to_ass_and_back(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(SRT, encoding="utf-8")
    ass = tmp_path / "out.ass"
    result = run("convert", src, ass)
    assert result.exit_code == 0
    assert result.stdout == f"Wrote {ass} (srt → ass, 2 cues)\n"
    text = ass.read_text(encoding="utf-8")
    assert r"Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\i1}Mind{\i0} the {\c&H0000FF&}gap{\c}." in text
    back = tmp_path / "back.srt"
    assert run("convert", ass, back).exit_code == 0
    assert back.read_text(encoding="utf-8") == SRT
    assert [c.text for c in load(back).cues] == [c.text for c in load(src).cues]


def test_convert_format_out_overrides_extension(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(SRT, encoding="utf-8")
    out = tmp_path / "out.txt"
    result = run("convert", "--format-out", "vtt", src, out)
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<i>Mind</i> the <font color=\"#ff0000\">gap</font>.\n\n"
        "00:00:03.000 --> 00:00:04.000\n- Tea?\n- Coffee.\n"
    )


def test_convert_to_script(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(SRT, encoding="utf-8")
    out = tmp_path / "script.txt"
    assert run("convert", src, out).exit_code == 0
    assert out.read_text(encoding="utf-8") == "Mind the gap.\n- Tea? - Coffee.\n"


def test_convert_never_overwrites_its_input(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(SRT, encoding="utf-8")
    result = run("convert", src, src)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {src}: refusing to overwrite an input file; choose another output\n"
    assert src.read_text(encoding="utf-8") == SRT


def test_convert_warns_about_malformed_blocks(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(SRT + "\n3\n00:00:05,000 --> 00:00:0x,000\nLost.\n", encoding="utf-8")
    out = tmp_path / "out.vtt"
    result = run("convert", src, out)
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {src}:11: parse.malformed-block: unreadable timing line "
        "'00:00:05,000 --> 00:00:0x,000'; cue left out (expected 00:00:01,000 --> 00:00:02,000)\n"
    )
    assert "Lost." not in out.read_text(encoding="utf-8")


def test_convert_microdvd_without_fps_assumes_23_976_and_says_so(tmp_path: Path) -> None:
    src = tmp_path / "in.sub"
    src.write_text("{25}{50}Hello.\n", encoding="utf-8")
    out = tmp_path / "out.srt"
    result = run("convert", src, out)
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {src}: parse.fps-assumed: a frame-based (MicroDVD) file with no frame rate in it: read at "
        "23.976 fps, the rate players assume; if the timings drift from the video, pass --fps with the video's "
        "frame rate (e.g. --fps 25)\n"
    )
    assert out.read_text(encoding="utf-8") == "1\n00:00:01,043 --> 00:00:02,085\nHello.\n"
    assert run("convert", "--fps", "25", src, out).exit_code == 0
    assert out.read_text(encoding="utf-8") == "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"


def test_convert_unknown_output_format(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(SRT, encoding="utf-8")
    result = run("convert", "--format-out", "sami", src, tmp_path / "out.smi")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: format 'sami' can be read but not written; choose one of: ass, fountain, json")
