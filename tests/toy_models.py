"""The toy Argos packages of tests/data/models, installed once per test session into a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TESTDATA

PACKAGES = sorted((TESTDATA / "models").glob("*.argosmodel"))
_INSTALLED: dict[str, Path] = {}


def toy_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder holding every toy package (skips the test when they have not been built)."""
    if not PACKAGES:
        pytest.skip("tests/data/models/*.argosmodel not built (make test-model)")
    if "dir" not in _INSTALLED:
        from locpipe.mt.packages import install_file

        folder = tmp_path_factory.mktemp("toy-models")
        for package in PACKAGES:
            install_file(package, folder)
        _INSTALLED["dir"] = folder
    return _INSTALLED["dir"]


def toy_lexicon() -> dict[str, str]:
    import json

    data = json.loads((TESTDATA / "models" / "toy_lexicon.json").read_text(encoding="utf-8"))
    words: dict[str, str] = data["words"]
    return words


def toy_language():  # type: ignore[no-untyped-def]
    """scripts/toy_language.py as a module (to_toy, from_toy, NAMES)."""
    import importlib.util
    import sys

    from conftest import ROOT

    if "toy_language" not in sys.modules:
        spec = importlib.util.spec_from_file_location("toy_language", ROOT / "scripts" / "toy_language.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["toy_language"] = module
        spec.loader.exec_module(module)
    return sys.modules["toy_language"]
