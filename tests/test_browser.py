"""The HTML review sheet in a real browser: headless Chromium runs its script, filters, and takes a screenshot."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_review_writers import HOSTILE, build

from locpipe.review import write_reviews

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--virtual-time-budget=3000", *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def rows(dom: str) -> list[tuple[str, bool]]:
    """(data-key, hidden) of every sheet row in a dumped DOM."""
    out = []
    for m in re.finditer(r"<tr ([^>]*class=\"row\"[^>]*)>", dom):
        attrs = m.group(1)
        key = re.search(r'data-key="([^"]+)"', attrs)
        assert key is not None
        out.append((key.group(1), " hidden" in f" {attrs}"))
    return out


def test_filters_run_in_chromium(tmp_path: Path) -> None:
    write_reviews(build(), tmp_path, formats="html", langs=["es"])
    url = (tmp_path / "mini.review.html").resolve().as_uri()

    dom = chromium(tmp_path, "--dump-dom", url)
    assert 'data-ready="yes"' in dom  # the script ran under the page's CSP
    assert [hidden for _, hidden in rows(dom)] == [False] * 7
    assert "7 of 7 rows" in dom

    dom = chromium(tmp_path, "--dump-dom", url + "#kind=idiom,dialect")
    assert [key for key, hidden in rows(dom) if not hidden] == ["s0006@4"]
    assert "1 of 7 rows" in dom
    assert re.search(r'<input type="checkbox" name="kind" value="idiom"[^>]*>', dom)

    dom = chromium(tmp_path, "--dump-dom", url + "#q=TESCO")  # case-insensitive, over every column
    assert [key for key, hidden in rows(dom) if not hidden] == ["s0004@2"]

    dom = chromium(tmp_path, "--dump-dom", url + "#kind=culture&sev=info")
    assert [key for key, hidden in rows(dom) if not hidden] == ["s0002@0", "s0002@1", "s0004@2"]

    shot = tmp_path / "sheet.png"
    chromium(tmp_path, "--window-size=1400,1000", f"--screenshot={shot}", url + "#kind=culture")
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hostile_sheet_runs_nothing_but_its_own_script(tmp_path: Path) -> None:
    write_reviews(build(HOSTILE, flags=False), tmp_path, formats="html", langs=["es"])
    url = (tmp_path / "hostile.review.html").resolve().as_uri()
    dom = chromium(tmp_path, "--dump-dom", url)
    assert 'data-ready="yes"' in dom
    tags = re.findall(r"<([a-zA-Z][\w-]*)([^>]*)>", dom)  # in a serialised DOM, text never holds a raw "<"
    assert [name for name, _ in tags].count("script") == 1
    assert not [name for name, _ in tags if name.lower() in ("img", "iframe", "object", "embed", "svg")]
    assert not [attrs for _, attrs in tags if re.search(r"\son\w+\s*=", attrs)]
    assert "&lt;script&gt;alert('cue1')&lt;/script&gt; Run!" in dom
    assert "{{ 7*7 }}" in dom
    assert len(rows(dom)) == 13  # 12 cues; "-2+3 / - @SUM(A1:A9)" holds two speaker turns
