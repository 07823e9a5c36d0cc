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
