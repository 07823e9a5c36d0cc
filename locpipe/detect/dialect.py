# ruff: noqa: SIM102  (each rule reads as: trigger, then the exceptions that keep standard English out)
"""Grammatical dialect features as rules, and the vocative check for forms of address.

Vocabulary markers (regional words, slang senses, profanity, address terms)
live in ``dialect.jsonl``; what cannot be listed word by word — double
negation, habitual "be", "was" levelling, demonstrative "them", g-dropping on
any "-in'" word, verbal -s with I/you/we/they, double modals … — is a rule here.
Rules work on the spaCy tokens of one sentence (no tagger needed: a blank
pipeline has none), each returning token spans with a rule slug; :data:`RULES`
says what each slug means.

Rules are per language (:data:`LANG_RULES`); a language without rules gets
only its lexicon markers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

#: slug -> what the rule found. kind: a flag kind; label: docs/lexicons.md dialect label.
RULES: dict[str, dict[str, str]] = {
    "double-negation": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "double (multiple) negation: the second negative intensifies, it does not cancel",
    },
    "aint": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "'ain't' = am not / is not / are not / has not / have not",
    },
    "habitual-be": {
        "kind": "dialect", "label": "grammar", "variety": "AAVE",
        "gloss": "habitual 'be': something that happens regularly ('she be working' = she usually works)",
    },
    "yall": {
        "kind": "dialect", "label": "grammar", "variety": "US South",
        "gloss": "'y'all' = you (plural), informal",
    },
    "yous": {
        "kind": "dialect", "label": "grammar", "variety": "Irish / Scottish / Northern English / Australian",
        "gloss": "'yous/youse' = you (plural), informal",
    },
    "was-levelling": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "'was/were' levelling: 'we was', 'you was', 'I were', 'it were' (standard: we were, I was)",
    },
    "is-levelling": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "'is/are' levelling: 'they is', 'I is', 'you is' (standard: they are, I am)",
    },
    "them-demonstrative": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "'them' as a demonstrative: 'them boots' = those boots",
    },
    "g-dropping": {
        "kind": "dialect", "label": "eye-dialect", "variety": "General (informal speech)",
        "gloss": "eye-dialect spelling of an -ing word ('goin'' = going)",
    },
    "third-person-zero": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "no -s on the verb after he/she/it ('he don't', 'she go')",
    },
    "verbal-s": {
        "kind": "dialect", "label": "grammar", "variety": "Northern English / Irish / US South / narrative",
        "gloss": "-s on the verb after I/you/we/they ('I says', 'they goes')",
    },
    "done-perfective": {
        "kind": "dialect", "label": "grammar", "variety": "US South / AAVE",
        "gloss": "perfective 'done': 'I done told you' = I have already told you",
    },
    "double-modal": {
        "kind": "dialect", "label": "grammar", "variety": "US South / Scottish / Northern English",
        "gloss": "double modal ('might could' = might be able to)",
    },
    "object-pronoun-subject": {
        "kind": "dialect", "label": "grammar", "variety": "General (colloquial)",
        "gloss": "object pronoun in a coordinate subject ('me and him went' = he and I went)",
    },
    "regularized-reflexive": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "regularized reflexive ('hisself', 'theirselves', 'meself')",
    },
    "preterite-participle": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "past participle used as simple past ('I seen it', 'he done it' = I saw it, he did it)",
    },
    "participle-preterite": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "simple past used as participle ('I have went', 'she's took it' = gone, taken)",
    },
    "regularized-past": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "regularized or dialect past form ('knowed', 'growed', 'brung' = knew, grew, brought)",
    },
    "zero-copula": {
        "kind": "dialect", "label": "grammar", "variety": "AAVE / US South",
        "gloss": "no 'is/are' before an -ing verb ('they working' = they are working)",
    },
    "a-prefixing": {
        "kind": "dialect", "label": "grammar", "variety": "Appalachian / US South",
        "gloss": "a-prefixing ('a-going' = going)",
    },
    "for-to": {
        "kind": "dialect", "label": "grammar", "variety": "Irish / Scottish / Appalachian",
        "gloss": "'for to' before a verb = to / in order to",
    },
    "what-relative": {
        "kind": "dialect", "label": "grammar", "variety": "British (non-standard)",
        "gloss": "'what' as a relative pronoun ('the man what I saw' = the man that I saw)",
    },
    "positive-anymore": {
        "kind": "dialect", "label": "grammar", "variety": "US Midland",
        "gloss": "positive 'anymore' = nowadays ('prices are high anymore')",
    },
    "fixing-to": {
        "kind": "dialect", "label": "grammar", "variety": "US South",
        "gloss": "'fixing to' = about to, going to",
    },
    "after-perfect": {
        "kind": "dialect", "label": "grammar", "variety": "Irish",
        "gloss": "'after' perfect: 'I'm after eating' = I have just eaten",
    },
    "do-be": {
        "kind": "dialect", "label": "grammar", "variety": "Irish",
        "gloss": "habitual 'do be' / 'does be' = is usually",
    },
    "scots-negation": {
        "kind": "dialect", "label": "grammar", "variety": "Scottish",
        "gloss": "Scots negative '-nae'/'-na' ('cannae' = can't, 'dinnae' = don't)",
    },
    "zero-plural": {
        "kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
        "gloss": "no plural -s after a number ('five year ago', 'two mile')",
    },
    "me-possessive": {
        "kind": "dialect", "label": "grammar", "variety": "British / Irish / Australian",
        "gloss": "'me' for 'my' ('me mum' = my mum)",
    },
    "us-subject": {
        "kind": "dialect", "label": "grammar", "variety": "Northern English / US South",
        "gloss": "'us' as a subject ('us was there' = we were there)",
    },
    "was-sat": {
        "kind": "dialect", "label": "grammar", "variety": "British (Northern English and beyond)",
        "gloss": "'was sat / was stood' = was sitting / was standing",
    },
    "possessive-n": {
        "kind": "dialect", "label": "grammar", "variety": "Appalachian / Northern English",
        "gloss": "possessive pronoun in -n ('yourn', 'hisn', 'ourn' = yours, his, ours)",
    },
    "archaic-pronoun": {
        "kind": "dialect", "label": "grammar", "variety": "Northern English / Yorkshire / Scottish",
        "gloss": "thou/thee/thy/ye pronouns (dialect or archaic)",
    },
    "invariant-tag": {
        "kind": "dialect", "label": "grammar", "variety": "London / Multicultural British / Welsh",
        "gloss": "invariant question tag ('innit' = isn't it / don't you / right?)",
    },
    "eye-dialect": {
        "kind": "dialect", "label": "eye-dialect", "variety": "General (informal speech)",
        "gloss": "spelling of a casual pronunciation",
    },
    "address": {
        "kind": "register", "label": "address", "variety": "General",
        "gloss": "a form of address: the target language forces a formal or familiar choice",
    },
}

SUBJ = {"i", "you", "he", "she", "it", "we", "they"}
SUBJ_3SG = {"he", "she", "it"}
SUBJ_NON3 = {"i", "you", "we", "they"}
OBJ_PRON = {"me", "him", "her", "us", "them"}
AUX = {
    "am", "is", "are", "was", "were", "be", "been", "being", "'m", "'re", "'s", "do", "does", "did", "have",
    "has", "had", "'ve", "'d", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "'ll", "ca", "wo", "sha", "to", "let", "n't", "not", "ai",
}
CLAUSE_END = {".", "!", "?", ";", ":", ",", "—", "–", "--", "…", "...", '"', "“", "”"}
NEG_FIRST = {"n't", "not", "never", "no", "nobody", "nothing", "nowhere", "none", "nae", "nay"}
NEG_SECOND = {"no", "nothing", "nobody", "nowhere", "none", "never", "nothin", "nothin'", "noone", "naught"}
NON3_VERBS_S = {
    "says", "goes", "thinks", "wants", "likes", "knows", "gets", "comes", "tells", "makes", "sees", "takes",
    "looks", "needs", "does", "has", "loves", "hates", "reckons", "feels", "keeps", "runs", "asks",
}
BASE_VERBS = {
    "go", "do", "have", "like", "want", "know", "get", "come", "say", "make", "see", "take", "think",
    "look", "need", "love", "hate", "work", "live", "eat", "play", "talk", "tell", "give", "run", "feel",
    "seem", "mean", "keep", "try", "call", "leave", "sing", "drink", "walk", "wear", "cook", "drive",
    "believe", "care", "mind", "matter", "belong", "own", "cost", "smell", "sound", "taste", "ask",
}
PARTICIPLES_AS_PAST = {"seen", "done", "been", "gone", "taken", "given", "eaten", "wrote", "written", "drunk",
                       "rung", "sung", "swum", "begun", "run"}
PRETERITES_AS_PART = {"went", "came", "ate", "took", "gave", "saw", "did", "drove", "rode", "wrote", "began",
                      "swam", "sang", "drank", "spoke", "fell", "knew", "grew", "threw", "flew", "froze", "stole",
                      "chose", "forgot", "tore", "wore", "shook", "mistook", "hid"}
DIALECT_PAST = {
    "knowed", "growed", "throwed", "blowed", "drawed", "seed", "brung", "clumb", "drownded", "attackted",
    "heered", "holp", "holped", "et", "tooken", "boughten", "snuck", "costed", "catched", "teached",
    "bringed", "buyed", "thinked", "writ", "driv", "gived", "swimmed", "hitted", "comed", "goed", "runned",
    "taked", "sended", "maked", "seen'd", "het", "crope", "riz", "fit", "hisn",
}
DOUBLE_MODALS = {
    ("might", "could"), ("might", "would"), ("might", "should"), ("might", "can"), ("might", "will"),
    ("may", "can"), ("must", "can"), ("might", "ought"), ("should", "ought"), ("would", "could"),
    ("will", "can"), ("useta", "could"), ("used", "to", "could"), ("might", "'ve", "could"),
    ("must", "could"), ("may", "could"), ("might", "must"), ("can", "might"),
}
_MODAL_FIRST = frozenset(combo[0] for combo in DOUBLE_MODALS)
PLURALS_AFTER_NUMBER = {"year", "mile", "pound", "dollar", "month", "week", "inch", "yard"}
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "fifty",
                "hundred", "thousand", "several", "many"}
ME_POSSESSED = {"mum", "mam", "mom", "dad", "da", "mother", "father", "brother", "sister", "mate", "mates",
                "car", "house", "head", "wife", "husband", "missus", "auntie", "nan", "nana", "gran", "granny",
                "kids", "son", "daughter", "own", "old", "bike", "phone", "hair", "legs", "arse", "boyfriend",
                "girlfriend", "family", "mammy", "pal", "pals", "bag", "keys", "feet", "hands", "room"}
GIVE_VERBS = {"give", "tell", "show", "get", "buy", "bring", "send", "make", "let", "pass", "lend", "hand",
              "teach", "find", "call", "cook", "pour", "fetch", "save", "leave", "throw", "ask", "like", "for",
              "to", "with", "named", "calling", "about"}
POSSESSIVE_N = {"yourn", "hisn", "hern", "ourn", "theirn", "yourns", "hisns"}
ARCHAIC = {"thou", "thee", "thy", "thine", "ye", "tha", "thysen", "thissen", "thyself", "yersel", "yersen"}
REFLEXIVES = {"hisself", "theirselves", "theirself", "meself", "ourself", "theyself", "themselfs", "hisselves",
              "yourselfs", "yerself", "mysen", "missen", "hissen", "hersen", "oursen", "theirsen", "yoursen"}
SCOTS_NEG_STEMS = {"can", "din", "did", "wil", "would", "could", "should", "is", "was", "has", "have", "does",
                   "dae", "wouldn", "couldn", "shouldn", "are", "were", "had", "must"}
EYE_DIALECT_WORDS = {
    # spellings of casual pronunciation with no dictionary life of their own; regional words are lexicon data
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of", "sorta": "sort of",
    "lemme": "let me", "gimme": "give me", "dunno": "don't know", "outta": "out of", "lotta": "lot of",
    "coulda": "could have", "woulda": "would have", "shoulda": "should have", "musta": "must have",
    "'em": "them", "ya": "you", "yer": "your / you're", "cuz": "because", "'cause": "because",
    "whatcha": "what are you / what do you", "gotcha": "got you",
    "betcha": "bet you", "y'know": "you know", "c'mon": "come on", "s'pose": "suppose",
    "'bout": "about", "'round": "around", "'til": "until", "ol'": "old", "fella": "fellow", "nah": "no",
    "yep": "yes", "yeah": "yes", "lil": "little", "lil'": "little", "ain": "ain't",
}
#: eye-dialect forms frequent enough in neutral written English not to flag on their own
EYE_DIALECT_QUIET = {"yeah", "yep", "nah", "'cause", "cuz", "gotcha", "fella"}

Span = tuple[int, int, str]  # token start, token end (exclusive), rule slug


def _clause_bounds(lowers: list[str], i: int) -> tuple[int, int]:
    start = i
    while start > 0 and lowers[start - 1] not in CLAUSE_END:
        start -= 1
    end = i
    while end < len(lowers) and lowers[end] not in CLAUSE_END:
        end += 1
    return start, end


def _prev(lowers: list[str], i: int) -> str:
    return lowers[i - 1] if i > 0 else ""


def _sentence(doc: Any) -> tuple[list[str], list[str], int, bool]:
    """What every rule function reads first: lowercase forms, lemmas, their count, a question mark."""
    from .components import token_lists

    lists = token_lists(doc)
    return lists.lowers, lists.lemmas, len(lists.lowers), "?" in lists.lowers


def _windows(lowers: list[str]) -> Iterator[tuple[str, str, str, str]]:
    """Per token: the token before, the token, the one after and the one two after ("" past either end).
    Built once per rule function instead of three look-ups with bounds checks per token; the shifted lists
    are padded to at least ``len(lowers)``, and the iteration stops with ``lowers``."""
    return zip(["", *lowers], lowers, [*lowers[1:], ""], [*lowers[2:], "", ""], strict=False)


def _at_clause_start(lowers: list[str], i: int) -> bool:
    return i == 0 or lowers[i - 1] in CLAUSE_END or lowers[i - 1] in {"and", "but", "so", "then", "cos"}


def english_rules(doc: Any) -> Iterator[Span]:
    """Grammatical and spelling features of non-standard English in one Doc."""
    from .components import token_lists

    lists = token_lists(doc)
    lowers, lemmas = lists.lowers, lists.lemmas
    n = len(lowers)
    is_question = bool(n) and "?" in lowers
    for i, low in enumerate(lowers):
        nxt = lowers[i + 1] if i + 1 < n else ""
        nxt2 = lowers[i + 2] if i + 2 < n else ""
        prev = _prev(lowers, i)
        # ain't
        if low in {"ai", "ain"} and nxt in {"n't", "nt", "'t"}:
            yield i, i + 2, "aint"
        elif low in {"ain't", "aint", "ainâ€™t"}:
            yield i, i + 1, "aint"
        # double negation: a negator, then an n-word later in the same clause
        if low in NEG_FIRST and not (low == "no" and nxt in {"one", "longer", "matter", "doubt", "wonder"}):
            _start, end = _clause_bounds(lowers, i)
            for j in range(i + 1, end):
                second = lowers[j]
                if second in NEG_SECOND and not (second == "no" and (lowers[j - 1] in {"say", "said", "saying", "says", "or", "take", "takes", "took", "yes"} or (j + 1 < n and lowers[j + 1] in {"one", "longer", "matter", "doubt", "sooner", "less", "more", "way", "wonder", "problem", "idea"}))) and not (low == "not" and second == "nothing" and lowers[j - 1] == "for") and not (low in {"not", "n't"} and lowers[j - 1] in {"not", "if"}):
                    if low == "never" and second == "never":
                        continue
                    yield i, j + 1, "double-negation"
                    break
        # y'all, yous
        if low in {"y'", "y’", "ya'", "you"} and nxt == "all" and low != "you":
            yield i, i + 2, "yall"
        elif low in {"y'all", "yall", "ya'll", "y’all"}:
            yield i, i + 1, "yall"
        if low in {"yous", "youse", "yiz", "yez", "youz", "yousens"}:
            yield i, i + 1, "yous"
        # was/were levelling
        if low in {"we", "you", "they"} and nxt == "was" and prev not in {"if", "as", "than"}:
            yield i, i + 2, "was-levelling"
        if low in {"i", "he", "she", "it"} and nxt == "were" and prev not in {"if", "as", "wish", "though", "than", "even", "suppose", "were", "only"} and nxt2 not in ("to",) and not is_question:
            if not any(lowers[j] in {"if", "wish", "though", "suppose", "imagine"} for j in range(max(0, i - 4), i)):
                yield i, i + 2, "was-levelling"
        if low in {"they", "we", "i"} and nxt == "is" and prev not in {"what", "who", "how", "where"}:
            yield i, i + 2, "is-levelling"
        if low == "you" and nxt == "is" and _at_clause_start(lowers, i) and not is_question:
            yield i, i + 2, "is-levelling"
        if low in SUBJ_3SG and nxt == "are" and _at_clause_start(lowers, i) and not is_question:
            yield i, i + 2, "is-levelling"
        # habitual be / do be
        if low in SUBJ and nxt in {"be", "bes", "be's", "bees"} and prev not in AUX and prev not in {"let", "to", "and", "or", "will"}:
            after = nxt2
            if after.endswith(("ing", "in'", "in")) and len(after) > 4 or after in {"always", "usually", "sometimes", "still", "all", "steady", "like", "just", "out", "there", "here"}:
                yield i, i + 3 if after else i + 2, "habitual-be"
        if low in {"do", "does"} and nxt == "be" and prev in SUBJ | {"it", "there"}:
            yield i - 1, i + 2, "do-be"
        # them + noun
        if low == "them" and i + 1 < n:
            t_next = doc[i + 1]
            if nxt in {"there", "ones", "days", "boys", "girls", "folks", "people", "things", "guys", "kids"} and (
                _at_clause_start(lowers, i) or prev in {"all", "of", "in", "on", "at", "with", "from", "like", "see", "take", "get", "give", "want", "for"}
            ):
                if not (nxt == "there" and (nxt2 in CLAUSE_END or nxt2 == "")):
                    yield i, i + 2, "them-demonstrative"
            elif _at_clause_start(lowers, i) and t_next.is_alpha and lemmas[i + 1] != nxt and nxt.endswith("s") and nxt2 not in SUBJ:
                yield i, i + 2, "them-demonstrative"
        # he don't / she go
        if low in SUBJ_3SG and nxt == "do" and nxt2 == "n't" and not is_question and prev not in AUX and prev not in {"how", "why", "what", "does", "did"}:
            yield i, i + 3, "third-person-zero"
        elif (low in {"he", "she"} or low == "it" and nxt in {"have", "go", "do", "look", "seem", "sound", "mean", "cost", "work", "come", "need", "want", "make", "take", "get", "taste", "smell", "feel"}) \
                and nxt in BASE_VERBS | {"work", "get"} and prev not in AUX and not is_question and nxt2 not in ("n't",) and prev not in {"let", "make", "made", "help", "watch", "saw", "see", "hear", "heard", "did", "does", "do", "should", "would", "could", "can", "will"}:
            yield i, i + 2, "third-person-zero"
        # I says / they goes
        if low in SUBJ_NON3 and nxt in NON3_VERBS_S and prev not in AUX and nxt not in {"does", "has"}:
            if not (low == "you" and prev not in {"", ",", ".", "and", "then", "so"}):
                yield i, i + 2, "verbal-s"
        # done perfective: I done told you
        if low in SUBJ and nxt == "done" and i + 2 < n and doc[i + 2].is_alpha and lemmas[i + 2] != nxt2 and nxt2.endswith(("ed", "t", "en", "ld", "ew", "ok", "ught", "id", "ent", "ame", "ot", "one")):
            yield i, i + 3, "done-perfective"
        elif low in SUBJ and nxt in PARTICIPLES_AS_PAST and prev not in AUX and prev not in {"had", "have", "has", "'ve", "'d", "been", "having"} and not (nxt == "done" and nxt2 in {"with", "for", "yet", "already"}) and not (nxt == "been" and prev in {"have", "'ve"}):
            yield i, i + 2, "preterite-participle"
        if low in {"have", "has", "had", "'ve", "'d", "'s"} and nxt in PRETERITES_AS_PART and prev in SUBJ | {"who", "you", "they", "would", "could", "should", "might", "must"}:
            if not (low == "'s" and nxt in ("saw",)):
                yield i, i + 2, "participle-preterite"
        if low in DIALECT_PAST:
            # "they fit into his pocket" is the verb fit (its past in American English), not "fought"
            if (low not in {"fit", "et", "seed", "het"} or prev in SUBJ) and not (low == "fit" and nxt in _FIT_AFTER):
                yield i, i + 1, "regularized-past"
        # double modals
        if low in _MODAL_FIRST:
            for combo in DOUBLE_MODALS:
                if tuple(lowers[i:i + len(combo)]) == combo:
                    yield i, i + len(combo), "double-modal"
        # me and him went
        if low in {"me", "him", "her"} and nxt == "and" and _at_clause_start(lowers, i) and i + 3 < n:
            third = lowers[i + 2]
            if third in OBJ_PRON | SUBJ or doc[i + 2].is_title:
                yield i, i + 3, "object-pronoun-subject"
        if low in ("us",) and _at_clause_start(lowers, i) and nxt in {"was", "were", "is", "are", "went", "have", "had", "did", "do", "got", "can", "will", "'ll", "kids", "lot", "lads", "girls", "boys"}:
            if nxt not in {"kids", "lot", "lads", "girls", "boys"} or nxt2 not in CLAUSE_END | {""}:
                yield i, i + 2, "us-subject"
        # reflexives, possessives, archaic pronouns
        if low in REFLEXIVES:
            yield i, i + 1, "regularized-reflexive"
        if low in POSSESSIVE_N:
            yield i, i + 1, "possessive-n"
        if low in ARCHAIC and not (low == "ye" and nxt == "olde"):
            yield i, i + 1, "archaic-pronoun"
        # they working
        if low in {"he", "she", "we", "they", "i"} and nxt.endswith("ing") and len(nxt) > 4 and i + 1 < n and lemmas[i + 1] != nxt and prev not in AUX and prev not in {"see", "saw", "seen", "heard", "hear", "watch", "watched", "and", "or", "with", "while", "when", "because"}:
            if nxt not in {"thing", "king", "ring", "sing", "bring", "spring", "string", "nothing", "something", "anything", "everything", "being", "morning", "evening", "during", "sibling", "darling", "ceiling", "building", "feeling", "meeting", "wedding", "pudding", "ping", "swing", "sting", "wing", "cling", "fling", "wring", "sling", "bling", "zing"}:
                yield i, i + 2, "zero-copula"
        if low.startswith("a-") and re.fullmatch(r"a-[a-z]+(?:ing|in'?)", low):
            yield i, i + 1, "a-prefixing"
        if low == "a" and nxt == "-" and nxt2.endswith(("ing", "in'", "in")) and len(nxt2) > 4:
            yield i, i + 3, "a-prefixing"
        if low == "for" and nxt == "to" and i + 2 < n and doc[i + 2].is_alpha and lemmas[i + 2] == lowers[i + 2] \
                and lowers[i + 2] not in {"the", "a", "an", "my", "your", "his", "her", "our", "their", "me", "him", "us", "them", "you", "it", "be", "do", "go", "come", "this", "that"}:
            yield i, i + 3, "for-to"
        if low == "what" and i >= 2 and lowers[i - 2] in {"the", "that", "this", "those", "them", "a"} and doc[i - 1].is_alpha and prev not in {"know", "see", "mean", "about", "is", "was"} \
                and (nxt in SUBJ | {"was", "is", "were", "did", "had", "lives", "lived"} or nxt in PARTICIPLES_AS_PAST | PRETERITES_AS_PART - {"did"} | {"said", "told", "made", "took", "came", "stole", "broke", "lives", "works", "owns"}
                     or nxt.endswith("ed") and lemmas[i + 1] != nxt and nxt not in ("happened",)) \
                and not any(lemmas[j] in {"ask", "tell", "show", "know", "wonder", "explain", "teach", "remind", "see", "understand", "say"} for j in range(0, i - 2)):
            yield i - 2, i + 1, "what-relative"
        if low == "anymore" and not is_question:
            start, end = _clause_bounds(lowers, i)
            if not any(lowers[j] in NEG_FIRST | {"hardly", "barely", "rarely", "scarcely", "seldom"} for j in range(0, i)):
                yield i, i + 1, "positive-anymore"
        if low in {"fixing", "fixin", "fixin'", "fixin’"} and nxt == "to" and prev in {"'m", "am", "is", "are", "'re", "'s", "was", "were"} | SUBJ:
            yield i, i + 2, "fixing-to"
        if low == "after" and (prev in {"'m", "am", "is", "are", "'re", "'s", "was", "were", "be"} or prev in {"just", "only", "only-just"} and i >= 2 and lowers[i - 2] in {"'m", "am", "is", "are", "'re", "'s", "was", "were", "be"}) and nxt.endswith(("ing", "in'")) and len(nxt) > 4 and lemmas[i + 1] != nxt:
            yield i, i + 2, "after-perfect"
        m = re.fullmatch(r"([a-z]+)(nae|na|nay)", low) if low.endswith(("na", "nae", "nay")) else None
        if (m and m.group(1) in SCOTS_NEG_STEMS and low not in {"donna", "anna", "henna", "gonna", "wanna"}) or low in {
            "canna", "dinna", "winna", "didna", "couldna", "wouldna", "isna", "wasna", "hasna", "doesna",
        }:
            yield i, i + 1, "scots-negation"
        if (low in NUMBER_WORDS or (low.isdigit() and low not in {"1", "0"})) and nxt in PLURALS_AFTER_NUMBER and (nxt2 in CLAUSE_END or nxt2 in {"ago", "back", "since", "away", ""}):
            yield i, i + 2, "zero-plural"
        if low == "me" and nxt in ME_POSSESSED and prev not in GIVE_VERBS and (i == 0 or lemmas[i - 1] not in GIVE_VERBS):
            if nxt not in {"own", "old"} or nxt2 not in CLAUSE_END:
                yield i, i + 2, "me-possessive"
        if low in {"was", "were", "'s", "is", "am", "'m", "'re", "are"} and nxt in {"sat", "stood"} and prev in SUBJ | {"who", "just", "still"}:
            yield i, i + 2, "was-sat"
        if low in {"innit", "init"}:
            yield i, i + 1, "invariant-tag"
        # g-dropping on any -in' word whose -ing form exists ("goin'", "nothin'")
        text = doc[i].text.replace("’", "'")
        if len(text) > 4 and text.lower().endswith("in'") and text[:-1].isalpha():
            yield i, i + 1, "g-dropping"
        elif low in ("in'",) and i > 0 and lowers[i - 1].isalpha() and not doc[i - 1].whitespace_:
            yield i - 1, i + 1, "g-dropping"
        if low in EYE_DIALECT_WORDS and low not in EYE_DIALECT_QUIET:
            yield i, i + 1, "eye-dialect"
        elif low == "gon" and nxt == "na" or low in {"wan", "got", "out", "kind", "sort", "lot", "could", "would", "should", "must"} and nxt in {"na", "ta", "a"} and not doc[i].whitespace_ or low in {"lem", "gim"} and nxt == "me" and not doc[i].whitespace_:
            yield i, i + 2, "eye-dialect"
        elif low == "du" and nxt == "n" and nxt2 == "no":
            yield i, i + 3, "eye-dialect"


def eye_dialect_gloss(text: str) -> str:
    """The standard spelling for an eye-dialect form ('goin'' → 'going')."""
    low = text.lower().replace("’", "'").replace(" ", "")
    if low in EYE_DIALECT_WORDS:
        return f"'{text}' = {EYE_DIALECT_WORDS[low]}"
    if low.endswith("in'"):
        return f"'{text}' = {text[:-1]}g"
    return RULES["eye-dialect"]["gloss"]


#: language -> rule function over a Doc
LANG_RULES: dict[str, Callable[[Any], Iterator[Span]]] = {"en": english_rules}

VOCATIVE_OPENERS = {
    "en": {"yes", "no", "yeah", "yep", "nah", "thanks", "thank", "hey", "hi", "hello", "oi", "oy", "morning",
           "evening", "night", "cheers", "sorry", "please", "right", "okay", "ok", "alright", "well", "aye",
           "listen", "look", "come", "on", "bye", "goodbye", "excuse", "pardon", "g'day", "howdy", "now",
           "you", "ta", "oh", "ah", "welcome", "certainly", "sure", "quite"},
    "es": {"sí", "no", "gracias", "hola", "oye", "mira", "vale", "bueno", "adiós", "perdón", "claro"},
    "fr": {"oui", "non", "merci", "salut", "bonjour", "bonsoir", "pardon", "allez", "eh", "bon", "au",
           "revoir", "dis", "écoute", "voyons"},
}
_BOUNDARY = CLAUSE_END | {"!", "?", "(", ")", "-", "'", "‘", "’"}


def is_vocative(doc: Any, start: int, end: int, lang: str) -> bool:
    """True when tokens [start, end) are used to address someone ("Thanks, mate." "Sir, I …" "Yes sir")."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    openers = VOCATIVE_OPENERS.get(lang, set())
    left_ok = start == 0 or before in _BOUNDARY or before in openers or (start >= 2 and doc[start - 2].lower_ == "thank" and before == "you")
    right_ok = end == len(doc) or after in _BOUNDARY
    if before in {"my", "mi", "mon", "ma"} and (start < 2 or doc[start - 2].lower_ in _BOUNDARY | openers):
        left_ok = True  # "my love", "mon chéri"
    return left_ok and right_ok


# -- flags ------------------------------------------------------------------------------------------

TV_SUGGESTION = {
    "T": "familiar address: choose the familiar form in the target (es tú, fr tu, de du, it tu)",
    "V": "formal address: choose the formal form in the target (es usted, fr vous, de Sie, it Lei)",
    "": "the target forces a choice: tú/usted, tu/vous, du/Sie — decide from the relationship",
}
PROFANITY_SUGGESTION = {
    "mild": "mild: a mild target word; subtitles may soften it further",
    "moderate": "moderate: keep the strength; check the client's profanity policy",
    "strong": "strong: keep the strength unless the client's policy says otherwise; never add or drop it silently",
}
KIND_CONFIDENCE = {"dialect": 0.8, "slang": 0.6, "profanity": 0.9, "register": 0.7}


def collect(ctx: Any) -> list[Any]:
    """Flags for dialect.jsonl markers and grammar rules."""
    from .context import Context

    assert isinstance(ctx, Context)
    flags = []
    promoted = _scots_speakers(ctx)
    for item in ctx.items:
        if item.is_sdh:
            continue
        lexical: list[tuple[int, int]] = []
        for span in item.doc.spans.get("locpipe_dialect", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is None:
                continue
            label = entry["label"]
            kind = entry.get("kind", "dialect")
            if label == "address" and isinstance(entry["pattern"], str) and not is_vocative(
                item.doc, span.start, span.end, ctx.lang
            ):
                continue
            variety = entry.get("variety", "")
            evidence = [f"{label} marker" + (f" of {variety} English" if variety and ctx.lang == "en" and variety != "General" else (f" ({variety})" if variety else ""))]
            suggestion = "keep the character's voice: render it with a matching register in the target, not standard language"
            severity = "info"
            if label == "address":
                suggestion = TV_SUGGESTION.get(entry.get("formality", ""), TV_SUGGESTION[""])
            elif kind == "profanity" or label == "profanity":
                strength = entry.get("strength", "moderate")
                evidence.append(f"profanity, {strength}")
                suggestion = PROFANITY_SUGGESTION.get(strength, "")
                severity = "functional" if strength == "strong" else "info"
            elif kind == "slang":
                suggestion = "slang: translate the meaning with target slang of the same age and register"
            lexical.append((span.start, span.end))
            flags.append(ctx.flag(
                item, span.start_char, span.end_char, kind=kind, label=label, rule_id=entry["id"],
                gloss=entry["gloss"], evidence=evidence, suggestion=suggestion,
                confidence=KIND_CONFIDENCE.get(kind, 0.7), severity=severity,
            ))
        for span in item.doc.spans.get("locpipe_grammar", []):
            if any(s <= span.start and span.end <= e for s, e in lexical):
                continue  # the lexicon already says it, with a better gloss
            slug = span.id_.split(".rule.", 1)[-1]
            rule = RULES.get(slug)
            if rule is None:
                continue
            evidence = [f"grammar rule '{slug}' ({rule['variety']})"]
            if slug.endswith("-weak"):
                speaker = (item.segment.speaker or "").lower()
                if speaker not in promoted and "" not in promoted:
                    continue
                evidence.append(promoted.get(speaker) or promoted[""])
            gloss = eye_dialect_gloss(span.text) if rule["label"] == "eye-dialect" else rule["gloss"]
            flags.append(ctx.flag(
                item, span.start_char, span.end_char, kind=rule["kind"], label=rule["label"], rule_id=span.id_,
                gloss=gloss, evidence=evidence,
                suggestion="non-standard on purpose: keep the character's voice with a target-language equivalent, do not correct it",
                confidence=(0.6 if slug.endswith("-weak") else 0.75) if rule["label"] == "grammar" else 0.7,
            ))
    return flags


#: Scottish markers a speaker (or, without speaker names, the transcript) needs before an ambiguous
#: Scots feature of theirs is flagged
SCOTS_PROMOTION = 3


def _scots_speakers(ctx: Any) -> dict[str, str]:
    """Speakers (lowercase; "" for the whole transcript when no speaker is named) whose lines show Scots:
    an unambiguous Scots 'no', or :data:`SCOTS_PROMOTION` Scottish markers. Value: the evidence."""
    strong: dict[str, int] = {}
    markers: dict[str, int] = {}
    for item in ctx.items:
        if item.is_sdh:
            continue
        speaker = (item.segment.speaker or "").lower()
        for span in item.doc.spans.get("locpipe_grammar", []):
            if span.id_.endswith(".rule.scots-no"):
                strong[speaker] = strong.get(speaker, 0) + 1
            elif span.id_.endswith(".rule.scots-negation"):
                markers[speaker] = markers.get(speaker, 0) + 1
        for span in item.doc.spans.get("locpipe_dialect", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is not None and "Scottish" in entry.get("variety", ""):
                markers[speaker] = markers.get(speaker, 0) + 1
    who = "this speaker" if any(strong) or any(markers) else "this transcript"
    out: dict[str, str] = {}
    for speaker in set(strong) | set(markers):
        if strong.get(speaker):
            out[speaker] = f"{who} uses Scots 'no' = not {strong[speaker]} time(s) where it is unambiguous"
        elif markers.get(speaker, 0) >= SCOTS_PROMOTION:
            out[speaker] = f"{who} uses {markers[speaker]} Scots markers elsewhere"
    return out


# -- more grammatical features ------------------------------------------------------------------------

RULES.update({
    "personal-dative": {"kind": "dialect", "label": "grammar", "variety": "US South / Appalachian",
                        "gloss": "personal dative: 'I got me a new car' = I got (myself) a new car"},
    "absolute-reflexive": {"kind": "dialect", "label": "grammar", "variety": "Irish / Scottish",
                           "gloss": "reflexive as subject: 'Himself is gone' = he (the man of the house) has gone"},
    "own-self": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                 "gloss": "'their own self' = themselves"},
    "regularized-plural": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                           "gloss": "regularized plural ('childrens', 'wifes' = children, wives)"},
    "mass-noun-plural": {"kind": "dialect", "label": "grammar", "variety": "World Englishes (India, Africa, Asia)",
                         "gloss": "plural of a mass noun ('advices', 'informations' = advice, information)"},
    "associative-plural": {"kind": "dialect", "label": "grammar", "variety": "AAVE / Caribbean / South African",
                           "gloss": "'X and them' = X and the people with X"},
    "double-determiner": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                          "gloss": "two determiners ('this our problem' = this problem of ours)"},
    "article-number": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                       "gloss": "article before a number ('a three fields' = about three fields)"},
    "yon": {"kind": "dialect", "label": "grammar", "variety": "Scottish / Northern English / US South",
            "gloss": "'yon/yonder' = that (over there)"},
    "this-here": {"kind": "dialect", "label": "grammar", "variety": "US South / Appalachian / British dialects",
                  "gloss": "'this here book / them there books' = this book / those books"},
    "double-comparative": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                           "gloss": "double comparative or superlative ('more easier', 'most best')"},
    "regularized-comparison": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                               "gloss": "regularized comparison ('goodest', 'worser', 'fightingest')"},
    "than-without-comparative": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                                 "gloss": "'than' with no comparative ('loves his car than his children' = more than)"},
    "stative-progressive": {"kind": "dialect", "label": "grammar", "variety": "Indian / Irish / World Englishes",
                            "gloss": "progressive of a state verb ('I'm knowing', 'are you wanting')"},
    "ever-perfect": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                     "gloss": "'ever' marking experience ('I ever see the movie' = I have seen)"},
    "need-participle": {"kind": "dialect", "label": "grammar", "variety": "Scottish / Northern Irish / US Midland",
                        "gloss": "'needs washed' = needs washing / needs to be washed"},
    "double-past": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (non-standard)",
                    "gloss": "past marked twice ('didn't stayed' = didn't stay)"},
    "preverbal-negator": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Pidgin / World Englishes",
                          "gloss": "'no/not' before the verb ('me no eat' = I don't eat)"},
    "amnt": {"kind": "dialect", "label": "grammar", "variety": "Irish / Scottish",
             "gloss": "'amn't' = am not"},
    "invariant-tag-can": {"kind": "dialect", "label": "grammar", "variety": "Singapore / Malaysian English",
                          "gloss": "invariant tag 'can or not?' = is that possible?"},
    "theres-plural": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial)",
                      "gloss": "'there's' with a plural ('there's two men' = there are)"},
    "plural-verb-s": {"kind": "dialect", "label": "grammar", "variety": "Northern English / Scottish / Appalachian",
                      "gloss": "-s on the verb after a plural noun ('birds sings'; Northern Subject Rule)"},
    "it-deletion": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                    "gloss": "no 'it' before 'is' ('Is very nice' = it is very nice)"},
    "resumptive-pronoun": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                           "gloss": "pronoun repeated in a relative clause ('the house which I painted it')"},
    "than-what": {"kind": "dialect", "label": "grammar", "variety": "British (colloquial)",
                  "gloss": "'than what' = than ('harder than what you think')"},
    "make-to": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                "gloss": "'to' after make/let ('made me to do it' = made me do it)"},
    "final-but": {"kind": "dialect", "label": "grammar", "variety": "Scottish / Australian / Irish",
                  "gloss": "clause-final 'but' = though"},
    "conjunction-doubling": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                             "gloss": "doubled conjunction ('although …, but …', 'still yet')"},
    "real-adverb": {"kind": "dialect", "label": "grammar", "variety": "US (colloquial)",
                    "gloss": "'real' as an adverb ('real good' = really good)"},
    "no-inversion": {"kind": "dialect", "label": "grammar", "variety": "AAVE / World Englishes",
                     "gloss": "question without auxiliary or inversion ('What he wants?' = what does he want)"},
    "most-thing": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                   "gloss": "'the most thing' = the thing … most"},
    "quotative-like": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial, young speakers)",
                       "gloss": "quotative 'be like' = said / thought"},
    "reduplication": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / World Englishes",
                      "gloss": "reduplicated question word ('who-who' = who (all))"},
    "relativizer-at": {"kind": "dialect", "label": "grammar", "variety": "Scottish / Northern English / Appalachian",
                       "gloss": "'at' or 'what' as relative pronoun ('the man at painted it' = who painted it)"},
})

REGULARIZED_PLURALS = {
    "childrens", "oxens", "sheeps", "wifes", "knifes", "lifes", "leafs", "mens", "womens", "feets", "teeths",
    "mices", "gooses", "foots", "peoples'", "deers", "fishes'", "mooses", "thiefs", "halfs", "wolfs",
    "shelfs", "calfs", "loafs",
}
MASS_PLURALS = {"advices", "informations", "equipments", "furnitures", "luggages", "baggages", "homeworks",
                "knowledges", "staffs", "researches", "feedbacks", "softwares", "machineries", "sceneries"}
COMPARATIVES_IRREGULAR = {"better", "best", "worse", "worst", "more", "less", "least"}
REGULARIZED_COMPARISON = {"goodest", "baddest", "worser", "worsest", "bestest", "funner", "funnest",
                          "beautifuller", "beautifullest", "regularest", "wonderfullest", "gooder"}
STATIVE = {"liking", "wanting", "knowing", "understanding", "loving", "hating", "needing", "believing",
           "owning", "preferring", "belonging", "seeming", "possessing", "recognising", "recognizing", "doubting"}
SHORT_ADJ = {"good", "bad", "nice", "quick", "fast", "slow", "easy", "hard", "happy", "sad", "sorry", "pretty",
             "quiet", "close", "cold", "hot", "big", "small", "sick", "tired", "glad", "cheap", "strong", "loud",
             "smart", "funny", "crazy", "early", "late", "careful", "clean"}
PRED_ADJ = SHORT_ADJ | {"ready", "fine", "busy", "right", "wrong", "mad", "angry", "rich", "poor", "old", "young",
                        "tall", "short", "fat", "dead", "alive", "hungry", "here", "there", "home", "sure", "scared"}
SUBJ_PRON = {"i", "you", "he", "she", "we", "they"}
OBJ_FOR = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them", "you": "you"}
VERB_LEMMAS = BASE_VERBS | {
    "eat", "drink", "sing", "dance", "walk", "show", "cook", "write", "read", "sleep", "swim", "fish", "float",
    "grow", "buy", "sell", "build", "paint", "catch", "cry", "laugh", "speak", "watch", "listen", "open",
    "close", "bring", "send", "pay", "win", "lose", "sit", "stand", "wait", "stay", "help", "start", "stop",
    "finish", "learn", "teach", "understand", "remember", "forget", "fight", "throw", "bite", "fly", "jump",
}
NEG_AUX_START = {"do", "does", "did", "is", "was", "were", "ca", "wo", "ai", "are", "have", "has", "could",
                 "would", "should"}


def more_english_rules(doc: Any) -> Iterator[Span]:
    """Further grammatical features (eWAVE catalogue areas: pronouns, noun phrase, verb phrase, clauses)."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        nxt3 = lowers[i + 3] if i + 3 < n else ""
        start = _at_clause_start(lowers, i)
        if low in SUBJ_PRON and low != "you" and nxt in {"got", "get", "bought", "buy", "found", "want", "need", "made", "caught"} \
                and nxt2 == OBJ_FOR[low] and nxt3 in {"a", "an", "some", "one", "two", "the", "my"}:
            yield i, i + 3, "personal-dative"
        if low in {"himself", "herself"} and start and nxt in {"is", "was", "'s", "has", "will", "'ll", "would", "said", "says", "wants"}:
            yield i, i + 2, "absolute-reflexive"
        if low == "own" and nxt in {"self", "selves"} and prev in {"their", "his", "her", "my", "your", "our"}:
            yield i - 1, i + 2, "own-self"
        if low in REGULARIZED_PLURALS:
            yield i, i + 1, "regularized-plural"
        if low in MASS_PLURALS:
            yield i, i + 1, "mass-noun-plural"
        if low == "and" and nxt in {"them", "dem", "em", "'em"} and i > 0 and doc[i - 1].is_alpha and (
                nxt2.endswith("ing") or nxt2 in {"'s", "went", "came", "were", "are", "all", "dem"}):
            yield i - 1, i + 2, "associative-plural"
        if low in {"this", "these", "those"} and nxt in {"our", "my", "your", "his", "their"}:
            yield i, i + 2, "double-determiner"
        if low in {"a", "an"} and nxt in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"} \
                and nxt2 not in {"-", "hundred", "thousand", "year", "day"} and nxt2 and doc[i + 2].is_alpha \
                and lowers[i + 2].endswith("s"):
            yield i, i + 3, "article-number"
        if low in {"yon", "yonder"} and (low == "yon" or prev != "over"):
            yield i, i + 1, "yon"
        if low in {"this", "them", "these", "those"} and nxt in {"here", "there"} and nxt2 and doc[i + 2].is_alpha \
                and nxt2 not in AUX and nxt2 not in {"and", "or", "but", "now", "too", "again", "yet", "is", "are"}:
            yield i, i + 3, "this-here"
        if low in {"more", "most"} and i + 1 < n and doc[i + 1].is_alpha and (
                (nxt.endswith(("er", "est")) and lemmas[i + 1] != nxt and nxt not in {"later", "earlier"} and lemmas[i + 1] in SHORT_ADJ | {"easy", "big", "bad", "good", "pretty", "happy", "heavy", "early", "funny"})
                or nxt in COMPARATIVES_IRREGULAR - {"more", "less", "least"}):
            yield i, i + 2, "double-comparative"
        if low in REGULARIZED_COMPARISON or (low.endswith("ingest") and len(low) > 8):
            yield i, i + 1, "regularized-comparison"
        if low in {"most", "more"} and nxt in {"pretty", "happy", "easy", "big", "nice", "good", "bad", "funny", "heavy"} and prev in {"the", "one", "a"}:
            yield i, i + 2, "regularized-comparison"
        if low == "than" and i > 1:
            window = lowers[max(0, i - 6):i]
            if not any(w in COMPARATIVES_IRREGULAR | {"rather", "other", "different", "else", "prefer", "sooner", "differently", "otherwise"}
                       or (w.endswith(("er", "ier")) and len(w) > 3) for w in window):
                yield i, i + 1, "than-without-comparative"
        if low in {"am", "are", "is", "was", "were"} and nxt in SUBJ and nxt2 in STATIVE and i + 3 < n and lowers[i + 3] not in {"to", "about", "of", "forward", "?"}:
            yield i, i + 3, "stative-progressive"
        if low in {"'m", "am", "are", "'re", "is", "'s", "was", "were"} and nxt in STATIVE and nxt2 not in {"to", "about", "of", "forward"}:
            yield i, i + 2, "stative-progressive"
        if low in SUBJ_PRON and nxt == "ever" and nxt2 in VERB_LEMMAS and not is_question:
            yield i, i + 3, "ever-perfect"
        if lemmas[i] in {"need", "want"} and nxt.endswith("ed") and i + 1 < n and lemmas[i + 1] != nxt and prev not in {"i", "you", "we", "they", "have", "has"} or (
                lemmas[i] in {"need", "want"} and low.endswith("s") and nxt.endswith("ed") and i + 1 < n and lemmas[i + 1] != nxt):
            yield i, i + 2, "need-participle"
        if low in {"did", "do", "does"} and nxt in {"n't", "not"} and i + 2 < n and nxt2.endswith("ed") and lemmas[i + 2] != nxt2:
            yield i, i + 3, "double-past"
        if (low in SUBJ_PRON or low == "me") and nxt in {"no", "not"} and nxt2 in VERB_LEMMAS and prev not in AUX and not (
                nxt == "not" and prev in {"if", "whether", "or"}) and nxt2 not in {"do", "have", "be"}:
            yield i, i + 3, "preverbal-negator"
        if low == "am" and nxt == "n't":
            yield i, i + 2, "amnt"
        if low == "can" and nxt == "or" and nxt2 == "not":
            yield i, i + 3, "invariant-tag-can"
        if low == "there" and nxt in {"'s", "is", "was"} and nxt2 in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many"}:
            yield i, i + 3, "theres-plural"
        if i + 1 < n and low.endswith("s") and len(low) > 3 and lemmas[i] + "s" == low and lemmas[i] not in VERB_LEMMAS \
                and doc[i].is_alpha and (i == 0 or lowers[i - 1] in {"the", "all", "my", "our", "your", "their", "his", "her", "some", "these", "those"}) \
                and lemmas[i + 1] in VERB_LEMMAS and nxt == lemmas[i + 1] + "s" and nxt not in {"is", "was", "has", "does"}:
            yield i, i + 2, "plural-verb-s"
        if i == 0 and low in {"is", "was"} and not is_question and nxt in {"very", "ok", "okay", "not", "good", "nice", "fine", "so", "too", "really"}:
            yield i, i + 2, "it-deletion"
        if low in {"which", "that", "who"} and nxt in SUBJ_PRON and i + 3 < n and doc[i + 2].is_alpha \
                and lowers[i + 3] in {"it", "him", "her", "them"} and (i + 4 >= n or lowers[i + 4] in CLAUSE_END | {"yesterday", "today", "last", "before"}) \
                and i > 0 and doc[i - 1].is_alpha and lowers[i - 1] not in {"know", "say", "said", "think", "thought", "hope", "so"}:
            yield i, i + 4, "resumptive-pronoun"
        if low == "than" and nxt == "what" and nxt2 in SUBJ_PRON | {"it"}:
            yield i, i + 2, "than-what"
        if lemmas[i] in {"make", "let"} and nxt in {"me", "him", "her", "us", "them", "you"} and nxt2 == "to" and i + 3 < n and lemmas[i + 3] in VERB_LEMMAS | {"be"}:
            yield i, i + 3, "make-to"
        if low == "but" and i > 2 and (i + 1 == n or lowers[i + 1] in {".", "!", "?", "…", "..."}) and prev not in CLAUSE_END:
            yield i, i + 1, "final-but"
        if low == "still" and nxt == "yet":
            yield i, i + 2, "conjunction-doubling"
        if low == "but" and prev == "," and any(w in {"although", "though", "even"} for w in lowers[:max(0, i - 1)]) \
                and lowers[0] in {"although", "though", "even"}:
            yield i, i + 1, "conjunction-doubling"
        if low == "real" and nxt in SHORT_ADJ | {"well", "quick", "soon"} and prev not in {"the", "a", "is", "'s", "was", "be", "for"}:
            yield i, i + 2, "real-adverb"
        if low in {"what", "where", "why", "how", "who", "when"} and i == 0 and nxt in {"he", "she", "it", "you", "they", "we"} \
                and i + 2 < n and (nxt2.endswith("ing") or (nxt2.endswith("s") and lemmas[i + 2] in VERB_LEMMAS and nxt in {"he", "she", "it"}) or nxt2 in PRED_ADJ) \
                and is_question and nxt2 not in {"thing", "nothing", "something"}:
            yield i, i + 3, "no-inversion"
        if low == "most" and prev == "the" and nxt in {"thing", "things"}:
            yield i - 1, i + 2, "most-thing"
        if low == "like" and prev in {"was", "were", "'m", "am", "is", "'s", "'re", "are", "be"} and (
                i + 1 == n or nxt in {",", ":", '"', "“", "'", "…", "...", "-", "—"} or nxt in {"oh", "wow", "what", "no", "yeah", "whoa"}) \
                and i >= 2 and lowers[i - 2] in SUBJ_PRON | {"it", "everyone", "everybody"}:
            yield i - 1, i + 1, "quotative-like"
        if low in {"who", "what", "where"} and nxt == "-" and nxt2 == low:
            yield i, i + 3, "reduplication"
        if low in {"at", "as", "what"} and i > 1 and lowers[i - 1].isalpha() and lowers[i - 2] in {"the", "a", "that", "this"} \
                and i + 1 < n and (nxt.endswith("ed") or low == "at" and nxt == lemmas[i + 1] + "s") and lemmas[i + 1] != nxt and lemmas[i + 1] in VERB_LEMMAS | {"paint", "live", "die", "marry", "own", "fix"}:
            yield i, i + 2, "relativizer-at"
        # pronoun + adjective / article / preposition with no copula ("she smart", "he a good teacher")
        if low in {"he", "she", "they", "we"} and start and (nxt in PRED_ADJ - {"here", "there", "home"} or nxt in {"a", "an", "at", "in"}) \
                and not is_question and nxt2 not in ("-",) and not (nxt in {"a", "an"} and nxt2 in {"lot", "bit", "little"}):
            yield i, i + 2, "zero-copula"
        if low in ("i",) and nxt == "'s" and nxt2 in {"going", "gon", "not", "a", "the", "here", "there", "fine", "ok"}:
            yield i, i + 2, "is-levelling"
        if low == "if" and nxt == "i" and nxt2 == "was" and nxt3 in {"you", "him", "her", "them"}:
            yield i + 1, i + 3, "was-levelling"
        if low in SUBJ_PRON and low not in {"i", "you"} and nxt == "be" and prev not in AUX and prev not in {"let", "to", "will", "may", "might"} and (
                i + 2 >= n or nxt2 in PRED_ADJ or lowers[i + 2] in CLAUSE_END) and not is_question:
            yield i, i + 2, "habitual-be"
        if low == "i" and nxt == "be" and prev not in AUX and prev not in {"let", "to", "will", "if", "shall", "may", "might"} and (
                i + 2 >= n or nxt2 in PRED_ADJ or lowers[i + 2] in CLAUSE_END):
            yield i, i + 2, "habitual-be"


RULES.update({
    "scots-no": {"kind": "dialect", "label": "grammar", "variety": "Scottish",
                 "gloss": "Scots 'no' = not ('You'll no get that' = you won't get that; 'no a tennis player' = not a …)"},
    # the same reading where standard English could also say it ("That's no football"): flagged only
    # when the transcript (the same speaker, where speakers are known) uses Scots 'no' or Scots elsewhere
    "scots-no-weak": {"kind": "dialect", "label": "grammar", "variety": "Scottish",
                      "gloss": "probably Scots 'no' = not ('That's no football' = that's not football)"},
})
BE_FORMS = {"'m", "am", "'s", "is", "'re", "are", "was", "were"}
NO_MODALS = {"'ll", "will", "would", "'d", "can", "could", "should", "must", "might", "shall", "do", "does", "did"}
#: "no" + these is standard English ("no longer", "no one", "no doubt" …)
NO_STANDARD_NEXT = {"one", "longer", "more", "less", "way", "matter", "doubt", "sooner", "wonder", "problem",
                    "idea", "good", "use", "better", "worse", "different", "fun", "joke", "big", "small", "fool",
                    "secret", "excuse", "time", "reason", "need", "point", "chance", "question", "surprise",
                    "exception", "accident", "coincidence", "picnic", "help", "hurry", "rush", "place", "match",
                    "substitute", "expert", "stranger", "angel", "saint", "object", "comparison", "contest",
                    "laughing", "end", "thanks",
                    "offence", "offense", "harm", "sense", "shame", "further", "other", "such", "ordinary"}
NO_ADJ = (PRED_ADJ | {"ready", "well", "right", "bad", "sure", "happy", "allowed", "able", "bothered", "finished",
                      "done", "here", "there", "that", "too", "very", "so", "really", "even"}) - NO_STANDARD_NEXT


def scots_no(doc: Any) -> Iterator[Span]:
    """Scots 'no' = not: after a modal/auxiliary before a verb, after a form of be before an adjective,
    an -ing verb or an article, or contrastive ", no a …"; never at sentence start, never "no one/longer/…"."""
    from .components import token_lists

    lists = token_lists(doc)
    lowers, lemmas = lists.lowers, lists.lemmas
    n = len(lowers)
    for i, low in enumerate(lowers):
        if low != "no" or i == 0 or i + 1 >= n:
            continue
        prev, nxt = lowers[i - 1], lowers[i + 1]
        if nxt in NO_STANDARD_NEXT or not doc[i + 1].is_alpha:
            continue
        subject = lowers[i - 2] if i >= 2 else ""
        if prev in NO_MODALS and (nxt in VERB_LEMMAS or lemmas[i + 1] == nxt and nxt in {"be", "get", "have", "go", "know", "let", "mind", "bother", "worry", "fit", "manage"}) or prev in BE_FORMS and subject != "there" and (
                nxt in {"a", "an", "the"}
                or (nxt in NO_ADJ and (i + 2 >= n or lowers[i + 2] in CLAUSE_END | {"to", "for", "enough", "yet", "at", "now"}))
                or (nxt.endswith("ing") and len(nxt) > 4 and lemmas[i + 1] != nxt)):
            yield i, i + 1, "scots-no"
        elif prev == "," and nxt in {"a", "an", "the"} and any(
                lowers[j] in BE_FORMS and j + 1 < i and lowers[j + 1] in {"a", "an", "the"} for j in range(max(0, i - 6), i)):
            yield i, i + 1, "scots-no"  # contrast: "I'm a cook, no a tennis player"
        elif prev in BE_FORMS and subject not in {"there", "here"} and doc[i + 1].is_alpha and nxt not in {"a", "an", "the"}:
            yield i, i + 1, "scots-no-weak"  # "That's no football"
        elif prev == "," and doc[i + 1].is_title and i >= 2 and any(lowers[j] in BE_FORMS for j in range(max(0, i - 6), i)):
            yield i, i + 1, "scots-no-weak"  # "it's Burns Night, no Christmas"


RULES.update({
    "creole-marker": {"kind": "dialect", "label": "grammar", "variety": "Caribbean Creole / West African Pidgin",
                      "gloss": "creole or pidgin function word ('dem' plural/they, 'wetin' what, 'pikin' child, 'unu' you all)"},
    "second-plural": {"kind": "dialect", "label": "grammar", "variety": "Appalachian / Pittsburgh / Caribbean / Nigerian",
                      "gloss": "a plural 'you' ('yinz', 'you'uns', 'unu', 'una' = you all)"},
    "been-perfect": {"kind": "dialect", "label": "grammar", "variety": "AAVE / Caribbean / General (non-standard)",
                     "gloss": "'been' without 'have' ('I been knowing him' = I have known him for a long time)"},
    "zero-past": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                  "gloss": "verb without past marking next to a past time ('he come yesterday' = he came)"},
    "perfect-past-time": {"kind": "dialect", "label": "grammar", "variety": "World Englishes (India, Africa, Asia)",
                          "gloss": "present perfect with a finished time ('I have seen him yesterday' = I saw him)"},
    "already-perfective": {"kind": "dialect", "label": "grammar", "variety": "Singapore / Malaysian / Philippine / Indian",
                           "gloss": "'already' marking completion after a bare verb ('I eat already' = I have eaten)"},
    "use-to": {"kind": "dialect", "label": "eye-dialect", "variety": "General (informal writing)",
               "gloss": "'use to' for 'used to' in a positive statement"},
    "liketa": {"kind": "dialect", "label": "grammar", "variety": "Appalachian / US South",
               "gloss": "'liketa / like to' = nearly ('I liketa died' = I nearly died)"},
    "embedded-inversion": {"kind": "dialect", "label": "grammar", "variety": "Irish / Indian / World Englishes",
                           "gloss": "question word order in an indirect question ('I asked where does he live')"},
    "never-past": {"kind": "dialect", "label": "grammar", "variety": "British / Australian / Caribbean (colloquial)",
                   "gloss": "'never' = didn't, for one occasion ('I never took it yesterday')"},
    "invariant-isnt-it": {"kind": "dialect", "label": "grammar", "variety": "Indian / South African / Welsh / World Englishes",
                          "gloss": "invariant tag 'isn't it?' / 'not so?' whatever the clause ('You're coming, isn't it?')"},
    "which-person": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                     "gloss": "'which' as relative for a person ('the man which came')"},
    "relative-deletion": {"kind": "dialect", "label": "grammar", "variety": "British / Irish / US South / AAVE",
                          "gloss": "no subject relative pronoun ('There's a man lives here' = a man who lives here)"},
    "say-complementizer": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / West African Pidgin",
                           "gloss": "'say' = that, after a verb of saying or knowing ('He tell me say he come')"},
    "discourse-particle": {"kind": "dialect", "label": "grammar", "variety": "Singapore / Malaysian",
                           "gloss": "sentence-final particle ('lah', 'leh', 'lor', 'meh') marking attitude"},
    "eh-tag": {"kind": "dialect", "label": "grammar", "variety": "Canadian / New Zealand",
               "gloss": "tag 'eh?' = right? / isn't it?"},
    "plural-singular-verb": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                             "gloss": "singular verb with a plural subject ('the boys was', 'my friends is')"},
    "itself-focus": {"kind": "dialect", "label": "grammar", "variety": "Indian English",
                     "gloss": "'itself' as emphasis on a time or place ('today itself' = this very day)"},
    "only-focus": {"kind": "dialect", "label": "grammar", "variety": "Indian English",
                   "gloss": "clause-final 'only' as emphasis ('he is like that only' = that's just how he is)"},
    "be-perfect": {"kind": "dialect", "label": "grammar", "variety": "Canadian / Philadelphia / Scottish",
                   "gloss": "'be done/finished' + object ('I'm done my homework' = I've finished my homework)"},
    "kena-passive": {"kind": "dialect", "label": "grammar", "variety": "Singapore / Malaysian",
                     "gloss": "'kena' passive (an adversity: 'he kena scolded' = he got told off)"},
    "since-long": {"kind": "dialect", "label": "grammar", "variety": "Indian / World Englishes",
                   "gloss": "'since long / since ages' = for a long time"},
    "zero-3sg-noun": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                      "gloss": "no -s on the verb after a singular noun ('my brother live there')"},
    "would-if": {"kind": "dialect", "label": "grammar", "variety": "US / General (colloquial)",
                 "gloss": "'would have' in the if-clause ('if I would have known' = if I had known)"},
})
CREOLE_WORDS = {"wetin", "pikin", "pickney", "pikney", "sabi", "unu", "una", "dey", "neva", "gwan", "cyaan", "kyaan",
                "nuh", "fi", "inna", "pon", "deh", "dem", "wah", "weh", "seh", "ting", "bredda", "fada", "mada",
                "chile", "dat", "dis", "dese", "dose", "wid", "bwoy", "gyal", "mek", "tek", "tink", "likkle",
                "wan", "bin", "don", "go", "im", "mi", "yu", "waan", "nah"}
