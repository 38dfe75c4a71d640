"""The tools a contributor runs, run by the test suite itself: ruff, import-linter, mypy, and the
shape of the package (no import circle, no module over 500 lines). Configuration: pyproject.toml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "jdmatch"
BIN = Path(sys.executable).parent
MAX_LINES = 500


def _tool(name: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    exe = BIN / name
    if not exe.exists():
        pytest.fail(f"{name} is not installed beside this Python: pip install -e '.[test]'")
    return subprocess.run(
        [str(exe), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_ruff_finds_nothing_to_fix():
    done = _tool("ruff", "check", "--no-cache", "src", "tests", "benchmarks", "tools", "samples")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_code_is_formatted_by_ruff():
    done = _tool(
        "ruff", "format", "--no-cache", "--check", "src", "tests", "benchmarks", "tools", "samples"
    )
    assert done.returncode == 0, (
        "run `ruff format` on:\n" + done.stdout[-4000:] + done.stderr[-2000:]
    )


def test_layer_contracts_hold():
    done = _tool("lint-imports", "--no-cache")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


@pytest.mark.slow
def test_mypy_finds_no_error():
    # a cache would be thrown away with the run: not writing one saves ~0.6 s
    done = _tool("mypy", "--cache-dir", os.devnull, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def circles(package: str) -> list[list[str]]:
    """The import circles of ``package``: groups of modules that reach each other through imports
    (function-level imports included, ``if TYPE_CHECKING:`` ones not). A package's ``__init__``
    importing its submodules is no circle; a submodule importing its own package back would be."""
    import grimp

    graph = grimp.build_graph(package, exclude_type_checking_imports=True)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for m in edges:
        if m not in index:
            visit(m)
    return found


def test_no_import_circle():
    assert circles("jdmatch") == []


def test_the_circle_check_sees_a_circle(tmp_path, monkeypatch):
    """The check above can fail: two modules importing each other, one of them inside a function, are found."""
    pkg = tmp_path / "circlepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from circlepkg import b\n")
    (pkg / "b.py").write_text("from circlepkg import a\n")
    (pkg / "c.py").write_text("from circlepkg import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert circles("circlepkg") == [["circlepkg.a", "circlepkg.b"]]


def test_no_module_over_500_lines():
    long = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"
