"""Grammatical dialect features (eWAVE areas) on our own sentences: each rule fires on its feature and
stays quiet on standard English."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402

KINDS = "dialect,slang,profanity,register"

POSITIVE = [
    ("Him went home.", "object-subject"), ("I went school yesterday.", "preposition-omission"),
    ("We discuss about it.", "redundant-preposition"), ("Explain me this.", "dative-without-to"),
    ("She's a good car.", "gendered-thing"), ("It good.", "zero-copula"), ("They car is red.", "they-possessive"),
    ("I finish eat.", "finish-completive"), ("I want go home.", "to-omission"),
    ("Many book are here.", "quantifier-singular"), ("He can goes now.", "modal-inflected"),
    ("They has a dog.", "non3-has"), ("Today itself I will do it.", "itself-focus"),
    ("He is like that only.", "only-focus"), ("Mines is red.", "mines"),
    ("They's a man at the door.", "existential-they"), ("My father he works there.", "subject-doubling"),
    ("I saw a apple.", "article-form"), ("I know him for ten years.", "present-for-perfect"),
    ("You're coming, isn't it?", "invariant-isnt-it"), ("The man which came.", "which-person"),
    ("There's a man lives here.", "relative-deletion"), ("He tell me say he come.", "say-complementizer"),
    ("Can lah.", "discourse-particle"), ("The boys was here.", "plural-singular-verb"),
    ("Is John do it.", "is-focus"), ("Can't nobody stop him.", "negative-inversion"), ("Me go home.", "me-subject"),
    ("I have two book.", "zero-plural"), ("I been knowing him.", "preterite-participle"),
    ("I have seen him yesterday.", "perfect-past-time"), ("I eat already.", "already-perfective"),
    ("I bought car yesterday.", "article-omission"), ("A lot people came.", "of-omission"),
    ("Is raining again.", "subject-omission"), ("Wetin you dey do?", "creole-marker"),
    ("Allyuh come now.", "second-plural"), ("I use to play there.", "use-to"),
    ("I asked him where does he live.", "embedded-inversion"), ("He fixna leave.", "finna"),
    ("If I would have known, I'd have come.", "would-if"), ("It's well good, that.", "intensifier"),
    ("They was gwine home.", "rare-spelling"),
]

NEGATIVE = [
    "I went to school yesterday.", "We discussed it at length.", "Explain it to me.", "It is good.",
    "Their car is red.", "I want to go home.", "Many books are here.", "He can go now.", "They have a dog.",
    "I have known him for ten years.", "You're coming, aren't you?", "The man who came.",
    "There's a man who lives here.", "The boys were here.", "Nobody can stop him.", "I have two books.",
    "I saw him yesterday.", "I have already eaten.", "I bought a car yesterday.", "A lot of people came.",
    "It is raining again.", "I used to play there.", "I asked him where he lives.", "Take it easy.",
    "She looks good.", "That's a good idea, isn't it?", "He is an honest man.", "Tom said he'd come.",
    "I'd like a cup of tea.", "There is a book on the table.", "The news was good.", "These are my friends.",
]


@pytest.mark.parametrize(("line", "rule"), POSITIVE)
def test_feature_found(line: str, rule: str) -> None:
    t = detect(make_transcript([line]), lang="en", kinds=KINDS)
    assert f"en.rule.{rule}" in [f.rule_id for f in t.flags]


def test_standard_english_is_quiet() -> None:
    t = detect(make_transcript(NEGATIVE), lang="en", kinds=KINDS)
    noisy = [(f.segment, f.text, f.rule_id) for f in t.flags]
    assert noisy == []


@pytest.mark.parametrize(
    ("lowers", "expected"),
    [
        ([], []),
        (["ain't"], [("", "ain't", "", "")]),
        (["we", "done", "went"], [("", "we", "done", "went"), ("we", "done", "went", ""), ("done", "went", "", "")]),
    ],
)
def test_each_token_comes_with_its_neighbours_and_blanks_past_either_end(lowers, expected):
    from locpipe.detect.dialect import _windows

    assert list(_windows(lowers)) == expected
