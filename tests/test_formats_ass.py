"""ASS/SSA: pysubs2 reading after locpipe's own check of every event line; round trips."""

from __future__ import annotations

from locpipe.formats import dumps, loads

ASS = r"""[Script Info]
Title: Tattie Scones
ScriptType: v4.00+
PlayResX: 1920
PlayResY: 1080

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,60,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,1,2,10,10,40,1
Style: Sign,Georgia,48,&H0000FFFF,&H000000FF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,1,2,0,8,10,10,40,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:03.00,Default,Moira,0,0,0,,{\i1}Aye{\i0}, it's baltic.\NPut the kettle on.
Dialogue: 1,0:00:02.00,0:00:04.00,Sign,,0,0,0,,{\pos(960,80)}CAFÉ ROYAL
Comment: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,check this line
Dialogue: 0,0:00:0x.00,0:00:06.00,Default,,0,0,0,,Broken time.
Dialogue: 0,0:00:06.00,0:00:07.00,Default,Moira
Dialogue: 0,0:00:08.00,0:00:09.00,Default,Hank,12,0,0,Scroll up;5,{\k20}Yee{\k40}haw
"""


def _load(text: str = ASS, **kw: object):
    return loads(text.encode("utf-8"), path="t.ass", **kw)  # type: ignore[arg-type]


def test_ass_events_styles_and_lines() -> None:
    t = _load()
    assert t.format == "ass"
    assert [(c.line, c.kind, c.style, c.speaker) for c in t.cues] == [
        (14, "dialogue", "Default", "Moira"),
        (15, "sign", "Sign", ""),
        (16, "comment", "Default", ""),
        (19, "karaoke", "Default", "Hank"),
    ]
    assert t.cues[0].text == "Aye, it's baltic.\nPut the kettle on."
    assert t.cues[3].meta == {"layer": 0, "marginl": 12, "marginr": 0, "marginv": 0, "effect": "Scroll up;5"}
    assert t.meta["info"]["Title"] == "Tattie Scones"
    assert set(t.meta["styles"]) == {"Default", "Sign"}
    assert t.meta["styles"]["Sign"]["fontname"] == "Georgia"


def test_bad_event_lines_are_reported_with_their_line() -> None:
    t = _load()
    assert [(f.line, f.check) for f in t.findings] == [(17, "parse.malformed-block"), (18, "parse.malformed-block")]
    assert "bad time '0:00:0x.00'" in t.findings[0].message
    assert "5 of 10 fields" in t.findings[1].message


def test_ass_round_trip_keeps_events_styles_info() -> None:
    t = _load()
    again = loads(dumps(t).encode(), path="again.ass")
    assert again.findings == []
    fields = [(c.start, c.end, c.raw, c.style, c.speaker, c.kind, c.meta) for c in t.cues]
    assert fields == [(c.start, c.end, c.raw, c.style, c.speaker, c.kind, c.meta) for c in again.cues]
    assert again.meta["styles"] == t.meta["styles"]
    assert again.meta["info"] == t.meta["info"]


def test_nonstandard_format_line_is_read_by_field_name() -> None:
    text = ASS.replace(
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        "Format: Layer, Start, End, Style, Text",
    ).split("Dialogue:")[0] + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Hello, you.\n"
    [cue] = _load(text).cues
    assert (cue.style, cue.raw, cue.start) == ("Default", "Hello, you.", 1000)


def test_ass_to_srt_and_back_to_ass() -> None:
    srt = dumps(_load(), format="srt")
    assert srt.startswith("1\n00:00:01,000 --> 00:00:03,000\n<i>Aye</i>, it's baltic.\nPut the kettle on.\n\n")
    assert "check this line" not in srt  # comments are not subtitles
    assert "CAFÉ ROYAL" in srt
