"""Measure the detectors on the public evaluation sets in ../shared/eval (skipped when absent).

Usage: python scripts/eval_detectors.py [--eval DIR] [--limit N] [--only NAME,...]

Prints precision, recall and F1 per detector:
  epie-static   idiom recall, sentence level (a flag overlapping the gold idiom span). The static corpus
                marks *possible* idiomatic expressions (its README), literal uses included and not labelled:
                a flag lowered by the literal check is still a found span, so the target is on "flag on the
                idiom"; "confidence ≥ 0.5" is printed too (it also counts correct literal calls as misses)
  epie-formal   idiomatic-vs-literal: precision of "idiomatic" (flag with confidence ≥ 0.5)
  semeval22     SemEval-2022 task 2 subtask A, English dev: idiomatic vs literal for the given MWE
  puns          SemEval-2017 task 7 homographic: pun detection P/R/F1 and pun location accuracy. Location
                is the task's subtask 2: every text holds a pun, so each is given as a joke — followed by an
                SDH laughter cue, the way a subtitle file marks one; location from detection alone (no
                laughter cue) is printed too
  ewave         share of eWAVE feature examples flagged non-standard (dialect/slang)
  tatoeba       share of Tatoeba English sentences flagged non-standard (false positives)
  pun-fp        share of Tatoeba English sentences with a pun flag (everyday sentences: mostly false positives)
  slangtrack    slang flag recall on slang uses, false-positive rate on normal uses of the same words
  opensub       share of OpenSub slang terms flagged (terms only: the sentences are not distributed)
  colbert       humor flag P/R/F1 on ColBERT (short jokes vs news headlines)
  film-puns     pun flags per 100 cues on the free films' English subtitles (../shared/corpora/films):
                ordinary narration and dialogue, mostly false positives

The sets only measure: nothing from them is copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
import xml.etree.ElementTree as ET  # trusted local eval files, not user input
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
IDIOMATIC = 0.5
#: the SDH cue that marks the line before it as a joke (pun location: texts given as jokes)
LAUGHTER = "[LAUGHTER]"
NONSTANDARD = ("dialect", "slang")
csv.field_size_limit(10**7)


def read_csv(path: Path, **kwargs: object) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle, **kwargs))  # type: ignore[arg-type]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_segments(groups: list[list[str]], kinds: str) -> list[list[list]]:
    """Detect over groups of sentences (one group = one context); flags per sentence per group.

    Groups are laid out in one transcript with an SDH separator between them, so a
    group's neighbours never leak into another's context.
    """
    from locpipe.detect import detect
    from locpipe.model import Cue, Segment, SegmentPart, Transcript

    cues, segments, where = [], [], []
    for g, group in enumerate(groups):
        for k, text in enumerate(group):
            text = text.strip() or "."
            index = len(cues)
            cues.append(Cue(index=index, start=None, end=None, raw=text, text=text))
            segments.append(Segment(id=f"s{index}", parts=[SegmentPart(index, 0, len(text))], text=text))
            where.append((g, k))
        index = len(cues)
        cues.append(Cue(index=index, start=None, end=None, raw="[---]", text="[---]", kind="sdh"))
        segments.append(Segment(id=f"s{index}", parts=[SegmentPart(index, 0, 5)], text="[---]"))
        where.append((g, -1))
    transcript = Transcript(path="eval", format="txt", language="en", cues=cues, segments=segments)
    detect(transcript, lang="en", kinds=kinds)
    out: list[list[list]] = [[[] for _ in group] for group in groups]
    pos = {seg.id: where[i] for i, seg in enumerate(segments)}
    for flag in transcript.flags:
        g, k = pos[flag.segment]
        if k >= 0:
            out[g][k].append(flag)
    return out


def batched(items: list, size: int = 2000) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def detect_many(groups: list[list[str]], kinds: str) -> list[list[list]]:
    out: list[list[list]] = []
    for chunk in batched(groups):
        out.extend(run_segments(chunk, kinds))
    return out


#: tokens written against the word before them: closing punctuation and clitics ("don" + "'t")
_ATTACHED = re.compile(r"^(?:[.,!?;:%)\]}…]+|'(?:s|t|m|d|re|ve|ll)|n't)$", re.I)


def detokenize(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A tokenized text (SemEval's one word per element) as a subtitle writes it, with each word's
    character offsets: no space before punctuation or a clitic ("I 'm" -> "I'm")."""
    text, offsets = "", []
    for w in words:
        if text and not _ATTACHED.match(w):
            text += " "
        offsets.append((len(text), len(text) + len(w)))
        text += w
    return text, offsets


