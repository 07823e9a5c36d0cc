"""Argos packages in a models folder: find, list, install (safely), remove, route.

The models folder (:func:`resolve_models_dir`), first match wins:

1. ``models_dir`` passed by the caller (``--models-dir DIR`` on the command line);
2. the ``ARGOS_PACKAGES_DIR`` environment variable (Argos's own setting);
3. ``models/`` of the locpipe checkout when locpipe runs from a source checkout (the folder that holds
   ``pyproject.toml`` and the ``locpipe`` package, as with ``pip install -e .``);
4. Argos's default, ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/...``), so an
   installed locpipe shares packages with ``argospm``.

A package is a folder of the models folder holding ``metadata.json``. Other folders (spaCy pipelines,
``bench/``, half-extracted temporary folders, whose names start with ``.``) are ignored; a folder
that looks like a package (``model/`` or a tokenizer) but whose ``metadata.json`` is missing or broken
is reported by :func:`list_broken` — argostranslate itself stops listing every package when it meets
one (see ``OFFLINE_ARGOS.md``).

``install_file`` checks the whole zip before writing anything (one top-level folder, no path escaping
it, no links, bounded size and compression ratio, ``metadata.json`` with the language codes and a
version, a CTranslate2 ``model/model.bin``, a SentencePiece or BPE model), extracts it into a
temporary folder inside the models folder and renames it into place, so a package is either fully
installed or not at all. Installing a package for a pair that already has one replaces it.

argostranslate reads its ``ARGOS_*`` settings once, when imported: :func:`argos_settings` re-points
the imported settings at the models folder, and :func:`prepare_argostranslate` also makes plain
``argostranslate.translate`` work offline with packages carrying a ``spacy/`` sentence splitter.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import InputError, LocpipeError, MissingModelError, ModelError, PackageError, UsageError

PIVOT = "en"
#: Limits on a package zip: real Argos packages are 50–400 MB uncompressed, compress at most ≈ 5:1
#: (model.bin barely compresses), and hold a few hundred files (stanza/spaCy data included).
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_ENTRIES = 20_000
MAX_RATIO = 100.0
#: below this size an entry's compression ratio is not checked (tiny text files compress a lot)
RATIO_MIN_BYTES = 1024**2
MAX_METADATA_BYTES = 1024**2
INDEX_TIMEOUT_S = 10.0
DOWNLOAD_TIMEOUT_S = 60.0
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"

_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_lock = threading.Lock()
#: bumped on every install or removal, so callers caching loaded models can tell they are stale
generation = 0


@dataclass(frozen=True)
class InstalledPackage:
    """An Argos translation package installed in a models folder.

    Attributes:
        name: the package's folder name (what ``locpipe models remove`` takes).
        from_code: source language code (``metadata.json`` ``from_code``).
        to_code: target language code.
        version: ``package_version`` from ``metadata.json``.
        path: the package folder.
        tokenizer: its ``sentencepiece.model`` or ``bpe.model``.
        model_dir: its CTranslate2 model folder (``model/``).
        target_prefix: a token to force at the start of each output ("" for most packages).
        from_name: source language name, e.g. "English".
        to_name: target language name.
    """

    name: str
    from_code: str
    to_code: str
    version: str
    path: Path
    tokenizer: Path
    model_dir: Path
    target_prefix: str = ""
    from_name: str = ""
    to_name: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    @property
    def package_id(self) -> str:
        """A stable key for caches (translation memory): pair and version."""
        return f"{self.from_code}-{self.to_code}@{self.version}"


@dataclass(frozen=True)
class BrokenPackage:
    """A folder of the models folder that looks like a package but cannot be read."""

    path: Path
    reason: str


@dataclass(frozen=True)
class AvailablePackage:
    """A package listed in Argos's index."""

    from_code: str
    to_code: str
    version: str
    from_name: str
    to_name: str
    links: tuple[str, ...]

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"


# --------------------------------------------------------------------------- models folder


