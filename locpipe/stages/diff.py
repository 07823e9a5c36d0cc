"""Revisions: match the cues of two versions of a file, so only what changed is reported and translated.

A script is cut and recut while it is translated: cues are inserted,
deleted, reworded and the whole cut is re-timed. :func:`match_cues` pairs the
cues of a baseline and a new version:

1. by text: :class:`difflib.SequenceMatcher` over the cues' normalised texts
   (:func:`locpipe.decisions.normalise`: NFKC, case-folded, blanks collapsed),
   so inserted and deleted cues shift nothing and a re-timed cut (every time
   moved) still matches every cue;
2. inside a replaced stretch, by similarity and time: each new cue is paired,
   in order, with the old cue whose text is most alike (at least
   :data:`MIN_SIMILARITY`), time-overlap after the local shift of the cut
   counting as extra evidence. Paired cues are ``changed``; the others are
   ``new`` or ``deleted``;
3. a cue with the same text is ``unchanged``, unless its own timing changed:
   a duration changed by more than ``tolerance_ms``, or a shift that differs
   from both neighbours' (a re-timed cut moves runs of cues together; one cue
   moved alone was edited) — then it is ``changed`` (``retimed``).

:func:`mark_segments` sets ``Segment.status`` (``new`` / ``changed`` /
``unchanged``) for the review sheet; :func:`keep_changed` keeps findings and
flags about new or changed cues only. :func:`read_baseline` reads the
baseline from a file or a git revision (``git show REV:path``, an argument
list, never a shell).
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..decisions import normalise
from ..errors import InputError, UsageError
from ..model import Cue, Finding, Flag, Transcript

#: Text similarity (difflib ratio, 0..1) above which two cues of a replaced stretch are the same cue, edited.
MIN_SIMILARITY = 0.5
#: Timing change (milliseconds) under which a cue counts as not re-timed.
TOLERANCE_MS = 120
_MAX_PAIRING = 250_000  # cells of the similarity table of one replaced stretch


@dataclass
class CueMatch:
    """One cue of the new version (or a deleted one of the baseline).

    Attributes:
        new: cue index in the new version (``None`` for a deleted cue).
        old: cue index in the baseline (``None`` for a new cue).
        status: ``unchanged``, ``changed``, ``new`` or ``deleted``.
        retimed: its text is the same but its own timing changed.
        similarity: text similarity with the baseline cue, 0..1.
    """

    new: int | None
    old: int | None
    status: str
    retimed: bool = False
    similarity: float = 1.0


@dataclass
class Diff:
    """The cue matches of two versions, in the new version's order (deleted cues where they were).

    Attributes:
        matches: every match.
        baseline: the baseline transcript.
    """

    matches: list[CueMatch] = field(default_factory=list)
    baseline: Transcript | None = None
    _by_new: dict[int, str] = field(default_factory=dict, init=False, repr=False)

    def status(self, cue: int) -> str:
        """Status of a cue of the new version (``new`` when unknown)."""
        if len(self._by_new) != sum(1 for m in self.matches if m.new is not None):
            self._by_new = {m.new: m.status for m in self.matches if m.new is not None}
        return self._by_new.get(cue, "new")

    @property
    def touched(self) -> set[int]:
        """Indexes of new and changed cues of the new version."""
        return {m.new for m in self.matches if m.new is not None and m.status in ("new", "changed")}

    def counts(self) -> dict[str, int]:
        """Cues per status (``unchanged``, ``changed``, ``new``, ``deleted``)."""
        found = Counter(m.status for m in self.matches)
        return {k: found.get(k, 0) for k in ("unchanged", "changed", "new", "deleted")}


def _key(cue: Cue) -> str:
    key = normalise(cue.text) or cue.raw.strip()
    if cue.meta.get("element") and cue.speaker:  # a screenplay (Fountain): the same words from another
        return f"{key}\x1f{normalise(cue.speaker)}"  # character are another line
    return key


def _shift(old: Cue, new: Cue) -> int | None:
    if old.start is None or new.start is None:
        return None
    return new.start - old.start


def match_cues(old: Transcript, new: Transcript, *, tolerance_ms: int = TOLERANCE_MS) -> Diff:
    """Pair the cues of ``old`` (the baseline) and ``new``; see the module docstring."""
    a = [_key(c) for c in old.cues]
    b = [_key(c) for c in new.cues]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matches: list[CueMatch] = []
    last_shift = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                matches.append(CueMatch(j, i, "unchanged"))
                s = _shift(old.cues[i], new.cues[j])
                if s is not None:
                    last_shift = s
            continue
        olds = list(range(i1, i2))
        news = list(range(j1, j2))
        paired = _pair(old, new, olds, news, last_shift, tolerance_ms) if olds and news else []
        used_old = {i for i, _, _ in paired}
        pair_of_new = {j: (i, sim) for i, j, sim in paired}
        pending_old = [i for i in olds if i not in used_old]
        for j in news:
            if j in pair_of_new:
                i, sim = pair_of_new[j]
                # deleted cues that came before this pair keep their place
                while pending_old and pending_old[0] < i:
                    matches.append(CueMatch(None, pending_old.pop(0), "deleted", similarity=0.0))
                matches.append(CueMatch(j, i, "changed", similarity=round(sim, 3)))
                s = _shift(old.cues[i], new.cues[j])
                if s is not None:
                    last_shift = s
            else:
                matches.append(CueMatch(j, None, "new", similarity=0.0))
        for i in pending_old:
            matches.append(CueMatch(None, i, "deleted", similarity=0.0))
    _mark_retimed(old, new, matches, tolerance_ms)
    return Diff(matches, old)


def _overlap(old: Cue, new: Cue, shift: int) -> float:
    if None in (old.start, old.end, new.start, new.end):
        return 0.0
    assert old.start is not None and old.end is not None and new.start is not None and new.end is not None
    a0, a1 = old.start + shift, old.end + shift
    inter = min(a1, new.end) - max(a0, new.start)
    span = max(a1, new.end) - min(a0, new.start)
    return max(0.0, inter / span) if span > 0 else 0.0


def _pair(old: Transcript, new: Transcript, olds: list[int], news: list[int], shift: int,
          tolerance_ms: int) -> list[tuple[int, int, float]]:
    """Order-preserving pairs (old, new, similarity) of a replaced stretch, maximising total score."""
    if len(olds) * len(news) > _MAX_PAIRING:
        # too big to compare every pair: pair by position in time only
        return [(i, j, 0.0) for i, j in zip(olds, news, strict=False)
                if _overlap(old.cues[i], new.cues[j], shift) > 0.5]
    scores: list[list[float]] = []
    sims: list[list[float]] = []
    for i in olds:
        row, srow = [], []
        for j in news:
            sm = difflib.SequenceMatcher(None, _key(old.cues[i]), _key(new.cues[j]), autojunk=False)
            sim = sm.ratio() if sm.real_quick_ratio() >= MIN_SIMILARITY * 0.8 else 0.0
            score = sim + 0.25 * _overlap(old.cues[i], new.cues[j], shift)
            row.append(score if score >= MIN_SIMILARITY else 0.0)
            srow.append(sim)
        scores.append(row)
        sims.append(srow)
    n, m = len(olds), len(news)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            take = scores[x][y] + best[x + 1][y + 1] if scores[x][y] > 0 else 0.0
            best[x][y] = max(take, best[x + 1][y], best[x][y + 1])
    out = []
    x = y = 0
    while x < n and y < m:
        if scores[x][y] > 0 and abs(best[x][y] - (scores[x][y] + best[x + 1][y + 1])) < 1e-12:
            out.append((olds[x], news[y], sims[x][y]))
            x += 1
            y += 1
        elif best[x + 1][y] >= best[x][y + 1]:
            x += 1
        else:
            y += 1
    return out


def _mark_retimed(old: Transcript, new: Transcript, matches: list[CueMatch], tolerance_ms: int) -> None:
    paired = [m for m in matches if m.new is not None and m.old is not None]
    shifts = [_shift(old.cues[m.old], new.cues[m.new]) for m in paired]  # type: ignore[index]
    for k, m in enumerate(paired):
        if m.status != "unchanged":
            continue
        assert m.old is not None and m.new is not None
        o, c = old.cues[m.old], new.cues[m.new]
        if o.duration is not None and c.duration is not None and abs(o.duration - c.duration) > tolerance_ms:
            m.retimed = True
        s = shifts[k]
        if s is not None and not m.retimed:
            before = next((shifts[x] for x in range(k - 1, -1, -1) if shifts[x] is not None), None)
            after = next((shifts[x] for x in range(k + 1, len(shifts)) if shifts[x] is not None), None)
            neighbours = [v for v in (before, after) if v is not None]
            moved_alone = all(abs(s - v) > tolerance_ms for v in neighbours) if neighbours else abs(s) > tolerance_ms
            m.retimed = moved_alone
        if m.retimed:
            m.status = "changed"


def mark_segments(transcript: Transcript, diff: Diff) -> dict[str, int]:
    """Set each segment's ``status`` from its cues' (all new → ``new``, all unchanged → ``unchanged``,
    else ``changed``); return segments per status."""
    counts: Counter[str] = Counter()
    for seg in transcript.segments:
        statuses = {diff.status(c) for c in seg.cues}
        if statuses == {"new"}:
            seg.status = "new"
        elif statuses == {"unchanged"}:
            seg.status = "unchanged"
        else:
            seg.status = "changed"
        counts[seg.status] += 1
    return {k: counts.get(k, 0) for k in ("unchanged", "changed", "new")}


_DIGITS = re.compile(r"\d+")


def _file_key(finding: Finding) -> tuple[str, str]:
    return (finding.check, _DIGITS.sub("#", finding.message))


def keep_changed(transcript: Transcript, diff: Diff, findings: Iterable[Finding],
                 baseline_findings: Iterable[Finding] = ()) -> list[Finding]:
    """Findings about new or changed cues (or segments); findings about no cue only when the baseline
    did not have them too."""
    touched = diff.touched
    seg_status = {s.id: s.status for s in transcript.segments}
    old_keys = {_file_key(f) for f in baseline_findings if f.cue is None and f.segment is None}
    kept = []
    for f in findings:
        if f.cue is not None:
            if f.cue in touched:
                kept.append(f)
        elif f.segment is not None:
            if seg_status.get(f.segment) in ("new", "changed"):
                kept.append(f)
        elif _file_key(f) not in old_keys:
            kept.append(f)
    return kept


def changed_flags(diff: Diff, flags: list[Flag]) -> list[Flag]:
    """Flags touching a new or changed cue."""
    touched = diff.touched
    return [f for f in flags if any(c in touched for c in f.cues)]


# --------------------------------------------------------------------------- reading a baseline


def git_show(path: str | Path, rev: str) -> bytes | None:
    """The bytes of ``path`` at git revision ``rev`` (``None`` when the file is not in that revision).

    Runs ``git`` with an argument list (never a shell), in the file's repository, with the path
    relative to the repository root. A missing git, a path outside a repository or an unknown
    revision is a UsageError saying what to do.
    """
    if not rev or rev.startswith("-") or "\n" in rev or "\x00" in rev:
        raise UsageError(f"--baseline {rev!r} is not a git revision; give one such as HEAD~1, main or a commit id")
    p = Path(path).absolute()
    top = _git(["rev-parse", "--show-toplevel"], cwd=p.parent, path=p).strip()
    if not top:
        raise UsageError("is not inside a git repository, so --baseline REV cannot be read; "
                         "pass --baseline FILE instead", path=path)
    root = Path(top).resolve()
    try:
        rel = p.resolve().relative_to(root).as_posix()
    except ValueError as err:
        raise UsageError(f"is outside the git repository {root}; pass --baseline FILE instead", path=path) from err
    verify = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=root,
                            capture_output=True, check=False)
    if verify.returncode != 0:
        raise UsageError(f"--baseline {rev!r} is neither an existing file nor a revision of the git "
                         f"repository {root}; check the name (git log --oneline lists revisions)")
    commit = verify.stdout.decode().strip()
    shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=root, capture_output=True, check=False)
    if shown.returncode != 0:
        return None  # the file is new since that revision
    return shown.stdout


def _git(args: list[str], *, cwd: Path, path: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as err:
        raise UsageError("git is not installed, so --baseline REV cannot be read; install git or pass "
                         "--baseline FILE") from err
    except OSError as err:
        raise InputError(f"cannot run git here ({err.strerror or err}); pass --baseline FILE instead",
                         path=path) from err
    if result.returncode != 0:
        return ""
    return result.stdout.decode("utf-8", "replace")


def read_baseline(path: str | Path, baseline: str | Path, *, fps: float | None = None,
                  encoding: str | None = None, language: str = "") -> Transcript | None:
    """The baseline of ``path``: the file ``baseline`` if it exists, else ``path`` at git revision
    ``baseline``. ``None`` when the file did not exist at that revision (every cue is new)."""
    from .. import formats

    spec = str(baseline)
    candidate = Path(spec)
    if candidate.is_file():
        return formats.load(candidate, fps=fps, encoding=encoding, language=language)
    data = git_show(path, spec)
    if data is None:
        return None
    label = f"{spec}:{Path(path).as_posix()}"
    if not data.strip():
        return Transcript(path=label, format="")
    # parse the old bytes with the new file's name, so format detection by extension agrees
    transcript = formats.loads(data, path=str(path), fps=fps, encoding=encoding, language=language)
    transcript.path = label
    return transcript


def empty_diff(transcript: Transcript) -> Diff:
    """The diff against nothing: every cue new."""
    return Diff([CueMatch(c.index, None, "new", similarity=0.0) for c in transcript.cues], None)


def diff_against(transcript: Transcript, baseline: Transcript | None) -> Diff:
    """:func:`match_cues` against ``baseline``, or every cue new when there is none."""
    if baseline is None:
        return empty_diff(transcript)
    return match_cues(baseline, transcript)


__all__ = ["CueMatch", "Diff", "changed_flags", "diff_against", "empty_diff", "git_show", "keep_changed",
           "mark_segments", "match_cues", "read_baseline"]
