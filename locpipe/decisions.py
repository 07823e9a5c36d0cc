"""Reviewer decisions that persist: the ``<stem>.locpipe-decisions.json`` sidecar.

A reviewer marks a flag or a QC finding "ignore" (in a review sheet's status
column, or by editing this file). The decision is keyed by what it is about,
not by where it was: the rule or check id plus the *normalised* source text
of its segment (Unicode NFKC, case-folded, zero-width characters dropped,
whitespace collapsed). A revised script that keeps the sentence keeps the
decision, wherever the sentence moved; a reworded sentence is new and is
flagged again.

The file (``version`` 1)::

    {"version": 1,
     "decisions": [
       {"type": "flag", "id": "en.culture.burns-night", "text": "right, you lot. it's burns night, ...",
        "status": "ignore", "note": "the audience knows it", "lang": null, "date": "2025-01-31"}]}

``type`` is ``flag`` (``id`` = the flag's ``rule_id``) or ``finding``
(``id`` = the check id); ``lang`` limits a finding decision to one target
language (``null``: any).

A decision can also be a rule, written by hand, for a whole file or a whole
folder: ``"text": "*"`` covers every line, and the ``id`` may be a glob
(``fr.dialect.*``), or for flags ``label:NAME`` (every flag with that label,
``label:eye-dialect``) or ``kind:NAME`` (``kind:profanity``). A casual
Québec film need not flag each "T'as"::

    {"type": "flag", "id": "label:eye-dialect", "text": "*", "note": "the film's register"}

Rules in ``locpipe-decisions.json`` (no stem) apply to every file of its
folder (a series' episodes); ``--ignore`` on the command line adds rules for
one run.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

from .errors import InputError, UsageError
from .io import atomic_write_text, read_bytes
from .model import Finding, Flag, Transcript

SUFFIX = ".locpipe-decisions.json"
#: the sidecar whose decisions apply to every file of its folder
FOLDER_FILE = "locpipe-decisions.json"
#: the text of a decision that covers every line
EVERY_LINE = "*"
VERSION = 1
STATUSES = ("ignore",)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")


@dataclass
class Decision:
    """One reviewer decision.

    Attributes:
        type: ``flag`` or ``finding``.
        id: the flag's ``rule_id`` or the finding's check id.
        text: normalised source text it is about (:func:`normalise`).
        status: ``ignore``.
        note: the reviewer's reason, free text.
        lang: target language of a finding decision (``None``: any).
        date: ISO date it was taken.
    """

    type: str
    id: str
    text: str
    status: str = "ignore"
    note: str = ""
    lang: str | None = None
    date: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.id, self.text)

    @property
    def is_rule(self) -> bool:
        """Whether it covers more than one rule id or one text (a glob, ``label:``/``kind:``, ``*``)."""
        return self.text == EVERY_LINE or self.id.startswith(("label:", "kind:")) or any(c in self.id for c in "*?[")

    def covers_flag(self, flag: Flag, text: str) -> bool:
        if self.type != "flag" or self.text not in (EVERY_LINE, text):
            return False
        if self.id.startswith("label:"):
            return flag.label == self.id[6:]
        if self.id.startswith("kind:"):
            return flag.kind == self.id[5:]
        return fnmatchcase(flag.rule_id, self.id)

    def covers_finding(self, finding: Finding, text: str) -> bool:
        return (self.type == "finding" and self.text in (EVERY_LINE, text) and fnmatchcase(finding.check, self.id)
                and not (self.lang and finding.lang and self.lang != finding.lang))


@dataclass
class Decisions:
    """The decisions of one sidecar file.

    Attributes:
        path: where they were read from (or will be written to), ``None`` for none.
        items: by :attr:`Decision.key`.
    """

    path: Path | None = None
    items: dict[tuple[str, str, str], Decision] = field(default_factory=dict)
    #: where the decisions came from, to name in a summary (files, ``--ignore``)
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, decision: Decision) -> bool:
        """Add or replace a decision; True when it is new or changed."""
        old = self.items.get(decision.key)
        if not decision.date:
            decision.date = _dt.date.today().isoformat()
        if old is not None and (old.status, old.note, old.lang) == (decision.status, decision.note, decision.lang):
            return False
        self.items[decision.key] = decision
        return True


def normalise(text: str) -> str:
    """The form of a source text decisions are keyed by."""
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text)
    return " ".join(text.casefold().split())


def decisions_path(source: str | Path, out_dir: str | Path | None = None) -> Path:
    """``<stem>.locpipe-decisions.json`` in ``out_dir``, else beside ``source``."""
    src = Path(source)
    folder = Path(out_dir) if out_dir is not None else src.parent
    return folder / f"{src.stem}{SUFFIX}"


def find_decisions(source: str | Path, out_dir: str | Path | None = None) -> Path:
    """The sidecar to read for ``source``: the one in ``out_dir`` if it exists, else the one beside it."""
    if out_dir is not None:
        candidate = decisions_path(source, out_dir)
        if candidate.exists():
            return candidate
    beside = decisions_path(source)
    if out_dir is not None and not beside.exists():
        return decisions_path(source, out_dir)
    return beside


def load_decisions(path: str | Path) -> Decisions:
    """Read a sidecar; a missing file gives no decisions. A bad file is an InputError naming it."""
    p = Path(path)
    if not p.exists():
        return Decisions(path=p)
    raw = read_bytes(p)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"not a valid decisions file ({err}); fix the JSON or delete the file", path=p) from err
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise InputError('not a decisions file (no "decisions" list); fix it or delete the file', path=p)
    if int(data.get("version", 1)) > VERSION:
        raise InputError(f"decisions file version {data.get('version')} is newer than this locpipe; upgrade locpipe",
                         path=p)
    out = Decisions(path=p)
    for n, item in enumerate(data["decisions"], start=1):
        if not isinstance(item, dict) or item.get("type") not in ("flag", "finding") or not item.get("id"):
            raise InputError(
                f'decision {n} needs "type" ("flag" or "finding") and "id"; fix or remove it', path=p
            )
        status = item.get("status", "ignore")
        if status not in STATUSES:
            raise InputError(f"decision {n} has status {status!r}; the only status is 'ignore'", path=p)
        decision = Decision(
            type=item["type"],
            id=str(item["id"]),
            text=normalise(str(item.get("text", ""))),
            status=status,
            note=str(item.get("note", "") or ""),
            lang=item.get("lang") or None,
            date=str(item.get("date", "") or ""),
        )
        out.items[decision.key] = decision
    return out


def save_decisions(decisions: Decisions, path: str | Path | None = None) -> Path:
    """Write the sidecar atomically (sorted, so it diffs well); returns its path."""
    target = Path(path) if path is not None else decisions.path
    if target is None:
        raise ValueError("save_decisions needs a path")
    items = sorted(decisions.items.values(), key=lambda d: (d.type, d.id, d.text))
    data = {"version": VERSION, "decisions": [asdict(d) for d in items]}
    atomic_write_text(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    decisions.path = target
    return target


def flag_text(transcript: Transcript, flag: Flag) -> str:
    """The normalised text a flag decision is keyed by: its segment's source text."""
    for seg in transcript.segments:
        if seg.id == flag.segment:
            return normalise(seg.text)
    return normalise(flag.text)


