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
import sys
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX, IS_ALPHA, LEMMA, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import LexiconError
from . import dialect, quantities
from .context import LightDoc
from .idioms import _pattern_words, has_slot
from .lexicon import load_lexicon
from .patterns import TemplateCompiler, compile_pattern, folded, gender_number_forms

#: a token of a hand-written token pattern marked ``"_context": true`` must match but is left out of the
#: flag's span (docs/lexicons.md)
CONTEXT_KEY = "_context"
#: suffix of the key of an entry's variant without its trailing context tokens, which matches only at the
#: end of the sentence: subtitles often drop the final full stop ("Ni modo", "Calvaire"), and nothing
#: following is as good as a mark that ends the sentence
AT_END = "\x00end"
#: what a trailing context token is probed with: if a full stop satisfies it, so does the sentence's end
#: (a "!" or "?" is not dropped the way a full stop is: "Hostie !" is the swear, "l'hostie" the wafer)
_FULL_STOP = "."


def _trim(start: int, end: int, context: frozenset[int] | None, alignment: list[int], match_id: int) -> tuple[int, int, int]:
    """(match_id, start, end) of a match without its leading and trailing context tokens."""
    if context:
        first, last = 0, len(alignment)
        while first < last and alignment[first] in context:
            first += 1
        while last > first and alignment[last - 1] in context:
            last -= 1
        start, end = start + first, start + last
    return match_id, start, end


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

        self.lang = lang
        self.memo: dict[str, str] = {}
        try:
            lookups = load_lookups(lang, ["lemma_lookup"], strict=False)
            self.table = lookups.get_table("lemma_lookup") if "lemma_lookup" in lookups else None
        except (ValueError, ImportError, OSError):
            self.table = None

    #: words whose lemma is kept (a film says the same words again and again; the table look-up hashes each time)
    MEMO_LIMIT = 100_000

    def __call__(self, lower: str) -> str:
        memo = self.memo
        found = memo.get(lower)
        if found is None:
            found = self._lemma(lower)
            if len(memo) < self.MEMO_LIMIT:
                memo[lower] = found
        return found  # type: ignore[no-any-return]

    def _lemma(self, lower: str) -> str:
        if self.table is None:
            return lower.replace("’", "'")
        lower = lower.replace("’", "'")
        if lower == "'s":
            return "'s"  # is / has / possessive: the table's "have" would be wrong two times in three
        value = self.table.get(lower, None)
        if value is None:
            value = self._enclitic(lower) or lower
        if isinstance(value, list):  # some tables (fr) store a list of candidates
            value = value[0] if value else lower
        return str(value).lower()

    def _enclitic(self, lower: str) -> str | None:
        """Spanish verb + enclitic pronouns the table does not list: "ponte", "ponerte", "dímelo",
        "tomándoselo" → the verb's lemma (so "ponerse las pilas" matches "ponte las pilas")."""
        clitics = ENCLITICS.get(self.lang)
        if not clitics or len(lower) < 4:
            return None
        for suffix in clitics:
            if not lower.endswith(suffix) or len(lower) - len(suffix) < 2:
                continue
            stem = lower[: -len(suffix)].translate(_DEACCENT)
            if stem.endswith(("ar", "er", "ir")) and len(stem) > 3:
                return stem  # infinitive + clitics: "ponerte" → "poner"
            value = self.table.get(stem, None) if self.table is not None else None
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str) and value.endswith(("ar", "er", "ir", "ír")) and value != stem:
                return value  # imperative or gerund + clitics: "ponte" → "pon" → "poner"
        return None


#: enclitic pronoun clusters, longest first (per language)
ENCLITICS: dict[str, tuple[str, ...]] = {
    "es": tuple(sorted({a + b for a in ("me", "te", "se", "nos", "os", "le", "les", "")
                        for b in ("lo", "la", "los", "las", "le", "les", "")} - {""}
                       | {"me", "te", "se", "nos", "os"}, key=len, reverse=True)),
}
_DEACCENT = str.maketrans("áéíóú", "aeiou")


@lru_cache(maxsize=8)
def get_lemmatizer(lang: str) -> Lemmatizer:
    return Lemmatizer(lang)


@Language.factory("locpipe_lemma_norm", default_config={"overwrite": False})
def make_lemma_norm(nlp: Language, name: str, overwrite: bool) -> LemmaNorm:
    return LemmaNorm(str(nlp.lang), overwrite=overwrite)


