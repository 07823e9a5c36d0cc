"""The columns shared by the spreadsheet writers (XLSX and CSV) and read back by ``apply``.

One row per :class:`~locpipe.review.rows.Row`. The translator edits the
``target (<lang>)`` columns (pre-filled with the machine translation), the
``status`` column (todo / ok / changed / query / ignore) and the translator
note. The columns at the right (``id``, ``segment``, refs, ``file``,
``sha256``, languages, profile) are what ``locpipe apply`` needs to find its
way back; they are repeated on every row so a sheet survives sorting,
filtering and being re-saved by any spreadsheet program.

Spreadsheet formula injection: a text cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is written to CSV with a leading ``'``
(removed again when read back); XLSX cells are always stored as strings.
"""

from __future__ import annotations

from typing import Any

from .rows import Row, Sheet, finding_ref, flag_ref, fmt_cps, timecode

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
#: Excel's limit on the characters of a cell.
CELL_LIMIT = 32767
TRUNCATED = " …[truncated by locpipe]"

# Column names (language-specific ones are formatted with the language code).
ID, CUE, START, END, SPEAKER, KIND, SOURCE = "id", "cue", "start", "end", "speaker", "kind", "source"
FLAGS, FINDINGS, SRC_LINES, SRC_CPS = "flags", "findings", "source lines", "source cps"
MT, CONF, ALTS, LINES, CPS, TARGET = (
    "machine translation ({})", "confidence ({})", "alternatives ({})", "lines after ({})", "cps after ({})",
    "target ({})",
)
STATUS, NOTE, SEG_STATUS = "status", "translator note", "revision"
FLAG_REFS, FINDING_REFS, SEGMENT = "flag refs", "finding refs", "segment"
FILE, SHA256, SOURCE_LANG, PROFILE = "file", "sha256", "source lang", "profile"


def columns(sheet: Sheet) -> list[str]:
    cols = [ID, CUE, START, END, SPEAKER, KIND, SOURCE, FLAGS, FINDINGS, SRC_LINES, SRC_CPS]
    for lang in sheet.langs:
        cols += [MT.format(lang), CONF.format(lang), ALTS.format(lang), LINES.format(lang), CPS.format(lang),
                 TARGET.format(lang)]
    cols += [STATUS, NOTE, SEG_STATUS, FLAG_REFS, FINDING_REFS, SEGMENT, FILE, SHA256, SOURCE_LANG, PROFILE]
    return cols


def flag_text(flag: Any) -> str:
    """A flag as one readable block of text."""
    out = f"[{flag.kind}] {flag.label} “{flag.text}” ({flag.severity}, {flag.confidence:.0%})"
    if flag.gloss:
        out += f"\n{flag.gloss}"
    for item in flag.evidence:
        out += f"\n• {item}"
    if flag.suggestion:
        out += f"\nSuggestion: {flag.suggestion}"
    if flag.strategies:
        out += "\nStrategies: " + "; ".join(
            s.get("strategy", "") + (f" ({s['reason']})" if s.get("reason") else "") for s in flag.strategies
        )
    return out


def finding_text(finding: Any) -> str:
    lang = f" ({finding.lang})" if finding.lang else ""
    return f"[{finding.severity}] {finding.check}{lang}: {finding.message}"


def lines_text(lengths: list[int]) -> str:
    return "/".join(str(n) for n in lengths)


def cells(sheet: Sheet, row: Row) -> dict[str, Any]:
    """The row's cells by column name (str, int, float or None)."""
    out: dict[str, Any] = {
        ID: row.key,
        CUE: row.number,
        START: timecode(row.start),
        END: timecode(row.end),
        SPEAKER: row.speaker,
        KIND: row.kind,
        SOURCE: row.source,
        FLAGS: "\n\n".join(flag_text(f) for f in row.flags),
        FINDINGS: "\n".join(finding_text(f) for f in row.findings),
        SRC_LINES: lines_text(row.line_lengths),
        SRC_CPS: round(row.cps, 1) if row.cps != float("inf") else fmt_cps(row.cps),
    }
    for lang in sheet.langs:
        t = row.targets[lang]
        out[MT.format(lang)] = t.mt
        out[CONF.format(lang)] = round(t.confidence, 3) if t.confidence is not None else None
        out[ALTS.format(lang)] = "\n".join(t.alternatives)
        out[LINES.format(lang)] = lines_text(t.line_lengths)
        out[CPS.format(lang)] = (round(t.cps, 1) if t.cps != float("inf") else fmt_cps(t.cps)) if t.line_lengths else None
        out[TARGET.format(lang)] = t.mt
    out.update({
        STATUS: "todo",
        NOTE: "",
        SEG_STATUS: row.segment_status,
        FLAG_REFS: " ".join(flag_ref(f) for f in row.flags),
        FINDING_REFS: " ".join(finding_ref(f) for f in row.findings),
        SEGMENT: row.segment,
        FILE: sheet.abspath,
        SHA256: sheet.sha256,
        SOURCE_LANG: sheet.source_lang,
        PROFILE: sheet.profile.name,
    })
    return out


def neutralise(value: str) -> str:
    """Prefix a cell a spreadsheet would read as a formula with ``'``."""
    return "'" + value if value.startswith(DANGEROUS_START) else value


def unneutralise(value: str) -> str:
    """Undo :func:`neutralise` (a ``'`` followed by a formula start)."""
    if value.startswith("'") and value[1:].startswith(DANGEROUS_START):
        return value[1:]
    return value


def clip(value: str) -> str:
    """Keep a cell under Excel's limit."""
    if len(value) <= CELL_LIMIT:
        return value
    return value[: CELL_LIMIT - len(TRUNCATED)] + TRUNCATED
