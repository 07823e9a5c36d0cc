"""Topic domains: what a line is about (finance, dentistry, golf …), as evidence for pun senses.

A one-liner's setup names a trade or a field ("Old electricians never die …") with a word
that no pun sense lists. The domain file gives each field a vocabulary — its agents, tools,
places, actions and objects — and every pun sense is tagged with the fields it belongs to,
so any word of those fields evokes the sense (the way WordNet Domains labels senses).

Data: ``locpipe/lexicons/<lang>/domains.json``, one object ``{"<domain>": {"gloss": "...",
"words": [...]}, ...}`` written one domain per line (format: ``docs/lexicons.md``). A sense
belongs to a domain when its context words and description share :data:`MIN_SHARED` words
with the domain's vocabulary, or when it names the domain in an explicit ``"domains"`` list.
Everything is built once per lexicon and cached.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from .context import STOPWORDS
from .idioms import GENERIC_WORDS
from .lexicon import Lexicon, collector_paused, lexicon_root

#: file name of a language's domain vocabularies
FILE_NAME = "domains.json"
#: a sense belongs to a domain when its context words and description share this many words with it
MIN_SHARED = 2
#: a domain vocabulary needs at least this many words to say anything about a line
MIN_WORDS = 10
#: words too common to say what a line is about, even where a domain lists them ("put" in shot put,
#: "four" in cricket): ignored in every vocabulary
UNTOPICAL = frozenset(STOPWORDS | GENERIC_WORDS | {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
    "set", "run", "over", "point", "line", "move", "play", "work", "stay", "call", "turn", "change", "end", "part",
    "place", "show", "open", "close", "start", "stop", "try", "use", "find", "leave", "hold", "keep", "bring",
    "high", "low", "top", "bottom", "side", "front", "hard", "soft", "light", "dark", "black", "white", "red",
    "green", "full", "empty", "live", "living", "best", "happy", "care", "double", "order", "home", "house",
    "room", "water", "air", "fire", "day", "year", "week", "hour", "minute", "second", "life", "world",
})
_NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
_WORD_RE = re.compile(r"^[a-z][a-z0-9'-]*$")
#: words of a sense description that say nothing about its topic
_DESCRIPTION_STOP = frozenset(["someone", "something", "thing", "things", "kind", "sort", "type", "used", "being",
                               "make", "made", "having", "sense", "meaning", "word", "form", "part", "also",
                               "very", "much", "other", "from", "with", "into", "that", "this"])


@dataclass
class Domains:
    """The topic domains of one language and the pun senses tagged with them.

    Attributes:
        lang: language code.
        path: the file read ("" when the language has none).
        glosses: domain name -> what it covers.
        words: domain name -> its vocabulary (lowercase forms and their lemmas).
        index: word -> the domains it belongs to.
        senses: (pun entry id, sense index) -> the domains of that sense.
    """

    lang: str
    path: str = ""
    glosses: dict[str, str] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    index: dict[str, frozenset[str]] = field(default_factory=dict)
    senses: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.words)

    def of(self, word: str) -> frozenset[str]:
        """The domains ``word`` (a lowercase form or lemma) belongs to."""
        return self.index.get(word, frozenset())


def _line_of(text: str, name: str) -> int | None:
    """The line where domain ``name`` starts (the file is written one domain per line)."""
    needle = json.dumps(name) + ":"
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith(needle):
            return number
    return None


def _fail(path: Path, line: int | None, message: str) -> LexiconError:
    return LexiconError(f"{message}; fix that domain (format: docs/lexicons.md, 'Topic domains')", path=path,
                        line=line)


def read_domains(path: Path, *, lang: str, lemmatize: Any = None) -> Domains:
    """Read and validate one domain file; ``lemmatize`` (lowercase -> lemma) adds each word's lemma."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"cannot read: {err}; save it as UTF-8 text", path=path) from err

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise _fail(path, _line_of(text, key), f"domain {key!r} is defined twice; merge the two")
            out[key] = value
        return out

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as err:
        raise _fail(path, err.lineno, f"not valid JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(data, dict):
        raise _fail(path, 1, "the file must be one JSON object: domain name -> {gloss, words}")
    domains = Domains(lang=lang, path=str(path))
    index: dict[str, set[str]] = defaultdict(set)
    for name, spec in data.items():
        line = _line_of(text, name)
        if not _NAME_RE.match(name):
            raise _fail(path, line, f"domain name {name!r} must be lowercase letters, digits and hyphens")
        if not isinstance(spec, dict) or not isinstance(spec.get("gloss"), str) or not spec["gloss"].strip():
            raise _fail(path, line, f"domain {name!r} needs a 'gloss': what the domain covers")
        words = spec.get("words")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise _fail(path, line, f"domain {name!r} needs 'words': a list of lowercase words")
        bad = [w for w in words if not _WORD_RE.match(w)]
        if bad:
            raise _fail(path, line, f"domain {name!r}: {bad[0]!r} is not one lowercase word (no spaces, no capitals)")
        seen: set[str] = set()
        for word in words:
            if word in seen:
                raise _fail(path, line, f"domain {name!r} lists {word!r} twice; remove one")
            seen.add(word)
        if len(seen) < MIN_WORDS:
            raise _fail(path, line, f"domain {name!r} has {len(seen)} words; give it at least {MIN_WORDS}")
        extra = set(spec) - {"gloss", "words"}
        if extra:
            raise _fail(path, line, f"domain {name!r}: unknown field {sorted(extra)[0]!r} (only gloss, words)")
        forms = set(seen)
        if lemmatize is not None:
            forms |= {lemmatize(w) for w in seen}
        forms -= UNTOPICAL
        domains.glosses[name] = spec["gloss"]
        domains.words[name] = frozenset(forms)
        for form in forms:
            index[form].add(name)
    shared: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set of domains
    domains.index = {word: shared.setdefault(frozenset(names), frozenset(names)) for word, names in index.items()}
    return domains


def _description_words(sense: dict[str, Any]) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", str(sense.get("sense", "")).lower())
            if len(w) > 3 and w not in _DESCRIPTION_STOP]


