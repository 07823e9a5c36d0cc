"""Reports: findings as text, JSON, JUnit XML, GitHub annotations or markdown, and the run summary.

A :class:`CheckReport` holds the findings of ``locpipe check`` (or ``run``),
the files looked at, the checks that ran and the files that could not be
read. A :class:`FailPolicy` (``--fail-on``) says which findings fail the run:
those at or above a severity, plus those of named flag kinds or check ids.
Writers are plain functions in :data:`WRITERS` (``render(report, "junit")``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .errors import UsageError
from .model import FLAG_KINDS, SEVERITIES, Finding, severity_rank

DEFAULT_FAIL_ON = "functional"


@dataclass(frozen=True)
class FailPolicy:
    """Which findings fail a check run.

    Attributes:
        severity: findings at or above it fail (``None``: no severity fails).
        kinds: flag kinds whose ``flag.<kind>`` findings fail whatever their severity.
        checks: check ids (or id prefixes such as ``timing``) that fail whatever their severity.
    """

    severity: str | None = DEFAULT_FAIL_ON
    kinds: frozenset[str] = frozenset()
    checks: frozenset[str] = frozenset()

    def fails(self, finding: Finding) -> bool:
        if finding.status == "ignore":
            return False
        if self.severity is not None and severity_rank(finding.severity) <= severity_rank(self.severity):
            return True
        if finding.check.startswith("flag.") and finding.check[5:] in self.kinds:
            return True
        return any(finding.check == c or finding.check.startswith(c + ".") for c in self.checks)

    def describe(self) -> str:
        parts = []
        if self.severity is not None:
            parts.append(f"{self.severity} or worse" if self.severity != "info" else "any finding")
        parts.extend(f"{k} flags" for k in sorted(self.kinds))
        parts.extend(sorted(self.checks))
        return ", ".join(parts) or "nothing"


def parse_fail_on(value: str | None, *, known_checks: Iterable[str] = ()) -> FailPolicy:
    """``--fail-on``: a severity (``critical``, ``functional``, ``cosmetic``, ``info``), ``never``, flag kinds
    (``idiom,humor``), check ids or prefixes (``timing``, ``layout.cps``), comma-separated. Without a
    severity in the list, the default (``functional``) still applies."""
    if value is None or not value.strip():
        return FailPolicy()
    known = set(known_checks)
    prefixes = {c.split(".")[0] for c in known}
    severity: str | None = DEFAULT_FAIL_ON
    explicit = False
    kinds: set[str] = set()
    checks: set[str] = set()
    for item in (v.strip() for v in value.split(",")):
        if not item:
            continue
        low = item.lower()
        if low in SEVERITIES:
            if not explicit or severity is None or severity_rank(low) > severity_rank(severity):
                severity = low
            explicit = True
        elif low in ("never", "none"):
            severity = None
            explicit = True
        elif low in FLAG_KINDS:
            kinds.add(low)
        elif low in known or low in prefixes or low.startswith(("fit.", "mt.")):
            checks.add(low)
        else:
            raise UsageError(
                f"--fail-on {item!r} is not a severity, a flag kind or a check id; use a severity "
                f"({', '.join(SEVERITIES)} or never), flag kinds ({', '.join(FLAG_KINDS)}) or check ids "
                "(locpipe check --list-checks shows them), comma-separated"
            )
    return FailPolicy(severity, frozenset(kinds), frozenset(checks))


@dataclass
class CheckReport:
    """What a check run found.

    Attributes:
        findings: every finding, in file then line order.
        files: the files checked (as given).
        checks: ``(check id, title, severity)`` of every check that ran, in registry order.
        errors: ``(path, message)`` of files that could not be read.
        policy: the fail policy.
        baseline: the baseline given (``""``: none).
        cue_status: per file, cues per diff status when checked against a baseline.
    """

    findings: list[Finding]
    files: list[str]
    checks: list[tuple[str, str, str]]
    errors: list[tuple[str, str]] = field(default_factory=list)
    policy: FailPolicy = field(default_factory=FailPolicy)
    baseline: str = ""
    cue_status: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def active(self) -> list[Finding]:
        """Findings not marked ignored by a reviewer."""
        return [f for f in self.findings if f.status != "ignore"]

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if self.policy.fails(f)]

    @property
    def exit_code(self) -> int:
        """0: nothing fails; 1: findings fail; 2: a file could not be read."""
        if self.errors:
            return 2
        return 1 if self.failing else 0

    def by_severity(self) -> dict[str, int]:
        found = Counter(f.severity for f in self.active)
        return {s: found.get(s, 0) for s in SEVERITIES}

    def by_check(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {check_id: [] for check_id, _, _ in self.checks}
        for f in self.active:
            out.setdefault(f.check, []).append(f)
        return out

    def titles(self) -> dict[str, str]:
        return {check_id: title for check_id, title, _ in self.checks}

    def summary_line(self) -> str:
        counts = self.by_severity()
        n = len(self.active)
        parts = ", ".join(f"{v} {k}" for k, v in counts.items() if v) or "none"
        files = len(self.files)
        ignored = len(self.findings) - n
        line = f"{n} finding{'s' if n != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}"
        if ignored:
            line += f", {ignored} ignored by reviewers"
        if self.baseline:
            line += f", new or changed cues since {self.baseline} only"
        failing = len(self.failing)
        line += f"; {failing} fail{'s' if failing == 1 else ''} (--fail-on {self.policy.describe()})"
        if self.errors:
            line += f"; {len(self.errors)} file{'s' if len(self.errors) != 1 else ''} could not be read"
        return line + "."


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line if f.line is not None else -1, f.cue if f.cue is not None
                                           else -1, severity_rank(f.severity), f.check, f.lang or ""))


# --------------------------------------------------------------------------- writers


def _lang(f: Finding) -> str:
    return f" [{f.lang}]" if f.lang else ""


def render_text(report: CheckReport) -> str:
    lines = []
    for path, message in report.errors:
        lines.append(f"{path}: error: {message}")
    for f in sort_findings(report.active):
        mark = " (fails)" if report.policy.fails(f) else ""
        lines.append(f"{f.location()}: {f.severity} {f.check}{_lang(f)}{mark}: {f.message}")
    for path, counts in report.cue_status.items():
        lines.append(f"{path}: against {report.baseline}: " + ", ".join(f"{v} {k}" for k, v in counts.items())
                     + " cues")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"


def render_json(report: CheckReport) -> str:
    data: dict[str, Any] = {
        "version": 1,
        "files": report.files,
        "baseline": report.baseline or None,
        "fail_on": report.policy.describe(),
        "exit_code": report.exit_code,
        "summary": {"findings": len(report.active), "failing": len(report.failing),
                    "ignored": len(report.findings) - len(report.active), "by_severity": report.by_severity(),
                    "errors": len(report.errors)},
        "checks": [{"id": c, "title": t, "severity": s} for c, t, s in report.checks],
        "cue_status": report.cue_status,
        "errors": [{"path": p, "message": m} for p, m in report.errors],
        "findings": [{**f.to_dict(), "fails": report.policy.fails(f)} for f in sort_findings(report.findings)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_BAD.sub("\ufffd", text)


def render_junit(report: CheckReport) -> str:
    """JUnit XML: one test suite, one test case per check; a check fails when any of its findings fails."""
    import xml.etree.ElementTree as ET

    titles = report.titles()
    groups = report.by_check()
    failures = sum(1 for fs in groups.values() if any(report.policy.fails(f) for f in fs))
    suites = ET.Element("testsuites", name="locpipe check")
    suite = ET.SubElement(
        suites, "testsuite", name="locpipe check", tests=str(len(groups) + (1 if report.errors else 0)),
        failures=str(failures), errors=str(1 if report.errors else 0), skipped="0",
    )
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="files", value=_xml_text(", ".join(report.files)))
    ET.SubElement(props, "property", name="fail-on", value=report.policy.describe())
    if report.baseline:
        ET.SubElement(props, "property", name="baseline", value=_xml_text(report.baseline))
    if report.errors:
        case = ET.SubElement(suite, "testcase", classname="locpipe.input", name="input.readable: files can be read")
        error = ET.SubElement(case, "error", message=f"{len(report.errors)} file(s) could not be read",
                              type="unreadable")
        error.text = _xml_text("\n".join(f"{p}: {m}" for p, m in report.errors))
    for check_id, findings in groups.items():
        title = titles.get(check_id, check_id)
        case = ET.SubElement(suite, "testcase", classname=f"locpipe.{check_id.split('.')[0]}",
                             name=_xml_text(f"{check_id}: {title}"))
        failing = [f for f in findings if report.policy.fails(f)]
        details = "\n".join(f"{f.location()}: {f.severity}{_lang(f)}: {f.message}" for f in sort_findings(findings))
        if failing:
            worst = min((f.severity for f in failing), key=severity_rank)
            failure = ET.SubElement(case, "failure", type=worst, message=_xml_text(
                f"{len(failing)} finding{'s' if len(failing) != 1 else ''}: {failing[0].message}"[:500]))
            failure.text = _xml_text(details)
        elif findings:
            out = ET.SubElement(case, "system-out")
            out.text = _xml_text(details)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GH_LEVEL = {"critical": "error", "functional": "warning", "cosmetic": "warning", "info": "notice"}


def render_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: ``::error`` for critical, ``::warning`` otherwise (``::notice`` for
    information that does not fail)."""
    lines = []
    for path, message in report.errors:
        lines.append(f"::error file={_gh_escape(path, prop=True)},title=locpipe: unreadable::{_gh_escape(message)}")
    for f in sort_findings(report.active):
        fails = report.policy.fails(f)
        if f.severity == "info" and not fails:
            continue
        level = _GH_LEVEL.get(f.severity, "warning")
        if fails and level == "notice":
            level = "warning"
        props = [f"file={_gh_escape(f.path, prop=True)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
        props.append(f"title={_gh_escape(f'locpipe {f.check}' + _lang(f), prop=True)}")
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(f.message)}")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


