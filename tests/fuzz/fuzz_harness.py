"""Run one target of :mod:`fuzz_targets` under atheris (libFuzzer); used by every ``fuzz_<target>.py``.

Only locpipe's own code is instrumented for coverage (pysubs2, openpyxl and
spaCy run uninstrumented: faster, and their branches are not ours to steer).
Any exception other than a LocpipeError, or a failed invariant, is a crash:
libFuzzer writes the input to ``-artifact_prefix`` and exits non-zero.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(name: str) -> None:
    import atheris

    with atheris.instrument_imports(include=["locpipe"]):
        from fuzz_targets import get_target, seeds

        import locpipe.formats  # noqa: F401
        import locpipe.review.apply  # noqa: F401
        import locpipe.stages.fit  # noqa: F401
        import locpipe.stages.segment  # noqa: F401

    target = get_target(name)
    for seed in seeds(name)[:1]:
        target(seed)  # warm up (spaCy sentencizer, openpyxl) outside the fuzzing loop

    def test_one_input(data: bytes) -> None:
        target(data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
