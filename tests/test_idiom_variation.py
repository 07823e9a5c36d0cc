"""Idioms in the forms real sentences use (flexible templates) and the literal-use check.

Every case is a sentence written for this file: a positive (the idiom is found, with the span a
translator sees) and negatives (look-alikes the compiler must not take for the idiom).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from test_detect_support import LEXICONS, make_transcript, template_matcher  # noqa: E402

from locpipe.detect import detect, get_nlp  # noqa: E402
from locpipe.detect.components import get_lemmatizer  # noqa: E402
from locpipe.detect.idioms import CANONICAL_HEADS, _pattern_words, literal_cues  # noqa: E402
from locpipe.detect.patterns import TemplateCompiler, compile_pattern, spelling_variants, template_variants  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def run():
    return template_matcher("en")


CASES = [
    # an object pronoun after the leading verb, before the determiner
    ("cost an arm and a leg", "It cost me an arm and a leg.", ["cost me an arm and a leg"]),
    ("cost an arm and a leg", "That car cost them an arm and a leg!", ["cost them an arm and a leg"]),
    ("do someone a favour", "Do me a favour, go home.", ["Do me a favour"]),
    ("give me a break", "Oh, give us a break!", ["give us a break"]),
    ("give me a break", "Give her a break, she's new.", ["Give her a break"]),
    # the passive of a template with an object slot; the have/get passive
    ("catch someone red handed", "He was caught red-handed.", ["was caught red-handed"]),
    ("catch someone red handed", "We got caught red handed.", ["got caught red handed"]),
    ("give someone the cold shoulder", "She was given the cold shoulder.", ["was given the cold shoulder"]),
    ("pull the rug out from under someone", "He had the rug pulled from under him.",
     ["had the rug pulled from under him"]),
    ("pull someone's leg", "His leg was pulled all night.", ["His leg was pulled"]),
    ("burn one's fingers", "She got her fingers burnt.", ["got her fingers burnt"]),
    ("pull someone's leg", "Your leg is being pulled.", ["Your leg is being pulled"]),
    ("wrap someone around one's little finger", "She's got him wrapped around her little finger.",
     ["got him wrapped around her little finger"]),
    ("head in the clouds", "His head is always in the clouds.", ["head is always in the clouds"]),
    ("judge a book by its cover", "Don't judge a book by their cover.", ["judge a book by their cover"]),
    # state idioms: the leading verb's equivalents, "into" after a verb of movement
    ("be in the red", "We stayed in the red all year.", ["stayed in the red"]),
    ("be in the red", "They've been in the red since May.", ["been in the red"]),
    ("in the red", "The firm went into the red.", ["went into the red"]),
    ("in hot water", "He got himself into hot water.", ["got himself into hot water"]),
    ("let the cat out of the bag", "The cat is finally out of the bag.", ["The cat is finally out of the bag"]),
    ("burn one's bridges", "He burned all his bridges.", ["burned all his bridges"]),
    ("in hot water", "You'll land into hot water.", ["land into hot water"]),
    # a possessive written in the template stands for any
    ("bring someone to their senses", "It brought him to his senses.", ["brought him to his senses"]),
    # plural key noun with a quantifier
    ("pull (the) strings", "She pulled a few strings.", ["pulled a few strings"]),
    ("pull (the) strings", "He'll pull some strings for you.", ["pull some strings"]),
    # adverbs and short modifiers inside
    ("hit the nail on the head", "You hit the nail right on the head.", ["hit the nail right on the head"]),
    ("be in the red", "We're still in the red.", ["'re still in the red"]),
    ("keep an eye on someone", "Keep a very close eye on him.", ["Keep a very close eye on him"]),
    ("have a chip on one's shoulder", "He's got a chip on his shoulder.", ["'s got a chip on his shoulder"]),
    ("have a chip on one's shoulder", "I have got a huge chip on my shoulder.", ["have got a huge chip on my shoulder"]),
    ("not have a leg to stand on", "He doesn't have a leg to stand on.", ["n't have a leg to stand on"]),
    # nominal forms: plural, no leading article
    ("a blessing in disguise", "Those were blessings in disguise.", ["blessings in disguise"]),
    ("a blessing in disguise", "Blessing in disguise, really.", ["Blessing in disguise"]),
    # sayings cut short
    ("when in Rome, do as the Romans do", "Well, when in Rome.", []),  # three words: too short to stand alone
    ("if you can't beat them, join them", "Well, if you can't beat them...", ["if you can't beat them"]),
    ("the early bird catches the worm", "The early bird, huh?", ["The early bird"]),
    ("when the going gets tough, the tough get going", "Well, when the going gets tough...",
     ["when the going gets tough"]),
    ("a stitch in time saves nine", "A stitch in time, as Mum says.", ["A stitch in time"]),
    # phrasal verbs split around their object, a long object
    ("throw in the towel", "He threw the towel in.", ["threw the towel in"]),
    ("pull out all the stops", "They pulled all the stops out.", ["pulled all the stops out"]),
    ("let someone down", "You let the whole team down.", ["let the whole team down"]),
    # contractions, British/American spelling, hyphens, quotes and ellipses
    ("can't stand", "I cannot stand him.", ["cannot stand"]),  # spaCy splits "cannot" into can + not
    ("it's not rocket science", "It is not rocket science.", ["It is not rocket science"]),
    ("don't count your chickens", "Do not count your chickens.", ["Do not count your chickens"]),
    ("do someone a favour", "Do me a favor.", ["Do me a favor"]),
    ("do someone a favor", "Do me a favour.", ["Do me a favour"]),
    ("nail one's colours to the mast", "He nailed his colors to the mast.", ["nailed his colors to the mast"]),
    ("low hanging fruit", "That's low-hanging fruit.", ["low-hanging fruit"]),
    ("let the cat out of the bag", "He let the \"cat\" out of the bag.", ["let the \"cat\" out of the bag"]),
    ("spill the beans", "She spilled the... beans.", ["spilled the... beans"]),
    ("spill the beans", "She spilled the — beans.", ["spilled the — beans"]),
]


@pytest.mark.parametrize(("template", "text", "expected"), CASES)
def test_idiom_found_in_running_text(run, template: str, text: str, expected: list[str]) -> None:
    assert run(template, text) == expected


NEGATIVES = [
    ("cost an arm and a leg", "It cost me an arm."),
    ("give me a break", "Give us the break room key."),
    ("catch someone red handed", "They are catching red-handed thieves."),
    ("catch someone red handed", "The ball was caught."),
    ("pull the rug out from under someone", "He pulled the rug from the car."),
    ("in the red", "She walked into the red room."),
    ("in the red", "She's in a red dress."),
    ("let the cat out of the bag", "The cat is out of the house."),
    ("in hot water", "He jumped into the hot water."),
    ("be in the red", "Stay in the car."),
    ("bite your tongue", "Bite the tongue."),
    ("spill the beans", "He spilled a few beans."),
    ("hit the nail on the head", "You hit the nail and then it fell on his head."),
    ("see you later, alligator", "See you later."),
    ("in a while, crocodile", "In a while."),
    ("throw in the towel", "He threw the towel on the floor."),
    ("let someone down", "Let me sit down."),
    ("let someone down", "Let the dog and the cat down."),
    ("floor someone", "The kitchen floor is wet."),
    ("sit on something", "He's sitting on the fence."),
    ("spill the beans", "He spilled the, uh, coffee beans."),
    ("break the ice", "The ice is breaking."),
    ("head in the clouds", "His head is in the oven."),
    ("wrap someone around one's little finger", "She's got him wrapped in a blanket."),
    ("keep an eye on someone", "Keep a dog and a cat, one eye on him."),
    ("have a chip on one's shoulder", "He's got a bag on his shoulder."),
]


@pytest.mark.parametrize(("template", "text"), NEGATIVES)
def test_look_alikes_are_not_the_idiom(run, template: str, text: str) -> None:
    if template == "sit on something":
        # the entry may match "sitting on", never "sitting on the" (a final slot is not a lone article)
        assert run(template, text) == ["sitting on"]
    else:
        assert run(template, text) == []


def test_final_slot_stays_required_when_the_template_would_shrink_to_one_word(run) -> None:
    assert run("floor someone", "That news floored me.") == ["floored me"]
    assert run("floor someone", "It floored the whole room.") == ["floored the whole"]
    assert run("floor someone", "It floored Tom.") == ["floored Tom"]


@pytest.mark.parametrize(
    ("word", "others"),
    [("favour", ["favor"]), ("color", ["colour"]), ("realise", ["realize"]), ("apologized", ["apologised"]),
     ("centre", ["center"]), ("defence", ["defense"]), ("catalogue", ["catalog"]), ("grey", ["gray"]),
     ("for", []), ("door", []), ("hour", []), ("fence", [])],
)
def test_spelling_variants(word: str, others: list[str]) -> None:
    assert spelling_variants(word) == others


def test_variants_are_english_only_and_shaped_as_documented() -> None:
    nlp = get_nlp("en", lexicon_dir=LEXICONS)
    compiler = TemplateCompiler("en", get_lemmatizer("en"), lambda t: [x.text for x in nlp.make_doc(t)])
    shapes = [v.replace("\u2063", "") for v in template_variants(compiler, "catch someone red handed")]
    assert shapes == ["be|get catch red handed", "have|get someone catch red handed"]
    shapes = [v.replace("\u2063", "") for v in template_variants(compiler, "spill the beans")]
    assert shapes == ["the beans be|get spill"]
    shapes = [v.replace("\u2063", "") for v in template_variants(compiler, "pull someone's leg")]
    assert shapes == ["someone's leg be|get pull", "have|get someone's leg pull"]
    assert template_variants(compiler, "the early bird catches the worm")[-1] == "the early bird"
    es = TemplateCompiler("es", get_lemmatizer("es"), lambda t: t.split())
    assert template_variants(es, "tomar el pelo a alguien") == []


def test_flexibility_is_for_idioms_only(run) -> None:
    """Gazetteers (culture, dialect) compile without the idiom flexibility: 'colour' is not 'color'."""
    nlp = get_nlp("en", lexicon_dir=LEXICONS)
    compiler = TemplateCompiler("en", get_lemmatizer("en"), lambda t: [x.text for x in nlp.make_doc(t)])
    plain = compile_pattern(compiler, "colour chart", variants=False)
    flexible = compile_pattern(compiler, "colour chart", variants=True)
    assert plain.patterns[0][0] == {"LEMMA": "colour"}
    assert flexible.patterns[0][0]["LEMMA"]["IN"] == ["color", "colour"]


# -- the literal-use check ----------------------------------------------------------------------------


def test_literal_cues_never_include_the_idioms_own_words() -> None:
    lemmatize = get_lemmatizer("en")
    entry = {"pattern": "plain sailing", "literal": ["yacht", "sail", "sea", ";; British"]}
    assert literal_cues(entry, lemmatize) == {"yacht", "sea"}
    fence = {"pattern": "on the fence", "literal": ["cat", "sat", "paint"]}
    assert literal_cues(fence, lemmatize, head="sit") == {"cat", "paint"}
    assert literal_cues(fence, lemmatize, head="paint") == {"cat", "sit", "sat", "paint"}  # not a head verb
    assert "sit" in CANONICAL_HEADS


def _write_lexicon(tmp_path: Path, entries: list[dict]) -> Path:
    (tmp_path / "en").mkdir()
    lines = [json.dumps(e) for e in entries]
    (tmp_path / "en" / "idioms.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _confidences(lines: list[str], lexicon: Path) -> list[tuple[str, float]]:
    transcript = detect(make_transcript(lines), kinds="idiom", lexicon_dir=lexicon)
    return [(f.text, f.confidence) for f in transcript.flags]


def test_literal_check_ignores_the_idioms_own_verb_but_not_a_scene_word(tmp_path: Path) -> None:
    lexicon = _write_lexicon(tmp_path, [
        {"id": "en.idiom.on-the-fence", "label": "idiom", "pattern": "on the fence", "gloss": "undecided",
         "literal": ["cat", "sat", "paint", "climb"]},
        {"id": "en.idiom.spill-the-beans", "label": "idiom", "pattern": "spill the beans", "gloss": "tell a secret",
         "literal": ["floor", "tin", "beans"]},
    ])
    assert _confidences(["He's sitting on the fence."], lexicon) == [("on the fence", 0.9)]
    assert _confidences(["He's been sitting right on the fence for weeks."], lexicon) == [("on the fence", 0.9)]
    assert _confidences(["The cat sat on the fence."], lexicon) == [("on the fence", 0.3)]
    assert _confidences(["Don't climb on the fence."], lexicon) == [("on the fence", 0.3)]
    assert _confidences(["Who spilled the beans?"], lexicon) == [("spilled the beans", 0.9)]
    assert _confidences(["She spilled the beans all over the floor."], lexicon) == [("spilled the beans", 0.3)]


def test_owned_idiom_files_have_no_literal_cue_from_the_idiom_itself() -> None:
    """The literal lists of the English idiom files: scene words only, never a word of the idiom."""
    lemmatize = get_lemmatizer("en")
    bad = []
    for name in ("idioms.jsonl", "idioms-more.jsonl", "idioms-film.jsonl"):
        path = ROOT / "locpipe" / "lexicons" / "en" / name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            entry = json.loads(line)
            own = _pattern_words(entry, lemmatize)
            for word in entry.get("literal", []):
                if not word.isalpha() or lemmatize(word.lower()) in own or word.lower() in own:
                    bad.append(f"{name}:{number}: {entry['pattern']!r} literal {word!r}")
    assert bad == []
