"""Line breaking for subtitles, following the Netflix rules.

One line when it fits; otherwise the fewest lines that fit, choosing break
points that (in order of weight) never leave a lone punctuation mark at a line
start, fall after punctuation, fall before a conjunction or preposition, never
separate an article/determiner/adjective from its noun, a title or first name
from a last name, a subject pronoun from its verb, an auxiliary, negation or
clitic from its verb, a preposition from its object, or a phrasal verb from its
particle; and among equals a bottom-heavy pyramid (the lower line longer).
The word lists are data: ``locpipe/profiles/linebreak.toml``.

Text is handled as *tokens*: whitespace-separated words, and single characters
inside CJK runs (which have no spaces and may break between characters).
A word longer than a line is split as a last resort.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD_LIST_KEYS_AFTER = (
    "articles", "determiners", "adjectives", "subject_pronouns", "auxiliaries", "negations", "clitics",
    "prepositions", "conjunctions", "titles",
)
_WORD_LIST_KEYS_BEFORE = ("particles", "post_negations")

# Penalties for breaking after a word of each list (a line must not END on it).
_AFTER_PENALTY = {
    "articles": 60, "determiners": 50, "adjectives": 35, "titles": 60, "subject_pronouns": 35,
    "auxiliaries": 35, "negations": 45, "clitics": 45, "prepositions": 40, "conjunctions": 20,
}
# Penalties for breaking before a word of each list (a line must not START with it).
_BEFORE_PENALTY = {"particles": 30, "post_negations": 35}
# Bonuses (subtracted) for breaking before a conjunction or a preposition.
_BEFORE_BONUS = {"conjunctions": 4, "prepositions": 3}

BASE_COST = 10.0
NEVER = 1000.0

_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u203c]+[\"'\u201d\u2019\u00bb)\]\u300d\u300f\uff09]*$")
_CLAUSE_END = re.compile(r"[,;:\u2014\u2013\uff0c\u3001\uff1b\uff1a\u060c]+[\"'\u201d\u2019\u00bb)\]]*$")
# Tokens that must not begin a line: lone or leading closing punctuation (French "Quoi ?").
_NO_LINE_START = re.compile(r"^[?!:;.,\u2026\u00bb\u201d\u2019)\]}\u3001\u3002\uff0c\uff01\uff1f\u300d\u300f\uff09%]")
# Tokens that must not end a line: lone opening punctuation.
_NO_LINE_END = re.compile(r"^[\u00ab\u201c\u2018\u00bf\u00a1(\[{\u300c\u300e\uff08\"'\u2014\u2013-]+$")
_STRIP = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u00bf\u00a1()[]{}.,;:!?\u2026-\u2014\u2013*"
_NUMBER = re.compile(r"^[$€£¥]?\d[\d.,:]*%?$")


@dataclass(frozen=True)
class Token:
    """A breakable unit of text.

    Attributes:
        text: the token's characters.
        start: offset of the token in the text it came from.
        end: end offset, exclusive.
        space: whether a space separates it from the previous token on the same line.
    """

    text: str
    start: int
    end: int
    space: bool


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def tokenize(text: str) -> list[Token]:
    """Whitespace-separated words; runs of wide (CJK) characters split into single characters.

    Closing punctuation stays with the character before it and opening
    punctuation with the character after it, so neither can be stranded.
    """
    tokens: list[Token] = []
    for m in re.finditer(r"\S+", text):
        word, base = m.group(), m.start()
        if word.isascii() or not any(_is_wide(ch) for ch in word):
            tokens.append(Token(word, base, m.end(), True))
            continue
        pieces: list[list[int]] = []  # [start, end] offsets within word
        i = 0
        while i < len(word):
            j = i + 1
            if not _is_wide(word[i]):
                while j < len(word) and not _is_wide(word[j]):
                    j += 1
            prev = word[pieces[-1][0] : pieces[-1][1]] if pieces else ""
            if pieces and (_NO_LINE_START.match(word[i]) or _NO_LINE_END.match(prev)):
                pieces[-1][1] = j
            else:
                pieces.append([i, j])
            i = j
        for k, (s, e) in enumerate(pieces):
            tokens.append(Token(word[s:e], base + s, base + e, k == 0))
    return tokens


def join_tokens(tokens: list[Token]) -> str:
    out: list[str] = []
    for k, tok in enumerate(tokens):
        if k and tok.space:
            out.append(" ")
        out.append(tok.text)
    return "".join(out)


def _line_len(tokens: list[Token], lo: int, hi: int) -> int:
    return sum(len(t.text) for t in tokens[lo:hi]) + sum(1 for t in tokens[lo + 1 : hi] if t.space)


class _Lengths:
    """O(1) line lengths from prefix sums."""

    def __init__(self, tokens: list[Token]):
        self.chars = [0]
        self.spaces = [0]
        for tok in tokens:
            self.chars.append(self.chars[-1] + len(tok.text))
            self.spaces.append(self.spaces[-1] + (1 if tok.space else 0))

    def __call__(self, lo: int, hi: int) -> int:
        if hi <= lo:
            return 0
        return self.chars[hi] - self.chars[lo] + self.spaces[hi] - self.spaces[lo + 1]


@lru_cache(maxsize=1)
def _all_word_lists() -> dict[str, dict[str, frozenset[str]]]:
    data = tomllib.loads(resources.files("locpipe").joinpath("profiles/linebreak.toml").read_text("utf-8"))
    return {
        lang: {key: frozenset(w.lower() for w in words) for key, words in table.items()}
        for lang, table in data.items()
    }


@lru_cache(maxsize=64)
def word_lists(lang: str) -> dict[str, frozenset[str]]:
    """The line-break word lists for ``lang`` (base language, then ``default``)."""
    tables = _all_word_lists()
    code = (lang or "").lower().replace("_", "-").split("-")[0]
    table = dict(tables.get("default", {}))
    table.update(tables.get(code, {}))
    return table


def _norm(word: str) -> str:
    return word.strip(_STRIP).lower()


def _is_capitalized(word: str) -> bool:
    w = word.strip(_STRIP)
    return bool(w) and w[0].isupper() and not w.isupper()


def break_cost(tokens: list[Token], i: int, lang: str) -> float:
    """Cost of ending a line after ``tokens[i]`` (lower is better; ``NEVER`` for forbidden)."""
    left, right = tokens[i].text, tokens[i + 1].text
    if _NO_LINE_START.match(right) or _NO_LINE_END.match(left):
        return NEVER
    lists = word_lists(lang)
    w, nxt = _norm(left), _norm(right)
    lower_left = left.lower()
    # An abbreviated title ends with a period but is not a sentence end.
    if lower_left in lists.get("titles", ()) or w in lists.get("titles", ()):
        return BASE_COST + _AFTER_PENALTY["titles"]
    if _SENTENCE_END.search(left):
        return 0.0
    if _CLAUSE_END.search(left):
        return 1.0
    if not tokens[i + 1].space:  # inside a CJK run
        return BASE_COST
    cost = BASE_COST
    # Words like "that" are both determiners and conjunctions: take the worst penalty
    # of the lists the word is in, not the sum.
    after = [_AFTER_PENALTY[key] for key in _WORD_LIST_KEYS_AFTER if w in lists.get(key, ())]
    if after:
        cost += max(after)
    before = [_BEFORE_PENALTY[key] for key in _WORD_LIST_KEYS_BEFORE if nxt in lists.get(key, ())]
    if before and w not in lists.get("prepositions", ()):
        cost += max(before)
    if not after:
        bonus = [_BEFORE_BONUS[key] for key in _BEFORE_BONUS if nxt in lists.get(key, ())]
        if bonus:
            cost -= max(bonus)
    # First name + last name (two capitalised words, the first not opening a sentence).
    if _is_capitalized(left) and _is_capitalized(right) and i > 0 and not _SENTENCE_END.search(tokens[i - 1].text):
        cost += 40
    # A number and its unit or noun: "5 km", "10 dollars".
    if _NUMBER.match(left) and nxt.isalpha():
        cost += 30
    return max(cost, 0.0)


def _pair_cost(upper: int, lower: int) -> float:
    """Shape penalty for two consecutive lines: bottom-heavy is preferred."""
    if upper > lower:
        return (upper - lower) * 0.45
    return (lower - upper) * 0.1


def split_long_tokens(tokens: list[Token], width: int) -> tuple[list[Token], bool]:
    """Split tokens longer than ``width`` (after a hyphen or slash when possible). Returns (tokens, split?)."""
    out: list[Token] = []
    split = False
    for tok in tokens:
        if len(tok.text) <= width:
            out.append(tok)
            continue
        split = True
        text, pos, first = tok.text, 0, True
        while len(text) - pos > width:
            cut = pos + width
            soft = max(text.rfind("-", pos + 1, cut), text.rfind("/", pos + 1, cut))
            if soft > pos:
                cut = soft + 1
            out.append(Token(text[pos:cut], tok.start + pos, tok.start + cut, tok.space if first else False))
            pos, first = cut, False
        out.append(Token(text[pos:], tok.start + pos, tok.end, tok.space if first else False))
    return out, split


# Above this many tokens the optimal search is replaced by greedy filling (bounded time on hostile input).
MAX_OPTIMAL_TOKENS = 400


def layout(tokens: list[Token], width: int, lang: str) -> list[list[Token]]:
    """Lay tokens out in the fewest lines of at most ``width`` characters, best breaks first.

    Every token must fit in ``width`` (see :func:`split_long_tokens`).
    """
    n = len(tokens)
    if n == 0:
        return []
    if _line_len(tokens, 0, n) <= width:
        return [tokens]
    if n > MAX_OPTIMAL_TOKENS:
        return _greedy(tokens, width)
    costs = [break_cost(tokens, i, lang) for i in range(n - 1)]
    line_len = _Lengths(tokens)
    # best[(h, i)] = (lines, cost, previous h) for a layout of tokens[:i] whose last line is tokens[h:i].
    best: dict[tuple[int, int], tuple[int, float, int]] = {}
    ends_at: dict[int, list[int]] = {0: []}
    for i in range(1, n + 1):
        ends_at[i] = []
        h = i - 1
        while h >= 0 and line_len(h, i) <= width:
            length = line_len(h, i)
            if h == 0:
                best[(0, i)] = (1, 0.0, -1)
                ends_at[i].append(0)
            else:
                choice: tuple[int, float, int] | None = None
                for g in ends_at[h]:
                    lines, cost, _ = best[(g, h)]
                    cand = (lines + 1, cost + costs[h - 1] + _pair_cost(line_len(g, h), length), g)
                    if choice is None or cand[:2] < choice[:2]:
                        choice = cand
                if choice is not None:
                    best[(h, i)] = choice
                    ends_at[i].append(h)
            h -= 1
    finals = [(best[(h, n)], h) for h in ends_at[n]]
    if not finals:
        return _greedy(tokens, width)
    (_, _, prev), h = min(finals, key=lambda item: item[0][:2])
    bounds = [(h, n)]
    i = h
    while prev >= 0:
        bounds.append((prev, i))
        _, _, nxt = best[(prev, i)]
        i, prev = prev, nxt
    bounds.reverse()
    return [tokens[lo:hi] for lo, hi in bounds]


def _greedy(tokens: list[Token], width: int) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    length = 0
    for tok in tokens:
        extra = len(tok.text) + (1 if lines[-1] and tok.space else 0)
        if lines[-1] and length + extra > width:
            lines.append([tok])
            length = len(tok.text)
        else:
            lines[-1].append(tok)
            length += extra
    return lines


@dataclass
class Broken:
    """The result of :func:`break_text`.

    Attributes:
        lines: the lines, without line-break characters.
        split_words: words longer than a line that had to be cut.
        fits: every line is within the width and there are at most ``max_lines``.
    """

    lines: list[str]
    split_words: list[str]
    fits: bool


def break_text(text: str, width: int, *, max_lines: int = 2, lang: str = "en") -> Broken:
    """Break ``text`` into lines of at most ``width`` characters following the Netflix rules.

    Keeps every word; when the text needs more than ``max_lines`` lines it is
    still broken (``fits`` is False) so that no line exceeds ``width``.
    """
    width = max(1, width)
    tokens = tokenize(text)
    long_words = [t.text for t in tokens if len(t.text) > width]
    tokens, _ = split_long_tokens(tokens, width)
    lines = [join_tokens(line) for line in layout(tokens, width, lang)]
    fits = len(lines) <= max_lines and all(len(line) <= width for line in lines) and not long_words
    return Broken(lines=lines, split_words=long_words, fits=fits)


def break_lines(text: str, width: int, *, max_lines: int = 2, lang: str = "en") -> list[str]:
    """The lines of :func:`break_text`."""
    return break_text(text, width, max_lines=max_lines, lang=lang).lines
