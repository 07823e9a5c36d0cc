"""Bounded coverage-guided fuzzing of every input surface (``make fuzz``).

Runs the atheris harnesses of ``tests/fuzz/fuzz_<target>.py`` round-robin, one
libFuzzer process per time slice, for ``--minutes`` in all. Each target keeps
its corpus in ``.cache/fuzz/corpus/<target>/`` (seeded from the repository's
own samples and golden cases, never from ../shared), so later runs continue
where earlier ones stopped.

A crash (any exception but a LocpipeError, a failed invariant), a timeout
(one input over ``--timeout`` seconds: more than linear time) or an
out-of-memory input is copied to ``tests/regressions/<target>/`` as
``<kind>-<sha1>.bin`` with its traceback in ``.cache/fuzz/logs/``; the target
then resumes for the rest of its slice. ``tests/test_regressions.py`` replays
every reproducer, so each crash found becomes a test.

Statistics (executions, corpus size, crashes per target) go to
``.cache/fuzz/stats.json``, which ``scripts/robustness.py`` reads.
Exit status 1 when a new crash was found.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUZZ_DIR = ROOT / "tests" / "fuzz"
REGRESSIONS = ROOT / "tests" / "regressions"
CACHE = ROOT / ".cache" / "fuzz"
STATS = CACHE / "stats.json"

sys.path.insert(0, str(FUZZ_DIR))


def target_names() -> list[str]:
    from fuzz_targets import TARGET_NAMES

    return list(TARGET_NAMES)


def seed_corpus(name: str, corpus: Path) -> None:
    """Write the target's seeds into an empty corpus folder."""
    from fuzz_targets import seeds

    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    for data in seeds(name):
        (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)


_STARTUP = [10.0]  # seconds a harness takes to start (measured as we go)
MIN_FUZZ_S = 10
_STAT = re.compile(r"^stat::(\w+):\s*(\d+)", re.M)
_ARTIFACT = re.compile(r"(crash|timeout|oom|leak)-[0-9a-f]+")


def last_exception(log: str) -> str:
    """The exception line of the Python traceback in a libFuzzer log ('' when none)."""
    lines = [ln for ln in log.splitlines() if ln.strip()]
    for i, ln in enumerate(lines):
        if ln.strip().startswith("=== Uncaught Python exception"):
            for later in lines[i + 1 :]:
                if not later.startswith((" ", "Traceback")):
                    return later.strip()[:300]
    for ln in lines:
        if "ERROR: libFuzzer:" in ln:
            return ln.split("ERROR: libFuzzer:", 1)[1].strip()[:300]
    return ""


