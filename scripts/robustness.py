"""What was tried and survived (``make robustness``): fuzzing, size, faults, attacks — one table.

- fuzzing: inputs per target from the last ``make fuzz`` (``.cache/fuzz/stats.json``); without one, a
  short built-in run (seed mutations through the same targets, in process);
- crashes: reproducers kept in ``tests/regressions/`` (each replayed now: fixed = no longer crashes);
- size: a generated 100,000-cue SRT through parse, segment, detect, check and review (HTML + JSON) in
  a child process, against the 1,500-cue film, per cue (time, and detection alone) and peak RSS
  (memory), with a 25,000-cue point to show memory grows linearly; ``locpipe run`` on a 10 MB single
  line (sentences, and words without any sentence end), time and peak RSS;
- faults and attacks: ``tests/test_faults.py`` and ``tests/test_security.py`` run now (pytest),
  each test one fault injected or one attack tried.

The last line is one summary line to quote::

    robustness: fuzzed=<n> crashes=<n> largest_cues=<n> peak_rss=<MB> faults=<passed>/<total> attacks=<refused>/<total>
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATS = ROOT / ".cache" / "fuzz" / "stats.json"
REGRESSIONS = ROOT / "tests" / "regressions"
FILM = ROOT / "samples" / "too_many_cooks.srt"
REFERENCE_CUES = 1500
SIZE_STAGES = ("parse", "segment", "detect", "check", "review")

sys.path.insert(0, str(ROOT / "tests" / "fuzz"))


# --------------------------------------------------------------------------- generated films


def film_texts() -> list[str]:
    """The cue texts of the sample film (SRT markup kept)."""
    blocks = FILM.read_text(encoding="utf-8").replace("\r\n", "\n").strip().split("\n\n")
    return ["\n".join(b.split("\n")[2:]) for b in blocks if b.count("\n") >= 2]


def make_srt(cues: int) -> str:
    """An SRT of ``cues`` cues cycling through the sample film's lines (2 s each, 0.5 s apart)."""
    texts = film_texts()
    out = []
    for i in range(cues):
        start = i * 2500
        end = start + 2000
        out.append(f"{i + 1}\n{_ts(start)} --> {_ts(end)}\n{texts[i % len(texts)]}\n")
    return "\n".join(out)


