"""The fuzz targets: one function per input surface, shared by atheris, hypothesis and the regressions.

Each target takes raw bytes and either returns a short outcome (``"ok"`` or
``"refused"``: a :class:`~locpipe.errors.LocpipeError` with a message) or
raises: any other exception, or an ``AssertionError`` from an invariant, is a
bug. The same function runs under atheris (``tests/fuzz/fuzz_<target>.py``,
``make fuzz``), replays the reproducers of ``tests/regressions/<target>/``
(``tests/test_regressions.py``) and backs the hypothesis tests.

Targets:

- ``parse_<format>``: :func:`locpipe.formats.loads` forced to one format (every
  readable format, ``.txt`` scripts and Fountain), then the transcript's JSON
  round trip, the writer of that format and segmentation with its invariant;
- ``parse_auto``: format detection from content and file name;
- ``segment``: structured cues (text, timing, kind, style) → segmentation invariant;
- ``fit``: structured cues and translations → fitting (every translated cue fitted once,
  in order, no cue out-time before its in-time);
- ``apply_csv`` / ``apply_xlsx`` / ``apply_xliff``: a reviewed file applied to a
  small fixed SRT through :func:`locpipe.review.apply.apply_review`.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from locpipe.errors import LocpipeError

#: readable formats and the file name each is fuzzed under (the name also feeds detection).
PARSE_FORMATS: dict[str, str] = {
    "srt": "fuzz.srt",
    "vtt": "fuzz.vtt",
    "ass": "fuzz.ass",
    "ssa": "fuzz.ssa",
    "microdvd": "fuzz.sub",
    "mpl2": "fuzz.mpl",
    "tmp": "fuzz.tmp",
    "ttml": "fuzz.ttml",
    "sami": "fuzz.smi",
    "json": "fuzz.json",
    "whisper_jax": "fuzz.whisper",
    "sbv": "fuzz.sbv",
    "subviewer": "fuzz.sub",
    "lrc": "fuzz.lrc",
    "txt": "fuzz.txt",
    "fountain": "fuzz.fountain",
}

#: largest input a target takes (bigger inputs are cut; scaling is tested separately).
MAX_INPUT = 1 << 16

Outcome = str


def _check_transcript(transcript: object) -> None:
    from locpipe.model import Cue, Transcript

    assert isinstance(transcript, Transcript), type(transcript)
    for i, cue in enumerate(transcript.cues):
        assert isinstance(cue, Cue), type(cue)
        assert isinstance(cue.text, str) and isinstance(cue.raw, str), cue
        assert cue.start is None or isinstance(cue.start, int), cue.start
        assert cue.end is None or isinstance(cue.end, int), cue.end
        assert cue.index == i or cue.index >= 0, (i, cue.index)


def _segment_and_check(transcript: object) -> None:
    from locpipe.stages.segment import check_segmentation_invariant, segment

    segment(transcript)  # type: ignore[arg-type]
    problems = check_segmentation_invariant(transcript)  # type: ignore[arg-type]
    assert not problems, problems[:3]


def parse_target(fmt: str) -> Callable[[bytes], Outcome]:
    """The target for parsing ``fmt``: parse, JSON round trip, write, segment."""
    from locpipe import formats
    from locpipe.model import Transcript

    name = PARSE_FORMATS[fmt]

    def target(data: bytes) -> Outcome:
        try:
            transcript = formats.loads(data[:MAX_INPUT], path=name, format=fmt)
        except LocpipeError as err:
            assert str(err).strip(), "a LocpipeError without a message"
            return "refused"
        _check_transcript(transcript)
        again = Transcript.from_json(transcript.to_json())
        assert [c.to_dict() for c in again.cues] == [c.to_dict() for c in transcript.cues]
        if formats.FORMATS[fmt].write is not None:
            try:
                text = formats.dumps(transcript)
            except LocpipeError:
                pass
            else:
                assert isinstance(text, str)
        _segment_and_check(transcript)
        return "ok"

    target.__name__ = f"parse_{fmt}"
    return target


def parse_auto(data: bytes) -> Outcome:
    """Detection: the first byte picks the file name, the rest is the content."""
    from locpipe import formats

    names = ["fuzz.srt", "fuzz.txt", "fuzz", "fuzz.xml", "fuzz.json", "fuzz.sub", "fuzz.vtt", "fuzz.fountain"]
    name = names[data[0] % len(names)] if data else "fuzz"
    try:
        transcript = formats.loads(data[1:MAX_INPUT], path=name)
    except LocpipeError as err:
        assert str(err).strip()
        return "refused"
    _check_transcript(transcript)
    _segment_and_check(transcript)
    return "ok"


KINDS = ("dialogue", "dialogue", "dialogue", "sdh", "lyrics", "sign", "karaoke", "comment")
#: target languages for fitting (per-language limits and dashes); SOURCE_LANGS for segmentation
#: (each loads a spaCy blank pipeline once per process: a few, to keep the tests fast).
LANGS = ("en", "es", "fr", "nl", "bg", "ja", "zh", "ar", "de", "xx")
SOURCE_LANGS = ("en", "fr", "xx")


class _Reader:
    """Structured values out of fuzz bytes (a small FuzzedDataProvider that also works without atheris)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def number(self, n: int) -> int:
        return (self.byte() << 8 | self.byte()) % n

    def text(self) -> str:
        length = self.byte()
        chunk = self.data[self.pos : self.pos + length]
        self.pos += length
        return chunk.decode("utf-8", errors="replace")

    def more(self) -> bool:
        return self.pos < len(self.data)