#: creole words that are also ordinary English words: flagged only next to another creole word or a pronoun pattern
CREOLE_AMBIGUOUS = {"fi", "inna", "pon", "deh", "dem", "wah", "weh", "seh", "ting", "chile", "wan", "bin", "don", "go",
                    "im", "mi", "yu", "nah", "dis", "dat", "dey", "una", "mada"}
SECOND_PLURAL = {"yinz", "you'uns", "youns", "you-uns", "younz", "yuns", "allyuh", "unu", "oona", "yousens"}
PAST_TIMES = {"yesterday", "ago", "last"}
SINGLISH = {"lah", "leh", "lor", "meh", "liao", "sia", "hor"}
PERSON_NOUNS = {"man", "woman", "boy", "girl", "person", "people", "guy", "lady", "teacher", "friend", "child", "children",
                "men", "women", "student", "students", "doctor", "neighbour", "neighbor", "brother", "sister"}
WH = {"where", "what", "when", "why", "how", "who", "which"}
EMBED_VERBS = {"ask", "wonder", "know", "tell", "see", "understand", "remember", "forget", "explain", "show"}
INVERTED_AUX = {"is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "should"}


def world_rules(doc: Any) -> Iterator[Span]:
    """More features from the eWAVE areas: creoles and pidgins, tense and aspect marking, agreement,
    relativization, complementation, discourse particles."""
    lowers, lemmas, n, is_question = _sentence(doc)
    creole = [w in CREOLE_WORDS for w in lowers]
    strong_creole = [w in CREOLE_WORDS and w not in CREOLE_AMBIGUOUS for w in lowers]
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        start = _at_clause_start(lowers, i)
        # creole and pidgin function words: unambiguous ones alone, ambiguous ones beside another
        if strong_creole[i] or (creole[i] and doc[i].is_lower and (
                any(strong_creole[max(0, i - 3):i + 4]) or sum(creole[max(0, i - 3):i + 4]) >= 3)):
            yield i, i + 1, "creole-marker"
        if low in SECOND_PLURAL:
            yield i, i + 1, "second-plural"
        # I been knowing him / she been married
        if low in {"been", "bin"} and prev in SUBJ and (i < 2 or lowers[i - 2] not in AUX) and nxt and nxt not in CLAUSE_END \
                and nxt not in {"there", "here", "to", "in", "at", "on", "around", "away", "out", "up", "down", "home"} and not is_question:
            yield i - 1, i + 1, "been-perfect"
        # he come yesterday: a bare verb with a past time in the clause
        if low in SUBJ and nxt in VERB_LEMMAS and lemmas[i + 1] == nxt and prev not in AUX | {"to", "let", "make", "made", "did", "help", "see", "saw", "watch", "hear", "heard"} \
                and not is_question and nxt not in {"do", "have", "be", "used", "let", "hit", "cut", "put", "read", "set", "cost", "hurt", "quit", "bet", "shut", "spread"}:
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in PAST_TIMES for j in range(i + 2, end)) and not any(
                    lowers[j] in {"every", "each", "since", "before", "will", "'ll"} for j in range(i + 2, end)):
                yield i, i + 2, "zero-past"
        # I have seen him yesterday
        if low in {"have", "has", "'ve"} and prev in SUBJ | {"who"} and i + 1 < n and nxt.endswith(("ed", "en", "wn", "ne", "seen", "ught", "ot", "id", "ung", "one")) \
                and lemmas[i + 1] != nxt and not is_question:
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in {"yesterday", "ago"} or (lowers[j] == "last" and j + 1 < n and lowers[j + 1] in {
                    "night", "week", "year", "month", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday", "summer", "winter"}) for j in range(i + 2, end)):
                yield i, i + 2, "perfect-past-time"
        # I eat already
        if low == "already" and i >= 2 and lowers[i - 2] in SUBJ and prev in VERB_LEMMAS and lemmas[i - 1] == prev \
                and prev not in {"know", "have", "do", "understand", "see", "like", "love", "want", "need", "feel", "seem"} \
                and (i + 1 == n or nxt in CLAUSE_END):
            yield i - 1, i + 1, "already-perfective"
        if low == "use" and nxt == "to" and prev in SUBJ and i + 2 < n and lemmas[i + 2] == nxt2 and nxt2 in VERB_LEMMAS | {"be", "have"}:
            if not any(lowers[j] in {"did", "didn't", "n't", "not", "never"} for j in range(max(0, i - 3), i)):
                yield i, i + 2, "use-to"
        if low in {"liketa", "liketo"}:
            yield i, i + 1, "liketa"
        # I asked him where does he live
        if low in WH and i >= 1 and nxt in INVERTED_AUX and nxt2 in SUBJ | {"the", "this", "that", "my", "your"} and not is_question \
                and any(lemmas[j] in EMBED_VERBS for j in range(max(0, i - 3), i)):
            yield i, i + 3, "embedded-inversion"
        if low == "never" and i + 1 < n and lemmas[i + 1] != nxt and nxt.endswith(("ed", "ent", "ame", "ook", "ave", "aw", "ot", "old", "ew")):
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in {"yesterday", "today", "tonight"} or (lowers[j] == "last" and j + 1 < n and lowers[j + 1] in {"night", "week"})
                   for j in range(i + 2, end)):
                yield i, i + 2, "never-past"
        # you're coming, isn't it?
        if low == "is" and nxt == "n't" and nxt2 == "it" and prev == "," and i + 3 < n and lowers[i + 3] == "?":
            clause = lowers[:i - 1]
            subject = next((w for w in clause if w in SUBJ | {"this", "that", "there"}), "")
            if subject and subject not in {"it", "this", "that"}:
                yield i, i + 3, "invariant-isnt-it"
        if low == "not" and nxt == "so" and nxt2 == "?" and prev == ",":
            yield i, i + 2, "invariant-isnt-it"
        if low == "which" and prev in PERSON_NOUNS and i >= 2 and lowers[i - 2] in {"the", "a", "an", "this", "that", "my", "those", "these"} \
                and nxt not in {"is", "was", "one", "of"}:
            yield i, i + 1, "which-person"
        # there's a man lives here
        if low in {"'s", "is", "was"} and prev == "there" and nxt in {"a", "an", "some", "this"} and i + 3 < n \
                and doc[i + 2].is_alpha and lowers[i + 3].endswith(("s", "ed")) and lemmas[i + 3] != lowers[i + 3] \
                and lemmas[i + 3] in VERB_LEMMAS | {"own", "run", "sell", "keep", "want", "live", "come"} and lowers[i + 3] not in {"was", "is", "has"}:
            yield i + 1, i + 4, "relative-deletion"
        if low == "say" and prev in {"me", "him", "her", "us", "them", "know", "tell", "told", "hear", "think", "sabi"} \
                and nxt in SUBJ | {"dem", "im", "mi"} and i >= 1 and not start:
            if prev in {"know", "think", "sabi", "hear"} or (i >= 2 and lemmas[i - 2] in {"tell", "told", "know"}):
                yield i, i + 1, "say-complementizer"
        if low in SINGLISH and i > 0 and (i + 1 == n or nxt in CLAUSE_END):
            yield i, i + 1, "discourse-particle"
        if low == "eh" and i > 1 and nxt in {"?", ""} and prev in {",", ""} or low == "eh" and prev == "," and nxt == "?":
            yield i, i + 1, "eh-tag"
        # the boys was / my friends is
        if low in {"was", "is", "has", "does"} and i >= 2 and prev.endswith("s") and len(prev) > 3 and lemmas[i - 1] != prev \
                and lemmas[i - 1] + "s" == prev and lowers[i - 2] in {"the", "my", "your", "his", "her", "our", "their", "these", "those", "all", "some", "two", "three"} \
                and not prev.endswith(("ss", "us", "ics", "news")) and not is_question:
            yield i - 1, i + 1, "plural-singular-verb"
        if low == "itself" and prev in {"today", "now", "here", "there", "yesterday", "tomorrow", "then", "tonight"}:
            yield i - 1, i + 1, "itself-focus"
        if low == "only" and (i + 1 == n or nxt in CLAUSE_END) and prev in {"that", "this", "only"} and i >= 2 and lowers[i - 2] in {"like", "is", "be", "was", "'s"}:
            yield i - 1, i + 1, "only-focus"
        if low in {"done", "finished"} and prev in {"'m", "am", "is", "are", "'re", "was", "were", "'s"} and nxt in {"my", "your", "his", "her", "our", "their", "the", "this", "that"} \
                and i >= 2 and lowers[i - 2] in SUBJ:
            yield i - 1, i + 1, "be-perfect"
        if low == "kena":
            yield i, i + 1, "kena-passive"
        if low == "since" and nxt in {"long", "ages"} and (i + 2 >= n or nxt2 in CLAUSE_END):
            yield i, i + 2, "since-long"
        # my brother live there
        if low in {"my", "his", "her", "our", "your", "their", "the", "this", "that"} and start and prev not in {"and", "or"} and i + 2 < n and doc[i + 1].is_alpha \
                and not lowers[i + 1].endswith("s") and lemmas[i + 1] == lowers[i + 1] and lowers[i + 1] not in VERB_LEMMAS | AUX | {"police", "people", "family", "team", "staff", "sheep", "fish", "deer", "children", "men", "women", "crew", "government", "media", "one", "other", "same", "only", "first", "last"} \
                and nxt2 in {"live", "like", "want", "work", "go", "come", "know", "need", "say", "think", "look", "make", "take", "eat", "drink", "play"} \
                and (i + 3 >= n or lowers[i + 3] not in {"'s", "to"}) and not is_question and lowers[i + 1] not in PRED_ADJ and lowers[i + 1].isalpha():
            yield i, i + 3, "zero-3sg-noun"
        if low == "if" and nxt in SUBJ and nxt2 in {"would", "'d"} and i + 3 < n and lowers[i + 3] in {"have", "'ve", "of"}:
            yield i + 1, i + 4, "would-if"


RULES.update({
    "mines": {"kind": "dialect", "label": "grammar", "variety": "AAVE / Caribbean / Scottish / World Englishes",
              "gloss": "'mines' = mine"},
    "existential-they": {"kind": "dialect", "label": "grammar", "variety": "US South / AAVE",
                         "gloss": "existential 'they' / 'it' = there ('They's a man at the door' = there's a man …)"},
    "subject-doubling": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (colloquial)",
                         "gloss": "the subject repeated as a pronoun ('My father he works there')"},
    "object-i": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                 "gloss": "'I' as an object ('she told I' = she told me)"},
    "article-form": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (non-standard)",
                     "gloss": "'a' before a vowel or 'an' before a consonant ('a apple', 'an car')"},
    "his-genitive": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Dutch-influenced",
                     "gloss": "'his' genitive ('John his book' = John's book)"},
    "present-for-perfect": {"kind": "dialect", "label": "grammar", "variety": "Irish / Indian / World Englishes",
                            "gloss": "present with a duration ('I know him for years' = I have known him for years)"},
    "finna": {"kind": "dialect", "label": "grammar", "variety": "AAVE / US South",
              "gloss": "'finna / fixna' = about to, going to"},
    "no-tag": {"kind": "dialect", "label": "grammar", "variety": "Indian / African / Caribbean / Hispanic Englishes",
               "gloss": "tag 'no?' = isn't it? / don't you?"},
    "to-omission": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                    "gloss": "no 'to' before the verb ('I want go home' = I want to go home)"},
    "adjective-adverb": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial)",
                         "gloss": "adjective form as adverb ('she sings good', 'drive slow')"},
    "intensifier": {"kind": "dialect", "label": "grammar", "variety": "British / Scottish / New England / Californian",
                    "gloss": "regional intensifier ('well good', 'dead nice', 'wicked good', 'pure brilliant', 'hella')"},
    "is-focus": {"kind": "dialect", "label": "grammar", "variety": "Caribbean",
                 "gloss": "focus with initial 'is' ('Is John do it' = it was John who did it)"},
    "negative-inversion": {"kind": "dialect", "label": "grammar", "variety": "AAVE / US South",
                           "gloss": "negative auxiliary before an indefinite subject ('Can't nobody stop him' = nobody can)"},
    "me-subject": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Pidgin / child speech",
                   "gloss": "'me' as a subject ('me go home' = I go home)"},
})
INTENSIFIERS = {"well", "dead", "wicked", "mad", "hella", "pure", "proper", "awful", "right"}
ADVERBIAL_ADJ = {"good", "bad", "quick", "slow", "proper", "nice", "careful", "quiet", "loud", "terrible", "awful",
                 "real", "easy", "different", "fluent"}
