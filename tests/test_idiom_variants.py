"""Dictionary variants of English idioms: widened templates and ``idioms-variants.jsonl``.

Every sentence is written for this file. Each uses a variant form an idiom dictionary gives
(round/around, British/American wording, a verb alternative, the idiom without its leading
preposition or verb, the hyphenated adjective form) or a British journalistic/fiction idiom, and must
be flagged as idiomatic by the entry named; a few literal uses must be lowered by the entry's ``literal`` cues.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from test_detect_support import idiom_flags  # noqa: E402

from locpipe.detect.idioms import IDIOMATIC_THRESHOLD  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "locpipe" / "lexicons" / "en" / "idioms-variants.jsonl"

WIDENED = [
    # a leading "have" also takes the have-got form of dialogue
    ("en.idiom.have-ones-hands-full", "He's got his hands full with the twins.", "'s got his hands full"),
    ("en.idiom.have-ones-hands-full", "I've got my hands full.", "'ve got my hands full"),
    # (rule id, sentence, matched text) — existing entries whose template now takes the variant
    ("en.idiom.a-millstone-around-ones-neck", "The debt is a millstone round his neck.", "a millstone round his neck"),
    ("en.idiom.put-the-cat-among-the-pigeons", "That really put the cat amongst the pigeons.",
     "put the cat amongst the pigeons"),
    ("en.idiom.see-the-wood-for-the-trees", "He never could see the forest for the trees.",
     "see the forest for the trees"),
    ("en.idiom.wrap-someone-around-ones-little-finger", "She can wrap him round her little finger.",
     "wrap him round her little finger"),
    ("en.idiom.the-icing-on-the-cake", "The bonus was the frosting on the cake.", "the frosting on the cake"),
    ("en.idiom.beat-around-about-the-bush", "Stop beating round the bush.", "beating round the bush"),
    ("en.idiom.sweep-under-the-carpet", "You can't just sweep under the rug and hope.", "sweep under the rug"),
    ("en.idiom.put-someones-mind-at-rest", "That letter should set your mind at rest.", "set your mind at rest"),
    ("en.idiom.put-ones-house-in-order", "The party must set its house in order first.", "set its house in order"),
    ("en.idiom.set-the-wheels-in-motion", "The committee put the wheels in motion last week.",
     "put the wheels in motion"),
    ("en.idiom.keep-a-tight-rein-on", "We'll hold a tight rein on spending this year.", "hold a tight rein on"),
    ("en.idiom.get-ones-knickers-in-a-twist", "Don't have your knickers in a twist over it.",
     "have your knickers in a twist"),
    ("en.idiom.get-the-better-of", "United had the better of the first half.", "had the better of"),
    ("en.idiom.cast-the-first-stone", "Let him who is without sin throw the first stone.", "throw the first stone"),
    ("en.idiom.come-full-circle", "Fashion has gone full circle since the seventies.", "gone full circle"),
    ("en.idiom.come-a-cropper", "The firm went a cropper last year.", "went a cropper"),
    ("en.idiom.put-the-boot-in", "The tabloids stuck the boot in.", "stuck the boot in"),
    ("en.idiom.to-the-bitter-end", "We fought until the bitter end.", "until the bitter end"),
    ("en.idiom.home-from-home", "The cottage is a home away from home.", "home away from home"),
    ("en.idiom.the-cat-that-swallowed-the-canary", "He looked like the cat that ate the canary.",
     "the cat that ate the canary"),
    ("en.idiom.separate-the-men-from-the-boys", "This exam will sort the men from the boys.",
     "sort the men from the boys"),
    ("en.idiom.on-the-horns-of-a-dilemma", "The minister faces the horns of a dilemma.", "the horns of a dilemma"),
    ("en.idiom.cut-the-gordian-knot", "The treaty was meant to be the Gordian knot's solution, not another knot.",
     "the Gordian knot"),
    ("en.idiom.make-a-rod-for-ones-own-back", "Promising that is a rod for your own back.",
     "a rod for your own back"),
    ("en.idiom.when-the-chips-are-down", "If the chips are down, call me.", "If the chips are down"),
    ("en.idiom.carry-coals-to-newcastle", "Selling them tea is taking coals to Newcastle.", "taking coals to Newcastle"),
    ("en.idiom.push-up-daisies", "He's been pushing up the daisies for years.", "pushing up the daisies"),
    ("en.idiom.the-penny-drops", "Then the penny has dropped, at last.", "the penny has dropped"),
    ("en.idiom.a-thorn-in-the-flesh", "They are a thorn in the side of the government.", "a thorn in the side"),
    ("en.idiom.as-bald-as-a-coot", "He's bald as a coot.", "bald as a coot"),
    ("en.idiom.grasp-the-nettle", "You must seize the nettle now.", "seize the nettle"),
    ("en.idiom.draw-the-short-straw", "I picked the short straw again.", "picked the short straw"),
    ("en.idiom.lose-ones-cool", "Don't blow your cool over this.", "blow your cool"),
    ("en.idiom.shiver-shivers-down-ones-spine", "A chill ran down my spine.", "chill ran down my spine"),
    ("en.idiom.eyes-like-saucers", "Her eyes were like saucers.", "eyes were like saucers"),
    ("en.idiom.not-have-a-leg-to-stand-on", "She hasn't a leg to stand on.", "a leg to stand on"),
    ("en.idiom.not-have-a-care-in-the-world", "He hasn't a care in the world.", "hasn't a care in the world"),
    ("en.idiom.not-sleep-a-wink", "I never slept a wink.", "slept a wink"),
    ("en.idiom.not-bat-an-eyelid", "He never batted an eyelid.", "batted an eyelid"),
    ("en.idiom.not-know-what-hit-one", "He doesn't know what hit him.", "know what hit him"),
    ("en.idiom.fall-between-two-stools", "He's caught between two stools.", "caught between two stools"),
    ("en.idiom.plough-a-lonely-furrow", "She has always ploughed a lone furrow.", "ploughed a lone furrow"),
    ("en.idiom.beat-the-drum-for", "He's been banging the drum for reform.", "banging the drum for"),
]

ADDED = [
    ("en.idiom.big-time", "Oh, you are going to pay for this BIG TIME.", "BIG TIME"),  # emphasis, not acronyms
    ("en.idiom.be-tied-up", "Sorry, he's tied up at the moment.", "'s tied up"),
    ("en.idiom.all-bark-and-no-bite", "Don't worry about him, he's all bark and no bite.", "all bark and no bite"),
    ("en.idiom.the-life-of-the-party", "Your aunt was the life of the party.", "the life of the party"),
    # (rule id, sentence, matched text) — entries of idioms-variants.jsonl
    ("en.idiom.sell-like-hotcakes", "Those tickets sold like hotcakes.", "sold like hotcakes"),
    ("en.idiom.wouldnt-touch-something-with-a-bargepole", "I wouldn't touch that deal with a bargepole.",
     "touch that deal with a bargepole"),
    ("en.idiom.under-starters-orders", "The candidates are under starter's orders.", "under starter's orders"),
    ("en.idiom.bowl-someone-a-googly", "The interviewer bowled him a googly about his taxes.", "bowled him a googly"),
    ("en.idiom.fudge-the-issue", "The minister fudged the issue again.", "fudged the issue"),
    ("en.idiom.a-three-line-whip", "MPs were under a three-line whip.", "a three-line whip"),
    ("en.idiom.give-someone-a-bloody-nose", "The voters gave the government a bloody nose.",
     "gave the government a bloody nose"),
    ("en.idiom.brush-something-under-the-carpet-rug", "They tried to brush it under the rug.",
     "brush it under the rug"),
    ("en.idiom.away-with-the-fairies", "She's away with the fairies again.", "away with the fairies"),
    ("en.idiom.the-night-of-the-long-knives", "It was a night of the long knives in the cabinet.",
     "a night of the long knives"),
    ("en.idiom.a-knock-on-effect", "The strike had a knock-on effect on exports.", "a knock-on effect"),
    ("en.idiom.bottle-it", "He had the chance and he bottled it.", "bottled it"),
    ("en.idiom.beside-oneself", "She was beside herself with grief.", "beside herself"),
    ("en.idiom.run-the-gamut", "Her moods ran the gamut from joy to despair.", "ran the gamut"),
    ("en.idiom.cast-iron", "He had a cast-iron alibi.", "cast-iron"),
    ("en.idiom.close-to-the-vest", "He kept his cards close to the vest.", "close to the vest"),
    ("en.idiom.have-someones-guts-for-garters", "Mum will have my guts for garters.", "have my guts for garters"),
    ("en.idiom.a-stick-to-beat-someone-with", "The leak gave his enemies a stick to beat him with.",
     "a stick to beat him with"),
    ("en.idiom.cant-be-doing-with", "I can't be doing with all this fuss.", "can't be doing with"),
    ("en.idiom.tickety-boo", "Everything's tickety-boo.", "tickety-boo"),
    ("en.idiom.lay-something-to-rest", "That should lay the rumour to rest.", "lay the rumour to rest"),
    ("en.idiom.turn-to-jelly", "My knees turned to jelly.", "turned to jelly"),
    ("en.idiom.fly-into-a-rage", "He flew into a rage.", "flew into a rage"),
    ("en.idiom.take-a-nose-dive", "His career took a nose-dive after that.", "took a nose-dive"),
    ("en.idiom.green-shoots", "We're seeing the green shoots of recovery.", "green shoots of recovery"),
    ("en.idiom.cut-something-to-the-bone", "They cut staff to the bone.", "cut staff to the bone"),
    ("en.idiom.pip-someone-at-the-post", "Our bid was pipped at the post by a rival.", "was pipped at the post"),
    ("en.idiom.blow-the-gaff", "Someone blew the gaff on the whole plan.", "blew the gaff"),
]

COMPOUNDS = [
    # (rule id, sentence, matched text) — the hyphenated adjective form of an idiom with an article inside
    ("en.idiom.run-of-the-mill", "It was a run-of-the-mill job.", "run-of-the-mill"),
    ("en.idiom.over-the-top", "What an over-the-top performance.", "over-the-top"),
    ("en.idiom.off-the-cuff", "It was only an off-the-cuff remark.", "off-the-cuff"),
    ("en.idiom.spur-of-the-moment", "It was a spur-of-the-moment decision.", "spur-of-the-moment"),
    ("en.idiom.once-in-a-lifetime", "This is a once-in-a-lifetime chance.", "once-in-a-lifetime"),
    ("en.idiom.chock-a-block", "The car park was chock-a-block by nine.", "chock-a-block"),
    ("en.idiom.dyed-in-the-wool", "He's a dyed-in-the-wool Tory.", "dyed-in-the-wool"),
    ("en.idiom.behind-the-scenes", "We got a behind-the-scenes look.", "behind-the-scenes"),
    ("en.idiom.off-the-record", "He gave an off the record briefing.", "off the record"),
]

LITERAL = [
    ("en.idiom.leading-light", "He fitted LED lights under the kitchen cabinets."),  # an acronym, not "leading"
    ("en.idiom.be-tied-up", "The boat was tied up at the dock."),
    # (rule id, literal sentence): a cue from the entry's literal list lowers the match
    ("en.idiom.a-bumpy-ride", "The road was full of potholes, so it was a bumpy ride in the taxi."),
    ("en.idiom.park-the-bus", "The driver had to park the bus outside the depot."),
    ("en.idiom.give-someone-a-bloody-nose", "He punched him and gave him a bloody nose."),
    ("en.idiom.out-of-the-blocks", "The sprinter was slow out of the blocks on the track."),
    ("en.idiom.cast-iron", "She fried the eggs in a cast-iron pan on the stove."),
    ("en.idiom.sow-the-seeds-of", "The farmer sowed the seeds in the field in spring."),
    ("en.idiom.close-to-ones-chest-vest", "She held the baby close to her chest."),
    ("en.idiom.a-black-hole", "Astronomers found a black hole at the centre of the galaxy."),
    ("en.idiom.trim-the-fat", "Trim the fat off the steak with a sharp knife."),
    ("en.idiom.turn-to-jelly", "Leave the dessert in the fridge until it turns to jelly."),
]


@pytest.mark.parametrize(("rule_id", "sentence", "matched"), WIDENED + ADDED + COMPOUNDS)
def test_variant_is_flagged_as_the_idiom(rule_id: str, sentence: str, matched: str) -> None:
    found = idiom_flags(sentence, rule_id)
    assert [f.text for f in found] == [matched], f"{rule_id} in {sentence!r}: {[f.text for f in found]}"
    assert found[0].confidence >= IDIOMATIC_THRESHOLD


@pytest.mark.parametrize(("rule_id", "sentence"), LITERAL)
def test_literal_use_is_lowered(rule_id: str, sentence: str) -> None:
    found = idiom_flags(sentence, rule_id)
    assert found, f"{rule_id} not found in {sentence!r}"
    assert all(f.confidence < IDIOMATIC_THRESHOLD for f in found)


def test_variants_file_passes_the_lexicon_check() -> None:
    spec = importlib.util.spec_from_file_location("check_lexicon_basic", ROOT / "scripts" / "check_lexicon_basic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check_file(FILE) == []


def test_a_bare_got_is_not_the_have_got_form() -> None:
    assert idiom_flags("He got a ball for his birthday.", "en.idiom.have-a-ball") == []
    assert [f.text for f in idiom_flags("He's got a ball of a time.", "en.idiom.have-a-ball")] == ["'s got a ball"]


@pytest.mark.parametrize(("rule_id", "sentence"), [
    ("en.idiom.get-lost", "We got lost on the way to the lake."),  # "Get lost!" is the imperative only
    ("en.idiom.small-change", "We only made a few small changes to the plan."),
    ("en.idiom.the-real-thing", "She wanted to build real things, not drawings."),
    ("en.idiom.in-the-can", "Everybody in the village could see the tower."),  # "could" is not the noun "can"
    ("en.idiom.something-tells-me", "Could you tell me where the station is?"),
    ("en.idiom.have-someone-on", "The baker's shop stood right on the corner."),  # a possessive 's is not "has"
])
def test_ordinary_narration_is_not_the_idiom(rule_id: str, sentence: str) -> None:
    assert idiom_flags(sentence, rule_id) == []
