"""Fitting translations back into cues: splitting, line breaks, dashes, reading speed (unit and hypothesis)."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locpipe.model import Cue, Finding, Transcript, Translation
from locpipe.profiles import get_profile
from locpipe.stages.fit import FittedCue, fit, split_over_parts
from locpipe.stages.segment import segment

NETFLIX = get_profile("netflix")


def make(texts: list[str], *, dur: int = 3000, gap: int = 500, kinds: list[str] | None = None,
         lang: str = "en", untimed: bool = False) -> Transcript:
    cues, t = [], 0
    for i, text in enumerate(texts):
        cues.append(Cue(index=i, start=None if untimed else t, end=None if untimed else t + dur,
                        raw=text.replace("\n", "\\N"), text=text, kind=kinds[i] if kinds else "dialogue",
                        line=1 + 4 * i))
        t += dur + gap
    return segment(Transcript(path="film.srt", format="srt", language=lang, cues=cues))


def translate(tr: Transcript, lang: str, table: dict[str, str]) -> Transcript:
    for seg in tr.segments:
        if seg.text in table:
            seg.translations[lang] = Translation(lang=lang, text=table[seg.text])
    return tr


def by_cue(fitted: list[FittedCue]) -> dict[int, str]:
    return {f.cue: f.text for f in fitted}


def checks(tr: Transcript) -> list[str]:
    return [f.check for f in tr.findings]


def test_single_cue_single_line():
    tr = translate(make(["Where are you going?"]), "es", {"Where are you going?": "¿Adónde vas?"})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert fitted == [FittedCue(cue=0, text="¿Adónde vas?", pieces=[("s0001", 0, 12)], end=3000,
                                lines=["¿Adónde vas?"], cps=fitted[0].cps)]
    assert tr.findings == []


def test_two_lines_when_too_long():
    src = "I was thinking that we could go to the beach after lunch."
    tr = translate(make([src]), "es", {src: "Estaba pensando que podríamos ir a la playa después de comer."})
    [fc] = fit(tr, "es", profile=NETFLIX)
    assert fc.lines == ["Estaba pensando que podríamos ir", "a la playa después de comer."]


def test_sentence_over_two_cues_is_split_at_the_right_place():
    tr = make(["I was thinking that we could go,", "if you want, to the beach."])
    assert len(tr.segments) == 1
    translate(tr, "es", {tr.segments[0].text: "Estaba pensando que podríamos ir, si quieres, a la playa."})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert by_cue(fitted) == {0: "Estaba pensando que podríamos ir,", 1: "si quieres, a la playa."}
    assert fitted[0].pieces == [("s0001", 0, 33)]
    assert fitted[1].pieces == [("s0001", 34, 57)]


def test_order_is_kept_and_no_cue_left_empty():
    tr = make(["And the winner", "is", "you!"])
    assert len(tr.segments) == 1
    translate(tr, "fr", {tr.segments[0].text: "Gagnant : toi !"})
    fitted = fit(tr, "fr", profile=NETFLIX)
    assert [f.cue for f in fitted] == [0, 1, 2]
    assert all(f.text for f in fitted)
    assert " ".join(f.text for f in fitted).split() == ["Gagnant", ":", "toi", "!"]


def test_english_dashes_without_space():
    tr = translate(make(["- Hola.\n- ¿Qué?"], lang="es"), "en", {"Hola.": "Hi.", "¿Qué?": "What?"})
    assert by_cue(fit(tr, "en", profile=NETFLIX)) == {0: "-Hi.\n-What?"}


def test_spanish_dashes_with_space():
    tr = translate(make(["-Hi.\n-Hello."]), "es", {"Hi.": "Hola.", "Hello.": "¿Qué?"})
    assert by_cue(fit(tr, "es", profile=NETFLIX)) == {0: "- Hola.\n- ¿Qué?"}


def test_dutch_and_bulgarian_dashes_on_second_line_only():
    tr = translate(make(["- Hi.\n- Hello."]), "nl", {"Hi.": "Hoi.", "Hello.": "Hallo."})
    assert by_cue(fit(tr, "nl", profile=NETFLIX)) == {0: "Hoi.\n-Hallo."}
    tr = translate(make(["- Hi.\n- Hello."]), "bg", {"Hi.": "Здравей.", "Hello.": "Здрасти."})
    assert by_cue(fit(tr, "bg", profile=NETFLIX)) == {0: "Здравей.\n- Здрасти."}


def test_source_without_first_dash_gets_target_style():
    tr = translate(make(["Where to?\n-Home."]), "fr", {"Where to?": "Où ça ?", "Home.": "À la maison."})
    assert by_cue(fit(tr, "fr", profile=NETFLIX)) == {0: "- Où ça ?\n- À la maison."}


def test_two_sentences_of_one_speaker_share_the_cue():
    tr = translate(make(["Wait! What are you doing?"]), "es", {"Wait!": "¡Espera!", "What are you doing?": "¿Qué haces?"})
    [fc] = fit(tr, "es", profile=NETFLIX)
    assert fc.text == "¡Espera! ¿Qué haces?"
    assert fc.pieces == [("s0001", 0, 8), ("s0002", 0, 11)]


def test_untranslated_cues_are_not_in_the_result():
    tr = translate(make(["Hello.", "[door slams]", "Bye."], kinds=["dialogue", "sdh", "dialogue"]), "es",
                   {"Hello.": "Hola.", "Bye.": "Adiós."})
    assert by_cue(fit(tr, "es", profile=NETFLIX)) == {0: "Hola.", 2: "Adiós."}


def test_untranslated_part_of_a_translated_cue_keeps_the_source():
    tr = translate(make(["Hello. Bye."]), "es", {"Hello.": "Hola."})
    [fc] = fit(tr, "es", profile=NETFLIX)
    assert fc.text == "Hola. Bye."
    assert fc.pieces == [("s0001", 0, 5)]


def test_reading_speed_extends_into_the_gap():
    src = "Go."
    tr = make([src, "Next."], dur=1000, gap=1000)
    target = "Vete ahora mismo de aquí y no vuelvas."  # 38 chars: needs 2.24 s at 17 cps
    translate(tr, "es", {src: target, "Next.": "Sig."})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert fitted[0].end == 1500  # capped at +0.5 s
    assert fitted[1].end == 2000 + 1000  # "Sig." reads fine: unchanged
    [finding] = tr.findings
    assert finding.check == "fit.cps"
    assert finding.cue == 0
    assert finding.lang == "es"
    assert finding.line == 1
    assert finding.path == "film.srt"
    assert finding.message == (
        "reading speed 25.3 cps is over the es limit of 17.0 cps after extending the out-time by 500 ms: "
        "shorten the text by about 13 characters or give the cue more time"
    )


def test_extension_keeps_the_minimum_gap():
    tr = make(["Go.", "Next."], dur=1000, gap=200)
    translate(tr, "es", {"Go.": "Vete ahora mismo de aquí.", "Next.": "Sig."})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert fitted[0].end == 1200 - NETFLIX.min_gap_ms()  # 2 frames at 24 fps
    tr.meta["fps"] = 25
    assert fit(tr, "es", profile=NETFLIX)[0].end == 1200 - 80


def test_extension_only_as_far_as_needed():
    tr = make(["Go.", "Next."], dur=1000, gap=2000)
    translate(tr, "es", {"Go.": "Vete de aquí ahora mismo.", "Next.": "Sig."})  # 25 chars → 1471 ms
    fitted = fit(tr, "es", profile=NETFLIX)
    assert fitted[0].end == 1471
    assert tr.findings == []


def test_no_gap_no_extension():
    tr = make(["Go.", "Next."], dur=1000, gap=0)
    translate(tr, "es", {"Go.": "Vete de aquí ahora mismo.", "Next.": "Sig."})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert fitted[0].end == 1000
    assert tr.findings[0].message.endswith(
        "(no free gap to extend into): shorten the text by about 8 characters or give the cue more time"
    )


def test_sdh_limit_and_letters_mode():
    tr = make(["[door slams]", "Hi.", "Bye."], kinds=["sdh", "dialogue", "dialogue"], dur=1000, gap=0)
    translate(tr, "es", {"[door slams]": "[portazo]", "Hi.": "¡Hola, qué tal, amigo!"})  # 22 chars/s
    fit(tr, "es", profile=NETFLIX)  # sdh table (20 cps) because the file has SDH cues
    assert [f.cue for f in tr.findings] == [1]
    fit(tr, "es", profile=NETFLIX, sdh=False)  # adult table (17 cps); old fit findings replaced
    assert [f.cue for f in tr.findings] == [1]
    letters = copy.deepcopy(NETFLIX)
    letters.cps_mode = "letters"  # "Holaquétalamigo" = 15 letters
    fit(tr, "es", profile=letters, sdh=False)
    assert tr.findings == []


def test_too_many_lines():
    src = "Tell me."
    target = "Dime todo lo que sabes sobre lo que pasó ayer por la noche en casa de tu abuela, con todo detalle."
    tr = translate(make([src], dur=10000), "es", {src: target})
    [fc] = fit(tr, "es", profile=NETFLIX)
    # never more lines than the profile allows: the subtitle is cut, the finding says so with the full text
    assert len(fc.lines) == 2
    assert all(len(line) <= 42 for line in fc.lines)
    assert fc.text.endswith("…")
    assert " ".join(fc.text[:-1].split()) in target
    [finding] = tr.findings
    assert finding.check == "fit.too-many-lines"
    assert finding.severity == "critical"
    assert finding.message.startswith(
        "the es text needs 3 lines of at most 42 characters, over the limit of 2, so the subtitle was cut after "
    )
    assert f"(full translation: “{target}”)" in finding.message


def test_too_long_word_is_split_and_reported():
    tr = translate(make(["Word."], dur=10000), "de", {"Word.": "Donaudampfschifffahrtsgesellschaftskapitänsmütze."})
    [fc] = fit(tr, "de", profile=NETFLIX)
    assert all(len(line) <= 42 for line in fc.lines)
    assert "".join(fc.lines) == "Donaudampfschifffahrtsgesellschaftskapitänsmütze."
    assert checks(tr) == ["fit.too-long"]
    assert "is longer than a 42-character line and was split" in tr.findings[0].message


def test_per_language_width():
    tr = translate(make(["Hello, how are you today?"], lang="en"), "ja", {"Hello, how are you today?": "こんにちは、今日はお元気ですか？"})
    [fc] = fit(tr, "ja", profile=NETFLIX)  # 16 characters: fits ja's 23
    assert fc.lines == ["こんにちは、今日はお元気ですか？"]
    tr = translate(make(["Hello, how are you today?"]), "zh", {"Hello, how are you today?": "你好，你今天过得怎么样，我的老朋友？"})
    [fc] = fit(tr, "zh", profile=NETFLIX)
    assert len(fc.lines) == 2 and all(len(line) <= 16 for line in fc.lines)


def test_untimed_script_lines():
    tr = translate(make(["Hello.", "Bye."], untimed=True), "es", {"Hello.": "Hola.", "Bye.": "Adiós."})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert [(f.text, f.end, f.cps) for f in fitted] == [("Hola.", None, 0.0), ("Adiós.", None, 0.0)]


def test_other_findings_are_kept():
    tr = translate(make(["Go."], dur=100), "es", {"Go.": "Vete de aquí ahora mismo."})
    tr.findings.append(Finding(check="parse.encoding", severity="info", message="x"))
    fit(tr, "es", profile=NETFLIX)
    fit(tr, "es", profile=NETFLIX)
    assert checks(tr) == ["parse.encoding", "fit.cps"]


def test_split_over_parts_prefers_punctuation():
    text = "Yo no sabía nada, pero él sí lo sabía todo."
    [a, b] = split_over_parts(text, [0.45, 0.55], [84, 84], "es")
    assert text[a[0] : a[1]] == "Yo no sabía nada,"
    assert text[b[0] : b[1]] == "pero él sí lo sabía todo."


def test_more_parts_than_words_leaves_a_cue_empty_and_says_so():
    tr = make(["And the", "winner", "is you."])
    translate(tr, "es", {tr.segments[0].text: "¡Tú!"})
    fitted = fit(tr, "es", profile=NETFLIX)
    assert [f.text for f in fitted].count("¡Tú!") == 1
    assert [f.check for f in tr.findings] == ["fit.empty", "fit.empty"]
    assert tr.findings[0].message == (
        "the es translation left this cue empty (the sentence has fewer words than cues): "
        "merge the cue with its neighbour or reword the translation to fill it"
    )


def test_split_over_parts_more_parts_than_words():
    ranges = split_over_parts("Sí.", [0.3, 0.3, 0.4], [84, 84, 84], "es")
    assert [r for r in ranges if r[1] > r[0]] == [(0, 3)]
    assert len(ranges) == 3


def test_split_over_parts_huge_segment_is_bounded():
    text = " ".join(["palabra"] * 5000)
    ranges = split_over_parts(text, [0.5, 0.5], [84, 84], "es")
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert abs(ranges[0][1] - len(text) / 2) < 20


# -- hypothesis -------------------------------------------------------------------------------------

_src_words = st.sampled_from(["I", "was", "going", "there", "the", "man", "and", "you", "Hello", "so", "big"])
_tgt_words = st.sampled_from(["yo", "iba", "allí", "el", "hombre", "y", "tú", "Hola", "muy", "grande",
                              "extraordinariamente", "¿qué?", "sí,", "no.", "de"])


@st.composite
def cue_text(draw):
    words = draw(st.lists(_src_words, min_size=1, max_size=8))
    end = draw(st.sampled_from(["", ".", "?", "...", ","]))
    text = " ".join(words) + end
    if draw(st.booleans()) and draw(st.booleans()):
        text = "- " + text + "\n- " + " ".join(draw(st.lists(_src_words, min_size=1, max_size=4))) + "."
    return text


@st.composite
def translated_transcripts(draw):
    n = draw(st.integers(1, 7))
    texts = [draw(cue_text()) for _ in range(n)]
    kinds = [draw(st.sampled_from(["dialogue"] * 5 + ["sdh", "comment"])) for _ in range(n)]
    cues, t = [], 0
    for i, text in enumerate(texts):
        t += draw(st.integers(0, 1500))
        dur = draw(st.integers(0, 4000))
        cues.append(Cue(index=i, start=t, end=t + dur, raw=text, text=text, kind=kinds[i]))
        t += dur
    tr = segment(Transcript(path="h.srt", format="srt", language="en", cues=cues))
    for seg in tr.segments:
        if draw(st.integers(0, 9)) > 0:
            words = draw(st.lists(_tgt_words, min_size=1, max_size=14))
            seg.translations["es"] = Translation(lang="es", text=" ".join(words))
    return tr


def _strip_dash(line: str) -> str:
    return line[2:] if line.startswith("- ") else line


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(translated_transcripts(), st.sampled_from(["netflix", "bbc", "ebu", "netflix-children"]))
def test_fit_properties(tr: Transcript, profile_name: str):
    profile = get_profile(profile_name)
    before = copy.deepcopy(tr.cues)
    fitted = fit(tr, "es", profile=profile)
    # cue count, order, in-times and texts never change
    assert tr.cues == before
    indexes = [f.cue for f in fitted]
    assert indexes == sorted(set(indexes))
    translated = {p.cue for s in tr.segments if "es" in s.translations for p in s.parts}
    assert set(indexes) == translated
    gap = profile.min_gap_ms()
    for f in fitted:
        cue = tr.cues[f.cue]
        assert f.end is not None and cue.end is not None and cue.start is not None
        assert cue.end <= f.end <= cue.end + profile.max_extend_ms
        if f.end > cue.end:
            later = [c.start for c in tr.cues if c.start is not None and c.start >= cue.end and c.index != cue.index
                     and c.kind != "comment"]
            if later:
                assert f.end <= min(later) - gap
        # no line over the limit (every target word fits a line)
        assert all(len(line) <= profile.max_chars("es") for line in f.lines)
        assert f.text == "\n".join(f.lines)
        assert len(f.lines) <= profile.max_lines
    cut = {f.cue for f in tr.findings if f.check == "fit.too-many-lines" and f.severity == "critical"}
    assert all(f.text.endswith("…") for f in fitted if f.cue in cut)
    # every target word appears exactly once across cues, in order, when every segment is translated
    # and no cue had to be cut to the line limit
    if all("es" in s.translations for s in tr.segments) and not cut:
        expected = [w for s in tr.segments for w in s.translations["es"].text.split()]
        got = [w for f in fitted for line in f.lines for w in _strip_dash(line).split()]
        assert got == expected
    # pieces cover each translation exactly, in order
    for seg in tr.segments:
        if "es" not in seg.translations:
            continue
        pieces = [p for f in fitted for p in f.pieces if p[0] == seg.id]
        text = seg.translations["es"].text
        joined = " ".join(text[s:e] for _, s, e in pieces if e > s)
        assert joined.split() == text.split()
    for finding in tr.findings:
        assert finding.check in ("fit.too-many-lines", "fit.too-long", "fit.cps", "fit.empty")
        assert finding.lang == "es"
        assert finding.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=4), st.text(max_size=120),
       st.sampled_from(["en", "es", "ja", "zh", "ar", "xx"]))
def test_fit_survives_any_unicode(sources, target, lang):
    tr = make([s.replace("\n", " ") for s in sources], dur=1000, gap=0)
    for seg in tr.segments:
        seg.translations[lang] = Translation(lang=lang, text=target)
    fitted = fit(tr, lang, profile=NETFLIX)
    width = NETFLIX.max_chars(lang)
    split = {f.cue for f in tr.findings if f.check == "fit.too-long"}
    for f in fitted:
        assert f.text == "\n".join(f.lines)
        if f.cue not in split:
            assert all(len(line) <= width for line in f.lines)
    for seg in tr.segments:
        pieces = [p for f in fitted for p in f.pieces if p[0] == seg.id]
        joined = "".join(target[s:e] for _, s, e in pieces)
        assert "".join(joined.split()) == "".join(target.split())
