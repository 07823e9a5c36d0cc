"""The wider English topic domains (lexicons/en/domains.json): fields one-liners set up — the trade,
its people, places, tools and actions — found as pun evidence; ordinary lines about those fields
stay unflagged."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")

from test_detect_support import located_pun, pun_flags  # noqa: E402

from locpipe.detect.domains import UNTOPICAL, domains_file, load_domains  # noqa: E402
from locpipe.detect.lexicon import load_lexicon  # noqa: E402

#: fields added to the file, each with a vocabulary of its own
NEW_DOMAINS = ("mythology", "pottery", "internet", "mining", "archaeology", "stationery", "robots", "dieting", "sleep")


def test_domain_file_is_wide_and_topical() -> None:
    data = json.loads(domains_file("en").read_text(encoding="utf-8"))
    assert len(data) >= 130
    assert set(NEW_DOMAINS) <= set(data)
    assert sum(len(spec["words"]) for spec in data.values()) >= 10000
    # a listed word too common to say what a line is about would be dropped silently: list none
    listed = [(name, word) for name, spec in data.items() for word in spec["words"] if word in UNTOPICAL]
    assert listed == []


@pytest.mark.parametrize(("word", "domain"), [
    ("croupier", "gambling"), ("goalkeeper", "football"), ("sommelier", "drink"), ("orthodontist", "dentistry"),
    ("influencer", "internet"), ("kiln", "pottery"), ("sarcophagus", "archaeology"), ("insomniac", "sleep"),
    ("snowboarder", "winter-sport"), ("chambermaid", "hotels"), ("tycoon", "finance"), ("minotaur", "mythology"),
])
def test_setup_words_belong_to_their_field(word: str, domain: str) -> None:
    domains = load_domains(load_lexicon("en"))
    assert domain in domains.of(word)


@pytest.mark.parametrize(("sentence", "word"), [
    ("The croupier was a real dealer.", "dealer"),
    ("The croupier was on a roll.", "roll"),
    ("The croupier had a poker face.", "poker"),
    ("The goalkeeper was saving for a rainy day.", "saving"),
    ("The skier went downhill fast.", "downhill"),
    ("The snowboarder's career went downhill.", "downhill"),
    ("The influencer's boyfriend was a real troll.", "troll"),
    ("The tycoon's son was loaded.", "loaded"),
    ("The pilot's wife said he was a real high flyer.", "flyer"),
    ("The plumber's wife said he was a real drip.", "drip"),
])
def test_one_liner_set_up_by_a_field_word(sentence: str, word: str) -> None:
    assert located_pun(sentence).text.lower() == word


@pytest.mark.parametrize("sentence", [
    "The croupier spun the roulette wheel and the ball landed on red.",
    "My grandmother keeps her savings in a shoebox under the bed.",
    "The pilot announced that we would land in twenty minutes.",
    "The influencer posted a photo of her breakfast.",
    "The archaeologist found pottery shards near the old temple.",
    "The barista made me a cappuccino with oat milk.",
    "The potter put the vases in the kiln overnight.",
    "The sommelier recommended a red wine with the lamb.",
    "The dentist said I need two fillings.",
])
def test_ordinary_lines_about_a_field_stay_unflagged(sentence: str) -> None:
    assert pun_flags(sentence) == []
