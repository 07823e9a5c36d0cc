"""Glossary files, term enforcement through the alignment, number checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from locpipe.errors import InputError
from locpipe.mt.glossary import (
    GlossaryTerm,
    enforce_terms,
    find_terms,
    load_glossary,
    missing_numbers,
    numbers,
    parse_glossary,
)


def test_csv_with_header_comments_and_languages(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "source,target,lang\n# names\nMorag,keep\n\nToo Many Cooks,Demasiados cocineros,es\nhaggis,KEEP,\n",
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    assert glossary.terms == [
        GlossaryTerm("Morag", "Morag", True, "", 3),
        GlossaryTerm("Too Many Cooks", "Demasiados cocineros", False, "es", 5),
        GlossaryTerm("haggis", "haggis", True, "", 6),
    ]
    assert [t.source for t in glossary.for_lang("es")] == ["Too Many Cooks", "haggis", "Morag"]
    assert [t.source for t in glossary.for_lang("fr")] == ["haggis", "Morag"]


def test_tsv_without_header(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("\ufeffTom\tTomás\tes\nNew York\tkeep\n".encode())
    glossary = load_glossary(path)
    assert [(t.source, t.target, t.keep, t.lang) for t in glossary.terms] == [
        ("Tom", "Tomás", False, "es"),
        ("New York", "New York", True, ""),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("source,target\nMorag\n", 2, "glossary row ['Morag'] has no target; write 'source,target' or 'source,keep' to leave the term untranslated"),
        ("a,b\nc,d,es,zz\n", 2, "glossary row has 4 columns; expected source, target and an optional language (quote a term that contains the delimiter)"),
        ("a,b\n,d\n", 2, "glossary row has an empty source term; fill it in or delete the row"),
        ("a,b,Spanish\n", 1, "glossary language 'Spanish' is not a language code; use e.g. es, fr, pt-br"),
        ("a,b\n\na,c\n", 3, "glossary term 'a' is listed twice (first on line 1); keep one"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value) == f"{path}:{line}: {message}"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes("Jos\xe9,keep\n".encode("latin-1"))
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value) == f"{path}: the glossary is not UTF-8 (byte 3); save it as UTF-8 CSV or TSV"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_glossary(tmp_path / "none.csv")
    assert str(err.value) == f"{tmp_path / 'none.csv'}: no such file"


def test_find_terms_whole_words_longest_first() -> None:
    glossary = parse_glossary("New York,keep\nNew York City,Nueva York\nork,x\n")
    hits = find_terms("I love New York City and New York.", glossary.for_lang("es"))
    assert [(h.term.source, h.start, h.end, h.words) for h in hits] == [
        ("New York City", 7, 20, [2, 3, 4]),
        ("New York", 25, 33, [6, 7]),
    ]
    # lowercase terms match any case; capitalised ones only as written
    lower = parse_glossary("haggis,keep\nMorag,keep\n").terms
    assert [h.term.source for h in find_terms("Haggis for morag.", lower)] == ["haggis"]


def test_enforce_replaces_aligned_words() -> None:
    terms = parse_glossary("Morag,keep\n").terms
    # "Morag is here." → the engine garbled the name; word 0 aligned with word 0
    text, alignment, lost = enforce_terms("Morag is here.", "Mrg zo kida.", [[0, 0], [1, 1], [2, 2]], terms)
    assert (text, lost) == ("Morag zo kida.", [])
    assert alignment == [[0, 0], [1, 1], [2, 2]]


def test_enforce_keeps_punctuation_and_realigns() -> None:
    terms = parse_glossary("Too Many Cooks,Demasiados cocineros\n").terms
    source = "We watch Too Many Cooks."
    target = "Wi vatch tuu meni kuks."
    align = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]
    text, alignment, lost = enforce_terms(source, target, align, terms)
    assert text == "Wi vatch Demasiados cocineros."
    assert alignment == [[0, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [4, 2], [4, 3]]
    assert lost == []


def test_enforce_leaves_a_present_term_alone_and_reports_unaligned() -> None:
    terms = parse_glossary("Morag,keep\n").terms
    assert enforce_terms("Morag is here.", "Morag zo kida.", [], terms)[0] == "Morag zo kida."
    text, _, lost = enforce_terms("Morag is here.", "Zo kida.", [[1, 0], [2, 1]], terms)
    assert text == "Zo kida." and lost == terms


def test_enforce_refuses_a_scattered_alignment() -> None:
    terms = parse_glossary("Morag,keep\n").terms
    text, _, lost = enforce_terms("Morag is here.", "a b c d e f", [[0, 0], [0, 5]], terms)
    assert text == "a b c d e f" and lost == terms


def test_numbers() -> None:
    assert numbers("At 10:30 pay 1,000,000 or 3,5 kg and 2.5 m, item 7.") == ["10:30", "1000000", "3.5", "2.5", "7"]
    assert missing_numbers("It costs 3.50 and 12 more.", "Cuesta 3,50 y doce más.") == ["12"]
    assert missing_numbers("1 and 1", "1") == ["1"]
    assert missing_numbers("No digits.", "Sin cifras.") == []
