"""Humor flags: puns evoked by context, joke templates, sarcasm markers, laughter cues,
setup and punchline across cues, running gags.

Each flag names the device; a pun flag names the word and both senses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from os.path import commonprefix
from pathlib import Path
from typing import Any

from ..model import Flag
from .components import token_lists
from .context import LAUGHTER_RE, Context, Item
from .domains import load_domains
from .idioms import GENERIC_WORDS

#: joke setups that make the next line a punchline (per language; data, not branches)
SETUPS: dict[str, list[str]] = {
    "en": [
        r"^(?:so,? )?what do you (?:call|get (?:when|if)|get if)\b", r"^why (?:did|do|does|is|are|was|can't|don't)\b",
        r"^how many \w+ does it take\b", r"^what's the difference between\b", r"^what did the \w+ say\b",
        r"^(?:did you|have you) hear(?:d)? (?:the one )?about\b", r"^what(?:'s| is) (?:black and white|brown and sticky|green and)\b",
        r"^how do you (?:make|get|know|catch)\b", r"^what has\b", r"^where do \w+ go\b",
    ],
    "es": [r"^¿?qué le dijo\b", r"^¿?cuál es el colmo\b", r"^¿?por qué\b.*\?$", r"^¿?qué (?:es|hace) un\b", r"^¿?sabes (?:qué|cuál)\b"],
    "fr": [r"^quelle est la différence entre\b", r"^qu'est-ce qu'?(?:un|une|on)\b", r"^pourquoi (?:les|le|la|un|une)\b", r"^c'est l'histoire d'?un\b"],
}
KNOCK: dict[str, tuple[str, str]] = {
    "en": (r"^knock[,!.]? knock\b", r"^who'?s there\b"),
    "es": (r"^(?:toc[,!.]? toc|tan[,!.]? tan)\b", r"^¿?quién es\b"),
    "fr": (r"^toc[,!.]? toc\b", r"^qui est là\b"),
}
#: stock one-liner shapes: a line of this shape is a joke whose pun, if any, is usually its last
#: pun-prone word (per language; data, not branches). They raise no flag on their own. A group
#: named ``setup`` marks the setup: the pun is in the punchline after it ("Old gardeners never
#: die, they just lose their plots"), so a pun-prone word inside the setup ranks lower.
ONE_LINERS: dict[str, list[str]] = {
    "en": [
        r"(?P<setup>\bold \w+(?: \w+){0,2} never (?:die|retire|grow old|age)\b)",
        r"(?P<setup>^i used to be (?:a|an)\b[^.]*\bbut\b)", r"(?P<setup>^i used to \w+[^.]{0,60}\bbut\b)",
        r"(?P<setup>\b\w+s do it (?:with|in|on|for|by|without|better|harder|all)\b)",
        r"\bwalks? into a bar\b", r"(?P<setup>^what do you call\b[^?]*\?)\s*\S",
        r"(?P<setup>^why (?:did|do|does|is|are|was)\b[^?]*\?)\s*\S",
        r"(?P<setup>^(?:when|if) (?:a|an|the) \w+[^,]*,)\s*(?:he|she|it|they)\b",
        r"\b(?:tom|he|she) (?:said|says|asked|replied|cried|exclaimed|admitted|answered|muttered|shouted)\s+\w+ly\b",
        r"\b(?:said|says|asked|replied|cried|exclaimed|admitted|answered|muttered|shouted) tom\s+\w+ly\b",
        r"^(?:a|an|the) \w+ (?:who|that|which) [^.]{3,80}\b(?:was|is|gets|got|became|becomes|will be)\b",
        r"\bis no laughing matter\b", r"(?P<setup>^i(?:'m| am) reading a book about\b)",
        r"^(?:a|an) \w+(?: \w+)? (?:is|was) (?:a|an|someone|somebody|something|one) (?:who|that|which)\b",
        r"(?P<setup>\b\w+s never (?:die|retire)\b,?) (?:they|we)\b",
        r"(?P<setup>^(?:did you|have you) hear(?:d)? (?:about|of) (?:the|a|an)\b[^?]*\?)\s*\S",
        r"(?P<setup>^what do you get (?:if|when) you (?:cross|mix|put)\b[^?]*\?)\s*\S",
        r"(?P<setup>^i(?:'d| would) tell you a joke about\b[^,]*,?\s*but\b)",
        r"(?P<setup>^never trust (?:a|an|the)?\s?\w+s?\b,?)\s*(?:they|he|she|it)\b",
        r"(?P<setup>\b(?:i|we) (?:wondered|was wondering|kept wondering) why\b[^.]*)\bthen it (?:hit|dawned on|struck) me\b",
        r"(?P<setup>^(?:a|two|three) (?:man|woman|guy|lady|bloke|men|women|guys)\b[^.]{0,40}\b(?:goes|go|went|walks|walk|walked) (?:in)?to (?:a|the|his|her)\b)",
        r"(?P<setup>^you know you(?:'re| are) (?:a|an)\b[^.]{0,40}\bwhen\b)",
    ],
    "es": [r"^¿?qué le dijo\b.*\?\s*\S", r"^(?:había|van|estaba) una vez\b", r"^¿?cuál es el colmo\b.*\?\s*\S"],
    "fr": [r"^c'est l'histoire d'?(?:un|une)\b", r"^quelle est la différence entre\b.*\?\s*\S"],
}
#: a Tom Swifty: the adverb of a quotation verb puns on what was said ("… ," Tom said pointedly)
SWIFTY: dict[str, str] = {
    "en": r"\b(?:(?:tom|he|she) (?:said|says|asked|replied|cried|exclaimed|admitted|answered|muttered|shouted)"
          r"|(?:said|says|asked|replied|cried|exclaimed|admitted|answered|muttered|shouted) (?:tom|he|she))\s+(\w+ly)\b",
}
MAX_PUNCHLINE_WORDS = 18
#: occurrences of a running gag must lie at least this many segments apart
MIN_GAG_DISTANCE = 3
#: a recurring pun makes a running gag only from this confidence (a pun-prone word said again is common)
GAG_PUN_CONFIDENCE = 0.7


def _norm(text: str) -> str:
    return re.sub(r"[^\w' ]+", " ", text.lower().replace("’", "'")).strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower().replace("’", "'"))


class _State:
    def __init__(self) -> None:
        self.jokes: dict[int, list[str]] = defaultdict(list)  # item pos -> reasons it is a joke
        # item pos of lines something besides their words' senses marks as jokes: laughter after them, a
        # one-liner shape, a joke marker, a knock-knock — their last pun-prone word is the likely pun
        self.marked: set[int] = set()
        self.setup_end: dict[int, int] = {}  # item pos -> character offset where a one-liner's setup ends


def collect(ctx: Context) -> list[Flag]:
    state = _State()
    flags: list[Flag] = []
    flags += _lexicon_markers(ctx, state)
    flags += _laughter(ctx, state)
    flags += _setups(ctx, state)
    _one_liners(ctx, state)
    flags += _wordplay(ctx, state)
    flags += _swifties(ctx, state)
    flags += _puns(ctx, state)
    flags += _domain_puns(ctx, state, flags)
    flags += _running_gags(ctx, state, flags)
    return flags


def _lexicon_markers(ctx: Context, state: _State) -> list[Flag]:
    out = []
    confidence = {"sarcasm": 0.6, "irony": 0.55, "joke": 0.8, "catchphrase": 0.75, "laughter": 0.8}
    for item in ctx.items:
        if item.is_sdh:
            continue
        for span in item.doc.spans.get("locpipe_humor", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is None:
                continue
            label = entry["label"]
            evidence = [f"stock {label} marker '{entry['pattern']}'" if isinstance(entry["pattern"], str)
                        else f"{label} marker {entry['id']}"]
            if label in ("joke", "catchphrase"):
                state.jokes[item.pos].append(f"{label} '{span.text}'")
                if label == "joke":
                    state.marked.add(item.pos)
            suggestion = {
                "sarcasm": "keep the sarcasm: the literal words mean the opposite; use the target's stock sarcastic phrase",
                "irony": "keep the irony; make sure the translation can be read both ways",
                "joke": "translate the joke, not the words; keep setup and punchline in order",
                "catchphrase": "translate it the same way every time it recurs",
                "laughter": "laughter in the dialogue: the line around it is meant to be funny",
            }.get(label, "")
            out.append(ctx.flag(item, span.start_char, span.end_char, kind="humor", label=label,
                                rule_id=entry["id"], gloss=entry["gloss"], evidence=evidence,
                                suggestion=suggestion, confidence=confidence.get(label, 0.6)))
    return out


def _previous_dialogue(ctx: Context, pos: int) -> Item | None:
    for j in range(pos - 1, max(-1, pos - 4), -1):
        other = ctx.items[j]
        if not other.is_sdh and LAUGHTER_RE.sub("", other.segment.text).strip():
            return other
    return None


def _cue_label(ctx: Context, index: int) -> str:
    cue = ctx.cues.get(index)
    if cue is None or cue.start is None:
        return f"cue {index + 1}"
    ms = cue.start
    return f"cue {index + 1} ({ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d})"


def _laughter(ctx: Context, state: _State) -> list[Flag]:
    out = []
    for item in ctx.items:
        match = LAUGHTER_RE.search(item.segment.text)
        if not match:
            continue
        before = item.segment.text[: match.start()].strip(" -")
        targets: list[tuple[Item, int]] = []
        if before and not item.is_sdh:
            targets.append((item, len(item.segment.text[: match.start()].rstrip(" -"))))
        else:
            last = _previous_dialogue(ctx, item.pos)
            if last is not None:
                # the laugh answers the whole cue before it: every sentence of that cue ("No, it's you. Shut it.")
                cue = last.segment.cues[-1] if last.segment.cues else None
                for j in range(max(0, last.pos - 3), last.pos):
                    other = ctx.items[j]
                    if cue is not None and not other.is_sdh and cue in other.segment.cues:
                        targets.append((other, len(other.segment.text)))
                targets.append((last, len(last.segment.text)))
                first = targets[0][0]
                opener = first.segment.text.strip(" -")
                if opener.endswith("?") and len(_words(opener)) <= 3:
                    # the laughed-at cue opens by echoing the line before ("It's not?"): that line is the setup
                    setup = _previous_dialogue(ctx, first.pos)
                    if setup is not None and setup.pos not in {t.pos for t, _e in targets}:
                        targets.insert(0, (setup, len(setup.segment.text)))
        where = _cue_label(ctx, item.segment.cues[0]) if item.segment.cues else "the next cue"
        for target, end in targets:
            if end == 0:
                continue
            text = target.segment.text
            start = len(text) - len(text.lstrip(" -"))
            state.jokes[target.pos].append(f"followed by laughter '{match.group(0)}'")
            state.marked.add(target.pos)
            out.append(ctx.flag(
                target, start, end, kind="humor", label="joke", rule_id=f"{ctx.lang}.rule.laughter-cue",
                gloss="a line the film marks as funny (laughter follows)",
                evidence=[f"laughter cue '{match.group(0)}' at {where}"],
                suggestion="make sure the translation is funny too; if the joke cannot survive, replace it rather than lose the laugh",
                confidence=0.7,
            ))
    return out


def _one_liners(ctx: Context, state: _State) -> None:
    """Mark lines with a stock one-liner shape as jokes (evidence for puns; no flag of their own)."""
    shapes = [re.compile(rx, re.I) for rx in ONE_LINERS.get(ctx.lang, [])]
    for item in ctx.items:
        if item.is_sdh or not shapes:
            continue
        # quotation marks dropped, each character of the shape's text keeps its offset in the segment
        kept = [i for i, ch in enumerate(item.segment.text) if ch not in "\"“”"]
        text = "".join(item.segment.text[i] for i in kept).replace("’", "'")
        lead = len(text) - len(text.lstrip(" -"))
        text = text.strip(" -")
        for rx in shapes:
            match = rx.search(text)
            if match:
                state.jokes[item.pos].append(f"one-liner shape '{match.group(0)[:40]}'")
                state.marked.add(item.pos)
                if "setup" in rx.groupindex and match.end("setup") > 0:
                    state.setup_end[item.pos] = kept[lead + match.end("setup") - 1] + 1
                break


def _swifties(ctx: Context, state: _State) -> list[Flag]:
    """Tom Swifties: the adverb after a quotation verb puns on the quotation."""
    pattern = SWIFTY.get(ctx.lang)
    out: list[Flag] = []
    if not pattern:
        return out
    rx = re.compile(pattern, re.I)
    for item in ctx.items:
        if item.is_sdh:
            continue
        text = item.segment.text
        for match in rx.finditer(text):
            adverb = match.group(1)
            base = adverb[:-2].lower()
            # the adverb must echo the quoted words: its stem shares a word-start with the line before it
            before = text[: match.start()].lower()
            echo = len(base) >= 4 and bool(re.search(rf"\b\w*{re.escape(base[:3])}", before))
            out.append(ctx.flag(
                item, match.start(1), match.end(1), kind="humor", label="pun", rule_id=f"{ctx.lang}.rule.tom-swifty",
                gloss=f"Tom Swifty: '{adverb}' puns on what was said",
                evidence=[f"quotation verb + adverb '{match.group(0)}'"] + (["the adverb echoes the quoted words"] if echo else []),
                suggestion="the pun lives in the adverb: rebuild it with a target adverb that plays on the quote, "
                "or move the play into the quote",
                confidence=0.7 if echo else 0.6,
            ))
            state.jokes[item.pos].append("Tom Swifty")
    return out


def _wordplay(ctx: Context, state: _State) -> list[Flag]:
    """Replies that take an idiom literally ("bring home the bacon" → "Bacon's in the fridge.")."""
    from .idioms import literalised

    out: list[Flag] = []
    for lit in literalised(ctx):
        reply, idiom = lit.reply, lit.span.text
        text = reply.segment.text
        start = len(text) - len(text.lstrip(" -"))
        how = (f"'{', '.join(lit.words[:3])}' evoke(s) the literal scene of the idiom" if lit.via_literal_list
               else f"re-uses '{', '.join(lit.words[:3])}' from the idiom")
        where = _cue_label(ctx, lit.idiom.segment.cues[-1]) if lit.idiom.segment.cues else "the line before"
        state.jokes[reply.pos].append(f"wordplay on the idiom '{idiom}'")
        out.append(ctx.flag(
            reply, start, len(text), kind="humor", label="wordplay", rule_id=f"{ctx.lang}.rule.literalised-idiom",
            gloss=f"plays on the literal sense of the idiom '{idiom}' ({lit.entry['gloss']})",
            evidence=[f"{how} '{idiom}' ({lit.entry['id']}) at {where}"],
            suggestion="the joke depends on the idiom's literal words: the target idiom must allow the same play, "
            "or the reply must be rewritten",
            confidence=0.65 if lit.via_literal_list else 0.75,
        ))
    return out


def _setups(ctx: Context, state: _State) -> list[Flag]:
    out: list[Flag] = []
    setups = [re.compile(rx, re.I) for rx in SETUPS.get(ctx.lang, [])]
    knock = KNOCK.get(ctx.lang)
    dialogue = [it for it in ctx.items if not it.is_sdh]
    for k, item in enumerate(dialogue):
        text = item.segment.text.strip(" -")
        if knock and re.match(knock[0], text, re.I) and k + 1 < len(dialogue) and re.match(knock[1], dialogue[k + 1].segment.text.strip(" -¿"), re.I):
            roles = [(item, "setup")]
            if k + 4 < len(dialogue) and re.search(r"\S\s+\S*\s*(?:who|qui|quién)\W*$", dialogue[k + 3].segment.text, re.I):
                roles.append((dialogue[k + 4], "punchline"))
            last = roles[-1][0]
            for part, role in roles:
                state.jokes[part.pos].append("knock-knock joke")
                state.marked.add(part.pos)
                out.append(ctx.flag(
                    part, 0, len(part.segment.text), kind="humor", label="joke",
                    rule_id=f"{ctx.lang}.rule.knock-knock", gloss=f"knock-knock joke ({role})",
                    evidence=[f"knock-knock shape from {_cue_label(ctx, item.segment.cues[0])} to "
                              f"{_cue_label(ctx, last.segment.cues[-1])}"],
                    suggestion="use the target's knock-knock formula (es 'toc, toc — ¿quién es?', fr 'toc toc — qui est là ?') and rebuild the pun of the punchline",
                    confidence=0.85,
                ))
            continue
        is_template = any(
            ctx.lexicon.by_id.get(s.id_, {}).get("label") == "joke" for s in item.doc.spans.get("locpipe_humor", [])
        )
        if not text.endswith("?") or not (is_template or any(rx.search(text) for rx in setups)):
            continue
        if k + 1 >= len(dialogue):
            continue
        answer = dialogue[k + 1]
        if answer.pos - item.pos > 2 or len(_words(answer.segment.text)) > MAX_PUNCHLINE_WORDS:
            continue
        if answer.segment.text.strip().endswith("?") and not is_template:
            continue
        separate = set(item.segment.cues).isdisjoint(answer.segment.cues)
        where = (f"setup in {_cue_label(ctx, item.segment.cues[-1])}, punchline in "
                 f"{_cue_label(ctx, answer.segment.cues[0])}")
        advice = ("keep setup and punchline in separate subtitles, in this order" if separate
                  else "setup and punchline share a cue: never let the punchline show before the setup")
        for part, role in ((item, "setup"), (answer, "punchline")):
            state.jokes[part.pos].append(f"question-and-answer joke ({role})")
            start = len(part.segment.text) - len(part.segment.text.lstrip(" -"))
            out.append(ctx.flag(
                part, start, len(part.segment.text), kind="humor", label="joke",
                rule_id=f"{ctx.lang}.rule.setup-punchline", gloss=f"joke {role} (question and answer)",
                evidence=[where], suggestion=advice, confidence=0.7,
            ))
    return out


#: the file of a language's most frequent words (``scripts/build_common_words.py``)
COMMON_WORDS_FILE = "common-words.txt"
_COMMON: dict[tuple[str, str], frozenset[str]] = {}


def common_words(ctx: Context) -> frozenset[str]:
    """The language's most frequent words ("show", "school", "friend"): alone they do not say what a
    line is about. Empty for a language without the file."""
    key = (ctx.lexicon.root, ctx.lang)
    if key not in _COMMON:
        path = Path(ctx.lexicon.root) / ctx.lang / COMMON_WORDS_FILE
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        _COMMON[key] = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    return _COMMON[key]


#: words of a sense description that say nothing about its topic
_SENSE_STOP = frozenset(["someone", "something", "thing", "things", "kind", "sort", "type", "used", "being", "make",
                         "made", "having", "sense", "meaning", "word", "form", "part", "also", "very", "much"])


#: weight of a word lent by a related sense, against 1 for a word of the sense's own list
WEAK_WEIGHT = 0.5
#: weight of a word of one of the sense's topic domains (:mod:`.domains`): measured on SemEval-2017
#: homographic (--limit 600), 1.0 gave recall +0.03 over 0.5 for +0.008 Tatoeba pun flags
DOMAIN_WEIGHT = 1.0
#: a sense borrows the context words of every other sense (of any pun entry) sharing this many words with it
RELATED_OVERLAP = 2
_RELATED: dict[tuple[str, str], dict[tuple[str, int], frozenset[str]]] = {}


def related_words(ctx: Context) -> dict[tuple[str, int], frozenset[str]]:
    """(entry id, sense index) -> context words of the senses on the same topic.

    Built from the pun lexicon itself: two senses whose context lists share
    :data:`RELATED_OVERLAP` words are on one topic ("money paid on a loan" and "financial
    institution" share bank, money …); a word that two such related senses list is lent to
    the sense — weaker evidence than its own list. Computed once per lexicon.
    """
    from .components import get_lemmatizer

    cache_key = (ctx.lang, ctx.lexicon.root)
    if cache_key in _RELATED:
        return _RELATED[cache_key]
    lemmatize = get_lemmatizer(ctx.lang)
    words: dict[tuple[str, int], set[str]] = {}
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for entry in ctx.lexicon.entries("puns"):
        for k, sense in enumerate(entry.get("senses", [])):
            if not isinstance(sense, dict):
                continue
            forms = {lemmatize(w.lower()) for w in sense.get("context", []) if isinstance(w, str) and len(w) > 2}
            forms -= ctx.stopwords
            words[(entry["id"], k)] = forms
            for form in forms:
                index[form].append((entry["id"], k))
    out: dict[tuple[str, int], frozenset[str]] = {}
    for key, forms in words.items():
        shared: dict[tuple[str, int], int] = defaultdict(int)
        for form in forms:
            postings = index[form]
            if len(postings) > 40:
                continue  # a word on every topic ("good", "time") links nothing
            for other in postings:
                if other[0] != key[0]:
                    shared[other] += 1
        votes: dict[str, int] = defaultdict(int)
        for other, count in shared.items():
            if count >= RELATED_OVERLAP:
                for form in words[other]:
                    votes[form] += 1
        # a word lent by two related senses is on the topic; one lender may be off at a tangent
        out[key] = frozenset(w for w, n in votes.items() if n >= 2 and w not in forms)
    _RELATED[cache_key] = out
    return out


def _lexicon_cache(ctx: Context, name: str) -> dict[str, Any]:
    """The cache ``name`` of the context's lexicon: an entry's sense words are the same in every
    transcript, so they are worked out once per loaded lexicon (per transcript without one). The cache
    lives on the lexicon object and goes with it."""
    lexicon = ctx.lexicon
    if lexicon is None:
        return ctx.cache.setdefault(name, {})  # type: ignore[no-any-return]
    caches: dict[str, dict[str, Any]] = vars(lexicon).setdefault("_sense_caches", {})
    return caches.setdefault(name, {})


def _sense_words(ctx: Context, senses: list[dict[str, Any]], key: str = "") -> list[list[tuple[str, ...]]]:
    """Per sense, its context words plus the content words of its description, each as its lowercase
    form and lemma (cached per lexicon under ``key``, the entry id)."""
    from .components import get_lemmatizer

    cache = _lexicon_cache(ctx, "sense_words")
    if key and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    lemmatize = get_lemmatizer(ctx.lang)
    out = []
    for sense in senses:
        words = [w for w in sense.get("context", []) if isinstance(w, str)]
        words += [w for w in re.findall(r"[^\W\d_]+", str(sense.get("sense", "")).lower())
                  if len(w) > 3 and w not in ctx.stopwords and w not in _SENSE_STOP]
        forms: list[tuple[str, ...]] = []
        for word in words:
            pair = tuple(dict.fromkeys((word.lower(), lemmatize(word.lower()))))
            if pair not in forms:
                forms.append(pair)
        out.append(forms)
    if key:
        cache[key] = out
    return out


def _sense_collocates(ctx: Context, senses: list[dict[str, Any]], key: str = "") -> list[frozenset[str]]:
    """Per sense, its collocates (the words that, right next to the word, read it in that sense:
    "lose interest", "interest rate") as lowercase forms and lemmas; a word two senses list is left
    out of both (cached like :func:`_sense_words`)."""
    from .components import get_lemmatizer

    cache = _lexicon_cache(ctx, "sense_collocates")
    if key and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    lemmatize = get_lemmatizer(ctx.lang)
    # a function word next to the word says little ("no clue" / "left no clue at the scene"); a particle
    # makes a phrasal verb ("hang up")
    particles = PARTICLES.get(ctx.lang, frozenset())
    sets = [{form for w in sense.get("collocates", []) for form in (w.lower(), lemmatize(w.lower()))
             if w.lower() not in ctx.stopwords or w.lower() in particles} for sense in senses]
    shared = {w for k, words in enumerate(sets) for j, other in enumerate(sets) if j != k for w in words & other}
    out = [frozenset(words - shared) for words in sets]
    if key:
        cache[key] = out
    return out


_Index = dict[str, list[int]]


def _sense_index(ctx: Context, senses: list[dict[str, Any]], key: str = "") -> list[tuple[_Index, _Index, _Index]]:
    """Per sense, where its words can be hit from: exact form, first five letters (forms of five
    letters or more), four-letter form — each to the indexes of the sense's words (cached like
    :func:`_sense_words`). A context word can only hit the words it indexes, so
    :class:`SenseMatches` looks at a handful of words instead of every word of every sense."""
    cache = _lexicon_cache(ctx, "sense_index")
    if key and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    out = []
    for words in _sense_words(ctx, senses, key):
        exact: dict[str, list[int]] = defaultdict(list)
        five: dict[str, list[int]] = defaultdict(list)
        four: dict[str, list[int]] = defaultdict(list)
        for j, forms in enumerate(words):
            for form in forms:
                exact[form].append(j)
                if len(form) >= 5:
                    five[form[:5]].append(j)
                elif len(form) == 4:
                    four[form].append(j)
        out.append((dict(exact), dict(five), dict(four)))
    if key:
        cache[key] = out
    return out


def _stem_kin(a: str, b: str) -> bool:
    """Whether two words sharing their first five letters are forms of one stem: they differ only in
    the last two letters of the shorter ('surgeon'/'surgery', 'computer'/'computing', 'electric'/
    'electrician'), not in a whole syllable ('approach'/'approval')."""
    return len(commonprefix([a, b])) >= min(len(a), len(b)) - 2


class ContextWords:
    """Words of a context indexed for :class:`SenseMatches`: by their first five letters (words of five
    letters or more) and their first four (words of five to seven). Built once per line and shared by its
    pun-prone words: a larger context than a word's own gives the same hits, as :meth:`SenseMatches.hits`
    reads them off within a part of it."""

    def __init__(self, context: set[str]) -> None:
        self.words = context
        self.by_five: dict[str, list[str]] = defaultdict(list)
        self.by_four: dict[str, list[str]] = defaultdict(list)
        for other in sorted(context):
            if len(other) >= 5:
                self.by_five[other[:5]].append(other)
                if len(other) <= 7:
                    self.by_four[other[:4]].append(other)


class SenseMatches:
    """The sense words of a pun entry that words of ``context`` hit, looked up once.

    A word hits a sense word when it is the same word, shares its first five letters and differs only in the
    last two letters of the shorter ('sauna'/'saunas', 'surgeon'/'surgery'; not 'approach'/'approval'),
    or extends a four-letter word by one to three letters ('bake'/'baker'). The hits within any part
    of the context (the setup, the collocation, the line before …) are then read off without another
    look-up (:meth:`hits`)."""

    def __init__(self, ctx: Context, senses: list[dict[str, Any]], context: set[str] | ContextWords, key: str = "",
                 canon: dict[str, str] | None = None) -> None:
        #: a context word's lemma: its inflected form and its lemma ("prices", "price") are one hit
        self.canon = canon or {}
        indexed = context if isinstance(context, ContextWords) else ContextWords(context)
        words_in, by_five, by_four = indexed.words, indexed.by_five, indexed.by_four
        # per sense: per sense word that some context word hits, per form of it, the words that hit it
        # (the form itself first when present, then the stem matches in sorted order)
        self.matches: list[list[list[list[str]]]] = []
        # the index keys the context words hit, found by set intersection (a handful of the sense's words,
        # of the line's dozens)
        for words, (exact, five, four) in zip(_sense_words(ctx, senses, key), _sense_index(ctx, senses, key),
                                              strict=True):
            candidates: set[int] = set()
            for word in exact.keys() & words_in:
                candidates.update(exact[word])
            for stem in five.keys() & by_five.keys():
                candidates.update(five[stem])
            for stem in four.keys() & by_four.keys():
                candidates.update(four[stem])
            per_sense = []
            for j in sorted(candidates):
                per_form = []
                for form in words[j]:
                    found = [form] if form in words_in else []
                    if len(form) >= 5:
                        found += [w for w in by_five.get(form[:5], ()) if w != form and _stem_kin(w, form)]
                    elif len(form) == 4:
                        found += [w for w in by_four.get(form, ()) if w != form]
                    per_form.append(found)
                per_sense.append(per_form)
            self.matches.append(per_sense)

    def hits(self, part: set[str]) -> list[list[str]]:
        """For each sense, the words of ``part`` (a subset of the context) that hit its words."""
        out = []
        for per_sense in self.matches:
            hits: list[str] = []
            seen: set[str] = set()
            for per_form in per_sense:
                for found in per_form:
                    hit = next((w for w in found if w in part), None)
                    if hit:
                        word = self.canon.get(hit, hit)
                        if word not in seen:
                            seen.add(word)
                            hits.append(hit)
                        break
            out.append(hits)
        return out


#: content words this close to a pun-prone word (in tokens) make its collocation ("river bank",
#: "credit card"): they fix the sense the word is read in rather than set up another one
NEAR = 2
#: the particles of phrasal verbs: function words that, as a collocate, fix a verb's sense ("hang up")
PARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset(["up", "down", "out", "off", "away", "back", "over", "through", "around"]),
}
#: a collocate this close to a pun-prone word (in tokens, within its clause) reads it in its sense
PHRASE = 2
#: words that split a one-liner into its setup and its punchline ("I used to be a banker but I lost
#: interest", "The baker quit because he had too little dough"); per language, data not branches
PIVOTS: dict[str, frozenset[str]] = {
    "en": frozenset(["because", "but", "so", "since", "when", "until", "till", "unless", "although", "though",
                     "cause", "'cause", "just", "then", "whereas", "while", "or", "otherwise", "therefore"]),
    "es": frozenset(["porque", "pero", "cuando", "aunque", "entonces", "así"]),
    "fr": frozenset(["parce", "mais", "quand", "alors", "puisque", "donc"]),
}
#: a predicate that describes the subject with the word ("the shoemaker was a real heel"): a topic's word
#: used as a verdict on the topic's own people or things reads in its other sense (per language; data)
LINKING: dict[str, frozenset[str]] = {
    "en": frozenset(["is", "was", "are", "were", "be", "been", "being", "'re", "am", "'m", "became", "become",
                     "becomes", "got", "get", "gets", "getting", "seemed", "seems", "felt", "feel", "feels", "looked",
                     "looks", "sounded", "sounds", "stayed", "remained", "went", "goes", "grew", "turned"]),
}
#: words allowed between the linking verb and the word ("was a real heel", "got very good results")
LINK_FILLERS: dict[str, frozenset[str]] = {
    "en": frozenset(["a", "an", "the", "so", "very", "really", "real", "always", "quite", "pretty", "too", "bit", "little",
                     "such", "truly", "just", "not", "n't", "never", "all", "totally", "completely", "rather", "his",
                     "her", "their", "its", "my", "your", "our", "some", "no", "more", "most", "of", "kind",
                     "sort", "big", "great", "good", "bad", "terrible", "awful", "still", "also", "even"]),
}
_TIGHT = frozenset(["of", "'s", "’s", "-", "and", "&"])
#: tokens a setup clause needs before a punctuation mark to make it a setup / punchline break
MIN_SETUP_TOKENS = 3
_PIVOT_PUNCT = frozenset([",", ";", ":", "-", "--", "—", "–", "?", "!", "...", "…"])


@dataclass
class PunEvidence:
    """What the context says about one pun-prone word.

    Attributes:
        setup: per sense, the context words found before the word in its own segment.
        own: per sense, the context words found anywhere else in its own segment.
        before, after: per sense, the context words found in the segment before / after.
        near: per sense, the context words within :data:`NEAR` tokens of the word (its collocation).
        far_setup: per sense, the context words before the word and not next to it (the setup).
        pivot_setup: per sense, the context words before a clause break (connective or punctuation)
            that comes before the word: a two-part one-liner, setup then punchline.
        final: the word closes its sentence (at most one content word after it): the punchline slot.
        written: the index of the sense the written form carries (sound-alikes; 0 for a pun,
            whose first sense is its primary one).
    """

    setup: list[list[str]]
    own: list[list[str]]
    before: list[list[str]]
    after: list[list[str]]
    final: bool = False
    written: int = 0
    homophone: bool = False
    #: the word is its line's only content word and echoes the line before ("Rough?"): the lines
    #: around it are its context
    alone: bool = False
    #: per sense, words of related senses found in the line and its neighbours (half weight)
    weak: list[list[str]] = field(default_factory=list)
    weak_setup: list[list[str]] = field(default_factory=list)
    near: list[list[str]] = field(default_factory=list)
    far_setup: list[list[str]] = field(default_factory=list)
    pivot_setup: list[list[str]] = field(default_factory=list)
    #: content words after the word in its sentence
    content_after: int = 0
    #: per sense, words of the sense's topic domains (:mod:`.domains`) in the line and its neighbours
    domain: list[list[str]] = field(default_factory=list)
    #: per sense, those of them in the setup: before the word and not next to it
    domain_setup: list[list[str]] = field(default_factory=list)
    #: per sense, those of them next to the word (its collocation)
    domain_near: list[list[str]] = field(default_factory=list)
    #: per sense, those of them in the word's own line
    domain_line: list[list[str]] = field(default_factory=list)
    #: per sense, the words before the word and not its collocation that evoke the sense (own list or domain)
    topic_setup: list[list[str]] = field(default_factory=list)
    #: the word is part of an idiom ("make a spectacle of oneself"): its phrase carries a figurative sense
    idiom: bool = False
    #: per sense, its collocates within :data:`PHRASE` tokens of the word ("lost interest"): the sense the
    #: word's own phrase reads it in
    phrase: list[list[str]] = field(default_factory=list)
    #: the word sits in a punchline frame: the predicate of a linking verb ("was a real heel", "lost
    #: interest"), or after a connective that follows the setup ("… because he had no patients")
    framed: bool = False
    #: the line is known as a joke (a one-liner shape, a setup-punchline pair, laughter after it)
    joke: bool = False
    #: the language's most frequent words (:func:`common_words`): alone they do not say what a line is about
    common: frozenset[str] = frozenset()

    def hits(self, k: int) -> list[str]:
        return list(dict.fromkeys(self.own[k] + self.before[k] + self.after[k]))

    def telling(self, words: list[str]) -> bool:
        """Whether some of ``words`` say what the line is about: not all among the language's most
        frequent (always, for a language without the list)."""
        return any(w not in self.common for w in words) if self.common else bool(words)

    def word_weight(self, k: int) -> float:
        """Evidence for sense ``k`` from words of its own list and of related senses (not its topic)."""
        return len(self.hits(k)) + WEAK_WEIGHT * len(self.weak[k] if self.weak else [])

    def weight(self, k: int) -> float:
        return self.word_weight(k) + DOMAIN_WEIGHT * len(self.domain[k] if self.domain else [])

    def topic_weight(self, k: int) -> float:
        """Evidence for sense ``k`` before the word and not its collocation (a subject before a copula counts)."""
        return len(self.topic_setup[k]) if self.topic_setup else 0.0

    def setup_weight(self, k: int) -> float:
        """Evidence for sense ``k`` before the word and away from it, lent words and domain words included."""
        far = (self.far_setup or self.setup)[k]
        return (len(far) + WEAK_WEIGHT * len(self.weak_setup[k] if self.weak_setup else [])
                + DOMAIN_WEIGHT * len(self.domain_setup[k] if self.domain_setup else []))

    def phrase_sense(self) -> int | None:
        """The one sense the word's own phrase reads it in (its collocates), if there is one."""
        read = [k for k, words in enumerate(self.phrase) if words]
        return read[0] if len(read) == 1 else None

    def phrase_setup(self, k: int) -> list[str]:
        """Sense ``k``'s words before the word and not its phrase: its own words and its topic's."""
        phrase = {w for words in self.phrase for w in words}
        far = (self.far_setup or self.setup)[k] + (self.topic_setup[k] if self.topic_setup else [])
        return [w for w in dict.fromkeys(far) if w not in phrase]

    def evoked(self) -> list[int]:
        return [k for k in range(len(self.own)) if self.hits(k) or self.weight(k) >= 1.0]

    def only_after(self, k: int) -> bool:
        return bool(self.after[k]) and not self.own[k] and not self.before[k]

    def _far(self, k: int) -> list[str]:
        """Sense ``k``'s words in the line that are not the word's own collocation."""
        near = set(self.near[k]) if self.near else set()
        extra = [w for w in self.domain_line[k] if w not in self.domain_near[k]] if self.domain_line else []
        return [w for w in self.own[k] if w not in near] + extra

    def score(self) -> tuple[float, tuple[int, int] | None, str]:
        """(strength, the two senses in play, why): 0 when the context does not make a double reading.

        A double reading: two senses evoked by the context; or the sense the word does not
        carry on its own (any but the primary/written one) evoked strongly (two words) — for a
        pun-prone word only in the punchline slot, else it is the word's ordinary secondary use; or, when the word closes the sentence (the punchline slot
        of a one-liner), another sense set up by words before it that are not its collocation
        ("I used to be a banker but I lost interest"), or its own sense set up before a clause
        break ("The baker quit because he had too little dough") — weaker, so a lower strength —
        or its own sense's topic set up (words of its list or its domains, not its collocation) when
        something says the word is read otherwise: an idiom around it, a punchline frame ("the
        shoemaker was a real heel"), a line known as a joke, another sense evoked in the line.
        Words right next to the word ("river bank", "credit card") fix the sense it is read in:
        they alone never make a double reading. The sense's collocates there ("lost interest": the
        curiosity sense) and words before them that evoke another sense ("banker") do.
        """
        n = len(self.own)
        evoked = self.evoked()
        total = sum(self.weight(k) for k in evoked)
        other = [k for k in evoked if k != self.written]
        # evidence in the word's own line, not only around it — unless the word stands alone ("Rough?")
        in_line = ([k for k in evoked if self.own[k] or (self.domain_line and self.domain_line[k])]
                   if self.alone is False else evoked)
        far = [k for k in evoked if self._far(k) or self.before[k] or self.after[k] or self.alone]
        # outside an idiom or a line known as a joke, both senses need words of the line that say what it
        # is about — in a long narration line, common words ("show", "school", "friend") evoke some sense
        # of half its words (the free films' English subtitles: 12.3 pun flags per 100 cues -> 7.2)
        marked = self.idiom or self.joke or self.alone or self.homophone  # a sound-alike's spelling says which
        told = [k for k in evoked if self.telling(self.own[k] + (self.domain_line[k] if self.domain_line else []))]
        if len(evoked) >= 2 and in_line and far and (marked or len(told) >= 2 or not self.common):
            a, b = (evoked[0], evoked[1])
            if far[0] not in (a, b):
                a, b = evoked[0], far[0]
            return 3.0 + total, (a, b), "both senses evoked"
        # a sound-alike in the other spelling's scene is a pun anywhere ("The night wore shining armour");
        # a pun-prone word in its secondary sense is ordinary use unless it sits in the punchline slot
        slot = self.homophone or self.final or bool(self.pivot_setup and any(self.pivot_setup))
        # strongly: by the sense's own words, not by its topic alone ("the doctor said my heart is fine")
        if slot and other and self.word_weight(other[0]) >= 2 and self.own[other[0]] \
                and self._far(other[0]):
            return 2.0 + total, (self.written, other[0]), "the other sense evoked strongly"
        read = self.phrase_sense()
        if read is not None:
            # the phrase reads the word in one sense ("lost interest"), the words before it evoke another ("I
            # used to be a banker"): in the punchline slot or not ("The banker lost interest in his job")
            set_up = [k for k in range(n) if k != read and self.telling(self.phrase_setup(k))]
            if set_up:
                return 2.0 + total, (read, set_up[0]), "its phrase reads one sense, the words before it evoke the other"
        if self.final:
            far_setup = self.far_setup or self.setup
            # a word before a last content word ("the top drawer") needs the other sense's own words, not its topic
            set_up = [k for k in range(n) if k != self.written
                      and (far_setup[k] or (self.content_after == 0 and self.setup_weight(k) >= 1.0))]
            if set_up:
                return 2.0 + total, (self.written, set_up[0]), "the other sense set up before the word that closes the sentence"
            if other and other[0] in in_line and self._far(other[0]) and (self.content_after == 0 or self.own[other[0]]):
                return 1.5 + total, (self.written, other[0]), "the other sense evoked in the line the word closes"
            w = self.written
            others_in_line = any(self.own[j] or (self.domain_line and self.domain_line[j]) for j in range(n) if j != w)
            # these two read the word in the sense its setup did not prepare: a phrase that reads it in the
            # prepared sense says it is not ("The Mediterranean scenery was breathtaking")
            if (n >= 2 and not self.homophone and self.topic_weight(w) >= 1.0 and read != w
                    and not (self.domain_near and self.domain_near[w]) and (self.idiom or self.joke or self.framed or others_in_line)):
                other_sense = next(j for j in range(n) if j != w)
                return 1.0 + total, (w, other_sense), "its topic set up before the word that closes the sentence"
            pivot = self.pivot_setup or [[] for _ in range(n)]
            if pivot[self.written] and self.telling(pivot[self.written]) and n >= 2 and not self.homophone \
                    and read != self.written:
                # its own sense set up before a clause break, then the word as the punchline: the one-liner
                # plays on the sense the setup did not prepare ("The baker quit because he had too little dough.")
                other_sense = next(j for j in range(n) if j != self.written)
                return 1.0 + total, (self.written, other_sense), "its sense set up before the word that closes the sentence"
        return 0.0, None, ""


