"""Detection: what a translator must not miss — idioms, culture-bound references, humor, dialect.

:func:`detect` runs a spaCy pipeline per source language over a transcript's
segments (in batches) and turns what it finds into :class:`locpipe.model.Flag`
objects. :func:`get_nlp` builds that pipeline offline: ``spacy.blank(lang)``
with the lookup lemmatizer, or a trained pipeline when one is given or found
under ``models/spacy/``, plus locpipe's components
(:mod:`locpipe.detect.components`) fed from ``locpipe/lexicons/<lang>/*.jsonl``.

spaCy is imported inside the functions: importing this package is cheap.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import threading
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError, UsageError
from ..model import FLAG_KINDS, Cue, Finding, Flag, Segment, SegmentPart, Transcript

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DETECTORS", "detect", "get_nlp", "find_spacy_model", "merge_flags", "parse_kinds"]

#: detector name -> the flag kinds it produces and the pipeline components it needs
DETECTORS: dict[str, dict[str, tuple[str, ...]]] = {
    "idiom": {"kinds": ("idiom",), "pipes": ("locpipe_idioms",)},
    "culture": {"kinds": ("culture",), "pipes": ("locpipe_culture", "locpipe_quantities")},
    "humor": {"kinds": ("humor",), "pipes": ("locpipe_puns", "locpipe_humor", "locpipe_idioms")},
    "dialect": {"kinds": ("dialect", "slang", "profanity", "register"), "pipes": ("locpipe_dialect", "locpipe_grammar")},
}
_LEXICON_PIPES = {"idioms": "locpipe_idioms", "culture": "locpipe_culture", "puns": "locpipe_puns",
                  "humor": "locpipe_humor", "dialect": "locpipe_dialect"}
_CACHE: dict[tuple[str, str, str], Language] = {}
_LOCK = threading.Lock()
BATCH_SIZE = 512
#: a segment longer than this (characters) is not dialogue (a whole paragraph or file without a sentence
#: end): it is read in windows of :data:`WINDOW_CHARS`, with a ``detect.long-segment`` finding
MAX_SEGMENT_CHARS = 2_000
WINDOW_CHARS = 1_000
LONG_SEGMENT = "detect.long-segment"
#: the language's word splitter needs a library that is not installed: read with the multi-language pipeline
NO_TOKENIZER = "detect.no-tokenizer"
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "´": "'", "`": "'"})


def parse_kinds(kinds: str | list[str] | tuple[str, ...] | None) -> set[str] | None:
    """'idiom,culture' → {'idiom', 'culture'}; None → every kind. Unknown names are a UsageError."""
    if kinds is None:
        return None
    names = [k.strip() for k in (kinds.split(",") if isinstance(kinds, str) else kinds) if k.strip()]
    unknown = [k for k in names if k not in FLAG_KINDS]
    if unknown:
        raise UsageError(f"unknown flag kind {', '.join(repr(k) for k in unknown)}; choose from {', '.join(FLAG_KINDS)}")
    return set(names)


def _repo_models() -> list[Path]:
    here = Path(__file__).resolve().parent.parent.parent
    return [Path.cwd() / "models" / "spacy", here / "models" / "spacy"]


def find_spacy_model(lang: str) -> Path | None:
    """A trained spaCy pipeline for ``lang`` under ``models/spacy/`` (a folder with meta.json), if any."""
    for root in _repo_models():
        if not root.is_dir():
            continue
        for meta in sorted(root.glob("*/meta.json")):
            try:
                data = json.loads(meta.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if data.get("lang") == lang:
                return meta.parent
    return None


def _load_trained(spacy_model: str, lang: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(spacy_model)
    except (OSError, ValueError, KeyError) as err:
        raise ModelError(
            f"cannot load the spaCy pipeline {spacy_model!r}: {str(err).splitlines()[0][:200]}; "
            "pass an installed package name or the path of an nlp.to_disk() folder, or leave out --spacy-model"
        ) from err
    if nlp.lang != lang:
        raise ModelError(
            f"the spaCy pipeline {spacy_model!r} is for {nlp.lang!r}, not {lang!r}; "
            f"pass a {lang} pipeline or leave out --spacy-model"
        )
    return nlp


class NoTokenizer(Exception):
    """spaCy knows the language, but its word splitter needs a library that is not installed
    (Japanese: SudachiPy; Korean: mecab-ko; Thai: PyThaiNLP; Vietnamese: Pyvi)."""


def _blank(lang: str) -> Language:
    import spacy

    try:
        known = lang.isalpha() and importlib.util.find_spec(f"spacy.lang.{lang}") is not None
    except (ImportError, ValueError):
        known = False
    unknown = UsageError(f"spaCy has no language {lang!r}; pass a language code such as en, es, fr")
    if not known:
        raise unknown
    try:
        nlp = spacy.blank(lang)
    except ImportError as err:
        raise NoTokenizer(str(err).splitlines()[0].split(" (http")[0].split(": http")[0]) from err
    except (KeyError, ValueError) as err:
        raise unknown from err
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, KeyError, OSError, ImportError):
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")  # no lookup table for this language: surface forms only
    return nlp


def get_nlp(lang: str, spacy_model: str | None = None, *, lexicon_dir: str | Path | None = None) -> Language:
    """The detection pipeline for ``lang`` (built once per process and cached).

    Args:
        lang: source language code.
        spacy_model: a trained spaCy pipeline (package name or path) whose entities are
            used as extra evidence; ``None`` looks under ``models/spacy/`` and falls back
            to a blank pipeline.
        lexicon_dir: the lexicon root (``<dir>/<lang>/*.jsonl``); default: the package's.
    """
    from . import components  # noqa: F401  (registers the factories)
    from .domains import load_domains
    from .lexicon import collector_paused, lexicon_root, load_lexicon

    root = str(lexicon_root(lexicon_dir).resolve())
    model = spacy_model or ""
    if not model:
        found = find_spacy_model(lang)
        model = str(found) if found else ""
    key = (lang, model, root)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        # the pipeline is millions of small long-lived objects (patterns, matchers, lexicon entries,
        # the pun senses' topic domains): the cycle collector walking them again and again cost a third
        # of the load time and, later, pauses of up to a second inside detection. Build without it, then
        # move them out of its way.
        with collector_paused():
            lexicon = load_lexicon(lang, root)
            nlp = _build(lang, model, root, lexicon)
            load_domains(lexicon)
        gc.freeze()
        _CACHE[key] = nlp
        return nlp


def _build(lang: str, model: str, root: str, lexicon: Any) -> Language:
    """A new detection pipeline: the blank (or trained) pipeline, then our components."""
    if model:
        nlp = _load_trained(model, lang)
        nlp.add_pipe("locpipe_lemma_norm", config={"overwrite": True})
    else:
        nlp = _blank(lang)
        nlp.add_pipe("locpipe_lemma_norm")
    for stem, pipe in _LEXICON_PIPES.items():
        if lexicon.entries(stem):
            nlp.add_pipe("locpipe_lexicon", name=pipe, config={
                "lang": lang, "lexicon_dir": root, "stem": stem, "spans_key": _span_key(stem)})
    nlp.add_pipe("locpipe_quantities", name="locpipe_quantities")
    nlp.add_pipe("locpipe_grammar", name="locpipe_grammar")
    nlp.meta["locpipe_model"] = model
    return nlp


def _span_key(stem: str) -> str:
    from .components import SPAN_KEYS

    return SPAN_KEYS[stem]


def merge_flags(flags: list[Flag]) -> list[Flag]:
    """One flag per meaning: fold a culture flag into the flag that says the same thing better.

    - a culture ``address`` entry and a register address flag on the same words → the register
      flag, with the culture gloss as extra evidence;
    - a culture term inside an idiom ("every penny" in "worth every penny") → the idiom, with
      the culture reference as extra evidence.
    """
    by_segment: dict[str, list[Flag]] = {}
    for flag in flags:
        by_segment.setdefault(flag.segment, []).append(flag)
    dropped: set[int] = set()
    for group in by_segment.values():
        # the flags a culture flag can fold into, by start: a culture flag looks only at those that can
        # contain it (not at every flag of its segment: a segment may be a whole file)
        hosts = sorted((f.start, k, f) for k, f in enumerate(group) if f.kind in ("register", "idiom"))
        if not hosts:
            continue
        starts = [h[0] for h in hosts]
        longest = max(f.end - f.start for _s, _k, f in hosts)
        for flag in group:
            if flag.kind != "culture":
                continue
            found: tuple[int, Flag] | None = None
            j = bisect_right(starts, flag.start) - 1
            while j >= 0 and starts[j] >= flag.end - longest:
                _start, k, other = hosts[j]
                j -= 1
                if found is not None and found[0] < k or not (other.start <= flag.start and flag.end <= other.end):
                    continue
                if other.kind == "idiom" or flag.label == "address" and other.label == "address":
                    found = (k, other)
            if found is None:
                continue
            other = found[1]
            if other.kind == "register":
                other.evidence.append(f"also a culture-bound form of address ({flag.rule_id}): {flag.gloss}")
            else:
                other.evidence.append(f"contains the {flag.label} reference '{flag.text}' ({flag.rule_id}): {flag.gloss}")
            dropped.add(id(flag))
    out: list[Flag] = []
    seen: dict[tuple[str, int, int, str, str], Flag] = {}
    for flag in flags:
        if id(flag) in dropped:
            continue
        key = (flag.segment, flag.start, flag.end, flag.kind, flag.label)
        first = seen.get(key)
        if first is None:
            seen[key] = flag
            out.append(flag)
            continue
        # the same words flagged twice for the same reason by two rules: one flag, both rules' evidence
        first.evidence.extend(e for e in [f"also found by {flag.rule_id}", *flag.evidence] if e not in first.evidence)
        first.confidence = max(first.confidence, flag.confidence)
    return out


def _segments(transcript: Transcript) -> None:
    """Fill ``transcript.segments`` with the segmentation stage, or one segment per cue without it."""
    try:
        from ..stages.segment import segment as run_segment
    except ImportError:
        run_segment = None  # type: ignore[assignment]
    if run_segment is not None:
        run_segment(transcript)
        return
    count = 0
    for cue in transcript.cues:
        if cue.kind in ("karaoke", "drawing", "comment"):
            continue
        text = cue.text
        start = len(text) - len(text.lstrip())
        if text[start:start + 2] == "- ":
            start += 2
        end = len(text.rstrip())
        if end <= start:
            continue
        count += 1
        transcript.segments.append(Segment(
            id=f"s{count:04d}", parts=[SegmentPart(cue.index, start, end)],
            text=text[start:end].replace("\n", " "), speaker=cue.speaker,
        ))


def detect(
    transcript: Transcript,
    *,
    lang: str | None = None,
    kinds: str | list[str] | tuple[str, ...] | set[str] | None = None,
    spacy_model: str | None = None,
    lexicon_dir: str | Path | None = None,
) -> Transcript:
    """Fill ``transcript.flags`` with what a translator must not miss; return the transcript.

    Args:
        transcript: a parsed transcript; segmented here when its segments are empty.
        lang: source language; default ``transcript.language``, else ``en``.
        kinds: flag kinds to keep (names from :data:`locpipe.model.FLAG_KINDS`, or a
            comma-separated string); ``None`` keeps all.
        spacy_model: a trained spaCy pipeline (name or path) used as extra evidence.
        lexicon_dir: lexicon root to read instead of the package's (tests, custom lexicons).
    """
    from . import culture, dialect, humor, idioms
    from .components import token_lists
    from .context import Context, Item, LightDoc
    from .lexicon import load_lexicon

    wanted = parse_kinds(sorted(kinds) if isinstance(kinds, set) else kinds)
    language = (lang or transcript.language or "en").lower().split("-")[0].split("_")[0]
    if not transcript.segments:
        _segments(transcript)
    said: list[Finding] = []
    try:
        nlp = get_nlp(language, spacy_model, lexicon_dir=lexicon_dir)
    except (NoTokenizer, UsageError) as err:
        if isinstance(err, UsageError) and lang:
            raise  # --from names a language spaCy does not have: the user's to fix
        # the file's own language (read from it) has no word splitter installed here, or no spaCy pipeline:
        # the multi-language pipeline still reads numbers, units, laughter cues and the other
        # language-independent signs, and the file is not lost
        why = (f"no {language} word splitter is installed ({err})" if isinstance(err, NoTokenizer)
               else f"spaCy has no {language} pipeline")
        said = [Finding(NO_TOKENIZER, "info", f"{why}; detection read the file with spaCy's multi-language "
                        "pipeline, so only language-independent flags are given", path=transcript.path)]
        language = "xx"
        nlp = get_nlp(language, spacy_model, lexicon_dir=lexicon_dir)
    detectors = [name for name, spec in DETECTORS.items()
                 if wanted is None or wanted & set(spec["kinds"])]
    needed = {"locpipe_lemma_norm"} | {p for d in detectors for p in DETECTORS[d]["pipes"]}
    ours = {p for p in nlp.pipe_names if p.startswith("locpipe_")}
    disable = [p for p in ours if p not in needed]
    cues = {cue.index: cue for cue in transcript.cues}
    units, windows, notes = _units(transcript, cues)

    @lru_cache(maxsize=16)
    def rebuild(text: str) -> Any:  # a LightDoc asked for more than it keeps
        with nlp.select_pipes(disable=disable):
            return nlp(text)

    # apostrophe look-alikes (’ ʼ ‘ ´) become ' one for one, so offsets stay valid and "donʼt" tokenizes;
    # each Doc is parsed, boiled down to what the builders read (LightDoc) and dropped: memory stays
    # a few hundred bytes per segment instead of ~10 KB
    items = []
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe((seg.text.translate(_APOSTROPHES) for seg in units), batch_size=BATCH_SIZE)
        for pos, (seg, doc) in enumerate(zip(units, docs, strict=True)):
            item = Item(pos=pos, segment=seg, doc=LightDoc(doc, rebuild),
                        kinds={cues[p.cue].kind for p in seg.parts if p.cue in cues})
            lists = token_lists(doc)
            item.lemmas = {w for w in lists.lemmas if w.isalpha()} | {w for w in lists.lowers if w.isalpha()}
            items.append(item)
    del docs
    ctx = Context(
        transcript=transcript, lang=language, lexicon=load_lexicon(language, lexicon_dir), items=items,
        cues=cues, model_name=nlp.meta.get("locpipe_model", "") and str(nlp.meta.get("name", "trained")),
    )
    builders = {"idiom": idioms.collect, "culture": culture.collect, "humor": humor.collect,
                "dialect": dialect.collect}
    flags = []
    for name in detectors:
        flags.extend(builders[name](ctx))
    for item in items:
        item.doc.release()  # spans point back at their doc: free the docs now, not at the next GC
    if windows:
        flags = _from_windows(merge_flags(flags), windows)
    if any("element" in cue.meta for cue in transcript.cues):  # a screenplay (Fountain)
        from .screenplay import screenplay_evidence

        flags = screenplay_evidence(transcript, flags, lang=language, wanted=wanted)
    flags = merge_flags(flags)
    if wanted is not None:
        flags = [f for f in flags if f.kind in wanted]
    order = {seg.id: i for i, seg in enumerate(transcript.segments)}
    flags.sort(key=lambda f: (order.get(f.segment, 0), f.start, -f.end, f.kind, f.rule_id))
    transcript.flags = flags
    transcript.findings = [f for f in transcript.findings if f.check not in (LONG_SEGMENT, NO_TOKENIZER)] + said + notes
    return transcript


def _units(transcript: Transcript, cues: dict[int, Cue]) -> tuple[list[Segment], dict[str, tuple[Segment, int]], list[Finding]]:
    """The texts the pipeline parses: each segment, or the windows of one longer than
    :data:`MAX_SEGMENT_CHARS` (with a finding saying so). Returns (units, window id → (segment,
    offset of the window in its text), findings)."""
    units: list[Segment] = []
    windows: dict[str, tuple[Segment, int]] = {}
    notes: list[Finding] = []
    for seg in transcript.segments:
        if len(seg.text) <= MAX_SEGMENT_CHARS:
            units.append(seg)
            continue
        spans = _window_spans(seg.text)
        for k, (start, end) in enumerate(spans):
            window = Segment(id=f"{seg.id}~{k + 1}", parts=_window_parts(seg, start, end),
                             text=seg.text[start:end], speaker=seg.speaker)
            units.append(window)
            windows[window.id] = (seg, start)
        first = cues.get(seg.parts[0].cue) if seg.parts else None
        where = f"cue {first.index + 1}: " if first is not None else ""
        notes.append(Finding(
            LONG_SEGMENT, "cosmetic",
            f"{where}segment {seg.id} is {len(seg.text):,} characters long without a sentence end, which is not "
            f"dialogue; detection read it in {len(spans):,} pieces of at most {WINDOW_CHARS:,} characters, so an "
            "idiom or joke across two pieces may be missed; split the text into sentences or subtitles",
            path=transcript.path, line=first.line if first is not None else None,
            cue=first.index if first is not None else None, segment=seg.id,
        ))
    return units, windows, notes


def _window_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) windows of at most :data:`WINDOW_CHARS` characters covering ``text``'s non-space
    characters, cut at a space where one lies in a window's second half (else mid-word)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        while start < n and text[start].isspace():
            start += 1
        if start >= n:
            break
        end = min(n, start + WINDOW_CHARS)
        if end < n and not text[end].isspace():
            cut = max(text.rfind(" ", start + WINDOW_CHARS // 2, end), text.rfind("\n", start + WINDOW_CHARS // 2, end))
            if cut > start:
                end = cut
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        out.append((start, stop))
        start = end
    return out


def _window_parts(seg: Segment, start: int, end: int) -> list[SegmentPart]:
    """The cue ranges covered by characters [start, end) of ``seg.text`` (parts joined by one space)."""
    parts: list[SegmentPart] = []
    offset = 0
    for part in seg.parts:
        length = part.end - part.start
        lo, hi = max(offset, start), min(offset + length, end)
        if lo < hi:
            parts.append(SegmentPart(part.cue, part.start + lo - offset, part.start + hi - offset))
        offset += length + 1
    return parts


def _from_windows(flags: list[Flag], windows: dict[str, tuple[Segment, int]]) -> list[Flag]:
    """Flags found in windows moved to their segment (offsets shifted, the cues they touch kept)."""
    for flag in flags:
        place = windows.get(flag.segment)
        if place is not None:
            seg, offset = place
            flag.segment = seg.id
            flag.start += offset
            flag.end += offset
    return flags
