"""locpipe's one data model: transcript, cue, markup, segment, flag, translation, finding.

Every stage is a function over a :class:`Transcript`; what a stage hands the
next can be written to JSON (:meth:`Transcript.to_json`), read back
(:meth:`Transcript.from_json`) and diffed. The JSON schema is documented in
``docs/schema.md``; bump :data:`SCHEMA_VERSION` on any incompatible change.

Offsets are always in Python ``str`` characters (code points) of the *plain*
text, end-exclusive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

SCHEMA_VERSION = 1

CueKind = Literal["dialogue", "sdh", "lyrics", "sign", "karaoke", "drawing", "comment"]
CUE_KINDS: tuple[str, ...] = ("dialogue", "sdh", "lyrics", "sign", "karaoke", "drawing", "comment")

#: Flag kinds produced by the detectors.
FLAG_KINDS: tuple[str, ...] = ("idiom", "culture", "humor", "dialect", "slang", "profanity", "register")

#: Severities, most severe first (QC findings use the first three; flags use "info" too).
SEVERITIES: tuple[str, ...] = ("critical", "functional", "cosmetic", "info")


def severity_rank(severity: str) -> int:
    """Return 0 for the most severe; unknown severities rank last."""
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        return len(SEVERITIES)


class _Serializable:
    """to_dict/from_dict for flat dataclasses whose nested types are declared in ``_nested``."""

    _nested: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            out[f.name] = _dump(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        for key, value in data.items():
            if key not in names:
                continue  # forward compatible: ignore unknown keys
            nested = cls._nested.get(key)
            if nested is not None and value is not None:
                if isinstance(value, list):
                    value = [nested.from_dict(v) for v in value]  # type: ignore[attr-defined]
                elif isinstance(value, dict) and key.endswith("_by_lang"):
                    value = {k: nested.from_dict(v) for k, v in value.items()}  # type: ignore[attr-defined]
                else:
                    value = nested.from_dict(value)  # type: ignore[attr-defined]
            kwargs[key] = value
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, _Serializable):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


@dataclass
class Markup(_Serializable):
    """One piece of markup over a cue's plain text.

    Attributes:
        start: first plain-text character it applies to (offset into ``Cue.text``).
        end: end of the span, exclusive; ``start == end`` for a point tag
            (``{\\an8}``, ``{\\pos(…)}``, a karaoke ``{\\k20}``) that sits at ``start``.
        tag: normalised name: ``i``, ``b``, ``u``, ``s``, ``font``, ``color``, or
            ``ass`` for any other ASS override block.
        value: tag value, e.g. ``"1"`` for ``\\i1``, ``'color="#ff0000"'`` for ``<font>``.
        raw: the exact source text of the opening tag (what to write back).
        raw_close: the exact source text of the closing tag, ``""`` if none.
    """

    start: int
    end: int
    tag: str
    value: str = ""
    raw: str = ""
    raw_close: str = ""


@dataclass
class Cue(_Serializable):
    """One subtitle event (or one line of a script).

    Attributes:
        index: position in the file, 0-based, in file order.
        start: in-time, in milliseconds (``None`` for untimed script lines).
        end: out-time, in milliseconds (``None`` for untimed script lines).
        raw: the text as written in the source, markup included; ASS-style
            ``\\N`` for line breaks in every format.
        text: plain text, markup removed, lines joined with ``"\\n"``.
        markup: markup spans over ``text``.
        style: style name (ASS) or ``""``.
        speaker: actor/speaker name (ASS ``Name`` field, ``NAME:`` prefix) or ``""``.
        kind: one of :data:`CUE_KINDS`.
        line: 1-based line number of the cue in the source file, when known.
        meta: format-specific fields kept for writing back (ASS layer, margins,
            effect, marked; VTT cue id and settings).
    """

    index: int
    start: int | None
    end: int | None
    raw: str
    text: str
    markup: list[Markup] = field(default_factory=list)
    style: str = ""
    speaker: str = ""
    kind: str = "dialogue"
    line: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    _nested: ClassVar[dict[str, type]] = {"markup": Markup}

    @property
    def duration(self) -> int | None:
        """Duration in milliseconds, or None when untimed."""
        if self.start is None or self.end is None:
            return None
        return self.end - self.start

    @property
    def lines(self) -> list[str]:
        """The plain text's lines."""
        return self.text.split("\n")


@dataclass
class SegmentPart(_Serializable):
    """The character range of one cue covered by a segment.

    Attributes:
        cue: the cue's ``index``.
        start: first character in ``Cue.text``.
        end: end, exclusive, in ``Cue.text``.
    """

    cue: int
    start: int
    end: int


@dataclass
class Translation(_Serializable):
    """A machine (or human) translation of one segment into one language.

    Attributes:
        lang: target language code.
        text: translated text of the whole segment (no line breaks, no speaker dash).
        confidence: 0..1, from the model score (1.0 for human or glossary text).
        alternatives: up to 3 other candidates, best first.
        origin: ``mt``, ``tm`` (translation memory hit), ``review`` (a human), ``skip``.
        engine: package id and version that produced it.
        alignment: word alignment as ``[source_word, target_word]`` pairs, words
            being the whitespace-separated tokens of ``Segment.text`` and ``text``.
    """

    lang: str
    text: str
    confidence: float = 0.0
    alternatives: list[str] = field(default_factory=list)
    origin: str = "mt"
    engine: str = ""
    alignment: list[list[int]] = field(default_factory=list)


