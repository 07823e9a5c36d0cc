"""`locpipe translate` through the real entry point: outputs, summary, bilingual, errors, a bad file in a batch."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from test_mt_pipeline import FakeEngine, _Pkg
from toy_models import toy_language, toy_models_dir

from locpipe.cli import main
from locpipe.mt import engine as engine_module
from locpipe.mt import packages


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nI went to the\n\n"
    "2\n00:00:03,200 --> 00:00:05,000\nstation with <i>Morag</i>.\n\n"
    "3\n00:00:06,000 --> 00:00:08,000\n[DOOR SLAMS]\n"
)
ASS = (
    "[Script Info]\nTitle: Test\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, "
    "SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, "
    "Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Default,Arial,"
    "40,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default,MORAG,0,0,0,,{\\i1}Hello there.{\\i0}\n"
)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], FakeEngine]:
    engines: dict[tuple[str, str], FakeEngine] = {}
    monkeypatch.setattr(packages, "find_route", lambda a, b, models_dir=None: [_Pkg(a, b)])

    def engine_for_route(route: list, **_: object) -> FakeEngine:  # type: ignore[type-arg]
        key = (route[0].from_code, route[-1].to_code)
        return engines.setdefault(key, FakeEngine(*key))

    monkeypatch.setattr(engine_module, "engine_for_route", engine_for_route)
    return engines


def _summary(result: Result) -> str:
    """The output with the run time (the only volatile figure) normalised."""
    import re

    return re.sub(r"in \d+\.\d s\.", "in T s.", re.sub(r"at \d+\.\d sentences/s", "at N sentences/s", result.output))


def test_translate_two_files_two_languages(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    (tmp_path / "film.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "film2.ass").write_text(ASS, encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", tmp_path / "film.srt", tmp_path / "film2.ass", "--to", "xa,xb", "--out", out, "--tm", tmp_path / "tm.sqlite")
    assert result.exit_code == 0, result.output
    assert _summary(result) == (
        f"wrote {out / 'film.xa.srt'}\nwrote {out / 'film.xb.srt'}\n"
        f"wrote {out / 'film2.xa.ass'}\nwrote {out / 'film2.xb.ass'}\n"
        "Translated 2 files into xa, xb: 6 segments (6 distinct: 0 from the translation memory, "
        "6 by the engine at N sentences/s), 0 skipped, in T s.\n"
    )
    assert (out / "film.xa.srt").read_text(encoding="utf-8") == (
        "1\n00:00:01,000 --> 00:00:03,000\nI WENT TO THE\n\n"
        "2\n00:00:03,200 --> 00:00:05,000\nSTATION WITH <i>MORAG</i>.\n\n"
        "3\n00:00:06,000 --> 00:00:08,000\n[DOOR SLAMS]\n"
    )
    ass = (out / "film2.xb.ass").read_text(encoding="utf-8")
    assert "Title: Test" in ass and "Style: Default,Arial,40," in ass
    assert "Dialogue: 0,0:00:01.00,0:00:02.00,Default,MORAG,0,0,0,,{\\i1}HELLO THERE.{\\i0}" in ass
    # the second run comes from the translation memory
    again = run("translate", tmp_path / "film.srt", "--to", "xa", "--out", out, "--tm", tmp_path / "tm.sqlite", "--skip", "sdh")
    assert again.exit_code == 0
    assert _summary(again).endswith(
        "Translated 1 file into xa: 1 segment (1 distinct: 1 from the translation memory, 0 by the engine), "
        "1 skipped, in T s.\n"
    )


def test_bilingual_and_format_out(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    (tmp_path / "film.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "film2.ass").write_text(ASS, encoding="utf-8")
    result = run("translate", tmp_path / "film.srt", tmp_path / "film2.ass", "--to", "xa", "--no-tm", "--bilingual")
    assert result.exit_code == 0, result.output
    srt = (tmp_path / "film.en+xa.srt").read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:01,000 --> 00:00:03,000\nI WENT TO THE\nI went to the\n\n")
    ass = (tmp_path / "film2.en+xa.ass").read_text(encoding="utf-8")
    assert "Default,MORAG,0,0,0,,{\\i1}HELLO THERE.{\\i0}\\N{\\i1\\fs30}Hello there.{\\r}" in ass
    vtt = run("translate", tmp_path / "film.srt", "--to", "xa", "--no-tm", "--format-out", "vtt", "--out", tmp_path / "v")
    assert vtt.exit_code == 0
    assert (tmp_path / "v" / "film.xa.vtt").read_text(encoding="utf-8").startswith(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nI WENT TO THE\n"
    )


def test_a_bad_file_does_not_stop_the_batch(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    (tmp_path / "good.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "bad.srt").write_bytes(bytes(range(256)) * 8)  # not subtitles (an empty file is read: no cues)
    result = run("translate", tmp_path / "bad.srt", tmp_path / "good.srt", tmp_path / "none.srt", "--to", "xa", "--no-tm")
    assert result.exit_code == 2
    assert (tmp_path / "good.xa.srt").is_file()
    lines = result.output.splitlines()
    assert lines[0] == f"wrote {tmp_path / 'good.xa.srt'}"
    assert lines[-3].startswith(f"Error: {tmp_path / 'bad.srt'}: ")
    assert lines[-2] == f"Error: {tmp_path / 'none.srt'}: no such file"
    assert lines[-1] == "2 files failed; see the errors above."


def test_missing_model_names_the_install_command(tmp_path: Path) -> None:
    (tmp_path / "film.srt").write_text(SRT, encoding="utf-8")
    models = tmp_path / "models"
    result = run("translate", tmp_path / "film.srt", "--to", "zz", "--models-dir", models, "--no-tm")
    assert result.exit_code == 2
    assert result.output == (
        f"Error: No Argos model for en→zz is installed in {models}. Install one with: locpipe models install en zz "
        "(or: locpipe models install PATH.argosmodel)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--skip", "jokes"], "Error: cannot skip 'jokes'; use any of: signs, lyrics, sdh (comma-separated)\n"),
        (["--beam", "0"], "Error: --beam must be at least 1, not 0\n"),
        (["--tm", "x.sqlite", "--no-tm"], "Error: --tm and --no-tm contradict each other; give one\n"),
        (["--format-out", "sami"], "Error: format 'sami' can be read but not written; choose another --format-out\n"),
        (["--profile", "nope"], "Error: unknown profile 'nope'; use one of: netflix, netflix-children, bbc, ebu, or the path of a .toml profile file\n"),
    ],
)
def test_bad_options(fake: dict, tmp_path: Path, args: list[str], message: str) -> None:  # type: ignore[type-arg]
    (tmp_path / "film.srt").write_text(SRT, encoding="utf-8")
    result = run("translate", tmp_path / "film.srt", "--to", "xa", *args)
    assert (result.exit_code, result.output) == (2, message)


def test_bad_glossary_names_file_and_line(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    (tmp_path / "film.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "g.csv").write_text("Morag,keep\nTom\n", encoding="utf-8")
    result = run("translate", tmp_path / "film.srt", "--to", "xa", "--glossary", tmp_path / "g.csv")
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {tmp_path / 'g.csv'}:2: glossary row ['Tom'] has no target; write 'source,target' or "
        "'source,keep' to leave the term untranslated\n"
    )


def test_glossary_findings_are_printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(packages, "find_route", lambda a, b, models_dir=None: [_Pkg(a, b)])
    monkeypatch.setattr(engine_module, "engine_for_route", lambda route, **_: FakeEngine("en", "xa", lose=("Morag",)))
    (tmp_path / "film.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "g.csv").write_text("Morag,keep\n", encoding="utf-8")
    result = run("translate", tmp_path / "film.srt", "--to", "xa", "--no-tm", "--glossary", tmp_path / "g.csv")
    assert result.exit_code == 0
    assert f"{tmp_path / 'film.srt'}:5: mt.glossary: cue 2: the glossary term “Morag” must be kept as it is" in result.output
    assert _summary(result).splitlines()[-1] == "Findings: mt.glossary 1, mt.markup-lost 1"


def test_toy_model_end_to_end(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    models = toy_models_dir(tmp_path_factory)
    toy = toy_language()
    (tmp_path / "a.srt").write_text("1\n00:00:01,000 --> 00:00:03,000\nI see <i>you</i>.\n", encoding="utf-8")
    result = run("translate", tmp_path / "a.srt", "--to", "xa", "--models-dir", models, "--tm", tmp_path / "tm.sqlite")
    assert result.exit_code == 0, result.output
    you = toy.to_toy("you")
    expected = toy.to_toy("I see you.").replace(f"{you}.", f"<i>{you}</i>.")
    assert (tmp_path / "a.xa.srt").read_text(encoding="utf-8") == f"1\n00:00:01,000 --> 00:00:03,000\n{expected}\n"


SRT_ES = """1
00:00:01,000 --> 00:00:03,000
No sé qué quieres de mí, pero no me voy a quedar aquí.

