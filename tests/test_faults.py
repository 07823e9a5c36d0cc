"""Faults: interrupted runs, a full disk, a read-only output folder, two runs at once.

Contract: an interrupted ``locpipe translate``/``run`` (SIGINT, SIGTERM, SIGKILL)
never leaves a partial file under an output's final name (outputs are written
to a temporary file and renamed), Ctrl-C and SIGTERM leave no temporary file
either, the translation memory stays consistent (SQLite ``integrity_check``)
and the next run works; a full disk or a read-only output folder is an
OutputError naming the file (exit 2) with nothing partial; two runs on the
same output folder and translation memory at once both finish correctly.

The subprocess tests use the toy models of ``tests/data/models`` (skipped when
they are not built).
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, TESTDATA
from toy_models import toy_models_dir

from locpipe import formats, io
from locpipe.cli import main
from locpipe.errors import OutputError

SRT = "1\n00:00:01,000 --> 00:00:03,000\nWhere are you going?\n\n2\n00:00:04,000 --> 00:00:06,000\nHome.\n"


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


# -- atomic writes, in process --------------------------------------------------------------------


@pytest.mark.parametrize("fault", [KeyboardInterrupt, SystemExit, OSError(errno.EIO, "I/O error")])
def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, fault: BaseException) -> None:
    target = tmp_path / "film.es.srt"
    target.write_text("old complete file\n", encoding="utf-8")
    expected = fault if isinstance(fault, type) else OutputError
    with pytest.raises(expected), io.atomic_open(target, "wb") as fh:  # type: ignore[arg-type]
        fh.write(b"half of the new ")
        raise fault
    assert target.read_text(encoding="utf-8") == "old complete file\n"
    assert leftovers(tmp_path) == []


def test_a_signal_right_after_the_temporary_is_created_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM raises SystemExit between any two statements: also the instant after the temporary file
    exists and before its descriptor reaches the code that would clean it up (a flaky leftover once)."""
    real_open = os.open

    def open_then_signal(path: str, flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)
        if Path(path).parent != tmp_path:
            return fd
        raise SystemExit(143)  # the descriptor is lost, as it would be

    monkeypatch.setattr(io.os, "open", open_then_signal)
    with pytest.raises(SystemExit), io.atomic_open(tmp_path / "film.es.srt", "wb") as fh:
        fh.write(b"never")
    assert list(tmp_path.iterdir()) == []


def test_outputs_get_the_usual_permissions_not_private_ones(tmp_path: Path) -> None:
    """The temporary file is made 0600; an output gets what the umask allows, or the mode of the file it replaces."""
    old = os.umask(0o022)
    try:
        io.atomic_write_text(tmp_path / "new.srt", "x")
        assert (tmp_path / "new.srt").stat().st_mode & 0o777 == 0o644
        (tmp_path / "shared.srt").write_text("x")
        (tmp_path / "shared.srt").chmod(0o664)
        io.atomic_write_text(tmp_path / "shared.srt", "y")
        assert (tmp_path / "shared.srt").stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


# -- full disk and read-only folder ---------------------------------------------------------------


def _mount_tmpfs(folder: Path, options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _under(fd: int, folder: Path) -> bool:
    try:
        return os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder.resolve()))
    except OSError:
        return False


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A folder with almost no space: a 64 KiB tmpfs (as root), else ENOSPC injected at fsync."""
    folder = tmp_path / "full"
    if _mount_tmpfs(folder, "size=64k,mode=0755"):
        (folder / "filler").write_bytes(b"\0" * 56 * 1024)
        yield folder
        _umount(folder)
        return
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if _under(fd, folder):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    yield folder


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A read-only folder: a read-only tmpfs (root ignores permission bits), else chmod 0555 (non-root)."""
    folder = tmp_path / "ro"
    if _mount_tmpfs(folder, "ro,size=64k"):
        yield folder
        _umount(folder)
        return
    folder.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        real_open = os.open

        def open_ro(path, flags, mode=0o777):  # type: ignore[no-untyped-def]
            if flags & os.O_CREAT and Path(path).parent.resolve() == folder.resolve():
                raise OSError(errno.EROFS, "Read-only file system")
            return real_open(path, flags, mode)

        monkeypatch.setattr(io.os, "open", open_ro)
    else:
        folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def _src(tmp_path: Path) -> Path:
    src = tmp_path / "film.srt"
    src.write_text(SRT, encoding="utf-8")
    return src


