#!/usr/bin/env python3
"""Build a random-weight translation model of real Argos size, packed as an Argos package (for `make bench`).

Shape of the current Argos (OpenNMT) models: Transformer 6+6 layers, d_model 512, ffn 2048, 8 heads,
a shared SentencePiece vocabulary of about 32k pieces, int8 weights. The weights are random (a fixed
seed), so the output is word salad and never ends by itself: benchmarks must bound
``max_decoding_length``. Speed and memory are those of a real model of that size.

The SentencePiece model is trained on generated text: invented words with a Zipf-like frequency,
plus the English lines of the benchmark inputs, so English subtitles tokenize into a realistic
number of pieces.

The package is cached (``models/bench/packages/<name>/`` by default) and rebuilt only when missing
or built with other settings. ``python scripts/build_bench_model.py [--out DIR] [--force]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "models" / "bench" / "packages"
NAME = "translate-en_es-bench"
SETTINGS = {
    "layers": [6, 6],
    "d_model": 512,
    "ffn": 2048,
    "heads": 8,
    "vocab_size": 32000,
    "quantization": "int8",
    "seed": 7,
    "format": 2,
}
METADATA = {
    "package_version": "0.0.1",
    "argos_version": "1.9",
    "from_code": "en",
    "from_name": "English",
    "to_code": "es",
    "to_name": "Spanish (random weights, benchmark only)",
    "type": "translate",
}


def _pseudo_words(rng: random.Random, n: int) -> list[str]:
    onsets = ["", "b", "br", "c", "ch", "d", "f", "g", "gr", "k", "l", "m", "n", "p", "pr", "r", "s", "st",
              "t", "tr", "v", "z"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ie"]
    codas = ["", "", "n", "s", "r", "l", "t", "m", "nd", "st"]
    words: set[str] = set()
    while len(words) < n:
        syllables = rng.choice([1, 2, 2, 3, 3, 4])
        words.add("".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)))
    return sorted(words)


def training_text(path: Path, english_lines: list[str], *, seed: int) -> None:
    """Write SentencePiece training text: Zipf-distributed invented words plus real English lines."""
    rng = random.Random(seed)
    words = _pseudo_words(rng, 60_000)
    rng.shuffle(words)
    cum_weights = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(words))))
    with path.open("w", encoding="utf-8") as f:
        for _ in range(120_000):
            n = rng.randint(3, 14)
            sentence = " ".join(rng.choices(words, cum_weights=cum_weights, k=n))
            f.write(sentence[0].upper() + sentence[1:] + rng.choice([".", "?", "!", ",", ""]) + "\n")
        for _ in range(20):
            for line in english_lines:
                f.write(line + "\n")


def train_sentencepiece(text: Path, prefix: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        model_type="unigram",
        vocab_size=vocab_size,
        character_coverage=1.0,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        input_sentence_size=400_000,
        shuffle_input_sentence=True,
        num_threads=2,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def build_spec(vocabulary: list[str], *, seed: int):  # type: ignore[no-untyped-def]
    """A TransformerSpec (6+6, 512/2048/8, shared tied embeddings) with random numpy weights."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    layers = SETTINGS["layers"]
    d, ffn, heads = SETTINGS["d_model"], SETTINGS["ffn"], SETTINGS["heads"]
    assert isinstance(layers, list) and isinstance(d, int) and isinstance(ffn, int) and isinstance(heads, int)
    spec = transformer_spec.TransformerSpec.from_config((layers[0], layers[1]), heads)
    rng = np.random.default_rng(seed)
    vocab = len(vocabulary)

    def dense(out: int, inp: int):  # type: ignore[no-untyped-def]
        return (rng.standard_normal((out, inp), dtype=np.float32) * (1.0 / np.sqrt(inp))).astype(np.float32)

    def linear(spec_, out: int, inp: int) -> None:  # type: ignore[no-untyped-def]
        spec_.weight = dense(out, inp)
        spec_.bias = np.zeros(out, dtype=np.float32)

    def norm(spec_) -> None:  # type: ignore[no-untyped-def]
        spec_.gamma = np.ones(d, dtype=np.float32)
        spec_.beta = np.zeros(d, dtype=np.float32)

    def ffn_layer(spec_) -> None:  # type: ignore[no-untyped-def]
        norm(spec_.layer_norm)
        linear(spec_.linear_0, ffn, d)
        linear(spec_.linear_1, d, ffn)

    embeddings = (rng.standard_normal((vocab, d), dtype=np.float32) * d**-0.5).astype(np.float32)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = embeddings
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)  # fused Q, K, V
        linear(layer.self_attention.linear[1], d, d)
        ffn_layer(layer.ffn)
    decoder.embeddings.weight = embeddings  # shared source/target embeddings ...
    decoder.projection.weight = embeddings  # ... tied to the output projection
    decoder.projection.bias = np.zeros(vocab, dtype=np.float32)
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d, d)  # Q
        linear(layer.attention.linear[1], 2 * d, d)  # fused K, V from the encoder output
        linear(layer.attention.linear[2], d, d)
        ffn_layer(layer.ffn)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _stamp() -> dict[str, object]:
    return {"settings": SETTINGS, "metadata": METADATA}


