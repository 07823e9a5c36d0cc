"""Subtitle formats: SRT and WebVTT read from raw blocks (:mod:`.blocks`), the rest through pysubs2.

Readers take decoded text and return a :class:`~locpipe.model.Transcript`
plus the :class:`~locpipe.formats.blocks.Problem` list; writers return text.
SRT and WebVTT writers are locpipe's own so that a clean file round-trips byte
for byte (original indexes, timing lines, cue ids, NOTE blocks, line endings
and the file's last line break are kept); ASS/SSA and the other formats are
written by pysubs2 from the kept script info, styles and event fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..errors import FormatError, UsageError
from ..model import Cue, Transcript
from .blocks import (
    NEWLINE,
    Problem,
    fmt_srt_time,
    fmt_vtt_time,
    read_srt,
    read_vtt,
    scan_ass,
    split_lines,
)
from .cues import make_cue
from .markup import convert_raw, flavour_of

ReadResult = tuple[Transcript, list[Problem]]

#: pysubs2 format names locpipe reads through pysubs2.
PYSUBS2_READ = ("ass", "ssa", "microdvd", "mpl2", "tmp", "ttml", "sami", "json", "whisper_jax")


# --- reading ----------------------------------------------------------------


def read_srt_text(text: str, *, path: str, **_: Any) -> ReadResult:
    result = read_srt(text)
    transcript = Transcript(path=path, format="srt", meta=dict(result.meta))
    for i, rc in enumerate(result.cues):
        transcript.cues.append(make_cue(i, rc.start, rc.end, rc.raw, flavour="html", line=rc.line, meta=rc.meta))
    return transcript, result.problems


def read_vtt_text(text: str, *, path: str, **_: Any) -> ReadResult:
    result = read_vtt(text)
    transcript = Transcript(path=path, format="vtt", meta=dict(result.meta))
    for i, rc in enumerate(result.cues):
        transcript.cues.append(make_cue(i, rc.start, rc.end, rc.raw, flavour="vtt", line=rc.line, meta=rc.meta))
    return transcript, result.problems


def _color_str(color: Any) -> str:
    return f"&H{color.a:02X}{color.b:02X}{color.g:02X}{color.r:02X}"


def _style_to_dict(style: Any) -> dict[str, Any]:
    import dataclasses

    out: dict[str, Any] = {}
    for f in dataclasses.fields(style):
        value = getattr(style, f.name)
        if hasattr(value, "r") and hasattr(value, "a"):
            value = _color_str(value)
        elif hasattr(value, "value") and not isinstance(value, int | float | str | bool):
            value = value.value
        elif f.name == "alignment":
            value = int(value)
        out[f.name] = value
    return out


def _style_from_dict(data: dict[str, Any]) -> Any:
    import dataclasses

    import pysubs2
    from pysubs2.formats.substation import rgba_to_color

    names = {f.name for f in dataclasses.fields(pysubs2.SSAStyle)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue
        if key.endswith("color") and isinstance(value, str):
            value = rgba_to_color(value)
        elif key == "alignment":
            value = pysubs2.Alignment(int(value))
        kwargs[key] = value
    return pysubs2.SSAStyle(**kwargs)


def _line_map(text: str, fmt: str, count: int) -> list[int | None]:
    """1-based source line of each pysubs2 event for line-based formats (None when unsure)."""
    lines = NEWLINE.split(text)
    patterns = {
        "microdvd": r"^\s*\{-?\d+\}\{-?\d*\}",
        "mpl2": r"^\s*\[-?\d+\]\[-?\d*\]",
        "tmp": r"^\s*-?\d{1,2}:\d{1,2}:\d{1,2}[:=]",
        "ttml": r"<(?:\w+:)?p[\s>]",
        "sami": r"(?i)<sync\b",
    }
    pattern = patterns.get(fmt)
    if pattern is None:
        return [None] * count
    rx = re.compile(pattern)
    found: list[int | None] = []
    for i, line in enumerate(lines):
        if fmt == "microdvd" and re.match(r"^\s*\{1\}\{1\}\d+(?:\.\d+)?\s*$", line) and not found:
            continue  # the fps declaration, not an event
        for _ in rx.finditer(line):
            found.append(i + 1)
    if len(found) != count:
        return [None] * count
    return found


def refuse_unsafe_xml(text: str, *, path: str) -> None:
    """Refuse XML with entity declarations or external references (billion laughs, XXE) via defusedxml.

    pysubs2 parses TTML with the standard library; this check runs first, so
    no entity is ever expanded and no external file or URL is ever read. XML
    the safe parser cannot read is refused too.
    """
    from defusedxml import ElementTree as DET
    from defusedxml.common import DefusedXmlException

    try:
        DET.fromstring(text)  # str, as pysubs2 parses it: the declared encoding is not used
    except DefusedXmlException as err:
        raise FormatError(
            f"refusing unsafe XML ({type(err).__name__}: entity declarations and external references are not "
            "allowed); subtitles need neither: remove the <!DOCTYPE ...> block",
            path=path,
        ) from err
    except Exception as err:  # ParseError, LookupError (a bogus declared encoding), ...
        # refused here too: nothing the safe parser could not check reaches pysubs2's parser
        raise FormatError(f"cannot be read as ttml: {err}; check the file or pass --format", path=path) from err


_EVENT_TYPES: dict[str, type] = {"text": str, "style": str, "name": str, "effect": str, "type": str, "layer": int,
                                 "marginl": int, "marginr": int, "marginv": int, "marked": bool}


_KIND_NAMES = {str: "text", int: "a whole number", bool: "true or false"}


def _check_json_events(events: list[Any], path: str) -> None:
    """pysubs2's JSON reader takes event fields as they come: make times whole milliseconds, refuse wrong types."""
    import math

    for n, ev in enumerate(events, start=1):
        for name in ("start", "end"):
            value = getattr(ev, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise FormatError(f"event {n}: {name} {value!r} is not a time in milliseconds; fix the file", path=path)
            setattr(ev, name, round(value))
        for name, kind in _EVENT_TYPES.items():
            value = getattr(ev, name)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise FormatError(
                    f"event {n}: {name} {value!r} is not {_KIND_NAMES[kind]}; fix the file", path=path
                )


def read_pysubs2(text: str, *, path: str, fmt: str, fps: float | None = None, **_: Any) -> ReadResult:
    """Read ``fmt`` through pysubs2 (ASS/SSA event lines are checked first)."""
    import pysubs2

    problems: list[Problem] = []
    event_lines: list[int | None] | None = None
    source = text
    if fmt in ("ass", "ssa"):
        scan = scan_ass(text, fmt)
        source = scan.text
        problems = scan.problems
        event_lines = list(scan.event_lines)
    if fmt == "ttml":
        refuse_unsafe_xml(text, path=path)
    negative: list[tuple[bool, bool]] = []
    fps_assumed = False
    if fmt == "microdvd":
        from .microdvd import scan_microdvd

        mdvd = scan_microdvd(text, fps)
        source, fps, problems = mdvd.text, mdvd.fps, mdvd.problems
        event_lines = list(mdvd.event_lines)
        negative = mdvd.negative
        fps_assumed = mdvd.fps_source == "assumed"
    try:
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            subs = pysubs2.SSAFile.from_string(source, format_=fmt, fps=fps)
        for message in dict.fromkeys(str(w.message) for w in caught):
            problems.append(Problem(None, f"pysubs2: {message}", "parse.warning"))
    except Exception as err:  # pysubs2 raises ValueError, KeyError, ... on broken input
        raise FormatError(
            f"cannot be read as {fmt}: {err}; check the file or pass --format", path=path
        ) from err
    if fmt == "json":
        _check_json_events(subs.events, path)
    if negative and len(negative) == len(subs.events):
        for ev, (neg_start, neg_end) in zip(subs.events, negative, strict=True):
            ev.start = -ev.start if neg_start else ev.start
            ev.end = -ev.end if neg_end else ev.end
    if event_lines is None or len(event_lines) != len(subs.events):
        event_lines = _line_map(text, fmt, len(subs.events))
    transcript = Transcript(path=path, format=fmt)
    if fmt in ("ass", "ssa"):
        # pysubs2 always writes ScriptType; record it so a round trip keeps the info equal
        transcript.meta["info"] = {**dict(subs.info), "ScriptType": subs.info.get("ScriptType") or (
            "v4.00+" if fmt == "ass" else "v4.00")}
        transcript.meta["styles"] = {name: _style_to_dict(st) for name, st in subs.styles.items()}
        if subs.aegisub_project:
            transcript.meta["aegisub_project"] = dict(subs.aegisub_project)
        if subs.fonts_opaque:
            transcript.meta["fonts"] = {k: list(v) for k, v in subs.fonts_opaque.items()}
        if subs.graphics_opaque:
            transcript.meta["graphics"] = {k: list(v) for k, v in subs.graphics_opaque.items()}
    if subs.fps:
        transcript.meta["fps"] = subs.fps
    elif fps:
        transcript.meta["fps"] = fps
    if fps_assumed:
        transcript.meta["fps_assumed"] = True
    for i, ev in enumerate(subs.events):
        if (ev.start < 0 or ev.end < 0) and not ev.is_comment:
            problems.append(
                Problem(event_lines[i], "negative time; read as written, but every writer clamps it to 0: fix it")
            )
        meta = {
            "layer": ev.layer,
            "marginl": ev.marginl,
            "marginr": ev.marginr,
            "marginv": ev.marginv,
            "effect": ev.effect,
        }
        if fmt == "ssa":
            meta["marked"] = ev.marked
        transcript.cues.append(
            make_cue(
                i,
                ev.start,
                ev.end,
                ev.text,
                flavour="ass",
                style=ev.style,
                speaker=ev.name,
                line=event_lines[i],
                meta=meta,
                comment=ev.is_comment,
                name_prefix=fmt not in ("ass", "ssa"),
            )
        )
    return transcript, problems


# --- writing ----------------------------------------------------------------


def _cue_text(transcript: Transcript, cue: Cue, lang: str | None) -> tuple[str, int | None]:
    """Raw text (source markup convention) and out-time to write for ``cue``."""
    raw, end = cue.raw, cue.end
    if lang is not None:
        texts = transcript.cue_translations.get(lang)
        if texts is None:
            raise UsageError(
                f"has no translation into {lang!r} (known: {', '.join(sorted(transcript.cue_translations)) or 'none'}); "
                "translate it first",
                path=transcript.path,
            )
        if cue.index < len(texts) and texts[cue.index] is not None:
            raw = texts[cue.index] or ""
        ends = transcript.cue_end_times.get(lang) or []
        if cue.index < len(ends) and ends[cue.index] is not None:
            end = ends[cue.index]
    return raw, end


def _timed(transcript: Transcript, target: str) -> None:
    if any(c.start is None or c.end is None for c in transcript.cues if c.kind != "comment"):
        raise UsageError(
            f"has untimed cues (a script?) and cannot be written as {target}; write it as txt",
            path=transcript.path,
        )


def _writable(cue: Cue) -> bool:
    return cue.kind not in ("comment", "drawing")


def _text_lines(text: str) -> list[str]:
    """Lines of a cue's text for SRT/VTT: a blank line would end the cue, so empty lines are dropped."""
    return [line for line in text.split("\\N") if line.strip()]


def write_srt(transcript: Transcript, *, lang: str | None = None) -> str:
    _timed(transcript, "srt")
    same = transcript.format == "srt"
    nl = transcript.meta.get("newline", "\n") if same else "\n"
    blocks: list[str] = []
    n = 0
    for cue in transcript.cues:
        if not _writable(cue):
            continue
        n += 1
        raw, end = _cue_text(transcript, cue, lang)
        assert cue.start is not None and end is not None
        ident = str(cue.meta["id"]) if same and cue.meta.get("id") is not None else str(n)
        timing = cue.meta.get("timing") if same and end == cue.end else None
        if not timing:
            timing = f"{fmt_srt_time(cue.start)} --> {fmt_srt_time(end)}"
        text = convert_raw(raw, transcript.format, "srt")
        lines = [ident, timing] + _text_lines(text)
        blocks.append(nl.join(lines))
    tail = transcript.meta.get("tail", 1) if same else 1
    head = transcript.meta.get("head", 0) if same else 0
    if not blocks:
        return ""
    return nl * head + (nl + nl).join(blocks) + nl * tail


def write_vtt(transcript: Transcript, *, lang: str | None = None) -> str:
    _timed(transcript, "vtt")
    same = transcript.format == "vtt"
    nl = transcript.meta.get("newline", "\n") if same else "\n"
    header = transcript.meta.get("vtt_header") if same else None
    out: list[str] = [nl.join(header or ["WEBVTT"])]
    extra: dict[int, list[list[str]]] = {}
    if same:
        for block in transcript.meta.get("vtt_blocks", []):
            extra.setdefault(int(block["before"]), []).append(list(block["lines"]))
    written = 0
    for cue in transcript.cues:
        for lines in extra.pop(cue.index, []):
            out.append(nl.join(lines))
        if not _writable(cue):
            continue
        written += 1
        raw, end = _cue_text(transcript, cue, lang)
        assert cue.start is not None and end is not None
        timing = cue.meta.get("timing") if same and end == cue.end else None
        if not timing:
            timing = f"{fmt_vtt_time(cue.start)} --> {fmt_vtt_time(end)}"
            if same and cue.meta.get("settings"):
                timing += " " + cue.meta["settings"]
        text = convert_raw(raw, transcript.format, "vtt")
        lines = ([cue.meta["id"]] if same and cue.meta.get("id") else []) + [timing]
        lines += _text_lines(text)
        out.append(nl.join(lines))
    for key in sorted(extra):
        for lines in extra[key]:
            out.append(nl.join(lines))
    tail = transcript.meta.get("tail", 1) if same else 1
    return (nl + nl).join(out) + nl * tail


def _to_ssafile(transcript: Transcript, target: str, lang: str | None) -> Any:
    import pysubs2

    subs = pysubs2.SSAFile()
    meta = transcript.meta
    if transcript.format in ("ass", "ssa"):
        subs.info.clear()
        subs.info.update(meta.get("info", {}))
        subs.styles.clear()
        for name, data in meta.get("styles", {}).items():
            subs.styles[name] = _style_from_dict(data)
        subs.aegisub_project.update(meta.get("aegisub_project", {}))
        for name, lines in meta.get("fonts", {}).items():
            subs.fonts_opaque[name] = list(lines)
        for name, lines in meta.get("graphics", {}).items():
            subs.graphics_opaque[name] = list(lines)
    if meta.get("fps"):
        subs.fps = float(meta["fps"])
    keep_all = target in ("ass", "ssa")
    for cue in transcript.cues:
        if not keep_all and not _writable(cue):
            continue
        raw, end = _cue_text(transcript, cue, lang)
        text = convert_raw(raw, transcript.format, "ass")
        ev = pysubs2.SSAEvent(
            start=cue.start or 0,
            end=end or 0,
            text=text,
            style=cue.style if transcript.format in ("ass", "ssa") else (cue.style or "Default"),
            name=cue.speaker if transcript.format in ("ass", "ssa") else "",
            layer=int(cue.meta.get("layer", 0) or 0),
            marginl=int(cue.meta.get("marginl", 0) or 0),
            marginr=int(cue.meta.get("marginr", 0) or 0),
            marginv=int(cue.meta.get("marginv", 0) or 0),
            effect=str(cue.meta.get("effect", "")),
            marked=bool(cue.meta.get("marked", False)),
            type="Comment" if cue.kind == "comment" else "Dialogue",
        )
        subs.events.append(ev)
    return subs


def make_pysubs2_writer(target: str) -> Callable[..., str]:
    def write(transcript: Transcript, *, lang: str | None = None) -> str:
        _timed(transcript, target)
        subs = _to_ssafile(transcript, target, lang)
        kwargs: dict[str, Any] = {}
        if target in ("microdvd",):
            if not subs.fps:
                raise UsageError(
                    "MicroDVD needs a frame rate; pass --fps (e.g. --fps 23.976)", path=transcript.path
                )
            kwargs["fps"] = subs.fps
        try:
            text: str = subs.to_string(target, **kwargs)
        except Exception as err:  # pysubs2 raises plain exceptions for unwritable content
            raise FormatError(f"cannot be written as {target}: {err}", path=transcript.path) from err
        return text

    write.__name__ = f"write_{target}"
    return write


def guess_newline(text: str) -> str:
    return split_lines(text)[1]


__all__ = [
    "PYSUBS2_READ",
    "flavour_of",
    "make_pysubs2_writer",
    "read_pysubs2",
    "read_srt_text",
    "read_vtt_text",
    "write_srt",
    "write_vtt",
]
