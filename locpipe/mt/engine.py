"""The batched CTranslate2 engine: one Argos package, loaded once, translating many sentences per call.

It reproduces what ``argostranslate.translate`` does for one sentence — the
package's SentencePiece (or BPE) tokenizer, ``translate_batch`` with Argos's
decoding settings (beam 4, ``length_penalty=0.2``, ``replace_unknowns``, the
package's ``target_prefix``), Argos's detokenization — but over a whole run's
sentences at once, sorted by length, so the model is called in full batches
instead of once per sentence (≈ 10× faster on CPU, see ``make bench``).

Confidence: CTranslate2's score with ``length_penalty=0.2`` is the
hypothesis's summed token log-probability divided by ``L ** 0.2`` (L = output
tokens plus the end-of-sentence token). We undo the normalisation and report
``exp(mean token log-probability)``: the geometric mean of the probabilities
the model gave each token it chose, in 0..1. 0.9 and above is a confident
model; a pivot (two engines chained) reports the product of both legs.

Alignment: the attention CTranslate2 returns for each target piece
(``return_attention=True``) is reduced to its arg-max source piece; pieces are
mapped to the whitespace-separated words of the source and of the
detokenized target, giving ``(source_word, target_word)`` pairs.

Heavy imports (ctranslate2) happen inside functions.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import ModelError, UsageError

#: Argos's decoding settings (argostranslate.translate.apply_packaged_translation).
ARGOS_LENGTH_PENALTY = 0.2
#: CTranslate2's and Argos's default bound on output pieces.
DEFAULT_MAX_DECODING_LENGTH = 256
#: Sentences per CTranslate2 batch. Measured on 2 cores with the real-size random
#: model (OFFLINE_ARGOS.md): batching by examples after sorting by length gave
#: 38–57 sentences/s at 32 and 42–63 at 64 with nearly twice the peak memory;
#: 32 keeps a feature film under 300 MB.
DEFAULT_MAX_BATCH_SIZE = 16  # per CPU-second the best on the benchmark model (8-16 > 32 > 64)
DEVICES = ("cpu", "cuda", "auto")


class PackageLike(Protocol):
    """What the engine needs from an installed package (``locpipe.mt.packages.InstalledPackage``)."""

    name: str
    from_code: str
    to_code: str
    version: str
    path: Path
    target_prefix: str


@dataclass
class MTResult:
    """One translated sentence.

    Attributes:
        text: the best translation, detokenized as Argos does.
        score: CTranslate2's length-normalised log-probability score of ``text``.
        confidence: 0..1, ``exp(mean token log-probability)`` (see the module docstring).
        alternatives: other hypotheses, best first, without duplicates of ``text``.
        alignment: ``(source_word, target_word)`` pairs over whitespace-separated words.
    """

    text: str
    score: float = 0.0
    confidence: float = 0.0
    alternatives: list[str] = field(default_factory=list)
    alignment: list[tuple[int, int]] = field(default_factory=list)


def package_model_dir(package: Any) -> Path:
    model_dir = getattr(package, "model_dir", None)
    return Path(model_dir) if model_dir else Path(package.path) / "model"


def package_tokenizer_file(package: Any) -> Path:
    tok = getattr(package, "tokenizer", None)
    if isinstance(tok, str | Path) and str(tok):
        return Path(tok)
    base = Path(package.path)
    sp = base / "sentencepiece.model"
    return sp if sp.exists() else base / "bpe.model"


def engine_id(package: Any) -> str:
    """A stable id for translation memory keys: ``name@version``."""
    name = getattr(package, "name", "") or f"translate-{package.from_code}_{package.to_code}"
    return f"{name}@{getattr(package, 'version', '') or '0'}"


def resolve_device(device: str) -> str:
    if device not in DEVICES:
        raise UsageError(f"unknown device {device!r}; use one of: {', '.join(DEVICES)}")
    if device != "auto":
        return device
    import ctranslate2

    try:
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception:  # a CPU-only build may raise instead of returning 0
        return "cpu"


def default_threads() -> int:
    """CPU threads for translation: the cores we have, at most 8."""
    return max(1, min(8, os.cpu_count() or 1))


def split_threads(threads: int = 0, inter_threads: int = 0) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for CTranslate2 from a total of ``threads`` (0: automatic).

    We translate in batches, so each core gets a batch of its own (inter-op) rather than
    sharing one batch's matrix products (intra-op): on the benchmark's Argos-size model on
    2 cores that is 40 sentences/s against 29. Past 4 parallel batches the rest go intra-op;
    CTranslate2 shares the weights between them, each adds only its working memory (~30 MB).
    """
    total = threads or default_threads()
    inter = inter_threads or min(total, 4)
    return inter, max(1, total // inter)


class _Tokenizer:
    """The package's tokenizer, through argostranslate's own classes so the pieces are identical."""

    def __init__(self, package: Any):
        from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

        path = package_tokenizer_file(package)
        if not path.is_file():
            raise ModelError(
                f"the package has no sentencepiece.model or bpe.model; reinstall it "
                f"(locpipe models install {package.from_code} {package.to_code})",
                path=package.path,
            )
        self.is_bpe = path.name == "bpe.model"
        self._tok: Any
        if self.is_bpe:
            self._tok = BPETokenizer(path, package.from_code, package.to_code)
        else:
            self._tok = SentencePieceTokenizer(path)

    def encode(self, text: str) -> list[str]:
        return list(self._tok.encode(text))

    def decode(self, pieces: list[str]) -> str:
        return str(self._tok.decode(pieces))

    def surface(self, piece: str) -> str:
        """What a piece contributes to the text, markers removed (for alignment)."""
        if self.is_bpe:
            return html.unescape(piece.replace("@@", ""))
        return piece.replace("▁", "").replace("_", "")


class Engine:
    """One Argos package's CTranslate2 model and tokenizer, loaded once.

    Use :func:`get_engine` to share engines process-wide.
    """

    legs = 1

    def __init__(
        self,
        package: Any,
        *,
        device: str = "cpu",
        inter_threads: int = 0,
        intra_threads: int = 0,
        compute_type: str = "auto",
        max_batch_size: int = DEFAULT_MAX_BATCH_SIZE,
        batch_type: str = "examples",
    ):
        # CTranslate2 packs the int8 weights once at load time for its GEMM: the same results,
        # 10-15 % more batched sentences per CPU-second on the benchmark model (the user's
        # own setting wins)
        os.environ.setdefault("CT2_USE_EXPERIMENTAL_PACKED_GEMM", "1")
        import ctranslate2

        self.package = package
        self.id = engine_id(package)
        self.from_code: str = package.from_code
        self.to_code: str = package.to_code
        self.target_prefix: str = getattr(package, "target_prefix", "") or ""
        self.device = resolve_device(device)
        self.max_batch_size = max_batch_size
        self.batch_type = batch_type
        self.tokenizer = _Tokenizer(package)
        model_dir = package_model_dir(package)
        if not (model_dir / "model.bin").is_file():
            raise ModelError(
                "the package has no CTranslate2 model (model/model.bin); reinstall it "
                f"(locpipe models install {self.from_code} {self.to_code})",
                path=package.path,
            )
        inter, intra = split_threads(0, inter_threads)
        try:
            self.translator = ctranslate2.Translator(
                str(model_dir),
                device=self.device,
                inter_threads=inter,
                intra_threads=intra_threads or intra,
                compute_type=compute_type,
            )
        except (RuntimeError, ValueError) as err:
            raise ModelError(
                f"cannot load the CTranslate2 model: {err}; reinstall the package or try --device cpu",
                path=model_dir,
            ) from err
        self._lock = threading.Lock()
        #: the model's position limit, learned from CTranslate2 the first time an input exceeds it
        self.max_positions: int | None = None

    def __repr__(self) -> str:
        return f"Engine({self.id}, {self.from_code}→{self.to_code}, {self.device})"

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int = 4,
        num_alternatives: int = 3,
        max_decoding_length: int = DEFAULT_MAX_DECODING_LENGTH,
        return_alignment: bool = True,
        length_ratio: float | None = None,
    ) -> list[MTResult]:
        """Translate ``texts`` (each one sentence) in batches; results in input order.

        A text longer than the model's position limit (learned position
        embeddings stop at, say, 256 pieces) is translated in word-boundary
        chunks whose translations are joined, instead of failing or being cut.
        """
        options = dict(
            beam_size=beam_size,
            num_alternatives=num_alternatives,
            max_decoding_length=max_decoding_length,
            return_alignment=return_alignment,
            length_ratio=length_ratio,
        )
        if self.max_positions is None:
            try:
                return self._translate_batch(texts, **options)  # type: ignore[arg-type]
            except RuntimeError as err:
                m = re.search(r"positions >= (\d+)", str(err))
                if m is None:
                    raise ModelError(f"the model failed: {err}", path=self.package.path) from err
                self.max_positions = int(m.group(1))
        limit = self.max_positions - 4
        options["max_decoding_length"] = min(max_decoding_length, self.max_positions - 2)
        # split what is too long into chunks of whole words
        plan: list[list[str]] = []
        for text in texts:
            words = text.split()
            if len(self.tokenizer.encode(text)) <= limit or len(words) < 2:
                plan.append([text] if len(self.tokenizer.encode(text)) <= limit else [" ".join(words)])
                continue
            chunks: list[str] = []
            current: list[str] = []
            for word in words:
                trial = " ".join([*current, word])
                if current and len(self.tokenizer.encode(trial)) > limit // 2:
                    chunks.append(" ".join(current))
                    current = [word]
                else:
                    current.append(word)
            if current:
                chunks.append(" ".join(current))
            plan.append(chunks)
        flat = [c for chunks in plan for c in chunks]
        flat_results = self._translate_batch(flat, **options)  # type: ignore[arg-type]
        results: list[MTResult] = []
        k = 0
        for chunks in plan:
            parts = flat_results[k : k + len(chunks)]
            k += len(chunks)
            if len(parts) == 1:
                results.append(parts[0])
                continue
            results.append(_join(chunks, parts))
        return results

    def _translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int = 4,
        num_alternatives: int = 3,
        max_decoding_length: int = DEFAULT_MAX_DECODING_LENGTH,
        return_alignment: bool = True,
        length_ratio: float | None = None,
    ) -> list[MTResult]:
        """Translate ``texts`` (each one sentence) in batches; results in input order.

        ``num_alternatives`` extra hypotheses are asked for (never more than
        ``beam_size - 1``); empty or blank texts translate to ``""``.
        ``length_ratio``: bound the output to that many pieces per source piece
        (plus 8), under ``max_decoding_length``; None bounds by
        ``max_decoding_length`` alone, as Argos does.
        """
        if beam_size < 1:
            raise UsageError(f"beam size must be at least 1, not {beam_size}")
        results: list[MTResult] = [MTResult(text="", confidence=1.0) for _ in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return results
        sources = [self.tokenizer.encode(texts[i]) for i in todo]
        num_hypotheses = max(1, min(beam_size, 1 + max(0, num_alternatives)))
        # sorted by length, in chunks that CTranslate2 splits into batches of max_batch_size; with a
        # length_ratio each chunk gets its own bound on the output length (a model that does not stop
        # cannot spend 256 steps on a 5-piece sentence)
        order = sorted(range(len(sources)), key=lambda k: len(sources[k]))
        # big chunks: every chunk waits for its slowest batch, and 8 batches a chunk cost 15 %
        chunk = max(1, self.max_batch_size * 32)
        outputs: list[Any] = [None] * len(sources)
        for c in range(0, len(order), chunk):
            ids = order[c : c + chunk]
            batch = [sources[k] for k in ids]
            limit = max_decoding_length
            if length_ratio:
                limit = min(limit, math.ceil(length_ratio * max(len(b) for b in batch)) + 8)
            target_prefix = [[self.target_prefix]] * len(batch) if self.target_prefix else None
            with self._lock:  # a CTranslate2 Translator is not meant to be driven from two threads at once
                got = self.translator.translate_batch(
                    batch,
                    target_prefix=target_prefix,
                    max_batch_size=self.max_batch_size,
                    batch_type=self.batch_type,
                    beam_size=beam_size,
                    num_hypotheses=num_hypotheses,
                    length_penalty=ARGOS_LENGTH_PENALTY,
                    replace_unknowns=True,
                    return_scores=True,
                    return_attention=return_alignment,
                    max_decoding_length=limit,
                )
            for k, out in zip(ids, got, strict=True):
                outputs[k] = out
        for i, src_pieces, out in zip(todo, sources, outputs, strict=True):
            results[i] = self._result(texts[i], src_pieces, out, return_alignment)
        return results

    def _detokenize(self, pieces: list[str]) -> str:
        # exactly argostranslate.translate.apply_packaged_translation
        value = self.tokenizer.decode(pieces)
        if self.target_prefix and value.startswith(self.target_prefix):
            value = value[len(self.target_prefix) :]
        if value.startswith(" "):
            value = value[1:]
        return value

    def _result(self, text: str, src_pieces: list[str], out: Any, with_alignment: bool) -> MTResult:
        hyps: list[list[str]] = [list(h) for h in out.hypotheses]
        scores: list[float] = list(out.scores) if out.scores else [0.0] * len(hyps)
        best_pieces = hyps[0]
        best = self._detokenize(best_pieces)
        n_out = len(best_pieces) - (1 if self.target_prefix else 0)
        confidence = score_to_confidence(scores[0], n_out)
        alternatives: list[str] = []
        for pieces in hyps[1:]:
            alt = self._detokenize(pieces)
            if alt != best and alt not in alternatives:
                alternatives.append(alt)
        alignment: list[tuple[int, int]] = []
        if with_alignment and out.attention:
            alignment = self._align(text, src_pieces, best, best_pieces, out.attention[0])
        return MTResult(best, scores[0], confidence, alternatives, alignment)

    def _align(
        self, src: str, src_pieces: list[str], tgt: str, tgt_pieces: list[str], attention: Any
    ) -> list[tuple[int, int]]:
        src_words = pieces_to_words(src_pieces, src, self.tokenizer.surface)
        offset = 0
        if self.target_prefix and tgt_pieces and tgt_pieces[0] == self.target_prefix:
            tgt_pieces = tgt_pieces[1:]
            offset = 1
        tgt_words = pieces_to_words(tgt_pieces, tgt, self.tokenizer.surface)
        rows = list(attention)
        if len(rows) == len(tgt_pieces) + offset:
            rows = rows[offset:]
        pairs: set[tuple[int, int]] = set()
        for t, row in enumerate(rows[: len(tgt_pieces)]):
            tw = tgt_words[t]
            if tw is None:
                continue
            weights = list(row)[: len(src_pieces)]
            if not weights:
                continue
            s = max(range(len(weights)), key=weights.__getitem__)
            sw = src_words[s]
            if sw is not None:
                pairs.add((sw, tw))
        return sorted(pairs)


def _join(chunks: list[str], parts: list[MTResult]) -> MTResult:
    """One result from the translations of consecutive chunks of a text."""
    alignment: list[tuple[int, int]] = []
    src_off = tgt_off = 0
    total_words = 0
    log_conf = 0.0
    for chunk, part in zip(chunks, parts, strict=True):
        alignment += [(s + src_off, t + tgt_off) for s, t in part.alignment]
        n = max(1, len(chunk.split()))
        src_off += len(chunk.split())
        tgt_off += len(part.text.split())
        log_conf += n * math.log(max(part.confidence, 1e-12))
        total_words += n
    return MTResult(
        text=" ".join(p.text for p in parts if p.text),
        score=sum(p.score for p in parts),
        confidence=math.exp(log_conf / max(1, total_words)),
        alternatives=[],
        alignment=alignment,
    )


def score_to_confidence(score: float, n_tokens: int, length_penalty: float = ARGOS_LENGTH_PENALTY) -> float:
    """exp(mean log-probability per token) from CTranslate2's length-normalised score."""
    length = max(1, n_tokens + 1)  # + the end-of-sentence token, which is scored too
    total = score * length**length_penalty
    mean = total / length
    return max(0.0, min(1.0, math.exp(mean)))


def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def pieces_to_words(pieces: list[str], text: str, surface: Any) -> list[int | None]:
    """Index of the whitespace-separated word of ``text`` each piece falls in (None: unknown).

    Walks the pieces' characters over ``text``'s non-space characters in order;
    tolerant of tokenizer normalisation (a character it cannot find nearby is
    skipped). A piece with no characters (a bare space marker) takes the word
    of the next piece.
    """
    word_of = [-1] * len(text)
    w = -1
    in_word = False
    for i, ch in enumerate(text):
        if ch.isspace():
            in_word = False
            continue
        if not in_word:
            w += 1
            in_word = True
        word_of[i] = w
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    folded = [_fold(text[i]) for i in positions]
    out: list[int | None] = []
    p = 0  # index into positions
    for piece in pieces:
        word: int | None = None
        for ch in surface(piece):
            if ch.isspace():
                continue
            f = _fold(ch)
            found = None
            for k in range(p, min(p + 4, len(folded))):
                if folded[k] == f or folded[k].startswith(f):
                    found = k
                    break
            if found is None:
                continue
            if word is None:
                word = word_of[positions[found]]
            p = found + 1
        out.append(word)
    # bare markers: take the next known word
    nxt: int | None = None
    for i in range(len(out) - 1, -1, -1):
        if out[i] is None:
            out[i] = nxt
        else:
            nxt = out[i]
    return out


class PivotEngine:
    """Two (or more) engines chained, as Argos pivots es→en→fr.

    Alternatives come from the last leg; confidence is the product of the
    legs'; alignment is composed through the pivot text's words.
    """

    def __init__(self, engines: list[Engine]):
        if not engines:
            raise ValueError("a pivot needs at least one engine")
        self.engines = engines
        self.legs = len(engines)
        self.id = "+".join(e.id for e in engines)
        self.from_code = engines[0].from_code
        self.to_code = engines[-1].to_code

    def __repr__(self) -> str:
        return f"PivotEngine({self.id})"

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int = 4,
        num_alternatives: int = 3,
        max_decoding_length: int = DEFAULT_MAX_DECODING_LENGTH,
        return_alignment: bool = True,
        length_ratio: float | None = None,
    ) -> list[MTResult]:
        results: list[MTResult] | None = None
        current = list(texts)
        for k, engine in enumerate(self.engines):
            last = k == len(self.engines) - 1
            leg = engine.translate_batch(
                current,
                beam_size=beam_size,
                num_alternatives=num_alternatives if last else 0,
                max_decoding_length=max_decoding_length,
                return_alignment=return_alignment,
                length_ratio=length_ratio,
            )
            results = leg if results is None else [_chain(a, b) for a, b in zip(results, leg, strict=True)]
            current = [r.text for r in leg]
        assert results is not None
        return results


