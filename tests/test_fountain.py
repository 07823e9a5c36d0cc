"""Fountain screenplays: parsing every element, exact element counts, round trips, writing translations."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLES, TESTDATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locpipe import formats
from locpipe.errors import FormatError, UsageError
from locpipe.formats.fountain import (
    is_character,
    parenthetical_language,
    parse_inline,
    render_inline,
    structure,
)
from locpipe.model import Transcript

SAMPLE = SAMPLES / "too_many_cooks.fountain"
HOSTILE = TESTDATA / "fountain" / "hostile.fountain"


def _load(path: Path) -> Transcript:
    return formats.load(path, language="en")


def _elements(t: Transcript) -> Counter[str]:
    return Counter(c.meta["element"] for c in t.cues)


def _fake_translation(t: Transcript, lang: str = "es") -> None:
    """A 'translation' that changes every translatable cue: words reversed in order, lower-cased."""
    out: list[str | None] = []
    for cue in t.cues:
        if cue.kind == "comment":
            out.append(None)
            continue
        lines = [" ".join(reversed(line.split())).lower() for line in cue.raw.split("\\N")]
        out.append("\\N".join(lines) or None)
    t.cue_translations[lang] = out


def test_sample_element_counts_exact() -> None:
    t = _load(SAMPLE)
    assert t.format == "fountain"
    assert t.findings == []
    assert _elements(t) == {
        "title_page": 6, "section": 3, "synopsis": 3, "scene_heading": 8, "action": 27, "character": 154,
        "parenthetical": 13, "dialogue": 154, "lyrics": 1, "transition": 5, "note": 2, "centered": 1,
        "page_break": 1,
    }
    assert len(t.cues) == 378
    assert Counter(c.kind for c in t.cues) == {"comment": 169, "dialogue": 154, "sign": 41, "sdh": 13, "lyrics": 1}
    assert sorted({c.speaker for c in t.cues if c.speaker}) == ["CODY", "JAVIER", "MORAG", "PRIYA"]
    assert t.meta["info"]["Title"] == "TOO MANY COOKS"
    # every cue is untimed and keeps its line
    assert all(c.start is None and c.end is None and c.line for c in t.cues)
    assert [c.line for c in t.cues] == sorted(c.line for c in t.cues)


def test_sample_scenes_characters_and_parentheticals() -> None:
    t = _load(SAMPLE)
    headings = [c for c in t.cues if c.meta["element"] == "scene_heading"]
    assert headings[0].text == "MORAG'S RESTAURANT, KITCHEN - GLASGOW"
    assert headings[0].meta["prefix"] == "INT. " and headings[0].meta["time"] == "DAY"
    # a time of day the table does not know stays part of the location
    assert headings[6].text == "MORAG'S RESTAURANT, DINING ROOM - NIGHT, THE SHOOT"
    assert headings[6].meta["time"] == ""
    first = next(c for c in t.cues if c.meta["element"] == "dialogue")
    assert first.speaker == "MORAG"
    assert first.meta["parenthetical"] == "in a thick Glasgow accent"
    assert first.meta["scene"] == "INT. MORAG'S RESTAURANT, KITCHEN - GLASGOW - DAY"
    assert first.meta["scene_no"] == 1
    javier = [c for c in t.cues if c.meta["element"] == "character" and c.speaker == "JAVIER"]
    assert javier and all(c.meta["extension"] == "(V.O.)" for c in javier)
    hola = next(c for c in t.cues if c.text == "¡Hola!")
    assert hola.meta["language"] == "es" and hola.meta["no_translate"]
    assert hola.line == 91
    assert [c.meta["extension"] for c in t.cues if c.meta["element"] == "character" and c.speaker == "CODY"][:2] == [
        "(O.S.)", "(CONT'D)"]
    dual = [c for c in t.cues if c.meta.get("dual")]
    assert [(c.meta["element"], c.speaker) for c in dual] == [("character", "MORAG"), ("dialogue", "MORAG")]
    song = next(c for c in t.cues if c.meta["element"] == "lyrics")
    assert song.kind == "lyrics" and song.speaker == "MORAG" and song.text.count("\n") == 1
    emphasis = next(c for c in t.cues if "actually" in c.text and c.meta["element"] == "dialogue")
    assert emphasis.raw == "It's *actually* on fire!" and emphasis.text == "It's actually on fire!"
    assert [(m.tag, emphasis.text[m.start:m.end]) for m in emphasis.markup] == [("i", "actually")]


def test_sample_dialogue_matches_the_subtitles() -> None:
    """The screenplay says every subtitle line, in order."""
    srt = formats.load(SAMPLES / "too_many_cooks.srt")
    script = " ".join(c.text.replace("\n", " ") for c in _load(SAMPLE).cues
                      if c.meta["element"] in ("dialogue", "lyrics"))
    pos = 0
    for cue in srt.cues:
        if cue.kind not in ("dialogue", "lyrics"):
            continue
        for line in cue.text.split("\n"):
            text = line.removeprefix("- ").replace("♪", "").strip()
            found = script.find(text, pos)
            assert found >= 0, text
            pos = found + len(text)


def test_hostile_element_counts_exact() -> None:
    t = _load(HOSTILE)
    assert _elements(t) == {
        "title_page": 4, "section": 2, "synopsis": 2, "action": 10, "scene_heading": 4, "character": 6,
        "parenthetical": 4, "dialogue": 8, "note": 2, "boneyard": 1, "transition": 2, "centered": 2,
        "lyrics": 1, "page_break": 2,
    }
    assert len(t.cues) == 50
    assert [(f.check, f.line) for f in t.findings] == [("parse.warning", 98)]
    assert "never closed" in t.findings[0].message


def test_hostile_details() -> None:
    t = _load(HOSTILE)
    by_line = {c.line: c for c in t.cues}
    # title page: multi-line values, odd spacing, unicode
    assert by_line[1].meta["key"] == "Title" and by_line[1].text == "LES CUISINIERS\nEin Drehbuch — 料理人"
    assert [m.tag for m in by_line[1].markup] == ["u", "b", "i"]
    assert by_line[4].text == "written by" and by_line[5].text == "Zoë Ñúñez-O'Brien"
    assert by_line[9].meta == {**by_line[9].meta, "element": "section", "level": 2}
    assert by_line[11].text == "Everything at once. Nothing in order."
    assert by_line[13].meta["element"] == "action"  # FADE IN: is not a transition (no TO:)
    beach = by_line[15]
    assert (beach.meta["prefix"], beach.text, beach.meta["sep"], beach.meta["time"], beach.meta["number"]) == (
        "EXT. ", "BEACH", " – ", "DAWN", " #1A#")
    waves = by_line[17]
    assert waves.text.startswith("Waves. A gull screams. The sea is loud.\nAn escaped *asterisk* and a snake_case_name")
    assert [m.tag for m in waves.markup] == ["b", "u", "b", "i"]
    assert by_line[20].meta["element"] == "action"  # all caps, blank line after: not a character
    assert by_line[22].meta["element"] == "action" and by_line[22].meta["forced"]
    assert by_line[24].speaker == "McCLANE" and by_line[24].meta["forced"]
    assert [(m.tag, m.value) for m in by_line[25].markup] == [("note", "rewrite?")]
    assert by_line[25].text == "Yippee-ki-yay.  Really."
    zoe = by_line[27]
    assert zoe.speaker == "ZOË" and zoe.meta["extension"] == "(O.S.) (cont'd)"
    assert by_line[29].text == "Tu es là ?\n\nJe suis là." and by_line[29].meta["language"] == "fr"
    assert by_line[33].meta["parenthetical"] == "in English" and "language" not in by_line[33].meta
    assert by_line[34].meta["element"] == "note" and by_line[35].speaker == "ZOË"
    assert by_line[40].meta["dual"] and by_line[37].meta["dual_left"]
    assert by_line[43].speaker == "李明" and by_line[45].meta["language"] == "zh"
    assert by_line[47].meta["element"] == "action"  # no upper case letters: never a character
    assert by_line[50].text == "Indented action keeps its tab\tand  spaces."
    # the boneyard hides a whole scene: no heading, no character from it
    bone = by_line[52]
    assert bone.meta["element"] == "boneyard" and bone.kind == "comment"
    assert "INT. DELETED SCENE - NIGHT" in bone.text
    assert not any(c.speaker == "DELETED" for c in t.cues)
    assert all("DELETED" not in c.text for c in t.cues if c.kind != "comment")
    assert by_line[59].meta["forced"] and by_line[59].text == "OPENING CREDITS"
    assert by_line[61].meta["prefix"] == "int. " and by_line[61].meta["time"] == "day"
    assert by_line[63].meta["element"] == "action"  # a heading needs a blank line after it
    assert by_line[66].text == "SMASH CUT TO:" and not by_line[66].meta.get("forced")
    assert by_line[68].text == "BLACK." and by_line[68].meta["forced"]
    assert by_line[70].text == "THE END" and by_line[72].text == "CENTRED WITH SPACES"
    assert by_line[74].text == "Lyrics in italics,\na second line 🎵"
    assert by_line[79].meta["level"] == 4 and by_line[80].meta["element"] == "synopsis"
    assert by_line[82].text == "A note\nover two lines"
    assert by_line[85].meta["prefix"] == "EST. " and by_line[85].meta["sep"] == " — "
    assert [m.tag for m in by_line[87].markup] == ["boneyard"] and "hidden" not in by_line[87].text
    assert by_line[89].speaker == "MORRAG" and by_line[91].meta["parenthetical"] == "sarcastic"
    assert by_line[93].meta["element"] == "action"
    assert by_line[96].meta["element"] == "page_break"
    assert by_line[98].text == "The end. [[unclosed note"


@pytest.mark.parametrize("path", [SAMPLE, HOSTILE], ids=["sample", "hostile"])
def test_round_trip_is_exact(path: Path, tmp_path: Path) -> None:
    t = _load(path)
    assert formats.dumps(t) == path.read_text(encoding="utf-8")
    out = tmp_path / "copy.fountain"
    formats.save(t, out)
    assert out.read_bytes() == path.read_bytes()
    again = Transcript.from_json(t.to_json())
    assert formats.dumps(again) == path.read_text(encoding="utf-8")


def test_crlf_and_spmd(tmp_path: Path) -> None:
    data = HOSTILE.read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "script.spmd"
    path.write_bytes(data)
    t = formats.load(path)
    assert t.format == "fountain" and _elements(t) == _elements(_load(HOSTILE))
    out = tmp_path / "out.spmd"
    formats.save(t, out)
    assert out.read_bytes() == data


@pytest.mark.parametrize("path", [SAMPLE, HOSTILE], ids=["sample", "hostile"])
def test_translation_reparses_to_the_same_structure(path: Path) -> None:
    t = _load(path)
    _fake_translation(t)
    written = formats.dumps(t, lang="es")
    again = formats.loads(written.encode(), path="x.fountain")
    assert structure(again) == structure(t)
    assert [c.line is not None for c in again.cues] == [True] * len(again.cues)
    # stable: parse → write of the translation gives it back
    assert formats.dumps(again) == written
    # untranslated elements come back as written; translated ones differ
    for old, new in zip(t.cues, again.cues, strict=True):
        if old.kind == "comment" or old.meta.get("no_translate"):
            assert new.meta["src"] == old.meta["src"]


def test_translated_scene_heading_keeps_its_structure() -> None:
    t = formats.loads(b"INT. KITCHEN - NIGHT #4#\n\nA pot boils.\n\n.THE VOID\n\nCUT TO:\n\n> THE END <\n",
                      path="x.fountain")
    t.cue_translations["es"] = ["cocina", "una olla hierve.", "el vacío", "corte a:", "fin"]
    assert formats.dumps(t, lang="es") == (
        "INT. COCINA - NOCHE #4#\n\nuna olla hierve.\n\n.EL VACÍO\n\n> CORTE A:\n\n> fin <\n")
    t.cue_translations["xa"] = ["kitchen", "A POT!", "void", "CUT TO:", "END"]
    assert formats.dumps(t, lang="xa") == "INT. KITCHEN - NIGHT #4#\n\n!A POT!\n\n.VOID\n\nCUT TO:\n\n> END <\n"


def test_dialogue_parenthetical_and_lyrics_written_back() -> None:
    source = b"MORAG\n(sarcastic)\nAye, *right*.\nSure.\n~La la\n~Lo lo\n"
    t = formats.loads(source, path="x.fountain")
    assert structure(t) == [("character", "MORAG"), ("parenthetical", "MORAG"), ("dialogue", "MORAG"),
                            ("lyrics", "MORAG")]
    t.cue_translations["es"] = [None, "(sarcástica)", "Sí, *claro*.\\NSeguro.", "La la\\Nlo lo"]
    assert formats.dumps(t, lang="es") == "MORAG\n(sarcástica)\nSí, *claro*. Seguro.\n~La la\n~lo lo\n"


def test_unknown_language_is_a_usage_error() -> None:
    t = _load(HOSTILE)
    with pytest.raises(UsageError) as err:
        formats.dumps(t, lang="de")
    assert str(err.value) == f"{HOSTILE}: has no translation into 'de' (known: none); translate it first"


def test_empty_and_blank_files_are_a_critical_finding(tmp_path: Path) -> None:
    empty = tmp_path / "empty.fountain"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.fountain"
    blank.write_bytes(b"\n\n   \n")
    for path in (empty, blank):
        t = formats.load(path)
        assert (t.format, t.cues) == ("fountain", [])
        assert [(f.check, f.severity, f.path) for f in t.findings] == [("parse.empty", "critical", str(path))]
    only = formats.loads(b"/* nothing\nyet */\n", path="only.fountain")
    assert structure(only) == [("boneyard", "")]


def test_inline_markup_round_trip() -> None:
    raw = r"A ***big*** *deal*, _under_ and **bold**; \*not\* [[a note]] /* bone */ end"
    text, markup = parse_inline(raw)
    assert text == "A big deal, under and bold; *not*   end"
    assert [(m.tag, text[m.start:m.end]) for m in markup if m.start < m.end] == [
        ("b", "big"), ("i", "big"), ("i", "deal"), ("u", "under"), ("b", "bold")]
    assert [(m.tag, m.value) for m in markup if m.start == m.end] == [("note", "a note"), ("boneyard", "bone")]
    assert parse_inline(render_inline(text, markup)) == (text, markup)
    # emphasis never spans lines, a lone marker is text
    assert parse_inline("*a\\Nb* c_d 2 * 3")[0] == "*a\nb* c_d 2 * 3"


def test_rules() -> None:
    assert is_character("MORAG (V.O.)") and is_character("@mcClane") and is_character("R2-D2 ^")
    assert not is_character("INT. KITCHEN") and not is_character("CUT TO:") and not is_character("李明")
    assert not is_character("Morag") and not is_character("1984")
    assert parenthetical_language("whispering, in Spanish") == "es"
    assert parenthetical_language("in a thick Glasgow accent") == ""
    assert parenthetical_language("speaking Scottish Gaelic") == "gd"


def test_other_formats_written_as_fountain() -> None:
    ass = formats.load(SAMPLES / "too_many_cooks.ass")
    text = formats.dumps(ass, format="fountain")
    again = formats.loads(text.encode(), path="film.fountain")
    assert again.format == "fountain" and not again.findings
    speakers = {c.speaker for c in again.cues if c.meta["element"] == "character"}
    assert speakers == {"MORAG", "PRIYA", "CODY", "JAVIER"}
    assert "It's *actually* on fire!" in text
    dialogue = [c.text for c in again.cues if c.meta["element"] == "dialogue"]
    assert dialogue[0] == "Right, you lot. It's Burns Night, the telly's coming,"


_WORDS = st.sampled_from(["INT.", "EXT.", "Bob", "BOB", "(beat)", "CUT TO:", "~la", ">", "<", "!", "@", ".", "#",
                          "=", "===", "[[", "]]", "/*", "*/", "*", "**", "_", "\\", "^", "ü", "李", " ", "\t",
                          "(V.O.)", "day", "- NIGHT", "TO:", "word", "Word"])
_LINES = st.lists(st.lists(_WORDS, max_size=6).map("".join), max_size=25).map("\n".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_any_text_parses_and_round_trips(text: str) -> None:
    try:
        t = formats.loads(text.encode(), path="x.fountain", format="fountain")
    except FormatError:
        return  # not readable: a clear error
    if [f.check for f in t.findings] == ["parse.empty"]:
        assert not text.strip() and t.cues == []
        return  # empty or blank: a finding, checked above
    assert formats.dumps(t) == text
    lines = [c.line for c in t.cues]
    assert lines == sorted(lines) and all(1 <= n <= text.count("\n") + 1 for n in lines)


_SAFE = st.lists(st.sampled_from(["hola", "Adiós", "sí", "*claro*", "un", "Dos", "3", "¿qué?", "MUY"]),
                 min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_translations_keep_the_structure(data: st.DataObject) -> None:
    t = _load(HOSTILE)
    t.cue_translations["es"] = [None if c.kind == "comment" else data.draw(_SAFE) for c in t.cues]
    written = formats.dumps(t, lang="es")
    again = formats.loads(written.encode(), path="x.fountain")
    assert structure(again) == structure(t)
    assert formats.dumps(again) == written


def test_segments_never_cross_elements() -> None:
    """Dialogue blocks become segments with their speaker; no segment joins two cues."""
    from locpipe.stages.segment import check_segmentation_invariant, segment

    t = segment(_load(SAMPLE))
    assert check_segmentation_invariant(t) == []
    cues = {c.index: c for c in t.cues}
    assert all(len(s.cues) == 1 for s in t.segments)
    assert all(s.speaker == cues[s.cues[0]].speaker for s in t.segments)
    kinds = {cues[s.cues[0]].meta["element"] for s in t.segments}
    assert kinds == {"scene_heading", "action", "parenthetical", "dialogue", "lyrics", "transition", "centered"}
    first = next(s for s in t.segments if cues[s.cues[0]].meta["element"] == "dialogue")
    assert (first.speaker, first.text) == ("MORAG", "Right, you lot.")