MARKDOWN_ROWS = 50


def render_markdown(report: CheckReport) -> str:
    """A summary fit for a pull-request comment: totals, failing checks, then a table per file."""
    verdict = "❌ failing" if report.exit_code else "✅ passing"
    out = [f"## locpipe check: {verdict}", ""]
    out.append(report.summary_line())
    out.append("")
    counts = report.by_severity()
    out.append("| severity | findings |")
    out.append("|---|---|")
    for sev, n in counts.items():
        out.append(f"| {sev} | {n} |")
    out.append("")
    if report.cue_status:
        out.append(f"Cues against `{_md(report.baseline)}`:")
        out.append("")
        out.append("| file | unchanged | changed | new | deleted |")
        out.append("|---|---|---|---|---|")
        for path, c in report.cue_status.items():
            out.append(f"| `{_md(path)}` | {c.get('unchanged', 0)} | {c.get('changed', 0)} | {c.get('new', 0)} | "
                       f"{c.get('deleted', 0)} |")
        out.append("")
    if report.errors:
        out.append("### Files that could not be read")
        out.append("")
        out.extend(f"- `{_md(p)}`: {_md(m)}" for p, m in report.errors)
        out.append("")
    titles = report.titles()
    failing = Counter(f.check for f in report.failing)
    if failing:
        out.append("### Failing checks")
        out.append("")
        out.append("| check | what | findings |")
        out.append("|---|---|---|")
        for check_id, n in sorted(failing.items(), key=lambda kv: -kv[1]):
            out.append(f"| `{check_id}` | {_md(titles.get(check_id, check_id))} | {n} |")
        out.append("")
    by_file: dict[str, list[Finding]] = {}
    for f in sort_findings(report.active):
        by_file.setdefault(f.path, []).append(f)
    for path, findings in by_file.items():
        out.append(f"<details><summary><code>{_md(path)}</code>: {len(findings)} finding"
                   f"{'s' if len(findings) != 1 else ''}</summary>")
        out.append("")
        out.append("| line | cue | severity | check | message |")
        out.append("|---|---|---|---|---|")
        ordered = sorted(findings, key=lambda f: (not report.policy.fails(f), severity_rank(f.severity)))
        for f in ordered[:MARKDOWN_ROWS]:
            mark = " ❌" if report.policy.fails(f) else ""
            out.append(f"| {f.line if f.line is not None else ''} | {f.cue + 1 if f.cue is not None else ''} | "
                       f"{f.severity}{mark} | `{f.check}`{_lang(f)} | {_md(f.message)} |")
        if len(findings) > MARKDOWN_ROWS:
            out.append(f"| | | | | … and {len(findings) - MARKDOWN_ROWS} more (see the JSON report) |")
        out.append("")
        out.append("</details>")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


