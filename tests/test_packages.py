"""locpipe.mt.packages: models folder, safe installation, listing, removal, routes, Argos's index."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from locpipe.errors import InputError, MissingModelError, ModelError, PackageError
from locpipe.mt import packages

METADATA = {
    "package_version": "1.2",
    "argos_version": "1.9",
    "from_code": "en",
    "from_name": "English",
    "to_code": "es",
    "to_name": "Spanish",
    "type": "translate",
}


def build_zip(path: Path, entries: dict[str, bytes], *, symlinks: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16
            zf.writestr(info, target)
    return path


def package_entries(top: str = "translate-en_es-1_2", metadata: dict | None = None) -> dict[str, bytes]:
    return {
        f"{top}/metadata.json": json.dumps(metadata or METADATA).encode(),
        f"{top}/model/model.bin": b"\x00" * 64,
        f"{top}/model/config.json": b"{}",
        f"{top}/sentencepiece.model": b"sp",
        f"{top}/README.md": b"readme",
    }


def fake_package(tmp_path: Path, name: str = "pkg.argosmodel", **kwargs) -> Path:
    return build_zip(tmp_path / name, package_entries(**kwargs))


def test_install_file_extracts_one_folder_and_lists_it(tmp_path: Path) -> None:
    models = tmp_path / "models"
    pkg = packages.install_file(fake_package(tmp_path), models)
    assert pkg.name == "translate-en_es-1_2"
    assert (pkg.from_code, pkg.to_code, pkg.version, pkg.pair) == ("en", "es", "1.2", "en→es")
    assert pkg.path == models / "translate-en_es-1_2"
    assert pkg.tokenizer == pkg.path / "sentencepiece.model"
    assert pkg.model_dir == pkg.path / "model"
    assert pkg.target_prefix == ""
    assert (pkg.path / "README.md").read_bytes() == b"readme"
    assert sorted(p.name for p in models.iterdir()) == ["translate-en_es-1_2"]  # no temporary left
    assert packages.list_installed(models) == [pkg]


def test_install_replaces_the_package_for_the_same_pair(tmp_path: Path) -> None:
    models = tmp_path / "models"
    packages.install_file(fake_package(tmp_path, "a.argosmodel"), models)
    newer = dict(METADATA, package_version="1.3")
    build_zip(tmp_path / "b.argosmodel", package_entries("translate-en_es-1_3", newer))
    before = packages.generation
    pkg = packages.install_file(tmp_path / "b.argosmodel", models)
    assert packages.generation == before + 1
    assert [p.name for p in packages.list_installed(models)] == ["translate-en_es-1_3"]
    assert pkg.version == "1.3"
    # reinstalling the same file over itself works too
    packages.install_file(tmp_path / "b.argosmodel", models)
    assert [p.name for p in packages.list_installed(models)] == ["translate-en_es-1_3"]


def test_failed_install_keeps_the_previous_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    models = tmp_path / "models"
    packages.install_file(fake_package(tmp_path, "a.argosmodel"), models)
    build_zip(tmp_path / "b.argosmodel", package_entries("translate-en_es-1_3", dict(METADATA, package_version="1.3")))
    real_replace = os.replace

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if Path(src).name == "translate-en_es-1_3":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(packages.os, "replace", failing_replace)
    with pytest.raises(ModelError) as caught:
        packages.install_file(tmp_path / "b.argosmodel", models)
    assert str(caught.value) == f"{models / 'translate-en_es-1_3'}: cannot install: No space left on device"
    assert [p.name for p in packages.list_installed(models)] == ["translate-en_es-1_2"]
    assert sorted(p.name for p in models.iterdir()) == ["translate-en_es-1_2"]


def test_target_prefix_is_read(tmp_path: Path) -> None:
    meta = dict(METADATA, target_prefix="__es__")
    build_zip(tmp_path / "p.argosmodel", package_entries(metadata=meta))
    assert packages.install_file(tmp_path / "p.argosmodel", tmp_path / "m").target_prefix == "__es__"


@pytest.mark.parametrize(
    ("entries", "symlinks", "message"),
    [
        (
            {**package_entries(), "translate-en_es-1_2/../evil.txt": b"x"},
            None,
            "rejected: entry 'translate-en_es-1_2/../evil.txt' escapes the package folder ('..')",
        ),
        (
            {**package_entries(), "/etc/evil.txt": b"x"},
            None,
            "rejected: entry '/etc/evil.txt' is an absolute path",
        ),
        (
            {**package_entries(), "translate-en_es-1_2\\..\\..\\evil.txt": b"x"},
            None,
            "rejected: entry 'translate-en_es-1_2\\\\..\\\\..\\\\evil.txt' escapes the package folder ('..')",
        ),
        (
            package_entries(),
            {"translate-en_es-1_2/link": "/etc/passwd"},
            "rejected: entry 'translate-en_es-1_2/link' is a symbolic link",
        ),
        (
            {**package_entries(), "translate-en_es-1_2/bomb.bin": b"\x00" * (4 * 1024 * 1024)},
            None,
            "rejected: entry 'translate-en_es-1_2/bomb.bin' expands {ratio} times (limit 100; zip bomb?)",
        ),
        (
            {k: v for k, v in package_entries().items() if not k.endswith("metadata.json")},
            None,
            "not an Argos package: no translate-en_es-1_2/metadata.json",
        ),
        (
            {k: v for k, v in package_entries().items() if "/model/" not in k},
            None,
            "not an Argos package: no translate-en_es-1_2/model/model.bin (CTranslate2 model)",
        ),
        (
            {k: v for k, v in package_entries().items() if not k.endswith("sentencepiece.model")},
            None,
            "not an Argos package: no translate-en_es-1_2/sentencepiece.model or "
            "translate-en_es-1_2/bpe.model (tokenizer)",
        ),
        (
            {**package_entries(), **package_entries("other")},
            None,
            "not an Argos package: 2 top-level folders (other, translate-en_es-1_2); a package zip holds exactly one",
        ),
        (
            {**package_entries(), "stray.txt": b"x"},
            None,
            "not an Argos package: 'stray.txt' is outside a top-level folder (a package zip holds exactly one folder)",
        ),
        (
            {**package_entries(), "translate-en_es-1_2/metadata.json": b"{not json"},
            None,
            "not an Argos package: translate-en_es-1_2/metadata.json is not valid JSON "
            "(Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        ),
        (
            package_entries(metadata={k: v for k, v in METADATA.items() if k != "to_code"}),
            None,
            "not an Argos package: translate-en_es-1_2/metadata.json has no valid 'to_code'",
        ),
        (
            package_entries(metadata={k: v for k, v in METADATA.items() if k != "package_version"}),
            None,
            "not an Argos package: translate-en_es-1_2/metadata.json has no 'package_version'",
        ),
        (
            package_entries(metadata=dict(METADATA, from_code="../../x")),
            None,
            "not an Argos package: translate-en_es-1_2/metadata.json has no valid 'from_code'",
        ),
        (
            package_entries(metadata=dict(METADATA, type="sbd")),
            None,
            "not an Argos package: translate-en_es-1_2/metadata.json is for a 'sbd' package; "
            "only 'translate' packages are supported",
        ),
    ],
    ids=[
        "traversal", "absolute", "backslash-traversal", "symlink", "bomb", "no-metadata", "no-model",
        "no-tokenizer", "two-folders", "root-file", "bad-json", "no-to-code", "no-version", "bad-code", "sbd",
    ],
)
def test_unsafe_or_invalid_zips_are_rejected_before_writing(
    tmp_path: Path, entries: dict[str, bytes], symlinks: dict[str, str] | None, message: str
) -> None:
    path = build_zip(tmp_path / "bad.argosmodel", entries, symlinks=symlinks)
    if "{ratio}" in message:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("translate-en_es-1_2/bomb.bin")
            message = message.format(ratio=f"{info.file_size / info.compress_size:.0f}")
    models = tmp_path / "models"
    with pytest.raises(PackageError) as caught:
        packages.install_file(path, models)
    assert str(caught.value) == f"{path}: {message}"
    assert caught.value.path == str(path)
    assert not models.exists()  # validated before anything was written


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", 100)
    path = fake_package(tmp_path)
    with pytest.raises(PackageError) as caught:
        packages.check_package_zip(path)
    assert str(caught.value) == f"{path}: rejected: uncompressed size over 0 GiB (zip bomb?)"


def test_not_a_zip_empty_zip_missing_file_and_folder(tmp_path: Path) -> None:
    text = tmp_path / "x.argosmodel"
    text.write_text("hello")
    with pytest.raises(PackageError, match=r"x\.argosmodel: not an Argos package: not a zip archive$"):
        packages.install_file(text, tmp_path / "m")
    empty = build_zip(tmp_path / "e.argosmodel", {})
    with pytest.raises(PackageError, match=r"e\.argosmodel: not an Argos package: the zip is empty$"):
        packages.install_file(empty, tmp_path / "m")
    with pytest.raises(InputError) as caught:
        packages.install_file(tmp_path / "missing.argosmodel", tmp_path / "m")
    assert str(caught.value) == (
        f"{tmp_path / 'missing.argosmodel'}: no such file; give the path of a downloaded .argosmodel file"
    )
    with pytest.raises(InputError, match="is a folder, not an .argosmodel file$"):
        packages.install_file(tmp_path, tmp_path / "m")


def test_extraction_never_writes_more_than_declared(tmp_path: Path) -> None:
    """A zip whose central directory under-declares an entry's size fails while extracting, atomically."""
    entries = package_entries()
    entries["translate-en_es-1_2/big.bin"] = b"A" * 5000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    data = bytearray(buffer.getvalue())
    # patch the uncompressed size (central directory and local header) of big.bin: 5000 -> 10
    name = b"translate-en_es-1_2/big.bin"
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (pos := data.find(signature, start)) != -1:
            name_at = pos + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                data[pos + offset : pos + offset + 4] = (10).to_bytes(4, "little")
            start = pos + 4
    path = tmp_path / "liar.argosmodel"
    path.write_bytes(bytes(data))
    models = tmp_path / "models"
    with pytest.raises(PackageError) as caught:
        packages.install_file(path, models)
    assert str(caught.value) == (
        f"{path}: the zip is damaged: Bad CRC-32 for file 'translate-en_es-1_2/big.bin'; download it again"
    )
    assert sorted(p.name for p in models.iterdir()) == []


