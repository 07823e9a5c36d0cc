"""The README's examples run, in order, and succeed: they cannot rot."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES, TESTDATA

from locpipe.cli import cli

README = ROOT / "README.md"


def readme_commands() -> list[str]:
    """Every ``$ locpipe ...`` line of the README's ``console`` blocks, in order."""
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line[2:].strip() for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def test_readme_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, flags=re.S)
    assert first_block is not None
    assert [line.split("#")[0].strip() for line in first_block.group(1).strip().splitlines()] == [
        "make run",
        "make test",
    ]


def test_readme_has_one_example_per_command():
    from locpipe.cli import COMMANDS

    used = {shlex.split(c)[1] for c in readme_commands()}
    assert used == set(COMMANDS)


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(SAMPLES, tmp_path / "samples")
    shutil.copytree(TESTDATA / "models", tmp_path / "tests" / "data" / "models")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    runner = CliRunner()
    for command in readme_commands():
        argv = shlex.split(command)
        assert argv[0] == "locpipe"
        result = runner.invoke(cli, argv[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{command}\n{result.output}"
    out = tmp_path / "out"
    for name in (
        "too_many_cooks.vtt",
        "too_many_cooks.xa.srt",
        "too_many_cooks.review.html",
        "too_many_cooks.xa.xlf",
        "too_many_cooks.reviewed.xa.srt",
    ):
        assert (out / name).is_file(), name
