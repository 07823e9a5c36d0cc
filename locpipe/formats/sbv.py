"""YouTube SBV (``.sbv``): a ``0:00:01.000,0:00:03.000`` timing line, then the text lines; blank-line separated.

The file is read from its raw blocks, the way SRT is (:mod:`.blocks`): a block
with an unreadable timing line is left out and reported with its line; text
with no timing line before it is reported and never appended to the previous
cue; a timing line inside a block (a missing blank line) starts a new cue; an
end before the start is reported and kept as written. A timing line with no
text gives an empty cue (QC reports it). Text is plain (no markup).

:func:`read_comma_blocks` does the block work for every format built this way
(SubViewer 2 too, :mod:`.subviewer`), with the format's time pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Transcript
from .blocks import Problem, RawCue, _groups, _short, _tail, split_lines
from .cues import make_cue
from .markup import convert_raw
from .subtitles import _cue_text, _timed, _writable

#: ``H:MM:SS.mmm`` (hours and fraction digits lenient, a leading ``-`` read as a negative time).
SBV_TIME = r"-?\d{1,2}:\d{1,2}:\d{1,2}\.\d{1,3}"
#: A line that is meant as a timing line: two time-like tokens around a comma.
_TIMING_LIKE = re.compile(r"^\s*-?[\d:.]*\d[\w:.]*\s*,\s*-?[\w:.]*\d[\w:.]*\s*$")
_TIME_PARTS = re.compile(r"(-?)(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})")


@dataclass
class CommaBlocks:
    """What :func:`read_comma_blocks` found.

    Attributes:
        cues: cues in file order (``raw`` lines joined with ``\\N``).
        problems: one per malformed block, with its line.
        head: the lines before the first timing line or text block (a header), without the blank lines after it.
        newline: the newline the file mostly uses.
        tail: line breaks after the last non-blank line.
    """

    cues: list[RawCue]
    problems: list[Problem]
    head: list[str]
    newline: str
    tail: int


def parse_time(value: str) -> int | None:
    """Milliseconds of ``H:MM:SS.fff`` (1-3 fraction digits, a leading ``-`` allowed); None when unreadable."""
    m = _TIME_PARTS.fullmatch(value.strip())
    if not m:
        return None
    sign, h, mi, s, frac = m.groups()
    if int(mi) > 59 or int(s) > 59:
        return None
    ms = ((int(h) * 60 + int(mi)) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0"))
    return -ms if sign else ms


def read_comma_blocks(text: str, *, timing: re.Pattern[str], example: str, header: int = 0) -> CommaBlocks:
    """Read blank-line separated blocks of a timing line ``START,END`` and text lines.

    ``timing`` matches a well-formed timing line (groups 1 and 2: the times);
    ``example`` is a good timing line for messages; the first ``header`` lines are a header, not cues.
    """
    lines, newline = split_lines(text)
    cues: list[RawCue] = []
    problems: list[Problem] = []
    for first, group in _groups(lines[header:]):
        first += header
        # a timing line inside a block starts a new cue (a blank line is missing)
        cuts = [0] + [i for i, ln in enumerate(group) if i and timing.match(ln)] + [len(group)]
        for k in range(len(cuts) - 1):
            piece = group[cuts[k]: cuts[k + 1]]
            line_no = first + cuts[k] + 1
            if k:
                problems.append(Problem(line_no, "no blank line before this cue; read as a separate cue"))
            _read_piece(piece, line_no, timing, example, cues, problems)
    return CommaBlocks(cues, problems, lines[:header], newline, _tail(lines))


def _read_piece(
    piece: list[str], line_no: int, timing: re.Pattern[str], example: str, cues: list[RawCue],
    problems: list[Problem],
) -> None:
    m = timing.match(piece[0])
    if m is None:
        if _TIMING_LIKE.match(piece[0]):
            problems.append(Problem(line_no, f"unreadable timing line {piece[0].strip()!r}; cue left out "
                                             f"(expected {example})"))
        else:
            problems.append(Problem(line_no, "text with no timing line before it, left out (not merged into the "
                                             f"previous cue): {_short(piece)!r}; add a timing line or remove it"))
        return
    start, end = parse_time(m.group(1)), parse_time(m.group(2))
    if start is None or end is None:
        problems.append(Problem(line_no, f"unreadable timing line {piece[0].strip()!r}; cue left out "
                                         f"(expected {example})"))
        return
    if start < 0 or end < 0:
        problems.append(Problem(line_no, "negative time; read as written, but every writer clamps it to 0: fix it"))
    if end < start:
        problems.append(Problem(line_no, "end time before start time; cue kept as written, fix its timing"))
    cues.append(RawCue(start, end, "\\N".join(piece[1:]), line_no, {"timing": piece[0]}))


# --- SBV ---------------------------------------------------------------------

_SBV_TIMING = re.compile(rf"^\s*({SBV_TIME})\s*,\s*({SBV_TIME})\s*$")


def read_sbv(text: str, *, path: str, **_: Any) -> tuple[Transcript, list[Problem]]:
    """Read YouTube SBV text."""
    found = read_comma_blocks(text, timing=_SBV_TIMING, example="0:00:01.000,0:00:03.000")
    transcript = Transcript(path=path, format="sbv", meta={"newline": found.newline, "tail": found.tail})
    for i, rc in enumerate(found.cues):
        transcript.cues.append(make_cue(i, rc.start, rc.end, rc.raw, flavour="plain", line=rc.line, meta=rc.meta))
    return transcript, found.problems


def fmt_sbv_time(ms: int) -> str:
    ms = max(0, int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h}:{m:02d}:{s:02d}.{milli:03d}"


def write_comma_blocks(
    transcript: Transcript, fmt: str, *, timing: re.Pattern[str], fmt_time: Callable[[int], str],
    body: Callable[[list[str]], list[str]], lang: str | None = None,
) -> tuple[list[str], str, int]:
    """The cue blocks of a ``START,END`` format (SBV, SubViewer 2), its newline and its trailing line breaks.

    A cue read from a file of the same format keeps its timing line as written while it still says
    the cue's times; any other gets one written by ``fmt_time``. ``body`` turns the cue's text
    lines into the lines written under the timing line.
    """
    _timed(transcript, fmt)
    same = transcript.format == fmt
    nl = transcript.meta.get("newline", "\n") if same else "\n"
    blocks: list[str] = []
    for cue in transcript.cues:
        if not _writable(cue):
            continue
        raw, end = _cue_text(transcript, cue, lang)
        assert cue.start is not None and end is not None
        kept = str(cue.meta.get("timing") or "") if same and end == cue.end and min(cue.start, end) >= 0 else ""
        m = timing.match(kept)
        if m is None or (parse_time(m.group(1)), parse_time(m.group(2))) != (cue.start, end):
            kept = f"{fmt_time(cue.start)},{fmt_time(end)}"
        text = convert_raw(raw, transcript.format, fmt)
        blocks.append(nl.join([kept, *body([ln for ln in text.split("\\N") if ln.strip()])]))
    return blocks, nl, transcript.meta.get("tail", 1) if same else 1


def write_sbv(transcript: Transcript, *, lang: str | None = None) -> str:
    """SBV text; a clean SBV file read and written again comes back byte for byte."""
    blocks, nl, tail = write_comma_blocks(transcript, "sbv", timing=_SBV_TIMING, fmt_time=fmt_sbv_time,
                                          body=lambda lines: lines, lang=lang)
    return (nl + nl).join(blocks) + nl * tail if blocks else ""


__all__ = ["CommaBlocks", "parse_time", "read_comma_blocks", "read_sbv", "write_comma_blocks", "write_sbv"]
