"""The sample film's files stay consistent with their one source (scripts/film_script.py)."""

import json
import subprocess
import sys

from conftest import ROOT, SAMPLES


def test_samples_match_their_source():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_samples.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sample_film_size_and_annotations():
    ann = json.loads((SAMPLES / "too_many_cooks.annotations.json").read_text(encoding="utf-8"))
    assert 150 <= ann["cues"] <= 250
    kinds = {f["kind"] for f in ann["flags"]}
    assert {"idiom", "culture", "humor", "dialect", "slang", "profanity", "register"} <= kinds
    assert all(1 <= f["cue"] <= ann["cues"] for f in ann["flags"])