def cues_from(reader: _Reader, limit: int = 40) -> list[object]:
    from locpipe.model import Cue

    cues = []
    t = 0
    while reader.more() and len(cues) < limit:
        text = reader.text()
        t += reader.number(3000)
        dur = reader.number(6000)
        timed = reader.byte() % 8 != 0
        style = ("Default", "Sign", "Top")[reader.byte() % 3]
        cues.append(
            Cue(index=len(cues), start=t if timed else None, end=t + dur if timed else None,
                raw=text.replace("\n", "\\N"), text=text, kind=KINDS[reader.byte() % len(KINDS)], style=style,
                line=1 + 4 * len(cues))
        )
    return cues


def segment_target(data: bytes) -> Outcome:
    from locpipe.model import Transcript

    reader = _Reader(data)
    lang = SOURCE_LANGS[reader.byte() % len(SOURCE_LANGS)]
    transcript = Transcript(path="fuzz.srt", format="srt", language=lang, cues=cues_from(reader))  # type: ignore[arg-type]
    _segment_and_check(transcript)
    return "ok"


def fit_target(data: bytes) -> Outcome:
    from locpipe.model import Transcript, Translation
    from locpipe.profiles import get_profile
    from locpipe.stages.fit import fit
    from locpipe.stages.segment import segment

    reader = _Reader(data)
    lang = LANGS[reader.byte() % len(LANGS)]
    profile = get_profile(("netflix", "bbc", "ebu")[reader.byte() % 3])
    transcript = Transcript(path="fuzz.srt", format="srt", language="en", cues=cues_from(reader, 30))  # type: ignore[arg-type]
    segment(transcript)
    for seg in transcript.segments:
        if reader.byte() % 4:
            seg.translations[lang] = Translation(lang=lang, text=reader.text() or seg.text)
    fitted = fit(transcript, lang, profile=profile)
    order = [f.cue for f in fitted]
    assert order == sorted(set(order)), order
    cues = {c.index: c for c in transcript.cues}
    for fc in fitted:
        cue = cues[fc.cue]
        if cue.end is not None and fc.end is not None:
            assert fc.end >= cue.end, (fc.end, cue.end)
        assert isinstance(fc.text, str) and all("\n" not in line for line in fc.lines), fc
    return "ok"


# -- apply ----------------------------------------------------------------------------------------

SOURCE_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nWhere are you going?\n\n"
    "2\n00:00:03,500 --> 00:00:06,000\n- Home.\n- <i>Now?</i>\n\n"
    "3\n00:00:06,500 --> 00:00:09,000\nI was thinking that we could go,\n\n"
    "4\n00:00:09,100 --> 00:00:12,000\nif you want, to the beach.\n"
)

_WORKDIR: list[Path] = []


def workdir() -> Path:
    """A scratch folder for this process holding ``film.srt`` (the source every reviewed file applies to)."""
    if not _WORKDIR:
        folder = Path(tempfile.mkdtemp(prefix="locpipe-fuzz-"))
        (folder / "film.srt").write_text(SOURCE_SRT, encoding="utf-8")
        _WORKDIR.append(folder)
    return _WORKDIR[0]


def apply_target(suffix: str) -> Callable[[bytes], Outcome]:
    from locpipe.review.apply import apply_review

    def target(data: bytes) -> Outcome:
        folder = workdir()
        reviewed = folder / f"film.review{suffix}"
        reviewed.write_bytes(data[:MAX_INPUT])
        out = folder / "out.es.srt"
        try:
            results = apply_review(reviewed, source=folder / "film.srt", out=out, decisions_dir=folder / "decisions")
        except LocpipeError as err:
            assert str(err).startswith(str(reviewed)), f"the message does not name the reviewed file: {err}"
            return "refused"
        finally:
            for stray in folder.glob(".*.tmp"):
                os.unlink(stray)  # an atomic write left a temporary file behind
                raise AssertionError(f"temporary file left behind: {stray.name}")
        for result in results:
            assert result.out.is_file()
            assert result.applied + result.empty + len(result.unmatched) <= result.rows
        return "ok"

    target.__name__ = f"apply_{suffix[1:]}"
    return target


