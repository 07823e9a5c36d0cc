"""Fountain screenplays (``.fountain``, ``.spmd``): every element a cue, written back as valid Fountain.

Parser choice. PyPI has three Fountain parsers: ``screenplain`` (MIT, maintained, but it
pulls in ``reportlab``, strips the boneyard before parsing and keeps neither line numbers
nor the source text of an element, so it cannot write a file back), ``jouvence`` (Apache-2.0,
last release 2019, no line numbers, no writer) and ``fountain`` 0.1.3 (2013, incomplete).
None keeps what a localization pipeline needs — the line of every element and enough of
the source to write a translated file that re-parses to the same structure — so this is a
small parser of our own, written against the spec at fountain.io/syntax and tested on a
hostile file (``tests/data/fountain/hostile.fountain``).

Elements and the cues they become (``Cue.kind`` stays within :data:`~locpipe.model.CUE_KINDS`;
the Fountain element is ``Cue.meta["element"]``):

================  ============  ==========================================================
element           kind          text (``Cue.raw``: Fountain emphasis kept, ``\\N`` breaks)
================  ============  ==========================================================
title_page        comment       one cue per ``Key: value`` field (``meta["key"]``)
scene_heading     sign          the location only: ``INT.``/``EXT.`` prefix, time of day
                                and scene number stay in ``meta`` (``prefix``, ``sep``,
                                ``time``, ``number``) so the structure survives translation
action            sign          the paragraph (on-screen description: the closest kind)
character         comment       the name as written; never translated (``speaker`` set)
parenthetical     sdh           the direction without its parentheses (a bracketed
                                description of how a line is spoken)
dialogue          dialogue      the lines between parentheticals of one dialogue block
lyrics            lyrics        a run of ``~`` lines
transition        sign          ``CUT TO:`` (forced with ``>``)
centered          sign          ``> THE END <``
note              comment       a ``[[note]]`` standing on its own lines
boneyard          comment       a ``/* … */`` standing on its own lines (may hide a scene)
section           comment       ``# Act One`` (``meta["level"]``)
synopsis          comment       ``= what happens``
page_break        comment       ``===``
================  ============  ==========================================================

Notes and boneyards inside a line are point markup (tags ``note``/``boneyard``, the source
text in ``Markup.raw``), so they are kept but never translated. Emphasis (``*italic*``,
``**bold**``, ``***both***``, ``_underline_``; ``\\*`` escapes) becomes spans ``i``/``b``/``u``
whose ``raw``/``raw_close`` are the Fountain markers, which is what
:func:`locpipe.mt.markup.place_markup` puts back around the translated words.

Screenplay context for the later stages, in ``Cue.meta``: ``scene`` (the scene heading
as written, ``""`` before the first), ``scene_no`` (1-based, 0 before the first),
``block`` (dialogue block number, shared by a character and its parentheticals, dialogue
and lyrics), ``character`` (the speaker, extension removed), ``extension`` (``(V.O.)``,
``(O.S.)``, ``(CONT'D)`` …), ``dual`` (the block is the right-hand side of dual dialogue,
``^``), ``parenthetical`` (on dialogue: the direction in force, e.g. ``"sarcastic"``),
``language`` and ``no_translate`` (on dialogue marked "(in Spanish)": the line is already
in that language and is left untranslated), ``forced`` (the element was forced with
``!``, ``@``, ``.``, ``>`` or ``~``). ``src``/``gap`` hold the element's source lines and
the blank lines before it, so an untranslated cue is written back byte for byte.

Writing (:func:`write_fountain`): without a language, the source comes back unchanged.
With one, each translated cue is rebuilt from its element: dialogue, action and
parentheticals on one line (Fountain wraps), lyrics one ``~`` line per line, scene
headings as prefix + upper-cased location + separator + time of day from
:data:`TIME_OF_DAY` + scene number, transitions upper-cased (forced with ``>`` unless they
end in ``TO:``); an element that would read as something else is forced (``!`` for
action, ``.`` for a heading). Blank lines, title page, characters and comments stay as
written, so the translation re-parses to the same structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..model import Cue, Markup, Transcript
from .blocks import Problem, split_lines

#: element -> cue kind
ELEMENT_KINDS: dict[str, str] = {
    "title_page": "comment",
    "scene_heading": "sign",
    "action": "sign",
    "character": "comment",
    "parenthetical": "sdh",
    "dialogue": "dialogue",
    "lyrics": "lyrics",
    "transition": "sign",
    "centered": "sign",
    "note": "comment",
    "boneyard": "comment",
    "section": "comment",
    "synopsis": "comment",
    "page_break": "comment",
}
ELEMENTS: tuple[str, ...] = tuple(ELEMENT_KINDS)

#: Time of day in scene headings, per target language (upper case; unknown phrases stay English).
TIME_OF_DAY: dict[str, dict[str, str]] = {
    "es": {"DAY": "DÍA", "NIGHT": "NOCHE", "MORNING": "MAÑANA", "AFTERNOON": "TARDE", "EVENING": "ATARDECER",
           "DAWN": "AMANECER", "DUSK": "ANOCHECER", "SUNSET": "PUESTA DE SOL", "SUNRISE": "AMANECER",
           "NOON": "MEDIODÍA", "MIDNIGHT": "MEDIANOCHE", "LATER": "MÁS TARDE", "MOMENTS LATER": "MOMENTOS DESPUÉS",
           "CONTINUOUS": "CONTINUO", "SAME": "MISMO MOMENTO", "SAME TIME": "MISMO MOMENTO",
           "FLASHBACK": "FLASHBACK", "PRESENT": "PRESENTE"},
    "fr": {"DAY": "JOUR", "NIGHT": "NUIT", "MORNING": "MATIN", "AFTERNOON": "APRÈS-MIDI", "EVENING": "SOIR",
           "DAWN": "AUBE", "DUSK": "CRÉPUSCULE", "SUNSET": "COUCHER DU SOLEIL", "SUNRISE": "LEVER DU SOLEIL",
           "NOON": "MIDI", "MIDNIGHT": "MINUIT", "LATER": "PLUS TARD", "MOMENTS LATER": "QUELQUES INSTANTS PLUS TARD",
           "CONTINUOUS": "CONTINU", "SAME": "MÊME MOMENT", "SAME TIME": "MÊME MOMENT",
           "FLASHBACK": "FLASH-BACK", "PRESENT": "PRÉSENT"},
    "de": {"DAY": "TAG", "NIGHT": "NACHT", "MORNING": "MORGEN", "AFTERNOON": "NACHMITTAG", "EVENING": "ABEND",
           "DAWN": "MORGENGRAUEN", "DUSK": "DÄMMERUNG", "SUNSET": "SONNENUNTERGANG", "SUNRISE": "SONNENAUFGANG",
           "NOON": "MITTAG", "MIDNIGHT": "MITTERNACHT", "LATER": "SPÄTER", "MOMENTS LATER": "AUGENBLICKE SPÄTER",
           "CONTINUOUS": "DURCHGEHEND", "SAME": "GLEICHZEITIG", "SAME TIME": "GLEICHZEITIG",
           "FLASHBACK": "RÜCKBLENDE", "PRESENT": "GEGENWART"},
    "it": {"DAY": "GIORNO", "NIGHT": "NOTTE", "MORNING": "MATTINA", "AFTERNOON": "POMERIGGIO", "EVENING": "SERA",
           "DAWN": "ALBA", "DUSK": "CREPUSCOLO", "SUNSET": "TRAMONTO", "SUNRISE": "ALBA", "NOON": "MEZZOGIORNO",
           "MIDNIGHT": "MEZZANOTTE", "LATER": "PIÙ TARDI", "MOMENTS LATER": "POCO DOPO", "CONTINUOUS": "CONTINUO",
           "SAME": "STESSO MOMENTO", "SAME TIME": "STESSO MOMENTO", "FLASHBACK": "FLASHBACK", "PRESENT": "PRESENTE"},
    "pt": {"DAY": "DIA", "NIGHT": "NOITE", "MORNING": "MANHÃ", "AFTERNOON": "TARDE", "EVENING": "FIM DE TARDE",
           "DAWN": "AMANHECER", "DUSK": "ANOITECER", "SUNSET": "PÔR DO SOL", "SUNRISE": "NASCER DO SOL",
           "NOON": "MEIO-DIA", "MIDNIGHT": "MEIA-NOITE", "LATER": "MAIS TARDE", "MOMENTS LATER": "MOMENTOS DEPOIS",
           "CONTINUOUS": "CONTÍNUO", "SAME": "MESMO MOMENTO", "SAME TIME": "MESMO MOMENTO",
           "FLASHBACK": "FLASHBACK", "PRESENT": "PRESENTE"},
}
_TIME_WORDS = frozenset(TIME_OF_DAY["es"])

#: "(in Spanish)" → language code; a line so marked is already in that language.
LANGUAGE_NAMES: dict[str, str] = {
    "spanish": "es", "castilian": "es", "french": "fr", "german": "de", "italian": "it", "portuguese": "pt",
    "catalan": "ca", "basque": "eu", "galician": "gl", "dutch": "nl", "gaelic": "gd", "scottish gaelic": "gd",
    "irish": "ga", "welsh": "cy", "polish": "pl", "russian": "ru", "ukrainian": "uk", "greek": "el",
    "turkish": "tr", "arabic": "ar", "hebrew": "he", "hindi": "hi", "urdu": "ur", "bengali": "bn",
    "punjabi": "pa", "mandarin": "zh", "cantonese": "zh", "chinese": "zh", "japanese": "ja", "korean": "ko",
    "vietnamese": "vi", "thai": "th", "swedish": "sv", "norwegian": "no", "danish": "da", "finnish": "fi",
    "latin": "la", "english": "en", "swahili": "sw", "romanian": "ro", "hungarian": "hu", "czech": "cs",
}
_IN_LANGUAGE = re.compile(
    r"\b(?:in|speaking|speaks|into)\s+(" + "|".join(sorted(LANGUAGE_NAMES, key=len, reverse=True)) + r")\b", re.I
)

_HEADING = re.compile(r"^(?:INT\.?/EXT|INT/EXT|EXT\.?/INT|I/E|INT|EXT|EST)[.\s]", re.I)
_HEADING_PREFIX = re.compile(r"^((?:INT\.?/EXT|INT/EXT|EXT\.?/INT|I/E|INT|EXT|EST)\.?\s+)", re.I)
_SCENE_NUMBER = re.compile(r"\s*#[\w.\-]+#\s*$")
_SEPARATOR = re.compile(r"\s+[-–—]+\s+")
_TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9 _'\-]{0,40}):(.*)$")
_TITLE_CONT = re.compile(r"^(?:\t| {3,})\S")
_PAGE_BREAK = re.compile(r"^\s*={3,}\s*$")
_SECTION = re.compile(r"^\s*(#+)\s*(.*)$")
_SYNOPSIS = re.compile(r"^\s*=(?!=)\s*(.*)$")
_CENTERED = re.compile(r"^\s*>\s*(.*?)\s*<\s*$")
_FORCED_TRANSITION = re.compile(r"^\s*>\s*(.*?)\s*$")
_LYRIC = re.compile(r"^\s*~\s?(.*)$")
_EXTENSION = re.compile(r"\s*(\([^()]*\))\s*$")
_EMPHASIS = (("***", "bi"), ("**", "b"), ("*", "i"), ("_", "u"))
_ESCAPABLE = "*_\\"


# --- inline text: notes, boneyard, emphasis ------------------------------------------------------


@dataclass
class _Region:
    kind: str  # "note" | "boneyard"
    start: int
    end: int


def find_regions(text: str) -> tuple[list[_Region], list[tuple[int, str]]]:
    """Closed ``[[notes]]`` and ``/* boneyard */`` in ``text`` (earliest first, outer wins), and
    ``(offset, message)`` for each one opened and never closed.

    A note cannot hold an empty line (the spec asks for two spaces there), so ``[[`` followed by
    an empty line before ``]]`` is text.
    """
    regions: list[_Region] = []
    unclosed: list[tuple[int, str]] = []
    pos = 0
    while True:
        b = text.find("/*", pos)
        n = text.find("[[", pos)
        if b < 0 and n < 0:
            break
        if b >= 0 and (n < 0 or b < n):
            close = text.find("*/", b + 2)
            if close < 0:
                unclosed.append((b, "a boneyard '/*' is never closed with '*/'; it is read as text"))
                pos = b + 2
                continue
            regions.append(_Region("boneyard", b, close + 2))
            pos = close + 2
        else:
            close = text.find("]]", n + 2)
            if close < 0 or re.search(r"\n[ \t]?\n", text[n:close]):
                unclosed.append((n, "a note '[[' is never closed with ']]'; it is read as text"))
                pos = n + 2
                continue
            regions.append(_Region("note", n, close + 2))
            pos = close + 2
    return regions, unclosed


def parse_inline(raw: str) -> tuple[str, list[Markup]]:
    """Plain text and markup of a Fountain element's raw text (``\\N`` line breaks).

    Emphasis markers become ``i``/``b``/``u`` spans; ``\\*``, ``\\_`` and ``\\\\`` become the
    character; inline notes and boneyard become point tags ``note``/``boneyard``. Emphasis
    never spans a line break (spec).
    """
    source = raw.replace("\\N", "\n")
    if not any(ch in source for ch in "*_\\[/"):
        return source, []  # nothing to parse: most lines
    regions, _ = find_regions(source)
    # roles per character: "t" text, "l" literal (escaped), "d" delimiter, "x" dropped, "r" region
    roles = ["t"] * len(source)
    for region in regions:
        for k in range(region.start, region.end):
            roles[k] = "r"
    k = 0
    while k < len(source):
        if roles[k] == "t" and source[k] == "\\" and k + 1 < len(source) and source[k + 1] in _ESCAPABLE \
                and roles[k + 1] == "t":
            roles[k] = "x"
            roles[k + 1] = "l"
            k += 2
            continue
        k += 1
    spans: list[tuple[int, int, int, int, str]] = []  # open start, open end, close start, close end, tags
    for delim, tags in _EMPHASIS:
        masked = "".join(
            ch if role == "t" else ("\n" if ch == "\n" else ("a" if role in ("l", "r") else "\0"))
            for ch, role in zip(source, roles, strict=True)
        )
        d = re.escape(delim)
        if delim == "_":
            pattern = re.compile(rf"(?<![\w_]){d}(?=[^\s_])([^\n]*?[^\s_]){d}(?![\w_])")
        else:
            pattern = re.compile(rf"(?<!\*){d}(?=[^\s*])([^\n]*?[^\s*]){d}(?!\*)")
        for m in pattern.finditer(masked):
            a, b = m.start(), m.end()
            n = len(delim)
            for j in (*range(a, a + n), *range(b - n, b)):
                roles[j] = "d"
            spans.append((a, a + n, b - n, b, tags))
    plain_at: list[int] = []
    out: list[str] = []
    markup: list[Markup] = []
    for ch, role in zip(source, roles, strict=True):
        plain_at.append(len(out))
        if role in ("t", "l"):
            out.append(ch)
    plain_at.append(len(out))
    for region in regions:
        pos = plain_at[region.start]
        body = source[region.start + 2 : region.end - 2].strip()
        markup.append(Markup(pos, pos, region.kind, body, source[region.start : region.end].replace("\n", "\\N"), ""))
    for a, a_end, b, b_end, tags in sorted(spans):
        start, end = plain_at[a_end], plain_at[b]
        if tags == "bi":
            markup.append(Markup(start, end, "b", "", source[a : a + 2], source[b_end - 2 : b_end]))
            markup.append(Markup(start, end, "i", "", source[a + 2 : a_end], source[b : b_end - 2]))
        else:
            markup.append(Markup(start, end, tags, "", source[a:a_end], source[b:b_end]))
    markup.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return "".join(out), markup


def render_inline(text: str, markup: list[Markup]) -> str:
    """Plain ``text`` with ``markup`` as Fountain raw text (``\\N`` line breaks); the inverse of
    :func:`parse_inline` for the tags Fountain has (others are dropped)."""
    events: list[tuple[int, int, int, str]] = []
    for seq, span in enumerate(markup):
        if span.tag in ("note", "boneyard"):
            events.append((span.start, 1, seq, span.raw or (f"[[{span.value}]]" if span.tag == "note"
                                                            else f"/*{span.value}*/")))
            continue
        marker = {"i": "*", "b": "**", "u": "_"}.get(span.tag)
        if marker is None or span.value == "0" or span.end <= span.start:
            continue
        events.append((span.start, 1, -(span.end - span.start), marker))
        events.append((span.end, 0, span.end - span.start, marker))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out: list[str] = []
    pos = 0
    for offset, _phase, _order, marker in events:
        out.append(_escape(text[pos:offset]))
        out.append(marker)
        pos = offset
    out.append(_escape(text[pos:]))
    return "".join(out).replace("\n", "\\N")


def _escape(text: str) -> str:
    return re.sub(r"([*_\\])", r"\\\1", text)


# --- logical lines ---------------------------------------------------------------------------------


@dataclass
class _Line:
    """One logical line: a physical line, or several joined by a note or boneyard that spans them.

    Attributes:
        no: 1-based number of its first physical line.
        src: the physical lines, exactly as written.
        text: the logical text (regions included, line breaks inside regions kept as ``\\n``).
        clean: the text without notes and boneyard (what the element rules look at).
        region: ``note`` or ``boneyard`` when the line holds nothing but regions, else ``""``.
    """

    no: int
    src: list[str]
    text: str
    clean: str
    region: str = ""

    @property
    def blank(self) -> bool:
        return not self.region and not self.clean.strip()


def _logical_lines(lines: list[str]) -> tuple[list[_Line], list[Problem]]:
    body = "\n".join(lines)
    regions, unclosed = find_regions(body)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    problems = [Problem(_line_of(starts, off), msg, "parse.warning") for off, msg in unclosed]
    out: list[_Line] = []
    r = 0
    i = 0
    while i < len(lines):
        first = i
        end = starts[i] + len(lines[i])
        inside: list[_Region] = []
        while r < len(regions) and regions[r].start < end:
            region = regions[r]
            inside.append(region)
            if region.end > end:
                i = _line_of(starts, region.end) - 1
                end = starts[i] + len(lines[i])
            r += 1
        text = body[starts[first] : end]
        clean = text
        for region in reversed(inside):
            a, b = region.start - starts[first], region.end - starts[first]
            clean = clean[:a] + clean[b:]
        kinds = {reg.kind for reg in inside}
        only = bool(inside) and not clean.strip()
        region_kind = ("boneyard" if "boneyard" in kinds else "note") if only else ""
        out.append(_Line(first + 1, lines[first : i + 1], text, clean, region_kind))
        i += 1
    return out, problems


def _line_of(starts: list[int], offset: int) -> int:
    """1-based physical line of a character offset."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


