"""Segmentation: turn cues into sentences (segments), the unit of detection and translation.

A subtitle sentence often runs over two or three cues, and one cue often holds
two speakers ("- Hi.\\n- Hello.") or two sentences. Translating cue by cue
translates fragments; translating segments translates sentences. Every
segment records exactly which character ranges of which cues it covers
(:class:`~locpipe.model.SegmentPart`), so translations and flags can be put
back on the right cue.

Rules (docs/ARCHITECTURE.md, "Conventions"):

- dialogue, sdh, lyrics and sign cues are segmented; karaoke, drawing and
  comment cues get no segment;
- a cue is first cut into speaker turns at lines that begin with a speaker
  dash; the dash and surrounding whitespace are never part of a segment;
- dialogue turns are cut into sentences (spaCy ``sentencizer`` on a blank
  pipeline, plus the cases it misses: ellipsis followed by a new sentence,
  CJK full stops, opening ``¿``/``¡``/quotes that it leaves on the previous
  sentence); sdh, lyrics and sign cues stay one segment per cue (or per turn);
- the last sentence of a dialogue cue is joined with the first sentence of the
  next dialogue cue when the sentence runs on (no sentence-final punctuation,
  a continuation ellipsis, or a lowercase start), the gap is at most
  ``max_gap_ms``, the speaker, style and on-screen placement are the same and
  the next cue does not start a new speaker turn with a dash. Untimed script
  lines are never joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Cue, Segment, SegmentPart, Transcript

#: Cue kinds that get segments.
SEGMENTED_KINDS: frozenset[str] = frozenset({"dialogue", "sdh", "lyrics", "sign"})
#: Cue kinds whose segments may span several cues.
JOINABLE_KINDS: frozenset[str] = frozenset({"dialogue"})

DASHES = "-\u2010\u2011\u2013\u2014\u2212"
# A speaker dash: a single dash at the start of a line (after optional blanks),
# not doubled ("--" is an interruption) and not a minus sign before a digit.
_SPEAKER_DASH = re.compile(rf"^[ \t\u00a0]*[{DASHES}](?![{DASHES}\d])[ \t\u00a0]*", re.MULTILINE)

_ELLIPSIS_END = re.compile(r"(?:\.\.\.|\u2026)[\"'\u201d\u2019\u00bb)\]]*$")
_ELLIPSIS_START = re.compile(r"^(?:\.\.\.|\u2026)")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
_FINAL = re.compile(
    r"[.!?\u2026\u3002\uff01\uff1f\u061f\u203c\u2047\u2048\u2049\u0964\u0965]"
    r"[\"'\u201d\u2019\u00bb)\]\u300d\u300f\uff09*_]*$"
)
# Opening punctuation that the sentencizer leaves at the end of the previous sentence.
_OPENERS = "\u00bf\u00a1\"'\u201c\u2018\u00ab\u201e\u201a([{\u300c\u300e\uff08"
_TRAILING_OPENERS = re.compile(rf"\s([{re.escape(_OPENERS)}]+)$")
# An ellipsis inside a sentence followed by a new sentence: "I don't know... Maybe."
_ELLIPSIS_BREAK = re.compile(
    rf"(?:\.\.\.|\u2026)(?=\s+[{re.escape(_OPENERS)}]*([^\W\d_])(\w*))"
)
# CJK full stops are not split by a blank zh/ja pipeline that tokenizes by character runs.
_CJK_BREAK = re.compile("[\u3002\uff01\uff1f]+[\u300d\u300f\uff09\"'\u201d\u2019]*(?=.)")


@dataclass
class _Unit:
    """A sentence (or a whole non-dialogue turn) inside one cue."""

    cue: int
    start: int
    end: int
    dash: bool  # the turn this unit is in starts with a speaker dash
    first_in_turn: bool
    multi_turn: bool  # the cue has more than one speaker turn


def speaker_dash_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of leading speaker dashes (dash plus the blanks around it)."""
    return [(m.start(), m.end()) for m in _SPEAKER_DASH.finditer(text) if m.end() > m.start()]


def speaker_turns(text: str) -> list[tuple[int, int, bool]]:
    """Split a cue's text into speaker turns ``(start, end, has_dash)``, whitespace trimmed.

    A new turn starts at every line that begins with a speaker dash; the text
    before the first dash line (if any) is a turn of its own. Empty turns are
    dropped.
    """
    turns: list[tuple[int, int, bool]] = []
    bounds: list[tuple[int, int, bool]] = []  # (turn start incl. dash, content start, dash)
    for m in _SPEAKER_DASH.finditer(text):
        if m.end() == m.start():
            continue
        bounds.append((m.start(), m.end(), True))
    if not bounds or bounds[0][0] > 0:
        bounds.insert(0, (0, 0, False))
    for i, (_, content, dash) in enumerate(bounds):
        stop = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        start, end = _trim(text, content, stop)
        if end > start:
            turns.append((start, end, dash))
    return turns


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=16)
def get_sentencizer(lang: str) -> Any:
    """A blank spaCy pipeline with a sentencizer for ``lang`` (``xx`` when spaCy lacks it), cached."""
    import spacy

    code = (lang or "en").split("-")[0].split("_")[0].lower()
    try:
        nlp = spacy.blank(code)
    except Exception:  # unknown code, or a language needing extra packages (ja: sudachipy)
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


