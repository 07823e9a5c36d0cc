from locpipe.model import (
    SCHEMA_VERSION,
    Cue,
    Finding,
    Flag,
    Markup,
    Segment,
    SegmentPart,
    Transcript,
    Translation,
)


def make_transcript() -> Transcript:
    cue = Cue(
        index=0,
        start=1000,
        end=2500,
        raw="{\\i1}Hello{\\i0} there.",
        text="Hello there.",
        markup=[Markup(0, 5, "i", "1", "{\\i1}", "{\\i0}")],
        speaker="MORAG",
        line=3,
    )
    seg = Segment(
        id="s0001",
        parts=[SegmentPart(0, 0, 12)],
        text="Hello there.",
        speaker="MORAG",
        translations={"es": Translation("es", "Hola.", 0.8, ["Hola ahí."])},
    )
    flag = Flag("humor", "pun", "s0001", 0, 5, "Hello", "en.pun.hello", cues=[0])
    finding = Finding("timing.overlap", "functional", "overlaps the next cue", path="a.srt", line=3, cue=0)
    return Transcript(
        path="a.srt",
        format="srt",
        language="en",
        cues=[cue],
        segments=[seg],
        flags=[flag],
        findings=[finding],
        cue_translations={"es": ["Hola."]},
    )


def test_json_round_trip_is_lossless():
    t = make_transcript()
    back = Transcript.from_json(t.to_json())
    assert back == t
    assert back.to_json() == t.to_json()


def test_json_carries_schema_version_and_segment_cues():
    data = make_transcript().to_dict()
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["segments"][0]["cues"] == [0]


def test_finding_location():
    assert Finding("x", "cosmetic", "m", path="f.srt", line=7).location() == "f.srt:7"