def checkout_root() -> Path | None:
    """The locpipe source checkout this package runs from, or None for an installed locpipe."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "locpipe" / "__init__.py").is_file():
        return root
    return None


def resolve_models_dir(models_dir: str | Path | None = None) -> Path:
    """The models folder to use (see the module docstring for the rule); not created here."""
    if models_dir is not None and str(models_dir) != "":
        return Path(models_dir).expanduser()
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    root = checkout_root()
    if root is not None:
        return root / "models"
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "argos-translate" / "packages"


def _argos_modules() -> tuple[Any, Any]:
    """argostranslate's settings and package modules (imported on first use)."""
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings_module

    return argos_settings_module, argos_package


def argos_settings(models_dir: str | Path | None = None) -> Any:
    """Point argostranslate (imported now if needed) at ``models_dir``; returns its settings module.

    argostranslate reads ``ARGOS_PACKAGES_DIR`` once, at import; its module settings are re-pointed
    here instead (the environment is left alone), so this is safe to call repeatedly with different
    folders in one process: its package list and cached translators are dropped when the folder changes.
    """
    folder = resolve_models_dir(models_dir)
    settings, _ = _argos_modules()
    if settings.package_dirs != [folder] or settings.package_data_dir != folder:
        settings.package_data_dir = folder
        settings.package_dirs = [folder]
        _forget_argos_translators()
    return settings


def _sys_modules() -> dict[str, Any]:
    import sys

    return sys.modules


def _forget_argos_translators() -> None:
    """Drop argostranslate's cached languages and translators (it keeps the old ones otherwise)."""
    translate = _sys_modules().get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()
        translate.installed_translates.clear()


def prepare_argostranslate(models_dir: str | Path | None = None) -> Any:
    """``argostranslate.translate``, ready to translate offline with the packages of ``models_dir``.

    Argos's default sentence splitter downloads a model on first use; locpipe's test packages carry a
    blank spaCy pipeline (``spacy/``) instead, used with ``ARGOS_CHUNK_TYPE=SPACY``. Importing
    ``argostranslate.translate`` with that setting looks for a cached multilingual spaCy pipeline and
    tries to download it when absent; a blank one is seeded first so no download is attempted.
    Every folder of ``models_dir`` must be a package (argostranslate stops listing otherwise).
    """
    settings = argos_settings(models_dir)
    folder = resolve_models_dir(models_dir)
    broken = list_broken(folder) + [
        BrokenPackage(p, "not an Argos package (no metadata.json)") for p in _non_package_dirs(folder)
    ]
    if broken:
        first = broken[0]
        raise PackageError(
            f"argostranslate cannot list packages while this folder is in its packages folder: "
            f"{first.reason}; move it out of {folder}",
            path=first.path,
        )
    # before importing argostranslate.translate: with SPACY, importing it looks for the cached pipeline
    _seed_spacy_cache(Path(settings.cache_dir))
    settings.chunk_type = settings.ChunkType.SPACY
    from argostranslate import translate

    _forget_argos_translators()
    return translate


def _seed_spacy_cache(cache_dir: Path) -> None:
    marker = cache_dir / "spacy" / "senter" / "model"
    if marker.exists():
        return
    import spacy

    spacy.blank("xx").to_disk(cache_dir / "spacy")
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("blank multilingual pipeline seeded by locpipe (offline)\n", encoding="utf-8")


# --------------------------------------------------------------------------- listing


def _read_metadata(folder: Path) -> dict[str, Any]:
    path = folder / "metadata.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise PackageError("no metadata.json", path=folder) from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise PackageError(f"metadata.json is not valid JSON ({err})", path=folder) from err
    if not isinstance(data, dict):
        raise PackageError("metadata.json is not a JSON object", path=folder)
    return data


