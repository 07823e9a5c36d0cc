"""WebVTT: raw blocks, NOTE/STYLE blocks kept aside, malformed cues, byte-stable writing."""

from __future__ import annotations

from locpipe.formats import dumps, loads

CLEAN = (
    "WEBVTT\nKind: captions\n\n"
    "STYLE\n::cue { color: yellow }\n\n"
    "intro\n00:00:01.000 --> 00:00:02.500 line:10%\n<v Hank>Howdy, y'all.\n\n"
    "NOTE the producer wants this line cut\n\n"
    "00:03.000 --> 00:04.000\nFish &amp; chips <i>again</i>?\n"
)


def _load(text: str, **kw: object):
    return loads(text.encode("utf-8"), path="t.vtt", **kw)  # type: ignore[arg-type]


def test_clean_vtt() -> None:
    t = _load(CLEAN)
    assert t.format == "vtt" and t.findings == []
    assert [(c.start, c.end, c.line) for c in t.cues] == [(1000, 2500, 7), (3000, 4000, 13)]
    first, second = t.cues
    assert (first.speaker, first.text, first.meta["id"], first.meta["settings"]) == (
        "Hank", "Howdy, y'all.", "intro", "line:10%")
    assert second.text == "Fish & chips again?"
    assert all("producer" not in c.text for c in t.cues)


def test_clean_vtt_round_trip_is_byte_stable() -> None:
    assert dumps(_load(CLEAN)) == CLEAN


def test_short_fraction_and_comma_are_recovered_and_reported() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:03.50\nOne.\n\n00:00:04,000 --> 00:00:05,000\nTwo.\n"
    t = _load(text)
    assert [(c.start, c.end) for c in t.cues] == [(1000, 3500), (4000, 5000)]
    assert [(f.line, f.check) for f in t.findings] == [(3, "parse.malformed-block"), (6, "parse.malformed-block")]
    assert "'00:03.50'" in t.findings[0].message


def test_stray_text_block_is_left_out_not_merged() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\nNote: not a real note\n\n00:03.000 --> 00:04.000\nTwo.\n"
    t = _load(text)
    assert [c.text for c in t.cues] == ["One.", "Two."]
    [finding] = t.findings
    assert finding.line == 6 and "not merged" in finding.message


def test_missing_header_is_reported() -> None:
    t = loads(b"00:01.000 --> 00:02.000\nOne.\n", path="t.vtt")
    assert t.format == "vtt" and [c.text for c in t.cues] == ["One."]
    assert [f.line for f in t.findings] == [1]
