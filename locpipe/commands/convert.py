"""``locpipe convert``: write a subtitle or script file in another format."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--format-out", default=None, help="Output format (default: from TARGET's extension).")
@click.option("--format", "fmt", default=None, help="Read SOURCE as this format instead of detecting it.")
@click.option("--encoding", default=None, help="Read SOURCE in this encoding instead of detecting it.")
@click.option("--fps", type=float, default=None, help="Frame rate for frame-based formats (MicroDVD).")
@click.option("--strict", is_flag=True, help="Stop at the first malformed block instead of skipping it.")
def convert_cmd(
    source: Path,
    target: Path,
    format_out: str | None,
    fmt: str | None,
    encoding: str | None,
    fps: float | None,
    strict: bool,
) -> None:
    """Convert SOURCE to TARGET (srt, ass, ssa, vtt, microdvd, mpl2, tmp, ttml, json, txt).

    ASS script info, styles, layers, margins and actors are kept; italics,
    bold, underline, colours and positioning become the target's markup where
    it has one. SOURCE is never overwritten; TARGET is written atomically and
    in UTF-8. Findings (malformed blocks, mojibake) are printed as warnings.
    """
    from ..formats import get_format, load, save, target_format

    if format_out:
        get_format(format_out)
    transcript = load(source, encoding=encoding, fps=fps, format=fmt, strict=strict)
    for finding in transcript.findings:
        if finding.severity != "info":
            click.echo(f"warning: {finding.location()}: {finding.check}: {finding.message}", err=True)
    save(transcript, target, format=format_out, protect=[source])
    out_fmt = target_format(transcript, format_out, target)
    click.echo(f"Wrote {target} ({transcript.format} → {out_fmt}, {len(transcript.cues)} cues)")