LINKING = {"be", "look", "feel", "smell", "taste", "sound", "seem", "get", "become", "stay", "keep", "go", "turn",
           "grow", "make", "take", "'s", "remain", "appear", "prove"}
TO_VERBS = {"go", "come", "eat", "see", "buy", "sell", "make", "take", "give", "get", "tell", "know", "bring", "leave",
            "stay", "sit", "stand", "speak", "learn", "become", "meet", "find", "sleep", "marry", "visit"}
_VOWEL_EXCEPT = ("u", "one", "once", "eu", "ewe")


def more_world_rules(doc: Any) -> Iterator[Span]:
    """Further eWAVE features: pronoun forms, articles, genitives, tense, complementation, adverbs, word order."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        start = _at_clause_start(lowers, i)
        if low == "mines" and (i + 1 == n or nxt in CLAUSE_END | {"too", "is", "was", "and"}):
            yield i, i + 1, "mines"
        if low in {"they", "it"} and start and nxt in {"'s", "is", "was", "got", "have", "has"} and nxt2 in {"a", "an", "some", "plenty", "lots", "nothing", "no"} \
                and (low == "they" and nxt in {"'s", "is", "was"} or low == "it" and nxt in {"have", "got"}) and not is_question:
            yield i, i + 2, "existential-they"
        if low in {"he", "she", "they"} and i in (2, 3) and lowers[0] in {"my", "the", "his", "her", "our", "their", "your", "this", "that"} \
                and all(doc[j].is_alpha for j in range(1, i)) and i + 1 < n and (nxt in AUX | VERB_LEMMAS or nxt.endswith(("s", "ed"))) \
                and lowers[i - 1] not in {"said", "thinks", "says", "that", "who", "when", "if", "because", "and", "but", "so"}:
            yield 0, i + 1, "subject-doubling"
        if low == "i" and prev in {"told", "tell", "gave", "give", "saw", "see", "help", "helped", "love", "loves", "like", "likes",
                                   "call", "called", "ask", "asked", "know", "knows", "for", "with", "to", "against"} \
                and (i + 1 == n or nxt in CLAUSE_END | {"and", "too", "yesterday", "now"}) and not (prev in {"to", "for", "with"} and i >= 2 and lowers[i - 2] == "and"):
            yield i, i + 1, "object-i"
        if low == "a" and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and nxt[:1] in "aeio" and not nxt.startswith(_VOWEL_EXCEPT) \
                and len(nxt) > 2 and prev not in {"vitamin", "grade", "plan", "type", "class", "letter", "size"}:
            yield i, i + 2, "article-form"
        if low == "an" and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and nxt[:1] not in "aeiouh" and len(nxt) > 2:
            yield i, i + 2, "article-form"
        if low in {"his", "her"} and i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and i - 1 > 0 and prev not in ("i",) \
                and i + 1 < n and doc[i + 1].is_alpha and lowers[i - 2] not in {"to", "told", "tell", "gave", "give", "asked", "ask", "saw", "see", "call", "called", "let", "make", "made", "help", "helped", "for", "with", "and"}:
            yield i - 1, i + 2, "his-genitive"
        if low == "for" and nxt in {"years", "ages", "long", "months", "decades", "weeks"} or low == "for" and nxt in {
                "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several"} and nxt2 in {"years", "months", "weeks", "days"}:
            _s, _e = _clause_bounds(lowers, i)
            verb = next((j for j in range(_s, i) if lowers[j] in {"know", "live", "work", "stay", "teach", "am", "'m", "is", "are", "'re"}), None)
            if verb is not None and verb > _s and lowers[verb - 1] in SUBJ and not any(lowers[j] in AUX - {"am", "'m", "is", "are", "'re", "to"} | {"'ll", "will", "going", "gon"} for j in range(_s, verb)) \
                    and not is_question and not any(w in {"here", "there"} for w in lowers[verb:i]) or verb is not None and lowers[verb] in ("know",) and lowers[verb - 1] in SUBJ:
                yield verb, verb + 1, "present-for-perfect"
        if low in {"finna", "fixna", "finta", "fitna"}:
            yield i, i + 1, "finna"
        if low == "no" and prev == "," and nxt == "?" and i >= 3:
            yield i, i + 1, "no-tag"
        if lemmas[i] in {"want", "need", "try", "like"} and nxt in TO_VERBS and lemmas[i + 1] == nxt and prev in SUBJ | {"n't", "not", "don't", "also"} \
                and nxt2 not in ("to",) and not (lemmas[i] == "like" and nxt in {"get", "make", "take"}):
            yield i, i + 2, "to-omission"
        if low in ADVERBIAL_ADJ and i >= 2 and (i + 1 == n or nxt in CLAUSE_END) and lemmas[i - 1] not in LINKING \
                and lemmas[i - 1] in VERB_LEMMAS | {"do", "did", "sing", "drive", "run", "work", "play", "cook", "write", "speak", "talk", "dance", "behave", "treat"} \
                and lemmas[i - 1] != prev + "x" and prev not in {"feel", "look", "smell", "taste", "sound"} and low not in {"easy", "different"} \
                and not (low == "good" and lemmas[i - 1] in {"do", "make"}) and lowers[i - 2] not in {"a", "the", "so", "too", "very"}:
            yield i - 1, i + 1, "adjective-adverb"
        if low in INTENSIFIERS and nxt in SHORT_ADJ | {"nice", "good", "funny", "lush", "brilliant", "bad", "happy", "annoyed", "excited", "tired", "smart", "tasty", "cool", "gorgeous", "lovely"} \
                and prev in {"'s", "is", "was", "be", "'m", "am", "'re", "are", "were", "it", "looks", "look", "sounds", "feel", "feels"} \
                and not (low == "well" and prev in ("as",)) and not (low in {"right", "awful", "proper"} and nxt not in {"good", "nice", "lush"}):
            yield i, i + 2, "intensifier"
        if low == "hella" and i + 1 < n and doc[i + 1].is_alpha:
            yield i, i + 2, "intensifier"
        if i == 0 and low == "is" and n > 3 and (doc[1].is_title or nxt in {"me", "him", "her", "them", "you", "we", "dem"}) \
                and lemmas[2] == lowers[2] and lowers[2] in VERB_LEMMAS and not is_question:
            yield 0, 3, "is-focus"
        if i <= 1 and low in {"ca", "do", "does", "did", "wo", "ai", "is", "was", "could", "would", "should"} and nxt == "n't" \
                and nxt2 in {"nobody", "nothing", "no", "none", "nowhere", "noone"} and not is_question:
            yield i, i + 3, "negative-inversion"
        if low == "me" and start and i + 1 < n and nxt in VERB_LEMMAS | {"no", "nuh", "go", "gonna", "wanna", "a", "gwine", "deh"} \
                and lemmas[i + 1] == nxt and nxt not in {"like", "love", "and"} and not (i == 0 and n <= 3) and prev not in {"let", "help", "make", "watch"}:
            yield i, i + 2, "me-subject"
        # number + unmarked plural (extends 'zero-plural' to any countable noun)
        if (low in NUMBER_WORDS and low not in {"many", "several"} or (low.isdigit() and low not in {"1", "0"})) and i + 1 < n and doc[i + 1].is_alpha \
                and doc[i + 1].is_lower and nxt not in PLURALS_AFTER_NUMBER and lemmas[i + 1] == nxt and not nxt.endswith("s") \
                and nxt not in {"hundred", "thousand", "million", "billion", "dozen", "percent", "o'clock", "of", "and", "or", "to", "more", "times", "feet"} \
                and (nxt2 in CLAUSE_END or nxt2 in {"ago", "back", "since", "away", "already", "now", "later", "long", "left", "and", "or", "of", "in", "on", "at", "for", "from", "with", ""}) \
                and _has_plural(nxt):
            yield i, i + 2, "zero-plural"


#: words after "fit" that make it the verb fit ("fit into", "fit perfectly")
_FIT_AFTER = frozenset(["in", "into", "inside", "through", "together", "perfectly", "well", "nicely", "under",
                        "on", "onto", "the", "a", "her", "his", "my", "your", "their", "our", "its", "all", "right"])

RULES["rare-spelling"] = {
    "kind": "dialect", "label": "vocabulary", "variety": "unknown (not in the dictionary)",
    "gloss": "a word no English dictionary table knows: dialect, creole, slang or eye-dialect spelling (or a typo)",
}
#: log-probability below which a word unknown to the lemma table counts as non-standard
RARE_LOGPROB = -14.5


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[Any, Any, frozenset[str]] | None:
    """(lemma table, word log-probability table, lemma strings) from spacy-lookups-data, or None."""
    try:
        from spacy.lookups import load_lookups

        lookups = load_lookups("en", ["lemma_lookup", "lexeme_prob"], strict=False)
        lemma = lookups.get_table("lemma_lookup")
        prob = lookups.get_table("lexeme_prob")
    except (ValueError, KeyError, ImportError, OSError):
        return None
    return lemma, prob, frozenset(str(v) for v in lemma.values())


def rare_spellings(doc: Any) -> Iterator[Span]:
    """Lowercase words that neither the lemma table nor the word-frequency table knows (or only as
    very rare): dialect and creole words, eye-dialect spellings ("gwine", "nuttin", "couldnae")."""
    vocabulary = _vocabulary()
    if vocabulary is None:
        return
    for i, token in enumerate(doc):
        text = token.text
        if len(text) < 3 or not text.isalpha() or not text.islower():
            continue
        if _rare(text):
            yield i, i + 1, "rare-spelling"


@lru_cache(maxsize=65536)
def _rare(word: str) -> bool:
    """Whether the tables know ``word`` neither as it is nor as a known word with standard suffixes
    (looked up once per word: a film says most of its words again and again)."""
    vocabulary = _vocabulary()
    if vocabulary is None:
        return False
    lemma, prob, lemmas = vocabulary
    return not _known(word, lemma, prob, lemmas) and not _derived_from_known(word, lemma, prob, lemmas)


#: suffixes that make a standard word from a known one ("sleeplessly", "tinkerer")
_SUFFIXES = ("ly", "ness", "less", "ful", "ish", "able", "er", "ers", "ing", "ed", "s")


def _known(word: str, lemma: Any, prob: Any, lemmas: frozenset[str]) -> bool:
    """A word the lemma table knows, or the frequency table knows as not very rare."""
    value = prob.get(word)
    return lemma.get(word) is not None or word in lemmas or (value is not None and value >= RARE_LOGPROB)


def _derived_from_known(text: str, lemma: Any, prob: Any, lemmas: frozenset[str], depth: int = 0) -> bool:
    """A known word with standard suffixes ("sleeplessly" = sleep + less + ly): not a dialect spelling.
    Compounds are not undone: "junkyard" is standard, but so many slang words are compounds of
    known words ("airhead") that splitting them lost slang (OpenSub terms 0.290 -> 0.263)."""
    if depth > 2:
        return False
    for suffix in _SUFFIXES:
        stem = text[: -len(suffix)]
        if text.endswith(suffix) and len(stem) >= 4 and (
                _known(stem, lemma, prob, lemmas) or _derived_from_known(stem, lemma, prob, lemmas, depth + 1)):
            return True
    return False


RULES.update({
    "article-plural": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (non-standard)",
                       "gloss": "'a/an' before a plural ('a books' = a book / books)"},
    "quantifier-singular": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                            "gloss": "no plural -s after a plural quantifier ('many book', 'these car' = many books, these cars)"},
    "modal-inflected": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (non-standard)",
                        "gloss": "inflected verb after a modal, 'to' or 'did' ('can goes', 'to went', 'didn't saw')"},
    "be-base": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                "gloss": "'be' + bare verb ('he is go' = he goes / he is going)"},
    "non3-has": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                 "gloss": "'has' after I/we/they ('they has' = they have)"},
})
NO_COUNT = {"people", "police", "news", "series", "sheep", "cattle", "staff", "fish", "deer", "means", "species",
            "aircraft", "offspring", "data", "media", "information", "furniture", "equipment", "luggage", "advice",
            "money", "time", "water", "food", "work", "stuff", "help", "love", "fun", "hair", "paper", "room"}
PLURAL_QUANTIFIERS = {"many", "several", "these", "those", "both", "few", "various", "numerous"}
MODALS = {"can", "could", "will", "would", "should", "must", "may", "might", "shall", "'ll", "ca", "wo"}


def agreement_rules(doc: Any) -> Iterator[Span]:
    """Agreement and verb-form features: 'a books', 'many book', 'can goes', 'to went', 'is go', 'they has'."""
    from .components import token_lists

    lists = token_lists(doc)
    lowers, lemmas = lists.lowers, lists.lemmas
    n = len(lowers)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        if low in {"a", "an"} and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and nxt.endswith("s") \
                and not nxt.endswith(("ss", "us", "is", "ics")) and lemmas[i + 1] + "s" == nxt and lemmas[i + 1] != nxt \
                and nxt not in NO_COUNT and nxt2 not in ("of",) and prev not in {"such", "quite", "what", "many"}:
            yield i, i + 2, "article-plural"
        if low in PLURAL_QUANTIFIERS and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and lemmas[i + 1] == nxt \
                and not nxt.endswith("s") and nxt not in NO_COUNT and nxt not in {"of", "a", "an", "more", "other", "others", "times", "kind", "sort", "type"}\
                and (nxt2 in CLAUSE_END or nxt2 in {"are", "were", "have", "and", "in", "on", "at", "of", "for", "with", ""}) \
                and not (low in {"these", "those"} and nxt2 in {"are", "were"}) and _has_plural(nxt) and nxt not in VERB_LEMMAS:
            yield i, i + 2, "quantifier-singular"
        if (low in MODALS and prev != "to" or low == "to" and prev not in {"up", "next", "according", "due", "thanks", "back", "from"}
                or low in {"did", "does", "do"} and nxt == "n't") and i + 1 < n:
            j = i + 2 if nxt in {"n't", "not"} else i + 1
            if j < n and doc[j].is_alpha:
                verb = lowers[j]
                if (verb in PRETERITES_AS_PART or verb in {"goes", "does", "has", "says", "comes", "gets", "makes", "takes", "sees", "knows", "wants", "likes"}) \
                        and not (low == "to" and verb in {"saw", "fell", "wore", "hid", "does"}):
                    yield i, j + 1, "modal-inflected"
        if low in {"is", "are", "'m", "am", "was", "were"} and prev in SUBJ and nxt in TO_VERBS and lemmas[i + 1] == nxt \
                and nxt not in {"come", "become"} and (i + 2 >= n or not lowers[i + 2].endswith("ing")):
            yield i, i + 2, "be-base"
        if low == "has" and prev in {"i", "we", "they"} and (i < 2 or lowers[i - 2] not in {"what", "who", "that"}):
            yield i - 1, i + 1, "non3-has"


RULES.update({
    "object-subject": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Pidgin / General (non-standard)",
                       "gloss": "object pronoun as the subject ('him went home' = he went home)"},
    "they-possessive": {"kind": "dialect", "label": "grammar", "variety": "AAVE / US South",
                        "gloss": "'they' / 'you' as possessive ('they car' = their car, 'you mama' = your mother)"},
    "comparative-as": {"kind": "dialect", "label": "grammar", "variety": "Northern English / Scottish / German-influenced",
                       "gloss": "'as' / 'nor' / 'then' after a comparative ('bigger as me', 'better nor that' = than)"},
    "finish-completive": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Asian Englishes / Creoles",
                          "gloss": "'finish' as a completive marker ('I finish eat' = I have eaten)"},
    "preposition-omission": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                             "gloss": "no preposition before a place ('I went school' = I went to school)"},
    "redundant-preposition": {"kind": "dialect", "label": "grammar", "variety": "Indian / African / World Englishes",
                              "gloss": "a preposition the standard verb does not take ('discuss about', 'return back')"},
    "dative-without-to": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                          "gloss": "'explain me', 'suggest me' = explain to me, suggest to me"},
    "gendered-thing": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial) / Australian / Newfoundland",
                       "gloss": "'he/she' for a thing ('she's a good car' = it's a good car)"},
})
PLACES_NO_PREP = {"school", "church", "market", "office", "hospital", "class", "shop", "town", "bank", "university",
                  "college", "mosque", "temple", "village", "farm", "station", "airport"}
REDUNDANT = {("discuss", "about"), ("emphasize", "on"), ("emphasise", "on"), ("stress", "on"), ("return", "back"),
             ("revert", "back"), ("cope", "up"), ("mention", "about"), ("request", "for"), ("order", "for"),
             ("comprise", "of"), ("reach", "to"), ("enter", "into"), ("attack", "on"), ("resemble", "to"),
             ("investigate", "into"), ("demand", "for"), ("repeat", "again"), ("answer", "to")}
THINGS = {"car", "boat", "ship", "engine", "truck", "machine", "bike", "plane", "computer", "clock", "motor",
          "tractor", "vessel", "lorry", "van", "ute"}


def word_order_rules(doc: Any) -> Iterator[Span]:
    """Pronoun case and possessives, comparison, completives, prepositions, datives, gendered things."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        start = _at_clause_start(lowers, i)
        if low in {"him", "her", "them"} and start and nxt in {"is", "was", "are", "were", "'s", "has", "have", "had", "did", "does",
                                                              "can", "will", "went", "came", "goes", "got", "gone", "go", "come", "say", "said", "tell", "told", "want", "know", "dey"} \
                and not (low == "them" and nxt in {"there", "that"}) and not is_question \
                and prev not in {"let", "make", "help", "watch", "see", "saw", "heard", "hear", "and", "or"}:
            yield i, i + 2, "object-subject"
        if low in {"they", "you"} and i + 1 < n and nxt in ME_POSSESSED | {"mama", "daddy", "momma", "car", "house", "friends", "own"} \
                and nxt not in ("own",) and not (low == "you" and (nxt in {"kids", "guys", "pal", "pals", "mate", "mates"} or i + 2 >= n or nxt2 in CLAUSE_END)):
            yield i, i + 2, "they-possessive"
        if low in {"as", "nor", "then"} and i > 0 and (prev in {"better", "worse", "more", "less", "bigger", "smaller", "older", "younger", "taller", "faster", "richer", "stronger", "harder", "easier"}
                                                     or prev.endswith("er") and lemmas[i - 1] != prev and lemmas[i - 1] in SHORT_ADJ | PRED_ADJ) \
                and nxt in {"me", "him", "her", "us", "them", "i", "he", "she", "we", "they", "you", "that", "this", "mine", "yours"} \
                and not (low == "as" and (i < 2 or lowers[i - 2] in {"as", "so", "is", "was", "be"})) and not (low == "then" and nxt2 not in CLAUSE_END):
            yield i - 1, i + 1, "comparative-as"
        if lemmas[i] == "finish" and nxt in TO_VERBS and lemmas[i + 1] == nxt and prev in SUBJ | {"already", "don", "done"}:
            yield i, i + 2, "finish-completive"
        if lemmas[i] in {"go", "come", "went", "came"} and nxt in PLACES_NO_PREP and nxt2 in CLAUSE_END | {"yesterday", "today", "every", "now", "and", "with", "early", "late", ""} \
                and prev not in {"the", "a", "to"}:
            yield i, i + 2, "preposition-omission"
        if (lemmas[i], nxt) in REDUNDANT and not (lemmas[i] == "answer" and nxt2 in {"the", "a", "my", "your", "his", "her"}) \
                and prev not in {"the", "a", "an", "in", "this", "that", "his", "her", "my", "your", "our", "their", "its"}:
            # after a determiner or "in" the word is a noun: "gave the order for", "in order for"
            yield i, i + 2, "redundant-preposition"
        if lemmas[i] in {"explain", "suggest", "describe", "say", "recommend"} and nxt in {"me", "him", "her", "us", "them"} \
                and nxt2 not in ("to",):
            yield i, i + 2, "dative-without-to"
        if low in {"she", "he"} and nxt in {"'s", "is", "was"} and nxt2 in {"a", "an"} and any(
                lowers[j] in THINGS or lowers[j] in {"bus", "train", "wagon", "kettle", "fridge", "cooker", "rifle"} and (j + 1 >= n or lowers[j + 1] in CLAUSE_END | {"and", "she", "he"})
                for j in range(i + 3, min(n, i + 6))):
            yield i, i + 1, "gendered-thing"
        # zero copula with 'it' and 'you' ("It good.", "You crazy!")
        if low in {"it", "you"} and start and nxt in PRED_ADJ - {"here", "there", "home", "right", "sure", "fine", "ok"} \
                and (nxt2 in CLAUSE_END or nxt2 in {"and", "but", "too", "now", "today", "man", ""}) and not is_question:
            yield i, i + 2, "zero-copula"