# --- element rules -------------------------------------------------------------------------------


def is_character(clean: str) -> bool:
    """A character cue: upper case (the extension aside), at least one letter, forced with ``@``."""
    s = clean.strip()
    if s.startswith("@"):
        return len(s) > 1
    if s.startswith(("!", "~", ".", ">", "#", "=", "(")) or s.endswith("TO:") or is_heading(s):
        return False
    name = split_extension(s.rstrip("^").rstrip())[0]
    # at least one upper-case letter: a line in a script without case (李明, مرحبا) is never a cue
    # unless forced with "@"
    return bool(name) and any(ch.isupper() for ch in name) and name == name.upper() and len(name) <= 60


def split_extension(cue_line: str) -> tuple[str, str]:
    """``"MORAG (V.O.) (CONT'D)"`` → ``("MORAG", "(V.O.) (CONT'D)")``."""
    name, extensions = cue_line.strip(), list[str]()
    while True:
        m = _EXTENSION.search(name)
        if not m or m.start() == 0:
            break
        extensions.insert(0, m.group(1))
        name = name[: m.start()].rstrip()
    return name, " ".join(extensions)


def is_heading(clean: str) -> bool:
    s = clean.strip()
    return bool(_HEADING.match(s + " ")) and not s.startswith("..")


def is_transition(clean: str) -> bool:
    s = clean.strip()
    return s.endswith("TO:") and s == s.upper() and any(ch.isalpha() for ch in s)