def _package_from_folder(folder: Path) -> InstalledPackage:
    """Read an installed package folder (raises PackageError when it is not a usable package)."""
    metadata = _read_metadata(folder)
    problem = _metadata_problem(metadata)
    if problem:
        raise PackageError(f"metadata.json {problem}", path=folder)
    tokenizer = folder / "sentencepiece.model"
    if not tokenizer.is_file():
        tokenizer = folder / "bpe.model"
    if not tokenizer.is_file():
        raise PackageError("no sentencepiece.model or bpe.model", path=folder)
    model_dir = folder / "model"
    if not (model_dir / "model.bin").is_file():
        raise PackageError("no model/model.bin", path=folder)
    return InstalledPackage(
        name=folder.name,
        from_code=str(metadata["from_code"]),
        to_code=str(metadata["to_code"]),
        version=str(metadata["package_version"]),
        path=folder,
        tokenizer=tokenizer,
        model_dir=model_dir,
        target_prefix=str(metadata.get("target_prefix") or ""),
        from_name=str(metadata.get("from_name") or ""),
        to_name=str(metadata.get("to_name") or ""),
    )


def _metadata_problem(metadata: dict[str, Any]) -> str | None:
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _CODE_RE.match(value):
            return f"has no valid {key!r}"
    version = metadata.get("package_version")
    if not isinstance(version, str | int | float) or str(version).strip() == "":
        return "has no 'package_version'"
    kind = metadata.get("type", "translate")
    if kind != "translate":
        return f"is for a {kind!r} package; only 'translate' packages are supported"
    prefix = metadata.get("target_prefix", "")
    if prefix is not None and not isinstance(prefix, str):
        return "has a 'target_prefix' that is not a string"
    return None


def _candidate_dirs(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return
    except NotADirectoryError as err:
        raise ModelError("the models folder is a file; pass a folder with --models-dir", path=folder) from err
    except OSError as err:
        raise ModelError(f"cannot read the models folder: {err.strerror or err}", path=folder) from err
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        yield entry


def _looks_like_package(folder: Path) -> bool:
    return any((folder / n).exists() for n in ("metadata.json", "model", "sentencepiece.model", "bpe.model"))


def _non_package_dirs(folder: Path) -> list[Path]:
    return [d for d in _candidate_dirs(folder) if not _looks_like_package(d)]


def list_installed(models_dir: str | Path | None = None) -> list[InstalledPackage]:
    """The usable packages of the models folder, sorted by pair then version (broken ones skipped)."""
    folder = resolve_models_dir(models_dir)
    found = []
    for entry in _candidate_dirs(folder):
        if not _looks_like_package(entry):
            continue
        with contextlib.suppress(PackageError):
            found.append(_package_from_folder(entry))
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.version), p.name))


def list_broken(models_dir: str | Path | None = None) -> list[BrokenPackage]:
    """Folders that look like packages (a model or tokenizer inside) but cannot be used."""
    folder = resolve_models_dir(models_dir)
    broken = []
    for entry in _candidate_dirs(folder):
        if not _looks_like_package(entry):
            continue
        try:
            _package_from_folder(entry)
        except PackageError as err:
            broken.append(BrokenPackage(entry, err.message))
    return broken


def _version_key(version: str) -> tuple[Any, ...]:
    parts: list[tuple[int, Any]] = []
    for piece in re.split(r"[._-]", version):
        parts.append((0, int(piece)) if piece.isdigit() else (1, piece))
    return tuple(parts)


def find_package(from_code: str, to_code: str, models_dir: str | Path | None = None) -> InstalledPackage | None:
    """The installed package for exactly this pair (the highest version when several), or None."""
    matches = [p for p in list_installed(models_dir) if p.from_code == from_code and p.to_code == to_code]
    return matches[-1] if matches else None


def split_routes(src: str, langs: list[str], models_dir: str | Path | None = None,
                 ) -> tuple[list[str], list[tuple[str, LocpipeError]]]:
    """(the languages of ``langs`` a text in ``src`` can be translated into, (language, why not) for the
    others): not into ``src`` itself, nor into a language no installed model reaches from it."""
    ready: list[str] = []
    problems: list[tuple[str, LocpipeError]] = []
    for lang in langs:
        try:
            if lang == src:
                raise UsageError(f"is already in {src}; leave it out or drop {src} from --to")
            find_route(src, lang, models_dir)
        except (UsageError, MissingModelError) as err:
            problems.append((lang, err))
            continue
        ready.append(lang)
    return ready, problems


