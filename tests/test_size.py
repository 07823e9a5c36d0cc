"""Size: a 5,000-cue film through every stage (correctness), one 10 MB line, and linear scaling.

Speed itself is measured by ``make robustness`` (100,000 cues) and ``make bench``; here only ratios of
work at two sizes (4×) are compared, with a generous factor, so that a quadratic step (16× the work)
fails while a loaded machine does not: the time of 4n must stay under 12× the time of n, and the
memory allocated under 8×.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT

from locpipe import formats
from locpipe.model import Translation
from locpipe.profiles import get_profile
from locpipe.stages.check import check
from locpipe.stages.fit import fit
from locpipe.stages.segment import check_segmentation_invariant, segment

NETFLIX = get_profile("netflix")
TIME_FACTOR = 12.0  # for 4x the input: linear is ~4x, quadratic ~16x
MEMORY_FACTOR = 8.0


def _robustness():  # type: ignore[no-untyped-def]
    """scripts/robustness.py as a module (its film generators)."""
    if "robustness" not in sys.modules:
        spec = importlib.util.spec_from_file_location("robustness", ROOT / "scripts" / "robustness.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["robustness"] = module
        spec.loader.exec_module(module)
    return sys.modules["robustness"]


@pytest.mark.slow
def test_5000_cue_film_through_every_stage(tmp_path: Path) -> None:
    from locpipe.detect import detect
    from locpipe.review import write_reviews

    src = tmp_path / "long.srt"
    src.write_text(_robustness().make_srt(5000), encoding="utf-8")
    transcript = formats.load(src)
    assert len(transcript.cues) == 5000
    assert [c.start for c in transcript.cues[:3]] == [0, 2500, 5000]
    assert transcript.cues[-1].end == 4999 * 2500 + 2000
    segment(transcript)
    assert check_segmentation_invariant(transcript) == []
    assert {p.cue for s in transcript.segments for p in s.parts} >= {
        c.index for c in transcript.cues if c.kind == "dialogue" and c.text.strip()}
    detect(transcript)
    per_copy = len(_robustness().film_texts())
    assert len(transcript.flags) > 5000 // per_copy  # every copy of the film is flagged
    transcript.findings += check(transcript, profile=NETFLIX)
    html, js = write_reviews(transcript, tmp_path / "out", formats=["html", "json"], profile=NETFLIX)
    text = html.read_text(encoding="utf-8")
    assert text.rstrip().endswith("</html>")
    assert text.count('data-cue="') >= 5000 or text.count("<tr") >= 5000
    back = json.loads(js.read_text(encoding="utf-8"))
    assert len(back["cues"]) == 5000 and len(back["segments"]) == len(transcript.segments)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["words", "no-spaces"])
def test_one_10_mb_line_is_handled(tmp_path: Path, kind: str) -> None:
    """Parsed, segmented (invariant kept), checked (flagged as far too long) and written back whole."""
    size = 10 * 1024 * 1024
    path = tmp_path / "line.srt"
    if kind == "words":
        path.write_text(_robustness().single_line(size), encoding="utf-8")
    else:
        path.write_text("1\n00:00:01,000 --> 00:00:05,000\n" + "x" * size + "\n", encoding="utf-8")
    transcript = formats.load(path)
    assert [len(c.text) >= size - 1 for c in transcript.cues] == [True]
    segment(transcript)
    assert check_segmentation_invariant(transcript) == []
    findings = check(transcript, profile=NETFLIX)
    assert findings and all(f.cue in (0, None) for f in findings)
    assert len(formats.dumps(transcript)) > size


# -- linear scaling ---------------------------------------------------------------------------------


def _cost(run: Callable[[], object], repeat: int = 2) -> tuple[float, int]:
    """(best CPU seconds, peak bytes allocated) of ``run``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    small = make(n)
    big = make(4 * n)
    small()  # warm up caches (spaCy pipelines, compiled patterns)
    t_small, m_small = _cost(small)
    t_big, m_big = _cost(big)
    # tiny timings are noise: compare with at least 20 ms for the small run
    assert t_big / max(t_small, 0.02) < TIME_FACTOR, (t_small, t_big)
    assert m_big / max(m_small, 1) < MEMORY_FACTOR, (m_small, m_big)


