"""Subtitle profiles: the layout and timing limits a subtitler works to.

A :class:`Profile` holds the limits of one style guide (Netflix, BBC, EBU) with
per-language tables (characters per line, reading speed, dialogue-dash style,
italics). Per-language differences are data: every table is a dict keyed by
language code with a ``"default"`` entry, looked up as ``pt-BR`` → ``pt-br``
→ ``pt`` → ``default``.

Custom profiles are TOML files (see :func:`load_profile`)::

    base = "netflix"            # built-in to start from (default: netflix)
    name = "our-house-style"
    max_lines = 2
    cps_mode = "letters"
    [chars_per_line]
    default = 40
    de = 38
    [cps_adult]
    default = 15

Figures come from ``SUBTITLING.md`` (the Netflix table as encoded by Subtitle
Edit's Netflix check; BBC and EBU guidelines).
"""

from __future__ import annotations

import copy
import math
import tomllib
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import UsageError

#: Dialogue-dash styles, as (first line prefix, second and later lines prefix).
DASH_STYLES: dict[str, tuple[str, str]] = {
    "both-space": ("- ", "- "),  # "- Hola.\n- ¿Qué?"   es, fr, it, pt-BR, ...
    "both-nospace": ("-", "-"),  # "-Hi.\n-Hello."       en and most others
    "second-nospace": ("", "-"),  # "Hoi.\n-Hallo."       nl, fi, he, sr
    "second-space": ("", "- "),  # "Здравей.\n- Здрасти." bg
}

CPS_MODES = ("all", "letters")

_BOTH_SPACE = ["ar", "pt-br", "cs", "fr", "hu", "id", "it", "ko", "ms", "pl", "ro", "ru", "sk", "es", "th", "vi"]
_SECOND_NOSPACE = ["nl", "fi", "he", "sr"]
_NETFLIX_DASHES: dict[str, str] = {
    "default": "both-nospace",
    **{lang: "both-space" for lang in _BOTH_SPACE},
    **{lang: "second-nospace" for lang in _SECOND_NOSPACE},
    "bg": "second-space",
}
_NO_ITALICS: dict[str, bool] = {"default": True, **{lang: False for lang in ["ar", "he", "hi", "ko", "th", "zh"]}}


@dataclass
class Profile:
    """Layout and timing limits of one subtitle style guide.

    Attributes:
        name: profile name (``netflix``, ``bbc``, ...).
        description: one line saying where the figures come from.
        max_lines: lines per subtitle.
        chars_per_line: per language, maximum characters per line.
        cps_adult: per language, maximum reading speed for adult programmes, in characters per second.
        cps_children: per language, maximum reading speed for children's programmes.
        cps_sdh: per language, maximum reading speed for SDH (subtitles for the deaf and hard of hearing).
        audience: ``adult`` or ``children`` (which table :meth:`max_cps` uses).
        cps_mode: ``all`` (every character incl. spaces and punctuation, half-width CJK 0.5, as
            Netflix) or ``letters`` (spaces and punctuation ignored, as Aegisub).
        min_duration_ms: minimum time on screen, in milliseconds.
        max_duration_ms: maximum time on screen, in milliseconds.
        min_gap_frames: minimum gap between two subtitles, in frames.
        fps: frame rate used to turn frames into milliseconds when the file gives none.
        max_extend_ms: how far fitting may push an out-time into the following gap, in milliseconds.
        dash_styles: per language, a key of :data:`DASH_STYLES`.
        italics: per language, whether italics may be used.
    """

    name: str
    description: str = ""
    max_lines: int = 2
    chars_per_line: dict[str, int] = field(default_factory=lambda: {"default": 42})
    cps_adult: dict[str, float] = field(default_factory=lambda: {"default": 17.0})
    cps_children: dict[str, float] = field(default_factory=lambda: {"default": 13.0})
    cps_sdh: dict[str, float] = field(default_factory=lambda: {"default": 20.0})
    audience: str = "adult"
    cps_mode: str = "all"
    min_duration_ms: int = 833
    max_duration_ms: int = 7000
    min_gap_frames: int = 2
    fps: float = 24.0
    max_extend_ms: int = 500
    dash_styles: dict[str, str] = field(default_factory=lambda: dict(_NETFLIX_DASHES))
    italics: dict[str, bool] = field(default_factory=lambda: dict(_NO_ITALICS))

    def max_chars(self, lang: str) -> int:
        """Maximum characters per line for ``lang``."""
        return int(lookup(self.chars_per_line, lang))

    def max_cps(self, lang: str, sdh: bool = False) -> float:
        """Maximum reading speed for ``lang`` (characters per second, counted with :attr:`cps_mode`)."""
        if self.audience == "children":
            table = self.cps_children
        elif sdh:
            table = self.cps_sdh
        else:
            table = self.cps_adult
        return float(lookup(table, lang))

    def dash_style(self, lang: str) -> str:
        """The dialogue-dash style for ``lang``: a key of :data:`DASH_STYLES`."""
        return str(lookup(self.dash_styles, lang))

    def dash_prefixes(self, lang: str) -> tuple[str, str]:
        """(prefix of a cue's first speaker line, prefix of later speaker lines) for ``lang``."""
        return DASH_STYLES[self.dash_style(lang)]

    def italics_allowed(self, lang: str) -> bool:
        """Whether italics may be used in ``lang``."""
        return bool(lookup(self.italics, lang))

    def min_gap_ms(self, fps: float | None = None) -> int:
        """Minimum gap between subtitles in milliseconds (``min_gap_frames`` at ``fps``, rounded up)."""
        rate = fps if fps and fps > 0 else self.fps
        return math.ceil(self.min_gap_frames * 1000 / rate)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(self)}


