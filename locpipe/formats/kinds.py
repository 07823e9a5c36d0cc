"""Cue kinds, speaker prefixes and speaker dashes.

Rules, in order (first match wins):

- ``comment``: an ASS ``Comment:`` line.
- ``drawing``: an override block with ``\\p1`` or higher (vector drawing).
- ``karaoke``: ``\\k``, ``\\K``, ``\\kf``, ``\\ko`` timing tags.
- ``sign``: the style name says so (``Sign``, ``Signs``, ``OnScreen``, ``Title``,
  ``Typeset``, ``TS`` ...), or a positioned line (``\\pos``, ``\\move``,
  ``\\an7``-``\\an9``) whose style is not a dialogue style and has no actor; in
  formats without styles (SRT, VTT), a top-positioned (``{\\an7}``-``{\\an9}``)
  or ``\\pos`` line with no lower-case letter and no speaker (an on-screen caption).
- ``lyrics``: the text is wrapped in ``♪``/``♫`` (or ``#`` … ``#``) and holds
  words that are not only a bracketed description.
- ``sdh``: every line is a bracketed description (``[door slams]``,
  ``(LAUGHS)``), optionally between music notes (``♪ [instrumental music] ♪``).
- otherwise ``dialogue``.

Speaker prefix (SRT/VTT): a leading ``NAME:`` is taken as the speaker only when
NAME is upper case (1–3 words, ≤ 25 characters, letters, digits, ``.'-``),
is not a label such as ``NOTE`` or ``WARNING``, and the rest of the cue has
lower-case letters (so an all-caps subtitle "I SAID: GO" is left alone). The
prefix stays in the text (it is on screen); only ``Cue.speaker`` is set.
"""

from __future__ import annotations

import re

from ..model import Cue

SIGN_STYLE = re.compile(
    r"^(?:signs?|on[\s_-]?screen|titles?|typeset(?:ting)?|ts|text|caption|overlay|"
    r"sign[\s_-].*|.*[\s_-]signs?|.*[\s_-]ts)$",
    re.IGNORECASE,
)
_DIALOGUE_STYLE = re.compile(r"^(?:default|main|dialog(?:ue)?|italics?|top|alt|flashback|narrat.*)$", re.I)
_KARAOKE = re.compile(r"\\(?:k|K|kf|ko)\d")
_DRAWING = re.compile(r"\\p([1-9]\d*)")
_POSITION = re.compile(r"\\(?:pos|move)\(|\\an[789]\b|\\a(?:5|6|7|9|10|11)\b")
_BRACKETED_LINE = re.compile(r"^\s*(?:-\s*)?(?:[♪♫#]\s*)?(?:\[[^\]]*\]|\([^)]*\))(?:\s*[♪♫#])?\s*$")
_LYRICS = re.compile(r"^\s*(?:-\s*)?[♪♫#]|[♪♫]\s*$")
_DASH_LINE = re.compile(r"^\s*[-‐–—]\s*\S")
_NAME_PREFIX = re.compile(r"^\s*(?:[-–—]\s*)?([A-Z][A-Z0-9.'\-]*(?: [A-Z0-9][A-Z0-9.'\-]*){0,2}):\s+\S")
_NOT_NAMES = {
    "NOTE", "NOTES", "WARNING", "CAUTION", "PS", "P.S.", "NB", "N.B.", "FYI", "RE", "TO", "FROM",
    "OK", "A", "I", "Q", "TIP", "ATTENTION", "IMPORTANT", "UPDATE", "EDIT", "TIME",
}


def classify(cue: Cue, *, comment: bool = False) -> str:
    """Return the kind of ``cue`` (``raw``, ``text`` and ``style`` must be set)."""
    if comment:
        return "comment"
    raw = cue.raw
    blocks = "".join(re.findall(r"\{([^{}]*)\}", raw))
    if blocks:
        if _DRAWING.search(blocks):
            return "drawing"
        if _KARAOKE.search(blocks):
            return "karaoke"
    style = cue.style.strip()
    if style and SIGN_STYLE.match(style):
        return "sign"
    if (
        blocks
        and _POSITION.search(blocks)
        and style
        and not _DIALOGUE_STYLE.match(style)
        and not cue.speaker
    ):
        return "sign"
    if (
        blocks
        and not style
        and _POSITION.search(blocks)
        and not cue.speaker
        and re.search(r"[^\W\d_]", cue.text)
        and not any(ch.islower() for ch in cue.text)
    ):
        return "sign"
    lines = [ln for ln in cue.text.split("\n") if ln.strip()]
    if not lines:
        return "dialogue"
    if all(_BRACKETED_LINE.match(ln) for ln in lines) or not re.search(r"\w", cue.text):
        return "sdh"
    text = cue.text.strip()
    if _LYRICS.search(text) and re.search(r"\w", re.sub(r"\[[^\]]*\]|\([^)]*\)", "", text)):
        return "lyrics"
    return "dialogue"


def has_dashes(text: str) -> bool:
    """True for a two-speaker cue: two or more lines, each starting with a dash."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return len(lines) >= 2 and sum(1 for ln in lines if _DASH_LINE.match(ln)) >= 2


def speaker_prefix(text: str, *, lenient: bool = False) -> str:
    """The speaker named by a leading ``NAME:`` (see the module docstring), or ""."""
    if lenient:
        m = re.match(r"^\s*([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2}):\s+\S", text)
        if not m or m.group(1).upper() in _NOT_NAMES or len(m.group(1)) > 30:
            return ""
        return m.group(1)
    m = _NAME_PREFIX.match(text)
    if not m:
        return ""
    name = m.group(1)
    if name in _NOT_NAMES or len(name) > 25 or sum(ch.isalpha() for ch in name) < 2:
        return ""
    rest = text[m.end(1):]
    if not any(ch.islower() for ch in rest):
        return ""
    return name
