"""Which language a file is in when no --from says it: function words, scripts, file-name tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.formats import load, loads
from locpipe.formats.language import MIN_WORDS, identify, language_from_name

#: a few lines of dialogue per language, written for these tests
DIALOGUE = {
    "en": ["I don't know what you want from me.", "We can't stay here, it's not safe.",
           "Where were you last night? I called you twice."],
    "es": ["No sé qué quieres de mí.", "No podemos quedarnos aquí, no es seguro.",
           "¿Dónde estabas anoche? Te llamé dos veces y no contestaste."],
    "pt": ["Eu não sei o que você quer de mim.", "Não podemos ficar aqui, não é seguro.",
           "Onde você estava ontem à noite? Eu te liguei duas vezes."],
    "fr": ["Je ne sais pas ce que tu veux de moi.", "On ne peut pas rester ici, c'est pas sûr.",
           "Tu étais où hier soir ? Je t'ai appelé deux fois."],
    "it": ["Non so cosa vuoi da me.", "Non possiamo restare qui, non è sicuro.",
           "Dove eri ieri sera? Ti ho chiamato due volte e non hai risposto."],
    "de": ["Ich weiß nicht, was du von mir willst.", "Wir können nicht hier bleiben, es ist nicht sicher.",
           "Wo warst du gestern Abend? Ich habe dich zweimal angerufen."],
    "nl": ["Ik weet niet wat je van mij wilt.", "We kunnen hier niet blijven, het is niet veilig.",
           "Waar was je gisteravond? Ik heb je twee keer gebeld."],
    "da": ["Jeg ved ikke, hvad du vil have af mig.", "Vi kan ikke blive her, det er ikke sikkert.",
           "Hvor var du i går aftes? Jeg har ringet til dig to gange."],
    "nb": ["Jeg vet ikke hva du vil med meg.", "Vi kan ikke bli her, det er ikke trygt.",
           "Hvor var du i går kveld? Jeg har ringt deg to ganger, og du svarte ikke."],
    "sv": ["Jag vet inte vad du vill med mig.", "Vi kan inte stanna här, det är inte säkert.",
           "Var var du i går kväll? Jag har ringt dig två gånger."],
    "pl": ["Nie wiem, czego ode mnie chcesz.", "Nie możemy tu zostać, to nie jest bezpieczne.",
           "Gdzie byłeś wczoraj wieczorem? Dzwoniłem do ciebie dwa razy."],
    "ru": ["Я не знаю, что ты от меня хочешь.", "Мы не можем здесь остаться, это не безопасно.",
           "Где ты был вчера вечером? Я звонил тебе два раза."],
}


@pytest.mark.parametrize("lang", sorted(DIALOGUE))
def test_a_few_lines_of_dialogue_tell_their_language(lang: str) -> None:
    found = identify(DIALOGUE[lang])
    assert (found.lang, found.source) == (lang, "text")
    assert f"are {lang} function words" in found.reason


@pytest.mark.parametrize(("text", "lang"), [
    ("Δεν ξέρω τι θέλεις από μένα. Δεν μπορούμε να μείνουμε εδώ.", "el"),
    ("私はあなたが何を望んでいるのか分かりません。", "ja"),
    ("我不知道你想从我这里得到什么。我们不能待在这里。", "zh"),
    ("나는 네가 나에게 무엇을 원하는지 모르겠어.", "ko"),
    ("لا أعرف ماذا تريد مني. لا يمكننا البقاء هنا.", "ar"),
    ("نمی دانم از من چه می خواهی. نمی توانیم اینجا بمانیم، پس برو.", "fa"),
    ("אני לא יודע מה אתה רוצה ממני.", "he"),
])
def test_a_script_of_its_own_names_its_language(text: str, lang: str) -> None:
    found = identify([text])
    assert (found.lang, found.source) == (lang, "script")


def test_too_little_text_falls_back_on_the_file_name_then_on_nothing() -> None:
    short = ["Hola."]
    assert len(short[0].split()) < MIN_WORDS
    assert identify(short, "film.es.srt").lang == "es"
    assert identify(short, "film.es.srt").source == "name"
    assert identify(short, "film.srt").lang == ""
    # the text wins over a wrong tag, and the tag is kept for the finding
    found = identify(DIALOGUE["fr"], "film.en.srt")
    assert (found.lang, found.name_lang) == ("fr", "en")


@pytest.mark.parametrize(("name", "lang"), [
    ("film.fr.srt", "fr"), ("en.srt", "en"), ("film.eng.srt", "en"), ("Film.FRE.ass", "fr"),
    ("film-pt-BR.vtt", "pt-br"), ("film.pt_BR.srt", "pt-br"), ("sintel-de.vtt", "de"), ("ep_01_es.srt", "es"),
    ("film.no.srt", "nb"), ("film.srt", ""), ("episode-2.srt", ""), ("playresx_sbas-no.ass", ""),
    ("the-end.srt", ""), ("notes_it.srt", ""), ("film.zz.srt", ""),
])
def test_file_name_tags(name: str, lang: str) -> None:
    assert language_from_name(name) == lang


SRT_FR = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}\n\n" for i, line in enumerate(DIALOGUE["fr"], 1))


def test_load_says_which_language_it_read_and_why(tmp_path: Path) -> None:
    path = tmp_path / "film.srt"
    path.write_text(SRT_FR, encoding="utf-8")
    transcript = load(path)
    assert transcript.language == "fr"
    said = [f for f in transcript.findings if f.check == "parse.language"]
    assert len(said) == 1 and said[0].severity == "info" and said[0].path == str(path)
    assert said[0].message.startswith("source language fr: ") and said[0].message.endswith("pass --from if it is wrong")


def test_a_given_language_is_kept_and_not_second_guessed() -> None:
    transcript = loads(SRT_FR.encode(), path="film.srt", language="en")
    assert transcript.language == "en"
    assert not [f for f in transcript.findings if f.check == "parse.language"]


def test_the_region_of_a_name_tag_is_dropped_for_the_pipeline() -> None:
    transcript = loads(b"1\n00:00:01,000 --> 00:00:02,000\nOi.\n", path="film.pt-BR.srt")
    assert transcript.language == "pt"
    assert "the file name's tag says pt-br" in transcript.findings[0].message


def test_english_read_as_english_is_not_worth_a_finding_unless_the_name_says_otherwise() -> None:
    english = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}\n\n" for i, line in enumerate(DIALOGUE["en"], 1))
    transcript = loads(english.encode(), path="film.srt")
    assert transcript.language == "en" and not transcript.findings
    transcript = loads(english.encode(), path="film.de.srt")
    assert transcript.language == "en"
    assert [f.message for f in transcript.findings] == [
        "source language en: 78% of its 27 words are en function words (next: ca, 7%); the file name says de; "
        "pass --from if it is wrong"]


def test_a_stray_letter_of_another_script_names_no_language() -> None:
    assert identify(["Ͱ"]).lang == ""
    assert identify(["Ωμέγα"]).lang == ""
