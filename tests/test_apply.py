"""The way back: export → edit the reviewed file → ``locpipe apply``, for XLIFF, XLSX and CSV."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_review_writers import MINI, build, fake_translation

from locpipe import formats
from locpipe.cli import cli
from locpipe.decisions import apply_decisions, find_decisions, load_decisions
from locpipe.errors import ReviewImportError, UsageError
from locpipe.review import write_reviews
from locpipe.review.apply import apply_review, read_reviewed

NEW = "¿Te apetece un té?"


def export(tmp_path: Path, source: Path = MINI, **kw: Any) -> Path:
    """Copy the source into tmp_path (so sidecars land there) and write its review files into tmp_path/out."""
    src = tmp_path / source.name
    if not src.exists():
        shutil.copy(source, src)
    transcript = build(src, **kw)
    write_reviews(transcript, tmp_path / "out", formats="xlsx,csv,xliff", langs=["es"])
    return src


def edit_csv(path: Path, key: str, column: str, value: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    col = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == key:
            row[col] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_text("\ufeff" + buf.getvalue(), encoding="utf-8")


def edit_xlsx(path: Path, key: str, column: str, value: str) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["review"]
    col = [c.value for c in ws[1]].index(column) + 1
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            ws.cell(row=row[0].row, column=col).value = value
    wb.save(path)


def edit_xliff(path: Path, key: str, column: str, value: str) -> None:
    """What a CAT tool does: replace a segment's target (and mark it translated)."""
    import xml.etree.ElementTree as ET

    ns = "urn:oasis:names:tc:xliff:document:2.0"
    ET.register_namespace("", ns)
    for prefix, uri in [("mtc", "urn:oasis:names:tc:xliff:matches:2.0"),
                        ("slr", "urn:oasis:names:tc:xliff:sizerestriction:2.0"),
                        ("mda", "urn:oasis:names:tc:xliff:metadata:2.0")]:
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    segment, cue = key.split("@")
    for unit in tree.getroot().iter(f"{{{ns}}}unit"):
        if unit.get("id") != segment:
            continue
        for seg in unit.findall(f"{{{ns}}}segment"):
            if seg.get("id") == f"c{cue}":
                if column == "status":
                    notes = unit.find(f"{{{ns}}}notes")
                    ET.SubElement(notes, f"{{{ns}}}note", {"category": "locpipe-status"}).text = value
                else:
                    seg.find(f"{{{ns}}}target").text = value
                    seg.set("state", "translated")
    tree.write(path, encoding="utf-8", xml_declaration=True)


EDITORS = {"csv": ("mini.review.csv", edit_csv), "xlsx": ("mini.review.xlsx", edit_xlsx),
           "xlf": ("mini.es.xlf", edit_xliff)}


def srt_cues(path: Path) -> list[Any]:
    return formats.load(path).cues


@pytest.mark.parametrize("kind", sorted(EDITORS))
def test_round_trip(tmp_path: Path, kind: str) -> None:
    src = export(tmp_path)
    name, editor = EDITORS[kind]
    reviewed = tmp_path / "out" / name
    editor(reviewed, "s0003@2", "target (es)", NEW)
    (result,) = apply_review(reviewed)
    assert result.out == tmp_path / "out" / "mini.es.srt"
    assert result.rows == 7 and result.applied == 7 and not result.unmatched and not result.source_changed
    before, after = srt_cues(src), srt_cues(result.out)
    assert len(after) == len(before)
    assert [c.start for c in after] == [c.start for c in before]
    assert after[2].text == f"- {NEW}\n- {fake_translation('Aye, from the Tesco.')}"
    assert after[1].text == fake_translation("and I've got forty haggis to feed.")
    # markup put back: italics on the first sentence, the position tag on the sound cue
    assert after[0].raw.startswith("<i>" + fake_translation("Right, you lot.") + "</i>")
    assert after[3].raw.startswith("{\\an8}")
    assert src.read_bytes() == MINI.read_bytes()  # the input is never touched


