"""Detection devices on the package lexicons: literalised idioms, pun replies, recurring frames,
Scots 'no', trimmed spans, one flag per meaning, code-switching, minced oaths."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402

FILLER = ["Fine.", "Okay.", "Let's go.", "Where is the car?", "It's late."]


def run(lines: list[str], **kwargs):
    return detect(make_transcript(lines), lang="en", **kwargs)


def test_literalised_idiom_is_wordplay_and_keeps_the_idiom_figurative() -> None:
    t = run(["I didn't want to rock the boat.", "There's no boat.", "Fine."], kinds="humor,idiom")
    assert ("s0002", "wordplay", "There's no boat", "en.rule.literalised-idiom") in flags_of(t)
    idiom = next(f for f in t.flags if f.kind == "idiom")
    assert idiom.confidence == 0.9
    assert idiom.evidence[-1] == "the reply 'There's no boat.' plays on its literal words"
    play = next(f for f in t.flags if f.label == "wordplay")
    assert play.evidence == ["re-uses 'boat' from the idiom 'rock the boat' (en.idiom.rock-the-boat) at cue 1 (00:00:00)"]
    assert play.suggestion.startswith("the joke depends on the idiom's literal words")


def test_literalised_idiom_by_lemma_two_lines_later_and_not_an_echo() -> None:
    t = run(["Come on, spill the beans.", "Heart, liver and lungs.", "I asked for the beans, not the farm."],
            kinds="humor")
    assert [f[:3] for f in flags_of(t) if f[1] == "wordplay"] == [("s0003", "wordplay", "I asked for the beans, not the farm")]
    # the idiom said again is an echo, not a play on it
    t = run(["You're pulling my leg.", "Stop pulling my leg!"], kinds="humor")
    assert [f for f in t.flags if f.label == "wordplay"] == []


def test_pun_reply_completes_the_pun() -> None:
    t = run(["Your knife skills are sharp.", "So's my tongue.", "Fine."], kinds="humor")
    assert flags_of(t)[:2] == [("s0001", "pun", "sharp", "en.pun.film-sharp"),
                               ("s0002", "wordplay", "So's my tongue", "en.rule.pun-reply")]


def test_recurring_frame_is_a_running_gag() -> None:
    lines = ["In Spain, this would be lunch."] + FILLER + ["In Spain, this is an early dinner."] + FILLER + [
        "Perfect. In Spain, now we would start."]
    t = run(lines, kinds="humor")
    # one segment per cue here: the third line opens with "Perfect.", so only two open with the frame
    assert [f for f in t.flags if f.label == "running-gag"] == []
    lines[-1] = "In Spain, now we would start."
    t = run(lines, kinds="humor")
    assert len([f for f in t.flags if f.label == "running-gag"]) == 3
    assert "in the frame 'in spain …'" in t.flags[0].gloss
    # two occurrences, or a stock opener, make no frame
    t = run(lines[:12], kinds="humor")
    assert [f for f in t.flags if f.label == "running-gag"] == []
    thanks = ["Thank you, that is very kind."] + FILLER + ["Thank you, that is so kind of you."] + FILLER + [
        "Thank you, that is lovely."]
    assert [f for f in run(thanks, kinds="humor").flags if f.label == "running-gag"] == []


@pytest.mark.parametrize("line", [
    "You'll no get that here, son.", "I'm a cook, no a tennis player.", "It's no ready yet.", "I'm no going.",
])
def test_scots_no(line: str) -> None:
    t = run([line], kinds="dialect")
    assert ("s0001", "grammar", "no", "en.rule.scots-no") in flags_of(t)


@pytest.mark.parametrize("line", [
    "No one came.", "I can no longer wait.", "It's no problem.", "There's no time.", "It's no easy task.",
    "He's no fool.", "No, a tennis player.", "There's no going back.", "I have no idea, no.",
    "That's no football.", "It's Burns Night, no Christmas.",
])
def test_standard_no_is_not_flagged(line: str) -> None:
    t = run([line], kinds="dialect")
    assert [f for f in t.flags if "scots-no" in f.rule_id] == []


def test_ambiguous_scots_no_needs_scots_elsewhere() -> None:
    t = run(["You'll no get that here.", "That's no football.", "It's Burns Night, no Christmas."], kinds="dialect")
    weak = [f for f in t.flags if f.rule_id == "en.rule.scots-no-weak"]
    assert [(f.segment, f.text) for f in weak] == [("s0002", "no"), ("s0003", "no")]
    assert weak[0].evidence[-1] == "this transcript uses Scots 'no' = not 1 time(s) where it is unambiguous"


def test_spans_are_trimmed_and_address_is_one_flag() -> None:
    t = run(["I've been up since five, hen."])
    assert [(f.kind, f.text) for f in t.flags] == [("register", "hen")]
    t = run(["Loud and clear, partner!"], kinds="register")
    assert [(f.kind, f.label, f.text) for f in t.flags] == [("register", "address", "partner")]


def test_idiom_wins_over_the_culture_word_inside_it() -> None:
    t = run(["Twenty quid a go, and worth every penny."], kinds="idiom,culture")
    assert [(f.kind, f.text) for f in t.flags] == [("culture", "quid"), ("idiom", "worth every penny")]
    assert any("penny" in e for e in t.flags[1].evidence[1:])
    # asked for culture only, the culture word stays
    t = run(["Twenty quid a go, and worth every penny."], kinds="culture")
    assert [f.text for f in t.flags] == ["quid", "every penny"]


def test_code_switch_and_minced_oath() -> None:
    t = run(["Madre mía, it smells wonderful.", "Shoot, I ain't got till Friday.", "They shoot the film today."],
            kinds="dialect,profanity")
    got = [(f.segment, f.kind, f.label, f.text) for f in t.flags]
    assert ("s0001", "dialect", "code-switch", "Madre mía") in got
    assert ("s0002", "profanity", "profanity", "Shoot") in got
    assert not any(seg == "s0003" for seg, *_rest in got)


def test_narration_connectives_and_characters_coming_back_are_not_running_gags() -> None:
    lines = (["After all, the shop was closed on Sundays."] + FILLER
             + ["Every morning, Nora and her brother walked past the old mill."] + FILLER
             + ["After all, nobody had asked them to stay."] + FILLER
             + ["That evening, Nora and her brother cooked soup for everyone."] + FILLER
             + ["After all, it was only a small town by the river."] + FILLER
             + ["In the end, Nora and her brother sold the old mill."])
    t = run(lines, kinds="humor")
    assert [f for f in t.flags if f.label == "running-gag"] == []
