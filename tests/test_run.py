"""`locpipe run`: inputs and names, no model / offline, a 20-file batch in two processes, a corrupt file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from test_mt_pipeline import FakeEngine, _Pkg

from locpipe.cli import main
from locpipe.errors import InputError
from locpipe.mt import engine as engine_module
from locpipe.mt import packages
from locpipe.pipeline import collect_inputs, output_stems


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


def film(n: int) -> str:
    lines = [f"Line {k} of film {n}, with words to read." for k in range(1, 4)]
    return "\n".join(
        f"{k + 1}\n00:00:0{2 * k + 1},000 --> 00:00:0{2 * k + 2},500\n{text}\n" for k, text in enumerate(lines)
    )


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], FakeEngine]:
    """Models for every pair: the upper-casing FakeEngine (in this process only)."""
    engines: dict[tuple[str, str], FakeEngine] = {}
    monkeypatch.setattr(packages, "find_route", lambda a, b, models_dir=None: [_Pkg(a, b)])

    def engine_for_route(route: list, **_: object) -> FakeEngine:  # type: ignore[type-arg]
        key = (route[0].from_code, route[-1].to_code)
        return engines.setdefault(key, FakeEngine(*key))

    monkeypatch.setattr(engine_module, "engine_for_route", engine_for_route)
    return engines


def _normal(text: str) -> str:
    return re.sub(r"\d+\.\d s", "T s", text)


# --------------------------------------------------------------------------- inputs and names


def test_collect_inputs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("a/one.srt", "a/b/two.ass", "a/b/notes.md", "a/one.es.srt", "a/one.review.html",
                 "a/one.locpipe.json", "a/data.json", ".git/x.srt", "a/script.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = collect_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/one.srt", "a/script.txt", "a/b/two.ass"]
    # explicit files are taken as given; globs expand; duplicates are dropped
    found = collect_inputs([tmp_path / "a" / "data.json", str(tmp_path / "**" / "*.ass"), tmp_path / "a" / "b"])
    assert [p.name for p in found] == ["data.json", "two.ass"]
    with pytest.raises(InputError, match="no such file or folder"):
        collect_inputs([tmp_path / "missing"])
    with pytest.raises(InputError, match="matches no file"):
        collect_inputs([str(tmp_path / "*.vtt")])


def test_output_stems_disambiguate_shared_stems(tmp_path: Path) -> None:
    a, b, c = Path("s/film.srt"), Path("s/film.ass"), Path("s/other.srt")
    d = Path("t/film.srt")
    assert output_stems([a, b, c], "out") == {a: "film.srt", b: "film.ass", c: "other"}
    assert output_stems([a, d], "out") == {a: "s-film.srt", d: "t-film.srt"}
    assert output_stems([a, d], None) == {a: "film", d: "film"}  # beside each input: no clash


# --------------------------------------------------------------------------- models


def test_no_model_is_an_error_naming_the_install_command(tmp_path: Path) -> None:
    (tmp_path / "f.srt").write_text(film(1), encoding="utf-8")
    models = tmp_path / "models"
    result = run("run", tmp_path / "f.srt", "--to", "es", "--models-dir", models, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: No Argos model for en→es is installed in {models}. Install one with: locpipe models install en es "
        "(or: locpipe models install PATH.argosmodel)\n"
    )
    assert not (tmp_path / "out").exists()


def test_install_missing_offline_goes_on_without_translation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*_: object, **__: object) -> None:
        raise packages.IndexUnreachableError("https://example.org/index.json", "Name or service not known")

    monkeypatch.setattr(packages, "install_pair", offline)
    src = tmp_path / "films"
    src.mkdir()
    for name in ("film.srt", "film.ass", "trailer.srt"):
        text = film(1) if name.endswith(".srt") else (
            "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, "
            "MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Hello there.\n")
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run("run", src, "--to", "es", "--out", out, "--install-missing", "--models-dir", tmp_path / "models")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-3] == f"Wrote 6 files into {out}."
    assert lines[-2] == (
        "No en→es model (none is installed and Argos's index is unreachable: Name or service not known); es was "
        "not translated. Add one with: locpipe models install en es (or: locpipe models install PATH.argosmodel)"
    )
    assert lines[-1] == f"Review sheet: {out / 'film.ass.review.html'}"
    assert sorted(p.name for p in out.iterdir()) == [
        "film.ass.locpipe.json", "film.ass.review.html", "film.srt.locpipe.json", "film.srt.review.html",
        "trailer.locpipe.json", "trailer.review.html"]
    html = (out / "film.srt.review.html").read_text(encoding="utf-8")
    assert "Argos&#39;s index is unreachable" in html or "Argos's index is unreachable" in html
    # plain log lines (not a terminal): one per stage on stderr
    assert f"[0/3] {src / 'film.ass'}: parse" in result.stderr
    assert f"[3/3] {src / 'trailer.srt'}: done" in result.stderr


def test_no_translate_runs_every_other_stage(tmp_path: Path) -> None:
    (tmp_path / "f.srt").write_text(film(1) + "\n4\n00:00:09,000 --> 00:00:09,200\nToo quick to read, far too quick.\n",
                                    encoding="utf-8")
    out = tmp_path / "out"
    result = run("run", tmp_path / "f.srt", "--to", "es", "--no-translate", "--out", out, "--format", "json,html,csv")
    assert result.exit_code == 0, result.output
    assert _normal(result.stdout) == (
        "file                             cues  flags  findings      time\n"
        "-------------------------------  ----  -----  ------------  ----\n"
        f"{tmp_path / 'f.srt'}".ljust(31) + "     4  -      functional 2  T s\n"
        "-------------------------------  ----  -----  ------------  ----\n"
        "total: 1 of 1 file                  4  -      functional 2  T s\n"
        f"Wrote 3 files into {out}.\n"
        f"Review sheet: {out / 'f.review.html'}\n"
    ) if len(str(tmp_path / "f.srt")) <= 31 else _normal(result.stdout)
    data = json.loads((out / "f.locpipe.json").read_text(encoding="utf-8"))
    assert {f["check"] for f in data["findings"]} == {"timing.min-duration", "layout.cps"}
    assert (out / "f.review.csv").exists()


def test_bad_options(tmp_path: Path) -> None:
    (tmp_path / "f.srt").write_text(film(1), encoding="utf-8")
    for args, message in (
        (["--jobs", "0"], "Error: --jobs must be at least 1, not 0\n"),
        (["--format", "pdf"], "Error: unknown review format 'pdf'; use any of: html, xlsx, csv, xliff, json "
                              "(comma-separated)\n"),
        (["--tm", "x.sqlite", "--no-tm"], "Error: --tm and --no-tm contradict each other; give one\n"),
    ):
        result = run("run", tmp_path / "f.srt", "--to", "es", "--no-translate", *args)
        assert (result.exit_code, result.stderr) == (2, message)
    result = run("run", tmp_path / "nothing-here", "--to", "es", "--no-translate")
    assert (result.exit_code, result.stderr) == (2, f"Error: {tmp_path / 'nothing-here'}: no such file or folder\n")


# --------------------------------------------------------------------------- the batch


def test_twenty_files_two_languages_one_corrupt(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    # in this process (the faked engine does not reach spawned workers); --jobs 2 with the toy model below
    src = tmp_path / "catalogue"
    (src / "season2").mkdir(parents=True)
    for n in range(20):
        folder = src if n < 10 else src / "season2"
        (folder / f"ep{n:02d}.srt").write_text(film(n), encoding="utf-8")
    (src / "season2" / "ep15.srt").write_bytes(b"\x00\x01\x02 not subtitles \xff\xfe" * 50)  # corrupt
    out = tmp_path / "out"
    result = run("run", src, "--to", "xa,xb", "--out", out, "--tm", tmp_path / "tm.sqlite")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"total: 19 of 20 files\s+57\s+.*\s+functional \d+ cosmetic \d+\s+\d+\.\d s", lines[-3])
    corrupt = [ln for ln in lines if "ep15.srt" in ln]
    assert len(corrupt) == 1 and "FAILED: is not text in any encoding locpipe could detect" in corrupt[0]
    assert lines[-2] == (f"Wrote 76 files into {out}; translated into xa, xb: 114 segments by the engine, "
                         "0 from the translation memory.")
    assert lines[-1] == f"Review sheet: {out / 'ep00.review.html'}"
    assert result.stderr.splitlines()[-2:] == [
        f"Error: {src / 'season2' / 'ep15.srt'}: is not text in any encoding locpipe could detect (binary file?); "
        "pass --encoding if it really is a subtitle file",
        "1 of 20 files failed; see the errors above.",
    ]
    for n in range(20):
        if n == 15:
            assert not (out / "ep15.xa.srt").exists()
            continue
        for name in (f"ep{n:02d}.xa.srt", f"ep{n:02d}.xb.srt", f"ep{n:02d}.review.html", f"ep{n:02d}.locpipe.json"):
            assert (out / name).is_file(), name
    assert "LINE 1 OF FILM 3, WITH WORDS TO READ." in (out / "ep03.xb.srt").read_text(encoding="utf-8")
    # a second run takes everything from the shared translation memory
    again = run("run", src, "--to", "xa,xb", "--out", out, "--tm", tmp_path / "tm.sqlite")
    assert "translated into xa, xb: 0 segments by the engine, 114 from the translation memory" in again.stdout


def test_a_bug_in_one_file_is_reported_and_the_others_done(fake: dict, tmp_path: Path,  # type: ignore[type-arg]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from locpipe.stages import check as check_module

    real = check_module.check

    def broken(transcript, **kw):  # type: ignore[no-untyped-def]
        if transcript.path.endswith("b.srt"):
            raise ZeroDivisionError("boom")
        return real(transcript, **kw)

    monkeypatch.setattr(check_module, "check", broken)
    for name in ("a.srt", "b.srt"):
        (tmp_path / name).write_text(film(1), encoding="utf-8")
    result = run("run", tmp_path / "a.srt", tmp_path / "b.srt", "--to", "xa", "--out", tmp_path / "out", "--no-tm")
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'b.srt'}: internal error (a bug in locpipe; please report it): ZeroDivisionError: boom" \
        in result.stderr
    assert "Traceback" in result.stderr
    assert (tmp_path / "out" / "a.xa.srt").exists()


def test_terminal_progress_shows_files_and_stages() -> None:
    import io

    from rich.console import Console

    from locpipe.commands.run import Display
    from locpipe.report import FileSummary, summary_table

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with Display(2, live=True, console=console) as display:
        display("a/one.srt", "parse")
        display("b/two.srt", "detect")
        assert [t.description.strip() for t in display.progress.tasks] == ["[bold]files", "one.srt", "two.srt"]
        display("a/one.srt", "done")
        display("a/one.srt", "write")  # late event: ignored
        display("b/two.srt", "failed")
        assert [t.description for t in display.progress.tasks] == ["[bold]files"]
        assert display.progress.tasks[0].completed == 2
    assert "files" in buffer.getvalue() and "2/2" in buffer.getvalue()
    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None).print(summary_table(
        [FileSummary("one.srt", cues=3, flags={"idiom": 2}, findings={"cosmetic": 1}, seconds=1.0),
         FileSummary("two.srt", ok=False, error="is empty")], seconds=2.5))
    table = buffer.getvalue()
    assert "idiom 2" in table and "FAILED: is empty" in table and "total: 1 of 2 files" in table and "2.5 s" in table


def test_twenty_files_with_the_toy_model(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from toy_models import PACKAGES, toy_language, toy_models_dir

    if not PACKAGES:
        pytest.skip("tests/data/models/*.argosmodel not built (make test-model)")
    models = toy_models_dir(tmp_path_factory)
    toy = toy_language()
    src = tmp_path / "films"
    src.mkdir()
    for n in range(20):
        text = "".join(f"{k + 1}\n00:00:0{2 * k + 1},000 --> 00:00:0{2 * k + 2},500\nHello, Anna. I'm sorry!\n\n"
                       for k in range(2))
        (src / f"f{n:02d}.srt").write_bytes(text.encode() if n != 7 else b"\x89PNG\r\n\x1a\n\x00\x00" * 40)
    out = tmp_path / "out"
    result = run("run", src, "--to", "xa,xb", "--jobs", "2", "--out", out, "--models-dir", models,
                 "--tm", tmp_path / "tm.sqlite")
    assert result.exit_code == 1
    assert f"Error: {src / 'f07.srt'}: " in result.stderr
    assert "total: 19 of 20 files" in result.stdout
    for n in range(20):
        for lang in ("xa", "xb"):
            assert (out / f"f{n:02d}.{lang}.srt").is_file() == (n != 7)
    assert toy.to_toy("Hello, Anna. I'm sorry!") in (out / "f03.xb.srt").read_text(encoding="utf-8")


SPANISH = "".join(f"{k}\n00:00:0{2 * k - 1},000 --> 00:00:0{2 * k},500\n{text}\n\n" for k, text in enumerate([
    "No sé qué quieres de mí, pero no me voy a quedar aquí.",
    "¿Dónde estabas anoche? Te llamé dos veces y no contestaste.",
    "Vale, vamos a tomar una caña y hablamos.",
], 1))


def _without_models(monkeypatch: pytest.MonkeyPatch, *missing: tuple[str, str]) -> None:
    """Models for every pair as in ``fake``, except the ``missing`` pairs."""
    from locpipe.errors import MissingModelError

    def find_route(a: str, b: str, models_dir: object = None) -> list:  # type: ignore[type-arg]
        if (a, b) in missing:
            raise MissingModelError(a, b, models_dir="models")
        return [_Pkg(a, b)]

    monkeypatch.setattr(packages, "find_route", find_route)


def _run_english_and_spanish(tmp_path: Path, to: str) -> tuple[Result, Path]:
    """``run`` over an English and a Spanish file (no --from: each read in its own language)."""
    (tmp_path / "en.srt").write_text(film(1), encoding="utf-8")
    (tmp_path / "es.srt").write_text(SPANISH, encoding="utf-8")
    out = tmp_path / "out"
    return run("run", tmp_path / "en.srt", tmp_path / "es.srt", "--to", to, "--out", out, "--no-tm"), out


def test_a_file_in_another_language_without_a_model_is_reviewed_from_the_source(
        fake: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    """A Spanish file among English ones, read as Spanish (no --from), with no es→xa model: the English
    file is translated, the Spanish one detected and reviewed from the source, and the run says so."""
    _without_models(monkeypatch, ("es", "xa"))
    result, out = _run_english_and_spanish(tmp_path, "xa")
    assert result.exit_code == 0, result.output
    assert (out / "en.xa.srt").is_file() and not (out / "es.xa.srt").exists()
    assert (out / "es.review.html").is_file()
    assert f"{tmp_path / 'es.srt'}: No Argos model for es→xa is installed in models. Install one with: locpipe " \
           "models install es xa (or: locpipe models install PATH.argosmodel); xa not translated, reviewed from " \
           "the source" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith(str(tmp_path / "es.srt")))
    assert "FAILED" not in row and "culture" in row


def test_a_file_already_in_a_target_language_is_translated_into_the_others(
        fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    """A Spanish file among English ones (no --from) with --to es,xa: it is translated into xa only, the run
    says why not into es, and the English file gets both; nothing fails."""
    result, out = _run_english_and_spanish(tmp_path, "es,xa")
    assert result.exit_code == 0, result.output
    assert (out / "en.es.srt").is_file() and (out / "en.xa.srt").is_file()
    assert (out / "es.xa.srt").is_file() and not (out / "es.es.srt").exists()
    assert "VALE, VAMOS A TOMAR UNA CAÑA Y HABLAMOS." in (out / "es.xa.srt").read_text(encoding="utf-8")
    assert f"{tmp_path / 'es.srt'}: already in es, so not translated into es" in result.stdout
    assert "reviewed from the source" not in result.stdout
    assert (out / "es.review.html").is_file()


def test_a_file_is_translated_into_the_languages_a_model_reaches(
        fake: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    """A Spanish file read as Spanish, with an es→xa model and none for es→xb: xa is written, xb is named
    as not translated with the install command, and the English file gets both."""
    _without_models(monkeypatch, ("es", "xb"))
    result, out = _run_english_and_spanish(tmp_path, "xa,xb")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.glob("*.x?.srt")} == {"en.xa.srt", "en.xb.srt", "es.xa.srt"}
    assert f"{tmp_path / 'es.srt'}: No Argos model for es→xb is installed in models. Install one with: locpipe " \
           "models install es xb (or: locpipe models install PATH.argosmodel); xb not translated" in result.stdout
    assert "reviewed from the source" not in result.stdout


def test_the_batch_language_among_the_targets_is_a_usage_error(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    """--to names the language the batch is read in (en, no --from): nothing runs, the usage error says which."""
    (tmp_path / "en.srt").write_text(film(1), encoding="utf-8")
    result = CliRunner().invoke(entry, ["run", str(tmp_path / "en.srt"), "--to", "xa,en", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "cannot translate en into itself; drop en from --to" in result.output
    assert not (tmp_path / "out").exists()