def run_slice(name: str, seconds: float, args: argparse.Namespace, log_dir: Path) -> dict:
    """Fuzz ``name`` for ``seconds`` (restarting after each crash); return what happened."""
    corpus = CACHE / "corpus" / name
    artifacts = CACHE / "artifacts" / name
    artifacts.mkdir(parents=True, exist_ok=True)
    seed_corpus(name, corpus)
    harness = FUZZ_DIR / f"fuzz_{name}.py"
    out = {"executions": 0, "new_units": 0, "peak_rss_mb": 0, "crashes": [], "runs": 0}
    deadline = time.monotonic() + seconds
    first = True
    while True:
        # a turn's time includes the harness's start-up (imports, spaCy): fuzz for the rest,
        # but at least MIN_FUZZ_S on the turn's first start (a crash restart only if time is left)
        left = int(deadline - time.monotonic() - _STARTUP[0])
        if first:
            left = max(left, MIN_FUZZ_S)
        elif left < MIN_FUZZ_S:
            break
        first = False
        t0 = time.monotonic()
        before = {p.name for p in artifacts.iterdir()}
        cmd = [
            sys.executable, str(harness), str(corpus),
            f"-max_total_time={left}", f"-timeout={args.timeout}", f"-rss_limit_mb={args.rss_mb}",
            f"-max_len={args.max_len}", f"-artifact_prefix={artifacts}/", "-print_final_stats=1",
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=ROOT,
                              timeout=left + args.timeout * 3 + 120)
        out["runs"] += 1
        log = proc.stderr + proc.stdout
        stats = {k: int(v) for k, v in _STAT.findall(log)}
        if "number_of_executed_units" in stats:
            spent = time.monotonic() - t0 - left
            _STARTUP[0] = max(2.0, min(60.0, (_STARTUP[0] + spent) / 2))
        out["executions"] += stats.get("number_of_executed_units", 0)
        if "number_of_executed_units" not in stats:  # crashed: count the last progress line
            m = re.findall(r"^#(\d+)\s", log, re.M)
            out["executions"] += int(m[-1]) if m else 0
        out["new_units"] += stats.get("new_units_added", 0)
        out["peak_rss_mb"] = max(out["peak_rss_mb"], stats.get("peak_rss_mb", 0))
        new = sorted(p for p in artifacts.iterdir() if p.name not in before and _ARTIFACT.match(p.name))
        if proc.returncode != 0 and not new:
            (log_dir / f"{name}-error.log").write_text(log, encoding="utf-8")
            print(f"  {name}: harness failed (exit {proc.returncode}); see {log_dir / (name + '-error.log')}")
            out["crashes"].append({"kind": "harness", "error": last_exception(log) or log[-300:]})
            break
        for artifact in new:
            data = artifact.read_bytes()
            kind = artifact.name.split("-", 1)[0]
            digest = hashlib.sha1(data).hexdigest()[:16]
            dest = REGRESSIONS / name / f"{kind}-{digest}.bin"
            known = dest.exists()
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(artifact, dest)
            (log_dir / f"{name}-{kind}-{digest}.log").write_text(log, encoding="utf-8")
            error = last_exception(log)
            out["crashes"].append({"kind": kind, "file": str(dest.relative_to(ROOT)), "error": error,
                                   "known": known})
            print(f"  {name}: {kind} {'(known) ' if known else ''}→ {dest.relative_to(ROOT)}: {error}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="total fuzzing time (default 10)")
    parser.add_argument("--targets", default="", help="comma-separated targets (default: all)")
    parser.add_argument("--slice", type=float, default=0, help="seconds per turn (default: from --minutes)")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take (default 10)")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory limit per process (default 2048)")
    parser.add_argument("--max-len", type=int, default=16384, help="largest input in bytes (default 16384)")
    args = parser.parse_args(argv)
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install -e '.[fuzz]' (make fuzz does it)", file=sys.stderr)
        return 2
    os.environ.setdefault("XDG_DATA_HOME", str(ROOT / ".cache" / "xdg-data"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(ROOT / ".cache" / "xdg-config"))
    os.environ.setdefault("XDG_CACHE_HOME", str(ROOT / ".cache" / "xdg-cache"))

    names = target_names()
    if args.targets:
        wanted = [t.strip() for t in args.targets.split(",") if t.strip()]
        unknown = [t for t in wanted if t not in names]
        if unknown:
            parser.error(f"unknown targets {unknown}; known: {', '.join(names)}")
        names = wanted
    total = args.minutes * 60
    if args.slice:
        slice_s = args.slice
    else:  # at least one turn each; turns of about a minute when there is time
        rounds = max(1, int(total // (len(names) * 60)))
        slice_s = total / (len(names) * rounds)
    log_dir = CACHE / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    started = time.time()
    deadline = time.monotonic() + total
    per: dict[str, dict] = {n: {"executions": 0, "new_units": 0, "peak_rss_mb": 0, "crashes": [], "runs": 0,
                                "seconds": 0.0} for n in names}
    print(f"fuzzing {len(names)} targets for {args.minutes:g} min, {slice_s:.0f} s per turn")
    turn = 0
    while time.monotonic() < deadline - 3:
        name = names[turn % len(names)]
        turn += 1
        seconds = min(slice_s, deadline - time.monotonic())
        t0 = time.monotonic()
        got = run_slice(name, seconds, args, log_dir)
        acc = per[name]
        acc["seconds"] += time.monotonic() - t0
        for key in ("executions", "new_units", "runs"):
            acc[key] += got[key]
        acc["peak_rss_mb"] = max(acc["peak_rss_mb"], got["peak_rss_mb"])
        acc["crashes"] += got["crashes"]
        print(f"  {name}: {got['executions']} inputs in {time.monotonic() - t0:.0f} s"
              f"{', ' + str(len(got['crashes'])) + ' crash(es)' if got['crashes'] else ''}")
    for name, acc in per.items():
        corpus = CACHE / "corpus" / name
        acc["corpus"] = sum(1 for _ in corpus.iterdir()) if corpus.is_dir() else 0
    crashes = [c for acc in per.values() for c in acc["crashes"]]
    stats = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
        "minutes": round((time.time() - started) / 60, 2),
        "targets": per,
        "total_executions": sum(acc["executions"] for acc in per.values()),
        "crashes": len(crashes),
        "new_crashes": sum(1 for c in crashes if not c.get("known")),
    }
    STATS.parent.mkdir(parents=True, exist_ok=True)
    tmp = STATS.with_suffix(".tmp")
    tmp.write_text(json.dumps(stats, indent=2), encoding="utf-8")
    os.replace(tmp, STATS)

    print(f"\n{'target':<20} {'inputs':>10} {'corpus':>7} {'crashes':>8}")
    for name, acc in per.items():
        print(f"{name:<20} {acc['executions']:>10} {acc['corpus']:>7} {len(acc['crashes']):>8}")
    print(f"{'total':<20} {stats['total_executions']:>10} {'':>7} {len(crashes):>8}")
    print(f"stats: {STATS.relative_to(ROOT)}")
    if stats["new_crashes"]:
        print(f"{stats['new_crashes']} new crash(es) in tests/regressions/: fix them; "
              "tests/test_regressions.py replays them")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
