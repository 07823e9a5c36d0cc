"""Basic sanity check for a locpipe idiom lexicon file (JSON Lines).

Usage: python scripts/check_lexicon_basic.py locpipe/lexicons/en/idioms.jsonl

Checks: valid JSON per line, required fields, label values, id prefix and
uniqueness, gloss length, template syntax (balanced parentheses, no empty
alternatives), a minimum of two tokens, and that no two entries share an
expanded surface form (a duplicate or near-duplicate pattern).
Exits 1 and prints every problem with its line number when something is wrong.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

LABELS = {"idiom", "phrasal", "saying", "expression"}
REQUIRED = ("id", "label", "pattern", "gloss")
SLOTS = {"one's", "someone's", "somebody's", "someone", "somebody", "something", "oneself"}
MAX_EXPANSIONS = 512


def tokens(pattern: str) -> list[str]:
    return pattern.split()


def token_choices(tok: str) -> list[str | None]:
    optional = tok.startswith("(") and tok.endswith(")")
    core = tok[1:-1] if optional else tok
    choices: list[str | None] = [c.lower() for c in core.split("|")]
    if optional:
        choices.append(None)
    return choices


def expansions(pattern: str) -> set[str]:
    choice_lists = [token_choices(t) for t in tokens(pattern)]
    out: set[str] = set()
    for combo in itertools.islice(itertools.product(*choice_lists), MAX_EXPANSIONS):
        words = [w for w in combo if w is not None]
        out.add(" ".join(words))
    return out


def check_pattern(pattern: str) -> list[str]:
    problems = []
    if pattern != pattern.strip() or "  " in pattern:
        problems.append("stray whitespace in pattern")
    for tok in tokens(pattern):
        inner = tok[1:-1] if tok.startswith("(") and tok.endswith(")") else tok
        if "(" in inner or ")" in inner:
            problems.append(f"unbalanced or nested parentheses in token {tok!r}")
        if re.search(r"\w-\w", inner):
            problems.append(f"hyphenated token {tok!r}: write the words apart, the tokenizer splits hyphens")
        parts = inner.split("|")
        if (len(parts) > 1 or inner != tok) and any(part.lower() in SLOTS for part in parts):
            problems.append(f"slot inside an alternative or optional token {tok!r}: write separate entries")
        if len(parts) > 1 and any("'" in part for part in parts):
            problems.append(f"apostrophe inside an alternative {tok!r}: the tokenizer splits it; write separate entries")
        if any(part == "" for part in parts):
            problems.append(f"empty alternative in token {tok!r}")
    required = [t for t in tokens(pattern) if not (t.startswith("(") and t.endswith(")"))]
    if len(required) < 2:
        problems.append("pattern needs at least two required tokens")
    if all(t in SLOTS for t in required):
        problems.append("pattern is made only of slots")
    return problems


def check_file(path: Path) -> list[str]:
    problems: list[str] = []
    ids: dict[str, int] = {}
    forms: dict[str, int] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{lineno}"
        if not line.strip():
            problems.append(f"{where}: empty line")
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON ({exc})")
            continue
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        # a token pattern (a list of spaCy token dicts) is checked by the loader, not here
        token_pattern = isinstance(entry.get("pattern"), list) and bool(entry["pattern"]) and all(
            isinstance(t, dict) for t in entry["pattern"])
        missing = [f for f in REQUIRED if not (f == "pattern" and token_pattern)
                   and (not isinstance(entry.get(f), str) or not entry[f].strip())]
        if missing:
            problems.append(f"{where}: missing or empty field(s) {', '.join(missing)}")
            continue
        if not re.fullmatch(r"en\.idiom\.[a-z0-9]+(?:-[a-z0-9]+)*", entry["id"]):
            problems.append(f"{where}: bad id {entry['id']!r}")
        if entry["id"] in ids:
            problems.append(f"{where}: duplicate id {entry['id']!r} (first on line {ids[entry['id']]})")
        ids.setdefault(entry["id"], lineno)
        if entry["label"] not in LABELS:
            problems.append(f"{where}: label {entry['label']!r} not in {sorted(LABELS)}")
        if len(entry["gloss"]) > 120:
            problems.append(f"{where}: gloss longer than 120 characters")
        if "literal" in entry and (
            not isinstance(entry["literal"], list)
            or not all(isinstance(w, str) and w for w in entry["literal"])
        ):
            problems.append(f"{where}: literal must be a list of words")
        if "note" in entry and not isinstance(entry["note"], str):
            problems.append(f"{where}: note must be a string")
        extra = set(entry) - {"id", "label", "pattern", "gloss", "note", "literal"}
        if extra:
            problems.append(f"{where}: unknown field(s) {', '.join(sorted(extra))}")
        if token_pattern:
            continue
        problems.extend(f"{where}: {p}" for p in check_pattern(entry["pattern"]))
        for form in expansions(entry["pattern"]):
            if form in forms and forms[form] != lineno:
                problems.append(f"{where}: form {form!r} already covered on line {forms[form]}")
            forms.setdefault(form, lineno)
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = Path(argv[1])
    problems = check_file(path)
    for p in problems:
        print(p)
    if problems:
        return 1
    entries = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["label"]] = counts.get(e["label"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{path}: {len(entries)} entries OK ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
