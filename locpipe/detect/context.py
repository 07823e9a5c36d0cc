"""What the flag builders share: the transcript's segments with their spaCy docs, and flag construction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Cue, Flag, Segment, Transcript
from .lexicon import Lexicon

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those", "there", "here", "what", "who", "whom", "which", "when", "where", "why", "how", "not", "no", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "so", "just", "very", "too", "all", "any", "some", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "up", "out", "off", "over", "into", "about", "than", "then", "oh", "yeah", "yes", "ok", "okay", "well", "now", "get", "got", "go", "going"]
)
LAUGHTER_RE = re.compile(
    r"[\[(][^\])]*\b(?:laugh\w*|chuckl\w*|giggl\w*|snicker\w*|guffaw\w*|cackl\w*|snort\w*|rí[ea]\w*|ris[ae]s?|rires?|rit)\b[^\])]*[\])]",
    re.I,
)


@dataclass
class Item:
    """One segment being analysed.

    Attributes:
        pos: position in ``transcript.segments``.
        segment: the segment.
        doc: its spaCy Doc.
        kinds: the kinds of the cues it covers.
        lemmas: content lemmas of the segment (lowercase).
    """

    pos: int
    segment: Segment
    doc: Any
    kinds: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)

    @property
    def is_sdh(self) -> bool:
        return self.kinds <= {"sdh"} and bool(self.kinds)


@dataclass
class Context:
    """Everything a flag builder needs.

    Attributes:
        transcript: the transcript (segments filled).
        lang: source language.
        lexicon: the language's lexicon.
        items: one per segment, in order.
        cues: cue index -> cue.
        model_name: name of a trained spaCy pipeline in use, ``""`` for the blank one.
    """

    transcript: Transcript
    lang: str
    lexicon: Lexicon
    items: list[Item]
    cues: dict[int, Cue]
    model_name: str = ""
    #: results shared between flag builders (e.g. literalised idioms: humor flags them, idioms use them)
    cache: dict[str, Any] = field(default_factory=dict)

    def neighbours(self, item: Item, width: int = 1) -> list[Item]:
        """Dialogue segments around ``item`` (not including it)."""
        lo, hi = max(0, item.pos - width), min(len(self.items), item.pos + width + 1)
        return [self.items[i] for i in range(lo, hi) if i != item.pos and not self.items[i].is_sdh]

    def context_lemmas(
        self, item: Item, width: int = 1, exclude: tuple[int, int] | None = None, skip: frozenset[int] = frozenset()
    ) -> set[str]:
        """Content lemmas of the segment (minus the token range ``exclude``) and its neighbours (minus ``skip``)."""
        from .components import token_lists

        out: set[str] = set()
        lists = token_lists(item.doc)
        for i, (lower, lemma) in enumerate(zip(lists.lowers, lists.lemmas, strict=True)):
            if exclude and exclude[0] <= i < exclude[1]:
                continue
            if lemma not in STOPWORDS and lower.isalpha():
                out.add(lemma)
                out.add(lower)
        for other in self.neighbours(item, width):
            if other.pos not in skip:
                out |= other.lemmas
        return out

    def flag(
        self,
        item: Item,
        start: int,
        end: int,
        *,
        kind: str,
        label: str,
        rule_id: str,
        gloss: str = "",
        evidence: list[str] | None = None,
        suggestion: str = "",
        strategies: list[dict[str, str]] | None = None,
        confidence: float = 1.0,
        severity: str = "info",
    ) -> Flag:
        """A flag over characters [start, end) of the segment text, with the cues it touches.

        Spaces and clause punctuation at either edge are trimmed (", hen." → "hen", "partner!"
        → "partner"); the question mark that ends a whole question is kept ("Is that a recipe?").
        """
        text = item.segment.text
        start, end = trim_span(text, start, end)
        return Flag(
            kind=kind,
            label=label,
            segment=item.segment.id,
            start=start,
            end=end,
            text=text[start:end],
            rule_id=rule_id,
            gloss=gloss,
            evidence=list(evidence or []),
            suggestion=suggestion,
            strategies=list(strategies or []),
            confidence=round(max(0.0, min(1.0, confidence)), 2),
            severity=severity,
            cues=touched_cues(item.segment, start, end),
        )

    def cue_headroom(self, item: Item, start: int, end: int, max_cps: float) -> float | None:
        from .strategies import cps_headroom

        values = []
        for index in touched_cues(item.segment, start, end):
            cue = self.cues.get(index)
            if cue is None:
                continue
            value = cps_headroom(len(cue.text.replace("\n", "")), cue.duration, max_cps)
            if value is not None:
                values.append(value)
        return min(values) if values else None


#: characters trimmed from the edges of a flag's span
_EDGE_PUNCT = frozenset(" \t\n,;:.!-–—…")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without edge spaces and clause punctuation (an apostrophe or quote is kept;
    a question mark only goes from a single word)."""
    s, e = start, end
    while s < e and text[s] in _EDGE_PUNCT:
        s += 1
    while e > s and (text[e - 1] in _EDGE_PUNCT or text[e - 1] == "?" and " " not in text[s:e].strip()):
        e -= 1
    return (s, e) if s < e else (start, end)


def touched_cues(segment: Segment, start: int, end: int) -> list[int]:
    """Indexes of the cues whose parts overlap characters [start, end) of ``segment.text``.

    ``Segment.text`` is the parts' text joined with one space, so part ``k``
    starts where the previous one ended plus one.
    """
    out: list[int] = []
    offset = 0
    for part in segment.parts:
        length = part.end - part.start
        if offset < max(end, start + 1) and start < offset + length and (not out or out[-1] != part.cue):
            out.append(part.cue)
        offset += length + 1
    if not out and segment.parts:
        out.append(segment.parts[-1].cue if start >= offset - 1 else segment.parts[0].cue)
    return out


def char_span(span: Any) -> tuple[int, int]:
    """Character offsets of a spaCy span in its doc's text (= the segment text)."""
    return span.start_char, span.end_char
