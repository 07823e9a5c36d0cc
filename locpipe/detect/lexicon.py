"""Loading and validating lexicon files (``locpipe/lexicons/<lang>/<file>.jsonl``).

The format is documented in ``docs/lexicons.md``. Every entry is checked when
it is loaded: a bad line is a :class:`~locpipe.errors.LexiconError` naming the
file and line and saying what to change, never a silent skip.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError

#: The package's own lexicons.
PACKAGE_LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"

#: file stem -> what it holds: the flag kind, valid labels and the extra fields checked.
FILES: dict[str, dict[str, Any]] = {
    "idioms": {"kind": "idiom", "labels": ("idiom", "phrasal", "saying", "expression")},
    "culture": {
        "kind": "culture",
        "labels": (
            "food", "holiday", "sport", "education", "institution", "law", "brand", "media",
            "person", "place", "currency", "unit", "address", "custom",
        ),
    },
    "puns": {"kind": "humor", "labels": ("pun", "homophone")},
    "humor": {"kind": "humor", "labels": ("sarcasm", "irony", "joke", "catchphrase", "laughter")},
    "dialect": {
        "kind": "dialect",
        "labels": ("vocabulary", "grammar", "eye-dialect", "slang", "profanity", "address", "code-switch"),
    },
}

SPREADS = ("transcultural", "monocultural", "microcultural")
DIALECT_KINDS = ("dialect", "slang", "profanity", "register")
STRENGTHS = ("mild", "moderate", "strong")
FORMALITIES = ("T", "V")
_ID_RE = re.compile(r"^[a-z]{2,3}\.[a-z]+\.[a-z0-9][a-z0-9._'-]*$")


@dataclass
class Lexicon:
    """All lexicon entries of one language, by file stem.

    Attributes:
        lang: language code.
        root: the folder the files were read from (``root/lang/*.jsonl``).
        files: file stem (``idioms``, ``culture`` …) -> entries in file order.
        by_id: every entry by its id.
    """

    lang: str
    root: str
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def entries(self, stem: str) -> list[dict[str, Any]]:
        return self.files.get(stem, [])

    def __len__(self) -> int:
        return len(self.by_id)


def lexicon_root(root: str | Path | None = None) -> Path:
    """The lexicon folder: ``root``, else ``$LOCPIPE_LEXICON_DIR``, else the package's."""
    if root is not None:
        return Path(root)
    env = os.environ.get("LOCPIPE_LEXICON_DIR")
    return Path(env) if env else PACKAGE_LEXICONS


def _fail(path: Path, line: int, message: str) -> LexiconError:
    return LexiconError(f"{message}; fix or remove that line (format: docs/lexicons.md)", path=path, line=line)


def validate_entry(entry: Any, *, stem: str, lang: str, path: Path, line: int) -> dict[str, Any]:
    """Check one entry's fields; return it with defaults filled in."""
    if not isinstance(entry, dict):
        raise _fail(path, line, "an entry must be a JSON object")
    spec = FILES[stem]
    for name in ("id", "label", "pattern", "gloss"):
        if name not in entry or entry[name] in ("", None, []):
            raise _fail(path, line, f"missing required field {name!r}")
    entry_id = entry["id"]
    if not isinstance(entry_id, str) or not _ID_RE.match(entry_id):
        raise _fail(path, line, f"id {entry_id!r} is not of the form '<lang>.<file>.<slug>' in lowercase")
    if not entry_id.startswith(f"{lang}."):
        raise _fail(path, line, f"id {entry_id!r} must start with the language code '{lang}.'")
    label = entry["label"]
    if label not in spec["labels"]:
        raise _fail(path, line, f"label {label!r} is not one of {', '.join(spec['labels'])}")
    if not isinstance(entry["gloss"], str):
        raise _fail(path, line, "gloss must be a string")
    if len(entry["gloss"]) > 160:
        raise _fail(path, line, f"gloss is {len(entry['gloss'])} characters; keep it under 120")
    pattern = entry["pattern"]
    if not isinstance(pattern, str | list):
        raise _fail(path, line, "pattern must be a template string or a list of token dicts")
    if isinstance(pattern, list) and not all(isinstance(t, dict) for t in pattern):
        raise _fail(path, line, "a token pattern must be a list of objects (spaCy Matcher format)")
    if stem == "idioms":
        literal = entry.get("literal", [])
        if not isinstance(literal, list) or not all(isinstance(w, str) for w in literal):
            raise _fail(path, line, "literal must be a list of words")
    elif stem == "culture":
        spread = entry.setdefault("spread", "monocultural")
        if spread not in SPREADS:
            raise _fail(path, line, f"spread {spread!r} is not one of {', '.join(SPREADS)}")
    elif stem == "puns":
        if label == "pun":
            senses = entry.get("senses")
            if not isinstance(senses, list) or len(senses) < 2:
                raise _fail(path, line, "a pun entry needs 'senses': a list of at least two")
            for sense in senses:
                if (
                    not isinstance(sense, dict)
                    or not isinstance(sense.get("sense"), str)
                    or not isinstance(sense.get("context", []), list)
                ):
                    raise _fail(path, line, "each sense must be {'sense': '...', 'context': [words]}")
                collocates = sense.get("collocates", [])
                if not isinstance(collocates, list) or not all(isinstance(w, str) and w for w in collocates):
                    raise _fail(path, line, "a sense's 'collocates' must be a list of words")
        else:
            sounds = entry.get("sounds_like")
            if isinstance(sounds, str):
                entry["sounds_like"] = sounds = [sounds]
            if not isinstance(sounds, list) or not sounds or not all(isinstance(s, str) for s in sounds):
                raise _fail(path, line, "a homophone entry needs 'sounds_like': the other spelling(s)")
    elif stem == "dialect":
        kind = entry.get("kind")
        if kind not in DIALECT_KINDS:
            raise _fail(path, line, f"kind {kind!r} is not one of {', '.join(DIALECT_KINDS)}")
        if not isinstance(entry.get("variety", ""), str) or not entry.get("variety"):
            raise _fail(path, line, "missing required field 'variety' (e.g. Scottish, US South, General)")
        if label == "profanity" or kind == "profanity":
            strength = entry.setdefault("strength", "moderate")
            if strength not in STRENGTHS:
                raise _fail(path, line, f"strength {strength!r} is not one of {', '.join(STRENGTHS)}")
        if label == "address" and entry.get("formality") not in (None, *FORMALITIES):
            raise _fail(path, line, f"formality {entry.get('formality')!r} is not T or V")
    entry["_file"] = stem
    entry["_kind"] = entry.get("kind") if stem == "dialect" else spec["kind"]
    return entry


def file_stem(path: Path) -> str:
    """``idioms`` for ``idioms.jsonl`` and for a part such as ``idioms-british.jsonl``."""
    return path.stem.split("-", 1)[0]


def read_file(path: Path, *, lang: str) -> list[dict[str, Any]]:
    """Read and validate one JSONL lexicon file.

    A file may be split in parts named ``<stem>-<part>.jsonl`` (``idioms-british.jsonl``):
    each part is read as ``<stem>``.
    """
    stem = file_stem(path)
    if stem not in FILES:
        raise LexiconError(
            f"unknown lexicon file name; rename it to one of {', '.join(f + '.jsonl' for f in FILES)} "
            "(or <name>-<part>.jsonl)",
            path=path,
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"cannot read: {err}; save it as UTF-8 text", path=path) from err
    entries: list[dict[str, Any]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise _fail(path, number, f"not valid JSON ({err.msg} at column {err.colno})") from err
        entries.append(validate_entry(data, stem=stem, lang=lang, path=path, line=number))
        entries[-1]["_line"] = number
        entries[-1]["_path"] = str(path)
    return entries


@lru_cache(maxsize=16)
def _load(lang: str, root: str) -> Lexicon:
    lexicon = Lexicon(lang=lang, root=root)
    folder = Path(root) / lang
    if not folder.is_dir():
        return lexicon  # no lexicon for this language yet: the grammar rules still run
    for path in sorted(folder.glob("*.jsonl")):
        entries = read_file(path, lang=lang)
        lexicon.files.setdefault(file_stem(path), []).extend(entries)
        for entry in entries:
            if entry["id"] in lexicon.by_id:
                other = lexicon.by_id[entry["id"]]
                raise LexiconError(
                    f"duplicate id {entry['id']!r} (also at {other['_path']}:{other['_line']}); "
                    "give one of them a new id",
                    path=path,
                    line=entry["_line"],
                )
            lexicon.by_id[entry["id"]] = entry
    return lexicon


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build long-lived detection data (lexicons, matchers, domains) with the cycle collector off.

    They are hundreds of thousands of small objects that all stay alive: a collection in the middle
    walks them all again and costs more than the build. The previous state is restored after.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def load_lexicon(lang: str, root: str | Path | None = None) -> Lexicon:
    """Load and validate every ``<root>/<lang>/*.jsonl`` (cached per process).

    A missing or empty folder gives an empty lexicon.
    """
    return _load(lang, str(lexicon_root(root).resolve()))


def clear_cache() -> None:
    """Forget loaded lexicons (after editing a file in the same process)."""
    _load.cache_clear()