def test_round_trip_unchanged_targets_give_the_machine_translation(tmp_path: Path) -> None:
    export(tmp_path)
    transcript = build(MINI)
    (result,) = apply_review(tmp_path / "out" / "mini.review.csv", out=tmp_path / "final.srt")
    after = srt_cues(result.out)
    expected = [t.replace("\\N", "\n") for t in transcript.cue_translations["es"]]
    assert [c.raw.replace("\\N", "\n") for c in after] == expected


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120), min_size=7, max_size=7))
def test_any_targets_keep_cue_count_and_in_times(tmp_path: Path, targets: list[str]) -> None:
    folder = tmp_path / str(abs(hash(tuple(targets))))
    folder.mkdir()
    export(folder)
    reviewed = folder / "out" / "mini.review.csv"
    keys = [r.segment + "@" + str(r.cue) for r in read_reviewed(reviewed)[0].rows]
    for key, target in zip(keys, targets, strict=True):
        edit_csv(reviewed, key, "target (es)", target)
    (result,) = apply_review(reviewed)
    before, after = srt_cues(MINI), srt_cues(result.out)
    assert len(after) == len(before)
    assert [c.start for c in after] == [c.start for c in before]


def test_unmatched_rows_are_reported(tmp_path: Path) -> None:
    export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    edit_csv(reviewed, "s0006@4", "source", "A line that is not in the film.")
    (result,) = apply_review(reviewed)
    assert result.unmatched == [
        "row 8 (cue 5): source text “A line that is not in the film.” is not in mini.srt; its target was not applied"
    ]
    assert srt_cues(result.out)[4].text == "That's a piece of cake, hen."  # source kept


def test_revised_source_is_matched_by_text(tmp_path: Path) -> None:
    src = export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.xlsx"
    edit_xlsx(reviewed, "s0003@2", "target (es)", NEW)
    # the script is revised: a new first cue, everything moves down by one
    text = src.read_text(encoding="utf-8")
    src.write_text("1\n00:00:00,100 --> 00:00:00,900\nPreviously.\n\n" + text, encoding="utf-8")
    (result,) = apply_review(reviewed)
    assert result.source_changed and not result.unmatched and result.applied == 7
    after = srt_cues(result.out)
    assert len(after) == 6 and after[0].text == "Previously."
    assert after[3].text.startswith(f"- {NEW}")


def test_over_the_limits_is_reported(tmp_path: Path) -> None:
    export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    edit_csv(reviewed, "s0006@4", "target (es)", "palabra " * 30)
    (result,) = apply_review(reviewed)
    checks = sorted({f.check for f in result.over_limits})
    assert checks == ["fit.cps", "fit.too-many-lines"]
    assert all(f.cue == 4 for f in result.over_limits)


def test_ignore_status_becomes_a_decision_that_persists(tmp_path: Path) -> None:
    src = export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    edit_csv(reviewed, "s0006@4", "status", "ignore")
    edit_csv(reviewed, "s0006@4", "translator note", "everybody knows it")
    (result,) = apply_review(reviewed)
    assert result.decisions_added == 2  # the idiom and the dialect flag of that row
    assert result.decisions_path == tmp_path / "mini.locpipe-decisions.json"
    decisions = load_decisions(find_decisions(src))
    assert {d.id for d in decisions.items.values()} == {"en.idiom.a-piece-of-cake", "en.dialect.hen"}
    assert {d.note for d in decisions.items.values()} == {"everybody knows it"}

    # next run on a revised script: the same sentence elsewhere keeps its decision
    text = src.read_text(encoding="utf-8")
    src.write_text("1\n00:00:00,100 --> 00:00:00,900\nPreviously.\n\n" + text, encoding="utf-8")
    transcript = build(src)
    assert apply_decisions(transcript, decisions) == 2
    ignored = sorted(f.rule_id for f in transcript.flags if f.status == "ignore")
    assert ignored == ["en.dialect.hen", "en.idiom.a-piece-of-cake"]
    write_reviews(transcript, tmp_path / "next", formats="html,csv", langs=["es"])
    page = (tmp_path / "next" / "mini.review.html").read_text(encoding="utf-8")
    assert "a-piece-of-cake" not in page and "2 ignored by reviewer decisions" in page
    assert "en.culture.tesco" in page


def test_xliff_status_note_ignore(tmp_path: Path) -> None:
    export(tmp_path)
    reviewed = tmp_path / "out" / "mini.es.xlf"
    edit_xliff(reviewed, "s0004@2", "status", "ignore")
    (result,) = apply_review(reviewed)
    assert result.decisions_added == 1
    assert [d.id for d in load_decisions(result.decisions_path).items.values()] == ["en.culture.tesco"]