def _special(clean: str) -> bool:
    """A line that starts an element of its own whatever comes before it."""
    return bool(
        _PAGE_BREAK.match(clean) or _SECTION.match(clean) or _SYNOPSIS.match(clean)
        or _LYRIC.match(clean) or _CENTERED.match(clean) or _FORCED_TRANSITION.match(clean)
    )


def _blank_before(lines: list[_Line], i: int) -> bool:
    """Whether a blank line (or the start of the file) comes before line ``i``, looking through
    lines that hold only notes or boneyard (most parsers strip those before parsing)."""
    k = i - 1
    while k >= 0 and lines[k].region:
        k -= 1
    return k < 0 or lines[k].blank


@dataclass
class _Element:
    element: str
    lines: list[_Line]
    raw: str
    speaker: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


def _strip_prefix(line: _Line, pattern: str) -> str:
    """The line's text (regions included) after a leading marker such as ``!`` or ``~``."""
    text = line.text
    m = re.match(r"^\s*" + pattern, text)
    return text[m.end():] if m else text.strip()


def _raw(lines: list[str]) -> str:
    return "\\N".join(line.replace("\n", "\\N") for line in lines)


def _parse_elements(lines: list[_Line]) -> list[_Element]:
    out: list[_Element] = []
    n = len(lines)
    i = 0
    # title page: "Key: value" at the very top, until the first blank line
    if lines and not lines[0].blank and _TITLE_KEY.match(lines[0].clean.strip()) and not is_heading(lines[0].clean):
        while i < n and not lines[i].blank:
            m = _TITLE_KEY.match(lines[i].text.strip()) if not _TITLE_CONT.match(lines[i].text) else None
            if m is None and out:
                out[-1].lines.append(lines[i])
                value = lines[i].text.strip()
                out[-1].raw = value if not out[-1].raw else out[-1].raw + "\\N" + value
                i += 1
                continue
            if m is None:
                break
            out.append(_Element("title_page", [lines[i]], m.group(2).strip(), meta={"key": m.group(1).strip()}))
            i += 1

    blocks = 0

    def blank_at(k: int) -> bool:
        return k >= n or lines[k].blank

    while i < n:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        clean = line.clean
        stripped = clean.strip()
        prev_blank = _blank_before(lines, i)
        if line.region:
            out.append(_region_element(line))
            i += 1
            continue
        if _PAGE_BREAK.match(clean):
            out.append(_Element("page_break", [line], stripped))
            i += 1
            continue
        m = _SECTION.match(clean)
        if m:
            out.append(_Element("section", [line], _strip_prefix(line, r"#+\s*"), meta={"level": len(m.group(1))}))
            i += 1
            continue
        if _SYNOPSIS.match(clean):
            out.append(_Element("synopsis", [line], _strip_prefix(line, r"=\s*")))
            i += 1
            continue
        if _LYRIC.match(clean):
            group = [line]
            while i + 1 < n and not lines[i + 1].blank and not lines[i + 1].region and _LYRIC.match(lines[i + 1].clean):
                i += 1
                group.append(lines[i])
            out.append(_Element("lyrics", group, _raw([_strip_prefix(x, r"~\s*").strip() for x in group]),
                                meta={"forced": True}))
            i += 1
            continue
        if _CENTERED.match(clean):
            text = re.sub(r"^\s*>\s*|\s*<\s*$", "", line.text)
            out.append(_Element("centered", [line], text.replace("\n", "\\N")))
            i += 1
            continue
        if _FORCED_TRANSITION.match(clean):
            out.append(_Element("transition", [line], _strip_prefix(line, r">\s*").replace("\n", "\\N"),
                                meta={"forced": True}))
            i += 1
            continue
        if stripped.startswith(".") and not stripped.startswith("..") and len(stripped) > 1:
            out.append(_heading(line, forced=True))
            i += 1
            continue
        if prev_blank and blank_at(i + 1) and is_heading(clean) and not stripped.startswith("!"):
            out.append(_heading(line, forced=False))
            i += 1
            continue
        if prev_blank and blank_at(i + 1) and is_transition(clean) and not stripped.startswith("!"):
            out.append(_Element("transition", [line], line.text.strip().replace("\n", "\\N")))
            i += 1
            continue
        if prev_blank and not blank_at(i + 1) and not lines[i + 1].region and is_character(clean):
            blocks += 1
            i = _dialogue_block(lines, i, out, blocks)
            continue
        i = _action(lines, i, out)
    return out


