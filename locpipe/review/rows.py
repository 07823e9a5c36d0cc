"""One row model shared by every review writer (HTML, XLSX, CSV, XLIFF).

A row is one cue's share of one segment (a :class:`~locpipe.model.SegmentPart`):
most cues hold one segment, so most rows are one subtitle; a cue with two
speakers gives two rows, a sentence over three cues gives three rows with the
same segment id. Rows are the unit the translator edits and the unit
``locpipe apply`` matches back (``key`` = ``<segment id>@<cue index>``).

Each row carries the source with flagged spans, every flag that starts in it
(gloss, evidence, strategies), the findings about its cue or segment, and per
target language the machine translation of this part (as :func:`fit` split
it), its confidence and alternatives, and the cue's line lengths and reading
speed before and after against the profile.

Flags and findings a reviewer marked ``ignore`` are left out of rows and
counts (see :mod:`locpipe.decisions`); :attr:`Sheet.ignored` counts them.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import FLAG_KINDS, Finding, Flag, Transcript, severity_rank
from ..profiles import Profile, cps

#: Statuses a translator can give a row (the spreadsheet drop-down).
ROW_STATUSES: tuple[str, ...] = ("todo", "ok", "changed", "query", "ignore")
SHEET_VERSION = 1


@dataclass
class Span:
    """A flagged span of a row's source text.

    Attributes:
        start: first character in :attr:`Row.source`.
        end: end, exclusive.
        kind: the flag's kind.
        label: the flag's label.
        ref: the flag's :func:`flag_ref`.
    """

    start: int
    end: int
    kind: str
    label: str
    ref: str


@dataclass
class Target:
    """One target language of a row.

    Attributes:
        lang: target language code.
        mt: this row's part of the machine translation (plain text, one line).
        confidence: 0..1 of the segment's translation (``None`` when untranslated).
        alternatives: other candidates for the whole segment.
        origin: ``mt``, ``tm``, ``review`` ... (``""`` when untranslated).
        cue_text: the whole cue after fitting (line breaks, speaker dashes).
        line_lengths: characters per line of ``cue_text``.
        cps: reading speed of the cue after fitting, characters per second.
        end: the cue's out-time after fitting, in milliseconds.
        max_chars: the profile's characters per line for ``lang``.
        max_cps: the profile's reading speed for ``lang``.
    """

    lang: str
    mt: str = ""
    confidence: float | None = None
    alternatives: list[str] = field(default_factory=list)
    origin: str = ""
    cue_text: str = ""
    line_lengths: list[int] = field(default_factory=list)
    cps: float = 0.0
    end: int | None = None
    max_chars: int = 0
    max_cps: float = 0.0

    @property
    def over_chars(self) -> bool:
        return any(n > self.max_chars for n in self.line_lengths)

    @property
    def over_cps(self) -> bool:
        return self.cps > self.max_cps + 1e-9


@dataclass
class Row:
    """One cue's share of one segment.

    Attributes:
        key: ``<segment id>@<cue index>``, what ``apply`` matches on.
        segment: segment id.
        cue: cue index (0-based); ``cue + 1`` is the number shown.
        part: this part's position in its segment (0-based) and ``parts`` their count.
        start: in-time in milliseconds (``None`` untimed); ``end`` the out-time.
        speaker, style, kind: of the cue.
        source: this part's source text (line breaks kept).
        segment_text: the whole segment's source text.
        segment_status: ``new``, ``changed``, ``unchanged`` or ``""``.
        spans: flagged spans of ``source``.
        flags: flags starting in this row (each flag is listed on one row only).
        findings: findings about this cue or segment.
        line_lengths: characters per line of the source cue; ``cps`` its reading speed.
        max_chars, max_cps: the profile's limits for the source language.
        targets: per target language.
        line: line of the cue in the source file.
        offset: where ``source`` starts in the cue's text.
        section: the scene the row belongs to — a screenplay's scene heading
            (``Cue.meta["scene"]``, Fountain); ``""`` for subtitles.
    """

    key: str
    segment: str
    cue: int
    part: int
    parts: int
    start: int | None
    end: int | None
    speaker: str
    style: str
    kind: str
    source: str
    segment_text: str
    segment_status: str = ""
    spans: list[Span] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    line_lengths: list[int] = field(default_factory=list)
    cps: float = 0.0
    max_chars: int = 0
    max_cps: float = 0.0
    targets: dict[str, Target] = field(default_factory=dict)
    line: int | None = None
    offset: int = 0
    section: str = ""

    @property
    def number(self) -> int:
        """The cue number a person sees (1-based)."""
        return self.cue + 1

    @property
    def severity(self) -> str:
        """The most severe severity among the row's flags and findings (``""`` when none)."""
        found = [f.severity for f in self.flags] + [f.severity for f in self.findings]
        return min(found, key=severity_rank) if found else ""

    @property
    def flag_kinds(self) -> list[str]:
        """Flag kinds present in the row (flags and highlighted spans), in FLAG_KINDS order."""
        kinds = {f.kind for f in self.flags} | {s.kind for s in self.spans}
        return [k for k in FLAG_KINDS if k in kinds] + sorted(kinds - set(FLAG_KINDS))

    def pieces(self) -> list[tuple[str, list[Span], list[Span]]]:
        """The source cut at span edges: ``(text, covering spans innermost first, spans starting here)``."""
        cuts = {0, len(self.source)}
        for s in self.spans:
            cuts.update((s.start, s.end))
        edges = sorted(c for c in cuts if 0 <= c <= len(self.source))
        out: list[tuple[str, list[Span], list[Span]]] = []
        # a sweep over the spans by start (every span is open from its start to its end, an edge): not every
        # span per piece, which made a cue holding thousands of flags (one long line) quadratic
        by_start = sorted(range(len(self.spans)), key=lambda i: self.spans[i].start)
        ends: list[tuple[int, int]] = []
        active: set[int] = set()
        j = 0
        for a, b in zip(edges, edges[1:], strict=False):
            while j < len(by_start) and self.spans[by_start[j]].start <= a:
                heapq.heappush(ends, (self.spans[by_start[j]].end, by_start[j]))
                active.add(by_start[j])
                j += 1
            while ends and ends[0][0] < b:
                active.discard(heapq.heappop(ends)[1])
            covering = [self.spans[i] for i in sorted(active, key=lambda i: (self.spans[i].end - self.spans[i].start, i))]
            out.append((self.source[a:b], covering, [s for s in covering if s.start == a]))
        return out


