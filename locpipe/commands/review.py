"""``locpipe review FILE... [--to LANG]``: review sheets a translator works in.

Parses, segments and detects (idioms, culture, humor, dialect); translates
into ``--to`` when an Argos model for the pair is installed (else reviews the
source only and says so); applies the reviewer decisions of
``<stem>.locpipe-decisions.json``; writes ``DIR/<stem>.review.html``,
``.review.xlsx``, ``.review.csv``, ``DIR/<stem>.<lang>.xlf`` and
``DIR/<stem>.locpipe.json``. A file that cannot be read is reported and the
others are done; the exit code is 2 at the end if any file failed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import LocpipeError
from . import ignore_option, parse_langs, report_failures


def review_transcripts(
    transcripts: list[Any],
    langs: list[str],
    *,
    profile: Any,
    models_dir: Path | None,
    translate: bool,
) -> str:
    """Detect and (when possible) translate; return why there is no translation (``""`` when there is)."""
    from ..detect import detect

    for transcript in transcripts:
        detect(transcript)
    if not langs:
        return "no target language was asked for (use --to LANG)."
    if not translate:
        return "--no-translate was given."
    from ..errors import MissingModelError
    from ..mt.pipeline import translate as run_translate

    try:
        run_translate(transcripts, langs, models_dir=models_dir, profile=profile)
    except MissingModelError as err:
        return f"{err.message}"
    return ""


@click.command("review")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to_langs", default=None, help="Target language(s), comma-separated (translated when a model is installed).")
@click.option("--from", "from_lang", default=None, help="Source language (default: read from the file's text, else its name's tag, else en).")
@click.option("--format", "fmt", default="html,xlsx,csv,xliff,json", show_default=True,
              help="Outputs, comma-separated: html, xlsx, csv, xliff, json.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help="Output folder (default: beside each input).")
@click.option("--profile", default=None, help="Layout profile: netflix (default), netflix-children, bbc, ebu, or a .toml file.")
@click.option("--models-dir", type=click.Path(path_type=Path), default=None, help="Folder of installed Argos packages.")
@click.option("--no-translate", is_flag=True, help="Review the source only, even when a model is installed.")
@click.option("--encoding", default=None, help="Input encoding (default: detected).")
@ignore_option
def review_cmd(
    files: tuple[Path, ...],
    to_langs: str | None,
    from_lang: str | None,
    fmt: str,
    out_dir: Path | None,
    profile: str | None,
    models_dir: Path | None,
    no_translate: bool,
    encoding: str | None,
    ignore: str | None,
) -> None:
    """Write review sheets (HTML, XLSX, CSV, XLIFF 2.1, JSON) for subtitle or script FILES."""
    from .. import formats
    from ..decisions import apply_decisions, decisions_for, parse_ignore
    from ..profiles import get_profile
    from ..review import parse_formats, write_reviews

    langs = parse_langs(to_langs, required=False)
    names = parse_formats(fmt)
    rules = parse_ignore(ignore)
    prof = get_profile(profile)
    failures: list[tuple[Path, LocpipeError]] = []
    loaded: list[tuple[Path, Any]] = []
    for path in files:
        try:
            transcript = formats.load(path, encoding=encoding, language=from_lang or "")
        except LocpipeError as err:
            failures.append((path, err))
            continue
        if not transcript.language:
            transcript.language = from_lang or "en"
        loaded.append((path, transcript))

    if loaded:
        transcripts = [t for _, t in loaded]
        reason = review_transcripts(transcripts, langs, profile=prof, models_dir=models_dir, translate=not no_translate)
        if reason and langs:
            click.echo(f"Note: reviewing the source only: {reason}")
        inputs = [p for p, _ in loaded]
        for path, transcript in loaded:
            folder = out_dir if out_dir is not None else path.parent
            decisions = decisions_for(path, out_dir, ignore=rules)
            ignored = apply_decisions(transcript, decisions)
            try:
                written = write_reviews(transcript, folder, formats=names, langs=langs, profile=prof,
                                        protect=inputs, no_mt_reason=reason)
            except LocpipeError as write_err:
                failures.append((path, write_err))
                continue
            if "xliff" in names and not langs:
                click.echo(f"{path}: no XLIFF written: it needs a target language (--to LANG)")
            for target in written:
                click.echo(f"wrote {target}")
            flags = [f for f in transcript.flags if f.status != "ignore"]
            kinds: dict[str, int] = {}
            for f in flags:
                kinds[f.kind] = kinds.get(f.kind, 0) + 1
            findings = [f for f in transcript.findings if f.status != "ignore" and (f.lang is None or f.lang in langs)]
            summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"
            extra = f"; {ignored} ignored by {' and '.join(decisions.sources)}" if ignored else ""
            click.echo(f"{path}: {len(transcript.segments)} segments, {len(flags)} flags ({summary}), "
                       f"{len(findings)} findings{extra}")
    report_failures(failures)
