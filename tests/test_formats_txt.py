"""Plain-text scripts and the line-based subtitle formats that share the .txt extension."""

from __future__ import annotations

import pytest

from locpipe.errors import UsageError
from locpipe.formats import detect_format, dumps, loads

SCRIPT = "MOIRA: Pass the tatties.\nHANK: Sure thing, ma'am\nand the gravy.\n\n[kettle whistles]\nJOSÉ: ¡Vale!\n"


def test_script_lines_are_never_joined() -> None:
    t = loads(SCRIPT.encode(), path="film.txt")
    assert t.format == "txt"
    assert [(c.line, c.speaker, c.text, c.start, c.end, c.kind) for c in t.cues] == [
        (1, "MOIRA", "Pass the tatties.", None, None, "dialogue"),
        (2, "HANK", "Sure thing, ma'am", None, None, "dialogue"),
        (3, "", "and the gravy.", None, None, "dialogue"),
        (5, "", "[kettle whistles]", None, None, "sdh"),
        (6, "JOSÉ", "¡Vale!", None, None, "dialogue"),
    ]


def test_script_round_trip_is_byte_stable() -> None:
    assert dumps(loads(SCRIPT.encode(), path="film.txt")) == SCRIPT


def test_capitalised_names_only_when_the_file_names_its_speakers() -> None:
    named = loads(b"Moira: Hello.\nHank: Howdy.\n", path="a.txt")
    assert [c.speaker for c in named.cues] == ["Moira", "Hank"]
    prose = loads(b"Note: the shop shuts at six.\nWe went home.\nIt rained.\n", path="b.txt")
    assert [c.speaker for c in prose.cues] == ["", "", ""]
    assert prose.cues[0].text == "Note: the shop shuts at six."


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("00:00:01:Hello there.\n00:00:04:Bye.\n", "tmp"),
        ("[10][25]Hello there.\n[30][45]Bye.\n", "mpl2"),
        ("{1}{1}25\n{25}{50}Hello there.\n{75}{100}Bye.\n", "microdvd"),
        ("Hello there.\nBye.\n", "txt"),
        ("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n", "srt"),
    ],
)
def test_txt_content_decides_the_format(text: str, fmt: str) -> None:
    assert detect_format(text, "x.txt") == fmt


def test_tmp_and_mpl2_times_and_lines() -> None:
    tmp = loads(b"00:00:01:Hello there.|Yes?\n00:00:04:Bye.\n", path="x.txt")
    assert tmp.format == "tmp"
    assert [(c.start, c.text, c.line) for c in tmp.cues] == [(1000, "Hello there.\nYes?", 1), (4000, "Bye.", 2)]
    mpl = loads(b"[10][25]Hello there.\n[30][45]/Bye.\n", path="x.txt")
    assert [(c.start, c.end, c.text, c.line) for c in mpl.cues] == [(1000, 2500, "Hello there.", 1), (3000, 4500, "Bye.", 2)]


def test_microdvd_without_fps_is_read_at_23_976_with_a_finding() -> None:
    t = loads(b"{25}{50}Hello.\n", path="x.sub")
    assert (t.cues[0].start, t.cues[0].end, t.meta["fps"]) == (1043, 2085, 23.976)
    assert [(f.check, f.severity) for f in t.findings] == [("parse.fps-assumed", "functional")]
    assert "read at 23.976 fps" in t.findings[0].message and "pass --fps" in t.findings[0].message
    t = loads(b"{25}{50}Hello.\n", path="x.sub", fps=25)
    assert (t.cues[0].start, t.cues[0].end, t.meta["fps"]) == (1000, 2000, 25)


def test_script_cannot_be_written_as_timed_subtitles() -> None:
    t = loads(SCRIPT.encode(), path="film.txt")
    with pytest.raises(UsageError, match="untimed cues"):
        dumps(t, format="srt")
