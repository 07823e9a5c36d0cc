"""More eWAVE grammatical features, on our own sentences: each new rule fires on its feature, the standard
English sentence next to it (its near miss) stays quiet, and extra whitespace between words (a deleted
word written as two spaces) hides no feature."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402
from locpipe.detect.dialect import LANG_RULES, RULES  # noqa: E402

KINDS = "dialect,slang,profanity,register"

#: (non-standard line, rule slug, standard near miss that must stay quiet)
PAIRS = [
    # pronouns
    ("Me and my cousin went fishing.", "object-pronoun-subject", "Tell me and my cousin a story."),
    ("My cousin and me were late for work.", "object-pronoun-subject", "They invited my cousin and me."),
    ("That's just between you and I.", "object-i", "You and I are friends."),
    ("Hand us them plates.", "them-demonstrative", "Hand them the plates."),
    ("Give us a hug, love.", "us-singular", "Give us a call when you land."),
    ("We've lost us dog.", "us-possessive", "The dog followed us home."),
    ("It's us turn now.", "us-possessive", "It's us."),
    ("We had us a fine time.", "personal-dative", "They showed us a fine time."),
    ("I'll lose me job over this.", "me-possessive", "You'll get me a job."),
    ("I'll get me coat.", "me-possessive", "Get me a coat."),
    ("She my sister.", "zero-copula", "She is my sister."),
    ("That my bike.", "zero-copula", "That is my bike."),
    # noun phrase
    ("Moon is shining tonight.", "zero-definite", "The moon is shining tonight."),
    ("This people are kind.", "demonstrative-number", "These people are kind."),
    ("Tom his bike.", "his-genitive", "Tom, his bike."),
    ("The a my friend came.", "double-determiner", "A friend of mine came."),
    ("She has a good health.", "mass-noun-article", "She is in good health."),
    ("I have headache.", "article-omission", "I have a headache."),
    ("She bought new dress.", "article-omission", "She bought a new dress."),
    ("I like the nature.", "sport-article", "I like the nature of the job."),
    ("The Christmas is coming.", "sport-article", "The Christmas party is coming."),
    ("He is more tall than me.", "analytic-comparative", "He has more tall friends than me."),
    ("It's the most big house.", "analytic-comparative", "It's the biggest house."),
    ("She is very much beautiful.", "too-much-adjective", "She is very much alive."),
    ("The woman next door's husband left.", "group-genitive", "The woman next door's a nurse."),
    ("The woman I met's husband called.", "group-genitive", "The woman I met's a nurse."),
    # verb phrase
    ("Two years ago I can't drive.", "present-modal-past", "Two years ago I couldn't drive."),
    ("When I was small I can climb trees.", "present-modal-past", "When I am old I can rest."),
    ("I can't find it yesterday.", "present-modal-past", "I can't remember yesterday."),
    ("Yesterday I walk to the shop.", "zero-past", "Every day I walk to the shop."),
    ("They have left yesterday.", "perfect-past-time", "They left yesterday."),
    ("Some of us have been there years ago.", "perfect-past-time", "Some of us should have been there years ago."),
    ("The bike was stole.", "participle-preterite", "The bike was stolen."),
    ("He is come back.", "be-come", "He has come back."),
    ("When you're stood there you see it.", "was-sat", "When you stand there you see it."),
    ("That don't matter.", "third-person-zero", "People that don't work are poor."),
    ("So he show up and say hello.", "third-person-zero", "I insist that he show up."),
    ("They does go there.", "verbal-s", "Does he go there?"),
    ("The birds flies south.", "plural-verb-s", "The bird flies south."),
    ("She was there, weren't she?", "was-levelling", "They were there, weren't they?"),
    ("It's lovely, in't it?", "invariant-tag", "It's in the box."),
    ("My mother cook rice.", "zero-3sg-noun", "My mother's rice is good."),
    ("She was burning good.", "adjective-adverb", "She was looking good."),
    ("Come quick!", "adjective-adverb", "Come quickly!"),
    ("He did it good.", "adjective-adverb", "He made it good."),
    ("He's awful big.", "intensifier", "It's an awful big problem to fix later."),
    ("If I'd be you, I'd go.", "would-if", "If you'd be so kind, sit down."),
    ("He done gone.", "done-perfective", "He's done and gone."),
    # clauses, relatives, word order
    ("My son, that lives in Leeds, is coming.", "nonrestrictive-that", "My son, that is my eldest, is coming."),
    ("The man what's wife died.", "analytic-whose", "The man who's in charge died."),
    ("The man who his wife died.", "analytic-whose", "The man who his wife loves."),
    ("The man as lives there.", "relativizer-at", "The same man as lives there."),
    ("The one at did it ran.", "relativizer-at", "The one at the door ran."),
    ("Small small children came.", "adjective-reduplication", "Bye bye, children."),
    ("What for you did it?", "what-for", "What for?"),
    ("He's a good knife.", "gendered-thing", "He's a good friend."),
    ("You going?", "zero-copula", "You're going?"),
    ("How did you get away with that like?", "final-like", "What's that like?"),
    ("It was like really cold.", "final-like", "It looked like really cold weather."),
    ("Although he is old but he works.", "conjunction-doubling", "Although he is old, he works."),
    ("She carried the bag give me.", "serial-verb", "She gave me the bag."),
    ("Listen me.", "preposition-omission", "Listen to me."),
    ("She married with him.", "redundant-preposition", "She was married with children."),
    ("Football, I love it.", "topic-resumptive", "Mom, I love it."),
    ("She came yesterday only.", "only-focus", "This is for him only."),
    ("How long you are here?", "wh-no-inversion", "How long are you here?"),
    ("None of them didn't come.", "negative-subject-concord", "None of them came."),
    ("I saw he last night.", "subject-pronoun-object", "I saw he was tired."),
    ("It's time for to go.", "for-to", "It's time for you to go."),
    ("He told me say make I come.", "say-complementizer", "He told me to come."),
    ("It's a lot of people here.", "existential-it", "It's a lot of work."),
    ("They peel them and boils them.", "plural-verb-s", "They bought food and drinks."),
    ("I'm going the pub.", "preposition-omission", "I'm going the wrong way."),
    ("Who all?", "wh-all", "Who is it?"),
    ("Herself won't like it.", "absolute-reflexive", "She won't like it herself."),
    ("I don't like it too.", "too-either", "I don't like it too much."),
    ("There were much people.", "quantifier-singular", "There were so many people."),
    ("I go there every days.", "quantifier-singular", "I go there every two days."),
    ("One of my friend came.", "quantifier-singular", "One of the family came."),
    ("You get the point?", "yn-no-inversion", "You know what?"),
    ("There is people outside.", "theres-plural", "There are people outside."),
    ("Us'll do it.", "us-subject", "Let us do it."),
]


@pytest.fixture(scope="module")
def nlp():
    from locpipe.detect import get_nlp

    return get_nlp("en")


def _slugs(nlp, line: str) -> list[str]:
    return [slug for _start, _end, slug in LANG_RULES["en"](nlp(line))]


@pytest.mark.parametrize(("line", "rule", "near_miss"), PAIRS)
def test_feature_found(nlp, line: str, rule: str, near_miss: str) -> None:
    assert rule in RULES
    assert rule in _slugs(nlp, line)


@pytest.mark.parametrize(("line", "rule", "near_miss"), PAIRS)
def test_near_miss_is_quiet(nlp, line: str, rule: str, near_miss: str) -> None:
    assert [slug for slug in _slugs(nlp, near_miss) if slug != "rare-spelling"] == []


STANDARD = [
    "I have seen him.", "Them? I don't know them.", "We were there.", "Give us a chance to explain.",
    "Show us your tickets, please.", "Tom and I went home.", "The sun rose early.", "This news is good.",
    "I gave him them yesterday.", "I can remember what happened two years ago.", "I walk to work every day.",
    "It was stolen yesterday.", "It's come to my attention.", "He's gone out.", "If you would follow me.",
    "Who is coming?", "Where's your coat?", "We got tickets.", "He can't find it anywhere.", "I'm doing well.",
    "Let's get us some lunch.", "He got us tickets.", "That's our house.", "It's a lot of work.",
    "The boys' father came.", "It's cold, isn't it?", "Like I said, it's fine.", "Good, I like it.",
]


@pytest.mark.parametrize("line", STANDARD)
def test_standard_english_is_quiet(nlp, line: str) -> None:
    assert [slug for slug in _slugs(nlp, line) if slug != "rare-spelling"] == []


@pytest.mark.parametrize(("line", "rule", "text"), [
    ("She  smoking.", "zero-copula", "She  smoking"),
    ("I   eaten my lunch.", "preterite-participle", None),
    ("The man  lives there is my friend.", "relative-deletion", "The man  lives"),
])
def test_extra_spaces_hide_no_feature(line: str, rule: str, text: str | None) -> None:
    """A doubled space is a token of its own; the rules read past it and the flag covers the original text."""
    t = detect(make_transcript([line]), lang="en", kinds=KINDS)
    flags = [f for f in t.flags if f.rule_id == f"en.rule.{rule}"]
    assert flags, [f.rule_id for f in t.flags]
    if text is not None:
        assert flags[0].text == text


def test_who_all_at_the_end_does_not_crash(nlp) -> None:
    """'who all' as the last two tokens once read past the end of the sentence."""
    assert "wh-all" in _slugs(nlp, "Who all")


def test_new_rules_become_flags() -> None:
    t = detect(make_transcript(["Two years ago I can't drive.", "Two years ago I couldn't drive."]), lang="en", kinds=KINDS)
    found = [(f.segment, f.rule_id, f.text) for f in t.flags]
    assert found == [("s0001", "en.rule.present-modal-past", "I ca")]
    flag = t.flags[0]
    assert flag.kind == "dialect" and flag.label == "grammar"
    assert flag.gloss == RULES["present-modal-past"]["gloss"]
