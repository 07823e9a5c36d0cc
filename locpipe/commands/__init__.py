"""One module per CLI command; see :data:`locpipe.cli.COMMANDS`. Shared option parsing lives here."""

from __future__ import annotations

from ..errors import UsageError


def parse_langs(value: str | None, *, required: bool = True) -> list[str]:
    """``--to es,fr`` → ``["es", "fr"]`` (deduplicated, in order), checking each code's shape."""
    langs = [v.strip() for v in (value or "").split(",") if v.strip()]
    if not langs and required:
        raise UsageError("--to needs at least one language code, e.g. --to es or --to es,fr")
    for lang in langs:
        if not lang.replace("-", "").replace("_", "").isalnum() or len(lang) > 12:
            raise UsageError(f"{lang!r} is not a language code; use codes such as es, fr, pt-br")
    return list(dict.fromkeys(langs))
