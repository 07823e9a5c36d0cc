"""Building :class:`~locpipe.model.Cue` objects the same way for every format."""

from __future__ import annotations

from typing import Any

from ..model import Cue
from .kinds import classify, has_dashes, speaker_prefix
from .markup import parse_raw, voice_of


def make_cue(
    index: int,
    start: int | None,
    end: int | None,
    raw: str,
    *,
    flavour: str,
    style: str = "",
    speaker: str = "",
    line: int | None = None,
    meta: dict[str, Any] | None = None,
    comment: bool = False,
    name_prefix: bool = True,
) -> Cue:
    """A cue with plain text, markup, speaker and kind worked out from ``raw``.

    ``flavour`` is the markup convention of ``raw`` (``ass``, ``html``, ``vtt``,
    ``plain``); ``name_prefix`` enables the conservative ``NAME:`` speaker rule.
    """
    text, markup = parse_raw(raw, flavour)
    cue = Cue(
        index=index,
        start=start,
        end=end,
        raw=raw,
        text=text,
        markup=markup,
        style=style,
        speaker=speaker,
        line=line,
        meta=dict(meta or {}),
    )
    if not cue.speaker and flavour == "vtt":
        cue.speaker = voice_of(markup)
    if not cue.speaker and name_prefix:
        cue.speaker = speaker_prefix(text)
    cue.kind = classify(cue, comment=comment)
    if has_dashes(text):
        cue.meta["dashes"] = True
    return cue
