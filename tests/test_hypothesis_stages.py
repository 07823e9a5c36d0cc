"""Segmentation and fitting under hostile cues and translations (hypothesis).

Contract: never an exception; segmentation keeps its invariant (every
non-space character of a segmented cue in exactly one part, in order);
fitting returns each translated cue once, in order, with single lines and an
out-time never before the cue's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

import fuzz_targets as F  # noqa: E402

from locpipe.model import Cue, Transcript, Translation  # noqa: E402
from locpipe.profiles import get_profile  # noqa: E402
from locpipe.stages.fit import fit  # noqa: E402
from locpipe.stages.segment import check_segmentation_invariant, segment  # noqa: E402

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.sampled_from(
    ["- ", "-", "—", "...", "…", ". ", "? ", "! ", "?!", "\n", "\n- ", "  ", "\t", "Mr. ", "Dr.", "U.S.", "a.m.",
     "♪", "[", "]", "(", ")", "<i>", "\"", "«", "»", "¿", "¡", ",", ";", ":", "\u200b", "\u00a0", "\u3000", "。",
     "、", "؟", "\u0301", "\u202e", "i", "I", "a", "Hello", "you", "go", "WAIT", "12", "3.5", "'", "’"]
)
TEXT = st.lists(PIECES | st.text(max_size=6), max_size=14).map("".join)


@st.composite
def transcripts(draw: st.DrawFn, max_cues: int = 12) -> Transcript:
    texts = draw(st.lists(TEXT, min_size=1, max_size=max_cues))
    cues = []
    t = 0
    for i, text in enumerate(texts):
        t += draw(st.integers(0, 2500))
        dur = draw(st.integers(0, 5000))
        timed = draw(st.booleans()) or i % 3
        cues.append(Cue(index=i, start=t if timed else None, end=t + dur if timed else None,
                        raw=text.replace("\n", "\\N"), text=text, line=1 + 4 * i,
                        kind=draw(st.sampled_from(F.KINDS)), style=draw(st.sampled_from(["Default", "Top"]))))
    return Transcript(path="film.srt", format="srt", language=draw(st.sampled_from(F.SOURCE_LANGS)), cues=cues)


@FAST
@given(transcripts())
def test_segmentation_invariant_on_any_cues(transcript: Transcript) -> None:
    segment(transcript)
    assert check_segmentation_invariant(transcript) == []
    segmented = {p.cue for s in transcript.segments for p in s.parts}
    assert segmented <= {c.index for c in transcript.cues}


@FAST
@given(transcripts(), st.data())
def test_fit_on_any_translation(transcript: Transcript, data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(F.LANGS))
    profile = get_profile(data.draw(st.sampled_from(["netflix", "bbc", "ebu"])))
    segment(transcript)
    for seg in transcript.segments:
        if data.draw(st.booleans()):
            seg.translations[lang] = Translation(lang=lang, text=data.draw(TEXT))
    fitted = fit(transcript, lang, profile=profile)
    order = [fc.cue for fc in fitted]
    assert order == sorted(set(order))
    translated = {p.cue for s in transcript.segments if lang in s.translations for p in s.parts}
    assert set(order) == translated
    cues = {c.index: c for c in transcript.cues}
    for fc in fitted:
        assert all("\n" not in line for line in fc.lines)
        if cues[fc.cue].end is not None:
            assert fc.end is not None and fc.end >= cues[fc.cue].end  # type: ignore[operator]


@FAST
@given(st.binary(max_size=600))
def test_segment_target_on_random_bytes(data: bytes) -> None:
    assert F.segment_target(data) == "ok"


@FAST
@given(st.binary(max_size=600))
def test_fit_target_on_random_bytes(data: bytes) -> None:
    assert F.fit_target(data) == "ok"