def _written_sense(entry: dict[str, Any], senses: list[dict[str, Any]], forms: set[str]) -> int:
    """The sense a sound-alike's written form carries: the sense whose description starts with it."""
    for k, sense in enumerate(senses):
        first = re.findall(r"(?:[^\W\d_]|')+", str(sense.get("sense", "")).lower())[:1]
        if first and first[0] in forms:
            return k
    return 0 if forms & {w.lower() for w in _pattern_forms(entry)} else 1


def _pattern_forms(entry: dict[str, Any]) -> list[str]:
    """The forms an entry's pattern writes: the template itself, or a token pattern's LOWER values."""
    pattern = entry["pattern"]
    if isinstance(pattern, str):
        return [pattern]
    forms: list[Any] = []
    for token in pattern:
        lower = token.get("LOWER") if isinstance(token, dict) else None
        forms += lower.get("IN", []) if isinstance(lower, dict) else [lower]
    return [w for w in forms if isinstance(w, str) and w]


def _spellings(entry: dict[str, Any]) -> list[str]:
    """A sound-alike entry's spellings: its pattern's forms, then the ``sounds_like`` ones."""
    sounds = [w for w in entry.get("sounds_like", []) if isinstance(w, str) and w]
    return list(dict.fromkeys([*_pattern_forms(entry), *sounds]))


