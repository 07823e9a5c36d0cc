"""QC checks: timing, layout, markup and translation problems, as pofilter-style small functions.

Each check is a function named for what it catches, registered in
:data:`CHECKS` with a check id and a severity (``critical`` breaks the file or
loses text, ``functional`` breaks a style-guide rule a client rejects,
``cosmetic`` is worth a look, ``info`` is evidence for the translator). The
first line of its docstring is the title a reviewer sees (JUnit test case
names, the markdown summary).

Scopes:

- ``timing`` and ``layout`` checks run on what is shown: the source cues, or
  with ``lang`` the translated cues (out-times after fitting, the target
  language's limits);
- ``translation`` checks need a source and a target (``lang``): the
  transcript's own translations (``locpipe run``) or a translated file
  paired cue by cue (``locpipe check --target``);
- ``parse`` checks hand on what the parser found (malformed blocks, mojibake,
  a guessed encoding);
- ``flags`` turn the detectors' flags into ``info`` findings (``--fail-on
  idiom,humor`` makes them failures).

:func:`check` runs them and returns the findings; it prints nothing.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..model import FLAG_KINDS, Cue, Finding, Markup, Transcript
from ..profiles import Profile, count_chars, cps

#: Cue kinds whose text is shown as subtitles and held to the layout rules.
SHOWN_KINDS = frozenset({"dialogue", "sdh", "lyrics"})
#: Cue kinds that carry language (and so need a translation).
TRANSLATED_KINDS = frozenset({"dialogue", "sdh", "lyrics", "sign"})
#: fit.* findings that already report what a layout check would say about a translated cue.
_FIT_EQUIVALENT = {
    "layout.chars-per-line": "fit.too-long",
    "layout.lines": "fit.too-many-lines",
    "layout.cps": "fit.cps",
    "layout.empty": "fit.empty",
}
_POSITIONED = re.compile(r"\\(?:pos|move)\(|\\an[1-9]\b|\\a\d+\b")


@dataclass
class Shown:
    """One cue as shown on screen (source or translation).

    Attributes:
        cue: the source cue's index.
        text: plain text, lines joined with ``"\\n"``.
        markup: markup spans over ``text``.
        raw: the raw text (markup included), ``\\N`` line breaks.
        start: in-time in milliseconds (``None`` untimed); ``end`` the out-time.
        kind: the source cue's kind.
        line: line of the cue in ``path``.
        path: the file it is shown from (the target file for ``--target``).
    """

    cue: int
    text: str
    markup: list[Markup]
    raw: str
    start: int | None
    end: int | None
    kind: str
    line: int | None
    path: str

    @property
    def duration(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start


@dataclass
class Pair:
    """A source cue and its translation (``target`` None when there is none)."""

    source: Cue
    target: Shown | None


@dataclass
class CheckContext:
    """What a check looks at.

    Attributes:
        transcript: the source transcript.
        profile: the layout and timing limits.
        lang: target language (``None``: checking the source).
        fps: frame rate for the minimum gap.
        shown: the cues being checked for timing and layout, in file order.
        pairs: source/target pairs (translation checks), empty without ``lang``.
        glossary: glossary terms (a :class:`locpipe.mt.glossary.Glossary`) or ``None``.
        sdh: use the SDH reading speed.
        fit_cues: per check id, cues already reported by the fitting stage for ``lang``.
    """

    transcript: Transcript
    profile: Profile
    lang: str | None
    fps: float
    shown: list[Shown]
    pairs: list[Pair] = field(default_factory=list)
    glossary: Any = None
    sdh: bool = False
    fit_cues: dict[str, set[int]] = field(default_factory=dict)

    @property
    def shown_lang(self) -> str:
        """Language of the shown text: the target, else the source (``en`` when unknown)."""
        return self.lang or self.transcript.language or "en"

    def where(self) -> str:
        return f"the {self.lang} translation" if self.lang else "this cue"

    def finding(self, check_id: str, message: str, *, item: Shown | Cue | None = None,
                severity: str | None = None, segment: str | None = None) -> Finding:
        spec = CHECKS[check_id]
        path = self.transcript.path
        line = None
        cue = None
        if isinstance(item, Shown):
            path, line, cue = item.path, item.line, item.cue
        elif isinstance(item, Cue):
            line, cue = item.line, item.index
        if cue is not None:
            message = f"cue {cue + 1}: {message}"
        return Finding(check=check_id, severity=severity or spec.severity, message=message, path=path,
                       line=line, cue=cue, segment=segment, lang=self.lang)


CheckFunc = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A registered check.

    Attributes:
        id: check id (``timing.overlap``); ``severity`` its usual severity;
        scope: ``timing``, ``layout``, ``markup``, ``translation``, ``parse`` or ``flags``;
        func: the function.
    """

    id: str
    severity: str
    scope: str
    func: CheckFunc

    @property
    def title(self) -> str:
        """The first line of the function's docstring: what a reviewer reads."""
        return (self.func.__doc__ or self.id).strip().splitlines()[0].rstrip(".")


