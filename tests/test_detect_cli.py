"""`locpipe detect` through CliRunner: table, JSON, kinds, .txt scripts, errors."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

pytest.importorskip("spacy")

from test_detect_support import LEXICONS  # noqa: E402

from locpipe.cli import main  # noqa: E402


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    """``locpipe`` as the console script runs it (LocpipeError → message and exit code 2)."""
    main(list(ctx.args))

SRT = """1
00:00:01,000 --> 00:00:03,000
He spilled the beans at Thanksgiving.

2
00:00:04,000 --> 00:00:06,000
It's 5 miles, mate.
"""


def invoke(*args: str):
    return CliRunner().invoke(entry, ["detect", "--lexicon-dir", str(LEXICONS), *args], catch_exceptions=False)


def test_table(tmp_path: Path) -> None:
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{path}: 4 flags (idiom 1, culture 2, register 1)",
        "  cue 1      00:00:01.000  idiom/idiom            'spilled the beans'          reveal a secret → "
        "translate the meaning, not the words; use a target idiom of the same register if one fits",
        "  cue 1      00:00:01.000  culture/holiday        'Thanksgiving'               US harvest holiday, fourth "
        "Thursday of November → consider generalization: known mainly in its own culture; many viewers may not "
        "recognise it; the cue is near its reading-speed limit (-1.5 cps headroom)",
        "  cue 2      00:00:04.000  culture/unit           '5 miles'                    imperial distance "
        "(mile = 1.609 km) → 5 miles ≈ 8 km",
        "  cue 2      00:00:04.000  register/address       'mate'                       friend (as a form of "
        "address) → familiar address: choose the familiar form in the target (es tú, fr tu, de du, it tu)",
    ]


def test_json_kinds_and_txt_script(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("ANGUS: Spill the beans, mate.\nDOLORES: Not at Thanksgiving.\n", encoding="utf-8")
    result = invoke(str(path), "--json", "--kinds", "idiom,culture")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(f["kind"], f["text"], f["cues"]) for f in data["flags"]] == [
        ("idiom", "Spill the beans", [0]), ("culture", "Thanksgiving", [1])]
    assert data["segments"][0]["speaker"] == "ANGUS"


def test_errors(tmp_path: Path) -> None:
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    result = invoke(str(path), "--kinds", "jokes")
    assert result.exit_code == 2
    assert result.output.endswith("unknown flag kind 'jokes'; choose from idiom, culture, humor, dialect, slang, profanity, register\n")
    result = invoke(str(tmp_path / "missing.srt"))
    assert result.exit_code == 2
    assert "missing.srt: no such file" in result.output


def test_a_long_segment_is_reported_on_stderr(tmp_path: Path) -> None:
    """A line with no sentence end over 2,000 characters is read in windows, and the table says so."""
    path = tmp_path / "wall.txt"
    path.write_text(" ".join(["he spilled the beans again"] * 600) + "\n", encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}: ")
    assert "detect.long-segment" not in result.stdout
    assert f"{path}:1: cosmetic detect.long-segment:" in result.stderr


def test_a_batch_goes_on_past_a_bad_file_and_reports_it_at_the_end(tmp_path: Path) -> None:
    first, second = tmp_path / "a.srt", tmp_path / "b.srt"
    first.write_text(SRT, encoding="utf-8")
    second.write_text(SRT.replace("Thanksgiving", "Christmas"), encoding="utf-8")
    bad = tmp_path / "notes.md"
    bad.write_text("# notes\n", encoding="utf-8")
    result = invoke(str(first), str(bad), str(second))
    assert result.exit_code == 2
    # both good files are done, in order; the bad one is named on stderr, after them
    assert [line.split(":")[0] for line in result.stdout.splitlines() if not line.startswith(" ")] == [
        str(first), str(second)]
    assert result.stderr.splitlines() == [
        f"Error: {bad}: is not in a subtitle or script format locpipe reads (extension '.md'); convert it to "
        "one of ass, fountain, json, lrc, microdvd, mpl2, sami, sbv, srt, ssa, subviewer, tmp, ttml, txt, vtt, "
        "whisper_jax or pass --format if it is one of them",
        "1 file failed; see the errors above.",
    ]
    result = invoke(str(first), str(bad), str(second), "--json")
    assert result.exit_code == 2
    assert [t["path"] for t in json.loads(result.stdout)] == [str(first), str(second)]
    # a wrong option is wrong for every file: it stops before any work
    result = invoke(str(first), str(bad), "--kinds", "jokes")
    assert result.exit_code == 2 and result.output.startswith("Error: unknown flag kind 'jokes'")


FRENCH = """1
00:00:01,000 --> 00:00:03,000
Je ne sais pas ce que tu veux de moi.

2
00:00:04,000 --> 00:00:06,000
On ne peut pas rester ici, c'est pas sûr.

3
00:00:07,000 --> 00:00:09,000
Tu étais où hier soir ? Je t'ai appelé deux fois, mon pote.
"""


def test_a_file_with_no_from_is_read_in_its_own_language(tmp_path: Path) -> None:
    """Before, a French file without --from was read as English: every French word was an unknown
    English word (a dialect flag each)."""
    path = tmp_path / "film.srt"
    path.write_text(FRENCH, encoding="utf-8")
    data = json.loads(invoke(str(path), "--json").stdout)
    assert data["language"] == "fr"
    assert not [f for f in data["flags"] if f["kind"] == "dialect"]
    # --from still decides (and read as English, the French words are unknown English ones)
    data = json.loads(invoke(str(path), "--json", "--from", "en").stdout)
    assert data["language"] == "en"
    assert {"veux", "appelé"} <= {f["text"] for f in data["flags"] if f["kind"] == "dialect"}


def test_a_language_without_a_word_splitter_here_is_read_not_refused(tmp_path: Path) -> None:
    """Japanese needs SudachiPy for spaCy's tokenizer; without it, detection reads the file with the
    multi-language pipeline and says so, instead of stopping the batch."""
    pytest.importorskip("spacy")
    try:
        import sudachipy  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("SudachiPy is installed: Japanese has its word splitter")
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\n私はあなたが何を望んでいるのか分かりません。5マイル先です。\n", encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}: ")
    assert f"{path}: info detect.no-tokenizer: no ja word splitter is installed (Japanese support requires " \
           "SudachiPy and SudachiDict-core)" in result.stderr
    result = invoke(str(path), "--from", "xq")
    assert result.exit_code == 2 and "spaCy has no language 'xq'" in result.output


def test_a_file_in_a_language_spacy_does_not_have_is_read_not_refused(tmp_path: Path) -> None:
    """Georgian is read from its script; spaCy has no Georgian pipeline: detection goes on with the
    multi-language one and says so."""
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nარ ვიცი, რა გინდა ჩემგან. 5 მილი.\n", encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 0, result.output
    assert f"{path}: info detect.no-tokenizer: spaCy has no ka pipeline" in result.stderr
    result = invoke(str(path), "--from", "ka")
    assert result.exit_code == 2 and "spaCy has no language 'ka'" in result.output