def _srt_bytes(cues: int) -> bytes:
    return _robustness().make_srt(cues).encode("utf-8")


@pytest.mark.parametrize("fmt", ["srt", "vtt", "ass", "txt", "fountain", "ttml", "microdvd", "json"])
def test_parsing_is_linear_in_cues(fmt: str) -> None:
    def make(n: int) -> Callable[[], object]:
        transcript = formats.loads(_srt_bytes(n), path="film.srt")
        if fmt == "txt":
            data = "\n\n".join(f"MORAG\n{c.text.replace(chr(10), ' ')}" for c in transcript.cues).encode()
        elif fmt == "fountain":
            data = ("Title: Film\n\n" + "\n\n".join(f"MORAG\n{c.text.replace(chr(10), ' ')}"
                                                   for c in transcript.cues)).encode()
        else:
            transcript.meta["fps"] = 25.0
            data = formats.dumps(transcript, format=fmt).encode()
        name = f"film.{ {'microdvd': 'sub'}.get(fmt, fmt) }"
        return lambda: formats.loads(data, path=name, format=fmt, fps=25.0)

    assert_linear(make, 250)


@pytest.mark.parametrize(("text", "name"), [("x", "line.srt"), ("word ", "line.srt"), ("é", "line.srt"),
                                            ("Ã©t ", "line.srt"), ("- Hi.\n", "line.srt"), ("♪ ", "line.srt"),
                                            ("word. ", "line.txt")])
