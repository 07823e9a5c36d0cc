"""detect(): flags per component, asserted exactly, on hand-built transcripts and fixture lexicons."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from test_detect_support import LEXICONS, flags_of, make_transcript  # noqa: E402

from locpipe.detect import detect, get_nlp, parse_kinds  # noqa: E402
from locpipe.errors import UsageError  # noqa: E402


def run(lines: list[str], **kwargs):
    transcript = make_transcript(lines, lang=kwargs.pop("lang", "en"), kinds=kwargs.pop("cue_kinds", None))
    return detect(transcript, lexicon_dir=LEXICONS, **kwargs)


def test_idioms_inflection_slots_and_modifiers() -> None:
    t = run([
        "He spilled the beans about the party.",
        "Don't lose your temper.",
        "You're pulling my leg!",
        "We'll keep a close eye on him.",
        "She made a fool of herself.",
        "That's the last straw.",
        "Break a leg tonight!",
    ], kinds="idiom")
    assert flags_of(t) == [
        ("s0001", "idiom", "spilled the beans", "en.idiom.spill-the-beans"),
        ("s0002", "idiom", "lose your temper", "en.idiom.lose-ones-temper"),
        ("s0003", "idiom", "pulling my leg", "en.idiom.pull-someones-leg"),
        ("s0004", "idiom", "keep a close eye on him", "en.idiom.keep-an-eye-on"),
        ("s0005", "idiom", "made a fool of herself", "en.idiom.make-a-fool-of-oneself"),
        ("s0006", "idiom", "the last straw", "en.idiom.last-straw"),
        ("s0007", "expression", "Break a leg", "en.idiom.break-a-leg"),
    ]
    first = t.flags[0]
    assert (first.gloss, first.confidence, first.cues, first.start, first.end) == (
        "reveal a secret", 0.9, [0], 3, 20)


def test_idiom_literal_context_lowers_confidence() -> None:
    t = run(["Careful, you spilled the beans all over the kitchen floor.", "Then he spilled the beans to the cops."],
            kinds="idiom")
    literal, figurative = t.flags
    assert literal.confidence == 0.3
    assert "context words suggest a literal reading: floor, kitchen" in literal.evidence
    assert literal.suggestion.startswith("probably literal here")
    # the literal words of the neighbouring line count too, so the second reading is still lowered
    assert figurative.confidence == 0.3
    t = run(["Then he spilled the beans to the cops."], kinds="idiom")
    assert t.flags[0].confidence == 0.9


def test_overlapping_idioms_keep_the_longest() -> None:
    t = run(["It was a piece of cake."], kinds="idiom")
    assert flags_of(t) == [("s0001", "idiom", "a piece of cake", "en.idiom.piece-of-cake")]


def test_culture_gazetteer_strategies_and_case() -> None:
    t = run(["We'll have haggis at Thanksgiving.", "I hit the target.", "I'm going to Target.", "Two quarterbacks."],
            kinds="culture")
    assert flags_of(t) == [
        ("s0001", "food", "haggis", "en.culture.haggis"),
        ("s0001", "holiday", "Thanksgiving", "en.culture.thanksgiving"),
        ("s0003", "brand", "Target", "en.culture.target"),
        ("s0004", "sport", "quarterbacks", "en.culture.quarterback"),
    ]
    haggis = t.flags[0]
    assert haggis.strategies[0]["strategy"] == "generalization"
    # 34 characters in a 2-second cue: 17 cps, no room to add an explanation
    assert "retention" in {s["strategy"] for s in haggis.strategies}
    assert "specification" not in {s["strategy"] for s in haggis.strategies}
    assert all(s["reason"] for s in haggis.strategies)


def test_culture_recurrence_and_microcultural() -> None:
    t = run(["She failed her GCSE.", "GCSE results day.", "The GCSE again!"], kinds="culture")
    first = t.flags[0]
    assert first.label == "education" and first.rule_id == "en.culture.gcse"
    assert "occurs 3 times in this transcript" in first.evidence
    assert first.strategies[0]["strategy"] == "official equivalent"
    assert first.suggestion == "equivalent: secondary-school leaving exams"
    assert "omission" not in [s["strategy"] for s in first.strategies]


def test_quantities_with_conversions() -> None:
    t = run([
        "It's 5 miles from here.", "It was 70 °F.", "He's 6 foot 2.", "She weighs 10 stone.",
        "Lend me five bucks.", "A tenner, then.", "Twenty quid!", "It cost $5.", "On the Fourth of July.",
    ], kinds="culture")
    got = [(f.label, f.text, f.suggestion.split(";")[0].split(":")[0]) for f in t.flags]
    assert got == [
        ("unit", "5 miles", "5 miles ≈ 8 km"),
        ("temperature", "70 °F", "70 °F ≈ 21 °C"),
        ("unit", "6 foot 2", "6 foot 2 ≈ 1.88 m"),
        ("unit", "10 stone", "10 stone ≈ 63.5 kg"),
        ("currency", "five bucks", "five bucks"),
        ("currency", "A tenner", "A tenner = 10 GBP"),
        ("currency", "Twenty quid", "Twenty quid"),
        ("currency", "$5", "$5"),
        ("date", "the Fourth of July", "the Fourth of July"),
    ]
    assert "US Independence Day" in t.flags[-1].suggestion
    assert [s["strategy"] for s in t.flags[0].strategies][0] == "official equivalent"


def test_cps_headroom_drives_strategies() -> None:
    tight = make_transcript(["We'll have haggis at Thanksgiving with everyone."], cps_ms=1000)
    roomy = make_transcript(["Haggis."], cps_ms=6000)
    detect(tight, lexicon_dir=LEXICONS, kinds="culture")
    detect(roomy, lexicon_dir=LEXICONS, kinds="culture")
    tight_names = [s["strategy"] for s in tight.flags[0].strategies]
    roomy_names = [s["strategy"] for s in roomy.flags[0].strategies]
    assert "specification" not in tight_names[:2]
    assert roomy_names.index("specification") < 3
    assert any("reading-speed" in e for e in tight.flags[0].evidence)


def test_puns_need_two_senses_in_context() -> None:
    t = run(["Why did the banker get bored?", "He lost interest.", "I have no interest in that hobby."],
            kinds="humor")
    puns = [f for f in t.flags if f.label == "pun"]
    assert [(f.segment, f.text) for f in puns] == [("s0002", "interest")]
    assert puns[0].gloss == "pun on 'interest': curiosity, attention / money paid on a loan or deposit"
    assert puns[0].evidence[:2] == ["'lose, bored, hobby' evoke 'curiosity, attention'", "'banker' evoke 'money paid on a loan or deposit'"]


def test_laughter_setup_punchline_and_sarcasm() -> None:
    t = run(["Why did the banker get bored?", "He lost interest.", "[laughs]", "Yeah, right.", "Oh, great."],
            kinds="humor")
    assert flags_of(t) == [
        ("s0001", "joke", "Why did the banker get bored?", "en.rule.setup-punchline"),
        ("s0002", "joke", "He lost interest", "en.rule.laughter-cue"),
        ("s0002", "pun", "interest", "en.pun.interest"),
        ("s0004", "sarcasm", "Yeah, right", "en.humor.yeah-right"),
        ("s0005", "sarcasm", "Oh, great", "en.humor.oh-great"),
    ]
    # the laughter cue and the question-and-answer rule flag the same words: one flag, both reasons
    laugh = t.flags[1]
    assert laugh.evidence == ["laughter cue '[laughs]' at cue 3 (00:00:06)", "also found by en.rule.setup-punchline",
                              "setup in cue 1 (00:00:00), punchline in cue 2 (00:00:03)"]
    assert t.flags[0].evidence == ["setup in cue 1 (00:00:00), punchline in cue 2 (00:00:03)"]


def test_knock_knock_and_running_gag() -> None:
    t = run(["Knock knock.", "Who's there?", "Lettuce.", "Lettuce who?", "Lettuce in, it's cold!",
             "Fine.", "That's what she said.", "Okay.", "Sure.", "That's what she said."], kinds="humor")
    assert flags_of(t) == [
        ("s0001", "joke", "Knock knock", "en.humor.knock-knock"),
        ("s0005", "joke", "Lettuce in, it's cold", "en.rule.knock-knock"),
        ("s0007", "catchphrase", "That's what she said", "en.humor.thats-what-she-said"),
        ("s0007", "running-gag", "That's what she said", "en.rule.running-gag"),
        ("s0010", "catchphrase", "That's what she said", "en.humor.thats-what-she-said"),
        ("s0010", "running-gag", "That's what she said", "en.rule.running-gag"),
    ]
    assert t.flags[3].evidence[0] == "also at cue 10 (00:00:27)"
    assert "also found by en.rule.knock-knock" in t.flags[0].evidence


def test_homophone_needs_the_sound_alikes_sense() -> None:
    # a joke alone is not enough: nothing here evokes 'night'
    t = run(["What do you call a knight who is afraid to fight?", "Sir Render."], kinds="humor")
    assert [f for f in t.flags if f.label == "homophone"] == []
    t = run(["The knight rode out after dark.", "He was afraid of the dragon."], kinds="humor")
    assert flags_of(t) == [("s0001", "homophone", "knight", "en.pun.knight-night")]
    assert t.flags[0].evidence == ["'knight' sounds like 'night'", "'dragon' evoke 'armoured soldier'",
                                   "'dark' evoke 'night (time of darkness)'", "both senses evoked"]
    # written 'night', evoking the knight: the sound-alike's sense is the soldier's
    t = run(["The night wore shining armour and a sword."], kinds="humor")
    assert flags_of(t) == [("s0001", "homophone", "night", "en.pun.knight-night")]


def test_dialect_grammar_and_markers() -> None:
    t = run([
        "I ain't got no money.", "Y'all coming?", "We was goin' home.", "She be working late.",
        "Them boots are wee.", "It's bloody sick, mate.", "Yous are mad.", "He don't know.",
        "I seen it.", "We might could go.", "Me and him went.", "He done told you.", "I'm gonna go.",
    ], kinds="dialect,slang,profanity,register")
    assert flags_of(t) == [
        ("s0001", "grammar", "ain't", "en.rule.aint"),
        ("s0001", "grammar", "n't got no", "en.rule.double-negation"),
        ("s0002", "grammar", "Y'all", "en.rule.yall"),
        ("s0003", "grammar", "We was", "en.rule.was-levelling"),
        ("s0003", "eye-dialect", "goin'", "en.rule.g-dropping"),
        ("s0004", "grammar", "She be working", "en.rule.habitual-be"),
        ("s0005", "grammar", "Them boots", "en.rule.them-demonstrative"),
        ("s0005", "vocabulary", "wee", "en.dialect.wee"),
        ("s0006", "profanity", "bloody", "en.dialect.bloody"),
        ("s0006", "slang", "sick", "en.dialect.sick"),
        ("s0006", "address", "mate", "en.dialect.mate"),
        ("s0007", "grammar", "Yous", "en.rule.yous"),
        ("s0008", "grammar", "He don't", "en.rule.third-person-zero"),
        ("s0009", "grammar", "I seen", "en.rule.preterite-participle"),
        ("s0010", "grammar", "might could", "en.rule.double-modal"),
        ("s0011", "grammar", "Me and him", "en.rule.object-pronoun-subject"),
        ("s0012", "grammar", "He done told", "en.rule.done-perfective"),
        ("s0013", "eye-dialect", "gonna", "en.dialect.gonna"),
    ]
    goin = t.flags[4]
    assert goin.gloss == "'goin'' = going"
    bloody = t.flags[8]
    assert (bloody.kind, bloody.evidence[-1]) == ("profanity", "profanity, mild")
    mate = t.flags[10]
    assert mate.kind == "register" and "es tú, fr tu, de du" in mate.suggestion


def test_address_only_when_vocative() -> None:
    t = run(["Yes sir.", "He's my mate from school.", "Sir, your table.", "Thank you, ma'am."])
    assert [(f.segment, f.text) for f in t.flags if f.label == "address"] == [
        ("s0001", "sir"), ("s0003", "Sir"), ("s0004", "ma'am")]
    maam = [f for f in t.flags if f.text == "ma'am"][0]
    assert maam.kind == "culture" and "tú/usted" in maam.suggestion


def test_standard_english_gets_no_dialect_flags() -> None:
    t = run(["I don't know anything about it.", "If I were you, I would go.", "They were working late.",
             "Give them apples.", "You never know.", "Were you there?", "I saw them dancing."],
            kinds="dialect")
    assert t.flags == []


def test_kinds_filter_and_errors() -> None:
    t = run(["He spilled the beans at Thanksgiving, mate."], kinds=["culture"])
    assert {f.kind for f in t.flags} == {"culture"}
    with pytest.raises(UsageError, match="unknown flag kind 'jokes'; choose from idiom, culture"):
        parse_kinds("idiom,jokes")
    assert parse_kinds(None) is None


def test_flag_cues_span_several_cues() -> None:
    from locpipe.model import Cue, Segment, SegmentPart, Transcript

    cues = [Cue(index=0, start=0, end=1000, raw="He spilled", text="He spilled"),
            Cue(index=1, start=1000, end=2000, raw="the beans.", text="the beans.")]
    seg = Segment(id="s0001", parts=[SegmentPart(0, 0, 10), SegmentPart(1, 0, 10)], text="He spilled the beans.")
    t = detect(Transcript(path="x.srt", format="srt", cues=cues, segments=[seg]), lexicon_dir=LEXICONS)
    assert [(f.text, f.cues) for f in t.flags] == [("spilled the beans", [0, 1])]


def test_language_from_transcript_and_missing_lexicon(tmp_path) -> None:
    t = make_transcript(["El turrón de la selectividad es guay, tío."], lang="es")
    detect(t, lexicon_dir=LEXICONS)
    assert flags_of(t) == [
        ("s0001", "food", "turrón", "es.culture.turron"),
        ("s0001", "education", "selectividad", "es.culture.selectividad"),
        ("s0001", "slang", "guay", "es.dialect.guay"),
        ("s0001", "address", "tío", "es.dialect.tio"),
    ]
    t = make_transcript(["Me estás tomando el pelo.", "Siempre está en las nubes."], lang="es")
    detect(t, lexicon_dir=LEXICONS, kinds="idiom")
    assert [f.text for f in t.flags] == ["tomando el pelo", "está en las nubes"]
    t = make_transcript(["Il m'a posé un lapin, ce mec. C'était un coup de foudre avant le bac."], lang="fr")
    detect(t, lexicon_dir=LEXICONS)
    assert [(f.label, f.text) for f in t.flags] == [
        ("idiom", "posé un lapin"), ("slang", "mec"), ("idiom", "coup de foudre"), ("education", "bac")]
    # no lexicon folder at all: still runs, no flags
    t = make_transcript(["Il pleut des cordes."], lang="fr")
    detect(t, lexicon_dir=tmp_path)
    assert t.flags == []


def test_unknown_language_is_a_usage_error() -> None:
    t = make_transcript(["hello"], lang="qq")
    with pytest.raises(UsageError, match="spaCy has no language 'qq'"):
        detect(t, lang="qq", lexicon_dir=LEXICONS)


def test_a_transcript_in_a_language_spacy_lacks_is_read_with_the_multi_language_pipeline() -> None:
    """The transcript's own language (read from its text or name) is no user error: detection goes on."""
    t = detect(make_transcript(["It is 5 miles away."], lang="qq"), lexicon_dir=LEXICONS)
    assert [f.check for f in t.findings] == ["detect.no-tokenizer"]
    assert "spaCy has no qq pipeline" in t.findings[0].message


