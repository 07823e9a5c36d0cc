"""The template compiler: lexicon templates → spaCy Matcher patterns."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from test_detect_support import LEXICONS, template_matcher  # noqa: E402

from locpipe.detect import get_nlp  # noqa: E402
from locpipe.detect.components import get_lemmatizer  # noqa: E402
from locpipe.detect.patterns import TemplateCompiler  # noqa: E402
from locpipe.errors import LexiconError  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    return get_nlp("en", lexicon_dir=LEXICONS)


def matches(nlp, template: str, text: str) -> list[str]:
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    compiler = TemplateCompiler("en", get_lemmatizer("en"), lambda t: [x.text for x in nlp.make_doc(t)])
    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add("T", compiler.compile(template).patterns)
    doc = nlp(text)
    spans = filter_spans([doc[s:e] for _id, s, e in matcher(doc)])
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("template", "text", "expected"),
    [
        ("spill the beans", "Who spilled the beans?", ["spilled the beans"]),
        ("spill the beans", "She's spilling the beans.", ["spilling the beans"]),
        ("spill the beans", "He spilt the beans.", ["spilt the beans"]),
        ("spill the beans", "Spill The Beans, now.", ["Spill The Beans"]),
        ("spill the beans", "He spilled all the beans.", ["spilled all the beans"]),
        ("lose one's temper", "He lost his temper.", ["lost his temper"]),
        ("lose one's temper", "Tom lost Tom's temper.", ["lost Tom's temper"]),
        ("lose one's temper", "Don't lose your bloody temper.", ["lose your bloody temper"]),
        ("pull someone's leg", "You're pulling my leg.", ["pulling my leg"]),
        ("pull someone's leg", "They pulled the new guy's leg.", ["pulled the new guy's leg"]),
        ("give someone a hand", "Give the old man a hand.", ["Give the old man a hand"]),
        ("give someone a hand", "I gave her a hand.", ["gave her a hand"]),
        ("make something up", "You made that whole story up!", ["made that whole story up"]),
        ("make a fool of oneself", "She made a fool of herself.", ["made a fool of herself"]),
        ("keep an eye on someone", "Keep a close eye on him.", ["Keep a close eye on him"]),
        ("(the) last straw", "That's the last straw.", ["the last straw"]),
        ("(the) last straw", "Last straw!", ["Last straw"]),
        ("a|the piece of cake", "It was a piece of cake.", ["a piece of cake"]),
        ("a|the piece of cake", "the piece of cake", ["the piece of cake"]),
        ("knock-knock", "Knock knock!", ["Knock knock"]),
        ("can't stand", "I can’t stand it.", ["can’t stand"]),
    ],
)
def test_template_matches(nlp, template: str, text: str, expected: list[str]) -> None:
    assert matches(nlp, template, text) == expected


@pytest.mark.parametrize(
    ("template", "text"),
    [
        ("spill the beans", "He spilled the coffee."),
        ("lose one's temper", "He lost the temper."),
        ("make a fool of oneself", "She made a fool of him."),
        ("a|the piece of cake", "this piece of cake"),
    ],
)
def test_template_does_not_match(nlp, template: str, text: str) -> None:
    assert matches(nlp, template, text) == []


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("", "empty template"),
        ("something someone", "no literal word"),
        ("a||b word", "empty alternative"),
        ("(word", "unbalanced parenthesis"),
    ],
)
def test_bad_templates(nlp, template: str, message: str) -> None:
    compiler = TemplateCompiler("en", get_lemmatizer("en"), lambda t: [x.text for x in nlp.make_doc(t)])
    with pytest.raises(LexiconError, match=message):
        compiler.compile(template)


def test_anchors_are_lemmas(nlp) -> None:
    compiler = TemplateCompiler("en", get_lemmatizer("en"), lambda t: [x.text for x in nlp.make_doc(t)])
    assert compiler.compile("spill the beans").anchors == ["spill", "the", "bean"]


def test_spanish_slots() -> None:
    nlp = get_nlp("es", lexicon_dir=LEXICONS)
    compiler = TemplateCompiler("es", get_lemmatizer("es"), lambda t: [x.text for x in nlp.make_doc(t)])
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add("T", compiler.compile("tomar el pelo (a) alguien").patterns)
    doc = nlp("Me estás tomando el pelo a mí.")
    from spacy.util import filter_spans

    assert [s.text for s in filter_spans([doc[s:e] for _i, s, e in matcher(doc)])] == ["tomando el pelo a mí"]


@pytest.mark.parametrize(
    ("template", "text", "expected"),
    [
        ("bite off more than one can chew", "I've bitten off more than I can chew.", ["bitten off more than I can chew"]),
        ("the ball is in someone's court", "Well, the ball's in your court.", ["the ball's in your court"]),
        ("the ball is in someone's court", "The ball was in her court.", ["The ball was in her court"]),
        ("the rat race", "Too much of a rat race.", ["a rat race"]),
    ],
)
def test_generic_one_clitic_s_and_leading_article(nlp, template: str, text: str, expected: list[str]) -> None:
    assert matches(nlp, template, text) == expected


def test_alternatives_with_be_and_have(nlp) -> None:
    assert matches(nlp, "have|throw a fit", "She's thrown a fit.") == ["thrown a fit"]
    assert matches(nlp, "have|throw a fit", "He had a fit.") == ["had a fit"]


@pytest.fixture(scope="module")
def variant_matcher():
    return template_matcher("en")


@pytest.mark.parametrize(
    ("template", "text", "expected"),
    [
        ("spill the beans", "The beans were finally spilled.", ["The beans were finally spilled"]),
        ("break the ice", "The ice was broken by a joke.", ["The ice was broken"]),
        ("break the ice", "The ice is breaking up.", []),
        ("hit the nail on the head", "The nail was hit on the head.", ["The nail was hit on the head"]),
        ("let someone down", "Don't let the team down.", ["let the team down"]),
        ("let someone down", "Don't let down the team.", ["let down"]),  # a final slot is not a lone article
        ("give up", "Never give it up.", ["give it up"]),
        ("low hanging fruit", "That's low-hanging fruit.", ["low-hanging fruit"]),
        ("catch someone red-handed", "They caught him red handed.", ["caught him red handed"]),
        ("day in , day out", "Day in day out, we work.", ["Day in day out"]),
        ("day in , day out", "Day in, day out.", ["Day in, day out"]),
        # a hyphen before an article too: the adjective form of an idiom with an article inside
        ("run of the mill", "A run-of-the-mill job.", ["run-of-the-mill"]),
        ("once in a lifetime", "A once-in-a-lifetime chance.", ["once-in-a-lifetime"]),
    ],
)
def test_idiom_variants(variant_matcher, template: str, text: str, expected: list[str]) -> None:
    assert variant_matcher(template, text) == expected


def _matcher_for(lang: str):
    return template_matcher(lang)


@pytest.mark.parametrize(
    ("template", "text", "expected"),
    [
        ("ponerse las pilas", "¡Ponte las pilas!", ["Ponte las pilas"]),
        ("ponerse las pilas", "Tienes que ponerte las pilas.", ["ponerte las pilas"]),
        ("ponerse las pilas", "Pónganse las pilas, chicos.", ["Pónganse las pilas"]),
        ("ponerse las pilas", "Se puso las pilas.", ["puso las pilas"]),
        ("decir algo", "Dímelo ya.", ["Dímelo ya"]),
    ],
)
def test_spanish_enclitics(template: str, text: str, expected: list[str]) -> None:
    assert _matcher_for("es")(template, text) == expected


@pytest.mark.parametrize(
    ("template", "text", "expected"),
    [
        ("se casser la tête", "Je me suis cassé la tête.", ["me suis cassé la tête"]),
        ("se casser la tête", "Il ne s'est pas cassé la tête.", ["s'est pas cassé la tête"]),
        ("se casser la tête", "Ne te casse pas la tête.", ["te casse pas la tête"]),
        ("se casser la tête", "On se casse la tête.", ["se casse la tête"]),
    ],
)
def test_french_pronominal_compound_tenses(template: str, text: str, expected: list[str]) -> None:
    assert _matcher_for("fr")(template, text) == expected


def test_capitalised_gazetteer_words_in_spanish_match_the_form() -> None:
    nlp = get_nlp("es", lexicon_dir=LEXICONS)
    compiler = TemplateCompiler("es", get_lemmatizer("es"), lambda t: [x.text for x in nlp.make_doc(t)])
    spec = compiler.literal("Marca", case=True)
    assert spec == {"LOWER": {"IN": ["marca", "marcas"]}, "IS_LOWER": False, "_anchor": get_lemmatizer("es")("marca")}
