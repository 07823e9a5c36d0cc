"""Speed shortcuts in detection change no result: the residual lexicon patterns (no required lemma)
run only on lines where their required regular expression can match."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from locpipe.detect import get_nlp

    return get_nlp("en")


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
