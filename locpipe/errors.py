"""The LocpipeError tree.

Every error a user can cause (bad input, a missing model, a bad option) is a
``LocpipeError``. Each subclass builds its own message, keeps the offending
value as an attribute and, where possible, ends with how to fix it. The CLI
turns them into a message and exit code 2 in exactly one place
(:func:`locpipe.cli.main`); any other exception is a bug.
"""

from __future__ import annotations

from pathlib import Path


class LocpipeError(Exception):
    """Base class for every error locpipe reports to a user."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message


class InputError(LocpipeError):
    """A file could not be read or parsed."""


class EncodingError(InputError):
    """A file's bytes could not be decoded."""


class FormatError(InputError):
    """A file's format is unknown or its content is not valid for it."""


class MalformedInputError(InputError):
    """A block of a file could not be read (raised under ``--strict``)."""


class OutputError(LocpipeError):
    """An output could not be written (read-only folder, full disk, ...)."""


class UsageError(LocpipeError):
    """A bad option or combination of options."""


class ModelError(LocpipeError):
    """A translation or spaCy model is missing or invalid."""


class MissingModelError(ModelError):
    """No installed Argos package covers a language pair."""

    def __init__(self, from_code: str, to_code: str, *, models_dir: str | Path | None = None):
        self.from_code = from_code
        self.to_code = to_code
        where = f" in {models_dir}" if models_dir else ""
        super().__init__(
            f"No Argos model for {from_code}→{to_code} is installed{where}. "
            f"Install one with: locpipe models install {from_code} {to_code} "
            f"(or: locpipe models install PATH.argosmodel)"
        )


class PackageError(ModelError):
    """An Argos package file is invalid or unsafe."""


class LexiconError(LocpipeError):
    """A lexicon file is invalid."""


class ReviewImportError(InputError):
    """A reviewed file (XLIFF, XLSX, CSV) could not be applied."""