def find_route(from_code: str, to_code: str, models_dir: str | Path | None = None) -> list[InstalledPackage]:
    """Packages to chain for ``from_code``→``to_code``: the direct one, else two via English.

    Raises MissingModelError (naming the install command) when neither exists.
    """
    installed = list_installed(models_dir)

    def best(a: str, b: str) -> InstalledPackage | None:
        matches = [p for p in installed if p.from_code == a and p.to_code == b]
        return matches[-1] if matches else None

    direct = best(from_code, to_code)
    if direct is not None:
        return [direct]
    if PIVOT not in (from_code, to_code):
        first, second = best(from_code, PIVOT), best(PIVOT, to_code)
        if first is not None and second is not None:
            return [first, second]
    raise MissingModelError(from_code, to_code, models_dir=resolve_models_dir(models_dir))


# --------------------------------------------------------------------------- checking a zip


@dataclass(frozen=True)
class _CheckedZip:
    top: str
    metadata: dict[str, Any]
    members: list[zipfile.ZipInfo]


#: compression methods the zipfile module can extract (others raise NotImplementedError mid-install).
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def _entry_problem(name: str) -> str | None:
    if "\x00" in name:
        return "contains a NUL byte"
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        return "is an absolute path"
    if ".." in PurePosixPath(normal).parts:
        return "escapes the package folder ('..')"
    return None


