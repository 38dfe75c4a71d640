"""Hostile files: read_document must neither hang, crash nor exhaust memory on them.

Each file of the hostile corpus (tests/hostile/make_corpus.py, generated once per
session and shared by the xdist workers) is read in its own process (forked from a server that imported the readers
once: tests/hostile/reader.py) with a hard timeout and an address-space cap, so a hang, a segfault or a memory blow-up fails one case instead of the
run. A case passes when the read returns text (with the expected substring and
without the forbidden ones) or raises exactly the expected JdmatchError
subclass with a one-line message that starts with the (escaped) file path.

Set JDMATCH_HOSTILE_REPORT=some.json to also write every outcome with timings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.make_corpus import Case, folder_cases, make_corpus, make_folder, plan_corpus
from tests.hostile.reader import read_in_child

pytestmark = pytest.mark.slow

TIMEOUT = 60.0  # seconds per read
MEMORY_CAP = 2 * 1024**3  # RLIMIT_AS of the reading process
ROOT = Path(__file__).resolve().parents[1]


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def read_in_subprocess(case: Case, engine: str = "pdfminer") -> dict[str, Any]:
    """Read ``case.path`` in a capped child process; return what happened (never raises)."""
    return read_in_child(
        os.fspath(case.path),
        engine,
        case.contains or "",
        list(case.absent),
        cap=MEMORY_CAP,
        timeout=TIMEOUT,
    )


def escaped(path: str) -> str:
    """The path as a one-line message shows it: control characters and undecodable bytes escaped."""
    if any(ch < " " or ch == "\x7f" or "\ud800" <= ch <= "\udfff" for ch in path):
        return path.encode("unicode_escape", "backslashreplace").decode("ascii")
    return path


def verdict(case: Case, r: dict[str, Any], engine: str = "pdfminer") -> str:
    """ "passed", or what went wrong in a few words."""
    if engine == "pdfium" and case.expect_pdfium:
        case = dataclasses.replace(case, expect=case.expect_pdfium)
    outcome = r["outcome"]
    if outcome == "timeout":
        return f"timed out (> {TIMEOUT:.0f} s)"
    if outcome == "signal":
        return f"crashed (signal {r['signal']})"
    if outcome == "no-result":
        return f"crashed (exit {r['returncode']}, no result): {r['stderr'][-200:]}"
    if outcome == "MemoryError":
        return "used too much memory (MemoryError escaped)"
    if outcome == "RecursionError":
        return "crashed (RecursionError escaped)"
    if (
        outcome == "raised"
        and "MemoryError" in r["message"]
        and case.expect != "text"
        and r["type"] != case.expect
    ):
        return f"used too much memory (wrapped as {r['type']}: {r['message']})"
    if case.expect == "text":
        if outcome != "text":
            return f"wrong error: raised {r['type']} instead of returning text: {r['message']}"
        if not r["contains"]:
            return f"text lacks {case.contains!r}; starts {r['head']!r}"
        if r["found_absent"]:
            return f"text contains forbidden {r['found_absent']!r}"
        return "passed"
    if outcome == "text":
        return f"wrong outcome: returned {r['length']:,} chars of text instead of raising {case.expect}; starts {r['head'][:60]!r}"
    if r["type"] != case.expect:
        return f"wrong error: raised {r['type']} instead of {case.expect}: {r['message']}"
    message = r["message"]
    if "\n" in message or "\r" in message:
        return f"message is not one line: {message!r}"
    prefix = escaped(os.fspath(case.path)) + ": "
    if not message.startswith(prefix):
        return f"message does not start with the escaped path {prefix!r}: {message!r}"
    return "passed"


# ------------------------------------------------------------------ fixtures and params

_PLAN = [case for case, _ in plan_corpus(Path("<corpus>"))]


def _have_pdfium() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


PARAMS = [pytest.param(c.name, "pdfminer", id=c.name) for c in _PLAN] + [
    pytest.param(
        c.name,
        "pdfium",
        id=f"{c.name}@pdfium",
        marks=pytest.mark.skipif(not _have_pdfium(), reason="pypdfium2 not installed"),
    )
    for c in _PLAN
    if c.pdf
]


def _shared_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    """The corpus, built once per session into a folder all xdist workers share, by all of them at once.

    Each worker walks the plan and claims a file by creating its claim folder (an atomic ``mkdir``); it
    writes what it claimed under a temporary name and renames it into place, then waits until the files the
    others claimed are there too. The folder's name carries a hash of the generator, so a changed generator
    never reuses an old build. With ``-n 0`` the one process writes every file.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, parent of every worker's own
    key = hashlib.sha256(Path(make_corpus.__code__.co_filename).read_bytes()).hexdigest()[:16]
    folder, claims = base / f"hostile-corpus-{key}", base / f"hostile-corpus-{key}.claims"
    folder.mkdir(exist_ok=True)
    claims.mkdir(exist_ok=True)
    plan = plan_corpus(folder)
    for index, (case, write) in enumerate(plan):
        try:
            (claims / str(index)).mkdir()
        except FileExistsError:
            continue  # another worker writes this one
        part = claims / f"{index}.part"
        write(part)
        os.rename(part, case.path)
    deadline = time.monotonic() + 300
    for case, _ in plan:
        while not os.path.lexists(case.path):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the worker that claimed {case.name} never wrote {case.path}")
            time.sleep(0.1)
    return [case for case, _ in plan]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """The hostile corpus, built once per session (the big files take ~10 s) and shared by the workers."""
    return {c.name: c for c in _shared_corpus(tmp_path_factory)}