def test_one_long_line_is_linear(text: str, name: str) -> None:
    """One cue of one line made of ``text`` repeated: the mojibake scan once took 100 s for 50,000 ``x``."""
    def make(n: int) -> Callable[[], object]:
        head = "1\n00:00:01,000 --> 00:00:05,000\n" if name.endswith(".srt") else "MORAG\n"
        data = (head + text * (n // len(text)) + "\n").encode()

        def run() -> object:
            return segment(formats.loads(data, path=name))
        return run

    assert_linear(make, 8_000)


def test_segment_and_fit_are_linear_in_cues() -> None:
    def make(n: int) -> Callable[[], object]:
        data = _srt_bytes(n)

        def run() -> object:
            transcript = segment(formats.loads(data, path="film.srt"))
            for seg in transcript.segments:
                seg.translations["es"] = Translation(lang="es", text=seg.text.upper() + " ¡sí!")
            return fit(transcript, "es", profile=NETFLIX)
        return run

    assert_linear(make, 150)


@pytest.mark.parametrize("kind", ["csv", "xliff", "xlsx"])
def test_apply_importers_are_linear_in_rows(tmp_path: Path, kind: str) -> None:
    from locpipe.review import write_reviews
    from locpipe.review.apply import read_reviewed

    def make(n: int) -> Callable[[], object]:
        src = tmp_path / f"film{n}.srt"
        src.write_bytes(_srt_bytes(n))
        transcript = segment(formats.load(src))
        for seg in transcript.segments:
            seg.translations["es"] = Translation(lang="es", text=seg.text)
        [path] = write_reviews(transcript, tmp_path / f"out{n}", formats=[kind], langs=["es"])
        return lambda: read_reviewed(path)

    assert_linear(make, 100)


# -- detection: linear in segments, bounded per segment ---------------------------------------------

#: our own lines, cycled: a frame ("In Spain, …") and phrases that recur in every copy make running gags
#: whose occurrences grow with the file — where a step that compares occurrences with each other shows
GAG_LINES = ["In Spain, this would be lunch.", "In Spain, this would be lunch too.", "Pass me the salt, please.",
             "In Spain, this is an early dinner.", "Perfect. In Spain, now we would start.", "Where is the bread?"]


def _gag_srt(cues: int) -> bytes:
    ts = _robustness()._ts
    return "\n".join(f"{i + 1}\n{ts(i * 2500)} --> {ts(i * 2500 + 2000)}\n{GAG_LINES[i % len(GAG_LINES)]}\n"
                     for i in range(cues)).encode()


def _detect_calls(cues: int) -> tuple[int, int]:
    """(function calls made by detect(), flags) on ``cues`` cycled gag lines: a deterministic work count."""
    import cProfile
    import pstats

    from locpipe.detect import detect

    transcript = segment(formats.loads(_gag_srt(cues), path="gags.srt"))
    profiler = cProfile.Profile()
    profiler.enable()
    detect(transcript)
    profiler.disable()
    return pstats.Stats(profiler).total_calls, len(transcript.flags)  # type: ignore[attr-defined]


def test_detection_work_is_linear_in_segments() -> None:
    """Work (function calls: deterministic, unlike time) at 4n cues is 4× that at n, not more.

    Labelling every occurrence of a running gag for each of them made detection quadratic
    (100,000 cues: 789 s); at these sizes that showed as 5.6× the calls."""
    from locpipe.detect import detect

    detect(segment(formats.loads(_gag_srt(30), path="gags.srt")))  # load the pipeline (not counted)
    small, flags_small = _detect_calls(500)
    big, flags_big = _detect_calls(2000)
    assert flags_big == 4 * flags_small > 0
    assert big / small < 5.0, (small, big)


def test_detection_memory_does_not_keep_docs() -> None:
    """Allocated memory of detect() at 4n segments stays under 8× (linear), and what it keeps per
    segment is a LightDoc, not a spaCy Doc."""
    from locpipe.detect import detect

    def make(n: int) -> Callable[[], object]:
        data = _srt_bytes(n)
        return lambda: detect(segment(formats.loads(data, path="film.srt")))

    small, big = make(100), make(400)
    small()
    tracemalloc.start()
    small()
    _, m_small = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    big()
    _, m_big = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert m_big / m_small < MEMORY_FACTOR, (m_small, m_big)


def test_light_doc_answers_like_the_doc() -> None:
    """What the flag builders read of a Doc is the same from the LightDoc kept of it."""
    from locpipe.detect import get_nlp
    from locpipe.detect.context import LightDoc

    nlp = get_nlp("en")
    text = "Well, I'll  spill the beans, mate — 3 pints at 5°F on 12/25!  Ta."
    doc = nlp(text)
    light = LightDoc(doc, rebuild=nlp)
    assert len(light) == len(doc) and light.text == doc.text
    for token, kept in zip(doc, light, strict=True):
        assert (kept.i, kept.text, kept.lower_, kept.lemma_, kept.is_alpha, kept.idx, kept.whitespace_) == (
            token.i, token.text, token.lower_, token.lemma_, token.is_alpha, token.idx, token.whitespace_)
        assert light[token.i].is_punct == token.is_punct  # not kept: asked of the Doc parsed again
    assert light[-1].text == doc[-1].text
    for lo, hi in ((0, 3), (2, 2), (4, len(doc)), (len(doc), len(doc))):
        span, kept_span = doc[lo:hi], light[lo:hi]
        assert (kept_span.start, kept_span.end, kept_span.start_char, kept_span.end_char, kept_span.text,
                kept_span.lemma_, len(kept_span)) == (span.start, span.end, span.start_char, span.end_char,
                                                      span.text, span.lemma_, len(span))
    assert {k: [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.text, s.lemma_) for s in g]
            for k, g in doc.spans.items() if len(g)} == {
        k: [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.text, s.lemma_) for s in g]
        for k, g in light.spans.items()}
    assert light.spans and light.spans.get("nothing here", []) == []
    with pytest.raises(IndexError):
        light[len(doc)]


