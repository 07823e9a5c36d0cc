"""Widened context lists of the pun entries (puns.jsonl, puns-more.jsonl, puns-common.jsonl, puns-fields.jsonl).

One-liners of our own whose only evidence for one sense is a word added to that sense's scene
(an otter for the river bank, a babysitter for "in charge") are flagged on the pun word; ordinary
sentences using the added words in one sense stay unflagged."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import assert_pun_on, pun_flags  # noqa: E402


@pytest.mark.parametrize(("sentence", "word"), [
    ("The otter opened an account at the bank.", "bank"),
    ("The heron kept all its savings in the bank.", "bank"),
    ("The salmon left its money in the bank.", "bank"),
    ("The angler deposited his cash at the bank.", "bank"),
    ("The babysitter was left in charge.", "charge"),
    ("The overseer was put in charge.", "charge"),
    ("The rhino lowered its horn to charge.", "charge"),
    ("The undertaker called the situation grim and grave.", "grave"),
    ("The shovel was in a dire state at the grave.", "grave"),
    ("The swimmer who followed every headline went with the current.", "current"),
    ("The historian's girlfriend was a blind date.", "date"),
    ("The brewer hated the cold draft.", "draft"),
])
def test_one_liners_found_through_the_widened_scene(sentence: str, word: str) -> None:
    assert_pun_on(sentence, word)


@pytest.mark.parametrize("sentence", [
    "The babysitter charged twenty dollars.",
    "The publisher asked for a revision of the manuscript.",
    "The historian wrote about the Vietnam war.",
    "The swimmer checked the newspaper headline.",
    "The knights rode their horses through the valley.",
    "My grandmother made marmalade for breakfast.",
    "The warehouse was full of boxes.",
    "The investors met in a small office.",
    "The otter swam under the willow by the river.",
])
def test_ordinary_sentences_with_the_added_words_stay_unflagged(sentence: str) -> None:
    assert pun_flags(sentence) == [], sentence