class LemmaNorm:
    """Make every lemma lowercase and table-based (the lookup table is case-sensitive: 'The' → 'The').

    With ``overwrite`` (used after a trained pipeline's own lemmatizer), every
    token gets the table lemma so that texts and templates agree.
    """

    def __init__(self, lang: str, *, overwrite: bool = False):
        self.lemmatize = get_lemmatizer(lang)
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        lowers: list[str] = []
        lemmas: list[str] = []
        starts: list[int] = []
        pieces: list[str] = []
        strings = doc.vocab.strings
        lemmatize = self.lemmatize
        enclitics = lemmatize.lang in ENCLITICS
        intern = sys.intern
        # one array of the token attributes instead of a Token object per token (and per attribute read)
        rows = doc.to_array([ORTH, LOWER, LEMMA, IDX, SPACY, IS_ALPHA]).tolist() if len(doc) else []
        flags = bytearray(len(rows))
        for i, (orth, lower_id, lemma_id, idx, space, alpha) in enumerate(rows):
            text = strings[orth]
            lower = strings[lower_id]
            lemma = strings[lemma_id]
            if lower in _AMBIGUOUS_CLITICS:
                lemma = "'s"  # is / has / possessive: templates accept it for "be" and "have"
                doc[i].lemma_ = lemma
            elif self.overwrite or not lemma or not text.islower() or lemma != lemma.lower() \
                    or lemma == lower and enclitics:
                lemma = lemmatize(lower)  # (the last case: "ponerte" → poner)
                doc[i].lemma_ = lemma
            # interned: a long film says the same words again and again (one string each, not one per token)
            lowers.append(intern(lower.replace("’", "'")))
            lemmas.append(intern(lemma))
            starts.append(idx)
            pieces.append(text)
            if space:
                pieces.append(" ")
            flags[i] = (1 if alpha else 0) | (2 if space else 0)  # LightDoc.ALPHA, LightDoc.SPACE
        # the components and flag builders read these lists instead of re-creating Token objects
        doc.user_data["locpipe"] = TokenLists(lowers, lemmas, starts, "".join(pieces), bytes(flags))
        return doc


_AMBIGUOUS_CLITICS = frozenset({"'s", "’s", "ʼs"})


class TokenLists:
    """Per-doc token attributes as plain lists (lowercase form, lemma, character offset), and, when
    known, the doc's text (``doc.text`` joins every token again each time it is read) and one byte of
    flags per token (:attr:`LightDoc.ALPHA <locpipe.detect.context.LightDoc.ALPHA>`, ``SPACE``)."""

    __slots__ = ("lowers", "lemmas", "starts", "lemma_set", "text", "flags")

    def __init__(self, lowers: list[str], lemmas: list[str], starts: list[int], text: str | None = None,
                 flags: bytes | None = None):
        self.lowers = lowers
        self.lemmas = lemmas
        self.starts = starts
        self.lemma_set = frozenset(lemmas)
        self.text = text
        self.flags = flags


def doc_text(doc: Doc) -> str:
    """``doc.text``, from the token lists when they keep it."""
    cached = doc.user_data.get("locpipe")
    if isinstance(cached, TokenLists) and cached.text is not None:
        return cached.text
    return doc.text


