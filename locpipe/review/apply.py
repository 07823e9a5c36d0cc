"""The way back: a translator's reviewed XLIFF, XLSX or CSV → final subtitles.

:func:`read_reviewed` reads the edited targets (XLIFF with defusedxml only),
:func:`apply_review` puts them back:

1. the source file is found from the reviewed file (its path, else ``--source``,
   else a file of the same name beside the reviewed file) and checked
   against the SHA-256 recorded at export: a revised source is still
   applied, matching rows by their source text, and the change is reported;
2. each row is matched to its cue's share of a sentence by key
   (``<segment id>@<cue index>``) *and* source text; a row whose source
   text is not found is reported and left out;
3. each row's target becomes the text of that part of its cue — the
   translator's split of a sentence over cues is kept — and goes through
   the fitting step (:func:`locpipe.stages.fit.fit`: line breaks, speaker
   dashes, reading speed, out-time extension) and the translation
   engineer's markup re-application (``locpipe.mt.pipeline``); parts without
   a target keep their source text;
4. the subtitles are written with :func:`locpipe.formats.save` in the
   source's format, never over the source or the reviewed file; cue count
   and in-times never change. What is still over the profile's limits is
   returned as ``fit.*`` findings;
5. rows with status ``ignore`` become reviewer decisions
   (:mod:`locpipe.decisions`) for the flags and findings they listed.
"""

from __future__ import annotations

import csv as _csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReviewImportError, UsageError
from ..io import read_bytes
from ..model import Finding, Segment, SegmentPart, Transcript, Translation
from . import table as T
from .rows import ROW_STATUSES, file_sha256

REVIEWED_SUFFIXES = {".xlf": "xliff", ".xliff": "xliff", ".xlsx": "xlsx", ".csv": "csv"}
_KEY = re.compile(r"^(?P<segment>[^@\s]+)@(?P<cue>\d+)$")


@dataclass
class ReviewedRow:
    """One edited row.

    Attributes:
        where: where it is in the reviewed file, for messages (``row 12``, ``unit s0004 segment c3``).
        segment: segment id; ``cue``: cue index.
        source: the source text the row showed.
        target: the translator's text (``None``: no target given).
        status: one of :data:`~locpipe.review.rows.ROW_STATUSES` or ``""``.
        note: the translator's note.
        flag_refs, finding_refs: the flags and findings the row listed (for ``ignore``).
    """

    where: str
    segment: str
    cue: int
    source: str
    target: str | None
    status: str = ""
    note: str = ""
    flag_refs: list[str] = field(default_factory=list)
    finding_refs: list[str] = field(default_factory=list)


@dataclass
class ReviewedFile:
    """A reviewed file's rows for one source file and one language.

    Attributes:
        path: the reviewed file; ``kind``: ``xliff``, ``xlsx`` or ``csv``.
        source: the source path recorded at export; ``sha256`` its hash then.
        lang: the target language; ``source_lang``; ``profile`` name recorded at export.
        rows: in file order.
    """

    path: Path
    kind: str
    source: str
    sha256: str
    lang: str
    source_lang: str = ""
    profile: str = ""
    rows: list[ReviewedRow] = field(default_factory=list)


@dataclass
class ApplyResult:
    """What :func:`apply_review` did.

    Attributes:
        source: the source file used; ``out``: the subtitles written.
        lang: target language.
        rows: rows read; ``applied``: rows whose target was used; ``empty``: rows without a target.
        unmatched: messages for rows that could not be matched (left out).
        source_changed: the source's hash differs from the one recorded at export.
        over_limits: ``fit.*`` findings: cues still over the profile's limits.
        lost_markup: markup that could not be put back (``mt.markup-lost``).
        decisions_added: decisions taken from ``ignore`` rows; ``decisions_path`` where they went.
        transcript: the source transcript with ``cue_translations[lang]`` filled.
        reviewed_pairs: (source sentence, signed-off translation) for the translation memory;
            ``tm_stored``: how many were stored there.
    """

    source: Path
    out: Path
    lang: str
    rows: int = 0
    applied: int = 0
    empty: int = 0
    unmatched: list[str] = field(default_factory=list)
    source_changed: bool = False
    over_limits: list[Finding] = field(default_factory=list)
    lost_markup: list[Finding] = field(default_factory=list)
    decisions_added: int = 0
    decisions_path: Path | None = None
    transcript: Transcript | None = None
    reviewed_pairs: list[tuple[str, str]] = field(default_factory=list)
    tm_stored: int = 0


