#!/usr/bin/env python3
"""Train locpipe's tiny test translation models offline and pack them as Argos packages.

Run with ``make test-model`` (needs the ``train`` extra: ``pip install -e '.[train]'``).

What it does, deterministically from a fixed seed:

1. writes ``tests/data/models/toy_lexicon.json``: the word-for-word toy language of
   ``scripts/toy_language.py`` (English word → invented toy word; names, numbers, punctuation and
   capitalisation carried over);
2. generates English/toy sentence pairs (dialogue-sized, 1–12 words, with names, numbers, commas,
   several sentences per line now and then) and a disjoint held-out set;
3. trains one joint SentencePiece model on both sides (``unk_id=0, bos_id=1, eos_id=2, pad_id=-1``,
   CTranslate2's default special tokens; digits split so numbers are copied digit by digit);
4. trains a small ``MarianMTModel`` per direction (en→xa, xa→en) from a local ``MarianConfig``
   (d_model 128, 2+2 layers, 4 heads, ffn 256, tied embeddings) with CPU torch — zeroing the padding
   row after every optimiser step, because CTranslate2 starts the decoder from a zero embedding;
5. converts each with ``ctranslate2.converters.TransformersConverter`` (int8) and sets
   ``"add_source_eos": true`` in the converted ``config.json`` (Argos feeds the encoder without
   ``</s>``, Marian was trained with it);
6. measures exact-match accuracy on the held-out pairs the way Argos decodes (beam 4, length penalty
   0.2) and packs ``translate-en_xa``, ``translate-xa_en`` and ``translate-en_xb`` (the en→xa weights
   under code ``xb``, so that xa→xb pivots through English) as ``.argosmodel`` zips with a blank spaCy
   pipeline in ``spacy/`` (Argos adds its own sentencizer to it when ``ARGOS_CHUNK_TYPE=SPACY``).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import io
import json
import math
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import toy_language  # noqa: E402

OUT_DIR = ROOT / "tests" / "data" / "models"
SEED = 1234
PACKAGE_VERSION = "1.0"
ARGOS_VERSION = "1.9"
LANG_NAMES = {"en": "English", "xa": "Toy A", "xb": "Toy B"}
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- data


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return str(rng.randint(0, 20))
    if kind < 0.7:
        return str(rng.randint(21, 999))
    if kind < 0.85:
        return str(rng.randint(1900, 2030))
    if kind < 0.93:
        return f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d}"
    return str(rng.randint(1000, 99999))


def _clause(rng: random.Random, words: list[str]) -> list[str]:
    n = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12])
    tokens: list[str] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.06:
            tok = rng.choice(toy_language.NAMES)
        elif r < 0.11:
            tok = _number(rng)
        else:
            tok = rng.choice(words)
            tok = "I" + tok[1:] if tok == "i" or tok.startswith("i'") else tok
        if rng.random() < 0.03:
            tok = tok.capitalize()
        tokens.append(tok)
    tokens[0] = tokens[0][0].upper() + tokens[0][1:]
    # commas inside, never after the last word
    out = []
    for i, tok in enumerate(tokens):
        out.append(tok)
        if i < len(tokens) - 1 and rng.random() < 0.08:
            out[-1] += ","
    end = rng.choice([".", ".", ".", "?", "?", "!", "...", ""])
    return [" ".join(out) + end]


def english_sentence(rng: random.Random, words: list[str]) -> str:
    parts = _clause(rng, words)
    while rng.random() < 0.15 and len(parts) < 3:
        if parts[-1][-1:] not in ".?!":
            parts[-1] += "."
        parts += _clause(rng, words)
    return " ".join(parts)


def make_pairs(n_train: int, n_test: int, seed: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rng = random.Random(seed)
    words = list(toy_language.ENGLISH_WORDS)
    train: list[str] = []
    seen: set[str] = set()
    # every word at least 25 times in isolation-ish contexts first, then random sentences
    for _ in range(25):
        rng.shuffle(words)
        for i in range(0, len(words), 6):
            chunk = words[i : i + 6]
            chunk = ["I" + w[1:] if w == "i" or w.startswith("i'") else w for w in chunk]
            s = " ".join(chunk)
            s = s[0].upper() + s[1:] + rng.choice([".", "?", "!", ""])
            train.append(s)
    while len(train) < n_train:
        train.append(english_sentence(rng, words))
    seen.update(train)
    test: list[str] = []
    while len(test) < n_test:
        s = english_sentence(rng, words)
        if s not in seen:
            seen.add(s)
            test.append(s)
    to_pairs = lambda xs: [(s, toy_language.to_toy(s)) for s in xs]  # noqa: E731
    return to_pairs(train), to_pairs(test)


# --------------------------------------------------------------------------- tokenizer


def train_sentencepiece(pairs: list[tuple[str, str]], out_dir: Path) -> Path:
    import sentencepiece as spm

    text = out_dir / "sp_train.txt"
    with text.open("w", encoding="utf-8") as f:
        for en, toy in pairs:
            f.write(en + "\n" + toy + "\n")
        # names and numbers alone, so they are pieces of their own
        for name in toy_language.NAMES:
            f.write(name + "\n")
    prefix = out_dir / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        model_type="unigram",
        vocab_size=2600,
        hard_vocab_limit=False,
        character_coverage=1.0,
        split_digits=True,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


# --------------------------------------------------------------------------- model


def train_direction(
    pairs: list[tuple[str, str]],
    sp_path: Path,
    work: Path,
    name: str,
    test: list[tuple[str, str]],
    *,
    max_epochs: int,
    target: float,
) -> tuple[Path, float]:
    """Train one direction, converting and evaluating every few epochs; returns (ct2 dir, accuracy)."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocab = sp.get_piece_size()
    pad = vocab  # an extra "<pad>" row, dropped by the converter (start_from_zero_embedding)
    eos = sp.eos_id()

    config = MarianConfig(
        vocab_size=vocab + 1,
        decoder_vocab_size=vocab + 1,
        d_model=128,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=256,
        decoder_ffn_dim=256,
        max_position_embeddings=256,
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        activation_function="swish",
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=pad,
        eos_token_id=eos,
        decoder_start_token_id=pad,
        forced_eos_token_id=eos,
        bos_token_id=sp.bos_id(),
    )
    model = MarianMTModel(config)
    model.train()
    n_params = sum(p.numel() for p in model.parameters())
    print(f"[{name}] MarianMTModel: {n_params / 1e6:.2f} M parameters, vocabulary {vocab}")

    data = [(sp.encode(src) + [eos], sp.encode(tgt) + [eos]) for src, tgt in pairs]
    batch_size = 64
    steps_per_epoch = math.ceil(len(data) / batch_size)
    total_steps = steps_per_epoch * max_epochs
    warmup = min(400, total_steps // 10)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, betas=(0.9, 0.98), weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min((step + 1) / warmup, 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * step / total_steps))),
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=0.1)
    embedding = model.get_input_embeddings().weight

    def batches():
        order = sorted(range(len(data)), key=lambda i: (len(data[i][0]) + rng.random() * 4))
        chunks = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(chunks)
        for chunk in chunks:
            src = [data[i][0] for i in chunk]
            tgt = [data[i][1] for i in chunk]
            ls, lt = max(map(len, src)), max(map(len, tgt))
            input_ids = torch.tensor([s + [pad] * (ls - len(s)) for s in src])
            mask = (input_ids != pad).long()
            dec_in = torch.tensor([[pad] + t[:-1] + [pad] * (lt - len(t)) for t in tgt])
            labels = torch.tensor([t + [-100] * (lt - len(t)) for t in tgt])
            yield input_ids, mask, dec_in, labels

    best: tuple[Path, float] | None = None
    started = time.monotonic()
    step = 0
    for epoch in range(1, max_epochs + 1):
        total = 0.0
        for input_ids, mask, dec_in, labels in batches():
            out = model(input_ids=input_ids, attention_mask=mask, decoder_input_ids=dec_in)
            loss = loss_fn(out.logits.reshape(-1, out.logits.size(-1)), labels.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            with torch.no_grad():  # CTranslate2 starts the decoder from a zero embedding
                embedding[pad].zero_()
            total += loss.item()
        print(
            f"[{name}] epoch {epoch:2d}  loss {total / steps_per_epoch:.3f}  {time.monotonic() - started:5.0f} s",
            flush=True,
        )
        if epoch >= 8 and (epoch % 3 == 2 or epoch == max_epochs):
            model.eval()
            ct2_dir = convert(model, sp, work / f"{name}-ct2")
            model.train()
            accuracy = evaluate(ct2_dir, sp_path, test[:300])
            print(f"[{name}]   held-out exact match (300): {accuracy:.1%}", flush=True)
            best = (ct2_dir, accuracy)
            if accuracy >= target:
                break
    assert best is not None
    return best


def _train_job(job: tuple) -> tuple[Path, float]:  # type: ignore[type-arg]
    import torch

    pairs, sp_path, work, name, test, max_epochs, target, threads = job
    torch.set_num_threads(threads)
    return train_direction(pairs, sp_path, work, name, test, max_epochs=max_epochs, target=target)


def convert(model, sp, out_dir: Path) -> Path:  # type: ignore[no-untyped-def]
    """Convert a trained MarianMTModel to a CTranslate2 model (int8) in ``out_dir``."""
    import ctranslate2

    hf_dir = out_dir.with_name(out_dir.name + "-hf")
    if hf_dir.exists():
        shutil.rmtree(hf_dir)
    model.save_pretrained(hf_dir)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())] + ["<pad>"]

    class _Vocab:
        """The bits of a tokenizer the Marian loader reads."""

        eos_token = "</s>"
        unk_token = "<unk>"

        def get_vocab(self) -> dict[str, int]:
            return {p: i for i, p in enumerate(pieces)}

    class _Converter(ctranslate2.converters.TransformersConverter):
        def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):  # type: ignore[no-untyped-def]
            return _Vocab()

    if out_dir.exists():
        shutil.rmtree(out_dir)
    _Converter(str(hf_dir)).convert(str(out_dir), quantization="int8", force=True)
    config_path = out_dir / "config.json"
    config = json.loads(config_path.read_text())
    config["add_source_eos"] = True
    config_path.write_text(json.dumps(config, indent=2) + "\n")
    shutil.rmtree(hf_dir)
    return out_dir


