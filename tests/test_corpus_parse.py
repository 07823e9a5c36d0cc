"""Every file under ../shared/corpora is read (malformed blocks reported, an empty file a finding), never refused."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPORA, corpus_files

from locpipe.errors import LocpipeError
from locpipe.formats import dumps, load

FILES = corpus_files()

pytestmark = pytest.mark.corpus


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPORA)))
def test_corpus_file_parses(path: Path) -> None:
    transcript = load(path)
    assert transcript.format and transcript.encoding
    # no cues: said in a finding, unless it is a WebVTT file with only its header (a valid empty track)
    assert transcript.cues or transcript.format == "vtt" or any(
        f.severity in ("critical", "functional") for f in transcript.findings)
    for cue in transcript.cues:
        assert cue.line is None or cue.line >= 1
    for finding in transcript.findings:
        assert finding.check.startswith("parse.") and finding.path == str(path)
    clean = not any(f.check == "parse.malformed-block" for f in transcript.findings)
    try:
        written = dumps(transcript)
    except LocpipeError:
        return  # e.g. a read-only format such as SAMI
    if transcript.format in ("srt", "vtt", "sbv", "subviewer") and clean:
        # clean files round-trip exactly; files with layout quirks (blank lines in odd places) at least
        # give back the same cues
        again = load_text(written, path)
        assert [_key(c) for c in again.cues] == [_key(c) for c in transcript.cues]


def _key(cue):  # type: ignore[no-untyped-def]
    # an empty line cannot be written inside an SRT/VTT cue, so it is dropped on writing
    return cue.start, cue.end, [line for line in cue.text.split("\n") if line.strip()]


def load_text(text: str, path: Path):  # type: ignore[no-untyped-def]
    from locpipe.formats import loads

    return loads(text.encode("utf-8"), path=path.name)


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
@pytest.mark.parametrize(
    "rel",
    [
        "films/ada_zangemann/en.srt",
        "films/sintel_excerpt/sintel-en.vtt",
        "subtitles/pysrt/utf-8.srt",
        "subtitles/webvtt-py/sample.vtt",
        "subtitles/webvtt-py/comments.vtt",
        "subtitles/webvtt-py/using_identifiers.vtt",
        "subtitles/webvtt-py/two_captions.sbv",
        "subtitles/webvtt-py/missing_caption_text.sbv",
    ],
)
def test_clean_corpus_files_round_trip_byte_for_byte(rel: str) -> None:
    path = CORPORA / rel
    if not path.is_file():
        pytest.skip(f"{rel} is absent")
    transcript = load(path)
    assert dumps(transcript).encode(transcript.encoding) == path.read_bytes().removeprefix(b"\xef\xbb\xbf")


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
@pytest.mark.parametrize(
    ("rel", "lines"),
    [
        ("subtitles/webvtt-py/missing_timeframe.vtt", [6]),
        ("subtitles/webvtt-py/invalid_timeframe.vtt", None),
        ("subtitles/webvtt-py/missing_timeframe.srt", None),
        ("subtitles/pysrt/invalid.srt", [2]),
        ("subtitles/gaupol/subrip.srt", [2, 7]),
        ("subtitles/webvtt-py/invalid_format.sbv", [1]),
        ("subtitles/webvtt-py/invalid_timeframe.sbv", [7, 13]),
        ("subtitles/webvtt-py/missing_timeframe.sbv", [4, 12]),
        ("subtitles/gaupol/subviewer2.sub", [14, 17]),
        ("subtitles/gaupol/lrc.lrc", [1, 2]),
    ],
)
def test_corpus_malformed_blocks_are_reported_with_lines(rel: str, lines: list[int] | None) -> None:
    path = CORPORA / rel
    if not path.is_file():
        pytest.skip(f"{rel} is absent")
    found = [f.line for f in load(path).findings if f.check == "parse.malformed-block"]
    assert found and all(isinstance(n, int) and n >= 1 for n in found)
    if lines is not None:
        assert found == lines


#: The files the parser used to refuse: format, cues by kind, and the finding every one of them carries.
NEWLY_READ = [
    ("subtitles/webvtt-py/sample.sbv", "sbv", {"dialogue": 5}),
    ("subtitles/webvtt-py/two_captions.sbv", "sbv", {"dialogue": 2}),
    ("subtitles/webvtt-py/invalid_timeframe.sbv", "sbv", {"dialogue": 4}),
    ("subtitles/webvtt-py/missing_caption_text.sbv", "sbv", {"dialogue": 5}),
    ("subtitles/webvtt-py/missing_timeframe.sbv", "sbv", {"dialogue": 4}),
    ("subtitles/webvtt-py/invalid_format.sbv", "sbv", {}),
    ("subtitles/gaupol/lrc.lrc", "lrc", {"lyrics": 10}),
    ("subtitles/gaupol/subviewer2.sub", "subviewer", {"dialogue": 10}),
    ("subtitles/gaupol/microdvd.sub", "microdvd", {"dialogue": 10}),
    ("subtitles/webvtt-py/empty.vtt", "vtt", {}),
]


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
@pytest.mark.parametrize(("rel", "fmt", "kinds"), NEWLY_READ, ids=[r for r, _, _ in NEWLY_READ])
def test_formerly_refused_files_are_read(rel: str, fmt: str, kinds: dict[str, int]) -> None:
    path = CORPORA / rel
    if not path.is_file():
        pytest.skip(f"{rel} is absent")
    transcript = load(path)
    assert transcript.format == fmt
    assert dict(Counter(c.kind for c in transcript.cues)) == kinds
    checks = {f.check for f in transcript.findings}
    if fmt == "microdvd":
        assert "parse.fps-assumed" in checks and transcript.meta["fps"] == 23.976
        assert load(path, fps=25).meta["fps"] == 25 and "parse.fps-assumed" not in {
            f.check for f in load(path, fps=25).findings}
    if rel.endswith("empty.vtt"):
        assert [(f.check, f.severity) for f in transcript.findings] == [("parse.empty", "critical")]


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
def test_corpus_lrc_and_subviewer_timing() -> None:
    lrc = CORPORA / "subtitles/gaupol/lrc.lrc"
    sub = CORPORA / "subtitles/gaupol/subviewer2.sub"
    if not (lrc.is_file() and sub.is_file()):
        pytest.skip("gaupol files absent")
    cues = load(lrc).cues
    # each line ends where the next starts; the last stays up 4 s
    assert [(c.start, c.end) for c in cues[:3]] == [(-6840, -1470), (-1470, 950), (950, 4640)]
    assert (cues[-1].start, cues[-1].end) == (32560, 36560)
    first = load(sub).cues[0]
    assert (first.start, first.end, first.text) == (
        -6840, -2850, "I always wanted to leave my country\nand go somewhere else.")
    assert [m.tag for m in load(sub).cues[6].markup] == ["i"]
