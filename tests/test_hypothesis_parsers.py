"""Every parser (each subtitle format, .txt scripts, Fountain, detection) under hostile input (hypothesis).

Contract: a LocpipeError with a message, or a transcript that survives its JSON
round trip, its writer and segmentation (invariant included); never another
exception. The same targets run under atheris in ``make fuzz``
(``tests/fuzz/fuzz_targets.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

import fuzz_targets as F  # noqa: E402

from locpipe import formats  # noqa: E402
from locpipe.errors import LocpipeError  # noqa: E402

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: characters that break parsers: line ends of every kind, markup, timing punctuation, BOMs, controls.
NASTY = st.sampled_from(
    ["\n", "\r\n", "\r", "\u2028", "\x85", "\x0c", "\x00", "\ufeff", "-->", "<i>", "</i>", "<b", "{\\an8}",
     "{", "}", "[", "]", "&", "&amp;", "<", ">", ":", ",", ".", "00:00:01,000", "99:99:99,999", "-", "- ",
     "\t", "\\N", "INT. ", "EXT.", "@", "~", "!", "^", "*", "_", "=", "#", "[[", "]]", "/*", "*/", ">", "<<",
     "WEBVTT", "NOTE", "STYLE", "[Events]", "Dialogue:", "Format:", "\u202e", "\u0301", "é", "Ж", "日本",
     "🎬", "\U0010ffff", "\ud7ff", "9" * 30, "-1", "1e309", "NaN"]
)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A valid seed file with a few splices: nasty tokens or random text in, random ranges out or doubled."""
    data = bytearray(draw(st.sampled_from(seeds)) if seeds else b"")
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.integers(0, 3))
        if op == 0:
            data[pos:pos] = draw(NASTY).encode("utf-8", "surrogatepass")
        elif op == 1:
            data[pos:pos] = draw(st.text(max_size=12)).encode("utf-8", "surrogatepass")
        elif op == 2:
            end = draw(st.integers(pos, min(len(data), pos + 40)))
            del data[pos:end]
        else:
            end = draw(st.integers(pos, min(len(data), pos + 80)))
            data[pos:pos] = data[pos:end] * draw(st.integers(1, 3))
    return bytes(data[:20000])


def _seeds(name: str) -> list[bytes]:
    return [s[:6000] for s in F.seeds(name)] or [b"x"]


@pytest.mark.parametrize("fmt", sorted(F.PARSE_FORMATS))
def test_parser_survives_mutated_files(fmt: str) -> None:
    target = F.get_target(f"parse_{fmt}")
    seeds = _seeds(f"parse_{fmt}")

    @FAST
    @given(mutated(seeds))
    def run(data: bytes) -> None:
        assert target(data) in ("ok", "refused")

    run()


@pytest.mark.parametrize("fmt", sorted(F.PARSE_FORMATS))
def test_parser_survives_random_bytes(fmt: str) -> None:
    target = F.get_target(f"parse_{fmt}")

    @FAST
    @given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
    def run(data: bytes) -> None:
        assert target(data) in ("ok", "refused")

    run()


@FAST
@given(mutated(_seeds("parse_auto")))
def test_detection_survives_mutated_files(data: bytes) -> None:
    assert F.parse_auto(data) in ("ok", "refused")


@pytest.mark.parametrize("fmt", sorted(F.PARSE_FORMATS))
def test_parse_error_names_the_file(fmt: str) -> None:
    """A refused input's message starts with the file name and says what to do; a blank file is read as
    empty, with a critical finding (nothing to translate), not refused."""
    name = F.PARSE_FORMATS[fmt]
    with pytest.raises(LocpipeError) as info:
        formats.loads(b"\x00\x01\x02\x03binary\xff\xfe" * 20, path=name, format=fmt)
    assert str(info.value).startswith(name + ": "), str(info.value)
    assert ";" in str(info.value) or "nothing to read" in str(info.value)
    for blank in (b"", b"   \n\n\t  \n"):
        transcript = formats.loads(blank, path=name, format=fmt)
        assert (transcript.format, transcript.cues) == (fmt, [])
        assert [(f.check, f.severity) for f in transcript.findings] == [("parse.empty", "critical")]


_LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="<>{}\\"),
    min_size=1, max_size=30,
).filter(lambda s: s.strip() and not s.strip().isdigit() and "-->" not in s)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=2), min_size=1, max_size=8))
def test_srt_of_any_unicode_text_round_trips(cues: list[list[str]]) -> None:
    """A well-formed SRT of any text parses back to the same cues with the same times."""
    blocks = []
    for i, lines in enumerate(cues):
        start = i * 2000
        blocks.append(f"{i + 1}\n00:00:{start // 1000:02d},{start % 1000:03d} --> "
                      f"00:00:{start // 1000 + 1:02d},{start % 1000:03d}\n" + "\n".join(ln.strip() for ln in lines))
    data = ("\n\n".join(blocks) + "\n").encode("utf-8")
    transcript = formats.loads(data, path="film.srt")
    assert [c.text for c in transcript.cues] == ["\n".join(ln.strip() for ln in lines) for lines in cues]
    assert [c.start for c in transcript.cues] == [i * 2000 for i in range(len(cues))]
    again = formats.loads(formats.dumps(transcript).encode("utf-8"), path="film.srt")
    assert [c.text for c in again.cues] == [c.text for c in transcript.cues]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"start": 1000, "end": 2000.4}, None),
        ({"start": 1000, "end": float("nan")}, "event 1: end nan is not a time in milliseconds; fix the file"),
        ({"start": "1000", "end": 2000}, "event 1: start '1000' is not a time in milliseconds; fix the file"),
        ({"start": True, "end": 2000}, "event 1: start True is not a time in milliseconds; fix the file"),
        ({"start": 0, "end": 2000, "text": ["x"]}, "event 1: text ['x'] is not text; fix the file"),
        ({"start": 0, "end": 2000, "layer": 1.5}, "event 1: layer 1.5 is not a whole number; fix the file"),
    ],
)
def test_json_event_fields_are_whole_milliseconds_or_refused(event: dict, message: str | None) -> None:
    import json

    data = json.dumps({"info": {}, "styles": {}, "events": [{"text": "Hi.", **event}]}).encode()
    if message is None:
        [cue] = formats.loads(data, path="film.json", format="json").cues
        assert (cue.start, cue.end) == (1000, 2000)
        return
    with pytest.raises(LocpipeError) as info:
        formats.loads(data, path="film.json", format="json")
    assert str(info.value) == "film.json: " + message


def test_every_readable_format_is_fuzzed() -> None:
    """A new reader gets a fuzz target (tests/fuzz/fuzz_targets.py) and an atheris harness."""
    readable = {name for name, fmt in formats.FORMATS.items() if fmt.read is not None}
    assert readable == set(F.PARSE_FORMATS)
    harnesses = {p.stem[len("fuzz_"):] for p in Path(F.__file__).parent.glob("fuzz_*.py")} - {"targets", "harness"}
    assert harnesses == set(F.TARGET_NAMES)
