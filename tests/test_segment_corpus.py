"""The segmentation invariant on every corpus file and on the sample film (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPORA, SAMPLES, corpus_files

from locpipe.errors import LocpipeError
from locpipe.formats import load
from locpipe.stages.segment import check_segmentation_invariant, segment


def _files() -> list[Path]:
    samples = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".srt", ".ass", ".txt", ".vtt"))
    return corpus_files() + samples


def _id(path: Path) -> str:
    for base in (CORPORA, SAMPLES.parent):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return path.name


@pytest.mark.corpus
@pytest.mark.parametrize("path", _files(), ids=_id)
def test_segmentation_invariant_on_real_files(path: Path):
    try:
        transcript = load(path)
    except LocpipeError:
        pytest.skip("not readable (reported by the parser)")
    segment(transcript)
    assert check_segmentation_invariant(transcript) == []
    dialogue = [c for c in transcript.cues if c.kind == "dialogue" and c.text.strip()]
    if dialogue:
        assert transcript.segments
