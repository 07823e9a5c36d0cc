"""`locpipe models list | install | remove` through the real entry point (errors included)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from locpipe.cli import main
from locpipe.mt import packages

MODELS = Path(__file__).resolve().parent / "data" / "models"
TOY_EN_XA = MODELS / "translate-en_xa-1_0.argosmodel"


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    """``locpipe`` exactly as the console script runs it (LocpipeError → message and exit code)."""
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def offline_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """No reachable index and no stored copy: the URL argostranslate would fetch."""
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", (tmp_path / "nowhere").as_uri() + "/")
    Path(packages.argos_settings_for_index().local_package_index).unlink(missing_ok=True)
    return (tmp_path / "nowhere" / "index.json").as_uri()


def unreachable(tmp_path: Path, url: str) -> str:
    return (
        f"Argos's package index is unreachable ({url}: [Errno 2] No such file or directory: "
        f"'{tmp_path / 'nowhere' / 'index.json'}'). Offline, download the .argosmodel file on another "
        "machine and install it with: locpipe models install PATH.argosmodel"
    )


def test_install_list_remove_the_toy_package(tmp_path: Path, offline_index: str) -> None:
    models = tmp_path / "models"
    result = run("models", "install", TOY_EN_XA, "--models-dir", models)
    assert result.exit_code == 0, result.output
    assert result.output == f"Installed translate-en_xa-1_0 (en→xa, version 1.0) in {models}\n"

    result = run("models", "list", "--models-dir", models, "--no-index")
    assert result.exit_code == 0
    path = models / "translate-en_xa-1_0"
    assert result.output == (
        f"Models folder: {models}\n"
        "Installed:\n"
        "  NAME                 PAIR   VERSION  PATH\n"
        f"  translate-en_xa-1_0  en→xa  1.0      {path}\n"
    )

    result = run("models", "list", "--models-dir", models)
    assert result.exit_code == 0
    assert result.output.endswith(f"Available: {unreachable(tmp_path, offline_index)}\n")

    result = run("models", "remove", "translate-en_xa-1_0", "--models-dir", models)
    assert result.exit_code == 0
    assert result.output == f"Removed translate-en_xa-1_0 (en→xa) from {models}\n"
    result = run("models", "list", "--models-dir", models, "--no-index")
    assert result.output == (
        f"Models folder: {models}\n"
        "Installed: none. Install one with: locpipe models install FROM TO "
        "(or: locpipe models install PATH.argosmodel)\n"
    )


def test_models_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    result = run("models", "install", TOY_EN_XA)
    assert result.exit_code == 0
    assert result.output == f"Installed translate-en_xa-1_0 (en→xa, version 1.0) in {tmp_path / 'argos'}\n"
    assert (tmp_path / "argos" / "translate-en_xa-1_0" / "model" / "model.bin").is_file()


def test_install_pair_offline_is_a_clear_error(tmp_path: Path, offline_index: str) -> None:
    result = run("models", "install", "en", "es", "--models-dir", tmp_path / "models")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {unreachable(tmp_path, offline_index)}\n"


def test_install_pair_from_an_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "index"
    index.mkdir()
    with zipfile.ZipFile(TOY_EN_XA) as zf:
        metadata = json.loads(zf.read("translate-en_xa-1_0/metadata.json"))
    (index / "index.json").write_text(json.dumps([dict(metadata, links=[TOY_EN_XA.as_uri()])]))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.as_uri() + "/")
    models = tmp_path / "models"
    result = run("models", "list", "--models-dir", models)
    assert result.exit_code == 0
    assert result.output == (
        f"Models folder: {models}\n"
        "Installed: none. Install one with: locpipe models install FROM TO "
        "(or: locpipe models install PATH.argosmodel)\n"
        f"Available from Argos's index ({(index / 'index.json').as_uri()}):\n"
        "  PAIR   VERSION  LANGUAGES\n"
        "  en→xa  1.0      English → Toy A\n"
    )
    result = run("models", "install", "en", "xa", "--models-dir", models)
    assert result.exit_code == 0, result.output
    assert result.output == f"Installed translate-en_xa-1_0 (en→xa, version 1.0) in {models}\n"
    result = run("models", "list", "--models-dir", models)
    assert result.output.endswith("  en→xa  1.0      English → Toy A  installed\n")


def test_rejected_package_exits_2_and_installs_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("pkg/metadata.json", "{}")
        zf.writestr("pkg/../../evil.sh", "echo pwned")
    models = tmp_path / "models"
    result = run("models", "install", bad, "--models-dir", models)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {bad}: rejected: entry 'pkg/../../evil.sh' escapes the package folder ('..')\n"
    )
    assert not models.exists()
    assert not (tmp_path / "evil.sh").exists()


def test_usage_errors(tmp_path: Path) -> None:
    result = run("models", "install", "a", "b", "c", "--models-dir", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: expected FROM TO or one PATH.argosmodel, got 3 arguments; e.g. locpipe models install en es\n"
    )
    result = run("models", "remove", "nothing", "--models-dir", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path}: no installed package named 'nothing' (installed: none); see: locpipe models list\n"
    )


def test_list_reports_a_broken_package_folder(tmp_path: Path) -> None:
    models = tmp_path / "models"
    (models / "translate-en_de-1_0" / "model").mkdir(parents=True)
    result = run("models", "list", "--models-dir", models, "--no-index")
    assert result.exit_code == 0
    broken = models / "translate-en_de-1_0"
    assert result.output.endswith(
        f"Skipped {broken}: no metadata.json; remove it with: locpipe models remove translate-en_de-1_0\n"
    )
    result = run("models", "remove", "translate-en_de-1_0", "--models-dir", models)
    assert result.output == f"Removed translate-en_de-1_0 from {models}\n"
    assert not broken.exists()


def test_models_command_imports_no_heavy_library() -> None:
    code = (
        "import sys, locpipe.cli, locpipe.commands.models\n"
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'spacy', 'torch') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n"