def _region_element(line: _Line, block: int | None = None) -> _Element:
    """A note or boneyard standing on its own lines; ``meta["content"]`` is what it says."""
    text = line.text.strip()
    regions, _ = find_regions(text)
    content = "\n".join(text[r.start + 2 : r.end - 2].strip() for r in regions)
    meta: dict[str, Any] = {"content": content}
    if block is not None:
        meta["block"] = block
    return _Element(line.region, [line], text.replace("\n", "\\N"), meta=meta)


def _heading(line: _Line, *, forced: bool) -> _Element:
    text = line.text.strip()
    if forced:
        text = text[1:]
    meta: dict[str, Any] = {"forced": forced}
    number = _SCENE_NUMBER.search(text)
    if number:
        meta["number"] = number.group(0)
        text = text[: number.start()]
    prefix = _HEADING_PREFIX.match(text)
    meta["prefix"] = prefix.group(1) if prefix else ""
    rest = text[prefix.end():] if prefix else text
    meta["sep"], meta["time"] = "", ""
    seps = list(_SEPARATOR.finditer(rest))
    if seps:
        last = seps[-1]
        time = rest[last.end():].strip()
        if time.upper() in _TIME_WORDS:
            meta["sep"], meta["time"] = rest[last.start() : last.end()], time
            rest = rest[: last.start()]
    meta["heading"] = (line.text.strip()[1:] if forced else line.text.strip()).replace("\n", " ")
    return _Element("scene_heading", [line], rest.replace("\n", "\\N"), meta=meta)


