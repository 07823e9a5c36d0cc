"""SRT and WebVTT read from their raw blocks; ASS event lines checked before pysubs2 sees them.

pysubs2 merges, drops or misreads malformed blocks without a word (see
``shared/reference/OFFLINE_ARGOS.md``). Here every block is looked at on its
own, so a bad block can never leak into a neighbour:

- a block is a run of non-blank lines; a timing line (``-->``) inside a block
  starts a new cue (a missing blank line is reported, the cue is recovered);
- a timestamp locpipe can read unambiguously but that is not standard
  (``00:00:01`` without milliseconds, ``00:03.50`` in WebVTT, a comma in
  WebVTT) is recovered and reported; one it cannot read drops the cue (reported);
- end before start: reported, the cue is kept as written (QC will flag it too);
- a block with no timing line (stray text, an index without timing) is left
  out and reported with its text: it is **never** appended to the previous cue;
- WebVTT ``NOTE``/``STYLE``/``REGION`` blocks are kept aside for writing back,
  never mixed into a cue.

Each problem is a :class:`Problem` with its 1-based line; the caller turns it
into a ``parse.malformed-block`` finding (or raises under ``strict``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class Problem:
    """Attributes:
    line: 1-based line in the source file.
    message: what is wrong and what locpipe did about it.
    check: finding id.
    severity: the finding's severity; ``""`` for the default (``functional`` for a malformed
        block, ``cosmetic`` otherwise).
    """

    line: int | None
    message: str
    check: str = "parse.malformed-block"
    severity: str = ""


@dataclass
class RawCue:
    """A cue read from raw blocks, before markup and kinds are worked out.

    Attributes:
        start: in-time, ms.
        end: out-time, ms.
        raw: text lines joined with ``\\N``.
        line: 1-based line of the block's first line.
        meta: ``id`` (SRT index / VTT cue id line), ``timing`` (the timing line as written),
            ``settings`` (VTT cue settings).
    """

    start: int
    end: int
    raw: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class BlockResult:
    cues: list[RawCue]
    problems: list[Problem]
    meta: dict[str, Any]


def split_lines(text: str) -> tuple[list[str], str]:
    """Lines of ``text`` and the newline style it mostly uses (``"\\n"`` or ``"\\r\\n"``)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    newline = "\r\n" if crlf > lf else "\n"
    return NEWLINE.split(text), newline


def _groups(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines as (0-based first line, lines)."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for i, line in enumerate(lines):
        if line.strip():
            if not current:
                first = i
            current.append(line)
        elif current:
            out.append((first, current))
            current = []
    if current:
        out.append((first, current))
    return out


def _tail(lines: list[str]) -> int:
    """How many line breaks follow the last non-blank line."""
    n = 0
    for line in reversed(lines):
        if line.strip():
            break
        n += 1
    return n


def _head(lines: list[str]) -> int:
    """How many blank lines come before the first non-blank line."""
    n = 0
    for line in lines:
        if line.strip():
            break
        n += 1
    return n


def _short(lines: list[str], limit: int = 60) -> str:
    text = " / ".join(ln.strip() for ln in lines)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- timestamps -------------------------------------------------------------

_SRT_TIME = re.compile(r"(\d+):(\d{2}):(\d{2})[,.](\d{3})")
_VTT_TIME = re.compile(r"(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})")
# Lenient: any h:m:s(.frac) or m:s.frac with 1-3 fraction digits, separators , . or :
_LOOSE_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.:](\d{1,3}))?$")
_ARROW = re.compile(r"\s*-{1,2}>\s*|\s*—>\s*|\s*->\s*")


def _ms(h: str | None, m: str, s: str, frac: str | None) -> int:
    frac_ms = int((frac or "0").ljust(3, "0")[:3])
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + frac_ms


def _parse_strict(value: str, pattern: re.Pattern[str]) -> int | None:
    m = pattern.fullmatch(value.strip())
    if not m:
        return None
    if int(m.group(2)) > 59 or int(m.group(3)) > 59:
        return None
    return _ms(m.group(1), m.group(2), m.group(3), m.group(4))


def _parse_loose(value: str) -> int | None:
    m = _LOOSE_TIME.fullmatch(value.strip())
    if not m:
        return None
    if int(m.group(2)) > 59 or int(m.group(3)) > 59:
        return None
    return _ms(m.group(1), m.group(2), m.group(3), m.group(4))


