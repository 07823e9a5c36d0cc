"""Everyday puns (lexicons/en/puns-everyday.jsonl): common English words with two clearly different senses.

One-liners of our own whose pun word is an entry of that file are flagged on that word; ordinary
sentences using those words in one sense stay unflagged."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import assert_pun_on, lexicon_entries, pun_flags  # noqa: E402

from locpipe.detect.lexicon import load_lexicon  # noqa: E402


def _entries() -> list[dict]:
    return lexicon_entries("puns-everyday.jsonl")


#: pun words whose entry is named by their dictionary form
ENTRY: dict[str, str] = {"cooking": "cook"}


def test_entries_are_new_words_with_two_full_senses() -> None:
    entries = _entries()
    assert len(entries) >= 350
    lexicon = load_lexicon("en")
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    others = {e["id"] for e in lexicon.entries("puns")} - set(ids)
    for entry in entries:
        assert entry["id"] in lexicon.by_id
        assert entry["id"] not in others
        assert entry["label"] == "pun"
        assert len(entry["senses"]) >= 2, entry["id"]
        assert entry["gloss"] == " / ".join(s["sense"] for s in entry["senses"])
        for sense in entry["senses"]:
            assert 10 <= len(sense["context"]) <= 30, (entry["id"], sense["sense"])
            assert len(set(sense["context"])) == len(sense["context"]), (entry["id"], sense["sense"])


@pytest.mark.parametrize(("sentence", "word"), [
    ("Old composers never die, they just decompose.", "decompose"),
    ("The fisherman's wife couldn't stomach his fishing stories, so he went to flounder.", "flounder"),
    ("The hunter complained about the birds, he had a real grouse.", "grouse"),
    ("The artist kept his sketches in a drawer.", "drawer"),
    ("The baby's mummy was wrapped in bandages at the museum.", "mummy"),
    ("The hen sat on her eggs and began to brood.", "brood"),
    ("Old bakers never die, they just crumble.", "crumble"),
    ("The beekeeper was the spelling bee champion.", "bee"),
    ("The electrician's phone ran out of power, so he went home to recharge.", "recharge"),
    ("The astronomer said the planet Mercury was rising with the temperature.", "mercury"),
    ("The gardener's favourite flower? The iris, it's always an eye-opener.", "iris"),
    ("The carpenter said the lecture on drills was boring.", "boring"),
    ("The pastry chef went to jail and ate porridge for five years.", "porridge"),
    ("Old chefs never die, they just spill the beans.", "spill"),
    ("The pianist's wife loved him, she was completely smitten with his keys.", "smitten"),
    ("The florist was a real pedestrian, he walked everywhere and his bouquets were dull.", "pedestrian"),
    ("The dentist's law had no teeth, it was toothless.", "toothless"),
    ("I used to be a postman, but I couldn't push the envelope.", "envelope"),
    ("The accountant was arrested for cooking the books in his kitchen.", "cooking"),
])
def test_everyday_one_liners_are_flagged_on_the_pun_word(sentence: str, word: str) -> None:
    best = assert_pun_on(sentence, word, ENTRY.get(word))
    assert best.rule_id in {e["id"] for e in _entries()}  # the pun word is an entry of this file


@pytest.mark.parametrize("sentence", [
    "I have a stomach ache after eating too much pizza.",
    "Tom keeps his socks in the top drawer.",
    "She ate a banana for breakfast.",
    "I lost my scarf on the bus yesterday.",
    "Please pass me a spoon for the soup.",
    "He dried his hands on a towel.",
    "I need to recharge my phone.",
    "I'd like to reserve a table for two.",
    "We spent a week at a ski resort.",
    "Thank you for the lovely gift.",
    "The builder gave us a quote for the new kitchen.",
    "We ordered grilled shrimp at the restaurant.",
    "I made a ham sandwich for lunch.",
    "Take the second exit at the roundabout.",
    "She was promoted to manager last year.",
    "I filled in the application for the job.",
    "She speaks with a French accent.",
    "I read an interesting article in the newspaper.",
    "Squeeze the toothpaste from the tube.",
    "The porter carried our bags to the room.",
])
def test_ordinary_sentences_with_everyday_words_are_not_puns(sentence: str) -> None:
    assert not pun_flags(sentence), sentence
