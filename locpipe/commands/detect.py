"""``locpipe detect``: idioms, culture-bound references, humor, dialect — what a translator must not miss."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..errors import InputError
from ..model import FLAG_KINDS
from . import ignore_option, report_failures


def _timecode(ms: int | None) -> str:
    if ms is None:
        return "--:--:--.---"
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _rows(transcript: Any) -> list[tuple[str, str, str, str, str]]:
    cues = {cue.index: cue for cue in transcript.cues}
    rows = []
    for flag in transcript.flags:
        first = cues.get(flag.cues[0]) if flag.cues else None
        where = ",".join(str(c + 1) for c in flag.cues) or "?"
        time = _timecode(first.start) if first is not None else ""
        note = flag.gloss
        if flag.suggestion:
            note = f"{note} → {flag.suggestion}" if note else flag.suggestion
        rows.append((where, time, f"{flag.kind}/{flag.label}", flag.text, note))
    return rows


def _summary(transcript: Any) -> str:
    counts: dict[str, int] = {}
    for flag in transcript.flags:
        counts[flag.kind] = counts.get(flag.kind, 0) + 1
    parts = ", ".join(f"{kind} {counts[kind]}" for kind in FLAG_KINDS if kind in counts)
    noun = "flag" if len(transcript.flags) == 1 else "flags"
    return f"{transcript.path}: {len(transcript.flags)} {noun}" + (f" ({parts})" if parts else "")


def _print_plain(transcript: Any) -> None:
    click.echo(_summary(transcript))
    for where, time, kind, text, note in _rows(transcript):
        click.echo(f"  cue {where:<6} {time:<12}  {kind:<22} {text!r:<28} {note}")


def _print_rich(transcript: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=_summary(transcript), title_justify="left", show_lines=False)
    for name in ("cue", "time", "kind", "text", "gloss / suggestion"):
        table.add_column(name, overflow="fold")
    for row in _rows(transcript):
        table.add_row(*row)
    console.print(table)


@click.command("detect")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--from", "lang", metavar="LANG", help="Source language (default: read from the file's text, else its name's tag, else en).")
@click.option("--json", "as_json", is_flag=True, help="Print the transcript JSON with its flags.")
@click.option("--kinds", metavar="KINDS", help=f"Comma-separated flag kinds to keep: {','.join(FLAG_KINDS)}.")
@click.option("--spacy-model", metavar="NAME_OR_PATH", help="A trained spaCy pipeline used as extra evidence.")
@click.option("--encoding", metavar="NAME", help="Input encoding (default: detected).")
@click.option("--fps", type=float, help="Frame rate for frame-based formats (MicroDVD).")
@click.option("--lexicon-dir", type=click.Path(file_okay=False), hidden=True,
              help="Lexicon root to read instead of the package's (<dir>/<lang>/*.jsonl).")
@ignore_option
def detect_cmd(
    files: tuple[str, ...], lang: str | None, as_json: bool, kinds: str | None, spacy_model: str | None,
    encoding: str | None, fps: float | None, lexicon_dir: str | None, ignore: str | None,
) -> None:
    """Flag idioms, culture-bound references, humor, dialect and slang in FILE(s).

    Prints a table (cue, timecode, kind/label, matched text, gloss and suggestion),
    or with --json the transcript with its flags; each flag carries its kind, the
    matched text and the numbers (0-based indexes) of the cues it touches.
    Flags the reviewers' decisions ignore (the file's and the folder's
    sidecars, --ignore) are left out.
    """
    from ..decisions import apply_decisions, decisions_for, parse_ignore
    from ..detect import detect, parse_kinds
    from ..formats import load

    wanted = parse_kinds(kinds)
    rules = parse_ignore(ignore)
    results = []
    failures: list[tuple[str, InputError]] = []
    printer = _print_rich if sys.stdout.isatty() else _print_plain
    for path in files:
        try:
            transcript = load(path, encoding=encoding, fps=fps, language=lang or "")
            detect(transcript, lang=lang, kinds=sorted(wanted) if wanted else None, spacy_model=spacy_model,
                   lexicon_dir=lexicon_dir)
            if apply_decisions(transcript, decisions_for(path, ignore=rules)):
                transcript.flags = [f for f in transcript.flags if f.status != "ignore"]
        except InputError as err:
            # a file that cannot be read: the others are still done, and it is reported at the end (a wrong
            # option, a missing --spacy-model or a broken lexicon is wrong for every file and stops here)
            failures.append((path, err))
            continue
        if as_json:
            results.append(transcript)
            continue
        printer(transcript)
        # what detection itself had to say about the file (an over-long segment read in windows)
        for finding in transcript.findings:
            if finding.check.startswith("detect."):
                click.echo(f"{finding.location()}: {finding.severity} {finding.check}: {finding.message}", err=True)
    if as_json and results:
        data = [t.to_dict() for t in results]
        # one FILE: its transcript; several: a list of those that could be read, whichever failed
        click.echo(json.dumps(data[0] if len(files) == 1 else data, ensure_ascii=False, indent=2))
    report_failures(failures)