def evaluate(ct2_dir: Path, sp_path: Path, pairs: list[tuple[str, str]]) -> float:
    """Exact match, decoding as argostranslate does (no source </s>, beam 4, length penalty 0.2)."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    translator = ctranslate2.Translator(str(ct2_dir), device="cpu", intra_threads=1)
    tokens = [sp.encode(src, out_type=str) for src, _ in pairs]
    results = translator.translate_batch(
        tokens, beam_size=4, length_penalty=0.2, replace_unknowns=True, max_batch_size=64
    )
    hits = 0
    for (_, expected), result in zip(pairs, results, strict=True):
        text = sp.decode_pieces(result.hypotheses[0]).replace("▁", " ").lstrip(" ")
        hits += text == expected
    return hits / len(pairs)


# --------------------------------------------------------------------------- packaging


def make_spacy_dir(lang: str, out_dir: Path) -> None:
    """A blank spaCy pipeline: argostranslate (ARGOS_CHUNK_TYPE=SPACY) loads it and adds a sentencizer."""
    import spacy

    try:
        nlp = spacy.blank(lang)
    except ImportError:
        nlp = spacy.blank("xx")
    nlp.to_disk(out_dir)


def pack(
    ct2_dir: Path, sp_path: Path, from_code: str, to_code: str, accuracy: float, work: Path
) -> Path:
    name = f"translate-{from_code}_{to_code}-{PACKAGE_VERSION.replace('.', '_')}"
    folder = work / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    shutil.copytree(ct2_dir, folder / "model")
    shutil.copy(sp_path, folder / "sentencepiece.model")
    make_spacy_dir(from_code, folder / "spacy")
    metadata = {
        "package_version": PACKAGE_VERSION,
        "argos_version": ARGOS_VERSION,
        "from_code": from_code,
        "from_name": LANG_NAMES[from_code],
        "to_code": to_code,
        "to_name": LANG_NAMES[to_code],
        "type": "translate",
        "code": f"translate-{from_code}_{to_code}",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
    (folder / "README.md").write_text(
        f"# locpipe test model: {LANG_NAMES[from_code]} → {LANG_NAMES[to_code]}\n\n"
        "A tiny MarianMT model trained by locpipe's `scripts/build_test_model.py` on a generated\n"
        "word-for-word toy language (see `scripts/toy_language.py`). For tests only.\n"
        f"Held-out exact match at build time: {accuracy:.1%}.\n"
    )
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    target = OUT_DIR / f"{name}.argosmodel"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        entries = sorted(p for p in folder.rglob("*"))
        for path in entries:
            arcname = f"{name}/{path.relative_to(folder).as_posix()}"
            if path.is_dir():
                info = zipfile.ZipInfo(arcname + "/", ZIP_DATE)
                info.external_attr = 0o40755 << 16
                zf.writestr(info, b"")
            else:
                info = zipfile.ZipInfo(arcname, ZIP_DATE)
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, target)
    return target


def write_lexicon() -> None:
    lexicon = toy_language.generate_lexicon()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    data = {
        "description": (
            "locpipe's toy languages xa (Toy A) and xb (Toy B): each English word maps to the toy word "
            "below; names, numbers, punctuation and spacing are copied; capitalisation is carried over "
            "(word/Word/WORD). Generated by scripts/toy_language.py."
        ),
        "seed": toy_language.SEED,
        "names": list(toy_language.NAMES),
        "words": lexicon,
    }
    path = OUT_DIR / "toy_lexicon.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    toy_language.load_lexicon.cache_clear()
    toy_language._reverse_lexicon.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=int, default=12000, help="training pairs per direction")
    parser.add_argument("--test", type=int, default=1000, help="held-out pairs")
    parser.add_argument("--max-epochs", type=int, default=16)
    parser.add_argument("--target", type=float, default=0.99, help="stop once held-out accuracy reaches it")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per direction")
    parser.add_argument("--jobs", type=int, default=2, help="directions trained at once")
    args = parser.parse_args(argv)

    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        print("build_test_model: needs the 'train' extra: pip install -e '.[train]'", file=sys.stderr)
        return 2
    random.seed(SEED)

    started = time.monotonic()
    write_lexicon()
    train, test = make_pairs(args.train, args.test, SEED)
    print(f"{len(train)} training pairs, {len(test)} held-out pairs; e.g. {train[-1][0]!r} → {train[-1][1]!r}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="locpipe-toy-") as tmp:
        work = Path(tmp)
        sp_path = train_sentencepiece(train, work)
        reverse = lambda ps: [(b, a) for a, b in ps]  # noqa: E731
        jobs = [
            (train, sp_path, work, "en-xa", test, args.max_epochs, args.target, args.threads),
            (reverse(train), sp_path, work, "xa-en", reverse(test), args.max_epochs, args.target, args.threads),
        ]
        # the two directions train side by side, one core each (torch's own threads scale badly here)
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=args.jobs, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            (ct2_en_xa, _), (ct2_xa_en, _) = pool.map(_train_job, jobs)
        acc_en_xa = evaluate(ct2_en_xa, sp_path, test)
        acc_xa_en = evaluate(ct2_xa_en, sp_path, reverse(test))
        results["en→xa"] = acc_en_xa
        results["xa→en"] = acc_xa_en
        paths = [
            pack(ct2_en_xa, sp_path, "en", "xa", acc_en_xa, work),
            pack(ct2_xa_en, sp_path, "xa", "en", acc_xa_en, work),
            pack(ct2_en_xa, sp_path, "en", "xb", acc_en_xa, work),
        ]
    for direction, accuracy in results.items():
        print(f"held-out exact match {direction}: {accuracy:.1%} of {len(test)}")
    for path in paths:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.2f} MB")
    print(f"built in {time.monotonic() - started:.0f} s")
    worst = min(results.values())
    if worst < 0.95:
        print(f"build_test_model: accuracy {worst:.1%} is under the 95 % target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
