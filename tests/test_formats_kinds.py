"""Cue kinds, speaker prefixes and speaker dashes."""

from __future__ import annotations

import pytest

from locpipe.formats.cues import make_cue


def _kind(raw: str, flavour: str = "html", style: str = "", speaker: str = "", comment: bool = False) -> str:
    return make_cue(0, 0, 1000, raw, flavour=flavour, style=style, speaker=speaker, comment=comment).kind


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("[door slams]", "sdh"),
        ("(LAUGHS)", "sdh"),
        ("- [gasps]\\N- (sighs)", "sdh"),
        ("♪ [instrumental music] ♪", "sdh"),
        ("♪ ♪", "sdh"),
        ("♪ Oh the rain in Glasgow ♪", "lyrics"),
        ("# Happy birthday to you #", "lyrics"),
        ("♪ Tatties and neeps\\Nall day long", "lyrics"),
        ("[sighs] I told you so.", "dialogue"),
        ("Where's the sauce?", "dialogue"),
    ],
)
def test_text_kinds(raw: str, kind: str) -> None:
    assert _kind(raw) == kind


@pytest.mark.parametrize(
    ("raw", "style", "kind"),
    [
        (r"{\k20}Ka{\k30}ra{\kf40}o{\ko10}ke", "Default", "karaoke"),
        (r"{\p1}m 0 0 l 100 0 100 100 0 100{\p0}", "Default", "drawing"),
        ("CAFÉ ROYAL", "Sign", "sign"),
        ("CAFÉ ROYAL", "OnScreen", "sign"),
        ("Episode 3", "Title", "sign"),
        (r"{\pos(320,40)}EXIT", "Notes", "sign"),
        (r"{\an8}Up here, mate.", "Default", "dialogue"),
    ],
)
def test_ass_kinds(raw: str, style: str, kind: str) -> None:
    assert _kind(raw, "ass", style) == kind


def test_comment_kind() -> None:
    assert _kind("TODO check timing", "ass", "Default", comment=True) == "comment"


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        ("MOIRA: Pass the tatties.", "MOIRA"),
        ("DR. SMITH: You'll live.", "DR. SMITH"),
        ("- JOSÉ: Vale.\\N- HANK: Sure thing.", ""),
        ("Note: the shop shuts at six.", ""),
        ("NOTE: the shop shuts at six.", ""),
        ("I SAID: GET OUT.", ""),
        ("Moira: Pass the tatties.", ""),
        ("At 10:30 we leave.", ""),
    ],
)
def test_speaker_prefix_is_conservative(raw: str, speaker: str) -> None:
    cue = make_cue(0, 0, 1000, raw, flavour="html")
    assert cue.speaker == speaker
    assert cue.text.startswith(raw.split("\\N")[0])  # the prefix stays in the text


def test_dash_cue_is_two_speakers() -> None:
    cue = make_cue(0, 0, 1000, "- Hi.\\N- Hello.", flavour="html")
    assert cue.meta["dashes"] is True
    assert "dashes" not in make_cue(0, 0, 1000, "Hi -\\Nthere.", flavour="html").meta


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (r"{\an8}MORAG'S — GLASGOW — EST. 1987", "sign"),
        (r"{\pos(960,140)}CLOSED", "sign"),
        (r"{\an8}Where's the sauce?", "dialogue"),
        ("CLOSED FOR FILMING", "dialogue"),
    ],
)
def test_unstyled_positioned_caption_is_a_sign(raw: str, kind: str) -> None:
    assert _kind(raw) == kind