@dataclass
class Segment(_Serializable):
    """A sentence or utterance, possibly spanning several cues, the unit of detection and MT.

    Attributes:
        id: stable id within the transcript, ``"s0001"`` …
        parts: the cue character ranges it covers, in order.
        text: the segment's text: the parts' text joined with a single space
            (a line break inside a cue becomes a space too).
        speaker: speaker name when known.
        translations: per target language.
        status: ``new``, ``changed`` or ``unchanged`` against a baseline, or ``""``.
    """

    id: str
    parts: list[SegmentPart]
    text: str
    speaker: str = ""
    translations: dict[str, Translation] = field(default_factory=dict)
    status: str = ""

    @property
    def cues(self) -> list[int]:
        """Indexes of the cues this segment touches, in order, without repeats."""
        seen: list[int] = []
        for part in self.parts:
            if not seen or seen[-1] != part.cue:
                seen.append(part.cue)
        return seen

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["cues"] = self.cues
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Segment:
        data = dict(data)
        data.pop("cues", None)
        translations = data.pop("translations", {}) or {}
        seg: Segment = super().from_dict(data)
        seg.translations = {k: Translation.from_dict(v) for k, v in translations.items()}
        return seg

    _nested: ClassVar[dict[str, type]] = {"parts": SegmentPart}


@dataclass
class Flag(_Serializable):
    """Something a translator must not miss, found by a detector. Evidence, never a rewrite.

    Attributes:
        kind: one of :data:`FLAG_KINDS`.
        label: finer category, e.g. ``food``, ``pun``, ``sarcasm``, ``scottish``.
        segment: the segment id.
        start: first character of the match in ``Segment.text``.
        end: end of the match, exclusive.
        text: the matched text.
        rule_id: stable id of the lexicon entry or rule that fired.
        gloss: what it means, in plain words.
        evidence: why it was flagged (one short sentence per item).
        suggestion: what a translator might do (a conversion, a strategy).
        strategies: candidate strategies (Pedersen's for culture references) as
            ``{"strategy": ..., "reason": ...}`` dicts, best first.
        confidence: 0..1.
        severity: ``info`` unless the flag demands action.
        cues: indexes of the cues the match touches.
        status: ``""`` or ``ignore`` (a reviewer's decision).
    """

    kind: str
    label: str
    segment: str
    start: int
    end: int
    text: str
    rule_id: str
    gloss: str = ""
    evidence: list[str] = field(default_factory=list)
    suggestion: str = ""
    strategies: list[dict[str, str]] = field(default_factory=list)
    confidence: float = 1.0
    severity: str = "info"
    cues: list[int] = field(default_factory=list)
    status: str = ""


@dataclass
class Finding(_Serializable):
    """A QC or parse finding: something wrong with the file or a translation.

    Attributes:
        check: check id, e.g. ``parse.malformed-block``, ``timing.overlap``, ``cps``.
        severity: ``critical``, ``functional``, ``cosmetic`` or ``info``.
        message: what is wrong and what to change.
        path: the file it is about.
        line: 1-based line in that file, when known.
        cue: cue index, when it is about a cue.
        segment: segment id, when it is about a segment.
        lang: target language, when it is about a translation.
        status: ``""`` or ``ignore`` (a reviewer's decision).
    """

    check: str
    severity: str
    message: str
    path: str = ""
    line: int | None = None
    cue: int | None = None
    segment: str | None = None
    lang: str | None = None
    status: str = ""

    def location(self) -> str:
        """``path:line`` (or as much of it as is known)."""
        out = self.path or "<input>"
        if self.line is not None:
            out += f":{self.line}"
        return out


@dataclass
class Transcript(_Serializable):
    """A parsed file and everything the pipeline learns about it.

    Attributes:
        path: the source path (as given).
        format: format name (``srt``, ``ass``, ``vtt``, ``txt``, ``fountain`` …).
        encoding: the encoding the file was decoded with.
        encoding_detected: True if it was detected, False if given by the user or a BOM.
        language: source language code (``en``), ``""`` when unknown.
        meta: format metadata kept for writing: ``info`` (ASS script info),
            ``styles`` (ASS styles as dicts), ``fps`` (for frame-based formats), ...
        cues: in file order.
        segments: set by segmentation.
        flags: set by detection.
        findings: parse and QC findings.
        cue_translations: per target language, the fitted translated raw text of
            every cue, markup re-applied, ``\\N`` line breaks (same length as
            ``cues``; ``None`` where not translated: write the source text).
        cue_end_times: per target language, the out-time of every cue after
            fitting (an out-time may be extended into the gap for reading speed).
        schema_version: :data:`SCHEMA_VERSION` of the JSON it was built from.
    """

    path: str
    format: str
    encoding: str = "utf-8"
    encoding_detected: bool = False
    language: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    cue_translations: dict[str, list[str | None]] = field(default_factory=dict)
    cue_end_times: dict[str, list[int | None]] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    _nested: ClassVar[dict[str, type]] = {
        "cues": Cue,
        "segments": Segment,
        "flags": Flag,
        "findings": Finding,
    }

    def segment_by_id(self, segment_id: str) -> Segment:
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)

    def cues_of_kind(self, *kinds: str) -> list[Cue]:
        return [c for c in self.cues if c.kind in kinds]

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Transcript:
        from .errors import InputError

        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"not valid JSON: {err}") from err
        if not isinstance(data, dict) or "cues" not in data:
            raise InputError("not a locpipe transcript JSON (no 'cues')")
        version = data.get("schema_version", 0)
        if version > SCHEMA_VERSION:
            raise InputError(
                f"transcript schema_version {version} is newer than this locpipe "
                f"understands ({SCHEMA_VERSION}); upgrade locpipe"
            )
        result: Transcript = cls.from_dict(data)
        return result
