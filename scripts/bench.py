#!/usr/bin/env python3
"""`make bench`: locpipe's translation speed and memory against argostranslate and raw CTranslate2.

One run prints:

* the detection benchmark first (``scripts/bench_detect.py``, when it exists);
* a feature film's worth of segments (>= 1,500: ``../shared/corpora/films/ada_zangemann/en.srt``
  when present, else ``samples/*.srt``, repeated; each copy rotates the words of every line so the
  copies are distinct sentences of the same length and vocabulary) translated en→es with a
  random-weight model of real Argos size (``scripts/build_bench_model.py``, cached in
  ``models/bench/``);
* locpipe (``locpipe.mt.pipeline.translate``: segmentation, TM, batched engine, fitting, markup),
  argostranslate one call per sentence at 1 and 2 threads (on an evenly spaced sample of 200: it is slow),
  and raw ``translate_batch`` over the same sentences sorted by length — all with Argos's decoding
  settings (beam 4, length penalty 0.2) and the same bounded ``max_decoding_length`` (random weights
  never end a sentence by themselves);
* peak RSS of each measurement (each runs in its own child process); locpipe and raw batched run
  alternately, twice (``--repeat``), argostranslate twice per thread setting, and the best of each
  is kept, because the machine is shared;
* locpipe re-run with the translation memory warm, and with 5 % of the segments changed.

The last line is exactly:
``bench: locpipe=<sent/s> argos_per_sentence=<sent/s> speedup=<x> raw_batched=<sent/s>
overhead=<percent> peak_rss=<MB> rerun_5pct=<percent of the full run>``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

BENCH_DIR = ROOT / "models" / "bench"
PACKAGES_DIR = BENCH_DIR / "packages"
FILM = ROOT.parent / "shared" / "corpora" / "films" / "ada_zangemann" / "en.srt"
MIN_SEGMENTS = 1500
MAX_DECODING_LENGTH = 20
ARGOS_SAMPLE = 200
THREADS = 2


# --------------------------------------------------------------------------- inputs


def source_files() -> list[Path]:
    shared = Path(os.environ.get("LOCPIPE_SHARED", ROOT.parent / "shared"))
    film = shared / "corpora" / "films" / "ada_zangemann" / "en.srt"
    if film.is_file():
        return [film]
    return sorted((ROOT / "samples").glob("*.srt"))


def _rotate_line(line: str, k: int) -> str:
    words = line.split(" ")
    if len(words) < 2 or k % len(words) == 0:
        return line
    k %= len(words)
    return " ".join(words[k:] + words[:k])


def variant(srt: str, copy: int, *, changed: bool = False) -> str:
    """Copy ``copy`` of an SRT text: every text line's words rotated by ``copy`` (copy 0 unchanged).

    ``changed``: also insert a word into every 40th cue (about 5 % of the segments): the "revised
    script" of the re-run.
    """
    out = []
    cue_no = 0
    for block in srt.replace("\r\n", "\n").strip().split("\n\n"):
        lines = block.split("\n")
        if len(lines) >= 3 and "-->" in lines[1]:
            cue_no += 1
            body = [_rotate_line(line, copy) for line in lines[2:]]
            if changed and cue_no % 40 == 0 and " " in body[0]:
                body[0] = body[0].replace(" ", " really ", 1)
            lines = lines[:2] + body
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def make_transcripts(*, changed: bool = False, min_segments: int = MIN_SEGMENTS) -> list:  # type: ignore[type-arg]
    """The benchmark's transcripts: copies of the source files until ``min_segments`` segments."""
    from locpipe.formats import loads
    from locpipe.stages.segment import segment

    sources = [(p, p.read_text(encoding="utf-8-sig")) for p in source_files()]
    if not sources:
        raise SystemExit("bench: no input (../shared/corpora/films/ada_zangemann/en.srt or samples/*.srt)")
    transcripts = []
    total = 0
    copy = 0
    while total < min_segments:
        for path, text in sources:
            data = variant(text, copy, changed=changed).encode("utf-8")
            transcript = loads(data, path=path.with_name(f"{path.stem}.copy{copy}{path.suffix}"), language="en")
            segment(transcript)
            total += sum(1 for s in transcript.segments if s.text.strip())
            transcripts.append(transcript)
        copy += 1
    return transcripts


