"""``locpipe review``: parse, segment, detect, translate when a model exists, write the five outputs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPORA, SAMPLES
from test_review_writers import MINI

from locpipe.cli import cli

ADA = CORPORA / "films" / "ada_zangemann" / "en.srt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["review", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def flag_refs_everywhere(out: Path, stem: str, lang: str) -> None:
    """Every flag of the JSON (not ignored) is in the HTML, the CSV, the XLSX and the XLIFF notes."""
    from openpyxl import load_workbook
    from translate.storage import xliff2

    data = json.loads((out / f"{stem}.locpipe.json").read_text(encoding="utf-8"))
    refs = {f"{f['kind']}:{f['rule_id']}@{f['segment']}" for f in data["flags"] if f["status"] != "ignore"}
    page = (out / f"{stem}.review.html").read_text(encoding="utf-8")
    in_html = set(re.findall(r'<div class="flag [^"]*" data-ref="([^"]+)"', page))
    text = (out / f"{stem}.review.csv").read_text(encoding="utf-8-sig")
    in_csv = {r for row in csv.DictReader(io.StringIO(text, newline="")) for r in row["flag refs"].split()}
    ws = load_workbook(out / f"{stem}.review.xlsx", read_only=True)["review"]
    table = list(ws.iter_rows(values_only=True))
    col = list(table[0]).index("flag refs")
    in_xlsx = {r for row in table[1:] for r in (row[col] or "").split()}
    store = xliff2.Xliff2File.parsefile(str(out / f"{stem}.{lang}.xlf"))
    in_xliff = set()
    for unit in store.units:
        for note in unit.getunitelement().iter(unit.namespaced("note")):
            if note.get("category") == "flag":
                in_xliff.add(note.text.rsplit("ref: ", 1)[1])
    assert refs == in_html == in_csv == in_xlsx == in_xliff


def test_review_without_a_model(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    out = tmp_path / "out"
    code, output = run(str(MINI), "--to", "es", "--out", str(out), "--models-dir", str(models))
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == (
        f"Note: reviewing the source only: No Argos model for en→es is installed in {models}. "
        "Install one with: locpipe models install en es (or: locpipe models install PATH.argosmodel)"
    )
    assert lines[1:6] == [f"wrote {out / name}" for name in
                          ("mini.review.html", "mini.review.xlsx", "mini.review.csv", "mini.es.xlf", "mini.locpipe.json")]
    assert re.fullmatch(rf"{re.escape(str(MINI))}: 6 segments, \d+ flags \(.*culture \d+.*\), 0 findings", lines[6])
    assert len(lines) == 7
    page = (out / "mini.review.html").read_text(encoding="utf-8")
    assert "No machine translation in this sheet: No Argos model for en→es is installed" in page
    flag_refs_everywhere(out, "mini", "es")


def test_review_source_only_skips_xliff(tmp_path: Path) -> None:
    code, output = run(str(MINI), "--no-translate", "--format", "html,xliff", "--out", str(tmp_path))
    assert code == 0, output
    assert output.splitlines()[:2] == [
        f"{MINI}: no XLIFF written: it needs a target language (--to LANG)",
        f"wrote {tmp_path / 'mini.review.html'}",
    ]


def test_review_keeps_decisions(tmp_path: Path) -> None:
    src = tmp_path / "mini.srt"
    shutil.copy(MINI, src)
    (tmp_path / "mini.locpipe-decisions.json").write_text(json.dumps({"version": 1, "decisions": [
        {"type": "flag", "id": "en.culture.tesco", "text": "Aye, from the Tesco.", "status": "ignore"}]}),
        encoding="utf-8")
    code, output = run(str(src), "--format", "html,json", "--out", str(tmp_path / "out"))
    assert code == 0, output
    assert output.splitlines()[-1].endswith("; 1 ignored by mini.locpipe-decisions.json")
    page = (tmp_path / "out" / "mini.review.html").read_text(encoding="utf-8")
    assert "en.culture.tesco" not in page and "1 ignored by reviewer decisions" in page
    data = json.loads((tmp_path / "out" / "mini.locpipe.json").read_text(encoding="utf-8"))
    assert [f["status"] for f in data["flags"] if f["rule_id"] == "en.culture.tesco"] == ["ignore"]


def test_review_bad_file_and_bad_format(tmp_path: Path) -> None:
    missing = tmp_path / "nope.srt"
    code, output = run(str(missing), str(MINI), "--format", "json", "--out", str(tmp_path))
    assert code == 2
    assert f"wrote {tmp_path / 'mini.locpipe.json'}" in output
    assert output.splitlines()[-2:] == [f"Error: {missing}: no such file", "1 file failed; see the errors above."]
    result = CliRunner().invoke(cli, ["review", str(MINI), "--format", "pdf"], standalone_mode=False)
    assert str(result.exception) == "unknown review format 'pdf'; use any of: html, xlsx, csv, xliff, json (comma-separated)"


@pytest.mark.parametrize("path", [SAMPLES / "too_many_cooks.srt", ADA], ids=["sample", "ada_zangemann"])
def test_review_films(tmp_path: Path, path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent")
    models = tmp_path / "models"
    models.mkdir()
    code, output = run(str(path), "--to", "es", "--out", str(tmp_path), "--models-dir", str(models))
    assert code == 0, output
    stem = path.stem
    for name in (f"{stem}.review.html", f"{stem}.review.xlsx", f"{stem}.review.csv", f"{stem}.es.xlf",
                 f"{stem}.locpipe.json"):
        assert (tmp_path / name).stat().st_size > 0
    data = json.loads((tmp_path / f"{stem}.locpipe.json").read_text(encoding="utf-8"))
    assert data["flags"], "the detectors found nothing to review"
    flag_refs_everywhere(tmp_path, stem, "es")


def test_review_with_the_toy_model(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from toy_models import toy_models_dir

    models = toy_models_dir(tmp_path_factory)
    code, output = run(str(MINI), "--to", "xa", "--out", str(tmp_path), "--models-dir", str(models))
    assert code == 0, output
    assert not output.startswith("Note:")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "mini.review.csv").read_text(encoding="utf-8-sig"),
                                           newline="")))
    assert rows and all(row["machine translation (xa)"] for row in rows)
    assert (tmp_path / "mini.xa.xlf").is_file()