RULES.update({
    "article-omission": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                         "gloss": "no article before a singular countable noun ('I bought car' = I bought a car)"},
    "of-omission": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (colloquial)",
                    "gloss": "no 'of' after a quantity noun ('a lot people', 'a cup tea')"},
    "subject-omission": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                         "gloss": "no dummy subject ('Is raining' = it is raining; 'Is a man outside' = there is a man)"},
})
COUNT_NOUNS = {"car", "house", "book", "dog", "cat", "pen", "table", "chair", "phone", "computer", "bike", "job", "wife",
               "husband", "son", "daughter", "friend", "teacher", "doctor", "letter", "ticket", "bag", "key", "ball",
               "cup", "bottle", "box", "shirt", "hat", "horse", "cow", "goat", "chicken", "boat", "truck", "bicycle",
               "girlfriend", "boyfriend", "baby", "brother", "sister", "umbrella", "camera", "watch", "radio", "tv",
               "television", "picture", "photo", "apple", "banana", "egg", "knife", "gun", "shop", "store", "room",
               "bed", "door", "window", "garden", "farm", "cousin", "neighbour", "neighbor", "child", "student"}
QUANTITY_NOUNS = {"lot", "lots", "cup", "glass", "bit", "piece", "kind", "sort", "bottle", "bunch", "couple", "plenty", "pair"}


def omission_rules(doc: Any) -> Iterator[Span]:
    """Omitted articles, 'of', dummy subjects, and the copula before a plural noun."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        if low in COUNT_NOUNS and i >= 1 and lemmas[i - 1] in {"buy", "have", "want", "need", "get", "see", "find", "take", "make", "sell", "bring", "own", "lose", "steal"} \
                and prev not in ("'s",) and (i + 1 == n or nxt in CLAUSE_END | {"yesterday", "today", "now", "for", "in", "from", "at", "last"}) \
                and not doc[i].is_title:
            yield i - 1, i + 1, "article-omission"
        if low in QUANTITY_NOUNS and prev in {"a", "the", "one"} and i + 1 < n and doc[i + 1].is_alpha and nxt not in {"of", "more", "less", "better", "worse", "too", "and", "or", "to", "for", "in", "on", "at"} \
                and (nxt.endswith("s") and lemmas[i + 1] != nxt or nxt in {"people", "money", "tea", "coffee", "water", "time", "food", "rice", "milk", "beer", "wine", "bread", "things"}) \
                and not (low in {"kind", "sort", "bit"} and nxt in ("people",)) and not (low == "couple" and nxt in {"days", "weeks", "years", "months", "hours", "minutes"}):
            yield i, i + 2, "of-omission"
        if i == 0 and low in {"is", "was"} and not is_question and (
                (nxt.endswith("ing") and len(nxt) > 4 and lemmas[i + 1] != nxt) or nxt in {"a", "an", "some", "plenty", "many", "no", "too", "raining", "snowing", "cold", "hot"}):
            yield 0, 2, "subject-omission"
        if low in {"we", "they"} and _at_clause_start(lowers, i) and i + 2 <= n and nxt.endswith("s") and len(nxt) > 3 and lemmas[i + 1] + "s" == nxt \
                and lemmas[i + 1] not in VERB_LEMMAS and (nxt2 in CLAUSE_END or nxt2 in {"now", "too", ""}) and _has_plural(lemmas[i + 1]) and not is_question:
            yield i, i + 2, "zero-copula"


RULES.update({
    "subject-pronoun-object": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Pidgin / Southwest English",
                               "gloss": "subject pronoun as an object ('tell he', 'with she' = tell him, with her)"},
    "subject-possessive": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Pidgin / AAVE",
                           "gloss": "subject pronoun as a possessive ('he book', 'we house' = his book, our house)"},
    "myself-subject": {"kind": "dialect", "label": "grammar", "variety": "Irish / Indian / General (colloquial)",
                       "gloss": "'myself' in a subject ('my wife and myself went' = my wife and I went)"},
    "wh-all": {"kind": "dialect", "label": "grammar", "variety": "US South / Irish / Caribbean",
               "gloss": "plural question word ('who all', 'what all' = which people / which things)"},
    "plural-dem": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / West African Pidgin",
                   "gloss": "'dem' as plural marker or demonstrative ('the boy dem' = the boys, 'dem book' = those books)"},
    "mass-noun-article": {"kind": "dialect", "label": "grammar", "variety": "World Englishes (India, Africa, Asia)",
                          "gloss": "'a/an' with a mass noun ('an advice', 'a furniture' = some advice, a piece of furniture)"},
    "zero-article": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                     "gloss": "no article before a job or role ('he is teacher' = he is a teacher)"},
    "juxtaposed-genitive": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / AAVE / World Englishes",
                            "gloss": "possessor with no 's ('my brother car', 'John book' = my brother's car, John's book)"},
    "pass-comparative": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / West African Pidgin",
                         "gloss": "'pass' / 'from' in a comparison ('taller pass me', 'taller from me' = taller than me)"},
    "too-much-adjective": {"kind": "dialect", "label": "grammar", "variety": "South Asian / African / Singapore Englishes",
                           "gloss": "'too much' / 'too' = very ('too much clever' = very clever)"},
    "creole-progressive": {"kind": "dialect", "label": "grammar", "variety": "Caribbean Creole / West African Pidgin",
                           "gloss": "progressive 'a' / 'de' before the verb ('mi a go' = I am going)"},
    "continuative": {"kind": "dialect", "label": "grammar", "variety": "AAVE / Hawaiian / Pacific",
                     "gloss": "'steady' / 'stay' marking an ongoing or habitual action ('he steady talking' = keeps talking)"},
    "habitual-do": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / Irish / Southwest English",
                    "gloss": "unstressed habitual 'do/does' ('he does go every Sunday' = he goes every Sunday)"},
    "since-duration": {"kind": "dialect", "label": "grammar", "variety": "Indian / African / World Englishes",
                       "gloss": "present tense with 'since', or 'since' + a length of time ('I know him since ten years' = I have known him for ten years)"},
    "would-future": {"kind": "dialect", "label": "grammar", "variety": "Indian / African / World Englishes",
                     "gloss": "'would' for a plain future ('I would call you tomorrow' = I will call you tomorrow)"},
    "gon-future": {"kind": "dialect", "label": "grammar", "variety": "AAVE / US South",
                   "gloss": "'gon' future ('he gon leave' = he is going to leave)"},
    "epistemic-mustnt": {"kind": "dialect", "label": "grammar", "variety": "British (Northern) / Scottish / Australian",
                         "gloss": "'mustn't' = can't be ('it mustn't be true' = it can't be true)"},
    "is-it-tag": {"kind": "dialect", "label": "grammar", "variety": "South African / Welsh / Indian / Multicultural British",
                  "gloss": "invariant tag 'is it?' whatever the clause ('He's gone, is it?' = has he?)"},
    "object-drop": {"kind": "dialect", "label": "grammar", "variety": "Asian Englishes / World Englishes",
                    "gloss": "no object pronoun after a transitive verb ('I don't like' = I don't like it)"},
    "as-relative": {"kind": "dialect", "label": "grammar", "variety": "British dialects / Appalachian",
                    "gloss": "'as' as a relative pronoun ('the man as I saw' = the man that I saw)"},
    "analytic-whose": {"kind": "dialect", "label": "grammar", "variety": "British dialects / World Englishes",
                       "gloss": "'that his / what his' = whose ('the man that his wife died' = the man whose wife died)"},
    "which-linker": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / British (colloquial)",
                     "gloss": "', which' linking a clause that has its own object ('which I didn't like it' = and I didn't like that)"},
    "want-for-to": {"kind": "dialect", "label": "grammar", "variety": "US South / Ozarks / Irish",
                    "gloss": "'want for someone to' = want someone to"},
    "serial-verb": {"kind": "dialect", "label": "grammar", "variety": "Caribbean Creole / West African Pidgin",
                    "gloss": "serial verb ('bring it come' = bring it here, 'cook it give me' = cook it for me)"},
    "give-it-me": {"kind": "dialect", "label": "grammar", "variety": "British (Northern / Midlands)",
                   "gloss": "'give it me' = give it to me"},
    "quotative-go": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial)",
                     "gloss": "quotative 'go' / 'be all' = say ('and I go, what?' = and I said, what?)"},
    "final-like": {"kind": "dialect", "label": "grammar", "variety": "Irish / Northern English / Scottish",
                   "gloss": "clause-final 'like' as a softener or focus marker"},
    "gender-pronoun": {"kind": "dialect", "label": "grammar", "variety": "World Englishes (Africa, Asia) / Creoles",
                       "gloss": "'he' for a woman or 'she' for a man (no gender distinction in the speaker's first language)"},
    "existential-got": {"kind": "dialect", "label": "grammar", "variety": "Singapore / Malaysian / Hawaiian / Caribbean",
                        "gloss": "existential 'got' ('got one man outside' = there is a man outside)"},
    "hit-it": {"kind": "dialect", "label": "grammar", "variety": "Appalachian / Southern US",
               "gloss": "'hit' = it"},
})
TRANSITIVE_NO_CLAUSE = {"give", "help", "call", "love", "hit", "meet", "ask", "tell", "beat", "kill", "marry", "pay",
                        "thank", "visit", "follow", "like", "hate", "kiss", "carry", "teach", "blame", "join", "invite"}
OBJ_PREPS = {"with", "to", "for", "from", "at", "about", "by", "without", "against", "behind", "beside", "between"}
KIN = {"mother", "father", "brother", "sister", "wife", "husband", "son", "daughter", "friend", "uncle", "aunt", "auntie",
       "cousin", "mum", "mom", "dad", "boss", "neighbour", "neighbor", "grandmother", "grandfather", "granny", "grandma",
       "grandpa", "mama", "papa", "baby", "teacher"}
POSSESSED = {"car", "house", "book", "name", "dog", "money", "bag", "phone", "shop", "job", "wife", "husband", "son",
             "daughter", "children", "kids", "mother", "father", "friend", "room", "bike", "place", "farm", "brother",
             "sister", "cat", "shoes", "clothes", "home", "business", "girlfriend", "boyfriend", "garden", "birthday"}
MASS_NOUNS = {"advice", "information", "furniture", "equipment", "luggage", "baggage", "homework", "knowledge",
              "research", "evidence", "feedback", "software", "machinery", "scenery", "mail", "jewellery", "jewelry",
              "stationery", "clothing", "news", "behaviour", "behavior", "bread", "rice", "weather"}
ROLES = {"teacher", "doctor", "nurse", "student", "driver", "farmer", "engineer", "lawyer", "policeman", "soldier",
         "businessman", "writer", "singer", "pilot", "dentist", "mechanic", "tailor", "carpenter", "clerk", "waiter",
         "trader", "fisherman", "pastor", "accountant", "banker", "journalist", "scientist", "actor", "musician"}
FEMALE = {"sister", "mother", "wife", "daughter", "girl", "woman", "aunt", "auntie", "grandmother", "granny", "mum", "mom",
          "lady", "girlfriend", "niece", "mama"}
MALE = {"brother", "father", "husband", "son", "boy", "man", "uncle", "grandfather", "dad", "boyfriend", "nephew", "papa"}
HABITUAL_ADV = {"every", "always", "usually", "sometimes", "often", "normally", "generally"}
FUTURE_TIMES = {"tomorrow", "tonight", "later", "soon"}
REPORTING = {"if", "but", "unless", "otherwise", "said", "says", "thought", "think", "knew", "know", "promised", "hoped",
             "told", "wish", "wished", "say", "sure", "then", "or", "than", "asked", "wondered", "when", "felt", "believed",
             "expected", "decided", "agreed", "swore", "guess", "suppose", "imagine"}
OBJECT_DROP_VERBS = {"like", "take", "bring", "buy", "put", "want", "keep", "sell", "finish", "send"}
QUOTED_OPENERS = {"whatever", "oh", "what", "no", "yes", "yeah", "like", "wow", "ugh", "hey", "um", "well", "seriously",
                  "really", "okay", "ok", "whoa", "please", "why", "who", "huh", "omg", "duh", "hello"}
QUOTE_OPEN = {",", ":", '"', "“", "'", "‘"}
VERBISH_NOUNS = {"home", "place", "name", "house", "phone", "shop", "garden", "farm", "book", "mother", "father", "brother",
                 "sister", "dog", "job", "room", "bike", "business", "birthday", "friend", "clothes", "shoes", "kids", "children"}
PERSONAL_DATIVE_VERBS = {"buy", "get", "find", "catch", "make", "cook", "pour", "grab", "fix", "build", "pick", "shoot", "kill",
                         "write", "hire", "rent", "steal", "bake", "fetch"}
COMPARATIVE_NOT_ADJ = {"later", "further", "farther", "earlier", "other", "rather", "ever", "never", "over", "under", "after",
                       "better", "worse", "more", "less", "cheaper", "sooner"}


def _comparative(lowers: list[str], lemmas: list[str], i: int) -> bool:
    """Token i is an adjective's comparative ('taller', 'bigger'), by its lemma."""
    word = lowers[i]
    return word.endswith("er") and len(word) > 4 and lemmas[i] != word and word not in COMPARATIVE_NOT_ADJ \
        and (lemmas[i] in SHORT_ADJ | PRED_ADJ or word.startswith(lemmas[i]) and lemmas[i] not in VERB_LEMMAS)


