"""Every lexicon file loads: unique ids across all files, required fields, valid labels, patterns compile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from locpipe.detect.lexicon import FILES, PACKAGE_LEXICONS, clear_cache, file_stem, load_lexicon, read_file
from locpipe.errors import LexiconError

FIXTURES = Path(__file__).resolve().parent / "data" / "lexicons"
ROOTS = [PACKAGE_LEXICONS, FIXTURES]


def lexicon_files(root: Path) -> list[Path]:
    return sorted(root.glob("*/*.jsonl"))


def languages(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


@pytest.mark.parametrize("root", ROOTS, ids=["package", "fixtures"])
def test_ids_unique_across_all_files_and_languages(root: Path) -> None:
    seen: dict[str, str] = {}
    for path in lexicon_files(root):
        for entry in read_file(path, lang=path.parent.name):
            assert entry["id"] not in seen, f"{entry['id']} in {path} and {seen[entry['id']]}"
            seen[entry["id"]] = str(path)
            assert entry["id"].startswith(f"{path.parent.name}.")
            assert entry["label"] in FILES[file_stem(path)]["labels"]
            assert entry["gloss"].strip()
            # a gloss is shown as is, before the suggestion: no dangling separator ("Eiffel Tower |")
            assert entry["gloss"] == entry["gloss"].strip() and entry["gloss"][-1] not in "|;,", entry["id"]


@pytest.mark.parametrize("root", ROOTS, ids=["package", "fixtures"])
def test_every_pattern_compiles(root: Path) -> None:
    pytest.importorskip("spacy")
    from locpipe.detect import get_nlp

    for lang in languages(root):
        nlp = get_nlp(lang, lexicon_dir=root)  # compiling happens when the components are built
        lexicon = load_lexicon(lang, root)
        for stem, entries in lexicon.files.items():
            pipe = nlp.get_pipe(f"locpipe_{stem}")
            assert len(pipe.entries) == len(entries)


def test_fixture_lexicons_have_the_expected_entries() -> None:
    lexicon = load_lexicon("en", FIXTURES)
    assert sorted(lexicon.files) == ["culture", "dialect", "humor", "idioms", "puns"]
    assert len(lexicon) == 31
    assert lexicon.by_id["en.culture.haggis"]["spread"] == "monocultural"


def write(tmp_path: Path, name: str, lines: list[object], lang: str = "en") -> Path:
    folder = tmp_path / lang
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines) + "\n", encoding="utf-8")
    return path


GOOD = {"id": "en.idiom.a-b", "label": "idiom", "pattern": "a b", "gloss": "g"}


@pytest.mark.parametrize(
    ("name", "entry", "message"),
    [
        ("idioms.jsonl", {**GOOD, "gloss": ""}, "missing required field 'gloss'"),
        ("idioms.jsonl", {k: v for k, v in GOOD.items() if k != "pattern"}, "missing required field 'pattern'"),
        ("idioms.jsonl", {**GOOD, "label": "proverb"}, "label 'proverb' is not one of idiom, phrasal, saying, expression"),
        ("idioms.jsonl", {**GOOD, "id": "Idiom-1"}, "id 'Idiom-1' is not of the form"),
        ("idioms.jsonl", {**GOOD, "id": "es.idiom.x"}, "must start with the language code 'en.'"),
        ("idioms.jsonl", {**GOOD, "literal": "floor"}, "literal must be a list of words"),
        ("culture.jsonl", {**GOOD, "id": "en.culture.x", "label": "food", "spread": "global"}, "spread 'global' is not one of"),
        ("puns.jsonl", {**GOOD, "id": "en.pun.x", "label": "pun", "senses": [{"sense": "s"}]}, "at least two"),
        ("puns.jsonl", {**GOOD, "id": "en.pun.x", "label": "homophone"}, "needs 'sounds_like'"),
        ("puns.jsonl", {**GOOD, "id": "en.pun.x", "label": "pun", "senses": [{"sense": "s", "collocates": "rate"}, {"sense": "t"}]},
         "a sense's 'collocates' must be a list of words"),
        ("dialect.jsonl", {**GOOD, "id": "en.dialect.x", "label": "slang", "kind": "slangy", "variety": "General"}, "kind 'slangy' is not one of"),
        ("dialect.jsonl", {**GOOD, "id": "en.dialect.x", "label": "slang", "kind": "slang"}, "missing required field 'variety'"),
        ("dialect.jsonl", {**GOOD, "id": "en.dialect.x", "label": "profanity", "kind": "profanity", "variety": "General", "strength": "huge"}, "strength 'huge'"),
        ("idioms.jsonl", "{not json", "not valid JSON"),
        ("idioms.jsonl", "[1, 2]", "an entry must be a JSON object"),
    ],
)
def test_bad_entries_name_file_and_line(tmp_path: Path, name: str, entry: object, message: str) -> None:
    path = write(tmp_path, name, [GOOD if name == "idioms.jsonl" else "", entry])
    with pytest.raises(LexiconError) as info:
        read_file(path, lang="en")
    text = str(info.value)
    assert text.startswith(f"{path}:2: ")
    assert message in text
    assert text.endswith("fix or remove that line (format: docs/lexicons.md)")


def test_duplicate_ids_and_unknown_files(tmp_path: Path) -> None:
    clear_cache()
    write(tmp_path, "idioms.jsonl", [GOOD, GOOD])
    with pytest.raises(LexiconError, match=r"idioms.jsonl:2: duplicate id 'en.idiom.a-b' \(also at .*idioms.jsonl:1\)"):
        load_lexicon("en", tmp_path)
    other = tmp_path / "other"
    write(other, "jokes.jsonl", [GOOD])
    with pytest.raises(LexiconError, match="unknown lexicon file name; rename it to one of idioms.jsonl"):
        load_lexicon("en", other)


def test_bad_template_is_reported_with_its_line(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    from locpipe.detect import get_nlp

    write(tmp_path, "idioms.jsonl", [GOOD, {**GOOD, "id": "en.idiom.bad", "pattern": "(oops"}])
    with pytest.raises(LexiconError, match=r"idioms.jsonl:2: unbalanced parenthesis"):
        get_nlp("en", lexicon_dir=tmp_path)
    bad_tokens = tmp_path / "t2"
    write(bad_tokens, "idioms.jsonl", [{**GOOD, "pattern": [{"LOWERCASE": "x"}]}])
    with pytest.raises(LexiconError, match=r"idioms.jsonl:1: pattern of 'en.idiom.a-b' does not compile"):
        get_nlp("en", lexicon_dir=bad_tokens)


def test_missing_language_folder_is_an_empty_lexicon(tmp_path: Path) -> None:
    assert len(load_lexicon("fr", tmp_path)) == 0
