"""Markup: raw cue text ⇄ plain text + :class:`~locpipe.model.Markup` spans.

Conventions (shared by every format, see ``docs/ARCHITECTURE.md``):

- ``Cue.raw`` and every entry of ``Transcript.cue_translations`` hold text in the
  *source format's* markup convention (HTML-like tags for SRT/VTT, ``{\\...}``
  override blocks for ASS/SSA) with ``\\N`` for every line break. Writers
  convert that raw text to the target format with :func:`convert_raw`.
- ASS: an override block holding one toggle (``{\\i1}``, ``{\\b1}``, ``{\\u1}``,
  ``{\\s1}``, ``{\\c&H..&}``) is paired with the next block that turns it off
  (``{\\i0}``, ``{\\i}``, ``{\\c}``, ``{\\r}``) and becomes a span (tag ``i`` …
  ``color``); any other block is a point tag ``ass`` at its position.
  ``\\N``/``\\n`` → ``"\\n"``, ``\\h`` → ``" "``.
- SRT/VTT: ``<i> <b> <u> <s> <font …>`` (and VTT ``<c.x> <v Name> <lang>
  <ruby> <rt>``) become spans; a VTT timestamp tag ``<00:01.000>`` is a point
  tag ``time``; entities (``&amp;`` …) are decoded in the plain text. A tag that
  is never closed runs to the end of the cue (``raw_close`` is ``""``).
- SRT may carry ``{\\an8}``-style positioning; it is a point tag ``ass``.
"""

from __future__ import annotations

import html
import re

from ..model import Markup

_ASS_BLOCK = re.compile(r"\{([^{}]*)\}")
_ASS_TAG = re.compile(r"\\(?:[^\\(]+(?:\([^)]*\)?)?)")
_ASS_TOGGLE = re.compile(r"^\\(i|b|u|s)(\d*)$")
_ASS_COLOR = re.compile(r"^\\1?c(&H[0-9A-Fa-f]{1,8}&?)?$")
_ASS_ESCAPE = re.compile(r"\\[Nnh]")

_HTML_TAG = re.compile(r"<(/?)([A-Za-z]+|\d[\d:.]*)((?:[.][^\s<>.]+)*)(?:\s+([^<>]*))?>")
_SIMPLE_TAGS = {"i", "b", "u", "s"}
_VTT_TAGS = {"c", "v", "lang", "ruby", "rt"}


def _ass_plain(segment: str) -> str:
    return segment.replace("\\N", "\n").replace("\\n", "\n").replace("\\h", " ")


def parse_ass(raw: str) -> tuple[str, list[Markup]]:
    """Split ASS event text into plain text and markup spans."""
    text_parts: list[str] = []
    pos = 0
    length = 0
    markup: list[Markup] = []
    open_spans: dict[str, Markup] = {}
    for m in _ASS_BLOCK.finditer(raw):
        plain = _ass_plain(raw[pos: m.start()])
        text_parts.append(plain)
        length += len(plain)
        pos = m.end()
        body = m.group(1)
        tags = _ASS_TAG.findall(body)
        closed = False
        if len(tags) == 1 and "".join(tags) == body:
            tag = tags[0]
            toggle = _ASS_TOGGLE.match(tag)
            color = _ASS_COLOR.match(tag)
            name = value = None
            if toggle:
                name, value = toggle.group(1), toggle.group(2)
                turning_off = value in ("", "0")
            elif color:
                name, value = "color", color.group(1) or ""
                turning_off = value == ""
            elif tag == "\\r":
                for span in open_spans.values():
                    span.end = length
                    span.raw_close = m.group()
                closed = bool(open_spans)
                open_spans.clear()
                if closed:
                    continue
            if name is not None:
                if turning_off and name in open_spans:
                    span = open_spans.pop(name)
                    span.end = length
                    span.raw_close = m.group()
                    continue
                if not turning_off:
                    if name in open_spans:  # re-opened without closing: close the old one here
                        open_spans.pop(name).end = length
                    span = Markup(length, length, name, _ass_value(name, value or ""), m.group(), "")
                    markup.append(span)
                    open_spans[name] = span
                    continue
        markup.append(Markup(length, length, "ass", body, m.group(), ""))
    plain = _ass_plain(raw[pos:])
    text_parts.append(plain)
    length += len(plain)
    for span in open_spans.values():
        span.end = length
    return "".join(text_parts), markup


def _ass_value(name: str, value: str) -> str:
    if name == "color":
        return ass_color_to_html(value) or value
    return value