def global_rules(doc: Any) -> Iterator[Span]:
    """More eWAVE features of the world's Englishes: pronoun case and gender, possession, articles, comparison,
    aspect markers, tags, relatives, complementation, serial verbs, quotatives, discourse 'like'."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        nxt3 = lowers[i + 3] if i + 3 < n else ""
        start = _at_clause_start(lowers, i)
        end_after = nxt in CLAUSE_END or nxt == ""
        # tell he / with she (subject form as object): never before a verb, which would make it a clause
        if low in {"he", "she", "we", "they"} and i > 0 and (lemmas[i - 1] in TRANSITIVE_NO_CLAUSE | {"see", "saw"} or prev in OBJ_PREPS) \
                and (end_after or nxt in {"to", "and", "too", "yesterday", "now", "again", "today", "a", "the", "some", "money"}) \
                and not (prev in {"to", "for"} and nxt in ("and",)) and not (i >= 2 and lowers[i - 2] in {"and", "or"}):
            yield i - 1, i + 1, "subject-pronoun-object"
        # he book / we house: the pronoun stands before a noun as its possessor
        if low in {"he", "she", "we"} and i + 2 <= n and nxt in POSSESSED and prev not in {"that", "as", "than"} \
                and (nxt2 in {"is", "was", "are", "were", "has", "died"} or nxt in POSSESSED - VERBISH_NOUNS and (
                    nxt2 in {"'s", "have", "go", "went", "come", "came", "die"} or nxt2 in CLAUSE_END or nxt2 == "")):
            yield i, i + 2, "subject-possessive"
        # my wife and myself went / myself and John went
        if low == "myself" and prev == "and" and i >= 2 and (nxt in {"went", "were", "are", "have", "had", "will", "'ll", "did", "came", "go", "both"} or nxt.endswith("ed") and lemmas[i + 1] != nxt) \
                and not any(lowers[j] in {"between", "to", "for", "with", "from", "by"} for j in range(max(0, i - 4), i)):
            yield i, i + 1, "myself-subject"
        if low == "myself" and start and nxt == "and" and i + 3 < n and (doc[i + 2].is_title or lowers[i + 2] in {"my", "his", "her", "the", "some"}):
            yield i, i + 1, "myself-subject"
        # who all / what all / who-all
        if low in {"who", "what", "where"} and (nxt == "all" or nxt == "-" and nxt2 == "all"):
            after = nxt2 if nxt == "all" else nxt3
            if after in INVERTED_AUX | {"'s", "went", "came", "you", "they", "he", "she", "we", "come", "coming", "going", "gon", "?", ""}:
                yield i, i + (2 if nxt == "all" else 3), "wh-all"
        if low in {"who", "what", "where"} and nxt == low and (i == 0 or prev in CLAUSE_END):
            yield i, i + 2, "reduplication"
        # the boy dem / dem book / Mary them
        if low == "dem" and doc[i].is_lower and (i > 0 and doc[i - 1].is_alpha or i + 1 < n and doc[i + 1].is_alpha):
            yield i, i + 1, "plural-dem"
        if low in {"them", "dem"} and i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and _at_clause_start(lowers, i - 1) \
                and prev not in SUBJ | {"let", "tell", "give", "show", "get", "bring", "call", "ask", "leave", "take", "help", "send", "make", "see", "kill", "find", "put", "keep", "thank", "pass", "feed", "hand", "buy"} \
                and lemmas[i - 1] not in VERB_LEMMAS and nxt in {"are", "were", "went", "come", "came", "coming", "gone", "is", "was", "say", "said", "all", "have", "had", "will", "'ll", "did", "go"}:
            yield i - 1, i + 1, "associative-plural"
        # an advice / a furniture
        if low in {"a", "an"} and nxt in MASS_NOUNS and (nxt2 in CLAUSE_END or nxt2 in {"about", "from", "on", "for", "to", "and", "that", "which", ""}) \
                and prev not in {"such", "what", "quite"}:
            yield i, i + 2, "mass-noun-article"
        # he is teacher
        if low in ROLES and prev in {"is", "'m", "am", "are", "'re", "was", "'s", "be", "become", "became"} and i >= 2 and (
                lowers[i - 2] in SUBJ | KIN | PERSON_NOUNS | {"who"} or doc[i - 2].is_title and i == 2) \
                and (end_after or nxt in {"in", "at", "and", "now", "there", "here"}) and doc[i].is_lower:
            yield i - 1, i + 1, "zero-article"
        # my brother car / John book / John his book
        if low in KIN and prev in {"my", "his", "her", "your", "our", "their", "the"} and nxt in POSSESSED and nxt != low and i + 1 < n \
                and not (low == "baby" and nxt in {"car", "shoes", "clothes", "book", "name", "sister", "brother", "son", "daughter", "girl", "boy"}) \
                and not (low == "teacher" and nxt in {"book", "job", "friend", "name"}) and nxt2 not in ("'s",) and doc[i + 1].is_lower:
            yield i - 1, i + 2, "juxtaposed-genitive"
        if i == 0 and n > 3 and doc[0].is_title and doc[0].is_alpha and low not in VERB_LEMMAS | AUX | SUBJ | WH | NUMBER_WORDS | {"my", "the", "this", "that", "his", "her", "our", "their", "your", "a", "an", "some", "one", "every", "no", "all", "any", "each", "these", "those", "there", "here", "please"} \
                and lemmas[0] not in VERB_LEMMAS and nxt in POSSESSED and doc[1].is_lower and nxt2 in {"is", "was", "has", "'s", "are", "were", "went", "came", "died"}:
            yield 0, 2, "juxtaposed-genitive"
        if low in {"his", "her"} and i == 1 and doc[0].is_title and doc[0].is_alpha and lowers[0] not in VERB_LEMMAS | AUX | SUBJ | WH \
                and lemmas[0] not in VERB_LEMMAS and lowers[0] not in {"to", "for", "with", "and", "but", "in", "on", "at", "from", "by", "of", "about", "like", "after", "before", "then", "so", "is", "was"} \
                and doc[2].is_alpha and doc[2].is_lower and nxt2 in {"is", "was", "has", "'s", "are", "were"}:
            yield 0, 3, "his-genitive"
        # taller pass me / taller from me / bigger as me
        if low == "pass" and i > 0 and (prev in PRED_ADJ or _comparative(lowers, lemmas, i - 1)) and (nxt in OBJ_PRON | {"you", "am", "im", "mi", "dem"} or i + 1 < n and doc[i + 1].is_title):
            yield i - 1, i + 2, "pass-comparative"
        if low == "from" and i > 1 and _comparative(lowers, lemmas, i - 1) and nxt in OBJ_PRON | {"you", "mine", "yours"} \
                and lemmas[i - 1] not in {"cheap", "close", "far", "near"} and lowers[i - 2] in BE_FORMS | {"much", "far", "even", "lot"}:
            yield i - 1, i + 2, "pass-comparative"
        if low == "as" and i > 1 and lowers[i - 2] in BE_FORMS and _comparative(lowers, lemmas, i - 1) and nxt in OBJ_PRON - {"her"} \
                and (nxt2 in CLAUSE_END or nxt2 == ""):
            yield i - 1, i + 1, "comparative-as"
        if low == "more" and i + 1 < n and _comparative(lowers, lemmas, i + 1) and prev not in {"any", "no", "much", "some", "the", "far"}:
            yield i, i + 2, "double-comparative"
        # too much clever
        if low == "too" and nxt == "much" and nxt2 in PRED_ADJ - {"here", "there", "home", "right"} | {"clever", "beautiful", "nice", "sweet", "expensive", "difficult", "lazy", "stubborn", "proud", "naughty"} \
                and (i + 3 >= n or nxt3 in CLAUSE_END | {"and", "to", "for", "at", "now"}):
            yield i, i + 3, "too-much-adjective"
        # mi a go / he de come
        if low in {"mi", "me", "im", "him", "dem", "wi", "yu", "unu", "i", "he", "she", "we", "they", "you"} and start \
                and nxt in {"a", "de", "deh", "da", "di", "dey"} and i + 2 < n and lemmas[i + 2] == nxt2 and nxt2 in VERB_LEMMAS | TO_VERBS | {"come", "go"} \
                and not (nxt == "a" and nxt2 in {"cook", "drink", "walk", "help", "play", "fight", "show", "swim", "run", "call", "talk", "sleep", "kiss", "laugh", "cry", "look", "try", "win", "dance", "read", "start", "stop", "wait", "stay", "learn", "paint", "catch", "fish", "float", "jump", "bite", "fly", "visit", "drive", "ride"}) \
                and not is_question and prev not in {"let", "help", "make", "watch"}:
            yield i, i + 3, "creole-progressive"
        # he steady talking / she stay sleeping
        if low == "steady" and i + 1 < n and nxt.endswith(("ing", "in'", "in")) and len(nxt) > 4 and lemmas[i + 1] != nxt and prev in SUBJ | BE_FORMS | {"be"}:
            yield i, i + 2, "continuative"
        if low == "stay" and prev in {"he", "she", "it", "we", "they", "i", "you"} and (i < 2 or lowers[i - 2] not in AUX | {"to", "let", "and", "or"}) \
                and i + 1 < n and nxt.endswith("ing") and len(nxt) > 4 and lemmas[i + 1] != nxt \
                and nxt not in {"sitting", "standing", "lying", "living", "seated", "hiding", "kneeling", "waiting", "watching", "listening", "smiling", "calm"}:
            yield i, i + 2, "continuative"
        # he does go every Sunday (unstressed habitual do)
        if low in {"does", "do"} and prev in SUBJ and nxt in VERB_LEMMAS and lemmas[i + 1] == nxt and not is_question and (i < 2 or lowers[i - 2] not in WH | {"if", "as", "than", "so"}):
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in HABITUAL_ADV for j in range(i + 2, end)) and not any(w in {"but", "really", "actually", "indeed", "though"} for w in lowers):
                yield i - 1, i + 2, "habitual-do"
        if low in {"does", "do"} and prev in SUBJ_3SG | {"it"} and nxt == "be" and nxt2 not in ("n't",):
            yield i - 1, i + 2, "do-be"
        # he always come late (3sg zero with an adverb in between)
        if low in {"he", "she"} and nxt in {"always", "never", "usually", "often", "sometimes", "also", "still", "just", "really", "only", "even"} \
                and nxt2 in BASE_VERBS | VERB_LEMMAS and lemmas[i + 2] == nxt2 and nxt2 not in {"cut", "put", "hit", "read", "let", "set", "hurt", "quit", "shut", "cost", "spread", "bet", "run", "become", "used"} \
                and prev not in AUX | {"let", "make", "made", "help", "watch", "saw", "see", "hear", "heard", "that"} and not is_question:
            yield i, i + 3, "third-person-zero"
        # I know him since ten years / I am here since Monday
        if low == "since" and nxt in NUMBER_WORDS - {"many"} | {"a", "one", "long", "last", "two"} and (nxt2 in {"years", "months", "weeks", "days", "hours", "year", "month", "week", "day", "hour", "minutes", "time"} and nxt3 not in {"ago", "before", "earlier", "back"} or nxt in ("long",) and nxt2 in ("time",)):
            if not (nxt == "last" and nxt2 in {"year", "month", "week"}):
                yield i, i + 3, "since-duration"
        if low == "since" and i >= 2:
            _s, _e = _clause_bounds(lowers, i)
            verb = next((j for j in range(_s, i) if lowers[j] in {"know", "live", "work", "stay", "wait", "teach", "am", "'m", "is", "are", "'re", "'s"}), None)
            if verb is not None and verb > _s and lowers[verb - 1] in SUBJ - {"it"} and not any(lowers[j] in AUX - {"am", "'m", "is", "are", "'re", "'s", "to"} | {"'ll", "going", "gon", "ever"} for j in range(_s, verb)) \
                    and (lowers[verb] in {"know", "live", "work", "stay", "wait", "teach"} or verb + 1 < i and lowers[verb + 1] in {"here", "there", "waiting", "living", "working", "staying", "in", "at", "married", "sick", "ill"}) \
                    and not any(lowers[j] in {"been", "ever", "happier", "better", "worse", "glad", "happy", "sure", "than"} for j in range(verb, i)) and nxt not in ("when",) and not is_question:
                yield verb, verb + 1, "since-duration"
        # I would call you tomorrow
        if low in {"would", "'d"} and prev in {"i", "we"} and _at_clause_start(lowers, i - 1) and i + 1 < n and nxt in VERB_LEMMAS | {"come", "call", "send", "meet", "see", "visit", "finish", "give", "bring", "pay", "return"} \
                and nxt not in {"like", "love", "be", "have", "rather", "prefer", "mind", "want", "hate", "need", "care", "say", "think", "know", "feel", "believe", "seem", "mean", "die", "kill"}:
            if any(w in FUTURE_TIMES or w == "next" for w in lowers[i + 1:]) and not any(w in REPORTING for w in lowers) and not is_question:
                yield i - 1, i + 2, "would-future"
        if low == "gon" and nxt != "na" and i + 1 < n and doc[i + 1].is_alpha and (nxt in VERB_LEMMAS | TO_VERBS | {"be", "do", "have", "make", "need", "let"} or nxt in ("n't",)):
            yield i, i + 2, "gon-future"
        # it mustn't be true
        if low == "must" and prev in {"it", "this", "that", "he", "she", "they"} and nxt in {"n't", "not"} and nxt2 == "be" and nxt3 in {"true", "right", "real", "him", "her", "them", "possible", "the", "that", "there", "home", "in", "easy", "much"}:
            yield i, i + 3, "epistemic-mustnt"
        # he's gone, is it?
        if low == "is" and nxt == "it" and nxt2 == "?" and prev == "," and i >= 3:
            subject = next((w for w in lowers[:i - 1] if w in SUBJ | {"this", "that", "there", "i"}), "")
            if subject and subject not in {"it", "this", "that"}:
                yield i, i + 2, "is-it-tag"
        # I don't like. / I'll take.
        if low in OBJECT_DROP_VERBS and lemmas[i] == low and (nxt in {".", "!", "?", "…", "..."} or nxt == "") and i >= 1 and doc[i].is_lower:
            _s, _e = _clause_bounds(lowers, i)
            head = [w for w in lowers[_s:i] if w not in {"also", "really", "just", "still", "definitely", "already", "then", "now", "so", "and", "but", "oh", "yes", "no", "ok"}]
            if head and head[0] in {"do", "does", "did", "can", "will", "could", "would"} and len(head) >= 2 and head[1] in SUBJ:
                head = head[1:]
            if len(head) >= 1 and head[0] in SUBJ - {"it"} and all(w in AUX | {"n't", "not", "never", "also", "only"} for w in head[1:]) \
                    and not (low in {"like", "want"} and head[1:] in (["'d"], ["would"], [])) and not (low == "give" and head[1:] == []) \
                    and not any(lowers[j] in {"if", "as", "what", "whatever", "how", "wherever", "whenever", "when"} for j in range(max(0, _s - 3), _s)) \
                    and not (low == "want" and "n't" not in head and "not" not in head) and not (low == "take" and head[1:] == []):
                yield i, i + 1, "object-drop"
        # the man as I saw
        if low == "as" and i >= 2 and lowers[i - 2] in {"the", "that", "a", "those"} and doc[i - 1].is_alpha and lemmas[i - 1] not in VERB_LEMMAS \
                and nxt in SUBJ - {"it"} and i + 2 < n and (nxt2.endswith("ed") and lemmas[i + 2] != nxt2 or nxt2 in PRETERITES_AS_PART | {"saw", "met", "told", "bought", "found", "knew"}) \
                and (i + 3 >= n or nxt3 in CLAUSE_END | {"yesterday", "is", "was", "last", "in", "at"}) \
                and not any(lowers[j] in {"same", "such", "as", "so", "just", "exactly"} for j in range(max(0, i - 6), i)):
            yield i - 1, i + 1, "as-relative"
        # the man that his wife died / the man what his son is a doctor
        if low in {"that", "what", "at", "as"} and nxt in {"his", "her", "their"} and i >= 2 and prev in PERSON_NOUNS and lowers[i - 2] in {"the", "a", "that", "this"} \
                and i + 3 < n and (low != "that" or nxt3 in {"is", "was", "died", "'s", "are", "were", "has", "had", "got", "works", "lives", "passed"}):
            yield i, i + 2, "analytic-whose"
        # the man who I met him is here (resumptive followed by the main clause)
        if low in {"who", "that", "which"} and nxt in SUBJ_PRON and i + 4 < n and doc[i + 2].is_alpha and lemmas[i + 2] not in {
                "give", "tell", "show", "send", "bring", "buy", "make", "get", "offer", "lend", "teach", "pass", "ask", "owe", "pay",
                "promise", "sell", "write", "read", "hand", "cook", "find", "leave", "call", "let", "help", "see", "hear", "watch", "saw"} \
                and lowers[i + 3] in {"it", "him", "her", "them"} and lowers[i + 4] in {"is", "was", "are", "were"} \
                and i > 1 and lowers[i - 2] in {"the", "a", "that", "this"} and prev not in {"know", "say", "said", "think", "hope", "so"}:
            yield i, i + 4, "resumptive-pronoun"
        # ..., which I didn't like it.
        if low == "which" and prev == "," and nxt in SUBJ_PRON:
            _s, end = _clause_bounds(lowers, i + 1)
            if end - 1 > i + 2 and lowers[end - 1] in {"it", "them", "him", "her"} and lemmas[end - 2] in VERB_LEMMAS | {"enjoy", "like", "expect", "believe", "accept", "do"} \
                    and lowers[end - 2] not in {"think", "believe", "suppose", "guess", "mean", "let", "make", "see", "saw"}:
                yield i, end, "which-linker"
        # I want for you to go
        if low == "for" and lemmas[i - 1 if i else 0] in {"want", "need", "like", "love", "hate", "wish"} and i > 0 and nxt in OBJ_PRON | {"you", "it"} | SUBJ and nxt2 == "to" \
                and i + 3 < n and lemmas[i + 3] == nxt3 and nxt3 in VERB_LEMMAS | TO_VERBS | {"be", "do", "have"} and prev not in {"would", "'d"} and not (i >= 2 and lowers[i - 2] in {"'d", "would"}):
            yield i, i + 3, "want-for-to"
        if low == "for" and nxt == "to" and nxt2 in {"go", "come", "be", "do"} and i > 0 and (lemmas[i - 1] in VERB_LEMMAS | {"ready", "want", "need"} and lemmas[i - 1] != "take" or prev.endswith("ed")):
            yield i, i + 3, "for-to"
        # bring it come / cook it give me
        if lemmas[i] in {"bring", "carry", "take", "send", "cook", "buy", "make", "throw", "run", "fetch"} and nxt in {"it", "them", "dem", "am"} \
                and (nxt2 in {"come", "go"} and (i + 3 >= n or nxt3 in CLAUSE_END | {"here", "there", "back", "home"}) or nxt2 == "give" and nxt3 in OBJ_PRON | {"you", "mi"}):
            yield i, i + 3, "serial-verb"
        # give it me
        if lemmas[i] in {"give", "hand", "pass", "send", "show", "lend", "bring", "fetch"} and nxt == "it" and nxt2 in {"me", "him", "her", "us", "them"} \
                and (i + 3 >= n or nxt3 in CLAUSE_END | {"back", "now", "then", "please"}):
            yield i, i + 3, "give-it-me"
        # and I go, "what?" / she's all, "whatever"
        if low in {"go", "goes", "went"} and prev in SUBJ_PRON and (i < 2 or lowers[i - 2] in CLAUSE_END | {"and", "so", "then", "like", "she", "he"} or i == 1) \
                and nxt in QUOTE_OPEN and i + 2 < n and doc[i + 2].is_alpha and not (nxt == "," and nxt2 in SUBJ | {"and", "but", "then", "so", "because", "if", "when", "too", "though"}) \
                and not (nxt == "," and lowers[i + 2] in {"and", "or"}):
            yield i - 1, i + 1, "quotative-go"
        if low == "all" and prev in {"'s", "'re", "'m", "was", "were", "is", "are", "am"} and i >= 2 and lowers[i - 2] in SUBJ_PRON \
                and nxt in QUOTE_OPEN and i + 2 < n and nxt2 in QUOTED_OPENERS:
            yield i - 1, i + 1, "quotative-like"
        # I went there like. / He's coming, like.
        if low == "like" and i >= 2 and (nxt in {".", "!", "…", "..."} or nxt == "") and not is_question \
                and prev in {",", "there", "here", "now", "then", "today", "yesterday", "home", "anyway", "really", "though", "too", "again", "me", "him", "us", "them", "it"} \
                and not any(w in {"what", "whatever", "how", "anything", "something", "nothing", "look", "looks", "looked", "feel", "feels", "sound", "sounds", "seem", "seems", "taste", "tastes", "smell", "smells"} for w in lowers[:i]) \
                and not (prev in {"me", "him", "us", "them", "it"} and i >= 2 and lowers[i - 2] in SUBJ | AUX):
            yield i, i + 1, "final-like"
        # my sister, he … / my brother she …
        if low in {"he", "she"} and i >= 2 and i <= 4 and lowers[0] in {"my", "the", "your", "his", "her", "our", "their"} and (
                low == "he" and lowers[1] in FEMALE or low == "she" and lowers[1] in MALE) and (prev in {",", "—", "-"} or prev in FEMALE | MALE) \
                and i + 1 < n and nxt in AUX | VERB_LEMMAS | {"works", "lives", "likes", "went", "came", "said", "has", "'s"}:
            yield 0, i + 1, "gender-pronoun"
        # got one man outside
        if i == 0 and low == "got" and nxt in {"one", "plenty", "many", "lots", "two", "three", "some"} and n > 3 and doc[2].is_alpha and not is_question \
                and nxt2 not in {"of", "more", "minute", "minutes", "second", "sec"} and any(w in {"here", "there", "outside", "inside", "in", "at", "on", "dey", "today", "tomorrow"} for w in lowers[3:]):
            yield 0, 3, "existential-got"
        if low == "hit" and nxt in {"'s", "is", "was", "ai", "ain't", "aint", "'ll", "will", "do", "does", "did", "were"} and start and nxt2 not in {"by", "hard"}:
            yield i, i + 1, "hit-it"
        # it's a man lives there (zero subject relative after existential it)
        if low in {"'s", "is", "was"} and prev == "it" and nxt in {"a", "an", "some"} and i + 3 < n and doc[i + 2].is_alpha \
                and lowers[i + 3].endswith(("s", "ed")) and lemmas[i + 3] != lowers[i + 3] and lemmas[i + 3] in VERB_LEMMAS | {"own", "run", "sell", "keep", "want", "live", "come"} \
                and lowers[i + 3] not in {"was", "is", "has"} and lemmas[i + 2] in PERSON_NOUNS | {"man", "woman", "fellow", "dog", "lady", "family", "boy", "girl"}:
            yield i + 1, i + 4, "relative-deletion"
        # the man lives there is my friend (zero subject relative before the main verb)
        if i == 1 and lowers[0] in {"the", "a", "that"} and low in PERSON_NOUNS | {"fellow", "lady", "family", "dog"} and i + 2 < n \
                and nxt.endswith(("s", "ed")) and lemmas[i + 1] != nxt and lemmas[i + 1] in VERB_LEMMAS | {"own", "live", "run", "sell", "keep", "come"} and nxt not in {"was", "is", "has", "does"}:
            _s, end = _clause_bounds(lowers, i)
            later = next((j for j in range(i + 3, end) if lowers[j] in {"is", "was", "'s", "are", "were"}), None)
            if later is not None and lemmas[i + 1] not in {"say", "think", "know", "feel", "believe", "hope", "mean", "hear", "see", "tell", "find", "want", "expect", "wish"} \
                    and not any(lowers[j] in SUBJ | WH | {"that", "this", "because", "if", "and", "but", "so", "than", "as"} for j in range(i + 2, later)) and not is_question:
                yield 0, i + 2, "relative-deletion"
        # people says / the children goes (Northern Subject Rule with an irregular plural)
        if low in {"people", "children", "men", "women", "folks", "folk"} and (i == 0 or prev in {"the", "all", "some", "these", "those", "most", "many", "our", "my"}) \
                and nxt.endswith("s") and i + 1 < n and lemmas[i + 1] in VERB_LEMMAS and nxt == lemmas[i + 1] + "s" and nxt not in {"is", "was", "has", "does"}:
            yield i, i + 2, "plural-verb-s"
        # what you want? / where he went?
        if low in {"what", "where", "why", "how", "who", "when"} and (i == 0 or prev in CLAUSE_END) and nxt in {"you", "he", "she", "they", "we", "i"} and is_question and i + 2 < n:
            word = nxt2
            if (lemmas[i + 2] == word and word in VERB_LEMMAS | TO_VERBS | {"do", "say", "mean", "want", "think"} and word not in {"and", "or"}
                    or (word.endswith("ed") and lemmas[i + 2] != word) or word in PRETERITES_AS_PART | {"said", "told", "bought", "thought", "made", "found", "left", "got", "put", "met", "sent"}) \
                    and not (low == "who" and nxt == "you"):
                yield i, i + 3, "no-inversion"
        if low in {"where", "what", "who", "how"} and i == 0 and nxt in SUBJ | {"this", "that"} and nxt2 in {"is", "are", "was", "were", "'s", "'re"} and i + 3 < n and lowers[i + 3] == "?":
            yield i, i + 3, "no-inversion"
        # me not stupid / me is hungry
        if low == "me" and (i == 0 or prev in CLAUSE_END) and nxt in {"not", "is", "was", "am", "can", "will", "gonna", "have", "no", "did", "want", "know", "like", "need", "go", "come", "see"} \
                and i + 2 < n and doc[i + 2].is_alpha and not nxt2.endswith("ing") and n > 3:
            yield i, i + 2, "me-subject"
        # where's me book?
        if low == "me" and nxt in {"book", "money", "coat", "shoes", "dinner", "job", "dog", "hat", "boots", "jacket", "tea", "glasses", "brother", "sister", "uncle", "aunt", "friend", "friends", "wee", "best", "da"} \
                and prev in {"'s", "is", "was", "got", "find", "lost", "on", "in", "with", "of", "where", "at", "from", "and", "grab"} and nxt2 not in {"a", "an", "the", "some", "to"}:
            if not (prev in {"with", "of", "on", "at", "from", "in"} and nxt in {"tea", "dinner", "best"}) and not (prev == "got" and nxt in {"brother", "sister", "friend"}):
                yield i, i + 2, "me-possessive"
        # I'm going to buy me a truck (personal dative: the subject is I)
        if low in {"me", "us"} and i >= 2 and lemmas[i - 1] in PERSONAL_DATIVE_VERBS and nxt in {"a", "an", "some", "one", "two", "another", "the", "my", "our", "new"}:
            _s, _e = _clause_bounds(lowers, i)
            subject = next((lowers[j] for j in range(i - 2, _s - 1, -1) if lowers[j] in SUBJ | OBJ_PRON | {"you"}), "")
            if subject == ("i" if low == "me" else "we") and not any(lowers[j] in {"you", "he", "she", "they", "him", "her", "them", "let", "help", "for"} for j in range(_s, i - 1)):
                yield i - 1, i + 1, "personal-dative"
        # two childs / many mans
        if low in {"childs", "womans", "tooths", "mouses", "gooses", "oxes", "persons'", "peoples"} and i > 0 or low == "mans" and prev in NUMBER_WORDS | {"the", "all", "some", "these", "those", "two", "many", "other"}:
            if not (low == "peoples" and prev in {"the", "indigenous", "native", "all", "many", "other", "different", "of"}):
                yield i, i + 1, "regularized-plural"
        # that there dog
        if low == "that" and nxt == "there" and i + 2 < n and doc[i + 2].is_alpha and doc[i + 2].is_lower and lemmas[i + 2] == nxt2 \
                and not nxt2.endswith("s") and nxt2 not in VERB_LEMMAS | AUX | SUBJ | NEG_FIRST | {"seem", "might", "must", "ought", "appear", "exist", "remain", "a", "an", "the", "any", "some", "once", "too", "and", "or", "but"} \
                and _has_plural(nxt2):
            yield i, i + 3, "this-here"
        # he's gone to the shop an hour ago (perfect with a finished time, contracted)
        if low == "'s" and prev in {"he", "she"} and nxt in {"gone", "been", "left", "seen", "done", "come", "arrived", "died", "finished", "bought", "called", "eaten"} and not is_question:
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in {"yesterday", "ago"} for j in range(i + 2, end)) and not any(lowers[j] in {"since", "for", "until", "till"} for j in range(i + 2, end)):
                yield i - 1, i + 2, "perfect-past-time"
        # I like to died (liketa = nearly)
        if low == "to" and prev in {"like", "liked"} and i >= 2 and lowers[i - 2] in SUBJ and i + 1 < n \
                and (nxt in {"died", "killed", "fell", "froze", "drowned", "broke", "went", "had", "lost", "fainted", "starved", "busted", "jumped", "scared"}):
            yield i - 1, i + 2, "liketa"
        # I don't know what is his name
        if low in WH and i >= 1 and nxt in {"is", "was", "are", "were"} and nxt2 in {"his", "her", "their", "our", "its"} and not is_question \
                and any(lemmas[j] in EMBED_VERBS for j in range(max(0, i - 3), i)):
            yield i, i + 3, "embedded-inversion"
        # it's real good
        if low == "real" and prev in {"'s", "is", "was", "'re", "are", "were", "be", "looks", "look", "sounds", "feel", "feels"} and nxt in SHORT_ADJ | {"nice", "quick", "pretty", "cute", "cool", "sweet", "smart"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"and", "to", "at", "now", "today", "too"}):
            yield i, i + 2, "real-adverb"


RULES.update({
    "modal-of": {"kind": "dialect", "label": "eye-dialect", "variety": "General (informal writing)",
                 "gloss": "'could of / would of / should of' = could have / would have / should have"},
    "thing-pronoun": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial) / Australian / Newfoundland / Southwest English",
                      "gloss": "'he/she' for a thing ('the old truck, she still runs' = it still runs)"},
    "meal-article": {"kind": "dialect", "label": "grammar", "variety": "Irish / Scottish / World Englishes",
                     "gloss": "definite article where standard English has none ('had the lunch', 'speaks the English')"},
    "place-no-article": {"kind": "dialect", "label": "grammar", "variety": "World Englishes (India, Africa, Asia)",
                         "gloss": "no 'the' before a familiar place ('went to cinema' = went to the cinema)"},
    "adjective-noun-no-article": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                                  "gloss": "no 'a' before adjective + noun ('he is good boy' = he is a good boy)"},
    "progressive-possession": {"kind": "dialect", "label": "grammar", "variety": "Indian / African / World Englishes",
                               "gloss": "progressive of 'have' for possession ('I am having two cars' = I have two cars)"},
    "progressive-habitual": {"kind": "dialect", "label": "grammar", "variety": "Indian / Irish / African Englishes",
                             "gloss": "progressive for a habit ('he is going to school every day' = he goes to school every day)"},
    "be-perfect-left": {"kind": "dialect", "label": "grammar", "variety": "Irish / Scottish / Northern English",
                        "gloss": "'be' as perfect auxiliary ('they're not left school yet' = they haven't left school yet)"},
    "resumptive-where": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                         "gloss": "'where … there' ('the place where I live there' = the place where I live)"},
    "topic-resumptive": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (colloquial)",
                         "gloss": "a fronted topic, repeated as a pronoun or left as a gap ('This book, I like it' = I like this book)"},
    "no-more-negator": {"kind": "dialect", "label": "grammar", "variety": "Indian / Caribbean / Pidgin",
                        "gloss": "'no more' before the verb = not … any more ('he no more lives here' = he doesn't live here any more)"},
    "whenever-once": {"kind": "dialect", "label": "grammar", "variety": "Irish / Scottish / Australian",
                      "gloss": "'whenever' for one past event = when ('whenever I was born' = when I was born)"},
    "us-possessive": {"kind": "dialect", "label": "grammar", "variety": "Northern English / Scottish / Irish",
                      "gloss": "'us' = our ('us house' = our house)"},
    "existential-it": {"kind": "dialect", "label": "grammar", "variety": "US South / AAVE / Caribbean / World Englishes",
                       "gloss": "existential 'it' = there ('it was many people there' = there were many people there)"},
    "all-singular": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                     "gloss": "no plural -s after 'all the' / 'a lot of' ('all the student', 'a lot of book')"},
    "pluperfect-past": {"kind": "dialect", "label": "grammar", "variety": "Indian / US South / Irish / World Englishes",
                        "gloss": "past perfect for a simple past ('I had gone there yesterday' = I went there yesterday)"},
    "go-future": {"kind": "dialect", "label": "grammar", "variety": "Singapore / Caribbean / Pidgin",
                  "gloss": "'go' + verb as future ('I go do it tomorrow' = I'll do it tomorrow)"},
    "have-relative-deletion": {"kind": "dialect", "label": "grammar", "variety": "British / Irish / US South / AAVE",
                               "gloss": "no subject relative after 'have' ('I have a brother lives in London' = a brother who lives)"},
})
MEALS = {"lunch", "dinner", "breakfast", "supper", "tea"}
LANGUAGES = {"english", "french", "irish", "gaelic", "spanish", "german", "hindi", "swahili", "chinese", "arabic", "latin",
             "italian", "russian", "japanese", "welsh", "scots"}
FAMILIAR_PLACES = {"cinema", "mall", "beach", "park", "library", "supermarket", "airport", "station", "office", "zoo", "gym",
                   "bank", "movies", "post-office", "hotel", "restaurant", "stadium", "museum", "theatre", "theater",
                   "shop", "store", "garage", "kitchen", "toilet", "bathroom", "party"}
ADJ_BEFORE_NOUN = SHORT_ADJ | {"good", "nice", "big", "small", "new", "old", "beautiful", "great", "kind", "clever", "young",
                               "rich", "poor", "honest", "lazy", "bright", "fine", "lovely", "wonderful", "terrible"}
NOUN_NEEDS_ARTICLE = COUNT_NOUNS | ROLES | {"man", "woman", "boy", "girl", "person", "day", "idea", "place", "guy", "lady",
                                            "kid", "film", "movie", "game", "question", "answer", "story", "song", "city", "country"}
POSSESSIONS = {"car", "cars", "house", "houses", "brother", "brothers", "sister", "sisters", "children", "kids", "son", "sons",
               "daughter", "daughters", "friends", "money", "doubt", "shop", "farm", "cow", "cows", "bike", "bikes",
               "phone", "phones", "dog", "dogs", "computer", "land"}
CHANGE_ING = {"getting", "growing", "becoming", "improving", "increasing", "changing", "learning", "dying", "losing",
              "gaining", "rising", "falling", "doing", "feeling", "looking", "running"}
TIME_UNITS = {"years", "days", "hours", "minutes", "months", "weeks", "miles", "dollars", "pounds", "o'clock", "times",
              "kilometers", "kilometres", "seconds", "euros", "degrees", "percent", "thirty", "fifteen", "forty"}


def more_global_rules(doc: Any) -> Iterator[Span]:
    """Articles, aspect, existentials, topics and past-time marking of the world's Englishes."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        nxt3 = lowers[i + 3] if i + 3 < n else ""
        end_after = nxt in CLAUSE_END or nxt == ""
        if low in {"could", "would", "should", "must", "might", "may", "will"} and nxt == "of" and i + 2 < n \
                and (nxt2 in {"been", "done", "gone", "seen", "had", "known", "got", "told", "said", "made", "taken", "given", "thought"}
                     or nxt2.endswith(("ed", "en")) and lemmas[i + 2] != nxt2):
            yield i, i + 2, "modal-of"
        # the old truck, she still runs
        if low in {"she", "he"} and i >= 2 and (prev == "," or lowers[i - 1] in THINGS | {"bus", "train", "kettle", "fridge", "tree", "watch"}) \
                and any(lowers[j] in THINGS | {"bus", "train", "kettle", "fridge", "wagon", "rifle"} and j + 1 < n and lowers[j + 1] in {",", "she", "he"}
                        for j in range(max(0, i - 4), i)) \
                and lowers[0] in {"the", "my", "this", "that", "our", "your", "his", "her", "me", "old"} and nxt in AUX | VERB_LEMMAS | {"runs", "goes", "works", "needs", "starts", "still", "never", "'s", "is", "was"}:
            yield i, i + 1, "thing-pronoun"
        # had the lunch / speak the English
        if low == "the" and nxt in MEALS and i > 0 and lemmas[i - 1] in {"have", "eat", "take", "cook", "make", "skip", "finish"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"with", "at", "in", "together", "today", "yesterday", "early", "late", "now", "already", "and"}) \
                and not (nxt == "tea" and lemmas[i - 1] in {"make", "have", "take", "finish"}):
            yield i, i + 2, "meal-article"
        if low == "the" and nxt in LANGUAGES and i > 0 and lemmas[i - 1] in {"speak", "learn", "study", "know", "teach", "understand"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"well", "very", "fluently", "at", "in", "and", "now"}):
            yield i, i + 2, "meal-article"
        # went to cinema
        if low in {"to", "at", "in"} and nxt in FAMILIAR_PLACES and i > 0 and lemmas[i - 1] in {"go", "went", "be", "work", "come", "stay", "wait", "meet", "is", "was"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"yesterday", "today", "tomorrow", "now", "with", "and", "every", "tonight", "later"}) \
                and not (low == "in" and nxt in {"office", "kitchen", "bathroom", "toilet", "theatre", "store", "party"}) \
                and not (lemmas[i - 1] in {"be", "is", "was"} and low == "to"):
            yield i, i + 2, "place-no-article"
        # he is good boy
        if low in ADJ_BEFORE_NOUN and prev in {"is", "'s", "was", "am", "'m", "are", "'re", "were"} and i >= 2 and lowers[i - 2] in SUBJ | {"this", "that"} \
                and nxt in NOUN_NEEDS_ARTICLE and i + 1 < n and doc[i + 1].is_lower and (i + 2 >= n or nxt2 in CLAUSE_END | {"and", "but", "too", "in", "at", "from", "now"}) \
                and not (low == "old" and nxt in ("friend",)) and not (low in {"fine", "cold", "hot", "bright"} and nxt in ("day",)):
            yield i - 1, i + 2, "adjective-noun-no-article"
        # I am having two cars
        if low == "having" and prev in {"am", "'m", "is", "are", "'re"} and i + 1 < n:
            j = i + 2 if nxt in {"a", "an", "two", "three", "four", "five", "many", "no", "one", "some", "lot", "lots"} else i + 1
            if j < n and lowers[j] in POSSESSIONS and (j + 1 >= n or lowers[j + 1] in CLAUSE_END | {"and", "in", "at", "now"}) \
                    and not (lowers[j] in {"brother", "sister", "son", "daughter", "children", "kids", "dog", "money", "friends", "car", "house"} and nxt in {"a", "an", "some", "lot", "lots", "friends"}) \
                    and not (lowers[j] == "doubt" and nxt != "a"):
                yield i - 1, j + 1, "progressive-possession"
        # he is going to school every day
        if low.endswith("ing") and len(low) > 4 and lemmas[i] != low and prev in {"am", "'m", "is", "are", "'re", "'s"} and i >= 2 and lowers[i - 2] in SUBJ \
                and low not in CHANGE_ING | STATIVE and not is_question:
            rest = lowers[i + 1:]
            if any(rest[k] == "every" and k + 1 < len(rest) and rest[k + 1] in {"day", "morning", "evening", "night", "sunday", "week", "year", "monday", "saturday"}
                   for k in range(len(rest))) and not any(w in {"this", "these", "now", "currently", "week", "moment", "lately", "today", "tonight", "until", "more", "better", "worse", "since"} for w in rest):
                yield i - 1, i + 1, "progressive-habitual"
        # they're not left school yet
        if low in {"left", "started"} and prev in {"'re", "are", "am", "'m", "is", "not"} and (prev != "not" or i >= 2 and lowers[i - 2] in {"'re", "are", "am", "'m", "is"}) \
                and nxt in {"school", "home", "work", "college", "university", "yet", "already", "town"}:
            yield i - 1, i + 1, "be-perfect-left"
        # the place where I live there
        if low == "there" and (end_after) and i >= 3 and lowers[i - 3] == "where" and lowers[i - 2] in SUBJ and lemmas[i - 1] in VERB_LEMMAS | {"live", "work", "stay", "grow", "meet", "go"}:
            yield i - 3, i + 1, "resumptive-where"
        # This book, I like it. / That film, I never saw.
        if i == 0 and low in {"this", "that", "these", "those"} and n > 5 and doc[1].is_alpha and doc[1].is_lower and lemmas[1] not in VERB_LEMMAS | AUX \
                and lowers[1] not in {"is", "was", "one", "time", "way", "day", "morning", "night", "week", "year", "evening", "afternoon"} and nxt2 == "," and lowers[3] in SUBJ_PRON - {"you"}:
            _s, end = _clause_bounds(lowers, 4)
            tail = lowers[4:end]
            if tail and (tail[-1] in {"it", "them"} and len(tail) >= 2 and lemmas[4 + len(tail) - 2] in VERB_LEMMAS | {"like", "love", "hate", "read", "see", "buy", "want"}
                         or lemmas[4 + len(tail) - 1] in {"like", "love", "hate", "want", "need", "buy", "see", "saw", "read", "know"}) \
                    and all(w in AUX | VERB_LEMMAS | {"never", "really", "also", "n't", "not", "just", "it", "them", "saw", "bought", "read", "liked", "loved"} for w in tail):
                yield 0, 2, "topic-resumptive"
        # he no more lives here
        if low == "no" and nxt == "more" and prev in SUBJ and i + 2 < n and lemmas[i + 2] in VERB_LEMMAS and lemmas[i + 2] != nxt2 or (
                low == "no" and nxt == "more" and prev in SUBJ and nxt2 in VERB_LEMMAS | {"work", "live", "come"}):
            yield i, i + 3, "no-more-negator"
        # whenever I was born
        if low == "whenever" and any(lowers[j] in {"born", "died", "married", "arrived", "met"} for j in range(i + 1, min(n, i + 6))) \
                and any(lowers[j] in {"was", "were", "got", "first", "died", "married", "arrived", "met"} for j in range(i + 1, min(n, i + 5))):
            yield i, i + 1, "whenever-once"
        # us house
        if low == "us" and nxt in {"house", "mam", "mum", "dad", "kid", "kids", "lass", "lad", "car", "bairns", "gran", "nan", "home", "family"} \
                and i + 2 < n and (nxt2 in {"is", "was", "'s", "has", "had", "were", "are"} or prev in {"in", "to", "at", "from", "with", "'s", "is", "was"} and nxt2 in CLAUSE_END) \
                and (i == 0 or lemmas[i - 1] not in GIVE_VERBS):
            yield i, i + 2, "us-possessive"
        # it was many people there
        if low in {"'s", "is", "was", "be", "were"} and prev == "it" and nxt in {"many", "several", "plenty", "two", "three", "four", "five", "lots", "no", "some"} \
                and i + 2 < n and doc[i + 2].is_alpha and nxt2 not in TIME_UNITS | {"of", "more", "use", "good", "doubt", "problem", "big", "way", "wonder", "longer", "joke", "time", "fun", "matter"} \
                and any(lowers[j] in {"there", "here", "outside", "inside", "in", "at"} for j in range(i + 3, min(n, i + 6))) and not is_question:
            if not (nxt in {"no", "some"} and nxt2 not in {"people", "man", "men", "women", "children", "food", "water", "money"}):
                yield i - 1, i + 1, "existential-it"
        # all the student / a lot of book
        if low == "all" and nxt in {"the", "my", "our", "your", "his", "her", "their", "these", "those"} and nxt2 in COUNT_NOUNS | ROLES and nxt2 not in {"room", "watch", "radio", "tv", "television", "farm", "garden", "bed"} \
                and nxt3 in {"are", "were", "have", "came", "went", "come", "go", "like", "want", "know", "and"}:
            yield i, i + 3, "all-singular"
        if low == "of" and prev in {"lot", "lots", "plenty", "many", "several"} and nxt in COUNT_NOUNS | ROLES and nxt not in {"room", "watch", "radio", "tv", "television"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"in", "at", "on", "and", "here", "there"}):
            yield i - 1, i + 2, "all-singular"
        # I had gone there yesterday
        if low == "had" and prev in SUBJ and i + 1 < n and (nxt in {"gone", "been", "seen", "done", "eaten", "met", "bought", "told", "given", "taken", "visited", "called", "finished", "arrived", "left", "come", "went"}) \
                and not is_question:
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in ("yesterday",) or lowers[j] == "last" and j + 1 < n and lowers[j + 1] in {"night", "week", "monday", "sunday", "saturday", "friday"}
                   for j in range(i + 2, end)) and not any(w in {"before", "by", "when", "after", "already", "said", "told", "thought", "knew", "realized", "realised", "until", "since", "because", "but", "so", "if", "found", "heard", "learned", "never", "just", "than", "that", "wish"} for w in lowers):
                yield i - 1, i + 2, "pluperfect-past"
        # I go do it tomorrow
        if low == "go" and prev in SUBJ and (i < 2 or lowers[i - 2] not in AUX | {"to", "let", "and", "or", "will", "'ll", "must"}) and i + 1 < n and nxt in VERB_LEMMAS | TO_VERBS \
                and lemmas[i + 1] == nxt and nxt not in {"go", "and", "home", "back", "out"} and not is_question:
            if any(w in {"tomorrow", "later", "next", "soon", "tonight"} for w in lowers[i + 2:]) and not any(w in {"every", "always", "usually", "often", "when", "if", "whenever"} for w in lowers):
                yield i - 1, i + 2, "go-future"
        # I have a brother lives in London
        if low in {"have", "has", "had", "got"} and prev in SUBJ and nxt in {"a", "an"} and i + 3 < n and doc[i + 2].is_alpha \
                and lemmas[i + 2] in PERSON_NOUNS | KIN | {"fellow", "cousin", "uncle", "aunt", "neighbour", "neighbor"} \
                and (lowers[i + 3].endswith("s") and lemmas[i + 3] != lowers[i + 3] and lemmas[i + 3] in VERB_LEMMAS | {"live", "own", "work", "run", "sell", "keep", "come"}
                     or lowers[i + 3] in {"told", "said", "came", "went", "lived", "worked", "gave", "showed"}) and lowers[i + 3] not in {"was", "is", "has", "does"}:
            yield i + 1, i + 4, "have-relative-deletion"