# -- reading ------------------------------------------------------------------------------------


def reviewed_kind(path: str | Path) -> str:
    kind = REVIEWED_SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise UsageError(
            f"cannot apply {Path(path).name!r}: not a reviewed file; give the .xlf, .xlsx or .csv "
            "written by locpipe review", path=path,
        )
    return kind


def read_reviewed(path: str | Path, *, lang: str | None = None) -> list[ReviewedFile]:
    """The reviewed rows of ``path`` (one :class:`ReviewedFile` per source file it holds)."""
    kind = reviewed_kind(path)
    p = Path(path)
    if kind == "xliff":
        return _read_xliff(p, lang)
    if kind == "xlsx":
        header, records = _xlsx_records(p)
    else:
        header, records = _csv_records(p)
    return [_from_table(p, kind, header, records, lang)]


def _fail(path: Path, message: str, line: int | None = None) -> ReviewImportError:
    return ReviewImportError(message, path=path, line=line)


def _csv_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = _csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = list(reader)
    except _csv.Error as err:
        raise _fail(path, f"not a readable CSV file ({err}); save it again as CSV (UTF-8)") from err
    if not table:
        raise _fail(path, "the file is empty; give the CSV written by locpipe review")
    header = [T.unneutralise(h).strip() for h in table[0]]
    records = [(n, [T.unneutralise(c) for c in cells]) for n, cells in enumerate(table[1:], start=2)]
    return header, records


#: largest uncompressed workbook accepted (a review sheet of a feature film is a few MB): zip bomb guard.
MAX_XLSX_UNCOMPRESSED = 256 * 1024 * 1024


def _xlsx_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except OSError as err:
        raise _fail(path, f"cannot read: {err.strerror or err}") from err
    except Exception as err:  # BadZipFile, NotImplementedError ("zip file version 21.1"), ...
        raise _fail(path, f"not a readable XLSX workbook ({err}); save it again as .xlsx") from err
    if unpacked > MAX_XLSX_UNCOMPRESSED:
        raise _fail(path, f"the workbook unpacks to {unpacked // (1024 * 1024)} MB, more than a review sheet "
                          "can hold (a zip bomb?); save it again from the sheet locpipe review wrote")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb["review"] if "review" in wb.sheetnames else wb.worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
        wb.close()
    except Exception as err:  # openpyxl and zipfile raise a dozen kinds on a damaged workbook (zlib.error, ...)
        raise _fail(path, f"not a readable XLSX workbook ({type(err).__name__}: {err}); "
                          "save it again as .xlsx") from err
    if not rows:
        raise _fail(path, "the workbook's first sheet is empty; give the XLSX written by locpipe review")

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    header = [text(h).strip() for h in rows[0]]
    return header, [(n, [text(c) for c in cells]) for n, cells in enumerate(rows[1:], start=2)]


