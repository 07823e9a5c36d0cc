"""Reading and writing every subtitle and script format locpipe knows.

Public API::

    load(path, *, encoding=None, fps=None, format=None, strict=False, language="") -> Transcript
    loads(data, *, path, encoding=None, fps=None, format=None, strict=False, language="") -> Transcript
    dumps(transcript, *, format=None, lang=None) -> str
    save(transcript, path, *, format=None, lang=None, protect=(), encoding=None) -> None
    FORMATS, get_format(name), detect_format(text, path)

A format is one entry of :data:`FORMATS`: a :class:`Format` with a reader
``read(text, *, path, fps) -> (Transcript, [Problem])`` (``None`` when
write-only), a writer ``write(transcript, *, lang) -> str`` (``None`` when
read-only) and its file extensions. Registering a new one is one line::

    FORMATS["fountain"] = Format(read_fountain, write_fountain, (".fountain",))

Markup convention: ``Cue.raw`` and ``Transcript.cue_translations[lang]`` hold
text in the markup of the transcript's *source* format (HTML-like tags for
SRT/VTT, ASS override blocks for ASS/SSA and the other pysubs2 formats, none
for scripts) with ``\\N`` line breaks; writers convert it to the target format.

Writing: UTF-8 (with a BOM when the source had one and ``encoding`` is not
given), the source's line endings when writing the same format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import FormatError, LocpipeError, MalformedInputError, OutputError, UsageError
from ..io import atomic_write_bytes, read_bytes
from ..model import Finding, Transcript
from .blocks import Problem
from .encoding import decode, find_mojibake, looks_binary
from .fountain import read_fountain, write_fountain
from .language import identify
from .lrc import read_lrc, write_lrc
from .sbv import read_sbv, write_sbv
from .script_txt import read_txt, write_txt
from .subtitles import make_pysubs2_writer, read_pysubs2, read_srt_text, read_vtt_text, write_srt, write_vtt
from .subviewer import read_subviewer, write_subviewer

Reader = Callable[..., tuple[Transcript, list[Problem]]]
Writer = Callable[..., str]


@dataclass(frozen=True)
class Format:
    """Attributes:
    read: ``read(text, *, path, fps) -> (Transcript, problems)``, or None (write-only).
    write: ``write(transcript, *, lang) -> str``, or None (read-only).
    extensions: file extensions, lower case with the dot; the first is the default.
    """

    read: Reader | None
    write: Writer | None
    extensions: tuple[str, ...] = ()


def _pysubs2_reader(fmt: str) -> Reader:
    def read(text: str, *, path: str, fps: float | None = None, **_: Any) -> tuple[Transcript, list[Problem]]:
        return read_pysubs2(text, path=path, fmt=fmt, fps=fps)

    read.__name__ = f"read_{fmt}"
    return read


FORMATS: dict[str, Format] = {
    "srt": Format(read_srt_text, write_srt, (".srt",)),
    "vtt": Format(read_vtt_text, write_vtt, (".vtt", ".webvtt")),
    "ass": Format(_pysubs2_reader("ass"), make_pysubs2_writer("ass"), (".ass",)),
    "ssa": Format(_pysubs2_reader("ssa"), make_pysubs2_writer("ssa"), (".ssa",)),
    "microdvd": Format(_pysubs2_reader("microdvd"), make_pysubs2_writer("microdvd"), (".sub",)),
    "mpl2": Format(_pysubs2_reader("mpl2"), make_pysubs2_writer("mpl2"), (".mpl", ".txt")),
    "tmp": Format(_pysubs2_reader("tmp"), make_pysubs2_writer("tmp"), (".tmp", ".txt")),
    "ttml": Format(_pysubs2_reader("ttml"), make_pysubs2_writer("ttml"), (".ttml", ".dfxp", ".xml")),
    "sami": Format(_pysubs2_reader("sami"), None, (".smi", ".sami")),
    "json": Format(_pysubs2_reader("json"), make_pysubs2_writer("json"), (".json",)),
    "whisper_jax": Format(_pysubs2_reader("whisper_jax"), None, ()),
    "sbv": Format(read_sbv, write_sbv, (".sbv",)),
    "subviewer": Format(read_subviewer, write_subviewer, (".sub",)),
    "lrc": Format(read_lrc, write_lrc, (".lrc",)),
    "txt": Format(read_txt, write_txt, (".txt",)),
    "fountain": Format(read_fountain, write_fountain, (".fountain", ".spmd")),
}

_ALIASES = {"subrip": "srt", "webvtt": "vtt", "sub": "microdvd", "smi": "sami", "script": "txt", "tmplayer": "tmp",
            "subviewer2": "subviewer", "youtube": "sbv", "lyrics": "lrc"}


def get_format(name: str) -> Format:
    """The registered format ``name`` (aliases such as ``subrip`` accepted); FormatError otherwise."""
    key = _ALIASES.get(name.lower(), name.lower())
    try:
        return FORMATS[key]
    except KeyError:
        raise FormatError(
            f"unknown format {name!r}; known formats: {', '.join(sorted(FORMATS))}"
        ) from None


def _canonical(name: str) -> str:
    key = _ALIASES.get(name.lower(), name.lower())
    get_format(key)
    return key


def format_for_path(path: str | Path) -> str | None:
    """The format a file name suggests (``None`` when the extension is unknown or ambiguous)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".txt":
        return None
    for name, fmt in FORMATS.items():
        if suffix in fmt.extensions:
            return name
    return None