@pytest.fixture(scope="session")
def outcomes() -> Any:
    """Collects every outcome; written to $JDMATCH_HOSTILE_REPORT at the end when set."""
    rows: list[dict[str, Any]] = []
    yield rows
    target = os.environ.get("JDMATCH_HOSTILE_REPORT")
    if target:
        Path(target).write_text(json.dumps(rows, indent=1, ensure_ascii=True), encoding="utf-8")


def _check(case: Case, engine: str, outcomes: list[dict[str, Any]]) -> None:
    r = read_in_subprocess(case, engine)
    v = verdict(case, r, engine)
    outcomes.append({"case": case.name, "engine": engine, "expect": case.expect, "verdict": v, **r})
    assert v == "passed", (
        f"{case.name} [{engine}] ({r.get('wall', 0):.1f} s, {r.get('maxrss_mib', 0):.0f} MiB): {v}"
    )


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize("name,engine", PARAMS)
def test_hostile_file(
    corpus: dict[str, Case], outcomes: list[dict[str, Any]], name: str, engine: str
) -> None:
    _check(corpus[name], engine, outcomes)


@pytest.fixture(scope="session")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("hostile-folder"))


def test_folder_layout(folder: Path) -> None:
    """The batch input folder really has the traps it claims to have."""
    assert (folder / "loop").is_symlink() and (folder / "loop").resolve() == folder.resolve()
    assert (folder / "dangling.pdf").is_symlink() and not (folder / "dangling.pdf").exists()
    outside = (folder / "outside.txt").resolve()
    assert outside.is_file() and folder.resolve() not in outside.parents
    assert (folder / "unreadable.txt").stat().st_mode & 0o777 == 0
    assert (folder / "sub dir" / "up").resolve() == folder.resolve()
    assert sum(1 for p in folder.iterdir() if p.is_file() and not p.is_symlink()) >= 6


@pytest.mark.parametrize(
    "index", range(4), ids=["symlink-loop", "dangling-symlink", "symlink-outside", "unreadable"]
)
def test_folder_entry(folder: Path, outcomes: list[dict[str, Any]], index: int) -> None:
    """Each trap read on its own: a folder, a missing file, a followed link, a chmod-000 file."""
    _check(folder_cases(folder)[index], "pdfminer", outcomes)


def test_batch_over_hostile_folder(folder: Path, tmp_path: Path) -> None:
    """`jdmatch batch` over the trap folder finishes, follows no symlink loop and never reads outside the folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "jdmatch", "batch", str(folder), "-o", str(out), "-w", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=150,
        preexec_fn=_limit_child,
        cwd=tmp_path,
    )
    assert proc.returncode >= 0, f"batch died from signal {-proc.returncode}"
    assert proc.returncode in (0, 3), proc.stderr[-800:]
    assert "Traceback" not in proc.stderr
    rows = [
        json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(rows), "an input was scored twice (a symlink loop followed?)"
    assert not [
        i for i in by_id if i.startswith(("loop/", "loop\\")) or "/up/" in i or i.startswith("up/")
    ], "followed a symlink loop"
    assert by_id.get("outside.txt", {}).get("status") != "ok", (
        "read the file outside the folder through a symlink"
    )
    assert by_id.get("good resume.txt", {}).get("status") == "ok"
    assert by_id.get("dangling.pdf", {}).get("status") != "ok"
