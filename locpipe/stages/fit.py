"""Fitting: put each translated segment back into its original cues, within the profile's limits.

For every segment with a translation into ``lang``:

1. split the translated text over the segment's cues, in order (a punchline
   never moves before its setup), at the word boundaries that best match each
   cue's share of the source (half by characters, half by time), preferring
   punctuation and never leaving a cue empty when that can be avoided;
2. per cue, restore the speaker turns (one line per speaker, dashes in the
   target language's style) and break the text into at most ``max_lines``
   lines of at most ``max_chars(lang)`` characters (:mod:`.linebreak`);
3. compute the reading speed and, where it is over the limit, extend the
   out-time into the free gap after the cue (keeping the minimum gap, at most
   ``profile.max_extend_ms``).

What still breaks a limit becomes a :class:`~locpipe.model.Finding`:
``fit.too-many-lines``, ``fit.too-long`` and ``fit.cps``. Cue count, order and
in-times never change.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from ..model import Cue, Finding, Segment, Transcript
from ..profiles import Profile, count_chars, cps
from .linebreak import NEVER, Token, break_cost, break_text, tokenize
from .segment import speaker_turns

SEGMENTED = ("dialogue", "sdh", "lyrics", "sign")
FIT_CHECKS = ("fit.too-many-lines", "fit.too-long", "fit.cps", "fit.empty")
# Weights for splitting a translation over cues: a cut between cues is a stronger
# boundary than a line break (BBC: one sentence or clause per subtitle), and an empty
# cue is worse than any forbidden line start.
CUT_WEIGHT = 2.0
EMPTY_COST = 2 * NEVER + 1
# Above this many tokens a segment is split proportionally instead of by search (bounded time).
MAX_SEARCH_TOKENS = 300


@dataclass
class FittedCue:
    """A cue's translated text after fitting.

    Attributes:
        cue: the cue's index.
        text: plain target text, lines joined by ``"\\n"``, speaker dashes restored.
        pieces: ``(segment id, start, end)`` ranges of ``segment.translations[lang].text``
            this cue's text came from, in order.
        end: out-time after fitting, in milliseconds (may be extended); ``None`` when untimed.
        lines: the lines of ``text``.
        cps: reading speed after fitting, in characters per second (0 when untimed).
    """

    cue: int
    text: str
    pieces: list[tuple[str, int, int]] = field(default_factory=list)
    end: int | None = None
    lines: list[str] = field(default_factory=list)
    cps: float = 0.0


@dataclass
class _Slot:
    """One segment part's target text inside a cue."""

    start: int  # the source part's start in the cue text (for ordering and turns)
    text: str
    piece: tuple[str, int, int] | None  # None: source text kept (segment not translated)


# -- splitting a translation over its cues ------------------------------------------------------


def _part_weights(transcript_cues: dict[int, Cue], seg: Segment, cue_chars: dict[int, int]) -> list[float]:
    """Each part's share of the segment: half by source characters, half by screen time."""
    chars = [max(1, p.end - p.start) for p in seg.parts]
    total_chars = sum(chars)
    durations: list[float] = []
    for part, n in zip(seg.parts, chars, strict=True):
        cue = transcript_cues[part.cue]
        dur = cue.duration
        if dur is None or dur <= 0:
            durations = []
            break
        durations.append(dur * n / max(1, cue_chars.get(part.cue, n)))
    by_chars = [n / total_chars for n in chars]
    total_dur = sum(durations)
    if not durations or total_dur <= 0:
        return by_chars
    return [0.5 * c + 0.5 * d / total_dur for c, d in zip(by_chars, durations, strict=True)]


def split_over_parts(
    text: str, weights: list[float], capacities: list[int], lang: str
) -> list[tuple[int, int]]:
    """Cut ``text`` into ``len(weights)`` consecutive ranges at word boundaries.

    Minimises the distance of each range's share of the text from its weight,
    the line-break cost of each cut (punctuation preferred), overflow of each
    range's capacity, and empty ranges. Returns ``(start, end)`` offsets into
    ``text`` (``start == end`` for an empty range).
    """
    k = len(weights)
    tokens = tokenize(text)
    n = len(tokens)
    if k == 1 or n == 0:
        whole = (tokens[0].start, tokens[-1].end) if tokens else (0, 0)
        return [whole] + [(whole[1], whole[1])] * (k - 1)
    cuts = _search_cuts(tokens, weights, capacities, lang) if n <= MAX_SEARCH_TOKENS else _proportional_cuts(
        tokens, weights
    )
    bounds = [0, *cuts, n]
    ranges: list[tuple[int, int]] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        if hi > lo:
            ranges.append((tokens[lo].start, tokens[hi - 1].end))
        else:
            pos = tokens[lo].start if lo < n else tokens[-1].end
            ranges.append((pos, pos))
    return ranges


