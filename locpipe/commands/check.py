"""``locpipe check FILE...``: the subtitle linter for CI and pre-commit.

Timing and layout QC against a profile, markup, the parser's findings, the
detectors' flags (as information), and for translated files the source/target
checks. Against ``--baseline`` (a git revision or a file) only new and changed
cues are reported. Exit code 0: nothing at or above ``--fail-on``; 1: findings
that fail; 2: a bad option or a file that cannot be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import InputError, LocpipeError, UsageError
from . import ignore_option

FORMATS = ("text", "json", "junit", "github", "markdown")


def translation_path(source: Path, lang: str) -> Path:
    """``<stem>.<lang>.<ext>`` beside ``source`` (what ``translate`` and ``run`` write)."""
    return source.with_name(f"{source.stem}.{lang}{source.suffix}")


def _lang_from_name(target: Path) -> str | None:
    parts = target.name.split(".")
    if len(parts) >= 3 and parts[-2].replace("-", "").replace("_", "").isalnum() and len(parts[-2]) <= 12:
        return parts[-2]
    return None


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--profile", default=None, help="Layout profile: netflix (default), netflix-children, bbc, ebu or a .toml file.")
@click.option("--baseline", default=None, metavar="REV|FILE",
              help="Report only cues new or changed since this git revision (e.g. HEAD~1, origin/main) or file.")
@click.option("--fail-on", "fail_on", default=None, metavar="SEVERITY|KINDS",
              help="What fails: a severity (critical, functional [default], cosmetic, info, never), "
                   "flag kinds (idiom,humor) and/or check ids, comma-separated.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format.")
@click.option("--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write the report to this file (a one-line summary still goes to the terminal).")
@click.option("--to", "lang", default=None, help="Also check the translation <stem>.<LANG>.<ext> beside each file.")
@click.option("--target", type=click.Path(path_type=Path), default=None, help="The translated file to check against FILE.")
@click.option("--from", "from_lang", default=None, help="Source language (default: read from the file's text, else its name's tag, else en).")
@click.option("--fps", type=float, default=None, help="Frame rate for the minimum gap and frame-based formats.")
@click.option("--glossary", type=click.Path(path_type=Path), default=None, help="CSV/TSV glossary whose terms the translation must keep.")
@click.option("--encoding", default=None, help="Input encoding (default: detected).")
@click.option("--no-detect", is_flag=True, help="Skip the idiom/culture/humor/dialect detectors (faster).")
@click.option("--list-checks", is_flag=True, help="List the checks with their ids and severities, and exit.")
@ignore_option
def check_cmd(
    files: tuple[Path, ...],
    profile: str | None,
    baseline: str | None,
    fail_on: str | None,
    fmt: str,
    output: Path | None,
    lang: str | None,
    target: Path | None,
    from_lang: str | None,
    fps: float | None,
    glossary: Path | None,
    encoding: str | None,
    no_detect: bool,
    list_checks: bool,
    ignore: str | None,
) -> None:
    """Check subtitle or script FILES for timing, layout, markup and translation problems.

    Exit code 0 when nothing fails, 1 when findings at or above --fail-on
    remain, 2 for a bad option or a file that cannot be read.
    """
    from ..io import atomic_write_text
    from ..profiles import get_profile
    from ..report import CheckReport, parse_fail_on, render
    from ..stages.check import CHECKS

    if list_checks:
        for spec in CHECKS.values():
            click.echo(f"{spec.id:30} {spec.severity:10} {spec.title}")
        return
    if not files:
        raise UsageError("give at least one FILE to check (e.g. locpipe check film.srt)")
    policy = parse_fail_on(fail_on, known_checks=CHECKS)
    prof = get_profile(profile)
    if fps is not None and fps <= 0:
        raise UsageError(f"--fps must be positive, not {fps:g}")
    if target is not None:
        if len(files) != 1:
            raise UsageError("--target pairs one translated file with one source FILE; give one FILE")
        lang = lang or _lang_from_name(target)
        if lang is None:
            raise UsageError(f"cannot tell the language of {target}; pass --to LANG")
    if baseline is not None and Path(baseline).is_file() and len(files) != 1:
        raise UsageError("--baseline FILE is the old version of one file; give one FILE, or a git revision")
    terms = None
    if glossary is not None:
        from ..mt.glossary import load_glossary

        terms = load_glossary(glossary)

    report = CheckReport(findings=[], files=[str(f) for f in files],
                         checks=[(c.id, c.title, c.severity) for c in CHECKS.values()
                                 if (lang is not None or c.scope != "translation")
                                 and not (no_detect and c.scope == "flags")],
                         policy=policy, baseline=baseline or "")
    for path in files:
        try:
            findings, counts = check_file(
                path, profile=prof, lang=lang, target=target, from_lang=from_lang, fps=fps, glossary=terms,
                encoding=encoding, baseline=baseline, detect_flags=not no_detect, ignore=ignore,
            )
        except BaselineError:
            raise  # an unknown --baseline revision is wrong for every file
        except LocpipeError as err:
            report.errors.append((str(path), _without_path(err, path)))
            continue
        report.findings.extend(findings)
        if counts is not None:
            report.cue_status[str(path)] = counts
    known = {c for c, _, _ in report.checks}
    for f in report.findings:  # checks outside the registry (none today) still get a row
        if f.check not in known:
            report.checks.append((f.check, f.check, f.severity))
            known.add(f.check)

    text = render(report, fmt)
    if output is not None:
        atomic_write_text(output, text, protect=files)
        click.echo(f"wrote {output}: {report.summary_line()}")
    else:
        click.echo(text, nl=False)
    for path_str, message in report.errors:
        click.echo(f"Error: {path_str}: {message}", err=True)
    if report.exit_code:
        raise click.exceptions.Exit(report.exit_code)


class BaselineError(UsageError):
    """A --baseline that cannot be used (not a revision, no git): stops the whole check."""


def _without_path(err: LocpipeError, path: Path) -> str:
    return err.message if err.path == str(path) else str(err)


def check_file(
    path: Path,
    *,
    profile: Any,
    lang: str | None = None,
    target: Path | None = None,
    from_lang: str | None = None,
    fps: float | None = None,
    glossary: Any = None,
    encoding: str | None = None,
    baseline: str | None = None,
    detect_flags: bool = True,
    ignore: str | None = None,
) -> tuple[list[Any], dict[str, int] | None]:
    """Findings for one file (and its translation), and its cues per baseline status (``None``
    without a baseline). Raises a LocpipeError for a file that cannot be read."""
    from .. import formats
    from ..decisions import apply_decisions, decisions_for, parse_ignore
    from ..stages.check import check
    from ..stages.diff import diff_against, keep_changed, mark_segments, read_baseline
    from ..stages.segment import segment

    transcript = formats.load(path, encoding=encoding, fps=fps, language=from_lang or "")
    transcript.language = transcript.language or from_lang or "en"
    segment(transcript)
    if detect_flags and transcript.segments:
        from ..detect import detect

        detect(transcript)
    decisions = decisions_for(path, ignore=parse_ignore(ignore))
    apply_decisions(transcript, decisions)
    findings = check(transcript, profile=profile, fps=fps)
    if lang is not None:
        translated_path = target if target is not None else translation_path(path, lang)
        if not translated_path.is_file():
            raise InputError(f"has no {lang} translation to check ({translated_path} does not exist); "
                             f"translate it (locpipe translate {path} --to {lang}) or drop --to")
        translated = formats.load(translated_path, encoding=encoding, fps=fps, language=lang)
        findings += check(transcript, profile=profile, lang=lang, fps=fps, target=translated, glossary=glossary)
        findings += [f for f in translated.findings if f.check.startswith("parse.") and f.severity != "info"]
    counts = None
    if baseline is not None:
        try:
            old = read_baseline(path, baseline, fps=fps, encoding=encoding, language=transcript.language)
        except UsageError as err:
            raise BaselineError(err.message, path=err.path, line=err.line) from err
        diff = diff_against(transcript, old)
        mark_segments(transcript, diff)
        findings = keep_changed(transcript, diff, findings, old.findings if old is not None else [])
        counts = diff.counts()
    transcript.findings = findings
    apply_decisions(transcript, decisions)
    return transcript.findings, counts