def _from_table(path: Path, kind: str, header: list[str], records: list[tuple[int, list[str]]],
                lang: str | None) -> ReviewedFile:
    col = {name: i for i, name in enumerate(header) if name}
    for needed in (T.ID, T.SOURCE, T.FILE):
        if needed not in col:
            raise _fail(path, f"no {needed!r} column; this is not a sheet written by locpipe review "
                              "(keep its columns when editing)", line=1)
    langs = [m.group(1) for name in header if (m := re.fullmatch(r"target \((.+)\)", name))]
    if not langs:
        raise _fail(path, "no 'target (LANG)' column: the sheet was written without a target language; "
                          "run locpipe review --to LANG", line=1)
    if lang is None:
        if len(langs) > 1:
            raise UsageError(f"the sheet has targets in {', '.join(langs)}; choose one with --lang", path=path)
        lang = langs[0]
    elif lang not in langs:
        raise UsageError(f"the sheet has no target column for {lang!r} (it has {', '.join(langs)}); "
                         "choose another --lang", path=path)
    target_col = col[T.TARGET.format(lang)]

    def cell(cells: list[str], name: str) -> str:
        i = col.get(name)
        return cells[i] if i is not None and i < len(cells) else ""

    out = ReviewedFile(path=path, kind=kind, source="", sha256="", lang=lang)
    for n, cells in records:
        if not any(c.strip() for c in cells):
            continue
        key = cell(cells, T.ID).strip()
        m = _KEY.match(key)
        if m is None:
            raise _fail(path, f"row {n}: the id {key!r} is not a locpipe row id (like s0004@2); "
                              "restore it or delete the row", line=n)
        out.source = out.source or cell(cells, T.FILE).strip()
        out.sha256 = out.sha256 or cell(cells, T.SHA256).strip()
        out.source_lang = out.source_lang or cell(cells, T.SOURCE_LANG).strip()
        out.profile = out.profile or cell(cells, T.PROFILE).strip()
        status = cell(cells, T.STATUS).strip().lower()
        if status and status not in ROW_STATUSES:
            raise _fail(path, f"row {n}: status {status!r} is not one of {', '.join(ROW_STATUSES)}; fix it", line=n)
        target = cells[target_col] if target_col < len(cells) else ""
        out.rows.append(
            ReviewedRow(
                where=f"row {n}",
                segment=m.group("segment"),
                cue=int(m.group("cue")),
                source=cell(cells, T.SOURCE),
                target=target if target.strip() else None,
                status=status,
                note=cell(cells, T.NOTE),
                flag_refs=cell(cells, T.FLAG_REFS).split(),
                finding_refs=cell(cells, T.FINDING_REFS).split(),
            )
        )
    if not out.source:
        raise _fail(path, "the 'file' column is empty: cannot tell which subtitle file this sheet belongs to; "
                          "pass --source FILE")
    return out


