"""Figurative compounds (white elephant, rat race, glass ceiling): ``idioms-compounds-*.jsonl``; and
the noun-phrase idioms of the other files that are also said literally (a banana skin, a curve ball).

Each compound has a case in ``tests/data/idioms-compounds-*.jsonl``, and each noun-phrase idiom given a
``literal`` list one in ``tests/data/idioms-literal-np.jsonl``, written for these files: a line where the
phrase is meant figuratively (flagged with confidence ≥ 0.5) and, when the words also have a literal
reading, a line where they are meant literally (below 0.5: the entry's ``literal`` list gives the cue).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from test_detect_support import idiom_confidences  # noqa: E402

from locpipe.detect.components import get_lemmatizer  # noqa: E402
from locpipe.detect.idioms import IDIOMATIC_THRESHOLD, _pattern_words  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = sorted((ROOT / "locpipe" / "lexicons" / "en").glob("idioms-compounds-*.jsonl"))
DATA = [*sorted((ROOT / "tests" / "data").glob("idioms-compounds-?.jsonl")),
        ROOT / "tests" / "data" / "idioms-literal-np.jsonl"]
#: Spanish and French compounds (``<lang>/idioms-compounds.jsonl``): cases carry their language
OTHER = {lang: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
         for lang in ("es", "fr") if (path := ROOT / "tests" / "data" / f"idioms-compounds-{lang}.jsonl").is_file()}
CASES = [json.loads(line) for path in DATA for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
ENTRIES = {json.loads(line)["id"]: json.loads(line) for path in LEXICONS
           for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


@pytest.fixture(scope="module")
def results() -> list[tuple[dict[str, float], dict[str, float] | None]]:
    sentences = [case["idiomatic"] for case in CASES] + [case["literal"] for case in CASES if case.get("literal")]
    found = iter(idiom_confidences(sentences))
    figurative = [next(found) for _case in CASES]
    return [(fig, next(found) if case.get("literal") else None) for fig, case in zip(figurative, CASES, strict=True)]


def test_every_compound_has_a_case_and_every_case_an_entry() -> None:
    from locpipe.detect.lexicon import load_lexicon

    assert len(ENTRIES) >= 300
    compounds = [case["id"] for case in CASES if case["id"] in ENTRIES]
    assert sorted(compounds) == sorted(ENTRIES)
    literal = {e["id"]: e for e in load_lexicon("en").entries("idioms") if e["id"] not in ENTRIES}
    others = [case for case in CASES if case["id"] not in ENTRIES]
    assert len(others) >= 130
    assert all(case["literal"] and literal[case["id"]].get("literal") for case in others)


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c["id"].split(".", 2)[2] for c in CASES])
def test_figurative_use_is_flagged_and_literal_use_is_not(results, k: int) -> None:
    case = CASES[k]
    figurative, plain = results[k]
    assert figurative.get(case["id"], 0.0) >= IDIOMATIC_THRESHOLD, (case["idiomatic"], figurative)
    if plain is not None:
        assert plain.get(case["id"], 0.0) < IDIOMATIC_THRESHOLD, (case["literal"], plain)


def test_literal_lists_hold_scene_words_never_the_compounds_own() -> None:
    lemmatize = get_lemmatizer("en")
    bad = []
    for entry_id, entry in ENTRIES.items():
        own = _pattern_words(entry, lemmatize)
        words = entry.get("literal", [])
        if len(set(words)) != len(words):
            bad.append(f"{entry_id}: repeated literal word")
        bad += [f"{entry_id}: literal {w!r}" for w in words
                if not w.isalpha() or w != w.lower() or lemmatize(w) in own or w in own]
        if not entry["gloss"].strip() or len(entry["gloss"]) > 120:
            bad.append(f"{entry_id}: gloss")
    assert bad == []


@pytest.mark.parametrize(("line", "expected"), [
    # a longer idiom does not swallow a compound: not 'in the zone' with "friend" as its modifier
    ("She put me in the friend zone.", [("friend zone", "en.idiom.friend-zone")]),
    # nor end on the compound's first word: not 'in the black' before "economy"
    ("They work in the black economy.", [("black economy", "en.idiom.black-economy")]),
    ("We are finally in the black.", [("in the black", "en.idiom.in-the-black")]),
    ("He was in the zone all night.", [("in the zone", "en.idiom.in-the-zone")]),
    # a verb and its particle after the compound is no compound: the compound stays
    ("Give me your elevator pitch in thirty seconds.", [("elevator pitch", "en.idiom.elevator-pitch")]),
    # the words of a hyphen or a possessive are the longer idiom's own
    ("It was a knee-jerk reaction.", [("knee-jerk reaction", "en.idiom.knee-jerk-reaction")]),
    ("It's still an old boys' club.", [("old boys' club", "en.idiom.old-boys-club")]),
])
def test_a_compound_is_not_swallowed_by_a_longer_idiom(line: str, expected: list[tuple[str, str]]) -> None:
    from locpipe.detect import get_nlp

    doc = get_nlp("en")(line)
    assert [(span.text, span.id_) for span in doc.spans["locpipe_idiom"]] == expected


@pytest.mark.parametrize(("lang", "k"), [(lang, k) for lang, cases in OTHER.items() for k in range(len(cases))],
                         ids=[f"{lang}-{c['id'].split('.', 2)[2]}" for lang, cases in OTHER.items() for c in cases])
def test_spanish_and_french_compounds(lang: str, k: int) -> None:
    case = OTHER[lang][k]
    lines = [case["idiomatic"]] + ([case["literal"]] if case.get("literal") else [])
    found = idiom_confidences(lines, lang=lang)
    assert found[0].get(case["id"], 0.0) >= IDIOMATIC_THRESHOLD, (case["idiomatic"], found[0])
    if case.get("literal"):
        assert found[1].get(case["id"], 0.0) < IDIOMATIC_THRESHOLD, (case["literal"], found[1])


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_every_spanish_and_french_compound_has_a_case(lang: str) -> None:
    path = ROOT / "locpipe" / "lexicons" / lang / "idioms-compounds.jsonl"
    if not path.is_file():
        pytest.skip(f"no {lang} compounds file")
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(ids) == sorted(case["id"] for case in OTHER.get(lang, []))
