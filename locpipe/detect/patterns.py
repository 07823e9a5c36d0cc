"""The template compiler: lexicon template strings → spaCy Matcher token patterns.

Template syntax (``docs/lexicons.md``)::

    spill the beans            plain words match by lemma, case-insensitively
    lose one's temper          one's / someone's: a possessive slot (my, his, Tom's …)
    pull someone's leg
    give someone a hand        someone / somebody: an object slot (him, the new guy …)
    make something up          something: a slot of 1–3 words
    make a fool of oneself     oneself: a reflexive pronoun
    (the) last straw           (word): optional
    a|the piece of cake        a|the: alternatives

Matching is by lowercase lemma on both sides: the template's words go through
the same context-free lookup table as the text (see
:func:`locpipe.detect.components.lemma_norm`), so "spilling", "spilled" and
"spilt" all meet "spill" and the table's quirks cancel out. On top of the
template, the compiler adds the flexibility dialogue needs: "a" and "an" are
one word; a modifier may sit after a determiner or possessive ("keep a close
eye on", "lost his bloody temper"); a common adverb may sit after the first
word ("spill all the beans"); a hyphen in a template is optional; a slot at
the end of a template is optional (its object is often a long phrase or
comes later).

Idioms compile in flexible mode (``compile(..., flexible=True)``, English) with
the variation running text shows: an object pronoun after a leading verb ("it
cost me an arm and a leg"), a quantifier before a plural key noun ("pull a few
strings"), adverbs before a preposition ("right on the head") and after "be",
an intensifier before a modifier ("a very close eye"), punctuation between words
("spill the... beans"), any possessive for a written one, a leading state verb's
equivalents ("stay in the red"), contractions and full forms ("it's" / "it is"),
British and American spellings ("favour" / "favor"), plural nouns and no leading
article ("blessings in disguise"), an optional "be" after a leading noun ("his
head is in the clouds"). :func:`template_variants` adds other shapes: passives
(also of a template with an object slot: "he was caught red-handed"), "have/get"
passives ("had the rug pulled from under him"), particle shifts, "into" after a
verb of movement ("went into the red") and shortened sayings ("when the going
gets tough").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import LexiconError

TokenSpec = dict[str, Any]
Pattern = list[TokenSpec]

_POSS_CLITICS = ["'s", "’s", "'", "’"]

#: Closed-class word lists per language, used by the slots. Data, not branches.
SLOT_WORDS: dict[str, dict[str, list[str]]] = {
    "en": {
        "poss": ["my", "your", "his", "her", "its", "our", "their", "one's", "thy", "yer", "me", "ma"],
        "obj": ["me", "you", "him", "her", "us", "them", "it", "'em", "ya", "yous", "one", "somebody",
                "someone", "everyone", "everybody", "anyone", "anybody", "nobody", "people", "thee"],
        "refl": ["myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
                 "themselves", "oneself", "themself", "meself", "hisself"],
        "det": ["a", "an", "the", "this", "that", "my", "your", "his", "her", "its", "our", "their",
                "some", "any", "no", "every", "another", "one"],
        "objmark": [],
        "connectors": ["and", "or", "of", "to"],
        "articles": ["a", "an", "the"],
        "modals": ["can", "could", "will", "would", "should", "must", "may", "might", "'ll", "ca", "wo"],
        "subj": ["one", "i", "you", "he", "she", "we", "they", "it", "someone", "anyone", "everyone", "ya", "y'all"],
        "adverbs": ["really", "just", "totally", "completely", "all", "even", "ever", "never", "not", "always",
                    "finally", "actually", "almost", "nearly", "already", "still", "also", "quite", "simply",
                    "certainly", "probably", "definitely", "literally", "seriously", "properly", "right",
                    "n't", "sure", "only", "then", "now", "so", "too", "well"],
    },
    "es": {
        "poss": ["mi", "tu", "su", "nuestro", "nuestra", "vuestro", "vuestra", "mis", "tus", "sus",
                 "nuestros", "nuestras", "vuestros", "vuestras"],
        "obj": ["me", "te", "le", "lo", "la", "nos", "os", "les", "los", "las", "alguien", "nadie"],
        "refl": ["me", "te", "se", "nos", "os"],
        "det": ["el", "la", "los", "las", "un", "una", "unos", "unas", "mi", "tu", "su", "este", "esta",
                "ese", "esa", "nuestro", "nuestra"],
        "objmark": ["a"],
        "connectors": ["y", "e", "o", "u", "de", "a", "que", "con", "en"],
        "articles": ["el", "la", "los", "las", "un", "una"],
        "adverbs": ["no", "ya", "nunca", "siempre", "también", "todavía", "realmente", "solo", "sólo",
                    "muy", "bien", "casi", "incluso"],
    },
    "fr": {
        "poss": ["mon", "ton", "son", "ma", "ta", "sa", "mes", "tes", "ses", "notre", "votre", "leur",
                 "nos", "vos", "leurs"],
        "obj": ["me", "m'", "te", "t'", "le", "la", "l'", "lui", "nous", "vous", "leur", "les",
                "quelqu'un", "personne"],
        "refl": ["me", "m'", "te", "t'", "se", "s'", "nous", "vous"],
        "det": ["le", "la", "l'", "les", "un", "une", "des", "du", "mon", "ton", "son", "ma", "ta", "sa",
                "ce", "cet", "cette", "notre", "votre"],
        "objmark": ["à"],
        "connectors": ["et", "ou", "de", "d'", "à", "que", "qu'", "en"],
        "articles": ["le", "la", "les", "l'", "un", "une"],
        "auxiliaries": ["suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez", "étaient",
                        "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "seraient", "fus",
                        "fut", "soit", "sois", "ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "aurai",
                        "aura", "aurait", "être", "avoir", "été"],
        "negation": ["pas", "plus", "jamais", "rien", "point", "guère"],
        "adverbs": ["ne", "n'", "pas", "jamais", "plus", "toujours", "vraiment", "bien", "déjà", "encore",
                    "aussi", "presque", "même", "tout"],
    },
}

#: Slot keywords (lowercase) -> slot name, common to every language, plus per-language aliases.
SLOT_KEYWORDS: dict[str, str] = {
    "one's": "poss", "someone's": "poss", "somebody's": "poss", "one’s": "poss", "someone’s": "poss",
    "someone": "obj", "somebody": "obj",
    "something": "something", "sth": "something",
    "oneself": "refl",
}
SLOT_ALIASES: dict[str, dict[str, str]] = {
    "es": {"alguien": "obj", "algo": "something", "su": "poss", "se": "refl"},
    "fr": {"quelqu'un": "obj", "qqn": "obj", "qqch": "something", "son": "poss", "se": "refl", "s'": "refl"},
}


#: English flexibility for idioms (``compile(..., flexible=True)``): word lists, data not branches
FLEX_EN: dict[str, list[str]] = {
    # an object pronoun may follow a template's leading verb: "cost (me) an arm and a leg", "do (me) a favour"
    "objpron": ["me", "you", "him", "her", "us", "them", "'em", "ya"],
    # adverbs that sit before a template's preposition: "hit the nail right on the head"
    "prepadverbs": ["right", "smack", "bang", "slap", "straight", "just", "all", "way", "completely", "totally",
                    "really", "firmly", "squarely", "well", "still", "now", "already", "deep", "truly", "so"],
    # quantifiers before a plural key noun: "pull (a few) strings", "ruffle (some) feathers"
    "quantifiers": ["a", "few", "couple", "of", "some", "any", "more", "many", "several", "lots", "lot", "those",
                    "these", "all", "the"],
    # before a modifier after a determiner: "a very close eye"
    "intensifiers": ["very", "really", "so", "too", "pretty", "quite", "rather", "real", "bloody", "damn", "big", "little"],
    # a leading state verb has equivalents: "be|stay|keep in the red"
    "stateverbs": ["be", "'s", "'re", "stay", "remain", "keep", "get", "become", "seem", "look", "feel"],
    # verbs of movement before "into" for templates that start with "in": "go into the red"
    "intoverbs": ["go", "get", "fall", "slip", "sink", "run", "plunge", "drift", "head", "put", "send", "drive",
                  "push", "throw", "bring", "land", "dip", "come", "drag", "force", "tip", "lead"],
}
#: a contraction's token in a template → the full words it also matches in the text
CONTRACTIONS: dict[str, list[str]] = {
    "'s": ["is", "has"], "'re": ["are"], "'m": ["am"], "'ll": ["will"], "'ve": ["have"], "'d": ["would", "had"],
    "wo": ["will"], "ca": ["can"], "sha": ["shall"],
}
#: British/American spelling: (ending, other ending) applied both ways to template and text words
SPELLING_ENDINGS: tuple[tuple[str, str], ...] = (
    ("our", "or"), ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"),
    ("yse", "yze"), ("tre", "ter"), ("bre", "ber"), ("ence", "ense"), ("ogue", "og"), ("lled", "led"),
    ("lling", "ling"), ("eable", "able"),
)
#: whole words spelled differently
SPELLING_WORDS: dict[str, str] = {
    "grey": "gray", "mould": "mold", "plough": "plow", "programme": "program", "aeroplane": "airplane",
    "pyjamas": "pajamas", "draught": "draft", "sceptic": "skeptic", "sceptical": "skeptical", "kerb": "curb",
    "cheque": "check", "arse": "ass", "mum": "mom", "jewellery": "jewelry", "moustache": "mustache",
    "whisky": "whiskey", "doughnut": "donut", "storey": "story", "tyre": "tire", "manoeuvre": "maneuver",
}
#: words an object slot's noun phrase never contains (it ends before them: "let the team down", not
#: "let the dog and the cat down")
_SLOT_STOP = ("and", "or", "but", "to", "that", "which", "who", "if", "when", "because", "is", "are", "was", "were",
              "am", "be", "been", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should",
              "not")
#: function words that do not count as content when a saying is cut short
_FUNCTION = frozenset(["a", "an", "the", "if", "when", "while", "and", "or", "but", "you", "it", "they", "we", "he",
                       "she", "i", "me", "him", "her", "us", "them", "is", "are", "be", "was", "ain't", "can't",
                       "don't", "won't", "in", "on", "at", "for", "of", "to", "by", "with", "there", "that", "this",
                       "your", "my", "his", "their", "our", "its", "not", "no", "all", "one", "as", "so", "like"])


@lru_cache(maxsize=65536)
def _spelling_variants(word: str) -> tuple[str, ...]:
    return tuple(spelling_variants(word))


def spelling_variants(word: str) -> list[str]:
    """The other British/American spellings of an English word ("favour" → ["favor"], "realize" → ["realise"])."""
    low = word.lower()
    out: list[str] = []
    if low in SPELLING_WORDS:
        out.append(SPELLING_WORDS[low])
    reverse = {v: k for k, v in SPELLING_WORDS.items()}
    if low in reverse:
        out.append(reverse[low])
    if len(low) >= 5 and low.isalpha():
        for a, b in SPELLING_ENDINGS:
            for x, y in ((a, b), (b, a)):
                if low.endswith(x) and len(low) - len(x) >= 2:
                    out.append(low[: -len(x)] + y)
    return sorted(set(out) - {low})


#: regular conjugation endings, by language and infinitive ending (the lemma tables miss many forms:
#: fr "casse" → the noun "casse", not "casser")
CONJUGATION: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "er": ("e", "es", "ons", "ez", "ent", "é", "ée", "és", "ées", "ais", "ait", "aient", "ions", "iez", "erai",
               "eras", "era", "erons", "erez", "eront", "erais", "erait", "eraient", "ant", "a", "as", "èrent", "er"),
        "ir": ("is", "it", "issons", "issez", "issent", "i", "ie", "is", "ies", "issais", "issait", "issaient",
               "irai", "iras", "ira", "irons", "irez", "iront", "irais", "irait", "issant", "ir"),
    },
    "es": {
        "ar": ("o", "as", "a", "amos", "áis", "an", "é", "aste", "ó", "asteis", "aron", "aba", "abas", "ábamos",
               "aban", "aré", "arás", "ará", "aremos", "arán", "aría", "arías", "ando", "ado", "ada", "ados", "adas",
               "e", "es", "en", "emos", "ad", "ar"),
        "er": ("o", "es", "e", "emos", "éis", "en", "í", "iste", "ió", "imos", "ieron", "ía", "ías", "íamos", "ían",
               "eré", "erás", "erá", "eremos", "erán", "ería", "iendo", "ido", "ida", "idos", "idas", "a", "as", "an",
               "amos", "ed", "er"),
        "ir": ("o", "es", "e", "imos", "ís", "en", "í", "iste", "ió", "ieron", "ía", "ías", "íamos", "ían", "iré",
               "irás", "irá", "iremos", "irán", "iría", "iendo", "ido", "ida", "idos", "idas", "a", "as", "an", "amos",
               "id", "ir"),
    },
}


def folded(lang: str, word: str, lemma: str) -> bool:
    """Whether the es/fr lookup table folds ``word`` (three letters or more, not an infinitive) into another
    word's lemma: "estado" → estar, "juego" → jugar, "doña" → don, "grano" → granar. Matched by that
    lemma, "estado" would be every form of estar; such a word matches its own forms
    (:func:`gender_number_forms`)."""
    return (lang != "en" and lemma != word and len(word) >= 3 and word.isalpha() and not regular_forms(lang, word)
            and not (word.endswith("se") and regular_forms(lang, word[:-2])))


def gender_number_forms(lang: str, word: str) -> list[str]:
    """An es/fr word and its feminine and plural forms as a participle or adjective inflects them
    ("plantado" → plantada, plantados, plantadas; "pris" → prise, prises)."""
    forms = {word}
    if word.endswith(("s", "x", "z")):
        return sorted(forms)
    if lang == "es":
        if word.endswith("o"):
            forms |= {word[:-1] + "a", word + "s", word[:-1] + "as"}
        else:
            forms.add(word + ("s" if word[-1] in "aeiouáéíóú" else "es"))
    else:
        forms |= {word + "s"} if word.endswith("e") else {word + "e", word + "s", word + "es"}
    return sorted(forms)


def regular_forms(lang: str, word: str) -> list[str]:
    """The regular conjugated forms of an es/fr infinitive (empty for anything else)."""
    table = CONJUGATION.get(lang)
    if not table or len(word) < 5 or not word.isalpha():
        return []
    for ending, endings in table.items():
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return sorted({stem + e for e in endings})
    return []


@dataclass
class Compiled:
    """A compiled template.

    Attributes:
        patterns: spaCy Matcher patterns (one per variant).
        anchors: lemmas every match must contain (for prefiltering and literal checks).
    """

    patterns: list[Pattern]
    anchors: list[str] = field(default_factory=list)
    requirements: list[frozenset[str]] = field(default_factory=list)


def token_requirement(spec: TokenSpec, lemmatize: Callable[[str], str]) -> frozenset[str] | None:
    """The lemmas one of which a text must contain for this required token to match (None: any)."""
    if spec.get("OP") not in (None, "+"):
        return None
    for attr, convert in (("LEMMA", lambda v: v), ("LOWER", lemmatize), ("ORTH", lambda v: lemmatize(v.lower()))):
        value = spec.get(attr)
        values = value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else [value] if isinstance(value, str) else None
        if not values or not all(isinstance(v, str) and any(ch.isalnum() for ch in v) for v in values):
            continue
        if attr == "LEMMA" and not all(v == v.lower() for v in values):
            continue
        return frozenset(convert(v) for v in values)
    return None


def requirements_of(patterns: list[Pattern], lemmatize: Callable[[str], str]) -> list[frozenset[str]]:
    """Requirements shared by every variant of a compiled entry."""
    per_pattern = []
    # the patterns of one entry share their token specs' values (shallow copies): look each up once
    memo: dict[tuple[tuple[str, int], ...], frozenset[str] | None] = {}
    for pattern in patterns:
        reqs: set[frozenset[str]] = set()
        for spec in pattern:
            if spec.get("OP") not in (None, "+"):
                continue
            key = tuple((k, id(v)) for k, v in spec.items())
            if key not in memo:
                memo[key] = token_requirement(spec, lemmatize)
            requirement = memo[key]
            if requirement is not None:
                reqs.add(requirement)
        per_pattern.append(reqs)
    shared = set.intersection(*per_pattern) if per_pattern else set()
    return sorted(shared, key=lambda r: sorted(r))


def _variants_of(word: str) -> list[str]:
    out = [word]
    if "'" in word:
        out.append(word.replace("'", "’"))
    if "’" in word:
        out.append(word.replace("’", "'"))
    return out


class TemplateCompiler:
    """Compile template strings for one language.

    Args:
        lang: language code (selects the slot word lists).
        lemmatize: lowercase word -> lowercase lemma (the same table the pipeline uses).
        tokenize: text -> token strings (the language's spaCy tokenizer).
    """

    def __init__(self, lang: str, lemmatize: Callable[[str], str], tokenize: Callable[[str], list[str]]):
        self.lang = lang
        self.lemmatize = lemmatize
        self._tokens: dict[str, list[str]] = {}
        self._verbs: dict[str, bool] = {}
        self._tokenize = tokenize
        self.words = SLOT_WORDS.get(lang, SLOT_WORDS["en"])
        self.keywords = dict(SLOT_KEYWORDS)
        self.keywords.update(SLOT_ALIASES.get(lang, {}))
        self._det = set(self.words["det"]) | set(self.words["poss"])
        self._leading = False
        self._flexible = False
        self._final_optional = True

    def tokenize(self, text: str) -> list[str]:
        """The language tokenizer's tokens of ``text`` (cached: lexicons repeat the same words)."""
        tokens = self._tokens.get(text)
        if tokens is None:
            tokens = self._tokens[text] = self._tokenize(text)
        return tokens

    # -- token specs -------------------------------------------------------------------------------

    def has_case(self, text: str) -> bool:
        """True when a gazetteer term has a capitalised word that is not a determiner ('The Times', 'SAT')."""
        return any(w[:1].isupper() and w.lower() not in self._det for w in text.split())

    def literal(self, word: str, *, case: bool = False, own_forms: bool = True) -> TokenSpec:
        """One literal token: by lemma for words, by exact form for punctuation and clitics.

        With ``case``, a capitalised word must not be lowercase in the text
        ('Target' the shop, not 'target'), and an acronym must be in capitals.
        In flexible (idiom) mode a word also matches its other British/American
        spelling and the forms whose table lemma is the word itself (the table
        turns "blessing" into "bless" but "blessings" into "blessing").
        With ``own_forms`` (not inside alternatives), an es/fr word of three letters or more that the
        table folds into another lemma matches its own forms only.
        """
        low = word.lower()
        if case and word[:1].isupper() and low not in self._det and any(ch.isalpha() for ch in word):
            if word.isupper() and len(word) >= 2:
                return {"ORTH": {"IN": [word, word + "s", word + "S"]}, "_anchor": self.lemmatize(low)}
            if self.lang != "en":
                # es/fr lemma tables turn many names into verb forms ("Marca" → marcar): match the form
                return {"LOWER": {"IN": [low, low + "s"]}, "IS_LOWER": False, "_anchor": self.lemmatize(low)}
            return {"LEMMA": self.lemmatize(low), "IS_LOWER": False}
        if not any(ch.isalnum() for ch in low):
            return {"ORTH": word}
        if low in self.words.get("articles", ()) and self._leading and (self._flexible or low not in ("a", "an")):
            # a template's leading article varies freely: "the rat race" / "a rat race" / "rat race"
            return {"LOWER": {"IN": self.words["articles"]}, "OP": "?"}
        if low in ("a", "an") and self.lang == "en":
            return {"LOWER": {"IN": ["a", "an"]}}
        if low.replace("’", "'") == "n't":
            return {"LOWER": {"IN": ["n't", "n’t", "not"]}}
        if self._flexible and low.replace("’", "'") in CONTRACTIONS:
            # a contraction in the template also matches the full word: "it's not" / "it is not", "won't" / "will not"
            full = CONTRACTIONS[low.replace("’", "'")]
            return {"LOWER": {"IN": sorted(set(_variants_of(low)) | set(_variants_of(low.replace("’", "'"))) | set(full))}}
        if low[0] in "'’" or low.endswith(("'", "’")) and len(low) <= 3:
            # clitics: the lookup table maps "'s" to "have", so match the form itself
            return {"LOWER": {"IN": _variants_of(low)}}
        lemma = self.lemmatize(low)
        if own_forms and low not in self._det and folded(self.lang, low, lemma):
            # the es/fr lookup tables fold nouns and function words into other words' lemmas ("estado" →
            # estar, "juego" → jugar, "lo" → el, "hay" → haber, "doña" → don): by lemma, "estado" would match
            # every form of estar and "es lo que hay" "es el que he". A word written in another form than its
            # table lemma (not an infinitive) matches that form and its plural.
            return {"LOWER": {"IN": gender_number_forms(self.lang, low)}, "_anchor": lemma}
        if lemma in ("be", "have") and self.lang == "en":
            return {"LEMMA": {"IN": [lemma, "'s", "'re"] if lemma == "be" else [lemma, "'s"]}}  # "the ball's in your court"
        if self._flexible and low.isalpha():
            lemmas = {lemma, low}
            for other in _spelling_variants(low):
                lemmas |= {other, self.lemmatize(other)}
            if len(lemmas) > 1:
                return {"LEMMA": {"IN": sorted(lemmas)}, "_anchor": lemma}
        return {"LEMMA": lemma}

    def alternatives(self, words: list[str], *, case: bool = False) -> TokenSpec:
        if case and any(w[:1].isupper() and w.lower() not in self._det for w in words):
            # capitalised alternatives ("Oreo|Oreos", "SAT|SATs"): the forms as written, or in capitals
            return {"ORTH": {"IN": sorted(set(words) | {w.upper() for w in words})}}
        lemmas: list[str] = []
        lowers: list[str] = []
        for word in words:
            # alternatives are most often forms of one verb ("dejar|dejes", "casser|casse|cassé"): by lemma
            spec = self.literal(word, own_forms=False)
            if isinstance(spec.get("LEMMA"), dict):
                lemmas.extend(spec["LEMMA"]["IN"])
            elif "LEMMA" in spec:
                lemmas.append(spec["LEMMA"])
            elif "LOWER" in spec:
                lowers.extend(spec["LOWER"]["IN"])
            else:
                lowers.append(spec["ORTH"].lower())
        if lemmas and not lowers:
            return {"LEMMA": {"IN": sorted(set(lemmas))}}
        # mixed: lemma of a lowercase word equals itself for function words; match the forms
        return {"LOWER": {"IN": sorted(set(lowers) | set(lemmas) | {w.lower() for w in words})}}

    def slot(self, name: str, *, last: bool) -> list[Pattern]:
        """The alternatives (token sequences) for a slot."""
        if name == "poss":
            pron = [{"LOWER": {"IN": self.words["poss"]}}]
            noun: list[dict[str, Any]] = [{"IS_ALPHA": True, "OP": "{1,3}"}, {"LOWER": {"IN": _POSS_CLITICS}}]
            return [pron, noun]
        if name == "refl":
            return [[{"LOWER": {"IN": self.words["refl"]}}]]
        if last and self._final_optional:
            # the object of a final slot often comes later or is a long phrase: make it optional; it is
            # not a lone article ("sit on something" is not "sitting on the" of "sitting on the fence")
            return [[{"IS_ALPHA": True, "OP": "?", "LOWER": {"NOT_IN": self.words.get("articles", [])}}]]
        if last and self._flexible:
            # a required final object: a pronoun, a determiner and its noun, or a name ("floored me",
            # "floored the whole room", "floored Tom"), never a lone verb ("the floor is wet")
            return [[{"LOWER": {"IN": self.words["obj"]}}],
                    [{"LOWER": {"IN": sorted(self._det)}}, {"IS_ALPHA": True}],
                    [{"IS_ALPHA": True, "IS_TITLE": True}]]
        if name == "obj" and self._flexible:
            # a pronoun is the whole object ("let me down", not "let me sit down"); a noun phrase is up to
            # four words without a pronoun, conjunction or auxiliary ("let the whole team down")
            stop = sorted((set(self.words["obj"]) | set(self.words["subj"]) | set(_SLOT_STOP)) - {"people", "one"})
            return [
                [{"LOWER": {"IN": self.words["obj"]}}],
                [{"IS_ALPHA": True, "LOWER": {"NOT_IN": stop}}, {"IS_ALPHA": True, "LOWER": {"NOT_IN": stop}, "OP": "{0,3}"}],
            ]
        if name == "obj":
            return [[{"IS_ALPHA": True, "OP": "{1,3}"}]]
        return [[{"IS_PUNCT": False, "OP": "{1,3}"}]]  # something

    # -- compiler ----------------------------------------------------------------------------------

    def compile(
        self, template: str, *, where: str = "", case_sensitive: bool = False, flexible: bool = False,
        requirements: bool = True,
    ) -> Compiled:
        """Compile a template string (raises LexiconError when it cannot be compiled).

        ``flexible`` (English idioms) adds the variation running text shows: an object
        pronoun after a leading verb, adverbs before prepositions, quantifiers before a
        plural key noun, quotes and dashes between words, any possessive for a written
        one, a leading state verb's equivalents, British/American spellings.
        """
        self._flexible = flexible and self.lang == "en" and not case_sensitive
        try:
            compiled = self._compile(template, where=where, case_sensitive=case_sensitive)
        finally:
            self._flexible = False
        if requirements:
            compiled.requirements = requirements_of(compiled.patterns, self.lemmatize)
        return compiled

    def _compile(self, template: str, *, where: str, case_sensitive: bool) -> Compiled:
        items = template.split()
        if not items:
            raise LexiconError(f"{where}empty template; write the expression's words")
        flex = self._flexible
        # a final slot is optional unless the template would shrink to one word ("floor someone" ≠ "floor")
        literal_words = [w for w in items if w.lower() not in self.keywords and not w.startswith("(")]
        self._final_optional = not flex or len(literal_words) >= 2
        verb_first = flex and len(items) >= 2 and _is_verb(items[0].strip("()"), self) and "|" not in items[0]
        # each element: (alternatives: list[token sequence], optional, kind); texts: its lowercase word
        elements: list[tuple[list[Pattern], bool, str]] = []
        texts: list[str] = []
        anchors: list[str] = []
        for pos, item in enumerate(items):
            self._leading = pos == 0 and len(items) > 2
            optional = False
            body = item
            if len(body) > 2 and body.startswith("(") and body.endswith(")"):
                optional = True
                body = body[1:-1]
            elif (body.startswith("(") or body.endswith(")") and "(" not in body) and len(body) > 1:
                raise LexiconError(
                        f"{where}unbalanced parenthesis in {item!r}; write an optional word as (word)"
                    )
            low = body.lower()
            last = pos == len(items) - 1
            nxt_low = items[pos + 1].strip("()").lower() if pos + 1 < len(items) else ""
            if low == "one" and pos + 1 < len(items) and items[pos + 1].lower() in self.words.get("modals", ()):
                # generic "one" as a subject: "bite off more than one can chew" → "than you can chew"
                elements.append(([[{"LOWER": {"IN": self.words["subj"]}}]], optional, "slot:subj"))
                texts.append("")
                continue
            if low in self.keywords:
                name = self.keywords[low]
                elements.append((self.slot(name, last=last), optional, f"slot:{name}"))
                texts.append("")
                continue
            if flex and pos == 1 and verb_first and low in FLEX_EN["objpron"] and len(items) >= 3:
                # "give me a break" → "give us a break", "give him a break"
                elements.append(([[{"LOWER": {"IN": FLEX_EN["objpron"]}}]], optional, "slot:objpron"))
                texts.append(low)
                continue
            if flex and pos > 0 and low in ("my", "your", "his", "her", "our", "their", "its") and not optional:
                # a possessive written in the template stands for any: "bring someone to their senses" → "his senses"
                elements.append(([[{"LOWER": {"IN": self.words["poss"]}}]], False, "slot:poss"))
                texts.append(low)
                continue
            if flex and pos == 0 and low in ("be", "stay", "keep", "remain") and nxt_low in PREPOSITIONS | PARTICLES \
                    and len(items) >= 3:
                # a state idiom's verb: "be|stay|keep|remain in the red"
                elements.append(([[{"LEMMA": {"IN": FLEX_EN["stateverbs"]}}]], optional, "word"))
                texts.append(low)
                continue
            if flex and pos == 0 and low == "have" and len(items) >= 2:
                # "have one's hands full" → "he's got his hands full", "I've got my hands full" (not a bare
                # "got": "he got a ball for his birthday" is not "have a ball")
                # an "'s" alone is a possessive more often than "has" ("Zangemann's mansion stood high on" is
                # not "have someone on"): it is "has" only before "got"
                have = self.literal(low)
                own = {"LEMMA": {"IN": ["have"]}, "LOWER": {"NOT_IN": ["'s", "’s"]}}
                got = {"LOWER": {"IN": ["got", "gotten"]}}
                elements.append(([[own], [have, got]], optional, "word"))
                texts.append(low)
                continue
            if flex and low == "out" and nxt_low == "from":
                optional = True  # "pull the rug (out) from under someone"
            if "|" in body and body not in ("|",):
                options = [o for o in body.split("|")]
                if any(not o for o in options):
                    raise LexiconError(f"{where}empty alternative in {item!r}; write a|the, no spaces")
                toks = [self.tokenize(o) for o in options]
                if all(len(t) == 1 for t in toks):
                    alt = self.alternatives([t[0] for t in toks], case=case_sensitive)
                    elements.append(([[alt]], optional, "word"))
                else:
                    seqs = [[self.literal(w, case=case_sensitive) for w in t] for t in toks]
                    for seq in seqs:
                        for spec in seq:
                            spec.pop("_anchor", None)
                    elements.append((seqs, optional, "word"))
                texts.append(low)
                continue
            next_is_final_slot = pos == len(items) - 2 and items[-1].lower() in self.keywords
            if next_is_final_slot and low in self.words.get("objmark", []):
                optional = True  # "tomar el pelo a alguien", "poser un lapin à quelqu'un": the object may be a clitic
            for tok in self.tokenize(body):
                spec = self.literal(tok, case=case_sensitive)
                if tok == "-" and not optional:
                    elements.append(([[{"ORTH": "-", "OP": "?"}]], False, "punct"))
                    texts.append("")
                    continue
                if not any(ch.isalnum() for ch in tok) and tok not in ("'", "’") and len(items) > 1:
                    # punctuation inside a template is optional: "day in, day out" / "day in day out"
                    elements.append(([[{"ORTH": tok, "OP": "?"}]], False, "punct"))
                    texts.append("")
                    continue
                forms = regular_forms(self.lang, tok.lower()) if "LEMMA" in spec and not case_sensitive else []
                alternatives = [[spec], [{"LOWER": {"IN": forms}}]] if forms else [[spec]]
                elements.append((alternatives, optional, "det" if tok.lower() in self._det else "word"))
                texts.append(tok.lower())
                if not optional and "_anchor" in spec:
                    anchors.append(spec["_anchor"])
                elif not optional and isinstance(spec.get("LEMMA"), str):
                    anchors.append(spec["LEMMA"])
                spec.pop("_anchor", None)
        if not any(kind == "word" for _alts, _opt, kind in elements):
            raise LexiconError(f"{where}template {template!r} has no literal word to anchor it")
        expanded = self._expand(elements, texts, verb_first)
        patterns: list[Pattern] = []
        for combo in itertools.islice(itertools.product(*[alts for alts, _o, _k in expanded]), 64):
            pattern: Pattern = []
            for (_alts, optional, _kind), seq in zip(expanded, combo, strict=True):
                for spec in seq:
                    spec = dict(spec)
                    if optional and "OP" not in spec:
                        spec["OP"] = "?"
                    pattern.append(spec)
            patterns.append(pattern)
        return Compiled(patterns=patterns, anchors=anchors)

    def _expand(
        self, elements: list[tuple[list[Pattern], bool, str]], texts: list[str], verb_first: bool
    ) -> list[tuple[list[Pattern], bool, str]]:
        """The optional gaps between a template's elements (modifiers, adverbs, pronouns, quotes)."""
        adverbs = self.words["adverbs"]
        flex = self._flexible
        expanded: list[tuple[list[Pattern], bool, str]] = []
        for i, element in enumerate(elements):
            at = len(expanded)
            expanded.append(element)
            nxt = elements[i + 1] if i + 1 < len(elements) else None
            _alts, _optional, kind = element
            if nxt is None or nxt[2] not in ("word", "det") and not (flex and nxt[2].startswith("slot:")):
                continue
            nxt_text = texts[i + 1]
            if flex and kind != "punct":
                self._flex_gaps(expanded, i, kind, nxt, nxt_text, texts[i], verb_first)
            if i == 0 and kind == "word" and flex and nxt[2] == "slot:poss":
                expanded.append(([[{"LOWER": {"IN": adverbs}, "OP": "?"}]], False, "gap"))  # "burned all his bridges"
            if nxt[2] not in ("word", "det"):
                continue
            if flex and nxt[2] == "word" and nxt_text.endswith("s") and self.lemmatize(nxt_text) != nxt_text \
                    and (i == 0 and verb_first or kind == "det" and _optional):
                # a plural key noun may take a quantifier: "pull (a few) strings", "ruffle (some) feathers"
                expanded.append(([[{"LOWER": {"IN": FLEX_EN["quantifiers"]}, "OP": "{0,3}"}]], False, "gap"))
            if kind == "det" and _alts[0][0].get("OP") == "?" and nxt[2] == "word":
                # an optional leading article: a modifier only after the article itself ("a real blessing in
                # disguise"), else the gap would take any word before the idiom ("were blessings in disguise")
                gap = {"IS_ALPHA": True, "OP": "?", "LOWER": {"NOT_IN": self.words.get("connectors", [])}}
                article = {k: v for k, v in _alts[0][0].items() if k != "OP"}
                expanded[at] = ([[article, gap], []], False, "det")
                continue
            if kind in ("det", "slot:poss") and nxt[2] == "word":
                gap = {"IS_ALPHA": True, "OP": "?", "LOWER": {"NOT_IN": self.words.get("connectors", ["and", "or", "of", "to"])}}
                if flex:
                    # an intensifier before the modifier: "keep a very close eye on", "his really bad temper"
                    expanded.append(([[{"LOWER": {"IN": FLEX_EN["intensifiers"]}, "OP": "?"}]], False, "gap"))
                expanded.append(([[gap]], False, "gap"))
                continue
            if kind == "slot:refl" and self.words.get("auxiliaries"):
                # "se casser la tête" → "je me suis cassé la tête", "il ne s'est pas cassé la tête"
                expanded.append(([[{"LOWER": {"IN": self.words["auxiliaries"]}, "OP": "?"}]], False, "gap"))
                expanded.append(([[{"LOWER": {"IN": self.words["negation"]}, "OP": "?"}]], False, "gap"))
                continue
            if i >= 1 and elements[i - 1][2] == "slot:refl" and kind == "word" and nxt[2] in ("word", "det"):
                expanded.append(([[{"LOWER": {"IN": adverbs}, "OP": "?"}]], False, "gap"))  # "ne me casse pas la tête"
                continue
            if kind == "word" and nxt[2] == "word" and self.lang == "en" and not flex:
                # a hyphen between two words is optional in the text: "low-hanging fruit", "red-handed"
                expanded.append(([[{"ORTH": "-", "OP": "?"}]], False, "punct"))
            if i == 0 and kind == "word" and nxt[2] in ("word", "det"):
                if flex and len(elements) >= 4 and nxt_text in PREPOSITIONS and texts[0].isalpha() \
                        and texts[0] not in _FUNCTION:
                    # a noun and its phrase: "head in the clouds" → "his head is (always) in the clouds"
                    expanded.append(([[{"LEMMA": {"IN": ["be", "'s", "'re"]}, "OP": "?"}]], False, "gap"))
                expanded.append(([[{"LOWER": {"IN": adverbs}, "OP": "?"}]], False, "gap"))
                if flex and texts[0] == "have":
                    expanded.append(([[{"LOWER": "got", "OP": "?"}]], False, "gap"))  # "he's got a chip on his shoulder"
                if flex and verb_first and nxt[2] == "det":
                    # an object pronoun before the determiner: "it cost me an arm and a leg", "do me a favour"
                    expanded.append(([[{"LOWER": {"IN": FLEX_EN["objpron"]}, "OP": "?"}]], False, "gap"))
        return expanded

    def _flex_gaps(
        self, expanded: list[tuple[list[Pattern], bool, str]], i: int, kind: str,
        nxt: tuple[list[Pattern], bool, str], nxt_text: str, text: str, verb_first: bool,
    ) -> None:
        """Idiom-only gaps before element ``i + 1``: punctuation inside the idiom, adverbs before a
        preposition or after a form of "be"."""
        if kind in ("word", "det") and nxt[2] in ("word", "det"):
            # quotes, dashes and ellipses between two words of an idiom ("spill the... beans", "let the 'cat'
            # out of the bag"), and a hyphen ("red-handed" / "red handed", "run-of-the-mill")
            # (IS_PUNCT, not a list of marks: an attribute costs spaCy less than a set predicate per Matcher)
            expanded.append(([[{"IS_PUNCT": True, "OP": "?"}]], False, "punct"))
        if i >= 1 and nxt[2] == "word" and nxt_text in PREPOSITIONS and kind != "det":
            adverbs = sorted(set(FLEX_EN["prepadverbs"]) | set(self.words["adverbs"]))
            expanded.append(([[{"LOWER": {"IN": adverbs}, "OP": "?"}]], False, "gap"))
        elif i >= 1 and {"be", "is", "are", "was", "were", "am"} & set(text.split("|")):
            expanded.append(([[{"LOWER": {"IN": self.words["adverbs"]}, "OP": "?"}]], False, "gap"))


#: English particles of separable phrasal verbs
PARTICLES = frozenset(["up", "down", "out", "off", "in", "on", "over", "back", "away", "around", "round", "through",
                       "along", "aside", "apart", "together", "about", "forward", "behind"])
#: prepositions that end the object noun phrase of a template ("hit the nail | on the head")
PREPOSITIONS = frozenset(["on", "in", "at", "to", "of", "for", "with", "by", "from", "into", "onto", "under",
                          "over", "out", "off", "up", "down", "around", "through", "between", "like", "as"])
OBJECT_PRONOUNS = "it|them|him|her|me|us|you|this|that|everything|something"
#: marks the verb of a passive variant: it must be a participle, not "-ing" or "-s" ("the ice is breaking")
PASSIVE_MARK = "\u2063"
_SLOT_WORDS = frozenset(["one's", "someone's", "somebody's", "someone", "somebody", "something", "oneself", "sth",
                         "one’s", "someone’s"])


def _is_verb(word: str, compiler: TemplateCompiler) -> bool:
    """A template word the lemma table shows as a verb: one of its -ed/-ing forms maps back to it."""
    low = word.lower()
    known = compiler._verbs.get(low)
    if known is None:
        known = compiler._verbs[low] = _lookup_verb(low, compiler)
    return known


def _lookup_verb(low: str, compiler: TemplateCompiler) -> bool:
    table = getattr(compiler.lemmatize, "table", None)
    if table is None or not low.isalpha() or len(low) < 2:
        return False
    forms = [low + "ed", low + "d", low + "ing", low + low[-1] + "ed", low + low[-1] + "ing"]
    if low.endswith("e"):
        forms.append(low[:-1] + "ing")
    if low.endswith("y"):
        forms.append(low[:-1] + "ied")
    for form in forms:
        value = table.get(form)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.lower() == low:
            return True
    return False


def _participle_only(patterns: list[Pattern], verb: str, compiler: TemplateCompiler) -> None:
    """Keep the passive verb to its participle (not its -ing or -s forms, nor its base when regular);
    an adverb may come before it."""
    low = verb.lower()
    lemma = compiler.lemmatize(low)
    banned = [low + "ing", low[:-1] + "ing", low + low[-1] + "ing", low + "s", low + "es"]
    table = getattr(compiler.lemmatize, "table", None)
    if table is not None and table.get(low + "ed") == lemma or table is not None and table.get(low + "d") == lemma:
        banned.append(low)  # a regular verb: its participle ends in -ed
    for pattern in patterns:
        for k in range(len(pattern) - 1, -1, -1):
            value = pattern[k].get("LEMMA")
            if value == lemma or isinstance(value, dict) and lemma in value.get("IN", ()) and "'s" not in value["IN"]:
                pattern[k]["LOWER"] = {"NOT_IN": banned}
                pattern.insert(k, {"LOWER": {"IN": compiler.words["adverbs"]}, "OP": "?"})  # "were finally spilled"
                pattern.insert(k, {"LOWER": {"IN": ["being", "been"]}, "OP": "?"})  # "his leg is being pulled"
                break


#: verbs whose templates get no passive variants ("have a go" → "a go was had")
_NO_PASSIVE = frozenset(["be", "have", "get", "go", "come", "feel", "seem", "look", "stay", "remain", "become"])
_OBJ_SLOTS = frozenset(["someone", "somebody", "something", "sth", "oneself"])
_POSS_SLOTS = frozenset(["one's", "someone's", "somebody's", "one’s", "someone’s"])


def template_variants(compiler: TemplateCompiler, template: str) -> list[str]:
    """Other word orders and shapes an English template also covers (each compiled like a template).

    - passive: "spill the beans" → "the beans be|get spill" ("the beans were spilled"),
      "hit the nail on the head" → "the nail be|get hit on the head", "pull someone's leg" →
      "someone's leg be|get pull"; with an object slot: "catch someone red handed" → "be|get catch
      red handed" ("he was caught red-handed");
    - "have"/"get" passive, when a possessive or a slot shows whose it is: "pull the rug out from under
      someone" → "have|get the rug pull out from under someone" ("he had the rug pulled from under him"),
      "pull someone's leg" → "have|get someone's leg pull" ("he had his leg pulled");
    - separable phrasal verb, particle before the object: "let someone down" → "let down someone";
      object before the particle: "throw in the towel" → "throw the towel in";
    - a two-word phrasal verb with a pronoun object in between: "give up" → "give it up";
    - a state idiom entered with "in": "in the red" → "go|fall|slip… into the red";
    - a saying cut short, as dialogue does: "if you can't beat them, join them" → "if you can't beat
      them"; "the early bird catches the worm" → "the early bird".
    """
    if compiler.lang != "en":
        return []
    words = template.split()
    plain = [w.strip("()") for w in words]
    low = [w.lower() for w in plain]
    out: list[str] = []
    verb = len(words) >= 2 and "|" not in words[0] and not words[0].startswith("(") and _is_verb(plain[0], compiler) \
        and compiler.lemmatize(low[0]) not in _NO_PASSIVE
    if len(words) >= 3 and verb:
        rest = words[1:]
        if rest[0].strip("()").lower() in PREPOSITIONS:
            rest = []
        cut = next((k for k, w in enumerate(rest) if w.lower() in PREPOSITIONS and k > 0), len(rest))
        np, tail = rest[:cut], rest[cut:]
        lowered = [w.strip("()").lower() for w in np]
        if rest and 1 <= len(np) <= 3 and not any(w in _OBJ_SLOTS or "'" in w and w not in _POSS_SLOTS for w in lowered) \
                and any(w not in ("a", "an", "the") and w not in _POSS_SLOTS for w in lowered):
            out.append(" ".join([*np, "be|get", PASSIVE_MARK + words[0], *tail]))
            if any(w in _POSS_SLOTS for w in lowered) or any(w.strip("()").lower() in _SLOT_WORDS for w in tail):
                # "had his leg pulled", "had the rug pulled from under him" (not "had the beans spilled")
                out.append(" ".join(["have|get", *np, PASSIVE_MARK + words[0], *tail]))
    if len(words) >= 3 and verb and low[1] in ("someone", "somebody", "something", "sth") and not words[1].startswith("(") \
            and any(w not in _SLOT_WORDS for w in low[2:]):
        out.append(" ".join(["be|get", PASSIVE_MARK + words[0], *words[2:]]))
        # "she's got him wrapped around her little finger"
        out.append(" ".join(["have|get", words[1], PASSIVE_MARK + words[0], *words[2:]]))
    if len(words) == 3 and low[1] in ("someone", "somebody", "something") and low[2] in PARTICLES \
            and _is_verb(plain[0], compiler):
        out.append(" ".join([words[0], words[2], words[1]]))
    if len(words) >= 3 and verb and low[1] in PARTICLES and not words[1].startswith("(") \
            and low[2] not in PREPOSITIONS | _OBJ_SLOTS:
        rest = words[2:]
        cut = next((k for k, w in enumerate(rest) if w.lower() in PREPOSITIONS and k > 0), len(rest))
        np, tail = rest[:cut], rest[cut:]
        if 1 <= len(np) <= 3 and not any(w.strip("()").lower() in _OBJ_SLOTS for w in np):
            out.append(" ".join([words[0], *np, words[1], *tail]))  # "throw the towel in"
    if len(words) == 2 and low[1] in PARTICLES and _is_verb(plain[0], compiler):
        out.append(" ".join([words[0], OBJECT_PRONOUNS, words[1]]))
    start = 1 if low[0] == "be" else 0
    if len(words) - start >= 3 and low[start] == "in" and not words[start].startswith("("):
        # "go into the red", "he got himself into hot water"
        out.append(" ".join(["|".join(FLEX_EN["intoverbs"]), "(oneself)", "into", *words[start + 1:]]))
    if len(words) >= 5 and low[0] == "let" and low[1] in ("a", "an", "the") and low[3] in PARTICLES \
            and low[2] not in _SLOT_WORDS:
        out.append(" ".join([words[1], words[2], "be|get", *words[3:]]))  # "the cat is out of the bag"
    out.extend(_shortened_sayings(compiler, words))
    return out


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w.strip("(),").lower() not in _FUNCTION and w.strip("(),").lower() not in _SLOT_WORDS]