def _ts(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def single_line(size: int, punctuation: bool = True) -> str:
    """One SRT cue whose text is one line of ``size`` characters (dialogue words, no line break);
    without ``punctuation`` the words have no sentence end at all (one 'sentence' of ``size``)."""
    words = ["Where", "are", "you", "going,", "my", "friend?", "Home.", "I", "think", "we", "could", "go", "to", "the", "beach", "after", "lunch!"]
    if not punctuation:
        words = [w.strip(",?.!") for w in words]
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        parts.append(words[i % len(words)])
        length += len(parts[-1]) + 1
        i += 1
    return "1\n00:00:01,000 --> 00:00:05,000\n" + " ".join(parts)[:size] + "\n"


# --------------------------------------------------------------------------- size: child process


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB."""
    now = peak = 0.0
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return now, peak


def size_child(path: Path, out_dir: Path, stages: tuple[str, ...]) -> dict:
    """Run ``stages`` over ``path``; return seconds and memory per stage (run in a fresh process)."""
    from locpipe import formats
    from locpipe.profiles import get_profile
    from locpipe.review import write_reviews
    from locpipe.stages.check import check
    from locpipe.stages.segment import check_segmentation_invariant, get_sentencizer, segment

    profile = get_profile("netflix")
    get_sentencizer("en")  # model loading is not per cue: warm up before timing
    if "detect" in stages:
        from locpipe.detect import detect

        # the pipeline, lexicons and lookup tables load on the first call: once per process, not per cue
        detect(formats.loads(b"1\n00:00:01,000 --> 00:00:02,000\nHello, mate.\n", path="warm.srt"))
    base_now, _ = _rss_mb()
    result: dict = {"path": str(path), "bytes": path.stat().st_size, "baseline_rss_mb": round(base_now, 1),
                    "stages": {}}
    transcript = None
    for stage in stages:
        t0 = time.perf_counter()
        if stage == "parse":
            transcript = formats.load(path)
            result["cues"] = len(transcript.cues)
        elif stage == "segment":
            segment(transcript)
            problems = check_segmentation_invariant(transcript)
            if problems:
                raise AssertionError(problems[:3])
            result["segments"] = len(transcript.segments)
        elif stage == "detect":
            from locpipe.detect import detect

            detect(transcript)
            result["flags"] = len(transcript.flags)
        elif stage == "check":
            transcript.findings += check(transcript, profile=profile)
            result["findings"] = len(transcript.findings)
        elif stage == "review":
            written = write_reviews(transcript, out_dir, formats=["html", "json"], profile=profile)
            result["review_mb"] = round(sum(p.stat().st_size for p in written) / 1e6, 1)
        seconds = time.perf_counter() - t0
        now, peak = _rss_mb()
        result["stages"][stage] = {"seconds": round(seconds, 3), "rss_mb": round(now, 1), "peak_mb": round(peak, 1)}
    result["seconds"] = round(sum(s["seconds"] for s in result["stages"].values()), 2)
    result["peak_rss_mb"] = round(_rss_mb()[1], 1)
    return result


def run_size(path: Path, out_dir: Path, stages: tuple[str, ...], timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--size-child", str(path), "--out", str(out_dir), "--stages", ",".join(stages)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if done.returncode != 0:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_size(cues: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="locpipe-size-") as tmp:
        folder = Path(tmp)
        runs: dict = {}
        points = sorted({REFERENCE_CUES, max(REFERENCE_CUES, cues // 4), cues})
        for n in points:
            path = folder / f"film-{n}.srt"
            path.write_text(make_srt(n), encoding="utf-8")
            print(f"  size: {n} cues ({path.stat().st_size / 1e6:.1f} MB) ...", flush=True)
            runs[n] = run_size(path, folder / f"out-{n}", SIZE_STAGES, timeout)
            (folder / f"out-{n}").exists() and _rmtree(folder / f"out-{n}")
        for key, punctuation in (("line", True), ("line-nopunct", False)):
            line = folder / f"{key}.srt"
            line.write_text(single_line(10 * 1024 * 1024, punctuation), encoding="utf-8")
            print(f"  size: one 10 MB line ({'sentences' if punctuation else 'no sentence end'}), locpipe run ...",
                  flush=True)
            runs[key] = run_cli(["run", "--to", "es", "--no-translate", "--no-tm", "--out", str(folder / f"out-{key}"),
                                 str(line)], timeout)
            runs[key]["bytes"] = line.stat().st_size
            _rmtree(folder / f"out-{key}")
    return runs


def run_cli(args: list[str], timeout: float) -> dict:
    """``locpipe ARGS`` in a child process: exit code, seconds and the child's peak RSS."""
    cmd = [sys.executable, "-m", "locpipe", *args]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return {"error": [f"timed out after {timeout:.0f} s"]}
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        tail = out.read().decode("utf-8", "replace").strip().splitlines()[-3:]
    seconds = time.perf_counter() - started
    result = {"exit": proc.returncode, "seconds": round(seconds, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
              "output": tail}
    if proc.returncode != 0:
        result["error"] = tail[-1:] or [f"exit {proc.returncode}"]
    return result


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


# --------------------------------------------------------------------------- fuzzing figures


def fuzz_figures(builtin_inputs: int) -> dict:
    """Per-target inputs and crashes of the last make fuzz, else of a short built-in run."""
    if STATS.is_file():
        stats = json.loads(STATS.read_text(encoding="utf-8"))
        return {"source": f"make fuzz of {stats['started']} ({stats['minutes']:g} min, atheris)",
                "targets": {n: t["executions"] for n, t in stats["targets"].items()},
                "crashes": stats["crashes"]}
    import fuzz_targets as F

    rng = random.Random(8)
    counts: dict[str, int] = {}
    crashes = 0
    for name in F.TARGET_NAMES:
        target = F.get_target(name)
        seeds = F.seeds(name) or [b""]
        counts[name] = 0
        for _ in range(builtin_inputs):
            data = bytearray(rng.choice(seeds))
            for _ in range(rng.randint(1, 8)):
                pos = rng.randint(0, len(data))
                op = rng.randint(0, 2)
                if op == 0:
                    data[pos:pos] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 8)))
                elif op == 1:
                    del data[pos : pos + rng.randint(1, 40)]
                else:
                    data[pos:pos] = data[pos : pos + rng.randint(1, 80)]
            try:
                target(bytes(data))
            except Exception:  # noqa: BLE001 - a crash: counted, the run goes on
                crashes += 1
            counts[name] += 1
    return {"source": f"built-in run ({builtin_inputs} mutated seeds per target; run make fuzz for more)",
            "targets": counts, "crashes": crashes}


