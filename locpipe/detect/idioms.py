"""Idiom flags, with a literal-use check that lowers confidence where the context is literal."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Flag
from .context import Context, Item

#: base confidence per label (phrasal verbs are literal more often than idioms)
BASE_CONFIDENCE = {"idiom": 0.9, "saying": 0.9, "expression": 0.85, "phrasal": 0.65}
#: confidence of a match whose context looks literal
LITERAL_CONFIDENCE = 0.3
#: at or above this a flag is taken as an idiomatic use (eval, review filters)
IDIOMATIC_THRESHOLD = 0.5

#: words that, next to an idiom's own nouns, point at the physical scene rather than the figure
GENERIC_LITERAL_CUES = frozenset(
    ["actual", "actually", "real", "really", "physically", "kitchen", "floor", "table", "plate", "bowl", "tin", "can", "glass", "bottle", "box", "bag", "knife", "fork", "spoon", "cup", "door", "window", "wall", "roof", "garden", "field", "road", "river", "water", "sea", "boat", "car", "truck", "shelf", "fridge", "oven", "sink", "bucket", "ladder", "rope", "hammer", "nail", "paint", "brush", "camera", "photo", "picture"]
)
SCENE_VERBS = frozenset(["pour", "spill", "drop", "wash", "cut", "cook", "eat", "drink", "carry", "lift", "throw", "catch", "kick", "paint", "fix", "open", "close"])


def _content_lemmas(item: Item, start: int, end: int, stop: frozenset[str]) -> set[str]:
    return {t.lemma_ for t in item.doc[start:end] if t.is_alpha and t.lemma_ not in stop}


#: a literal cue this close to the match (in tokens of the running dialogue: its own line, then
#: the end of the line before or the start of the line after) is about the idiom's own words
#: ("hang out the washing", "the water is under pressure", "I got cold feet. / It's January.")
LITERAL_WINDOW = 8
#: confidence of a match with a single literal cue further away (elsewhere in the line or in the
#: lines around it): a hint for the reviewer, still read as the idiom
FAR_LITERAL_CONFIDENCE = 0.55


@dataclass
class LiteralEvidence:
    """Reasons to read a match literally.

    Attributes:
        reasons: what the reviewer is told (empty when the context looks figurative).
        strong: the reasons make the literal reading likely (a cue next to the match, two cues
            further away, or the idiom's own noun repeated next to a physical scene); when
            False, a single cue further away only hints at it.
    """

    reasons: list[str]
    strong: bool

    def __bool__(self) -> bool:
        return bool(self.reasons)


def literal_evidence(
    ctx: Context, item: Item, span: Any, entry: dict[str, Any], skip: frozenset[int] = frozenset()
) -> LiteralEvidence:
    """Reasons to read the match literally, and whether they are strong.

    ``skip``: positions of neighbouring segments left out of the context (a reply that
    plays on the idiom's literal words shows that the idiom itself was figurative).
    """
    reasons: list[str] = []
    lemmatize = _lemmatizer(ctx.lang)
    context = ctx.context_lemmas(item, exclude=(span.start, span.end), skip=skip)
    cues = literal_cues(entry, lemmatize, head=_head_before(item, span))
    # the words filling the idiom's slots count too ("put your phone away"): the cues never hold
    # the idiom's own words, so only the fillers can match
    inside = {w for t in item.doc[span.start:span.end] for w in (t.lemma_, t.lower_)}
    hits = sorted(cues & (context | inside))
    near = sorted(cues & (_running_words_near(ctx, item, span, LITERAL_WINDOW, skip) | inside))
    strong = bool(near) or len({lemmatize(h) for h in hits}) >= 2
    if hits:
        reasons.append(f"context words suggest a literal reading: {', '.join(hits[:4])}")
    own = _content_lemmas(item, span.start, span.end, ctx.stopwords)
    repeated = sorted(w for w in own & context if len(w) > 2 and w not in SCENE_VERBS)
    scene = sorted(GENERIC_LITERAL_CUES & context & _words_near(item, span))
    if repeated and scene:
        strong = True
        reasons.append(
            f"'{repeated[0]}' is mentioned again nearby, next to '{scene[0]}': it may be meant literally"
        )
    name = _name_inside(item, span, entry)
    if name:
        strong = True
        reasons.append(f"'{name}' is capitalised mid-sentence: probably a name, not the idiom's word")
    acronym = _acronym_inside(item, span, entry)
    if acronym:
        strong = True
        reasons.append(f"'{acronym}' is an acronym, not the idiom's word")
    counted = _counted(item, span)
    if counted:
        strong = True
        reasons.append(f"'{counted}' counts them: a measure, probably meant literally")
    return LiteralEvidence(reasons, strong)


#: the measure nouns an idiom may start with ("miles away", "hours on end") that a number before them
#: turns back into a measure ("it's five miles away")
MEASURE_NOUNS = frozenset(["mile", "miles", "yard", "yards", "foot", "feet", "inch", "inches", "metre", "metres",
                           "meter", "meters", "kilometre", "kilometres", "hour", "hours", "minute", "minutes",
                           "second", "seconds", "day", "days", "week", "weeks", "month", "months", "year", "years",
                           "light", "pound", "pounds", "dollar", "dollars"])
#: numbers that count (a hundred, a million miles away are the figure's own exaggeration)
COUNTING_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                            "fifteen", "twenty", "thirty", "forty", "fifty", "several", "few"])


def _counted(item: Item, span: Any) -> str:
    """The number just before a match that starts with a measure noun ("5 miles away"), else ''."""
    if span.start == 0 or item.doc[span.start].lower_ not in MEASURE_NOUNS:
        return ""
    before = item.doc[span.start - 1]
    if before.text.replace(",", "").replace(".", "").isdigit() or before.lower_ in COUNTING_WORDS:
        return f"{before.text} {item.doc[span.start].text}"
    return ""


#: verbs that head a prepositional idiom without being written in it ("sitting on the fence",
#: "stay in the red"): never a literal cue when they are the idiom's own verb
CANONICAL_HEADS = frozenset(["be", "'s", "sit", "stand", "stay", "keep", "remain", "get", "go", "come", "feel", "seem",
                             "look", "hang", "lie", "fall", "end"])
_CUE_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")


def literal_cues(entry: dict[str, Any], lemmatize: Any, *, head: str = "") -> set[str]:
    """The words (lemmas and forms) of an entry's ``literal`` list that may mark a literal reading.

    Never a word of the idiom itself ("sail" for "plain sailing") nor the verb that heads
    the match (``head``: "sat" for "sitting on the fence"); strings that are not words
    (";; British") are skipped.
    """
    own = _pattern_words(entry, lemmatize)
    if head in CANONICAL_HEADS:
        own = own | {head}
    cues: set[str] = set()
    for word in entry.get("literal", []):
        if isinstance(word, str) and _CUE_WORD.match(word):
            low = word.lower()
            lemma = lemmatize(low)
            if lemma not in own and low not in own:
                cues |= {lemma, low}
    return cues


def _head_before(item: Item, span: Any) -> str:
    """Lemma of the word that heads the match from the left: the nearest word before it, past
    adverbs ("sitting right on the fence" → sit)."""
    from .components import token_lists

    lists = token_lists(item.doc)
    k = span.start - 1
    while k >= 0 and (lists.lowers[k] in _SKIP_BEFORE_HEAD or not lists.lowers[k][:1].isalpha()):
        k -= 1
    return lists.lemmas[k] if k >= 0 else ""


_SKIP_BEFORE_HEAD = frozenset(["right", "just", "still", "firmly", "squarely", "always", "really", "now", "all", "n't",
                               "not", "never", "only", "even", "already", "totally", "completely", "so", "too"])


def _words_near(item: Item, span: Any, window: int = 6) -> set[str]:
    lo, hi = max(0, span.start - window), min(len(item.doc), span.end + window)
    return {w for t in item.doc[lo:hi] if not (span.start <= t.i < span.end) for w in (t.lemma_, t.lower_)}


def _running_words_near(ctx: Context, item: Item, span: Any, window: int, skip: frozenset[int]) -> set[str]:
    """Lemmas and forms within ``window`` tokens of the match in the running dialogue: its own line,
    continued into the end of the line before and the start of the line after (not ``skip``)."""
    words = _words_near(item, span, window)
    spill = ((item.pos - 1, window - span.start), (item.pos + 1, window - (len(item.doc) - span.end)))
    for pos, room in spill:
        if room <= 0 or not 0 <= pos < len(ctx.items) or pos in skip or ctx.items[pos].is_sdh:
            continue
        doc = ctx.items[pos].doc
        tokens = doc[max(0, len(doc) - room):] if pos < item.pos else doc[:room]
        words |= {w for t in tokens for w in (t.lemma_, t.lower_)}
    return words


#: tokens after which a capital letter is only a capital (a sentence, a quote or an address starts)
_OPENERS = frozenset([".", ",", ";", "!", "?", "…", "...", ":", '"', "“", "”", "-", "—", "–", "«", "»", "(", "[", "'", "‘"])


#: first names that are also common English words ("at Will's", "Frank's honest")
NAME_WORDS = frozenset([
    "will", "bill", "mark", "rose", "jack", "frank", "grace", "hope", "joy", "may", "sue", "pat", "rob", "art",
    "bob", "ray", "rich", "drew", "guy", "sandy", "ivy", "dawn", "faith", "max", "chase", "miles", "holly", "amber",
    "ruby", "penny", "cliff", "dean", "don", "earl", "glen", "nick", "reed", "rod", "wade", "bud", "dash", "duke",
    "hank", "chip", "buck", "brook", "june", "april", "august", "jimmy", "jerry", "sally", "barry", "kit", "win",
])


def _template_words(entry: dict[str, Any]) -> list[str]:
    """The words a template string writes ([] for a token pattern)."""
    pattern = entry["pattern"]
    return re.findall(r"[\w'’-]+", pattern) if isinstance(pattern, str) else []


def _acronym_inside(item: Item, span: Any, entry: dict[str, Any]) -> str:
    """A word in capitals inside a match written otherwise in lower case, that is not a word the
    idiom writes ("LED lights" is not "leading lights"; "on the BALL" is emphasis), in a line that is
    not written in capitals; "" when there is none."""
    written = {w.lower() for w in _template_words(entry)}
    text = item.segment.text
    if sum(ch.isupper() for ch in text) * 2 > sum(ch.isalpha() for ch in text):
        return ""  # a line in capitals (SDH, signs): its words are not acronyms
    words = [item.doc[k].text for k in range(span.start, span.end) if item.doc[k].text.isalpha()]
    if all(w.isupper() for w in words):
        return ""  # the whole phrase in capitals is emphasis ("pay you BIG TIME")
    return next((w for w in words if len(w) >= 2 and w.isupper() and w.lower() not in written), "")


def _name_inside(item: Item, span: Any, entry: dict[str, Any]) -> str:
    """A first name in the match that the idiom writes as a lower-case word ("at Will's house" is
    not "at will"): written with a capital in mid-sentence, while the rest of the match is lower
    case (a title in capitals, "Night Owl", stays the idiom); "" when there is none."""
    if not isinstance(entry["pattern"], str):
        return ""
    written = {w.lower() for w in _template_words(entry) if w.islower()}
    capitals = [k for k in range(span.start, span.end) if item.doc[k].text[:1].isupper()]
    if len(capitals) != 1 or capitals[0] == 0 or item.doc[capitals[0] - 1].text in _OPENERS:
        return ""
    text = item.doc[capitals[0]].text
    return text if text.lower() in NAME_WORDS and text.lower() in written and not text.isupper() else ""


def _lemmatizer(lang: str) -> Any:
    from .components import get_lemmatizer

    return get_lemmatizer(lang)


#: content words too common to carry a literalisation joke on their own
GENERIC_WORDS = frozenset(
    ["get", "make", "take", "come", "give", "put", "keep", "let", "say", "tell", "know", "think", "see", "look",
     "want", "need", "thing", "way", "time", "one", "two", "good", "right", "back", "like", "lot", "bit", "day",
     "man", "people", "much", "many", "more", "most", "little", "big", "new", "old", "first", "last", "long"]
)
#: replies looked at after an idiom (segments)
LITERALISE_WINDOW = 2
_LETTERS = re.compile(r"[^\W\d_]+")
_TEMPLATE_SLOTS = frozenset(["one's", "someone's", "somebody's", "someone", "somebody", "something", "oneself", "sth"])


@dataclass
class Literalised:
    """A reply that takes an idiom's words literally ("break the ice" → "There's ice in the freezer.")."""

    idiom: Item
    span: Any
    entry: dict[str, Any]
    reply: Item
    words: list[str]
    via_literal_list: bool


def has_slot(entry: dict[str, Any]) -> bool:
    """Whether an entry is a token pattern or a template with a slot (someone, one's …): words there are
    the slot's filler, not the idiom's own."""
    pattern = entry["pattern"]
    return not isinstance(pattern, str) or any(item.strip("()").lower() in _TEMPLATE_SLOTS for item in pattern.split())


def _pattern_words(entry: dict[str, Any], lemmatize: Any) -> set[str]:
    """Lemmas of the literal words an entry's pattern is made of (a hyphen's and a possessive's words
    too: "knee-jerk reaction" is made of knee, jerk and reaction; "old boys' club" of boys)."""
    pattern = entry["pattern"]
    words: list[str] = []
    if isinstance(pattern, str):
        for item in pattern.split():
            body = item.strip("()")
            if body.lower() in _TEMPLATE_SLOTS:
                continue
            words.extend(w for alternative in body.split("|") for w in _LETTERS.findall(alternative))
    else:
        for spec in pattern:
            for attr in ("LEMMA", "LOWER", "ORTH"):
                value = spec.get(attr)
                if isinstance(value, str):
                    words.append(value)
                elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                    words.extend(v for v in value["IN"] if isinstance(v, str))
    out: set[str] = set()
    for word in words:
        low = word.lower()
        if low.isalpha():
            out.add(low)
            out.add(lemmatize(low))
    return out


def literalised(ctx: Context) -> list[Literalised]:
    """Replies (the next one or two segments, any speaker) that re-use an idiom's content words.

    A content word of the matched idiom (by lemma), or a word of the entry's ``literal``
    list, re-used in a following segment that does not repeat the idiom itself marks
    the reply as wordplay on the idiom's literal sense: "bring home the bacon" →
    "Bacon's in the fridge."; "rock the boat" → "There's no boat.". Phrasal verbs are
    left out (their words are too common). The first such reply per idiom counts.
    Computed once per transcript (``ctx.cache``).
    """
    if "literalised" in ctx.cache:
        return ctx.cache["literalised"]  # type: ignore[no-any-return]
    from .components import token_lists

    lemmatize = _lemmatizer(ctx.lang)
    out: list[Literalised] = []
    dialogue = [it for it in ctx.items if not it.is_sdh]
    for k, item in enumerate(dialogue):
        for span in item.doc.spans.get("locpipe_idiom", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is None or entry["label"] == "phrasal":
                continue
            lists = token_lists(item.doc)
            own = {lists.lemmas[i] for i in range(span.start, span.end)} | {
                lists.lowers[i] for i in range(span.start, span.end)}
            words = {w for w in own & _pattern_words(entry, lemmatize)
                     if w not in ctx.stopwords and w not in GENERIC_WORDS and len(w) > 2}
            literal = literal_cues(entry, lemmatize) - ctx.stopwords
            if not words and not literal:
                continue
            for reply in dialogue[k + 1:k + 1 + LITERALISE_WINDOW]:
                if reply.pos - item.pos > LITERALISE_WINDOW + 2:
                    break  # too far (sound cues in between are fine)
                if any(s.id_ == span.id_ for s in reply.doc.spans.get("locpipe_idiom", [])):
                    break  # the idiom repeated ("pulling my leg" twice) is an echo, not a play on it
                reused = sorted(words & reply.lemmas)
                scene = sorted(literal & reply.lemmas)
                if reused or scene:
                    out.append(Literalised(item, span, entry, reply, reused or scene, not reused))
                    break
    ctx.cache["literalised"] = out
    return out


def collect(ctx: Context) -> list[Flag]:
    flags: list[Flag] = []
    replies: dict[tuple[int, int, int], int] = {
        (lit.idiom.pos, lit.span.start, lit.span.end): lit.reply.pos for lit in literalised(ctx)}
    for item in ctx.items:
        if item.is_sdh:
            continue
        for span in item.doc.spans.get("locpipe_idiom", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is None:
                continue
            label = entry["label"]
            confidence = BASE_CONFIDENCE.get(label, 0.8)
            evidence = [f"matches the {label} '{entry['pattern']}'" if isinstance(entry["pattern"], str)
                        else f"matches the {label} pattern {entry['id']}"]
            words = sum(1 for k in range(span.start, span.end) if any(c.isalnum() for c in item.doc[k].text))
            if words > len(entry["pattern"].split()) + 1 if isinstance(entry["pattern"], str) else False:
                confidence -= 0.05  # words inserted between the idiom's words
            reply = replies.get((item.pos, span.start, span.end))
            literal = literal_evidence(ctx, item, span, entry, frozenset() if reply is None else frozenset([reply]))
            if reply is not None:
                evidence.append(f"the reply '{ctx.items[reply].segment.text.strip()[:60]}' plays on its literal words")
            if literal:
                confidence = min(confidence, LITERAL_CONFIDENCE if literal.strong else FAR_LITERAL_CONFIDENCE)
                evidence.extend(literal.reasons)
            suggestion = "translate the meaning, not the words; use a target idiom of the same register if one fits"
            if entry.get("note"):
                suggestion = f"{entry['note']} — {suggestion}"
            if literal.strong:
                suggestion = "probably literal here: check before translating it as the idiom"
            elif literal:
                suggestion = f"{suggestion} (check it is not meant literally here)"
            flags.append(
                ctx.flag(
                    item, span.start_char, span.end_char, kind="idiom", label=label, rule_id=entry["id"],
                    gloss=entry["gloss"], evidence=evidence, suggestion=suggestion, confidence=confidence,
                )
            )
    return flags