@pytest.mark.parametrize("kind", ["words", "one-word"])
def test_a_long_segment_is_detected_in_windows_with_a_finding(kind: str) -> None:
    """A 'sentence' of 60,000 characters (no sentence end) is not dialogue: detection reads it in windows
    (never hitting spaCy's max_length), says so in a finding naming the file and cue, and its flags
    point at the right characters of the whole segment."""
    from locpipe.detect import LONG_SEGMENT, MAX_SEGMENT_CHARS, WINDOW_CHARS, detect

    body = ("we had to spill the beans about the pint of lager mate " * 1100 if kind == "words"
            else "x" * 60_000)
    data = f"1\n00:00:00,500 --> 00:00:01,500\nHello.\n\n2\n00:00:01,000 --> 00:00:05,000\n{body}\n".encode()
    transcript = segment(formats.loads(data, path="line.srt"))
    long_ones = [s for s in transcript.segments if len(s.text) > MAX_SEGMENT_CHARS]
    assert len(long_ones) == 1
    detect(transcript)
    detect(transcript)  # twice: one finding, not two
    notes = [f for f in transcript.findings if f.check == LONG_SEGMENT]
    assert len(notes) == 1
    note = notes[0]
    assert (note.path, note.cue, note.line, note.segment, note.severity) == (
        "line.srt", 1, transcript.cues[1].line, long_ones[0].id, "cosmetic")
    pieces = -(-len(long_ones[0].text) // WINDOW_CHARS)
    assert note.message.startswith(f"cue 2: segment {long_ones[0].id} is {len(long_ones[0].text):,} characters")
    assert note.message.endswith("; split the text into sentences or subtitles")
    assert f"in {pieces:,} pieces" in note.message or kind == "words"
    by_id = {s.id: s for s in transcript.segments}
    for flag in transcript.flags:
        assert by_id[flag.segment].text[flag.start:flag.end] == flag.text
    on_long = [f for f in transcript.flags if f.segment == long_ones[0].id]
    if kind == "words":
        idioms = [f for f in on_long if f.kind == "idiom"]
        assert len(idioms) >= 1000 and all(f.text == "spill the beans" and f.cues == [1] for f in idioms)
    assert all(f.cues == [1] for f in on_long)


def test_window_spans_cover_the_text() -> None:
    from locpipe.detect import WINDOW_CHARS, _window_spans

    for text in ["a" * 5000, ("word " * 900).strip(), " x " * 2000, "ab\ncd " * 700, "y" * 999 + " " + "z" * 3000]:
        spans = _window_spans(text)
        assert all(0 < e - s <= WINDOW_CHARS for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
        covered = "".join(text[s:e] for s, e in spans)
        assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


# -- streamed review writers --------------------------------------------------------------------------


def test_streamed_writers_write_what_the_whole_documents_were(tmp_path: Path) -> None:
    """write_json and write_html stream; their bytes are those of to_json() and the rendered template."""
    from locpipe.detect import detect
    from locpipe.model import Transcript
    from locpipe.review.html import render_html, write_html
    from locpipe.review.jsonout import write_json
    from locpipe.review.rows import build_sheet

    film = formats.load(ROOT / "samples" / "too_many_cooks.srt")
    detect(film)
    film.findings += check(film, profile=NETFLIX)
    for seg in film.segments[:40]:
        seg.translations["es"] = Translation(lang="es", text=f"«{seg.text.upper()}»\n¿sí?")
    film.cue_translations["es"] = [c.text if c.index % 3 else None for c in film.cues]
    empty = Transcript(path="empty.srt", format="srt")
    for n, transcript in enumerate([film, empty]):
        path = write_json(transcript, tmp_path / f"t{n}.locpipe.json")
        assert path.read_bytes() == (transcript.to_json(indent=2) + "\n").encode("utf-8")
        sheet = build_sheet(transcript, profile=NETFLIX)
        page = write_html(sheet, tmp_path / f"t{n}.review.html", nonce="fixed-nonce")
        assert page.read_bytes() == render_html(sheet, nonce="fixed-nonce").encode("utf-8")
    assert len((tmp_path / "t0.review.html").read_bytes()) > 1 << 17  # more than two write chunks
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "t0.locpipe.json", "t0.review.html", "t1.locpipe.json", "t1.review.html"]  # no temporary file left
