"""Turning a file's bytes into text, and spotting text that is already garbled.

Order of decisions (:func:`decode`):

1. ``encoding=`` given by the user wins (a BOM matching it is stripped);
2. a byte-order mark (UTF-32 before UTF-16, since the UTF-32-LE BOM starts
   with the UTF-16-LE one) — not "detected", the file says what it is;
3. strict UTF-8;
4. charset-normalizer's best guess (windows-125x, latin-1, GB2312/GBK,
   Shift-JIS, ...) — reported as detected, with a ``parse.encoding`` finding.

:func:`find_mojibake` looks for text that was garbled *before* it reached us
(UTF-8 read as windows-1252 and saved again, "锟斤拷", runs of U+FFFD,
latin-1 read as Mac Roman ...). It only reports; it never rewrites a cue.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import EncodingError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Decoded:
    """Attributes:
    text: the decoded text, BOM removed.
    encoding: Python codec name it was decoded with.
    detected: True when guessed (charset-normalizer), False when given, from a BOM or plain UTF-8.
    bom: True when the file started with a byte-order mark.
    """

    text: str
    encoding: str
    detected: bool
    bom: bool


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """Return ``(codec, bom_length)`` for a leading byte-order mark, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _normalise_codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def decode(data: bytes, *, path: str | Path, encoding: str | None = None) -> Decoded:
    """Decode ``data`` (the whole file); raise EncodingError naming ``path`` when impossible."""
    bom = sniff_bom(data)
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as err:
            raise EncodingError(
                f"unknown encoding {encoding!r}; use a Python codec name such as utf-8, cp1252, gb2312",
                path=path,
            ) from err
        body = data
        if bom is not None and _normalise_codec(bom[0]).split("-")[0:2] == codec.split("-")[0:2]:
            body = data[bom[1]:]
        elif bom is not None and codec in ("utf-8", "utf-8-sig"):
            body = data[bom[1]:] if bom[0] == "utf-8" else data
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as err:
            line = body[: err.start].count(b"\n") + 1
            raise EncodingError(
                f"cannot be decoded as {encoding} (byte 0x{body[err.start]:02x} at byte {err.start}); "
                "check --encoding or leave it out to detect the encoding",
                path=path,
                line=line,
            ) from err
        return Decoded(text, codec, False, bom is not None and body is not data)
    if bom is not None:
        codec, size = bom
        try:
            return Decoded(data[size:].decode(codec), codec, False, True)
        except UnicodeDecodeError as err:
            raise EncodingError(
                f"starts with a {codec} byte-order mark but is not valid {codec}; "
                "pass --encoding to read it another way",
                path=path,
            ) from err
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False, False)
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise EncodingError(
            "is not text in any encoding locpipe could detect (binary file?); "
            "pass --encoding if it really is a subtitle file",
            path=path,
        )
    best = results[0]
    # On short Western European texts charset-normalizer often ranks a Baltic or
    # Central European code page first by a hair; windows-1252 is by far the most
    # common legacy encoding of subtitles, so it wins any near tie.
    for result in results:
        if result.chaos <= best.chaos + 0.1 and _normalise_codec(result.encoding) == "cp1252":
            best = result
            break
    codec = _normalise_codec(best.encoding)
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as err:
        raise EncodingError(
            f"looks like {codec} but does not decode as it; pass --encoding", path=path
        ) from err
    return Decoded(text, codec, True, False)


def looks_binary(text: str) -> bool:
    """True when decoded text holds control characters no subtitle file has."""
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v") + sample.count("\x00")
    return bad > max(2, len(sample) // 100)


# --- mojibake ---------------------------------------------------------------

#: GBK bytes of U+FFFD U+FFFD, read as GBK: the classic Chinese garbage.
_KUNJINKAO = re.compile(r"(?:锟斤拷|烫烫烫|屯屯屯)")
_REPLACEMENT_RUN = re.compile("\ufffd+")
#: latin-1 read as Mac Roman: "‡" for "à", "˚" for "û", "Ë" inside a lowercase word for "è"...
_MAC_ROMAN_SIGNS = re.compile(r"[‡˚∂ƒ∆ΩπΩ√∑]|(?<=[a-zà-ÿ])[À-ÖØ-Þ](?=[a-zà-ÿ])|¿ ")
_WORD = re.compile(r"\S+")
#: codecs UTF-8 text is typically misread with; the order is the order of likelihood.
_MISREAD_AS = ("cp1252", "latin-1", "cp1251", "cp1250", "mac_roman")


@dataclass
class Mojibake:
    """Attributes:
    reason: what was seen, for the finding message.
    sample: the garbled text.
    repaired: the text as it most likely was, when it could be restored; else "".
    """

    reason: str
    sample: str
    repaired: str = ""


def _utf8_misread(word: str) -> tuple[str, str] | None:
    """If ``word`` is UTF-8 bytes decoded with a single-byte codec, return (repaired, codec)."""
    for codec in _MISREAD_AS:
        try:
            raw = word.encode(codec)
        except UnicodeEncodeError:
            continue
        if not any(b >= 0xC2 for b in raw):
            continue
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if fixed != word and len(fixed) < len(word):
            return fixed, codec
    return None


def _non_ascii_words(text: str) -> Iterator[str]:
    """Each word holding a non-ASCII character, from its start (or its first non-ASCII character) to its
    last non-ASCII character. Linear time: a regular expression for this backtracks quadratically on one
    long ASCII word (a 50,000-character line took 100 s)."""
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        if word[0].isascii():
            last = len(word) - next(i for i, ch in enumerate(reversed(word)) if not ch.isascii())
            word = word[:last]
        yield word


def find_mojibake(text: str) -> Mojibake | None:
    """Return what looks garbled in ``text`` (one cue), or None when it looks fine."""
    m = _REPLACEMENT_RUN.search(text)
    if m:
        return Mojibake("replacement characters (U+FFFD): the original characters were lost", m.group())
    m = _KUNJINKAO.search(text)
    if m:
        return Mojibake(f'"{m.group()}": text that was already lost and re-encoded as GBK', m.group())
    for word in _non_ascii_words(text):
        hit = _utf8_misread(word)
        if hit is not None:
            fixed, codec = hit
            repaired = text.replace(word, fixed)
            return Mojibake(f"UTF-8 text that was read as {codec}", word, repaired)
    m = _MAC_ROMAN_SIGNS.search(text)
    if m:
        start = text.rfind(" ", 0, m.start()) + 1
        end = text.find(" ", m.end())
        sample = text[start: end if end != -1 else len(text)]
        try:
            raw = text.encode("mac_roman")
        except UnicodeError:
            repaired = ""
        else:
            # Windows text first: its curly quotes and dashes (0x91-0x97) are C1 controls in latin-1
            # ("n\x92est" for "n’est")
            try:
                repaired = raw.decode("cp1252")
            except UnicodeDecodeError:
                repaired = raw.decode("latin-1")
        return Mojibake("latin-1 text that was read as Mac Roman", sample.strip() or m.group(), repaired)
    return None