@dataclass
class Sheet:
    """Everything a review sheet shows about one transcript.

    Attributes:
        title: the film (ASS ``Title`` or the file stem).
        path: the source path as given; ``abspath`` resolved; ``sha256`` of its bytes (``""`` if unreadable).
        format: source format; ``source_lang`` its language.
        langs: target languages (those with translations, or asked for).
        profile: the profile used for limits.
        rows: one per segment part, in cue order.
        file_findings: findings about no particular cue or segment (parse findings, ...).
        flag_counts: non-ignored flags per kind; ``finding_counts`` findings per check id.
        severity_counts: flags and findings per severity.
        ignored: flags and findings hidden by reviewer decisions.
        translated: whether any target language has machine translations.
    """

    title: str
    path: str
    abspath: str
    sha256: str
    format: str
    source_lang: str
    langs: list[str]
    profile: Profile
    rows: list[Row]
    file_findings: list[Finding]
    flag_counts: dict[str, int]
    finding_counts: dict[str, int]
    severity_counts: dict[str, int]
    ignored: int
    translated: bool

    @property
    def flags(self) -> list[Flag]:
        return [f for r in self.rows for f in r.flags]

    def meta(self) -> dict[str, Any]:
        """What a reviewed file carries to find its way back (see :mod:`locpipe.review.apply`)."""
        return {
            "locpipe_sheet": SHEET_VERSION,
            "source": self.abspath,
            "sha256": self.sha256,
            "format": self.format,
            "source_lang": self.source_lang,
            "langs": ",".join(self.langs),
            "profile": self.profile.name,
        }


def flag_ref(flag: Flag) -> str:
    """A flag's reference: ``kind:rule_id@segment`` (stable across runs on the same script)."""
    return f"{flag.kind}:{flag.rule_id}@{flag.segment}"


