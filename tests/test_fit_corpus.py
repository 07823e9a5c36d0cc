"""Fitting on every corpus file with a stand-in translation: cues, order and in-times never change."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import CORPORA, corpus_files

from locpipe.errors import LocpipeError
from locpipe.formats import load
from locpipe.model import Translation
from locpipe.profiles import get_profile
from locpipe.stages.fit import fit
from locpipe.stages.segment import segment


def _stand_in(text: str) -> str:
    """About 20 % longer, like Spanish after English: every word of four letters or more gains "ito"."""
    return " ".join(w + "ito" if len(w) >= 4 else w for w in text.split())


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: str(p.relative_to(CORPORA)))
def test_fit_keeps_cues_on_real_files(path: Path):
    try:
        transcript = load(path)
    except LocpipeError:
        pytest.skip("not readable (reported by the parser)")
    segment(transcript)
    for seg in transcript.segments:
        seg.translations["es"] = Translation(lang="es", text=_stand_in(seg.text))
    before = copy.deepcopy(transcript.cues)
    profile = get_profile("netflix")
    fitted = fit(transcript, "es", profile=profile)
    assert transcript.cues == before
    indexes = [f.cue for f in fitted]
    assert indexes == sorted(set(indexes))
    assert set(indexes) == {p.cue for s in transcript.segments for p in s.parts}
    width = profile.max_chars("es")
    too_long = {f.cue for f in transcript.findings if f.check == "fit.too-long"}
    for f in fitted:
        cue = transcript.cues[f.cue]
        if cue.end is None:
            assert f.end is None
        else:
            assert f.end is not None and cue.end <= f.end <= cue.end + profile.max_extend_ms
        if f.cue not in too_long:
            assert all(len(line) <= width for line in f.lines)
        assert len(f.lines) <= profile.max_lines
    # every character of the translations lands once, in order (speaker dashes and spaces aside:
    # fitting adds dashes, and CJK or over-long words may be wrapped inside) -- except in a cue
    # cut to the line limit, which ends in "…" and carries a critical finding with the full text
    cut = {f.cue for f in transcript.findings if f.check == "fit.too-many-lines" and f.severity == "critical"}
    expected = "".join(s.translations["es"].text for s in transcript.segments)
    got = "".join(f.text for f in fitted if f.cue not in cut)
    if not cut:
        assert _letters(got) == _letters(expected)
    else:
        assert all(f.text.endswith("…") for f in fitted if f.cue in cut)
        assert _is_subsequence(_letters(got), _letters(expected))


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch != "-")
