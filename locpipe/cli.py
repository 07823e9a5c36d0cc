"""The command line: a thin click group.

Commands live one per module in :mod:`locpipe.commands` and are imported only
when invoked (or listed by ``--help``), so ``locpipe --help`` stays instant:
no command module may import spaCy, CTranslate2, argostranslate or torch at
module level.

``LocpipeError`` becomes a message on stderr and its exit code here, and only
here; any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from . import __version__
from .errors import LocpipeError

#: command name -> "module:attribute" under locpipe.commands
COMMANDS: dict[str, str] = {
    "inspect": "inspect:inspect_cmd",
    "convert": "convert:convert_cmd",
    "detect": "detect:detect_cmd",
    "translate": "translate:translate_cmd",
    "models": "models:models_group",
    "review": "review:review_cmd",
    "apply": "apply:apply_cmd",
    "check": "check:check_cmd",
    "run": "run:run_cmd",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(f"locpipe.commands.{module_name}")
        except ModuleNotFoundError as err:
            if err.name == f"locpipe.commands.{module_name}":
                return None  # not written yet
            raise
        command: click.Command = getattr(module, attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="locpipe")
def cli() -> None:
    """Offline localization pipeline for subtitles and scripts.

    Parse, detect idioms/culture/humor/dialect, translate with Argos models,
    fit into cues, check and write review sheets.
    """


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM (``kill``, CI timeouts, container stops) unwinds like Ctrl-C instead of killing at once:
    temporary output files are removed and an open translation-memory transaction is rolled back."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def terminate(signum: int, frame: Any) -> None:
        click.echo("Terminated.", err=True)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, mapping LocpipeError to a message and exit code."""
    _exit_cleanly_on_sigterm()
    try:
        rv = cli.main(args=argv, prog_name="locpipe", standalone_mode=False)
        if isinstance(rv, int):
            sys.exit(rv)
        return rv
    except LocpipeError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
