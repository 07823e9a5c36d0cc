"""Review sheets: HTML, XLSX, CSV, XLIFF 2.1 and JSON, and the way back (:mod:`.apply`).

Public API::

    write_reviews(transcript, out_dir, *, formats=FORMATS, langs=None, profile=None,
                  protect=(), no_mt_reason="") -> list[Path]
    WRITERS, FORMATS, parse_formats(value), get_writer(name), output_paths(stem, out_dir, formats, langs)

Every writer works from the same rows (:func:`.rows.build_sheet`); a writer
is one entry of :data:`WRITERS`: ``write(transcript, sheet, out_dir, stem,
*, protect, no_mt_reason) -> list[Path]``. Output names:
``<stem>.review.html``, ``<stem>.review.xlsx``, ``<stem>.review.csv``,
``<stem>.<lang>.xlf`` (one per target language; none without one) and
``<stem>.locpipe.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Transcript

Writer = Callable[..., list[Path]]


def _html(transcript: Transcript, sheet: Any, out_dir: Path, stem: str, **kw: Any) -> list[Path]:
    from .html import write_html

    return [write_html(sheet, out_dir / f"{stem}.review.html", protect=kw["protect"],
                       no_mt_reason=kw.get("no_mt_reason", ""))]


def _xlsx(transcript: Transcript, sheet: Any, out_dir: Path, stem: str, **kw: Any) -> list[Path]:
    from .xlsx import write_xlsx

    return [write_xlsx(sheet, out_dir / f"{stem}.review.xlsx", protect=kw["protect"])]


def _csv(transcript: Transcript, sheet: Any, out_dir: Path, stem: str, **kw: Any) -> list[Path]:
    from .csv import write_csv

    return [write_csv(sheet, out_dir / f"{stem}.review.csv", protect=kw["protect"])]


def _xliff(transcript: Transcript, sheet: Any, out_dir: Path, stem: str, **kw: Any) -> list[Path]:
    from .xliff import write_xliff

    return [
        write_xliff([(transcript, sheet)], lang, out_dir / f"{stem}.{lang}.xlf", protect=kw["protect"])
        for lang in sheet.langs
    ]


def _json(transcript: Transcript, sheet: Any, out_dir: Path, stem: str, **kw: Any) -> list[Path]:
    from .jsonout import write_json

    return [write_json(transcript, out_dir / f"{stem}.locpipe.json", protect=kw["protect"])]


#: format name -> writer
WRITERS: dict[str, Writer] = {"html": _html, "xlsx": _xlsx, "csv": _csv, "xliff": _xliff, "json": _json}
FORMATS: tuple[str, ...] = tuple(WRITERS)
_ALIASES = {"xlf": "xliff", "htm": "html"}


def get_writer(name: str) -> Writer:
    """The writer for ``name``; UsageError naming the known ones otherwise."""
    key = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return WRITERS[key]
    except KeyError:
        raise UsageError(f"unknown review format {name!r}; use any of: {', '.join(FORMATS)} (comma-separated)") from None


def parse_formats(value: str | Iterable[str] | None) -> list[str]:
    """``"html,xlsx"`` → ``["html", "xlsx"]`` (validated, in the given order, without repeats)."""
    if value is None:
        return list(FORMATS)
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        if not item.strip():
            continue
        get_writer(item)
        key = _ALIASES.get(item.strip().lower(), item.strip().lower())
        if key not in out:
            out.append(key)
    if not out:
        raise UsageError(f"--format needs at least one of: {', '.join(FORMATS)}")
    return out


def output_paths(stem: str, out_dir: str | Path, formats: Iterable[str], langs: Iterable[str]) -> list[Path]:
    """The files :func:`write_reviews` writes for ``stem`` (before writing them)."""
    folder = Path(out_dir)
    names = {"html": [f"{stem}.review.html"], "xlsx": [f"{stem}.review.xlsx"], "csv": [f"{stem}.review.csv"],
             "xliff": [f"{stem}.{lang}.xlf" for lang in langs], "json": [f"{stem}.locpipe.json"]}
    return [folder / name for fmt in formats for name in names[_ALIASES.get(fmt, fmt)]]


def write_reviews(
    transcript: Transcript,
    out_dir: str | Path,
    *,
    formats: Iterable[str] | str | None = None,
    langs: Iterable[str] | None = None,
    profile: Any = None,
    stem: str | None = None,
    protect: Iterable[str | Path] = (),
    no_mt_reason: str = "",
) -> list[Path]:
    """Write the review outputs of one transcript into ``out_dir``; return the paths written.

    ``formats``: names from :data:`FORMATS` (default: all). ``langs``: target
    languages to show (default: those the transcript has translations for).
    ``profile``: a :class:`~locpipe.profiles.Profile` or a name (default
    netflix). ``stem``: output file stem (default: the source's). The source
    file itself is never overwritten. Flags and findings marked ``ignore``
    (see :func:`locpipe.decisions.apply_decisions`) are left out of the sheets
    (they stay in the JSON with their status).
    """
    from ..profiles import get_profile
    from .rows import build_sheet

    names = parse_formats(formats if formats is not None else None)
    prof = get_profile(profile)
    sheet = build_sheet(transcript, profile=prof, langs=list(langs) if langs is not None else None)
    folder = Path(out_dir)
    name = stem or Path(transcript.path).stem or "transcript"
    guard = tuple(protect) + ((transcript.path,) if transcript.path else ())
    written: list[Path] = []
    for fmt in names:
        written += WRITERS[fmt](transcript, sheet, folder, name, protect=guard, no_mt_reason=no_mt_reason)
    return written


__all__ = ["FORMATS", "WRITERS", "get_writer", "output_paths", "parse_formats", "write_reviews"]
