"""Topic domains as sense evidence for puns (locpipe/detect/domains.py, lexicons/en/domains.json):
the loader and its errors, sense tagging, and one-liners / plain sentences of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from test_detect_support import located_pun, pun_flags  # noqa: E402

from locpipe.detect.domains import MIN_WORDS, load_domains, read_domains, tag_senses  # noqa: E402
from locpipe.detect.lexicon import Lexicon, load_lexicon  # noqa: E402
from locpipe.errors import LexiconError  # noqa: E402

WORDS = [f"w{c}" for c in "abcdefghijkl"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "domains.json"
    path.write_text(text, encoding="utf-8")
    return path


def _domain(name: str, words: list[str], gloss: str = "a topic") -> str:
    return f'{json.dumps(name)}: {json.dumps({"gloss": gloss, "words": words})}'


def test_package_domains_load_and_tag_pun_senses() -> None:
    lexicon = load_lexicon("en")
    domains = load_domains(lexicon)
    assert len(domains) >= 100
    assert all(len(words) >= MIN_WORDS for words in domains.words.values())
    assert {"finance", "electricity", "optics", "golf", "dentistry"} <= set(domains.words)
    assert "electricity" in domains.of("electrician")
    assert "finance" in domains.senses[("en.pun.bank", 0)]
    assert "finance" not in domains.senses.get(("en.pun.bank", 1), frozenset())
    assert load_domains(lexicon) is domains  # built once per lexicon


def test_read_domains_lemmas_and_index(tmp_path: Path) -> None:
    path = _write(tmp_path, "{\n" + _domain("trade", ["baker", *WORDS]) + ",\n" + _domain("shop", ["bakers", *WORDS[:10]]) + "\n}\n")
    domains = read_domains(path, lang="en", lemmatize=lambda w: w.rstrip("s"))
    assert domains.glosses == {"trade": "a topic", "shop": "a topic"}
    assert domains.of("baker") == {"trade", "shop"}  # 'bakers' brings its lemma
    assert domains.of("nothing") == frozenset()


@pytest.mark.parametrize(("text", "line", "message"), [
    ('{\n"a": {"gloss": "x", "words": ["one"]\n}', 3, "not valid JSON"),
    ("{\n" + _domain("Bad Name", WORDS) + "\n}", 2, "must be lowercase letters"),
    ("{\n" + _domain("trade", ["two words", *WORDS]) + "\n}", 2, "'two words' is not one lowercase word"),
    ("{\n" + _domain("trade", ["wa", "wa", *WORDS]) + "\n}", 2, "lists 'wa' twice"),
    ("{\n" + _domain("trade", WORDS[:3]) + "\n}", 2, f"has 3 words; give it at least {MIN_WORDS}"),
    ("{\n" + _domain("trade", WORDS) + ",\n" + _domain("trade", WORDS) + "\n}", 2, "defined twice"),
    ("{\n" + _domain("trade", WORDS, gloss="") + "\n}", 2, "needs a 'gloss'"),
    ('{\n"trade": {"gloss": "x", "words": ' + json.dumps(WORDS) + ', "extra": 1}\n}', 2, "unknown field 'extra'"),
])
def test_bad_domain_file_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(LexiconError) as err:
        read_domains(path, lang="en")
    assert err.value.path == str(path)
    assert err.value.line == line
    assert message in str(err.value)
    assert "docs/lexicons.md" in str(err.value)


def _lexicon(senses: list[dict]) -> Lexicon:
    entry = {"id": "en.pun.test", "label": "pun", "pattern": "test", "gloss": "x", "senses": senses,
             "_path": "/tmp/puns-test.jsonl", "_line": 7}
    return Lexicon(lang="en", root="/tmp", files={"puns": [entry]}, by_id={"en.pun.test": entry})


def test_tag_senses_by_shared_words_and_explicit_names(tmp_path: Path) -> None:
    path = _write(tmp_path, "{\n" + _domain("trade", ["wa", "wb", "wc", *WORDS[3:]]) + ",\n"
                  + _domain("sea", [f"s{c}" for c in "abcdefghijk"]) + "\n}\n")
    domains = read_domains(path, lang="en")
    tag_senses(domains, _lexicon([
        {"sense": "one", "context": ["wa", "wb", "other"]},
        {"sense": "two", "context": ["wa", "zz"], "domains": ["sea"]},
    ]), min_shared=2)
    assert domains.senses[("en.pun.test", 0)] == {"trade"}
    assert domains.senses[("en.pun.test", 1)] == {"sea"}  # one shared word is not enough; named is


def test_unknown_explicit_domain_names_the_entry(tmp_path: Path) -> None:
    domains = read_domains(_write(tmp_path, "{\n" + _domain("trade", WORDS) + "\n}\n"), lang="en")
    with pytest.raises(LexiconError) as err:
        tag_senses(domains, _lexicon([{"sense": "one", "context": [], "domains": ["golfing"]},
                                      {"sense": "two", "context": []}]))
    assert (err.value.path, err.value.line) == ("/tmp/puns-test.jsonl", 7)
    assert "unknown domain 'golfing'" in str(err.value)


@pytest.mark.parametrize(("sentence", "word"), [
    ("The optometrist fell into the lens grinder and made a spectacle of himself.", "spectacle"),
    ("The photographer was negative about everything.", "negative"),
    ("The shoemaker was a real heel.", "heel"),
    ("When the fisherman got married he was hooked.", "hooked"),
    ("A chemist's favourite dog is a lab.", "lab"),
])
def test_the_setup_names_the_field_of_the_pun_word(sentence: str, word: str) -> None:
    assert located_pun(sentence).text.lower() == word


def test_domain_evidence_is_shown() -> None:
    pun = max(pun_flags("The shoemaker was a real heel."), key=lambda f: f.confidence)
    assert any("'shoemaker'" in e for e in pun.evidence)
    idiom = pun_flags("The optometrist fell into the lens grinder and made a spectacle of himself.")[0]
    assert idiom.gloss.startswith("pun on 'spectacle'")
    assert any(e.endswith("(optics)") for e in idiom.evidence)  # 'grinder': a word of the optics topic
    unlisted = pun_flags("The chef was so boring, his jokes were overcooked.")[0]  # no pun entry lists 'overcooked'
    assert unlisted.rule_id == "en.rule.domain-pun"
    assert unlisted.gloss.startswith("pun on 'overcooked': its cooking sense")


@pytest.mark.parametrize("sentence", [
    "Let's meet at the bank, I need cash.",
    "The doctor said my heart is fine.",
    "The mechanic fixed my car's engine.",
    "The hunter shot a deer in the forest.",
    "The waiter brought us the menu.",
    "The farmer has a lot of cows and sheep.",
    "The judge sentenced him to ten years in prison.",
    "The nurse gave the patient his medicine.",
    "I bought some bread at the bakery this morning.",
    "He caught three fish in the river yesterday.",
])
def test_one_topic_in_ordinary_dialogue_is_not_a_pun(sentence: str) -> None:
    assert pun_flags(sentence) == []
