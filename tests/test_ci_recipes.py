"""CI recipes: `check --baseline HEAD~1` in a real git repository, the pre-commit hook, the workflow."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import ROOT
from test_diff import LINES, revised, srt

from locpipe.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits of subs/film.srt: three cues edited, one inserted, one deleted."""
    root = tmp_path / "repo"
    (root / "subs").mkdir(parents=True)
    git(root, "init", "-q")
    film = root / "subs" / "film.srt"
    film.write_text(srt(LINES, long=True), encoding="utf-8")
    git(root, "add", "subs/film.srt")
    git(root, "commit", "-q", "-m", "first cut")
    film.write_text(srt(revised(LINES), long=True), encoding="utf-8")
    git(root, "commit", "-q", "-am", "second cut")
    return root


def test_baseline_head_1_reports_only_changed_cues(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    film = repo / "subs" / "film.srt"
    result = run("check", film, "--baseline", "HEAD~1", "--no-detect", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert sorted({f["cue"] for f in data["findings"]}) == [2, 6, 8, 16]
    assert data["cue_status"] == {str(film): {"unchanged": 16, "changed": 3, "new": 1, "deleted": 1}}
    # the path may be relative, from anywhere inside the repository
    monkeypatch.chdir(repo / "subs")
    result = run("check", "film.srt", "--baseline", "HEAD~1", "--no-detect", "--format", "github")
    assert result.exit_code == 1
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert {re.search(r"::cue (\d+):", ln).group(1) for ln in lines} == {"3", "7", "9", "17"}  # type: ignore[union-attr]
    # against HEAD nothing changed: nothing reported, exit 0
    result = run("check", "film.srt", "--baseline", "HEAD", "--no-detect")
    assert result.exit_code == 0
    assert result.stdout.endswith("0 findings (none) in 1 file, new or changed cues since HEAD only; "
                                  "0 fail (--fail-on functional or worse).\n")


def test_file_added_since_the_baseline_is_all_new(repo: Path) -> None:
    other = repo / "subs" / "trailer.srt"
    other.write_text(srt(LINES[:3], long=True), encoding="utf-8")
    git(repo, "add", "subs/trailer.srt")
    git(repo, "commit", "-q", "-m", "trailer")
    data = json.loads(run("check", other, "--baseline", "HEAD~1", "--no-detect", "--format", "json").stdout)
    assert data["cue_status"] == {str(other): {"unchanged": 0, "changed": 0, "new": 3, "deleted": 0}}
    assert sorted({f["cue"] for f in data["findings"]}) == [0, 1, 2]


@pytest.mark.parametrize(("rev", "message"), [
    ("no-such-branch", "--baseline 'no-such-branch' is neither an existing file nor a revision of the git repository"),
    ("--output=x", "--baseline '--output=x' is not a git revision; give one such as HEAD~1, main or a commit id"),
])
def test_bad_revisions_exit_2(repo: Path, rev: str, message: str) -> None:
    result = run("check", repo / "subs" / "film.srt", f"--baseline={rev}", "--no-detect")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}")
    assert not (repo / "subs" / "x").exists()


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "locpipe-check"
    assert hook["entry"] == "locpipe check"
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("a/film.srt", "b.VTT", "c.ass", "d.ssa", "e.ttml"):
        assert files.search(name), name
    for name in ("notes.md", "film.srt.bak", "setup.py"):
        assert not files.search(name), name


def test_pre_commit_hook_runs_on_a_staged_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    args = hooks[0]["entry"].split()[1:] + hooks[0]["args"]
    monkeypatch.chdir(repo)
    assert run(*args, "subs/film.srt").exit_code == 0  # nothing changed since HEAD


def test_github_actions_workflow_is_documented_and_valid() -> None:
    text = (ROOT / "docs" / "github-actions-locpipe.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in steps)
    for fmt in ("github", "junit", "markdown"):
        assert f"--format {fmt}" in runs
    assert "--baseline" in runs
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert text.strip() in doc  # the documented workflow is the file, verbatim
