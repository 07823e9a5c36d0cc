"""Fountain screenplays through the pipeline: detection with parenthetical evidence, translation that keeps
the screenplay's structure, review sheets grouped by scene, revisions and the character-spelling check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from toy_models import toy_models_dir

from locpipe import formats
from locpipe.cli import cli
from locpipe.formats.fountain import structure
from locpipe.model import Transcript
from locpipe.mt import engine as engine_module
from locpipe.mt.engine import MTResult
from locpipe.mt.pipeline import parse_skip, translate
from locpipe.profiles import get_profile
from locpipe.stages.check import check

SAMPLE = SAMPLES / "too_many_cooks.fountain"

PUB = b"""INT. PUB - NIGHT

Morag pours a wee dram of whisky. Cody orders a pint.

MORAG
(sarcastic)
Oh, that's just brilliant.

CODY
(in a Texan drawl)
Well, I reckon we're fixin' to leave.

JAVIER (V.O.)
(in Spanish)
Madre mia, que frio hace.
"""


@pytest.fixture(scope="module")
def pub() -> Transcript:
    from locpipe.detect import detect

    t = formats.loads(PUB, path="pub.fountain", language="en")
    return detect(t)


def _flags(t: Transcript) -> list[tuple[str, str, str, str, float]]:
    return [(f.kind, f.label, f.text, f.rule_id, f.confidence) for f in t.flags]


def test_parentheticals_are_evidence_and_action_weighs_less(pub: Transcript) -> None:
    flags = {(f.kind, f.text): f for f in pub.flags}
    sarcasm = flags[("humor", "Oh, that's just brilliant.")]
    assert (sarcasm.label, sarcasm.rule_id, sarcasm.evidence, sarcasm.confidence) == (
        "sarcasm", "en.rule.parenthetical-sarcasm", ["parenthetical “(sarcastic)”"], 0.8)
    reckon = flags[("dialect", "I reckon")]
    assert reckon.evidence == ["vocabulary marker of US South English",
                               "parenthetical “(in a Texan drawl)”: the character speaks with an accent"]
    switch = flags[("dialect", "Madre mia, que frio hace.")]
    assert (switch.label, switch.evidence, switch.confidence) == (
        "language-switch", ["parenthetical “(in Spanish)”"], 0.9)
    assert "left untranslated" in switch.suggestion
    # the detectors' flags on the action keep 0.6 of their weight and say so
    pint = flags[("culture", "pint")]
    assert pint.confidence == 0.48
    assert pint.evidence[-1] == "in the stage directions, not the dialogue: weight ×0.6"
    # nothing is flagged inside a parenthetical, nor in the Spanish line but the switch itself
    cues = {c.index: c for c in pub.cues}
    assert not [f for f in pub.flags if any(cues[i].meta["element"] == "parenthetical" for i in f.cues)]
    assert [f.label for f in pub.flags if f.text.startswith("Madre")] == ["language-switch"]


def test_detect_kinds_filter_applies_to_screenplay_flags() -> None:
    from locpipe.detect import detect

    t = detect(formats.loads(PUB, path="pub.fountain", language="en"), kinds="humor")
    assert {f.kind for f in t.flags} == {"humor"}
    assert [f.rule_id for f in t.flags] == ["en.rule.parenthetical-sarcasm"]


class _Engine:
    """Prefixes every word with 'x' and lower-cases it; aligned word for word."""

    def __init__(self, a: str, b: str):
        self.id = f"fake-{a}_{b}@1"
        self.texts: list[str] = []

    def translate_batch(self, texts: list[str], **_: object) -> list[MTResult]:
        self.texts.extend(texts)
        out = []
        for text in texts:
            words = text.split()
            out.append(MTResult(text=" ".join("x" + w.lower() for w in words), confidence=0.9, alternatives=[],
                                alignment=[(i, i) for i in range(len(words))]))
        return out


class _Pkg:
    def __init__(self, a: str, b: str):
        self.from_code, self.to_code = a, b


@pytest.fixture
def engines(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], _Engine]:
    made: dict[tuple[str, str], _Engine] = {}

    def engine_for_route(route: list, **_: object) -> _Engine:  # type: ignore[type-arg]
        key = (route[0].from_code, route[-1].to_code)
        return made.setdefault(key, _Engine(*key))

    monkeypatch.setattr(engine_module, "engine_for_route", engine_for_route)
    return made


def test_translation_keeps_the_screenplay(engines: dict) -> None:  # type: ignore[type-arg]
    t = formats.load(SAMPLE, language="en")
    stats = translate([t], ["es"], routes={("en", "es"): [_Pkg("en", "es")]}, tm=False)
    written = formats.dumps(t, lang="es")
    again = formats.loads(written.encode(), path="too_many_cooks.es.fountain")
    assert structure(again) == structure(t)
    assert formats.dumps(again) == written
    sent = engines[("en", "es")].texts
    # dialogue, parentheticals, action and locations go to the engine; names, notes, title page never
    assert "Right, you lot." in sent and "in a thick Glasgow accent" in sent
    assert "MORAG'S RESTAURANT, KITCHEN - GLASGOW" in sent and "Bagpipes playing on a radio." in sent
    assert not [s for s in sent if s in ("MORAG", "TOO MANY COOKS") or "double positive" in s]
    # the line already in Spanish is left as it is
    assert "¡Hola!" not in sent and "\n(xin xspanish)\n¡Hola!\n(xin xenglish)\nxcan xyou" in written
    assert stats.skipped == 1
    assert "INT. XMORAG'S XRESTAURANT, XKITCHEN X- XGLASGOW - DÍA\n" in written
    assert "\nMORAG\n(xin xa xthick xglasgow xaccent)\nxright, xyou xlot." in written
    assert "It's *actually* on fire!" not in written and "xit's *xactually* xon xfire!" in written
    assert "\nJAVIER (V.O.)\n" in written and "\nCODY (CONT'D)\n" in written and "\nMORAG ^\n" in written
    assert "\n~xoh xthe xtatties" in written and "\n> xthe xend <\n" in written
    # a screenplay is not held to subtitle line limits
    assert not [f for f in t.findings if f.check.startswith("fit.")]


def test_skip_action_and_scene_headings(engines: dict) -> None:  # type: ignore[type-arg]
    t = formats.load(SAMPLE, language="en")
    translate([t], ["es"], routes={("en", "es"): [_Pkg("en", "es")]}, tm=False,
              skip_kinds=parse_skip("action,scene-headings"))
    written = formats.dumps(t, lang="es")
    assert "\nINT. MORAG'S RESTAURANT, KITCHEN - GLASGOW - DAY\n" in written
    assert "\nBagpipes playing on a radio.\n" in written
    assert "\nxright, xyou xlot." in written
    assert structure(formats.loads(written.encode(), path="x.fountain")) == structure(t)
    assert parse_skip("transitions,parentheticals,headings") == {
        "element:transition", "element:parenthetical", "element:scene_heading"}


def test_review_sheet_groups_rows_by_scene(engines: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    from locpipe.review import write_reviews
    from locpipe.review.rows import build_sheet

    t = formats.load(SAMPLE, language="en")
    translate([t], ["es"], routes={("en", "es"): [_Pkg("en", "es")]}, tm=False)
    sheet = build_sheet(t, profile=get_profile(None))
    runs = [r.section for k, r in enumerate(sheet.rows) if k == 0 or r.section != sheet.rows[k - 1].section]
    assert runs == [
        "INT. MORAG'S RESTAURANT, KITCHEN - GLASGOW - DAY",
        "INT. MORAG'S RESTAURANT, DINING ROOM - CONTINUOUS",
        "INT. MORAG'S RESTAURANT, KITCHEN - LATER",
        "INT. MORAG'S RESTAURANT, KITCHEN - AFTERNOON",
        "INT. MORAG'S RESTAURANT, STAFF ROOM - EVENING",
        "INT. MORAG'S RESTAURANT, KITCHEN - NIGHT",
        "INT. MORAG'S RESTAURANT, DINING ROOM - NIGHT, THE SHOOT",
        "INT. MORAG'S RESTAURANT, KITCHEN - LATER",
    ]
    (html,) = write_reviews(t, tmp_path, formats="html")
    page = html.read_text(encoding="utf-8")
    headers = re.findall(r'<tr class="scene"><th colspan="8" scope="colgroup" dir="auto">(.*?)</th></tr>', page)
    assert len(headers) == 8
    assert headers[0] == "INT. MORAG&#39;S RESTAURANT, KITCHEN - GLASGOW - DAY"


REV1 = b"""INT. KITCHEN - DAY