def _shortened_sayings(compiler: TemplateCompiler, words: list[str]) -> list[str]:
    """The first half of a long saying, the way dialogue quotes it ("when the going gets tough…")."""
    if len(words) < 5:
        return []
    out: list[str] = []
    comma = next((k for k, w in enumerate(words) if w.endswith(",")), None)
    if comma is not None:
        prefix = words[:comma + 1] if words[comma] != "," else words[:comma]
        prefix = [w.rstrip(",") for w in prefix if w.rstrip(",")]
        if len(prefix) >= 4 and any(len(w) >= 4 for w in _content(prefix)):
            out.append(" ".join(prefix))
    if words[0].lower() in ("a", "an", "the"):
        for k in range(3, len(words) - 1):
            word = words[k].lower()
            if not (word.isalpha() and word.endswith("s")) or word in ("is", "was", "has", "does"):
                continue
            lemma = compiler.lemmatize(word)
            if lemma != word and _is_verb(lemma, compiler) and words[k - 1].lower() not in _FUNCTION \
                    and len(_content(words[:k])) >= 2:
                out.append(" ".join(words[:k]))  # "the early bird (catches the worm)"
            break
    return out


def compile_pattern(
    compiler: TemplateCompiler, pattern: str | list[Any], *, where: str = "", case_sensitive: bool = False,
    variants: bool = False,
) -> Compiled:
    """Compile an entry's ``pattern``: a template string, or a token pattern used as it is.

    With ``variants`` (idioms), the template is compiled in flexible mode
    (:meth:`TemplateCompiler.compile`) and its other orders and shapes are compiled too
    (:func:`template_variants`).
    """
    if isinstance(pattern, str):
        compiled = compiler.compile(pattern, where=where, case_sensitive=case_sensitive, flexible=variants,
                                    requirements=not variants)
        if variants:
            for other in template_variants(compiler, pattern):
                verb = next((w[1:] for w in other.split() if w.startswith(PASSIVE_MARK)), "")
                try:
                    extra = compiler.compile(other.replace(PASSIVE_MARK, ""), where=where,
                                             case_sensitive=case_sensitive, flexible=True, requirements=False)
                except LexiconError:
                    continue
                if verb:
                    _participle_only(extra.patterns, verb, compiler)
                compiled.patterns.extend(extra.patterns)
            compiled.requirements = requirements_of(compiled.patterns, compiler.lemmatize)
        return compiled
    if not pattern or not all(isinstance(t, dict) for t in pattern):
        raise LexiconError(f"{where}a token pattern must be a non-empty list of objects")
    # a required token with a fixed form anchors the pattern: the pipeline's lemma of that form
    anchors: list[str] = []
    for spec in pattern:
        if spec.get("OP") not in (None, "+"):
            continue
        if isinstance(spec.get("LEMMA"), str) and spec["LEMMA"].islower():
            anchors.append(spec["LEMMA"])
        elif isinstance(spec.get("LOWER"), str):
            anchors.append(compiler.lemmatize(spec["LOWER"]))
        elif isinstance(spec.get("ORTH"), str) and any(ch.isalnum() for ch in spec["ORTH"]):
            anchors.append(compiler.lemmatize(spec["ORTH"].lower()))
    return Compiled(patterns=[pattern], anchors=anchors, requirements=requirements_of([pattern], compiler.lemmatize))
