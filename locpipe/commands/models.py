"""``locpipe models``: list, install and remove Argos translation packages."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError

MODELS_DIR_HELP = (
    "Folder of Argos packages (default: $ARGOS_PACKAGES_DIR, else models/ of a locpipe checkout, "
    "else Argos's own packages folder)."
)


def models_dir_option(func):  # type: ignore[no-untyped-def]
    """The ``--models-dir DIR`` option shared by every command that loads a model."""
    return click.option(
        "--models-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=MODELS_DIR_HELP,
    )(func)


@click.group("models")
def models_group() -> None:
    """List, install and remove Argos translation packages.

    \b
    locpipe models list
    locpipe models install en es                 # from Argos's index (online)
    locpipe models install translate-en_es.argosmodel
    locpipe models remove translate-en_es-1_0
    """


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]


@models_group.command("list")
@models_dir_option
@click.option("--no-index", is_flag=True, help="Do not contact Argos's package index.")
def list_cmd(models_dir: Path | None, no_index: bool) -> None:
    """Show installed packages and, when reachable, those of Argos's index."""
    from ..mt import packages

    folder = packages.resolve_models_dir(models_dir)
    installed = packages.list_installed(folder)
    click.echo(f"Models folder: {folder}")
    if installed:
        click.echo("Installed:")
        rows = [["NAME", "PAIR", "VERSION", "PATH"]]
        rows += [[p.name, p.pair, p.version, str(p.path)] for p in installed]
        for line in _table(rows):
            click.echo(line)
    else:
        click.echo(
            "Installed: none. Install one with: locpipe models install FROM TO "
            "(or: locpipe models install PATH.argosmodel)"
        )
    for broken in packages.list_broken(folder):
        click.echo(
            f"Skipped {broken.path}: {broken.reason}; remove it with: locpipe models remove {broken.path.name}"
        )
    if no_index:
        return
    local, error = packages.refresh_index()
    if not local.is_file():
        unreachable = packages.IndexUnreachableError(packages.index_url(), error or "no stored copy")
        click.echo(f"Available: {unreachable.message}")
        return
    available = packages.available_packages(refresh=False)
    where = f"Argos's index ({packages.index_url()})"
    if error is not None:
        where = f"Argos's stored index (offline: {error})"
    have = {(p.from_code, p.to_code, p.version) for p in installed}
    click.echo(f"Available from {where}:")
    if not available:
        click.echo("  none")
        return
    rows = [["PAIR", "VERSION", "LANGUAGES", ""]]
    for p in available:
        mark = "installed" if (p.from_code, p.to_code, p.version) in have else ""
        rows.append([p.pair, p.version, f"{p.from_name} → {p.to_name}", mark])
    for line in _table(rows):
        click.echo(line)


@models_group.command("install")
@click.argument("what", nargs=-1, required=True, metavar="FROM TO | PATH.argosmodel")
@models_dir_option
def install_cmd(what: tuple[str, ...], models_dir: Path | None) -> None:
    """Install a package: FROM TO from Argos's index (online), or a downloaded .argosmodel file."""
    from ..mt import packages

    folder = packages.resolve_models_dir(models_dir)
    if len(what) == 1:
        installed = [packages.install_file(what[0], folder)]
    elif len(what) == 2:
        installed = packages.install_pair(what[0], what[1], folder)
    else:
        raise UsageError(
            f"expected FROM TO or one PATH.argosmodel, got {len(what)} arguments; "
            "e.g. locpipe models install en es"
        )
    for p in installed:
        click.echo(f"Installed {p.name} ({p.pair}, version {p.version}) in {folder}")


@models_group.command("remove")
@click.argument("name")
@models_dir_option
def remove_cmd(name: str, models_dir: Path | None) -> None:
    """Remove an installed package by its NAME (see `locpipe models list`) or its pair (en-es)."""
    from ..mt import packages

    folder = packages.resolve_models_dir(models_dir)
    removed = packages.remove(name, folder)
    pair = f" ({removed.pair})" if isinstance(removed, packages.InstalledPackage) else ""
    click.echo(f"Removed {removed.path.name}{pair} from {folder}")
