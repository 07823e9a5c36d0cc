"""The JSON output: the whole transcript (cues, segments, flags, translations, findings).

It is :meth:`locpipe.model.Transcript.to_json` unchanged, so
:meth:`~locpipe.model.Transcript.from_json` reads it back; the schema is
documented in ``docs/schema.md``.
"""

from __future__ import annotations

from pathlib import Path

from ..io import atomic_write_text
from ..model import Transcript


def write_json(transcript: Transcript, path: str | Path, *, protect: tuple[str | Path, ...] = ()) -> Path:
    atomic_write_text(path, transcript.to_json(indent=2) + "\n", protect=protect)
    return Path(path)