def build_targets() -> dict[str, Callable[[bytes], Outcome]]:
    targets: dict[str, Callable[[bytes], Outcome]] = {}
    for fmt in PARSE_FORMATS:
        targets[f"parse_{fmt}"] = parse_target(fmt)
    targets["parse_auto"] = parse_auto
    targets["segment"] = segment_target
    targets["fit"] = fit_target
    targets["apply_csv"] = apply_target(".csv")
    targets["apply_xlsx"] = apply_target(".xlsx")
    targets["apply_xliff"] = apply_target(".xlf")
    return targets


TARGET_NAMES: tuple[str, ...] = (
    *(f"parse_{fmt}" for fmt in PARSE_FORMATS), "parse_auto", "segment", "fit", "apply_csv", "apply_xlsx",
    "apply_xliff",
)


def get_target(name: str) -> Callable[[bytes], Outcome]:
    return build_targets()[name]


# -- seeds ------------------------------------------------------------------------------------------


@functools.cache
def _seeds(name: str) -> tuple[bytes, ...]:
    return tuple(_make_seeds(name))


def seeds(name: str) -> list[bytes]:
    """Valid inputs to start fuzzing ``name`` from (cached; a fresh list each call)."""
    return list(_seeds(name))


def _make_seeds(name: str) -> list[bytes]:
    """Valid inputs to start fuzzing ``name`` from (repository files only, never the shared corpora)."""
    root = Path(__file__).resolve().parents[2]
    out: list[bytes] = []
    if name.startswith("parse_"):
        fmt = name[len("parse_"):]
        cases = root / "tests" / "cases" / "parse"
        for case in sorted(cases.glob("*")):
            for f in sorted(case.glob("input.*")):
                if fmt == "auto" or case.name.startswith(fmt.split("_")[0]) or f.suffix == Path(
                    PARSE_FORMATS.get(fmt, "x.none")
                ).suffix:
                    out.append(f.read_bytes()[:MAX_INPUT])
        for f in sorted((root / "samples").glob("too_many_cooks.*")):
            if fmt == "auto" or f.suffix == Path(PARSE_FORMATS.get(fmt, "x.none")).suffix:
                out.append(f.read_bytes()[:8192])
        for f in sorted((root / "tests" / "data" / "fountain").glob("*.fountain")):
            if fmt in ("auto", "fountain"):
                out.append(f.read_bytes()[:MAX_INPUT])
        if fmt in ("whisper_jax", "auto"):
            out.append(b"[00:00.000 -> 00:02.500] Where are you going?\n[00:02.500 -> 00:04.000] Home.\n")
        if fmt in ("sbv", "auto"):
            out.append(b"0:00:01.000,0:00:02.500\nWhere are you going?\n\n0:00:03.000,0:00:04.000\nHome.\n")
        if fmt in ("subviewer", "auto"):
            out.append(b"[INFORMATION]\n[TITLE]Film\n[END INFORMATION]\n[SUBTITLE]\n[COLF]&HFFFFFF,[STYLE]no\n"
                       b"00:00:01.00,00:00:02.50\nWhere are you going?[br]Home.\n\n"
                       b"00:00:03.00,00:00:04.00\nNow?\n")
        if fmt in ("lrc", "auto"):
            out.append(b"[ti:Song]\n[ar:Band]\n[00:01.00]La la la\n[00:03.50]Where are you going?\n[00:06.00]\n")
        if name == "parse_auto":
            out = [bytes([i]) + d for i, d in enumerate(out)]
        return out
    if name in ("segment", "fit"):
        texts = ["- Where are you going?", "- Home.\nNow?", "I was thinking that we could go,",
                 "if you want, to the beach...", "♪ La la la ♪", "[DOOR SLAMS]", "Mr. Smith? Yes. No!"]
        blob = bytearray(b"\x01")
        for i, t in enumerate(texts):
            raw = t.encode()
            blob += bytes([len(raw)]) + raw + bytes([0, 200, 7, 208, 1, i % 3, 0])
        return [bytes(blob)]
    if name.startswith("apply_"):
        return review_seeds(name[len("apply_"):])
    return []


def review_seeds(kind: str) -> list[bytes]:
    """The review sheet of the fixed source with a Spanish target, as locpipe review writes it."""
    from locpipe import formats
    from locpipe.model import Translation
    from locpipe.review import write_reviews
    from locpipe.stages.segment import segment

    folder = workdir()
    transcript = formats.load(folder / "film.srt")
    segment(transcript)
    for seg in transcript.segments:
        seg.translations["es"] = Translation(lang="es", text=f"[es] {seg.text}")
    fmt = {"xliff": "xliff", "xlsx": "xlsx", "csv": "csv"}[kind]
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_reviews(transcript, tmp, formats=[fmt], langs=["es"], stem="film")
        return [p.read_bytes() for p in paths]
