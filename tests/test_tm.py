"""Translation memory: lookups, review precedence, bad files, two processes writing at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from locpipe.errors import InputError, LocpipeError
from locpipe.mt.tm import TMEntry, TranslationMemory, open_tm

KEY = {"engine": "translate-en_xa@1.0", "options": "beam=4;maxlen=256", "source_lang": "en", "target_lang": "xa"}


def test_store_and_lookup(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store(**KEY, entries=[TMEntry("Hello.", "Salu.", 0.9, ["Sali."], [[0, 0]])])
        found = tm.lookup(**KEY, sources=["Hello.", "Bye.", "Hello."])
        assert list(found) == ["Hello."]
        entry = found["Hello."]
        assert (entry.target, entry.confidence, entry.alternatives, entry.alignment, entry.origin) == (
            "Salu.",
            0.9,
            ["Sali."],
            [[0, 0]],
            "mt",
        )
        assert (tm.hits, tm.misses) == (1, 1)
    # the options and the engine version are part of the key
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        assert tm.lookup(**{**KEY, "options": "beam=1;maxlen=256"}, sources=["Hello."]) == {}
        assert tm.lookup(**{**KEY, "engine": "translate-en_xa@1.1"}, sources=["Hello."]) == {}
        assert tm.lookup(**{**KEY, "target_lang": "xb"}, sources=["Hello."]) == {}
        assert tm.count() == 1


def test_upsert_replaces(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store(**KEY, entries=[TMEntry("Hi.", "One.")])
        tm.store(**KEY, entries=[TMEntry("Hi.", "Two.")])
        assert tm.lookup(**KEY, sources=["Hi."])["Hi."].target == "Two."
        assert tm.count() == 1


def test_review_wins_over_mt_for_any_engine(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store(**KEY, entries=[TMEntry("Hi.", "Machine.")])
        tm.store_review(source_lang="en", target_lang="xa", pairs=[("Hi.", "Human.")])
        for engine in ("translate-en_xa@1.0", "another@2"):
            entry = tm.lookup(**{**KEY, "engine": engine}, sources=["Hi."])["Hi."]
            assert (entry.target, entry.origin, entry.confidence) == ("Human.", "review", 1.0)


def test_many_sources_are_chunked(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store(**KEY, entries=[TMEntry(f"s{i}", f"t{i}") for i in range(1000)])
        found = tm.lookup(**KEY, sources=[f"s{i}" for i in range(1200)])
        assert len(found) == 1000 and found["s999"].target == "t999"
        assert (tm.hits, tm.misses) == (1000, 200)


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError) as err:
        TranslationMemory(bad)
    assert str(err.value).startswith(f"{bad}: not a usable translation memory (")
    assert str(err.value).endswith("move it away, choose another --tm PATH or use --no-tm")


def test_open_tm_options(tmp_path: Path) -> None:
    assert open_tm(False) is None
    tm = open_tm(tmp_path / "x.sqlite")
    assert isinstance(tm, TranslationMemory) and tm.path == tmp_path / "x.sqlite"
    assert open_tm(tm) is tm
    tm.close()


def test_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LocpipeError) as err:
        TranslationMemory(blocker / "tm.sqlite")
    assert "choose another --tm PATH or use --no-tm" in str(err.value)


WRITER = textwrap.dedent(
    """
    import sys
    from locpipe.mt.tm import TMEntry, TranslationMemory
    path, tag = sys.argv[1], sys.argv[2]
    key = dict(engine="e@1", options="o", source_lang="en", target_lang="xa")
    with TranslationMemory(path) as tm:
        for i in range(150):
            tm.store(**key, entries=[TMEntry(f"{tag}-{i}", f"t-{tag}-{i}"), TMEntry("shared", tag)])
            tm.lookup(**key, sources=[f"{tag}-{i}", "shared"])
    print("ok")
    """
)


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()  # create the schema first, as a run would
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for tag in ("a", "b")
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.strip() == "ok"
    with TranslationMemory(path) as tm:
        assert tm.count() == 301
        found = tm.lookup(engine="e@1", options="o", source_lang="en", target_lang="xa", sources=["a-149", "b-0", "shared"])
        assert found["a-149"].target == "t-a-149" and found["b-0"].target == "t-b-0"
        assert found["shared"].target in ("a", "b")


def test_two_processes_create_at_once(tmp_path: Path) -> None:
    """Two runs starting on a memory that does not exist yet both create and use it."""
    path = tmp_path / "new" / "tm.sqlite"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for tag in ("a", "b")
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with TranslationMemory(path) as tm:
        assert tm.count() == 301