#: check id -> Check, in report order.
CHECKS: dict[str, Check] = {}


def register(check_id: str, severity: str, scope: str) -> Callable[[CheckFunc], CheckFunc]:
    def wrap(func: CheckFunc) -> CheckFunc:
        CHECKS[check_id] = Check(check_id, severity, scope, func)
        return func

    return wrap


def get_check(check_id: str) -> Check:
    """The registered check ``check_id``; UsageError naming the known ids otherwise."""
    try:
        return CHECKS[check_id]
    except KeyError:
        raise UsageError(f"unknown check {check_id!r}; known checks: {', '.join(CHECKS)}") from None


# --------------------------------------------------------------------------- helpers


def _timed(ctx: CheckContext) -> list[Shown]:
    return [s for s in ctx.shown if s.start is not None and s.end is not None and s.kind != "comment"]


def _positioned(item: Shown) -> bool:
    return any(m.tag == "ass" and _POSITIONED.search(m.raw) for m in item.markup)


def _layout_items(ctx: CheckContext, check_id: str) -> Iterator[Shown]:
    """Timed, shown cues not already reported by the fitting stage for the same problem."""
    skip = ctx.fit_cues.get(_FIT_EQUIVALENT.get(check_id, ""), set())
    for item in ctx.shown:
        if item.kind in SHOWN_KINDS and item.start is not None and item.cue not in skip:
            yield item


def _ms(value: int) -> str:
    return f"{value} ms" if abs(value) < 10_000 else f"{value / 1000:.1f} s"


