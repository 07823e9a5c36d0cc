"""SBV, LRC and SubViewer 2 readers and writers, MicroDVD without a frame rate, empty files, detection."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locpipe.errors import FormatError, LocpipeError, MalformedInputError
from locpipe.formats import FORMATS, detect_format, dumps, loads
from locpipe.model import Transcript
from locpipe.stages.segment import segment

SBV = "0:00:01.000,0:00:02.500\nWhere's the ladle?\n\n0:00:03.000,0:00:05.000\nIn the sink.\nUnwashed.\n"
SUBVIEWER = (
    "[INFORMATION]\n[TITLE]\n[END INFORMATION]\n[SUBTITLE]\n[COLF]&HFFFFFF,[STYLE]no,[SIZE]18,[FONT]Arial\n\n"
    "00:00:01.00,00:00:02.50\nWhere's the ladle?\n\n00:00:03.00,00:00:05.00\n<i>In the sink.</i>[br]Unwashed.\n"
)
LRC = "[ar:Kitchen Choir]\n[ti:Ladle Song]\n[00:01.00]Where's the ladle\n[00:03.50]In the sink, unwashed\n"


def _load(text: str, name: str, **kw: object) -> Transcript:
    return loads(text.encode("utf-8"), path=name, **kw)  # type: ignore[arg-type]


# --- SBV ----------------------------------------------------------------------


def test_sbv_reads_timing_and_lines_and_round_trips_byte_for_byte() -> None:
    t = _load(SBV, "film.sbv")
    assert t.format == "sbv"
    assert [(c.start, c.end, c.text, c.line) for c in t.cues] == [
        (1000, 2500, "Where's the ladle?", 1), (3000, 5000, "In the sink.\nUnwashed.", 4)]
    assert t.findings == []
    assert dumps(t) == SBV
    crlf = SBV.replace("\n", "\r\n")
    assert dumps(_load(crlf, "film.sbv")) == crlf


def test_sbv_malformed_blocks_are_reported_with_their_line_never_merged() -> None:
    text = SBV + "\nstray words\n\n0:00:07.0x0,0:00:08.000\nLost.\n\n0:00:09.000,0:00:10.000\nKept.\n"
    t = _load(text, "film.sbv")
    assert [c.text for c in t.cues] == ["Where's the ladle?", "In the sink.\nUnwashed.", "Kept."]
    assert [(f.check, f.line, f.severity) for f in t.findings] == [
        ("parse.malformed-block", 8, "functional"), ("parse.malformed-block", 10, "functional")]
    assert "'stray words'" in t.findings[0].message
    assert t.findings[1].message == (
        "unreadable timing line '0:00:07.0x0,0:00:08.000'; cue left out (expected 0:00:01.000,0:00:03.000)")
    with pytest.raises(MalformedInputError, match=r"^film\.sbv:8: malformed block"):
        _load(text, "film.sbv", strict=True)


def test_sbv_written_from_srt_and_back() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,500\n<i>Where's</i> the ladle?\n"
    out = dumps(_load(srt, "a.srt"), format="sbv")
    assert out == "0:00:01.000,0:00:02.500\nWhere's the ladle?\n"
    back = _load(out, "b.sbv")
    assert dumps(back, format="srt") == "1\n00:00:01,000 --> 00:00:02,500\nWhere's the ladle?\n"


def test_sbv_translation_is_written_with_its_end_times() -> None:
    t = _load(SBV, "film.sbv")
    t.cue_translations["es"] = ["¿Dónde está el cucharón?", None]
    t.cue_end_times["es"] = [2800, None]
    assert dumps(t, lang="es").startswith("0:00:01.000,0:00:02.800\n¿Dónde está el cucharón?\n\n0:00:03.000,")


# --- SubViewer 2 ----------------------------------------------------------------


def test_subviewer_reads_header_br_and_markup_and_round_trips() -> None:
    t = _load(SUBVIEWER, "film.sub")
    assert t.format == "subviewer"
    assert [(c.start, c.end, c.text, c.line) for c in t.cues] == [
        (1000, 2500, "Where's the ladle?", 7), (3000, 5000, "In the sink.\nUnwashed.", 10)]
    assert [(m.tag, m.start, m.end) for m in t.cues[1].markup] == [("i", 0, 12)]
    assert dumps(t) == SUBVIEWER
    assert dumps(t, format="srt").endswith("00:00:03,000 --> 00:00:05,000\n<i>In the sink.</i>\nUnwashed.\n")


def test_subviewer_written_from_srt_gets_the_standard_header() -> None:
    srt = "1\n00:00:01,004 --> 00:00:02,996\nHi.\nYou.\n"
    out = dumps(_load(srt, "a.srt"), format="subviewer")
    assert out.startswith("[INFORMATION]\n[TITLE]\n")
    assert out.endswith("[END INFORMATION]\n[SUBTITLE]\n[COLF]&HFFFFFF,[STYLE]bd,[SIZE]18,[FONT]Arial\n\n"
                        "00:00:01.00,00:00:03.00\nHi.[br]You.\n")
    assert [(c.start, c.end) for c in _load(out, "b.sub").cues] == [(1000, 3000)]


def test_subviewer_malformed_and_negative_times() -> None:
    text = SUBVIEWER.replace("00:00:01.00,00:00:02.50", "-00:00:01.00,00:00:02.50") + "\n00:00:0x.00,00:00:07.00\nGone.\n"
    t = _load(text, "film.sub")
    assert [c.start for c in t.cues] == [-1000, 3000]
    assert [(f.line, f.message.split(";")[0]) for f in t.findings] == [
        (7, "negative time"), (13, "unreadable timing line '00:00:0x.00,00:00:07.00'")]


# --- LRC --------------------------------------------------------------------------


def test_lrc_lines_become_lyrics_cues_ending_at_the_next_line() -> None:
    t = _load(LRC, "song.lrc")
    assert t.format == "lrc"
    assert [(c.start, c.end, c.text, c.kind, c.line) for c in t.cues] == [
        (1000, 3500, "Where's the ladle", "lyrics", 3), (3500, 7500, "In the sink, unwashed", "lyrics", 4)]
    assert t.meta["tags"] == {"ar": "Kitchen Choir", "ti": "Ladle Song"}
    assert t.findings == []
    assert dumps(t) == LRC


def test_lrc_several_time_tags_offset_length_and_blank_lines() -> None:
    text = ("[offset:-500]\n[length: 00:20.00]\n[00:02.00] [00:10.00]La la la\n[00:04.00]Dum\n[00:06.00]\n"
            "[00:12.00]End\n")
    t = _load(text, "song.lrc")
    # a negative offset shows the lines later; the blank tag at 6 s ends "Dum"; the last ends at the length
    assert [(c.start, c.end, c.text, c.line) for c in t.cues] == [
        (2500, 4500, "La la la", 3), (4500, 6500, "Dum", 4), (10500, 12500, "La la la", 3), (12500, 20500, "End", 6)]
    assert (t.meta["offset"], t.meta["length"]) == (-500, 20000)
    again = _load(dumps(t), "again.lrc")
    assert [(c.start, c.end, c.text) for c in again.cues] == [(c.start, c.end, c.text) for c in t.cues]


def test_lrc_enhanced_word_times_are_dropped_with_a_note_and_bad_lines_reported() -> None:
    text = "[00:01.00]<00:01.00>Pass <00:01.40>the <00:01.90>salt\nno tag here\n[00:99.00]Bad time\n[00:03.00]Ok\n"
    t = _load(text, "song.lrc")
    assert [c.text for c in t.cues] == ["Pass the salt", "Ok"]
    assert [(f.check, f.line, f.severity) for f in t.findings] == [
        ("parse.warning", 1, "cosmetic"), ("parse.malformed-block", 2, "functional"),
        ("parse.malformed-block", 3, "functional")]
    assert t.findings[0].message.startswith("enhanced LRC word times (<mm:ss.xx>) ignored")
    assert t.findings[2].message == "unreadable time tag '[00:99.00]'; line left out (expected [mm:ss.xx])"


def test_lrc_written_from_srt_keeps_gaps_as_blank_tags() -> None:
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nOne\ntwo\n\n2\n00:00:05,000 --> 00:00:06,000\nThree\n")
    out = dumps(_load(srt, "a.srt"), format="lrc")
    assert out == "[00:01.00]One two\n[00:02.00]\n[00:05.00]Three\n[00:06.00]\n"
    assert [(c.start, c.end) for c in _load(out, "b.lrc").cues] == [(1000, 2000), (5000, 6000)]


# --- MicroDVD without a frame rate ----------------------------------------------------


def test_microdvd_declared_rate_given_rate_and_assumed_rate() -> None:
    declared = _load("{1}{1}25\n{25}{50}Hello.\n", "a.sub")
    assert (declared.cues[0].start, declared.meta["fps"], declared.findings) == (1000, 25.0, [])
    given_fps = _load("{1}{1}25\n{25}{50}Hello.\n", "a.sub", fps=50)
    assert (given_fps.cues[0].start, len(given_fps.cues)) == (500, 1)
    assumed = _load("{24}{48}Hello.\n", "a.sub")
    assert (assumed.cues[0].start, assumed.meta["fps"]) == (1001, 23.976)
    assert [(f.check, f.severity) for f in assumed.findings] == [("parse.fps-assumed", "functional")]
    # what locpipe writes declares the rate, and reads back the same
    again = _load(dumps(assumed), "b.sub")
    assert ([c.start for c in again.cues], again.findings) == ([1001], [])


def test_microdvd_lines_pysubs2_would_skip_are_read_or_reported() -> None:
    t = _load("{1}{1}25\n{-25}{25}Before zero.\n{50}{}No end.\njunk\n{75}{100}Fine.\n", "a.sub")
    assert [(c.start, c.end, c.text) for c in t.cues] == [(-1000, 1000, "Before zero."), (3000, 4000, "Fine.")]
    assert [(f.line, f.message.split(";")[0]) for f in t.findings] == [
        (2, "negative time"), (3, "no end frame in {50}{}"), (4, "not a MicroDVD line ({start}{end}text), left out: 'junk'")]


# --- empty files, garbage, detection --------------------------------------------------


@pytest.mark.parametrize("name", ["a.srt", "a.vtt", "a.sbv", "a.lrc", "a.sub", "a.ass", "a.txt", "script"])
def test_empty_file_is_read_as_no_cues_with_a_critical_finding(name: str) -> None:
    for data in (b"", b"\n  \r\n", b"\xef\xbb\xbf\n"):
        t = loads(data, path=name)
        assert t.cues == []
        assert [(f.check, f.severity, f.path) for f in t.findings] == [("parse.empty", "critical", name)]
        assert t.findings[0].message.endswith(": nothing to translate; check the export")
    assert loads(b"", path=name, language="en").language == "en"


def test_empty_file_with_an_unknown_extension_and_garbage_are_refused() -> None:
    with pytest.raises(FormatError, match=r"^notes\.dat: is empty, and its extension '\.dat' is not a subtitle"):
        loads(b"", path="notes.dat")
    with pytest.raises(FormatError, match=r"^notes\.dat: is not in a subtitle or script format"):
        loads(b"lorem ipsum dolor\nsit amet\n", path="notes.dat")
    with pytest.raises(LocpipeError, match=r"^a\.sbv: "):
        loads(bytes(range(256)) * 8, path="a.sbv")


@pytest.mark.parametrize(("text", "name", "fmt"), [
    (SBV, "x.txt", "sbv"),
    (SBV, "x.sub", "sbv"),
    (SUBVIEWER, "x.sub", "subviewer"),
    (SUBVIEWER.split("\n\n", 1)[1], "x.sub", "subviewer"),  # no header: the 2-digit fractions say so
    (SUBVIEWER, "x.txt", "subviewer"),
    ("{24}{48}Hello.\n", "x.sub", "microdvd"),
    (LRC, "x.txt", "lrc"),
    (LRC, "x.lrc", "lrc"),
    ("[00:01.00]Hi\n[00:02.00]Bye\n", "song", "lrc"),
    ("some text", "x.sbv", "sbv"),
    ("[laughs] Right.\n[INT: kitchen]\n", "x.txt", "txt"),
])
def test_detection_by_content_then_extension(text: str, name: str, fmt: str) -> None:
    assert detect_format(text, name) == fmt


def test_writing_a_sub_file_keeps_the_transcripts_own_sub_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from locpipe.formats import save

    out = tmp_path / "out.sub"
    save(_load(SUBVIEWER, "film.sub"), out)
    assert out.read_text(encoding="utf-8") == SUBVIEWER
    from locpipe.errors import UsageError

    with pytest.raises(UsageError, match="MicroDVD needs a frame rate"):  # another format: MicroDVD, .sub's default
        save(_load(SBV, "film.sbv"), out)
    assert out.read_text(encoding="utf-8") == SUBVIEWER


# --- hostile input ----------------------------------------------------------------------

_PIECES = st.sampled_from([
    "0:00:01.000,0:00:02.000", "00:00:01.00,00:00:02.00", "-0:00:01.000,0:00:00.500", "[00:01.00]", "[-00:02.5]",
    "[ar:X]", "[offset:-x]", "[length:99]", "<00:01.00>", "[br]", "[INFORMATION]", "[SUBTITLE]", "\n", "\n\n",
    "\r\n", ",", ":", ".", "text", "<i>", "</i>", "{1}{1}", "{-3}{}", "9" * 12, "é", "\ufeff", "\t",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["sbv", "subviewer", "lrc", "microdvd"]), st.lists(_PIECES | st.text(max_size=8), max_size=30))
def test_new_readers_survive_hostile_input(fmt: str, pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    try:
        t = loads(data, path=f"fuzz.{FORMATS[fmt].extensions[0].lstrip('.')}", format=fmt)
    except LocpipeError as err:
        assert str(err).startswith("fuzz.")
        return
    assert all(c.line is None or c.line >= 1 for c in t.cues)
    assert Transcript.from_json(t.to_json()).to_dict()["cues"] == t.to_dict()["cues"]
    with contextlib.suppress(LocpipeError):
        dumps(t)
    segment(t)
