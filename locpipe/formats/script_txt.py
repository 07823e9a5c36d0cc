"""Plain-text scripts: one utterance per line, an optional ``NAME: `` prefix, no timing.

Every non-blank line is one cue (``start = end = None``); a line is never
joined to the next. The speaker prefix is taken off the text and kept in
``Cue.speaker`` and, exactly as written, in ``Cue.meta["prefix"]``.

Which prefixes count: when at least half of the lines carry a capitalised
``Name:`` prefix (``Bob:``, ``Mrs Hughes:``, ``MARGARET:``), the file is a
script that names its speakers and any such prefix is taken; otherwise only
an upper-case name (``BOB:``) is, so that "Note: the shop shuts at six" stays
text. Blank lines are kept in ``Cue.meta["blank_before"]`` for writing back.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Transcript
from .blocks import Problem, split_lines
from .cues import make_cue
from .kinds import speaker_prefix

_LENIENT = re.compile(r"^(\s*)([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2})(:[ \t]+)(?=\S)")
_STRICT = re.compile(r"^(\s*)([A-Z][A-Z0-9.'\-]*(?: [A-Z0-9][A-Z0-9.'\-]*){0,2})(:[ \t]+)(?=\S)")


def read_txt(text: str, *, path: str, **_: Any) -> tuple[Transcript, list[Problem]]:
    lines, newline = split_lines(text)
    content = [ln for ln in lines if ln.strip()]
    lenient_hits = sum(1 for ln in content if _LENIENT.match(ln) and speaker_prefix(ln, lenient=True))
    lenient = bool(content) and lenient_hits * 2 >= len(content)
    transcript = Transcript(path=path, format="txt", meta={"newline": newline})
    blank = 0
    for i, line in enumerate(lines):
        if not line.strip():
            blank += 1
            continue
        meta: dict[str, Any] = {}
        if blank:
            meta["blank_before"] = blank
            blank = 0
        speaker = ""
        body = line
        m = (_LENIENT if lenient else _STRICT).match(line)
        if m and (speaker_prefix(line, lenient=True) if lenient else _strict_name_ok(m.group(2))):
            speaker = m.group(2)
            meta["prefix"] = m.group(0)
            body = line[m.end():]
        cue = make_cue(
            len(transcript.cues),
            None,
            None,
            body,
            flavour="plain",
            speaker=speaker,
            line=i + 1,
            meta=meta,
            name_prefix=False,
        )
        transcript.cues.append(cue)
    transcript.meta["tail"] = blank
    return transcript, []


def _strict_name_ok(name: str) -> bool:
    return bool(speaker_prefix(f"{name}: x"))


def write_txt(transcript: Transcript, *, lang: str | None = None) -> str:
    from .markup import flavour_of, parse_raw
    from .subtitles import _cue_text

    same = transcript.format == "txt"
    nl = transcript.meta.get("newline", "\n") if same else "\n"
    out: list[str] = []
    for cue in transcript.cues:
        if cue.kind in ("comment", "drawing"):
            continue
        raw, _end = _cue_text(transcript, cue, lang)
        text = raw if same else parse_raw(raw, flavour_of(transcript.format))[0]
        text = " ".join(part.strip() for part in text.replace("\\N", "\n").split("\n") if part.strip())
        prefix = cue.meta.get("prefix", "") if same else ""
        if not prefix and cue.speaker and not text.lstrip("-–— ").startswith(cue.speaker + ":"):
            prefix = f"{cue.speaker}: "
        if same:
            out.extend([""] * int(cue.meta.get("blank_before", 0)))
        out.append(prefix + text)
    if not out:
        return ""
    tail = transcript.meta.get("tail", 1) if same else 1
    return nl.join(out) + nl * tail
