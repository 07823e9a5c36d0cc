"""The translation stage: every segment of every file into every target language, in one pass.

``translate(transcripts, to_langs, ...)``:

1. picks the segments to translate (whole sentences, never cue fragments):
   karaoke, drawings and comments never; signs, lyrics and pure SDH sound
   cues unless ``skip_kinds`` names them;
2. finds a route per language pair (a direct Argos package or a pivot through
   English) and loads each package once for the whole run;
3. deduplicates the texts of all files per route, answers what it can from
   the translation memory, and sends the rest to the engines in batches
   sorted by length — pivot legs are batched too, a first leg shared by two
   routes (es→en for es→fr and es→de) runs once;
4. enforces the glossary (``mt.glossary`` where a term cannot be placed) and
   checks numbers (``mt.numbers``);
5. fits each segment back into its cues (``locpipe.stages.fit``) and puts the
   source markup back (``locpipe.mt.markup``), filling
   ``transcript.cue_translations[lang]`` (raw text in the source format's
   markup convention, ``\\N`` line breaks) and ``transcript.cue_end_times[lang]``.

It prints nothing and parses no options; the ``translate`` command does that.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Finding, Segment, Transcript, Translation
from .engine import MTResult, _chain
from .glossary import Glossary, enforce_terms, load_glossary, missing_numbers
from .markup import SourceMap, place_markup
from .tm import TMEntry, TranslationMemory, open_tm

#: Never translated: they hold no language (or are not shown).
ALWAYS_SKIPPED: frozenset[str] = frozenset({"karaoke", "drawing", "comment"})
#: What ``--skip`` accepts, mapped to cue kinds.
SKIP_NAMES: dict[str, str] = {
    "signs": "sign",
    "sign": "sign",
    "lyrics": "lyrics",
    "songs": "lyrics",
    "sdh": "sdh",
}
#: What ``--skip`` accepts for screenplay elements (``Cue.meta["element"]``, see
#: :mod:`locpipe.formats.fountain`); parse_skip returns them as ``element:<name>``.
SKIP_ELEMENTS: dict[str, str] = {
    "action": "action",
    "scene-headings": "scene_heading",
    "headings": "scene_heading",
    "transitions": "transition",
    "parentheticals": "parenthetical",
}


@dataclass
class TranslateStats:
    """What a translation run did.

    Attributes:
        files: transcripts translated.
        languages: target languages.
        segments: segment translations produced (segments × languages).
        skipped: segments left untranslated because of their kind (× languages).
        unique: distinct (route, source text) pairs after deduplication.
        translated: sentences sent to an engine (TM misses).
        tm_hits: translations taken from the translation memory.
        tm_misses: lookups the memory could not answer.
        engines: engine ids used.
        load_seconds: time spent loading models.
        mt_seconds: time spent in the engines.
        seconds: the whole run.
        findings: findings added (glossary, numbers, markup, and fitting's).
    """

    files: int = 0
    languages: list[str] = field(default_factory=list)
    segments: int = 0
    skipped: int = 0
    unique: int = 0
    translated: int = 0
    tm_hits: int = 0
    tm_misses: int = 0
    engines: list[str] = field(default_factory=list)
    load_seconds: float = 0.0
    mt_seconds: float = 0.0
    seconds: float = 0.0
    findings: int = 0

    @property
    def sentences_per_second(self) -> float:
        """Engine throughput: sentences translated per second of engine time."""
        return self.translated / self.mt_seconds if self.mt_seconds > 0 else 0.0


def parse_skip(value: str | Iterable[str] | None) -> frozenset[str]:
    """``"signs,lyrics,sdh"`` → the cue kinds to skip (UsageError on an unknown name)."""
    if value is None:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else list(value)
    kinds = set()
    for item in items:
        name = item.strip().lower()
        if not name:
            continue
        if name in SKIP_NAMES:
            kinds.add(SKIP_NAMES[name])
        elif name in SKIP_NAMES.values() or name in ALWAYS_SKIPPED:
            kinds.add(name)
        elif name in SKIP_ELEMENTS or name.removeprefix("element:") in SKIP_ELEMENTS.values():
            kinds.add("element:" + SKIP_ELEMENTS.get(name, name.removeprefix("element:")))
        else:
            raise UsageError(f"cannot skip {item!r}; use any of: signs, lyrics, sdh (comma-separated)")
    return frozenset(kinds)


def _held_cues(transcript: Transcript, skip: set[str]) -> set[int]:
    """Cues never translated whatever their kind: a line already in another language
    (``Cue.meta["no_translate"]``, e.g. a screenplay line marked "(in Spanish)") or a
    screenplay element that ``skip`` names (``element:action``)."""
    elements = {k.removeprefix("element:") for k in skip if k.startswith("element:")}
    return {c.index for c in transcript.cues if c.meta.get("no_translate") or c.meta.get("element") in elements}


def _segment_kind(seg: Segment, kinds: dict[int, str]) -> str:
    found = [kinds.get(p.cue, "dialogue") for p in seg.parts]
    if "dialogue" in found:
        return "dialogue"
    return found[0] if found else "dialogue"


@dataclass
class _Route:
    from_lang: str
    to_lang: str
    engines: list[Any]
    id: str


def translate(
    transcripts: Sequence[Transcript],
    to_langs: Sequence[str],
    *,
    from_lang: str | None = None,
    models_dir: str | Path | None = None,
    tm: TranslationMemory | str | Path | bool | None = None,
    glossary: Glossary | str | Path | None = None,
    profile: Any = None,
    beam_size: int = 4,
    num_alternatives: int = 3,
    max_decoding_length: int = 256,
    length_ratio: float | None = 4.0,
    device: str = "cpu",
    threads: int = 0,
    skip_kinds: Iterable[str] = (),
    routes: dict[tuple[str, str], list[Any]] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> TranslateStats:
    """Translate ``transcripts`` into every language of ``to_langs``; see the module docstring.

    ``length_ratio`` bounds each output at that many pieces per source piece
    (+8): a sentence the model cannot finish stops early instead of running
    to ``max_decoding_length``; None decodes exactly as Argos does.
    ``tm``: None for the default memory (``models/tm.sqlite``), a path, an open
    :class:`TranslationMemory`, or False for none. ``routes`` maps a language
    pair to its packages and bypasses the lookup in ``models_dir`` (tests,
    callers that already resolved them). Raises MissingModelError before
    translating anything when a pair has no package.
    """
    from ..profiles import get_profile
    from ..stages.segment import segment
    from .engine import engine_for_route

    started = time.perf_counter()
    stats = TranslateStats(files=len(transcripts), languages=list(to_langs))
    prof = get_profile(profile)
    skip = set(parse_skip(list(skip_kinds))) | set(ALWAYS_SKIPPED)
    if isinstance(glossary, str | Path):
        glossary = load_glossary(glossary)
    if beam_size < 1:
        raise UsageError(f"--beam must be at least 1, not {beam_size}")

    # 1. languages, routes
    pairs: dict[int, str] = {}
    for n, transcript in enumerate(transcripts):
        src = from_lang or transcript.language
        if not src:
            raise UsageError(
                "the source language is unknown; pass --from LANG (e.g. --from en)", path=transcript.path
            )
        transcript.language = src
        pairs[n] = src
        if not transcript.segments and transcript.cues:
            segment(transcript)
    route_of: dict[tuple[str, str], _Route] = {}
    load_start = time.perf_counter()
    for src in sorted(set(pairs.values())):
        for tgt in to_langs:
            if tgt == src:
                raise UsageError(f"cannot translate {src} into itself; drop {tgt} from --to")
            if (src, tgt) in route_of:
                continue
            packages = (routes or {}).get((src, tgt))
            if packages is None:
                from .packages import find_route

                packages = find_route(src, tgt, models_dir)
            engine = engine_for_route(list(packages), device=device, threads=threads)
            legs = list(getattr(engine, "engines", [engine]))
            route_of[(src, tgt)] = _Route(src, tgt, legs, "+".join(e.id for e in legs))
    stats.load_seconds = time.perf_counter() - load_start
    stats.engines = sorted({e.id for r in route_of.values() for e in r.engines})

    # 2. what to translate: unique texts per route
    work: dict[tuple[str, str], dict[str, MTResult | TMEntry | None]] = {key: {} for key in route_of}
    todo: list[tuple[Transcript, str, Segment]] = []
    for n, transcript in enumerate(transcripts):
        kinds = {c.index: c.kind for c in transcript.cues}
        held = _held_cues(transcript, skip)
        src = pairs[n]
        for seg in transcript.segments:
            kind = _segment_kind(seg, kinds)
            for tgt in to_langs:
                if kind in skip or not seg.text.strip() or (held and held.issuperset(seg.cues)):
                    seg.translations.pop(tgt, None)
                    stats.skipped += 1
                    continue
                work[(src, tgt)].setdefault(seg.text, None)
                todo.append((transcript, tgt, seg))
    stats.unique = sum(len(texts) for texts in work.values())

    # 3. translation memory, then the engines
    memory = open_tm(tm, models_dir=models_dir) if any(work.values()) else None
    options = f"beam={beam_size};maxlen={max_decoding_length};ratio={length_ratio}"
    try:
        if memory is not None:
            for key, texts in work.items():
                route = route_of[key]
                found = memory.lookup(
                    engine=route.id, options=options, source_lang=key[0], target_lang=key[1], sources=texts
                )
                for source, entry in found.items():
                    texts[source] = entry
            stats.tm_hits = memory.hits
            stats.tm_misses = memory.misses
        mt_start = time.perf_counter()
        fresh = _run_engines(
            route_of,
            {key: [t for t, v in texts.items() if v is None] for key, texts in work.items()},
            beam_size=beam_size,
            num_alternatives=num_alternatives,
            max_decoding_length=max_decoding_length,
            length_ratio=length_ratio,
            progress=progress,
        )
        stats.mt_seconds = time.perf_counter() - mt_start
        for key, results in fresh.items():
            stats.translated += len(results)
            work[key].update(results)
            if memory is not None and results:
                memory.store(
                    engine=route_of[key].id,
                    options=options,
                    source_lang=key[0],
                    target_lang=key[1],
                    entries=[
                        TMEntry(s, r.text, r.confidence, r.alternatives, [list(p) for p in r.alignment])
                        for s, r in results.items()
                    ],
                )
    finally:
        if memory is not None and not isinstance(tm, TranslationMemory):
            memory.close()

    # 4. fill translations, glossary and numbers
    before = sum(len(t.findings) for t in transcripts)
    for transcript in transcripts:
        transcript.findings = [
            f for f in transcript.findings if not (f.check.startswith("mt.") and f.lang in to_langs)
        ]
    cue_line = {id(t): {c.index: c.line for c in t.cues} for t in transcripts}
    for transcript, tgt, seg in todo:
        key = (transcript.language, tgt)
        result = work[key][seg.text]
        translation = _translation(tgt, result, route_of[key].id)
        if translation.origin != "review":
            _protect(transcript, seg, translation, glossary, cue_line[id(transcript)])
        seg.translations[tgt] = translation
        stats.segments += 1

    # 5. fit and put the markup back
    for transcript in transcripts:
        for tgt in to_langs:
            _fit_and_markup(transcript, tgt, prof)
    stats.findings = sum(len(t.findings) for t in transcripts) - before
    stats.seconds = time.perf_counter() - started
    return stats


def _translation(lang: str, result: MTResult | TMEntry | None, engine: str) -> Translation:
    if isinstance(result, TMEntry):
        origin = "review" if result.origin == "review" else "tm"
        return Translation(
            lang=lang,
            text=result.target,
            confidence=1.0 if origin == "review" else result.confidence,
            alternatives=list(result.alternatives),
            origin=origin,
            engine=result.engine or engine,
            alignment=[list(p) for p in result.alignment],
        )
    if result is None:  # cannot happen: every text was translated or found
        raise RuntimeError("a segment was left without a translation")
    return Translation(
        lang=lang,
        text=result.text,
        confidence=round(result.confidence, 4),
        alternatives=list(result.alternatives),
        origin="mt",
        engine=engine,
        alignment=[list(p) for p in result.alignment],
    )


def _run_engines(
    route_of: dict[tuple[str, str], _Route],
    texts: dict[tuple[str, str], list[str]],
    *,
    beam_size: int,
    num_alternatives: int,
    max_decoding_length: int,
    length_ratio: float | None,
    progress: Callable[[str, int, int], None] | None,
) -> dict[tuple[str, str], dict[str, MTResult]]:
    """Translate each route's texts leg by leg, one batched call per engine per leg."""
    current: dict[tuple[str, str], list[str]] = {k: list(v) for k, v in texts.items() if v}
    results: dict[tuple[str, str], list[MTResult | None]] = {k: [None] * len(v) for k, v in current.items()}
    depth = max((len(route_of[k].engines) for k in current), default=0)
    for leg in range(depth):
        by_engine: dict[str, tuple[Any, dict[str, MTResult | None]]] = {}
        for key, inputs in current.items():
            engines = route_of[key].engines
            if leg >= len(engines):
                continue
            engine = engines[leg]
            _, bucket = by_engine.setdefault(engine.id, (engine, {}))
            for text in inputs:
                bucket.setdefault(text, None)
        for eid, (engine, bucket) in by_engine.items():
            batch = list(bucket)
            if progress is not None:
                progress(eid, 0, len(batch))
            out = engine.translate_batch(
                batch,
                beam_size=beam_size,
                num_alternatives=num_alternatives,
                max_decoding_length=max_decoding_length,
                length_ratio=length_ratio,
            )
            bucket.update(zip(batch, out, strict=True))
            if progress is not None:
                progress(eid, len(batch), len(batch))
        for key, inputs in list(current.items()):
            engines = route_of[key].engines
            if leg >= len(engines):
                continue
            bucket = by_engine[engines[leg].id][1]
            outs = [bucket[t] for t in inputs]
            prev = results[key]
            merged: list[MTResult | None] = []
            for p, o in zip(prev, outs, strict=True):
                assert o is not None
                merged.append(o if p is None else _chain(p, o))
            results[key] = merged
            current[key] = [o.text for o in outs if o is not None]
    return {
        key: {src: r for src, r in zip(texts[key], results[key], strict=True) if r is not None}
        for key in results
    }


def _protect(
    transcript: Transcript,
    seg: Segment,
    translation: Translation,
    glossary: Glossary | None,
    lines: dict[int, int | None],
) -> None:
    """Enforce glossary terms on ``translation`` and report what could not be kept (and lost numbers)."""
    import re

    from ..stages.segment import map_span

    lang = translation.lang

    def report(check: str, pattern: str, flags: int, message: str) -> None:
        m = re.search(pattern, seg.text, flags)
        spans = map_span(seg, m.start(), m.end()) if m else []
        cue = spans[0][0] if spans else (seg.parts[0].cue if seg.parts else None)
        transcript.findings.append(
            Finding(
                check=check,
                severity="functional",
                message=f"cue {_cue_no(cue)}: {message}",
                path=transcript.path,
                line=lines.get(cue) if cue is not None else None,
                cue=cue,
                segment=seg.id,
                lang=lang,
            )
        )

    if glossary is not None and len(glossary):
        text, alignment, lost = enforce_terms(seg.text, translation.text, translation.alignment, glossary.for_lang(lang))
        translation.text = text
        translation.alignment = alignment
        for term in lost:
            want = "kept as it is" if term.keep else f"translated as “{term.target}”"
            report(
                "mt.glossary",
                term.pattern().pattern,
                term.pattern().flags,
                f"the glossary term “{term.source}” must be {want}, but the {lang} translation "
                f"“{translation.text}” lost it; put it back by hand",
            )
    for number in missing_numbers(seg.text, translation.text):
        report(
            "mt.numbers",
            r"(?<![\w.,])" + r"[.,]?".join(re.escape(ch) for ch in number.replace(".", "")),
            0,
            f"the number {number} of the source is missing from the {lang} translation "
            f"“{translation.text}”; check the figure",
        )


def _cue_no(index: int | None) -> str:
    return "?" if index is None else str(index + 1)


def _fit_and_markup(transcript: Transcript, lang: str, profile: Any) -> None:
    from ..formats.markup import flavour_of
    from ..stages.fit import fit

    n = len(transcript.cues)
    translations: list[str | None] = [None] * n
    ends: list[int | None] = [None] * n
    if not any(lang in s.translations for s in transcript.segments):
        transcript.cue_translations[lang] = translations
        transcript.cue_end_times[lang] = ends
        return
    fitted = fit(transcript, lang, profile=profile)
    source_map = SourceMap(transcript)
    position = {c.index: i for i, c in enumerate(transcript.cues)}
    flavour = flavour_of(transcript.format)
    italics = profile.italics_allowed(lang)
    for fc in fitted:
        i = position.get(fc.cue)
        if i is None:
            continue
        cue = transcript.cues[i]
        raw, lost = place_markup(
            cue,
            fc.text,
            [(str(p[0]), int(p[1]), int(p[2])) for p in fc.pieces],
            lang=lang,
            source_map=source_map,
            italics_allowed=italics,
            flavour=flavour,
        )
        translations[i] = raw
        ends[i] = fc.end if fc.end is not None else cue.end
        for tag in lost:
            shown = tag.markup.raw + ("…" + tag.markup.raw_close if tag.markup.raw_close else "")
            words = cue.text[tag.markup.start : tag.markup.end].replace("\n", " ").strip()
            around = f" around “{words}”" if words else ""
            if tag.dropped_by_profile:
                transcript.findings.append(
                    Finding(
                        check="mt.italics-dropped",
                        severity="info",
                        message=(
                            f"cue {i + 1}: italics {shown}{around} were not written because {lang} subtitles "
                            "do not use italics; use quotes or rewording if the emphasis matters"
                        ),
                        path=transcript.path,
                        line=cue.line,
                        cue=cue.index,
                        lang=lang,
                    )
                )
                continue
            transcript.findings.append(
                Finding(
                    check="mt.markup-lost",
                    severity="functional",
                    message=(
                        f"cue {i + 1}: could not place {shown}{around} on the {lang} translation "
                        f"({tag.reason}); add it by hand"
                    ),
                    path=transcript.path,
                    line=cue.line,
                    cue=cue.index,
                    lang=lang,
                )
            )
    transcript.cue_translations[lang] = translations
    transcript.cue_end_times[lang] = ends
