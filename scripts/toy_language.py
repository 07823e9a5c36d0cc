"""The toy languages of locpipe's test models: a word-for-word code of English.

Rule (the same for "xa" / Toy A and "xb" / Toy B, which share one lexicon):

* every English word of :data:`ENGLISH_WORDS` maps to one invented lowercase toy word
  (``tests/data/models/toy_lexicon.json`` holds the mapping; it is generated once from a fixed seed);
* word order, spacing and punctuation are kept exactly;
* numbers (runs of digits) and the names of :data:`NAMES` are copied unchanged;
* capitalisation is carried over: ``word`` → ``toy``, ``Word`` → ``Toy``, ``WORD`` → ``TOY``
  (the models were trained on the first two forms only).

So the expected output of the test model for an English sentence made of known words is exact::

    import sys; sys.path.insert(0, "scripts")
    import toy_language
    toy_language.to_toy("Hello, Anna. I have 3 cats!")   # → e.g. "Zimo, Anna. Ka lube 3 dovas!"
    toy_language.from_toy(toy_language.to_toy(s)) == s

Standard library only: tests import it without torch or transformers.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON_PATH = ROOT / "tests" / "data" / "models" / "toy_lexicon.json"
SEED = 20240601

#: The English vocabulary the test model knows (lowercase; "i" is written "I" in text).
_WORDS = """
    a about above across after again against all almost alone already also always am an and angry
    another answer any anyone anything anyway are arm around as ask asked at away baby back bad bag bed
    been before begin behind believe best better between big bird birthday black blue boat body book
    both box boy bread break bring brother brought but buy by call called came can can't car careful
    cat catch chair child children city close closed cold come coming could couldn't cry dad dark
    daughter day dead dear did didn't die different do doctor does doesn't dog don't done door down
    dream drink drive during each early earth easy eat end enough even evening ever every everyone
    everything eye eyes face family far fast father feel fire first fish five floor fly follow food
    for forget found four free friend friends from front full fun funny game garden gave get girl give
    glad go god going gone good got great green ground gun had hair half hand hands happen happened
    happy hard has hat hate have he he's head hear heard heart hello help her here hey hi him his
    hold home hope horse hot hour house how hungry hurry hurt husband i i'll i'm i've idea if in
    inside into is isn't it it's job just keep key kill kind king kiss knew know lady last late
    later laugh learn leave left let let's letter life light like listen little live long look
    looking lost love made make man many maybe me mean men might mind minute minutes miss money moon
    more morning most mother move mr much mum music must my name need never new news next nice night
    no nobody not nothing now of off office oh ok okay old on once one only open or other our out
    outside over own paper party people perhaps phone picture place plan play please police poor
    pretty problem put queen question quick quiet rain read ready real really red remember right
    river road room run sad said same saw say school sea see seen sell send she she's ship shoes
    shop short should show shut sick side sing sister sit sky sleep slow small smile snow so some
    someone something sometimes son song soon sorry speak stand star start stay still stop story
    street strong sun sure table take talk tea tell ten than thank thanks that that's the their them
    then there there's these they they're thing things think this those three through time tired to
    today together told tomorrow tonight too took town tree true trust try turn two uncle under
    understand until up us very wait walk want wanted war warm was wash watch water way we we're
    wear week well went were what what's when where which white who why wife will win window winter
    wish with without woman won't wonderful word work world worry would wrong yeah year years yellow
    yes yesterday yet you you're young your
"""
ENGLISH_WORDS: tuple[str, ...] = tuple(_WORDS.split())

#: Names copied unchanged by the toy language.
_NAMES = """
    Anna Tom Marie Sam Lucy Jack Emma Paul Sarah Ben Nora Leo Clara Max Ada Oscar Julia Hugo Eva
    Felix Rosa Victor Alice Peter London Paris Berlin Rome Monday Friday Christmas
"""
NAMES: tuple[str, ...] = tuple(_NAMES.split())

WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


def generate_lexicon(seed: int = SEED) -> dict[str, str]:
    """Invent one toy word per English word, deterministically from ``seed``.

    Toy words are 1–3 consonant-vowel syllables (longer English words get longer toy words),
    sometimes closed by a consonant; they never equal an English word, a name or another toy word.
    """
    rng = random.Random(seed)
    taken = {w.lower() for w in ENGLISH_WORDS} | {n.lower() for n in NAMES}
    lexicon: dict[str, str] = {}
    for word in ENGLISH_WORDS:
        letters = len(word.replace("'", ""))
        syllables = 1 if letters <= 2 else 2 if letters <= 6 else 3
        while True:
            toy = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syllables))
            if rng.random() < 0.35:
                toy += rng.choice("lmnrs")
            if len(toy) >= 3 and toy not in taken:
                break
            syllables += rng.random() < 0.2  # crowded short forms: sometimes grow
        taken.add(toy)
        lexicon[word] = toy
    return lexicon


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, str]:
    """English → toy mapping from ``tests/data/models/toy_lexicon.json`` (generated when absent)."""
    if LEXICON_PATH.is_file():
        data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
        return dict(data["words"])
    return generate_lexicon()


@lru_cache(maxsize=1)
def _reverse_lexicon() -> dict[str, str]:
    return {toy: en for en, toy in load_lexicon().items()}


def _match_case(word: str, source: str) -> str:
    if len(source) > 1 and source.isupper():
        return word.upper()
    if source[0].isupper():
        return word[0].upper() + word[1:]
    return word


def _convert(text: str, table: dict[str, str], *, strict: bool) -> str:
    names = set(NAMES)

    def repl(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in names:
            return word
        key = word.lower().replace("’", "'")
        if key not in table:
            if strict:
                raise KeyError(f"{word!r} is not in the toy lexicon")
            return word
        return _match_case(table[key], word)

    return WORD_RE.sub(repl, text)


def to_toy(text: str, *, strict: bool = True) -> str:
    """The exact toy translation of English ``text`` (``strict``: unknown words raise KeyError)."""
    return _convert(text, load_lexicon(), strict=strict)


def from_toy(text: str, *, strict: bool = True) -> str:
    """The exact English for toy ``text`` ("I" comes back capitalised as in the toy text)."""
    return _convert(text, _reverse_lexicon(), strict=strict)


def is_known(text: str) -> bool:
    """True when every word of ``text`` is an English word of the lexicon or a name."""
    lexicon = load_lexicon()
    return all(w in NAMES or w.lower().replace("’", "'") in lexicon for w in WORD_RE.findall(text))
