"""SRT reading and writing: raw blocks, malformed blocks, byte-stable round trips."""

from __future__ import annotations

import pytest

from locpipe.errors import LocpipeError, MalformedInputError
from locpipe.formats import dumps, loads

CLEAN = (
    "1\n00:00:01,000 --> 00:00:02,500\n<i>Mind the</i> gap,\nsunshine.\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\n- Tea?\n- Coffee.\n"
)


def _load(text: str, **kw: object):
    return loads(text.encode("utf-8"), path="t.srt", **kw)  # type: ignore[arg-type]


def test_clean_srt_cues_and_lines() -> None:
    t = _load(CLEAN)
    assert t.format == "srt"
    assert [(c.start, c.end, c.line) for c in t.cues] == [(1000, 2500, 1), (3000, 4000, 6)]
    assert t.cues[0].raw == "<i>Mind the</i> gap,\\Nsunshine."
    assert t.cues[0].text == "Mind the gap,\nsunshine."
    assert [(m.tag, m.start, m.end) for m in t.cues[0].markup] == [("i", 0, 8)]
    assert t.cues[1].meta["dashes"] is True
    assert t.findings == []


def test_clean_srt_round_trip_is_byte_stable() -> None:
    assert dumps(_load(CLEAN)) == CLEAN
    crlf = CLEAN.replace("\n", "\r\n")
    assert dumps(_load(crlf)) == crlf


def test_bad_timestamp_is_reported_not_merged() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nFirst.\n\n"
        "2\n00:00:0x,000 --> 00:00:04,000\nLost line.\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nThird.\n"
    )
    t = _load(text)
    assert [c.text for c in t.cues] == ["First.", "Third."]
    malformed = [f for f in t.findings if f.check == "parse.malformed-block"]
    assert [(f.line, f.severity) for f in malformed] == [(6, "functional")]
    with pytest.raises(MalformedInputError, match=r"t\.srt:6: malformed block"):
        _load(text, strict=True)


def test_negative_time_keeps_the_cue_and_is_reported() -> None:
    # a file shifted too far back: the cue is kept (nothing lost), reported with its line, written as 0
    text = "1\n-00:00:01,500 --> 00:00:02,000\nShifted.\n\n2\n00:00:03,000 --> 00:00:04,000\nNext.\n"
    t = _load(text)
    assert [(c.start, c.end, c.text) for c in t.cues] == [(-1500, 2000, "Shifted."), (3000, 4000, "Next.")]
    assert [(f.line, f.message) for f in t.findings if f.check == "parse.malformed-block"] == [
        (2, "negative time '-00:00:01,500' (kept; every writer writes it as 0: fix the timing): "
            "read as 00:00:00,000 --> 00:00:02,000")]
    assert dumps(t).startswith("1\n00:00:00,000 --> 00:00:02,000\nShifted.\n")


def test_empty_input_is_a_transcript_with_a_critical_finding() -> None:
    for text, what in (("", "the file is empty"), ("\n \r\n\t\n", "the file is empty (only blank lines)")):
        t = _load(text)
        assert (t.format, t.cues) == ("srt", [])
        assert [(f.check, f.severity, f.message, f.path) for f in t.findings] == [
            ("parse.empty", "critical", f"{what}: nothing to translate; check the export", "t.srt")]


def test_binary_input_is_an_error_naming_the_file() -> None:
    with pytest.raises(LocpipeError, match=r"^t\.srt: "):
        loads(bytes(range(256)) * 8, path="t.srt")


def test_save_with_lang_writes_translations_and_end_times(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from locpipe.errors import OutputError
    from locpipe.formats import save

    src = tmp_path / "in.srt"
    src.write_text(CLEAN, encoding="utf-8")
    t = _load(CLEAN)
    t.cue_translations["es"] = ["<i>Cuidado con el</i> hueco,\\Ncielo.", None]
    t.cue_end_times["es"] = [2900, None]
    out = tmp_path / "out.es.srt"
    save(t, out, lang="es", protect=[src])
    assert out.read_text(encoding="utf-8") == CLEAN.replace(
        "00:00:01,000 --> 00:00:02,500\n<i>Mind the</i> gap,\nsunshine.",
        "00:00:01,000 --> 00:00:02,900\n<i>Cuidado con el</i> hueco,\ncielo.",
    )
    ass = tmp_path / "out.es.ass"
    save(t, ass, lang="es")
    assert r"0:00:01.00,0:00:02.90,Default,,0,0,0,,{\i1}Cuidado con el{\i0} hueco,\Ncielo." in ass.read_text("utf-8")
    with pytest.raises(OutputError, match="refusing to overwrite an input file"):
        save(t, src, protect=[src])
    with pytest.raises(Exception, match=r"has no translation into 'fr'"):
        dumps(t, lang="fr")
