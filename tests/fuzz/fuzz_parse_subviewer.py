"""atheris harness for the ``parse_subviewer`` target (see fuzz_targets.py); run by scripts/fuzz.py (make fuzz)."""

from fuzz_harness import main

if __name__ == "__main__":
    main("parse_subviewer")