def finding_ref(finding: Finding) -> str:
    """A finding's reference: ``check@segment``, ``check#cue`` or ``check`` (file-level)."""
    if finding.segment:
        return f"{finding.check}@{finding.segment}"
    if finding.cue is not None:
        return f"{finding.check}#{finding.cue}"
    return finding.check


def timecode(ms: int | None) -> str:
    """``HH:MM:SS.mmm`` (``""`` when untimed)."""
    if ms is None:
        return ""
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{sign}{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def fmt_cps(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:.1f}"


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, ``""`` when it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def _title(transcript: Transcript) -> str:
    info = transcript.meta.get("info") or {}
    title = info.get("Title") if isinstance(info, dict) else None
    return str(title).strip() if title and str(title).strip() not in ("", "Default Aegisub file") else Path(
        transcript.path
    ).stem


def target_langs(transcript: Transcript) -> list[str]:
    """Languages with translations in the transcript, in first-seen order."""
    langs: dict[str, None] = {}
    for lang in transcript.cue_translations:
        if "+" not in lang:
            langs.setdefault(lang, None)
    for seg in transcript.segments:
        for lang in seg.translations:
            langs.setdefault(lang, None)
    return list(langs)


def _fitted(transcript: Transcript, lang: str, profile: Profile) -> dict[int, Any]:
    """Fit ``lang`` again (to learn which piece of each translation went to which cue).

    ``fit`` replaces the transcript's ``fit.*`` findings for ``lang``; the
    findings list is restored so building a sheet changes nothing.
    """
    from ..stages.fit import fit

    if not any(lang in s.translations for s in transcript.segments):
        return {}
    saved = list(transcript.findings)
    try:
        return {fc.cue: fc for fc in fit(transcript, lang, profile=profile)}
    finally:
        transcript.findings = saved


def build_sheet(
    transcript: Transcript, *, profile: Profile, langs: list[str] | None = None
) -> Sheet:
    """The rows and header of a review sheet for ``transcript``.

    ``langs``: target languages to show (default: those the transcript has
    translations for). Ignored flags and findings are left out.
    """
    from ..stages.segment import map_span

    langs = list(langs) if langs is not None else target_langs(transcript)
    source_lang = transcript.language or "en"
    sdh = any(c.kind == "sdh" for c in transcript.cues)
    cues = {c.index: c for c in transcript.cues}
    fitted = {lang: _fitted(transcript, lang, profile) for lang in langs}

    rows: list[Row] = []
    by_key: dict[tuple[str, int], Row] = {}
    rows_of: dict[tuple[str, int], list[Row]] = {}
    measured: dict[int, tuple[list[int], float]] = {}  # per cue, once: a cue may hold 100,000 sentences
    for seg in transcript.segments:
        for k, part in enumerate(seg.parts):
            cue = cues.get(part.cue)
            if cue is None:
                continue
            if part.cue not in measured:
                measured[part.cue] = ([len(x) for x in cue.text.split("\n")],
                                      cps(cue.text.replace("\n", ""), cue.duration, profile.cps_mode))
            line_lengths, cue_cps = measured[part.cue]
            row = Row(
                key=f"{seg.id}@{part.cue}",
                segment=seg.id,
                cue=part.cue,
                part=k,
                parts=len(seg.parts),
                start=cue.start,
                end=cue.end,
                speaker=seg.speaker or cue.speaker,
                style=cue.style,
                kind=cue.kind,
                source=cue.text[part.start : part.end],
                segment_text=seg.text,
                segment_status=seg.status,
                section=str(cue.meta.get("scene", "")),
                line_lengths=list(line_lengths),
                cps=cue_cps,
                max_chars=profile.max_chars(source_lang),
                max_cps=profile.max_cps(source_lang, sdh=sdh),
                line=cue.line,
                offset=part.start,
            )
            for lang in langs:
                row.targets[lang] = _target(seg, part.cue, lang, fitted[lang].get(part.cue), cue, profile, sdh)
            rows.append(row)
            by_key.setdefault((seg.id, part.cue), row)
            rows_of.setdefault((seg.id, part.cue), []).append(row)
    rows.sort(key=lambda r: (r.cue, r.offset))

    ignored = 0
    flag_counts: Counter[str] = Counter()
    severity_counts: Counter[str] = Counter()
    segments = {s.id: s for s in transcript.segments}
    for flag in transcript.flags:
        if flag.status == "ignore":
            ignored += 1
            continue
        flag_seg = segments.get(flag.segment)
        pieces = map_span(flag_seg, flag.start, flag.end) if flag_seg is not None else []
        first: Row | None = None
        for cue_index, a, b in pieces:
            # the row of this cue whose text holds the span (a sentence may touch a cue twice)
            holder = next((r for r in rows_of.get((flag.segment, cue_index), [])
                           if r.offset <= a < r.offset + max(1, len(r.source))), None)
            if holder is None:
                continue
            holder.spans.append(Span(a - holder.offset, b - holder.offset, flag.kind, flag.label, flag_ref(flag)))
            first = first or holder
        if first is None:  # a flag without a mappable span: put it on its segment's first row
            first = next((r for r in rows if r.segment == flag.segment), None)
        if first is None:
            continue
        first.flags.append(flag)
        flag_counts[flag.kind] += 1
        severity_counts[flag.severity] += 1

    first_of_cue: dict[int, Row] = {}
    first_of_seg: dict[str, Row] = {}
    for row in rows:
        first_of_cue.setdefault(row.cue, row)
        first_of_seg.setdefault(row.segment, row)
    file_findings: list[Finding] = []
    finding_counts: Counter[str] = Counter()
    for finding in transcript.findings:
        if finding.lang is not None and finding.lang not in langs:
            continue
        if finding.status == "ignore":
            ignored += 1
            continue
        target_row = None
        if finding.cue is not None:
            target_row = by_key.get((finding.segment or "", finding.cue)) or first_of_cue.get(finding.cue)
        if target_row is None and finding.segment:
            target_row = first_of_seg.get(finding.segment)
        if target_row is not None:
            target_row.findings.append(finding)
        else:
            file_findings.append(finding)
        finding_counts[finding.check] += 1
        severity_counts[finding.severity] += 1

    abspath = str(Path(transcript.path).resolve()) if transcript.path else ""
    return Sheet(
        title=_title(transcript),
        path=transcript.path,
        abspath=abspath,
        sha256=file_sha256(transcript.path) if transcript.path else "",
        format=transcript.format,
        source_lang=source_lang,
        langs=langs,
        profile=profile,
        rows=rows,
        file_findings=file_findings,
        flag_counts={k: flag_counts[k] for k in [*FLAG_KINDS, *sorted(set(flag_counts) - set(FLAG_KINDS))] if flag_counts[k]},
        finding_counts=dict(sorted(finding_counts.items())),
        severity_counts={k: v for k, v in sorted(severity_counts.items(), key=lambda kv: severity_rank(kv[0]))},
        ignored=ignored,
        translated=any(lang in s.translations for s in transcript.segments for lang in langs),
    )


def _target(seg: Any, cue_index: int, lang: str, fc: Any, cue: Any, profile: Profile, sdh: bool) -> Target:
    translation = seg.translations.get(lang)
    target = Target(lang=lang, max_chars=profile.max_chars(lang), max_cps=profile.max_cps(lang, sdh=sdh))
    if translation is None:
        return target
    target.confidence = translation.confidence
    target.alternatives = list(translation.alternatives)
    target.origin = translation.origin
    if fc is not None:
        target.mt = " ".join(
            " ".join(translation.text[a:b].split()) for sid, a, b in fc.pieces if sid == seg.id
        ).strip()
        target.cue_text = fc.text
        target.line_lengths = [len(x) for x in fc.lines] if fc.text else []
        target.end = fc.end
        if cue.start is not None and fc.end is not None:
            target.cps = cps(fc.text.replace("\n", ""), fc.end - cue.start, profile.cps_mode)
        else:
            target.cps = fc.cps
    elif len(seg.parts) == 1:
        target.mt = translation.text
    return target


#: Background colour per flag kind (HTML highlight, XLSX fill); every kind also gets a text label.
KIND_COLOURS: dict[str, str] = {
    "idiom": "#FDE68A",
    "culture": "#BFDBFE",
    "humor": "#FBCFE8",
    "dialect": "#BBF7D0",
    "slang": "#DDD6FE",
    "profanity": "#FECACA",
    "register": "#FED7AA",
}
OTHER_COLOUR = "#E5E7EB"


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, OTHER_COLOUR)
