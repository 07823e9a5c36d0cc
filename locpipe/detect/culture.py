"""Culture-bound reference flags: gazetteer terms, quantities, and a trained model's entities."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Flag
from . import dialect
from .context import Context, Item
from .strategies import DEFAULT_MAX_CPS, Situation, culture_strategies

#: spaCy entity label -> culture category
ENTITY_CATEGORIES: dict[str, str] = {
    "PERSON": "person", "PER": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "institution",
    "NORP": "person", "EVENT": "holiday", "PRODUCT": "brand", "WORK_OF_ART": "media", "LAW": "law",
    "MONEY": "currency", "QUANTITY": "unit",
}
SPREAD_CONFIDENCE = {"microcultural": 0.9, "monocultural": 0.8, "transcultural": 0.6}
TV_NOTE = {
    "T": "familiar (T form): es tú, fr tu, de du, it tu, pt tu/você",
    "V": "formal (V form): es usted, fr vous, de Sie, it Lei, pt o senhor/a senhora",
}


def _ents_by_token(doc: Any) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for ent in getattr(doc, "ents", ()):
        for i in range(ent.start, ent.end):
            out[i] = ent
    return out


def collect(ctx: Context) -> list[Flag]:
    flags: list[Flag] = []
    counts: Counter[str] = Counter()
    for item in ctx.items:
        for span in item.doc.spans.get("locpipe_culture", []):
            counts[span.id_] += 1
        for span in item.doc.spans.get("locpipe_quantity", []):
            counts[span.id_ + ":" + span.text.lower()] += 1
    speakers = {s.speaker.lower() for s in ctx.transcript.segments if s.speaker}
    for item in ctx.items:
        if item.is_sdh:
            continue
        ents = _ents_by_token(item.doc)
        covered: set[int] = set()
        for span in item.doc.spans.get("locpipe_culture", []):
            entry = ctx.lexicon.by_id.get(span.id_)
            if entry is None:
                continue
            if entry["label"] == "address" and isinstance(entry["pattern"], str) and not dialect.is_vocative(
                item.doc, span.start, span.end, ctx.lang
            ):
                continue
            covered.update(range(span.start, span.end))
            flags.append(_gazetteer_flag(ctx, item, span, entry, counts[span.id_], ents))
        for span in item.doc.spans.get("locpipe_quantity", []):
            if any(i in covered for i in range(span.start, span.end)):
                continue
            covered.update(range(span.start, span.end))
            flags.append(_quantity_flag(ctx, item, span, counts[span.id_ + ":" + span.text.lower()]))
        if ctx.model_name:
            for ent in getattr(item.doc, "ents", ()):
                category = ENTITY_CATEGORIES.get(ent.label_)
                if category is None or any(i in covered for i in range(ent.start, ent.end)):
                    continue
                if category == "person" and (ent.text.lower() in speakers or len(ent.text) < 3):
                    continue  # a character of the story, not an outside reference
                covered.update(range(ent.start, ent.end))
                situation = Situation(
                    category=category, spread="monocultural", occurrences=1,
                    headroom=ctx.cue_headroom(item, ent.start_char, ent.end_char, DEFAULT_MAX_CPS),
                )
                flags.append(ctx.flag(
                    item, ent.start_char, ent.end_char, kind="culture", label=category,
                    rule_id=f"{ctx.lang}.ner.{ent.label_.lower()}",
                    gloss=f"a {category} reference ({ent.label_}) not in the lexicon",
                    evidence=[f"the spaCy pipeline {ctx.model_name} tags it {ent.label_}"],
                    suggestion="check whether the target audience knows it",
                    strategies=culture_strategies(situation), confidence=0.5,
                ))
    return flags


def _gazetteer_flag(ctx: Context, item: Item, span: Any, entry: dict[str, Any], occurrences: int,
                    ents: dict[int, Any]) -> Flag:
    spread = entry.get("spread", "monocultural")
    origin = entry.get("origin", "")
    label = entry["label"]
    evidence = [f"{label} reference" + (f" from {origin}" if origin else "") + f", {spread}"]
    confidence = SPREAD_CONFIDENCE.get(spread, 0.8)
    ent = ents.get(span.start)
    if ent is not None and ctx.model_name:
        evidence.append(f"the spaCy pipeline {ctx.model_name} also tags it {ent.label_}")
        confidence = min(1.0, confidence + 0.1)
    if occurrences >= 2:
        evidence.append(f"occurs {occurrences} times in this transcript")
    situation = Situation(
        category=label, spread=spread, occurrences=occurrences,
        headroom=ctx.cue_headroom(item, span.start_char, span.end_char, DEFAULT_MAX_CPS),
        equivalent=entry.get("equivalent", ""),
    )
    strategies = culture_strategies(situation)
    if label == "address":
        formality = entry.get("formality", "")
        suggestion = "forces a formal/familiar choice in the target: " + TV_NOTE.get(
            formality, "decide tú/usted, tu/vous, du/Sie from the relationship")
    elif entry.get("equivalent"):
        suggestion = f"equivalent: {entry['equivalent']}"
    else:
        top = strategies[0]["strategy"] if strategies else "retention"
        suggestion = f"consider {top}: {strategies[0]['reason']}" if strategies else ""
    if situation.headroom is not None:
        evidence.append(f"cue reading-speed headroom {situation.headroom:+.1f} cps")
    return ctx.flag(
        item, span.start_char, span.end_char, kind="culture", label=label, rule_id=entry["id"],
        gloss=entry["gloss"], evidence=evidence, suggestion=suggestion, strategies=strategies,
        confidence=confidence,
    )


def _quantity_flag(ctx: Context, item: Item, span: Any, occurrences: int) -> Flag:
    from . import quantities

    found = [q for q in quantities.find(item.segment.text)
             if q.start < span.end_char and span.start_char < q.end]
    q = found[0] if found else None
    label = span.label_
    conversion = q.suggestion.split(";")[0] if q and "≈" in q.suggestion else ""
    situation = Situation(
        category=label, spread="monocultural", occurrences=occurrences,
        headroom=ctx.cue_headroom(item, span.start_char, span.end_char, DEFAULT_MAX_CPS),
        equivalent=conversion,
    )
    evidence = [f"{label} written the {'US/UK' if label != 'date' else 'US'} way"]
    if occurrences >= 2:
        evidence.append(f"occurs {occurrences} times in this transcript")
    start, end = (q.start, q.end) if q else (span.start_char, span.end_char)
    return ctx.flag(
        item, start, end, kind="culture", label=label, rule_id=span.id_, gloss=q.gloss if q else label, evidence=evidence,
        suggestion=q.suggestion if q else "", strategies=culture_strategies(situation), confidence=0.9,
    )