RULES.update({
    "negative-subject-concord": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                                 "gloss": "negative subject with a negated verb ('nobody didn't come' = nobody came)"},
    "not-hardly": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                   "gloss": "'can't hardly / couldn't barely' = can hardly / could barely"},
    "embedded-yes-no": {"kind": "dialect", "label": "grammar", "variety": "Irish / Indian / World Englishes",
                        "gloss": "question order in a reported yes/no question ('she asked did I want tea' = asked if I wanted tea)"},
    "best-modal": {"kind": "dialect", "label": "grammar", "variety": "US South / British (colloquial)",
                   "gloss": "'best' as a modal ('you best be going' = you had better go)"},
    "whose-his": {"kind": "dialect", "label": "grammar", "variety": "World Englishes",
                  "gloss": "'whose' + possessive pronoun ('the man whose his car was stolen' = whose car)"},
    "double-superlative": {"kind": "dialect", "label": "grammar", "variety": "General (non-standard)",
                           "gloss": "'most' + -est ('the most unkindest' = the unkindest)"},
    "invariant-tag-particle": {"kind": "dialect", "label": "grammar", "variety": "Indian / Nigerian / South African / Singapore",
                               "gloss": "invariant tag ('na?', 'ne?', '… or not?') = isn't it? / won't you? / do you?"},
    "usent": {"kind": "dialect", "label": "grammar", "variety": "British / Irish (dated)",
              "gloss": "'usen't / usedn't to' = didn't use to"},
    "sport-article": {"kind": "dialect", "label": "grammar", "variety": "Irish / Indian / World Englishes",
                      "gloss": "'the' before a sport or an illness ('play the football', 'he has the fever')"},
})
NEG_SUBJECTS = {"nobody", "nothing", "none", "noone", "nowhere"}
SUPERLATIVE_WORDS_NOT = {"honest", "modest", "interest", "forest", "harvest", "protest", "request", "contest", "conquest",
                         "earnest", "manifest", "arrest", "suggest", "digest", "invest", "inquest", "guest", "chest",
                         "quest", "west", "rest", "nest", "test", "best", "zest", "crest", "pest", "lest", "behest",
                         "bequest", "tempest", "midwest", "unrest", "priest", "southwest", "northwest", "dishonest"}
SPORTS = {"football", "cricket", "soccer", "tennis", "golf", "rugby", "hockey", "basketball", "baseball", "volleyball",
          "badminton", "hurling"}
ILLNESSES = {"fever", "malaria", "headache", "toothache", "typhoid", "cough", "diarrhoea", "diarrhea", "stomachache", "jaundice"}