def _action(lines: list[_Line], i: int, out: list[_Element]) -> int:
    group: list[_Line] = []
    texts: list[str] = []
    n = len(lines)
    forced = False
    while i < n:
        line = lines[i]
        if line.region or (group and (line.blank and not _kept_blank(line))):
            break
        if group and _special(line.clean):
            break
        text = line.text
        if text.lstrip().startswith("!"):
            text = text.lstrip()[1:]
            forced = forced or not group
        group.append(line)
        texts.append(text.strip())
        i += 1
    if not group:  # a lone blank-looking line cannot start an element
        return i + 1
    out.append(_Element("action", group, _raw(texts), meta={"forced": forced}))
    return i


def _kept_blank(line: _Line) -> bool:
    """Two spaces (or more) on an otherwise empty line keep a paragraph going (spec)."""
    return len(line.text) >= 2 and not line.text.strip() and not line.region


def _dialogue_block(lines: list[_Line], i: int, out: list[_Element], block: int) -> int:
    line = lines[i]
    text = line.text.strip()
    forced = text.startswith("@")
    if forced:
        text = text[1:]
    dual = text.endswith("^")
    if dual:
        text = text[:-1].rstrip()
    name, extension = split_extension(text)
    name_plain = parse_inline(name)[0].strip()
    meta: dict[str, Any] = {"forced": forced, "dual": dual, "extension": extension, "block": block,
                            "character": name_plain}
    out.append(_Element("character", [line], text, speaker=name_plain, meta=meta))
    if dual:
        for prev in reversed(out[:-1]):
            if prev.element == "character":
                prev.meta["dual_left"] = True
                break
    i += 1
    n = len(lines)
    parenthetical = ""
    dialogue: list[_Line] = []
    dialogue_texts: list[str] = []
    common = {"block": block, "character": name_plain, "extension": extension, "dual": dual}

    def flush() -> None:
        if dialogue:
            out.append(_Element("dialogue", list(dialogue), _raw(dialogue_texts), speaker=name_plain,
                                meta={**common, "parenthetical": parenthetical}))
            dialogue.clear()
            dialogue_texts.clear()

    while i < n:
        line = lines[i]
        if line.blank and not _kept_blank(line):
            break
        stripped = line.clean.strip()
        if line.region:
            flush()
            out.append(_region_element(line, block=block))
        elif stripped.startswith("(") and stripped.endswith(")"):
            flush()
            inner = line.text.strip()
            inner = inner[inner.find("(") + 1 : inner.rfind(")")].strip()
            parenthetical = parse_inline(inner)[0].strip()
            out.append(_Element("parenthetical", [line], inner.replace("\n", "\\N"), speaker=name_plain,
                                meta=dict(common)))
        elif _LYRIC.match(line.clean):
            flush()
            group = [line]
            while i + 1 < n and not lines[i + 1].blank and not lines[i + 1].region and _LYRIC.match(lines[i + 1].clean):
                i += 1
                group.append(lines[i])
            out.append(_Element("lyrics", group, _raw([_strip_prefix(x, r"~\s*").strip() for x in group]),
                                speaker=name_plain, meta={**common, "forced": True}))
        else:
            dialogue.append(line)
            dialogue_texts.append(line.text.strip())
        i += 1
    flush()
    return i