def test_remove_by_name_and_by_pair(tmp_path: Path) -> None:
    models = tmp_path / "models"
    packages.install_file(fake_package(tmp_path), models)
    removed = packages.remove("translate-en_es-1_2", models)
    assert isinstance(removed, packages.InstalledPackage) and removed.pair == "en→es"
    assert packages.list_installed(models) == []
    assert sorted(models.iterdir()) == []
    packages.install_file(fake_package(tmp_path), models)
    for pair in ("en-es",):
        packages.remove(pair, models)
    assert packages.list_installed(models) == []
    with pytest.raises(PackageError) as caught:
        packages.remove("../models", models)
    assert str(caught.value) == (
        f"{models}: no installed package named '../models' (installed: none); see: locpipe models list"
    )


def test_broken_and_foreign_folders(tmp_path: Path) -> None:
    models = tmp_path / "models"
    packages.install_file(fake_package(tmp_path), models)
    (models / "half" / "model").mkdir(parents=True)  # looks like a package, no metadata.json
    (models / "spacy_pipeline").mkdir()  # something else: ignored
    (models / ".installing-123").mkdir()  # a temporary folder: ignored
    (models / "tm.sqlite").write_bytes(b"")
    assert [p.name for p in packages.list_installed(models)] == ["translate-en_es-1_2"]
    assert packages.list_broken(models) == [packages.BrokenPackage(models / "half", "no metadata.json")]
    removed = packages.remove("half", models)
    assert removed == packages.BrokenPackage(models / "half", "no metadata.json")
    assert packages.list_broken(models) == []


