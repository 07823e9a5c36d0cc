"""Candidate translation strategies for a culture-bound reference (Pedersen's model).

Strategies: retention, specification, direct translation, generalization,
substitution, omission, official equivalent. What drives the choice — and so
what :func:`culture_strategies` weighs — is how widely the reference is known
outside its culture (``spread``), whether there is an official equivalent,
how central it is (does it recur in the film?), the category, and how much
room the subtitle has (reading-speed headroom of its cue).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Reading speed used to judge room in a cue when no profile is given (Netflix, non-English targets).
DEFAULT_MAX_CPS = 17.0

#: category -> strategies that suit it, best first, before the situation is weighed
CATEGORY_DEFAULTS: dict[str, tuple[str, ...]] = {
    "person": ("retention", "specification", "generalization", "substitution"),
    "place": ("retention", "official equivalent", "specification", "generalization"),
    "brand": ("retention", "generalization", "substitution", "omission"),
    "media": ("official equivalent", "retention", "generalization", "substitution"),
    "food": ("retention", "generalization", "substitution", "specification"),
    "holiday": ("official equivalent", "retention", "specification", "generalization"),
    "sport": ("retention", "generalization", "substitution", "direct translation"),
    "education": ("generalization", "official equivalent", "substitution", "direct translation"),
    "institution": ("official equivalent", "direct translation", "generalization", "retention"),
    "law": ("official equivalent", "generalization", "direct translation", "specification"),
    "currency": ("retention", "generalization", "official equivalent", "substitution"),
    "unit": ("official equivalent", "retention", "generalization", "omission"),
    "temperature": ("official equivalent", "retention", "omission"),
    "date": ("official equivalent", "retention"),
    "address": ("substitution", "direct translation", "retention", "omission"),
    "custom": ("retention", "specification", "generalization", "official equivalent"),
}

REASONS: dict[str, str] = {
    "retention": "keep the reference as it is",
    "specification": "keep it and add a word that explains it",
    "direct translation": "translate it word for word (a calque)",
    "generalization": "replace it with a more general term or a paraphrase",
    "substitution": "replace it with something the target audience knows",
    "omission": "leave it out",
    "official equivalent": "use the established target-language name or form",
}


@dataclass
class Situation:
    """What is known about one occurrence of a reference.

    Attributes:
        category: the flag label (``food``, ``unit`` …).
        spread: ``transcultural``, ``monocultural`` or ``microcultural``.
        occurrences: how often the same reference occurs in the transcript.
        headroom: cps headroom of its cue (max cps − current cps); ``None`` when untimed.
        equivalent: a known official equivalent or explanation, ``""`` when none.
    """

    category: str
    spread: str = "monocultural"
    occurrences: int = 1
    headroom: float | None = None
    equivalent: str = ""


def culture_strategies(s: Situation) -> list[dict[str, str]]:
    """Candidate strategies, best first, each with the reason that puts it there."""
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}

    def push(strategy: str, score: float, why: str) -> None:
        scores[strategy] = scores.get(strategy, 0.0) + score
        if why:
            reasons.setdefault(strategy, []).append(why)

    defaults = CATEGORY_DEFAULTS.get(s.category, ("retention", "generalization", "substitution", "omission"))
    for rank, strategy in enumerate(defaults):
        push(strategy, 4 - rank, "")
    if s.equivalent:
        push("official equivalent", 5, f"an established equivalent exists ({s.equivalent})")
    if s.spread == "transcultural":
        push("retention", 4, "widely known outside its culture, so the audience will likely recognise it")
        push("direct translation", 1, "")
    elif s.spread == "monocultural":
        push("generalization", 2, "known mainly in its own culture; many viewers may not recognise it")
        push("specification", 1.5, "known mainly in its own culture; a word of explanation can help")
        push("substitution", 1, "")
    else:  # microcultural
        push("generalization", 3, "known only to a small group; most viewers will not recognise it")
        push("substitution", 2, "known only to a small group; a target-culture reference may work better")
        push("omission", 1, "")
    if s.occurrences >= 2:
        push("retention", 2, f"it recurs {s.occurrences} times, so it is central: keep it recognisable")
        push("specification", 1, "recurring: explain it once, on its first occurrence")
        scores["omission"] = scores.get("omission", 0.0) - 3
        reasons.setdefault("omission", []).append("it recurs, so leaving it out loses a thread")
    else:
        push("omission", 0.5, "")
    if s.headroom is not None:
        if s.headroom < 2:
            push("generalization", 1.5, f"the cue is near its reading-speed limit ({s.headroom:+.1f} cps headroom)")
            push("omission", 1.5, "little room in the cue")
            scores["specification"] = scores.get("specification", 0.0) - 3
            reasons.setdefault("specification", []).append("no room in the cue to add an explanation")
        elif s.headroom >= 6:
            push("specification", 1.5, f"the cue has room ({s.headroom:.0f} cps headroom) for a word of explanation")
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    out: list[dict[str, str]] = []
    for strategy in ranked:
        if scores[strategy] <= 0.5 and out:
            continue
        why = "; ".join(reasons.get(strategy, [])) or REASONS[strategy]
        out.append({"strategy": strategy, "reason": why})
    return out[:4]


def cps_headroom(chars: int, duration_ms: int | None, max_cps: float = DEFAULT_MAX_CPS) -> float | None:
    """max_cps minus the cue's reading speed; None when the cue is untimed or has no duration."""
    if duration_ms is None or duration_ms <= 0:
        return None
    return max_cps - chars / (duration_ms / 1000)