def _senses(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """An entry's senses; a sound-alike without any gets one per spelling (each evoked by the other
    spelling itself: "ola" … "Hola")."""
    senses = [s for s in entry.get("senses", []) if isinstance(s, dict)]
    if entry["label"] == "homophone" and isinstance(entry["pattern"], str):
        spellings = _spellings(entry)
        if len(senses) < 2:
            senses = [{"sense": w, "context": []} for w in spellings[:2]]
        # the other spelling written nearby evokes its sense
        senses = [dict(s, context=[*s.get("context", []), spellings[k]]) if k < len(spellings) else s
                  for k, s in enumerate(senses)]
    return senses


def line_words(ctx: Context, item: Item) -> ContextWords:
    """Every word :func:`pun_evidence` can take evidence from for a pun-prone word of ``item``: the content
    words of its line and of the lines around it."""
    return ContextWords(ctx.context_lemmas(item))


def pun_evidence(ctx: Context, item: Item, span: Any, entry: dict[str, Any],
                 words: ContextWords | None = None) -> PunEvidence:
    """Sense evidence for a pun-prone word from its segment and the segments around it (``words``: those of
    the segment and its neighbours, from :func:`line_words`, shared by the segment's pun-prone words)."""
    from .components import token_lists

    senses = _senses(entry)
    lists = token_lists(item.doc)
    setup_words: set[str] = set()
    own: set[str] = set()
    near_words: set[str] = set()
    far_words: set[str] = set()
    pivot_words: set[str] = set()
    content_after = 0
    canon: dict[str, str] = {}
    word = {span.text.lower(), span.lemma_.lower()}
    pivots = PIVOTS.get(ctx.lang, frozenset())
    pivot = -1  # the last clause break before the word
    for i in range(span.start):
        lower = lists.lowers[i]
        # a mark after one or two words closes a vocative or an interjection ("Nurse, check his pulse."),
        # not a setup clause
        if (lower in pivots and i > 0) or (lower in _PIVOT_PUNCT and i >= MIN_SETUP_TOKENS):
            pivot = i
    tokens: list[tuple[str, str, str]] = []  # (lemma, lowercase form, where: setup / near / after) per content token
    idiom = _idiom_around(item, span.start, span.end)
    framed = _linked(ctx.lang, lists.lowers, span.start)
    clause = -1  # the last connective before the word ("because", "but"): setup, then punchline
    for i in range(1, span.start):
        if lists.lowers[i] in pivots:
            clause = i
    stop = ctx.stopwords
    for i, (lower, lemma) in enumerate(zip(lists.lowers, lists.lemmas, strict=True)):
        if span.start <= i < span.end or lemma in stop or not lower.isalpha() or lower in word:
            continue  # the word itself, said again, is not evidence for one of its senses
        own |= {lower, lemma}
        canon[lower] = canon[lemma] = lemma
        distance = span.start - i if i < span.start else i - span.end + 1
        # a collocation is the word's neighbour, or one 'of' / possessive away ("loaf of bread"); a subject
        # before a copula ("the photographer was negative") is the setup
        tight = distance == 1 or (distance == 2 and lists.lowers[i + 1 if i < span.start else i - 1] in _TIGHT)
        inside = idiom is not None and idiom[0] <= i < idiom[1]
        where = "near" if tight or inside else "setup" if i < span.start else "after"
        if where == "setup" and i < clause:
            framed = True  # the setup comes before a connective, the word after it
        tokens.append((lemma if lemma.isalpha() else lower, lower, where))
        if distance <= NEAR:
            near_words |= {lower, lemma}
        if i < span.start:
            setup_words |= {lower, lemma}
            if distance > NEAR:
                far_words |= {lower, lemma}
            if i < pivot:
                pivot_words |= {lower, lemma}
        elif len(lower) > 2:
            content_after += 1
    lo, hi = item.pos - 1, item.pos + 1
    before = ctx.items[lo].lemmas if lo >= 0 and not ctx.items[lo].is_sdh else set()
    after = ctx.items[hi].lemmas if hi < len(ctx.items) and not ctx.items[hi].is_sdh else set()
    word = {span.text.lower(), span.lemma_.lower()}
    echo = bool(word & before)  # the word picked up from the line before ("a rough cut" → "Rough?")
    before, after = before - word, after - word  # the word repeated is not evidence for a sense
    key = entry["id"]
    matches = SenseMatches(ctx, senses, words or own | before | after, key, canon)
    evidence = PunEvidence(
        setup=matches.hits(setup_words), own=matches.hits(own),
        before=matches.hits(before), after=matches.hits(after),
        final=content_after <= 1, alone=not own and echo,
        near=matches.hits(near_words), far_setup=matches.hits(far_words),
        pivot_setup=matches.hits(pivot_words), content_after=content_after,
        domain=[[] for _ in senses], domain_setup=[[] for _ in senses], domain_near=[[] for _ in senses],
        domain_line=[[] for _ in senses], topic_setup=[[] for _ in senses], idiom=idiom is not None, framed=framed,
    )
    related = related_words(ctx)
    everything = own | before | after
    for k in range(len(senses)):
        lent = related.get((key, k), frozenset())
        direct = set(evidence.hits(k))
        evidence.weak.append(sorted((lent & everything) - direct))
        evidence.weak_setup.append(sorted((lent & setup_words) - direct))
    _domain_evidence(ctx, evidence, key, len(senses), tokens, before | after)
    _one_sense_per_word(evidence, canon)
    collocates = _sense_collocates(ctx, senses, key)
    if any(collocates):
        evidence.phrase = _phrase(lists.lowers, lists.lemmas, span.start, span.end, collocates)
    evidence.common = common_words(ctx)
    if entry["label"] == "homophone":
        evidence.written = _written_sense(entry, senses, word)
        evidence.homophone = True
    return evidence


def _phrase(lowers: list[str], lemmas: list[str], start: int, end: int, collocates: list[frozenset[str]]) -> list[list[str]]:
    """Per sense, its collocates among the :data:`PHRASE` tokens on either side of tokens ``start``–``end``,
    within the clause (a punctuation mark ends the phrase)."""
    out: list[list[str]] = [[] for _ in collocates]
    for positions in (range(start - 1, max(-1, start - 1 - PHRASE), -1), range(end, min(len(lowers), end + PHRASE))):
        for i in positions:
            lower, lemma = lowers[i], lemmas[i]
            if not any(ch.isalnum() for ch in lower):
                break
            for k, words in enumerate(collocates):
                if lower in words or lemma in words:
                    out[k].append(lemma if lemma in words else lower)
    return out


#: per sense, the evidence lists of the sense's own words, and of lent and topic words
_OWN_LISTS = ("setup", "own", "before", "after", "near", "far_setup", "pivot_setup")
_LENT_LISTS = ("weak", "weak_setup", "domain", "domain_setup", "domain_near", "domain_line", "topic_setup")


def _one_sense_per_word(evidence: PunEvidence, canon: dict[str, str]) -> None:
    """A context word that evokes two senses says nothing about which one is meant: "pressed the button"
    ('press' is a word of the control-key sense and of the tailoring topic of the fastener sense), "the bus
    driver drove" ('driver' in the lists of two senses). A word of one sense's own list is no lent or topic
    evidence for another; a word of two senses' own lists, or lent to two senses, is evidence for none."""
    n = len(evidence.own)
    if n < 2:
        return
    direct = [{canon.get(w, w) for w in evidence.hits(k)} for k in range(n)]
    lent = [{canon.get(w, w) for name in ("weak", "domain") for w in getattr(evidence, name)[k]} for k in range(n)]
    if not any(direct) and not any(lent):
        return  # no word evokes a sense (a third of a film's pun-prone words): nothing to drop
    count_direct: dict[str, int] = defaultdict(int)
    count_lent: dict[str, int] = defaultdict(int)
    for k in range(n):
        for w in direct[k]:
            count_direct[w] += 1
        for w in lent[k] - direct[k]:
            count_lent[w] += 1
    ambiguous = {w for w, m in count_direct.items() if m > 1} | {w for w, m in count_lent.items() if m > 1}
    for k in range(n):
        drop = ambiguous | ({w for j in range(n) if j != k for w in direct[j]} - direct[k])
        for name in _OWN_LISTS if ambiguous else ():
            lists = getattr(evidence, name)
            if lists:
                lists[k] = [w for w in lists[k] if canon.get(w, w) not in ambiguous]
        for name in _LENT_LISTS if drop else ():
            lists = getattr(evidence, name)
            if lists:
                lists[k] = [w for w in lists[k] if canon.get(w, w) not in drop]


def _linked(lang: str, lowers: list[str], start: int) -> bool:
    """Whether the word at ``start`` is the predicate of a linking verb, with only fillers between."""
    verbs, fillers = LINKING.get(lang, frozenset()), LINK_FILLERS.get(lang, frozenset())
    for j in range(start - 1, max(-1, start - 6), -1):
        if lowers[j] in verbs:
            return j > 0
        if lowers[j] not in fillers:
            return False
    return False


def _sense_topics(ctx: Context, key: str, k: int) -> frozenset[str]:
    """The topic domains of sense ``k`` of pun entry ``key``."""
    return load_domains(ctx.lexicon).senses.get((key, k), frozenset())


def _idiom_around(item: Item, start: int, end: int) -> tuple[int, int] | None:
    """The token range of an idiom of the line that takes in tokens ``start``–``end``, if any."""
    for idiom in item.doc.spans.get("locpipe_idiom", []):
        if idiom.start <= start and end <= idiom.end and idiom.end - idiom.start > end - start:
            return idiom.start, idiom.end
    return None


def _domain_evidence(ctx: Context, evidence: PunEvidence, key: str, n: int, tokens: list[tuple[str, str, str]],
                     around: set[str]) -> None:
    """Words of a sense's topic domains (an electrician for the electrical sense of "contact") found in
    the line and its neighbours: evidence like the words lent by related senses. A word whose domains
    take in every sense says nothing about which one is meant."""
    direct = [set(evidence.hits(k)) for k in range(n)]
    for lemma, lower, where in tokens if any(direct) else ():
        if where == "setup":
            for k in range(n):
                if lemma in direct[k] or lower in direct[k]:
                    evidence.topic_setup[k].append(lemma)
    domains = load_domains(ctx.lexicon)
    if not domains.senses:
        return
    of = [_sense_topics(ctx, key, k) for k in range(n)]
    if not any(of):
        return
    seen: set[str] = set()
    index = domains.index
    # the words around that belong to no topic are most of them: left out by set intersection
    for lemma, _lower, where in [*tokens, *((w, w, "around") for w in sorted(around & index.keys()))]:
        topics = index.get(lemma)
        if not topics or lemma in seen:
            continue
        seen.add(lemma)
        matched = [k for k in range(n) if topics & of[k]]
        if not matched or len(matched) == n:
            continue
        for k in matched:
            if lemma in evidence.weak[k] or lemma in direct[k]:
                continue
            evidence.domain[k].append(lemma)
            if where == "setup":
                evidence.domain_setup[k].append(lemma)
                evidence.topic_setup[k].append(lemma)
            elif where == "near":
                evidence.domain_near[k].append(lemma)
            if where != "around":
                evidence.domain_line[k].append(lemma)


def _puns(ctx: Context, state: _State) -> list[Flag]:
    out: list[Flag] = []
    for item in ctx.items:
        if item.is_sdh:
            continue
        best: dict[tuple[int, int], Flag] = {}
        replies: dict[int, Flag] = {}
        last = max((sp.start for sp in item.doc.spans.get("locpipe_pun", [])), default=-1)
        lists = token_lists(item.doc)
        words: ContextWords | None = None
        for span in item.doc.spans.get("locpipe_pun", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is None or _in_function_phrase(ctx.lang, lists.lowers, span.start, span.end):
                continue
            senses = _senses(entry)
            if len(senses) < 2:
                continue
            if words is None:
                words = line_words(ctx, item)
            ev = pun_evidence(ctx, item, span, entry, words)
            joke = state.jokes.get(item.pos) or []
            ev.joke = bool(joke)
            label = entry["label"]
            strength, pair, why = ev.score()
            # by the sense's own words: a topic word alone in a joke line evokes too much
            usable = [k for k in ev.evoked() if (label != "homophone" or k != ev.written)
                      and ev.word_weight(k) >= 1.0]
            if pair is None and joke and usable and ev.final:
                # a line already known as a joke: one sense evoked is enough (a sound-alike's other sense)
                k = usable[0]
                other = k if k != ev.written else next(j for j in range(len(senses)) if j != k)
                strength, pair, why = 1.0 + ev.weight(k), (ev.written, other), "one sense evoked in a line that is a joke"
            guess = pair is None and item.pos in state.marked and span.start == last
            if guess:
                # no sense evoked, but the line is marked as a joke: its pun is most often its last pun-prone
                # word (SemEval-2017 homographic, texts given as jokes: 82 % of the pun words the lexicon
                # knows), most often in the punchline slot — a pointer for the translator, ranked low
                other = next(j for j in range(len(senses)) if j != ev.written)
                pair = (ev.written, other)
                why = "the last pun-prone word of a line that is a joke" + ("" if ev.final else " (not in the punchline slot)")
            if pair is None:
                continue
            if guess:
                confidence = 0.4 if ev.final else 0.35
            elif span.end_char <= state.setup_end.get(item.pos, -1):
                # in a one-liner's setup ("Old gardeners never die"): its pun is in the punchline, so a
                # pun-prone word here ranks below one there
                confidence = max(0.3, min(0.8, 0.4 + 0.05 * strength))
            else:
                confidence = min(0.9, 0.45 + 0.05 * strength + (0.1 if joke else 0.0))
            a, b = pair
            if label == "homophone":
                sounds = [w for w in _spellings(entry) if w.lower() != span.text.lower()]
                gloss = f"sound-alike: '{span.text}' / '{'/'.join(sounds)}'" + (f" — {entry['gloss']}" if entry.get("gloss") else "")
                evidence = [f"'{span.text}' sounds like '{'/'.join(sounds)}'"]
            else:
                gloss = f"pun on '{span.text}': {senses[a]['sense']} / {senses[b]['sense']}"
                evidence = []
            evidence += [f"'{', '.join(ev.phrase[k][:3])}' next to it read it as '{senses[k]['sense']}'"
                         for k in (a, b) if ev.phrase and ev.phrase[k]]
            evidence += [f"'{', '.join((ev.hits(k) + ev.weak[k])[:3])}' evoke '{senses[k]['sense']}'"
                         for k in (a, b) if ev.hits(k) or ev.weak[k]]
            evidence += [f"'{', '.join(ev.domain[k][:3])}' belong to the topic of '{senses[k]['sense']}' "
                         f"({', '.join(sorted(_sense_topics(ctx, entry['id'], k))[:2])})" for k in (a, b) if ev.domain[k]]
            evidence.append(why)
            evidence += [f"the line is a joke: {j}" for j in joke[:2]]
            flag = ctx.flag(
                item, span.start_char, span.end_char, kind="humor", label=label, rule_id=entry["id"],
                gloss=gloss, evidence=evidence,
                suggestion="a word-for-word translation keeps one sense only: find a target word with both senses, "
                "or a new pun on the same topic",
                confidence=confidence,
            )
            key = (span.start_char, span.end_char)
            if key in best and best[key].confidence >= flag.confidence:
                continue
            best[key] = flag
            # the next line completes the pun when one sense is evoked there only ("sharp" → "So's my tongue")
            late = [k for k in pair if ev.only_after(k) and (label != "homophone" or k != ev.written)
                    and any(len(w) > 3 and w not in GENERIC_WORDS for w in ev.after[k])]
            nxt = ctx.items[item.pos + 1] if item.pos + 1 < len(ctx.items) else None
            if late and nxt is not None and len(ev.evoked()) >= 2:
                text = nxt.segment.text
                start = len(text) - len(text.lstrip(" -"))
                state.jokes[nxt.pos].append(f"completes the pun on '{span.text}'")
                replies[nxt.pos] = ctx.flag(
                    nxt, start, len(text), kind="humor", label="wordplay", rule_id=f"{ctx.lang}.rule.pun-reply",
                    gloss=f"completes the pun on '{span.text}': '{', '.join(ev.after[late[0]][:3])}' "
                    f"evoke '{senses[late[0]]['sense']}'",
                    evidence=[f"the line before uses '{span.text}' ({senses[a]['sense']} / {senses[b]['sense']})"],
                    suggestion="the reply only works with the double sense of the word before: translate the two "
                    "lines together, keeping the pun or replacing both",
                    confidence=max(0.5, confidence - 0.1),
                )
        out.extend(best.values())
        out.extend(replies.values())
    return out


#: multiword function phrases: a pun-prone word inside one is not a content word ("in front of the
#: building", "as well as"); per language, data not branches
FUNCTION_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("in", "front", "of"), ("as", "well", "as"), ("of", "course"), ("kind", "of"), ("sort", "of"),
           ("a", "lot", "of")),
}


