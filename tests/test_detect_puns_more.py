"""Pun rules added for one-liners: the word's collocation never makes a pun on its own, a
two-part one-liner (setup, clause break, punchline) plays on the last word, plain sentences and
proverbs stay unflagged, and the common-words pun file (puns-common.jsonl) — our own sentences."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import pun_flags  # noqa: E402

from locpipe.detect.lexicon import load_lexicon  # noqa: E402


def _located(sentence: str) -> str:
    found = pun_flags(sentence)
    assert found, sentence
    return max(found, key=lambda f: (f.confidence, f.start)).text.lower()


@pytest.mark.parametrize("sentence", [
    "We walked along the river bank all afternoon.",
    "The bank raised its interest rates.",
    "He keeps his money in a savings account.",
    "The electrician fixed the wiring in the kitchen.",
    "The dentist said I need a filling.",
    "The cook put the pan on the stove.",
    "He left his keys on the kitchen table.",
    "The train leaves from platform four.",
    "My brother plays the guitar in a band.",
    "The computer crashed and I lost my file.",
    "My father works for a shipping company.",
    "He signed the contract yesterday.",
    "Let's meet at the bank after lunch.",
    "I need to charge my phone before we leave.",
])
def test_plain_sentences_are_not_puns(sentence: str) -> None:
    assert pun_flags(sentence) == []


@pytest.mark.parametrize("sentence", [
    "You can't judge a book by its cover.",
    "Still waters run deep.",
    "A penny saved is a penny earned.",
    "Don't count your chickens before they hatch.",
    "The early bird catches the worm.",
])
def test_proverbs_are_not_puns(sentence: str) -> None:
    assert pun_flags(sentence) == []


def test_collocation_alone_fixes_the_sense() -> None:
    # "river" right next to "bank" is its collocation, not a setup for the other sense ...
    assert pun_flags("We walked along the river bank all afternoon.") == []
    # ... the same sense evoked from a distance, in the punchline slot, is a setup
    assert _located("After the flood the angler went fishing from the bank.") == "bank"


@pytest.mark.parametrize(("sentence", "word"), [
    ("I used to be a banker, but I lost interest.", "interest"),
    ("The chemist retired because he never got a reaction.", "reaction"),
    ("The mathematician was sad because he had too many problems.", "problems"),
    ("The undertaker quit his job, because the work was dead.", "dead"),
])
def test_two_part_one_liner_puns_on_its_last_word(sentence: str, word: str) -> None:
    assert _located(sentence) == word


def test_primary_sense_set_up_needs_a_clause_break() -> None:
    # the setup (baker) evokes the word's own sense: a pun only when a clause break splits setup and punchline
    assert _located("The baker quit his job because he had too little dough.") == "dough"
    assert pun_flags("The baker put the dough in the oven.") == []


def _forms(entry: dict) -> set[str]:
    pattern = entry["pattern"]
    if isinstance(pattern, str):
        return {pattern.lower()}
    out: set[str] = set()
    for token in pattern:
        for value in token.values():
            if isinstance(value, dict):
                out |= {w.lower() for w in value.get("IN", [])}
            elif isinstance(value, str):
                out.add(value.lower())
    return out


def test_common_words_file() -> None:
    lexicon = load_lexicon("en")
    entries = [e for e in lexicon.entries("puns") if e["_path"].endswith("puns-common.jsonl")]
    assert len(entries) >= 60
    others = [e for e in lexicon.entries("puns") if not e["_path"].endswith("puns-common.jsonl")]
    taken = set().union(*(_forms(e) for e in others))
    for entry in entries:
        assert entry["id"].startswith("en.pun."), entry["id"]
        assert not _forms(entry) & taken, entry["id"]  # no word already in another pun file
        assert len(entry["senses"]) >= 2
        for sense in entry["senses"]:
            assert 8 <= len(sense["context"]) <= 30, (entry["id"], sense["sense"])
