"""Decisions that are rules: a label, a kind or a glob of rule ids ignored on every line of a file, of a
folder (``locpipe-decisions.json``) or of one run (``--ignore``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from click.testing import CliRunner  # noqa: E402

from locpipe.cli import cli  # noqa: E402
from locpipe.decisions import EVERY_LINE, Decision, parse_ignore  # noqa: E402
from locpipe.errors import UsageError  # noqa: E402
from locpipe.model import Flag  # noqa: E402

SRT = """1
00:00:01,000 --> 00:00:03,000
I was gonna buy it from the Tesco.

2
00:00:04,000 --> 00:00:06,000
Ain't nobody gonna spill the beans.

3
00:00:07,000 --> 00:00:09,000
Bloody hell, you're gonna be late.
"""


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def detected(path: Path, *args: str) -> list[tuple[str, str]]:
    code, output = invoke("detect", "--json", str(path), *args)
    assert code == 0, output
    return sorted((f["rule_id"], f["label"]) for f in json.loads(output)["flags"])


def write_rules(path: Path, *rules: dict[str, str]) -> None:
    path.write_text(json.dumps({"version": 1, "decisions": [{"type": "flag", "text": "*", **r} for r in rules]}),
                    encoding="utf-8")


@pytest.fixture()
def film(tmp_path: Path) -> Path:
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    return path


def test_a_label_rule_in_the_file_sidecar_hides_that_label_on_every_line(film: Path) -> None:
    everything = detected(film)
    assert ("en.dialect.gonna", "eye-dialect") in everything and ("en.culture.tesco", "brand") in everything
    write_rules(film.with_name("film.locpipe-decisions.json"), {"id": "label:eye-dialect", "note": "the film's register"})
    assert detected(film) == [flag for flag in everything if flag[1] != "eye-dialect"]


def test_a_folder_sidecar_covers_every_file_of_the_folder_and_is_no_input(film: Path) -> None:
    other = film.with_name("episode2.srt")
    other.write_text(SRT, encoding="utf-8")
    before = detected(film)
    write_rules(film.with_name("locpipe-decisions.json"), {"id": "en.culture.*"}, {"id": "kind:slang"})
    expected = [flag for flag in before if not flag[0].startswith("en.culture.") and flag[0] != "en.slang.bloody-hell"]
    assert expected != before
    assert detected(film) == detected(other) == expected
    code, output = invoke("run", str(film.parent), "--to", "es", "--no-translate", "--format", "json")
    assert code == 0, output
    assert sorted(p.name for p in film.parent.glob("*.locpipe.json")) == ["episode2.locpipe.json", "film.locpipe.json"]
    data = json.loads(film.with_name("film.locpipe.json").read_text(encoding="utf-8"))
    ignored = {f["rule_id"] for f in data["flags"] if f["status"] == "ignore"}
    assert ignored == {"en.culture.tesco", "en.slang.bloody-hell"}


def test_the_file_sidecar_and_the_folder_rules_add_up(film: Path) -> None:
    write_rules(film.with_name("locpipe-decisions.json"), {"id": "label:eye-dialect"})
    film.with_name("film.locpipe-decisions.json").write_text(json.dumps({"version": 1, "decisions": [
        {"type": "flag", "id": "en.culture.tesco", "text": "I was gonna buy it from the Tesco."}]}), encoding="utf-8")
    code, output = invoke("review", str(film), "--format", "json", "--out", str(film.parent / "out"))
    assert code == 0, output
    assert output.splitlines()[-1].endswith("ignored by locpipe-decisions.json and film.locpipe-decisions.json")
    data = json.loads((film.parent / "out" / "film.locpipe.json").read_text(encoding="utf-8"))
    assert {f["rule_id"] for f in data["flags"] if f["status"] == "ignore"} == {"en.dialect.gonna", "en.culture.tesco"}


def test_ignore_on_the_command_line(film: Path) -> None:
    kept = detected(film, "--ignore", "label:eye-dialect, en.rule.*")
    assert kept and not any(label == "eye-dialect" or rule.startswith("en.rule.") for rule, label in kept)
    assert ("en.idiom.spill-the-beans", "idiom") in kept
    with pytest.raises(UsageError, match="--ignore 'label:' names nothing"):
        invoke("detect", str(film), "--ignore", "label:")


def test_ignore_a_check_in_check(tmp_path: Path) -> None:
    path = tmp_path / "long.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:01,500\nThis line is far too long to be read in half a second.\n",
                    encoding="utf-8")
    code, output = invoke("check", str(path), "--format", "json", "--no-detect")
    checks = {f["check"] for f in json.loads(output)["findings"]}
    assert code == 1 and any(c.startswith("timing.") for c in checks)
    code, output = invoke("check", str(path), "--format", "json", "--no-detect", "--ignore", "check:timing.*")
    left = {f["check"] for f in json.loads(output)["findings"] if f.get("status") != "ignore"}
    assert not any(c.startswith("timing.") for c in left) and left < checks


def test_rules_match_by_glob_label_and_kind() -> None:
    flag = Flag(kind="dialect", label="eye-dialect", rule_id="fr.dialect.t-as", text="T'as", segment="s1",
                start=0, end=4)
    assert Decision(type="flag", id="fr.dialect.*", text=EVERY_LINE).covers_flag(flag, "t'as vu ?")
    assert Decision(type="flag", id="label:eye-dialect", text=EVERY_LINE).covers_flag(flag, "t'as vu ?")
    assert Decision(type="flag", id="kind:dialect", text="t'as vu ?").covers_flag(flag, "t'as vu ?")
    assert not Decision(type="flag", id="kind:dialect", text="autre chose").covers_flag(flag, "t'as vu ?")
    assert not Decision(type="flag", id="es.dialect.*", text=EVERY_LINE).covers_flag(flag, "t'as vu ?")
    assert [(d.type, d.id) for d in parse_ignore("label:slang,check:layout.*, en.idiom.x")] == [
        ("flag", "label:slang"), ("finding", "layout.*"), ("flag", "en.idiom.x")]