def _read_xliff(path: Path, lang: str | None) -> list[ReviewedFile]:
    from defusedxml import ElementTree as DET
    from defusedxml.common import DefusedXmlException

    from .xliff import MDA_NS, XLIFF_NS, parse_segment_id

    data = read_bytes(path)
    try:
        root = DET.fromstring(data)
    except DefusedXmlException as err:
        raise _fail(path, f"refusing an unsafe XML construct ({type(err).__name__}); export the XLIFF again") from err
    except Exception as err:  # ParseError
        line = getattr(err, "position", (None,))[0]
        raise _fail(path, f"not well-formed XML ({err}); fix the file or export it again from your CAT tool",
                    line=line) from err
    ns = {"x": XLIFF_NS, "mda": MDA_NS}
    if root.tag != f"{{{XLIFF_NS}}}xliff" or not str(root.get("version", "")).startswith("2."):
        raise _fail(path, "not an XLIFF 2.x file; give the .xlf written by locpipe review")
    trg = root.get("trgLang") or ""
    if lang is not None and trg and lang != trg:
        raise UsageError(f"the XLIFF's target language is {trg!r}, not {lang!r}; drop --lang or pass --lang {trg}",
                         path=path)
    lang = lang or trg
    if not lang:
        raise _fail(path, "the XLIFF has no trgLang; pass --lang LANG")
    files: list[ReviewedFile] = []
    for file_el in root.findall("x:file", ns):
        meta = {m.get("type"): (m.text or "") for m in file_el.findall("mda:metadata/mda:metaGroup/mda:meta", ns)}
        rf = ReviewedFile(path=path, kind="xliff", source=meta.get("source", "") or file_el.get("original", ""),
                          sha256=meta.get("sha256", ""), lang=lang, source_lang=meta.get("source_lang", ""),
                          profile=meta.get("profile", ""))
        for unit in file_el.findall("x:unit", ns):
            uid = unit.get("id", "")
            notes = [(n.get("category", ""), n.text or "") for n in unit.findall("x:notes/x:note", ns)]
            refs = [line[5:].strip() for cat, text in notes for line in text.splitlines() if line.startswith("ref: ")]
            status = ""
            for cat, text in notes:
                if cat.lower() in ("locpipe-status", "status") and text.strip().lower() in ROW_STATUSES:
                    status = text.strip().lower()
            for seg in unit.findall("x:segment", ns):
                sid = seg.get("id", "")
                cue = parse_segment_id(sid)
                where = f"unit {uid} segment {sid or '?'}"
                if cue is None:
                    raise _fail(path, f"{where}: the segment id is not a locpipe cue id (like c12); "
                                      "export the XLIFF again")
                src = seg.find("x:source", ns)
                tgt = seg.find("x:target", ns)
                target = _plain(tgt) if tgt is not None else None
                row_status = status
                if not row_status and seg.get("state") in ("reviewed", "final"):
                    row_status = "ok"  # a CAT tool's signed-off segment
                rf.rows.append(ReviewedRow(
                    where=where, segment=uid, cue=cue, source=_plain(src) if src is not None else "",
                    target=target if target and target.strip() else None, status=row_status,
                    flag_refs=[r for r in refs if ":" in r.split("@")[0]],
                    finding_refs=[r for r in refs if ":" not in r.split("@")[0]],
                ))
        files.append(rf)
    if not files:
        raise _fail(path, "the XLIFF holds no <file>; export it again")
    return files