# --- detection --------------------------------------------------------------

_LINE_FORMATS = (
    ("whisper_jax", re.compile(r"^\s*\[\d+:\d{2}(?::\d{2})?\.\d+ -> \d+:\d{2}(?::\d{2})?\.\d+\]")),
    ("microdvd", re.compile(r"^\s*\{-?\d+\}\{-?\d*\}")),
    ("mpl2", re.compile(r"^\s*\[-?\d+\]\[-?\d*\]")),
    ("tmp", re.compile(r"^\s*-?\d{1,2}:\d{1,2}:\d{1,2}[:=]")),
)
_SBV_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}\.\d{3}\s*,\s*\d{1,2}:\d{2}:\d{2}\.\d{3}\s*$", re.M)
_SUBVIEWER_TIMING = re.compile(r"^\s*-?\d{2}:\d{2}:\d{2}\.\d{2}\s*,\s*-?\d{2}:\d{2}:\d{2}\.\d{2}\s*$", re.M)
_SUBVIEWER_HEAD = re.compile(r"^\s*\[(?:INFORMATION|END INFORMATION|SUBTITLE)\]\s*$", re.M | re.I)
_LRC_TIME = re.compile(r"^\s*\[-?\d{1,4}:\d{1,2}(?:[.:]\d{1,3})?\]")
_LRC_ID = re.compile(r"^\s*\[(?:ar|al|ti|au|by|length|offset|re|ve|tool|la|lang|id|#)\s*:[^\]]*\]\s*$", re.I)
_SRT_TIMING = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}(?:[,.]\d+)?\s*-->", re.M)
_VTT_TIMING = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d+\s*-->", re.M)


def _line_format(text: str) -> str | None:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    for name, rx in _LINE_FORMATS:
        hits = sum(1 for ln in lines if rx.match(ln))
        if hits and hits * 10 >= len(lines) * 6:
            return name
    return None


def _lrc_like(text: str) -> bool:
    """Mostly ``[mm:ss.xx]`` lyric lines and ``[ar:…]``-style ID tags, with at least one time tag."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    timed = sum(1 for ln in lines if _LRC_TIME.match(ln))
    tags = sum(1 for ln in lines if _LRC_ID.match(ln))
    return bool(timed) and (timed + tags) * 10 >= len(lines) * 6


def _comma_timed(text: str, by_name: str | None) -> str | None:
    """``sbv`` (``0:00:01.000,0:00:03.000``) or ``subviewer`` (``[INFORMATION]``, ``00:00:01.00,00:00:03.00``)."""
    if _SUBVIEWER_HEAD.search(text[:4096]):
        return "subviewer"
    sbv = len(_SBV_TIMING.findall(text))
    subviewer = len(_SUBVIEWER_TIMING.findall(text))
    if not sbv and not subviewer:
        return None
    if sbv == subviewer:
        return by_name if by_name in ("sbv", "subviewer") else "sbv"
    return "sbv" if sbv > subviewer else "subviewer"


def detect_format(text: str, path: str | Path) -> str:
    """Format of ``text`` from its content first, then its file name; FormatError when neither says."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    suffix = Path(path).suffix.lower()
    by_name = format_for_path(path)
    if head.startswith("WEBVTT"):
        return "vtt"
    if re.search(r"^\s*\[(?:Script Info|V4\+? Styles|Events)\]", head, re.M | re.I) or re.search(
        r"^\s*(?:Dialogue|Comment):\s*(?:Marked=)?-?\d", head, re.M
    ):
        m = re.search(r"^\s*ScriptType:\s*v4\.00(\+?)", head, re.M | re.I)
        if m:
            return "ass" if m.group(1) else "ssa"
        if re.search(r"^\s*\[V4 Styles\]", head, re.M | re.I):
            return "ssa"
        if re.search(r"^\s*\[V4\+ Styles\]", head, re.M | re.I):
            return "ass"
        return by_name if by_name in ("ass", "ssa") else "ass"
    line_fmt = _line_format(text)
    if line_fmt is not None:
        return line_fmt
    if _lrc_like(text):
        return "lrc"
    if head.startswith(("{", "[")) and by_name in ("json", None):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict) and "cues" in data and "schema_version" in data:
            return "locpipe-json"
        if data is not None:
            return "json"
    low = head.lower()
    if "<tt" in low and ("ttml" in low or "<tt " in low or "<tt>" in low):
        return "ttml"
    if "<sami" in low or "<sync" in low:
        return "sami"
    if _SRT_TIMING.search(text):
        return "vtt" if by_name == "vtt" else "srt"
    if _VTT_TIMING.search(text):
        return "vtt" if by_name in ("vtt", None) else by_name
    comma_fmt = _comma_timed(text, by_name)
    if comma_fmt is not None:
        return comma_fmt
    if by_name is not None:
        return by_name
    if suffix in (".txt", ".text", ""):
        return "txt"
    raise FormatError(
        f"is not in a subtitle or script format locpipe reads (extension {suffix or 'none'!r}); "
        f"convert it to one of {', '.join(sorted(n for n, f in FORMATS.items() if f.read))} "
        "or pass --format if it is one of them",
        path=path,
    )