def segment_texts(transcripts: list) -> list[str]:  # type: ignore[type-arg]
    return [s.text for t in transcripts for s in t.segments if s.text.strip()]


# --------------------------------------------------------------------------- child measurements


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process: less sensitive than wall time to a loaded machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_locpipe(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    from locpipe.mt import pipeline

    transcripts = make_transcripts(changed=args.changed, min_segments=args.segments)
    cpu = cpu_seconds()
    stats = pipeline.translate(
        transcripts,
        ["es"],
        from_lang="en",
        models_dir=PACKAGES_DIR,
        tm=args.tm,
        max_decoding_length=args.max_decoding_length,
        length_ratio=None,  # decode exactly as Argos does, to the same bound
        threads=args.threads,
    )
    return {
        "seconds": stats.seconds,
        "cpu": cpu_seconds() - cpu,
        "sentences": stats.segments,
        "unique": stats.unique,
        "translated": stats.translated,
        "tm_hits": stats.tm_hits,
        "load_seconds": stats.load_seconds,
        "mt_seconds": stats.mt_seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def child_raw(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    import ctranslate2
    import sentencepiece as spm

    texts = segment_texts(make_transcripts(min_segments=args.segments))
    package = PACKAGES_DIR / "translate-en_es-bench"
    started, cpu = time.perf_counter(), cpu_seconds()
    from locpipe.mt.engine import DEFAULT_MAX_BATCH_SIZE, split_threads

    # locpipe's engine sets this CTranslate2 option by default; every child (argostranslate and raw
    # CTranslate2 included) gets it too, so all three run the same kernels
    os.environ.setdefault("CT2_USE_EXPERIMENTAL_PACKED_GEMM", "1")
    print(f"CT2_USE_EXPERIMENTAL_PACKED_GEMM={os.environ['CT2_USE_EXPERIMENTAL_PACKED_GEMM']} for every measurement")
    inter, intra = split_threads(args.threads)  # the same split locpipe uses: the best raw setting too
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", inter_threads=inter, intra_threads=intra)
    sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    tokens = [sp.encode(t, out_type=str) for t in texts]
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
    results = translator.translate_batch(
        [tokens[i] for i in order],
        beam_size=4,
        length_penalty=0.2,
        replace_unknowns=True,
        return_scores=True,
        max_batch_size=DEFAULT_MAX_BATCH_SIZE,
        max_decoding_length=args.max_decoding_length,
    )
    outputs = [""] * len(texts)
    for i, result in zip(order, results, strict=True):
        outputs[i] = sp.decode_pieces(result.hypotheses[0]).replace("▁", " ").lstrip(" ")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu": cpu_seconds() - cpu, "sentences": len(texts), "peak_rss_mb": peak_rss_mb()}


class _BoundedTranslator:
    """argostranslate's translator with the benchmark's max_decoding_length added to every call."""

    def __init__(self, translator, max_decoding_length: int):  # type: ignore[no-untyped-def]
        self._translator = translator
        self._max = max_decoding_length

    def translate_batch(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("max_decoding_length", self._max)
        return self._translator.translate_batch(*args, **kwargs)


def child_argos(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    import ctranslate2

    from locpipe.mt import packages

    texts = segment_texts(make_transcripts(min_segments=args.segments))
    step = max(1, len(texts) // args.sample)
    sample = texts[::step][: args.sample]
    translate = packages.prepare_argostranslate(PACKAGES_DIR)
    from argostranslate import settings

    settings.intra_threads = args.threads
    settings.inter_threads = 1
    translation = translate.get_translation_from_codes("en", "es")
    underlying = translation.underlying  # CachedTranslation → PackageTranslation
    started, cpu = time.perf_counter(), cpu_seconds()
    underlying.translator = _BoundedTranslator(
        ctranslate2.Translator(
            str(underlying.pkg.package_path / "model"),
            device=settings.device,
            inter_threads=settings.inter_threads,
            intra_threads=settings.intra_threads,
            compute_type=settings.compute_type,
        ),
        args.max_decoding_length,
    )
    translation.translate(sample[0])  # load the sentence splitter (not timed separately)
    for text in sample:
        translate.translate(text, "en", "es")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu": cpu_seconds() - cpu, "sentences": len(sample) + 1, "peak_rss_mb": peak_rss_mb()}


CHILDREN = {"locpipe": child_locpipe, "raw": child_raw, "argos": child_argos}


def run_child(kind: str, *extra: str) -> dict:  # type: ignore[type-arg]
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *extra]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"bench: the {kind} measurement failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def run_detect_bench() -> None:
    script = HERE / "bench_detect.py"
    if not script.is_file():
        return
    print("== detection (scripts/bench_detect.py)", flush=True)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT)
    sys.stdout.write(done.stdout)
    if done.returncode != 0:
        sys.stdout.write(done.stderr)
        print(f"(bench_detect.py exited {done.returncode})")
    print(flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--tm", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--changed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=int, default=ARGOS_SAMPLE, help="sentences for the argostranslate runs")
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--max-decoding-length", type=int, default=MAX_DECODING_LENGTH)
    parser.add_argument("--segments", type=int, default=MIN_SEGMENTS, help="at least this many segments")
    parser.add_argument("--repeat", type=int, default=2, help="runs of locpipe and raw batched (best kept)")
    parser.add_argument("--no-detect", action="store_true", help="skip scripts/bench_detect.py")
    args = parser.parse_args(argv)
    for var, sub in (("XDG_DATA_HOME", "xdg-data"), ("XDG_CONFIG_HOME", "xdg-config"), ("XDG_CACHE_HOME", "xdg-cache")):
        os.environ.setdefault(var, str(ROOT / ".cache" / sub))

    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return 0

    started = time.monotonic()
    if not args.no_detect:
        run_detect_bench()

    import build_bench_model

    print("== translation", flush=True)
    english = [line for p in source_files() for line in p.read_text(encoding="utf-8-sig").splitlines()
               if line.strip() and "-->" not in line and not line.strip().isdigit()]
    package = build_bench_model.build(PACKAGES_DIR, english_lines=english)
    print(f"model: {package.relative_to(ROOT)} (random weights, 6+6 layers, d_model 512, ffn 2048, 8 heads, "
          f"32k vocabulary, int8)")
    common = ["--threads", str(args.threads), "--max-decoding-length", str(args.max_decoding_length),
              "--segments", str(args.segments)]
    transcripts = make_transcripts(min_segments=args.segments)
    texts = segment_texts(transcripts)
    print(f"inputs: {len(transcripts)} copies of {', '.join(p.name for p in source_files())}: "
          f"{len(texts)} segments, {len(set(texts))} distinct; beam 4, max_decoding_length "
          f"{args.max_decoding_length}, {args.threads} threads", flush=True)

    from locpipe.mt.engine import DEFAULT_MAX_BATCH_SIZE, split_threads

    # locpipe's engine sets this CTranslate2 option by default; every child (argostranslate and raw
    # CTranslate2 included) gets it too, so all three run the same kernels
    os.environ.setdefault("CT2_USE_EXPERIMENTAL_PACKED_GEMM", "1")
    print(f"CT2_USE_EXPERIMENTAL_PACKED_GEMM={os.environ['CT2_USE_EXPERIMENTAL_PACKED_GEMM']} for every measurement")
    inter, intra = split_threads(args.threads)
    inter_s = f"{inter} parallel batch(es) x {intra} thread(s), as locpipe"
    # the machine is shared: locpipe and raw batched run alternately, best of --repeat each
    fulls, raws = [], []
    for i in range(args.repeat):
        tm_i = BENCH_DIR / f"tm-bench-{i}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tm_i}{suffix}").unlink(missing_ok=True)
        result = run_child("locpipe", "--tm", str(tm_i), *common)
        result["tm"] = str(tm_i)
        fulls.append(result)
        print(f"locpipe (pipeline.translate, cold TM): {result['sentences']} segments in {result['seconds']:.1f} s "
              f"= {result['sentences'] / result['seconds']:.1f} sent/s (model load {result['load_seconds']:.2f} s, "
              f"engine {result['mt_seconds']:.1f} s, {result['unique']} distinct sent to the engine); "
              f"peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)
        result = run_child("raw", *common)
        raws.append(result)
        print(f"raw translate_batch (sorted, max_batch_size {DEFAULT_MAX_BATCH_SIZE}, {inter_s}): {result['sentences']} in {result['seconds']:.1f} s "
              f"= {result['sentences'] / result['seconds']:.1f} sent/s; peak RSS {result['peak_rss_mb']:.0f} MB",
              flush=True)
    full = min(fulls, key=lambda r: r["seconds"])
    raw = min(raws, key=lambda r: r["seconds"])
    tm = Path(full["tm"])
    loc_rate = full["sentences"] / full["seconds"]
    raw_rate = raw["sentences"] / raw["seconds"]

    argos = {}
    for threads in (1, 2):
        # best of --repeat too, as for locpipe and raw batched
        runs = [run_child("argos", "--sample", str(args.sample), "--threads", str(threads),
                          "--max-decoding-length", str(args.max_decoding_length), "--segments", str(args.segments))
                for _ in range(args.repeat)]
        result = min(runs, key=lambda r: r["seconds"] / r["sentences"])
        argos[threads] = result
        rate = result["sentences"] / result["seconds"]
        print(f"argostranslate.translate, one call per sentence, {threads} thread(s): {result['sentences']} "
              f"sampled sentences in {result['seconds']:.1f} s = {rate:.2f} sent/s; "
              f"peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)
    best_threads = max(argos, key=lambda t: argos[t]["sentences"] / argos[t]["seconds"])
    argos_rate = argos[best_threads]["sentences"] / argos[best_threads]["seconds"]
    print(f"argostranslate's best setting: {best_threads} thread(s), {argos_rate:.2f} sent/s")

    warm = run_child("locpipe", "--tm", str(tm), *common)
    print(f"locpipe re-run, TM warm: {warm['seconds']:.2f} s ({warm['tm_hits']} TM hits, "
          f"{warm['translated']} translated) = {100 * warm['seconds'] / full['seconds']:.1f} % of the full run",
          flush=True)
    revised = run_child("locpipe", "--tm", str(tm), "--changed", *common)
    changed_share = 100 * revised["translated"] / max(revised["unique"], 1)
    rerun_pct = 100 * revised["seconds"] / full["seconds"]
    print(f"locpipe re-run, revised script ({revised['translated']} of {revised['unique']} distinct segments "
          f"changed = {changed_share:.1f} %): {revised['seconds']:.2f} s = {rerun_pct:.1f} % of the full run",
          flush=True)

    load = os.getloadavg()[0]
    best_argos = argos[best_threads]
    cpu_loc = full["sentences"] / full["cpu"]
    cpu_raw = raw["sentences"] / raw["cpu"]
    cpu_argos = best_argos["sentences"] / best_argos["cpu"]
    print(f"per CPU-second (less sensitive to other load; load average now {load:.1f} on {os.cpu_count()} cores): "
          f"locpipe {cpu_loc:.1f}, raw batched {cpu_raw:.1f}, argostranslate {cpu_argos:.2f} sentences; "
          f"speedup {cpu_loc / cpu_argos:.1f}x, overhead {100 * (cpu_raw / cpu_loc - 1):.1f} %")
    speedup = loc_rate / argos_rate
    overhead = 100 * (raw_rate / loc_rate - 1)
    peak = max([r["peak_rss_mb"] for r in fulls] + [warm["peak_rss_mb"], revised["peak_rss_mb"]])
    print()
    print(f"targets: speedup {speedup:.1f}x (>= 5), overhead {overhead:.1f} % (<= 10), "
          f"peak RSS {peak:.0f} MB (<= 1536), re-run with 5 % changed {rerun_pct:.1f} % (<= 15)")
    print(f"bench time: {time.monotonic() - started:.0f} s")
    print(
        f"bench: locpipe={loc_rate:.1f} argos_per_sentence={argos_rate:.2f} speedup={speedup:.1f} "
        f"raw_batched={raw_rate:.1f} overhead={overhead:.1f} peak_rss={peak:.0f} rerun_5pct={rerun_pct:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