def _in_function_phrase(lang: str, lowers: list[str], start: int, end: int) -> bool:
    """Whether tokens ``start``–``end`` lie inside one of the language's function phrases."""
    return any(tuple(lowers[first:first + len(phrase)]) == phrase
               for phrase in FUNCTION_PHRASES.get(lang, ()) for first in range(max(0, end - len(phrase)), start + 1))


def _domain_puns(ctx: Context, state: _State, flags: list[Flag]) -> list[Flag]:
    """A one-liner that names a field and closes on another word of that field used in a phrase of its
    own ("Old electricians never die, they just lose contact"): a pun on a word no pun entry lists."""
    domains = load_domains(ctx.lexicon)
    if not domains.words:
        return []
    out: list[Flag] = []
    punned = {f.segment for f in flags if f.label in ("pun", "homophone")}
    for item in ctx.items:
        if item.is_sdh:
            continue
        lists = token_lists(item.doc)
        content = [i for i, (lower, lemma) in enumerate(zip(lists.lowers, lists.lemmas, strict=True))
                   if lower.isalpha() and lemma not in ctx.stopwords and len(lower) > 2]
        if len(content) < 3:
            continue
        if item.segment.id in punned:
            continue
        # the punchline slot: the last content word, or the one before it — in a line known as a joke; or a
        # word of an idiom (its phrase carries the figurative sense) anywhere
        idioms = [(sp.start, sp.end) for sp in item.doc.spans.get("locpipe_idiom", [])]
        joke = bool(state.jokes.get(item.pos))
        within = {i: rng for rng in idioms for i in content if rng[0] <= i < rng[1]}
        candidates = [(i, within.get(i)) for i in content[-2:][::-1] if joke or _linked(ctx.lang, lists.lowers, i)]
        candidates += sorted(within.items(), reverse=True)
        for i, rng in candidates:
            lemma = lists.lemmas[i]
            if sum(1 for j in content if lists.lemmas[j] == lemma) > 1:
                continue  # a word said twice is the figure of a saying ("a penny saved is a penny earned")
            topics = domains.of(lemma) or domains.of(lists.lowers[i])
            if not topics:
                continue
            outside = [j for j in content if j < i - 1 and (rng is None or not rng[0] <= j < rng[1])]
            setup = [lists.lemmas[j] for j in outside if lists.lemmas[j] != lemma and domains.of(lists.lemmas[j]) & topics]
            tight = [j for j in content if abs(j - i) == 1 and (rng is None or not rng[0] <= j < rng[1])
                     and domains.of(lists.lemmas[j]) & topics]
            if not setup or tight:
                continue
            topic = sorted(domains.of(setup[0]) & topics)[0]
            start = lists.starts[i]
            out.append(ctx.flag(
                item, start, start + len(lists.lowers[i]), kind="humor", label="pun", rule_id=f"{ctx.lang}.rule.domain-pun",
                gloss=f"pun on '{lists.lowers[i]}': its {topic} sense ({domains.glosses[topic]}) and its everyday one",
                evidence=[f"'{', '.join(setup[:3])}' set up the topic {topic}", "a word of the same topic closes the line"],
                suggestion="a word-for-word translation keeps one sense only: find a target word with both senses, "
                "or a new pun on the same topic",
                confidence=0.5,
            ))
            break
    return out


