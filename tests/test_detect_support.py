"""Helpers for the detection tests: transcripts built by hand, one segment per cue."""

from __future__ import annotations

from pathlib import Path

from locpipe.model import Cue, Segment, SegmentPart, Transcript

LEXICONS = Path(__file__).resolve().parent / "data" / "lexicons"


def make_transcript(lines: list[str], *, lang: str = "en", kinds: dict[int, str] | None = None,
                    cps_ms: int = 2000) -> Transcript:
    """A transcript with one cue and one segment per line (SDH when the line is bracketed)."""
    cues = []
    segments = []
    for i, line in enumerate(lines):
        kind = (kinds or {}).get(i) or ("sdh" if line.startswith(("[", "(")) and line.endswith(("]", ")")) else "dialogue")
        cues.append(Cue(index=i, start=i * 3000, end=i * 3000 + cps_ms, raw=line, text=line, kind=kind))
        segments.append(Segment(id=f"s{i + 1:04d}", parts=[SegmentPart(i, 0, len(line))], text=line))
    return Transcript(path="test.srt", format="srt", language=lang, cues=cues, segments=segments)


def flags_of(transcript: Transcript, kind: str | None = None) -> list[tuple[str, str, str, str]]:
    """(segment, label, text, rule_id) of every flag (of a kind)."""
    return [(f.segment, f.label, f.text, f.rule_id) for f in transcript.flags if kind is None or f.kind == kind]
