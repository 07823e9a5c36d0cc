"""Legal, medical, police and sports dramas use their field's words in the field's sense all the time:
those lines are not puns. Field sense first in puns-fields.jsonl; a vocative comma is not a setup."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402

GENRE_LINES = [
    "The patient is in critical condition.",
    "Objection, Your Honor. Sustained.",
    "The suspect left no clue at the scene.",
    "Change the dressing on his wound twice a day.",
    "The court will announce its ruling tomorrow.",
    "He scored with a header in the second half.",
    "Take the corner, then press the clutch.",
    "The plane lost altitude over the sea.",
    "The treatment worked, the tumour is gone.",
    "Detective, we have a new suspect.",
    "Nurse, check his pulse.",
    "The defence rests, Your Honor.",
    "The striker was offside.",
    "Prepare the theatre for the operation.",
]


@pytest.mark.parametrize("line", GENRE_LINES)
def test_a_field_word_in_its_own_field_is_no_pun(line: str) -> None:
    transcript = detect(make_transcript([line], lang="en"), lang="en", kinds="humor")
    assert [(f.label, f.text) for f in transcript.flags if f.label in ("pun", "homophone")] == []


def test_the_one_liner_still_is() -> None:
    transcript = detect(make_transcript(["The chess player's marriage ended in stalemate."], lang="en"),
                        lang="en", kinds="humor")
    assert [(f.label, f.text) for f in transcript.flags if f.label == "pun"] == [("pun", "stalemate")]