# Longer turns (hostile or broken input, not dialogue) are split by a regular expression:
# spaCy refuses texts over ``nlp.max_length`` and needs memory in proportion.
MAX_SPACY_CHARS = 20_000
_REGEX_SENTENCE_END = re.compile(
    r"[.!?\u2026\u3002\uff01\uff1f\u061f]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)"
)


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _REGEX_SENTENCE_END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [t for t in (_trim(text, a, b) for a, b in spans) if t[1] > t[0]]


def _split_sentences(texts: list[str], lang: str) -> list[list[tuple[int, int]]]:
    """Sentence ranges (trimmed, end-exclusive) for each text."""
    nlp = get_sentencizer(lang)
    short = [t for t in texts if len(t) <= MAX_SPACY_CHARS]
    # Line breaks inside a turn are blanks for the sentencizer (same length: offsets stay valid).
    docs = iter(nlp.pipe((t.replace("\n", " ") for t in short), batch_size=1000))
    out: list[list[tuple[int, int]]] = []
    for text in texts:
        if len(text) <= MAX_SPACY_CHARS:
            doc = next(docs)
            spans = [_trim(text, s.start_char, s.end_char) for s in doc.sents]
        else:
            spans = _regex_sentences(text)
        spans = [s for s in spans if s[1] > s[0]]
        spans = _move_openers(text, spans)
        spans = _refine(text, spans)
        out.append(_cover_gaps(text, spans))
    return out


def _move_openers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move "¿", "¡", opening quotes left at a sentence's end to the start of the next one."""
    result = list(spans)
    for i in range(len(result) - 1):
        start, end = result[i]
        m = _TRAILING_OPENERS.search(text, start, end)
        if m and m.end() == end:
            result[i] = _trim(text, start, m.start(1))
            result[i + 1] = (m.start(1), result[i + 1][1])
    return [s for s in result if s[1] > s[0]]