def test_get_nlp_is_cached_and_writes_spans() -> None:
    nlp = get_nlp("en", lexicon_dir=LEXICONS)
    assert get_nlp("en", lexicon_dir=LEXICONS) is nlp
    doc = nlp("He spilled the beans at Thanksgiving, 5 miles away. We was there.")
    assert [(s.text, s.id_) for s in doc.spans["locpipe_idiom"]] == [("spilled the beans", "en.idiom.spill-the-beans")]
    assert [s.text for s in doc.spans["locpipe_culture"]] == ["Thanksgiving"]
    assert [s.text for s in doc.spans["locpipe_quantity"]] == ["5 miles"]
    assert [s.text for s in doc.spans["locpipe_grammar"]] == ["We was"]
    assert doc[1].lemma_ == "spill" and doc[0].lemma_ == "he"


def test_trained_pipeline_entities_as_evidence(tmp_path) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Glasgow"}, {"label": "PRODUCT", "pattern": "Irn-Bru"},
                        {"label": "EVENT", "pattern": "Thanksgiving"}])
    nlp.meta["name"] = "tiny_ner"
    path = tmp_path / "tiny_ner"
    nlp.to_disk(path)
    t = make_transcript(["Glasgow at Thanksgiving, with haggis."])
    detect(t, lexicon_dir=LEXICONS, spacy_model=str(path), kinds="culture")
    assert [(f.label, f.text, f.rule_id, f.confidence) for f in t.flags] == [
        ("place", "Glasgow", "en.ner.gpe", 0.5),
        ("holiday", "Thanksgiving", "en.culture.thanksgiving", 0.9),
        ("food", "haggis", "en.culture.haggis", 0.8),
    ]
    assert t.flags[1].evidence[1] == "the spaCy pipeline tiny_ner also tags it EVENT"


def test_bad_spacy_model_is_a_model_error(tmp_path) -> None:
    from locpipe.errors import ModelError

    with pytest.raises(ModelError, match="cannot load the spaCy pipeline"):
        detect(make_transcript(["hi"]), lexicon_dir=LEXICONS, spacy_model=str(tmp_path / "nope"))


def test_sdh_segments_only_feed_laughter() -> None:
    t = run(["[haggis sizzles]", "Spill the beans."])
    assert flags_of(t) == [("s0002", "idiom", "Spill the beans", "en.idiom.spill-the-beans")]
