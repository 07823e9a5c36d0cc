"""Review sheet writers: HTML, XLSX, CSV, XLIFF 2.1, JSON (fixture flags and translations, no model needed)."""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
from pathlib import Path

import pytest
from conftest import TESTDATA

from locpipe import formats
from locpipe.errors import UsageError
from locpipe.model import Flag, Transcript, Translation
from locpipe.mt.pipeline import _fit_and_markup
from locpipe.profiles import get_profile
from locpipe.review import FORMATS, output_paths, parse_formats, write_reviews
from locpipe.review.rows import build_sheet, flag_ref
from locpipe.stages.segment import segment

REVIEW = TESTDATA / "review"
MINI = REVIEW / "mini.srt"
HOSTILE = REVIEW / "hostile.srt"

# (text to flag, kind, label, gloss) — what the detectors would find, fixed here so the tests need no spaCy.
FIXTURE_FLAGS = [
    ("Burns Night", "culture", "holiday", "Scottish celebration of the poet Robert Burns, 25 January"),
    ("haggis", "culture", "food", "Scottish savoury pudding"),
    ("cuppa", "slang", "drink", "a cup of tea (British informal)"),
    ("Tesco", "culture", "brand", "a British supermarket chain"),
    ("a piece of cake", "idiom", "idiom", "very easy"),
    ("hen", "dialect", "scottish", "Glaswegian term of address for a woman"),
]


def fake_translation(text: str) -> str:
    """A deterministic stand-in for MT: the case of every letter swapped."""
    return text.swapcase()


def build(path: Path = MINI, *, lang: str | None = "es", flags: bool = True, profile: str = "netflix") -> Transcript:
    """Load, segment, add fixture flags and fake translations fitted into the cues."""
    transcript = formats.load(path)
    transcript.language = "en"
    segment(transcript)
    if flags:
        for seg in transcript.segments:
            for text, kind, label, gloss in FIXTURE_FLAGS:
                for m in re.finditer(rf"\b{re.escape(text)}\b", seg.text):
                    transcript.flags.append(
                        Flag(kind=kind, label=label, segment=seg.id, start=m.start(), end=m.end(), text=text,
                             rule_id=f"en.{kind}.{text.lower().replace(' ', '-')}", gloss=gloss,
                             evidence=[f"lexicon entry for “{text}”"], suggestion="keep or explain",
                             strategies=[{"strategy": "retention", "reason": "well known"},
                                         {"strategy": "generalization", "reason": "little room"}],
                             confidence=0.9)
                    )
    if lang:
        for seg in transcript.segments:
            seg.translations[lang] = Translation(lang=lang, text=fake_translation(seg.text), confidence=0.82,
                                                 alternatives=[seg.text.upper()], engine="fixture")
        _fit_and_markup(transcript, lang, get_profile(profile))
    return transcript


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.script: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.script if self._in_script else self.text).append(data)


