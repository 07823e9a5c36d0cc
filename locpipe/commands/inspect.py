"""``locpipe inspect``: what locpipe reads in a file: format, encoding, cues, segments, findings."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from ..errors import LocpipeError
from ..model import CUE_KINDS, Transcript


def _encoding_label(transcript: Transcript, given: bool) -> str:
    if given:
        return f"{transcript.encoding} (given)"
    if transcript.encoding_detected:
        return f"{transcript.encoding} (detected)"
    if transcript.meta.get("bom"):
        return f"{transcript.encoding} (byte-order mark)"
    return transcript.encoding


def _kinds_label(transcript: Transcript) -> str:
    counts = Counter(c.kind for c in transcript.cues)
    parts = [f"{kind} {counts[kind]}" for kind in CUE_KINDS if counts[kind]]
    total = len(transcript.cues)
    return f"{total} ({', '.join(parts)})" if parts else str(total)


def _report(transcript: Transcript, given_encoding: bool) -> list[str]:
    lines = [
        transcript.path,
        f"  format:    {transcript.format}",
        f"  encoding:  {_encoding_label(transcript, given_encoding)}",
        f"  language:  {transcript.language or 'not told by the text or the name (read as en; pass --from)'}",
        f"  cues:      {_kinds_label(transcript)}",
        f"  segments:  {len(transcript.segments)}",
        f"  findings:  {len(transcript.findings)}",
    ]
    for finding in transcript.findings:
        lines.append(f"    {finding.location()}: {finding.severity} {finding.check}: {finding.message}")
    return lines


@click.command("inspect")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the transcript JSON (a list for several files).")
@click.option("--encoding", default=None, help="Read the files in this encoding instead of detecting it.")
@click.option("--fps", type=float, default=None, help="Frame rate for frame-based formats (MicroDVD).")
@click.option("--format", "fmt", default=None, help="Read the files as this format instead of detecting it.")
@click.option("--strict", is_flag=True, help="Treat a malformed block as an error (exit 2).")
@click.pass_context
def inspect_cmd(
    ctx: click.Context,
    files: tuple[Path, ...],
    as_json: bool,
    encoding: str | None,
    fps: float | None,
    fmt: str | None,
    strict: bool,
) -> None:
    """Show how locpipe reads FILE...: format, encoding, cues by kind, segments, findings.

    Exit code 0 when every file was read (findings such as malformed blocks or
    mojibake are warnings), 2 when a file could not be read; the other files
    are still inspected.
    """
    from ..formats import load
    from ..stages.segment import segment

    transcripts: list[Transcript] = []
    errors: list[LocpipeError] = []
    for path in files:
        try:
            transcript = load(path, encoding=encoding, fps=fps, format=fmt, strict=strict)
        except LocpipeError as err:
            errors.append(err)
            continue
        segment(transcript)
        transcripts.append(transcript)
        if not as_json:
            if len(transcripts) > 1:
                click.echo("")
            for line in _report(transcript, encoding is not None):
                click.echo(line)
    if as_json:
        data = [t.to_dict() for t in transcripts]
        click.echo(json.dumps(data[0] if len(files) == 1 and data else data, ensure_ascii=False, indent=2))
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    if errors:
        ctx.exit(2)