def _install_pair(tmp_path: Path, models: Path, a: str, b: str, version: str = "1.0") -> None:
    meta = dict(METADATA, from_code=a, to_code=b, package_version=version)
    top = f"translate-{a}_{b}-{version.replace('.', '_')}"
    build_zip(tmp_path / f"{top}.argosmodel", package_entries(top, meta))
    packages.install_file(tmp_path / f"{top}.argosmodel", models)


def test_find_route_direct_pivot_and_missing(tmp_path: Path) -> None:
    models = tmp_path / "models"
    _install_pair(tmp_path, models, "es", "en")
    _install_pair(tmp_path, models, "en", "fr")
    _install_pair(tmp_path, models, "en", "es")
    assert [p.name for p in packages.find_route("en", "fr", models)] == ["translate-en_fr-1_0"]
    assert [p.pair for p in packages.find_route("es", "fr", models)] == ["es→en", "en→fr"]
    with pytest.raises(MissingModelError) as caught:
        packages.find_route("fr", "es", models)
    assert str(caught.value) == (
        f"No Argos model for fr→es is installed in {models}. Install one with: locpipe models install fr es "
        "(or: locpipe models install PATH.argosmodel)"
    )
    with pytest.raises(MissingModelError):
        packages.find_route("en", "de", models)
    assert packages.find_package("en", "fr", models) is not None
    assert packages.find_package("fr", "en", models) is None


