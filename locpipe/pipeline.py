"""The batch pipeline behind ``locpipe run``: every stage over many files, in several processes.

:func:`collect_inputs` turns files, folders (recursive) and globs into a list
of subtitle and script files; :func:`output_stems` names each file's review
outputs so that two inputs never write the same file; :func:`process_file`
takes one file through parse → segment → detect → (baseline) → translate
(fit and markup included) → check → decisions → outputs; :func:`run_batch`
runs it over every file, in ``jobs`` worker processes, reporting progress
through a callback, and returns one :class:`~locpipe.report.FileSummary` per
file. One file that fails never stops the others.

Workers share the translation memory (SQLite in WAL mode; each batch of
writes is one transaction) and each keeps its translation models loaded for
all its files (:func:`locpipe.mt.engine.get_engine` caches per process).
Nothing here prints.
"""

from __future__ import annotations

import glob
import os
import queue
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, LocpipeError
from .report import FileSummary

#: Extensions a folder is searched for (``.json``/``.xml`` only when named explicitly: they are
#: usually something else, locpipe's own outputs included).
FOLDER_EXTENSIONS: tuple[str, ...] = (
    ".srt", ".vtt", ".webvtt", ".ass", ".ssa", ".sub", ".mpl", ".tmp", ".ttml", ".dfxp", ".smi", ".sami", ".txt",
    ".fountain", ".spmd",
)
#: Names of files locpipe writes, never taken as inputs from a folder.
_OUTPUT_MARKERS = (".review.", ".locpipe.json", "locpipe-decisions.json")  # a file's sidecar and a folder's
STAGES: tuple[str, ...] = ("parse", "segment", "detect", "baseline", "translate", "check", "write")

Progress = Callable[[str, str], None]  # (file, stage or "done"/"failed")


#: the language a file is read in when neither --from nor its text or name tells (the models the batch
#: checks before it starts are for this source)
DEFAULT_LANGUAGE = "en"


@dataclass
class RunOptions:
    """Everything a worker needs to process a file (picklable).

    Attributes:
        langs: target languages to translate into (empty: no translation).
        asked: target languages asked for (the review sheets say why they are missing).
        out_dir: output folder (``None``: beside each input).
        profile: profile name or TOML path.
        from_lang: source language (``None``: the file's, else :data:`DEFAULT_LANGUAGE`).
        models_dir: Argos packages folder.
        tm: translation memory path, ``None`` for the default, ``False`` for none.
        glossary: glossary file.
        baseline: git revision or file to compare each input with.
        formats: review output formats.
        fps: frame rate for frame-based formats and the minimum gap.
        encoding: input encoding.
        no_mt_reason: why there is no translation (shown in the review sheets).
        protect: inputs never to overwrite.
        ignore: ``--ignore`` rules (:func:`locpipe.decisions.parse_ignore`).
    """

    langs: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    out_dir: str | None = None
    profile: str | None = None
    from_lang: str | None = None
    models_dir: str | None = None
    tm: str | bool | None = None
    glossary: str | None = None
    baseline: str | None = None
    formats: list[str] = field(default_factory=lambda: ["html", "json"])
    fps: float | None = None
    encoding: str | None = None
    no_mt_reason: str = ""
    protect: list[str] = field(default_factory=list)
    ignore: str | None = None


# --------------------------------------------------------------------------- inputs and names


def _readable_extensions() -> set[str]:
    from .formats import FORMATS

    known = {ext for f in FORMATS.values() if f.read is not None for ext in f.extensions}
    return {e for e in FOLDER_EXTENSIONS if e in known or e == ".txt"}


def _is_output(path: Path, siblings: set[str]) -> bool:
    name = path.name
    if any(marker in name for marker in _OUTPUT_MARKERS):
        return True
    # film.es.srt beside film.srt is a translation locpipe wrote, not a source
    parts = name.split(".")
    return len(parts) >= 3 and ".".join([*parts[:-2], parts[-1]]) in siblings and len(parts[-2]) <= 8


def _walk(folder: Path, extensions: set[str]) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        names = set(files)
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in extensions or _is_output(path, names):
                continue
            found.append(path)
    return found