def parse_html(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_write_reviews_writes_every_output(tmp_path: Path) -> None:
    transcript = build()
    written = write_reviews(transcript, tmp_path, langs=["es"])
    names = sorted(p.name for p in written)
    assert names == ["mini.es.xlf", "mini.locpipe.json", "mini.review.csv", "mini.review.html", "mini.review.xlsx"]
    assert written == output_paths("mini", tmp_path, FORMATS, ["es"])
    assert all(p.stat().st_size > 0 for p in written)
    assert not list(tmp_path.glob(".*.tmp"))


def test_parse_formats() -> None:
    assert parse_formats("xlf, html,html") == ["xliff", "html"]
    with pytest.raises(UsageError, match=r"unknown review format 'pdf'; use any of: html, xlsx, csv, xliff, json"):
        parse_formats("html,pdf")


def test_every_flag_appears_in_html_spreadsheets_and_xliff(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from translate.storage import xliff2

    transcript = build()
    assert len(transcript.flags) == 6
    write_reviews(transcript, tmp_path, langs=["es"])
    refs = {flag_ref(f) for f in transcript.flags}
    data = json.loads((tmp_path / "mini.locpipe.json").read_text(encoding="utf-8"))
    assert {f"{f['kind']}:{f['rule_id']}@{f['segment']}" for f in data["flags"]} == refs

    page = parse_html((tmp_path / "mini.review.html").read_text(encoding="utf-8"))
    flag_boxes = {a["data-ref"] for tag, a in page.tags if tag == "div" and "flag" in (a.get("class") or "").split()}
    marks = {ref for tag, a in page.tags if tag == "mark" for ref in a["data-ref"].split()}
    assert flag_boxes == refs
    assert marks == refs  # every flag's span is highlighted

    rows = read_csv(tmp_path / "mini.review.csv")
    assert {r for row in rows for r in row["flag refs"].split()} == refs
    for flag in transcript.flags:
        assert any(flag.gloss in row["flags"] for row in rows)

    ws = load_workbook(tmp_path / "mini.review.xlsx")["review"]
    header = [c.value for c in ws[1]]
    col = header.index("flag refs")
    assert {r for row in ws.iter_rows(min_row=2, values_only=True) for r in (row[col] or "").split()} == refs

    store = xliff2.Xliff2File.parsefile(str(tmp_path / "mini.es.xlf"))
    notes = set()
    for unit in store.units:
        container = unit.getunitelement().find(unit.namespaced("notes"))
        for note in container.iterchildren(unit.namespaced("note")):
            if note.get("category") == "flag":
                notes.add(note.text.rsplit("ref: ", 1)[1])
    assert notes == refs


def test_html_is_self_contained_with_a_strict_csp(tmp_path: Path) -> None:
    write_reviews(build(), tmp_path, formats="html", langs=["es"])
    text = (tmp_path / "mini.review.html").read_text(encoding="utf-8")
    page = parse_html(text)
    csp = next(a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    nonce = re.search(r"script-src 'nonce-([\w-]+)'", csp)
    assert nonce is not None
    assert csp.startswith("default-src 'none';")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img")
        if tag in ("script", "style"):
            assert attrs.get("nonce") == nonce.group(1)
            assert "src" not in attrs
        assert "style" not in attrs  # inline style attributes would be blocked by the CSP
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", text)
    assert "@media print" in text
    assert 'id="q"' in text and "ArrowDown" in text


def test_html_header_counts_and_rows(tmp_path: Path) -> None:
    transcript = build()
    write_reviews(transcript, tmp_path, formats="html", langs=["es"])
    page = parse_html((tmp_path / "mini.review.html").read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert "culture 3" in " ".join(text.split())
    rows = [a for tag, a in page.tags if tag == "tr" and a.get("class") == "row"]
    assert [r["data-key"] for r in rows] == ["s0001@0", "s0002@0", "s0002@1", "s0003@2", "s0004@2", "s0005@3",
                                             "s0006@4"]
    assert fake_translation("Fancy a cuppa?") in text
    assert "FANCY A CUPPA?" in text  # the alternative
    assert "82 %" in text


def test_hostile_text_is_inert_in_html(tmp_path: Path) -> None:
    transcript = build(HOSTILE, flags=False)
    write_reviews(transcript, tmp_path, formats="html", langs=["es"])
    raw = (tmp_path / "hostile.review.html").read_text(encoding="utf-8")
    page = parse_html(raw)
    scripts = [a for tag, a in page.tags if tag == "script"]
    assert len(scripts) == 1  # only the sheet's own
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "span", "b", "i", "ul", "li",
               "form", "fieldset", "legend", "label", "input", "select", "option", "main", "table", "colgroup",
               "col", "thead", "tr", "th", "tbody", "td", "div", "br", "mark", "ol", "script"}
    assert {tag for tag, _ in page.tags} <= allowed
    for _, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")]
    text = "".join(page.text)
    assert "<script>alert('cue1')</script> Run!" in text
    assert '<img src=x onerror="alert(\'cue2\')"> Look at this.' in text
    assert "{{ 7*7 }} and {% if true %}yes{% endif %} and ${7*7}" in text
    assert "49 and yes" not in text and "49 and" not in text
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;" in text  # entities shown as typed
    assert "</td></tr><tr><td>broken table</td>" in text
    long_line = next(c.text for c in transcript.cues if len(c.text) == 10000)
    assert long_line in text
    assert "\u202egnp.exe\u202c" in text and "zero\u200bwidth\u200d" in text
    assert 'dir="auto"' in raw


def test_hostile_text_is_plain_in_xlsx_and_csv(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    transcript = build(HOSTILE, flags=False)
    write_reviews(transcript, tmp_path, formats="xlsx,csv", langs=["es"])
    wb = load_workbook(tmp_path / "hostile.review.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    sources = [row[header.index("source")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://evil.example","click")' in sources
    assert "+1+1 is what you said?" in sources
    assert "<script>alert('cue1')</script> Run!" in sources
    assert any(s and len(s) == 10000 for s in sources)
    assert ws.freeze_panes == "C2"
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1 and validations[0].formula1 == '"todo,ok,changed,query,ignore"'

    text = (tmp_path / "hostile.review.csv").read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells
    assert "'+1+1 is what you said?" in cells


def test_xliff_structure_and_translate_toolkit(tmp_path: Path) -> None:
    from defusedxml import ElementTree as DET
    from translate.storage import factory, xliff2

    transcript = build()
    write_reviews(transcript, tmp_path, formats="xliff", langs=["es"])
    path = tmp_path / "mini.es.xlf"
    root = DET.parse(path).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0", "slr": "urn:oasis:names:tc:xliff:sizerestriction:2.0",
          "mtc": "urn:oasis:names:tc:xliff:matches:2.0", "mda": "urn:oasis:names:tc:xliff:metadata:2.0"}
    assert root.get("version") == "2.1" and root.get("srcLang") == "en" and root.get("trgLang") == "es"
    files = root.findall("x:file", ns)
    assert len(files) == 1
    assert files[0].find("slr:profiles", ns).get("generalProfile") == "xliff:codepoints"
    units = files[0].findall("x:unit", ns)
    assert [u.get("id") for u in units] == [s.id for s in transcript.segments]
    s2 = units[1]
    assert [s.get("id") for s in s2.findall("x:segment", ns)] == ["c0", "c1"]  # one segment per cue
    assert s2.get("{urn:oasis:names:tc:xliff:sizerestriction:2.0}sizeRestriction") == str(42 * 2 * 2)
    assert {s.get("state") for s in s2.findall("x:segment", ns)} == {"initial"}
    assert s2.find("mtc:matches/mtc:match/x:target", ns).text == transcript.segments[1].text.upper()
    categories = [n.get("category") for n in s2.findall("x:notes/x:note", ns)]
    assert categories.count("timecode") == 2 and "flag" in categories and "limits" in categories
    # <i>…</i> as a paired code, {\an8} as a standalone one, both with their original data
    pc = units[0].find("x:segment/x:source/x:pc", ns)
    assert pc is not None and pc.text == "Right, you lot."
    data = {d.get("id"): d.text for d in units[0].findall("x:originalData/x:data", ns)}
    assert data[pc.get("dataRefStart")] == "<i>" and data[pc.get("dataRefEnd")] == "</i>"
    ph = units[4].find("x:segment/x:source/x:ph", ns)
    assert {d.get("id"): d.text for d in units[4].findall("x:originalData/x:data", ns)}[ph.get("dataRef")] == "{\\an8}"
    meta = {m.get("type"): m.text for m in files[0].findall("mda:metadata/mda:metaGroup/mda:meta", ns)}
    assert meta["source"] == str(MINI.resolve()) and len(meta["sha256"]) == 64 and meta["lang"] == "es"

    # Translate Toolkit: its factory picks the XLIFF 1.x class by extension and refuses 2.x,
    # so the 2.x class is used directly.
    with pytest.raises(ValueError, match="XLIFF 2"):
        factory.getobject(str(path))
    store = xliff2.Xliff2File.parsefile(str(path))
    tt_units = [u for u in store.units if not u.isheader()]
    sheet = build_sheet(transcript, profile=get_profile("netflix"), langs=["es"])
    assert len(tt_units) == len(sheet.rows) == 7
    assert [u.getid() for u in tt_units] == [f"{r.segment}::c{r.cue}" for r in sheet.rows]
    assert [u.source for u in tt_units] == [r.source for r in sheet.rows]
    assert [u.target for u in tt_units] == [r.targets["es"].mt for r in sheet.rows]
    assert all(u.isfuzzy() for u in tt_units)  # state="initial": machine translation, not yet reviewed
    assert store.gettargetlanguage() == "es"
    # Translate Toolkit looks for <notes> inside <segment> (XLIFF 2 puts them on the <unit>), so
    # getnotes() is empty; the notes are read through its unit element.
    assert tt_units[0].getnotes() == ""
    unit_notes = [n.text for n in tt_units[0].getunitelement().iter(tt_units[0].namespaced("note"))]
    assert unit_notes and unit_notes[0].startswith("cue 1: 00:00:01.000")


def test_hostile_xliff_is_well_formed_and_keeps_the_text(tmp_path: Path) -> None:
    from translate.storage import xliff2

    transcript = build(HOSTILE, flags=False)
    write_reviews(transcript, tmp_path, formats="xliff", langs=["es"])
    store = xliff2.Xliff2File.parsefile(str(tmp_path / "hostile.es.xlf"))
    sources = [u.source for u in store.units]
    assert "<script>alert('cue1')</script> Run!" in sources
    assert "{{ 7*7 }} and {% if true %}yes{% endif %} and ${7*7}" in sources


def test_json_is_the_whole_transcript(tmp_path: Path) -> None:
    transcript = build()
    write_reviews(transcript, tmp_path, formats="json", langs=["es"])
    text = (tmp_path / "mini.locpipe.json").read_text(encoding="utf-8")
    back = Transcript.from_json(text)
    assert back.to_dict() == transcript.to_dict()
    assert back.segments[2].translations["es"].text == fake_translation("Fancy a cuppa?")
    assert len(back.flags) == 6


def test_source_only_sheet(tmp_path: Path) -> None:
    transcript = build(lang=None)
    written = write_reviews(transcript, tmp_path, no_mt_reason="No Argos model for en→es is installed.")
    assert sorted(p.name for p in written) == ["mini.locpipe.json", "mini.review.csv", "mini.review.html",
                                               "mini.review.xlsx"]
    text = (tmp_path / "mini.review.html").read_text(encoding="utf-8")
    assert "No machine translation in this sheet: No Argos model for en→es is installed." in text
    header = read_csv(tmp_path / "mini.review.csv")[0].keys()
    assert not [h for h in header if h.startswith("target")]


def test_asked_language_without_translation_gives_empty_targets(tmp_path: Path) -> None:
    transcript = build(lang=None)
    write_reviews(transcript, tmp_path, formats="csv,xliff", langs=["fr"])
    rows = read_csv(tmp_path / "mini.review.csv")
    assert [r["target (fr)"] for r in rows] == [""] * 7
    assert "<target" not in (tmp_path / "mini.fr.xlf").read_text(encoding="utf-8")


def test_ignored_flags_and_findings_are_left_out(tmp_path: Path) -> None:
    transcript = build()
    transcript.flags[0].status = "ignore"
    sheet = build_sheet(transcript, profile=get_profile("netflix"), langs=["es"])
    assert sheet.ignored == 1
    assert flag_ref(transcript.flags[0]) not in {flag_ref(f) for f in sheet.flags}
    assert len(sheet.flags) == 5


def test_overlapping_flags_show_every_label(tmp_path: Path) -> None:
    transcript = build()
    seg = transcript.segment_by_id("s0003")
    transcript.flags.append(Flag(kind="dialect", label="british", segment="s0003", start=6, end=14,
                                 text="a cuppa", rule_id="en.dialect.a-cuppa"))
    assert seg.text[6:14] == "a cuppa?"[:8]
    write_reviews(transcript, tmp_path, formats="html", langs=["es"])
    raw = (tmp_path / "mini.review.html").read_text(encoding="utf-8")
    row = raw[raw.index('data-key="s0003@2"'):]
    row = row[: row.index("</tr>")]
    source = row[row.index('class="src"'):row.index('class="mt"')]
    assert re.findall(r'<span class="lab">(\w+)</span>', source) == ["dialect", "slang"]
    assert 'data-ref="slang:en.slang.cuppa@s0003 dialect:en.dialect.a-cuppa@s0003"' in source


def test_reading_speed_and_line_lengths_against_the_profile() -> None:
    transcript = build(profile="bbc")
    sheet = build_sheet(transcript, profile=get_profile("bbc"), langs=["es"])
    row = next(r for r in sheet.rows if r.key == "s0003@2")
    assert row.line_lengths == [16, 22] and row.max_chars == 37
    assert row.cps == pytest.approx(38 / 2.5)  # line breaks do not count
    target = row.targets["es"]
    assert target.max_chars == 37 and target.max_cps == 15.0
    assert target.cue_text.split("\n")[0].startswith("-")
    assert target.line_lengths == [len(x) for x in target.cue_text.split("\n")]