def token_lists(doc: Doc) -> TokenLists:
    """The doc's :class:`TokenLists` (computed here if ``locpipe_lemma_norm`` did not run)."""
    if isinstance(doc, LightDoc):
        return doc.lists
    cached = doc.user_data.get("locpipe")
    if isinstance(cached, TokenLists):
        return cached
    lists = TokenLists([t.lower_.replace("’", "'") for t in doc], [t.lemma_ for t in doc], [t.idx for t in doc])
    doc.user_data["locpipe"] = lists
    return lists


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

    Template strings and token patterns go through
    :class:`~locpipe.detect.patterns.TemplateCompiler` into one small Matcher
    per entry, indexed by the entry's rarest required lemma: a sentence only
    runs the matchers whose required lemmas it contains (one Matcher holding
    thousands of patterns costs milliseconds per sentence; this costs
    microseconds). Plain lowercase gazetteer terms (culture, dialect, puns) go
    through a PhraseMatcher on LOWER and on LEMMA (plurals: "pints",
    "quarterbacks"). In gazetteers a capitalised word ("Target", "The Times",
    "SAT") must be capitalised in the text too.
    """

    def __init__(self, nlp: Language, *, lang: str, lexicon_dir: str | None, stem: str, spans_key: str):
        self.lang = lang
        self.stem = stem
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self.lexicon = load_lexicon(lang, lexicon_dir)
        self.lemmatize = get_lemmatizer(lang)
        self.phrase_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.residual = Matcher(nlp.vocab, validate=True)
        #: one regular expression per residual pattern that some token's lowercase form must match for the
        #: pattern to match (None: a pattern without one, so the residual matcher always runs)
        self.residual_gates: list[re.Pattern[str]] | None = []
        self.matchers: dict[str, tuple[Matcher, tuple[frozenset[str], ...]]] = {}
        self.by_anchor: dict[str, list[str]] = {}
        self.entries: dict[str, dict[str, Any]] = {}
        #: per entry with context tokens, their positions in its token pattern
        self.context: dict[str, frozenset[int]] = {}
        #: per idiom entry, the words of its template (:meth:`_template_words`)
        self.template_words: dict[str, frozenset[str] | None] = {}
        self.function_words: frozenset[str] = frozenset(nlp.Defaults.stop_words)
        gazetteer = stem in ("culture", "dialect", "puns")
        case = stem in ("culture", "dialect")
        compiler = TemplateCompiler(lang, self.lemmatize, lambda text: [t.text for t in nlp.make_doc(text)])
        for entry in self.lexicon.entries(stem):
            entry_id = entry["id"]
            self.entries[entry_id] = entry
            where = f"{entry['_path']}:{entry['_line']}: "
            pattern = entry["pattern"]
            forms: list[Any] = [pattern]
            if stem == "puns" and entry["label"] == "homophone":
                forms += [s for s in entry.get("sounds_like", []) if isinstance(s, str)]
            for form in forms:
                if isinstance(form, str) and gazetteer and not _TEMPLATE_SYNTAX.search(form) and not (
                    case and compiler.has_case(form)
                ):
                    doc = nlp.make_doc(form)
                    self.phrase_lower.add(entry_id, [doc])
                    lemmas = [self.lemmatize(token.lower_) for token in doc]
                    if (entry["label"] == "homophone" or stem == "dialect") and lemmas != [token.lower_ for token in doc]:
                        # a sound-alike is its spelling ("least" is not every form of "little"), and so is a
                        # dialect or register word ("veuillez" is not every form of "vouloir")
                        continue
                    if any(folded(lang, token.lower_, lemma) for token, lemma in zip(doc, lemmas, strict=True)):
                        # an es/fr word the table folds into another lemma ("estado" → estar): its own forms
                        # ("estados"), not every form of that lemma ("estamos")
                        last = doc[-1].lower_
                        head = form[: doc[-1].idx]
                        for other in gender_number_forms(lang, last):
                            if other != last:
                                self.phrase_lower.add(entry_id, [nlp.make_doc(head + other)])
                        continue
                    for token, lemma in zip(doc, lemmas, strict=True):
                        token.lemma_ = lemma
                    self.phrase_lemma.add(entry_id, [doc])
                else:
                    self._add(compiler, entry_id, form, where, case=case)

    def _add(self, compiler: TemplateCompiler, entry_id: str, pattern: Any, where: str, *, case: bool) -> None:
        if isinstance(pattern, list) and any(isinstance(t, dict) and t.get(CONTEXT_KEY) for t in pattern):
            # tokens that must be there but are not what the flag is about ("voilà" before the Belgian
            # "s'il vous plaît", the "de" that must not follow): matched, then trimmed from the span
            self.context[entry_id] = frozenset(i for i, t in enumerate(pattern) if t.get(CONTEXT_KEY))
            pattern = [{k: v for k, v in t.items() if k != CONTEXT_KEY} for t in pattern]
            tail = len(pattern)
            while tail > 0 and tail - 1 in self.context[entry_id]:
                tail -= 1
            if not entry_id.endswith(AT_END) and tail < len(pattern) and self._end_satisfies(pattern[tail:]):
                # the trailing context would take a full stop, and the line may just end there
                head = [dict(t, **{CONTEXT_KEY: True}) if i in self.context[entry_id] else t
                        for i, t in enumerate(pattern[:tail])]
                if head and not all(t.get(CONTEXT_KEY) for t in head):
                    self._add(compiler, entry_id + AT_END, head, where, case=case)
        try:
            compiled = compile_pattern(compiler, pattern, where=where, case_sensitive=case,
                                       variants=self.stem == "idioms")
            requirements = compiled.requirements
            if not requirements:
                self.residual.add(entry_id, compiled.patterns)
                gates = [_lower_regex(p) for p in compiled.patterns]
                if self.residual_gates is not None:
                    self.residual_gates = None if None in gates else self.residual_gates + gates  # type: ignore[operator]
                return
            key = entry_id if entry_id not in self.matchers else f"{entry_id}#{len(self.matchers)}"
            # a compiled template is known-good: schema validation (a third of the load time) is for the
            # token patterns written by hand in the lexicon files
            matcher = Matcher(self.vocab, validate=not isinstance(pattern, str))
            matcher.add(entry_id, compiled.patterns)
            self.matchers[key] = (matcher, tuple(requirements))
            # index under the rarest requirement: the one whose words are least common, then longest
            index = max(requirements, key=lambda r: (not (r & _COMMON_LEMMAS), min(len(w) for w in r), sorted(r)))
            for lemma in index:
                self.by_anchor.setdefault(lemma, []).append(key)
        except LexiconError:
            raise
        except (ValueError, KeyError, TypeError) as err:
            raise LexiconError(
                f"{where}pattern of {entry_id!r} does not compile: {str(err).splitlines()[0]}; "
                "fix the pattern (format: docs/lexicons.md)"
            ) from err

    def _end_satisfies(self, tail: list[dict[str, Any]]) -> bool:
        """Whether each of a pattern's trailing context tokens takes a full stop (a ``NOT_IN`` list of
        words, ``IS_PUNCT``, a list that holds "."): then the sentence's end does too."""
        for spec in tail:
            if spec.get("OP") in ("?", "*"):
                continue
            probe = Matcher(self.vocab)
            probe.add("probe", [[{k: v for k, v in spec.items() if k != "OP"}]])
            if not probe(Doc(self.vocab, words=[_FULL_STOP]), allow_missing=True):
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        seen: set[tuple[int, int, str]] = set()
        strings = doc.vocab.strings
        lists = token_lists(doc)
        lemmas = lists.lemma_set
        # locpipe_lemma_norm (the one to keep the text) gave every token a lemma: the Matcher need not walk
        # the doc to check that there are lemmas
        normed = lists.text is not None
        matchers: list[Any] = [self.phrase_lower, self.phrase_lemma]
        if self._residual_may_match(lists.lowers):
            matchers.append(self.residual)
        by_anchor = self.by_anchor
        keys: set[str] = set()
        for lemma in lemmas:
            found = by_anchor.get(lemma)
            if found is not None:
                keys.update(found)
        # the entries whose every required lemma is here, in key order (sorting only those)
        table = self.matchers
        chosen = [key for key in keys if not any(map(lemmas.isdisjoint, table[key][1]))]
        chosen.sort()
        matchers.extend(table[key][0] for key in chosen)
        for matcher in matchers:
            if len(matcher) == 0:
                continue
            aligned = bool(self.context) and isinstance(matcher, Matcher)
            if aligned:
                found_matches = [_trim(start, end, self.context.get(strings[match_id]), alignment, match_id)
                                 for match_id, start, end, alignment in matcher(doc, allow_missing=normed,
                                                                                with_alignments=True)]
            else:
                found_matches = matcher(doc, allow_missing=True) if normed and isinstance(matcher, Matcher) \
                    else matcher(doc)
            for match_id, start, end in found_matches:
                if start >= end:
                    continue
                entry_id = strings[match_id]
                if entry_id.endswith(AT_END):
                    if not _at_end(doc, end):
                        continue
                    entry_id = entry_id[: -len(AT_END)]
                if (start, end, entry_id) in seen:
                    continue
                seen.add((start, end, entry_id))
                spans.append(Span(doc, start, end, label=self.entries[entry_id]["label"], span_id=entry_id))
        if self.stem == "puns":
            doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end))
        elif self.stem == "idioms" and len(spans) > 1:
            doc.spans[self.spans_key] = _longest(_compounds_first(spans, self._template_words, self.function_words))
        else:
            doc.spans[self.spans_key] = _longest(spans)
        return doc

    def _template_words(self, entry_id: str) -> frozenset[str] | None:
        """The words (and their lemmas) of an entry's template; None for a token pattern or a template
        with a slot (its filler's words are not inserted modifiers)."""
        if entry_id not in self.template_words:
            entry = self.entries[entry_id]
            self.template_words[entry_id] = (None if has_slot(entry)
                                             else frozenset(_pattern_words(entry, self.lemmatize)))
        return self.template_words[entry_id]

    def _residual_may_match(self, lowers: list[str]) -> bool:
        gates = self.residual_gates
        if gates is None or not len(self.residual):
            return True  # (an empty matcher is skipped anyway)
        # the lists write ’ as ': with one there, a token's real lowercase form may differ from its list entry
        return any("'" in low or any(gate.search(low) for gate in gates) for low in lowers)