def negation_question_rules(doc: Any) -> Iterator[Span]:
    """Negative concord with a negative subject, 'can't hardly', reported yes/no questions, 'best' as a modal,
    'whose his', 'most unkindest', 'the football'."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        # nobody didn't come / nothing never happens here
        if (low in NEG_SUBJECTS or low == "no" and nxt == "one") and _at_clause_start(lowers, i):
            j = i + 2 if low == "no" else i + 1
            if j + 1 < n and lowers[j] in {"did", "do", "does", "could", "would", "ca", "wo", "is", "was", "were", "has", "have", "had", "should", "ai"} \
                    and (lowers[j + 1] == "n't" or lowers[j + 1] == "not" and lowers[j] in {"did", "do", "does", "is", "was"}) \
                    and not (j + 2 < n and lowers[j + 2] in {"to", "only"}) and not is_question:
                yield i, j + 2, "negative-subject-concord"
            elif j < n and lowers[j] == "never" and low != "nowhere":
                yield i, j + 1, "negative-subject-concord"
        # can't hardly see
        if low in {"n't", "not", "never"} and nxt in {"hardly", "barely", "scarcely"} or low in {"n't", "not"} and nxt in {"even", "really"} and nxt2 in {"hardly", "barely", "scarcely"}:
            yield (i - 1 if low == "n't" else i), i + (2 if nxt in {"hardly", "barely", "scarcely"} else 3), "not-hardly"
        # she asked did I want tea / I wonder is he coming
        if lemmas[i] in {"ask", "wonder"} and not is_question:
            j = i + 1
            if j < n and lowers[j] in {"me", "him", "her", "us", "them"} or j < n and doc[j].is_title and lemmas[i] == "ask":
                j += 1
            if j + 1 < n and lowers[j] in {"did", "do", "does", "is", "was", "were", "are", "can", "could", "would", "will", "had", "has", "have"} \
                    and lowers[j + 1] in SUBJ | {"there", "the", "my", "your", "his", "her"} and not (i == 0 and lemmas[i] == "ask") \
                    and prev not in {"to", "n't", "not", "should", "could", "can", "will", "'ll", "must", "would", "'d", "might", "please"} \
                    and not (lemmas[i] == "wonder" and prev in {"no", "small", "a"}):
                yield i, j + 2, "embedded-yes-no"
        # you best be going
        if low == "best" and prev in SUBJ and (i < 2 or lowers[i - 2] not in AUX) and i + 1 < n and nxt in VERB_LEMMAS | TO_VERBS | {"be", "do", "get", "not"} and lemmas[i + 1] == nxt:
            yield i - 1, i + 2, "best-modal"
        if low == "whose" and nxt in {"his", "her", "their", "its", "my", "your", "our"}:
            yield i, i + 2, "whose-his"
        if low == "most" and i + 1 < n and doc[i + 1].is_alpha and nxt.endswith("est") and len(nxt) > 5 and nxt not in SUPERLATIVE_WORDS_NOT \
                and not nxt.endswith(("ngest", "rest")) and (lemmas[i + 1] != nxt or nxt.startswith(("un", "kind", "great", "nice", "big", "small", "old", "young", "fast", "slow", "high", "low", "strong", "rich", "poor", "clean", "dear", "cheap", "short", "tall", "smart", "bright", "sweet", "hard", "soft", "loud", "quiet", "cold", "warm", "wild"))):
            yield i, i + 2, "double-superlative"
        if low == "the" and nxt in SPORTS and i > 0 and lemmas[i - 1] in {"play", "like", "love", "enjoy", "hate"} and (i + 2 >= n or nxt2 in CLAUSE_END | {"very", "every", "and", "with", "at", "on", "in", "too", "now"}):
            yield i, i + 2, "sport-article"
        if low == "the" and nxt in ILLNESSES and i > 0 and lemmas[i - 1] in {"have", "get", "got", "catch", "has", "had"} and (i + 2 >= n or nxt2 in CLAUSE_END | {"and", "since", "for", "again", "now", "today", "yesterday"}):
            yield i, i + 2, "sport-article"
        # how it is going? / why you are crying?
        if low in {"what", "where", "why", "how", "when"} and (i == 0 or prev in CLAUSE_END) and nxt in SUBJ and is_question and i + 3 < n \
                and nxt2 in {"is", "are", "am", "was", "were", "can", "will", "has", "have", "does", "did", "should", "could", "would"} \
                and lowers[i + 3] != "?" and not (nxt2 in {"is", "was"} and nxt == "it" and lowers[i + 3] in {"that", "about", "like"}) and "," not in lowers[i + 1:i + 3]:
            yield i, i + 3, "no-inversion"
        # they sells fish (any verb)
        if low in SUBJ_NON3 and i + 1 < n and nxt.endswith("s") and nxt not in NON3_VERBS_S | {"is", "was", "has", "does", "us", "'s", "yes", "always", "perhaps", "sometimes", "towards", "afterwards", "thus", "less", "unless", "plus"} \
                and lemmas[i + 1] in VERB_LEMMAS and nxt in (lemmas[i + 1] + "s", lemmas[i + 1] + "es") and prev not in AUX and not is_question \
                and not (low == "you" and prev not in {"", ",", ".", "and", "then", "so"}):
            yield i, i + 2, "verbal-s"
        if low in {"na", "ne", "neh", "nah"} and prev == "," and nxt in {"?", ""} and i >= 3:
            yield i, i + 1, "invariant-tag-particle"
        if low == "or" and nxt == "not" and nxt2 == "?" and i >= 2 and lemmas[i - 1] in VERB_LEMMAS | {"can", "want", "come", "go", "know", "like"} \
                and lowers[0] not in AUX | WH | {"will", "can", "do", "does", "did", "are", "is", "have", "has", "whether", "should", "would", "could", "shall"}:
            yield i, i + 2, "invariant-tag-particle"
        if low in {"usen't", "usedn't", "usent", "usedn"} or low in {"usen", "usedn"} and nxt in {"'t", "n't"}:
            yield i, i + (2 if nxt in {"'t", "n't"} else 1), "usent"


# -- eWAVE features not covered above (pronoun case, 'us' = me, demonstratives, genitives, tense with
#    modals, relatives, reduplication, questions) --------------------------------------------------------

RULES.update({
    "us-singular": {"kind": "dialect", "label": "grammar", "variety": "British / Irish / Australian (colloquial)",
                    "gloss": "'us' = me ('Give us a kiss' = give me a kiss)"},
    "zero-definite": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Creoles",
                      "gloss": "no 'the' before a unique or known thing ('Sun is shining' = the sun is shining)"},
    "demonstrative-number": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (non-standard)",
                             "gloss": "'this/that' with a plural noun ('this people' = these people)"},
    "present-modal-past": {"kind": "dialect", "label": "grammar", "variety": "World Englishes (Africa, Asia)",
                           "gloss": "present modal for a past time ('Two years ago I can't speak English' = I couldn't)"},
    "nonrestrictive-that": {"kind": "dialect", "label": "grammar", "variety": "British / Irish / US (non-standard)",
                            "gloss": "'that' in a commented (non-restrictive) relative ('my son, that lives in Leeds' = who lives)"},
    "adjective-reduplication": {"kind": "dialect", "label": "grammar", "variety": "Caribbean / West African / Asian Englishes",
                                "gloss": "repeated adjective or verb for intensity or repetition ('small small' = very small)"},
    "what-for": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / Scottish / Irish",
                 "gloss": "'what for' / 'for why' before a clause = why ('What for you did it?' = why did you do it?)"},
    "group-genitive": {"kind": "dialect", "label": "grammar", "variety": "General (colloquial)",
                       "gloss": "'s on a whole phrase ending in a verb ('the man I met's girlfriend' = the girlfriend of the man I met)"},
})
#: inanimate nouns a "he/she is a … X" sentence is about (the gendered-thing rule's own list is for vehicles)
INANIMATE = {"knife", "hoe", "axe", "spade", "shovel", "hammer", "kettle", "pot", "pan", "clock", "watch", "engine",
             "car", "truck", "boat", "ship", "tractor", "house", "barn", "gun", "rifle", "fiddle", "guitar", "cake",
             "pie", "field", "road", "bridge", "chair", "table", "machine", "motor", "van", "bike", "lorry", "plane",
             "computer", "fridge", "stove", "oven", "saw", "plough", "plow", "rope", "bucket", "wagon", "cart"}
UNIQUE_THINGS = {"sun", "moon", "sky", "government", "president", "principal", "police", "earth", "weather",
                 "headmaster", "teacher", "doctor", "bus", "train", "church", "market", "river", "sea", "road",
                 "door", "window", "rain", "wind", "tide", "prime"}
PAST_FRONT = {"yesterday", "ago", "last"}
PRESENT_MODALS = {"can", "ca", "will", "wo", "may", "shall", "must"}
REDUP_WORDS = SHORT_ADJ | {"small", "big", "little", "fine", "plenty", "soft", "sweet", "hot", "fast", "slow", "one", "two",
                           "walk", "talk", "eat", "cry", "run", "read", "sleep", "look", "laugh", "shake", "beg", "pray"}
REDUP_STANDARD = {"very", "so", "bye", "no", "yes", "really", "now", "there", "well", "come", "go", "tut", "knock",
                  "night", "chop", "long", "far", "many", "much", "ha", "hey", "hush", "sorry", "good", "please", "quick"}
US_SINGULAR_OBJECTS = {"kiss", "hug", "cuddle", "look", "light", "fag", "quid", "tenner", "bite", "squeeze", "shout",
                       "bell", "ring", "clue", "peek", "gander", "butcher's", "swig", "taste", "drag", "lift", "fiver"}
DITRANSITIVE = {"give", "tell", "show", "get", "buy", "bring", "send", "make", "find", "cook", "leave", "save", "teach",
                "owe", "offer", "pay", "sell", "lend", "fetch", "pour", "hand", "pass", "cost", "cause", "win", "earn",
                "charge", "promise", "read", "write", "sing", "play", "throw", "ask", "let", "call", "take", "do", "wish",
                "allow", "deny", "grant", "serve", "feed", "cut", "order", "keep", "lose", "bake", "draw", "guarantee"}
US_NOUNS = ME_POSSESSED | {"job", "jobs", "ticket", "tickets", "turn", "money", "anchor", "boat", "dog", "dinner", "tea", "land", "field", "farm", "home", "shop",
                           "kitchen", "garden", "street", "village", "town", "school", "church", "father", "grandmother",
                           "grandfather", "uncle", "aunt", "children", "bairns", "wean", "weans", "lass", "lad", "cat"}
COORD_OBJ_HEADS = {"between", "for", "to", "with", "from", "of", "about", "like", "against", "behind", "without", "told",
                   "gave", "saw", "invited", "asked", "helped", "called", "met", "tell", "give", "see", "invite", "ask",
                   "help", "call", "meet", "let", "let's", "us", "me", "him", "her", "them", "among", "beside"}
SUBJECT_VERBS = {"were", "are", "was", "went", "have", "had", "did", "will", "'ll", "can", "could", "used", "got", "came",
                 "would", "should", "'re", "'ve", "'d", "both", "go", "come", "play", "played", "love", "loved", "saw"}
FOLLOWING_NP = {"my", "his", "her", "our", "their", "your", "the", "a", "some", "mum", "mam", "dad", "da", "ma", "pa"}


def ewave_extra_rules(doc: Any) -> Iterator[Span]:
    """Pronoun case in coordinations, 'us' = me and as a possessive, 'them' after an object, 'this' + plural,
    'John his book', present modals for a past time, non-restrictive 'that', reduplication, 'what for',
    group genitives, inanimate 'he', flat adverbs after an -ing verb, aux-less 'you …ing?', 'like' in questions."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        # Me and my brother … / My brother and me were late
        if low == "me" and nxt == "and" and (i == 0 or prev in CLAUSE_END) and nxt2 in FOLLOWING_NP and i + 3 < n \
                and (lowers[i + 3] not in CLAUSE_END) and not any(w in {"between", "for", "with", "to", "like", "than"} for w in lowers[:i]):
            yield i, i + 3, "object-pronoun-subject"
        if low == "me" and prev == "and" and nxt in SUBJECT_VERBS and i >= 2:
            start_i = i - 1
            while start_i > 0 and lowers[start_i - 1] not in CLAUSE_END:
                start_i -= 1
            head = lowers[start_i:i - 1]
            if 1 <= len(head) <= 3 and not any(w in AUX | VERB_LEMMAS | COORD_OBJ_HEADS | {"than", "as", "and", "or", "but"}
                                                for w in head) and not any(lemmas[j] in VERB_LEMMAS for j in range(start_i, i - 1)):
                yield i - 1, i + 2, "object-pronoun-subject"
        # between you and I / to John and I
        if low in {"i", "i."} and prev == "and" and (nxt in CLAUSE_END or nxt == "") and i >= 3 \
                and any(lowers[j] in COORD_OBJ_HEADS for j in range(max(0, i - 5), i - 2)) \
                and not any(lowers[j] in {"than", "as", "because", "if", "when", "where", "that", "who", "which", "so", "but"}
                            for j in range(max(0, i - 5), i - 1)):
            yield i - 1, i + 1, "object-i"
        # Show us them boots / give me them apples: 'them' + plural noun after an object pronoun
        if low == "them" and prev in {"us", "me", "him", "her", "you"} and i + 1 < n and doc[i + 1].is_alpha and nxt.endswith("s") \
                and len(nxt) > 3 and lemmas[i + 1] != nxt and nxt not in {"is", "was", "has", "does", "always", "sometimes", "perhaps"}:
            yield i, i + 2, "them-demonstrative"
        # Give us a kiss (= me)
        if low == "us" and i >= 1 and lemmas[i - 1] in {"give", "lend", "show", "pass", "bring"} and _at_clause_start(lowers, i - 1) \
                and nxt in {"a", "an"} and nxt2 in US_SINGULAR_OBJECTS:
            yield i - 1, i + 3, "us-singular"
        # We've lost us anchor / That's us house (us = our)
        if low == "us" and i >= 1 and i + 1 < n and nxt in US_NOUNS and doc[i + 1].is_lower and lemmas[i - 1] not in DITRANSITIVE \
                and prev not in {"of", "for", "to", "with", "at", "from", "by", "between", "let", "among", "like", "about", "on", "upon", "against"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"is", "was", "'s", "has", "were", "are", "in", "at", "on", "and", "again", "yet"}) \
                and nxt not in {"own", "old", "kids", "lot", "lads", "girls", "boys", "best", "wee", "home"}:
            yield i, i + 2, "us-possessive"
        # Sun is shining / Government has decided (no 'the' before a unique or known thing)
        if low in UNIQUE_THINGS and (i == 0 or prev in CLAUSE_END and prev not in {'"', "“", "”"}) and doc[i].is_title and i + 1 < n \
                and nxt in {"is", "was", "has", "had", "will", "'s", "came", "went", "said", "says", "comes", "goes", "rises", "rose",
                            "shines", "shone", "decided", "told", "gave", "did", "does", "can", "could", "would"} \
                and low != "prime" and (i + 2 >= n or nxt2 not in {"a", "an", "the", "my", "your", "his", "her"}):
            yield i, i + 2, "zero-definite"
        # this people / this books
        if low == "this" and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and (
                nxt in {"people", "children", "men", "women", "folks", "things", "days", "guys", "boys", "girls"}
                or nxt.endswith("s") and not nxt.endswith(("ss", "us", "is", "ics", "ous", "ws")) and lemmas[i + 1] + "s" == nxt
                and lemmas[i + 1] != nxt and _has_plural(lemmas[i + 1]) and lemmas[i + 1] not in VERB_LEMMAS | {"mean", "news", "series", "species"}) \
                and nxt2 not in ("'s",):
            yield i, i + 2, "demonstrative-number"
        # John his book (at the start)
        if low in {"his", "her"} and i == 1 and doc[0].is_title and doc[0].is_alpha and lowers[0] not in SUBJ | WH | AUX | {"and", "but", "so", "then", "give", "tell", "ask", "let", "thank", "show", "help", "call", "take", "make", "get", "send", "bring", "find", "see", "meet", "wish", "pay", "leave", "keep", "buy", "hit", "kiss", "hug", "love", "like", "follow", "catch", "stop", "feed", "read", "hand", "pass", "teach", "lend", "kill", "shoot", "save", "remind", "warn", "join", "visit", "bless", "forgive", "excuse", "pardon", "please", "sir", "madam", "mrs", "mr", "miss", "dear", "poor", "oh"} \
                and lemmas[0] not in VERB_LEMMAS | DITRANSITIVE and i + 1 < n and doc[2].is_alpha and doc[2].is_lower and (n == 3 or lowers[3] in CLAUSE_END):
            yield 0, 3, "his-genitive"
        # Two years ago I can't speak English / Yesterday I can go
        if low in PRESENT_MODALS and prev in SUBJ and i >= 2 and not is_question:
            _s, _e = _clause_bounds(lowers, i)
            fronted = lowers[_s:i - 1]
            if fronted and (fronted[0] == "yesterday" or "ago" in fronted or fronted[0] == "last" and len(fronted) >= 2
                            and fronted[1] in {"year", "week", "month", "night", "time", "summer", "winter"}) \
                    and len(fronted) <= 5 and not any(w in {"when", "if", "since", "after", "before", "until", "because"} for w in fronted):
                yield i - 1, i + 1, "present-modal-past"
        # My daughter, that lives in London, is coming
        if low == "that" and prev == "," and 2 <= i <= 4 and lowers[0] in {"my", "the", "our", "his", "her", "your", "their", "this"} \
                and i + 1 < n and nxt.endswith(("s", "ed")) and lemmas[i + 1] != nxt and nxt not in {"is", "was", "has", "does", "'s", "always"} \
                and lemmas[i + 1] in VERB_LEMMAS | {"live", "work", "own", "run", "teach", "marry", "move", "die", "study"} \
                and any(lowers[j] == "," for j in range(i + 2, n)):
            yield i, i + 2, "nonrestrictive-that"
        # small small / talk talk
        if low in REDUP_WORDS and low not in REDUP_STANDARD and (nxt == low or nxt == "-" and nxt2 == low) and doc[i].is_lower:
            yield i, i + (2 if nxt == low else 3), "adjective-reduplication"
        # What for you did it? / For why you came?
        if low == "what" and nxt == "for" and (i == 0 or prev in CLAUSE_END) and nxt2 in SUBJ | {"did", "do", "does", "is", "are", "you", "your"} \
                and nxt2 != "?" and i + 2 < n:
            yield i, i + 2, "what-for"
        if low == "for" and nxt == "why" and (i + 2 >= n or nxt2 not in ("?",)) or low == "for" and nxt == "why" and prev not in ("reason",) and i == 0:
            yield i, i + 2, "what-for"
        # the man I met's girlfriend
        if low == "'s" and i >= 2 and lowers[i - 2] in SUBJ and (prev.endswith("ed") and lemmas[i - 1] != prev or prev in PRETERITES_AS_PART | {"met", "saw", "told", "knew", "married", "bought"}) \
                and nxt in POSSESSED | KIN | US_NOUNS and nxt not in {"own", "old"}:
            yield i - 2, i + 2, "group-genitive"
        # He's a good knife (he/she for a thing)
        if low in {"he", "she"} and nxt in {"'s", "is", "was"} and nxt2 in {"a", "an"} and i + 3 < n:
            for j in range(i + 3, min(n, i + 6)):
                if lowers[j] in INANIMATE and (j + 1 >= n or lowers[j + 1] in CLAUSE_END | {"and", "but", "too"}):
                    if not any(lowers[k] in THINGS | {"bus", "train", "kettle", "fridge", "rifle"} for k in range(i + 3, j + 1)):
                        yield i, i + 1, "gendered-thing"
                    break
                if not doc[j].is_alpha:
                    break
        # She was burning good / he's running good (flat adverb after an -ing verb)
        if low in {"good", "bad", "quick", "slow", "nice", "proper", "steady", "lovely", "fine"} and i >= 2 and prev.endswith("ing") and len(prev) > 4 \
                and lemmas[i - 1] != prev and lemmas[i - 1] not in LINKING | {"do", "look", "feel", "smell", "taste", "sound", "seem", "get", "go", "make", "come", "hold"} \
                and lowers[i - 2] in BE_FORMS | {"be", "been", "keep", "keeps", "kept"} and (i + 1 == n or nxt in CLAUSE_END | {"now", "today", "again", "too"}):
            yield i - 1, i + 1, "adjective-adverb"
        # You going? / You coming with us? (no auxiliary in a question)
        if low == "you" and (i == 0 or prev in CLAUSE_END) and is_question and i + 1 < n and nxt.endswith("ing") and len(nxt) > 4 \
                and lemmas[i + 1] != nxt and nxt not in {"thing", "nothing", "something", "anything", "everything", "king", "darling", "morning"}:
            yield i, i + 2, "zero-copula"
        # How did you get away with that like?
        if low == "like" and is_question and i >= 3 and nxt in {"?", ""} and prev in {"that", "this", "it", "then", "now", "there", "here", ",", "mate", "though"} \
                and not any(w in {"what", "who", "which", "whom", "look", "looks", "looked", "sound", "sounds", "feel", "feels", "taste", "tastes", "smell", "smells", "seem", "seems", "would", "'d"}
                            for w in lowers[:i]) and not (prev in {"that", "this", "it"} and lowers[i - 2] in BE_FORMS | {"'s"}):
            yield i, i + 1, "final-like"


RULES.update({
    "yn-no-inversion": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (colloquial)",
                        "gloss": "yes/no question without 'do' ('You get the point?' = do you get the point?)"},
    "too-either": {"kind": "dialect", "label": "grammar", "variety": "South Asian / African / Singapore Englishes",
                   "gloss": "'too' in a negative clause = either ('I don't like it too' = I don't like it either)"},
    "analytic-comparative": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / General (non-standard)",
                             "gloss": "'more/most' with a short adjective ('more tall' = taller, 'the most big' = the biggest)"},
    "be-come": {"kind": "dialect", "label": "grammar", "variety": "Irish / Scottish / British dialects (dated)",
                "gloss": "'be' as perfect auxiliary of come/go ('he is come back' = he has come back)"},
    "wh-no-inversion": {"kind": "dialect", "label": "grammar", "variety": "World Englishes / AAVE",
                        "gloss": "no inversion after 'how long / how much / what time' ('How long you are here?' = how long have you been here)"},
})
SHORT_ADJ_COMPARABLE = {"tall", "young", "big", "small", "old", "fast", "short", "cheap", "strong", "rich", "poor", "nice",
                        "cold", "hot", "warm", "high", "low", "quick", "slow", "loud", "bright", "dark", "deep", "wide",
                        "sweet", "clean", "smart", "thick", "thin", "fat", "long", "soft", "hard", "easy", "pretty",
                        "happy", "busy", "heavy", "early", "funny", "lazy", "ugly", "great", "good", "bad", "near"}
MASS_AFTER_ADJ = {"health", "weather", "permission", "advice", "information", "furniture", "luggage", "baggage",
                  "homework", "progress", "traffic", "equipment", "machinery", "scenery", "jewellery", "jewelry", "luck"}
COUNT_ILLNESS = {"headache", "toothache", "stomachache", "backache", "earache", "cough", "fever", "cold", "temperature"}
ABSTRACT = {"nature", "mankind", "humanity", "society", "happiness", "honesty", "poverty", "literature"}
HOLIDAYS = {"christmas", "easter", "ramadan", "diwali", "xmas", "eid", "thanksgiving"}
PAST_TENSE_SAME = {"cut", "put", "hit", "read", "set", "cost", "hurt", "quit", "let", "bet", "shut", "spread", "burst",
                   "cast", "fit", "split", "spit", "come", "run", "become", "beat", "bid"}
PASSIVE_BAD = PRETERITES_AS_PART - {"hid", "forgot", "did", "came", "went", "fell"}
TOPIC_NOT = {"god", "gosh", "jesus", "lord", "christ", "damn", "hell", "shit", "wow", "ugh", "oh", "man", "boy", "dude",
             "mate", "honey", "darling", "sweetie", "baby", "dear", "sir", "madam", "guys", "mom", "mum", "dad", "mommy",
             "daddy", "son", "kid", "kids", "love", "friend", "buddy", "pal", "officer", "doctor", "ma'am", "gee", "jeez",
             "anyway", "anyways", "actually", "so", "and", "but", "then", "now", "still", "also", "frankly", "personally"}
QUESTION_HEADS = {"long", "much", "many", "old", "far", "often", "soon"}
SERIAL_FIRST = {"send", "buy", "cook", "bring", "carry", "take", "make", "write", "sell", "fetch", "pour", "cut", "find"}


@lru_cache(maxsize=4096)
def _is_verb(word: str) -> bool:
    """The lookup table knows a past or -ing form of this word (so it can be a verb)."""
    from .components import get_lemmatizer

    lemmatize = get_lemmatizer("en")
    if lemmatize.table is None or not word.isalpha():
        return False
    stem = word[:-1] if word.endswith("e") else word
    return any(lemmatize(form) == word for form in (stem + "ed", stem + "ing", word + word[-1] + "ed"))


