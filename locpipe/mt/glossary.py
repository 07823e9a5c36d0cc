"""Glossary: names and terms that must come out of MT a given way, and numbers that must survive.

File format (``--glossary FILE``): CSV, or TSV when the first line has a tab.
Columns: source term, target term or ``keep`` (do not translate: the source
term must appear unchanged), and an optional target language (blank: every
language). A header row (``source,target[,lang]``) is optional; blank lines
and lines starting with ``#`` are ignored. Example::

    source,target,lang
    Morag,keep
    Too Many Cooks,Demasiados cocineros,es
    haggis,keep

How terms are protected: the segment is translated as it is, then each term
found in the source is looked for in the output; when the engine lost it, the
target words aligned (through the model's attention) with the term's source
words are replaced by the required text. Placeholders were the alternative;
they were not chosen because a placeholder SentencePiece does not know
becomes ``<unk>``, which ``replace_unknowns`` copies back as the raw source
piece and the detokenizer then prints as " ⁇ ", while a placeholder made of
known pieces is itself translated or inflected by the model. Post-correction
keeps the model's own sentence and needs no special token. (Not yet measured
against placeholders on the toy model: reasoning from how Argos decodes.)
Where neither the output nor the alignment yields the term, the pipeline
reports an ``mt.glossary`` finding.

Numbers (``mt.numbers``): every number in the source must appear in the
translation (a decimal comma and point are treated alike).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..io import read_bytes

KEEP = "keep"
_HEADER_SOURCE = {"source", "src", "term", "source term", "source_term"}


@dataclass(frozen=True)
class GlossaryTerm:
    """One glossary entry.

    Attributes:
        source: the term as it appears in the source.
        target: what must appear in the translation (equal to ``source`` when kept).
        keep: True for a do-not-translate entry.
        lang: target language it applies to, ``""`` for all.
        line: 1-based line in the glossary file.
    """

    source: str
    target: str
    keep: bool = False
    lang: str = ""
    line: int = 0

    def pattern(self) -> re.Pattern[str]:
        flags = re.IGNORECASE if self.source == self.source.lower() else 0
        return re.compile(r"(?<!\w)" + re.escape(self.source) + r"(?!\w)", flags)


@dataclass
class Glossary:
    """Terms loaded from a glossary file."""

    terms: list[GlossaryTerm]
    path: str = ""

    def for_lang(self, lang: str) -> list[GlossaryTerm]:
        # longest first, so "New York City" wins over "New York"
        terms = [t for t in self.terms if not t.lang or t.lang == lang]
        return sorted(terms, key=lambda t: -len(t.source))

    def __len__(self) -> int:
        return len(self.terms)


def load_glossary(path: str | Path) -> Glossary:
    """Read a CSV/TSV glossary; a bad row is an InputError naming the file and line."""
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"the glossary is not UTF-8 (byte {err.start}); save it as UTF-8 CSV or TSV", path=path
        ) from err
    return parse_glossary(text, path=str(path))


def parse_glossary(text: str, *, path: str = "<glossary>") -> Glossary:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    terms: list[GlossaryTerm] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        rows = list(reader)
    except csv.Error as err:
        raise InputError(f"not a valid CSV/TSV glossary: {err}; check quoting", path=path, line=reader.line_num) from err
    line = 0
    for row in rows:
        line += 1 + sum(cell.count("\n") for cell in row)
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not terms and not seen and cells[0].lower() in _HEADER_SOURCE:
            continue  # header row
        if len(cells) < 2 or not cells[1]:
            raise InputError(
                f"glossary row {row!r} has no target; write 'source{delimiter}target' or "
                f"'source{delimiter}keep' to leave the term untranslated",
                path=path,
                line=line,
            )
        if len(cells) > 3 and any(cells[3:]):
            raise InputError(
                f"glossary row has {len(cells)} columns; expected source, target and an optional "
                "language (quote a term that contains the delimiter)",
                path=path,
                line=line,
            )
        source, target = cells[0], cells[1]
        lang = cells[2].lower() if len(cells) > 2 else ""
        if not source:
            raise InputError("glossary row has an empty source term; fill it in or delete the row", path=path, line=line)
        if lang and not re.fullmatch(r"[a-z]{2,3}([-_][a-z0-9]+)?", lang):
            raise InputError(
                f"glossary language {cells[2]!r} is not a language code; use e.g. es, fr, pt-br",
                path=path,
                line=line,
            )
        keep = target.lower() == KEEP
        key = (source, lang)
        if key in seen:
            raise InputError(
                f"glossary term {source!r} is listed twice (first on line {seen[key]}); keep one",
                path=path,
                line=line,
            )
        seen[key] = line
        terms.append(GlossaryTerm(source, source if keep else target, keep, lang, line))
    return Glossary(terms, path)


@dataclass
class TermHit:
    """A glossary term found in a source segment: its char span and its word indexes."""

    term: GlossaryTerm
    start: int
    end: int
    words: list[int]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the whitespace-separated words of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def words_in(spans: list[tuple[int, int]], start: int, end: int) -> list[int]:
    return [i for i, (a, b) in enumerate(spans) if a < end and b > start]


def find_terms(text: str, terms: list[GlossaryTerm]) -> list[TermHit]:
    """Non-overlapping occurrences of ``terms`` (longest first) in a source segment."""
    spans = word_spans(text)
    taken: list[tuple[int, int]] = []
    hits: list[TermHit] = []
    for term in terms:
        for m in term.pattern().finditer(text):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append(TermHit(term, m.start(), m.end(), words_in(spans, m.start(), m.end())))
    hits.sort(key=lambda h: h.start)
    return hits


def _contains(text: str, term: str) -> bool:
    flags = re.IGNORECASE if term == term.lower() else 0
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, flags) is not None


_EDGE_PUNCT = "\"'«»“”‘’¿¡([{"
_TAIL_PUNCT = ".,;:!?…\"'»”’)]}"


def enforce_terms(
    source: str, target: str, alignment: list[list[int]] | list[tuple[int, int]], terms: list[GlossaryTerm]
) -> tuple[str, list[list[int]], list[GlossaryTerm]]:
    """Make every term of ``source`` appear in ``target``.

    Returns the corrected target, its (updated) alignment and the terms that
    could not be placed. A term already present is left alone; otherwise the
    target words aligned with the term's source words are replaced by the
    term's target (leading and trailing punctuation of those words kept).
    """
    hits = find_terms(source, terms)
    if not hits:
        return target, [list(p) for p in alignment], []
    pairs = [tuple(p) for p in alignment]
    lost: list[GlossaryTerm] = []
    # count how many times each target term must appear
    for hit in hits:
        need = sum(1 for h in hits if h.term.target == hit.term.target)
        have = len(re.findall(r"(?<!\w)" + re.escape(hit.term.target) + r"(?!\w)", target,
                              re.IGNORECASE if hit.term.target == hit.term.target.lower() else 0))
        if have >= need or (need == 1 and _contains(target, hit.term.target)):
            continue
        tgt_spans = word_spans(target)
        tw = sorted({t for s, t in pairs if s in hit.words and t < len(tgt_spans)})
        if not tw:
            lost.append(hit.term)
            continue
        # a contiguous run only: never swallow words between two aligned pieces
        first, last = tw[0], tw[-1]
        if last - first + 1 > len(hit.words) + 2:
            lost.append(hit.term)
            continue
        a = tgt_spans[first][0]
        b = tgt_spans[last][1]
        chunk = target[a:b]
        lead = len(chunk) - len(chunk.lstrip(_EDGE_PUNCT))
        trail = len(chunk) - len(chunk.rstrip(_TAIL_PUNCT))
        a2, b2 = a + lead, b - trail
        if a2 >= b2:
            lost.append(hit.term)
            continue
        target = target[:a2] + hit.term.target + target[b2:]
        pairs = _realign(pairs, first, last, hit.words, len(hit.term.target.split()))
    return target, [list(p) for p in pairs], lost


def _realign(pairs: list[tuple[int, ...]], first: int, last: int, src_words: list[int], n_new: int) -> list[tuple[int, ...]]:
    """Alignment after target words first..last were replaced by ``n_new`` words."""
    shift = n_new - (last - first + 1)
    out: list[tuple[int, ...]] = []
    for s, t in pairs:
        if first <= t <= last:
            continue
        out.append((s, t + shift if t > last else t))
    for k in range(n_new):
        for s in src_words:
            out.append((s, first + k))
    return sorted(set(out))


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,:]\d+)*")


def numbers(text: str) -> list[str]:
    """Numbers written with digits, normalised (a decimal comma becomes a point, thousands separators dropped)."""
    out = []
    for m in _NUMBER.finditer(text):
        out.append(_norm_number(m.group()))
    return out


def _norm_number(num: str) -> str:
    if ":" in num:
        return num  # a time of day or a score stays as written
    parts = re.split(r"[.,]", num)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)  # 1,000,000 / 1.000.000
    if len(parts) == 2:
        return parts[0] + "." + parts[1]
    return "".join(parts)


def missing_numbers(source: str, target: str) -> list[str]:
    """Numbers of ``source`` that ``target`` lacks (as many times as they occur)."""
    have = numbers(target)
    missing = []
    for n in numbers(source):
        if n in have:
            have.remove(n)
        else:
            missing.append(n)
    return missing