# --- reading -------------------------------------------------------------------------------------


def read_fountain(text: str, *, path: str, **_: Any) -> tuple[Transcript, list[Problem]]:
    """Parse Fountain ``text`` into a Transcript (one cue per element; see the module docstring)."""
    physical, newline = split_lines(text)
    logical, problems = _logical_lines(physical)
    elements = _parse_elements(logical)
    transcript = Transcript(path=path, format="fountain", meta={"newline": newline})
    scene, scene_no = "", 0
    cursor = 0  # 0-based index of the next physical line not yet written
    for element in elements:
        first = element.lines[0].no - 1
        gap = physical[cursor:first]
        src = [x for line in element.lines for x in line.src]
        cursor = first + len(src)
        if element.element == "scene_heading":
            scene_no += 1
            scene = element.meta["heading"]
        meta = dict(element.meta)
        meta.update({"element": element.element, "scene": scene, "scene_no": scene_no, "src": src, "gap": gap})
        if element.element == "title_page" and meta.get("key", "").lower() == "title":
            transcript.meta.setdefault("info", {})["Title"] = parse_inline(element.raw)[0].replace("\n", " ")
        cue = _make_cue(len(transcript.cues), element, meta)
        transcript.cues.append(cue)
    transcript.meta["tail"] = physical[cursor:]
    _mark_languages(transcript)
    return transcript, problems