def _at_end(doc: Doc, end: int) -> bool:
    """Whether only closing quotes, brackets and spaces follow token ``end``."""
    return all(token.is_space or token.is_quote or token.is_bracket for token in doc[end:])


def _lower_regex(pattern: list[dict[str, Any]]) -> re.Pattern[str] | None:
    """The REGEX on LOWER of a token that ``pattern`` requires (no "OP"), as spaCy applies it
    (``re.search``); None when it has none."""
    for spec in pattern:
        if not isinstance(spec, dict) or "OP" in spec:
            continue
        lower = spec.get("LOWER")
        if isinstance(lower, dict) and isinstance(lower.get("REGEX"), str):
            return re.compile(lower["REGEX"])
    return None


#: lemmas too common to index an entry by
_COMMON_LEMMAS = frozenset(
    ["the", "a", "an", "be", "have", "do", "to", "of", "in", "on", "at", "for", "with", "and", "or", "not", "it", "you", "i", "he", "she", "we", "they", "one", "'s", "get", "go", "make", "take", "come", "up", "out", "off", "down", "over", "into", "as", "by", "that", "this"]
)


def _compounds_first(spans: list[Span], template_words: Any, function_words: frozenset[str]) -> list[Span]:
    """Idioms: a longer match that swallowed a compound is not the reading, the compound is. It took the
    compound's first word as a modifier it allows ("in the friend zone": 'friend zone', not 'in the
    zone'), or its own last word is the first of a compound of content words ("in the black economy":
    'black economy', not 'in the black'; but "an elevator pitch in thirty seconds" stays 'elevator
    pitch', "pitch in" being a verb and its particle)."""
    drop: set[int] = set()
    for k, outer in enumerate(spans):
        words = template_words(outer.id_)
        if words is None:
            continue
        for inner in spans:
            if inner.id_ == outer.id_ or not outer.start <= inner.start < outer.end:
                continue
            if inner.end <= outer.end:
                if len(inner) < len(outer) and any(
                        t.is_alpha and t.lower_ not in words and t.lemma_ not in words for t in inner):
                    drop.add(k)
            elif inner.start == outer.end - 1 > outer.start:
                inner_words = template_words(inner.id_)
                if inner_words and not inner_words & function_words:
                    drop.add(k)
    return [span for k, span in enumerate(spans) if k not in drop]


def _longest(spans: list[Span]) -> list[Span]:
    """Overlapping matches: keep the longest (then the earliest)."""
    return sorted(filter_spans(spans), key=lambda s: (s.start, s.end))


@Language.factory("locpipe_quantities", default_config={"spans_key": "locpipe_quantity"})
def make_quantities(nlp: Language, name: str, spans_key: str) -> QuantityMatcher:
    return QuantityMatcher(str(nlp.lang), spans_key)


class QuantityMatcher:
    """Money, imperial units, Fahrenheit temperatures and US dates (English only for now)."""

    def __init__(self, lang: str, spans_key: str):
        self.lang = lang
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if self.lang == "en":
            for q in quantities.find(doc_text(doc)):
                span = doc.char_span(q.start, q.end, label=q.label, alignment_mode="expand")
                if span is not None:
                    spans.append(Span(doc, span.start, span.end, label=q.label, span_id=f"{self.lang}.rule.{q.rule}"))
        doc.spans[self.spans_key] = _longest(spans)
        return doc


@Language.factory("locpipe_grammar", default_config={"spans_key": "locpipe_grammar"})
def make_grammar(nlp: Language, name: str, spans_key: str) -> GrammarRules:
    return GrammarRules(str(nlp.lang), spans_key)


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
