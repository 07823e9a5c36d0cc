"""Grammatical features of the world's Englishes (eWAVE areas: pronouns, possession, articles,
comparison, aspect markers, tags, relatives, complementation, serial verbs, quotatives, discourse 'like'),
on our own sentences: each rule fires on its feature, and the standard English next to it stays quiet."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import make_transcript  # noqa: E402

from locpipe.detect import detect  # noqa: E402
from locpipe.detect.dialect import LANG_RULES, RULES  # noqa: E402

KINDS = "dialect,slang,profanity,register"

POSITIVE = [
    # pronouns
    ("Tell he to come here.", "subject-pronoun-object"), ("I went to town with she.", "subject-pronoun-object"),
    ("You did see she yesterday.", "subject-pronoun-object"),
    ("He book is on the table.", "subject-possessive"), ("We house is near the river.", "subject-possessive"),
    ("My husband and myself went to the market.", "myself-subject"),
    ("Myself and John fixed the roof.", "myself-subject"),
    ("Who all was at the party?", "wh-all"), ("Who-all is coming tonight?", "wh-all"),
    ("What all did you buy?", "wh-all"), ("Who who came to the party?", "reduplication"),
    ("The boy dem are playing.", "plural-dem"), ("Take dem book to school.", "plural-dem"),
    ("Mary them are coming later.", "associative-plural"),
    ("My sister, he is a nurse.", "gender-pronoun"), ("My brother she works in town.", "gender-pronoun"),
    ("Hit's a long way to town.", "hit-it"),
    ("Me not stupid.", "me-subject"), ("Where's me book?", "me-possessive"),
    ("I'm going to buy me a new truck.", "personal-dative"), ("We gonna get us a dog.", "personal-dative"),
    # noun phrase
    ("They have two childs.", "regularized-plural"), ("There were many mans there.", "regularized-plural"),
    ("He gave me an advice.", "mass-noun-article"), ("We bought a furniture for the room.", "mass-noun-article"),
    ("He is teacher.", "zero-article"), ("My father was farmer in the village.", "zero-article"),
    ("My brother car is red.", "juxtaposed-genitive"), ("John book is here.", "juxtaposed-genitive"),
    ("John his book is here.", "his-genitive"), ("That there dog bit me.", "this-here"),
    ("He taller pass me.", "pass-comparative"), ("He is taller from me.", "pass-comparative"),
    ("He is taller as me.", "comparative-as"), ("She is more taller than him.", "double-comparative"),
    ("He's too much clever.", "too-much-adjective"),
    # tense, aspect, modals
    ("Mi a go home.", "creole-progressive"), ("He de come now.", "creole-progressive"),
    ("He steady talking.", "continuative"), ("She stay sleeping all day.", "continuative"),
    ("He does go to church every Sunday.", "habitual-do"), ("He always come late.", "third-person-zero"),
    ("I know him since ten years.", "since-duration"), ("I am here since Monday.", "since-duration"),
    ("We live here since 1990.", "since-duration"),
    ("I would call you tomorrow.", "would-future"), ("He gon leave.", "gon-future"),
    ("It mustn't be true.", "epistemic-mustnt"), ("He's gone to the shop an hour ago.", "perfect-past-time"),
    ("I like to died laughing.", "liketa"),
    # tags, negation, object drop
    ("He's gone, is it?", "is-it-tag"), ("You're coming tonight, is it?", "is-it-tag"),
    ("I don't like.", "object-drop"), ("Can I keep?", "object-drop"), ("I'll take.", "object-drop"),
    # relatives and complementation
    ("The man as I saw.", "as-relative"), ("The man that his wife died.", "analytic-whose"),
    ("The man what his son is a doctor.", "analytic-whose"),
    ("The man who I met him is here.", "resumptive-pronoun"),
    ("He left early, which I didn't like it.", "which-linker"),
    ("The man lives there is my friend.", "relative-deletion"), ("It's a man lives there.", "relative-deletion"),
    ("People says that.", "plural-verb-s"), ("I don't know what is his name.", "embedded-inversion"),
    ("I want for you to go.", "want-for-to"), ("I want for to go home.", "for-to"),
    ("Bring it come.", "serial-verb"), ("He cook it give me.", "serial-verb"), ("Give it me.", "give-it-me"),
    # discourse and word order
    ("And I go, what?", "quotative-go"), ("And she's all, whatever.", "quotative-like"),
    ("I went there like.", "final-like"), ("He's coming, like.", "final-like"),
    ("What you want?", "no-inversion"), ("Where he went?", "no-inversion"), ("Where he is?", "no-inversion"),
    ("Got one man outside.", "existential-got"), ("It's real good.", "real-adverb"),
    ("This book, I like it.", "topic-resumptive"), ("That film, I never saw.", "topic-resumptive"),
    # articles
    ("We had the lunch with him.", "meal-article"), ("He speaks the English well.", "meal-article"),
    ("I went to cinema yesterday.", "place-no-article"), ("She is at office now.", "place-no-article"),
    ("He is good boy.", "adjective-noun-no-article"), ("It was nice day.", "adjective-noun-no-article"),
    ("The old truck, she still runs.", "thing-pronoun"), ("My car she don't start.", "thing-pronoun"),
    ("Us house is the big one.", "us-possessive"), ("All the student are here.", "all-singular"),
    ("There are a lot of book on the table.", "all-singular"),
    # tense and aspect
    ("He could of been killed.", "modal-of"), ("You should of told me.", "modal-of"),
    ("I am having two cars.", "progressive-possession"), ("She is having a doubt.", "progressive-possession"),
    ("He is going to school every day.", "progressive-habitual"), ("They're not left school yet.", "be-perfect-left"),
    ("I had gone there yesterday.", "pluperfect-past"), ("I go do it tomorrow.", "go-future"),
    ("He no more lives here.", "no-more-negator"), ("Whenever I was born, my father was away.", "whenever-once"),
    # existentials and relatives
    ("It was many people there.", "existential-it"), ("It's plenty food in the kitchen.", "existential-it"),
    ("The place where I live there.", "resumptive-where"),
    ("I have a brother lives in London.", "have-relative-deletion"), ("I had a friend told me that.", "have-relative-deletion"),
    ("The boy what came yesterday.", "what-relative"), ("The woman at lives there.", "relativizer-at"),
    ("That's the man whose his car was stolen.", "whose-his"),
    # negation, questions, modals, comparison
    ("Nothing didn't happen.", "negative-subject-concord"), ("Nobody never helps me.", "negative-subject-concord"),
    ("I can't hardly see.", "not-hardly"), ("She asked did I want tea.", "embedded-yes-no"),
    ("I wonder is he coming.", "embedded-yes-no"), ("You best be going.", "best-modal"),
    ("It's the most unkindest cut.", "double-superlative"), ("I like to play the football.", "sport-article"),
    ("He has the fever.", "sport-article"), ("How it is going?", "no-inversion"), ("Why you are crying?", "no-inversion"),
    ("They sells fish.", "verbal-s"), ("She's a fine old bus.", "gendered-thing"),
    ("I'm just after eating my dinner.", "after-perfect"), ("Are you wanting some tea?", "stative-progressive"),
    ("You will come, na?", "invariant-tag-particle"), ("You want or not?", "invariant-tag-particle"),
    ("We usen't to go there.", "usent"),
]

NEGATIVE = [
    # pronouns
    "I can tell he's lying.", "I went with her to the store.", "Between you and me, he is wrong.",
    "She is taller than he is.", "It's for them to decide.", "I know she left.", "I saw she was tired.",
    "We head home after work.", "She books a table for two.", "My wife and I went to Paris.", "I did it myself.",
    "What is all this noise?", "What all of this means is unclear.", "The boys are playing outside.",
    "Tell Mary them apples are bad.", "My brother, he is a doctor.", "My sister said he would come.",
    "He hit the ball hard.", "Me too.", "Me, I like tea.", "She gave me money.", "I want you to buy me a new truck.",
    "I'm going to buy you a car.", "Men are from Mars.",
    # noun phrase
    "I need some advice.", "She gave me good advice.", "He is a teacher.", "He became captain of the team.",
    "My brother's car is red.", "My family car is old.", "Our baby girl is sleeping.", "Tom's house is big.",
    "Can you pass me the salt?", "He is taller than me.", "I expected better from him.",
    "I got it cheaper from the market.", "He is as tall as me.", "I'll tell you more later.",
    "He drinks too much coffee.", "I think that there is a cat.", "That there is the problem.",
    # tense, aspect, modals
    "Give me a go.", "Stay sitting down, please.", "I do go to the gym every week, actually.",
    "Does he always come late?", "He always comes late.", "I have known him for ten years.",
    "I have lived here since 2010.", "It is three years since he died.", "I've been waiting since morning.",
    "I'm happy since you came.", "He said he would call me tomorrow.", "I would go tomorrow if I could.",
    "I'd love to see you tonight.", "You mustn't be late.", "He's gone to the shop.",
    "She's been gone since yesterday.", "I like to dance.", "I'd like to go.",
    # tags, object drop
    "It's cold, isn't it?", "That's true, is it?", "Do as you like.", "Come whenever you like.",
    "Take what you need.", "Take the one you like.", "I'll take it.", "I don't like it.", "I'd like that.",
    # relatives and complementation
    "The same man as I saw yesterday.", "It's not as easy as I thought.", "The man that his wife loves is rich.",
    "The book that I gave him is here.", "The man who I met was nice.", "He left early, which I didn't like.",
    "I want you to go.", "I would like for you to come.", "It's time for you to go.", "The man says there is a problem.",
    "The man lives there.", "The man who lives there is my friend.", "People say that.",
    "I asked him what his name was.", "Bring it here.", "Let it go.", "Give it to me.", "Give it back.",
    # discourse and word order
    "Where I go, she goes.", "If I go, you go.", "That's all, folks.", "We're all, without exception, tired.",
    "I don't know what it's like.", "What's the weather like?", "Do whatever you like.",
    "The books Tom and Mary like.", "What do you want?", "Where are you going?", "What you see is what you get.",
    "Do you know where he is?", "Got a minute?", "I got one yesterday.", "It's real.", "It's really good.",
    "This book is good.", "That day, I never saw him.", "This morning, I saw it.",
    # articles
    "What could of all things be worse?", "The old truck still runs.", "My car, she said, was stolen.",
    "We had lunch with him.", "We had the lunch you made.", "He speaks English well.", "The English are coming.",
    "I went to the cinema yesterday.", "She is at the office now.", "He was in hospital.", "I went to bed.",
    "He is a good boy.", "It was a nice day.", "It's fine weather.", "It was good fun.", "Give us a house.",
    "All the students are here.", "All my friends are coming.", "There are a lot of books on the table.",
    # tense and aspect
    "I am having a party.", "We're having a baby.", "I'm having doubts.", "I'm having lunch.",
    "He goes to school every day.", "He is getting better every day.", "I'm working every day this week.",
    "They have not left school yet.", "We're left with nothing.", "I had gone there before you came.",
    "I had already eaten when he arrived.", "I'll go see him tomorrow.", "I go to work every day.",
    "We go swimming tomorrow.", "I have no more money.", "There's no more time.",
    "Whenever I go there, I feel happy.",
    # existentials and relatives
    "It was two years ago.", "It's no use.", "It's two o'clock.", "It was many years ago.",
    "The place where I live is nice.", "This is the place where I live.", "I have a brother who lives in London.",
    "I have a friend named Tom.", "I have a cat called Tom.", "I had a feeling.",
    "I asked the man what happened.", "I told the boy what to do.", "The man whose car was stolen.",
    # negation, questions, modals, comparison
    "Nobody came.", "Nobody knows why not.", "There's nothing not to like.", "No one could not love her.",
    "I can hardly see.", "She asked if I wanted tea.", "I wonder if he is coming.", "Ask me if you need help.",
    "You'd best be going.", "You had best leave.", "The most honest man.", "The most interesting film.",
    "I play football.", "He has a fever.", "I'll get the headache pills.", "How is it going?", "Where is she going?",
    "Why are you crying?", "What, you are leaving?", "They sell fish.", "You kids are late.",
    "She's a bus driver.", "She's a good old woman.", "I'm just after lunch.", "Are you wanting to go?",
    "Are you coming or not?", "Do you want it or not?", "I don't know whether to go or not.", "Is it okay, Tom?",
]


@pytest.fixture(scope="module")
def nlp():
    from locpipe.detect import get_nlp

    return get_nlp("en")


def _slugs(nlp, line: str) -> list[str]:
    return [slug for _start, _end, slug in LANG_RULES["en"](nlp(line))]


@pytest.mark.parametrize(("line", "rule"), POSITIVE)
def test_feature_found(nlp, line: str, rule: str) -> None:
    assert rule in _slugs(nlp, line)


@pytest.mark.parametrize("line", NEGATIVE)
def test_standard_english_is_quiet(nlp, line: str) -> None:
    assert [slug for slug in _slugs(nlp, line) if slug != "rare-spelling"] == []


def test_features_become_flags() -> None:
    """Through detect(): one flag per feature line, the rule's gloss and a 'keep the voice' suggestion."""
    lines = ["Tell he to come here.", "I know him since ten years.", "He's gone, is it?", "I went to town with her."]
    t = detect(make_transcript(lines), lang="en", kinds=KINDS)
    found = {(f.segment, f.rule_id) for f in t.flags}
    assert found == {("s0001", "en.rule.subject-pronoun-object"), ("s0002", "en.rule.since-duration"),
                     ("s0003", "en.rule.is-it-tag")}
    flag = next(f for f in t.flags if f.rule_id == "en.rule.since-duration")
    assert flag.kind == "dialect" and flag.label == "grammar" and flag.text == "know"
    assert flag.gloss == RULES["since-duration"]["gloss"]
    assert "do not correct" in flag.suggestion