def ass_color_to_html(value: str) -> str:
    """``&H0000FF&`` (BGR) → ``#ff0000``; "" when not a colour."""
    m = re.fullmatch(r"&H([0-9A-Fa-f]{1,8})&?", value)
    if not m:
        return ""
    digits = m.group(1).rjust(6, "0")[-6:]
    b, g, r = digits[0:2], digits[2:4], digits[4:6]
    return f"#{r}{g}{b}".lower()


def html_color_to_ass(value: str) -> str:
    """``#ff0000`` → ``&H0000FF&``; "" when not a ``#rrggbb`` colour."""
    m = re.fullmatch(r"#?([0-9A-Fa-f]{6})", value.strip().strip("\"'"))
    if not m:
        return ""
    d = m.group(1)
    return f"&H{d[4:6]}{d[2:4]}{d[0:2]}&".upper().replace("&H", "&H")


def parse_html(raw: str, *, vtt: bool = False) -> tuple[str, list[Markup]]:
    """Split SRT/VTT cue text (``\\N`` line breaks) into plain text and spans."""
    text_parts: list[str] = []
    pos = 0
    length = 0
    markup: list[Markup] = []
    stack: list[Markup] = []

    def add_text(chunk: str) -> None:
        nonlocal length
        # {\an8} and friends inside SRT: point tags, not text
        sub_pos = 0
        for m in _ASS_BLOCK.finditer(chunk):
            if not m.group(1).startswith("\\"):
                continue
            plain = _decode_text(chunk[sub_pos: m.start()], vtt)
            text_parts.append(plain)
            length += len(plain)
            markup.append(Markup(length, length, "ass", m.group(1), m.group(), ""))
            sub_pos = m.end()
        plain = _decode_text(chunk[sub_pos:], vtt)
        text_parts.append(plain)
        length += len(plain)

    for m in _HTML_TAG.finditer(raw):
        closing, name, classes, attrs = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        lname = name.lower()
        known = lname in _SIMPLE_TAGS or lname == "font" or (vtt and (lname in _VTT_TAGS or name[0].isdigit()))
        if not known:
            continue
        add_text(raw[pos: m.start()])
        pos = m.end()
        if name[0].isdigit():
            markup.append(Markup(length, length, "time", name, m.group(), ""))
            continue
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].tag == lname:
                    span = stack.pop(i)
                    span.end = length
                    span.raw_close = m.group()
                    break
            else:  # a stray closing tag: keep it as a point tag so nothing is lost
                markup.append(Markup(length, length, lname, "", m.group(), ""))
            continue
        value = attrs.strip()
        if lname == "c" or (classes and lname in _VTT_TAGS | _SIMPLE_TAGS):
            value = (classes + (" " + value if value else "")).strip()
        span = Markup(length, length, lname, value, m.group(), "")
        markup.append(span)
        stack.append(span)
    add_text(raw[pos:])
    for span in stack:
        span.end = length
    return "".join(text_parts), markup


def _decode_text(chunk: str, vtt: bool) -> str:
    chunk = chunk.replace("\\N", "\n")
    if vtt and "&" in chunk:
        chunk = html.unescape(chunk)
    return chunk


def voice_of(markup: list[Markup]) -> str:
    """The speaker named by the first VTT ``<v Name>`` tag, or ""."""
    for span in markup:
        if span.tag == "v" and span.value:
            name = span.value
            if name.startswith("."):  # <v.loud Bob>
                name = name.split(" ", 1)[1] if " " in name else ""
            return name.strip()
    return ""


def parse_raw(raw: str, flavour: str) -> tuple[str, list[Markup]]:
    """Plain text and markup of ``raw`` written in ``flavour`` (``ass``, ``html``, ``vtt``, ``plain``)."""
    if flavour == "ass":
        return parse_ass(raw)
    if flavour == "html":
        return parse_html(raw)
    if flavour == "vtt":
        return parse_html(raw, vtt=True)
    if flavour == "fountain":
        from .fountain import parse_inline

        return parse_inline(raw)
    return raw.replace("\\N", "\n"), []


# --- rendering --------------------------------------------------------------