def collect_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to process: files as given, folders searched recursively for subtitle and script files,
    globs expanded (``**`` included). Duplicates are dropped; order is kept. A path that matches
    nothing is an InputError naming it."""
    extensions = _readable_extensions()
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for item in paths:
        p = Path(item)
        if p.is_dir():
            for f in _walk(p, extensions):
                add(f)
        elif p.is_file():
            add(p)
        elif glob.has_magic(str(item)):
            matches = sorted(glob.glob(str(item), recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                raise InputError("matches no file; check the pattern (quote it so the shell leaves it alone)",
                                 path=str(item))
            for f in files:
                add(f)
        else:
            raise InputError("no such file or folder", path=str(item))
    return out


def output_stems(inputs: list[Path], out_dir: str | Path | None) -> dict[Path, str]:
    """The stem of each input's review outputs: its own stem, or ``stem.ext`` when another input
    writing into the same folder has the same stem, or ``folder-stem.ext`` when that collides too."""
    def dest(p: Path) -> Path:
        return Path(out_dir).resolve() if out_dir is not None else p.parent.resolve()

    stems = {p: p.stem for p in inputs}
    for attempt in (lambda p: f"{p.stem}{p.suffix.lower()}",
                    lambda p: f"{p.parent.name or 'root'}-{p.stem}{p.suffix.lower()}"):
        groups: dict[tuple[Path, str], list[Path]] = {}
        for p in inputs:
            groups.setdefault((dest(p), stems[p].lower()), []).append(p)
        clashing = [p for group in groups.values() if len(group) > 1 for p in group]
        if not clashing:
            break
        for p in clashing:
            stems[p] = attempt(p)
    return stems


def translation_output(path: Path, lang: str, out_dir: str | Path | None) -> Path:
    """``<stem>.<lang>.<ext>`` in ``out_dir`` (else beside the input)."""
    folder = Path(out_dir) if out_dir is not None else path.parent
    return folder / f"{path.stem}.{lang}{path.suffix}"


# --------------------------------------------------------------------------- one file


def process_file(path: Path, stem: str, options: RunOptions, progress: Progress | None = None) -> FileSummary:
    """Take one file through every stage and write its outputs; a LocpipeError propagates."""
    from . import formats
    from .decisions import apply_decisions, decisions_for, parse_ignore
    from .profiles import get_profile
    from .review import write_reviews
    from .stages.check import CHECKS, check
    from .stages.diff import changed_flags, diff_against, keep_changed, mark_segments, read_baseline
    from .stages.segment import segment

    started = time.perf_counter()
    summary = FileSummary(path=str(path))

    def stage(name: str) -> None:
        if progress is not None:
            progress(str(path), name)

    profile = get_profile(options.profile)
    stage("parse")
    transcript = formats.load(path, encoding=options.encoding, fps=options.fps, language=options.from_lang or "")
    transcript.language = transcript.language or options.from_lang or DEFAULT_LANGUAGE
    summary.cues = len(transcript.cues)
    stage("segment")
    segment(transcript)
    stage("detect")
    if transcript.segments:
        from .detect import detect

        detect(transcript, lang=options.from_lang)
    diff = None
    old = None
    if options.baseline:
        stage("baseline")
        old = read_baseline(path, options.baseline, fps=options.fps, encoding=options.encoding,
                            language=transcript.language)
        diff = diff_against(transcript, old)
        summary.segment_status = mark_segments(transcript, diff)
    langs = list(options.langs)
    no_mt_reason = options.no_mt_reason
    src = transcript.language
    if langs and not options.from_lang and src != DEFAULT_LANGUAGE:
        # the file's language was read from it and is not the one the batch's models were checked for: a
        # Spanish file among English ones may have no model into some --to language, or be in one of them
        # already; it is translated into the others
        from .errors import UsageError
        from .mt.packages import split_routes

        langs, problems = split_routes(src, langs, options.models_dir)
        notes = [f"already in {src}, so not translated into {lang}" if isinstance(err, UsageError)
                 else f"{err}; {lang} not translated" for lang, err in problems]
        if notes:
            summary.note = "; ".join(notes) + ("" if langs else ", reviewed from the source")
            no_mt_reason = no_mt_reason if langs else summary.note
    if langs:
        stage("translate")
        from .mt.pipeline import translate

        stats = translate([transcript], langs, from_lang=options.from_lang, models_dir=options.models_dir,
                          tm=options.tm, glossary=options.glossary, profile=profile)
        summary.translated = stats.translated
        summary.tm_hits = stats.tm_hits
    stage("check")
    wanted = [c.id for c in CHECKS.values() if c.scope not in ("parse", "flags")]
    found = check(transcript, profile=profile, fps=options.fps, checks=wanted)
    for lang in langs:
        found += check(transcript, profile=profile, lang=lang, fps=options.fps, checks=wanted)
    transcript.findings = transcript.findings + found
    if diff is not None:
        transcript.findings = keep_changed(transcript, diff, transcript.findings, old.findings if old else [])
        transcript.flags = changed_flags(diff, transcript.flags)
    apply_decisions(transcript, decisions_for(path, options.out_dir, ignore=parse_ignore(options.ignore)))

    stage("write")
    written: list[Path] = []
    for lang in langs:
        target = translation_output(path, lang, options.out_dir)
        formats.save(transcript, target, lang=lang, protect=options.protect)
        written.append(target)
    out_dir = Path(options.out_dir) if options.out_dir is not None else path.parent
    written += write_reviews(transcript, out_dir, formats=options.formats, langs=langs or None, profile=profile,
                             stem=stem, protect=options.protect, no_mt_reason=no_mt_reason)
    summary.outputs = [str(p) for p in written]
    summary.flags = dict(Counter(f.kind for f in transcript.flags if f.status != "ignore"))
    summary.findings = dict(Counter(f.severity for f in transcript.findings if f.status != "ignore"))
    summary.seconds = time.perf_counter() - started
    return summary


def safe_process(path: Path, stem: str, options: RunOptions, progress: Progress | None = None) -> FileSummary:
    """:func:`process_file`, turning any failure into a failed summary (the batch goes on)."""
    started = time.perf_counter()
    try:
        return process_file(path, stem, options, progress)
    except LocpipeError as err:
        message = err.message if err.path == str(path) else str(err)
        return FileSummary(path=str(path), ok=False, error=message, seconds=time.perf_counter() - started)
    except Exception as err:  # a bug: report it with its traceback, do the other files
        detail = "".join(traceback.format_exception(err)).rstrip()
        return FileSummary(path=str(path), ok=False, seconds=time.perf_counter() - started,
                           error=f"internal error (a bug in locpipe; please report it): "
                                 f"{type(err).__name__}: {err}\n{detail}")


# --------------------------------------------------------------------------- many files

_QUEUE: Any = None


def _init_worker(events: Any) -> None:
    global _QUEUE
    _QUEUE = events


def _worker(path: str, stem: str, options: RunOptions) -> FileSummary:
    def progress(file: str, stage: str) -> None:
        if _QUEUE is not None:
            _QUEUE.put((file, stage))

    return safe_process(Path(path), stem, options, progress)


def run_batch(inputs: list[Path], options: RunOptions, *, jobs: int = 1,
              progress: Progress | None = None) -> list[FileSummary]:
    """Process every input (in ``jobs`` processes when > 1); summaries in input order."""
    stems = output_stems(inputs, options.out_dir)
    results: dict[Path, FileSummary] = {}
    if jobs <= 1 or len(inputs) <= 1:
        for path in inputs:
            result = safe_process(path, stems[path], options, progress)
            results[path] = result
            if progress is not None:
                progress(str(path), "done" if result.ok else "failed")
        return [results[p] for p in inputs]

    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # "spawn", never "fork": a parent that already ran CTranslate2 or spaCy (OpenMP thread pools)
    # deadlocks its forked children on their first translation.
    context = multiprocessing.get_context("spawn")
    events = context.Queue()

    def drain() -> None:
        while True:
            try:
                file, stage = events.get_nowait()
            except queue.Empty:
                return
            if progress is not None:
                progress(file, stage)

    with ProcessPoolExecutor(max_workers=min(jobs, len(inputs)), mp_context=context, initializer=_init_worker,
                             initargs=(events,)) as pool:
        futures = {pool.submit(_worker, str(p), stems[p], options): p for p in inputs}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            drain()
            for future in done:
                path = futures[future]
                try:
                    result = future.result()
                except Exception as err:  # the worker died (killed, out of memory)
                    result = FileSummary(path=str(path), ok=False,
                                         error=f"the worker process failed: {type(err).__name__}: {err}")
                results[path] = result
                if progress is not None:
                    progress(str(path), "done" if result.ok else "failed")
        drain()
    events.close()
    return [results[p] for p in inputs]


__all__ = ["FOLDER_EXTENSIONS", "RunOptions", "STAGES", "collect_inputs", "output_stems", "process_file",
           "run_batch", "safe_process", "translation_output"]
