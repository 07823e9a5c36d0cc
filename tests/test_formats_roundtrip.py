"""Property tests: whatever cues we write as SRT/VTT/ASS come back the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from locpipe.formats import dumps, loads
from locpipe.model import Cue, Transcript

_WORD = st.text(
    alphabet=st.characters(
        whitelist_categories=("Lu", "Ll", "Nd", "Po", "Lo"), blacklist_characters="<>{}\\&-#♪[]()"
    ),
    min_size=1,
    max_size=12,
)
_LINE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_TEXT = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)


@st.composite
def _cues(draw: st.DrawFn) -> list[tuple[int, int, str]]:
    texts = draw(st.lists(_TEXT, min_size=1, max_size=8))
    out = []
    t = draw(st.integers(0, 10_000))
    for text in texts:
        start = t + draw(st.integers(0, 5_000))
        end = start + draw(st.integers(1, 8_000))
        out.append((start, end, text))
        t = end
    return out


def _transcript(cues: list[tuple[int, int, str]], fmt: str) -> Transcript:
    raw = [text.replace("\n", "\\N") for _, _, text in cues]
    return Transcript(
        path=f"x.{fmt}",
        format=fmt,
        cues=[Cue(i, s, e, r, t) for i, ((s, e, t), r) in enumerate(zip(cues, raw, strict=True))],
    )


@settings(max_examples=60, deadline=None)
@given(_cues())
def test_srt_round_trip(cues: list[tuple[int, int, str]]) -> None:
    written = dumps(_transcript(cues, "srt"))
    back = loads(written.encode(), path="x.srt")
    # random text may look garbled, or be in a script of its own (Greek letters: "source language el")
    assert [f for f in back.findings if f.check not in ("parse.mojibake", "parse.language")] == []
    assert [(c.start, c.end, c.text) for c in back.cues] == cues
    assert dumps(back) == written


@settings(max_examples=40, deadline=None)
@given(_cues())
def test_vtt_round_trip(cues: list[tuple[int, int, str]]) -> None:
    written = dumps(_transcript(cues, "srt"), format="vtt")
    back = loads(written.encode(), path="x.vtt")
    # random text may look garbled, or be in a script of its own (Greek letters: "source language el")
    assert [f for f in back.findings if f.check not in ("parse.mojibake", "parse.language")] == []
    assert [(c.start, c.end, c.text) for c in back.cues] == cues
    assert dumps(back) == written


@settings(max_examples=30, deadline=None)
@given(_cues())
def test_srt_to_ass_keeps_text_and_centisecond_times(cues: list[tuple[int, int, str]]) -> None:
    back = loads(dumps(_transcript(cues, "srt"), format="ass").encode(), path="x.ass")
    assert [c.text for c in back.cues] == [t for _, _, t in cues]
    assert [(c.start, c.end) for c in back.cues] == [((s + 5) // 10 * 10, (e + 5) // 10 * 10) for s, e, _ in cues]
