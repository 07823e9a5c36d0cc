"""Frequent pun-prone words (lexicons/en/puns-freq-*.jsonl): English words among the most frequent ones
(spacy-lookups-data's word probabilities) that the other pun files lacked, each with two clearly
different senses a one-liner can play on.

Every part comes with examples of our own (``tests/data/puns-freq/<part>.json``): one-liners whose pun
word is an entry of that part are flagged on that word; ordinary sentences using those words in one
sense stay unflagged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from test_detect_support import assert_pun_on, lexicon_entries, pun_flags  # noqa: E402

from locpipe.detect.lexicon import load_lexicon  # noqa: E402

LEXICONS = Path(__file__).resolve().parents[1] / "locpipe" / "lexicons" / "en"
EXAMPLES = Path(__file__).resolve().parent / "data" / "puns-freq"
PARTS = sorted(p.name for p in LEXICONS.glob("puns-freq-*.jsonl"))


def _examples(part: str) -> dict[str, list]:
    path = EXAMPLES / (part.removeprefix("puns-freq-").removesuffix(".jsonl") + ".json")
    return json.loads(path.read_text(encoding="utf-8"))


def _cases(key: str) -> list:
    return [pytest.param(part, *([case] if isinstance(case, str) else case), id=f"{part}:{i}")
            for part in PARTS for i, case in enumerate(_examples(part)[key])]


@pytest.mark.parametrize("part", PARTS)
def test_entries_are_new_words_with_two_full_senses(part: str) -> None:
    entries = lexicon_entries(part)
    assert entries, part
    lexicon = load_lexicon("en")
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        loaded = {k: v for k, v in lexicon.by_id[entry["id"]].items() if not k.startswith("_")}
        assert loaded == entry  # loaded, and no other file holds the id
        assert entry["label"] == "pun"
        assert re.fullmatch(r"en\.pun\.[a-z][a-z-]*", entry["id"]), entry["id"]
        assert len(entry["senses"]) >= 2, entry["id"]
        assert entry["gloss"] == " / ".join(s["sense"] for s in entry["senses"])
        forms = entry["pattern"][0]["LOWER"]["IN"]
        assert entry["id"].removeprefix("en.pun.") in forms, entry["id"]
        for sense in entry["senses"]:
            assert 10 <= len(sense["context"]) <= 30, (entry["id"], sense["sense"])
            assert len(set(sense["context"])) == len(sense["context"]), (entry["id"], sense["sense"])
            assert not set(sense["context"]) & set(forms), (entry["id"], sense["sense"])


def test_parts_do_not_share_a_word() -> None:
    from locpipe.detect.humor import _pattern_forms

    mine = {e["id"] for part in PARTS for e in lexicon_entries(part)}
    seen: dict[str, str] = {form.lower(): entry["id"] for entry in load_lexicon("en").by_id.values()
                            if entry["label"] in ("pun", "homophone") and entry["id"] not in mine
                            for form in _pattern_forms(entry)}
    for part in PARTS:
        for entry in lexicon_entries(part):
            for form in entry["pattern"][0]["LOWER"]["IN"]:
                assert seen.setdefault(form, part) == part, (form, part, seen[form])


@pytest.mark.parametrize(("part", "sentence", "word"), _cases("puns"))
def test_one_liners_are_flagged_on_the_pun_word(part: str, sentence: str, word: str) -> None:
    best = assert_pun_on(sentence, word, _examples(part).get("entry", {}).get(word))
    assert best.rule_id in {e["id"] for e in lexicon_entries(part)}  # the pun word is an entry of this part


@pytest.mark.parametrize(("part", "sentence"), _cases("plain"))
def test_ordinary_sentences_are_not_puns(part: str, sentence: str) -> None:
    assert not pun_flags(sentence), sentence


def test_candidate_list_holds_frequent_words_without_an_entry() -> None:
    """scripts/pun_candidates.py: the list the puns-freq parts were written from."""
    import importlib.util

    from locpipe.detect.humor import _pattern_forms

    spec = importlib.util.spec_from_file_location("pun_candidates", LEXICONS.parents[2] / "scripts" / "pun_candidates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    words = module.candidates("en", -11.0)
    listed = {form.lower() for entry in load_lexicon("en").by_id.values()
              if entry["label"] in ("pun", "homophone") for form in _pattern_forms(entry)}
    assert len(words) > 500 and not listed & set(words)
    assert "people" in words and "interest" not in words and "charge" not in words
    assert words.index("people") < 20  # most frequent first