def _chain(first: MTResult, second: MTResult) -> MTResult:
    via: dict[int, list[int]] = {}
    for pw, tw in second.alignment:
        via.setdefault(pw, []).append(tw)
    pairs = sorted({(sw, tw) for sw, pw in first.alignment for tw in via.get(pw, [])})
    return MTResult(
        text=second.text,
        score=first.score + second.score,
        confidence=first.confidence * second.confidence,
        alternatives=second.alternatives,
        alignment=pairs,
    )


_CACHE: dict[tuple[Any, ...], Engine] = {}
_CACHE_LOCK = threading.Lock()


def get_engine(
    package: Any,
    *,
    device: str = "cpu",
    threads: int = 0,
    inter_threads: int = 0,
    compute_type: str = "auto",
    max_batch_size: int = DEFAULT_MAX_BATCH_SIZE,
) -> Engine:
    """The process-wide engine for ``package`` (loaded on first use, then shared).

    ``threads``: CPU threads in all (0: the cores, at most 8), split by :func:`split_threads`
    unless ``inter_threads`` (parallel batches) is given.
    """
    inter_threads, intra_threads = split_threads(threads, inter_threads)
    path = Path(package.path)
    with contextlib.suppress(OSError):
        path = path.resolve()
    try:  # a package reinstalled in place gets a new engine
        stamp = (package_model_dir(package) / "model.bin").stat().st_mtime_ns
    except OSError:
        stamp = 0
    key = (str(path), engine_id(package), stamp, resolve_device(device), inter_threads, intra_threads, compute_type, max_batch_size)
    with _CACHE_LOCK:
        engine = _CACHE.get(key)
        if engine is None:
            engine = Engine(
                package,
                device=device,
                inter_threads=inter_threads,
                intra_threads=intra_threads,
                compute_type=compute_type,
                max_batch_size=max_batch_size,
            )
            _CACHE[key] = engine
        return engine


def engine_for_route(route: list[Any], **options: Any) -> Engine | PivotEngine:
    """An engine for a route from ``packages.find_route``: one package, or a pivot chain."""
    engines = [get_engine(p, **options) for p in route]
    return engines[0] if len(engines) == 1 else PivotEngine(engines)


def clear_cache() -> None:
    """Forget every loaded engine (after a package was reinstalled or removed)."""
    with _CACHE_LOCK:
        _CACHE.clear()
