"""Subtitle profiles: built-ins, per-language tables, counting modes, TOML profiles."""

from __future__ import annotations

import math

import pytest

from locpipe.errors import LocpipeError, UsageError
from locpipe.profiles import BUILTIN_PROFILES, Profile, count_chars, cps, get_profile


def test_builtins_exist():
    for name in BUILTIN_PROFILES:
        profile = get_profile(name)
        assert profile.name == name
        assert profile.max_lines == 2
    assert get_profile(None).name == "netflix"
    assert get_profile("NETFLIX").name == "netflix"


def test_builtins_are_fresh_copies():
    a = get_profile("netflix")
    a.chars_per_line["default"] = 10
    assert get_profile("netflix").max_chars("en") == 42


def test_netflix_tables():
    p = get_profile("netflix")
    assert p.max_chars("en") == 42
    assert p.max_chars("ja") == 23
    assert p.max_chars("zh-Hant") == 16
    assert p.max_chars("th") == 35
    assert p.max_cps("en") == 20
    assert p.max_cps("es") == 17
    assert p.max_cps("ja") == 4
    assert p.max_cps("hi", sdh=True) == 25
    assert p.max_cps("fr", sdh=True) == 20
    assert p.min_duration_ms == 833
    assert p.max_duration_ms == 7000
    assert p.max_extend_ms == 500


def test_netflix_children():
    p = get_profile("netflix-children")
    assert p.max_cps("en") == 17
    assert p.max_cps("de") == 13
    assert p.max_cps("ko") == 9


def test_bbc_and_ebu():
    assert get_profile("bbc").max_chars("en") == 37
    assert get_profile("bbc").max_cps("en") == 15
    assert get_profile("ebu").max_chars("de") == 40


def test_dash_styles():
    p = get_profile("netflix")
    assert p.dash_style("en") == "both-nospace"
    assert p.dash_style("es") == "both-space"
    assert p.dash_style("fr") == "both-space"
    assert p.dash_style("pt-BR") == "both-space"
    assert p.dash_style("pt_br") == "both-space"
    assert p.dash_style("pt") == "both-nospace"
    assert p.dash_style("nl") == "second-nospace"
    assert p.dash_style("bg") == "second-space"
    assert p.dash_prefixes("es") == ("- ", "- ")
    assert p.dash_prefixes("he") == ("", "-")


def test_italics():
    p = get_profile("netflix")
    assert p.italics_allowed("en")
    assert not p.italics_allowed("ar")
    assert not p.italics_allowed("zh-CN")


def test_min_gap():
    p = get_profile("netflix")
    assert p.min_gap_ms() == 84  # 2 frames at 24 fps, rounded up
    assert p.min_gap_ms(25) == 80
    assert p.min_gap_ms(0) == 84


def test_count_chars_all_and_letters():
    assert count_chars("Hi, you!", "all") == 8
    assert count_chars("Hi, you!\nYes.", "all") == 12
    assert count_chars("Hi, you!", "letters") == 5
    assert count_chars("¿Qué tal?", "letters") == 6


def test_count_chars_cjk_half_width():
    assert count_chars("你好", "all") == 2
    assert count_chars("你好OK", "all") == 3  # half-width characters count 0.5 beside CJK
    assert count_chars("ｶﾀｶﾅ", "all") == 2  # half-width katakana


def test_cps():
    assert cps("12345", 1000) == 5
    assert cps("Hi, you!", 2000, "letters") == 2.5
    assert cps("x", 0) == math.inf
    assert cps("", 0) == 0
    assert cps("abc", None) == 0


def test_bad_mode():
    with pytest.raises(UsageError, match="unknown reading-speed counting mode"):
        count_chars("x", "words")


def test_unknown_name_lists_builtins():
    with pytest.raises(UsageError) as info:
        get_profile("hbo")
    assert str(info.value) == (
        "unknown profile 'hbo'; use one of: netflix, netflix-children, bbc, ebu, "
        "or the path of a .toml profile file"
    )


def test_toml_profile(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(
        'base = "bbc"\nmax_lines = 3\ncps_mode = "letters"\nfps = 25\n'
        "[chars_per_line]\nde = 35\n[cps_adult]\ndefault = 14\nfr = 13.5\n"
        '[dash_styles]\nen = "both-space"\n[italics]\nen = false\n',
        encoding="utf-8",
    )
    p = get_profile(str(path))
    assert isinstance(p, Profile)
    assert p.name == "house"
    assert p.max_lines == 3
    assert p.cps_mode == "letters"
    assert p.max_chars("de") == 35
    assert p.max_chars("en") == 37  # from the base
    assert p.max_cps("fr") == 13.5
    assert p.max_cps("it") == 14
    assert p.dash_style("en") == "both-space"
    assert p.dash_style("es") == "both-space"
    assert not p.italics_allowed("en")
    assert p.fps == 25.0
    assert get_profile(path).name == "house"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("max_lines = 'two'\n", "max_lines must be int, not 'two'"),
        ("colour = 1\n", "unknown profile field 'colour'; known fields: "),
        ("base = 'hbo'\n", "unknown base profile 'hbo'; use one of: netflix, netflix-children, bbc, ebu"),
        ("max_lines = 0\n", "max_lines must be at least 1"),
        ("cps_mode = 'words'\n", "cps_mode must be one of: all, letters"),
        ("[dash_styles]\nen = 'long'\n", "dash_styles.en must be one of: both-space"),
        ("chars_per_line = 40\n", "chars_per_line must be a table of language = value"),
        ("[cps_adult]\nen = -1\n", "cps_adult.en must be positive"),
        ("max_lines = \n", "not valid TOML"),
    ],
)
def test_bad_toml_profile(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        get_profile(str(path))
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_missing_toml_profile(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(LocpipeError) as info:
        get_profile(str(path))
    assert str(info.value) == (
        f"{path}: no such profile file; use one of: netflix, netflix-children, bbc, ebu, or an existing .toml file"
    )