def _proportional_cuts(tokens: list[Token], weights: list[float]) -> list[int]:
    total = sum(len(t.text) + 1 for t in tokens)
    cuts: list[int] = []
    acc, pos, target = 0.0, 0, 0.0
    for w in weights[:-1]:
        target += w * total
        while pos < len(tokens) and acc + (len(tokens[pos].text) + 1) / 2 < target:
            acc += len(tokens[pos].text) + 1
            pos += 1
        cuts.append(pos)
    return cuts


def _search_cuts(tokens: list[Token], weights: list[float], capacities: list[int], lang: str) -> list[int]:
    n, k = len(tokens), len(weights)
    prefix = [0]
    for tok in tokens:
        prefix.append(prefix[-1] + len(tok.text) + 1)
    total = prefix[-1]
    cut_cost = [0.0] * (n + 1)
    for q in range(1, n):
        cut_cost[q] = min(break_cost(tokens, q - 1, lang), NEVER)

    def chunk_cost(j: int, p: int, q: int) -> float:
        if q == p:
            return EMPTY_COST
        length = prefix[q] - prefix[p] - 1
        cost = abs((prefix[q] - prefix[p]) / total - weights[j]) * 100.0
        cost += max(0, length - capacities[j]) * 5.0
        return cost

    inf = math.inf
    dp = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    dp[0][0] = 0.0
    for j in range(k):
        last = j == k - 1
        for p in range(n + 1):
            base = dp[j][p]
            if base == inf:
                continue
            targets = [n] if last else range(p, n + 1)
            for q in targets:
                cost = base + chunk_cost(j, p, q)
                if not last and 0 < q < n:
                    cost += CUT_WEIGHT * cut_cost[q]
                if cost < dp[j + 1][q]:
                    dp[j + 1][q] = cost
                    back[j + 1][q] = p
    cuts: list[int] = []
    q = n
    for j in range(k, 0, -1):
        p = back[j][q]
        if j > 1:
            cuts.append(p)
        q = p
    cuts.reverse()
    return cuts


# -- laying out one cue -------------------------------------------------------------------------


@dataclass
class _Layout:
    lines: list[str]
    split_words: list[str]