def test_resolve_models_dir_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    assert packages.resolve_models_dir(tmp_path / "x") == tmp_path / "x"
    assert packages.resolve_models_dir() == tmp_path / "argos"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    root = Path(__file__).resolve().parent.parent
    assert packages.checkout_root() == root
    assert packages.resolve_models_dir() == root / "models"
    monkeypatch.setattr(packages, "checkout_root", lambda: None)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert packages.resolve_models_dir() == tmp_path / "data" / "argos-translate" / "packages"


def test_models_folder_that_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("")
    with pytest.raises(ModelError, match="the models folder is a file; pass a folder with --models-dir$"):
        packages.list_installed(path)


# ------------------------------------------------------------------ Argos's index (file:// URLs, offline)


def _local_index() -> Path:
    return Path(packages.argos_settings_for_index().local_package_index)


def test_unreachable_index_without_stored_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", (tmp_path / "nowhere").as_uri() + "/")
    _local_index().unlink(missing_ok=True)
    url = (tmp_path / "nowhere" / "index.json").as_uri()
    with pytest.raises(packages.IndexUnreachableError) as caught:
        packages.install_pair("en", "es", tmp_path / "m")
    assert str(caught.value) == (
        f"Argos's package index is unreachable ({url}: [Errno 2] No such file or directory: "
        f"'{tmp_path / 'nowhere' / 'index.json'}'). Offline, download the .argosmodel file on another "
        "machine and install it with: locpipe models install PATH.argosmodel"
    )
    assert not _local_index().exists()  # nothing seeded that would hide the next real fetch


def _serve_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pairs: list[tuple[str, str]]) -> Path:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    entries = []
    for a, b in pairs:
        meta = dict(METADATA, from_code=a, to_code=b, package_version="1.0")
        top = f"translate-{a}_{b}-1_0"
        zpath = build_zip(index_dir / f"{top}.argosmodel", package_entries(top, meta))
        entries.append(dict(meta, links=[zpath.as_uri()]))
    entries.append({"type": "sbd", "from_code": "en", "package_version": "1.0", "links": []})
    (index_dir / "index.json").write_text(json.dumps(entries))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index_dir.as_uri() + "/")
    return index_dir


def test_install_pair_from_index_direct_and_pivot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _serve_index(tmp_path, monkeypatch, [("en", "es"), ("es", "en"), ("en", "fr")])
    models = tmp_path / "models"
    available = packages.available_packages()
    assert [p.pair for p in available] == ["en→es", "en→fr", "es→en"]
    assert [p.name for p in packages.install_pair("en", "es", models)] == ["translate-en_es-1_0"]
    assert [p.pair for p in packages.install_pair("es", "fr", models)] == ["es→en", "en→fr"]
    assert [p.pair for p in packages.find_route("es", "fr", models)] == ["es→en", "en→fr"]
    assert sorted(p.name for p in models.iterdir()) == [
        "translate-en_es-1_0", "translate-en_fr-1_0", "translate-es_en-1_0",
    ]  # no download left behind
    with pytest.raises(ModelError) as caught:
        packages.install_pair("de", "ja", models)
    assert str(caught.value) == "Argos's index has no package for de→ja, directly or through en."


def test_stored_index_is_used_when_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _serve_index(tmp_path, monkeypatch, [("en", "es")])
    packages.available_packages()  # stores a copy
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", (tmp_path / "nowhere").as_uri() + "/")
    local, error = packages.refresh_index()
    assert local.is_file() and error is not None and "No such file or directory" in error
    assert [p.pair for p in packages.available_packages()] == ["en→es"]


def test_a_download_interrupted_by_ctrl_c_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _serve_index(tmp_path, monkeypatch, [("en", "es")])
    models = tmp_path / "models"

    def interrupted(src, dst, length=0):  # type: ignore[no-untyped-def]
        dst.write(src.read(10))
        raise KeyboardInterrupt

    monkeypatch.setattr(packages.shutil, "copyfileobj", interrupted)
    with pytest.raises(KeyboardInterrupt):
        packages.install_pair("en", "es", models)
    assert [p.name for p in models.iterdir()] == []