# --- load -------------------------------------------------------------------


def load(
    path: str | Path,
    *,
    encoding: str | None = None,
    fps: float | None = None,
    format: str | None = None,  # noqa: A002 - the public option name
    strict: bool = False,
    language: str = "",
) -> Transcript:
    """Read a subtitle or script file into a Transcript (see :func:`loads`)."""
    data = read_bytes(path)
    return loads(data, path=path, encoding=encoding, fps=fps, format=format, strict=strict, language=language)


def loads(
    data: bytes,
    *,
    path: str | Path,
    encoding: str | None = None,
    fps: float | None = None,
    format: str | None = None,  # noqa: A002
    strict: bool = False,
    language: str = "",
) -> Transcript:
    """Parse ``data`` (the bytes of ``path``) into a Transcript.

    Malformed blocks become ``parse.malformed-block`` findings (or, with
    ``strict``, a MalformedInputError at the first one); garbled text becomes
    ``parse.mojibake`` findings; a guessed encoding a ``parse.encoding`` finding.
    Raises a LocpipeError naming the file for anything unreadable.
    """
    spath = str(path)
    if not data:
        return _empty(spath, format, encoding or "utf-8", False, "the file is empty", language)
    decoded = decode(data, path=spath, encoding=encoding)
    text = decoded.text
    if looks_binary(text):
        raise FormatError(
            "looks like a binary file, not subtitles or a script; check the file name", path=spath
        )
    if not text.strip(" \t\r\n\ufeff"):
        return _empty(spath, format, decoded.encoding, decoded.detected, "the file is empty (only blank lines)",
                      language)
    text = text.lstrip("\ufeff")
    fmt = _canonical(format) if format else detect_format(text, spath)
    if fmt == "locpipe-json":
        transcript = Transcript.from_json(text)
        return transcript
    spec = FORMATS[fmt]
    if spec.read is None:
        raise FormatError(f"format {fmt!r} can only be written, not read", path=spath)
    try:
        transcript, problems = spec.read(text, path=spath, fps=fps)
    except LocpipeError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as err:
        raise FormatError(f"cannot be read as {fmt}: {err}; check the file or pass --format", path=spath) from err
    if not transcript.cues and fmt not in ("vtt",) and not problems:
        raise FormatError(f"holds no {fmt} cues; check the file or pass --format", path=spath)
    transcript.path = spath
    transcript.format = fmt
    transcript.encoding = decoded.encoding
    transcript.encoding_detected = decoded.detected
    transcript.language = language or transcript.language
    said: Finding | None = None
    if not transcript.language:
        found = identify((cue.text for cue in transcript.cues), spath)
        transcript.language = found.lang.split("-")[0]
        named = found.name_lang.split("-")[0]
        # said when it changes something: a language other than the English the commands assumed before,
        # or one the file name contradicts
        if found.lang and (transcript.language != "en" or (named and named != transcript.language)):
            note = f"; the file name says {found.name_lang}" if named and named != transcript.language else ""
            said = Finding("parse.language", "info", f"source language {transcript.language}: {found.reason}{note}; "
                           "pass --from if it is wrong", path=spath)
    if decoded.bom:
        transcript.meta["bom"] = True
    if fps and "fps" not in transcript.meta:
        transcript.meta["fps"] = fps
    findings: list[Finding] = []
    if decoded.detected:
        findings.append(
            Finding(
                "parse.encoding",
                "info",
                f"encoding detected as {decoded.encoding}; if the text looks wrong, pass --encoding",
                path=spath,
            )
        )
    if said is not None:
        findings.append(said)
    problems = sorted(problems, key=lambda p: p.line or 0)
    if strict:
        for problem in problems:
            if problem.check == "parse.malformed-block":
                raise MalformedInputError(
                    f"malformed block: {problem.message} (--strict stops here; fix the block or drop --strict)",
                    path=spath,
                    line=problem.line,
                )
    for problem in problems:
        severity = problem.severity or ("functional" if problem.check == "parse.malformed-block" else "cosmetic")
        findings.append(Finding(problem.check, severity, problem.message, path=spath, line=problem.line))
    for cue in transcript.cues:
        garbled = find_mojibake(cue.text)
        if garbled is None:
            continue
        message = f"garbled text (mojibake) in cue {cue.index + 1}: {garbled.reason}: {garbled.sample!r}"
        if garbled.repaired:
            message += f"; it probably read {garbled.repaired!r}"
        message += "; get a correctly encoded copy of the file"
        findings.append(Finding("parse.mojibake", "functional", message, path=spath, line=cue.line, cue=cue.index))
    transcript.findings = findings + transcript.findings
    return transcript