def finding_text(transcript: Transcript, finding: Finding) -> str:
    """The normalised text a finding decision is keyed by: its segment's, else its cue's, else its message."""
    if finding.segment:
        for seg in transcript.segments:
            if seg.id == finding.segment:
                return normalise(seg.text)
    if finding.cue is not None:
        for cue in transcript.cues:
            if cue.index == finding.cue:
                return normalise(cue.text)
    return normalise(finding.message)


def decision_for_flag(transcript: Transcript, flag: Flag, *, note: str = "") -> Decision:
    return Decision(type="flag", id=flag.rule_id, text=flag_text(transcript, flag), note=note)


def decision_for_finding(transcript: Transcript, finding: Finding, *, note: str = "") -> Decision:
    return Decision(type="finding", id=finding.check, text=finding_text(transcript, finding), note=note,
                    lang=finding.lang)


def apply_decisions(transcript: Transcript, decisions: Decisions) -> int:
    """Mark every flag and finding a decision covers ``status="ignore"``; return how many were marked."""
    if not decisions.items:
        return 0
    rules = [d for d in decisions.items.values() if d.is_rule]
    seg_text = {s.id: normalise(s.text) for s in transcript.segments}
    marked = 0
    for flag in transcript.flags:
        text = seg_text.get(flag.segment, normalise(flag.text))
        decision = decisions.items.get(("flag", flag.rule_id, text))
        if decision is None:
            decision = next((d for d in rules if d.covers_flag(flag, text)), None)
        if decision is not None and flag.status != decision.status:
            flag.status = decision.status
            marked += 1
    for finding in transcript.findings:
        text = finding_text(transcript, finding)
        decision = decisions.items.get(("finding", finding.check, text))
        if decision is not None and decision.lang and finding.lang and decision.lang != finding.lang:
            decision = None
        if decision is None:
            decision = next((d for d in rules if d.covers_finding(finding, text)), None)
        if decision is not None and finding.status != decision.status:
            finding.status = decision.status
            marked += 1
    return marked


