"""locpipe's spaCy components, registered the spaCy way (``@Language.factory``).

Each component matches one lexicon file (or one family of rules) inside a
single sentence and writes its matches to ``doc.spans[KEY]``, each span
carrying the entry's label and its id in ``span.id_``. Reasoning that needs
more than one sentence (literal context, puns evoked by neighbouring lines,
laughter cues, running gags, strategies) happens in :mod:`locpipe.detect`
when spans become transcript flags.

Components:
    ``locpipe_lemma_norm``  lowercase, context-free lemmas from the lookup table
    ``locpipe_lexicon``     Matcher/PhraseMatcher over one lexicon file
    ``locpipe_quantities``  money, imperial units, °F, US dates (regular expressions)
    ``locpipe_grammar``     grammatical dialect features (rules in :mod:`.dialect`)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import LexiconError
from . import dialect, quantities
from .lexicon import load_lexicon
from .patterns import TemplateCompiler, compile_pattern

#: doc.spans keys
SPAN_KEYS: dict[str, str] = {
    "idioms": "locpipe_idiom",
    "culture": "locpipe_culture",
    "puns": "locpipe_pun",
    "humor": "locpipe_humor",
    "dialect": "locpipe_dialect",
    "quantities": "locpipe_quantity",
    "grammar": "locpipe_grammar",
}
_TEMPLATE_SYNTAX = re.compile(r"[()|]|\b(?:one's|someone's|somebody's|someone|somebody|something|oneself)\b", re.I)


class Lemmatizer:
    """Lowercase, context-free lookup lemmas, identical for texts and templates."""

    def __init__(self, lang: str):
        from spacy.lookups import load_lookups

        try:
            lookups = load_lookups(lang, ["lemma_lookup"], strict=False)
            self.table = lookups.get_table("lemma_lookup") if "lemma_lookup" in lookups else None
        except (ValueError, ImportError, OSError):
            self.table = None

    def __call__(self, lower: str) -> str:
        if self.table is None:
            return lower
        lower = lower.replace("’", "'")
        value = self.table.get(lower, lower)
        if isinstance(value, list):  # some tables (fr) store a list of candidates
            value = value[0] if value else lower
        return str(value).lower()


@lru_cache(maxsize=8)
def get_lemmatizer(lang: str) -> Lemmatizer:
    return Lemmatizer(lang)


@Language.factory("locpipe_lemma_norm", default_config={"overwrite": False})
def make_lemma_norm(nlp: Language, name: str, overwrite: bool) -> LemmaNorm:
    return LemmaNorm(nlp.lang, overwrite=overwrite)


class LemmaNorm:
    """Make every lemma lowercase and table-based (the lookup table is case-sensitive: 'The' → 'The').

    With ``overwrite`` (used after a trained pipeline's own lemmatizer), every
    token gets the table lemma so that texts and templates agree.
    """

    def __init__(self, lang: str, *, overwrite: bool = False):
        self.lemmatize = get_lemmatizer(lang)
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            text = token.text
            if self.overwrite or not token.lemma_ or not text.islower() or token.lemma_ != token.lemma_.lower():
                token.lemma_ = self.lemmatize(token.lower_)
        return doc


@Language.factory(
    "locpipe_lexicon",
    default_config={"lang": "en", "lexicon_dir": "", "stem": "idioms", "spans_key": "locpipe_idiom"},
)
def make_lexicon_matcher(
    nlp: Language, name: str, lang: str, lexicon_dir: str, stem: str, spans_key: str
) -> LexiconMatcher:
    return LexiconMatcher(nlp, lang=lang, lexicon_dir=lexicon_dir or None, stem=stem, spans_key=spans_key)


class LexiconMatcher:
    """Match one lexicon file's entries; write them to ``doc.spans[spans_key]``.

    Template strings go through :class:`~locpipe.detect.patterns.TemplateCompiler`;
    plain gazetteer terms (culture, dialect, puns) also go through a
    PhraseMatcher on LOWER and on LEMMA (plurals: "pints", "quarterbacks").
    Capitalised terms whose lowercase form is a common word ("Target",
    "Subway") must be capitalised in the text too.
    """

    def __init__(self, nlp: Language, *, lang: str, lexicon_dir: str | None, stem: str, spans_key: str):
        self.lang = lang
        self.stem = stem
        self.spans_key = spans_key
        self.lexicon = load_lexicon(lang, lexicon_dir)
        self.lemmatize = get_lemmatizer(lang)
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.phrase_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.case_sensitive: set[str] = set()
        self.entries: dict[str, dict[str, Any]] = {}
        compiler = TemplateCompiler(lang, self.lemmatize, lambda text: [t.text for t in nlp.make_doc(text)])
        lemma_docs: list[tuple[str, str]] = []
        for entry in self.lexicon.entries(stem):
            entry_id = entry["id"]
            self.entries[entry_id] = entry
            where = f"{entry['_path']}:{entry['_line']}: "
            pattern = entry["pattern"]
            forms = [pattern] if isinstance(pattern, str) else []
            if stem == "puns" and entry["label"] == "homophone":
                forms += [s for s in entry.get("sounds_like", []) if isinstance(s, str)]
            for form in forms:
                if stem in ("culture", "dialect", "puns", "humor") and not _TEMPLATE_SYNTAX.search(form):
                    self.phrase_lower.add(entry_id, [nlp.make_doc(form)])
                    lemma_docs.append((entry_id, form))
                    if _is_case_sensitive(form, self.lemmatize):
                        self.case_sensitive.add(entry_id)
                    continue
                self._add(compiler, entry_id, form, where)
            if not isinstance(pattern, str):
                self._add(compiler, entry_id, pattern, where)
        for entry_id, form in lemma_docs:
            doc = nlp.make_doc(form)
            for token in doc:
                token.lemma_ = self.lemmatize(token.lower_)
            if entry_id not in self.case_sensitive:
                self.phrase_lemma.add(entry_id, [doc])

    def _add(self, compiler: TemplateCompiler, entry_id: str, pattern: Any, where: str) -> None:
        try:
            compiled = compile_pattern(compiler, pattern, where=where)
            self.matcher.add(entry_id, compiled.patterns)
        except LexiconError:
            raise
        except (ValueError, KeyError, TypeError) as err:
            raise LexiconError(
                f"{where}pattern of {entry_id!r} does not compile: {str(err).splitlines()[0]}; "
                "fix the pattern (format: docs/lexicons.md)"
            ) from err

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        seen: set[tuple[int, int, str]] = set()
        vocab = doc.vocab.strings
        for matcher in (self.matcher, self.phrase_lower, self.phrase_lemma):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                entry_id = vocab[match_id]
                key = (start, end, entry_id)
                if key in seen:
                    continue
                seen.add(key)
                if entry_id in self.case_sensitive and not _case_ok(doc[start:end], self.entries[entry_id]):
                    continue
                entry = self.entries[entry_id]
                spans.append(Span(doc, start, end, label=entry["label"], span_id=entry_id))
        if self.stem == "puns":
            doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end))
        else:
            doc.spans[self.spans_key] = _longest(spans)
        return doc


def _is_case_sensitive(form: str, lemmatize: Any) -> bool:
    """Capitalised single words that are also ordinary words need their capital in the text."""
    words = form.split()
    if not words or not words[0][:1].isupper():
        return False
    low = words[0].lower()
    return len(words) == 1 and (lemmatize(low) != low or low in _ordinary_words())


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    table = get_lemmatizer("en").table
    if table is None:
        return frozenset()
    # every lemma the English table produces is an ordinary word
    words: set[str] = set()
    for value in table.values():
        if isinstance(value, str):
            words.add(value.lower())
    return frozenset(words)


def _case_ok(span: Span, entry: dict[str, Any]) -> bool:
    text = span.text
    return text[:1].isupper() or text.isupper()


def _longest(spans: list[Span]) -> list[Span]:
    """Overlapping matches: keep the longest (then the earliest)."""
    return sorted(filter_spans(spans), key=lambda s: (s.start, s.end))


@Language.factory("locpipe_quantities", default_config={"spans_key": "locpipe_quantity"})
def make_quantities(nlp: Language, name: str, spans_key: str) -> QuantityMatcher:
    return QuantityMatcher(nlp.lang, spans_key)


class QuantityMatcher:
    """Money, imperial units, Fahrenheit temperatures and US dates (English only for now)."""

    def __init__(self, lang: str, spans_key: str):
        self.lang = lang
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if self.lang == "en":
            for q in quantities.find(doc.text):
                span = doc.char_span(q.start, q.end, label=q.label, alignment_mode="expand")
                if span is not None:
                    spans.append(Span(doc, span.start, span.end, label=q.label, span_id=f"{self.lang}.rule.{q.rule}"))
        doc.spans[self.spans_key] = _longest(spans)
        return doc


@Language.factory("locpipe_grammar", default_config={"spans_key": "locpipe_grammar"})
def make_grammar(nlp: Language, name: str, spans_key: str) -> GrammarRules:
    return GrammarRules(nlp.lang, spans_key)


class GrammarRules:
    """Grammatical dialect features (:mod:`locpipe.detect.dialect`)."""

    def __init__(self, lang: str, spans_key: str):
        self.lang = lang
        self.rules = dialect.LANG_RULES.get(lang)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        by_rule: dict[str, list[Span]] = {}
        if self.rules is not None:
            for start, end, slug in self.rules(doc):
                start = max(start, 0)
                if start < end <= len(doc):
                    span = Span(doc, start, end, label=dialect.RULES[slug]["label"], span_id=f"{self.lang}.rule.{slug}")
                    by_rule.setdefault(slug, []).append(span)
        # different rules may overlap ("ain't" inside a double negation); one rule keeps its longest
        doc.spans[self.spans_key] = sorted(
            (s for spans in by_rule.values() for s in _longest(spans)), key=lambda s: (s.start, s.end)
        )
        return doc