def is_current(package_dir: Path) -> bool:
    stamp = package_dir / "bench-build.json"
    return (package_dir / "model" / "model.bin").is_file() and stamp.is_file() and json.loads(
        stamp.read_text()
    ) == _stamp()


def build(out_dir: Path = DEFAULT_DIR, *, english_lines: list[str] | None = None, force: bool = False) -> Path:
    """The cached benchmark package folder under ``out_dir`` (built first when missing or stale)."""
    package_dir = out_dir / NAME
    if not force and is_current(package_dir):
        return package_dir
    import sentencepiece as spm

    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    seed = SETTINGS["seed"]
    vocab_size = SETTINGS["vocab_size"]
    assert isinstance(seed, int) and isinstance(vocab_size, int)
    with tempfile.TemporaryDirectory(prefix=".bench-build-", dir=out_dir.parent) as tmp:
        work = Path(tmp)
        sp_path = out_dir.parent / f"sentencepiece-{vocab_size}-{seed}.model"  # cached on its own
        if not sp_path.is_file() or force:
            text = work / "text.txt"
            training_text(text, english_lines or [], seed=seed)
            trained = train_sentencepiece(text, work / "sentencepiece", vocab_size)
            shutil.copy(trained, sp_path)
        sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        print(f"bench model: SentencePiece {len(vocabulary)} pieces in {time.monotonic() - started:.0f} s", flush=True)
        spec = build_spec(vocabulary, seed=seed)
        spec.validate()
        spec.optimize(quantization=str(SETTINGS["quantization"]))
        staged = work / NAME
        (staged / "model").mkdir(parents=True)
        spec.save(str(staged / "model"))
        shutil.copy(sp_path, staged / "sentencepiece.model")
        import spacy

        spacy.blank("en").to_disk(staged / "spacy")
        (staged / "metadata.json").write_text(json.dumps(METADATA, indent=2) + "\n")
        (staged / "README.md").write_text(
            "Random-weight model of real Argos size, built by locpipe's scripts/build_bench_model.py "
            "for `make bench`. Its translations are meaningless.\n"
        )
        (staged / "bench-build.json").write_text(json.dumps(_stamp(), indent=2) + "\n")
        if package_dir.exists():
            shutil.rmtree(package_dir)
        staged.rename(package_dir)
    size = sum(p.stat().st_size for p in (package_dir / "model").rglob("*") if p.is_file())
    print(
        f"bench model: built {package_dir} ({size / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s",
        flush=True,
    )
    return package_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    print(build(args.out, force=args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