def _make_cue(index: int, element: _Element, meta: dict[str, Any]) -> Cue:
    raw = element.raw
    markup: list[Markup] = []
    if element.element in ("note", "boneyard"):
        text = element.meta["content"]
    elif element.element == "page_break":
        text = raw
    else:
        text, markup = parse_inline(raw)
    return Cue(index=index, start=None, end=None, raw=raw, text=text, markup=markup, speaker=element.speaker,
               kind=ELEMENT_KINDS[element.element], line=element.lines[0].no, meta=meta)


def parenthetical_language(parenthetical: str) -> str:
    """The language code a parenthetical such as "(in Spanish)" names, or ""."""
    m = _IN_LANGUAGE.search(parenthetical)
    return LANGUAGE_NAMES[m.group(1).lower()] if m else ""


def _mark_languages(transcript: Transcript) -> None:
    for cue in transcript.cues:
        if cue.meta.get("element") not in ("dialogue", "lyrics"):
            continue
        lang = parenthetical_language(cue.meta.get("parenthetical", ""))
        if lang and lang != "en":
            cue.meta["language"] = lang
            cue.meta["no_translate"] = f"already in {lang} (parenthetical “({cue.meta['parenthetical']})”)"


# --- writing -------------------------------------------------------------------------------------


def write_fountain(transcript: Transcript, *, lang: str | None = None) -> str:
    """The transcript as Fountain, in ``lang`` when given (see the module docstring)."""
    if transcript.format != "fountain" or any("src" not in c.meta for c in transcript.cues):
        return _write_foreign(transcript, lang)
    nl = transcript.meta.get("newline", "\n")
    if lang is not None and lang not in transcript.cue_translations:
        raise UsageError(
            f"has no translation into {lang!r} (known: {', '.join(sorted(transcript.cue_translations)) or 'none'}); "
            "translate it first",
            path=transcript.path,
        )
    texts = transcript.cue_translations.get(lang or "") or []
    out: list[str] = []
    for cue in transcript.cues:
        out.extend(cue.meta.get("gap", []))
        src = list(cue.meta.get("src", []))
        raw = texts[cue.index] if lang is not None and cue.index < len(texts) else None
        if raw is None or not raw.strip() or cue.meta.get("no_translate") or cue.kind == "comment":
            out.extend(src)  # untranslated (or a translation left empty): the source as written
            continue
        out.extend(render_element(cue, raw, lang or ""))
    out.extend(transcript.meta.get("tail", [""]))
    return nl.join(out)