def check_package_zip(path: str | Path) -> _CheckedZip:
    """Validate an ``.argosmodel`` file without extracting it; raises PackageError naming the reason."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file; give the path of a downloaded .argosmodel file", path=path)
    if path.is_dir():
        raise InputError("is a folder, not an .argosmodel file", path=path)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        raise PackageError("not an Argos package: not a zip archive", path=path) from err
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from err
    except (NotImplementedError, ValueError, EOFError) as err:  # e.g. "zip file version 21.1"
        raise PackageError(f"not an Argos package: not a readable zip archive ({err})", path=path) from err
    with archive:
        members = archive.infolist()
        if not members:
            raise PackageError("not an Argos package: the zip is empty", path=path)
        if len(members) > MAX_ENTRIES:
            raise PackageError(f"rejected: {len(members)} entries (limit {MAX_ENTRIES})", path=path)
        seen: set[str] = set()
        tops: set[str] = set()
        total = 0
        for info in members:
            name = info.filename
            problem = _entry_problem(name)
            if problem:
                raise PackageError(f"rejected: entry {name!r} {problem}", path=path)
            if info.flag_bits & 0x1:
                raise PackageError(f"rejected: entry {name!r} is encrypted", path=path)
            if info.compress_type not in _COMPRESSIONS:
                raise PackageError(
                    f"rejected: entry {name!r} uses an unsupported compression method ({info.compress_type})",
                    path=path,
                )
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise PackageError(f"rejected: entry {name!r} is a symbolic link", path=path)
            if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)) and stat.S_IFMT(mode):
                raise PackageError(f"rejected: entry {name!r} is not a regular file or folder", path=path)
            key = name.rstrip("/")
            if key in seen:
                raise PackageError(f"rejected: entry {name!r} appears twice", path=path)
            seen.add(key)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if not parts:
                raise PackageError(f"rejected: entry {name!r} has an empty name", path=path)
            if len(parts) == 1 and not info.is_dir():
                raise PackageError(
                    f"not an Argos package: {name!r} is outside a top-level folder "
                    "(a package zip holds exactly one folder)",
                    path=path,
                )
            tops.add(parts[0])
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise PackageError(
                    f"rejected: uncompressed size over {MAX_TOTAL_BYTES // 1024**3} GiB (zip bomb?)", path=path
                )
            if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size / max(info.compress_size, 1)
                raise PackageError(
                    f"rejected: entry {name!r} expands {ratio:.0f} times (limit {MAX_RATIO:.0f}; zip bomb?)",
                    path=path,
                )
        if len(tops) != 1:
            shown = ", ".join(sorted(tops)[:5])
            raise PackageError(
                f"not an Argos package: {len(tops)} top-level folders ({shown}); a package zip holds exactly one",
                path=path,
            )
        top = tops.pop()
        if top in (".", "..") or top.startswith("."):
            raise PackageError(f"rejected: top-level folder {top!r} is not a valid name", path=path)
        names = {PurePosixPath(n.replace("\\", "/")).as_posix() for n in seen}
        meta_name = f"{top}/metadata.json"
        if meta_name not in names:
            raise PackageError(f"not an Argos package: no {meta_name}", path=path)
        meta_info = archive.getinfo(meta_name) if meta_name in archive.namelist() else None
        if meta_info is None or meta_info.file_size > MAX_METADATA_BYTES:
            raise PackageError(f"not an Argos package: {meta_name} is missing or too large", path=path)
        try:
            metadata = json.loads(archive.read(meta_info).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, zipfile.BadZipFile, EOFError, zlib.error) as err:
            raise PackageError(f"not an Argos package: {meta_name} is not valid JSON ({err})", path=path) from err
        if not isinstance(metadata, dict):
            raise PackageError(f"not an Argos package: {meta_name} is not a JSON object", path=path)
        problem = _metadata_problem(metadata)
        if problem:
            raise PackageError(f"not an Argos package: {meta_name} {problem}", path=path)
        if f"{top}/model/model.bin" not in names:
            raise PackageError(f"not an Argos package: no {top}/model/model.bin (CTranslate2 model)", path=path)
        if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
            raise PackageError(
                f"not an Argos package: no {top}/sentencepiece.model or {top}/bpe.model (tokenizer)", path=path
            )
        return _CheckedZip(top=top, metadata=metadata, members=members)


def _extract(archive: zipfile.ZipFile, checked: _CheckedZip, dest: Path, source: Path) -> None:
    """Extract the checked members under ``dest``, never writing more than each declared size."""
    root = dest.resolve()
    for info in checked.members:
        rel = PurePosixPath(info.filename.replace("\\", "/"))
        target = (dest / Path(*rel.parts)).resolve()
        if root != target and root not in target.parents:
            raise PackageError(f"rejected: entry {info.filename!r} escapes the package folder", path=source)
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with archive.open(info) as src, open(target, "xb") as out:
            while chunk := src.read(1024 * 1024):
                written += len(chunk)
                if written > info.file_size:
                    raise PackageError(
                        f"rejected: entry {info.filename!r} is larger than it declares (zip bomb?)", path=source
                    )
                out.write(chunk)


# --------------------------------------------------------------------------- install / remove


def install_file(path: str | Path, models_dir: str | Path | None = None) -> InstalledPackage:
    """Install an ``.argosmodel`` file into the models folder, checked first, atomically.

    A package already installed under the same folder name or for the same pair is replaced.
    """
    global generation
    source = Path(path)
    checked = check_package_zip(source)
    folder = resolve_models_dir(models_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ModelError(f"cannot create the models folder: {err.strerror or err}", path=folder) from err
    with _lock:
        try:
            staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=folder))
        except OSError as err:
            raise ModelError(f"cannot write to the models folder: {err.strerror or err}", path=folder) from err
        try:
            try:
                with zipfile.ZipFile(source) as archive:
                    _extract(archive, checked, staging, source)
            except (zipfile.BadZipFile, EOFError, zlib.error) as err:
                raise PackageError(f"the zip is damaged: {err}; download it again", path=source) from err
            except OSError as err:
                raise ModelError(f"cannot extract: {err.strerror or err}", path=folder) from err
            new = staging / checked.top
            package = _package_from_folder(new)
            final = folder / checked.top
            replaced = [
                p.path
                for p in list_installed(folder)
                if (p.from_code, p.to_code) == (package.from_code, package.to_code) and p.path != final
            ]
            if final.exists():
                replaced.append(final)
            # move what is replaced aside first, then the new package in: never a half-written package
            aside: list[tuple[Path, Path]] = []
            try:
                for old in replaced:
                    moved = staging / f"old-{len(aside)}"
                    os.replace(old, moved)
                    aside.append((old, moved))
                os.replace(new, final)
            except OSError as err:
                for old, moved in reversed(aside):  # put the previous packages back
                    with contextlib.suppress(OSError):
                        os.replace(moved, old)
                raise ModelError(f"cannot install: {err.strerror or err}", path=final) from err
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        generation += 1
    _forget_argos_translators()
    return _package_from_folder(final)


def remove(name: str, models_dir: str | Path | None = None) -> InstalledPackage | BrokenPackage:
    """Remove an installed package by folder name, or by pair (``en-es``, ``en_es``, ``en→es``)."""
    global generation
    folder = resolve_models_dir(models_dir)
    target: Path | None = None
    removed: InstalledPackage | BrokenPackage | None = None
    if name and "/" not in name and "\\" not in name and name not in (".", "..") and not name.startswith("."):
        candidate = folder / name
        if candidate.is_dir() and _looks_like_package(candidate):
            target = candidate
    if target is None:
        pair = re.split(r"\s*(?:→|->|-|_|\s)\s*", name.strip())
        if len(pair) == 2:
            match = find_package(pair[0], pair[1], folder)
            if match is not None:
                target = match.path
    if target is None:
        installed = ", ".join(p.name for p in list_installed(folder)) or "none"
        raise PackageError(
            f"no installed package named {name!r} (installed: {installed}); see: locpipe models list",
            path=folder,
        )
    try:
        removed = _package_from_folder(target)
    except PackageError as err:
        removed = BrokenPackage(target, err.message)
    with _lock:
        trash = Path(tempfile.mkdtemp(prefix=".removing-", dir=folder))
        try:
            os.replace(target, trash / target.name)
        finally:
            shutil.rmtree(trash, ignore_errors=True)
        generation += 1
    _forget_argos_translators()
    return removed


# --------------------------------------------------------------------------- Argos's index


def index_url() -> str:
    """Argos's package index URL (``ARGOS_PACKAGE_INDEX`` + ``index.json``, as argostranslate does)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    if not base.endswith("/"):
        base += "/"
    return base + "index.json"