def _open_close(span: Markup, target: str) -> tuple[str, str] | None:
    """The opening/closing tag of ``span`` in the ``target`` flavour, None to drop it."""
    tag = span.tag
    if target == "ass":
        if tag in _SIMPLE_TAGS:
            return "{\\" + tag + (span.value if span.value not in ("", "0") else "1") + "}", "{\\" + tag + "0}"
        if tag == "color":
            col = html_color_to_ass(span.value) or span.value
            return "{\\c" + col + "}", "{\\c}"
        if tag == "font":
            opens, closes = _font_to_ass(span.value)
            return ("{" + opens + "}", "{" + closes + "}") if opens else None
        if tag == "ass":
            return "{" + span.value + "}", ""
        return None
    # html-like targets (srt, vtt)
    if tag in _SIMPLE_TAGS:
        if span.value in ("0",):
            return None
        return f"<{tag}>", f"</{tag}>"
    if tag == "color":
        col = span.value if span.value.startswith("#") else ass_color_to_html(span.value)
        return (f'<font color="{col}">', "</font>") if col else None
    if tag == "font":
        return f"<font {span.value}>" if span.value else "<font>", "</font>"
    if target == "vtt" and tag in _VTT_TAGS:
        classes = ""
        value = span.value
        if value.startswith("."):
            classes, _, value = value.partition(" ")
        opening = f"<{tag}{classes}" + (f" {value}" if value else "") + ">"
        return opening, f"</{tag}>" if tag != "v" or span.raw_close else ""
    if target == "vtt" and tag == "time":
        return f"<{span.value}>", ""
    if target == "srt" and tag == "ass" and re.fullmatch(r"\\an\d", span.value):
        return "{" + span.value + "}", ""
    return None


def _font_to_ass(value: str) -> tuple[str, str]:
    opens, closes = "", ""
    for key, val in re.findall(r'(\w+)\s*=\s*"?([^"\s]+)"?', value):
        key = key.lower()
        if key == "color" and html_color_to_ass(val):
            opens += "\\c" + html_color_to_ass(val)
            closes += "\\c"
        elif key == "face":
            opens += "\\fn" + val
            closes += "\\fn"
        elif key == "size" and val.isdigit():
            opens += "\\fs" + val
            closes += "\\fs"
    return opens, closes


def _escape(text: str, target: str) -> str:
    if target == "vtt":
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    elif target == "ass":
        text = text.replace("{", "(").replace("}", ")")
    return text.replace("\n", "\\N")


def render(text: str, markup: list[Markup], target: str) -> str:
    """Write plain ``text`` with ``markup`` as raw text of ``target`` (``ass``, ``srt``, ``vtt``, ``plain``).

    The result uses ``\\N`` for line breaks, like ``Cue.raw``. Markup the target
    cannot express is dropped.
    """
    if target == "plain":
        return text.replace("\n", "\\N")
    if target == "fountain":
        from .fountain import render_inline

        return render_inline(text, markup)
    events: list[tuple[int, int, int, str]] = []  # (offset, order class, seq, tag text)
    for seq, span in enumerate(markup):
        pair = _open_close(span, target)
        if pair is None:
            continue
        opening, closing = pair
        start = max(0, min(span.start, len(text)))
        end = max(start, min(span.end, len(text)))
        events.append((start, 1, seq, opening))
        if closing:
            events.append((end, 0, -seq, closing))
    events.sort()
    out: list[str] = []
    pos = 0
    for offset, _cls, _seq, tag_text in events:
        out.append(_escape(text[pos:offset], target))
        out.append(tag_text)
        pos = offset
    out.append(_escape(text[pos:], target))
    return "".join(out)


def flavour_of(fmt: str) -> str:
    """Markup flavour of a format's raw text: ``html`` (srt, SubViewer 2), ``vtt``, ``ass`` (ASS/SSA and every
    other pysubs2 format, whose text pysubs2 hands over as ASS), ``plain`` (scripts, SBV, LRC)."""
    if fmt in ("srt", "subviewer"):
        return "html"
    if fmt == "vtt":
        return "vtt"
    if fmt in ("ass", "ssa", "microdvd", "mpl2", "tmp", "ttml", "sami", "json", "whisper_jax"):
        return "ass"
    if fmt == "fountain":
        return "fountain"  # *italic*, **bold**, _underline_, inline [[notes]] (locpipe.formats.fountain)
    return "plain"


def convert_raw(raw: str, source_fmt: str, target_fmt: str) -> str:
    """Convert raw cue text from the markup of ``source_fmt`` to that of ``target_fmt``."""
    src, dst = flavour_of(source_fmt), flavour_of(target_fmt)
    if src == dst:
        return raw
    text, markup = parse_raw(raw, src)
    target = {"ass": "ass", "vtt": "vtt", "html": "srt", "plain": "plain", "fountain": "fountain"}[dst]
    return render(text, markup, target)