#: a recurring frame needs this many occurrences, each this many segments from the previous one
MIN_FRAME_OCCURRENCES = 3
MIN_FRAME_GAP = 5
#: openings too common in dialogue to make a frame on their own
FRAME_STOP = frozenset(
    ["thank", "thanks", "come", "look", "listen", "hang", "excuse", "good", "morning", "evening", "night",
     "please", "sorry", "okay", "right", "well", "hey", "hello", "yes", "yeah", "sure", "wait", "let", "maybe",
     "really", "course", "god", "man", "mean", "know", "think", "guess", "see", "tell", "said", "say", "like",
     "way", "time", "first", "last", "one", "again", "anyway", "still", "actually", "alright", "fine",
     # connectives and time phrases of narration ("After all, …", "The next day, …")
     "after", "all", "next", "following", "fact", "course", "then", "later", "finally", "suddenly", "meanwhile",
     "instead", "however", "luckily", "unfortunately", "fortunately", "soon", "once", "today", "tomorrow",
     "yesterday", "week", "year", "afternoon", "every", "end", "least", "most", "sometimes", "usually"]
)


def _frames(ctx: Context) -> dict[str, list[tuple[Item, int, int]]]:
    """Recurring frames: lines that open with the same fronted phrase ("In Spain, …").

    A frame is a segment's first two or three words closed by a comma, with at least
    one content word that is not a stock opener ("Thank you,", "Come on," are not
    frames), followed by a clause of three or more words. It counts when it opens at
    least :data:`MIN_FRAME_OCCURRENCES` segments, each at least :data:`MIN_FRAME_GAP`
    segments after the previous one (a speech repeating itself is not a gag).
    """
    found: dict[str, list[tuple[Item, int, int]]] = defaultdict(list)
    for item in ctx.items:
        if item.is_sdh:
            continue
        lists = token_lists(item.doc)
        lowers = lists.lowers
        for n in (2, 3):
            if len(lowers) < n + 4 or lowers[n] != ",":
                continue
            words = lowers[:n]
            if not all(w.replace("'", "").isalpha() for w in words):
                continue
            content = [w for w in words if w not in ctx.stopwords and len(w) > 2]
            if not content or any(w in FRAME_STOP for w in content):
                continue
            if sum(1 for w in lowers[n + 1:] if w.replace("'", "").isalpha()) < 3:
                continue
            text = item.segment.text
            start = len(text) - len(text.lstrip(" -"))
            found[" ".join(words)].append((item, start, len(text)))
            break
    out: dict[str, list[tuple[Item, int, int]]] = {}
    for frame, occurrences in found.items():
        kept: list[tuple[Item, int, int]] = []
        for occurrence in occurrences:
            if not kept or occurrence[0].pos - kept[-1][0].pos >= MIN_FRAME_GAP:
                kept.append(occurrence)
        if len(kept) >= MIN_FRAME_OCCURRENCES:
            out[frame] = kept
    return out