def _empty(
    path: str, format: str | None, encoding: str, detected: bool, what: str, language: str  # noqa: A002
) -> Transcript:
    """A transcript with no cues and a ``parse.empty`` finding (critical) for an empty or blank file.

    Its format is ``format``, else the one its extension names (``txt`` for a
    ``.txt`` file or none); an empty file with any other extension is not known
    to be subtitles at all: FormatError.
    """
    if format:
        fmt = _canonical(format)
    else:
        suffix = Path(path).suffix.lower()
        fmt = format_for_path(path) or ("txt" if suffix in (".txt", ".text", "") else "")
        if not fmt:
            raise FormatError(
                f"is empty, and its extension {suffix!r} is not a subtitle or script format; nothing to read",
                path=path,
            )
    finding = Finding("parse.empty", "critical", f"{what}: nothing to translate; check the export", path=path)
    return Transcript(path=path, format=fmt, encoding=encoding, encoding_detected=detected, language=language,
                      findings=[finding])


# --- dumps / save -----------------------------------------------------------


def target_format(transcript: Transcript, format: str | None, path: str | Path | None = None) -> str:  # noqa: A002
    if format:
        return _canonical(format)
    if path is not None:
        suffix = Path(path).suffix.lower()
        if suffix == ".txt":
            return transcript.format if transcript.format in ("txt", "tmp", "mpl2") else "txt"
        if suffix == ".sub" and transcript.format in ("microdvd", "subviewer"):
            return transcript.format  # .sub is both: keep the file's own
        by_name = format_for_path(path)
        if by_name is not None:
            return by_name
    return transcript.format if transcript.format in FORMATS else "srt"


def dumps(transcript: Transcript, *, format: str | None = None, lang: str | None = None) -> str:  # noqa: A002
    """The transcript as text in ``format`` (default: its own), translated into ``lang`` when given."""
    fmt = target_format(transcript, format)
    writer = FORMATS[fmt].write
    if writer is None:
        raise UsageError(
            f"format {fmt!r} can be read but not written; choose one of: "
            f"{', '.join(sorted(n for n, f in FORMATS.items() if f.write))}"
        )
    return writer(transcript, lang=lang)


def save(
    transcript: Transcript,
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002
    lang: str | None = None,
    protect: Iterable[str | Path] = (),
    encoding: str | None = None,
) -> None:
    """Write the transcript to ``path`` atomically; never over a file listed in ``protect``.

    The format comes from ``format``, else the file extension, else the
    transcript's own. Text is UTF-8 unless ``encoding`` is given; a BOM is
    written when the source had one (and no ``encoding`` is given).
    """
    fmt = target_format(transcript, format, path)
    text = dumps(transcript, format=fmt, lang=lang)
    codec = encoding or "utf-8"
    try:
        data = text.encode(codec)
    except (LookupError, UnicodeEncodeError) as err:
        raise OutputError(
            f"cannot encode the output as {codec}: {err}; choose another --encoding (utf-8 always works)",
            path=path,
        ) from err
    if encoding is None and transcript.meta.get("bom") and fmt == transcript.format:
        data = b"\xef\xbb\xbf" + data
    atomic_write_bytes(path, data, protect=protect)


__all__ = [
    "FORMATS",
    "Format",
    "detect_format",
    "dumps",
    "format_for_path",
    "get_format",
    "load",
    "loads",
    "save",
    "target_format",
]