WRITERS: dict[str, Callable[[CheckReport], str]] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "github": render_github,
    "markdown": render_markdown,
}


def render(report: CheckReport, fmt: str) -> str:
    """The report in ``fmt`` (a key of :data:`WRITERS`)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise UsageError(f"unknown report format {fmt!r}; use one of: {', '.join(WRITERS)}") from None
    return writer(report)


# --------------------------------------------------------------------------- the run summary


@dataclass
class FileSummary:
    """One row of ``locpipe run``'s summary table.

    Attributes:
        path: the input file; ``ok`` whether it went through; ``error`` why not; ``note`` what was
            left undone for a file that went through (not translated: no model for its language).
        cues: cue count; ``flags``: flags per kind; ``findings``: findings per severity.
        seconds: time spent on it; ``outputs``: files written.
        translated: segment translations made by an engine; ``tm_hits`` taken from the memory.
        segment_status: segments per baseline status (empty without a baseline).
    """

    path: str
    ok: bool = True
    error: str = ""
    cues: int = 0
    flags: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    translated: int = 0
    tm_hits: int = 0
    segment_status: dict[str, int] = field(default_factory=dict)
    #: what the run could not do for a file that went through (its language has no model: not translated)
    note: str = ""


def _counts(counter: dict[str, int], order: Iterable[str]) -> str:
    keys = [k for k in order if counter.get(k)] + sorted(k for k in counter if k not in order and counter[k])
    return " ".join(f"{k} {counter[k]}" for k in keys) or "-"


def summary_rows(files: list[FileSummary]) -> tuple[list[str], list[list[str]]]:
    """Header and rows (a total row last) of the run summary table."""
    header = ["file", "cues", "flags", "findings", "time"]
    rows = []
    total_flags: Counter[str] = Counter()
    total_findings: Counter[str] = Counter()
    for f in files:
        if not f.ok:
            rows.append([f.path, "-", "-", f"FAILED: {f.error}", f"{f.seconds:.1f} s"])
            continue
        total_flags.update(f.flags)
        total_findings.update(f.findings)
        rows.append([f.path, str(f.cues), _counts(f.flags, FLAG_KINDS), _counts(f.findings, SEVERITIES),
                     f"{f.seconds:.1f} s"])
    ok = [f for f in files if f.ok]
    rows.append([f"total: {len(ok)} of {len(files)} file{'s' if len(files) != 1 else ''}",
                 str(sum(f.cues for f in ok)), _counts(dict(total_flags), FLAG_KINDS),
                 _counts(dict(total_findings), SEVERITIES), ""])
    return header, rows


def render_summary_text(files: list[FileSummary], *, seconds: float) -> str:
    """The summary table as plain text (aligned columns)."""
    header, rows = summary_rows(files)
    rows[-1][-1] = f"{seconds:.1f} s"
    table = [header, *rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for n, row in enumerate(table):
        cells = [row[i].ljust(widths[i]) if i != 1 else row[i].rjust(widths[i]) for i in range(len(row))]
        lines.append("  ".join(cells).rstrip())
        if n == 0 or n == len(table) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def summary_table(files: list[FileSummary], *, seconds: float) -> Any:
    """The summary as a rich Table (for a terminal)."""
    from rich.table import Table

    header, rows = summary_rows(files)
    rows[-1][-1] = f"{seconds:.1f} s"
    table = Table(title="locpipe run", show_footer=False)
    for name in header:
        table.add_column(name, justify="right" if name in ("cues", "time") else "left",
                         overflow="fold", no_wrap=name in ("cues", "time"))
    for n, row in enumerate(rows):
        style = "bold" if n == len(rows) - 1 else ("red" if row[3].startswith("FAILED") else None)
        table.add_row(*row, style=style, end_section=n == len(rows) - 2)
    return table


__all__ = ["CheckReport", "FailPolicy", "FileSummary", "WRITERS", "parse_fail_on", "render", "render_summary_text",
           "sort_findings", "summary_rows", "summary_table"]