def _running_gags(ctx: Context, state: _State, flags: list[Flag]) -> list[Flag]:
    """The same joke or phrase recurring: every occurrence flagged, the others as evidence."""
    by_pos = {item.segment.id: item for item in ctx.items}
    groups: dict[str, list[tuple[Item, int, int]]] = defaultdict(list)
    for flag in flags:
        if flag.label in ("pun", "homophone") and flag.confidence < GAG_PUN_CONFIDENCE:
            continue  # a pun-prone word said twice is not a running gag unless the pun itself is clear
        if flag.label in ("catchphrase", "pun", "homophone") or (flag.label == "joke" and "rule." not in flag.rule_id):
            groups[f"rule:{flag.rule_id}"].append((by_pos[flag.segment], flag.start, flag.end))
    for pos, _reasons in state.jokes.items():
        item = ctx.items[pos]
        text = _norm(item.segment.text)
        if len(text.split()) >= 3:
            start = len(item.segment.text) - len(item.segment.text.lstrip(" -"))
            groups[f"text:{text}"].append((item, start, len(item.segment.text)))
    # distinctive phrases (4-grams with 2+ content words) recurring in separate lines
    grams: dict[tuple[str, ...], list[tuple[Item, int, int]]] = defaultdict(list)
    for item in ctx.items:
        if item.is_sdh:
            continue
        lists = token_lists(item.doc)
        # a name inside the phrase ("Ada and her friends", "at Ada's school") is a character coming back,
        # not a gag: such phrases are skipped (a line's first word may be capitalised)
        named = {start for k, (start, token) in enumerate(zip(lists.starts, item.doc, strict=True))
                 if k > 0 and token.text[:1].isupper() and token.text.isalpha() and not token.text.isupper()}
        toks = [(low, start) for low, start in zip(lists.lowers, lists.starts, strict=True)
                if low.replace("'", "").isalpha()]
        content = [low not in ctx.stopwords and len(low) > 2 for low, _start in toks]
        seen: set[tuple[str, ...]] = set()
        for k in range(len(toks) - 3):
            if sum(content[k:k + 4]) < 2 or any(start in named for _low, start in toks[k:k + 4]):
                continue
            key = tuple(low for low, _start in toks[k:k + 4])
            if key in seen:
                continue
            seen.add(key)
            grams[key].append((item, toks[k][1], toks[k + 3][1] + len(toks[k + 3][0])))
    for key, occurrences in grams.items():
        items = {o[0].pos for o in occurrences}
        if len(items) < 2:
            continue
        humorous = any(p in state.jokes for p in items)
        spread = max(items) - min(items) >= 10
        if humorous or (len(items) >= 3 and spread):
            groups["gram:" + " ".join(key)].extend(occurrences)
    for frame, occurrences in _frames(ctx).items():
        groups["frame:" + frame].extend(occurrences)
    out: list[Flag] = []
    done: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for group_key, occurrences in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        positions = sorted({o[0].pos for o in occurrences})
        if len(positions) < 2 or positions[-1] - positions[0] < MIN_GAG_DISTANCE:
            continue  # one joke's setup and punchline repeating a word is not a running gag
        for item, start, end in occurrences:
            taken = done[item.segment.id]
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            # only the first five are shown: labelling every occurrence made large files quadratic
            others = [_cue_label(ctx, ctx.items[p].segment.cues[0]) for p in islice(
                (p for p in positions if p != item.pos and ctx.items[p].segment.cues), 5)]
            kind_of = group_key.split(":", 1)[0]
            out.append(ctx.flag(
                item, start, end, kind="humor", label="running-gag", rule_id=f"{ctx.lang}.rule.running-gag",
                gloss=f"a running gag: recurs {len(positions)} times"
                + (f" in the frame '{group_key.split(':', 1)[1]} …'" if kind_of == "frame" else ""),
                evidence=[f"also at {', '.join(others[:5])}"] + ([f"recurring {kind_of}"] if kind_of == "rule" else []),
                suggestion="translate every occurrence the same way so the callback still works",
                confidence=0.75 if not group_key.startswith("gram:") else 0.6,
            ))
    return out
