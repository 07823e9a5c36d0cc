"""`locpipe check` on the sample film and on every corpus file: exit 0 or 1, never a traceback; JUnit parses."""

from __future__ import annotations

from pathlib import Path

import click
import defusedxml.ElementTree as DET
import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES, corpus_files

from locpipe.cli import main
from locpipe.stages.check import CHECKS


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    # catch_exceptions=False: a traceback fails the test instead of becoming exit code 1
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


SOURCE_CHECKS = [c.id for c in CHECKS.values() if c.scope != "translation"]


def _junit_cases(text: str) -> list[str]:
    root = DET.fromstring(text.encode())
    return [c.get("name").split(":")[0] for c in root.iter("testcase")]


@pytest.mark.parametrize("name", ["too_many_cooks.srt", "too_many_cooks.ass", "too_many_cooks.txt"])
def test_sample_film(name: str) -> None:
    result = run("check", SAMPLES / name, "--format", "junit")
    assert result.exit_code in (0, 1)
    assert _junit_cases(result.stdout) == SOURCE_CHECKS


FILES = corpus_files()


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
def test_every_corpus_file() -> None:
    """Every corpus file is read (SBV, LRC, SubViewer 2, MicroDVD at an assumed rate, an empty file
    included): check exits 0 or 1 with one JUnit test case per check, never 2."""
    for path in FILES:
        result = run("check", path, "--no-detect", "--format", "junit")
        assert result.exit_code in (0, 1), (path, result.output)
        assert result.stderr == "", path
        assert _junit_cases(result.stdout) == [c for c in SOURCE_CHECKS if not c.startswith("flag.")], path


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
def test_corpus_files_with_detection_in_one_batch() -> None:
    result = run("check", *FILES[:40], "--format", "json")
    assert result.exit_code in (0, 1), result.output