def _layout_cue(turns: list[tuple[str, str]], width: int, max_lines: int, lang: str) -> _Layout:
    """Lay out ``(dash prefix, text)`` turns: each speaker on its own line(s)."""
    if len(turns) == 1 and not turns[0][0]:
        broken = break_text(turns[0][1], width, max_lines=max_lines, lang=lang)
        return _Layout(broken.lines, broken.split_words)
    lines: list[str] = []
    split_words: list[str] = []
    per_turn = max(1, max_lines // max(1, len(turns)))
    for prefix, text in turns:
        broken = break_text(text, max(1, width - len(prefix)), max_lines=per_turn, lang=lang)
        split_words.extend(broken.split_words)
        for k, line in enumerate(broken.lines):
            lines.append(prefix + line if k == 0 else line)
    return _Layout(lines, split_words)


def _turn_of(turns: list[tuple[int, int, bool]], pos: int) -> int:
    for k, (start, end, _) in enumerate(turns):
        if start <= pos < end:
            return k
    return max(0, len(turns) - 1)


def _normalize_space(text: str) -> str:
    return " ".join(text.split())


# -- the stage ----------------------------------------------------------------------------------


def fit(
    transcript: Transcript,
    lang: str,
    *,
    profile: Profile,
    sdh: bool | None = None,
    fps: float | None = None,
) -> list[FittedCue]:
    """Fit every segment's ``translations[lang]`` into its cues; add ``fit.*`` findings.

    ``sdh``: use the profile's SDH reading speed (default: when the transcript
    has SDH cues). ``fps``: frame rate for the minimum gap (default: the
    transcript's ``meta["fps"]``, else the profile's). Returns one
    :class:`FittedCue` per cue that has translated text, in cue order. Replaces
    earlier ``fit.*`` findings for ``lang``.
    """
    cues = {c.index: c for c in transcript.cues}
    if sdh is None:
        sdh = any(c.kind == "sdh" for c in transcript.cues)
    rate = fps or transcript.meta.get("fps") or None
    width = profile.max_chars(lang)
    max_lines = profile.max_lines
    dash_first, dash_later = profile.dash_prefixes(lang)

    # Characters of every cue that segments cover (for each part's share of its cue's time).
    cue_chars: dict[int, int] = {}
    for seg in transcript.segments:
        for part in seg.parts:
            cue_chars[part.cue] = cue_chars.get(part.cue, 0) + part.end - part.start

    slots: dict[int, list[_Slot]] = {}
    translated: set[int] = set()
    for seg in transcript.segments:
        if any(p.cue not in cues for p in seg.parts):
            continue
        translation = seg.translations.get(lang)
        if translation is None:
            for part in seg.parts:
                source = cues[part.cue].text[part.start : part.end]
                slots.setdefault(part.cue, []).append(_Slot(part.start, _normalize_space(source), None))
            continue
        weights = _part_weights(cues, seg, cue_chars)
        capacities = [
            max(1, int(width * max_lines * (p.end - p.start) / max(1, cue_chars.get(p.cue, 1))))
            for p in seg.parts
        ]
        ranges = split_over_parts(translation.text, weights, capacities, lang)
        for part, (start, end) in zip(seg.parts, ranges, strict=True):
            chunk = _normalize_space(translation.text[start:end])
            slots.setdefault(part.cue, []).append(_Slot(part.start, chunk, (seg.id, start, end)))
            translated.add(part.cue)

    transcript.findings = [
        f for f in transcript.findings if not (f.check in FIT_CHECKS and f.lang == lang)
    ]
    next_starts = _next_start_index(transcript)
    min_gap = profile.min_gap_ms(rate)
    results: list[FittedCue] = []
    for index in sorted(translated):
        cue = cues[index]
        fitted = _fit_cue(cue, slots[index], lang, width, max_lines, dash_first, dash_later, transcript)
        _fit_timing(fitted, cue, profile, lang, sdh, next_starts, min_gap, transcript)
        results.append(fitted)
    return results


def _fit_cue(
    cue: Cue,
    cue_slots: list[_Slot],
    lang: str,
    width: int,
    max_lines: int,
    dash_first: str,
    dash_later: str,
    transcript: Transcript,
) -> FittedCue:
    source_turns = speaker_turns(cue.text)
    by_turn: dict[int, list[_Slot]] = {}
    for slot in sorted(cue_slots, key=lambda s: s.start):
        by_turn.setdefault(_turn_of(source_turns, slot.start), []).append(slot)
    turn_texts: list[tuple[bool, str]] = []  # (had a dash in the source, text)
    for k in sorted(by_turn):
        text = " ".join(s.text for s in by_turn[k] if s.text)
        if text:
            turn_texts.append((source_turns[k][2] if k < len(source_turns) else False, text))
    pieces = [s.piece for s in sorted(cue_slots, key=lambda s: s.start) if s.piece is not None]

    if len(turn_texts) > 1:
        turns = [(dash_first if k == 0 else dash_later, text) for k, (_, text) in enumerate(turn_texts)]
    elif turn_texts and turn_texts[0][0]:
        turns = [(dash_later, turn_texts[0][1])]
    else:
        turns = [("", turn_texts[0][1] if turn_texts else "")]
    laid = _layout_cue(turns, width, max_lines, lang)
    lines = laid.lines
    full_text = " ".join(line.strip() for line in lines)
    cut = len(lines) > max_lines and not cue.meta.get("element")
    if cut:
        lines = _truncate(lines, width, max_lines)
    text = "\n".join(lines)
    fitted = FittedCue(cue=cue.index, text=text, pieces=pieces, end=cue.end, lines=lines)

    def add(check: str, message: str, severity: str = "functional") -> None:
        if cue.meta.get("element") and check != "fit.empty":
            return  # a screenplay element (Fountain) is not a subtitle: the script wraps its own lines
        transcript.findings.append(
            Finding(check=check, severity=severity, message=message, path=transcript.path, line=cue.line,
                    cue=cue.index, segment=pieces[0][0] if pieces else None, lang=lang)
        )

    if not text:
        add(
            "fit.empty",
            f"the {lang} translation left this cue empty (the sentence has fewer words than cues): "
            "merge the cue with its neighbour or reword the translation to fill it",
        )
    for word in laid.split_words:
        add(
            "fit.too-long",
            f"the {lang} word {word!r} ({len(word)} characters) is longer than a {width}-character line "
            f"and was split across lines: replace it with a shorter word or an abbreviation",
        )
    for n, line in enumerate(lines, start=1):
        if len(line) > width:
            add(
                "fit.too-long",
                f"line {n} has {len(line)} characters, over the {width}-character limit for {lang}: "
                f"shorten it by {len(line) - width} characters",
            )
    if cut:
        needed = len(laid.lines)
        excess = sum(len(x) for x in laid.lines[max_lines:]) + needed - max_lines
        add(
            "fit.too-many-lines",
            f"the {lang} text needs {needed} lines of at most {width} characters, over the limit of "
            f"{max_lines}, so the subtitle was cut after “{lines[-1][-30:]}”: condense it by about "
            f"{excess} characters or split the cue (full translation: “{full_text}”)",
            "critical",
        )
    elif len(lines) > max_lines:
        excess = sum(len(x) for x in lines[max_lines:]) + len(lines) - max_lines
        add(
            "fit.too-many-lines",
            f"the {lang} text needs {len(lines)} lines of at most {width} characters, over the limit of "
            f"{max_lines}: shorten it by about {excess} characters or split the cue",
        )
    return fitted


def _truncate(lines: list[str], width: int, max_lines: int) -> list[str]:
    """Keep ``max_lines`` lines, the last ending in "…" within ``width``.

    A subtitle may never show more lines than the profile allows; the cut is
    reported as a critical finding with the full text, and the full translation
    stays in the segment (JSON, review sheets) for the translator to condense.
    """
    kept = lines[:max_lines]
    last = kept[-1].rstrip()
    while len(last) + 1 > width and " " in last.strip():
        last = last.rstrip().rsplit(" ", 1)[0]
    if len(last) + 1 > width:
        last = last[: max(0, width - 1)]
    kept[-1] = last.rstrip(" ,;:") + "…"
    return kept


def _next_start_index(transcript: Transcript) -> tuple[list[int], list[int]]:
    """Sorted in-times of visible cues (comments excluded) and their cue indexes."""
    pairs = sorted((c.start, c.index) for c in transcript.cues if c.start is not None and c.kind != "comment")
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _fit_timing(
    fitted: FittedCue,
    cue: Cue,
    profile: Profile,
    lang: str,
    sdh: bool,
    next_starts: tuple[list[int], list[int]],
    min_gap: int,
    transcript: Transcript,
) -> None:
    if cue.start is None or cue.end is None:
        return
    shown = fitted.text.replace("\n", "")
    limit = profile.max_cps(lang, sdh=sdh)
    chars = count_chars(shown, profile.cps_mode)
    speed = cps(shown, cue.end - cue.start, profile.cps_mode)
    end = cue.end
    if speed > limit:
        needed = cue.start + math.ceil(chars * 1000 / limit)
        ceiling = cue.end + profile.max_extend_ms
        starts, indexes = next_starts
        k = bisect.bisect_left(starts, cue.end)
        while k < len(starts) and indexes[k] == cue.index:
            k += 1
        if k < len(starts):
            ceiling = min(ceiling, starts[k] - min_gap)
        if cue.end - cue.start <= profile.max_duration_ms:
            ceiling = min(ceiling, cue.start + profile.max_duration_ms)
        end = max(cue.end, min(needed, ceiling))
        speed = cps(shown, end - cue.start, profile.cps_mode)
    fitted.end = end
    fitted.cps = speed
    if speed > limit + 1e-9:
        extended = end - cue.end
        how = f" after extending the out-time by {extended} ms" if extended else " (no free gap to extend into)"
        over = math.ceil(chars - limit * (end - cue.start) / 1000)
        severity = "functional" if speed > limit * 1.2 else "cosmetic"
        transcript.findings.append(
            Finding(
                check="fit.cps",
                severity=severity,
                message=(
                    f"reading speed {_fmt(speed)} cps is over the {lang} limit of {_fmt(limit)} cps"
                    f"{how}: shorten the text by about {over} characters or give the cue more time"
                ),
                path=transcript.path,
                line=cue.line,
                cue=cue.index,
                segment=fitted.pieces[0][0] if fitted.pieces else None,
                lang=lang,
            )
        )


def _fmt(value: float) -> str:
    return "inf" if math.isinf(value) else f"{value:.1f}"


__all__ = ["FittedCue", "fit", "split_over_parts"]
