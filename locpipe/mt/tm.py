"""Translation memory: a SQLite database of translated segments, safe for concurrent runs.

One row per (engine, options, source language, target language, source
segment text). ``engine`` is the package id and version (``name@version``,
``a+b`` for a pivot), so upgrading a package invalidates its rows; ``options``
holds what changes the output (beam size). Reviewed translations are stored
with ``engine = "review"`` and empty options: they do not depend on the model,
and a lookup prefers them over machine output, so a later run carries a
translator's work forward.

Several processes may read and write one memory at once (``locpipe run
--jobs``, two CI jobs): WAL journal, a busy timeout, and each batch of writes
in one ``BEGIN IMMEDIATE`` transaction with upserts.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, OutputError

SCHEMA_VERSION = 1
REVIEW_ENGINE = "review"
_CHUNK = 400  # below SQLite's default limit on bound variables

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tm (
    engine TEXT NOT NULL,
    options TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    confidence REAL NOT NULL DEFAULT 0,
    alternatives TEXT NOT NULL DEFAULT '[]',
    alignment TEXT NOT NULL DEFAULT '[]',
    origin TEXT NOT NULL DEFAULT 'mt',
    created REAL NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (engine, options, source_lang, target_lang, source)
);
CREATE INDEX IF NOT EXISTS tm_source ON tm (source_lang, target_lang, source);
"""


@dataclass
class TMEntry:
    """One stored translation.

    Attributes:
        source: source segment text.
        target: its translation.
        confidence: 0..1 (1.0 for a reviewed translation).
        alternatives: other candidates, best first.
        alignment: ``[source_word, target_word]`` pairs.
        origin: ``mt`` or ``review``.
        engine: the engine id it came from (``review`` for a human).
    """

    source: str
    target: str
    confidence: float = 0.0
    alternatives: list[str] = field(default_factory=list)
    alignment: list[list[int]] = field(default_factory=list)
    origin: str = "mt"
    engine: str = ""


def _retry_locked(action: Callable[[], None], timeout: float) -> None:
    """Run ``action``, retrying with backoff while SQLite says the file is locked or busy."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            action()
            return
        except sqlite3.OperationalError as err:
            text = str(err)
            if ("locked" not in text and "busy" not in text) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


class TranslationMemory:
    """A translation memory file. Counters ``hits``/``misses`` count :meth:`lookup` results."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0):
        self.path = Path(path)
        self.hits = 0
        self.misses = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(
                f"cannot create the translation memory's folder: {err.strerror or err}; "
                "choose another --tm PATH or use --no-tm",
                path=self.path,
            ) from err
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves
            self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            # Switching a new file to WAL takes an exclusive lock, and SQLite answers
            # "database is locked" at once, without its busy handler, when another
            # process is creating the same file: retry that part ourselves.
            _retry_locked(self._setup, timeout)
        except sqlite3.DatabaseError as err:
            raise self._error(err) from err

    def _setup(self) -> None:
        mode = self._db.execute("PRAGMA journal_mode").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._init_schema()

    def _error(self, err: sqlite3.Error) -> InputError | OutputError:
        text = str(err)
        if "readonly" in text or "unable to open" in text:
            return OutputError(
                f"cannot write the translation memory ({text}); choose another --tm PATH or use --no-tm",
                path=self.path,
            )
        return InputError(
            f"not a usable translation memory ({text}); move it away, choose another --tm PATH "
            "or use --no-tm",
            path=self.path,
        )

    def _init_schema(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            elif int(row[0]) > SCHEMA_VERSION:
                raise InputError(
                    f"translation memory schema {row[0]} is newer than this locpipe understands "
                    f"({SCHEMA_VERSION}); upgrade locpipe or use another --tm PATH",
                    path=self.path,
                )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(
        self, *, engine: str, options: str, source_lang: str, target_lang: str, sources: Iterable[str]
    ) -> dict[str, TMEntry]:
        """Stored translations of ``sources``: a reviewed one when there is one, else this engine's."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, TMEntry] = {}
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    "SELECT source, target, confidence, alternatives, alignment, origin, engine FROM tm "
                    f"WHERE source_lang = ? AND target_lang = ? AND source IN ({marks}) "
                    "AND ((engine = ? AND options = ?) OR engine = ?)",
                    (source_lang, target_lang, *chunk, engine, options, REVIEW_ENGINE),
                ).fetchall()
                for source, target, conf, alts, align, origin, eng in rows:
                    if source in found and found[source].origin == "review":
                        continue
                    found[source] = TMEntry(
                        source, target, float(conf), json.loads(alts), json.loads(align), origin, eng
                    )
        except sqlite3.Error as err:
            raise self._error(err) from err
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def store(
        self, *, engine: str, options: str, source_lang: str, target_lang: str, entries: Iterable[TMEntry]
    ) -> int:
        """Insert or replace ``entries`` in one transaction; returns how many were written."""
        now = time.time()
        rows = []
        for e in entries:
            eng, opts = (REVIEW_ENGINE, "") if e.origin == "review" else (engine, options)
            rows.append(
                (
                    eng,
                    opts,
                    source_lang,
                    target_lang,
                    e.source,
                    e.target,
                    e.confidence,
                    json.dumps(e.alternatives, ensure_ascii=False),
                    json.dumps(e.alignment),
                    e.origin,
                    now,
                    now,
                )
            )
        if not rows:
            return 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT INTO tm (engine, options, source_lang, target_lang, source, target, confidence, "
                    "alternatives, alignment, origin, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (engine, options, source_lang, target_lang, source) DO UPDATE SET "
                    "target = excluded.target, confidence = excluded.confidence, "
                    "alternatives = excluded.alternatives, alignment = excluded.alignment, "
                    "origin = excluded.origin, updated = excluded.updated",
                    rows,
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise self._error(err) from err
        return len(rows)

    def store_review(self, *, source_lang: str, target_lang: str, pairs: Iterable[tuple[str, str]]) -> int:
        """Store human translations (``origin = review``) so later runs reuse them."""
        entries = [TMEntry(s, t, 1.0, [], [], "review", REVIEW_ENGINE) for s, t in pairs]
        return self.store(engine=REVIEW_ENGINE, options="", source_lang=source_lang, target_lang=target_lang, entries=entries)

    def count(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM tm").fetchone()
        return int(row[0])


def default_tm_path(models_dir: str | Path | None = None) -> Path:
    """``models/tm.sqlite`` in the models folder locpipe uses."""
    from .packages import resolve_models_dir

    return Path(resolve_models_dir(models_dir)) / "tm.sqlite"


def open_tm(tm: TranslationMemory | str | Path | bool | None, *, models_dir: str | Path | None = None) -> TranslationMemory | None:
    """Resolve the pipeline's ``tm`` option: an open memory, a path, None (default path) or False (none)."""
    if tm is False:
        return None
    if isinstance(tm, TranslationMemory):
        return tm
    if tm is None or tm is True:
        return TranslationMemory(default_tm_path(models_dir))
    return TranslationMemory(tm)