def _plain(el: Any) -> str:
    """An XLIFF source/target as plain text: inline codes dropped, line-break placeholders as spaces."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            local = child.tag.rsplit("}", 1)[-1]
            if local == "ph" and child.get("subType") == "xlf:lb":
                out.append("\n")
            elif local in ("pc", "mrk"):
                walk(child)
            if child.tail:
                out.append(child.tail)

    walk(el)
    return "".join(out)


# -- matching and applying ----------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", T.unneutralise(text))
    text = _INVISIBLE.sub("", text)
    if text.endswith(T.TRUNCATED):
        text = text[: -len(T.TRUNCATED)]
    return " ".join(text.split())


def _same_source(shown: str, actual: str) -> bool:
    a, b = _norm(shown), _norm(actual)
    return a == b or (shown.endswith(T.TRUNCATED) and b.startswith(a))


def find_source(reviewed: ReviewedFile, source: str | Path | None) -> Path:
    """The source subtitle file of a reviewed file."""
    if source is not None:
        p = Path(source)
        if not p.is_file():
            raise UsageError("--source: no such file; give the subtitle file the sheet was made from", path=p)
        return p
    recorded = Path(reviewed.source) if reviewed.source else None
    candidates = []
    if recorded is not None:
        candidates += [recorded, reviewed.path.parent / recorded.name]
    for p in candidates:
        if p.is_file():
            return p
    raise UsageError(
        f"cannot find the source file {reviewed.source or '(not recorded)'} of this sheet; "
        "pass it with --source FILE", path=reviewed.path,
    )


def apply_review(
    reviewed_path: str | Path,
    *,
    source: str | Path | None = None,
    lang: str | None = None,
    out: str | Path | None = None,
    profile: Any = None,
    decisions_dir: str | Path | None = None,
    tm: Any = None,
    models_dir: str | Path | None = None,
) -> list[ApplyResult]:
    """Apply a reviewed file; write the final subtitles; return one result per source file.

    ``out``: the output file (one source file) or folder; default
    ``<source stem>.<lang><ext>`` beside the reviewed file. ``profile``:
    default the one recorded at export. ``decisions_dir``: where the
    decisions sidecar goes (default: the folder of ``out``'s file when
    ``out`` is given, else beside the source). ``tm``: the translation memory
    that receives the signed-off translations (rows with status ``ok`` or
    ``changed``, or XLIFF state reviewed/final) so that later runs on a revised
    script carry them forward: a path, None (``models/tm.sqlite``) or False.
    """
    reviewed_files = read_reviewed(reviewed_path, lang=lang)
    if source is not None and len(reviewed_files) > 1:
        raise UsageError("--source works with a reviewed file of one subtitle file; this one holds "
                         f"{len(reviewed_files)}", path=reviewed_path)
    results = []
    for reviewed in reviewed_files:
        result = _apply_one(reviewed, source=source, out=out, profile=profile, decisions_dir=decisions_dir,
                            many=len(reviewed_files) > 1)
        if result.reviewed_pairs and tm is not False:
            from ..mt.tm import open_tm

            memory = open_tm(tm, models_dir=models_dir)
            if memory is not None:
                source_lang = reviewed.source_lang or (result.transcript.language if result.transcript else "") or "en"
                result.tm_stored = memory.store_review(
                    source_lang=source_lang, target_lang=result.lang, pairs=result.reviewed_pairs
                )
        results.append(result)
    return results


def _output_path(reviewed: ReviewedFile, src: Path, lang: str, out: str | Path | None, many: bool) -> Path:
    name = f"{src.stem}.{lang}{src.suffix or '.srt'}"
    if out is None:
        return reviewed.path.parent / name
    p = Path(out)
    if many or p.is_dir() or str(out).endswith(("/", "\\")):
        return p / name
    return p


def _apply_one(reviewed: ReviewedFile, *, source: str | Path | None, out: str | Path | None, profile: Any,
               decisions_dir: str | Path | None, many: bool) -> ApplyResult:
    from .. import formats
    from ..decisions import Decision, find_decisions, load_decisions, normalise, save_decisions
    from ..mt.pipeline import _fit_and_markup
    from ..profiles import get_profile
    from ..stages.segment import segment

    src = find_source(reviewed, source)
    lang = reviewed.lang
    if profile or not reviewed.profile.strip():
        prof = get_profile(profile or None)
    else:
        try:
            prof = get_profile(reviewed.profile.strip())
        except UsageError as err:
            raise _fail(reviewed.path, f"the sheet records the profile {reviewed.profile!r}, which locpipe does "
                                       "not know; pass --profile NAME") from err
    transcript = formats.load(src, language=reviewed.source_lang or "")
    segment(transcript)
    out_path = _output_path(reviewed, src, lang, out, many)
    result = ApplyResult(source=src, out=out_path, lang=lang, rows=len(reviewed.rows), transcript=transcript)
    result.source_changed = bool(reviewed.sha256) and file_sha256(src) != reviewed.sha256

    cues = {c.index: c for c in transcript.cues}
    parts: dict[tuple[str, int], tuple[Segment, int, SegmentPart]] = {}
    by_text: dict[str, list[tuple[str, int]]] = {}
    for seg in transcript.segments:
        for k, part in enumerate(seg.parts):
            cue = cues.get(part.cue)
            if cue is None:
                continue
            parts.setdefault((seg.id, part.cue), (seg, k, part))
            by_text.setdefault(_norm(cue.text[part.start : part.end]), []).append((seg.id, part.cue))

    def part_text(key: tuple[str, int]) -> str:
        _, _, part = parts[key]
        return cues[part.cue].text[part.start : part.end]

    chosen: dict[tuple[str, int], ReviewedRow] = {}
    for row in reviewed.rows:
        key = (row.segment, row.cue)
        if key not in parts or not _same_source(row.source, part_text(key)):
            # the script was revised (or the row moved): match on the source text, nearest cue first
            options = [k for k in by_text.get(_norm(row.source), []) if k not in chosen]
            if not options:
                result.unmatched.append(
                    f"{row.where} (cue {row.cue + 1}): source text “{_short(row.source)}” is not in {src.name}; "
                    "its target was not applied"
                )
                continue
            key = min(options, key=lambda k: abs(k[1] - row.cue))
        if key in chosen:
            result.unmatched.append(f"{row.where}: a second row for cue {row.cue + 1} ({row.segment}); "
                                    "the first one was applied")
            continue
        chosen[key] = row

    # Every cue share with a target becomes a one-part segment: fitting then keeps the translator's split.
    new_segments: list[Segment] = []
    for seg in transcript.segments:
        for k, part in enumerate(seg.parts):
            picked = chosen.get((seg.id, part.cue))
            text = cues[part.cue].text[part.start : part.end].replace("\n", " ") if part.cue in cues else ""
            mini = Segment(id=f"{seg.id}.{k}", parts=[part], text=text, speaker=seg.speaker, status=seg.status)
            if picked is not None and picked.target is not None:
                target = " ".join(_INVISIBLE_CTRL.sub("", picked.target).split())
                mini.translations[lang] = Translation(lang=lang, text=target, confidence=1.0, origin="review")
                result.applied += 1
            elif picked is not None:
                result.empty += 1
            new_segments.append(mini)
    # whole sentences the reviewer signed off go to the translation memory (see apply_review)
    for seg in transcript.segments:
        rows = [chosen.get((seg.id, part.cue)) for part in seg.parts]
        if rows and all(r is not None and r.target and r.status in ("ok", "changed") for r in rows):
            target = " ".join(" ".join(_INVISIBLE_CTRL.sub("", r.target or "").split()) for r in rows if r)
            result.reviewed_pairs.append((seg.text, target))
    original_segments = transcript.segments
    transcript.segments = new_segments
    _fit_and_markup(transcript, lang, prof)
    transcript.segments = original_segments

    result.over_limits = [f for f in transcript.findings if f.check.startswith("fit.") and f.lang == lang]
    result.lost_markup = [f for f in transcript.findings if f.check == "mt.markup-lost" and f.lang == lang]
    formats.save(transcript, out_path, lang=lang, protect=(src, reviewed.path))

    ignore_rows = [r for r in reviewed.rows if r.status == "ignore"]
    if ignore_rows:
        folder = decisions_dir if decisions_dir is not None else (out_path.parent if out is not None else None)
        path = find_decisions(src, folder)
        decisions = load_decisions(path)
        seg_text = {s.id: normalise(s.text) for s in transcript.segments}
        cue_text = {c.index: normalise(c.text) for c in transcript.cues}
        for row in ignore_rows:
            text = seg_text.get(row.segment, normalise(row.source))
            for ref in row.flag_refs:
                rule = ref.split("@", 1)[0].split(":", 1)[-1]
                if decisions.add(Decision(type="flag", id=rule, text=text, note=row.note)):
                    result.decisions_added += 1
            for ref in row.finding_refs:
                check, _, where = ref.partition("@")
                ftext = seg_text.get(where, text)
                if "#" in check:
                    check, _, cue_no = check.partition("#")
                    ftext = cue_text.get(int(cue_no), text) if cue_no.isdigit() else text
                if decisions.add(Decision(type="finding", id=check, text=ftext, note=row.note)):
                    result.decisions_added += 1
        if result.decisions_added:
            result.decisions_path = save_decisions(decisions, path)
    return result


_INVISIBLE_CTRL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = ["ApplyResult", "ReviewedFile", "ReviewedRow", "apply_review", "find_source", "read_reviewed"]
