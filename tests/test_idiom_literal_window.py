"""The literal-use check weighs where its cue words are: next to the idiom in the running dialogue
(its own line, the end of the line before, the start of the line after — unless that line is a reply
playing on the idiom's literal words, which shows the idiom was figurative) they make it literal; a
single cue further away only adds a hint. Package lexicon, entry en.idiom.cold-feet."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402
from locpipe.detect.idioms import FAR_LITERAL_CONFIDENCE, LITERAL_CONFIDENCE  # noqa: E402


def cold_feet(lines: list[str]):
    transcript = detect(make_transcript(lines, lang="en"), lang="en", kinds="idiom")
    flags = [f for f in transcript.flags if f.rule_id == "en.idiom.cold-feet"]
    assert len(flags) == 1, transcript.flags
    return flags[0]


def test_no_cue_is_the_idiom() -> None:
    flag = cold_feet(["I got cold feet the night before the wedding."])
    assert flag.confidence == 0.9
    assert flag.evidence == ["matches the idiom 'cold feet'"]


def test_cue_next_to_the_idiom_makes_it_literal() -> None:
    flag = cold_feet(["My socks are soaked and I have cold feet."])
    assert flag.confidence == LITERAL_CONFIDENCE
    assert "context words suggest a literal reading: sock, socks" in flag.evidence
    assert flag.suggestion.startswith("probably literal here")


def test_one_cue_far_away_in_a_long_line_is_a_hint() -> None:
    flag = cold_feet(["I got cold feet about the wedding after my sister told me that long story about the snow."])
    assert flag.confidence == FAR_LITERAL_CONFIDENCE >= 0.5
    assert "context words suggest a literal reading: snow" in flag.evidence
    assert flag.suggestion.endswith("(check it is not meant literally here)")


def test_two_cues_far_away_make_it_literal() -> None:
    flag = cold_feet(["I got cold feet about the wedding after my sister told me that long story about the snow "
                      "and the winter."])
    assert flag.confidence == LITERAL_CONFIDENCE


def test_cue_at_the_end_of_the_line_before_is_next_to_it() -> None:
    flag = cold_feet(["It's Scotland in January.", "I got cold feet."])
    assert flag.confidence == LITERAL_CONFIDENCE
    assert "context words suggest a literal reading: january" in flag.evidence


def test_cue_deep_in_a_neighbouring_line_is_a_hint() -> None:
    flag = cold_feet(["She told me about the snow last night when she called me late.", "I got cold feet."])
    assert flag.confidence == FAR_LITERAL_CONFIDENCE


@pytest.mark.parametrize(("literal", "figurative", "rule"), [
    ("Put your phone away.", "They put him away for ten years.", "en.idiom.put-someone-away"),
    ("Have your coat on.", "You're having me on!", "en.idiom.have-someone-on"),
])
def test_a_literal_cue_filling_a_slot_counts(literal: str, figurative: str, rule: str) -> None:
    transcript = detect(make_transcript([literal, "[music]", figurative], lang="en"), lang="en", kinds="idiom")
    by_line = {f.segment: f.confidence for f in transcript.flags if f.rule_id == rule}
    assert by_line["s0001"] == LITERAL_CONFIDENCE
    assert by_line["s0003"] >= 0.5


def test_a_capitalised_word_mid_sentence_is_a_name() -> None:
    transcript = detect(make_transcript(["We met at Will's place.", "[music]", "You can leave at will.", "[music]",
                                         "He said, Mark my words."], lang="en"), lang="en", kinds="idiom")
    by_line = {f.segment: (f.rule_id, f.confidence, f.evidence[-1]) for f in transcript.flags}
    assert by_line["s0001"] == ("en.idiom.at-will", LITERAL_CONFIDENCE,
                                "'Will' is capitalised mid-sentence: probably a name, not the idiom's word")
    assert by_line["s0003"][:2] == ("en.idiom.at-will", 0.85)
    assert by_line["s0005"][:2] == ("en.idiom.mark-my-words", 0.85)