class IndexUnreachableError(ModelError):
    """Argos's package index could not be fetched and no copy of it is stored."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(
            f"Argos's package index is unreachable ({url}: {reason}). Offline, download the "
            ".argosmodel file on another machine and install it with: locpipe models install PATH.argosmodel"
        )


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "locpipe"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read()
        return data


def _describe(err: BaseException) -> str:
    if isinstance(err, urllib.error.URLError) and not isinstance(err, urllib.error.HTTPError):
        return str(err.reason)
    return str(err) or type(err).__name__


def refresh_index(*, timeout: float = INDEX_TIMEOUT_S) -> tuple[Path, str | None]:
    """Fetch Argos's index into argostranslate's local copy; returns (local path, error or None).

    On failure the stored copy (if any) is kept; the error text says why the fetch failed.
    """
    settings = argos_settings_for_index()
    local = Path(settings.local_package_index)
    url = index_url()
    try:
        data = _fetch(url, timeout)
        parsed = json.loads(data.decode("utf-8"))
        if not isinstance(parsed, list):
            raise ValueError("the index is not a JSON list")
    except (OSError, ValueError, UnicodeDecodeError) as err:
        return local, _describe(err)
    from ..io import atomic_write_bytes

    atomic_write_bytes(local, data)
    return local, None


def argos_settings_for_index() -> Any:
    settings, _ = _argos_modules()
    return settings


def available_packages(*, refresh: bool = True, timeout: float = INDEX_TIMEOUT_S) -> list[AvailablePackage]:
    """Packages of Argos's index (fetched now when ``refresh``; else, or when offline, the stored copy).

    Raises IndexUnreachableError when the index cannot be fetched and no copy is stored — never
    lets argostranslate's ``get_available_packages`` recurse without an index.
    """
    settings, argos_package = _argos_modules()
    local = Path(settings.local_package_index)
    error: str | None = None
    if refresh:
        local, error = refresh_index(timeout=timeout)
    if not local.is_file():
        raise IndexUnreachableError(index_url(), error or "no stored copy of the index")
    try:
        entries = argos_package.get_available_packages()
    except (OSError, ValueError, TypeError, AttributeError) as err:
        raise PackageError(
            f"Argos's stored package index cannot be read ({err}); delete it and retry online", path=local
        ) from err
    found = []
    for entry in entries:
        if getattr(entry, "type", "translate") != "translate" or not entry.from_code or not entry.to_code:
            continue
        found.append(
            AvailablePackage(
                from_code=entry.from_code,
                to_code=entry.to_code,
                version=str(entry.package_version),
                from_name=entry.from_name or "",
                to_name=entry.to_name or "",
                links=tuple(entry.links or ()),
            )
        )
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.version)))


def _download(package: AvailablePackage, folder: Path, *, timeout: float) -> Path:
    if not package.links:
        raise PackageError(f"Argos's index lists no download link for {package.pair}")
    folder.mkdir(parents=True, exist_ok=True)
    errors = []
    for link in package.links:
        name = Path(urllib.parse.urlparse(link).path).name or f"{package.from_code}_{package.to_code}.argosmodel"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".download", dir=folder)
        try:
            request = urllib.request.Request(link, headers={"User-Agent": "locpipe"})
            with urllib.request.urlopen(request, timeout=timeout) as response, os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(response, out, 1024 * 1024)
            return Path(tmp)
        except OSError as err:
            errors.append(f"{link}: {_describe(err)}")
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        except BaseException:  # Ctrl-C or SIGTERM in the middle of a download: no half file left behind
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    raise ModelError(
        f"could not download {package.pair} ({'; '.join(errors)}). Offline, download the .argosmodel file "
        "on another machine and install it with: locpipe models install PATH.argosmodel"
    )


def install_pair(
    from_code: str, to_code: str, models_dir: str | Path | None = None, *, timeout: float = DOWNLOAD_TIMEOUT_S
) -> list[InstalledPackage]:
    """Download and install the package for a pair from Argos's index (two via English if needed)."""
    available = available_packages(refresh=True)

    def best(a: str, b: str) -> AvailablePackage | None:
        matches = [p for p in available if p.from_code == a and p.to_code == b]
        return matches[-1] if matches else None

    direct = best(from_code, to_code)
    wanted: list[AvailablePackage]
    if direct is not None:
        wanted = [direct]
    else:
        legs = [best(from_code, PIVOT), best(PIVOT, to_code)] if PIVOT not in (from_code, to_code) else []
        if not legs or any(leg is None for leg in legs):
            pairs = sorted({p.pair for p in available if from_code in (p.from_code, p.to_code)})
            hint = f" Pairs with {from_code!r}: {', '.join(pairs)}." if pairs else ""
            raise ModelError(
                f"Argos's index has no package for {from_code}→{to_code}, directly or through {PIVOT}.{hint}"
            )
        wanted = [leg for leg in legs if leg is not None]
    folder = resolve_models_dir(models_dir)
    installed = []
    for package in wanted:
        existing = find_package(package.from_code, package.to_code, folder)
        if existing is not None and _version_key(existing.version) >= _version_key(package.version):
            installed.append(existing)
            continue
        download = _download(package, folder, timeout=timeout)
        try:
            installed.append(install_file(download, folder))
        finally:
            with contextlib.suppress(OSError):
                download.unlink()
    return installed
