"""``locpipe run PATH... --to LANGS``: the whole pipeline over files, folders and globs.

Parse, segment, detect, translate (fit and markup), check and write the
translations and review sheets of every file, in ``--jobs`` processes, with
a progress bar on a terminal (plain log lines otherwise) and a summary table
at the end. One file that fails is reported and the others are done (exit
code 1). See ``docs/ci.md`` for the output names.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from ..errors import LocpipeError, UsageError
from . import ignore_option, parse_langs


def resolve_models(langs: list[str], *, from_lang: str, models_dir: Path | None, install_missing: bool,
                   no_translate: bool) -> tuple[list[str], list[str]]:
    """(languages that can be translated, one line per language that cannot, saying how to add a model).

    Without a model and without ``--no-translate`` or ``--install-missing`` this raises the
    MissingModelError that names the install command.
    """
    if no_translate:
        return [], []
    from ..mt import packages

    ready, problems = packages.split_routes(from_lang, langs, models_dir)
    notes: list[str] = []
    for lang, err in problems:
        if isinstance(err, UsageError):
            raise UsageError(f"cannot translate {from_lang} into itself; drop {lang} from --to")
        if not install_missing:
            raise err
        try:
            packages.install_pair(from_lang, lang, models_dir)
            packages.find_route(from_lang, lang, models_dir)
            ready.append(lang)
        except LocpipeError as failure:
            index_down = getattr(failure, "reason", None)
            why = (f"none is installed and Argos's index is unreachable: {index_down}" if index_down
                   else f"none is installed and it could not be installed: {failure.message.split('. ')[0].rstrip('.')}")
            notes.append(
                f"No {from_lang}→{lang} model ({why}); {lang} was not translated. Add one with: "
                f"locpipe models install {from_lang} {lang} (or: locpipe models install PATH.argosmodel)"
            )
    ready = [lang for lang in langs if lang in ready]  # in the order asked
    return ready, notes


class Display:
    """Progress: on a terminal a rich bar for the files plus one line per file in progress showing its
    stage; otherwise plain log lines on stderr (``[done/total] file: stage``)."""

    def __init__(self, total: int, *, live: bool, console: Any = None):
        self.total = total
        self.finished: set[str] = set()
        self.live = live
        self.console = console
        self.progress: Any = None
        self.task: Any = None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Display:
        if self.live:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TextColumn("{task.fields[stage]}"), TimeElapsedColumn(),
                                     console=self.console or Console(stderr=True), transient=False)
            self.progress.__enter__()
            self.task = self.progress.add_task("[bold]files", total=self.total, stage="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.__exit__(*exc)

    def __call__(self, file: str, stage: str) -> None:
        from ..pipeline import STAGES

        if file in self.finished:
            return  # a late stage event from a worker
        done = stage in ("done", "failed")
        if done:
            self.finished.add(file)
        if self.progress is None:
            click.echo(f"[{len(self.finished)}/{self.total}] {file}: {stage}", err=True)
            return
        task = self.tasks.get(file)
        if task is None and not done:
            task = self.tasks[file] = self.progress.add_task(f"  {Path(file).name}", total=len(STAGES), stage=stage)
        if done:
            self.progress.update(self.task, advance=1, stage=f"{Path(file).name}: {stage}")
            if task is not None:
                self.progress.remove_task(task)
                del self.tasks[file]
        else:
            self.progress.update(task, completed=STAGES.index(stage) if stage in STAGES else 0, stage=stage)


@click.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--to", "to_langs", required=True, help="Target language(s), comma-separated: es or es,fr.")
@click.option("--from", "from_lang", default=None, help="Source language (default: read from the file's text, else its name's tag, else en).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help="Output folder (default: beside each input).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--no-translate", is_flag=True, help="Run every stage but translation.")
@click.option("--install-missing", is_flag=True,
              help="Install missing Argos models from Argos's index; offline, go on without translation.")
@click.option("--profile", default=None, help="Layout profile: netflix (default), netflix-children, bbc, ebu, or a .toml file.")
@click.option("--models-dir", type=click.Path(path_type=Path), default=None, help="Folder of installed Argos packages.")
@click.option("--tm", "tm_path", type=click.Path(path_type=Path), default=None, help="Translation memory file (default: models/tm.sqlite).")
@click.option("--no-tm", is_flag=True, help="Use no translation memory.")
@click.option("--baseline", default=None, metavar="REV|FILE",
              help="Mark segments new/changed/unchanged against this git revision; report and translate only changes.")
@click.option("--format", "fmt", default="html,json", show_default=True,
              help="Review outputs, comma-separated: html, xlsx, csv, xliff, json.")
@click.option("--glossary", type=click.Path(path_type=Path), default=None, help="CSV/TSV: source term, target term or 'keep'[, language].")
@click.option("--fps", type=float, default=None, help="Frame rate for frame-based formats and the minimum gap.")
@click.option("--encoding", default=None, help="Input encoding (default: detected).")
@ignore_option
def run_cmd(
    paths: tuple[str, ...],
    to_langs: str,
    from_lang: str | None,
    out_dir: Path | None,
    jobs: int,
    no_translate: bool,
    install_missing: bool,
    profile: str | None,
    models_dir: Path | None,
    tm_path: Path | None,
    no_tm: bool,
    baseline: str | None,
    fmt: str,
    glossary: Path | None,
    fps: float | None,
    encoding: str | None,
    ignore: str | None,
) -> None:
    """Run the whole pipeline on PATHS (files, folders, globs) into every language of --to.

    Writes <stem>.<lang>.<ext> translations and review sheets per file, prints a summary;
    exit code 1 when a file failed.
    """
    from ..pipeline import DEFAULT_LANGUAGE, RunOptions, collect_inputs, run_batch
    from ..profiles import get_profile
    from ..report import render_summary_text, summary_table
    from ..review import parse_formats

    started = time.perf_counter()
    langs = parse_langs(to_langs)
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if tm_path is not None and no_tm:
        raise UsageError("--tm and --no-tm contradict each other; give one")
    if fps is not None and fps <= 0:
        raise UsageError(f"--fps must be positive, not {fps:g}")
    formats = parse_formats(fmt)
    get_profile(profile)  # a bad profile is a usage error before any work
    if glossary is not None:
        from ..mt.glossary import load_glossary

        load_glossary(glossary)
    inputs = collect_inputs(paths)
    if not inputs:
        raise UsageError(f"no subtitle or script files in {', '.join(paths)}; give files, folders or globs")
    source = from_lang or DEFAULT_LANGUAGE
    ready, notes = resolve_models(langs, from_lang=source, models_dir=models_dir, install_missing=install_missing,
                                  no_translate=no_translate)
    if no_translate:
        reason = "--no-translate was given."
    elif notes:
        reason = " ".join(notes)
    else:
        reason = ""
    options = RunOptions(
        langs=ready, asked=langs, out_dir=str(out_dir) if out_dir is not None else None, profile=profile,
        from_lang=from_lang, models_dir=str(models_dir) if models_dir is not None else None,
        tm=False if no_tm else (str(tm_path) if tm_path is not None else None),
        glossary=str(glossary) if glossary is not None else None, baseline=baseline, formats=formats, fps=fps,
        encoding=encoding, no_mt_reason=reason, protect=[str(p) for p in inputs], ignore=ignore,
    )
    live = sys.stderr.isatty()
    with Display(len(inputs), live=live) as display:
        results = run_batch(inputs, options, jobs=jobs, progress=display)
    seconds = time.perf_counter() - started

    if live:
        from rich.console import Console

        Console().print(summary_table(results, seconds=seconds))
    else:
        click.echo(render_summary_text(results, seconds=seconds), nl=False)
    failed = [r for r in results if not r.ok]
    outputs = [o for r in results for o in r.outputs]
    folder = str(out_dir) if out_dir is not None else "beside the inputs"
    line = f"Wrote {len(outputs)} file{'s' if len(outputs) != 1 else ''} {'into ' if out_dir is not None else ''}{folder}"
    if ready:
        translated = sum(r.translated for r in results)
        hits = sum(r.tm_hits for r in results)
        line += (f"; translated into {', '.join(ready)}: {translated} segment{'s' if translated != 1 else ''} by the "
                 f"engine, {hits} from the translation memory")
    if baseline:
        status: dict[str, int] = {}
        for r in results:
            for k, v in r.segment_status.items():
                status[k] = status.get(k, 0) + v
        line += f"; against {baseline}: " + ", ".join(f"{v} {k}" for k, v in status.items()) + " segments"
    click.echo(line + ".")
    for note in notes:
        click.echo(note)
    for r in results:
        if r.ok and r.note:
            click.echo(f"{r.path}: {r.note}")
    for r in failed:
        first, _, detail = r.error.partition("\n")
        click.echo(f"Error: {r.path}: {first}", err=True)
        if detail:
            click.echo(detail, err=True)
    if failed:
        click.echo(f"{len(failed)} of {len(results)} file{'s' if len(results) != 1 else ''} failed; "
                   "see the errors above.", err=True)
    sheets = [o for r in results for o in r.outputs if o.endswith(".review.html")]
    if sheets:
        click.echo(f"Review sheet: {sheets[0]}")
    if failed:
        raise click.exceptions.Exit(1)
