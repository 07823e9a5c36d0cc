"""Reviewer decisions: the <stem>.locpipe-decisions.json sidecar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_review_writers import MINI, build

from locpipe.decisions import (
    Decision,
    Decisions,
    apply_decisions,
    decision_for_finding,
    decision_for_flag,
    decisions_path,
    find_decisions,
    load_decisions,
    normalise,
    save_decisions,
)
from locpipe.errors import InputError
from locpipe.model import Finding


def test_normalise() -> None:
    assert normalise("  That's a\u200b piece\nof  CAKE,\u00a0hen. ") == "that's a piece of cake, hen."
    assert normalise("ﬁne") == "fine"  # NFKC


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_paths(tmp_path: Path) -> None:
    src = tmp_path / "film.srt"
    assert decisions_path(src) == tmp_path / "film.locpipe-decisions.json"
    assert decisions_path(src, tmp_path / "out") == tmp_path / "out" / "film.locpipe-decisions.json"
    assert find_decisions(src, tmp_path / "out") == tmp_path / "out" / "film.locpipe-decisions.json"
    (tmp_path / "film.locpipe-decisions.json").write_text('{"version": 1, "decisions": []}', encoding="utf-8")
    assert find_decisions(src, tmp_path / "out") == tmp_path / "film.locpipe-decisions.json"


def test_save_load_apply(tmp_path: Path) -> None:
    transcript = build(MINI)
    flag = next(f for f in transcript.flags if f.rule_id == "en.culture.haggis")
    finding = Finding(check="fit.cps", severity="functional", message="too fast", cue=4, segment="s0006", lang="es")
    transcript.findings.append(finding)
    decisions = Decisions()
    assert decisions.add(decision_for_flag(transcript, flag, note="known"))
    assert decisions.add(decision_for_finding(transcript, finding))
    assert not decisions.add(decision_for_flag(transcript, flag, note="known"))  # same decision again
    path = save_decisions(decisions, tmp_path / "mini.locpipe-decisions.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [d["id"] for d in data["decisions"]] == ["fit.cps", "en.culture.haggis"]  # sorted by type, id
    assert data["decisions"][1]["text"] == "it's burns night, and i've got forty haggis to feed."

    fresh = build(MINI)
    fresh.findings.append(Finding(check="fit.cps", severity="functional", message="too fast again", cue=4,
                                  segment="s0006", lang="es"))
    fresh.findings.append(Finding(check="fit.cps", severity="functional", message="other", cue=2,
                                  segment="s0003", lang="es"))
    assert apply_decisions(fresh, load_decisions(path)) == 2
    assert [f.rule_id for f in fresh.flags if f.status == "ignore"] == ["en.culture.haggis"]
    assert [f.message for f in fresh.findings if f.status == "ignore"] == ["too fast again"]


def test_finding_decision_for_another_language_does_not_apply() -> None:
    transcript = build(MINI)
    finding = Finding(check="fit.cps", severity="functional", message="m", cue=4, segment="s0006", lang="fr")
    transcript.findings.append(finding)
    decisions = Decisions()
    decisions.add(Decision(type="finding", id="fit.cps", text=normalise("That's a piece of cake, hen."), lang="es"))
    assert apply_decisions(transcript, decisions) == 0


def test_missing_file_is_empty(tmp_path: Path) -> None:
    assert len(load_decisions(tmp_path / "none.locpipe-decisions.json")) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"not a valid decisions file \(.*\); fix the JSON or delete the file"),
        ('{"decisions": 3}', r'not a decisions file \(no "decisions" list\); fix it or delete the file'),
        ('{"version": 9, "decisions": []}', r"decisions file version 9 is newer than this locpipe; upgrade locpipe"),
        ('{"decisions": [{"type": "flag"}]}', r'decision 1 needs "type" \("flag" or "finding"\) and "id"; fix or remove it'),
        ('{"decisions": [{"type": "flag", "id": "x", "status": "ok"}]}',
         r"decision 1 has status 'ok'; the only status is 'ignore'"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "film.locpipe-decisions.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="film.locpipe-decisions.json: " + message):
        load_decisions(path)
