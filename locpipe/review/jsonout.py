"""The JSON output: the whole transcript (cues, segments, flags, translations, findings).

It is :meth:`locpipe.model.Transcript.to_json` unchanged, so
:meth:`~locpipe.model.Transcript.from_json` reads it back; the schema is
documented in ``docs/schema.md``.

It is written streamed, one cue, segment, flag or finding at a time, so a
100,000-cue file never has its whole JSON (nor its whole dictionary tree) in
memory; the bytes are those of ``to_json(indent=2)`` plus a final newline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from ..io import atomic_open
from ..model import Transcript, _dump

INDENT = 2
#: characters gathered before one write
CHUNK_CHARS = 1 << 16


def _encode(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it at nesting ``level`` (its first line not indented:
    it follows a key or a list's indentation). JSON strings never hold a raw newline, so indenting each
    line is exact."""
    text = json.dumps(value, ensure_ascii=False, indent=INDENT)
    if level and "\n" in text:
        text = text.replace("\n", "\n" + " " * (INDENT * level))
    return text


def iter_json(transcript: Transcript) -> Iterator[str]:
    """The pieces of ``transcript.to_json(indent=2)``, in order, one list item at a time."""
    yield "{"
    pad = " " * INDENT
    inner = " " * (2 * INDENT)
    for k, f in enumerate(fields(transcript)):
        value = getattr(transcript, f.name)
        yield ("," if k else "") + f"\n{pad}{json.dumps(f.name, ensure_ascii=False)}: "
        if isinstance(value, list) and value:
            yield "["
            for i, element in enumerate(value):
                yield ("," if i else "") + f"\n{inner}" + _encode(_dump(element), 2)
            yield f"\n{pad}]"
        elif isinstance(value, dict) and value:
            yield "{"
            for i, (key, element) in enumerate(value.items()):
                yield ("," if i else "") + f"\n{inner}{json.dumps(key, ensure_ascii=False)}: " + _encode(_dump(element), 2)
            yield f"\n{pad}}}"
        else:
            yield _encode(_dump(value), 1)
    yield "\n}"


def write_json(transcript: Transcript, path: str | Path, *, protect: tuple[str | Path, ...] = ()) -> Path:
    """Write ``transcript.to_json(indent=2) + "\\n"`` to ``path`` atomically, streamed."""
    with atomic_open(path, "wb", protect=protect) as fh:
        buffer: list[str] = []
        size = 0
        for piece in iter_json(transcript):
            buffer.append(piece)
            size += len(piece)
            if size >= CHUNK_CHARS:
                fh.write("".join(buffer).encode("utf-8"))
                buffer, size = [], 0
        buffer.append("\n")
        fh.write("".join(buffer).encode("utf-8"))
    return Path(path)
