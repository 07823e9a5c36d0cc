"""`locpipe run --baseline REV`: only new and changed segments are translated; the rest come from the TM."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_ci_recipes import git
from test_diff import LINES, revised, srt
from test_run import fake, run  # noqa: F401 - the fixture is used by name
from toy_models import PACKAGES, toy_language, toy_models_dir

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "film.srt").write_text(srt(LINES), encoding="utf-8")
    git(root, "add", "film.srt")
    git(root, "commit", "-q", "-m", "first cut")
    return root


def _second_cut(repo: Path) -> None:
    (repo / "film.srt").write_text(srt(revised(LINES)), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second cut")


def test_run_baseline_translates_only_the_changes(fake: dict, repo: Path, tmp_path: Path) -> None:  # type: ignore[type-arg]  # noqa: F811
    out, tm = tmp_path / "out", tmp_path / "tm.sqlite"
    first = run("run", repo / "film.srt", "--to", "xa", "--out", out, "--tm", tm)
    assert first.exit_code == 0, first.output
    assert "translated into xa: 20 segments by the engine, 0 from the translation memory." in first.stdout
    _second_cut(repo)
    fake.clear()
    second = run("run", repo / "film.srt", "--to", "xa", "--out", out, "--tm", tm, "--baseline", "HEAD~1")
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines()[-2] == (
        f"Wrote 3 files into {out}; translated into xa: 4 segments by the engine, 16 from the translation memory; "
        "against HEAD~1: 16 unchanged, 3 changed, 1 new segments."
    )
    [engine] = fake.values()
    assert sorted(text for call in engine.calls for text in call) == sorted(
        ["Morning, Morag, love.", "From the Tesco on the corner.", "Has anybody seen Cody today?",
         "Is that the new producer?"])
    data = json.loads((out / "film.locpipe.json").read_text(encoding="utf-8"))
    status = {s["text"]: s["status"] for s in data["segments"]}
    assert status["Morning, Morag, love."] == "changed"
    assert status["Is that the new producer?"] == "new"
    assert status["Right, you lot, it's Burns Night."] == "unchanged"
    # findings and flags only about the new and changed cues
    assert {f["cue"] for f in data["findings"] if f["cue"] is not None} <= {2, 6, 8, 16}
    assert all(set(f["cues"]) & {2, 6, 8, 16} for f in data["flags"])
    html = (out / "film.review.html").read_text(encoding="utf-8")
    assert html.count('<div class="small">unchanged</div>') == 16
    assert html.count('<div class="small">changed</div>') == 3
    assert html.count('<div class="small">new</div>') == 1
    translated = (out / "film.xa.srt").read_text(encoding="utf-8")
    assert "IS THAT THE NEW PRODUCER?" in translated and "RIGHT, YOU LOT, IT'S BURNS NIGHT." in translated


@pytest.mark.skipif(not PACKAGES, reason="tests/data/models/*.argosmodel not built (make test-model)")
def test_run_baseline_with_the_toy_model(repo: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    models = toy_models_dir(tmp_path_factory)
    toy = toy_language()
    out, tm = tmp_path / "out", tmp_path / "tm.sqlite"
    first = run("run", repo / "film.srt", "--to", "xa", "--out", out, "--tm", tm, "--models-dir", models)
    assert first.exit_code == 0, first.output
    _second_cut(repo)
    second = run("run", repo / "film.srt", "--to", "xa", "--out", out, "--tm", tm, "--models-dir", models,
                 "--baseline", "HEAD~1")
    assert second.exit_code == 0, second.output
    assert "translated into xa: 4 segments by the engine, 16 from the translation memory; against HEAD~1: " \
           "16 unchanged, 3 changed, 1 new segments." in second.stdout
    text = (out / "film.xa.srt").read_text(encoding="utf-8")
    known = [line for line in LINES if toy.is_known(line)]
    assert known
    for line in known:  # unchanged lines, carried from the translation memory
        assert toy.to_toy(line) in text
