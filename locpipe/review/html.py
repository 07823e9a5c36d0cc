"""The HTML review sheet: one self-contained file (no external fonts, scripts or styles).

Rendered with jinja2 from ``locpipe/templates/review.html.j2`` with
autoescape on: subtitle text is only ever a template *value*, never template
source, so ``<script>``, ``{{ }}``, entities and event handlers in a cue are
shown as text. A Content-Security-Policy meta allows only the page's own
inline style and script (a fresh nonce per sheet), no network at all.
"""

from __future__ import annotations

import json
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..io import atomic_open
from ..model import SEVERITIES, severity_rank
from .rows import KIND_COLOURS, OTHER_COLOUR, Sheet, finding_ref, flag_ref, fmt_cps, timecode

TEMPLATE = "review.html.j2"


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("locpipe", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "j2", "xml"), default=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _conf_class(confidence: float) -> str:
    if confidence >= 0.75:
        return "high"
    if confidence >= 0.5:
        return "mid"
    return "low"


def _values(sheet: Sheet, no_mt_reason: str, nonce: str | None) -> dict[str, Any]:
    from .. import __version__

    return {
        "sheet": sheet,
        "nonce": nonce or secrets.token_urlsafe(18),
        "version": __version__,
        "meta_json": json.dumps(sheet.meta(), ensure_ascii=False, sort_keys=True),
        "colours": KIND_COLOURS,
        "other_colour": OTHER_COLOUR,
        "kinds": list(sheet.flag_counts),
        "severities": SEVERITIES,
        "no_mt_reason": no_mt_reason or "no target language was asked for (use --to LANG).",
        "tc": timecode,
        "fmt_cps": fmt_cps,
        "flag_ref": flag_ref,
        "finding_ref": finding_ref,
        "conf_class": _conf_class,
        "sev_rank": lambda s: severity_rank(s) if s else len(SEVERITIES),
    }


def render_html(sheet: Sheet, *, no_mt_reason: str = "", nonce: str | None = None) -> str:
    """The review sheet as one HTML document (``nonce``: the CSP nonce, default a fresh random one)."""
    return str(_environment().get_template(TEMPLATE).render(**_values(sheet, no_mt_reason, nonce)))


#: characters gathered before one write (the template yields many small pieces)
CHUNK_CHARS = 1 << 16


def write_html(sheet: Sheet, path: str | Path, *, protect: tuple[str | Path, ...] = (), no_mt_reason: str = "",
               nonce: str | None = None) -> Path:
    """Write the sheet to ``path`` atomically, streamed: the document is never whole in memory
    (the same bytes as :func:`render_html`)."""
    pieces = _environment().get_template(TEMPLATE).generate(**_values(sheet, no_mt_reason, nonce))
    with atomic_open(path, "wb", protect=protect) as fh:
        buffer: list[str] = []
        size = 0
        for piece in pieces:
            buffer.append(piece)
            size += len(piece)
            if size >= CHUNK_CHARS:
                fh.write("".join(buffer).encode("utf-8"))
                buffer, size = [], 0
        fh.write("".join(buffer).encode("utf-8"))
    return Path(path)