def lookup(table: dict[str, Any], lang: str) -> Any:
    """Look ``lang`` up in a per-language table: exact, lowercase, base language, then ``default``."""
    if lang:
        for key in (lang, lang.lower(), lang.lower().replace("_", "-"), lang.lower().replace("_", "-").split("-")[0]):
            if key in table:
                return table[key]
    return table["default"]


# -- counting characters -------------------------------------------------------------------------


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def count_chars(text: str, mode: str = "all") -> float:
    """Characters that count for reading speed.

    ``all``: every character including spaces and punctuation, line breaks
    excluded; in text that holds CJK (full-width) characters, half-width
    characters count 0.5 (Netflix). ``letters``: spaces and punctuation are
    ignored (Aegisub).
    """
    if mode not in CPS_MODES:
        raise UsageError(f"unknown reading-speed counting mode {mode!r}; use one of: {', '.join(CPS_MODES)}")
    if mode == "letters":
        return float(
            sum(
                1
                for ch in text
                if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "Z", "C"))
            )
        )
    if text.isascii():
        return float(len(text) - text.count("\n") - text.count("\r"))
    chars = [ch for ch in text if ch not in "\n\r"]
    if any(_is_wide(ch) for ch in chars):
        return sum(1.0 if _is_wide(ch) else 0.5 for ch in chars)
    return float(sum(0.5 if unicodedata.east_asian_width(ch) == "H" else 1.0 for ch in chars))


def cps(text: str, duration_ms: int | None, mode: str = "all") -> float:
    """Reading speed of ``text`` shown for ``duration_ms``, in characters per second.

    Untimed text reads at 0; a zero or negative duration with text reads at infinity.
    """
    count = count_chars(text, mode)
    if duration_ms is None:
        return 0.0
    if duration_ms <= 0:
        return math.inf if count else 0.0
    return count * 1000.0 / duration_ms


# -- built-in profiles ---------------------------------------------------------------------------

# Netflix per-language figures as encoded by Subtitle Edit's Netflix check (SUBTITLING.md).
_NETFLIX_CHARS = {"default": 42, "ja": 23, "ko": 16, "zh": 16, "th": 35}
_NETFLIX_ADULT = {"default": 17.0, "en": 20.0, "ar": 20.0, "hi": 22.0, "ja": 4.0, "ko": 12.0, "zh": 9.0}
_NETFLIX_CHILDREN = {"default": 13.0, "en": 17.0, "ar": 17.0, "hi": 18.0, "ja": 4.0, "ko": 9.0, "zh": 7.0}
_NETFLIX_SDH = {"default": 20.0, "en": 20.0, "ar": 23.0, "hi": 25.0, "ja": 7.0, "ko": 14.0, "zh": 11.0}


def _builtins() -> dict[str, Profile]:
    netflix = Profile(
        name="netflix",
        description="Netflix timed-text style guide: 42 chars, 2 lines, per-language reading speed",
        chars_per_line=dict(_NETFLIX_CHARS),
        cps_adult=dict(_NETFLIX_ADULT),
        cps_children=dict(_NETFLIX_CHILDREN),
        cps_sdh=dict(_NETFLIX_SDH),
    )
    children = copy.deepcopy(netflix)
    children.name = "netflix-children"
    children.description = "Netflix for children's programmes: the children's reading-speed table"
    children.audience = "children"
    # BBC gives reading speed as 160-180 words per minute. English averages about 5.5-6
    # characters per word counting the following space and punctuation, so 160 wpm is
    # about 15 characters per second and 180 wpm about 17; the lower figure is the limit.
    bbc = Profile(
        name="bbc",
        description="BBC subtitle guidelines: about 37 chars, 2 lines, 160-180 wpm (about 15 cps)",
        chars_per_line={"default": 37},
        cps_adult={"default": 15.0},
        cps_children={"default": 12.0},
        cps_sdh={"default": 15.0},
        fps=25.0,
    )
    # EBU Tech 3264 (STL) fixes the row length (MNC 40) and two rows; it sets no reading
    # speed, so the common European adult figure is used.
    ebu = Profile(
        name="ebu",
        description="EBU / Teletext: 40 chars (STL MNC), 2 lines, 17 cps",
        chars_per_line={"default": 40},
        cps_adult={"default": 17.0},
        cps_children={"default": 13.0},
        cps_sdh={"default": 17.0},
        fps=25.0,
    )
    return {p.name: p for p in (netflix, children, bbc, ebu)}