2
00:00:04,000 --> 00:00:06,000
¿Dónde estabas anoche? Te llamé dos veces y no contestaste.
"""


def test_a_mixed_batch_translates_the_files_it_has_a_model_for(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """Without --from each file is read in its own language: a Spanish file among English ones, with
    only the toy en→xa model installed, is reported at the end and the English files are translated."""
    models = toy_models_dir(tmp_path_factory)
    (tmp_path / "a.srt").write_text("1\n00:00:01,000 --> 00:00:03,000\nI see you.\n", encoding="utf-8")
    (tmp_path / "b.srt").write_text(SRT_ES, encoding="utf-8")
    result = run("translate", tmp_path / "b.srt", tmp_path / "a.srt", "--to", "xa", "--models-dir", models, "--no-tm")
    assert result.exit_code == 2
    assert (tmp_path / "a.xa.srt").is_file() and not (tmp_path / "b.xa.srt").exists()
    lines = result.output.splitlines()
    assert lines[0] == f"wrote {tmp_path / 'a.xa.srt'}"
    assert lines[-2:] == [
        f"Error: {tmp_path / 'b.srt'}: No Argos model for es→xa is installed in {models}. Install one with: "
        "locpipe models install es xa (or: locpipe models install PATH.argosmodel)",
        "1 file failed; see the errors above.",
    ]
    # a file already in a --to language is left out the same way
    (tmp_path / "c.srt").write_text(SRT_ES, encoding="utf-8")
    result = run("translate", tmp_path / "c.srt", tmp_path / "a.srt", "--to", "es", "--models-dir", models, "--no-tm")
    assert result.exit_code == 2
    assert f"Error: {tmp_path / 'c.srt'}: is already in es; leave it out or drop es from --to" in result.output


def test_a_mixed_batch_translates_each_file_into_the_languages_a_model_reaches(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """--to en,xa over an English and a Spanish file (no --from): the English file goes into xa and not
    into its own language, the Spanish one into neither (no model); each missing pair is named at the end."""
    models = toy_models_dir(tmp_path_factory)
    (tmp_path / "a.srt").write_text("1\n00:00:01,000 --> 00:00:03,000\nI see you.\n", encoding="utf-8")
    (tmp_path / "b.srt").write_text(SRT_ES, encoding="utf-8")
    result = run("translate", tmp_path / "b.srt", tmp_path / "a.srt", "--to", "en,xa", "--models-dir", models, "--no-tm")
    assert result.exit_code == 2
    assert [p.name for p in sorted(tmp_path.glob("*.*.srt"))] == ["a.xa.srt"]
    assert f"wrote {tmp_path / 'a.xa.srt'}" in result.output
    assert "Translated 1 file into xa: 1 segment" in result.output
    assert f"Error: {tmp_path / 'a.srt'}: is already in en; leave it out or drop en from --to" in result.output
    for lang in ("en", "xa"):
        assert f"Error: {tmp_path / 'b.srt'}: No Argos model for es→{lang} is installed" in result.output
    assert result.output.rstrip().endswith("2 files failed; see the errors above.")