def sample(rows: list, limit: int | None, seed: int = 13) -> list:
    if limit is None or len(rows) <= limit:
        return rows
    return random.Random(seed).sample(rows, limit)


# -- idioms -------------------------------------------------------------------------------------------

def epie(base: Path, limit: int | None, formal: bool) -> dict:
    name = "Formal" if formal else "Static"
    folder = base / "idioms" / "epie" / f"{name}_Idioms_Corpus"
    words = (folder / f"{name}_Idioms_Words.txt").read_text(encoding="utf-8").splitlines()
    tags = (folder / f"{name}_Idioms_Tags.txt").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"{name}_Idioms_Labels.txt").read_text(encoding="utf-8").splitlines() if formal else None
    rows = []
    for i, (w, t) in enumerate(zip(words, tags, strict=False)):
        ws, ts = w.split(" "), t.split(" ")
        if len(ws) != len(ts):
            continue
        idx = [j for j, tag in enumerate(ts) if tag != "O"]
        if not idx:
            continue
        text, offs = detokenize(ws)
        rows.append((text, offs[idx[0]][0], offs[idx[-1]][1], labels[i].strip() if labels else "1"))
    rows = sample(rows, limit)
    flags = detect_many([[r[0]] for r in rows], "idiom")
    hit = hit_conf = 0
    tp = fp = fn = tn = 0
    for (_text, start, end, label), (found,) in zip(rows, flags, strict=True):
        over = [f for f in found if f.start < end and start < f.end]
        idiomatic = any(f.confidence >= IDIOMATIC for f in over)
        hit += bool(over)
        hit_conf += idiomatic
        if label == "1":
            tp += idiomatic
            fn += not idiomatic
        else:
            fp += idiomatic
            tn += not idiomatic
    n = len(rows)
    if not formal:
        return {"sentences": n, "recall (flag on the idiom)": hit / n, "recall (confidence ≥ 0.5)": hit_conf / n}
    p, r, f = prf(tp, fp, fn)
    return {"sentences": n, "idiom found": hit / n, "precision (idiomatic)": p, "recall (idiomatic)": r, "F1": f,
            "literal caught": tn / (tn + fp) if tn + fp else 0.0, "base rate idiomatic": (tp + fn) / n}


def semeval22(base: Path, limit: int | None) -> dict:
    folder = base / "idioms" / "semeval2022_task2" / "SubTaskA" / "Data"
    gold = {r["ID"]: r["Label"] for r in read_csv(folder / "dev_gold.csv")
            if r["Language"] == "EN"}
    rows = [r for r in read_csv(folder / "dev.csv") if r["Language"] == "EN" and r["ID"] in gold]
    rows = sample(rows, limit)
    flags = detect_many([[r["Previous"], r["Target"], r["Next"]] for r in rows], "idiom")
    tp = fp = fn = covered = 0
    for r, (_prev, found, _next) in zip(rows, flags, strict=True):
        target = r["Target"]
        pos = target.lower().find(r["MWE"].lower())
        over = [f for f in found if pos >= 0 and f.start < pos + len(r["MWE"]) and pos < f.end] if pos >= 0 else found
        covered += bool(over)
        idiomatic = any(f.confidence >= IDIOMATIC for f in over)
        if gold[r["ID"]] == "0":
            tp += idiomatic
            fn += not idiomatic
        else:
            fp += idiomatic
    p, rec, f = prf(tp, fp, fn)
    return {"examples": len(rows), "MWE flagged at all": covered / len(rows), "precision (idiomatic)": p,
            "recall (idiomatic)": rec, "F1": f}


