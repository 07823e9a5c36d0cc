"""Shared fixtures. ``../shared`` (corpora, eval sets) is optional: tests that need it skip cleanly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LOCPIPE_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
SAMPLES = ROOT / "samples"
TESTDATA = Path(__file__).resolve().parent / "data"


def corpus_files() -> list[Path]:
    """Every file under ../shared/corpora except licences and READMEs ([] when absent)."""
    if not CORPORA.is_dir():
        return []
    skip_names = {"LICENSE", "README.md", "README.txt"}
    return sorted(
        p
        for p in CORPORA.rglob("*")
        if p.is_file() and p.name not in skip_names and not p.name.endswith((".license", ".txt.license"))
        and not p.name.startswith("CC-BY")
    )


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is absent")
    return CORPORA


@pytest.fixture(autouse=True)
def _isolated_argos(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep argostranslate's settings and caches out of the user's home during tests."""
    base = tmp_path_factory.getbasetemp() / "xdg"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(base / var.lower()))