def test_apply_cli(tmp_path: Path) -> None:
    export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    edit_csv(reviewed, "s0003@2", "target (es)", NEW)
    out = tmp_path / "final" / "film.es.srt"
    result = CliRunner().invoke(cli, ["apply", str(reviewed), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"wrote {out}\n"
        "Applied 7 of 7 rows (es); 0 without a target kept the source; 0 unmatched; 0 over the limits.\n"
    )
    assert srt_cues(out)[2].text.startswith(f"- {NEW}")


def test_apply_cli_reports_limits_and_unmatched(tmp_path: Path) -> None:
    export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    edit_csv(reviewed, "s0006@4", "target (es)", "palabra " * 9)
    edit_csv(reviewed, "s0001@0", "source", "Gone.")
    result = CliRunner().invoke(cli, ["apply", str(reviewed)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "unmatched: row 2 (cue 1): source text “Gone.” is not in mini.srt; its target was not applied"
    assert re.fullmatch(r".*mini\.srt:\d+: cue 5: fit\.cps: reading speed \d+\.\d cps is over the es limit of 17\.0 cps.*",
                        lines[1])
    assert lines[-1] == "Applied 6 of 7 rows (es); 0 without a target kept the source; 1 unmatched; 1 over the limits."


def test_apply_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "notes.txt"
    bad.write_text("hello", encoding="utf-8")
    result = runner.invoke(cli, ["apply", str(bad)], standalone_mode=False)
    assert isinstance(result.exception, UsageError)
    assert str(result.exception) == (
        f"{bad}: cannot apply 'notes.txt': not a reviewed file; give the .xlf, .xlsx or .csv written by locpipe review"
    )
    not_xlsx = tmp_path / "broken.xlsx"
    not_xlsx.write_bytes(b"not a zip")
    with pytest.raises(ReviewImportError, match=r"broken\.xlsx: not a readable XLSX workbook .*; save it again as \.xlsx"):
        read_reviewed(not_xlsx)
    foreign = tmp_path / "other.csv"
    foreign.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ReviewImportError, match=r"other\.csv:1: no 'id' column; this is not a sheet written by locpipe"):
        read_reviewed(foreign)


def test_xliff_with_entities_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="es">'
        "<file id=\"f1\"><unit id=\"s1\"><segment id=\"c0\"><source>&b;</source></segment></unit></file></xliff>",
        encoding="utf-8",
    )
    with pytest.raises(ReviewImportError, match=r"bomb\.xlf: refusing an unsafe XML construct \(EntitiesForbidden\)"):
        read_reviewed(bomb)


def test_missing_source_needs_source_option(tmp_path: Path) -> None:
    src = export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    moved = tmp_path / "elsewhere.srt"
    src.rename(moved)
    with pytest.raises(UsageError, match="cannot find the source file .*mini.srt of this sheet; pass it with --source FILE"):
        apply_review(reviewed)
    (result,) = apply_review(reviewed, source=moved)
    assert result.applied == 7 and result.out.name == "elsewhere.es.srt"


@pytest.mark.parametrize("kind", sorted(EDITORS))
def test_signed_off_rows_go_to_the_translation_memory(tmp_path: Path, kind: str) -> None:
    from locpipe.mt.tm import TranslationMemory

    src = export(tmp_path)
    name, editor = EDITORS[kind]
    reviewed = tmp_path / "out" / name
    editor(reviewed, "s0003@2", "target (es)", NEW)
    editor(reviewed, "s0003@2", "status", "changed")
    tm_path = tmp_path / "tm.sqlite"
    (result,) = apply_review(reviewed, tm=tm_path)
    sentence = next(s.text for s in build(src).segments if s.id == "s0003")
    assert (sentence, NEW) in result.reviewed_pairs
    assert result.tm_stored == len(result.reviewed_pairs) >= 1
    found = TranslationMemory(tm_path).lookup(
        engine="any-engine", options="", source_lang="en", target_lang="es", sources=[sentence]
    )
    assert found[sentence].target == NEW and found[sentence].origin == "review"


def test_rows_not_signed_off_stay_out_of_the_translation_memory(tmp_path: Path) -> None:
    export(tmp_path)
    reviewed = tmp_path / "out" / "mini.review.csv"
    edit_csv(reviewed, "s0003@2", "target (es)", NEW)  # edited, but status still todo
    (result,) = apply_review(reviewed, tm=tmp_path / "tm.sqlite")
    assert result.reviewed_pairs == [] and result.tm_stored == 0
    assert not (tmp_path / "tm.sqlite").exists()
