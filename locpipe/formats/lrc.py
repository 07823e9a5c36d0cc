"""LRC lyrics (``.lrc``): ``[mm:ss.xx]`` time tags in front of lyric lines, ``[ar:Artist]``-style ID tags.

Reading:

- each time tag on a line gives a cue of kind ``lyrics`` (a chorus written once
  with several tags, ``[00:12.00][01:30.50]Chorus``, is several cues); cues are
  in time order; ``Cue.line`` is the source line;
- LRC has no out-times: a cue ends where the next line starts (a time tag with no
  text just ends the line before it); the last cue ends at the ``[length:]`` tag
  when that is later, else 4 s after it starts;
- ID tags go into ``meta["tags"]`` as written (``ar`` artist, ``ti`` title,
  ``al`` album, ``by``, ``length``, ``offset`` ...); ``[offset:+/-ms]`` is applied
  as players do (a positive offset shows the lyrics earlier) and kept in
  ``meta["offset"]``, ``[length:]`` in ``meta["length"]`` (ms);
- enhanced LRC word times (``<mm:ss.xx>`` inside a line) are dropped from the
  text, with one ``parse.warning`` note;
- a non-blank line with no time tag and no ID tag is reported with its line and left out;
  a negative time is read as written and reported.

Writing: the ID tags (same format), then one ``[mm:ss.xx]text`` line per cue
(lines of a cue joined with a space), and an empty time tag where a cue ends
before the next one starts.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Transcript
from .blocks import Problem, _short, _tail, split_lines
from .cues import make_cue
from .markup import convert_raw
from .subtitles import _cue_text, _timed, _writable

TIME_TAG = re.compile(r"\[\s*(-?)(\d{1,4}):(\d{1,2})(?:[.:](\d{1,3}))?\s*\]")
_LEADING_TAG = re.compile(r"\s*" + TIME_TAG.pattern)
_ID_TAG = re.compile(r"^\s*\[\s*([A-Za-z#][\w#-]*)\s*:([^\]]*)\]\s*$")
_WORD_TIME = re.compile(r"<\s*\d{1,4}:\d{1,2}(?:[.:]\d{1,3})?\s*>")
_TIME_VALUE = re.compile(r"(-?)(\d{1,4}):(\d{1,2})(?:[.:](\d{1,3}))?")
#: How long the last line stays up when no [length:] tag says otherwise.
LAST_LINE_MS = 4000


def _tag_ms(m: re.Match[str]) -> int | None:
    sign, minutes, seconds, frac = m.groups()
    if int(seconds) > 59:
        return None
    ms = (int(minutes) * 60 + int(seconds)) * 1000 + int((frac or "0").ljust(3, "0"))
    return -ms if sign else ms


def read_lrc(text: str, *, path: str, **_: Any) -> tuple[Transcript, list[Problem]]:
    """Read LRC text."""
    lines, newline = split_lines(text)
    problems: list[Problem] = []
    tags: dict[str, str] = {}
    entries: list[tuple[int, str, int, str]] = []  # (time as tagged, text, 1-based line, the tag as written)
    enhanced_at: int | None = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        stamps: list[tuple[int, str]] = []
        pos = 0
        bad = ""
        while (m := _LEADING_TAG.match(line, pos)) is not None:
            ms = _tag_ms(m)
            if ms is None:
                bad = m.group().strip()
            else:
                stamps.append((ms, m.group().strip()))
            pos = m.end()
        if bad and not stamps:
            problems.append(Problem(i + 1, f"unreadable time tag {bad!r}; line left out (expected [mm:ss.xx])"))
            continue
        if bad:
            problems.append(Problem(i + 1, f"unreadable time tag {bad!r} skipped; the line's other tags read"))
        if not stamps:
            id_tag = _ID_TAG.match(line)
            if id_tag:
                tags[id_tag.group(1).strip().lower()] = id_tag.group(2).strip()
                continue
            problems.append(Problem(i + 1, "text with no time tag, left out (not merged into the previous line): "
                                           f"{_short([line])!r}; add a [mm:ss.xx] tag or remove it"))
            continue
        lyric = line[pos:]
        if _WORD_TIME.search(lyric):
            enhanced_at = enhanced_at or i + 1
            lyric = re.sub(r"[ \t]{2,}", " ", _WORD_TIME.sub("", lyric))
        lyric = lyric.strip()
        if any(ms < 0 for ms, _ in stamps):
            problems.append(Problem(i + 1, "negative time; read as written, but every writer clamps it to 0: fix it"))
        for ms, written in stamps:
            entries.append((ms, lyric, i + 1, written))
    if enhanced_at is not None:
        problems.append(Problem(enhanced_at, "enhanced LRC word times (<mm:ss.xx>) ignored: each line keeps its line "
                                             "time", "parse.warning"))
    meta: dict[str, Any] = {"newline": newline, "tail": _tail(lines), "tags": tags}
    offset = 0
    if "offset" in tags:
        try:
            offset = int(tags["offset"].replace(" ", ""))
            meta["offset"] = offset
        except ValueError:
            problems.append(Problem(_tag_line(lines, "offset"), f"[offset:{tags['offset']}] is not a number of "
                                                                "milliseconds; ignored", "parse.warning"))
    length = None
    if "length" in tags:
        m = _TIME_VALUE.fullmatch(tags["length"].strip())
        length = _tag_ms(m) if m else None
        if length is None:
            problems.append(Problem(_tag_line(lines, "length"), f"[length:{tags['length']}] is not a time (mm:ss); "
                                                                "ignored", "parse.warning"))
        else:
            meta["length"] = length
    entries.sort(key=lambda e: e[0])  # stable: lines with the same time keep their order
    transcript = Transcript(path=path, format="lrc", meta=meta)
    for k, (ms, lyric, line_no, written) in enumerate(entries):
        if not lyric:
            continue  # an empty line only ends the one before it
        later = [e[0] for e in entries[k + 1:] if e[0] > ms]
        last_end = length if length is not None and length > ms else ms + LAST_LINE_MS
        end = later[0] if later else last_end
        cue = make_cue(len(transcript.cues), ms - offset, end - offset, lyric, flavour="plain", line=line_no,
                       meta={"stamp": written})
        if cue.kind != "sdh":
            cue.kind = "lyrics"
        transcript.cues.append(cue)
    return transcript, problems


def _tag_line(lines: list[str], name: str) -> int | None:
    for i, line in enumerate(lines):
        m = _ID_TAG.match(line)
        if m and m.group(1).strip().lower() == name:
            return i + 1
    return None


def fmt_lrc_time(ms: int) -> str:
    cs = (max(0, int(ms)) + 5) // 10
    m, rest = divmod(cs, 6000)
    s, cc = divmod(rest, 100)
    return f"[{m:02d}:{s:02d}.{cc:02d}]"


def write_lrc(transcript: Transcript, *, lang: str | None = None) -> str:
    """LRC text: ID tags, one time-tagged line per cue, an empty tag where a cue ends before the next starts."""
    _timed(transcript, "lrc")
    same = transcript.format == "lrc"
    nl = transcript.meta.get("newline", "\n") if same else "\n"
    tags: dict[str, str] = dict(transcript.meta.get("tags") or {}) if same else {}
    offset = int(transcript.meta.get("offset", 0) or 0) if same else 0
    length = transcript.meta.get("length") if same else None
    out = [f"[{name}:{value}]" for name, value in tags.items()]
    timed: list[tuple[int, int, str, str]] = []
    for cue in transcript.cues:
        if not _writable(cue):
            continue
        raw, end = _cue_text(transcript, cue, lang)
        assert cue.start is not None and end is not None
        text = convert_raw(raw, transcript.format, "lrc")
        text = " ".join(part.strip() for part in text.split("\\N") if part.strip())
        stamp = str(cue.meta.get("stamp", "")) if same else ""
        m = TIME_TAG.fullmatch(stamp) if stamp else None
        if m is None or _tag_ms(m) != cue.start + offset or cue.start + offset < 0:
            stamp = fmt_lrc_time(cue.start + offset)
        timed.append((cue.start, end, stamp, text))
    timed.sort(key=lambda t: t[0])
    for k, (start, end, stamp, text) in enumerate(timed):
        out.append(stamp + text)
        if k + 1 < len(timed):
            ends_early = end + 10 <= timed[k + 1][0]
        else:
            default = length - offset if length is not None and length - offset > start else start + LAST_LINE_MS
            ends_early = abs(end - default) >= 10
        if ends_early and end >= start:
            out.append(fmt_lrc_time(end + offset))
    if not out:
        return ""
    tail = transcript.meta.get("tail", 1) if same else 1
    return nl.join(out) + nl * tail


__all__ = ["read_lrc", "write_lrc"]
