"""Putting a cue's markup back into its fitted translation.

Markup never goes through the engine (the segment text is plain). After
fitting, each tag of a source cue is placed on the translated cue:

- a point tag (``{\\an8}``, ``{\\pos(…)}``) at the start of the cue stays at the
  start; one at the end stays at the end;
- a span covering the whole cue (all of its text but a leading speaker dash)
  wraps the whole translated cue;
- a span covering the whole of one segment's part of the cue (one speaker of
  a two-speaker cue) wraps that segment's translated piece in the cue;
- any other span is carried by the word alignment: source cue characters →
  segment characters → source words → aligned target words → characters of
  the fitted cue (through ``FittedCue.pieces``); it wraps the target words from
  the first to the last aligned one;
- where none of that works (no alignment, the aligned words went to another
  cue), the tag is reported, never silently dropped: the caller turns each
  :class:`LostTag` into an ``mt.markup-lost`` finding.

Italics in languages that do not use them (``profile.italics_allowed(lang)``
false: ar, he, hi, ko, th, zh per Netflix) are not written; each such cue is
reported as ``mt.italics-dropped`` (info), so a reviewer can decide whether
the emphasis needs another device (quotes, a different wording).

Line breaks come back as ASS-style ``\\N``, the convention of ``Cue.raw``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Cue, Markup, Segment, Transcript

ITALIC_TAGS = {"i"}


@dataclass
class LostTag:
    """A tag that could not be placed on the translation.

    Attributes:
        markup: the source tag.
        reason: why, in words for the reviewer.
        dropped_by_profile: True when the target language does not use italics.
    """

    markup: Markup
    reason: str
    dropped_by_profile: bool = False


class SourceMap:
    """For every cue, which segment character each of its non-space characters is."""

    def __init__(self, transcript: Transcript):
        self.cue_chars: dict[int, dict[int, tuple[str, int]]] = {}
        self.segments: dict[str, Segment] = {s.id: s for s in transcript.segments}
        cues = {c.index: c for c in transcript.cues}
        for seg in transcript.segments:
            seg_positions = [i for i, ch in enumerate(seg.text) if not ch.isspace()]
            k = 0
            for part in seg.parts:
                cue = cues.get(part.cue)
                if cue is None:
                    continue
                chars = self.cue_chars.setdefault(part.cue, {})
                for pos in range(part.start, min(part.end, len(cue.text))):
                    ch = cue.text[pos]
                    if ch.isspace():
                        continue
                    # tolerant walk: find this character among the next few segment characters
                    for j in range(k, min(k + 3, len(seg_positions))):
                        if seg.text[seg_positions[j]] == ch:
                            chars[pos] = (seg.id, seg_positions[j])
                            k = j + 1
                            break

    def parts_in_cue(self, cue: Cue) -> list[tuple[str, set[int]]]:
        """(segment id, set of the cue's char positions it owns) for each segment in the cue."""
        out: dict[str, set[int]] = {}
        for pos, (sid, _) in self.cue_chars.get(cue.index, {}).items():
            out.setdefault(sid, set()).add(pos)
        return list(out.items())


def _target_map(fitted_text: str, pieces: list[tuple[str, int, int]], texts: dict[str, str]) -> dict[tuple[str, int], int]:
    """(segment id, position in its translation) → position in the fitted cue text."""
    out: dict[tuple[str, int], int] = {}
    f = 0
    for sid, start, end in pieces:
        text = texts.get(sid, "")
        for pos in range(start, min(end, len(text))):
            ch = text[pos]
            if ch.isspace():
                continue
            # skip what fitting inserted (line breaks, dashes, spaces)
            j = f
            while j < len(fitted_text) and fitted_text[j] != ch:
                j += 1
            if j < len(fitted_text):
                out[(sid, pos)] = j
                f = j + 1
    return out


def _word_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _word_at(spans: list[tuple[int, int]], pos: int) -> int | None:
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i
    return None


def _content_positions(cue: Cue) -> list[int]:
    """Positions of the cue's visible text, without leading speaker dashes of each line."""
    out = []
    line_start = True
    dash_zone = False
    for i, ch in enumerate(cue.text):
        if ch == "\n":
            line_start = True
            continue
        if line_start and ch in "-–—" :
            dash_zone = True
            line_start = False
            continue
        line_start = False
        if ch.isspace():
            continue
        if dash_zone:
            dash_zone = False
        out.append(i)
    return out


def place_markup(
    cue: Cue,
    fitted_text: str,
    pieces: list[tuple[str, int, int]],
    *,
    lang: str,
    source_map: SourceMap,
    italics_allowed: bool = True,
    flavour: str = "ass",
) -> tuple[str, list[LostTag]]:
    """The translated cue's raw text (markup re-applied, ``\\N`` line breaks) and the tags not placed.

    ``flavour`` is the markup convention of the source format
    (``locpipe.formats.markup.flavour_of``): the translated text is escaped
    for it, so a ``{`` from the engine never becomes an ASS override block.
    """
    lost: list[LostTag] = []
    events: list[tuple[int, int, int, str]] = []  # (position, phase, order, text)
    if not cue.markup:
        return _escape(fitted_text, flavour), lost
    texts: dict[str, str] = {}
    alignments: dict[str, list[Any]] = {}
    for sid, _, _ in pieces:
        seg = source_map.segments.get(sid)
        if seg is not None and lang in seg.translations:
            texts[sid] = seg.translations[lang].text
            alignments[sid] = seg.translations[lang].alignment
    tmap = _target_map(fitted_text, pieces, texts)
    content = _content_positions(cue)
    cue_chars = source_map.cue_chars.get(cue.index, {})
    visible = [i for i, ch in enumerate(fitted_text) if not ch.isspace()]
    fitted_content = [i for i in visible if not _is_inserted_dash(fitted_text, i)]
    if not fitted_content:
        fitted_content = visible

    def aligned_targets(src_positions: list[int]) -> set[int]:
        """Fitted-text positions of the target words aligned with these source cue characters."""
        per_seg: dict[str, set[int]] = {}
        for pos in src_positions:
            hit = cue_chars.get(pos)
            if hit is None:
                continue
            sid, spos = hit
            seg = source_map.segments[sid]
            w = _word_at(_word_spans(seg.text), spos)
            if w is not None:
                per_seg.setdefault(sid, set()).add(w)
        out: set[int] = set()
        for sid, words in per_seg.items():
            if sid not in texts:
                continue
            tspans = _word_spans(texts[sid])
            for pair in alignments.get(sid, []):
                s, t = int(pair[0]), int(pair[1])
                if s in words and t < len(tspans):
                    a, b = tspans[t]
                    for p in range(a, b):
                        fp = tmap.get((sid, p))
                        if fp is not None:
                            out.add(fp)
        return out

    targets: set[int]
    for order, m in enumerate(cue.markup):
        is_italic = m.tag in ITALIC_TAGS or (m.tag == "ass" and "\\i1" in m.raw)
        if is_italic and not italics_allowed:
            lost.append(LostTag(m, f"{lang} subtitles do not use italics", dropped_by_profile=True))
            continue
        if not fitted_text.strip():
            lost.append(LostTag(m, "the translated cue is empty"))
            continue
        covered = [p for p in content if m.start <= p < m.end]
        if m.start == m.end or not covered:
            # a point tag
            if not content or m.start <= content[0]:
                events.append((0, 1, order, m.raw))
            elif m.start > content[-1]:
                events.append((len(fitted_text), 1, order, m.raw))
            else:
                after = [p for p in content if p >= m.start]
                point = aligned_targets(after[:1])
                if point:
                    events.append((_word_start(fitted_text, min(point)), 1, order, m.raw))
                else:
                    lost.append(LostTag(m, "no aligned target word for its position"))
            continue
        span_len = m.end - m.start
        if len(covered) == len(content):
            a, b = 0, len(fitted_text)
        else:
            targets = set()
            partial: list[int] = []
            for sid, owned in source_map.parts_in_cue(cue):
                owned_content = [p for p in owned if p in set(content)] or sorted(owned)
                inside = [p for p in owned_content if m.start <= p < m.end]
                if not inside:
                    continue
                if len(inside) == len(owned_content):
                    # the whole of this segment's part: wrap its translated piece in this cue
                    targets.update(fp for (s, _), fp in tmap.items() if s == sid)
                else:
                    partial.extend(inside)
            if partial:
                targets |= aligned_targets(partial)
            if not targets:
                lost.append(LostTag(m, "no target word is aligned with the tagged words in this cue"))
                continue
            a = _word_start(fitted_text, min(targets))
            b = _word_end(fitted_text, max(targets))
            a, b = _trim_span(fitted_text, a, b)
            # punctuation the source tag left outside stays outside
            tagged = cue.text[covered[0] : covered[-1] + 1]
            if tagged[-1:].isalnum():
                while b > a + 1 and not fitted_text[b - 1].isalnum() and fitted_text[b - 1] in _PUNCT:
                    b -= 1
            if tagged[:1].isalnum():
                while a < b - 1 and not fitted_text[a].isalnum() and fitted_text[a] in _PUNCT:
                    a += 1
        events.append((a, 1, -span_len, m.raw))
        close = m.raw_close or (_implied_close(m) if b < len(fitted_text.rstrip()) else "")
        if close:
            events.append((b, 0, span_len, close))
    # closes (phase 0) before opens (phase 1) at one position; inner closes first, outer opens first
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out = []
    last = 0
    for pos, _, _, raw in events:
        out.append(_escape(fitted_text[last:pos], flavour))
        out.append(raw)
        last = pos
    out.append(_escape(fitted_text[last:], flavour))
    return "".join(out), lost


def _escape(text: str, flavour: str) -> str:
    """Plain translated text as raw text of ``flavour``, ``\\N`` line breaks."""
    from ..formats.markup import render

    target = {"ass": "ass", "vtt": "vtt", "html": "srt", "fountain": "fountain"}.get(flavour, "plain")
    return render(text, [], target)


def _implied_close(m: Markup) -> str:
    """The closing tag of a tag written without one (it ran to the end of the source cue)."""
    toggle = re.fullmatch(r"\{\\(i|b|u|s)1?\}", m.raw)
    if toggle:
        return "{\\" + toggle.group(1) + "0}"
    if m.tag == "color" and m.raw.startswith("{"):
        return "{\\c}"
    html_tag = re.fullmatch(r"<([A-Za-z]+)[^>]*>", m.raw)
    if html_tag:
        return f"</{html_tag.group(1)}>"
    return ""


def _is_inserted_dash(text: str, i: int) -> bool:
    return text[i] in "-–—" and (i == 0 or text[i - 1] == "\n")


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


_PUNCT = ".,;:!?…\"'«»“”‘’¿¡()[]"


def _trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """Keep a speaker dash and surrounding spaces outside a partial span."""
    while a < b and (text[a].isspace() or _is_inserted_dash(text, a)):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