def _refine(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split what the sentencizer misses: "... Maybe." and CJK full stops."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cuts: list[int] = []
        for m in _ELLIPSIS_BREAK.finditer(text, start, end):
            first, rest = m.group(1), m.group(2)
            if not first.isupper():
                continue
            before = _word_before(text, max(start, m.start() - 64), m.start())
            if before and before.lower() == (first + rest).lower():
                continue  # a stutter: "I... I don't know."
            cuts.append(m.end())
        for m in _CJK_BREAK.finditer(text, start, end):
            cuts.append(m.end())
        pos = start
        for cut in sorted(set(cuts)):
            piece = _trim(text, pos, cut)
            if piece[1] > piece[0]:
                out.append(piece)
            pos = cut
        piece = _trim(text, pos, end)
        if piece[1] > piece[0]:
            out.append(piece)
    return out


def _word_before(text: str, lo: int, hi: int) -> str:
    """The word that ends at ``hi`` (looking back no further than ``lo``), without opening punctuation."""
    k = hi
    while k > lo and not text[k - 1].isspace():
        k -= 1
    return text[k:hi].strip(_OPENERS)


def _cover_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Make sure no non-blank character falls between sentences (defensive: attach it to a neighbour)."""
    if not spans:
        start, end = _trim(text, 0, len(text))
        return [(start, end)] if end > start else []
    spans = sorted(spans)
    fixed: list[tuple[int, int]] = []
    pos = 0
    for start, end in spans:
        start = max(start, pos)
        if end <= start:
            continue
        lead = _trim(text, pos, start)
        if lead[1] > lead[0]:
            if fixed:
                fixed[-1] = (fixed[-1][0], lead[1])
            else:
                start = lead[0]
        fixed.append((start, end))
        pos = end
    tail = _trim(text, pos, len(text))
    if tail[1] > tail[0]:
        fixed[-1] = (fixed[-1][0], tail[1])
    return fixed


def _units_for_cue(cue: Cue, sentences: dict[tuple[int, int, int], list[tuple[int, int]]]) -> list[_Unit]:
    text = cue.text
    turns = speaker_turns(text)
    multi = len(turns) > 1
    units: list[_Unit] = []
    for t_start, t_end, dash in turns:
        pieces = sentences.get((cue.index, t_start, t_end), [(0, t_end - t_start)])
        for k, (s, e) in enumerate(pieces):
            units.append(_Unit(cue.index, t_start + s, t_start + e, dash, k == 0, multi))
    return units


def _starts_lowercase(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower() and unicodedata.category(ch) == "Ll"
        if ch.isdigit():
            return False
    return False


def continues(prev_text: str, next_text: str) -> bool:
    """Whether the sentence ending with ``prev_text`` runs on into ``next_text``.

    True when ``prev_text`` has no sentence-final punctuation, when it ends with
    an ellipsis and ``next_text`` picks up with an ellipsis or in lowercase, or
    when ``next_text`` starts with a continuation ellipsis or a lowercase letter.
    """
    prev_text = prev_text.rstrip()
    next_text = next_text.lstrip()
    if not prev_text or not next_text:
        return False
    next_body = _ELLIPSIS_START.sub("", next_text).lstrip(" " + _OPENERS)
    if _starts_lowercase(next_body):
        return True
    if _ELLIPSIS_END.search(prev_text):
        return bool(_ELLIPSIS_START.match(next_text))
    return not _FINAL.search(prev_text)


def _cue_order_ok(prev: Cue, nxt: Cue, max_gap_ms: int) -> bool:
    if prev.start is None or prev.end is None or nxt.start is None:
        return False  # untimed script lines are never joined
    if nxt.start < prev.start:
        return False
    # A small overlap is sloppy timing; a large one is two simultaneous lines.
    if nxt.start < prev.end - 250:
        return False
    return nxt.start - prev.end <= max_gap_ms


def segment(transcript: Transcript, *, max_gap_ms: int = 1000) -> Transcript:
    """Fill ``transcript.segments`` with sentences covering its dialogue, sdh, lyrics and sign cues.

    Replaces any existing segments (translations on them are dropped). Returns
    the same transcript for chaining.
    """
    cues = [c for c in transcript.cues if c.kind in SEGMENTED_KINDS and c.text.strip()]

    # Sentence-split every dialogue turn in one spaCy batch.
    keys: list[tuple[int, int, int]] = []
    texts: list[str] = []
    for cue in cues:
        if cue.kind not in JOINABLE_KINDS:
            continue
        for t_start, t_end, _ in speaker_turns(cue.text):
            keys.append((cue.index, t_start, t_end))
            texts.append(cue.text[t_start:t_end])
    sentences: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
    if texts:
        for key, spans in zip(keys, _split_sentences(texts, transcript.language), strict=True):
            sentences[key] = spans

    groups: list[list[_Unit]] = []
    by_index = {c.index: c for c in transcript.cues}
    prev_cue: Cue | None = None
    prev_last: _Unit | None = None
    for cue in cues:
        units = _units_for_cue(cue, sentences)
        if not units:
            continue
        first = units[0]
        if (
            prev_cue is not None
            and prev_last is not None
            and cue.kind in JOINABLE_KINDS
            and prev_cue.kind in JOINABLE_KINDS
            and _adjacent(transcript, prev_cue, cue, by_index)
            and not first.dash
            and cue.speaker == prev_cue.speaker
            and cue.style == prev_cue.style
            and _placement(cue) == _placement(prev_cue)
            and _cue_order_ok(prev_cue, cue, max_gap_ms)
            and continues(
                prev_cue.text[prev_last.start : prev_last.end], cue.text[first.start : first.end]
            )
        ):
            groups[-1].append(first)
            units = units[1:]
        for unit in units:
            groups.append([unit])
        prev_cue = cue
        prev_last = groups[-1][-1] if groups[-1][-1].cue == cue.index else None

    segments: list[Segment] = []
    for n, group in enumerate(groups, start=1):
        parts = [SegmentPart(u.cue, u.start, u.end) for u in group]
        text = " ".join(by_index[p.cue].text[p.start : p.end] for p in parts).replace("\n", " ")
        speaker = by_index[group[0].cue].speaker
        segments.append(Segment(id=f"s{n:04d}", parts=parts, text=text, speaker=speaker))
    transcript.segments = segments
    return transcript


_PLACEMENT = re.compile(r"\\(?:an?\d+|pos\([^)]*\)|move\([^)]*\))")


def _placement(cue: Cue) -> tuple[str, ...]:
    """Positioning overrides of a cue (``\\an8``, ``\\pos(...)``): text placed elsewhere is not the same line."""
    found: list[str] = []
    for m in cue.markup:
        if m.tag == "ass":
            found.extend(_PLACEMENT.findall(m.value or m.raw))
    # bottom centre is where a subtitle goes anyway
    return tuple(f for f in found if f not in ("\\an2", "\\a2"))


def _adjacent(transcript: Transcript, prev: Cue, nxt: Cue, by_index: dict[int, Cue]) -> bool:
    """True when only unsegmented cues (karaoke, drawing, comment, blank) lie between the two."""
    for index in range(prev.index + 1, nxt.index):
        between = by_index.get(index)
        if between is not None and between.kind in SEGMENTED_KINDS and between.text.strip():
            return False
    return True


def segment_offsets(seg: Segment) -> list[tuple[int, int, int]]:
    """For each part, ``(offset in seg.text, cue index, start in cue.text)``.

    ``Segment.text`` is the parts joined with one space and each line break
    replaced by one space, so offsets map one to one inside a part.
    """
    out: list[tuple[int, int, int]] = []
    pos = 0
    for part in seg.parts:
        out.append((pos, part.cue, part.start))
        pos += part.end - part.start + 1
    return out


def map_span(seg: Segment, start: int, end: int) -> list[tuple[int, int, int]]:
    """Map a character span of ``seg.text`` to ``(cue index, start, end)`` ranges of cue texts."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for part in seg.parts:
        length = part.end - part.start
        lo, hi = max(start, pos), min(end, pos + length)
        if hi > lo:
            out.append((part.cue, part.start + lo - pos, part.start + hi - pos))
        pos += length + 1
    return out


def check_segmentation_invariant(transcript: Transcript) -> list[str]:
    """Problems with ``transcript.segments`` (empty list when the invariant holds).

    Every character of a segmented cue's text that is not whitespace and not a
    leading speaker dash belongs to exactly one segment part, in order; parts
    are in range, trimmed and ordered; segment text matches the parts; only
    dialogue cues are joined; unsegmented kinds are untouched.
    """
    problems: list[str] = []
    by_index = {c.index: c for c in transcript.cues}
    owner: dict[int, list[int | None]] = {
        c.index: [None] * len(c.text) for c in transcript.cues
    }
    seen_ids: set[str] = set()
    last_part_of_cue: dict[int, tuple[int, int]] = {}  # cue -> (segment order, part end)
    for order, seg in enumerate(transcript.segments):
        if seg.id in seen_ids:
            problems.append(f"segment id {seg.id} is used twice")
        seen_ids.add(seg.id)
        if not seg.parts:
            problems.append(f"{seg.id}: no parts")
            continue
        prev: SegmentPart | None = None
        texts: list[str] = []
        for part in seg.parts:
            cue = by_index.get(part.cue)
            if cue is None:
                problems.append(f"{seg.id}: part on unknown cue {part.cue}")
                continue
            where = f"{seg.id}: cue {part.cue} [{part.start}:{part.end}]"
            if not 0 <= part.start < part.end <= len(cue.text):
                problems.append(f"{where}: range outside the cue text (length {len(cue.text)})")
                continue
            if cue.kind not in SEGMENTED_KINDS:
                problems.append(f"{where}: {cue.kind} cues get no segment")
            piece = cue.text[part.start : part.end]
            if piece != piece.strip():
                problems.append(f"{where}: part starts or ends with whitespace: {piece!r}")
            if prev is not None and (
                part.cue < prev.cue or (part.cue == prev.cue and part.start < prev.end)
            ):
                problems.append(f"{where}: parts out of order")
            prev_seen = last_part_of_cue.get(part.cue)
            if prev_seen is not None and prev_seen[0] != order and part.start < prev_seen[1]:
                problems.append(f"{where}: segments out of order within the cue")
            last_part_of_cue[part.cue] = (order, part.end)
            for i in range(part.start, part.end):
                if owner[part.cue][i] is not None:
                    problems.append(
                        f"{where}: character {i} ({cue.text[i]!r}) already in "
                        f"{transcript.segments[owner[part.cue][i]].id}"  # type: ignore[index]
                    )
                    break
                owner[part.cue][i] = order
            texts.append(piece)
            prev = part
        kinds = {by_index[c].kind for c in seg.cues if c in by_index}
        if len(seg.cues) > 1 and kinds - JOINABLE_KINDS:
            problems.append(f"{seg.id}: joins cues of kind {sorted(kinds)}; only dialogue may be joined")
        expected = " ".join(texts).replace("\n", " ")
        if seg.text != expected:
            problems.append(f"{seg.id}: text {seg.text!r} does not match its parts {expected!r}")
    for cue in transcript.cues:
        if cue.kind not in SEGMENTED_KINDS:
            continue
        dash_chars: set[int] = set()
        for start, end in speaker_dash_spans(cue.text):
            dash_chars.update(range(start, end))
        for i, ch in enumerate(cue.text):
            if ch.isspace() or i in dash_chars:
                continue
            if owner[cue.index][i] is None:
                problems.append(f"cue {cue.index}: character {i} ({ch!r}) is in no segment")
                break
    return problems


def iter_segment_cues(transcript: Transcript) -> Iterable[tuple[Segment, list[Cue]]]:
    """Each segment with its cues, in order."""
    by_index = {c.index: c for c in transcript.cues}
    for seg in transcript.segments:
        yield seg, [by_index[i] for i in seg.cues]
