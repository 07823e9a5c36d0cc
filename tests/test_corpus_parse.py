"""Every file under ../shared/corpora parses or fails with a LocpipeError, never anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPORA, corpus_files

from locpipe.errors import LocpipeError
from locpipe.formats import dumps, load

FILES = corpus_files()

pytestmark = pytest.mark.corpus


@pytest.mark.skipif(not FILES, reason="../shared/corpora is absent")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPORA)))
def test_corpus_file_parses_or_raises_locpipe_error(path: Path) -> None:
    try:
        transcript = load(path)
    except LocpipeError as err:
        assert str(path) in str(err)  # the message names the file
        return
    assert transcript.format and transcript.encoding
    for cue in transcript.cues:
        assert cue.line is None or cue.line >= 1
    for finding in transcript.findings:
        assert finding.check.startswith("parse.") and finding.path == str(path)
    clean = not any(f.check == "parse.malformed-block" for f in transcript.findings)
    try:
        written = dumps(transcript)
    except LocpipeError:
        return  # e.g. a read-only format such as SAMI
    if transcript.format in ("srt", "vtt") and clean:
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
