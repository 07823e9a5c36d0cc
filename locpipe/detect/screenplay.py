"""Screenplay evidence for the flags: what a Fountain script says that subtitles cannot.

Runs after the detectors on transcripts whose cues carry screenplay elements
(``Cue.meta["element"]``, see :mod:`locpipe.formats.fountain`):

- flags found in **action** (and scene headings, transitions, centred text) keep a
  lower weight: confidence × :data:`ACTION_WEIGHT` — stage directions are read by the
  crew, not heard by the audience; humor flags in headings are dropped (a location
  repeated in every heading is not a running gag);
- flags found inside a **parenthetical** are dropped: the parenthetical becomes
  evidence on the dialogue it directs instead;
- a parenthetical that names a manner of speaking becomes **evidence** on the flags of
  its dialogue — "(sarcastic)", "(deadpan)", "(dry)" → humor (sarcasm); "(in a thick
  Glasgow accent)", "(in a Texan drawl)", "(in broad Scots)" → dialect; "(laughing)" →
  humor. Where the detectors found nothing in that line, a flag is raised for the whole
  line (``<lang>.rule.parenthetical-sarcasm`` / ``-accent``) with the parenthetical as
  its evidence;
- a line **already in another language** ("(in Spanish)", ``Cue.meta["language"]``)
  gets one dialect flag (label ``language-switch``) telling the translator it is left
  untranslated; the detectors' flags on it are dropped (the lexicons are for the
  source language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Cue, Flag, Segment, Transcript

#: confidence multiplier for flags in stage directions
ACTION_WEIGHT = 0.6
ACTION_ELEMENTS = frozenset({"action", "scene_heading", "transition", "centered"})

SARCASM = re.compile(
    r"\b(?:sarcas\w*|iron(?:ic|ically|y)|deadpan|dry|dryly|drily|wry|wryly|mock\w*|sardonic\w*|"
    r"teasing\w*|jok(?:ing|ingly)|tongue[- ]in[- ]cheek|facetious\w*)\b",
    re.I,
)
ACCENT = re.compile(r"\b(?:accent\w*|dialect|brogue|drawl\w*|twang|patois|broad|lilt\w*|burr)\b", re.I)
VARIETY = re.compile(
    r"\b(Glasgow|Glaswegian|Scottish|Scots|Highland|Texan|Texas|Southern|Irish|Dublin|Cockney|London|Geordie|"
    r"Scouse|Liverpool|Welsh|Yorkshire|Mancunian|Brummie|Jamaican|Australian|Aussie|Kiwi|Brooklyn|"
    r"New York|Boston|Cajun|Appalachian|posh|RP|Indian|Nigerian|South African)\b"
)
LAUGH = re.compile(r"\b(?:laugh\w*|chuckl\w*|giggl\w*|snicker\w*|smirk\w*|grin\w*)\b", re.I)


def _quote(parenthetical: str) -> str:
    return f"parenthetical “({parenthetical})”"


def _add(flag: Flag, evidence: str, boost: float) -> None:
    if evidence not in flag.evidence:
        flag.evidence.append(evidence)
        flag.confidence = round(min(1.0, flag.confidence + boost), 2)


def screenplay_evidence(
    transcript: Transcript, flags: Iterable[Flag], *, lang: str, wanted: set[str] | None = None
) -> list[Flag]:
    """The flags re-weighted and completed with the screenplay's evidence (see the module docstring)."""
    cues: dict[int, Cue] = {c.index: c for c in transcript.cues}
    segments: dict[str, Segment] = {s.id: s for s in transcript.segments}

    def elements(seg: Segment | None) -> set[str]:
        if seg is None:
            return set()
        return {str(cues[i].meta.get("element", "")) for i in seg.cues if i in cues}

    def foreign(seg: Segment | None) -> bool:
        return seg is not None and any(cues[i].meta.get("language") for i in seg.cues if i in cues)

    out: list[Flag] = []
    for flag in flags:
        seg = segments.get(flag.segment)
        found = elements(seg)
        if found == {"parenthetical"} or foreign(seg):
            continue
        if flag.kind == "humor" and found and found <= {"scene_heading", "transition", "centered"}:
            continue  # a location repeated in every heading is not a running gag
        if found and found <= ACTION_ELEMENTS:
            flag.confidence = round(flag.confidence * ACTION_WEIGHT, 2)
            flag.evidence.append(f"in the stage directions, not the dialogue: weight ×{ACTION_WEIGHT}")
        out.append(flag)

    def want(kind: str) -> bool:
        return wanted is None or kind in wanted

    by_segment: dict[str, list[Flag]] = {}
    for flag in out:
        by_segment.setdefault(flag.segment, []).append(flag)
    first_of_cue: dict[int, Segment] = {}
    for seg in transcript.segments:
        for index in seg.cues:
            first_of_cue.setdefault(index, seg)

    added: list[Flag] = []
    for seg in transcript.segments:
        cue = next((cues[i] for i in seg.cues if i in cues and cues[i].meta.get("element") in ("dialogue", "lyrics")),
                   None)
        if cue is None:
            continue
        direction = str(cue.meta.get("parenthetical", ""))
        language = str(cue.meta.get("language", ""))
        present = by_segment.get(seg.id, [])
        first = first_of_cue.get(cue.index) is seg
        if language and first and want("dialect"):
            added.append(_whole_line(
                seg, kind="dialect", label="language-switch", rule_id=f"{lang}.rule.parenthetical-language",
                gloss=f"this line is already in another language ({language}), as the script says",
                evidence=[_quote(direction)],
                suggestion="left untranslated on purpose: keep it as it is; subtitle it only if the audience "
                "of the translation must understand it",
                confidence=0.9,
            ))
            continue
        if not direction or language:
            continue
        quote = _quote(direction)
        if SARCASM.search(direction) and want("humor"):
            humor = [f for f in present if f.kind == "humor"]
            for flag in humor:
                _add(flag, f"{quote}: the line is meant sarcastically", 0.2)
            if not humor and first:
                added.append(_whole_line(
                    seg, kind="humor", label="sarcasm", rule_id=f"{lang}.rule.parenthetical-sarcasm",
                    gloss="the script marks this line as sarcastic: the words mean the opposite",
                    evidence=[quote],
                    suggestion="keep the sarcasm: use the target's stock sarcastic phrasing, not a literal rendering",
                    confidence=0.8,
                ))
        variety = VARIETY.search(direction)
        if (ACCENT.search(direction) or variety) and want("dialect"):
            speech = [f for f in present if f.kind in ("dialect", "slang", "register")]
            for flag in speech:
                _add(flag, f"{quote}: the character speaks with an accent", 0.1)
            if not speech and first:
                name = variety.group(1) if variety else ""
                added.append(_whole_line(
                    seg, kind="dialect", label="accent", rule_id=f"{lang}.rule.parenthetical-accent",
                    gloss=f"spoken {direction}" + (f" ({name})" if name else ""),
                    evidence=[quote],
                    suggestion="decide how the accent is carried in the translation (a register or regional "
                    "colour of the target, or standard speech) and keep the choice for the whole part",
                    confidence=0.75,
                ))
        if LAUGH.search(direction) and want("humor"):
            for flag in present:
                if flag.kind == "humor":
                    _add(flag, f"{quote}: said laughing", 0.1)
    return out + added


def _whole_line(seg: Segment, **fields: object) -> Flag:
    text = seg.text
    start = len(text) - len(text.lstrip(" -"))
    return Flag(segment=seg.id, start=start, end=len(text.rstrip()), text=text[start:len(text.rstrip())],
                cues=list(seg.cues), **fields)  # type: ignore[arg-type]


__all__ = ["ACTION_WEIGHT", "screenplay_evidence"]
