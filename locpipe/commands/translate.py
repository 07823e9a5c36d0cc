"""``locpipe translate FILE... --to es[,fr,...]``: translate subtitles and scripts with Argos models.

Output: ``DIR/<stem>.<lang>.<ext>`` for each file and language (the source
format, or ``--format-out``; ASS script info and styles kept). With
``--bilingual``: ``DIR/<stem>.<from>+<lang>.<ext>`` holding both texts in each
cue, target first — for ASS the source follows on a new line in italics at
75 % of the style's font size; for SRT, VTT and the other formats the source
lines follow the target lines; a ``.txt`` script gets ``target / source``.

All files and languages are translated in one pass (each model loaded once,
all segments batched together). A file that cannot be read is reported and
the others are done; the exit code is 2 at the end if any file failed.
Without ``--from`` each file is read in its own language: in a mixed batch a
file goes into the ``--to`` languages a model reaches from it, and each other
language (no model, or the file's own) is reported for it at the end.
"""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

import click

from ..errors import LocpipeError, UsageError
from . import parse_langs, report_failures


def output_path(transcript: Any, source: Path, out_dir: Path | None, lang: str, *, fmt: str | None, bilingual: bool, from_lang: str) -> Path:
    """Where the translation of ``source`` into ``lang`` goes."""
    from ..formats import get_format

    folder = out_dir if out_dir is not None else source.parent
    if fmt:
        ext = get_format(fmt).extensions[0] if get_format(fmt).extensions else f".{fmt}"
    else:
        ext = source.suffix or (get_format(transcript.format).extensions or (".txt",))[0]
    tag = f"{from_lang}+{lang}" if bilingual else lang
    return folder / f"{source.stem}.{tag}{ext}"


def bilingual_copy(transcript: Any, lang: str) -> tuple[Any, str]:
    """A copy of ``transcript`` whose ``lang`` text holds target and source together; returns (copy, key)."""
    from ..formats.markup import flavour_of, parse_raw

    key = f"{lang}+source"
    out = copy.copy(transcript)
    out.cue_translations = dict(transcript.cue_translations)
    out.cue_end_times = dict(transcript.cue_end_times)
    flavour = flavour_of(transcript.format)
    styles = transcript.meta.get("styles", {}) or {}
    texts: list[str | None] = []
    for cue, target in zip(transcript.cues, transcript.cue_translations.get(lang, []), strict=False):
        if target is None:
            texts.append(None)
            continue
        if flavour == "ass":
            size = _font_size(styles.get(cue.style or "Default") or styles.get("Default"))
            plain = parse_raw(cue.raw, "ass")[0].replace("{", "(").replace("}", ")").replace("\n", "\\N")
            texts.append(f"{target}\\N{{\\i1\\fs{round(size * 0.75)}}}{plain}{{\\r}}")
        elif flavour == "plain":
            texts.append(f"{target} / {cue.raw}")
        else:
            texts.append(f"{target}\\N{cue.raw}")
    out.cue_translations[key] = texts
    out.cue_end_times[key] = list(transcript.cue_end_times.get(lang, []))
    return out, key


def _font_size(style: Any) -> float:
    try:
        return float((style or {}).get("fontsize", 20) or 20)
    except (TypeError, ValueError):
        return 20.0