def test_full_disk_is_a_clear_error_and_nothing_partial(tmp_path: Path, full_disk: Path) -> None:
    src = _src(tmp_path)
    big = tmp_path / "big.srt"
    big.write_text("".join(f"{i + 1}\n00:00:{i % 60:02d},000 --> 00:00:{i % 60:02d},500\nLine {i} "
                           + "x" * 60 + "\n\n" for i in range(600)), encoding="utf-8")
    out = full_disk / "big.vtt"
    result = run("convert", big, out)
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Error: {out}: cannot write: no space left on the device; free some space or choose another --out\n"
    )
    assert not out.exists() and leftovers(full_disk) == []
    # the review command the same way
    result = run("review", src, "--out", full_disk, "--format", "html")
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Error: {src}: {full_disk / 'film.review.html'}: cannot write: no space left on the device; "
        "free some space or choose another --out\n1 file failed; see the errors above.\n"
    )
    assert not (full_disk / "film.review.html").exists() and leftovers(full_disk) == []


def test_read_only_output_folder_is_a_clear_error(tmp_path: Path, read_only: Path) -> None:
    src = _src(tmp_path)
    out = read_only / "film.vtt"
    result = run("convert", src, out)
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Error: {out}: cannot write: the folder is read-only or not yours; choose another --out\n"
    )
    result = run("review", src, "--out", read_only, "--format", "html,json")
    assert result.exit_code == 2, result.output
    assert "cannot write: the folder is read-only or not yours; choose another --out" in result.output
    assert sorted(p.name for p in read_only.iterdir()) == []


def test_run_reports_a_full_disk_per_file_and_writes_nothing_partial(tmp_path: Path, full_disk: Path) -> None:
    src = _src(tmp_path)
    result = run("run", src, "--to", "es", "--no-translate", "--no-tm", "--out", full_disk, "--format", "html")
    assert result.exit_code == 1, result.output  # locpipe run: 1 when a file failed
    assert f"Error: {src}: {full_disk / 'film.review.html'}: cannot write: no space left on the device" in result.output
    assert not (full_disk / "film.review.html").exists() and leftovers(full_disk) == []


# -- interrupting a real process ------------------------------------------------------------------


def toy_inputs(folder: Path, files: int, cues: int, seed: int = 7) -> list[Path]:
    """Subtitle files in the toy model's vocabulary: every sentence distinct, so each one is translated."""
    words = list(json.loads((TESTDATA / "models" / "toy_lexicon.json").read_text(encoding="utf-8"))["words"])
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in range(files):
        blocks = []
        for k in range(cues):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 9))).capitalize() + "."
            t = k * 3000
            stamp = f"{t // 3600000:02d}:{t // 60000 % 60:02d}:{t // 1000 % 60:02d}"
            blocks.append(f"{k + 1}\n{stamp},000 --> {stamp},900\n{text}\n")
        path = folder / f"film{f}.srt"
        path.write_text("\n".join(blocks), encoding="utf-8")
        paths.append(path)
    return paths


def locpipe_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "locpipe", *(str(a) for a in args)]


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp / "xdg" / var.lower())
    env["PYTHONPATH"] = str(ROOT)
    return env


