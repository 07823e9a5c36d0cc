"""Every corpus file translated with the toy model (en→xa) in one batched run.

Per file: same cue count and in-times after writing, every line within the profile's characters per
line and every cue within its line count — or a fitting finding saying so for that cue — and every
markup tag either placed on the translation or reported (mt.markup-lost / mt.italics-dropped).
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
from conftest import corpus_files
from toy_models import toy_models_dir

from locpipe import formats
from locpipe.errors import LocpipeError
from locpipe.formats.markup import flavour_of, parse_raw
from locpipe.model import Transcript
from locpipe.profiles import get_profile

pytestmark = pytest.mark.corpus


def _load_all() -> list[Transcript]:
    loaded = []
    for path in corpus_files():
        try:
            loaded.append(formats.load(path, language="en"))
        except LocpipeError:
            continue
    return loaded


def test_every_corpus_file_translates_within_limits(tmp_path_factory: pytest.TempPathFactory) -> None:
    from locpipe.mt.pipeline import translate

    if not corpus_files():
        pytest.skip("../shared/corpora is absent")
    models = toy_models_dir(tmp_path_factory)
    transcripts = _load_all()
    assert transcripts
    profile = get_profile("netflix")
    started = time.perf_counter()
    stats = translate(transcripts, ["xa"], models_dir=models, tm=False, profile=profile)
    elapsed = time.perf_counter() - started
    width, max_lines = profile.max_chars("xa"), profile.max_lines
    over_width = over_lines = placed = reported = 0
    problems: list[str] = []
    checks: Counter[str] = Counter()
    for t in transcripts:
        where = t.path
        texts = t.cue_translations["xa"]
        assert len(texts) == len(t.cues), where
        found = {(f.check, f.cue) for f in t.findings if f.lang == "xa"}
        checks.update(f.check for f in t.findings if f.lang == "xa")
        # writing keeps cue count and in-times
        if formats.FORMATS[t.format].write is not None and t.cues:
            before = formats.loads(formats.dumps(t).encode("utf-8"), path=t.path, format=t.format, fps=t.meta.get("fps"))
            after = formats.loads(formats.dumps(t, lang="xa").encode("utf-8"), path=t.path, format=t.format, fps=t.meta.get("fps"))
            assert len(after.cues) == len(before.cues), where
            assert [c.start for c in after.cues] == [c.start for c in before.cues], where
        flavour = flavour_of(t.format)
        for cue, raw in zip(t.cues, texts, strict=True):
            if raw is None:
                continue
            plain = parse_raw(raw, flavour)[0]
            lines = plain.split("\n")
            if any(len(line) > width for line in lines):
                over_width += 1
                if ("fit.too-long", cue.index) not in found:
                    problems.append(f"{where} cue {cue.index}: a line over {width} characters, not reported: {plain!r}")
            if len(lines) > max_lines:
                over_lines += 1
                if ("fit.too-many-lines", cue.index) not in found:
                    problems.append(f"{where} cue {cue.index}: {len(lines)} lines, not reported: {plain!r}")
            for m in cue.markup:
                if m.raw and m.raw in raw:
                    placed += 1
                elif ("mt.markup-lost", cue.index) in found or ("mt.italics-dropped", cue.index) in found:
                    reported += 1
                else:
                    problems.append(f"{where} cue {cue.index}: tag {m.raw!r} neither placed nor reported")
    cues = sum(len(t.cues) for t in transcripts)
    print(
        f"\ncorpus: {len(transcripts)} files, {cues} cues, {stats.segments} segments, {stats.unique} distinct, "
        f"{stats.translated} translated in {stats.mt_seconds:.1f} s ({stats.sentences_per_second:.0f} sentences/s), "
        f"whole run {elapsed:.1f} s; cues with a line over {width}: {over_width}, over {max_lines} lines: {over_lines}; "
        f"tags placed {placed}, reported {reported}; findings {dict(sorted(checks.items()))}"
    )
    assert problems == []
    # the targets: no line over the profile's limit, no cue over its line count
    assert over_width == 0
    assert over_lines == 0
