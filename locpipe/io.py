"""File I/O at the edges: atomic writes and friendly read errors.

Outputs are written to a temporary file in the same folder and renamed over
the final name, so an interrupted run never leaves a partial file under its
final name. Inputs are never overwritten: :func:`atomic_write_bytes` refuses
to write to a path listed in ``protect``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import InputError, OutputError


def read_bytes(path: str | Path) -> bytes:
    """Read a whole input file, turning OS errors into an InputError naming it."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a folder, not a file", path=p)
        return p.read_bytes()
    except FileNotFoundError as err:
        raise InputError("no such file", path=p) from err
    except PermissionError as err:
        raise InputError("permission denied while reading", path=p) from err
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=p) from err


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


@contextlib.contextmanager
def atomic_open(
    path: str | Path, mode: str = "wb", *, protect: Iterable[str | Path] = (), encoding: str | None = None
) -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file beside ``path``; on success fsync and rename it over ``path``.

    On any exception (KeyboardInterrupt included) the temporary file is removed
    and ``path`` is left as it was.
    """
    target = Path(path)
    for other in protect:
        if _same_file(target, Path(other)):
            raise OutputError("refusing to overwrite an input file; choose another output", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(_os_reason(err), path=target) from err
    tmp = ""
    try:
        # the temporary name is known before the file exists, so a signal that lands between its
        # creation and the next statement (SIGTERM raises SystemExit anywhere) still removes it
        for _attempt in range(100):
            tmp = os.path.join(folder, f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
            try:
                fd = os.open(tmp, _TEMP_FLAGS, 0o600)
                break
            except FileExistsError:
                tmp = ""
        else:
            raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))
        _set_mode(fd, target)
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(_os_reason(err), path=target) from err
        raise


#: how :func:`atomic_open` creates its temporary file (what :func:`tempfile.mkstemp` uses)
_TEMP_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0))

_UMASK: list[int] = []


def _set_mode(fd: int, target: Path) -> None:
    """Give the temporary file (created 0600 by mkstemp) the mode the output should have: the mode of
    the file it replaces, else what the umask allows (0644 usually) — not private to its writer."""
    if not hasattr(os, "fchmod"):
        return
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        if not _UMASK:
            current = os.umask(0o022)  # read the umask (only possible by setting it) and put it back
            os.umask(current)
            _UMASK.append(current)
        mode = 0o666 & ~_UMASK[0]
    os.fchmod(fd, mode)


def atomic_write_bytes(path: str | Path, data: bytes, *, protect: Iterable[str | Path] = ()) -> None:
    with atomic_open(path, "wb", protect=protect) as fh:
        fh.write(data)


def atomic_write_text(
    path: str | Path, text: str, *, encoding: str = "utf-8", protect: Iterable[str | Path] = ()
) -> None:
    atomic_write_bytes(path, text.encode(encoding), protect=protect)


def _os_reason(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "cannot write: no space left on the device; free some space or choose another --out"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write: the folder is read-only or not yours; choose another --out"
    return f"cannot write: {err.strerror or err}"
