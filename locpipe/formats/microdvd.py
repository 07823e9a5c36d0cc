"""MicroDVD (``{start}{end}text``, frame numbers): the line checks and the frame rate, before pysubs2 reads it.

pysubs2 skips lines it cannot read without a word (a negative frame, an empty
end frame, a line that is not MicroDVD at all) and refuses a file with no
frame rate. Here every line is looked at first:

- the frame rate is ``--fps`` when given, else the rate the file declares in
  its first line (``{1}{1}23.976``; ``{0}{0}25`` as pysubs2 writes it), else
  :data:`DEFAULT_FPS` (what players assume), reported as a ``parse.fps-assumed``
  finding (functional) that says which rate was used and that ``--fps`` sets the right one;
- a negative frame is read as written (and reported by the caller);
- a line that cannot be read is left out and reported with its line.

:func:`scan_microdvd` returns the text to hand to pysubs2 (one clean line per
cue) with the source line of each cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import NEWLINE, Problem, _short

#: Frame rate assumed for a MicroDVD file that declares none (the usual default of players: NTSC film).
DEFAULT_FPS = 23.976

_LINE = re.compile(r"^\s*\{\s*(-?\d+)\s*\}\s*\{\s*(-?\d*)\s*\}(.*)$")
_RATE = re.compile(r"\s*(\d{1,3}(?:[.,]\d+)?)\s*")


@dataclass
class MicroDVDScan:
    """Attributes:
    text: one ``{start}{end}text`` line per cue, frames made non-negative (what pysubs2 reads).
    fps: the frame rate to read it at.
    fps_source: ``given``, ``declared`` or ``assumed``.
    event_lines: 1-based source line of each cue.
    negative: per cue, whether its start and its end frame were negative.
    problems: lines left out, the assumed frame rate.
    """

    text: str
    fps: float
    fps_source: str
    event_lines: list[int]
    negative: list[tuple[bool, bool]]
    problems: list[Problem]


def scan_microdvd(text: str, fps: float | None = None) -> MicroDVDScan:
    """Check every line of a MicroDVD file and work out its frame rate (see the module docstring)."""
    out: list[str] = []
    event_lines: list[int] = []
    negative: list[tuple[bool, bool]] = []
    problems: list[Problem] = []
    declared: float | None = None
    first = True
    for i, line in enumerate(NEWLINE.split(text)):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            problems.append(Problem(i + 1, f"not a MicroDVD line ({{start}}{{end}}text), left out: "
                                           f"{_short([line])!r}; fix or remove it"))
            continue
        start, end, body = m.groups()
        if first:
            first = False
            rate = _RATE.fullmatch(body)
            if start == end and start in ("0", "1") and rate:
                value = float(rate.group(1).replace(",", "."))
                if value > 0:
                    declared = value
                    continue
        if not end:
            problems.append(Problem(i + 1, f"no end frame in {{{start}}}{{}}; cue left out (give its end frame)"))
            continue
        if not body.strip():
            problems.append(Problem(i + 1, "cue with no text left out"))
            continue
        out.append(f"{{{abs(int(start))}}}{{{abs(int(end))}}}{body}")
        event_lines.append(i + 1)
        negative.append((start.startswith("-"), end.startswith("-")))
    if fps is not None:
        used, source = fps, "given"
    elif declared is not None:
        used, source = declared, "declared"
    else:
        used, source = DEFAULT_FPS, "assumed"
        problems.append(Problem(
            None,
            f"a frame-based (MicroDVD) file with no frame rate in it: read at {DEFAULT_FPS:g} fps, the rate players "
            "assume; if the timings drift from the video, pass --fps with the video's frame rate (e.g. --fps 25)",
            "parse.fps-assumed",
            "functional",
        ))
    return MicroDVDScan("\n".join(out), used, source, event_lines, negative, problems)


__all__ = ["DEFAULT_FPS", "MicroDVDScan", "scan_microdvd"]