# -- puns ---------------------------------------------------------------------------------------------

def read_pun_xml(path: Path) -> dict[str, list[tuple[str, str]]]:
    root = ET.parse(path).getroot()
    return {t.get("id"): [(w.get("id"), w.text or "") for w in t.findall("word")] for t in root.findall("text")}


def puns(base: Path, limit: int | None) -> dict:
    folder = base / "humor" / "semeval2017_task7_homographic"
    texts = read_pun_xml(folder / "subtask1-homographic-test.xml")
    gold = dict(line.split("\t") for line in (folder / "subtask1-homographic-test.gold").read_text().split("\n") if "\t" in line)
    loc_texts = read_pun_xml(folder / "subtask2-homographic-test.xml")
    loc_gold = dict(line.split("\t") for line in (folder / "subtask2-homographic-test.gold").read_text().split("\n") if "\t" in line)
    ids = sample(sorted(texts), limit)
    from locpipe.detect import detect
    from locpipe.model import Cue, Segment, SegmentPart, Transcript

    def one(words: list[tuple[str, str]], as_joke: bool = False) -> tuple[list, list[tuple[int, int]]]:
        """Pun flags on the text; ``as_joke``: followed by an SDH laughter cue, the way a subtitle
        file says a line is a joke (SemEval's location subtask gives only texts that hold a pun)."""
        tokens = [w for _i, w in words]
        text, offsets = detokenize(tokens)
        cues = [Cue(index=0, start=None, end=None, raw=text, text=text)]
        segments = [Segment(id="s1", parts=[SegmentPart(0, 0, len(text))], text=text)]
        if as_joke:
            cues.append(Cue(index=1, start=None, end=None, raw=LAUGHTER, text=LAUGHTER))
            segments.append(Segment(id="s2", parts=[SegmentPart(1, 0, len(LAUGHTER))], text=LAUGHTER))
        t = Transcript(path="pun", format="txt", language="en", cues=cues, segments=segments)
        detect(t, lang="en", kinds="humor")
        return [f for f in t.flags if f.label in ("pun", "homophone") and f.segment == "s1"], offsets

    from locpipe.detect import get_nlp

    nlp = get_nlp("en")
    candidates = 0
    tp = fp = fn = 0
    for tid in ids:
        candidates += bool(nlp(detokenize([w for _i, w in texts[tid]])[0]).spans.get("locpipe_pun"))
        found, _offs = one(texts[tid])
        predicted = bool(found)
        actual = gold.get(tid, "0").strip() == "1"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    p, r, f = prf(tp, fp, fn)
    loc_ids = sample(sorted(loc_texts), limit)

    def locate(as_joke: bool) -> tuple[int, int]:
        correct = located = 0
        for tid in loc_ids:
            words = loc_texts[tid]
            found, offs = one(words, as_joke)
            if not found:
                continue
            located += 1
            best = max(found, key=lambda fl: (fl.confidence, fl.start))
            word = next((i for i, (s, e) in enumerate(offs) if s <= best.start < e), None)
            if word is not None and words[word][0] == loc_gold.get(tid, "").strip():
                correct += 1
        return correct, located

    correct, located = locate(as_joke=True)
    alone, alone_located = locate(as_joke=False)
    n = len(loc_ids) or 1
    return {"texts": len(ids), "with a pun-prone word": candidates / len(ids) if ids else 0.0,
            "precision": p, "recall": r, "F1": f,
            "location accuracy (texts given as jokes)": correct / n,
            "location accuracy (where located)": correct / located if located else 0.0,
            "location accuracy (from detection alone)": alone / n,
            "(where detected)": alone / alone_located if alone_located else 0.0}


# -- dialect and slang ----------------------------------------------------------------------------------

