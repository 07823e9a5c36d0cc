"""Markup: ASS override blocks and SRT/VTT tags ⇄ plain text + spans."""

from __future__ import annotations

from locpipe.formats.markup import convert_raw, parse_ass, parse_html, render, voice_of


def _spans(markup):
    return [(m.tag, m.start, m.end, m.value, m.raw, m.raw_close) for m in markup]


def test_ass_toggles_become_spans_and_other_blocks_point_tags() -> None:
    text, markup = parse_ass(r"{\an8}Look {\i1}up{\i0}!\NNow\hplease.")
    assert text == "Look up!\nNow please."
    assert _spans(markup) == [
        ("ass", 0, 0, r"\an8", r"{\an8}", ""),
        ("i", 5, 7, "1", r"{\i1}", r"{\i0}"),
    ]


def test_ass_color_and_reset() -> None:
    text, markup = parse_ass(r"{\c&H0000FF&}Red{\r} and {\b1}bold")
    assert text == "Red and bold"
    assert _spans(markup) == [
        ("color", 0, 3, "#ff0000", r"{\c&H0000FF&}", r"{\r}"),
        ("b", 8, 12, "1", r"{\b1}", ""),
    ]


def test_ass_soft_break_is_a_newline() -> None:
    assert parse_ass(r"one\ntwo")[0] == "one\ntwo"


def test_srt_tags_become_spans() -> None:
    text, markup = parse_html('<i>Oh</i> <font color="#00ff00">green</font>\\N<b>yes')
    assert text == "Oh green\nyes"
    assert _spans(markup) == [
        ("i", 0, 2, "", "<i>", "</i>"),
        ("font", 3, 8, 'color="#00ff00"', '<font color="#00ff00">', "</font>"),
        ("b", 9, 12, "", "<b>", ""),
    ]


def test_srt_keeps_unknown_angle_brackets_as_text_and_an8_as_point_tag() -> None:
    text, markup = parse_html("{\\an8}a < b <3 <x>")
    assert text == "a < b <3 <x>"
    assert _spans(markup) == [("ass", 0, 0, "\\an8", "{\\an8}", "")]


def test_vtt_voice_class_and_entities() -> None:
    text, markup = parse_html("<v Moira>Fish &amp; chips <c.loud>now</c></v>", vtt=True)
    assert text == "Fish & chips now"
    assert voice_of(markup) == "Moira"
    assert [(m.tag, m.start, m.end, m.value) for m in markup] == [("v", 0, 16, "Moira"), ("c", 13, 16, ".loud")]


def test_render_reproduces_simple_raw() -> None:
    raw = r"Look {\i1}up{\i0}!\NNow."
    text, markup = parse_ass(raw)
    assert render(text, markup, "ass") == raw
    raw_srt = "<i>Oh</i> <b>no</b>\\Nwell"
    assert render(*parse_html(raw_srt), "srt") == raw_srt


def test_srt_to_ass_to_srt_keeps_text_and_markup() -> None:
    raw = '<i>Mind</i> the <font color="#ff0000">gap</font>\\N<b>now</b>'
    ass = convert_raw(raw, "srt", "ass")
    assert ass == r"{\i1}Mind{\i0} the {\c&H0000FF&}gap{\c}\N{\b1}now{\b0}"
    back = convert_raw(ass, "ass", "srt")
    assert back == '<i>Mind</i> the <font color="#ff0000">gap</font>\\N<b>now</b>'


def test_ass_to_vtt_escapes_and_drops_unknown_blocks() -> None:
    assert convert_raw(r"{\pos(10,10)}Fish & {\i1}chips{\i0}", "ass", "vtt") == "Fish &amp; <i>chips</i>"
