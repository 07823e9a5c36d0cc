"""Collocates: the words right next to a pun-prone word that read it in one of its senses ("lost
interest", "interest rate"), and the pun they make with words before them that evoke another sense."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("spacy")

from test_detect_support import pun_flags  # noqa: E402

from locpipe.detect.context import stopwords  # noqa: E402
from locpipe.detect.humor import PHRASE, PunEvidence, _phrase, _sense_collocates  # noqa: E402
from locpipe.detect.lexicon import load_lexicon  # noqa: E402

COLLOCATES = [frozenset({"rate", "pay"}), frozenset({"lose", "lost", "take"})]


def test_phrase_reads_collocates_within_two_tokens_on_either_side() -> None:
    lowers = ["they", "lost", "all", "interest", "rate", "today"]
    assert _phrase(lowers, lowers, 3, 4, COLLOCATES) == [["rate"], ["lost"]]
    far = ["they", "lost", "all", "the", "interest"]
    assert PHRASE == 2 and _phrase(far, far, 4, 5, COLLOCATES) == [[], []]


def test_phrase_stops_at_punctuation() -> None:
    lowers = ["we", "lost", ",", "interest", "."]
    assert _phrase(lowers, lowers, 3, 4, COLLOCATES) == [[], []]


def test_a_collocate_of_two_senses_reads_neither() -> None:
    ctx = SimpleNamespace(lexicon=None, cache={}, lang="en", stopwords=stopwords("en"))
    senses = [{"sense": "a", "collocates": ["rate", "free"]}, {"sense": "b", "collocates": ["free", "lose"]}]
    a, b = _sense_collocates(ctx, senses)  # type: ignore[arg-type]
    assert "free" not in a and "free" not in b
    assert "rate" in a and {"lose"} <= b


def _evidence(**kw: object) -> PunEvidence:
    empty = [[], []]
    base = dict(setup=[[], []], own=[[], []], before=empty, after=empty, near=empty, far_setup=[[], []],
                pivot_setup=empty, domain=empty, domain_setup=empty, domain_near=empty, domain_line=empty,
                topic_setup=[[], []], weak=empty, weak_setup=empty, final=True)
    base.update(kw)
    return PunEvidence(**base)  # type: ignore[arg-type]


def test_phrase_one_sense_setup_the_other_is_a_double_reading() -> None:
    ev = _evidence(phrase=[[], ["lose"]], own=[["banker"], []], far_setup=[["banker"], []],
                   setup=[["banker"], []], topic_setup=[["banker"], []])
    strength, pair, why = ev.score()
    assert pair == (1, 0) and strength >= 2.0
    assert why == "its phrase reads one sense, the words before it evoke the other"


@pytest.mark.parametrize(
    ("setup", "why"),
    [
        # its topic set up before a linking verb: "The banker was (… interest)"
        (dict(framed=True), "its topic set up before the word that closes the sentence"),
        # its sense set up before a clause break: "The banker retired, because … interest"
        (dict(pivot_setup=[["banker"], []]), "its sense set up before the word that closes the sentence"),
    ],
)
def test_phrase_in_the_prepared_sense_blocks_the_one_sense_rules(setup: dict, why: str) -> None:
    evidence = dict(own=[["banker"], []], far_setup=[[], []], setup=[["banker"], []], topic_setup=[["banker"], []], **setup)
    assert _evidence(**evidence).score()[2] == why  # without a phrase, the rule fires
    assert _evidence(phrase=[["rate"], []], **evidence).score()[1] is None  # 'interest rate': the prepared sense


def test_phrase_on_two_senses_reads_none() -> None:
    ev = _evidence(phrase=[["rate"], ["lose"]])
    assert ev.phrase_sense() is None


def test_package_pun_entries_list_collocates_per_sense() -> None:
    lexicon = load_lexicon("en")
    puns = [e for e in lexicon.by_id.values() if e["label"] == "pun" and e["id"].startswith("en.pun.")]
    with_collocates = [e for e in puns if all(s.get("collocates") for s in e["senses"])]
    assert len(with_collocates) >= 0.95 * len(puns)
    for entry in with_collocates:
        seen: set[str] = set()
        for sense in entry["senses"]:
            words = set(sense["collocates"])
            assert not words & seen, (entry["id"], words & seen)
            seen |= words


@pytest.mark.parametrize(
    ("line", "word", "collocate"),
    [
        ("The banker took an interest in painting.", "interest", "take"),
        ("The bankers at the meeting lost interest.", "interest", "lose"),
    ],
)
def test_collocate_and_setup_make_a_pun(line: str, word: str, collocate: str) -> None:
    found = [f for f in pun_flags(line) if f.text.lower() == word]
    assert found, line
    assert any(f"'{collocate}' next to it read it as" in e for e in found[0].evidence), found[0].evidence


@pytest.mark.parametrize(
    "line",
    [
        "The Mediterranean scenery was breathtaking.",
        "The bank raised the interest rate on my loan.",
        "We pay the bank a lot of interest.",
    ],
)
def test_collocate_of_the_prepared_sense_is_no_pun(line: str) -> None:
    assert not pun_flags(line), line