def parse_ignore(spec: str | None) -> list[Decision]:
    """Rules from ``--ignore``: comma-separated flag rule ids or globs (``fr.dialect.*``), ``label:NAME``,
    ``kind:NAME``, or ``check:ID`` for a QC check (globs too); each covers every line."""
    out = []
    for item in (spec or "").split(","):
        item = item.strip()
        if not item:
            continue
        _prefix, _, name = item.partition(":") if item.startswith(("check:", "label:", "kind:")) else ("", "", item)
        if not name.strip():
            raise UsageError(f"--ignore {item!r} names nothing; give a rule id, a glob, or label:NAME, "
                             "kind:NAME, check:ID")
        if item.startswith("check:"):
            out.append(Decision(type="finding", id=item[6:], text=EVERY_LINE, note="--ignore"))
        else:
            out.append(Decision(type="flag", id=item, text=EVERY_LINE, note="--ignore"))
    return out


@lru_cache(maxsize=32)
def _folder_decisions(path: str, mtime_ns: int, size: int) -> dict[tuple[str, str, str], Decision]:
    """A folder's rules, read once per batch (every file of the folder asks for them); a file that
    changed is read again (the key holds its time and size)."""
    return load_decisions(path).items


def decisions_for(source: str | Path, out_dir: str | Path | None = None, *, ignore: list[Decision] | None = None
                  ) -> Decisions:
    """Every decision that applies to ``source``: its own sidecar's (:func:`find_decisions`), the rules of
    the folder's ``locpipe-decisions.json`` (beside it, and in ``out_dir``), and ``ignore``. Its ``path`` is
    the file's own sidecar, the one a review writes to."""
    own = load_decisions(find_decisions(source, out_dir))
    merged = Decisions(path=own.path)
    folders = [Path(source).parent] + ([Path(out_dir)] if out_dir is not None else [])
    for folder in dict.fromkeys(p.resolve() for p in folders):
        shared = folder / FOLDER_FILE
        if shared.is_file():
            stat = shared.stat()
            merged.items.update(_folder_decisions(str(shared), stat.st_mtime_ns, stat.st_size))
            merged.sources.append(FOLDER_FILE)
    if own.items:
        merged.items.update(own.items)
        merged.sources.append(own.path.name if own.path else "decisions")
    if ignore:
        merged.items.update((d.key, d) for d in ignore)
        merged.sources.append("--ignore")
    merged.sources = list(dict.fromkeys(merged.sources))
    return merged


__all__ = [
    "EVERY_LINE",
    "FOLDER_FILE",
    "Decision",
    "Decisions",
    "SUFFIX",
    "apply_decisions",
    "decision_for_finding",
    "decision_for_flag",
    "decisions_for",
    "decisions_path",
    "find_decisions",
    "load_decisions",
    "normalise",
    "parse_ignore",
    "save_decisions",
]