def regressions() -> tuple[int, int, list[str]]:
    """(reproducers kept, now fixed, names of those still crashing)."""
    import fuzz_targets as F

    files = sorted(p for p in REGRESSIONS.glob("*/*.bin"))
    failing = []
    for path in files:
        try:
            F.get_target(path.parent.name)(path.read_bytes())
        except Exception:  # noqa: BLE001
            failing.append(f"{path.parent.name}/{path.name}")
    return len(files), len(files) - len(failing), failing


# --------------------------------------------------------------------------- faults and attacks


def pytest_counts(test_file: str, timeout: float) -> dict:
    """Run one test file; return passed/total and the names of the tests (each a fault or an attack)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", test_file]
        subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        if not report.exists():
            return {"passed": 0, "total": 0, "failed": ["pytest did not run"]}
        root = ET.parse(report).getroot()
    cases = list(root.iter("testcase"))
    failed = [c.get("name", "") for c in cases if c.find("failure") is not None or c.find("error") is not None]
    skipped = [c.get("name", "") for c in cases if c.find("skipped") is not None]
    total = len(cases) - len(skipped)
    return {"passed": total - len(failed), "total": total, "failed": failed, "skipped": skipped,
            "names": [c.get("name", "") for c in cases]}


# --------------------------------------------------------------------------- report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cues", type=int, default=100_000, help="largest generated file (default 100000)")
    parser.add_argument("--builtin-inputs", type=int, default=200, help="per target, without make fuzz stats")
    parser.add_argument("--skip-size", action="store_true", help="leave out the size measurements")
    parser.add_argument("--skip-tests", action="store_true", help="leave out the fault and attack tests")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per child process")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--size-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stages", default=",".join(SIZE_STAGES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for var, sub in (("XDG_DATA_HOME", "xdg-data"), ("XDG_CONFIG_HOME", "xdg-config"), ("XDG_CACHE_HOME", "xdg-cache")):
        os.environ.setdefault(var, str(ROOT / ".cache" / sub))
    if args.size_child:
        print(json.dumps(size_child(args.size_child, args.out, tuple(args.stages.split(",")))))
        return 0

    figures: dict = {}
    print("fuzzing ...", flush=True)
    figures["fuzz"] = fuzz_figures(args.builtin_inputs)
    kept, fixed, failing = regressions()
    figures["regressions"] = {"kept": kept, "fixed": fixed, "failing": failing}
    if not args.skip_size:
        print("size ...", flush=True)
        figures["size"] = measure_size(args.cues, args.timeout)
    if not args.skip_tests:
        print("faults and attacks (pytest) ...", flush=True)
        figures["faults"] = pytest_counts("tests/test_faults.py", args.timeout)
        figures["attacks"] = pytest_counts("tests/test_security.py", args.timeout)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print()
    print(render(figures))
    return 0 if not failing and all(
        figures.get(k, {}).get("passed", 0) == figures.get(k, {}).get("total", 0) for k in ("faults", "attacks")
    ) else 1


def render(figures: dict) -> str:
    rows: list[tuple[str, str, str]] = []
    fuzz = figures["fuzz"]
    total = sum(fuzz["targets"].values())
    rows.append(("fuzzing", f"{len(fuzz['targets'])} targets, {fuzz['source']}", f"{total:,} inputs"))
    for name, count in fuzz["targets"].items():
        rows.append(("", f"  {name}", f"{count:,}"))
    reg = figures["regressions"]
    rows.append(("crashes", f"found and kept as reproducers in tests/regressions/ (this fuzz run: {fuzz['crashes']})",
                 f"{reg['kept']} found, {reg['fixed']} fixed"))
    largest = 0
    peak = 0.0
    size = figures.get("size")
    if size:
        ref = size.get(REFERENCE_CUES, size.get(str(REFERENCE_CUES), {}))
        ref_detect = ref["stages"]["detect"]["seconds"] / ref["cues"] * 1000 if ref and "stages" in ref else 0
        for key, run in size.items():
            if str(key).startswith("line"):
                continue
            if "error" in run:
                rows.append(("size", f"{key} cues", f"FAILED: {run['error']}"))
                continue
            per_cue = run["seconds"] / run["cues"] * 1000
            ratio = per_cue / (ref["seconds"] / ref["cues"] * 1000) if ref and "seconds" in ref else 0
            stages = ", ".join(f"{s} {v['seconds']:.1f}s" for s, v in run["stages"].items())
            detect_per_cue = run["stages"]["detect"]["seconds"] / run["cues"] * 1000
            rows.append(("size", f"{run['cues']:,} cues, {run['bytes'] / 1e6:.1f} MB: {stages}; "
                                 f"review {run.get('review_mb', 0)} MB",
                         f"{run['seconds']:.0f} s, {per_cue:.2f} ms/cue ({ratio:.1f}x the {REFERENCE_CUES:,}-cue film; "
                         f"detect {detect_per_cue:.2f} ms/cue, {detect_per_cue / max(ref_detect, 1e-9):.1f}x), "
                         f"peak RSS {run['peak_rss_mb']:.0f} MB"))
            if run["cues"] > largest:
                largest, peak = run["cues"], run["peak_rss_mb"]
        runs = [r for k, r in size.items() if not str(k).startswith("line") and "error" not in r]
        if len(runs) >= 2:
            runs.sort(key=lambda r: r["cues"])
            small, big = runs[-2], runs[-1]
            growth = (big["peak_rss_mb"] - big["baseline_rss_mb"]) / max(1.0, small["peak_rss_mb"] - small["baseline_rss_mb"])
            rows.append(("", f"memory above the loaded models, {small['cues']:,} → {big['cues']:,} cues "
                             f"(x{big['cues'] / small['cues']:.0f})", f"x{growth:.1f}"))
        for key, what in (("line", "words and sentences"), ("line-nopunct", "words, no sentence end")):
            line = size.get(key)
            if not line:
                continue
            if "error" in line:
                rows.append(("size", f"one 10 MB line ({what}), locpipe run", f"failed: {line['error']}"))
                continue
            summary = next((x for x in line["output"] if x.startswith("total:")), "")
            rows.append(("size", f"one {line['bytes'] / 1e6:.1f} MB line ({what}), locpipe run --no-translate: "
                                 f"{' '.join(summary.split())}",
                         f"finished in {line['seconds']:.0f} s, peak RSS {line['peak_rss_mb']:.0f} MB"))
    faults = figures.get("faults")
    attacks = figures.get("attacks")
    for label, data, what in (("faults", faults, "injected (tests/test_faults.py)"),
                              ("attacks", attacks, "tried (tests/test_security.py)")):
        if data:
            rows.append((label, f"{data['total']} {what}", f"{data['passed']}/{data['total']} "
                                                         f"{'survived' if label == 'faults' else 'refused'}"))
            for name in data.get("failed", []):
                rows.append(("", f"  FAILED {name}", ""))
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{'area':<{width[0]}}  {'what was tried':<{width[1]}}  result",
             f"{'-' * width[0]}  {'-' * width[1]}  {'-' * width[2]}"]
    lines += [f"{a:<{width[0]}}  {b:<{width[1]}}  {c}" for a, b, c in rows]
    summary = (f"robustness: fuzzed={total} crashes={reg['kept']} largest_cues={largest} peak_rss={peak:.0f} "
               f"faults={faults['passed'] if faults else 0}/{faults['total'] if faults else 0} "
               f"attacks={attacks['passed'] if attacks else 0}/{attacks['total'] if attacks else 0}")
    return "\n".join(lines) + "\n\n" + summary


if __name__ == "__main__":
    sys.exit(main())
