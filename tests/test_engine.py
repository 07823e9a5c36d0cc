"""The batched engine: Argos-equal output, batching, confidence, alternatives, alignment, pivots, cache."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from toy_models import toy_language, toy_models_dir

from locpipe.errors import ModelError, UsageError
from locpipe.mt.engine import (
    Engine,
    PivotEngine,
    engine_for_route,
    get_engine,
    pieces_to_words,
    resolve_device,
    score_to_confidence,
)

SENTENCES = [
    "I see you.",
    "Where is the big house?",
    "Tom and Anna went home after the party.",
    "Yes.",
    "We are going to the school tomorrow, are we?",
]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return toy_models_dir(tmp_path_factory)


def _route(models: Path, a: str, b: str) -> list:  # type: ignore[type-arg]
    from locpipe.mt.packages import find_route

    return find_route(a, b, models)


def test_pieces_to_words_sentencepiece() -> None:
    pieces = ["▁Hel", "lo", ",", "▁wor", "ld", "."]
    assert pieces_to_words(pieces, "Hello, world.", lambda p: p.replace("▁", "")) == [0, 0, 0, 1, 1, 1]


def test_pieces_to_words_tolerates_normalisation_and_bare_markers() -> None:
    surface = lambda p: p.replace("▁", "")  # noqa: E731
    # a bare "▁" takes the next word; a full-width character normalises (NFKC) to ASCII
    assert pieces_to_words(["▁", "Ｈi", "▁there"], "Hi there", surface) == [0, 0, 1]
    # an unknown piece (the tokenizer's ⁇) matches nothing and takes the next piece's word
    assert pieces_to_words(["▁a", "⁇", "▁b"], "a ☃ b", surface) == [0, 2, 2]


def test_score_to_confidence() -> None:
    # 4 tokens (+ end of sentence) each with probability 0.5: score = 5 * log(0.5) / 5 ** 0.2
    score = 5 * math.log(0.5) / 5**0.2
    assert score_to_confidence(score, 4) == pytest.approx(0.5)
    assert score_to_confidence(0.0, 3) == 1.0
    assert 0.0 <= score_to_confidence(-1e9, 3) < 1e-9


def test_bad_device() -> None:
    with pytest.raises(UsageError) as err:
        resolve_device("tpu")
    assert str(err.value) == "unknown device 'tpu'; use one of: cpu, cuda, auto"
    assert resolve_device("cpu") == "cpu"
    assert resolve_device("auto") in ("cpu", "cuda")


def test_package_without_model(tmp_path: Path) -> None:
    from types import SimpleNamespace

    (tmp_path / "sentencepiece.model").write_bytes(b"")
    pkg = SimpleNamespace(name="p", from_code="en", to_code="xa", version="1", path=tmp_path, target_prefix="")
    with pytest.raises(ModelError) as err:
        Engine(pkg)
    assert str(err.value) == (
        f"{tmp_path}: the package has no CTranslate2 model (model/model.bin); reinstall it "
        "(locpipe models install en xa)"
    )


def test_toy_translation_is_exact(models: Path) -> None:
    engine = engine_for_route(_route(models, "en", "xa"))
    results = engine.translate_batch(SENTENCES)
    toy = toy_language()
    assert [r.text for r in results] == [toy.to_toy(s) for s in SENTENCES]
    for r in results:
        assert 0.0 < r.confidence <= 1.0
        assert len(r.alternatives) <= 3 and r.text not in r.alternatives


def test_alignment_is_word_for_word(models: Path) -> None:
    engine = engine_for_route(_route(models, "en", "xa"))
    [r] = engine.translate_batch(["Tom and Anna went home after the party."])
    assert r.alignment == [(i, i) for i in range(8)]


def test_batch_equals_one_by_one_and_keeps_order(models: Path) -> None:
    engine = engine_for_route(_route(models, "en", "xa"))
    batch = engine.translate_batch(SENTENCES + ["", "   "])
    single = [engine.translate_batch([s])[0] for s in SENTENCES]
    assert [r.text for r in batch[: len(SENTENCES)]] == [r.text for r in single]
    assert [r.text for r in batch[len(SENTENCES) :]] == ["", ""]


def test_greedy_has_no_alternatives(models: Path) -> None:
    engine = engine_for_route(_route(models, "en", "xa"))
    [r] = engine.translate_batch(["I see you."], beam_size=1)
    assert r.alternatives == [] and r.text == toy_language().to_toy("I see you.")


def test_engine_is_loaded_once(models: Path) -> None:
    [pkg] = _route(models, "en", "xa")
    assert get_engine(pkg) is get_engine(pkg)
    assert get_engine(pkg) is not get_engine(pkg, threads=1)


def test_pivot_xa_to_xb(models: Path) -> None:
    route = _route(models, "xa", "xb")
    assert [(p.from_code, p.to_code) for p in route] == [("xa", "en"), ("en", "xb")]
    engine = engine_for_route(route)
    assert isinstance(engine, PivotEngine) and engine.legs == 2
    toy = toy_language()
    english = "Where is the big house?"
    source = toy.to_toy(english)
    [r] = engine.translate_batch([source])
    # xb is another word-for-word toy language of English: check it through the xb package's own output
    direct = engine_for_route(_route(models, "en", "xb")).translate_batch([english])[0]
    assert r.text == direct.text
    assert r.alignment == [(i, i) for i in range(5)]
    assert 0.0 < r.confidence <= 1.0


def test_equals_argostranslate(models: Path) -> None:
    """For one sentence, the engine's output equals argostranslate.translate on the same package."""
    from locpipe.mt.packages import prepare_argostranslate

    argos = prepare_argostranslate(models)
    engine = engine_for_route(_route(models, "en", "xa"))
    for sentence in SENTENCES + ["Paris is big, and London is bigger!"]:
        assert engine.translate_batch([sentence])[0].text == argos.translate(sentence, "en", "xa")