BUILTIN_PROFILES: tuple[str, ...] = ("netflix", "netflix-children", "bbc", "ebu")
DEFAULT_PROFILE = "netflix"


def get_profile(name_or_path: str | Path | Profile | None = None) -> Profile:
    """A built-in profile by name, or a custom one from a TOML file; ``None`` gives ``netflix``."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    if name_or_path is None or name_or_path == "":
        name_or_path = DEFAULT_PROFILE
    builtins = _builtins()
    key = str(name_or_path)
    if key.lower() in builtins:
        return builtins[key.lower()]
    path = Path(key)
    if path.suffix.lower() == ".toml" or path.exists():
        return load_profile(path)
    raise UsageError(
        f"unknown profile {key!r}; use one of: {', '.join(BUILTIN_PROFILES)}, or the path of a .toml profile file"
    )


_TABLES = {"chars_per_line": int, "cps_adult": float, "cps_children": float, "cps_sdh": float,
           "dash_styles": str, "italics": bool}
_SCALARS = {"name": str, "description": str, "max_lines": int, "audience": str, "cps_mode": str,
            "min_duration_ms": int, "max_duration_ms": int, "min_gap_frames": int, "fps": float,
            "max_extend_ms": int}


def load_profile(path: str | Path) -> Profile:
    """Load a custom profile from a TOML file.

    Any field of :class:`Profile` may be given; per-language tables are merged
    over those of ``base`` (a built-in name, default ``netflix``).
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise UsageError(
            f"no such profile file; use one of: {', '.join(BUILTIN_PROFILES)}, or an existing .toml file", path=p
        ) from err
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read the profile: {err}; check the file", path=p) from err
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"not valid TOML: {err}; fix the syntax", path=p) from err
    return profile_from_dict(data, source=str(p))


def profile_from_dict(data: dict[str, Any], *, source: str = "<profile>") -> Profile:
    """Build a profile from a dict as read from TOML (see :func:`load_profile`)."""

    def fail(message: str) -> UsageError:
        return UsageError(message, path=source)

    data = dict(data)
    base_name = data.pop("base", DEFAULT_PROFILE)
    builtins = _builtins()
    if not isinstance(base_name, str) or base_name.lower() not in builtins:
        raise fail(f"unknown base profile {base_name!r}; use one of: {', '.join(BUILTIN_PROFILES)}")
    profile = builtins[base_name.lower()]
    profile.name = Path(source).stem if source != "<profile>" else "custom"
    profile.description = f"custom profile based on {base_name}"
    for key, value in data.items():
        if key in _SCALARS:
            setattr(profile, key, _coerce(value, _SCALARS[key], key, fail))
        elif key in _TABLES:
            if not isinstance(value, dict):
                raise fail(f"{key} must be a table of language = value (e.g. [{key}] default = ...)")
            table = dict(getattr(profile, key))
            for lang, item in value.items():
                table[str(lang).lower()] = _coerce(item, _TABLES[key], f"{key}.{lang}", fail)
            setattr(profile, key, table)
        else:
            known = sorted([*_SCALARS, *_TABLES, "base"])
            raise fail(f"unknown profile field {key!r}; known fields: {', '.join(known)}")
    _validate(profile, fail)
    return profile


def _coerce(value: Any, kind: type, key: str, fail: Any) -> Any:
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind in (str, bool) and isinstance(value, kind):
        return value
    raise fail(f"{key} must be {kind.__name__}, not {value!r}")


def _validate(profile: Profile, fail: Any) -> None:
    if profile.max_lines < 1:
        raise fail("max_lines must be at least 1")
    if profile.cps_mode not in CPS_MODES:
        raise fail(f"cps_mode must be one of: {', '.join(CPS_MODES)}")
    if profile.audience not in ("adult", "children"):
        raise fail("audience must be 'adult' or 'children'")
    if profile.fps <= 0:
        raise fail("fps must be positive")
    if min(profile.min_duration_ms, profile.max_duration_ms, profile.min_gap_frames, profile.max_extend_ms) < 0:
        raise fail("durations, gaps and extensions must not be negative")
    for key in _TABLES:
        table = getattr(profile, key)
        if "default" not in table:
            raise fail(f"[{key}] needs a 'default' entry")
    for lang, n in profile.chars_per_line.items():
        if n < 1:
            raise fail(f"chars_per_line.{lang} must be at least 1")
    for key in ("cps_adult", "cps_children", "cps_sdh"):
        for lang, v in getattr(profile, key).items():
            if v <= 0:
                raise fail(f"{key}.{lang} must be positive")
    for lang, style in profile.dash_styles.items():
        if style not in DASH_STYLES:
            raise fail(f"dash_styles.{lang} must be one of: {', '.join(DASH_STYLES)}")
