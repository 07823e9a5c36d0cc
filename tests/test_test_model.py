"""The committed test models (tests/data/models) and their toy language.

The models were trained by ``scripts/build_test_model.py`` on the word-for-word toy language of
``scripts/toy_language.py``; these tests check the packages are valid Argos packages and that plain
``argostranslate.translate`` on them gives exactly the toy translation the rule predicts.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from locpipe.mt import packages

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "tests" / "data" / "models"
sys.path.insert(0, str(ROOT / "scripts"))
import toy_language  # noqa: E402

PACKAGES = {
    ("en", "xa"): MODELS / "translate-en_xa-1_0.argosmodel",
    ("xa", "en"): MODELS / "translate-xa_en-1_0.argosmodel",
    ("en", "xb"): MODELS / "translate-en_xb-1_0.argosmodel",
}
NAMES = {"en": "English", "xa": "Toy A", "xb": "Toy B"}

#: everyday lines made of lexicon words, names and numbers
SENTENCES = [
    "Hello, Anna.",
    "Where are you going?",
    "I don't know.",
    "Tom, come here!",
    "We have 3 friends and 12 children.",
    "Thank you very much.",
    "What's your name?",
    "I'm sorry, I can't stay.",
    "She never told me about the money.",
    "Maybe tomorrow...",
    "Let's go home.",
    "The police found the car in London.",
]


def test_lexicon_file_is_the_rule() -> None:
    data = json.loads((MODELS / "toy_lexicon.json").read_text(encoding="utf-8"))
    words = data["words"]
    assert words == toy_language.generate_lexicon(data["seed"])
    assert list(words) == list(toy_language.ENGLISH_WORDS)
    assert data["names"] == list(toy_language.NAMES)
    toys = list(words.values())
    assert len(set(toys)) == len(toys) == len(words) >= 300  # one toy word per English word
    clashes = set(toys) & ({w.lower() for w in words} | {n.lower() for n in toy_language.NAMES})
    assert clashes == set()
    assert all(t.isalpha() and t.islower() and t.isascii() for t in toys)


def test_rule_examples() -> None:
    lex = toy_language.load_lexicon()
    assert toy_language.to_toy("Hello, Anna!") == lex["hello"].capitalize() + ", Anna!"
    assert toy_language.to_toy("I have 3 friends.") == f"{lex['i'].capitalize()} {lex['have']} 3 {lex['friends']}."
    assert toy_language.to_toy("NO, 10:30 - ok") == f"{lex['no'].upper()}, 10:30 - {lex['ok']}"
    assert toy_language.from_toy(toy_language.to_toy("Don't go, Tom.")) == "Don't go, Tom."
    with pytest.raises(KeyError):
        toy_language.to_toy("Supercalifragilistic")
    assert toy_language.to_toy("Zorblax went", strict=False) == f"Zorblax {lex['went']}"
    assert toy_language.is_known("Hello, Anna. 42!") and not toy_language.is_known("Hello Zorblax")
    assert all(toy_language.is_known(s) for s in SENTENCES)


_word = st.sampled_from(toy_language.ENGLISH_WORDS)
_token = st.one_of(
    _word,
    _word.map(str.capitalize),
    st.sampled_from(toy_language.NAMES),
    st.integers(0, 99999).map(str),
)


@given(st.lists(st.tuples(_token, st.sampled_from(["", ",", ".", "?", "!", "..."])), min_size=1, max_size=12))
def test_to_toy_is_word_for_word_and_reversible(tokens: list[tuple[str, str]]) -> None:
    text = " ".join(tok + punct for tok, punct in tokens)
    toy = toy_language.to_toy(text)
    assert toy_language.from_toy(toy) == text
    assert len(toy.split(" ")) == len(text.split(" "))
    # punctuation, numbers and names are untouched, position for position
    for src, dst in zip(text.split(" "), toy.split(" "), strict=True):
        src_word = toy_language.WORD_RE.sub("", src)
        assert toy_language.WORD_RE.sub("", dst) == src_word


@pytest.mark.parametrize(("pair", "path"), list(PACKAGES.items()), ids=lambda v: "-".join(v) if isinstance(v, tuple) else "")
def test_packages_are_valid_argos_packages(pair: tuple[str, str], path: Path) -> None:
    checked = packages.check_package_zip(path)
    assert checked.top == f"translate-{pair[0]}_{pair[1]}-1_0"
    meta = checked.metadata
    assert (meta["from_code"], meta["to_code"], meta["package_version"], meta["type"]) == (*pair, "1.0", "translate")
    assert (meta["from_name"], meta["to_name"]) == (NAMES[pair[0]], NAMES[pair[1]])
    assert path.stat().st_size < 2_000_000
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        config = json.loads(zf.read(f"{checked.top}/model/config.json"))
    assert config["add_source_eos"] is True  # Argos feeds the encoder without </s>
    assert f"{checked.top}/spacy/config.cfg" in names  # offline sentence splitting
    assert f"{checked.top}/sentencepiece.model" in names


@pytest.fixture(scope="module")
def toy_models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The three toy packages installed into a fresh models folder (argostranslate kept off $HOME)."""
    base = tmp_path_factory.getbasetemp() / "xdg"
    models = tmp_path_factory.mktemp("toy-models")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            mp.setenv(var, str(base / var.lower()))
        for path in PACKAGES.values():
            packages.install_file(path, models)
        yield models


@pytest.fixture
def argos(toy_models: Path) -> ModuleType:
    return packages.prepare_argostranslate(toy_models)


def test_route_for_the_toy_pairs(toy_models: Path) -> None:
    assert [p.pair for p in packages.find_route("en", "xa", toy_models)] == ["en→xa"]
    assert [p.pair for p in packages.find_route("xa", "xb", toy_models)] == ["xa→en", "en→xb"]
    with pytest.raises(packages.MissingModelError, match="locpipe models install xb xa"):
        packages.find_route("xb", "xa", toy_models)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_plain_argostranslate_gives_the_exact_toy_translation(argos: ModuleType, sentence: str) -> None:
    expected = toy_language.to_toy(sentence)
    assert argos.translate(sentence, "en", "xa") == expected
    assert argos.translate(sentence, "en", "xb") == expected  # same weights under another code
    assert argos.translate(expected, "xa", "en") == sentence


def test_several_sentences_and_pivot(argos: ModuleType) -> None:
    text = "Hello, Anna. Where are you going? I don't know."
    toy = toy_language.to_toy(text)
    assert argos.translate(text, "en", "xa") == toy
    # xa→xb has no package: argostranslate pivots through English (xa→en→xb), an identity here
    assert argos.translate(toy, "xa", "xb") == toy
