"""Literal uses of short idioms and phrasal verbs in the dictionary idiom files.

Each case pairs a sentence written for this file where the entry is meant figuratively (flagged
with confidence ≥ 0.5) with one where the same words are meant literally (below 0.5, the
entry's ``literal`` list supplies the cue). Also: entries that were removed because their
literal reading dominates no longer fire, and the literal lists hold scene words only.
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
FILES = ("idioms-dict-a.jsonl", "idioms-dict-m.jsonl", "idioms-dict-fields.jsonl")

#: (entry id, idiomatic sentence, literal sentence)
PAIRS = [
    ("en.idiom.hang-out", "We used to hang out at the mall every Saturday.",
     "Can you hang out the washing before it rains?"),
    ("en.idiom.drop-in", "Drop in for a chat whenever you like.", "She dropped it in the water by accident."),
    ("en.idiom.throw-up", "I think I'm going to throw up.", "He threw up the ball and caught it."),
    ("en.idiom.come-in-for", "The referee came in for some harsh words.", "Would you like to come in for a coffee?"),
    ("en.idiom.kick-in", "Give it ten minutes, the painkillers will kick in.", "The police had to kick in the door."),
    ("en.idiom.hang-on", "Hang on, I'll be right back.", "Hang it on the wall next to the mirror."),
    ("en.idiom.go-straight", "After prison he decided to go straight.",
     "Go straight ahead and turn left at the lights."),
    ("en.idiom.try-it-on", "Don't try it on with me, I know you're lying.", "Try it on, I think it's your size."),
    ("en.idiom.miles-away", "Sorry, I was miles away. What did you say?", "The nearest hospital is miles away."),
    ("en.idiom.in-the-main", "In the main, the staff are happy.", "We waited in the main hall."),
    ("en.idiom.spit-it-out", "Come on, spit it out, what's wrong?",
     "The medicine tastes awful, so the baby spat it out."),
    ("en.idiom.lose-it", "When he heard the news, he just lost it.", "Here's your ticket, don't lose it."),
    ("en.idiom.fall-out", "They fell out over money.", "The keys must have fallen out of my pocket."),
    ("en.idiom.a-gas", "The show was a gas, we laughed all night.", "There's a gas leak in the kitchen."),
    ("en.idiom.cool-off", "Let's take a break and let everyone cool off.", "We jumped in the pool to cool off."),
    ("en.idiom.watch-it", "Watch it, buddy!", "The match is on tonight, let's watch it."),
    ("en.idiom.its-all-over", "It's all over between us.", "There's paint everywhere, it's all over the floor."),
    ("en.idiom.not-all-there", "He's not all there.", "Count the money again, it's not all there."),
    ("en.idiom.speak-ones-language", "Finally, someone who speaks my language!",
     "She speaks my language fluently, she grew up in Lyon."),
    ("en.idiom.wear-thin", "His excuses are wearing thin.", "The knees of my jeans have worn thin."),
    ("en.idiom.not-hold-water", "His story doesn't hold water.", "This bucket doesn't hold water, it has a hole."),
    ("en.idiom.come-again", "Come again?", "Thanks for coming, come again soon."),
    ("en.idiom.not-so-hot", "I'm not so hot at maths.", "The soup is not so hot now."),
]

#: removed entries (literal reading dominant): (entry id, a sentence it used to flag)
REMOVED = [
    ("en.idiom.with-it", "What did you do with it?"),
    ("en.idiom.my-foot", "My foot hurts."),
    ("en.idiom.a-good-job", "You did a good job."),
    ("en.idiom.what-have-you", "What have you done?"),
    ("en.idiom.youre-on", "You're on the list."),
    ("en.idiom.of-old", "The attic is full of old clothes."),
]


@pytest.fixture(scope="module")
def pair_results() -> list[tuple[dict[str, float], dict[str, float]]]:
    found = idiom_confidences([s for _id, idiomatic, literal in PAIRS for s in (idiomatic, literal)])
    return [(found[2 * k], found[2 * k + 1]) for k in range(len(PAIRS))]


@pytest.mark.parametrize("k", range(len(PAIRS)), ids=[p[0].split(".", 2)[2] for p in PAIRS])
def test_idiomatic_use_is_flagged_and_literal_use_is_not(pair_results, k: int) -> None:
    rule_id, idiomatic, literal = PAIRS[k]
    figurative, plain = pair_results[k]
    assert figurative.get(rule_id, 0.0) >= IDIOMATIC_THRESHOLD, (idiomatic, figurative)
    assert plain.get(rule_id, 0.0) < IDIOMATIC_THRESHOLD, (literal, plain)


def test_removed_literal_dominant_entries_no_longer_fire() -> None:
    found = idiom_confidences([sentence for _id, sentence in REMOVED])
    fired = [(rule_id, sentence) for (rule_id, sentence), seen in zip(REMOVED, found, strict=True) if rule_id in seen]
    assert fired == []


def _entries() -> list[tuple[str, int, dict]]:
    out = []
    for name in FILES:
        path = ROOT / "locpipe" / "lexicons" / "en" / name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            out.append((name, number, json.loads(line)))
    return out


def test_literal_lists_hold_scene_words_never_the_idioms_own() -> None:
    lemmatize = get_lemmatizer("en")
    bad = []
    lists = 0
    for name, number, entry in _entries():
        if "literal" not in entry:
            continue
        lists += 1
        own = _pattern_words(entry, lemmatize)
        words = entry["literal"]
        if not words or len(set(words)) != len(words):
            bad.append(f"{name}:{number}: empty or repeated literal list")
        for word in words:
            if not word.isalpha() or word != word.lower() or lemmatize(word) in own or word in own:
                bad.append(f"{name}:{number}: {entry['pattern']!r} literal {word!r}")
    assert bad == []
    assert lists > 600  # the short phrasal entries carry literal lists


def test_glosses_are_plain_and_short() -> None:
    bad = [f"{name}:{number}: {entry['pattern']!r}" for name, number, entry in _entries()
           if not entry["gloss"].strip() or len(entry["gloss"]) > 120
           or entry["gloss"].strip().lower() == str(entry["pattern"]).lower()]
    assert bad == []


def test_a_number_before_a_measure_noun_reads_the_idiom_literally() -> None:
    """'5 miles away' is a distance, 'miles away' and 'a million miles away' are the daydream."""
    counted, five, figure, million = idiom_confidences(
        ["It's 5 miles away, mate.", "Is it far? Only five miles away.", "Sorry, I was miles away.",
         "You look a million miles away."])
    assert counted["en.idiom.miles-away"] < IDIOMATIC_THRESHOLD
    assert five["en.idiom.miles-away"] < IDIOMATIC_THRESHOLD
    assert figure["en.idiom.miles-away"] >= IDIOMATIC_THRESHOLD
    assert max(million.values()) >= IDIOMATIC_THRESHOLD
