"""One test per attack: hostile model packages, XML, code execution, the HTML sheet, spreadsheet formulas.

Every attack goes through the real entry point where a user would meet it
(``locpipe models install``, ``locpipe inspect``, ``locpipe apply``) and must
end in a clear error (exit 2) with nothing written, or in harmless output.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from locpipe import formats
from locpipe.cli import main
from locpipe.errors import FormatError
from locpipe.mt import packages

ROOT = Path(__file__).resolve().parent.parent
SECRET = "TOP-SECRET-4f1c9"

METADATA = {"package_version": "1.0", "argos_version": "1.9", "from_code": "en", "from_name": "English",
            "to_code": "es", "to_name": "Spanish", "type": "translate"}
TOP = "translate-en_es-1_0"


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def entry(ctx: click.Context) -> None:
    main(list(ctx.args))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(entry, [str(a) for a in args], catch_exceptions=False)


def error_line(result: Result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = [ln for ln in result.output.splitlines() if ln.startswith("Error: ")]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


# -- model packages -------------------------------------------------------------------------------


def package(path: Path, extra: dict[str, bytes] | None = None, *, symlinks: dict[str, str] | None = None,
            raw: list[tuple[zipfile.ZipInfo, bytes]] | None = None) -> Path:
    entries = {f"{TOP}/metadata.json": json.dumps(METADATA).encode(), f"{TOP}/model/model.bin": b"\0" * 64,
               f"{TOP}/model/config.json": b"{}", f"{TOP}/sentencepiece.model": b"sp", **(extra or {})}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16
            zf.writestr(info, target)
        for info, data in raw or []:
            zf.writestr(info, data)
    return path


def refused_install(tmp_path: Path, pkg: Path) -> str:
    models = tmp_path / "models"
    line = error_line(run("models", "install", pkg, "--models-dir", models))
    assert not models.exists() or not any(models.iterdir()), "something was written before the check"
    assert not (tmp_path / "evil").exists() and not Path("/tmp/locpipe-evil-abs").exists()
    return line


def test_package_with_path_traversal_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.argosmodel", {f"{TOP}/../../evil/x.sh": b"echo pwned"})
    assert refused_install(tmp_path, pkg) == (
        f"Error: {pkg}: rejected: entry '{TOP}/../../evil/x.sh' escapes the package folder ('..')"
    )


def test_package_with_backslash_traversal_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.argosmodel", {f"{TOP}\\..\\..\\evil\\x.sh": b"echo pwned"})
    assert "escapes the package folder" in refused_install(tmp_path, pkg)


def test_package_with_absolute_path_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.argosmodel", {"/tmp/locpipe-evil-abs/x.sh": b"echo pwned"})
    assert refused_install(tmp_path, pkg) == (
        f"Error: {pkg}: rejected: entry '/tmp/locpipe-evil-abs/x.sh' is an absolute path"
    )


def test_package_with_windows_drive_path_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.argosmodel", {"C:/evil/x.bat": b"echo pwned"})
    assert refused_install(tmp_path, pkg).endswith("rejected: entry 'C:/evil/x.bat' is an absolute path")


def test_package_with_symlink_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.argosmodel", symlinks={f"{TOP}/model/link": "/etc/passwd"})
    assert refused_install(tmp_path, pkg) == f"Error: {pkg}: rejected: entry '{TOP}/model/link' is a symbolic link"


def test_package_with_device_file_is_refused(tmp_path: Path) -> None:
    info = zipfile.ZipInfo(f"{TOP}/model/fifo")
    info.external_attr = 0o010644 << 16  # a named pipe
    pkg = package(tmp_path / "p.argosmodel", raw=[(info, b"")])
    assert refused_install(tmp_path, pkg).endswith(f"entry '{TOP}/model/fifo' is not a regular file or folder")


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.argosmodel", {f"{TOP}/model/bomb.bin": b"\0" * (20 * 1024 * 1024)})
    line = refused_install(tmp_path, pkg)
    assert re.fullmatch(rf"Error: {re.escape(str(pkg))}: rejected: entry '{TOP}/model/bomb.bin' expands \d+ times "
                        rf"\(limit \d+; zip bomb\?\)", line), line


def test_zip_bomb_by_total_size_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", 1024 * 1024)
    random_bytes = bytes((i * 2654435761 >> 13) & 0xFF for i in range(700_000))  # incompressible-ish
    pkg = package(tmp_path / "p.argosmodel", {f"{TOP}/model/a.bin": random_bytes, f"{TOP}/model/b.bin": random_bytes})
    assert refused_install(tmp_path, pkg) == f"Error: {pkg}: rejected: uncompressed size over 0 GiB (zip bomb?)"


def test_package_entry_count_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_ENTRIES", 10)
    pkg = package(tmp_path / "p.argosmodel", {f"{TOP}/f{i}": b"" for i in range(20)})
    assert refused_install(tmp_path, pkg) == f"Error: {pkg}: rejected: 24 entries (limit 10)"


def _patch_zip(data: bytes, name: bytes, *, central: dict[int, bytes], local: dict[int, bytes]) -> bytes:
    """Overwrite header fields (offset → bytes) of entry ``name`` in the central directory and local header."""
    out = bytearray(data)
    for signature, fields, name_at in ((b"PK\x01\x02", central, 46), (b"PK\x03\x04", local, 30)):
        start = 0
        while (pos := out.find(signature, start)) != -1:
            if out[pos + name_at : pos + name_at + len(name)] == name:
                for offset, value in fields.items():
                    out[pos + offset : pos + offset + len(value)] = value
            start = pos + 4
    return bytes(out)


@pytest.mark.parametrize(
    ("central", "local", "message"),
    [
        ({8: (1).to_bytes(2, "little")}, {6: (1).to_bytes(2, "little")}, "rejected: entry '{name}' is encrypted"),
        ({10: (99).to_bytes(2, "little")}, {8: (99).to_bytes(2, "little")},
         "rejected: entry '{name}' uses an unsupported compression method (99)"),
        ({6: (211).to_bytes(2, "little")}, {}, "not an Argos package: not a readable zip archive (zip file version 21.1)"),
    ],
    ids=["encrypted", "unknown-compression", "future-version"],
)
def test_package_zip_that_cannot_be_extracted_is_refused(tmp_path: Path, central: dict, local: dict,
                                                        message: str) -> None:
    name = f"{TOP}/model/model.bin"
    plain = package(tmp_path / "plain.argosmodel")
    pkg = tmp_path / "p.argosmodel"
    pkg.write_bytes(_patch_zip(plain.read_bytes(), name.encode(), central=central, local=local))
    assert refused_install(tmp_path, pkg) == f"Error: {pkg}: " + message.format(name=name)


# -- XML: TTML (parse) and XLIFF (apply) ----------------------------------------------------------


def lol_doctype(root: str) -> str:
    """A DOCTYPE declaring the nine nested entities of a billion laughs (&lol9; = 10^9 "lol")."""
    doc = f"<!DOCTYPE {root} [\n<!ENTITY lol \"lol\">\n"
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        doc += f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">\n'
    return doc + "]>\n"


def billion_laughs(root_open: str, root_close: str) -> str:
    return '<?xml version="1.0"?>\n' + lol_doctype("lolz") + root_open + "&lol9;" + root_close + "\n"


TTML_OPEN = '<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="00:00:01.000" end="00:00:02.000">'
TTML_CLOSE = "</p></div></body></tt>"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_ttml_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lol.ttml"
    path.write_text(billion_laughs(TTML_OPEN, TTML_CLOSE), encoding="utf-8")
    assert error_line(run("inspect", path)) == (
        f"Error: {path}: refusing unsafe XML (EntitiesForbidden: entity declarations and external references are "
        "not allowed); subtitles need neither: remove the <!DOCTYPE ...> block"
    )


def test_ttml_external_entity_cannot_read_a_local_file(tmp_path: Path, secret_file: Path) -> None:
    path = tmp_path / "xxe.ttml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE tt [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>\n'
                    f"{TTML_OPEN}hello &xxe;{TTML_CLOSE}\n", encoding="utf-8")
    result = run("inspect", path)
    assert SECRET not in result.output
    assert "refusing unsafe XML" in error_line(result)
    with pytest.raises(FormatError, match="refusing unsafe XML"):
        formats.load(path)


def test_ttml_external_dtd_is_never_fetched(tmp_path: Path, secret_file: Path) -> None:
    path = tmp_path / "dtd.ttml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE tt SYSTEM "{secret_file.as_uri()}">\n'
                    f"{TTML_OPEN}hello{TTML_CLOSE}\n", encoding="utf-8")
    transcript = formats.load(path)
    assert [c.text for c in transcript.cues] == ["hello"]
    assert SECRET not in transcript.to_json()


def reviewed_xliff(tmp_path: Path) -> tuple[Path, str]:
    """A source SRT and the XLIFF locpipe review writes for it (text)."""
    from locpipe.model import Translation
    from locpipe.review import write_reviews
    from locpipe.stages.segment import segment

    src = tmp_path / "film.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:03,000\nWhere are you going?\n", encoding="utf-8")
    transcript = segment(formats.load(src))
    for seg in transcript.segments:
        seg.translations["es"] = Translation(lang="es", text="¿Adónde vas?")
    [xlf] = write_reviews(transcript, tmp_path / "review", formats=["xliff"], langs=["es"])
    return src, xlf.read_text(encoding="utf-8")


def test_xliff_billion_laughs_is_refused(tmp_path: Path) -> None:
    src, text = reviewed_xliff(tmp_path)
    decl, body = text.split("?>", 1)
    path = tmp_path / "film.es.xlf"
    path.write_text(decl + "?>\n" + lol_doctype("xliff") + body.replace("¿Adónde vas?</target>", "&lol9;</target>", 1),
                    encoding="utf-8")
    out = tmp_path / "out.srt"
    assert error_line(run("apply", path, "--source", src, "--out", out)) == (
        f"Error: {path}: refusing an unsafe XML construct (EntitiesForbidden); export the XLIFF again"
    )
    assert not out.exists()


def test_xliff_external_entity_cannot_read_a_local_file(tmp_path: Path, secret_file: Path) -> None:
    src, text = reviewed_xliff(tmp_path)
    decl, body = text.split("?>", 1)
    doctype = f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
    path = tmp_path / "film.es.xlf"
    path.write_text(decl + "?>\n" + doctype + body.replace("¿Adónde vas?</target>", "&xxe;</target>", 1),
                    encoding="utf-8")
    out = tmp_path / "out.srt"
    result = run("apply", path, "--source", src, "--out", out)
    assert SECRET not in result.output
    assert error_line(result) == (
        f"Error: {path}: refusing an unsafe XML construct (EntitiesForbidden); export the XLIFF again"
    )
    assert not out.exists()


def test_xlsx_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from locpipe.review import apply as apply_mod

    monkeypatch.setattr(apply_mod, "MAX_XLSX_UNCOMPRESSED", 1024 * 1024)
    src = tmp_path / "film.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:03,000\nHi.\n", encoding="utf-8")
    path = tmp_path / "film.es.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (4 * 1024 * 1024) + b"/>")
    assert error_line(run("apply", path, "--source", src)) == (
        f"Error: {path}: the workbook unpacks to 4 MB, more than a review sheet can hold (a zip bomb?); "
        "save it again from the sheet locpipe review wrote"
    )


# -- no code execution on input data --------------------------------------------------------------

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
FORBIDDEN_ATTRS = {("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"), ("os", "execl"),
                   ("os", "spawnl"), ("os", "spawnv"), ("os", "startfile"), ("yaml", "load"), ("torch", "load"),
                   ("pickle", "load"), ("pickle", "loads"), ("subprocess", "getoutput"),
                   ("subprocess", "getstatusoutput")}
#: the only module allowed to start a process: `check --baseline` asks git for an old revision.
SUBPROCESS_ALLOWED = {"locpipe/stages/diff.py": {"git"}}


def _violations(path: Path) -> list[str]:
    rel = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    found = []
    for node in ast.walk(tree):
        where = f"{rel}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                if name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(f"{where}: imports {name}")
                if name.split(".")[0] == "subprocess" and rel not in SUBPROCESS_ALLOWED:
                    found.append(f"{where}: imports subprocess")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
            found.append(f"{where}: calls {func.id}()")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if (func.value.id, func.attr) in FORBIDDEN_ATTRS:
                found.append(f"{where}: calls {func.value.id}.{func.attr}()")
            if func.value.id == "subprocess":
                first = node.args[0] if node.args else None
                allowed = SUBPROCESS_ALLOWED.get(rel, set())
                if not (isinstance(first, ast.List) and first.elts and isinstance(first.elts[0], ast.Constant)
                        and first.elts[0].value in allowed):
                    found.append(f"{where}: subprocess.{func.attr} without a fixed program in a list")
        for kw in node.keywords:
            if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                found.append(f"{where}: shell=")
    return found


def test_no_eval_exec_pickle_or_shell_in_locpipe() -> None:
    files = sorted((ROOT / "locpipe").rglob("*.py"))
    assert len(files) > 30
    violations = [v for f in files for v in _violations(f)]
    assert violations == []


def test_the_source_check_catches_what_it_forbids(tmp_path: Path) -> None:
    bad = ROOT / "locpipe" / "_security_probe_never_committed.py"
    bad.write_text("import pickle\nimport os, subprocess\neval(x)\nos.system(x)\n"
                   "subprocess.run(cmd, shell=True)\nsubprocess.run(['rm'])\n", encoding="utf-8")
    try:
        found = _violations(bad)
    finally:
        bad.unlink()
    assert [f.split(": ", 1)[1] for f in found] == [
        "imports pickle", "imports subprocess", "calls eval()", "calls os.system()",
        "subprocess.run without a fixed program in a list", "shell=", "subprocess.run without a fixed program in a list",
    ]


# -- the HTML sheet ---------------------------------------------------------------------------------

HOSTILE_LINES = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '" onmouseover="alert(3)',
    "<a href='javascript:alert(4)'>x</a>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    "{{ 7*7 }} {% raw %}",
    "<iframe src=//evil.example></iframe>",
]


def hostile_html(tmp_path: Path) -> str:
    from locpipe.review import write_reviews
    from locpipe.stages.segment import segment

    src = tmp_path / "<script>x<\\script>.srt"
    blocks = [f"{i + 1}\n00:00:{i + 1:02d},000 --> 00:00:{i + 1:02d},900\n{text}\n"
              for i, text in enumerate(HOSTILE_LINES)]
    src.write_text("\n".join(blocks), encoding="utf-8")
    transcript = segment(formats.load(src))
    [html] = write_reviews(transcript, tmp_path / "review", formats=["html"])
    return html.read_text(encoding="utf-8")


def test_html_csp_allows_only_its_own_inline_script(tmp_path: Path) -> None:
    html = hostile_html(tmp_path)
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1
    policy = dict((d.split()[0], d.split()[1:]) for d in (p.strip() for p in metas[0].split(";")) if d)
    assert policy["default-src"] == ["'none'"]
    [script_nonce] = policy["script-src"]
    assert re.fullmatch(r"'nonce-[A-Za-z0-9_-]{16,}'", script_nonce)
    assert policy["style-src"] == [script_nonce]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    assert set(policy) <= {"default-src", "script-src", "style-src", "img-src", "base-uri", "form-action"}
    assert policy.get("img-src", ["data:"]) == ["data:"]
    assert "unsafe" not in metas[0]
    nonce = script_nonce[len("'nonce-"):-1]
    scripts = re.findall(r"<script\b[^>]*>", html, re.I)
    assert scripts == [f'<script nonce="{nonce}">'], scripts


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_has_no_external_url_and_escapes_cue_text(tmp_path: Path) -> None:
    html = hostile_html(tmp_path)
    parser = _Tags()
    parser.feed(html)
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"img", "iframe", "link", "object", "embed", "base", "a", "frame", "video", "audio"}
    # the toolbar is a <form> for its keyboard handling; it goes nowhere (and CSP has form-action 'none')
    assert all(dict(attrs).get("action", "#") == "#" for tag, attrs in parser.tags if tag == "form")
    assert [tag for tag, _ in parser.tags].count("script") == 1
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)  # no inline event handlers
            assert not re.match(r"\s*(?:[a-z][a-z0-9+.-]*:)?//|\s*javascript:", value or "", re.I), (tag, name, value)
    assert not re.search(r"https?://|url\(\s*['\"]?//", html.split("<script", 1)[1].split("</script>", 1)[0])
    text = "".join(parser.text)
    for line in HOSTILE_LINES:
        assert line in text, line  # shown as text, never as markup
    assert "{{ 7*7 }}" in html  # data is never rendered as a template


# -- spreadsheet formula injection ------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1,2)", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1",
            "=cmd|' /C calc'!A0"]


def formula_transcript(tmp_path: Path):  # type: ignore[no-untyped-def]
    from locpipe.model import Cue, Transcript, Translation
    from locpipe.stages.segment import segment

    src = tmp_path / "film.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nx\n", encoding="utf-8")
    cues = [Cue(index=i, start=1000 * i, end=1000 * i + 900, raw=f"Line {i}.", text=f"Line {i}.", line=1 + 4 * i)
            for i in range(len(FORMULAS))]
    transcript = segment(Transcript(path=str(src), format="srt", language="en", cues=cues))
    for seg, formula in zip(transcript.segments, FORMULAS, strict=True):
        seg.translations["es"] = Translation(lang="es", text=formula, alternatives=[formula])
        seg.speaker = formula
    transcript.cues[0].speaker = FORMULAS[0]
    return transcript


def test_csv_cells_that_start_a_formula_are_neutralised(tmp_path: Path) -> None:
    from locpipe.review import write_reviews

    [path] = write_reviews(formula_transcript(tmp_path), tmp_path / "out", formats=["csv"], langs=["es"])
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    cells = [c for row in rows for c in row]
    dangerous = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert dangerous == []
    mt = rows[0].index("machine translation (es)")
    assert [r[mt] for r in rows[1:]] == ["'" + f.strip() for f in FORMULAS]  # the sheet trims MT text
    from locpipe.review.table import neutralise, unneutralise

    for value in FORMULAS:  # a cell keeping its tab or carriage return is neutralised too
        assert neutralise(value) == "'" + value and unneutralise(neutralise(value)) == value
    assert neutralise("Hello =x") == "Hello =x" and neutralise("'quoted") == "'quoted"


def test_xlsx_cells_that_start_a_formula_are_text_never_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from locpipe.review import write_reviews

    [path] = write_reviews(formula_transcript(tmp_path), tmp_path / "out", formats=["xlsx"], langs=["es"])
    with zipfile.ZipFile(path) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(b"<f>" not in zf.read(n) and b"<f " not in zf.read(n) for n in sheets)
    wb = load_workbook(path)
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.lstrip("'").startswith(tuple("=+-@\t\r")):
                    assert cell.data_type == "s", (cell.coordinate, cell.value, cell.data_type)
                    values.append(cell.value)
    assert any("HYPERLINK" in v for v in values)


def test_csv_formula_neutralisation_is_undone_on_apply(tmp_path: Path) -> None:
    """The ``'`` added against formulas never reaches the subtitles: a target ``-2+3`` comes back as written."""
    from locpipe.review.apply import apply_review

    src = tmp_path / "film.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:04,000\nTwo plus three.\n", encoding="utf-8")
    from locpipe.review import write_reviews
    from locpipe.stages.segment import segment

    transcript = segment(formats.load(src))
    from locpipe.model import Translation

    transcript.segments[0].translations["es"] = Translation(lang="es", text="-2+3")
    [path] = write_reviews(transcript, tmp_path / "out", formats=["csv"], langs=["es"])
    assert "\"'-2+3\"" in path.read_text(encoding="utf-8-sig")
    out = tmp_path / "film.es.srt"
    apply_review(path, source=src, out=out)
    assert out.read_text(encoding="utf-8").splitlines()[2] == "-2+3"
