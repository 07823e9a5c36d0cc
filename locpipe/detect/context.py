"""What the flag builders share: the transcript's segments with their spaCy docs, and flag construction."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, overload

from ..model import Cue, Flag, Segment, Transcript
from .lexicon import Lexicon

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those", "there", "here", "what", "who", "whom", "which", "when", "where", "why", "how", "not", "no", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "so", "just", "very", "too", "all", "any", "some", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "up", "out", "off", "over", "into", "about", "than", "then", "oh", "yeah", "yes", "ok", "okay", "well", "now", "get", "got", "go", "going"]
)


def stopwords(lang: str) -> frozenset[str]:
    """The language's function words: ours (:data:`STOPWORDS`) for English, the most frequent function
    words of dialogue for the others (:data:`locpipe.formats.language.FUNCTION_WORDS`, the lists that
    tell a file's language). Without them French "pas", "est", "une" counted as content words: a reply
    re-using "pas" was a play on the idiom 'pas question', "que c'est... une" a running gag."""
    if lang == "en":
        return STOPWORDS
    from ..formats.language import FUNCTION_WORDS

    return FUNCTION_WORDS.get(lang, STOPWORDS)


LAUGHTER_RE = re.compile(
    r"[\[(][^\])]*\b(?:laugh\w*|chuckl\w*|giggl\w*|snicker\w*|guffaw\w*|cackl\w*|snort\w*|rí[ea]\w*|ris[ae]s?|rires?|rit)\b[^\])]*[\])]",
    re.I,
)


class LightDoc:
    """What the flag builders read of a spaCy ``Doc``, kept after the Doc itself is gone.

    A parsed Doc costs about 10 KB per sentence (token structs, span groups, user data);
    keeping one per segment made detection over a 100,000-cue file hold gigabytes. This
    keeps the text, the token lists (:class:`~locpipe.detect.components.TokenLists`), one
    byte of flags per token (alphabetic, followed by a space), the ``doc.spans`` groups and
    the entities as small :class:`LightSpan` objects, and answers the part of spaCy's API
    the builders use: ``len(doc)``, ``doc[i]``, ``doc[i:j]``, iteration, ``doc.text``,
    ``doc.spans.get(key, [])``, ``doc.ents``, ``doc.user_data``; tokens have ``i``, ``text``,
    ``lower_``, ``lemma_``, ``is_alpha``, ``idx``, ``whitespace_``; spans ``start``, ``end``,
    ``start_char``, ``end_char``, ``label_``, ``id_``, ``text``, ``lemma_``.

    Anything else (a builder asking for ``token.pos_`` or ``span.root``) is answered by the
    real Doc, parsed again from the text by ``rebuild`` (the same pipeline, so the same
    result; a few recent ones are cached).
    """

    __slots__ = ("text", "lists", "flags", "spans", "ents", "rebuild")

    #: ``flags`` bits
    ALPHA = 1
    SPACE = 2

    def __init__(self, doc: Any, rebuild: Callable[[str], Any] | None = None):
        from spacy.attrs import IS_ALPHA, SPACY

        from .components import doc_text, token_lists

        self.lists = token_lists(doc)
        self.text: str = doc_text(doc)
        if self.lists.flags is not None:
            self.flags = self.lists.flags
        elif len(doc):
            array = doc.to_array([IS_ALPHA, SPACY])
            self.flags = bytes((array[:, 0] * self.ALPHA + array[:, 1] * self.SPACE).astype("uint8"))
        else:
            self.flags = b""
        self.spans: dict[str, tuple[LightSpan, ...]] = {}
        for key, group in doc.spans.items():
            if len(group):
                self.spans[sys.intern(key)] = tuple(LightSpan.of(self, span) for span in group)
        self.ents: tuple[LightSpan, ...] = tuple(LightSpan.of(self, ent) for ent in doc.ents) if doc.ents else ()
        self.rebuild = rebuild

    def __len__(self) -> int:
        return len(self.flags)

    def __iter__(self) -> Iterator[LightToken]:
        return (LightToken(self, i) for i in range(len(self.flags)))

    @overload
    def __getitem__(self, key: int) -> LightToken: ...
    @overload
    def __getitem__(self, key: slice) -> LightSpan: ...

    def __getitem__(self, key: int | slice) -> LightToken | LightSpan:
        n = len(self.flags)
        if isinstance(key, slice):
            start, end, _step = key.indices(n)
            end = max(start, end)
            start_char = self.token_start(start) if start < n else len(self.text)
            end_char = self.token_end(end - 1) if end > start else start_char
            return LightSpan(self, start, end, start_char, end_char, "", "")
        i = key + n if key < 0 else key
        if not 0 <= i < n:
            raise IndexError(f"[E040] token index {key} out of bounds ({n} tokens)")
        return LightToken(self, i)

    def release(self) -> None:
        """Drop the spans (they refer back to this doc: without this the pair waits for the garbage collector)."""
        self.spans = {}
        self.ents = ()
        self.rebuild = None

    @property
    def user_data(self) -> dict[str, Any]:
        return {"locpipe": self.lists}

    def token_start(self, i: int) -> int:
        return self.lists.starts[i]  # type: ignore[no-any-return]

    def token_end(self, i: int) -> int:
        """End (exclusive) of token ``i``'s text: the next token's start, less the space between them."""
        nxt = self.lists.starts[i + 1] if i + 1 < len(self.flags) else len(self.text)
        return nxt - (1 if self.flags[i] & self.SPACE else 0)  # type: ignore[no-any-return]

    def real(self) -> Any:
        """The spaCy Doc, parsed again (for what this class does not keep)."""
        if self.rebuild is None:
            raise AttributeError("this LightDoc keeps no pipeline to parse its text again")
        return self.rebuild(self.text)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in LightDoc.__slots__:
            raise AttributeError(name)
        return getattr(self.real(), name)

    def __repr__(self) -> str:
        return self.text


class LightToken:
    """One token of a :class:`LightDoc` (made on demand)."""

    __slots__ = ("doc", "i")

    def __init__(self, doc: LightDoc, i: int):
        self.doc = doc
        self.i = i

    @property
    def idx(self) -> int:
        return self.doc.token_start(self.i)

    @property
    def text(self) -> str:
        return self.doc.text[self.doc.token_start(self.i):self.doc.token_end(self.i)]

    @property
    def orth_(self) -> str:
        return self.text

    @property
    def lower_(self) -> str:
        return self.doc.lists.lowers[self.i]  # type: ignore[no-any-return]

    @property
    def lemma_(self) -> str:
        return self.doc.lists.lemmas[self.i]  # type: ignore[no-any-return]

    @property
    def is_alpha(self) -> bool:
        return bool(self.doc.flags[self.i] & LightDoc.ALPHA)

    @property
    def whitespace_(self) -> str:
        return " " if self.doc.flags[self.i] & LightDoc.SPACE else ""

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    def __len__(self) -> int:
        return self.doc.token_end(self.i) - self.doc.token_start(self.i)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in LightToken.__slots__:
            raise AttributeError(name)
        return getattr(self.doc.real()[self.i], name)


class LightSpan:
    """A span of a :class:`LightDoc`: a ``doc.spans`` match, an entity or a slice."""

    __slots__ = ("doc", "start", "end", "start_char", "end_char", "label_", "id_")

    def __init__(self, doc: LightDoc, start: int, end: int, start_char: int, end_char: int, label: str, span_id: str):
        self.doc = doc
        self.start = start
        self.end = end
        self.start_char = start_char
        self.end_char = end_char
        self.label_ = label
        self.id_ = span_id

    @classmethod
    def of(cls, doc: LightDoc, span: Any) -> LightSpan:
        return cls(doc, span.start, span.end, span.start_char, span.end_char, sys.intern(span.label_),
                   sys.intern(span.id_))

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char]

    @property
    def lemma_(self) -> str:
        return "".join(t.lemma_ + t.whitespace_ for t in self).strip()

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[LightToken]:
        return (LightToken(self.doc, i) for i in range(self.start, self.end))

    def __getitem__(self, key: int) -> LightToken:
        n = self.end - self.start
        i = key + n if key < 0 else key
        if not 0 <= i < n:
            raise IndexError(f"[E1002] span index {key} out of bounds ({n} tokens)")
        return LightToken(self.doc, self.start + i)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in LightSpan.__slots__:
            raise AttributeError(name)
        real = self.doc.real()
        for group in (real.spans.get(key, ()) for key in real.spans):
            for span in group:
                if (span.start, span.end, span.id_, span.label_) == (self.start, self.end, self.id_, self.label_):
                    return getattr(span, name)
        return getattr(real[self.start:self.end], name)


@dataclass
class Item:
    """One segment (or one window of a very long one) being analysed.

    Attributes:
        pos: position in :attr:`Context.items`.
        segment: the segment (a window's own segment for a very long one, see :func:`locpipe.detect.detect`).
        doc: its spaCy Doc, or the :class:`LightDoc` kept of it.
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

    @cached_property
    def stopwords(self) -> frozenset[str]:
        """The language's function words (:func:`stopwords`), looked up once: builders test every token."""
        return stopwords(self.lang)

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
            if lemma not in self.stopwords and lower.isalpha():
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

        # once per cue: a cue may be one 10 MB line holding thousands of flags
        memo: dict[tuple[int, float], float | None] = self.cache.setdefault("cue_headroom", {})
        values = []
        for index in touched_cues(item.segment, start, end):
            key = (index, max_cps)
            if key not in memo:
                cue = self.cues.get(index)
                memo[key] = None if cue is None else cps_headroom(len(cue.text.replace("\n", "")), cue.duration,
                                                                   max_cps)
            value = memo[key]
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