def ewave_examples(text: str) -> list[str]:
    text = text.replace("Ø", " ")
    text = re.sub(r"\[[^\]]*\]|‘[^’]*’|“[^”]*”|\([^)]*\)", " ", text)
    text = re.sub(r"^\s*e\.g\.\s*(?:[^:]{0,40}:)?", "", text)
    parts = [p.strip(" .;,:") for p in re.split(r";|/(?=\s*[A-Z])", text)]
    return [p for p in parts if len(p.split()) >= 2]


def ewave(base: Path, limit: int | None) -> dict:
    rows = (read_csv(base / "dialect_slang" / "multivalue_ewave" / "ewave.csv"))
    features: dict[str, list[str]] = {}
    for r in rows:
        if r["parameter_pk"] not in features:
            features[r["parameter_pk"]] = ewave_examples(r["parameter_description"])
    features = {k: v for k, v in features.items() if v}
    keys = sorted(features, key=int)
    flags = detect_many([features[k] for k in keys], ",".join(NONSTANDARD))
    flagged = sum(1 for group in flags if any(group))
    sentences = sum(len(g) for g in flags)
    flagged_sentences = sum(1 for g in flags for s in g if s)
    return {"features with an example": len(keys), "features flagged": flagged / len(keys),
            "example sentences flagged": flagged_sentences / sentences}


def tatoeba_lines(base: Path, limit: int | None) -> list[str]:
    lines = (base / "parallel" / "tatoeba_laser_v1" / "tatoeba.spa-eng.eng").read_text(encoding="utf-8").splitlines()
    return sample([x for x in lines if x.strip()], limit)


def tatoeba(base: Path, limit: int | None) -> dict:
    lines = tatoeba_lines(base, limit)
    flags = detect_many([[x] for x in lines], ",".join(NONSTANDARD))
    flagged = [(lines[i], [f.rule_id for f in g[0]]) for i, g in enumerate(flags) if g[0]]
    return {"sentences": len(lines), "flagged non-standard": len(flagged) / len(lines),
            "_examples": [rule for _line, rules in flagged[:12] for rule in rules]}


def pun_fp(base: Path, limit: int | None) -> dict:
    """Everyday sentences (Tatoeba English) are rarely puns: the share with a pun flag is mostly false positives."""
    lines = tatoeba_lines(base, limit)
    flags = detect_many([[x] for x in lines], "humor")
    flagged = sum(1 for group in flags if any(f.label in ("pun", "homophone") for f in group[0]))
    return {"sentences": len(lines), "flagged pun": flagged / len(lines) if lines else 0.0}


def slangtrack(base: Path, limit: int | None) -> dict:
    rows = (read_csv(base / "dialect_slang" / "slangtrack" / "Data.csv"))
    rows = sample(rows, limit)
    flags = detect_many([[r["Text"][:2000]] for r in rows], "slang,dialect")
    tp = fn = fp = tn = 0
    for r, (found,) in zip(rows, flags, strict=True):
        key = r["Keyword"].strip().lower()
        hit = any(key in f.text.lower() and f.kind == "slang" for f in found)
        if r["Actual Predictions"] == "slang":
            tp += hit
            fn += not hit
        else:
            fp += hit
            tn += not hit
    return {"contexts": len(rows), "slang recall": tp / (tp + fn) if tp + fn else 0.0,
            "false-positive rate": fp / (fp + tn) if fp + tn else 0.0}


def opensub(base: Path, limit: int | None) -> dict:
    path = base / "dialect_slang" / "opensub_slang_meta" / "Data_slang_OpenSub_meta.tsv"
    terms = sorted({r["SLANG_TERM"].strip() for r in read_csv(path, delimiter="\t")
                    if r["SLANG_TERM"].strip() and r["ANNOTATOR_CONFIDENCE"] in ("2", "3")})
    terms = sample(terms, limit)
    flags = detect_many([[t] for t in terms], "slang,dialect,profanity")
    hit = sum(1 for g in flags if g[0])
    return {"terms (annotator agreement ≥ 2)": len(terms), "terms flagged (no context)": hit / len(terms)}