@click.command("translate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to_langs", required=True, help="Target language(s), comma-separated: es or es,fr.")
@click.option("--from", "from_lang", default=None, help="Source language (default: read from the file's text, else its name's tag, else en).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help="Output folder (default: beside each input).")
@click.option("--format-out", "format_out", default=None, help="Output format (default: the source's).")
@click.option("--models-dir", type=click.Path(path_type=Path), default=None, help="Folder of installed Argos packages.")
@click.option("--tm", "tm_path", type=click.Path(path_type=Path), default=None, help="Translation memory file (default: models/tm.sqlite).")
@click.option("--no-tm", is_flag=True, help="Use no translation memory.")
@click.option("--glossary", type=click.Path(path_type=Path), default=None, help="CSV/TSV: source term, target term or 'keep'[, language].")
@click.option("--profile", default=None, help="Layout profile: netflix (default), netflix-children, bbc, ebu, or a .toml file.")
@click.option("--beam", "beam_size", type=int, default=4, show_default=True, help="Beam size (1 = greedy, fastest).")
@click.option("--device", type=click.Choice(["cpu", "cuda", "auto"]), default="cpu", show_default=True)
@click.option("--threads", type=int, default=0, help="CPU threads for the engine (default: the cores, at most 8).")
@click.option("--bilingual", is_flag=True, help="Write target and source together in one file.")
@click.option("--skip", "skip", default="", help="Leave these untranslated: signs,lyrics,sdh; in screenplays also "
              "action,scene-headings,transitions,parentheticals.")
@click.option("--encoding", default=None, help="Input encoding (default: detected).")
@click.option("--fps", type=float, default=None, help="Frame rate for frame-based formats (MicroDVD).")
def translate_cmd(
    files: tuple[Path, ...],
    to_langs: str,
    from_lang: str | None,
    out_dir: Path | None,
    format_out: str | None,
    models_dir: Path | None,
    tm_path: Path | None,
    no_tm: bool,
    glossary: Path | None,
    profile: str | None,
    beam_size: int,
    device: str,
    threads: int,
    bilingual: bool,
    skip: str,
    encoding: str | None,
    fps: float | None,
) -> None:
    """Translate subtitle or script FILES with offline Argos models.

    Writes DIR/<stem>.<lang>.<ext> per file and language.
    """
    from .. import formats
    from ..mt.glossary import load_glossary
    from ..mt.pipeline import parse_skip, translate
    from ..profiles import get_profile

    started = time.perf_counter()
    langs = parse_langs(to_langs)
    if tm_path is not None and no_tm:
        raise UsageError("--tm and --no-tm contradict each other; give one")
    if beam_size < 1:
        raise UsageError(f"--beam must be at least 1, not {beam_size}")
    if threads < 0:
        raise UsageError(f"--threads must be 0 (automatic) or more, not {threads}")
    if format_out:
        fmt = formats.get_format(format_out)
        if fmt.write is None:
            raise UsageError(f"format {format_out!r} can be read but not written; choose another --format-out")
    skip_kinds = parse_skip(skip)
    prof = get_profile(profile)
    terms = load_glossary(glossary) if glossary is not None else None

    failures: list[tuple[Path, LocpipeError]] = []
    loaded: list[tuple[Path, Any]] = []
    for path in files:
        try:
            transcript = formats.load(path, encoding=encoding, fps=fps, language=from_lang or "")
        except LocpipeError as err:
            failures.append((path, err))
            continue
        if not transcript.language:
            transcript.language = from_lang or "en"
        loaded.append((path, transcript))

    # one group per set of target languages: a mixed-language batch (read from the files, no --from) puts
    # a file into the languages a model reaches from it; the others are reported for it at the end
    groups: dict[tuple[str, ...], list[tuple[Path, Any]]] = {tuple(langs): loaded} if loaded else {}
    if len({t.language for _, t in loaded}) > 1:
        groups = _plan(loaded, langs, models_dir, failures)

    written: list[Path] = []
    stats = None
    translated: list[tuple[Path, Any, tuple[str, ...]]] = []
    for group_langs, group in groups.items():
        part = translate(
            [t for _, t in group],
            list(group_langs),
            from_lang=from_lang,
            models_dir=models_dir,
            tm=False if no_tm else tm_path,
            glossary=terms,
            profile=prof,
            beam_size=beam_size,
            device=device,
            threads=threads,
            skip_kinds=skip_kinds,
        )
        stats = part if stats is None else _merge(stats, part)
        translated += [(path, transcript, group_langs) for path, transcript in group]
    inputs = [p for p, _ in loaded]
    for path, transcript, group_langs in translated:
        for lang in group_langs:
            target = output_path(
                transcript, path, out_dir, lang, fmt=format_out, bilingual=bilingual, from_lang=transcript.language
            )
            try:
                if bilingual:
                    both, key = bilingual_copy(transcript, lang)
                    formats.save(both, target, format=format_out, lang=key, protect=inputs)
                else:
                    formats.save(transcript, target, format=format_out, lang=lang, protect=inputs)
            except LocpipeError as err:
                failures.append((path, err))
                continue
            written.append(target)

    for path in written:
        click.echo(f"wrote {path}")
    if stats is not None:
        findings = [f for _, t in loaded for f in t.findings if f.lang in langs]
        for f in findings:
            if f.check.startswith("mt."):
                click.echo(f"{f.location()}: {f.check}: {f.message}")
        by_check: dict[str, int] = {}
        for f in findings:
            by_check[f.check] = by_check.get(f.check, 0) + 1
        engine_part = f"{stats.translated} by the engine"
        if stats.translated:
            engine_part += f" at {stats.sentences_per_second:.1f} sentences/s"
        click.echo(
            f"Translated {stats.files} file{'s' if stats.files != 1 else ''} into {', '.join(stats.languages)}: "
            f"{stats.segments} segment{'s' if stats.segments != 1 else ''} ({stats.unique} distinct: {stats.tm_hits} from the translation memory, "
            f"{engine_part}), {stats.skipped} skipped, in {time.perf_counter() - started:.1f} s."
        )
        if by_check:
            click.echo("Findings: " + ", ".join(f"{k} {v}" for k, v in sorted(by_check.items())))
    report_failures(failures)


def _plan(
    loaded: list[tuple[Path, Any]], langs: list[str], models_dir: Path | None, failures: list[tuple[Path, LocpipeError]],
) -> dict[tuple[str, ...], list[tuple[Path, Any]]]:
    """In a batch of several source languages (read from the files, no --from), each file goes into the
    --to languages a model reaches from its language; every other language (no model, or the file's own)
    is reported for it. Files are grouped by the languages they go into, each group translated in one pass."""
    from ..mt.packages import split_routes

    routes: dict[str, tuple[list[str], list[tuple[str, LocpipeError]]]] = {}
    groups: dict[tuple[str, ...], list[tuple[Path, Any]]] = {}
    for path, transcript in loaded:
        src = transcript.language
        if src not in routes:
            routes[src] = split_routes(src, langs, models_dir)
        ready, problems = routes[src]
        failures.extend((path, err) for _lang, err in problems)
        if ready:
            groups.setdefault(tuple(ready), []).append((path, transcript))
    return groups


def _merge(a: Any, b: Any) -> Any:
    """Two translation runs' statistics added up (the languages and engines of both)."""
    from dataclasses import fields, replace

    summed = {f.name: getattr(a, f.name) + getattr(b, f.name) for f in fields(a)
              if isinstance(getattr(a, f.name), int | float)}
    return replace(a, **summed, languages=list(dict.fromkeys(a.languages + b.languages)),
                   engines=sorted(set(a.engines) | set(b.engines)))
