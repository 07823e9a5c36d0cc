"""Idiom flags, with a literal-use check that lowers confidence where the context is literal."""

from __future__ import annotations

from typing import Any

from ..model import Flag
from .context import STOPWORDS, Context, Item

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


def _content_lemmas(item: Item, start: int, end: int) -> set[str]:
    return {t.lemma_ for t in item.doc[start:end] if t.is_alpha and t.lemma_ not in STOPWORDS}


def literal_evidence(ctx: Context, item: Item, span: Any, entry: dict[str, Any]) -> list[str]:
    """Reasons to read the match literally (empty when the context looks figurative)."""
    reasons: list[str] = []
    lemmatize = _lemmatizer(ctx.lang)
    context = ctx.context_lemmas(item, exclude=(span.start, span.end))
    literal_words = {lemmatize(w.lower()) for w in entry.get("literal", []) if isinstance(w, str)}
    literal_words |= {w.lower() for w in entry.get("literal", []) if isinstance(w, str)}
    hits = sorted(literal_words & context)
    if hits:
        reasons.append(f"context words suggest a literal reading: {', '.join(hits[:4])}")
    own = _content_lemmas(item, span.start, span.end)
    repeated = sorted(w for w in own & context if len(w) > 2 and w not in SCENE_VERBS)
    scene = sorted(GENERIC_LITERAL_CUES & context & _words_near(item, span))
    if repeated and scene:
        reasons.append(
            f"'{repeated[0]}' is mentioned again nearby, next to '{scene[0]}': it may be meant literally"
        )
    return reasons


def _words_near(item: Item, span: Any, window: int = 6) -> set[str]:
    lo, hi = max(0, span.start - window), min(len(item.doc), span.end + window)
    return {t.lemma_ for t in item.doc[lo:hi] if not (span.start <= t.i < span.end)}


def _lemmatizer(lang: str) -> Any:
    from .components import get_lemmatizer

    return get_lemmatizer(lang)


def collect(ctx: Context) -> list[Flag]:
    flags: list[Flag] = []
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
            if len(span) > len(entry["pattern"].split()) + 1 if isinstance(entry["pattern"], str) else False:
                confidence -= 0.05  # words inserted between the idiom's words
            literal = literal_evidence(ctx, item, span, entry)
            if literal:
                confidence = min(confidence, LITERAL_CONFIDENCE)
                evidence.extend(literal)
            suggestion = "translate the meaning, not the words; use a target idiom of the same register if one fits"
            if entry.get("note"):
                suggestion = f"{entry['note']} — {suggestion}"
            if literal:
                suggestion = "probably literal here: check before translating it as the idiom"
            flags.append(
                ctx.flag(
                    item, span.start_char, span.end_char, kind="idiom", label=label, rule_id=entry["id"],
                    gloss=entry["gloss"], evidence=evidence, suggestion=suggestion, confidence=confidence,
                )
            )
    return flags
