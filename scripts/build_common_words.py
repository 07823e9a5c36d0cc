"""Write ``locpipe/lexicons/<lang>/common-words.txt``: the language's most frequent words.

The pun detector does not let these words alone evoke a sense of a pun-prone word in the
middle of a line ("show", "school", "friend" are in every other narration line; a pun's two
senses rest on words that say what a line is about). The list is derived from the word
probabilities that ship with spacy-lookups-data (``<lang>_lexeme_prob``, MIT licence): every
lowercase alphabetic word whose log probability is above :data:`THRESHOLD`.

Usage: python scripts/build_common_words.py [LANG ...]   (default: en; the es and fr lists are kept by hand: the
most frequent Spanish words include nouns a pun rests on, such as "cuenta", and there is no French table)
"""

from __future__ import annotations

import sys
from pathlib import Path

#: log probability above which a word counts as common (en: about 450 words)
THRESHOLD = -8.5
ROOT = Path(__file__).resolve().parent.parent / "locpipe" / "lexicons"


def lexeme_probs(lang: str) -> dict[str, float]:
    """word -> log probability, from spacy-lookups-data's ``<lang>_lexeme_prob`` (read as JSON: spaCy's
    own Table keeps only the words' hashes, and these scripts need the words)."""
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, float] = json.load(fh)
    return table


def common_words(lang: str, threshold: float = THRESHOLD) -> list[str]:
    return sorted(w for w, p in lexeme_probs(lang).items() if w.isalpha() and w.islower() and p > threshold)


def main(langs: list[str]) -> None:
    for lang in langs:
        words = common_words(lang)
        path = ROOT / lang / "common-words.txt"
        header = (f"# {lang}: the {len(words)} most frequent lowercase words (log probability > {THRESHOLD}),\n"
                  f"# from spacy-lookups-data's {lang}_lexeme_prob (MIT). Written by scripts/build_common_words.py.\n")
        path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{path}: {len(words)} words")


if __name__ == "__main__":
    main(sys.argv[1:] or ["en"])