def _snippet(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# --------------------------------------------------------------------------- timing


@register("timing.reversed", "critical", "timing")
def reversed_duration(ctx: CheckContext) -> Iterator[Finding]:
    """Out-time before in-time."""
    for item in _timed(ctx):
        assert item.start is not None and item.end is not None
        if item.end < item.start:
            yield ctx.finding("timing.reversed", (
                f"the out-time is {_ms(item.start - item.end)} before the in-time: swap or re-time them"
            ), item=item)


@register("timing.zero", "critical", "timing")
def zero_duration(ctx: CheckContext) -> Iterator[Finding]:
    """Zero duration: the subtitle is never shown."""
    for item in _timed(ctx):
        if item.start == item.end and item.text.strip():
            yield ctx.finding("timing.zero", "in-time equals out-time, so it is never shown: give it an out-time",
                              item=item)


@register("timing.overlap", "functional", "timing")
def overlap(ctx: CheckContext) -> Iterator[Finding]:
    """Overlapping subtitles."""
    items = sorted((s for s in _timed(ctx) if s.kind in SHOWN_KINDS and not _positioned(s)),
                   key=lambda s: (s.start, s.end, s.cue))
    latest: Shown | None = None
    for item in items:
        assert item.start is not None and item.end is not None
        if latest is not None and latest.end is not None and item.start < latest.end and item.end > item.start:
            yield ctx.finding("timing.overlap", (
                f"starts {_ms(latest.end - item.start)} before cue {latest.cue + 1} ends: move the in-time to "
                f"at least {latest.end} ms (plus the minimum gap) or shorten cue {latest.cue + 1}"
            ), item=item)
        if latest is None or (latest.end or 0) < item.end:
            latest = item


@register("timing.min-duration", "functional", "timing")
def short_duration(ctx: CheckContext) -> Iterator[Finding]:
    """Shorter than the minimum duration."""
    limit = ctx.profile.min_duration_ms
    for item in _layout_items(ctx, "timing.min-duration"):
        duration = item.duration
        if duration is not None and 0 < duration < limit and item.text.strip():
            yield ctx.finding("timing.min-duration", (
                f"shown for {_ms(duration)}, under the {ctx.profile.name} minimum of {_ms(limit)}: "
                f"extend the out-time by {limit - duration} ms or merge it with a neighbour"
            ), item=item)


@register("timing.max-duration", "cosmetic", "timing")
def long_duration(ctx: CheckContext) -> Iterator[Finding]:
    """Longer than the maximum duration."""
    limit = ctx.profile.max_duration_ms
    for item in _layout_items(ctx, "timing.max-duration"):
        duration = item.duration
        if duration is not None and duration > limit:
            yield ctx.finding("timing.max-duration", (
                f"shown for {_ms(duration)}, over the {ctx.profile.name} maximum of {_ms(limit)}: "
                "split it or bring the out-time in"
            ), item=item)


@register("timing.min-gap", "cosmetic", "timing")
def small_gap(ctx: CheckContext) -> Iterator[Finding]:
    """Gap to the previous subtitle under the minimum (in frames)."""
    gap_ms = ctx.profile.min_gap_ms(ctx.fps)
    frames = ctx.profile.min_gap_frames
    items = sorted((s for s in _timed(ctx) if s.kind in SHOWN_KINDS and not _positioned(s)),
                   key=lambda s: (s.start, s.end, s.cue))
    for prev, item in zip(items, items[1:], strict=False):
        assert prev.end is not None and item.start is not None
        gap = item.start - prev.end
        if 0 <= gap < gap_ms:
            yield ctx.finding("timing.min-gap", (
                f"only {gap} ms after cue {prev.cue + 1}, under the minimum gap of {frames} frames "
                f"({gap_ms} ms at {ctx.fps:g} fps): move the in-time to {prev.end + gap_ms} ms "
                f"or the previous out-time to {item.start - gap_ms} ms"
            ), item=item)


# --------------------------------------------------------------------------- layout


@register("layout.empty", "functional", "layout")
def empty(ctx: CheckContext) -> Iterator[Finding]:
    """Empty subtitle."""
    for item in ctx.shown:
        if item.kind in SHOWN_KINDS and not item.text.strip() and item.cue not in ctx.fit_cues.get("fit.empty", set()):
            yield ctx.finding("layout.empty", (
                f"{ctx.where()} has no text: delete the cue or write its text"
            ), item=item)


@register("layout.lines", "functional", "layout")
def too_many_lines(ctx: CheckContext) -> Iterator[Finding]:
    """More lines than the profile allows."""
    limit = ctx.profile.max_lines
    for item in _layout_items(ctx, "layout.lines"):
        lines = item.text.split("\n")
        if len(lines) > limit and item.text.strip():
            yield ctx.finding("layout.lines", (
                f"{len(lines)} lines, over the {ctx.profile.name} limit of {limit}: "
                "rewrap into fewer lines, shorten or split the cue"
            ), item=item)


@register("layout.chars-per-line", "functional", "layout")
def long_line(ctx: CheckContext) -> Iterator[Finding]:
    """A line longer than the characters-per-line limit."""
    limit = ctx.profile.max_chars(ctx.shown_lang)
    for item in _layout_items(ctx, "layout.chars-per-line"):
        lines = item.text.split("\n")
        fix = ("break it into two lines" if len(lines) < ctx.profile.max_lines and len(lines) == 1
               else "move words to another line")
        for n, line in enumerate(lines, start=1):
            length = len(line.rstrip())
            if length > limit:
                yield ctx.finding("layout.chars-per-line", (
                    f"line {n} has {length} characters, over the {limit}-character limit for "
                    f"{ctx.shown_lang}: {fix} or shorten it by {length - limit} (“{_snippet(line)}”)"
                ), item=item)


@register("layout.cps", "functional", "layout")
def reading_speed(ctx: CheckContext) -> Iterator[Finding]:
    """Reading speed over the limit (characters per second)."""
    mode = ctx.profile.cps_mode
    for item in _layout_items(ctx, "layout.cps"):
        duration = item.duration
        if duration is None or duration <= 0:
            continue  # timing.zero / timing.reversed say it
        limit = ctx.profile.max_cps(ctx.shown_lang, sdh=ctx.sdh or item.kind == "sdh")
        shown = item.text.replace("\n", "")
        speed = cps(shown, duration, mode)
        if speed > limit + 1e-9:
            chars = count_chars(shown, mode)
            over = math.ceil(chars - limit * duration / 1000)
            needed = math.ceil(chars * 1000 / limit) - duration
            counting = "letters only" if mode == "letters" else "all characters"
            yield ctx.finding("layout.cps", (
                f"reading speed {speed:.1f} cps ({counting}) is over the {ctx.shown_lang} limit of {limit:g} cps: "
                f"shorten the text by about {over} characters or give it {needed} ms more"
            ), item=item, severity="functional" if speed > limit * 1.2 else "cosmetic")


# --------------------------------------------------------------------------- markup

_HTML_SPAN_TAGS = {"i", "b", "u", "s", "font", "c", "v", "lang", "ruby", "rt"}


@register("markup.unbalanced", "functional", "markup")
def unbalanced_markup(ctx: CheckContext) -> Iterator[Finding]:
    """Unclosed or unbalanced markup tags."""
    for item in ctx.shown:
        problems: list[str] = []
        if "<" in item.raw or "</" in item.raw or item.markup:
            for m in item.markup:
                if m.tag in _HTML_SPAN_TAGS and m.raw.startswith("</"):
                    problems.append(f"a closing {m.raw} without its opening tag")
                elif m.tag in ("i", "b", "u", "s", "font") and m.raw.startswith("<") and not m.raw_close:
                    problems.append(f"{m.raw} is never closed")
        depth = 0
        for ch in item.raw:
            if ch == "{":
                depth += 1
                if depth > 1:
                    problems.append("a '{' inside an override block")
                    break
            elif ch == "}":
                if depth == 0 and "{" in item.raw:
                    problems.append("a '}' without its '{'")
                    break
                depth = max(0, depth - 1)
        if depth > 0:
            problems.append("a '{' override block that is never closed")
        if problems:
            yield ctx.finding("markup.unbalanced", (
                f"{'; '.join(dict.fromkeys(problems))} in “{_snippet(item.raw, 60)}”: "
                "close or remove the tag (players show broken tags as text or style the rest of the file)"
            ), item=item)


# --------------------------------------------------------------------------- translation


def _needs_translation(cue: Cue) -> bool:
    return cue.kind in TRANSLATED_KINDS and any(ch.isalpha() for ch in cue.text)


@register("translation.untranslated", "critical", "translation")
def untranslated(ctx: CheckContext) -> Iterator[Finding]:
    """Untranslated: the source has text, the translation none."""
    for pair in ctx.pairs:
        if _needs_translation(pair.source) and (pair.target is None or not pair.target.text.strip()):
            yield ctx.finding("translation.untranslated", (
                f"“{_snippet(pair.source.text)}” has no {ctx.lang} translation: translate it"
            ), item=pair.source)


_WORD = re.compile(r"[^\W\d_]{2,}")


@register("translation.unchanged", "functional", "translation")
def unchanged(ctx: CheckContext) -> Iterator[Finding]:
    """Unchanged: the translation is the source text."""
    for pair in ctx.pairs:
        if pair.target is None or not _needs_translation(pair.source):
            continue
        source = _norm(pair.source.text)
        words = _WORD.findall(pair.source.text)
        # a single word, a name or an acronym is often right as it is
        if len(words) < 2 or all(w[0].isupper() for w in words):
            continue
        if source == _norm(pair.target.text):
            yield ctx.finding("translation.unchanged", (
                f"the {ctx.lang} text is the source text “{_snippet(pair.source.text)}”: translate it, "
                "or mark the finding ignored if it must stay as it is"
            ), item=pair.source)


@register("translation.numbers", "functional", "translation")
def numbers(ctx: CheckContext) -> Iterator[Finding]:
    """Numbers missing from the translation."""
    from ..mt.glossary import missing_numbers

    for pair in ctx.pairs:
        if pair.target is None or not pair.target.text.strip():
            continue
        missing = missing_numbers(pair.source.text, pair.target.text)
        if missing:
            yield ctx.finding("translation.numbers", (
                f"the number{'s' if len(missing) > 1 else ''} {', '.join(missing)} of the source "
                f"{'are' if len(missing) > 1 else 'is'} missing from the {ctx.lang} text "
                f"“{_snippet(pair.target.text)}”: check the figures"
            ), item=pair.source)


def _tag_names(markup: list[Markup]) -> Counter[str]:
    names: Counter[str] = Counter()
    for m in markup:
        if m.tag in ("time", "v"):
            continue
        if m.tag == "ass":
            body = m.raw.strip("{}")
            names.update(re.findall(r"\\(pos|move|an|a|k|kf|ko|K|p|fad|fade|org|clip)(?=[\d(&])", body) or ["ass"])
        else:
            names[m.tag] += 1
    return names


@register("translation.tags", "functional", "translation")
def tags(ctx: CheckContext) -> Iterator[Finding]:
    """Markup tags lost or added in the translation."""
    italics = ctx.profile.italics_allowed(ctx.lang or "")
    for pair in ctx.pairs:
        if pair.target is None or not pair.target.text.strip():
            continue
        source, target = _tag_names(pair.source.markup), _tag_names(pair.target.markup)
        if not italics:
            source.pop("i", None)
        lost, added = source - target, target - source
        if lost or added:
            parts = []
            if lost:
                parts.append("lost " + ", ".join(f"<{t}>" if len(t) < 3 else t for t in sorted(lost)))
            if added:
                parts.append("added " + ", ".join(f"<{t}>" if len(t) < 3 else t for t in sorted(added)))
            yield ctx.finding("translation.tags", (
                f"the {ctx.lang} text {' and '.join(parts)} compared with the source “{_snippet(pair.source.raw, 60)}”: "
                "put the same tags around the matching words"
            ), item=pair.source)


@register("translation.glossary", "functional", "translation")
def glossary_terms(ctx: CheckContext) -> Iterator[Finding]:
    """Glossary terms not translated as the glossary says."""
    if ctx.glossary is None or not len(ctx.glossary):
        return
    from ..mt.glossary import find_terms

    terms = ctx.glossary.for_lang(ctx.lang or "")
    for pair in ctx.pairs:
        if pair.target is None or not pair.target.text.strip():
            continue
        target = " ".join(pair.target.text.split())
        for hit in find_terms(" ".join(pair.source.text.split()), terms):
            term = hit.term
            flags = re.IGNORECASE if term.target == term.target.lower() else 0
            if re.search(r"(?<!\w)" + re.escape(term.target) + r"(?!\w)", target, flags):
                continue
            want = "kept as it is" if term.keep else f"translated as “{term.target}”"
            yield ctx.finding("translation.glossary", (
                f"the glossary term “{term.source}” must be {want}, but the {ctx.lang} text "
                f"“{_snippet(target)}” does not have it: put it in"
            ), item=pair.source)


#: (below, above) length ratio of target to source outside which the translation is suspect.
LENGTH_RATIO = (0.4, 2.5)


@register("translation.length", "cosmetic", "translation")
def length_ratio(ctx: CheckContext) -> Iterator[Finding]:
    """Translation much longer or shorter than the source."""
    low, high = LENGTH_RATIO
    for pair in ctx.pairs:
        if pair.target is None or not pair.target.text.strip():
            continue
        src = len(" ".join(pair.source.text.split()))
        tgt = len(" ".join(pair.target.text.split()))
        if src < 12:
            continue
        ratio = tgt / src
        if ratio > high:
            yield ctx.finding("translation.length", (
                f"the {ctx.lang} text is {ratio:.1f}× as long as the source: check it for added text "
                "or a repeated phrase"
            ), item=pair.source)
        elif ratio < low:
            yield ctx.finding("translation.length", (
                f"the {ctx.lang} text is only {ratio:.0%} of the source's length: check it for missing text"
            ), item=pair.source)


_END_CLASSES = (
    ("question", "?？؟;"),
    ("exclamation", "!！"),
    ("ellipsis", "…"),
    ("colon", ":："),
    ("stop", ".。।"),
)
_CLOSERS = "\"'”’»)]」』）*_ "


def _end_class(text: str) -> str:
    t = text.rstrip().rstrip(_CLOSERS)
    if t.endswith("..."):
        return "ellipsis"
    if t.endswith(("?!", "!?")):
        return "question"
    for name, chars in _END_CLASSES:
        if t and t[-1] in chars:
            return name
    return "none"


@register("translation.end-punctuation", "cosmetic", "translation")
def end_punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """End punctuation differs from the source."""
    for pair in ctx.pairs:
        if pair.target is None or not pair.target.text.strip() or pair.source.kind not in ("dialogue",):
            continue
        src, tgt = _end_class(pair.source.text), _end_class(pair.target.text)
        if src != tgt and "none" not in (src, tgt) and {src, tgt} != {"stop", "ellipsis"}:
            yield ctx.finding("translation.end-punctuation", (
                f"the source ends as a {src}, the {ctx.lang} text as a {tgt} "
                f"(“{_snippet(pair.target.text)}”): match the source's end punctuation"
            ), item=pair.source)
        elif src in ("question", "exclamation") and tgt == "none":
            yield ctx.finding("translation.end-punctuation", (
                f"the source ends as a {src}, the {ctx.lang} text has no end punctuation: add it"
            ), item=pair.source)


@register("translation.inconsistent", "functional", "translation")
def inconsistent(ctx: CheckContext) -> Iterator[Finding]:
    """The same source translated differently."""
    groups: dict[str, list[tuple[str, str, Cue, str | None]]] = {}
    segments = [s for s in ctx.transcript.segments if ctx.lang in s.translations]
    cues = {c.index: c for c in ctx.transcript.cues}
    if segments:
        for seg in segments:
            translation = seg.translations[ctx.lang or ""]
            first = cues.get(seg.parts[0].cue) if seg.parts else None
            if first is None or not _WORD.search(seg.text):
                continue
            groups.setdefault(_norm(seg.text), []).append((_norm(translation.text), translation.text, first, seg.id))
    else:
        for pair in ctx.pairs:
            if pair.target is None or not pair.target.text.strip() or not _WORD.search(pair.source.text):
                continue
            groups.setdefault(_norm(pair.source.text), []).append(
                (_norm(pair.target.text), pair.target.text, pair.source, None))
    for items in groups.values():
        variants = Counter(norm for norm, *_ in items)
        if len(variants) < 2:
            continue
        usual = variants.most_common(1)[0][0]
        usual_item = next(i for i in items if i[0] == usual)
        for norm, text, cue, seg_id in items:
            if norm == usual:
                continue
            yield ctx.finding("translation.inconsistent", (
                f"“{_snippet(cue.text)}” is translated “{_snippet(text)}” here but “{_snippet(usual_item[1])}” "
                f"in cue {usual_item[2].index + 1}: use one translation for the same line"
            ), item=cue, segment=seg_id)


# --------------------------------------------------------------------------- scripts


def _times(n: int) -> str:
    return f"{n} time{'s' if n != 1 else ''}"


def _name_key(name: str) -> str:
    """A speaker name without case, accents, punctuation or blanks (``Mórag!`` → ``morag``)."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


@register("script.character-spelling", "functional", "script")
def character_spelling(ctx: CheckContext) -> Iterator[Finding]:
    """A character whose name is spelled two ways."""
    if ctx.lang is not None:
        return
    counts: Counter[str] = Counter()
    first: dict[str, Cue] = {}
    for cue in ctx.transcript.cues:
        # a screenplay names its speaker once per dialogue block (the character cue); subtitles per cue
        if not cue.speaker or (cue.meta.get("element") not in (None, "character")):
            continue
        for name in (n.strip() for n in cue.speaker.split("/")):
            if name:
                counts[name] += 1
                first.setdefault(name, cue)
    names = sorted(counts, key=lambda n: (-counts[n], n))
    reported: set[str] = set()
    for k, common in enumerate(names):
        for rare in names[k + 1:]:
            if rare in reported or common in reported:
                continue
            a, b = _name_key(common), _name_key(rare)
            if not a or not b:
                continue
            same_letters = a == b
            # a misspelling is rare next to the usual spelling; two real names (JOHN, JOAN) both recur
            close = (min(len(a), len(b)) >= 4 and abs(len(a) - len(b)) <= 2
                     and counts[rare] <= max(2, counts[common] // 10)
                     and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8)
            if not (same_letters or close):
                continue
            reported.add(rare)
            cue = first[rare]
            where = f"line {cue.line}" if cue.line else f"cue {cue.index + 1}"
            yield ctx.finding("script.character-spelling", (
                f"the character “{rare}” ({_times(counts[rare])}, first at {where}) looks like “{common}” "
                f"({_times(counts[common])}) spelled another way: use one spelling, so that character lists, "
                "dubbing sheets and the translation name one person"
            ), item=cue)


# --------------------------------------------------------------------------- parse findings, passed on


def _passed_on(check_id: str) -> CheckFunc:
    def run(ctx: CheckContext) -> Iterator[Finding]:
        if ctx.lang is not None:
            return
        for f in ctx.transcript.findings:
            # the parser's "end time before start time" is timing.reversed's to say (critical)
            if f.check == check_id and not (check_id == "parse.malformed-block" and "before start" in f.message):
                yield f

    return run


for _id, _severity, _title in (
    ("parse.malformed-block", "functional", "Malformed block the parser had to skip or repair"),
    ("parse.mojibake", "functional", "Garbled text (mojibake): the file was saved in the wrong encoding"),
    ("parse.encoding", "info", "Encoding guessed, not declared"),
    ("parse.language", "info", "Source language guessed from the text (or the file name), not given"),
    ("parse.warning", "cosmetic", "Parser warning"),
    ("parse.empty", "critical", "Empty file: nothing to read or translate"),
    ("parse.fps-assumed", "functional", "Frame rate assumed for a frame-based (MicroDVD) file"),
):
    _func = _passed_on(_id)
    _func.__doc__ = _title
    _func.__name__ = _id.replace(".", "_").replace("-", "_")
    CHECKS[_id] = Check(_id, _severity, "parse", _func)


# --------------------------------------------------------------------------- flags, as information


def _flag_check(kind: str) -> CheckFunc:
    def run(ctx: CheckContext) -> Iterator[Finding]:
        if ctx.lang is not None:
            return
        cues = {c.index: c for c in ctx.transcript.cues}
        for flag in ctx.transcript.flags:
            if flag.kind != kind or flag.status == "ignore":
                continue
            cue = cues.get(flag.cues[0]) if flag.cues else None
            what = f"{flag.kind} ({flag.label})" if flag.label else flag.kind
            advice = flag.suggestion or "decide how to translate it and note it for the translator"
            gloss = f": {flag.gloss.rstrip('.')}" if flag.gloss else ""
            finding = ctx.finding(f"flag.{kind}", f"{what} “{flag.text}”{gloss}. {advice}",
                                  item=cue, segment=flag.segment, severity=flag.severity or "info")
            yield finding

    return run


for _kind in FLAG_KINDS:
    _func = _flag_check(_kind)
    _func.__doc__ = f"Detected {_kind}: something a translator must not miss"
    _func.__name__ = f"flag_{_kind}"
    CHECKS[f"flag.{_kind}"] = Check(f"flag.{_kind}", "info", "flags", _func)


# --------------------------------------------------------------------------- running


def shown_source(transcript: Transcript) -> list[Shown]:
    """The source cues as shown."""
    return [Shown(c.index, c.text, c.markup, c.raw, c.start, c.end, c.kind, c.line, transcript.path)
            for c in transcript.cues]


def shown_translation(transcript: Transcript, lang: str) -> list[Shown]:
    """The translated cues held in ``transcript.cue_translations[lang]`` as shown (untranslated cues left out)."""
    from ..formats.markup import flavour_of, parse_raw

    texts = transcript.cue_translations.get(lang) or []
    ends = transcript.cue_end_times.get(lang) or []
    flavour = flavour_of(transcript.format)
    out = []
    for i, cue in enumerate(transcript.cues):
        raw = texts[i] if i < len(texts) else None
        if raw is None:
            continue
        text, markup = parse_raw(raw, flavour)
        end = ends[i] if i < len(ends) and ends[i] is not None else cue.end
        out.append(Shown(cue.index, text, markup, raw, cue.start, end, cue.kind, cue.line, transcript.path))
    return out


def pair_target(source: Transcript, target: Transcript) -> list[Pair]:
    """Pair each source cue with a cue of a translated file: by position when the counts match,
    else by the largest time overlap (untimed files: by position)."""
    shown = shown_source(target)
    by_index = dict(enumerate(shown))
    if len(source.cues) == len(target.cues) or any(c.start is None for c in source.cues + target.cues):
        return [Pair(cue, by_index.get(i)) for i, cue in enumerate(source.cues)]
    pairs = []
    for cue in source.cues:
        best, best_overlap = None, 0
        assert cue.start is not None and cue.end is not None
        for item in shown:
            assert item.start is not None and item.end is not None
            overlap_ms = min(cue.end, item.end) - max(cue.start, item.start)
            if overlap_ms > best_overlap:
                best, best_overlap = item, overlap_ms
        pairs.append(Pair(cue, best))
    return pairs


def check(
    transcript: Transcript,
    *,
    profile: Profile,
    lang: str | None = None,
    fps: float | None = None,
    target: Transcript | None = None,
    glossary: Any = None,
    checks: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the checks on ``transcript``; return their findings (the transcript is not changed).

    Without ``lang``: timing, layout and markup of the source, its parse
    findings and its flags. With ``lang``: timing, layout and markup of the
    translation (``target``, a translated file, else the transcript's own
    ``cue_translations[lang]``) and the translation checks. ``checks``
    limits the run to those ids. ``fps``: frame rate for the minimum gap
    (default: the file's, else the profile's).
    """
    rate = float(fps or target_fps(transcript) or profile.fps)
    sdh = any(c.kind == "sdh" for c in transcript.cues)
    if lang is None:
        shown = shown_source(transcript)
        pairs: list[Pair] = []
    elif target is not None:
        pairs = pair_target(transcript, target)
        shown = shown_source(target)
        kinds = {c.index: c.kind for c in transcript.cues}
        for item in shown:  # a translated file's cue takes its source cue's kind
            item.kind = kinds.get(item.cue, item.kind)
    else:
        shown = shown_translation(transcript, lang)
        by_cue = {s.cue: s for s in shown}
        pairs = [Pair(c, by_cue.get(c.index)) for c in transcript.cues]
    fit_cues: dict[str, set[int]] = {}
    if lang is not None and target is None:
        for f in transcript.findings:
            if f.lang == lang and f.check.startswith("fit.") and f.cue is not None:
                fit_cues.setdefault(f.check, set()).add(f.cue)
    ctx = CheckContext(transcript, profile, lang, rate, shown, pairs, glossary, sdh, fit_cues)
    wanted = set(checks) if checks is not None else None
    findings: list[Finding] = []
    for spec in CHECKS.values():
        if wanted is not None and spec.id not in wanted:
            continue
        if spec.scope == "translation" and lang is None:
            continue
        findings.extend(spec.func(ctx))
    return findings


def target_fps(transcript: Transcript) -> float | None:
    value = transcript.meta.get("fps")
    try:
        return float(value) if value else None
    except (TypeError, ValueError):
        return None


__all__ = ["CHECKS", "Check", "CheckContext", "Pair", "Shown", "check", "get_check", "pair_target",
           "shown_source", "shown_translation"]
