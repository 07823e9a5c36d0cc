"""The dialect rules skip tokens no rule of theirs can start at (:func:`locpipe.detect.dialect._triggers`):
skipping changes no result, and a rule function the analysis cannot read is read token by token."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy")

import test_detect_dialect as dialect_tests  # noqa: E402
import test_detect_dialect_more as more_tests  # noqa: E402
import test_detect_dialect_world as world_tests  # noqa: E402

from locpipe.detect import dialect  # noqa: E402
from locpipe.detect.dialect import EVERY_TOKEN, LANG_RULES, _derive_triggers, _triggers  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "too_many_cooks.txt"


def _lines() -> list[str]:
    lines: list[str] = []
    for module in (dialect_tests, more_tests, world_tests):
        for name in ("POSITIVE", "NEGATIVE", "PAIRS", "STANDARD"):
            for row in getattr(module, name, []):
                lines.extend(x for x in (row if isinstance(row, tuple) else (row,)) if isinstance(x, str) and " " in x)
    if SAMPLE.is_file():
        lines.extend(line.split(": ", 1)[-1] for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


@pytest.fixture(scope="module")
def nlp():
    from locpipe.detect import get_nlp

    return get_nlp("en")


def test_every_english_rule_function_skips_tokens() -> None:
    # a rule function whose tests the analysis cannot read is correct but slow: write its rules so that
    # each starts with a test on the token itself ("low in X", "low == 'x'", "lemmas[i] in X", "i == 0")
    slow = [f.__name__ for f in LANG_RULES["en"].rules  # type: ignore[attr-defined]
            if f.__name__ not in ("scots_no", "rare_spellings") and _triggers(f) is EVERY_TOKEN]
    assert slow == []


def test_skipping_changes_no_result(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _lines()
    assert len(lines) > 400
    docs = [nlp(line) for line in lines]  # (the grammar component ran the rules with skipping)
    fast = [list(LANG_RULES["en"](doc)) for doc in docs]
    everything = {f.__qualname__: EVERY_TOKEN for f in LANG_RULES["en"].rules}  # type: ignore[attr-defined]
    monkeypatch.setattr(dialect, "_TRIGGERS", everything)
    slow = [list(LANG_RULES["en"](doc)) for doc in docs]
    assert fast == slow
    assert sum(map(len, fast)) > 300  # the sentences do exercise the rules


# -- the analysis on small rule functions ---------------------------------------------------------------

WORDS = {"alpha", "beta"}


def plain_rules(doc):
    lowers, lemmas = doc
    for i, low in enumerate(lowers):
        nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
        if low in WORDS | {"gamma"} and nxt == "x":
            yield i, i + 2, "a"
        elif lemmas[i] == "go" or low.endswith("ing") or i == 0:
            yield i, i + 1, "b"
        if low.isdigit() or low.startswith("a-"):
            j = i + 1
            yield i, j, "c"
        if i + 1 < len(lowers) and low.endswith(("er", "ong")) and len(low) > 4:
            yield i, i + 1, "d"


def carried_rules(doc):
    lowers, _lemmas = doc
    seen = 0
    for i, low in enumerate(lowers):
        if low == "alpha":
            seen = i
        if seen and low == "beta":
            yield seen, i + 1, "d"


def else_rules(doc):
    lowers, _lemmas = doc
    for i, low in enumerate(lowers):
        if low == "alpha":
            yield i, i + 1, "e"
        else:
            yield i, i + 1, "f"


def opaque_rules(doc):
    lowers, _lemmas = doc
    for i, low in enumerate(lowers):  # noqa: B007  (the analysis wants this loop)
        if i > 0 and lowers[i - 1] == "the":  # (a test of the token before)
            yield i, i + 1, "g"


def test_triggers_of_a_readable_function() -> None:
    bound = _derive_triggers(plain_rules)
    assert bound is not EVERY_TOKEN
    everywhere = sys.maxsize
    assert bound["alpha", "alpha"] == everywhere  # rule a
    assert bound["delta", "go"] == everywhere  # rule b, by its lemma
    assert bound["singing", "sing"] == everywhere  # rule b, by its ending
    assert bound["delta", "delta"] == 1  # rule b at the first token only
    assert bound["42", "42"] == everywhere  # rule c
    assert bound["a-going", "a-going"] == everywhere
    assert bound["long", "long"] == 1  # rule d wants more than 4 letters: only rule b, at the first token
    assert bound["longer", "longer"] == everywhere


@pytest.mark.parametrize("rules", [carried_rules, else_rules, opaque_rules])
def test_unreadable_functions_read_every_token(rules) -> None:
    assert _derive_triggers(rules) is EVERY_TOKEN


# -- the residual lexicon patterns run only where their required regular expression can match --------------


def test_residual_patterns_skip_lines_they_cannot_match(nlp) -> None:
    humor = nlp.get_pipe("locpipe_humor")
    if not len(humor.residual):
        pytest.skip("no residual humor pattern in this lexicon")
    assert humor.residual_gates  # every residual pattern requires a LOWER regex
    assert not humor._residual_may_match(["we", "talk", "."])
    assert humor._residual_may_match(["hahaha", "!"])
    assert humor._residual_may_match(["it", "'s", "fine"])  # an apostrophe: the real forms may differ
    found = 0
    for line in ("Hahaha! Good one.", "He said hehe.", "We talk."):
        doc = nlp(line)
        spans = [(s.start, s.end, s.id_) for s in doc.spans.get("locpipe_humor", [])]
        gates, humor.residual_gates = humor.residual_gates, None  # run every pattern
        try:
            again = nlp(line)
        finally:
            humor.residual_gates = gates
        assert spans == [(s.start, s.end, s.id_) for s in again.spans.get("locpipe_humor", [])]
        found += len(spans)
    assert found >= 2
