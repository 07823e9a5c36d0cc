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
        if low in ("ai", "ain") and nxt in ("n't", "nt", "'t"):
            yield i, i + 2, "aint"
        elif low in ("ain't", "aint", "ainâ€™t"):
            yield i, i + 1, "aint"
        # double negation: a negator, then an n-word later in the same clause
        if low in NEG_FIRST and not (low == "no" and nxt in ("one", "longer", "matter", "doubt", "wonder")):
            _start, end = _clause_bounds(lowers, i)
            for j in range(i + 1, end):
                second = lowers[j]
                if second in NEG_SECOND and not (second == "no" and (lowers[j - 1] in ("say", "said", "saying", "says", "or", "take", "takes", "took", "yes") or (j + 1 < n and lowers[j + 1] in ("one", "longer", "matter", "doubt", "sooner", "less", "more", "way", "wonder", "problem", "idea", "way")))) and not (low == "not" and second == "nothing" and lowers[j - 1] == "for") and not (low in ("not", "n't") and lowers[j - 1] in ("not", "if")):
                    if low == "never" and second == "never":
                        continue
                    yield i, j + 1, "double-negation"
                    break
        # y'all, yous
        if low in ("y'", "y’", "ya'", "you") and nxt == "all" and low != "you":
            yield i, i + 2, "yall"
        elif low in ("y'all", "yall", "ya'll", "y’all"):
            yield i, i + 1, "yall"
        if low in ("yous", "youse", "yiz", "yez", "youz", "yousens"):
            yield i, i + 1, "yous"
        # was/were levelling
        if low in ("we", "you", "they") and nxt == "was" and prev not in ("if", "as", "than"):
            yield i, i + 2, "was-levelling"
        if low in ("i", "he", "she", "it") and nxt == "were" and prev not in ("if", "as", "wish", "though", "than", "even", "suppose", "were", "only", "though") and nxt2 not in ("to",) and not is_question:
            if not any(lowers[j] in ("if", "wish", "though", "suppose", "imagine") for j in range(max(0, i - 4), i)):
                yield i, i + 2, "was-levelling"
        if low in ("they", "we", "i") and nxt == "is" and prev not in ("what", "who", "how", "where"):
            yield i, i + 2, "is-levelling"
        if low == "you" and nxt == "is" and _at_clause_start(lowers, i) and not is_question:
            yield i, i + 2, "is-levelling"
        if low in SUBJ_3SG and nxt == "are" and _at_clause_start(lowers, i) and not is_question:
            yield i, i + 2, "is-levelling"
        # habitual be / do be
        if low in SUBJ and nxt in ("be", "bes", "be's") and prev not in AUX and prev not in ("let", "to", "and", "or", "will"):
            after = nxt2
            if after.endswith(("ing", "in'", "in")) and len(after) > 4 or after in ("always", "usually", "sometimes", "still", "all", "steady", "like", "just", "out", "there", "here"):
                yield i, i + 3 if after else i + 2, "habitual-be"
        if low in ("do", "does") and nxt == "be" and prev in SUBJ | {"it", "there"}:
            yield i - 1, i + 2, "do-be"
        # them + noun
        if low == "them" and i + 1 < n:
            t_next = doc[i + 1]
            if nxt in ("there", "ones", "days", "boys", "girls", "folks", "people", "things", "guys", "kids") and (
                _at_clause_start(lowers, i) or prev in ("all", "of", "in", "on", "at", "with", "from", "like", "see", "take", "get", "give", "want", "for")
            ):
                if not (nxt == "there" and (nxt2 in CLAUSE_END or nxt2 == "")):
                    yield i, i + 2, "them-demonstrative"
            elif _at_clause_start(lowers, i) and t_next.is_alpha and lemmas[i + 1] != nxt and nxt.endswith("s") and nxt2 not in SUBJ:
                yield i, i + 2, "them-demonstrative"
        # he don't / she go
        if low in SUBJ_3SG and nxt == "do" and nxt2 == "n't" and not is_question and prev not in AUX and prev not in ("how", "why", "what", "does", "did"):
            yield i, i + 3, "third-person-zero"
        elif low in ("he", "she") and nxt in BASE_VERBS and prev not in AUX and not is_question and nxt2 not in ("n't",) and prev not in ("let", "make", "made", "help", "watch", "saw", "see", "hear", "heard", "did", "does", "do", "should", "would", "could", "can", "will"):
            yield i, i + 2, "third-person-zero"
        # I says / they goes
        if low in SUBJ_NON3 and nxt in NON3_VERBS_S and prev not in AUX and nxt not in ("does", "has"):
            if not (low == "you" and prev not in ("", ",", ".", "and", "then", "so")):
                yield i, i + 2, "verbal-s"
        # done perfective: I done told you
        if low in SUBJ and nxt == "done" and i + 2 < n and doc[i + 2].is_alpha and lemmas[i + 2] != nxt2 and nxt2.endswith(("ed", "t", "en", "ld", "ew", "ok", "ught", "id", "ent", "ame", "ot")):
            yield i, i + 3, "done-perfective"
        elif low in SUBJ and nxt in PARTICIPLES_AS_PAST and prev not in AUX and prev not in ("had", "have", "has", "'ve", "'d", "been", "having") and not (nxt == "done" and nxt2 in ("with", "for", "yet", "already")) and not (nxt == "been" and prev in ("have", "'ve")):
            yield i, i + 2, "preterite-participle"
        if low in ("have", "has", "had", "'ve", "'d", "'s") and nxt in PRETERITES_AS_PART and prev in SUBJ | {"who", "you", "they", "would", "could", "should", "might", "must"}:
            if not (low == "'s" and nxt in ("saw",)):
                yield i, i + 2, "participle-preterite"
        if low in DIALECT_PAST:
            if low not in ("fit", "et", "seed", "het") or prev in SUBJ:
                yield i, i + 1, "regularized-past"
        # double modals
        if low in _MODAL_FIRST:
            for combo in DOUBLE_MODALS:
                if tuple(lowers[i:i + len(combo)]) == combo:
                    yield i, i + len(combo), "double-modal"
        # me and him went
        if low in ("me", "him", "her") and nxt == "and" and _at_clause_start(lowers, i) and i + 3 < n:
            third = lowers[i + 2]
            if third in OBJ_PRON | SUBJ or doc[i + 2].is_title:
                yield i, i + 3, "object-pronoun-subject"
        if low in ("us",) and _at_clause_start(lowers, i) and nxt in ("was", "were", "is", "are", "went", "have", "had", "did", "do", "got", "can", "will", "'ll", "kids", "lot", "lads", "girls", "boys"):
            if nxt not in ("kids", "lot", "lads", "girls", "boys") or nxt2 not in CLAUSE_END | {""}:
                yield i, i + 2, "us-subject"
        # reflexives, possessives, archaic pronouns
        if low in REFLEXIVES:
            yield i, i + 1, "regularized-reflexive"
        if low in POSSESSIVE_N:
            yield i, i + 1, "possessive-n"
        if low in ARCHAIC and not (low == "ye" and nxt == "olde"):
            yield i, i + 1, "archaic-pronoun"
        # they working
        if low in ("he", "she", "we", "they", "i") and nxt.endswith("ing") and len(nxt) > 4 and i + 1 < n and lemmas[i + 1] != nxt and prev not in AUX and prev not in ("see", "saw", "seen", "heard", "hear", "watch", "watched", "and", "or", "with", "while", "when", "because"):
            if nxt not in ("thing", "king", "ring", "sing", "bring", "spring", "string", "nothing", "something", "anything", "everything", "being", "morning", "evening", "during", "sibling", "darling", "ceiling", "building", "feeling", "meeting", "wedding", "pudding", "ping", "swing", "sting", "wing", "cling", "fling", "wring", "sling", "bling", "zing"):
                yield i, i + 2, "zero-copula"
        if re.fullmatch(r"a-[a-z]+(?:ing|in'?)", low):
            yield i, i + 1, "a-prefixing"
        if low == "a" and nxt == "-" and nxt2.endswith(("ing", "in'", "in")) and len(nxt2) > 4:
            yield i, i + 3, "a-prefixing"
        if low == "for" and nxt == "to" and i + 2 < n and doc[i + 2].is_alpha and lemmas[i + 2] == lowers[i + 2] \
                and lowers[i + 2] not in ("the", "a", "an", "my", "your", "his", "her", "our", "their", "me", "him", "us", "them", "you", "it", "be", "do", "go", "come", "this", "that"):
            yield i, i + 3, "for-to"
        if low == "what" and i >= 2 and lowers[i - 2] in ("the", "that", "this", "those", "them", "a") and doc[i - 1].is_alpha and nxt in SUBJ | {"was", "is", "were", "did", "had", "lives", "lived"} and prev not in ("know", "see", "mean", "about", "is", "was"):
            yield i - 2, i + 1, "what-relative"
        if low == "anymore" and not is_question:
            start, end = _clause_bounds(lowers, i)
            if not any(lowers[j] in NEG_FIRST | {"hardly", "barely", "rarely", "scarcely", "seldom"} for j in range(0, i)):
                yield i, i + 1, "positive-anymore"
        if low in ("fixing", "fixin", "fixin'", "fixin’") and nxt == "to" and prev in {"'m", "am", "is", "are", "'re", "'s", "was", "were"} | SUBJ:
            yield i, i + 2, "fixing-to"
        if low == "after" and prev in ("'m", "am", "is", "are", "'re", "'s", "was", "were", "be") and nxt.endswith(("ing", "in'")) and len(nxt) > 4 and lemmas[i + 1] != nxt:
            yield i, i + 2, "after-perfect"
        m = re.fullmatch(r"([a-z]+)(nae|na|nay)", low)
        if (m and m.group(1) in SCOTS_NEG_STEMS and low not in {"donna", "anna", "henna", "gonna", "wanna"}) or low in {
            "canna", "dinna", "winna", "didna", "couldna", "wouldna", "isna", "wasna", "hasna", "doesna",
        }:
            yield i, i + 1, "scots-negation"
        if (low in NUMBER_WORDS or (low.isdigit() and low not in ("1", "0"))) and nxt in PLURALS_AFTER_NUMBER and (nxt2 in CLAUSE_END or nxt2 in ("ago", "back", "since", "away", "")):
            yield i, i + 2, "zero-plural"
        if low == "me" and nxt in ME_POSSESSED and prev not in GIVE_VERBS and (i == 0 or lemmas[i - 1] not in GIVE_VERBS):
            if nxt not in ("own", "old") or nxt2 not in CLAUSE_END:
                yield i, i + 2, "me-possessive"
        if low in ("was", "were", "'s", "is", "am", "'m") and nxt in ("sat", "stood") and prev in SUBJ | {"who", "just", "still"}:
            yield i, i + 2, "was-sat"
        if low in ("innit", "init"):
            yield i, i + 1, "invariant-tag"
        # g-dropping on any -in' word whose -ing form exists ("goin'", "nothin'")
        text = doc[i].text.replace("’", "'")
        if len(text) > 4 and text.lower().endswith("in'") and text[:-1].isalpha():
            yield i, i + 1, "g-dropping"
        elif low in ("in'",) and i > 0 and lowers[i - 1].isalpha() and not doc[i - 1].whitespace_:
            yield i - 1, i + 1, "g-dropping"
        if low in EYE_DIALECT_WORDS and low not in EYE_DIALECT_QUIET:
            yield i, i + 1, "eye-dialect"
        elif low == "gon" and nxt == "na" or low in ("wan", "got", "out", "kind", "sort", "lot", "could", "would", "should", "must") and nxt in ("na", "ta", "a") and not doc[i].whitespace_ or low in ("lem", "gim") and nxt == "me" and not doc[i].whitespace_:
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
    if before in ("my", "mi", "mon", "ma") and (start < 2 or doc[start - 2].lower_ in _BOUNDARY | openers):
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
    from .components import token_lists

    lists = token_lists(doc)
    lowers, lemmas = lists.lowers, lists.lemmas
    n = len(lowers)
    is_question = "?" in lowers
    for i, low in enumerate(lowers):
        nxt = lowers[i + 1] if i + 1 < n else ""
        nxt2 = lowers[i + 2] if i + 2 < n else ""
        nxt3 = lowers[i + 3] if i + 3 < n else ""
        prev = lowers[i - 1] if i > 0 else ""
        start = _at_clause_start(lowers, i)
        if low in SUBJ_PRON - {"you"} and nxt in ("got", "get", "bought", "buy", "found", "want", "need", "made", "caught") \
                and nxt2 == OBJ_FOR[low] and nxt3 in ("a", "an", "some", "one", "two", "the", "my"):
            yield i, i + 3, "personal-dative"
        if low in ("himself", "herself") and start and nxt in ("is", "was", "'s", "has", "will", "'ll", "would", "said", "says", "wants"):
            yield i, i + 2, "absolute-reflexive"
        if low == "own" and nxt in ("self", "selves") and prev in ("their", "his", "her", "my", "your", "our"):
            yield i - 1, i + 2, "own-self"
        if low in REGULARIZED_PLURALS:
            yield i, i + 1, "regularized-plural"
        if low in MASS_PLURALS:
            yield i, i + 1, "mass-noun-plural"
        if low == "and" and nxt in ("them", "dem", "em", "'em") and i > 0 and doc[i - 1].is_alpha and (
                nxt2.endswith("ing") or nxt2 in ("'s", "went", "came", "were", "are", "all", "dem")):
            yield i - 1, i + 2, "associative-plural"
        if low in ("this", "these", "those") and nxt in ("our", "my", "your", "his", "their"):
            yield i, i + 2, "double-determiner"
        if low in ("a", "an") and nxt in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten") \
                and nxt2 not in ("-", "hundred", "thousand", "year", "day") and nxt2 and doc[i + 2].is_alpha \
                and lowers[i + 2].endswith("s"):
            yield i, i + 3, "article-number"
        if low in ("yon", "yonder") and (low == "yon" or prev != "over"):
            yield i, i + 1, "yon"
        if low in ("this", "them", "these", "those") and nxt in ("here", "there") and nxt2 and doc[i + 2].is_alpha \
                and nxt2 not in AUX and nxt2 not in ("and", "or", "but", "now", "too", "again", "yet", "is", "are"):
            yield i, i + 3, "this-here"
        if low in ("more", "most") and i + 1 < n and doc[i + 1].is_alpha and (
                (nxt.endswith(("er", "est")) and lemmas[i + 1] != nxt and lemmas[i + 1] in SHORT_ADJ | {"easy", "big", "bad", "good", "pretty", "happy", "heavy", "early", "funny"})
                or nxt in COMPARATIVES_IRREGULAR - {"more", "less", "least"}):
            yield i, i + 2, "double-comparative"
        if low in REGULARIZED_COMPARISON or (low.endswith("ingest") and len(low) > 8):
            yield i, i + 1, "regularized-comparison"
        if low in ("most", "more") and nxt in ("pretty", "happy", "easy", "big", "nice", "good", "bad", "funny", "heavy") and prev in ("the", "one", "a"):
            yield i, i + 2, "regularized-comparison"
        if low == "than" and i > 1:
            window = lowers[max(0, i - 6):i]
            if not any(w in COMPARATIVES_IRREGULAR | {"rather", "other", "different", "else", "prefer", "sooner", "differently", "otherwise"}
                       or (w.endswith(("er", "ier")) and len(w) > 3) for w in window):
                yield i, i + 1, "than-without-comparative"
        if low in ("'m", "am", "are", "'re", "is", "'s", "was", "were") and nxt in STATIVE and nxt2 not in ("to", "about", "of", "forward"):
            yield i, i + 2, "stative-progressive"
        if low in SUBJ_PRON and nxt == "ever" and nxt2 in VERB_LEMMAS and not is_question:
            yield i, i + 3, "ever-perfect"
        if lemmas[i] in ("need", "want") and nxt.endswith("ed") and i + 1 < n and lemmas[i + 1] != nxt and prev not in {"i", "you", "we", "they", "have", "has"} or (
                lemmas[i] in ("need", "want") and low.endswith("s") and nxt.endswith("ed") and i + 1 < n and lemmas[i + 1] != nxt):
            yield i, i + 2, "need-participle"
        if low in ("did", "do", "does") and nxt in ("n't", "not") and i + 2 < n and nxt2.endswith("ed") and lemmas[i + 2] != nxt2:
            yield i, i + 3, "double-past"
        if low in SUBJ_PRON | {"me"} and nxt in ("no", "not") and nxt2 in VERB_LEMMAS and prev not in AUX and not (
                nxt == "not" and prev in ("if", "whether", "or")) and nxt2 not in ("do", "have", "be"):
            yield i, i + 3, "preverbal-negator"
        if low == "am" and nxt == "n't":
            yield i, i + 2, "amnt"
        if low == "can" and nxt == "or" and nxt2 == "not":
            yield i, i + 3, "invariant-tag-can"
        if low == "there" and nxt in ("'s", "is", "was") and nxt2 in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many"):
            yield i, i + 3, "theres-plural"
        if i + 1 < n and low.endswith("s") and len(low) > 3 and lemmas[i] + "s" == low and lemmas[i] not in VERB_LEMMAS \
                and doc[i].is_alpha and (i == 0 or lowers[i - 1] in ("the", "all", "my", "our", "your", "their", "his", "her", "some", "these", "those")) \
                and lemmas[i + 1] in VERB_LEMMAS and nxt == lemmas[i + 1] + "s" and nxt not in ("is", "was", "has", "does"):
            yield i, i + 2, "plural-verb-s"
        if i == 0 and low in ("is", "was") and not is_question and nxt in ("very", "ok", "okay", "not", "good", "nice", "fine", "so", "too", "really"):
            yield i, i + 2, "it-deletion"
        if low in ("which", "that", "who") and nxt in SUBJ_PRON and i + 3 < n and doc[i + 2].is_alpha \
                and lowers[i + 3] in ("it", "him", "her", "them") and (i + 4 >= n or lowers[i + 4] in CLAUSE_END | {"yesterday", "today", "last", "before"}) \
                and i > 0 and doc[i - 1].is_alpha and lowers[i - 1] not in ("know", "say", "said", "think", "thought", "hope", "so"):
            yield i, i + 4, "resumptive-pronoun"
        if low == "than" and nxt == "what" and nxt2 in SUBJ_PRON | {"it"}:
            yield i, i + 2, "than-what"
        if lemmas[i] in ("make", "let") and nxt in ("me", "him", "her", "us", "them", "you") and nxt2 == "to" and i + 3 < n and lemmas[i + 3] in VERB_LEMMAS | {"be"}:
            yield i, i + 3, "make-to"
        if low == "but" and i > 2 and (i + 1 == n or lowers[i + 1] in {".", "!", "?", "…", "..."}) and prev not in CLAUSE_END:
            yield i, i + 1, "final-but"
        if low == "still" and nxt == "yet":
            yield i, i + 2, "conjunction-doubling"
        if low == "but" and prev == "," and any(w in ("although", "though", "even") for w in lowers[:max(0, i - 1)]) \
                and lowers[0] in ("although", "though", "even"):
            yield i, i + 1, "conjunction-doubling"
        if low == "real" and nxt in SHORT_ADJ | {"well", "quick", "soon"} and prev not in {"the", "a", "is", "'s", "was", "be", "for"}:
            yield i, i + 2, "real-adverb"
        if low in ("what", "where", "why", "how", "who", "when") and i == 0 and nxt in ("he", "she", "it", "you", "they", "we") \
                and i + 2 < n and (nxt2.endswith("ing") or (nxt2.endswith("s") and lemmas[i + 2] in VERB_LEMMAS and nxt in ("he", "she", "it")) or nxt2 in PRED_ADJ) \
                and is_question and nxt2 not in ("thing", "nothing", "something"):
            yield i, i + 3, "no-inversion"
        if low == "most" and prev == "the" and nxt in ("thing", "things"):
            yield i - 1, i + 2, "most-thing"
        if low == "like" and prev in ("was", "were", "'m", "am", "is", "'s", "'re", "are", "be") and (
                i + 1 == n or nxt in {",", ":", '"', "“", "'", "…", "...", "-", "—"} or nxt in ("oh", "wow", "what", "no", "yeah", "whoa")) \
                and i >= 2 and lowers[i - 2] in SUBJ_PRON | {"it", "everyone", "everybody"}:
            yield i - 1, i + 1, "quotative-like"
        if low in ("who", "what", "where") and nxt == "-" and nxt2 == low:
            yield i, i + 3, "reduplication"
        if low in ("at", "as", "what") and i > 1 and lowers[i - 1].isalpha() and lowers[i - 2] in ("the", "a", "that", "this") \
                and i + 1 < n and nxt.endswith("ed") and lemmas[i + 1] != nxt and lemmas[i + 1] in VERB_LEMMAS | {"paint", "live", "die", "marry", "own", "fix"}:
            yield i, i + 2, "relativizer-at"
        # pronoun + adjective / article / preposition with no copula ("she smart", "he a good teacher")
        if low in ("he", "she", "they", "we") and start and (nxt in PRED_ADJ - {"here", "there", "home"} or nxt in ("a", "an", "at", "in")) \
                and not is_question and nxt2 not in ("-",) and not (nxt in ("a", "an") and nxt2 in ("lot", "bit", "little")):
            yield i, i + 2, "zero-copula"
        if low in ("i",) and nxt == "'s" and nxt2 in ("going", "gon", "not", "a", "the", "here", "there", "fine", "ok"):
            yield i, i + 2, "is-levelling"
        if low == "if" and nxt == "i" and nxt2 == "was" and nxt3 in ("you", "him", "her", "them"):
            yield i + 1, i + 3, "was-levelling"
        if low in SUBJ_PRON - {"i", "you"} and nxt == "be" and prev not in AUX and prev not in ("let", "to", "will", "may", "might") and (
                i + 2 >= n or nxt2 in PRED_ADJ or lowers[i + 2] in CLAUSE_END) and not is_question:
            yield i, i + 2, "habitual-be"
        if low == "i" and nxt == "be" and prev not in AUX and prev not in ("let", "to", "will", "if", "shall", "may", "might") and (
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
                nxt in ("a", "an", "the")
                or (nxt in NO_ADJ and (i + 2 >= n or lowers[i + 2] in CLAUSE_END | {"to", "for", "enough", "yet", "at", "now"}))
                or (nxt.endswith("ing") and len(nxt) > 4 and lemmas[i + 1] != nxt)):
            yield i, i + 1, "scots-no"
        elif prev == "," and nxt in ("a", "an", "the") and any(
                lowers[j] in BE_FORMS and j + 1 < i and lowers[j + 1] in ("a", "an", "the") for j in range(max(0, i - 6), i)):
            yield i, i + 1, "scots-no"  # contrast: "I'm a cook, no a tennis player"
        elif prev in BE_FORMS and subject not in ("there", "here") and doc[i + 1].is_alpha and nxt not in ("a", "an", "the"):
            yield i, i + 1, "scots-no-weak"  # "That's no football"
        elif prev == "," and doc[i + 1].is_title and i >= 2 and any(lowers[j] in BE_FORMS for j in range(max(0, i - 6), i)):
            yield i, i + 1, "scots-no-weak"  # "it's Burns Night, no Christmas"


def _chain(*rules: Callable[[Any], Iterator[Span]]) -> Callable[[Any], Iterator[Span]]:
    def run(doc: Any) -> Iterator[Span]:
        for rule in rules:
            yield from rule(doc)
    return run


LANG_RULES["en"] = _chain(english_rules, more_english_rules, scots_no)
