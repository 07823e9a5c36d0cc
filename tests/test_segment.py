"""Segmentation: joining, splitting, the coverage invariant (unit tests and hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locpipe.model import Cue, Markup, Segment, SegmentPart, Transcript
from locpipe.stages.segment import (
    check_segmentation_invariant,
    continues,
    map_span,
    segment,
    speaker_turns,
)


def make(texts: list[str], *, gap: int = 100, kinds: list[str] | None = None, speakers: list[str] | None = None,
         untimed: bool = False, lang: str = "en") -> Transcript:
    cues = []
    t = 0
    for i, text in enumerate(texts):
        start, end = (None, None) if untimed else (t, t + 2000)
        cues.append(Cue(index=i, start=start, end=end, raw=text.replace("\n", "\\N"), text=text,
                        kind=(kinds[i] if kinds else "dialogue"), speaker=(speakers[i] if speakers else "")))
        t += 2000 + gap
    return Transcript(path="t.srt", format="srt", language=lang, cues=cues)


def texts(t: Transcript) -> list[str]:
    return [s.text for s in t.segments]


def parts(t: Transcript) -> list[list[tuple[int, int, int]]]:
    return [[(p.cue, p.start, p.end) for p in s.parts] for s in t.segments]


def test_sentence_over_two_cues_is_joined():
    t = segment(make(["I was thinking that we", "could go to the beach."]))
    assert texts(t) == ["I was thinking that we could go to the beach."]
    assert parts(t) == [[(0, 0, 22), (1, 0, 22)]]
    assert t.segments[0].id == "s0001"
    assert t.segments[0].cues == [0, 1]


def test_three_cue_sentence_and_ids():
    t = segment(make(["Hello.", "When I was", "a child, we", "lived here."]))
    assert texts(t) == ["Hello.", "When I was a child, we lived here."]
    assert [s.id for s in t.segments] == ["s0001", "s0002"]


def test_finished_sentence_is_not_joined():
    t = segment(make(["I was there.", "You were not."]))
    assert texts(t) == ["I was there.", "You were not."]


def test_gap_over_limit_is_not_joined():
    t = segment(make(["I was thinking that we", "could go."], gap=1500))
    assert texts(t) == ["I was thinking that we", "could go."]
    t = segment(make(["I was thinking that we", "could go."], gap=1500), max_gap_ms=2000)
    assert texts(t) == ["I was thinking that we could go."]


def test_other_speaker_is_not_joined():
    t = segment(make(["I was thinking that we", "could go."], speakers=["ANA", "BOB"]))
    assert texts(t) == ["I was thinking that we", "could go."]
    assert [s.speaker for s in t.segments] == ["ANA", "BOB"]


def test_never_across_a_speaker_dash():
    t = segment(make(["I was thinking that we", "- could go.\n- No."]))
    assert texts(t) == ["I was thinking that we", "could go.", "No."]


def test_two_speakers_in_one_cue_are_split_without_the_dash():
    t = segment(make(["- Hi.\n- Hello."]))
    assert texts(t) == ["Hi.", "Hello."]
    assert parts(t) == [[(0, 2, 5)], [(0, 8, 14)]]
    t = segment(make(["-Hi.\n-Hello."]))
    assert parts(t) == [[(0, 1, 4)], [(0, 6, 12)]]


def test_dash_on_second_line_only():
    t = segment(make(["Where to?\n-Home."]))
    assert texts(t) == ["Where to?", "Home."]


def test_minus_and_double_dash_are_not_speaker_dashes():
    assert speaker_turns("-5 degrees.") == [(0, 11, False)]
    assert speaker_turns("--and then") == [(0, 10, False)]
    assert speaker_turns("- Hi.\n-Yo.") == [(2, 5, True), (7, 10, True)]


def test_two_sentences_in_one_cue_are_split():
    t = segment(make(["Wait! What are you doing?"]))
    assert texts(t) == ["Wait!", "What are you doing?"]


def test_line_break_inside_a_sentence_becomes_a_space():
    t = segment(make(["I was thinking\nthat we could go."]))
    assert texts(t) == ["I was thinking that we could go."]
    assert parts(t) == [[(0, 0, 32)]]


def test_title_abbreviation_is_not_a_break():
    t = segment(make(["I saw Mr. Smith and Dr. Jones."]))
    assert texts(t) == ["I saw Mr. Smith and Dr. Jones."]


def test_ellipsis_then_new_sentence_is_split_but_not_a_stutter():
    t = segment(make(["I don't know... Maybe."]))
    assert texts(t) == ["I don't know...", "Maybe."]
    t = segment(make(["I... I don't know."]))
    assert texts(t) == ["I... I don't know."]
    t = segment(make(["Well... you know."]))
    assert texts(t) == ["Well... you know."]


def test_continuation_ellipsis_joins():
    t = segment(make(["If you go there...", "...you will see."]))
    assert texts(t) == ["If you go there... ...you will see."]
    t = segment(make(["If you go there...", "you will see."]))
    assert texts(t) == ["If you go there... you will see."]
    t = segment(make(["I don't know...", "Okay, fine."]))
    assert texts(t) == ["I don't know...", "Okay, fine."]


def test_lowercase_start_joins():
    t = segment(make(["He said it was late.", "and then he left."]))
    assert texts(t) == ["He said it was late. and then he left."]


def test_spanish_opening_marks_stay_with_their_sentence():
    t = segment(make(["Hola. ¿Qué tal? ¡Bien!"], lang="es"))
    assert texts(t) == ["Hola.", "¿Qué tal?", "¡Bien!"]


def test_quotes_stay_with_their_sentence():
    t = segment(make(['What? "Go." He did.']))
    assert texts(t) == ["What?", '"Go."', "He did."]


def test_cjk_full_stops_split():
    t = segment(make(["你好。我很好！"], lang="zh"))
    assert texts(t) == ["你好。", "我很好！"]


def test_unknown_language_falls_back():
    t = segment(make(["Hello. World."], lang="qq"))
    assert texts(t) == ["Hello.", "World."]


def test_untimed_script_lines_are_never_joined():
    t = segment(make(["I was thinking that we", "could go."], untimed=True))
    assert texts(t) == ["I was thinking that we", "could go."]


def test_kinds():
    t = segment(make(
        ["I was thinking that", "[door slams]", "we could go.", "♪ la la\nla ♪", "{drawing}", "EXIT", "karaoke",
         "note"],
        kinds=["dialogue", "sdh", "dialogue", "lyrics", "drawing", "sign", "karaoke", "comment"],
    ))
    # an sdh cue between breaks the join; non-dialogue cues are one segment each (not sentence-split)
    assert texts(t) == ["I was thinking that", "[door slams]", "we could go.", "♪ la la la ♪", "EXIT"]
    assert [s.cues for s in t.segments] == [[0], [1], [2], [3], [5]]


def test_unsegmented_cue_between_does_not_break_a_join():
    t = segment(make(["I was thinking that", "x", "we could go."], gap=-1000,
                     kinds=["dialogue", "comment", "dialogue"]))
    assert texts(t) == ["I was thinking that we could go."]


def test_non_dialogue_with_dashes_is_split_per_turn():
    t = segment(make(["- [gasps]\n- [laughs]"], kinds=["sdh"]))
    assert texts(t) == ["[gasps]", "[laughs]"]


def test_sdh_is_never_joined():
    t = segment(make(["[music", "playing]"], kinds=["sdh", "sdh"]))
    assert texts(t) == ["[music", "playing]"]


def test_empty_and_blank_cues_get_no_segment():
    t = segment(make(["", "  \n ", "-", "Hi."]))
    assert texts(t) == ["Hi."]
    assert check_segmentation_invariant(t) == []


def test_other_placement_or_style_is_not_joined():
    tr = make(["CLOSED FOR FILMING", "Javier is on the call."])
    tr.cues[0].markup = [Markup(0, 0, "ass", "\\an8", "{\\an8}")]
    assert texts(segment(tr)) == ["CLOSED FOR FILMING", "Javier is on the call."]
    tr.cues[1].markup = [Markup(0, 0, "ass", "\\an8", "{\\an8}")]
    assert texts(segment(tr)) == ["CLOSED FOR FILMING Javier is on the call."]
    tr.cues[1].markup = [Markup(0, 0, "ass", "\\an2", "{\\an2}")]
    tr.cues[0].markup = []
    assert len(segment(tr).segments) == 1
    tr.cues[1].style = "Flashback"
    assert len(segment(tr).segments) == 2


def test_large_overlap_is_not_joined():
    tr = make(["I was thinking that", "we could go."])
    tr.cues[1].start = tr.cues[0].start
    assert texts(segment(tr)) == ["I was thinking that", "we could go."]


def test_resegmenting_replaces_segments():
    tr = segment(make(["Hi. Yo."]))
    assert len(segment(tr).segments) == 2


def test_continues():
    assert continues("I was", "there")
    assert continues("I was", "There")  # no final punctuation
    assert not continues("I was.", "There")
    assert continues("I was.", "there")
    assert continues("Go...", "...on")
    assert not continues("Go...", "On")
    assert not continues('He said "go."', "Then")


def test_map_span():
    t = segment(make(["I was thinking that we", "could go to the beach."]))
    seg = t.segments[0]
    start = seg.text.index("we could")
    assert map_span(seg, start, start + len("we could")) == [(0, 20, 22), (1, 0, 5)]


def test_invariant_reports_problems():
    tr = make(["Hi there.", "Bye."])
    tr.segments = [Segment("s0001", [SegmentPart(0, 0, 3)], "Hi "),
                   Segment("s0001", [SegmentPart(0, 2, 9), SegmentPart(1, 0, 99)], "x")]
    problems = check_segmentation_invariant(tr)
    assert any("whitespace" in p for p in problems)
    assert any("used twice" in p for p in problems)
    assert any("already in" in p for p in problems)
    assert any("outside" in p for p in problems)
    assert any("is in no segment" in p for p in problems)
    assert any("does not match" in p for p in problems)


# -- hypothesis -------------------------------------------------------------------------------------

_pieces = st.sampled_from([
    "Hi", "hello", "there", "Mr.", "I", "...", "…", ".", "?", "!", ",", "- ", "-", "--", "\n", "\n- ", "\n-",
    " ", "  ", "¿", "¡", '"', "é", "Ñandú", "你好", "。", "♪", "[laughs]", "5", "-5", "\t", "\u00a0", "Ω",
    "and", "so", "The", "end.", "Dr.", "'", "«", "»",
])
cue_text = st.lists(_pieces, max_size=14).map("".join)
kinds = st.sampled_from(["dialogue"] * 6 + ["sdh", "lyrics", "sign", "karaoke", "drawing", "comment"])


@st.composite
def transcripts(draw):
    n = draw(st.integers(0, 8))
    cues = []
    t = 0
    untimed = draw(st.booleans()) and draw(st.booleans())
    for i in range(n):
        text = draw(cue_text)
        gap = draw(st.integers(-500, 1500))
        dur = draw(st.integers(0, 3000))
        t = max(0, t + gap)
        cues.append(Cue(index=i, start=None if untimed else t, end=None if untimed else t + dur,
                        raw=text, text=text, kind=draw(kinds), speaker=draw(st.sampled_from(["", "", "A", "B"]))))
        t += dur
    return Transcript(path="h.srt", format="srt", language=draw(st.sampled_from(["en", "es", "", "zh"])), cues=cues)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_invariant_holds_on_random_transcripts(tr: Transcript):
    segment(tr)
    assert check_segmentation_invariant(tr) == []
    for seg in tr.segments:
        for part in seg.parts:
            cue = tr.cues[part.cue]
            assert cue.kind in ("dialogue", "sdh", "lyrics", "sign")
        if len(seg.cues) > 1:
            assert all(tr.cues[i].kind == "dialogue" for i in seg.cues)
            assert all(tr.cues[i].start is not None for i in seg.cues)
    assert [s.id for s in tr.segments] == [f"s{i:04d}" for i in range(1, len(tr.segments) + 1)]


@st.composite
def unicode_transcripts(draw):
    texts = draw(st.lists(st.text(max_size=40), max_size=6))
    cues = [Cue(index=i, start=i * 1000, end=i * 1000 + 900, raw=t, text=t) for i, t in enumerate(texts)]
    return Transcript(path="u.srt", format="srt", language=draw(st.sampled_from(["en", "es", "ja", "xx"])), cues=cues)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unicode_transcripts())
def test_invariant_holds_on_any_unicode(tr: Transcript):
    segment(tr)
    assert check_segmentation_invariant(tr) == []


def test_huge_cue_is_split_without_spacy():
    big = "Hello there. I... I know... Wait " * 2000
    tr = segment(make([big, "and more."]))
    assert check_segmentation_invariant(tr) == []
    assert tr.segments[0].text == "Hello there."
    assert tr.segments[-1].text == "Wait and more."
