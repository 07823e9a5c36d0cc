"""Field puns (lexicons/en/puns-fields.jsonl): a trade's or sport's word with an everyday second sense.

One-liners of our own whose pun word is an entry of that file are flagged on that word; ordinary
sentences using those words in one sense stay unflagged."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import assert_pun_on, lexicon_entries, pun_flags  # noqa: E402

from locpipe.detect.domains import load_domains  # noqa: E402
from locpipe.detect.lexicon import load_lexicon  # noqa: E402


def _entries() -> list[dict]:
    return lexicon_entries("puns-fields.jsonl")


#: pun words whose entry is named by their dictionary form
ENTRY = {"reacting": "react"}


def test_every_field_sense_names_its_domains_and_the_file_loads() -> None:
    entries = _entries()
    assert len(entries) >= 400
    lexicon = load_lexicon("en")
    domains = load_domains(lexicon)
    for entry in entries:
        assert entry["id"] in lexicon.by_id
        named = [s for s in entry["senses"] if s.get("domains")]
        assert len(named) == 1, entry["id"]  # one field sense, one everyday sense
        assert set(named[0]["domains"]) <= set(domains.words), entry["id"]
        k = entry["senses"].index(named[0])
        assert set(named[0]["domains"]) <= domains.senses[(entry["id"], k)]


@pytest.mark.parametrize(("sentence", "word"), [
    ("Old electricians never die, they just lose contact.", "contact"),
    ("The golfer's favourite bird is an eagle.", "eagle"),
    ("The boxer's girlfriend was a real knockout.", "knockout"),
    ("The pilot was grounded by his mother.", "grounded"),
    ("The meteorologist stole my thunder.", "thunder"),
    ("The chess player's marriage ended in stalemate.", "stalemate"),
    ("The cowboy's posse was a bunch of his old buddies.", "posse"),
    ("The drummer's girlfriend left him because he couldn't keep a tempo.", "tempo"),
    ("The astronaut needed more space.", "space"),
    ("The fisherman took the bait.", "bait"),
    ("The angry chef let the sauce simmer.", "simmer"),
    ("Old chemists never die, they just stop reacting.", "reacting"),
    ("The jeweller's wedding had a beautiful setting.", "setting"),
    ("The hairdresser's shop had a lot of fringe benefits.", "fringe"),
    ("The beekeeper's office was a real hive of activity.", "hive"),
    ("My dentist said I had a cavity, but it was all in my head.", "cavity"),
    ("The baseball pitcher threw his girlfriend a curveball.", "curveball"),
    ("The football coach told his wife she was out of his league.", "league"),
])
def test_field_one_liners_are_flagged_on_the_pun_word(sentence: str, word: str) -> None:
    best = assert_pun_on(sentence, word, ENTRY.get(word))
    assert best.rule_id in {e["id"] for e in _entries()}  # the pun word is an entry of this file


@pytest.mark.parametrize("sentence", [
    "The waiter brought us the menu.",
    "We stopped at a hotel near the canal.",
    "My sister bought a new jacket for the winter.",
    "The band played a ballad at the end of the concert.",
    "The chef added a pinch of spice to the soup.",
    "We watched the storm from the window.",
    "The farmer put hay in the barn for the horses.",
    "The lawyer presented new evidence to the jury.",
    "The accountant found an error in the ledger.",
    "The bees flew back to their hive.",
    "The farmer has a lot of cows and sheep.",
    "The early bird catches the worm.",
])
def test_one_sense_in_ordinary_dialogue_is_not_a_pun(sentence: str) -> None:
    assert pun_flags(sentence) == []
