"""SubViewer 2 (``.sub``): an ``[INFORMATION]`` header, then ``00:00:01.00,00:00:03.00`` timing lines and text.

Blocks are read like SBV's (:func:`.sbv.read_comma_blocks`): malformed blocks
are reported with their line and never merged into a neighbour. ``[br]`` is a
line break; the text may carry HTML-like ``<i>`` tags (markup flavour ``html``,
as SRT). The header (everything before the first cue) is kept as written in
``meta["head"]`` for writing back; a file written from another format gets the
usual empty header. ``.sub`` is shared with MicroDVD: the content decides
(:func:`locpipe.formats.detect_format`).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Transcript
from .blocks import Problem, split_lines
from .cues import make_cue
from .sbv import read_comma_blocks, write_comma_blocks

SUBVIEWER_TIME = r"-?\d{1,2}:\d{1,2}:\d{1,2}\.\d{1,3}"
_TIMING = re.compile(rf"^\s*({SUBVIEWER_TIME})\s*,\s*({SUBVIEWER_TIME})\s*$")
_BR = re.compile(r"\[br\]", re.I)
DEFAULT_HEAD = [
    "[INFORMATION]", "[TITLE]", "[AUTHOR]", "[SOURCE]", "[PRG]", "[FILEPATH]", "[DELAY]0", "[CD TRACK]0",
    "[COMMENT]", "[END INFORMATION]", "[SUBTITLE]", "[COLF]&HFFFFFF,[STYLE]bd,[SIZE]18,[FONT]Arial",
]


def _header_lines(lines: list[str]) -> int:
    """How many lines the header takes: bracketed lines (``[TITLE]``, ``[COLF]…``) and the blank lines after them."""
    end = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("[") and not _TIMING.match(stripped):
            end = i + 1
            continue
        break
    while end < len(lines) and not lines[end].strip():
        end += 1
    return end


def read_subviewer(text: str, *, path: str, **_: Any) -> tuple[Transcript, list[Problem]]:
    """Read SubViewer 2 text."""
    lines, newline = split_lines(text)
    header = _header_lines(lines)
    found = read_comma_blocks(text, timing=_TIMING, example="00:00:01.00,00:00:03.00", header=header)
    meta: dict[str, Any] = {"newline": newline, "tail": found.tail, "head": found.head}
    transcript = Transcript(path=path, format="subviewer", meta=meta)
    for i, rc in enumerate(found.cues):
        raw = _BR.sub(r"\\N", rc.raw)
        transcript.cues.append(make_cue(i, rc.start, rc.end, raw, flavour="html", line=rc.line, meta=rc.meta))
    return transcript, found.problems


def fmt_subviewer_time(ms: int) -> str:
    cs = (max(0, int(ms)) + 5) // 10
    h, rest = divmod(cs, 360_000)
    m, rest = divmod(rest, 6_000)
    s, cc = divmod(rest, 100)
    return f"{h:02d}:{m:02d}:{s:02d}.{cc:02d}"


def write_subviewer(transcript: Transcript, *, lang: str | None = None) -> str:
    """SubViewer 2 text; a clean SubViewer 2 file read and written again comes back byte for byte."""
    blocks, nl, tail = write_comma_blocks(transcript, "subviewer", timing=_TIMING, fmt_time=fmt_subviewer_time,
                                          body=lambda lines: ["[br]".join(lines)] if lines else [], lang=lang)
    head = list(transcript.meta.get("head") or []) if transcript.format == "subviewer" else []
    if not head:
        head = [*DEFAULT_HEAD, ""]
    out = nl.join(head)
    if blocks:
        out += (nl if head else "") + (nl + nl).join(blocks) + nl * tail
    return out


__all__ = ["read_subviewer", "write_subviewer"]
