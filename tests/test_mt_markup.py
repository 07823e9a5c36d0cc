"""Re-applying source markup to fitted translations (without a model: translations given by hand)."""

from __future__ import annotations

from locpipe import formats
from locpipe.model import Transcript, Translation
from locpipe.mt.markup import SourceMap, place_markup
from locpipe.stages.segment import segment

SRT = (
    "1\n00:00:01,000 --> 00:00:02,000\nI <i>really</i> love you.\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\n<i>- Hi there.\n- Hello.</i>\n\n"
    "3\n00:00:04,500 --> 00:00:06,000\n{\\an8}Sign <b>here</b>\n\n"
    "4\n00:00:07,000 --> 00:00:08,000\n- Hi there.\n- <i>Hello.</i>\n\n"
    "5\n00:00:09,000 --> 00:00:10,000\n<i>Tom</i> and <u>Anna</u> came.\n"
)


def _transcript(text: str, path: str = "film.srt") -> Transcript:
    t = formats.loads(text.encode(), path=path)
    return segment(t)


def _translate(t: Transcript, texts: dict[str, tuple[str, list[list[int]]]], lang: str = "xa") -> None:
    for seg in t.segments:
        text, align = texts[seg.text]
        seg.translations[lang] = Translation(lang=lang, text=text, alignment=align)


def _place(t: Transcript, cue: int, fitted: str, pieces: list[tuple[str, int, int]], **kw):  # type: ignore[no-untyped-def]
    return place_markup(t.cues[cue], fitted, pieces, lang="xa", source_map=SourceMap(t), flavour="html", **kw)


TEXTS = {
    "I really love you.": ("Ze raly lof ju.", [[0, 0], [1, 1], [2, 2], [3, 3]]),
    "Hi there.": ("Hai der.", [[0, 0], [1, 1]]),
    "Hello.": ("Helo.", [[0, 0]]),
    "Sign here": ("Sin hir", [[0, 0], [1, 1]]),
    "Tom and Anna came.": ("Anna kini Tom kam.", [[0, 2], [1, 1], [2, 0], [3, 3]]),
}


def test_partial_italics_land_on_the_aligned_word() -> None:
    t = _transcript(SRT)
    _translate(t, TEXTS)
    raw, lost = _place(t, 0, "Ze raly lof ju.", [("s0001", 0, 15)])
    assert (raw, lost) == ("Ze <i>raly</i> lof ju.", [])


def test_whole_cue_italics_wrap_the_whole_translated_cue() -> None:
    t = _transcript(SRT)
    _translate(t, TEXTS)
    raw, lost = _place(t, 1, "- Hai der.\n- Helo.", [("s0002", 0, 8), ("s0003", 0, 5)])
    assert (raw, lost) == ("<i>- Hai der.\\N- Helo.</i>", [])


def test_point_tag_stays_at_start_and_span_follows_alignment() -> None:
    t = _transcript(SRT)
    _translate(t, TEXTS)
    raw, lost = _place(t, 2, "Sin hir", [("s0004", 0, 7)])
    assert (raw, lost) == ("{\\an8}Sin <b>hir</b>", [])


def test_one_speakers_italics_wrap_that_speakers_piece() -> None:
    t = _transcript(SRT)
    _translate(t, TEXTS)
    raw, lost = _place(t, 3, "- Hai der.\n- Helo.", [("s0005", 0, 8), ("s0006", 0, 5)])
    assert (raw, lost) == ("- Hai der.\\N- <i>Helo.</i>", [])


def test_reordered_words_carry_their_tags() -> None:
    t = _transcript(SRT)
    _translate(t, TEXTS)
    raw, lost = _place(t, 4, "Anna kini Tom kam.", [("s0007", 0, 18)])
    assert (raw, lost) == ("<u>Anna</u> kini <i>Tom</i> kam.", [])


def test_unaligned_tag_is_reported_not_dropped_silently() -> None:
    t = _transcript(SRT)
    _translate(t, {**TEXTS, "I really love you.": ("Ze lof ju.", [[0, 0], [2, 1], [3, 2]])})
    raw, lost = _place(t, 0, "Ze lof ju.", [("s0001", 0, 10)])
    assert raw == "Ze lof ju."
    assert [(x.markup.raw, x.reason) for x in lost] == [
        ("<i>", "no target word is aligned with the tagged words in this cue")
    ]


def test_italics_not_written_where_the_language_does_not_use_them() -> None:
    t = _transcript(SRT)
    _translate(t, TEXTS)
    raw, lost = _place(t, 1, "- Hai der.\n- Helo.", [("s0002", 0, 8), ("s0003", 0, 5)], italics_allowed=False)
    assert raw == "- Hai der.\\N- Helo."
    assert [(x.markup.raw, x.dropped_by_profile) for x in lost] == [("<i>", True)]


ASS_HEAD = (
    "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, "
    "SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, "
    "Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Default,Arial,"
    "20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
)


def test_ass_tag_without_close_gets_one_when_the_span_ends_early_and_braces_are_escaped() -> None:
    t = _transcript(ASS_HEAD + "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,Half {\\i1}italic\n", "x.ass")
    _translate(t, {"Half italic": ("Italiko {haf}", [[0, 1], [1, 0]])})
    raw, lost = place_markup(
        t.cues[0], "Italiko {haf}", [("s0001", 0, 13)], lang="xa", source_map=SourceMap(t), flavour="ass"
    )
    assert (raw, lost) == ("{\\i1}Italiko{\\i0} (haf)", [])


def test_no_markup_only_escapes_and_breaks_lines() -> None:
    t = _transcript(ASS_HEAD + "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,Plain\n", "x.ass")
    _translate(t, {"Plain": ("Plen", [[0, 0]])})
    raw, lost = place_markup(
        t.cues[0], "Plen\n{x}", [("s0001", 0, 4)], lang="xa", source_map=SourceMap(t), flavour="ass"
    )
    assert (raw, lost) == ("Plen\\N(x)", [])