MORAG
Right, you lot.

PRIYA
Morning, Morag.

BRICK
Screw retirement.

CODY
Howdy, y'all!
"""
REV2 = b"""INT. KITCHEN - DAY

MORAG
Right, you lot. Listen up.

PRIYA
Morning, Morag.

STEEL
Screw retirement.

JAVIER
Hola.
"""


def test_revisions_match_dialogue_by_character_and_text() -> None:
    from locpipe.stages.diff import match_cues

    old = formats.loads(REV1, path="a.fountain")
    new = formats.loads(REV2, path="a.fountain")
    diff = match_cues(old, new)
    status = {(m.new, m.old): m.status for m in diff.matches}
    by_new = {m.new: m.status for m in diff.matches if m.new is not None}
    texts = [c.text for c in new.cues]
    assert by_new[texts.index("Right, you lot. Listen up.")] == "changed"
    assert by_new[texts.index("Morning, Morag.")] == "unchanged"
    # the same words from another character are not the same line
    assert by_new[texts.index("Screw retirement.")] != "unchanged"
    assert by_new[texts.index("Hola.")] == "new"
    assert sum(1 for s in status.values() if s == "deleted") >= 1


def test_check_baseline_on_a_fountain_revision(tmp_path: Path) -> None:
    base = tmp_path / "base.fountain"
    base.write_bytes(REV1)
    new = tmp_path / "script.fountain"
    new.write_bytes(REV2 + b"\nMORRAG\nI'm back.\n")
    result = CliRunner().invoke(cli, ["check", str(new), "--baseline", str(base), "--no-detect",
                                      "--fail-on", "functional"])
    assert result.exit_code == 1, result.output
    assert "script.character-spelling" in result.output
    assert result.output.splitlines()[0] == (
        f"{new}:15: functional script.character-spelling (fails): cue 10: the character “MORRAG” (1 time, first "
        "at line 15) looks like “MORAG” (1 time) spelled another way: use one spelling, so that character lists, "
        "dubbing sheets and the translation name one person")
    assert result.output.splitlines()[1] == (
        f"{new}: against {base}: 4 unchanged, 2 changed, 5 new, 3 deleted cues")


def test_character_spelling_check() -> None:
    t = formats.loads(b"MORAG\nHi.\n\nMORAG\nHo.\n\nMORRAG\nHey.\n\n@Morag\nYo.\n\nJOHN\na\n\nJOAN\nb\n\n"
                      b"JOHN\nc\n\nJOAN\nd\n", path="m.fountain")
    found = [(f.check, f.severity, f.line, f.message) for f in check(t, profile=get_profile(None))]
    assert found == [
        ("script.character-spelling", "functional", 7,
         "cue 5: the character “MORRAG” (1 time, first at line 7) looks like “MORAG” (2 times) spelled another "
         "way: use one spelling, so that character lists, dubbing sheets and the translation name one person"),
        ("script.character-spelling", "functional", 10,
         "cue 7: the character “Morag” (1 time, first at line 10) looks like “MORAG” (2 times) spelled another "
         "way: use one spelling, so that character lists, dubbing sheets and the translation name one person"),
    ]
    assert not [f for f in check(formats.load(SAMPLE), profile=get_profile(None))
                if f.check == "script.character-spelling"]


def test_run_translates_the_sample_screenplay_with_the_toy_model(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The real engine: the toy en→xa Argos package (tests/data/models)."""
    models = toy_models_dir(tmp_path_factory)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--to", "xa", "--models-dir", str(models),
                                      "--out", str(out), "--no-tm"])
    assert result.exit_code == 0, result.output
    translated = out / "too_many_cooks.xa.fountain"
    source = formats.load(SAMPLE)
    again = formats.load(translated)
    assert structure(again) == structure(source)
    assert formats.dumps(again) == translated.read_text(encoding="utf-8")
    changed = [a.index for a, b in zip(source.cues, again.cues, strict=True)
               if a.meta["element"] == "dialogue" and a.text != b.text]
    assert len(changed) == 153  # every dialogue but the line already in Spanish
    assert "\n(in Spanish)\n" not in translated.read_text(encoding="utf-8")
    assert "\n¡Hola!\n" in translated.read_text(encoding="utf-8")
    html = next(out.glob("too_many_cooks*.review.html"))
    page = html.read_text(encoding="utf-8")
    assert page.count('<tr class="scene">') == 8
    assert "parenthetical “(sarcastic)”" in page


def test_run_writes_a_fountain_translation_and_a_sheet_by_scene(
        engines: dict, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[type-arg]
    """``locpipe run`` end to end on the sample screenplay (the engine faked, everything else real)."""
    from locpipe.mt import packages

    monkeypatch.setattr(packages, "find_route", lambda a, b, models_dir=None: [_Pkg(a, b)])
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--to", "xa", "--out", str(out), "--no-tm"])
    assert result.exit_code == 0, result.output
    translated = out / "too_many_cooks.xa.fountain"
    source = formats.load(SAMPLE)
    again = formats.load(translated)
    assert structure(again) == structure(source)
    assert "\nMORAG\n(xin xa xthick xglasgow xaccent)\nxright, xyou xlot." in translated.read_text(encoding="utf-8")
    page = next(out.glob("too_many_cooks*.review.html")).read_text(encoding="utf-8")
    assert page.count('<tr class="scene">') == 8
    assert "parenthetical “(sarcastic)”" in page and "language-switch" in page
