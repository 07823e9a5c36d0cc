"""XLIFF 2.1 export for CAT tools (memoQ, Trados, Phrase, Translate Toolkit).

One ``<file>`` per subtitle file, one ``<unit>`` per segment (sentence), one
``<segment>`` per cue the sentence touches (id ``c<cue index>``), so a CAT
tool shows whole sentences while every cue's text stays separate and comes
back to its own cue. In the source:

- markup as ``<pc>`` (paired: ``<i>…</i>``, ``{\\i1}…{\\i0}``) or ``<ph>``
  (standalone: ``{\\an8}``) with the original code in ``<originalData>``, so
  CAT tools protect it; a line break inside a cue is ``<ph type="fmt"
  subType="xlf:lb"/>``;
- notes (``<notes>``) per unit: ``timecode``, ``speaker``, ``style``, ``kind``,
  one ``flag`` note per flag (kind, label, gloss, evidence, suggestion,
  strategies), one ``qc`` note per finding, and the ``limits``;
- the profile's limits through the Size and Length Restriction module:
  ``slr:profiles generalProfile="xliff:codepoints"`` on the file and
  ``slr:sizeRestriction`` on each unit = characters per line × lines × cues
  (the per-line limit is in the ``limits`` note: XLIFF has no per-line size);
- the machine translation as ``<target>`` with ``state="initial"``, the
  other candidates in the Translation Candidates module (``mtc:matches``,
  ``type="mt"``, ``ref`` to the unit's first segment, whole-sentence text);
- what ``locpipe apply`` needs (source path, SHA-256, languages, profile) in
  the Metadata module (``mda:metadata``) of the file.

Written with :mod:`xml.etree.ElementTree`; read back (``apply``) with defusedxml only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..io import atomic_write_bytes
from ..model import Cue, Markup, Transcript
from .rows import Row, Sheet, finding_ref, flag_ref, fmt_cps, timecode
from .table import finding_text, flag_text

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
SLR_NS = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
VERSION = "2.1"

# Characters XML 1.0 cannot carry.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SEG_ID = re.compile(r"^c(\d+)(?:_(\d+))?$")

ET.register_namespace("", XLIFF_NS)
ET.register_namespace("mtc", MTC_NS)
ET.register_namespace("slr", SLR_NS)
ET.register_namespace("mda", MDA_NS)


def _q(tag: str, ns: str = XLIFF_NS) -> str:
    return f"{{{ns}}}{tag}"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (replaced by U+FFFD)."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def segment_id(row: Row, taken: set[str]) -> str:
    """``c<cue>`` (``c<cue>_<part>`` when a sentence touches a cue twice)."""
    sid = f"c{row.cue}"
    if sid in taken:
        sid = f"c{row.cue}_{row.part}"
    taken.add(sid)
    return sid


def parse_segment_id(value: str) -> int | None:
    """The cue index of a segment id written by :func:`segment_id`."""
    m = _SEG_ID.match(value or "")
    return int(m.group(1)) if m else None


class _Inline:
    """Builds a ``<source>`` with ``<pc>``/``<ph>`` for one row's text and the unit's ``<originalData>``."""

    def __init__(self, data: ET.Element):
        self.data = data
        self.count = 0

    def _data(self, code: str) -> str:
        self.count += 1
        ref = f"d{self.count}"
        el = ET.SubElement(self.data, _q("data"), {"id": ref})
        el.text = xml_safe(code)
        return ref

    def _next_id(self) -> str:
        self.count += 1
        return f"m{self.count}"

    def fill(self, parent: ET.Element, text: str, offset: int, markup: list[Markup]) -> None:
        """Write ``text`` (which starts at ``offset`` of its cue) into ``parent`` with its markup."""
        end = offset + len(text)
        spans = sorted(
            (m for m in markup if m.end > m.start and m.start < end and m.end > offset),
            key=lambda m: (max(m.start, offset), -min(m.end, end)),
        )
        points = sorted((m for m in markup if m.start == m.end and offset <= m.start <= end), key=lambda m: m.start)
        # pc elements must nest; a span crossing another becomes two ph elements
        nested: list[Markup] = []
        loose: list[tuple[int, str]] = []
        for m in spans:
            a, b = max(m.start, offset), min(m.end, end)
            if all(not (x.start < a < min(x.end, end) < b) for x in nested):
                nested.append(m)
            else:
                loose.append((a, m.raw))
                if m.raw_close:
                    loose.append((b, m.raw_close))
        events: list[tuple[int, int, str, Any]] = []  # (position, order, kind, item)
        for m in nested:
            a, b = max(m.start, offset), min(m.end, end)
            events.append((a, 1, "open", m))
            events.append((b, 0, "close", m))
        for m in points:
            events.append((m.start, 2, "point", m.raw))
        for pos, raw in loose:
            events.append((pos, 2, "point", raw))
        events.sort(key=lambda e: (e[0], e[1]))
        stack = [parent]
        pos = offset
        for at, _, kind, item in events:
            self._text(stack[-1], text[pos - offset : at - offset])
            pos = at
            if kind == "open":
                attrs = {"id": self._next_id(), "dataRefStart": self._data(item.raw or f"<{item.tag}>")}
                if item.raw_close:
                    attrs["dataRefEnd"] = self._data(item.raw_close)
                attrs["type"] = "fmt"
                el = ET.SubElement(stack[-1], _q("pc"), attrs)
                stack.append(el)
            elif kind == "close":
                if len(stack) > 1:
                    stack.pop()
            else:
                ET.SubElement(stack[-1], _q("ph"), {"id": self._next_id(), "dataRef": self._data(item)})
        self._text(stack[-1], text[pos - offset :])

    def _text(self, parent: ET.Element, text: str) -> None:
        lines = text.split("\n")
        for k, line in enumerate(lines):
            if k:
                br = ET.SubElement(parent, _q("ph"), {"id": self._next_id(), "type": "fmt", "subType": "xlf:lb",
                                                      "disp": "\u21b5", "equiv": " "})
                br.tail = ""
            _append(parent, xml_safe(line))


def _append(parent: ET.Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _meta_group(parent: ET.Element, items: dict[str, Any]) -> None:
    metadata = ET.SubElement(parent, _q("metadata", MDA_NS))
    group = ET.SubElement(metadata, _q("metaGroup", MDA_NS), {"category": "locpipe"})
    for key, value in items.items():
        el = ET.SubElement(group, _q("meta", MDA_NS), {"type": key})
        el.text = xml_safe(str(value))


def _note(notes: ET.Element, category: str, text: str, **attrs: str) -> None:
    el = ET.SubElement(notes, _q("note"), {"category": category, **attrs})
    el.text = xml_safe(text)


def build_xliff(pairs: list[tuple[Transcript, Sheet]], lang: str) -> ET.Element:
    """The ``<xliff>`` element for ``lang`` with one ``<file>`` per (transcript, sheet)."""
    src_lang = pairs[0][1].source_lang if pairs else "en"
    root = ET.Element(_q("xliff"), {"version": VERSION, "srcLang": src_lang, "trgLang": lang})
    for n, (transcript, sheet) in enumerate(pairs, start=1):
        _file(root, n, transcript, sheet, lang)
    return root


def _file(root: ET.Element, n: int, transcript: Transcript, sheet: Sheet, lang: str) -> None:
    profile = sheet.profile
    width = profile.max_chars(lang)
    file_el = ET.SubElement(root, _q("file"), {"id": f"f{n}", "original": Path(sheet.path).name})
    _meta_group(file_el, {**sheet.meta(), "lang": lang})
    slr = ET.SubElement(file_el, _q("profiles", SLR_NS), {"generalProfile": "xliff:codepoints", "storageProfile": ""})
    ET.SubElement(slr, _q("normalization", SLR_NS), {"general": "nfc", "storage": "nfc"})
    if sheet.file_findings:
        notes = ET.SubElement(file_el, _q("notes"))
        for k, f in enumerate(sheet.file_findings, start=1):
            _note(notes, "qc", f"{f.location()}: {finding_text(f)}", id=f"n{k}")
    cues = {c.index: c for c in transcript.cues}
    units: dict[str, list[Row]] = {}
    for row in sheet.rows:
        units.setdefault(row.segment, []).append(row)
    for seg_id in sorted(units, key=lambda s: (min(r.cue for r in units[s]), s)):
        rows = sorted(units[seg_id], key=lambda r: r.part)
        _unit(file_el, seg_id, rows, cues, sheet, lang, width)


def _unit(file_el: ET.Element, seg_id: str, rows: list[Row], cues: dict[int, Cue], sheet: Sheet, lang: str,
          width: int) -> None:
    profile = sheet.profile
    unit = ET.SubElement(file_el, _q("unit"), {
        "id": seg_id,
        _q("sizeRestriction", SLR_NS): str(width * profile.max_lines * len({r.cue for r in rows})),
    })
    first = rows[0]
    translation_alts = first.targets[lang].alternatives if lang in first.targets else []
    taken: set[str] = set()
    seg_ids = [segment_id(r, taken) for r in rows]
    if translation_alts:
        matches = ET.SubElement(unit, _q("matches", MTC_NS))
        for k, alt in enumerate(translation_alts, start=1):
            match = ET.SubElement(matches, _q("match", MTC_NS), {
                "id": f"alt{k}", "ref": f"#{seg_ids[0]}", "type": "mt", "origin": "locpipe",
                "similarity": "100",
            })
            src = ET.SubElement(match, _q("source"))
            src.text = xml_safe(first.segment_text)
            tgt = ET.SubElement(match, _q("target"))
            tgt.text = xml_safe(alt)
    notes = ET.SubElement(unit, _q("notes"))
    k = 0

    def note(category: str, text: str) -> None:
        nonlocal k
        k += 1
        _note(notes, category, text, id=f"n{k}")

    for row in rows:
        note("timecode", f"cue {row.number}: {timecode(row.start) or 'untimed'} → {timecode(row.end) or 'untimed'}")
    speakers = list(dict.fromkeys(r.speaker for r in rows if r.speaker))
    if speakers:
        note("speaker", ", ".join(speakers))
    styles = list(dict.fromkeys(r.style for r in rows if r.style))
    if styles:
        note("style", ", ".join(styles))
    kinds = list(dict.fromkeys(r.kind for r in rows if r.kind != "dialogue"))
    if kinds:
        note("kind", ", ".join(kinds))
    for row in rows:
        for flag in row.flags:
            note("flag", f"{flag_text(flag)}\nref: {flag_ref(flag)}")
        for finding in row.findings:
            note("qc", f"cue {row.number}: {finding_text(finding)}\nref: {finding_ref(finding)}")
    t = first.targets.get(lang)
    max_cps = t.max_cps if t is not None else profile.max_cps(lang)
    note("limits", f"{lang}: at most {width} characters per line, {profile.max_lines} lines per cue, "
                   f"{fmt_cps(max_cps)} characters per second ({profile.name})")
    data = ET.Element(_q("originalData"))
    inline = _Inline(data)
    segments: list[ET.Element] = []
    for row, sid in zip(rows, seg_ids, strict=True):
        target = row.targets.get(lang)
        has_mt = target is not None and target.confidence is not None and bool(target.mt)
        seg = ET.Element(_q("segment"), {"id": sid, "state": "initial"})
        src = ET.SubElement(seg, _q("source"), {_q("space", XML_NS): "preserve"})
        cue = cues.get(row.cue)
        inline.fill(src, row.source, row.offset, cue.markup if cue is not None else [])
        if has_mt and target is not None:
            tgt = ET.SubElement(seg, _q("target"), {_q("space", XML_NS): "preserve"})
            tgt.text = xml_safe(target.mt)
        segments.append(seg)
    if len(data):
        unit.append(data)
    for seg in segments:
        unit.append(seg)


_MIXED = {_q("source"), _q("target"), _q("note"), _q("data"), _q("meta", MDA_NS)}


def _indent(elem: ET.Element, level: int = 0) -> None:
    """Pretty-print like ET.indent, but never inside mixed content (source, target, notes, data)."""
    if elem.tag in _MIXED or not len(elem):
        return
    pad = "\n" + "  " * (level + 1)
    if not (elem.text or "").strip():
        elem.text = pad
    for child in elem:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = pad
    elem[-1].tail = "\n" + "  " * level


def render_xliff(pairs: list[tuple[Transcript, Sheet]], lang: str) -> bytes:
    root = build_xliff(pairs, lang)
    _indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def write_xliff(
    pairs: list[tuple[Transcript, Sheet]], lang: str, path: str | Path, *, protect: tuple[str | Path, ...] = ()
) -> Path:
    atomic_write_bytes(path, render_xliff(pairs, lang), protect=protect)
    return Path(path)
