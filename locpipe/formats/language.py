"""Which language a subtitle file is in, when nobody said (no ``--from``).

Without this, a French file read with no ``--from`` is analysed as English: every French word is a
"word no English dictionary knows" (1,821 dialect flags on a 1,000-cue French SRT) and translation runs an
English model on French text. Two pieces of evidence, in this order:

1. **The text**: the share of its words that are one language's most frequent function words ("the",
   "you", "it"; "le", "vous", "est"; "der", "nicht", "ist"). Function words make up a third to half of
   any dialogue and are each language's own, so a few lines are enough to tell even neighbours apart
   (Spanish and Portuguese, Danish and Norwegian). Scripts of their own (Greek, Hebrew, Arabic, Thai,
   Devanagari, Hangul, kana, Han) name their language directly.
2. **The file name**, the players' convention ``film.fr.srt``, ``film-pt-BR.vtt``, ``en.srt``: used when
   the text is too short or too mixed to tell.

:func:`identify` returns the language with what it rests on, for the ``parse.language`` finding. The
word lists are ours: each language's most frequent function words of spoken dialogue, as subtitles
write them; elided forms appear as their first part ("c'est" → "c", "est"; "don't" → "don", "t").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

#: per language, its most frequent function words of dialogue (data, not branches)
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and you i to a of it is that in what this me we he for my your on have was be not are with "
              "just but don t s know they can do so all there she him her get go here if at about right "
              "yeah out up how like why would will were been did now well from want okay oh then think because "
              "who as by an or our us come got them when where his going ll re ve m d let",
        "es": "el la de que y en un una los las es no por con para lo me se te mi tu su qué está estoy pero como "
              "más muy bien eso esto este esta yo él ella sí ya aquí hay del al cuando donde porque nos le les "
              "todo nada puedo tengo vamos ser hacer ahora fue era señor gracias hola también quiero sé hace "
              "usted algo tiene estás eres dónde mí ti quieres puedes tienes podemos pues nunca siempre nadie",
        "fr": "le la les de des du un une et est je tu il elle nous vous ils que qui ne pas ce ça en dans pour "
              "sur avec mais ou on au aux se sa son ses mon ma mes ton ta moi toi lui y oui non bien très plus "
              "tout fait être avoir suis sont était c j n qu l d là ici comme quoi où alors monsieur merci rien "
              "peut faire va ai as",
        "de": "der die das und ist ich du nicht sie es ein eine zu den dem mit sich auf für was wie wir ihr mir "
              "mich dich dir ja nein aber auch noch nur hier jetzt schon mal doch kann habe hast hat sind war bin "
              "bist gut wenn dass von im ins zum zur nach oder wo warum wer kein keine nichts mein dein uns euch "
              "einen sehr",
        "it": "il lo la gli le di che e è un una non per con mi ti si ci sono sei ho hai ha abbiamo questo questa "
              "quello cosa come ma se anche più molto bene qui qua lì del della dei nel nella al alla da dal "
              "perché quando dove chi io tu lui lei noi voi loro sì grazie signore fatto essere tutto niente "
              "allora ecco andiamo l d c sto",
        "pt": "o a os as de do da dos das que e é um uma não em no na nos nas por para com se me te eu você ele "
              "ela nós eles isso isto este esta esse essa meu minha seu sua mas como mais muito bem aqui lá está "
              "estou estava tem tenho foi era ser fazer vamos sim obrigado obrigada senhor quando onde porque "
              "quem tudo nada agora já ao pelo pela também vai sei",
        "ca": "el la els les de que i en un una no per amb em et es ha és està estic però com més molt bé això "
              "aquest aquesta jo ell ella sí ja aquí hi del al quan on perquè ens li tot res puc tinc anem ser "
              "fer ara va era senyor gràcies hola també vull sé fa",
        "nl": "de het een en van ik je jij u hij zij ze wij we niet is dat die dit deze wat er in op te met voor "
              "naar maar ook nog al als om zijn was ben bent heb hebt heeft hebben kan kun wil moet ga gaat hier "
              "daar nu dan wel geen niets mijn jouw jullie ons mij hem haar waarom hoe waar wie ja nee dank goed "
              "zo toch",
        "sv": "och att det som en ett är jag du han hon vi ni de inte på med för till av har hade var vad den kan "
              "ska vill här där nu så men om mig dig honom henne oss er min din sin bara också ja nej tack bra "
              "hur varför vem inget ingen måste",
        "da": "og at det der en et er jeg du han hun vi de ikke på med for til af har havde var hvad den kan skal "
              "vil her nu så men om mig dig ham hende os min din sin bare også ja nej tak godt hvordan hvorfor "
              "hvem ingen noget jo hvor blive går",
        "nb": "og at det som en et er jeg du han hun vi dere de ikke på med for til av har hadde var hva den kan "
              "skal vil her der nå så men om meg deg ham henne oss min din sin bare også ja nei takk bra hvordan "
              "hvorfor hvem ingen noe hvor bli går",
        "pl": "w nie się na to że z jest do jak co ale tak o mi mnie ja ty on ona my wy oni jestem jesteś był "
              "była tu tam już może tylko czy dla po od go jej ich ten ta proszę dziękuję dobrze wszystko nic "
              "teraz gdzie dlaczego kto być mam masz ma",
        "cs": "a je to se na že v s z do jak co ale tak o mi mě já ty on ona my vy oni jsem jsi jsme byl byla "
              "tady tam už může jen nebo pro po od ho jí jejich ten ta prosím děkuji dobře všechno nic teď kde "
              "proč kdo být mám máš má není",
        "sk": "a je to sa na že v s z do ako čo ale tak o mi ma ja ty on ona my vy oni som si sme bol bola tu tam "
              "už môže len alebo pre po od ho jej ich ten tá prosím ďakujem dobre všetko nič teraz kde prečo kto "
              "byť mám máš má nie",
        "ro": "și în de la cu pe nu că o un este e sunt ești am ai are ce mai dar sau ca să se mă te îl eu tu el "
              "ea noi voi ei acest această asta aici acolo acum bine da mulțumesc domnule tot nimic unde cine "
              "fost fi",
        "fi": "ja on ei se että en minä sinä hän me te he olen olet oli ovat mitä mikä kuka missä miksi tämä "
              "tuo niin kun mutta tai jos nyt täällä siellä vain myös kiitos hyvä kaikki mitään minun sinun "
              "hänen meidän joo ole voi",
        "hu": "a az és hogy nem egy is van volt meg de ez mi ki mit ha már csak még én te ő ti ők itt ott most "
              "jó igen köszönöm minden semmi hol miért vagyok vagy nagyon el be fel le",
        "tr": "bir ve bu da de ne ben sen o biz siz onlar değil mi mı mu için ile ama çok var yok evet hayır "
              "şey gibi daha şimdi burada orada neden nasıl kim nerede her sana bana beni seni onu tamam iyi",
        "id": "yang dan di ini itu aku saya kamu anda dia kita kami mereka tidak apa ke dari untuk dengan ada "
              "akan sudah bisa mau tapi jika kalau juga sini sana sekarang ya tak bukan siapa mengapa kenapa "
              "bagaimana terima kasih baik semua",
        "ru": "и в не на я что он с это а как ты мы вы она они но так у меня тебя его её да нет все всё был "
              "была мне тебе здесь там сейчас уже еще ещё только может почему где кто хорошо спасибо пожалуйста "
              "этот эта к по за из от же ли бы вот ну",
        "uk": "і в не на я що він з це а як ти ми ви вона вони але так у мене тебе його її ні все був була мені "
              "тобі тут там зараз вже ще тільки може чому де хто добре дякую будь ласка цей ця до по за від же "
              "би ось ну є",
    }.items()
}
#: per function word, the languages whose list holds it
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGS_OF[_word] = (*_LANGS_OF.get(_word, ()), _lang)
#: scripts that name their language (the first letter's Unicode name starts with the key)
SCRIPTS: dict[str, str] = {
    "GREEK": "el", "HEBREW": "he", "THAI": "th", "DEVANAGARI": "hi", "HANGUL": "ko", "HIRAGANA": "ja",
    "KATAKANA": "ja", "CJK": "zh", "ARABIC": "ar", "GEORGIAN": "ka", "ARMENIAN": "hy", "BENGALI": "bn",
    "TAMIL": "ta",
}
#: letters only Persian (and Urdu) add to the Arabic script
_PERSIAN = frozenset("پچژگ")
#: 3-letter (ISO 639-2) tags players write in file names, and their 2-letter codes
_THREE: dict[str, str] = {
    "eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "ita": "it", "por": "pt",
    "nld": "nl", "dut": "nl", "swe": "sv", "dan": "da", "nor": "nb", "nob": "nb", "pol": "pl", "ces": "cs",
    "cze": "cs", "slk": "sk", "slo": "sk", "ron": "ro", "rum": "ro", "fin": "fi", "hun": "hu", "tur": "tr",
    "ind": "id", "rus": "ru", "ukr": "uk", "ell": "el", "gre": "el", "heb": "he", "ara": "ar", "jpn": "ja",
    "kor": "ko", "zho": "zh", "chi": "zh", "hin": "hi", "cat": "ca", "tha": "th", "vie": "vi", "per": "fa",
    "fas": "fa",
}
#: 2-letter codes accepted as a file name's language tag
_TWO = frozenset(FUNCTION_WORDS) | frozenset(SCRIPTS.values()) | frozenset(_THREE.values()) | frozenset(
    ["no", "sl", "hr", "sr", "bs", "bg", "mk", "lt", "lv", "et", "is", "ga", "cy", "eu", "gl", "sq", "ms", "tl", "sw", "af"])
#: codes that are also English words: a tag only after a dot or as the whole name ("film.no.srt", not
#: "playresx-no.ass")
_WORDLIKE = frozenset(["no", "it", "is", "he", "hi", "id", "ca", "my", "be", "as", "to", "am", "an"])
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2}|[a-z]{4}|\d{3}))?$")
#: words the text needs before its function words decide (fewer: too little to tell)
MIN_WORDS = 12
#: letters a script needs before it names the language (one stray "Ͱ" does not make a Greek file)
MIN_LETTERS = 8
#: function-word hits the best language needs, and its lead over the next (a ratio of the scores, and
#: words' worth); neighbours share many words, so a Danish text leads Norwegian by less than English leads
#: anything
MIN_HITS = 5
MIN_LEAD = 1.25
MIN_MARGIN = 2.0
#: words read at most (the first of the file; enough to tell, cheap on a feature film)
MAX_WORDS = 3000


@dataclass
class Identified:
    """Attributes:
    lang: the language code ("" when neither the text nor the name tells).
    source: ``text``, ``script``, ``name`` or ``""``.
    reason: what it rests on, in words, for the ``parse.language`` finding.
    name_lang: the language the file name's tag says, when it has one.
    """

    lang: str
    source: str
    reason: str = ""
    name_lang: str = ""


def language_from_name(path: str | PurePath) -> str:
    """The language tag of a subtitle file name (``film.fr.srt``, ``film-pt-BR.vtt``, ``fr.srt``,
    ``film.eng.srt``), as a lowercase code with its region (``pt-br``), or ""."""
    stem = PurePath(str(path)).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    dotted = stem.rsplit(".", 1)[-1]  # the last dotted part, or the whole stem
    candidates = [(dotted, True)]
    parts = re.split(r"[-_ ]", dotted)
    if len(parts) >= 2:
        candidates += [("-".join(parts[-2:]), False), (parts[-1], False)]  # "film-pt-BR" → "pt-BR", then "BR"
    for candidate, whole in candidates:
        m = _TAG.match(candidate.lower())
        if not m or (not whole and not m.group(2) and m.group(1) in _WORDLIKE):
            continue
        code = _THREE.get(m.group(1), m.group(1))
        code = "nb" if code == "no" else code  # Norwegian: the written standard spaCy and the models know
        if code in _TWO:
            return code + (f"-{m.group(2)}" if m.group(2) else "")
    return ""


def _script_language(text: str) -> tuple[str, float] | None:
    """The language a script of its own names, with the share of letters in it, when most letters are
    not Latin or Cyrillic."""
    scripts: Counter[str] = Counter()
    letters = 0
    persian = False
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            scripts["LATIN"] += 1
            continue
        name = unicodedata.name(ch, "")
        first = name.split(" ", 1)[0]
        if first in SCRIPTS:
            scripts[first] += 1
            persian = persian or ch in _PERSIAN
        else:
            scripts[first] += 1
    if letters < MIN_LETTERS:
        return None
    if scripts["HIRAGANA"] + scripts["KATAKANA"] > 0.05 * letters:
        return "ja", (scripts["HIRAGANA"] + scripts["KATAKANA"] + scripts["CJK"]) / letters
    script, count = max(((s, n) for s, n in scripts.items() if s in SCRIPTS), key=lambda x: x[1], default=("", 0))
    if count < 0.5 * letters:
        return None
    lang = SCRIPTS[script]
    return ("fa" if lang == "ar" and persian else lang), count / letters


def identify(texts: Iterable[str], path: str | PurePath = "") -> Identified:
    """The language of ``texts`` (a file's cue texts), falling back on ``path``'s name tag."""
    words: list[str] = []
    sample: list[str] = []
    for text in texts:
        sample.append(text)
        words.extend(_WORD.findall(text.lower()))
        if len(words) >= MAX_WORDS:
            break
    name_lang = language_from_name(path) if path else ""
    joined = " ".join(sample)
    script = _script_language(joined)
    if script is not None:
        lang, share = script
        return Identified(lang, "script", f"{share:.0%} of its letters are in the script of {lang}", name_lang)
    if len(words) >= MIN_WORDS:
        # a word shared by k languages' lists counts 1/k for each: "ikke" says Danish or Norwegian,
        # "hvad" says Danish
        counts = Counter(words)
        scores: dict[str, float] = defaultdict(float)
        hits: Counter[str] = Counter()
        for word, count in counts.items():
            langs = _LANGS_OF.get(word)
            if langs:
                for lang in langs:
                    scores[lang] += count / len(langs)
                    hits[lang] += count
        ranked = [*sorted(scores.items(), key=lambda kv: -kv[1])[:2], ("", 0.0), ("", 0.0)]
        (best, score), (second, runner_up) = ranked[0], ranked[1]
        n = hits[best]
        if (n >= MIN_HITS and score >= MIN_LEAD * runner_up and score - runner_up >= MIN_MARGIN
                and n >= 0.15 * len(words)):
            return Identified(best, "text", f"{n / len(words):.0%} of its {len(words):,} words are {best} function "
                              f"words (next: {second}, {hits[second] / len(words):.0%})", name_lang)
    if name_lang:
        return Identified(name_lang, "name", f"the file name's tag says {name_lang}", name_lang)
    return Identified("", "", "", "")