def _one_line(raw: str) -> str:
    return " ".join(part.strip() for part in raw.replace("\\N", "\n").split("\n") if part.strip())


def render_element(cue: Cue, raw: str, lang: str = "") -> list[str]:
    """The Fountain lines for ``cue`` holding the (translated) raw text ``raw``."""
    element = cue.meta.get("element", "action")
    text = _one_line(raw)
    if element == "dialogue":
        return [text]
    if element == "parenthetical":
        inner = text.strip()
        while inner.startswith("(") and inner.endswith(")"):
            inner = inner[1:-1].strip()
        return [f"({inner})"]
    if element == "lyrics":
        return ["~" + part.strip() for part in raw.replace("\\N", "\n").split("\n") if part.strip()]
    if element == "scene_heading":
        location = text.upper() if cue.text == cue.text.upper() else text
        time = cue.meta.get("time", "")
        if time:
            time = TIME_OF_DAY.get(lang, {}).get(time.upper(), time)
        heading = cue.meta.get("prefix", "") + location + (cue.meta.get("sep", "") + time if time else "")
        heading += cue.meta.get("number", "")
        forced = cue.meta.get("forced") or not is_heading(heading)
        return [("." if forced else "") + heading]
    if element == "transition":
        upper = text.upper()
        forced = cue.meta.get("forced") or not is_transition(upper)
        return [("> " if forced else "") + upper]
    if element == "centered":
        return [f"> {text} <"]
    # action
    plain = parse_inline(text)[0].strip()
    needs_force = (
        cue.meta.get("forced") or _special(text) or is_heading(plain) or is_transition(plain)
        or text.lstrip().startswith((".", "@", "!", "[[", "/*")) or (plain == plain.upper() and
                                                                     any(ch.isalpha() for ch in plain))
    )
    return [("!" if needs_force else "") + text]


def _write_foreign(transcript: Transcript, lang: str | None) -> str:
    """A transcript from another format as a Fountain script: speakers become character cues,
    signs and sound cues action, lyrics ``~`` lines, comments notes."""
    from .markup import flavour_of, parse_raw
    from .subtitles import _cue_text

    title = (transcript.meta.get("info") or {}).get("Title") if isinstance(transcript.meta.get("info"), dict) else None
    out: list[str] = [f"Title: {title}", ""] if title else []
    flavour = flavour_of(transcript.format)
    for cue in transcript.cues:
        raw, _end = _cue_text(transcript, cue, lang)
        if flavour == "fountain":
            text = _one_line(raw)
        else:
            plain, markup = parse_raw(raw, flavour)
            text = _one_line(render_inline(plain, markup))
        if not text:
            continue
        if cue.kind == "comment":
            out += [f"[[{text}]]", ""]
        elif cue.kind == "lyrics":
            out += ["~" + text.strip("♪♫ ").strip(), ""]
        elif cue.kind == "dialogue" and cue.speaker and "/" not in cue.speaker:
            name = cue.speaker.upper()
            out += [name if is_character(name) else "@" + cue.speaker, text, ""]
        else:
            stub = Cue(index=cue.index, start=None, end=None, raw=text, text=text, meta={"element": "action"})
            out += render_element(stub, text) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def structure(transcript: Transcript) -> list[tuple[str, str]]:
    """``(element, speaker)`` for every cue: what a translation must keep."""
    return [(c.meta.get("element", ""), c.speaker) for c in transcript.cues]


__all__ = [
    "ELEMENTS",
    "ELEMENT_KINDS",
    "LANGUAGE_NAMES",
    "TIME_OF_DAY",
    "find_regions",
    "is_character",
    "is_heading",
    "is_transition",
    "parenthetical_language",
    "parse_inline",
    "read_fountain",
    "render_element",
    "render_inline",
    "structure",
    "write_fountain",
]