def colbert(base: Path, limit: int | None) -> dict:
    rows = (read_csv(base / "humor" / "colbert_humor" / "Data_dev.csv"))
    rows = sample(rows, limit or 4000)
    flags = detect_many([[r["text"]] for r in rows], "humor")
    tp = fp = fn = 0
    for r, (found,) in zip(rows, flags, strict=True):
        predicted = any(f.label != "running-gag" for f in found)
        actual = r["humor"].strip().lower() == "true"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    p, rec, f = prf(tp, fp, fn)
    return {"texts": len(rows), "precision": p, "recall": rec, "F1": f}


def film_puns(base: Path, limit: int | None) -> dict:
    """Pun flags on the English subtitles of the free films in ../shared/corpora/films: ordinary
    narration and dialogue, so the flags are mostly false positives (the pun detector's precision on
    real subtitles, which one-liner sets do not show)."""
    from locpipe.detect import detect
    from locpipe.formats import load

    folder = base.parent / "corpora" / "films"
    paths = sorted([*folder.glob("*/en.srt"), *folder.glob("*/*-en.vtt")])
    cues = flagged = confident = 0
    for path in paths:
        t = detect(load(path), lang="en", kinds="humor")
        cues += len(t.cues)
        puns = [f for f in t.flags if f.label in ("pun", "homophone")]
        flagged += len(puns)
        confident += sum(1 for f in puns if f.confidence >= 0.5)
    per = 100 / cues if cues else 0.0
    return {"files": len(paths), "cues": cues, "pun flags per 100 cues": flagged * per,
            "at confidence ≥ 0.5": confident * per}


EVALS: dict[str, tuple[str, Callable[[Path, int | None], dict], str]] = {
    "epie-static": ("idioms/epie", lambda b, n: epie(b, n, formal=False), "recall (flag on the idiom) ≥ 0.90"),
    "epie-formal": ("idioms/epie", lambda b, n: epie(b, n, formal=True), "precision (idiomatic) ≥ 0.85"),
    "semeval22": ("idioms/semeval2022_task2", semeval22, ""),
    "puns": ("humor/semeval2017_task7_homographic", puns, "F1 ≥ 0.75, location accuracy (texts given as jokes) ≥ 0.60"),
    "ewave": ("dialect_slang/multivalue_ewave", ewave, "features flagged ≥ 0.60"),
    "tatoeba": ("parallel/tatoeba_laser_v1", tatoeba, "flagged non-standard ≤ 0.05"),
    "pun-fp": ("parallel/tatoeba_laser_v1", pun_fp, "flagged pun: as low as possible (mostly false positives)"),
    "slangtrack": ("dialect_slang/slangtrack", slangtrack, ""),
    "opensub": ("dialect_slang/opensub_slang_meta", opensub, ""),
    "colbert": ("humor/colbert_humor", colbert, ""),
    "film-puns": ("../corpora/films", film_puns, "as few as possible (mostly false positives)"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(os.environ.get("LOCPIPE_SHARED", ROOT.parent / "shared")) / "eval")
    parser.add_argument("--limit", type=int, help="sample at most N items per set (default: all; ColBERT 4,000)")
    parser.add_argument("--only", help="comma-separated: " + ",".join(EVALS))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"skipped: {args.eval} is absent (the evaluation sets live in ../shared/eval)")
        return 0
    names = args.only.split(",") if args.only else list(EVALS)
    results = {}
    for name in names:
        folder, func, target = EVALS[name]
        if not (args.eval / folder).is_dir():
            print(f"{name:<12} skipped: {args.eval / folder} is absent")
            continue
        started = time.perf_counter()
        figures = func(args.eval, args.limit)
        results[name] = figures
        shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
                          if not k.startswith("_"))
        print(f"{name:<12} {shown}" + (f"   [target: {target}]" if target else "")
              + f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
