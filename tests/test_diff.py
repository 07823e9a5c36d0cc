"""Matching cues across revisions: edits, inserts, deletes, a re-timed cut; check --baseline FILE."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from locpipe import formats
from locpipe.cli import main
from locpipe.model import Cue, Transcript
from locpipe.stages.diff import keep_changed, mark_segments, match_cues
from locpipe.stages.segment import segment

LINES = [
    "Right, you lot, it's Burns Night.", "And I've got forty haggis to feed.", "Morning, Morag.",
    "You look knackered.", "I've been up since five.", "I brought you a cuppa.", "From the shop on the corner.",
    "The camera crew is late again.", "Of course they are.", "Who ordered the neeps?", "Not me, pal.",
    "Where is the whisky?", "In the cupboard, hen.", "Mind the pot, it's boiling.", "That smells amazing.",
    "We start rolling in ten minutes.", "Has anyone seen Cody?", "He's outside on the phone.",
    "Tell him to hurry up.", "And switch that radio off.",
]


def srt(lines: list[str], *, shift: int = 0, step: int = 3000, long: bool = False) -> str:
    out = []
    for n, text in enumerate(lines):
        start = 1000 + n * step + shift
        # every cue too fast to read (1 s for a long line) when ``long``: each one has a finding
        end = start + (800 if long else 2500)
        out.append(f"{n + 1}\n{_tc(start)} --> {_tc(end)}\n{text}\n")
    return "\n".join(out)


def _tc(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{milli:03d}"


def load(text: str, name: str = "film.srt") -> Transcript:
    return formats.loads(text.encode(), path=name, language="en")


def revised(lines: list[str]) -> list[str]:
    """Three cues reworded, one inserted after cue 8, cue 14 deleted."""
    new = list(lines)
    new[2] = "Morning, Morag, love."
    new[6] = "From the Tesco on the corner."
    new[16] = "Has anybody seen Cody today?"
    del new[13]
    new.insert(8, "Is that the new producer?")
    return new


def test_edits_inserts_and_deletes() -> None:
    old, new = load(srt(LINES)), load(srt(revised(LINES)))
    diff = match_cues(old, new)
    assert diff.counts() == {"unchanged": 16, "changed": 3, "new": 1, "deleted": 1}
    changed = {(m.old, m.new) for m in diff.matches if m.status == "changed"}
    assert changed == {(2, 2), (6, 6), (16, 16)}
    assert [m.new for m in diff.matches if m.status == "new"] == [8]
    assert [m.old for m in diff.matches if m.status == "deleted"] == [13]
    assert diff.touched == {2, 6, 8, 16}


def test_a_retimed_cut_changes_nothing() -> None:
    old = load(srt(LINES))
    # a cut: everything after cue 10 moves 4 s later, the first 10 cues 250 ms earlier
    text = srt(LINES[:10], shift=-250) + "\n" + "\n".join(
        block for block in srt(LINES, shift=4000).split("\n\n")[10:]
    )
    new = load(text)
    diff = match_cues(old, new)
    assert diff.counts() == {"unchanged": 20, "changed": 0, "new": 0, "deleted": 0}


def test_a_single_cue_retimed_alone_is_changed() -> None:
    old = load(srt(LINES))
    new = load(srt(LINES))
    new.cues[5].start += 900  # moved alone, unlike its neighbours
    new.cues[5].end += 900
    new.cues[9].end += 1000  # made longer
    diff = match_cues(old, new)
    assert diff.touched == {5, 9}
    assert all(m.retimed for m in diff.matches if m.status == "changed")


def test_segment_status_and_findings_kept() -> None:
    old, new = load(srt(LINES)), load(srt(revised(LINES)))
    segment(new)
    diff = match_cues(old, new)
    counts = mark_segments(new, diff)
    assert counts == {"unchanged": 16, "changed": 3, "new": 1}
    assert [s.status for s in new.segments][:4] == ["unchanged", "unchanged", "changed", "unchanged"]
    from locpipe.model import Finding

    findings = [Finding("x", "functional", "m", cue=i) for i in range(20)] + [
        Finding("parse.warning", "cosmetic", "line 12 odd"), Finding("parse.warning", "cosmetic", "brand new")]
    kept = keep_changed(new, diff, findings, [Finding("parse.warning", "cosmetic", "line 3 odd")])
    assert [f.cue for f in kept] == [2, 6, 8, 16, None]
    assert kept[-1].message == "brand new"


def test_repeated_lines_keep_their_order() -> None:
    lines = ["Yes.", "Go home.", "Yes.", "Stay here.", "Yes."]
    old = load(srt(lines))
    new = load(srt(["Yes.", "Go home.", "Maybe.", "Yes.", "Stay here.", "Yes."]))
    diff = match_cues(old, new)
    assert diff.counts() == {"unchanged": 5, "changed": 0, "new": 1, "deleted": 0}
    assert [m.new for m in diff.matches if m.status == "new"] == [2]


def _transcript(texts: list[str]) -> Transcript:
    cues = [Cue(i, 1000 * i, 1000 * i + 800, t, t) for i, t in enumerate(texts)]
    return Transcript(path="x.srt", format="srt", cues=cues)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Hi.", "Go home.", "Tea?", "No way.", "Fine, thanks.", "What?"]), max_size=12),
       st.lists(st.sampled_from(["Hi.", "Go home now.", "Tea?", "Nope.", "Fine, thanks.", "Why?"]), max_size=12))
def test_every_cue_is_accounted_for_once(a: list[str], b: list[str]) -> None:
    diff = match_cues(_transcript(a), _transcript(b))
    assert sorted(m.new for m in diff.matches if m.new is not None) == list(range(len(b)))
    assert sorted(m.old for m in diff.matches if m.old is not None) == list(range(len(a)))
    news = [m.new for m in diff.matches if m.new is not None]
    assert news == sorted(news)
    olds = [m.old for m in diff.matches if m.old is not None]
    assert olds == sorted(olds)  # pairs never cross
    for m in diff.matches:
        if m.status == "unchanged":
            assert a[m.old] == b[m.new]  # type: ignore[index]


# --------------------------------------------------------------------------- the command


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


def test_check_baseline_file_reports_only_changed_cues(tmp_path: Path) -> None:
    old = tmp_path / "film.v1.srt"
    new = tmp_path / "film.srt"
    old.write_text(srt(LINES, long=True), encoding="utf-8")
    new.write_text(srt(revised(LINES), long=True), encoding="utf-8")
    everything = json.loads(run("check", new, "--no-detect", "--format", "json").stdout)
    assert {f["cue"] for f in everything["findings"]} == set(range(20))
    result = run("check", new, "--baseline", old, "--no-detect", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert sorted({f["cue"] for f in data["findings"]}) == [2, 6, 8, 16]
    assert data["cue_status"] == {str(new): {"unchanged": 16, "changed": 3, "new": 1, "deleted": 1}}
    text = run("check", new, "--baseline", old, "--no-detect").stdout
    assert f"{new}: against {old}: 16 unchanged, 3 changed, 1 new, 1 deleted cues\n" in text
    assert text.endswith(f", new or changed cues since {old} only; 8 fail (--fail-on functional or worse).\n")


def test_baseline_file_needs_one_file(tmp_path: Path) -> None:
    a = tmp_path / "a.srt"
    a.write_text(srt(LINES), encoding="utf-8")
    result = run("check", a, a, "--baseline", a, "--no-detect")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --baseline FILE is the old version of one file; give one FILE, or a git revision\n"
    )


def test_baseline_revision_outside_git(tmp_path: Path) -> None:
    a = tmp_path / "a.srt"
    a.write_text(srt(LINES), encoding="utf-8")
    result = run("check", a, "--baseline", "HEAD~1", "--no-detect")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {a}: is not inside a git repository, so --baseline REV cannot be read; pass --baseline FILE "
        "instead\n"
    )
