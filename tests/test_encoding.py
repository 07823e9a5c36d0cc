"""Encodings: BOMs, strict UTF-8, detection, --encoding, and mojibake findings."""

from __future__ import annotations

import codecs

import pytest
from conftest import CORPORA

from locpipe.errors import EncodingError
from locpipe.formats import load, loads
from locpipe.formats.encoding import decode, find_mojibake

SRT = "1\n00:00:01,000 --> 00:00:02,000\nÉtienne a déjà mangé ses crêpes.\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_decides_the_encoding(bom: bytes, codec: str) -> None:
    t = loads(bom + SRT.encode(codec), path="x.srt")
    assert (t.encoding, t.encoding_detected, t.meta.get("bom")) == (codec, False, True)
    assert t.cues[0].text == "Étienne a déjà mangé ses crêpes."
    assert not [f for f in t.findings if f.check == "parse.encoding"]


def test_cp1252_is_detected_and_reported() -> None:
    text = SRT + "\n2\n00:00:03,000 --> 00:00:04,000\nÇa coûte cinq euros, très cher… « non » ?\n"
    t = loads(text.encode("cp1252"), path="x.srt")
    assert t.encoding_detected is True
    assert t.cues[1].text == "Ça coûte cinq euros, très cher… « non » ?"
    [finding] = [f for f in t.findings if f.check == "parse.encoding"]
    assert finding.severity == "info"
    assert finding.message.startswith(f"encoding detected as {t.encoding}")


def test_explicit_encoding_wins_and_bad_bytes_name_the_line() -> None:
    data = SRT.encode("latin-1")
    t = loads(data, path="x.srt", encoding="latin-1")
    assert (t.encoding, t.encoding_detected) == ("iso8859-1", False)
    with pytest.raises(EncodingError, match=r"^x\.srt:3: cannot be decoded as utf-8"):
        loads(data, path="x.srt", encoding="utf-8")
    with pytest.raises(EncodingError, match=r"unknown encoding 'nope'"):
        decode(b"abc", path="x.srt", encoding="nope")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("CafÃ© au lait", "UTF-8 text that was read as cp1252"),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "UTF-8 text that was read as"),
        ("РџСЂРёРІРµС‚, РјРёСЂ", "UTF-8 text that was read as cp1251"),
        ("锟斤拷锟斤拷", "text that was already lost"),
        ("\ufffd\ufffd\ufffd", "replacement characters"),
        ("les rÈpondeurs", "latin-1 text that was read as Mac Roman"),
    ],
)
def test_mojibake_is_found(text: str, reason: str) -> None:
    found = find_mojibake(text)
    assert found is not None and reason in found.reason


def test_mojibake_repair_suggestion() -> None:
    found = find_mojibake("CafÃ© au lait")
    assert found is not None and found.repaired == "Café au lait"


def test_windows_text_read_as_mac_roman_is_repaired_with_its_curly_quotes() -> None:
    """A Windows-1252 file read as Mac Roman: "sûr" became "s˚r", and the apostrophe byte 0x92 must come
    back as "’", not as the latin-1 control character U+0092."""
    original = "Ce n’est pas sûr ici, à côté."
    found = find_mojibake(original.encode("cp1252").decode("mac_roman"))
    assert found is not None and found.repaired == original


@pytest.mark.parametrize(
    "text",
    ["Café au lait", "Привет, мир", "¿Qué tal?", "Größe: 42 °C", "ÉVÉNEMENTS", "宇宙守护神", "naïve façade — “quoted”"],
)
def test_clean_text_is_not_mojibake(text: str) -> None:
    assert find_mojibake(text) is None


def test_mojibake_finding_per_cue_with_line() -> None:
    text = SRT + "\n2\n00:00:03,000 --> 00:00:04,000\nJe suis dÃ©solÃ©.\n"
    t = loads(text.encode(), path="x.srt")
    [finding] = [f for f in t.findings if f.check == "parse.mojibake"]
    assert (finding.line, finding.cue, finding.severity) == (5, 1, "functional")
    assert "'Je suis désolé.'" in finding.message


# --- corpus ------------------------------------------------------------------


def _corpus(rel: str):
    path = CORPORA / rel
    if not path.is_file():
        pytest.skip(f"{rel} is absent")
    return path


def test_corpus_windows_1252() -> None:
    t = load(_corpus("subtitles/pysrt/windows-1252.srt"))
    assert t.encoding == "cp1252" and t.encoding_detected
    text = "\n".join(c.text for c in t.cues)
    assert "ÉVÉNEMENTS" in text and "câble" in text
    assert not [f for f in t.findings if f.check == "parse.mojibake"]


def test_corpus_gb2312() -> None:
    t = load(_corpus("subtitles/cdown-srt/gb2312.srt"))
    assert t.encoding_detected and t.encoding in ("gb2312", "gbk", "gb18030")
    assert t.cues[0].text.startswith("宇宙守护神")
    assert "拦住疾速的火车" in t.cues[1].text


@pytest.mark.parametrize("name", ["bom-utf-16-le", "bom-utf-16-be", "bom-utf-32-le", "bom-utf-32-be", "bom-utf-8"])
def test_corpus_bom_files_match_utf8(name: str) -> None:
    ref = load(_corpus("subtitles/pysrt/bom-utf-8.srt"))
    t = load(_corpus(f"subtitles/pysrt/{name}.srt"))
    assert t.meta.get("bom") is True and not t.encoding_detected
    assert [c.text for c in t.cues] == [c.text for c in ref.cues]
    assert "Ayn Rand" in "\n".join(c.text for c in t.cues)


@pytest.mark.parametrize("lang", ["chinese", "french", "hebrew", "russian", "swedish"])
def test_corpus_elephants_dream_is_mojibake(lang: str) -> None:
    t = load(_corpus(f"films/elephants_dream_mojibake/elephant.{lang}.srt"))
    found = [f for f in t.findings if f.check == "parse.mojibake"]
    assert len(found) >= 10
    assert all(f.line is not None and f.cue is not None for f in found)


def test_corpus_clean_english_has_no_mojibake() -> None:
    t = load(_corpus("films/elephants_dream_mojibake/audiodescription.srt"))
    assert not [f for f in t.findings if f.check == "parse.mojibake"]
