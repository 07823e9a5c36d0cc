"""The sample film: annotated flags found, and few flags outside the annotation.

The issue's target is every annotated flag; what is missing today is lexicon
coverage (see the report), so this test guards the measured floor and the
precision bound (no more than one flag in five outside the annotation).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("spacy")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FILM = SAMPLES / "too_many_cooks.srt"
ANNOTATIONS = SAMPLES / "too_many_cooks.annotations.json"


def _matches(flag, note) -> bool:
    if note["cue"] - 1 not in flag.cues:
        return False
    a, b = note["text"].lower(), flag.text.lower()
    return a in b or (len(b) > 2 and b in a)


@pytest.mark.skipif(not (FILM.is_file() and ANNOTATIONS.is_file()), reason="samples/ film or annotations absent")
def test_sample_film_flags() -> None:
    from locpipe.detect import detect
    from locpipe.formats import load

    notes = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["flags"]
    transcript = detect(load(FILM), lang="en")
    found = [n for n in notes if any(_matches(f, n) for f in transcript.flags)]
    outside = [f for f in transcript.flags if not any(_matches(f, n) for n in notes)]
    assert len(found) / len(notes) >= 0.65, [n["text"] for n in notes if n not in found]
    assert len(outside) <= len(transcript.flags) / 5, [(f.cues, f.text, f.rule_id) for f in outside]
    # what the machinery itself must catch on this film, lexicon or not
    texts = {(f.cues[0] + 1, f.text) for f in transcript.flags}
    assert {(10, "y'all"), (14, "fixin' to")} <= texts