def tag_senses(domains: Domains, lexicon: Lexicon, *, lemmatize: Any = None, min_shared: int = MIN_SHARED) -> None:
    """Give every pun sense its domains: those named in its ``domains`` list, and those sharing
    ``min_shared`` words with its context list and description."""
    for entry in lexicon.entries("puns"):
        for k, sense in enumerate(entry.get("senses", [])):
            if not isinstance(sense, dict):
                continue
            named = sense.get("domains", [])
            if not isinstance(named, list) or not all(isinstance(d, str) for d in named):
                raise LexiconError(
                    f"{entry['id']}: 'domains' of sense {k + 1} must be a list of domain names; fix or remove it "
                    "(format: docs/lexicons.md)", path=entry.get("_path"), line=entry.get("_line"))
            unknown = [d for d in named if d not in domains.words]
            if unknown:
                raise LexiconError(
                    f"{entry['id']}: sense {k + 1} names the unknown domain {unknown[0]!r}; use one of the names "
                    f"in {domains.path or FILE_NAME} or add that domain there", path=entry.get("_path"),
                    line=entry.get("_line"))
            words = {w.lower() for w in sense.get("context", []) if isinstance(w, str)}
            words |= set(_description_words(sense))
            if lemmatize is not None:
                words |= {lemmatize(w) for w in words}
            shared: dict[str, int] = defaultdict(int)
            for word in words:
                for name in domains.of(word):
                    shared[name] += 1
            # a sense is about its main topics: a domain sharing a word or two with a list that is mostly
            # about something else ("healthy" among the weather words of fine = okay) is a tangent
            best = max(shared.values(), default=0)
            tagged = {name for name, count in shared.items() if count >= min_shared and 3 * count >= best}
            tagged |= set(named)
            if tagged:
                domains.senses[(entry["id"], k)] = frozenset(tagged)


_CACHE: dict[tuple[str, str, int], Domains] = {}


def load_domains(lexicon: Lexicon, *, min_shared: int = MIN_SHARED) -> Domains:
    """The domains of ``lexicon``'s language, its pun senses tagged (cached per lexicon folder).

    A language without a domain file gets empty domains: the pun detector then uses the
    senses' own context lists only.
    """
    key = (lexicon.lang, lexicon.root, min_shared)
    if key in _CACHE:
        return _CACHE[key]
    from .components import get_lemmatizer

    lemmatize = lru_cache(maxsize=None)(get_lemmatizer(lexicon.lang))  # context words repeat a lot
    path = Path(lexicon.root) / lexicon.lang / FILE_NAME
    with collector_paused():  # thousands of small sets built after spaCy has loaded
        if path.is_file():
            domains = read_domains(path, lang=lexicon.lang, lemmatize=lemmatize)
            tag_senses(domains, lexicon, lemmatize=lemmatize, min_shared=min_shared)
        else:
            domains = Domains(lang=lexicon.lang)
    _CACHE[key] = domains
    return domains


def domains_file(lang: str, root: str | Path | None = None) -> Path:
    """Where a language's domain file lives."""
    return lexicon_root(root) / lang / FILE_NAME


def clear_cache() -> None:
    """Forget loaded domains (after editing a file in the same process)."""
    _CACHE.clear()