def tm_ok(path: Path) -> int:
    """integrity_check of the translation memory; returns its number of entries."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert tables, "the translation memory has no table"
        return sum(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)


def outputs_complete(out: Path, inputs: list[Path], lang: str) -> list[Path]:
    """Every output under its final name is whole: it parses and has as many cues as its source."""
    done = []
    for src in inputs:
        target = out / f"{src.stem}.{lang}{src.suffix}"
        if target.exists():
            assert len(formats.load(target).cues) == len(formats.load(src).cues), target
            done.append(target)
    for review in out.glob("*.locpipe.json"):
        json.loads(review.read_text(encoding="utf-8"))
    for html in out.glob("*.review.html"):
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>")
    return done


@pytest.fixture(scope="module")
def toy_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return toy_models_dir(tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_translate_loses_nothing(tmp_path: Path, toy_models: Path, sig: str) -> None:
    inputs = toy_inputs(tmp_path / "in", files=40, cues=20)
    out, tm = tmp_path / "out", tmp_path / "tm.sqlite"
    cmd = locpipe_cmd("translate", *inputs, "--to", "xa", "--from", "en", "--out", out, "--models-dir", toy_models,
                      "--tm", tm, "--beam", "1")
    # Ctrl-C as a terminal sends it: a shell without job control starts background jobs with SIGINT
    # ignored, and a child inherits that (the whole suite run as `bash .ci/run &` failed this way)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path),
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # translation is done for every file first, then the outputs are written one by one: strike in the
    # middle of the writing, as soon as the first output (or its temporary file) appears
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline and not (out.is_dir() and any(out.iterdir())):
        time.sleep(0.005)
    proc.send_signal(getattr(signal, sig))
    _, err = proc.communicate(timeout=300)
    expected = {"SIGINT": 130, "SIGTERM": 143, "SIGKILL": -signal.SIGKILL}[sig]
    assert proc.returncode == expected, (proc.returncode, err.decode()[-1000:])  # stopped before the end
    if sig == "SIGINT":
        assert err.decode().rstrip().endswith("Aborted."), err.decode()[-500:]
    if sig == "SIGTERM":
        assert err.decode().rstrip().endswith("Terminated."), err.decode()[-500:]
    assert "Traceback" not in err.decode()
    assert len(outputs_complete(out, inputs, "xa")) < len(inputs)  # it really stopped half-way
    if sig != "SIGKILL" and out.exists():
        assert leftovers(out) == []  # SIGKILL can leave a hidden .NAME.*.tmp, never a partial NAME
    if tm.exists():
        tm_ok(tm)
    # the next run works and finishes every file
    again = subprocess.run(cmd, capture_output=True, env=_env(tmp_path), timeout=300)
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    assert len(outputs_complete(out, inputs, "xa")) == len(inputs)
    assert tm_ok(tm) > 0


@pytest.mark.slow
def test_two_runs_on_one_output_folder_and_memory_at_once(tmp_path: Path, toy_models: Path) -> None:
    inputs = toy_inputs(tmp_path / "in", files=2, cues=30, seed=11)
    out, tm = tmp_path / "out", tmp_path / "tm.sqlite"
    cmd = locpipe_cmd("run", tmp_path / "in", "--to", "xa", "--from", "en", "--out", out, "--models-dir", toy_models,
                      "--tm", tm, "--format", "html,json")
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path))
             for _ in range(2)]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err.decode()[-2000:]
    assert len(outputs_complete(out, inputs, "xa")) == len(inputs)
    assert sorted(p.name for p in out.glob("*.review.html")) == [f"film{i}.review.html" for i in range(2)]
    assert leftovers(out) == []
    entries = tm_ok(tm)
    assert entries >= len({ln for p in inputs for ln in p.read_text(encoding="utf-8").splitlines()
                           if ln and ln[0].isalpha()}) // 2  # both runs' sentences are in the memory


def test_sigterm_handler_unwinds_like_ctrl_c(tmp_path: Path) -> None:
    """In process: after main() installed it, SIGTERM raises SystemExit(143) so finally blocks run."""
    src = _src(tmp_path)
    result = run("inspect", src)
    assert result.exit_code == 0
    cleaned = threading.Event()
    with pytest.raises(SystemExit) as info:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        finally:
            cleaned.set()
    assert info.value.code == 143 and cleaned.is_set()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
