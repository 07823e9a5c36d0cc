"""Short fixed expressions (``idioms-phrases.jsonl``): found on their own, lowered when the context is literal.

Every sentence is written for this file: an idiomatic use (flagged at or above the idiomatic
threshold) and a literal use of the same words (the entry's ``literal`` cues lower it below).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from test_detect_support import idiom_flags  # noqa: E402

from locpipe.detect.idioms import IDIOMATIC_THRESHOLD  # noqa: E402

FILE = Path(__file__).resolve().parent.parent / "locpipe" / "lexicons" / "en" / "idioms-phrases.jsonl"

CASES = [
    # (rule id, idiomatic sentence, literal sentence)
    ("en.idiom.under-pressure", "The whole team is under pressure to finish by Friday.",
     "The gas in the steel tank is under pressure, so check the valve."),
    ("en.idiom.all-the-way", "Whatever you decide, I'm with you all the way.",
     "We walked all the way, almost six miles."),
    ("en.idiom.all-along", "She knew the truth all along.",
     "There were lanterns all along the river bank."),
    ("en.idiom.on-fire", "Our striker is on fire this season.",
     "Call the firefighters, the building is on fire!"),
    ("en.idiom.to-pieces", "I love you to pieces.",
     "The glass plate smashed to pieces on the floor."),
    ("en.idiom.in-a-row", "We've lost five games in a row.",
     "The children sat in a row on little chairs."),
    ("en.idiom.find-a-way-round", "Lawyers always find a way around the rules.",
     "We found a way around the lake on the old map."),
    ("en.idiom.the-wrong-way-round", "You've got the whole story the wrong way round.",
     "He was driving the wrong way round the roundabout."),
]


@pytest.mark.parametrize(("rule_id", "idiomatic", "literal"), CASES)
def test_idiomatic_use_flagged_literal_use_lowered(rule_id: str, idiomatic: str, literal: str) -> None:
    found = idiom_flags(idiomatic, rule_id)
    assert found, f"{rule_id} not found in {idiomatic!r}"
    assert all(f.confidence >= IDIOMATIC_THRESHOLD for f in found)
    lowered = idiom_flags(literal, rule_id)
    assert lowered, f"{rule_id} not found in {literal!r}"
    assert all(f.confidence < IDIOMATIC_THRESHOLD for f in lowered)
    assert any("literal" in e for f in lowered for e in f.evidence)


def test_gloss_is_shown_with_the_flag() -> None:
    entries = {e["id"]: e for e in map(json.loads, FILE.read_text(encoding="utf-8").splitlines())}
    (flag,) = idiom_flags("I work better under pressure.", "en.idiom.under-pressure")
    assert flag.kind == "idiom" and flag.text == "under pressure"
    assert flag.gloss == entries["en.idiom.under-pressure"]["gloss"]


def test_entries_are_short_phrases_with_literal_cues_as_words() -> None:
    entries = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()]
    assert len(entries) >= 150
    for entry in entries:
        assert entry["label"] in {"idiom", "expression", "phrasal"}
        assert 2 <= len(entry["pattern"].split()) <= 6, entry["id"]
        assert all(word.isalpha() and word == word.lower() for word in entry.get("literal", [])), entry["id"]
        assert not set(entry.get("literal", [])) & set(entry["pattern"].split()), entry["id"]
