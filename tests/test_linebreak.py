"""Line breaking: Netflix rules per language, bottom-heavy pyramid, hard limits (unit and hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from locpipe.stages.linebreak import break_cost, break_lines, break_text, tokenize, word_lists


def test_one_line_when_it_fits():
    assert break_lines("I was there.", 42) == ["I was there."]
    assert break_lines("x" * 42, 42) == ["x" * 42]


def test_breaks_after_punctuation():
    assert break_lines("I told you already, you never listen to a word I say.", 42) == [
        "I told you already,",
        "you never listen to a word I say.",
    ]
    assert break_lines("Stop it. We are going home right now, all of us.", 42) == [
        "Stop it.",
        "We are going home right now, all of us.",
    ]


def test_breaks_before_a_conjunction():
    assert break_lines("I wanted to call you yesterday but my phone was dead.", 42) == [
        "I wanted to call you yesterday",
        "but my phone was dead.",
    ]


def test_article_never_ends_a_line():
    lines = break_lines("We have to talk about the money that you owe me.", 28)
    assert all(not line.lower().endswith((" the", " a", " an")) for line in lines)
    assert lines == ["We have to talk", "about the money that you owe me."] or len(lines) == 2


def test_the_never_ends_a_line_at_any_width():
    text = "Give me the keys and the wallet and the phone and the map of the city."
    for width in range(20, 60):
        for line in break_lines(text, width)[:-1]:
            assert line.split()[-1].lower() not in ("the", "a", "an"), (width, line)


def test_subject_pronoun_stays_with_its_verb():
    lines = break_lines("Honestly, every time we meet I think about the old days.", 30)
    assert not any(line.endswith(" I") for line in lines)


def test_first_and_last_name_stay_together():
    lines = break_lines("Tomorrow morning we will meet Angus MacLeod at the station.", 34)
    assert not any(line.endswith("Angus") for line in lines)
    assert any("Angus MacLeod" in line for line in lines)


def test_phrasal_verb_keeps_its_particle():
    for width in range(30, 53):
        lines = break_lines("You should never ever give up on the people you love.", width)
        assert any("give up" in line for line in lines), (width, lines)


def test_bottom_heavy_when_unequal():
    lines = break_lines("Where did you put the keys to the old car?", 30)
    assert len(lines) == 2
    assert len(lines[0]) <= len(lines[1])


def test_spanish_rules():
    lines = break_lines("No sé lo que quieres decir con eso, pero no me gusta nada.", 42, lang="es")
    assert lines == ["No sé lo que quieres decir con eso,", "pero no me gusta nada."]
    lines = break_lines("Mañana vamos a ir con los niños a la playa de San Sebastián.", 34, lang="es")
    assert not any(line.endswith((" los", " la", " a", " de", " con")) for line in lines)


def test_french_punctuation_never_starts_a_line():
    lines = break_lines("Mais qu'est-ce que tu racontes, mon vieux ?", 41, lang="fr")
    assert not any(line.startswith("?") for line in lines)
    assert lines[-1].endswith("vieux ?")


def test_word_lists_per_language_with_fallback():
    assert "the" in word_lists("en")["articles"]
    assert "la" in word_lists("es-MX")["articles"]
    assert "mr." in word_lists("sv")["titles"]
    assert "articles" not in word_lists("sv")


def test_title_is_not_a_sentence_end():
    toks = tokenize("I saw Mr. Smith today.")
    assert break_cost(toks, 2, "en") > break_cost(toks, 1, "en")


def test_too_many_lines_is_still_broken_within_width():
    text = " ".join(["word"] * 40)
    result = break_text(text, 20, max_lines=2)
    assert not result.fits
    assert all(len(line) <= 20 for line in result.lines)
    assert " ".join(result.lines) == text


def test_long_word_is_split_as_last_resort():
    result = break_text("a Supercalifragilisticexpialidocious day", 15)
    assert result.split_words == ["Supercalifragilisticexpialidocious"]
    assert all(len(line) <= 15 for line in result.lines)
    assert "".join(result.lines).replace(" ", "") == "aSupercalifragilisticexpialidociousday"
    assert not result.fits


def test_long_word_splits_after_a_hyphen():
    result = break_text("mother-in-law-to-be", 10)
    assert result.lines == ["mother-in-", "law-to-be"]


def test_cjk_breaks_between_characters_not_before_punctuation():
    lines = break_lines("你好，我今天很好。我们明天去海边吧，好不好？", 16, lang="zh")
    assert len(lines) == 2
    assert all(len(line) <= 16 for line in lines)
    assert "".join(lines) == "你好，我今天很好。我们明天去海边吧，好不好？"
    assert not any(line[0] in "，。？" for line in lines)


def test_huge_input_is_bounded():
    text = " ".join(["lorem", "ipsum", "dolor"] * 3000)
    lines = break_lines(text, 42)
    assert all(len(line) <= 42 for line in lines)
    assert " ".join(lines) == text


_words = st.lists(
    st.one_of(
        st.text(alphabet=list("abcdeéñXYZ,.?!'-"), min_size=1, max_size=12),
        st.sampled_from(["the", "and", "I", "Mr.", "?", "«", "up", "not"]),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(_words, st.integers(12, 50), st.sampled_from(["en", "es", "fr", "de", "it", "pt", "sv"]))
def test_words_kept_in_order_and_lines_within_width(words, width, lang):
    words = [w for w in words if len(w) <= width]
    if not words:
        return
    text = " ".join(words)
    lines = break_lines(text, width, lang=lang)
    assert " ".join(lines).split() == text.split()
    assert all(len(line) <= width for line in lines)
    assert all(line == line.strip() and line for line in lines)
    if len(text) <= width:
        assert lines == [text]
    # fewest lines: greedy filling never needs fewer
    greedy, cur = 1, 0
    for w in words:
        if cur and cur + 1 + len(w) > width:
            greedy, cur = greedy + 1, len(w)
        else:
            cur = cur + (1 if cur else 0) + len(w)
    assert len(lines) == greedy