def test_every_rule_is_described() -> None:
    for slug, rule in RULES.items():
        assert rule["kind"] in ("dialect", "register") and rule["label"] and rule["gloss"], slug
        assert len(rule["gloss"]) <= 160, slug


@pytest.mark.parametrize("line", [
    "He tossed and turned sleeplessly all night.",  # a known word with standard suffixes
    "They were so small they fit into his pocket.",  # the verb fit, not "fought"
    "He gave the order for lemon ice cream.",  # the noun order
    "In order for that to work, we need more money.",
    "That's just the way it was.",  # not MLE "that's long"
])
def test_standard_narration_is_not_flagged(line: str) -> None:
    t = detect(make_transcript([line]), lang="en", kinds=KINDS)
    assert [(f.text, f.rule_id) for f in t.flags] == []


@pytest.mark.parametrize(("line", "text", "rule_id"), [
    ("I ain't got nuttin.", "nuttin", "en.rule.rare-spelling"),
    ("I ordered for a pizza.", "ordered for", "en.rule.redundant-preposition"),
    ("That's long, bruv.", "That's long", "en.dialect.long"),
])
def test_the_same_rules_still_flag_dialect(line: str, text: str, rule_id: str) -> None:
    t = detect(make_transcript([line]), lang="en", kinds=KINDS)
    assert (text, rule_id) in [(f.text, f.rule_id) for f in t.flags]