def ewave_verb_rules(doc: Any) -> Iterator[Span]:
    """Verb phrase and clause features: personal datives and possessives with the subject's own pronoun, past time
    with a bare verb or a perfect, 'was stole', 'is come', 'that don't', tags, relatives with 'as/at', serial 'give',
    comparison with 'more', mass nouns with 'a', 'the' with abstract nouns and feasts, topics, unrelated doubling."""
    lowers, lemmas, n, is_question = _sentence(doc)
    for i, (prev, low, nxt, nxt2) in enumerate(_windows(lowers)):
        nxt3 = lowers[i + 3] if i + 3 < n else ""
        # I got me a … / We had us a good time / We'll lose us jobs: the subject's own object pronoun after its verb
        if low in {"me", "us"} and i >= 2 and i + 1 < n and doc[i - 1].is_alpha and lemmas[i - 1] not in {"let", "help", "watch", "see", "hear", "excuse", "pardon", "make", "give", "tell", "show", "ask", "call", "remind", "bless", "hit", "join", "love", "like", "thank", "kill", "leave", "beat", "follow", "trust", "believe", "need", "want", "miss", "hate", "meet", "save", "marry", "know", "understand", "forgive", "keep", "take", "bring", "send", "pay", "teach", "lend", "owe", "allow", "offer", "promise", "invite", "fetch", "drive", "wake", "feed"} \
                and (lemmas[i - 1] in VERB_LEMMAS | PERSONAL_DATIVE_VERBS | {"have", "lose", "catch", "grab", "pick", "shoot", "kill", "spend"} or _is_verb(lemmas[i - 1])) \
                and (nxt in {"a", "an", "some", "one", "another", "new", "two", "three"} or doc[i + 1].is_alpha and doc[i + 1].is_lower and lemmas[i + 1] == nxt
                     and (nxt in US_NOUNS or _has_plural(nxt) and not _is_verb(nxt) or nxt.endswith("s") and lemmas[i + 1] != nxt and lemmas[i + 1] in US_NOUNS | {"job", "ticket", "coat", "shoe", "boot", "key"}) or nxt.endswith("s") and lemmas[i + 1] + "s" == nxt and lemmas[i + 1] in US_NOUNS | {"job", "ticket", "coat", "shoe", "boot", "key", "glass"}):
            j = i - 2
            while j >= 0 and lowers[j] in AUX | {"gonna", "gon", "wanna", "just", "really", "finally", "never", "always", "going", "got", "n't", "not", "'ll", "'ve", "'d", "'m", "'re", "to", "then", "soon"} and lowers[j] not in ("let",):
                j -= 1
            if j >= 0 and lowers[j] == ("i" if low == "me" else "we") and not (j >= 1 and lowers[j - 1] in {"you", "he", "she", "they", "let", "help", "for", "than", "as"}):
                if nxt in {"a", "an", "some", "one", "another", "new", "two", "three"}:
                    yield i - 1, i + 1, "personal-dative"
                else:
                    yield i, i + 2, "me-possessive" if low == "me" else "us-possessive"
        # It's us turn / That's us house
        if low == "us" and prev in {"'s", "is", "was"} and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and lemmas[i + 1] == nxt \
                and nxt not in {"lot", "kids", "guys", "girls", "boys", "two", "three", "all", "both", "again", "now", "here", "there", "too", "alone", "together", "only", "and", "or", "who", "that", "that's", "against"}\
                and _has_plural(nxt) and (i + 2 >= n or nxt2 in CLAUSE_END | {"now", "next", "today", "tonight"}):
            yield i, i + 2, "us-possessive"
        # I'll get me coat (bare count noun after 'me')
        if low == "me" and prev in {"get", "fetch", "forgot", "left", "lost", "put", "wash", "brush", "grab", "find", "found", "take", "took", "packed", "pack", "'ve", "lose"} \
                and nxt in {"coat", "hat", "shoes", "boots", "bag", "keys", "book", "jacket", "glasses", "bike", "phone", "car", "purse", "wallet", "teeth", "hair", "ticket", "gloves", "scarf", "umbrella", "brolly"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"on", "off", "back", "and", "now", "again", "out"}):
            yield i, i + 2, "me-possessive"
        # Last year I will go there / When I was young I can run fast
        if low in {"can", "ca", "will", "wo", "may"} and prev in SUBJ and i >= 4 and not is_question:
            head = lowers[:i - 1]
            if head[0] == "when" and any(w in {"was", "were"} for w in head) and "," not in head[:1] and lowers[i - 2] not in ("when",) \
                    and not any(w in {"if", "since", "until", "because"} for w in head):
                yield i - 1, i + 1, "present-modal-past"
        # Yesterday I walk home / He kill the snake yesterday
        if low in SUBJ and i + 1 < n and doc[i + 1].is_alpha and lemmas[i + 1] == nxt and not nxt.endswith("s") and nxt not in PAST_TENSE_SAME | AUX | {"gonna", "wanna", "never", "just", "always", "also", "still", "only", "really", "ever", "already", "used", "got"} \
                and (nxt in VERB_LEMMAS or _is_verb(nxt)) and not is_question and prev not in AUX | {"to", "let", "make", "made", "help", "see", "saw", "watch", "hear", "heard", "if", "when", "and", "or"}:
            _s, end = _clause_bounds(lowers, i)
            before = lowers[_s:i]
            after = lowers[i + 2:end]
            fronted = before[:1] == ["yesterday"] or before[:1] == ["last"] and len(before) == 2 or "ago" in before
            later = "yesterday" in after or any(a == "last" and b in {"night", "week", "year", "month", "time", "summer", "winter", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} for a, b in zip(after, after[1:], strict=False))
            if (fronted and len(before) <= 3 or later and not before) and not any(w in {"every", "each", "since", "before", "will", "'ll", "usually", "always", "often", "going", "gonna", "when", "if"} for w in lowers[_s:end]) \
                    and not (low in SUBJ_3SG and nxt in BASE_VERBS):
                yield i, i + 2, "zero-past"
        # They have left yesterday / He has died in 1990
        if low in {"have", "has", "'ve"} and prev in SUBJ and i + 1 < n and nxt.endswith(("ft", "ld", "lt", "nt", "de", "ke", "st", "ied", "ed")) and lemmas[i + 1] != nxt and not is_question:
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] == "yesterday" or lowers[j] == "in" and j + 1 < n and len(lowers[j + 1]) == 4 and lowers[j + 1].isdigit() and lowers[j + 1][:2] in {"18", "19", "20"}
                   and not any(w in {"since", "for", "every"} for w in lowers[_s:end]) for j in range(i + 2, end)) \
                    and not any(lowers[j] in {"since", "by", "until", "till"} for j in range(i + 2, end)):
                yield i, i + 2, "perfect-past-time"
        # It was stole / it's been took (simple past as participle after be)
        if low in {"was", "were", "been", "be", "being", "is", "are", "get", "got"} and nxt in PASSIVE_BAD and prev not in {"what", "who"} \
                and not (nxt == "saw" and low in ("got",)) and not (nxt in {"knew", "grew", "saw"} and nxt2 in SUBJ) and i + 1 < n:
            yield i, i + 2, "participle-preterite"
        # He is come back / they're come home
        if low in {"is", "are", "was", "were", "'re", "am", "'m"} and nxt == "come" and nxt2 in {"back", "home", "in", "out", "here", "to", "for", "over", "down", "up", ""} \
                and prev in SUBJ | {"who", "has", "he", "she"} and not is_question:
            yield i, i + 2, "be-come"
        # That don't matter (clause-initial that/this)
        if low in {"that", "this"} and _at_clause_start(lowers, i) and nxt == "do" and nxt2 == "n't" and not is_question:
            yield i, i + 3, "third-person-zero"
        # They does go / I does
        if low in {"they", "we", "i"} and nxt == "does" and prev not in WH | AUX and not is_question and (nxt2 in {"n't", "not"} or i + 2 < n and lemmas[i + 2] == nxt2 and nxt2 in VERB_LEMMAS):
            yield i, i + 2, "verbal-s"
        # The birds flies / the dogs barks (-ies, -es)
        if i + 1 < n and low.endswith("s") and len(low) > 3 and lemmas[i] != low and lemmas[i] + "s" == low and doc[i].is_alpha \
                and (i == 0 or lowers[i - 1] in {"the", "all", "my", "our", "your", "their", "his", "her", "some", "these", "those"}) \
                and nxt.endswith("es") and lemmas[i + 1] in VERB_LEMMAS and nxt in (lemmas[i + 1][:-1] + "ies", lemmas[i + 1] + "es") and nxt not in {"does", "goes"} \
                and lemmas[i] not in VERB_LEMMAS:
            yield i, i + 2, "plural-verb-s"
        # She was, weren't she?
        if low == "were" and nxt == "n't" and nxt2 in {"he", "she", "it"} and (i + 3 >= n or lowers[i + 3] in {"?", ",", ".", ""}):
            yield i, i + 3, "was-levelling"
        # She's lovely, in't it?
        if (low in {"in't", "int", "ennit", "innit"} or low == "in" and nxt in {"'t", "t"}) and (nxt == "it" or nxt2 == "it") and prev == ",":
            yield i, i + (2 if nxt == "it" else 3), "invariant-tag"
        # My mother cook rice (no -s after a singular noun subject)
        if i >= 1 and prev in {"my", "his", "her", "our", "your", "their", "the"} \
                and low in KIN | {"man", "woman", "boy", "girl", "teacher", "boss", "friend", "neighbour", "neighbor", "baby", "child"} \
                and _at_clause_start(lowers, i - 1) and i + 2 < n \
                and doc[i + 1].is_alpha and lemmas[i + 1] == nxt and not nxt.endswith("s") and nxt not in PAST_TENSE_SAME | AUX | {"always", "never", "also", "just", "still", "only", "often", "usually", "really", "and", "or", "who", "that", "too", "ever", "used", "got", "gonna", "wanna", "said", "must", "might", "could", "would", "should"} \
                and (nxt in VERB_LEMMAS or _is_verb(nxt)) and not _has_plural(nxt) and not is_question and nxt2 not in {"'s", "to"} and (nxt2 in {"a", "an", "the", "my", "his", "her", "rice", "food", "every", "there", "here", "in", "at", "very", "hard", "well"} or doc[i + 2].is_alpha and lemmas[i + 2] == nxt2 and _has_plural(nxt2)):
            yield i - 1, i + 2, "zero-3sg-noun"
        # It's a lot of people here
        if low == "lot" and prev == "a" and nxt == "of" and i >= 3 and lowers[i - 2] in {"'s", "is", "was"} and lowers[i - 3] == "it" \
                and nxt2 in {"people", "men", "women", "children", "kids", "cars", "houses", "boys", "girls", "students"} \
                and any(lowers[j] in {"here", "there", "outside", "inside", "in", "at"} for j in range(i + 3, min(n, i + 6))):
            yield i - 3, i - 1, "existential-it"
        # She my sister / That my car / She here.
        if low in {"he", "she", "they", "we", "you"} and (i == 0 or prev in CLAUSE_END) and nxt in {"my", "your", "his", "her", "our", "their"} \
                and i + 2 < n and doc[i + 2].is_alpha and lemmas[i + 2] in KIN | POSSESSED | {"friend", "car", "house", "teacher", "boss"} and not is_question \
                and (i + 3 >= n or lowers[i + 3] in CLAUSE_END):
            yield i, i + 2, "zero-copula"
        if low in {"he", "she", "they", "we"} and i == 0 and nxt in {"here", "there", "home", "outside", "inside", "upstairs", "downstairs"} and (n == 2 or nxt2 in CLAUSE_END) and not is_question:
            yield i, i + 2, "zero-copula"
        if low in {"that", "this"} and i == 0 and nxt in {"my", "your", "his", "her", "our", "their"} and n >= 3 and doc[2].is_alpha and (n == 3 or lowers[3] in CLAUSE_END) and not is_question:
            yield i, i + 3, "zero-copula"
        if low in {"the", "a", "an"} and nxt in {"my", "your", "our", "their", "his"} and i + 2 < n and doc[i + 2].is_alpha:
            yield i, i + 2, "double-determiner"
        # He's in garden / Government should help → 'the' missing; I have headache
        if low in COUNT_ILLNESS and prev in {"have", "has", "had", "got", "'ve"} and (i + 1 == n or nxt in CLAUSE_END | {"today", "now", "again", "since", "and"}) \
                and i >= 2 and lowers[i - 2] in SUBJ | {"'ve", "'s", "also", "still"}:
            yield i - 1, i + 1, "article-omission"
        if low in ADJ_BEFORE_NOUN and i >= 1 and lemmas[i - 1] in {"buy", "have", "want", "need", "get", "find", "own", "sell", "make", "build", "rent", "lose"} \
                and prev not in {"'s", "'d"} and nxt in COUNT_NOUNS | {"dress", "house", "job", "car"} and (i + 2 >= n or nxt2 in CLAUSE_END | {"yesterday", "today", "now", "last", "for", "in"}) \
                and i >= 2 and lowers[i - 2] in SUBJ | AUX | {"to", "'ll"}:
            yield i - 1, i + 2, "article-omission"
        # a good health / a nice weather
        if low in {"a", "an"} and i + 2 < n and nxt in ADJ_BEFORE_NOUN | {"good", "nice", "bad", "lovely", "great", "heavy", "terrible", "special", "new", "useful", "wonderful", "beautiful"} \
                and nxt2 in MASS_AFTER_ADJ and (i + 3 >= n or nxt3 in CLAUSE_END | {"to", "from", "for", "and", "today", "yesterday"}) and prev not in {"such", "what", "quite"}:
            yield i, i + 3, "mass-noun-article"
        if low in {"a", "an"} and nxt in MASS_AFTER_ADJ and (nxt2 in CLAUSE_END or nxt2 in {"to", "from", "for", "today", ""}) and prev not in {"such", "what", "quite"}:
            yield i, i + 2, "mass-noun-article"
        # I like the nature / The life is hard / the Christmas is coming
        if low == "the" and nxt in ABSTRACT and (i + 2 >= n or nxt2 in CLAUSE_END | {"is", "was", "are", "has"}) and (i == 0 or prev in CLAUSE_END or lemmas[i - 1] in {"like", "love", "hate", "enjoy", "respect", "protect", "destroy"}):
            yield i, i + 2, "sport-article"
        if low == "the" and nxt == "life" and (i == 0 or prev in CLAUSE_END) and nxt2 in {"is", "was"} and nxt3 in {"hard", "difficult", "short", "beautiful", "good", "easy", "sweet", "not", "very", "so"}:
            yield i, i + 2, "sport-article"
        if low == "the" and nxt in HOLIDAYS and (nxt2 in {"is", "was", "'s", "comes", "came", "will"} or (i + 2 >= n or nxt2 in CLAUSE_END) and i > 0 and lemmas[i - 1] in {"celebrate", "like", "love", "enjoy", "hate"}):
            yield i, i + 2, "sport-article"
        # more tall / the most big
        if low == "more" and nxt in SHORT_ADJ_COMPARABLE and nxt not in {"good", "bad", "near", "great"} and prev in BE_FORMS | {"be", "been", "get", "got", "getting", "look", "looks", "feel", "feels", "seem", "seems", "much", "even", "become"} \
                and (i + 2 >= n or nxt2 in CLAUSE_END | {"than", "and", "now", "today", "every"}):
            yield i, i + 2, "analytic-comparative"
        if low == "most" and prev == "the" and nxt in SHORT_ADJ_COMPARABLE and i + 1 < n and (i + 2 >= n or nxt2 in CLAUSE_END or doc[i + 2].is_alpha and _has_plural(nxt2) or nxt2 in {"one", "person", "man", "city", "house", "thing"}):
            yield i - 1, i + 2, "analytic-comparative"
        # very much beautiful
        if low == "very" and nxt == "much" and prev in BE_FORMS and nxt2 in PRED_ADJ | {"beautiful", "clever", "intelligent", "handsome", "lazy", "kind"} and nxt2 not in {"here", "there", "home", "alive", "aware", "right", "sure", "alone"} \
                and (i + 3 >= n or nxt3 in CLAUSE_END):
            yield i, i + 3, "too-much-adjective"
        # awful big
        if low == "awful" and prev in BE_FORMS | {"be", "looks", "look", "feel", "feels", "sounds"} and nxt in SHORT_ADJ | {"big", "nice", "pretty", "long", "cute", "kind", "sweet"} and (i + 2 >= n or nxt2 in CLAUSE_END):
            yield i, i + 2, "intensifier"
        # did it good / do it quick
        if low in {"good", "bad", "quick", "proper", "real", "careful", "terrible", "awful"} and prev in {"it", "them", "that"} and i >= 2 and (i + 1 == n or nxt in CLAUSE_END) \
                and lemmas[i - 2] in {"do", "fix", "handle", "treat", "sing", "write", "clean", "cook", "explain", "say", "read", "learn", "throw", "kick", "hit", "drive", "fold", "paint", "build"}:
            yield i - 2, i + 1, "adjective-adverb"
        # it was like really cold (focusing 'like')
        if low == "like" and prev in BE_FORMS and nxt in {"really", "totally", "super", "literally", "seriously", "completely", "way", "so"} \
                and i + 2 < n and (nxt2 in PRED_ADJ | SHORT_ADJ | {"cool", "weird", "awesome", "cute", "amazing", "annoying", "boring", "better", "worse"}) and nxt2 not in {"many", "much"}:
            yield i, i + 1, "final-like"
        # Although he is old but he works
        if low == "but" and i > 2 and lowers[0] in {"although", "though"} and not any(lowers[j] == "but" for j in range(1, i)) and nxt in SUBJ | {"the", "my", "we", "still", "nothing", "nobody"}:
            yield i, i + 1, "conjunction-doubling"
        # The man as lives there / the one at did it
        if low in {"as", "at"} and i >= 2 and (prev in PERSON_NOUNS | {"one", "ones", "folk", "folks", "those", "them", "chap", "fellow", "bloke", "lad", "lass"}) \
                and lowers[i - 2] in {"the", "a", "that", "this", "those", "them", "any", "every"} and i + 1 < n and doc[i + 1].is_alpha \
                and (nxt in PRETERITES_AS_PART | {"did", "does", "was", "is", "has", "had", "said", "made", "told", "got", "come", "lives", "works", "knows", "wants", "owns", "came", "went"}
                     or nxt.endswith("ed") and lemmas[i + 1] != nxt or nxt == lemmas[i + 1] + "s" and lemmas[i + 1] in VERB_LEMMAS) \
                and not any(lowers[j] in {"same", "such", "as", "so", "just", "exactly"} for j in range(max(0, i - 6), i)):
            yield i, i + 2, "relativizer-at"
        # That's the man that his car broke
        if low in {"that", "what"} and nxt in {"his", "her", "their"} and i >= 2 and prev in PERSON_NOUNS and i + 3 < n and nxt3 in {"broke", "crashed", "burned", "burnt", "left", "ran", "won", "lost", "got", "went"}:
            yield i, i + 2, "analytic-whose"
        # My father, that was a miner, died young
        if low == "that" and prev == "," and 2 <= i <= 4 and lowers[0] in {"my", "the", "our", "his", "her", "your", "their"} and nxt in {"was", "had", "has", "used"} \
                and any(lowers[j] == "," and j + 1 < n and (lowers[j + 1] in {"is", "was", "has", "had", "died", "lives", "works", "came", "went", "will"} or lowers[j + 1].endswith("ed")) for j in range(i + 3, n)):
            yield i, i + 2, "nonrestrictive-that"
        # He told me say make I come
        if low == "say" and prev in {"me", "him", "her", "us", "them"} and nxt in {"make", "mek", "na"} and i >= 2 and lemmas[i - 2] in {"tell", "told", "beg", "warn"}:
            yield i, i + 1, "say-complementizer"
        # It's time for to go
        if low == "for" and nxt == "to" and nxt2 in {"go", "come", "be", "do", "eat", "see", "get", "make", "say"} and prev in {"time", "way", "chance", "ready", "place", "money", "reason", "enough", "here", "there", "going", "came", "went"}:
            yield i, i + 3, "for-to"
        # He send letter give me
        if low == "give" and nxt in {"me", "him", "her", "us", "them", "mi"} and (i + 2 >= n or nxt2 in CLAUSE_END) and i >= 2 and prev not in AUX | SUBJ | {"to", "and", "or", "then", "please", "just", "n't", "not", "never", "always", "also", "will", "can", "could", "would"} \
                and doc[i - 1].is_alpha and any(lemmas[j] in SERIAL_FIRST for j in range(max(0, i - 4), i - 1)) and lemmas[i - 1] not in VERB_LEMMAS:
            yield i - 1, i + 2, "serial-verb"
        # Listen me / wait me / married with him
        if lemmas[i] in {"listen", "wait"} and nxt in {"me", "him", "her", "us", "them"} and (i + 2 >= n or nxt2 in CLAUSE_END | {"please", "now", "here", "there", "outside", "carefully"}):
            yield i, i + 2, "preposition-omission"
        if lemmas[i] == "marry" and nxt == "with" and (nxt2 in {"him", "her", "me", "you", "them", "my", "his", "a", "an", "the"} or i + 2 < n and doc[i + 2].is_title) and nxt3 not in {"children", "kids"}:
            yield i, i + 2, "redundant-preposition"
        # Football, I love it
        if i == 2 and prev == "," and low in SUBJ_PRON - {"you"} and doc[0].is_alpha and lowers[0] not in TOPIC_NOT | KIN | PERSON_NOUNS | VOCATIVE_OPENERS["en"] | SUBJ | OBJ_PRON | WH \
                and lowers[0] not in SHORT_ADJ | PRED_ADJ | ADJ_BEFORE_NOUN and (n >= 4) and (lowers[n - 1] in {".", "!"} and lowers[n - 2] in {"it", "them"} or lowers[n - 1] in {"it", "them"}) and n <= 7 and _has_plural(lowers[0]) and not _is_verb(lowers[0]) \
                and all(lowers[j] in AUX | {"love", "like", "hate", "loved", "liked", "hated", "never", "really", "also", "n't", "not", "just", "play", "played", "eat", "ate", "want", "need", "it", "them", "read", "watch", "watched", "enjoy", "enjoyed"} for j in range(3, n - 1)):
            yield 0, 1, "topic-resumptive"
        # I told him only / she came yesterday only
        if low == "only" and (i + 1 == n or nxt in CLAUSE_END) and prev in {"yesterday", "today", "tomorrow", "now", "here", "there", "then", "him", "her", "me", "us", "them"} \
                and i >= 2 and lowers[i - 2] not in {"for", "to", "with", "of", "by", "from"} and lemmas[i - 2] not in ("be",) and not is_question:
            yield i - 1, i + 1, "only-focus"
        # How long you are here? / What time you will come?
        if i == 1 and lowers[0] == "how" and low in QUESTION_HEADS and nxt in SUBJ and nxt2 in {"are", "is", "am", "was", "were", "will", "can", "have", "has", "did", "do", "does", "would", "should"} and is_question:
            yield 0, i + 3, "wh-no-inversion"
        # None of them didn't come
        if low == "none" and nxt == "of" and _at_clause_start(lowers, i) and not is_question:
            for j in range(i + 2, min(n - 1, i + 6)):
                if lowers[j] in {"did", "do", "does", "could", "would", "was", "were", "is", "has", "have", "ca", "wo", "had"} and lowers[j + 1] == "n't":
                    yield i, j + 2, "negative-subject-concord"
                    break
                if lowers[j] in CLAUSE_END:
                    break
        # I saw he last night
        if low in {"he", "she", "we", "they"} and i > 0 and (prev in {"saw", "see", "seen", "met", "meet", "told", "tell", "call", "called", "ask", "asked", "help", "helped"} ) \
                and nxt in {"last", "every", "at", "in", "this"} and i + 2 < n and nxt2 in {"night", "week", "year", "time", "day", "morning", "the", "school", "town", "church", "market", "summer"} and not (i >= 2 and lowers[i - 2] in {"and", "or"}):
            yield i - 1, i + 1, "subject-pronoun-object"
        # Us'll do it
        if low == "us'll" and _at_clause_start(lowers, i):
            yield i, i + 1, "us-subject"
        # The woman next door's husband / the man over there's hat
        if low == "'s" and i >= 3 and (prev == "door" and lowers[i - 2] == "next" or prev == "there" and lowers[i - 2] in {"over", "up", "down", "out", "in"}) \
                and nxt in POSSESSED | KIN | US_NOUNS | {"husband", "wife", "hat", "coat"} and nxt not in {"own", "old", "money", "home", "place"}:
            yield i - 2, i + 2, "group-genitive"
        # I can't find it yesterday (present modal, past time later in the clause)
        if low in {"can", "ca", "will", "wo", "may"} and prev in SUBJ and not is_question:
            _s, end = _clause_bounds(lowers, i)
            for j in range(i + 1, end):
                word = lowers[j]
                if word in {"yesterday", "ago"} or word == "last" and j + 1 < n and lowers[j + 1] in {"night", "week", "year", "month"}:
                    between = lowers[i + 1:j]
                    if j + 1 < n and lowers[j + 1] == "'s" or lowers[j - 1] in {"about", "of", "from", "since", "until", "than", "like", "before", "after", "for", "till"} \
                            or any(lemmas[k] in {"remember", "forget", "believe", "recall", "imagine", "describe", "explain", "tell", "say", "know", "think", "understand", "see", "hear"}
                                   or lowers[k] in PRETERITES_AS_PART | {"said", "had", "did", "was", "were", "happened", "told", "that", "what", "when", "who", "which", "why", "how"}
                                   or lowers[k].endswith("ed") and lemmas[k] != lowers[k] for k in range(i + 1, j)) or word == "ago" and not between:
                        break
                    yield i - 1, i + 1, "present-modal-past"
                    break
        # Some of us have been there years ago (any subject before the perfect)
        if low in {"have", "has"} and i > 0 and prev in {"us", "them", "all", "both", "people", "folks", "we", "they"} and prev not in SUBJ and i + 1 < n \
                and nxt in {"been", "gone", "seen", "done", "visited", "met", "lived", "worked", "left"} and not is_question:
            _s, end = _clause_bounds(lowers, i)
            if any(lowers[j] in {"yesterday", "ago"} for j in range(i + 2, end)):
                yield i, i + 2, "perfect-past-time"
        # So he show up and say: he/she + any bare verb
        if low in {"he", "she"} and i + 1 < n and doc[i + 1].is_alpha and lemmas[i + 1] == nxt and not nxt.endswith("s") \
                and nxt not in PAST_TENSE_SAME | AUX | BASE_VERBS | {"shed", "gonna", "wanna", "never", "just", "always", "also", "still", "only", "really", "ever", "already", "used", "got", "even",
                                                                    "once", "too", "alone", "himself", "herself", "and", "or", "but", "said", "very", "soon", "now", "then", "here", "there",
                                                                    "well", "better", "rather", "often", "sometimes", "usually", "almost", "nearly", "probably", "maybe", "perhaps", "first", "last", "again"} \
                and _is_verb(nxt) and not is_question and prev not in AUX | {"let", "make", "made", "help", "watch", "saw", "see", "hear", "heard", "that", "lest", "unless", "if", "whether", "and", "or", "than", "as"} \
                and nxt2 in {"up", "out", "in", "off", "down", "over", "away", "back", "around", "a", "an", "the", "my", "his", "her", "me", "him", "us", "them", "it", "and", "to", "every", "all", "hard", "home", "there", "here", "too"}:
            yield i, i + 2, "third-person-zero"
        # My mother cook rice (a bare verb after a singular kin/person subject at the start)
        if i == 1 and low in KIN | {"man", "woman", "boy", "girl", "teacher", "boss", "friend", "neighbour", "neighbor", "child"} \
                and lowers[0] in {"my", "his", "her", "our", "your", "their"} and i + 2 < n and doc[i + 1].is_alpha and lemmas[i + 1] == nxt \
                and nxt not in PAST_TENSE_SAME | AUX | {"always", "never", "also", "just", "still", "only", "often", "usually", "really", "and", "or", "who", "that", "too", "ever", "used", "got", "said"} \
                and (nxt in VERB_LEMMAS or _is_verb(nxt)) and not nxt.endswith("s") and not is_question and nxt2 not in {"'s", "to", "and", "or", "is", "was", "are", "were"} \
                and (nxt2 in {"a", "an", "the", "my", "his", "her", "every", "there", "here", "in", "at", "very", "hard", "well", "me", "him", "us", "them", "it"} or nxt2 in MEALS | {"rice", "food", "bread", "fish", "meat"}):
            yield i - 1, i + 2, "zero-3sg-noun"
        # Come quick! / Drive slow.
        if i == 1 and lowers[0] in {"come", "go", "run", "drive", "walk", "talk", "speak", "think", "move", "work", "eat", "finish"} and low in {"quick", "slow", "proper", "careful", "loud"} \
                and (n == 2 or nxt in CLAUSE_END):
            yield 0, 2, "adjective-adverb"
        # If I'd be you / if he would know
        if low == "if" and nxt in SUBJ - {"you"} and nxt2 in {"would", "'d"} and nxt3 in {"be", "know", "have", "had", "own", "live", "see"}:
            yield i + 1, i + 4, "would-if"
        # The man what's wife died / the man who his wife died
        if low in {"that", "what", "at", "as"} and nxt == "'s" and i >= 2 and prev in PERSON_NOUNS | {"fellow", "chap", "bloke", "lady", "one"} and i + 2 < n \
                and nxt2 in KIN | POSSESSED | {"wife", "husband"} and nxt2 not in {"home", "place", "money", "business", "birthday"}:
            yield i, i + 3, "analytic-whose"
        if low == "who" and nxt in {"his", "her", "their"} and i >= 2 and prev in PERSON_NOUNS and lowers[i - 2] in {"the", "a", "that", "this"} and i + 3 < n \
                and lowers[i + 3] in {"is", "was", "died", "'s", "are", "were", "has", "had", "got", "passed", "broke", "left", "ran"}:
            yield i, i + 2, "analytic-whose"
        # Small small children / slow slow
        if low in REDUP_WORDS and low not in REDUP_STANDARD and nxt == low and i == 0 and doc[0].is_title and doc[1].is_lower:
            yield 0, 2, "adjective-reduplication"
        # They peel them and boils them (-s on a verb after 'and' when the subject is plural)
        if low == "and" and i >= 2 and i + 2 < n and nxt.endswith("s") and len(nxt) > 3 and doc[i + 1].is_alpha and lemmas[i + 1] != nxt \
                and nxt in (lemmas[i + 1] + "s", lemmas[i + 1] + "es", lemmas[i + 1][:-1] + "ies") and (lemmas[i + 1] in VERB_LEMMAS or _is_verb(lemmas[i + 1])) \
                and nxt2 in {"them", "it", "him", "her", "the", "a", "my", "up", "out", "down", "away", "home", "there", "here", "me", "us"} and not is_question:
            _s, _e = _clause_bounds(lowers, i)
            head = lowers[_s:i]
            if head and head[0] in {"they", "we", "i", "you"} and not any(w in SUBJ_3SG | {"who", "that", "which", "and", "or", "but", "because", "if", "when", "he", "she"} for w in head[1:]) \
                    and len(head) >= 2 and lemmas[_s + 1] == head[1] and head[1] not in AUX:
                yield i + 1, i + 2, "plural-verb-s"
        # I'm going the pub (no 'to')
        if lemmas[i] in {"go", "come"} and nxt == "the" and nxt2 in {"pub", "shop", "shops", "market", "beach", "park", "cinema", "pictures", "match", "club", "chippy", "bank", "station", "doctor's", "library", "mall", "dance"} \
                and (i + 3 >= n or nxt3 in CLAUSE_END | {"now", "tonight", "today", "later", "with", "and", "tomorrow"}):
            yield i, i + 3, "preposition-omission"
        # Herself won't like it / Is himself at home? / Myself is going
        if low in {"himself", "herself"} and _at_clause_start(lowers, i) and nxt in AUX and nxt not in {"to", "let"}:
            yield i, i + 2, "absolute-reflexive"
        if low in {"himself", "herself"} and prev in {"is", "'s", "was"} and i == 1 and is_question and nxt in {"in", "home", "at", "around", "about", "back", "there", "here", "up", "coming", "going", "out"}:
            yield 0, 2, "absolute-reflexive"
        if low == "myself" and i == 0 and nxt in {"is", "am", "will", "'ll", "was", "went", "have", "had", "can", "did", "do", "going", "also", "i"}:
            yield 0, 2, "absolute-reflexive"
        # I don't like it too (= either)
        if low == "too" and i >= 3 and (i + 1 == n or nxt in CLAUSE_END) and not is_question and prev not in {"me", "you", "him", "her", "us", "them", "much", "many", "far", "late", "early", "soon", "not", "n't", "is", "was", "are", "be"} \
                and any(w in {"n't", "not", "never"} for w in lowers[_clause_bounds(lowers, i)[0]:i]) and prev != ",":
            yield i, i + 1, "too-either"
        # much people / every days / one of my friend
        if low == "much" and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and prev not in {"very", "so", "how", "as", "thank", "thanks", "this", "that"} \
                and (nxt == "people" or nxt.endswith("s") and lemmas[i + 1] + "s" == nxt and lemmas[i + 1] != nxt and nxt not in {"thanks", "means", "news", "goods", "clothes", "less", "this", "was", "is", "has", "does", "always"}
                     and _has_plural(lemmas[i + 1])) and nxt2 not in ("of",):
            yield i, i + 2, "quantifier-singular"
        if low in {"every", "each"} and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_lower and nxt.endswith("s") and lemmas[i + 1] + "s" == nxt and lemmas[i + 1] != nxt \
                and nxt not in {"means", "news", "series", "species", "thanks", "other", "others", "ones", "is", "was", "has", "does"} and _has_plural(lemmas[i + 1]):
            yield i, i + 2, "quantifier-singular"
        if low == "one" and nxt == "of" and nxt2 in {"the", "my", "your", "his", "her", "our", "their"} and i + 3 < n \
                and nxt3 in PERSON_NOUNS | KIN | COUNT_NOUNS - {"people", "children", "men", "women", "students", "family", "baby"} and (i + 4 >= n or lowers[i + 4] in CLAUSE_END | {"is", "was", "has", "came", "went", "told", "said"}):
            yield i, i + 4, "quantifier-singular"
        # You get the point? (a yes/no question with neither auxiliary nor inversion)
        if i == 0 and low == "you" and is_question and nxt in {"get", "understand", "remember", "eat", "finish", "hear"} and n <= 7 and lowers[-1] == "?" and "," not in lowers:
            yield 0, 2, "yn-no-inversion"
        # There is people outside
        if low in {"is", "was", "'s"} and prev == "there" and nxt in {"people", "men", "women", "children", "lots"} and (i < 2 or lowers[i - 2] not in {"where", "what"}) and not is_question:
            yield i - 1, i + 2, "theres-plural"


def _has_plural(noun: str) -> bool:
    """The lookup table knows a plural of this noun (so it is countable)."""
    from .components import get_lemmatizer

    lemmatize = get_lemmatizer("en")
    if lemmatize.table is None:
        return False
    return any(lemmatize(form) == noun for form in (noun + "s", noun + "es", noun[:-1] + "ies" if noun.endswith("y") else ""))


def _without_spaces(doc: Any) -> tuple[Any, list[int]] | None:
    """A copy of ``doc`` without its whitespace tokens ("She  smoking" has one between the words, which would
    hide every two-word feature), and the original index of each remaining token; None when there are none."""
    from spacy.tokens import Doc

    from .components import TokenLists, token_lists

    lists = token_lists(doc)
    if not any(w.isspace() for w in lists.lowers):
        return None
    keep = [i for i, w in enumerate(lists.lowers) if not w.isspace()]
    copy = Doc(doc.vocab, words=[doc[i].text for i in keep], spaces=[True] * len(keep))
    copy.user_data["locpipe"] = TokenLists([lists.lowers[i] for i in keep], [lists.lemmas[i] for i in keep],
                                           [lists.starts[i] for i in keep])
    return copy, keep


def _chain(*rules: Callable[[Any], Iterator[Span]]) -> Callable[[Any], Iterator[Span]]:
    def run(doc: Any) -> Iterator[Span]:
        spaced = _without_spaces(doc)
        if spaced is None:
            for rule in rules:
                yield from rule(doc)
            return
        copy, keep = spaced
        for rule in rules:
            for start, end, slug in rule(copy):
                start = max(start, 0)
                if start < end <= len(keep):
                    yield keep[start], keep[end - 1] + 1, slug
    return run


LANG_RULES["en"] = _chain(english_rules, more_english_rules, scots_no, world_rules, more_world_rules, agreement_rules,
                          word_order_rules, omission_rules, global_rules, more_global_rules,
                          negation_question_rules, ewave_extra_rules, ewave_verb_rules, rare_spellings)
