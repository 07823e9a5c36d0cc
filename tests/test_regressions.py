"""Replay every reproducer of ``tests/regressions/<target>/`` through its fuzz target.

Each file there is an input that once crashed a target (``make fuzz`` or a
hypothesis test found it; ``tests/regressions/README.md`` says what the bug
was and where it was fixed). The target must now refuse it with a
LocpipeError naming the file, or handle it with every invariant holding.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

import fuzz_targets as F  # noqa: E402

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
CASES = sorted(p for p in REGRESSIONS.glob("*/*") if p.is_file() and p.suffix == ".bin")


def test_every_reproducer_folder_is_a_target() -> None:
    folders = {p.name for p in REGRESSIONS.iterdir() if p.is_dir()}
    assert folders <= set(F.TARGET_NAMES), folders - set(F.TARGET_NAMES)
    assert CASES, "no reproducers: tests/regressions/ is empty"


def test_every_reproducer_is_documented() -> None:
    readme = (REGRESSIONS / "README.md").read_text(encoding="utf-8")
    missing = [f"{p.parent.name}/{p.name}" for p in CASES if f"{p.parent.name}/{p.name}" not in readme]
    assert not missing, f"add these to tests/regressions/README.md: {missing}"


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_reproducer_no_longer_crashes(path: Path) -> None:
    target = F.get_target(path.parent.name)
    assert target(path.read_bytes()) in ("ok", "refused")
