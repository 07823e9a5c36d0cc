"""Helpers for the detection tests: transcripts built by hand, one segment per cue."""

from __future__ import annotations

from pathlib import Path

from locpipe.model import Cue, Flag, Segment, SegmentPart, Transcript

LEXICONS = Path(__file__).resolve().parent / "data" / "lexicons"


def make_transcript(lines: list[str], *, lang: str = "en", kinds: dict[int, str] | None = None,
                    cps_ms: int = 2000) -> Transcript:
    """A transcript with one cue and one segment per line (SDH when the line is bracketed)."""
    cues = []
    segments = []
    for i, line in enumerate(lines):
        kind = (kinds or {}).get(i) or ("sdh" if line.startswith(("[", "(")) and line.endswith(("]", ")")) else "dialogue")
        cues.append(Cue(index=i, start=i * 3000, end=i * 3000 + cps_ms, raw=line, text=line, kind=kind))
        segments.append(Segment(id=f"s{i + 1:04d}", parts=[SegmentPart(i, 0, len(line))], text=line))
    return Transcript(path="test.srt", format="srt", language=lang, cues=cues, segments=segments)


def flags_of(transcript: Transcript, kind: str | None = None) -> list[tuple[str, str, str, str]]:
    """(segment, label, text, rule_id) of every flag (of a kind)."""
    return [(f.segment, f.label, f.text, f.rule_id) for f in transcript.flags if kind is None or f.kind == kind]


def template_matcher(lang: str = "en"):
    """``run(template, text)``: the spans one idiom template (with its variants) finds in ``text``."""
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    from locpipe.detect import get_nlp
    from locpipe.detect.components import get_lemmatizer
    from locpipe.detect.patterns import TemplateCompiler, compile_pattern

    nlp = get_nlp(lang, lexicon_dir=LEXICONS)
    compiler = TemplateCompiler(lang, get_lemmatizer(lang), lambda t: [x.text for x in nlp.make_doc(t)])

    def run(template: str, text: str) -> list[str]:
        matcher = Matcher(nlp.vocab, validate=True)
        matcher.add("T", compile_pattern(compiler, template, variants=True).patterns)
        doc = nlp(text)
        return [s.text for s in filter_spans([doc[s:e] for _id, s, e in matcher(doc)])]

    return run


def idiom_flags(text: str, rule_id: str) -> list:
    """The flags of idiom entry ``rule_id`` on one English line (package lexicon)."""
    from locpipe.detect import detect

    transcript = detect(make_transcript([text]), lang="en", kinds="idiom")
    return [f for f in transcript.flags if f.rule_id == rule_id]


def pun_flags(text: str | list[str]) -> list:
    """The pun and sound-alike flags on one English line, or on consecutive lines (package lexicon)."""
    from locpipe.detect import detect

    transcript = detect(make_transcript([text] if isinstance(text, str) else text), lang="en", kinds="humor")
    return [f for f in transcript.flags if f.label in ("pun", "homophone")]


def located_pun(text: str) -> Flag:
    """The pun flag of one English line that names the pun word: the most confident, the later on a tie
    (the way ``scripts/eval_detectors.py`` locates a pun). Fails when the line has none."""
    found = pun_flags(text)
    assert found, f"no pun found in {text!r}"
    return max(found, key=lambda f: (f.confidence, f.start))


def assert_pun_on(text: str, word: str, entry: str | None = None) -> Flag:
    """The located pun of ``text`` is ``word``, by the pun entry named for ``entry`` (default: the word)."""
    best = located_pun(text)
    assert best.text.lower() == word, (text, best.text)
    assert best.rule_id == f"en.pun.{entry or word}", (text, best.rule_id)
    return best


def lexicon_entries(name: str, lang: str = "en") -> list[dict]:
    """The entries of one package lexicon file (``puns-fields.jsonl``), in file order."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "locpipe" / "lexicons" / lang / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def idiom_confidences(sentences: list[str], lang: str = "en") -> list[dict[str, float]]:
    """Per sentence: idiom rule id → highest confidence. One transcript, an SDH line between
    sentences so that no sentence's words become another's context."""
    from locpipe.detect import detect

    lines: list[str] = []
    for sentence in sentences:
        lines += [sentence, "[---]"]
    transcript = detect(make_transcript(lines, lang=lang), lang=lang, kinds="idiom")
    by_segment: dict[str, dict[str, float]] = {}
    for flag in transcript.flags:
        seen = by_segment.setdefault(flag.segment, {})
        seen[flag.rule_id] = max(seen.get(flag.rule_id, 0.0), flag.confidence)
    return [by_segment.get(f"s{2 * i + 1:04d}", {}) for i in range(len(sentences))]