def fmt_srt_time(ms: int) -> str:
    ms = max(0, int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{milli:03d}"


def fmt_vtt_time(ms: int) -> str:
    return fmt_srt_time(ms).replace(",", ".")


@dataclass
class _Timing:
    start: int | None
    end: int | None
    rest: str
    note: str  # "" when standard


def _read_timing(line: str, *, vtt: bool) -> _Timing | None:
    """Read a timing line; None when it is not one at all (no arrow and no two times)."""
    strict = _VTT_TIME if vtt else _SRT_TIME
    if "-->" in line:
        left, _, right = line.partition("-->")
        right = right.strip()
        end_token, _, rest = right.partition(" ")
        if "\t" in end_token:
            end_token, _, more = end_token.partition("\t")
            rest = (more + " " + rest).strip()
        note = ""
    else:
        parts = [p for p in _ARROW.split(line.strip()) if p]
        if len(parts) < 2:
            parts = line.split()
        if len(parts) < 2 or not all(_signed(p, _parse_loose) is not None for p in parts[:2]):
            return None
        left, end_token, rest = parts[0], parts[1], " ".join(parts[2:])
        note = 'no "-->" between the times'
    negative = [t.strip() for t in (left, end_token) if t.strip().startswith("-")]
    if negative:
        # a negative time (a shifted file): read as written, like SBV; every writer clamps it to 0
        note = (note + "; " if note else "") + "negative time " + " and ".join(repr(n) for n in negative) + \
            " (kept; every writer writes it as 0: fix the timing)"
    start = _signed(left, lambda v: _parse_strict(v, strict))
    end = _signed(end_token, lambda v: _parse_strict(v, strict))
    if start is not None and end is not None:
        return _Timing(start, end, rest, note)
    loose_start = start if start is not None else _signed(left, _parse_loose)
    loose_end = end if end is not None else _signed(end_token, _parse_loose)
    if loose_start is None or loose_end is None:
        return _Timing(None, None, rest, note)
    bad = [t.strip() for t, ok in ((left, start), (end_token, end)) if ok is None]
    note = (note + "; " if note else "") + "non-standard time " + " and ".join(repr(b) for b in bad)
    return _Timing(loose_start, loose_end, rest, note)


def _signed(value: str, parse: Callable[[str], int | None]) -> int | None:
    """``parse`` of a time that may carry a leading ``-`` (negative milliseconds)."""
    value = value.strip()
    if value.startswith("-"):
        ms = parse(value[1:])
        return -ms if ms is not None else None
    return parse(value)


def _is_timing_line(line: str) -> bool:
    return "-->" in line


def _is_index(line: str) -> bool:
    return line.strip().lstrip("\ufeff").isdigit()


# --- SRT --------------------------------------------------------------------


def read_srt(text: str) -> BlockResult:
    """Parse SubRip text from its raw blocks."""
    lines, newline = split_lines(text)
    cues: list[RawCue] = []
    problems: list[Problem] = []
    for first, group in _groups(lines):
        _read_srt_group(first, group, cues, problems, vtt=False)
    meta = {"newline": newline, "tail": _tail(lines), "head": _head(lines)}
    return BlockResult(cues, problems, meta)


def _split_group(group: list[str]) -> list[tuple[int, list[str]]]:
    """Split a block where a timing line appears after a cue's text (missing blank line)."""
    cuts = [0]
    prev_timing: int | None = None
    for i, line in enumerate(group):
        if _is_timing_line(line):
            if prev_timing is not None:
                # the line before is the next cue's index when it is a number
                cut = i - 1 if i - 1 > prev_timing and _is_index(group[i - 1]) else i
                cuts.append(cut)
            prev_timing = i
    cuts.append(len(group))
    return [(cuts[k], group[cuts[k]: cuts[k + 1]]) for k in range(len(cuts) - 1) if cuts[k] < cuts[k + 1]]


def _read_srt_group(
    first: int, group: list[str], cues: list[RawCue], problems: list[Problem], *, vtt: bool
) -> None:
    pieces = _split_group(group)
    for n, (offset, piece) in enumerate(pieces):
        line_no = first + offset + 1
        if n > 0:
            problems.append(Problem(line_no, "no blank line before this cue; read as a separate cue"))
        _read_srt_piece(line_no, piece, cues, problems, vtt=vtt)


def _read_srt_piece(
    line_no: int, piece: list[str], cues: list[RawCue], problems: list[Problem], *, vtt: bool
) -> None:
    timing_at = next((i for i, ln in enumerate(piece) if _is_timing_line(ln)), None)
    if timing_at is None:
        # no arrow: maybe a timing line without "-->" right after an index (or first)
        for i in (0, 1):
            if i < len(piece) and (i == 0 or _is_index(piece[0])):
                t = _read_timing(piece[i], vtt=vtt)
                if t is not None:
                    timing_at = i
                    break
    if timing_at is None:
        if len(piece) == 1 and _is_index(piece[0]):
            problems.append(Problem(line_no, f"index {piece[0].strip()} with no timing line and no text; left out"))
        else:
            problems.append(
                Problem(
                    line_no,
                    f"text with no timing line before it, left out (not merged into the previous cue): "
                    f"{_short(piece)!r}; add an index and a timing line or remove it",
                )
            )
        return
    meta: dict[str, Any] = {}
    if timing_at == 1:
        ident = piece[0].strip()
        meta["id"] = piece[0].lstrip("\ufeff")
        if not vtt and not ident.isdigit():
            problems.append(Problem(line_no, f"index {ident!r} is not a number; read the cue anyway"))
    elif timing_at > 1:
        problems.append(
            Problem(
                line_no,
                f"{timing_at} line(s) before the timing line left out: {_short(piece[:timing_at])!r}",
            )
        )
        if _is_index(piece[timing_at - 1]):
            meta["id"] = piece[timing_at - 1]
    timing_line = piece[timing_at]
    timing_no = line_no + timing_at
    t = _read_timing(timing_line, vtt=vtt)
    if t is None or t.start is None or t.end is None:
        problems.append(
            Problem(
                timing_no,
                f"unreadable timing line {timing_line.strip()!r}; cue left out "
                f"(expected {'00:00:01.000 --> 00:00:02.000' if vtt else '00:00:01,000 --> 00:00:02,000'})",
            )
        )
        return
    if t.note:
        problems.append(Problem(timing_no, f"{t.note}: read as {fmt_srt_time(t.start)} --> {fmt_srt_time(t.end)}"))
    if t.end < t.start:
        problems.append(
            Problem(timing_no, "end time before start time; cue kept as written, fix its timing")
        )
    if not t.note:
        meta["timing"] = timing_line  # written back as is while the times are unchanged
    if vtt and t.rest:
        meta["settings"] = t.rest
    text_lines = piece[timing_at + 1:]
    cues.append(RawCue(t.start, t.end, "\\N".join(text_lines), line_no if timing_at <= 1 else timing_no, meta))


# --- WebVTT -----------------------------------------------------------------

_VTT_SPECIAL = re.compile(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)")


def read_vtt(text: str) -> BlockResult:
    """Parse WebVTT text from its raw blocks."""
    lines, newline = split_lines(text)
    cues: list[RawCue] = []
    problems: list[Problem] = []
    groups = _groups(lines)
    header: list[str] = []
    blocks: list[dict[str, Any]] = []
    gaps: list[int] = []
    if groups and groups[0][1][0].lstrip("\ufeff").startswith("WEBVTT"):
        first, header = groups.pop(0)
        # a cue glued to the header (no blank line) is split off
        timing_at = next((i for i, ln in enumerate(header) if _is_timing_line(ln)), None)
        if timing_at is not None:
            cut = timing_at - 1 if timing_at > 1 else timing_at
            groups.insert(0, (first + cut, header[cut:]))
            header = header[:cut]
            problems.append(Problem(first + cut + 1, "no blank line after the WEBVTT header; read the cue anyway"))
    else:
        problems.append(Problem(1, 'the file does not start with "WEBVTT"; read it anyway'))
    prev_end = len(header)
    for first, group in groups:
        gaps.append(first - prev_end)
        prev_end = first + len(group)
        if _VTT_SPECIAL.match(group[0]):
            blocks.append({"before": len(cues), "lines": group, "line": first + 1})
            if any(_is_timing_line(ln) for ln in group[1:]) and group[0].startswith("NOTE"):
                problems.append(
                    Problem(first + 1, "a NOTE block holds a timing line; kept as a note, no cue read from it")
                )
            continue
        _read_srt_group(first, group, cues, problems, vtt=True)
    meta = {
        "newline": newline,
        "tail": _tail(lines),
        "vtt_header": header,
        "vtt_blocks": blocks,
    }
    return BlockResult(cues, problems, meta)


# --- ASS / SSA event lines --------------------------------------------------

_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_ASS_TIME = re.compile(r"^-?\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?$")


@dataclass
class AssScan:
    """Attributes:
    text: the file with every bad event line blanked (what pysubs2 gets).
    event_lines: 1-based line of each kept Dialogue/Comment line, in order.
    problems: one per bad line.
    """

    text: str
    event_lines: list[int]
    problems: list[Problem]


_STANDARD_EVENT_FIELDS = {
    "ass": ["layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"],
    "ssa": ["marked", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"],
}
_EVENT_DEFAULTS = {"layer": "0", "marked": "Marked=0", "name": "", "style": "Default",
                   "marginl": "0", "marginr": "0", "marginv": "0", "effect": ""}


def scan_ass(text: str, fmt: str) -> AssScan:
    """Check every ``Dialogue:``/``Comment:`` line the way pysubs2 will read it.

    pysubs2 ignores the ``Format:`` line of ``[Events]`` and always splits
    events into its 10 standard fields, so a file with another field list
    (``Format: Layer, Start, End, Style, Text``) would be misread: such lines
    are rewritten into the standard order first.
    """
    lines = NEWLINE.split(text)
    standard = _STANDARD_EVENT_FIELDS["ssa" if fmt == "ssa" else "ass"]
    fields_of_file = list(standard)
    event_lines: list[int] = []
    problems: list[Problem] = []
    section = ""
    for i, line in enumerate(lines):
        stripped = line.strip()
        sec = _SECTION.match(stripped)
        if sec:
            section = sec.group(1).lower()
            continue
        if section == "events" and stripped.lower().startswith("format:"):
            names = [f.strip().lower() for f in stripped.split(":", 1)[1].split(",")]
            if "start" in names and "end" in names and names[-1] == "text":
                fields_of_file = names
            else:
                problems.append(Problem(i + 1, "[Events] Format line without Start, End and Text last; "
                                               "read events with the standard fields"))
            continue
        if not (stripped.startswith("Dialogue:") or stripped.startswith("Comment:")):
            if section == "events" and re.match(r"^(dialogue|comment)\s*:", stripped, re.I):
                problems.append(Problem(i + 1, f"event line not recognised ({stripped.split(':')[0]!r}); left out"))
            continue
        ev_type, rest = stripped.split(":", 1)
        nfields = len(fields_of_file)
        parts = rest.strip().split(",", nfields - 1)
        reason = ""
        values: dict[str, str] = {}
        if len(parts) < nfields:
            reason = f"{len(parts)} of {nfields} fields (a comma is missing); event left out"
        else:
            values = dict(zip(fields_of_file, parts, strict=True))
            start, end = values["start"].strip(), values["end"].strip()
            bad = [v for v in (start, end) if not _ASS_TIME.match(v)]
            if bad:
                reason = f"bad time {bad[0]!r} (expected H:MM:SS.cc); event left out"
            else:
                for name in ("layer", "marginl", "marginr", "marginv"):
                    value = values.get(name, "").strip()
                    if value and not re.fullmatch(r"-?\d+", value):
                        reason = f"{name} {value!r} is not a number; event left out"
                        break
        if reason:
            problems.append(Problem(i + 1, reason))
            lines[i] = ""
            continue
        if fields_of_file != standard:
            lines[i] = f"{ev_type}: " + ",".join(values.get(f, _EVENT_DEFAULTS.get(f, "")) for f in standard)
        start_ms = _ass_ms(values["start"].strip())
        end_ms = _ass_ms(values["end"].strip())
        if end_ms < start_ms:
            problems.append(Problem(i + 1, "end time before start time; event kept as written, fix its timing"))
        event_lines.append(i + 1)
    return AssScan("\n".join(lines), event_lines, problems)


def _ass_ms(value: str) -> int:
    sign = -1 if value.startswith("-") else 1
    h, m, s = value.lstrip("-").replace(",", ".").split(":")
    sec, _, frac = s.partition(".")
    return sign * _ms(h, m, sec, frac)
