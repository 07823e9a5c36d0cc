"""Print candidate pun-prone words: the language's frequent lemmas that no pun entry lists yet.

The ``puns-freq-*.jsonl`` parts of the English lexicon were written from this list: a person goes
through it, most frequent first, and writes an entry for each word with two clearly different senses
a line could play on (most words have one sense and are skipped). Frequencies are the word
probabilities that ship with spacy-lookups-data (``<lang>_lexeme_prob``, MIT licence).

Usage: python scripts/pun_candidates.py [--lang en] [--min-logprob -13] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def candidates(lang: str = "en", min_logprob: float = -13.0) -> list[str]:
    """Frequent lowercase alphabetic lemmas (3+ letters, not stopwords) that no pun or sound-alike
    entry of ``lang`` lists, most frequent first."""
    from build_common_words import lexeme_probs

    from locpipe.detect.components import get_lemmatizer
    from locpipe.detect.context import STOPWORDS
    from locpipe.detect.humor import _pattern_forms
    from locpipe.detect.lexicon import load_lexicon

    lemmatize = get_lemmatizer(lang)
    forms = {form.lower() for entry in load_lexicon(lang).by_id.values()
             if entry.get("label") in ("pun", "homophone") for form in _pattern_forms(entry)}
    best: dict[str, float] = {}
    for word, logprob in lexeme_probs(lang).items():
        if logprob <= min_logprob or not word.isalpha() or not word.islower() or len(word) < 3 or word in STOPWORDS:
            continue
        base = lemmatize(word)
        if base in forms or word in forms or base in STOPWORDS:
            continue
        best[base] = max(best.get(base, logprob), logprob)
    return sorted(best, key=lambda w: (-best[w], w))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--min-logprob", type=float, default=-13.0, help="log probability a word must exceed")
    parser.add_argument("--out", type=Path, help="write the list here (one word per line) instead of printing it")
    args = parser.parse_args()
    words = candidates(args.lang, args.min_logprob)
    text = "".join(f"{w}\n" for w in words)
    if args.out:
        from locpipe.io import atomic_write_text

        atomic_write_text(args.out, text)
        print(f"{args.out}: {len(words)} words", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
