"""`locpipe check`: each check on a small case, the report formats, --fail-on, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import click
import defusedxml.ElementTree as DET
import pytest
from click.testing import CliRunner, Result

from locpipe import formats
from locpipe.cli import main
from locpipe.model import Finding
from locpipe.profiles import get_profile
from locpipe.report import CheckReport, FailPolicy, parse_fail_on, render
from locpipe.stages.check import CHECKS, check
from locpipe.stages.segment import segment


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


NETFLIX = get_profile("netflix")


def _srt(*cues: tuple[str, str, str]) -> str:
    return "".join(f"{n}\n{a} --> {b}\n{text}\n\n" for n, (a, b, text) in enumerate(cues, start=1))


def _check(text: str, *, lang: str | None = None, target: str | None = None, **kw: object) -> list[Finding]:
    t = formats.loads(text.encode(), path="film.srt", language="en")
    segment(t)
    tt = formats.loads(target.encode(), path="film.es.srt", language="es") if target is not None else None
    return check(t, profile=NETFLIX, lang=lang, target=tt, **kw)  # type: ignore[arg-type]


def _ids(findings: list[Finding]) -> list[tuple[str, int | None]]:
    return [(f.check, f.cue) for f in findings]


def test_every_check_has_a_title_and_a_known_severity() -> None:
    for spec in CHECKS.values():
        assert spec.title and not spec.title.endswith(".")
        assert spec.severity in ("critical", "functional", "cosmetic", "info")


def test_timing_checks() -> None:
    text = _srt(
        ("00:00:01,000", "00:00:03,000", "First line."),
        ("00:00:02,500", "00:00:04,000", "Overlaps the first."),  # overlap
        ("00:00:04,020", "00:00:04,500", "Short."),  # gap 20 ms < 2 frames at 24 fps; 480 ms < 833 ms
        ("00:00:06,000", "00:00:06,000", "Never shown."),  # zero
        ("00:00:09,000", "00:00:08,000", "Backwards."),  # reversed
        ("00:00:10,000", "00:00:19,000", "Too long on screen."),  # 9 s > 7 s
    )
    found = _ids(_check(text))
    assert ("timing.overlap", 1) in found
    assert ("timing.min-gap", 2) in found
    assert ("timing.min-duration", 2) in found
    assert ("timing.zero", 3) in found
    assert ("timing.reversed", 4) in found
    assert ("timing.max-duration", 5) in found
    assert ("timing.overlap", 0) not in found


def test_layout_checks_and_messages_say_what_to_change() -> None:
    long_line = "This line is far too long to fit the forty-two character limit"
    text = _srt(
        ("00:00:01,000", "00:00:05,000", long_line),
        ("00:00:06,000", "00:00:09,000", "One\nTwo\nThree"),
        ("00:00:10,000", "00:00:11,000", "A lot of words to read in one single second, far too fast"),
    )
    findings = _check(text)
    by_id = {(f.check, f.cue): f for f in findings}
    chars = by_id[("layout.chars-per-line", 0)]
    assert chars.message == (
        "cue 1: line 1 has 62 characters, over the 42-character limit for en: break it into two lines or "
        "shorten it by 20 (“This line is far too long to fit the fo…”)"
    )
    assert chars.line == 1 and chars.severity == "functional" and chars.path == "film.srt"
    assert ("layout.lines", 1) in by_id
    cps = by_id[("layout.cps", 2)]
    assert cps.message.startswith("cue 3: reading speed 57.0 cps (all characters) is over the en limit of 20 cps: ")
    assert cps.message.endswith("shorten the text by about 37 characters or give it 1850 ms more")


def test_cps_counts_with_the_profile_mode(tmp_path: Path) -> None:
    profile = tmp_path / "letters.toml"
    profile.write_text('cps_mode = "letters"\n[cps_adult]\ndefault = 20\n', encoding="utf-8")
    # 21 characters with spaces and punctuation, 14 letters: over 20 cps counting all, under counting letters
    text = _srt(("00:00:01,000", "00:00:02,000", "Oh, no. Not me, too!"), ("00:00:03,000", "00:00:04,000", "Fine."))
    t = formats.loads(text.encode(), path="a.srt", language="en")
    assert [f.check for f in check(t, profile=get_profile("netflix"))] == []
    t2 = formats.loads(_srt(("00:00:01,000", "00:00:02,000", "Oh, no. Not me, too! Yes.")).encode(), path="a.srt")
    assert [f.check for f in check(t2, profile=get_profile("netflix"))] == ["layout.cps"]
    assert [f.check for f in check(t2, profile=get_profile(str(profile)))] == []


def test_markup_and_empty_cues() -> None:
    text = _srt(
        ("00:00:01,000", "00:00:03,000", "<i>Never closed"),
        ("00:00:04,000", "00:00:06,000", "Stray</b> close"),
        ("00:00:07,000", "00:00:09,000", "{\\an8 broken block"),
        ("00:00:10,000", "00:00:12,000", "<i></i>"),
    )
    found = _ids(_check(text))
    assert ("markup.unbalanced", 0) in found
    assert ("markup.unbalanced", 1) in found
    assert ("markup.unbalanced", 2) in found
    assert ("layout.empty", 3) in found


def test_translation_checks_against_a_target_file() -> None:
    source = _srt(
        ("00:00:01,000", "00:00:03,000", "I have <i>three</i> cats and 2 dogs."),
        ("00:00:04,000", "00:00:06,000", "Where is the station?"),
        ("00:00:07,000", "00:00:09,000", "This is not translated at all."),
        ("00:00:10,000", "00:00:12,000", "Where is the station?"),
        ("00:00:13,000", "00:00:15,000", "Nothing here yet."),
        ("00:00:16,000", "00:00:18,000", "Morag is cooking tonight."),
    )
    target = _srt(
        ("00:00:01,000", "00:00:03,000", "Tengo tres gatos y dos perros."),  # lost <i>, lost 2
        ("00:00:04,000", "00:00:06,000", "¿Dónde está la estación."),  # question → stop
        ("00:00:07,000", "00:00:09,000", "This is not translated at all."),  # unchanged
        ("00:00:10,000", "00:00:12,000", "¿Dónde queda la estación?"),  # inconsistent with cue 2
        ("00:00:13,000", "00:00:15,000", ""),  # untranslated
        ("00:00:16,000", "00:00:18,000", "Marga cocina esta noche y mañana y pasado mañana también, seguro, sin falta."),
    )
    from locpipe.mt.glossary import parse_glossary

    glossary = parse_glossary("Morag,keep\n", path="g.csv")
    found = _ids(_check(source, lang="es", target=target, glossary=glossary))
    assert ("translation.tags", 0) in found
    assert ("translation.numbers", 0) in found
    assert ("translation.end-punctuation", 1) in found
    assert ("translation.unchanged", 2) in found
    assert ("translation.inconsistent", 3) in found or ("translation.inconsistent", 1) in found
    assert ("translation.untranslated", 4) in found
    assert ("translation.glossary", 5) in found
    assert ("translation.length", 5) in found
    # target findings name the language
    assert all(f.lang == "es" for f in _check(source, lang="es", target=target))


def test_translation_checks_on_the_transcripts_own_translations() -> None:
    t = formats.loads(_srt(("00:00:01,000", "00:00:03,000", "See you at 10.")).encode(), path="a.srt", language="en")
    segment(t)
    t.cue_translations["es"] = ["Hasta luego."]
    t.cue_end_times["es"] = [3000]
    findings = check(t, profile=NETFLIX, lang="es")
    assert [(f.check, f.lang) for f in findings] == [("translation.numbers", "es")]
    assert findings[0].message == (
        "cue 1: the number 10 of the source is missing from the es text “Hasta luego.”: check the figures"
    )


def test_parse_findings_and_flags_are_passed_on() -> None:
    bad = _srt(("00:00:01,000", "00:00:02,000", "Fine.")) + "2\n00:00:0x,000 --> 00:00:04,000\nBroken.\n"
    findings = _check(bad)
    assert [f.check for f in findings] == ["parse.malformed-block"]
    t = formats.loads(_srt(("00:00:01,000", "00:00:03,000", "Break a leg!")).encode(), path="a.srt", language="en")
    segment(t)
    from locpipe.model import Flag

    t.flags = [Flag("idiom", "wish", t.segments[0].id, 0, 11, "Break a leg", "en.idiom.break-a-leg",
                    gloss="good luck", cues=[0]),
               Flag("culture", "x", t.segments[0].id, 0, 5, "Break", "y", cues=[0], status="ignore")]
    findings = check(t, profile=NETFLIX)
    assert [(f.check, f.severity, f.message) for f in findings] == [
        ("flag.idiom", "info", "cue 1: idiom (wish) “Break a leg”: good luck. decide how to translate it and note "
                               "it for the translator")
    ]


def test_fail_on_parsing() -> None:
    assert parse_fail_on(None) == FailPolicy("functional")
    assert parse_fail_on("critical") == FailPolicy("critical")
    assert parse_fail_on("idiom,humor") == FailPolicy("functional", frozenset({"idiom", "humor"}))
    assert parse_fail_on("never,timing", known_checks=CHECKS) == FailPolicy(None, checks=frozenset({"timing"}))
    policy = parse_fail_on("cosmetic,layout.cps", known_checks=CHECKS)
    assert policy.fails(Finding("layout.cps", "info", "m")) and policy.fails(Finding("x", "cosmetic", "m"))
    assert not policy.fails(Finding("x", "info", "m"))
    assert not policy.fails(Finding("x", "critical", "m", status="ignore"))
    from locpipe.errors import UsageError

    with pytest.raises(UsageError, match="--fail-on 'bogus' is not a severity"):
        parse_fail_on("bogus", known_checks=CHECKS)


# --------------------------------------------------------------------------- the command


CLEAN = _srt(("00:00:01,000", "00:00:03,000", "Hello there."), ("00:00:04,000", "00:00:06,000", "Fine, thanks."))
FAULTY = _srt(("00:00:01,000", "00:00:03,000", "Hello there."), ("00:00:02,000", "00:00:06,000", "Fine, thanks."))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("clean", CLEAN), ("faulty", FAULTY)):
        p = tmp_path / f"{name}.srt"
        p.write_text(text, encoding="utf-8")
        out[name] = p
    (tmp_path / "empty.srt").write_bytes(b"")
    out["empty"] = tmp_path / "empty.srt"
    (tmp_path / "garbage.srt").write_bytes(bytes(range(256)) * 8)  # not subtitles: no encoding decodes it
    out["garbage"] = tmp_path / "garbage.srt"
    return out


def test_clean_file_exits_0(files: dict[str, Path]) -> None:
    result = run("check", files["clean"], "--no-detect")
    assert result.exit_code == 0
    assert result.stdout == "0 findings (none) in 1 file; 0 fail (--fail-on functional or worse).\n"


def test_findings_exit_1_text(files: dict[str, Path]) -> None:
    result = run("check", files["faulty"], "--no-detect")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{files['faulty']}:5: functional timing.overlap (fails): cue 2: starts 1000 ms before cue 1 ends: "
        "move the in-time to at least 3000 ms (plus the minimum gap) or shorten cue 1\n"
        "1 finding (1 functional) in 1 file; 1 fails (--fail-on functional or worse).\n"
    )
    assert run("check", files["faulty"], "--no-detect", "--fail-on", "critical").exit_code == 0


def test_unreadable_file_exits_2_and_others_are_checked(files: dict[str, Path]) -> None:
    result = run("check", files["faulty"], files["garbage"], "--no-detect", "--format", "json")
    assert result.exit_code == 2
    message = "is not text in any encoding locpipe could detect (binary file?); pass --encoding if it really is a " \
              "subtitle file"
    assert result.stderr == f"Error: {files['garbage']}: {message}\n"
    data = json.loads(result.stdout)
    assert data["errors"] == [{"path": str(files["garbage"]), "message": message}]
    assert [f["check"] for f in data["findings"]] == ["timing.overlap"]
    assert data["findings"][0]["fails"] is True


def test_empty_file_is_a_critical_finding_and_exits_1(files: dict[str, Path]) -> None:
    result = run("check", files["empty"], "--no-detect")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout == (
        f"{files['empty']}: critical parse.empty (fails): the file is empty: nothing to translate; check the export\n"
        "1 finding (1 critical) in 1 file; 1 fails (--fail-on functional or worse).\n"
    )
    # an empty file fails even when only critical findings do; "never" lets it through
    assert run("check", files["empty"], "--no-detect", "--fail-on", "critical").exit_code == 1
    assert run("check", files["empty"], "--no-detect", "--fail-on", "never").exit_code == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--fail-on", "sometimes"], "--fail-on 'sometimes' is not a severity"),
    (["--profile", "hbo"], "unknown profile 'hbo'"),
    (["--fps", "0"], "--fps must be positive, not 0"),
    (["--target", "x.srt", "--to", "es", "b.srt"], "--target pairs one translated file with one source FILE"),
])
def test_usage_errors_exit_2(files: dict[str, Path], args: list[str], message: str) -> None:
    result = run("check", files["clean"], *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_translation_beside_the_file(files: dict[str, Path]) -> None:
    result = run("check", files["clean"], "--to", "es", "--no-detect")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {files['clean']}: has no es translation to check ({files['clean'].with_name('clean.es.srt')} does "
        f"not exist); translate it (locpipe translate {files['clean']} --to es) or drop --to\n"
    )


def test_to_lang_checks_the_sibling_translation(files: dict[str, Path]) -> None:
    files["clean"].with_name("clean.es.srt").write_text(
        _srt(("00:00:01,000", "00:00:03,000", "Hola."), ("00:00:04,000", "00:00:06,000", "")), encoding="utf-8")
    result = run("check", files["clean"], "--to", "es", "--no-detect", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(f["check"], f["cue"], f["lang"]) for f in data["findings"]] == [
        ("layout.empty", 1, "es"), ("translation.untranslated", 1, "es")]


def test_github_annotations(files: dict[str, Path]) -> None:
    reversed_srt = files["clean"].with_name("rev.srt")
    reversed_srt.write_text(_srt(("00:00:03,000", "00:00:01,000", "Backwards, 100%, ok")), encoding="utf-8")
    result = run("check", reversed_srt, files["faulty"], "--no-detect", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"::warning file={files['faulty']},line=5,title=locpipe timing.overlap::cue 2: ")
    assert lines[1] == (
        f"::error file={reversed_srt},line=1,title=locpipe timing.reversed::cue 1: the out-time is 2000 ms before "
        "the in-time: swap or re-time them"
    )
    assert lines[-1].startswith("2 findings (1 critical, 1 functional) in 2 files")
    # the same in ASS (the parser's own "end time before start time" is not repeated)
    ass = reversed_srt.with_name("rev.ass")
    ass.write_text("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, "
                   "MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:03.00,0:00:01.00,Default,,0,0,0,,Backwards\n",
                   encoding="utf-8")
    result = run("check", ass, "--no-detect", "--format", "github")
    assert result.stdout.splitlines()[0] == (
        f"::error file={ass},line=6,title=locpipe timing.reversed::cue 1: the out-time is 2000 ms before "
        "the in-time: swap or re-time them"
    )


def test_github_escapes_properties_and_newlines() -> None:
    report = CheckReport([Finding("x.y", "critical", "50% off\nnow", path="a,b:c.srt", line=3)], ["a,b:c.srt"],
                         [("x.y", "X", "critical")])
    assert render(report, "github").splitlines()[0] == "::error file=a%2Cb%3Ac.srt,line=3,title=locpipe x.y::50%25 off%0Anow"


def test_junit_one_testcase_per_check_parses(files: dict[str, Path]) -> None:
    result = run("check", files["faulty"], files["clean"], "--no-detect", "--format", "junit")
    assert result.exit_code == 1
    root = DET.fromstring(result.stdout.encode())
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    names = [c.get("name").split(":")[0] for c in cases]
    expected = [c.id for c in CHECKS.values() if c.scope not in ("translation", "flags")]
    assert names == expected
    assert suite.get("tests") == str(len(expected)) and suite.get("failures") == "1"
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["timing.overlap: Overlapping subtitles"]
    assert failed[0].find("failure").get("type") == "functional"


def test_junit_strips_characters_xml_cannot_hold() -> None:
    report = CheckReport([Finding("parse.mojibake", "functional", "bad \x01 byte", path="a.srt")], ["a.srt"],
                         [("parse.mojibake", "Garbled", "functional")])
    root = DET.fromstring(render(report, "junit").encode())
    assert "\ufffd" in root.find("testsuite/testcase/failure").text


def test_markdown_summary(files: dict[str, Path]) -> None:
    result = run("check", files["faulty"], "--no-detect", "--format", "markdown")
    assert result.exit_code == 1
    md = result.stdout
    assert md.startswith("## locpipe check: ❌ failing\n")
    assert "| functional | 1 |" in md
    assert "| `timing.overlap` | Overlapping subtitles | 1 |" in md
    assert f"<details><summary><code>{files['faulty']}</code>: 1 finding</summary>" in md


def test_output_file_and_list_checks(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    result = run("check", files["faulty"], "--no-detect", "--format", "junit", "--output", out)
    assert result.exit_code == 1
    assert result.stdout == f"wrote {out}: 1 finding (1 functional) in 1 file; 1 fails (--fail-on functional or worse).\n"
    assert DET.parse(str(out)).getroot().tag == "testsuites"
    listing = run("check", "--list-checks")
    assert listing.exit_code == 0
    assert listing.stdout.splitlines()[0].split() == ["timing.reversed", "critical", "Out-time", "before", "in-time"]
    assert len(listing.stdout.splitlines()) == len(CHECKS)


def test_ignored_findings_stay_ignored(files: dict[str, Path]) -> None:
    from locpipe.decisions import Decision, Decisions, decisions_path, normalise, save_decisions

    decisions = Decisions()
    decisions.add(Decision("finding", "timing.overlap", normalise("Fine, thanks."), note="intended"))
    save_decisions(decisions, decisions_path(files["faulty"]))
    result = run("check", files["faulty"], "--no-detect")
    assert result.exit_code == 0
    assert result.stdout == (
        "0 findings (none) in 1 file, 1 ignored by reviewers; 0 fail (--fail-on functional or worse).\n"
    )
