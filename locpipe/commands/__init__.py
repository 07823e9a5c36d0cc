"""One module per CLI command; see :data:`locpipe.cli.COMMANDS`. Shared option parsing lives here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import LocpipeError, UsageError


def parse_langs(value: str | None, *, required: bool = True) -> list[str]:
    """``--to es,fr`` → ``["es", "fr"]`` (deduplicated, in order), checking each code's shape."""
    langs = [v.strip() for v in (value or "").split(",") if v.strip()]
    if not langs and required:
        raise UsageError("--to needs at least one language code, e.g. --to es or --to es,fr")
    for lang in langs:
        if not lang.replace("-", "").replace("_", "").isalnum() or len(lang) > 12:
            raise UsageError(f"{lang!r} is not a language code; use codes such as es, fr, pt-br")
    return list(dict.fromkeys(langs))


IGNORE_HELP = ("Hide these flags everywhere: rule ids or globs (fr.dialect.*), label:NAME, kind:NAME, "
               "check:ID; comma-separated (also a folder's locpipe-decisions.json).")


def ignore_option(func):  # type: ignore[no-untyped-def]
    """``--ignore RULES``: decisions that cover every line, for one run (:func:`locpipe.decisions.parse_ignore`)."""
    return click.option("--ignore", "ignore", default=None, metavar="RULES", help=IGNORE_HELP)(func)


def report_failures(failures: Sequence[tuple[str | Path, LocpipeError]]) -> None:
    """End a batch that went on past its bad files: name each file and what was wrong with it (the
    line too, where the error knows it) on stderr, then exit with code 2. Nothing when none failed."""
    if not failures:
        return
    for path, failure in failures:
        shown = str(failure)
        click.echo(f"Error: {shown}" if str(path) in shown else f"Error: {path}: {shown}", err=True)
    n = len({str(path) for path, _failure in failures})
    click.echo(f"{n} file{'s' if n != 1 else ''} failed; see the errors above.", err=True)
    raise click.exceptions.Exit(2)
