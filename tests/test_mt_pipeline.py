"""The translation stage: segments not cues, skipping, dedup, TM reuse, glossary, numbers, markup, fitting.

Most tests use a fake engine that upper-cases each word (exact, instant, word-aligned); the toy Argos
model is used where the real engine matters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from toy_models import toy_language, toy_models_dir

from locpipe import formats
from locpipe.errors import MissingModelError, UsageError
from locpipe.model import Transcript
from locpipe.mt import engine as engine_module
from locpipe.mt.engine import MTResult
from locpipe.mt.glossary import parse_glossary
from locpipe.mt.pipeline import parse_skip, translate
from locpipe.mt.tm import TranslationMemory

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nI went to the\n\n"
    "2\n00:00:03,200 --> 00:00:05,000\nstation with <i>Morag</i>.\n\n"
    "3\n00:00:06,000 --> 00:00:08,000\n- It costs 12 pounds.\n- Really?\n\n"
    "4\n00:00:09,000 --> 00:00:10,000\n[DOOR SLAMS]\n\n"
    "5\n00:00:11,000 --> 00:00:13,000\n♪ Sing a song ♪\n"
)


class FakeEngine:
    """Upper-cases every word; drops words listed in ``lose``; aligned word for word."""

    def __init__(self, from_code: str, to_code: str, lose: tuple[str, ...] = ()):
        self.id = f"fake-{from_code}_{to_code}@1"
        self.from_code, self.to_code = from_code, to_code
        self.lose = lose
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: list[str], **_: object) -> list[MTResult]:
        self.calls.append(list(texts))
        out = []
        for text in texts:
            words = text.split()
            kept = [(i, w.upper()) for i, w in enumerate(words) if w.strip(".,?!") not in self.lose]
            out.append(
                MTResult(
                    text=" ".join(w for _, w in kept),
                    confidence=0.9,
                    alternatives=[text.lower()],
                    alignment=[(i, j) for j, (i, _) in enumerate(kept)],
                )
            )
        return out


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], FakeEngine]:
    engines: dict[tuple[str, str], FakeEngine] = {}

    def engine_for_route(route: list, **_: object) -> FakeEngine:  # type: ignore[type-arg]
        key = (route[0].from_code, route[-1].to_code)
        return engines.setdefault(key, FakeEngine(*key))

    monkeypatch.setattr(engine_module, "engine_for_route", engine_for_route)
    return engines


class _Pkg:
    def __init__(self, a: str, b: str):
        self.from_code, self.to_code = a, b


ROUTES = {("en", "xa"): [_Pkg("en", "xa")], ("en", "xb"): [_Pkg("en", "xb")]}


def _load(text: str = SRT, path: str = "film.srt") -> Transcript:
    return formats.loads(text.encode(), path=path, language="en")


def test_whole_sentences_are_translated_and_fitted_back(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    t = _load()
    stats = translate([t], ["xa"], routes=ROUTES, tm=False)
    [engine] = fake.values()
    # one call, segments not cues: the sentence over cues 1–2 is sent whole
    assert len(engine.calls) == 1
    assert sorted(engine.calls[0]) == sorted(
        ["I went to the station with Morag.", "It costs 12 pounds.", "Really?", "[DOOR SLAMS]", "♪ Sing a song ♪"]
    )
    assert (stats.segments, stats.unique, stats.translated, stats.skipped) == (5, 5, 5, 0)
    assert t.cue_translations["xa"] == [
        "I WENT TO THE",
        "STATION WITH <i>MORAG</i>.",
        "-IT COSTS 12 POUNDS.\\N-REALLY?",
        "[DOOR SLAMS]",
        "♪ SING A SONG ♪",
    ]
    assert t.cue_end_times["xa"] == [3000, 5000, 8000, 10000, 13000]
    seg = t.segments[0]
    tr = seg.translations["xa"]
    assert (tr.text, tr.origin, tr.engine, tr.confidence, tr.alternatives) == (
        "I WENT TO THE STATION WITH MORAG.",
        "mt",
        "fake-en_xa@1",
        0.9,
        ["i went to the station with morag."],
    )
    assert tr.alignment == [[i, i] for i in range(7)]
    out = tmp_path / "film.xa.srt"
    formats.save(t, out, lang="xa")
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:01,000 --> 00:00:03,000\nI WENT TO THE\n\n")


def test_skip_kinds(fake: dict) -> None:  # type: ignore[type-arg]
    t = _load()
    stats = translate([t], ["xa"], routes=ROUTES, tm=False, skip_kinds=parse_skip("sdh,lyrics"))
    assert stats.skipped == 2 and stats.segments == 3
    assert t.cue_translations["xa"][3:] == [None, None]
    assert "xa" not in t.segments[3].translations
    with pytest.raises(UsageError) as err:
        parse_skip("signs,jokes")
    assert str(err.value) == "cannot skip 'jokes'; use any of: signs, lyrics, sdh (comma-separated)"


def test_several_files_and_languages_in_one_pass_deduplicated(fake: dict) -> None:  # type: ignore[type-arg]
    a, b = _load(), _load(path="other.srt")
    stats = translate([a, b], ["xa", "xb"], routes=ROUTES, tm=False)
    assert set(fake) == {("en", "xa"), ("en", "xb")}
    for engine in fake.values():
        assert len(engine.calls) == 1 and len(engine.calls[0]) == 5  # both files' segments, once
    assert (stats.segments, stats.unique, stats.translated, stats.files) == (20, 10, 10, 2)
    assert a.cue_translations["xb"] == b.cue_translations["xb"] == a.cue_translations["xa"]


def test_translation_memory_second_run_and_revision(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    tm = tmp_path / "tm.sqlite"
    first = translate([_load()], ["xa"], routes=ROUTES, tm=tm)
    assert (first.translated, first.tm_hits, first.tm_misses) == (5, 0, 5)
    second = translate([_load()], ["xa"], routes=ROUTES, tm=tm)
    assert (second.translated, second.tm_hits, second.tm_misses) == (0, 5, 0)
    revised = _load(SRT.replace("Really?", "Honestly?"))
    third = translate([revised], ["xa"], routes=ROUTES, tm=tm)
    assert (third.translated, third.tm_hits, third.tm_misses) == (1, 4, 1)
    assert [s.translations["xa"].origin for s in revised.segments] == ["tm", "tm", "mt", "tm", "tm"]
    # a reviewed translation is carried forward
    with TranslationMemory(tm) as memory:
        memory.store_review(source_lang="en", target_lang="xa", pairs=[("Honestly?", "Truly?")])
    again = _load(SRT.replace("Really?", "Honestly?"))
    translate([again], ["xa"], routes=ROUTES, tm=tm)
    tr = again.segments[2].translations["xa"]
    assert (tr.text, tr.origin, tr.confidence) == ("Truly?", "review", 1.0)
    assert again.cue_translations["xa"][2] == "-IT COSTS 12 POUNDS.\\N-Truly?"


def test_glossary_enforced_and_lost_terms_and_numbers_reported(fake: dict, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    glossary = parse_glossary("Morag,keep\nstation,Bahnhof,xa\n")
    t = _load()
    translate([t], ["xa"], routes=ROUTES, tm=False, glossary=glossary)
    assert t.segments[0].translations["xa"].text == "I WENT TO THE Bahnhof WITH Morag."
    assert [f.check for f in t.findings if f.check.startswith("mt.")] == []
    # an engine that drops the name and the number: the name is put back? no alignment → reported
    fake.clear()
    monkeypatch.setattr(
        engine_module,
        "engine_for_route",
        lambda route, **_: fake.setdefault(("en", "xa"), FakeEngine("en", "xa", lose=("Morag", "12"))),
    )
    t = _load()
    translate([t], ["xa"], routes=ROUTES, tm=False, glossary=glossary)
    found = [(f.check, f.cue, f.line, f.segment, f.message) for f in t.findings if f.check.startswith("mt.")]
    assert found == [
        (
            "mt.glossary",
            1,
            5,
            "s0001",
            "cue 2: the glossary term “Morag” must be kept as it is, but the xa translation "
            "“I WENT TO THE Bahnhof WITH” lost it; put it back by hand",
        ),
        (
            "mt.numbers",
            2,
            9,
            "s0002",
            "cue 3: the number 12 of the source is missing from the xa translation “IT COSTS POUNDS.”; "
            "check the figure",
        ),
        (
            "mt.markup-lost",
            1,
            5,
            None,
            "cue 2: could not place <i>…</i> around “Morag” on the xa translation (no target word is "
            "aligned with the tagged words in this cue); add it by hand",
        ),
    ]
    assert all(f.path == "film.srt" and f.lang == "xa" and f.severity == "functional" for f in t.findings if f.check.startswith("mt."))


def test_italics_dropped_where_not_used(fake: dict) -> None:  # type: ignore[type-arg]
    t = _load()
    translate([t], ["ar"], routes={("en", "ar"): [_Pkg("en", "ar")]}, tm=False)
    assert t.cue_translations["ar"][1] == "STATION WITH MORAG."
    [f] = [f for f in t.findings if f.check == "mt.italics-dropped"]
    assert (f.severity, f.cue) == ("info", 1)
    assert f.message == (
        "cue 2: italics <i>…</i> around “Morag” were not written because ar subtitles do not use italics; "
        "use quotes or rewording if the emphasis matters"
    )


def test_errors(fake: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    t = _load()
    with pytest.raises(UsageError) as err:
        translate([t], ["en"], routes=ROUTES, tm=False)
    assert str(err.value) == "cannot translate en into itself; drop en from --to"
    with pytest.raises(MissingModelError) as missing:
        translate([t], ["zz"], models_dir=tmp_path, tm=False)
    assert "locpipe models install en zz" in str(missing.value)
    unknown = formats.loads(SRT.encode(), path="x.srt")
    unknown.language = ""
    with pytest.raises(UsageError) as err:
        translate([unknown], ["xa"], routes=ROUTES, tm=False)
    assert str(err.value) == "x.srt: the source language is unknown; pass --from LANG (e.g. --from en)"


# --- with the toy Argos model ------------------------------------------------------------------


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return toy_models_dir(tmp_path_factory)


TOY_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nTom and Anna went\n\n"
    "2\n00:00:03,200 --> 00:00:05,000\nhome after the <i>party</i>.\n\n"
    "3\n00:00:06,000 --> 00:00:08,000\n- Where is the big house?\n- I see you.\n"
)


def test_toy_model_exact(models: Path) -> None:
    toy = toy_language()
    t = _load(TOY_SRT)
    stats = translate([t], ["xa"], models_dir=models, tm=False)
    assert stats.translated == 3
    texts = [s.translations["xa"].text for s in t.segments]
    assert texts == [toy.to_toy(s.text) for s in t.segments]
    line = t.cue_translations["xa"]
    party = toy.to_toy("party")
    assert line[1].endswith(f"<i>{party}</i>.")
    assert line[2] == f"-{toy.to_toy('Where is the big house?')}\\N-{toy.to_toy('I see you.')}"
    assert [f for f in t.findings if f.check == "mt.markup-lost"] == []


def test_toy_pivot_xa_to_xb(models: Path) -> None:
    toy = toy_language()
    english = "Where is the big house?"
    srt = f"1\n00:00:01,000 --> 00:00:03,000\n{toy.to_toy(english)}\n"
    t = formats.loads(srt.encode(), path="p.srt", language="xa")
    translate([t], ["xb"], models_dir=models, tm=False)
    tr = t.segments[0].translations["xb"]
    assert "+" in tr.engine and tr.origin == "mt"
    ref = _load(f"1\n00:00:01,000 --> 00:00:03,000\n{english}\n")
    translate([ref], ["xb"], models_dir=models, tm=False)
    assert tr.text == ref.segments[0].translations["xb"].text
