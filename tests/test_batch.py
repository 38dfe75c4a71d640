"""jdmatch batch: inputs, outputs, parallel workers, failures, resume after SIGKILL, Dask."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from jdmatch import batch
from tests.cli_support import CliResult, run_cli
from tests.conftest import make_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def postings_jsonl(path: Path, n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "postings").glob("*.txt"))]
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            ids.append(f"job-{i}")
            fh.write(
                json.dumps(
                    {
                        "id": f"job-{i}",
                        "title": f"Posting {i}",
                        "description": texts[i % len(texts)],
                    }
                )
                + "\n"
            )
    return ids


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(batch.read_rows(path))


def cli(*args: str, input: str | None = None) -> CliResult:
    return run_cli("batch", *args, input=input)


def test_folder_to_csv_with_summary(tmp_path: Path) -> None:
    out = tmp_path / "ranked.csv"
    summary = tmp_path / "market.json"
    result = cli(
        str(SAMPLES / "postings"), "-o", str(out), "--summary", str(summary), "--workers", "2"
    )
    assert result.returncode == 0, result.stderr
    rows = rows_of(out)
    assert len(rows) == len(list((SAMPLES / "postings").iterdir()))
    assert all(r["status"] == "ok" for r in rows)
    assert list(rows[0]) == list(batch.COLUMNS)
    best = max(rows, key=lambda r: float(r["score"]))
    assert best["id"].startswith("backend-")
    assert "Top" in result.stdout and "0 failed" in result.stdout
    data = json.loads(summary.read_text())
    assert data["count"] == len(rows) and data["ok"] == len(rows)
    demanded = {s["id"]: s for s in data["most_demanded_skills"]}
    assert "python" in demanded and 0 < demanded["python"]["share"] <= 1
    assert data["most_missing_skills"] and data["score_distribution"]["max"] == pytest.approx(
        float(best["score"]), abs=0.01
    )
    assert not (tmp_path / "ranked.csv.part").exists()


def test_jsonl_from_stdin_and_columns(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = postings_jsonl(src, 12)
    out = tmp_path / "out.jsonl"
    result = cli(
        "-", "-o", str(out), "--workers", "1", "--text-column", "description", input=src.read_text()
    )
    assert result.returncode == 0, result.stderr
    rows = rows_of(out)
    assert [r["id"] for r in rows] == ids
    assert rows[0]["title"] == "Posting 0"


def test_csv_input_with_named_columns(tmp_path: Path) -> None:
    src = tmp_path / "jobs.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ref", "heading", "body"])
        w.writerow(
            ["A1", "Backend", "Java, Spring Boot, PostgreSQL,\nDocker and Kubernetes on AWS."]
        )
        w.writerow(["B2", "Nurse", "Registered nurse for the ICU, BLS and ACLS."])
    out = tmp_path / "out.csv"
    result = cli(
        str(src),
        "-o",
        str(out),
        "--text-column",
        "body",
        "--id-column",
        "ref",
        "--title-column",
        "heading",
        "--workers",
        "1",
    )
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in rows_of(out)}
    assert rows["A1"]["title"] == "Backend" and float(rows["A1"]["score"]) > float(
        rows["B2"]["score"]
    )
    bad = cli(str(src), "-o", str(tmp_path / "x.csv"), "--text-column", "nope")
    assert bad.returncode == 1 and "no column 'nope'" in bad.stderr


def test_broken_files_are_rows_not_crashes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Backend engineer: Java, Spring Boot, PostgreSQL and Kubernetes."
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cut.pdf").write_bytes(make_pdf([[(72, 72, "resume text")]])[:200])
    (folder / "locked.pdf").write_bytes(make_pdf([[(72, 72, "secret")]], encrypt="pw"))
    (folder / "photo.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "=cmd.txt").write_text('=HYPERLINK("http://x") Python developer')
    (folder / "ignored.exe").write_bytes(b"MZ")
    os.symlink("/etc/hostname", folder / "outside.txt")
    out = tmp_path / "out.csv"
    result = cli(str(folder), "-o", str(out), "--workers", "2")
    assert result.returncode == 3, result.stderr
    rows = {r["id"]: r for r in rows_of(out)}
    assert set(rows) == {
        "good.txt",
        "empty.txt",
        "cut.pdf",
        "locked.pdf",
        "photo.pdf",
        "=cmd.txt",
        "outside.txt",
    }
    assert rows["good.txt"]["status"] == "ok"
    for name, phrase in [
        ("empty.txt", "empty"),
        ("cut.pdf", "damaged"),
        ("locked.pdf", "password"),
        ("photo.pdf", "PNG"),
        ("outside.txt", "outside the input folder"),
    ]:
        assert rows[name]["status"] == "error" and phrase in rows[name]["error"], rows[name]
    raw = out.read_text()
    assert "\n=cmd.txt" not in raw and "'=cmd.txt" in raw, (
        "cells that would start a formula are neutralized"
    )
    assert "5 failed" in result.stdout


def test_existing_output_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("precious\n")
    result = cli(str(SAMPLES / "postings" / "chef.html"), "-o", str(out))
    assert result.returncode == 1 and "--resume" in result.stderr and "--force" in result.stderr
    assert out.read_text() == "precious\n"
    assert cli(str(SAMPLES / "postings" / "chef.html"), "-o", str(out), "--force").returncode == 0
    assert len(rows_of(out)) == 1


@pytest.mark.slow
def test_resume_after_sigkill_gives_exactly_one_row_per_input(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    n = 512  # sixteen chunks of 32: the kill lands after the first and long before the last
    ids = postings_jsonl(src, n)
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jdmatch",
            "batch",
            str(src),
            "-o",
            str(out),
            "--workers",
            "2",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.time() + 240
    while time.time() < deadline:
        if part.exists() and part.read_bytes().count(b"\n") >= 32:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: parent and workers
    proc.wait()
    written = part.read_bytes().count(b"\n")
    assert 0 < written < n, "killed half-way"
    with part.open("ab") as fh:
        fh.write(b'{"id": "job-torn", "sou')  # a torn last line, as a crash mid-write leaves
    result = cli(str(src), "-o", str(out), "--resume", "--workers", "2")
    assert result.returncode == 0, result.stderr
    got = [r["id"] for r in rows_of(out)]
    assert sorted(got) == sorted(ids) and len(got) == len(set(got)) == n
    said = " ".join(result.stdout.split())  # the summary line may wrap
    assert f"{n - written} scored" in said and f"{written} already done" in said
    again = cli(str(src), "-o", str(out), "--resume")
    assert again.returncode == 0 and len(rows_of(out)) == n


def test_time_limit_per_document(tmp_path: Path) -> None:
    # a real slow document: many pages of PDF for pdfminer, with a tiny limit
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(
        make_pdf(
            [[(72, 72 + 12 * i, f"line {i} with words to lay out " * 3) for i in range(50)]] * 60
        )
    )
    fast = tmp_path / "fast.txt"
    fast.write_text("Go and Kubernetes developer")
    out = tmp_path / "out.csv"
    # the PDF takes ~8 s to read here, the text a few ms
    result = cli(str(slow), str(fast), "-o", str(out), "--workers", "1", "--timeout", "1")
    assert result.returncode == 3
    rows = {Path(r["id"]).name: r for r in rows_of(out)}
    assert "limit" in rows["slow.pdf"]["error"] and rows["fast.txt"]["status"] == "ok"


def test_an_expiry_raised_where_it_is_lost_is_raised_again() -> None:
    """An expiry that lands in a gc callback or a ``__del__`` is only printed, and the document
    reads on: the alarm repeats until the limit is stopped, so the next one stops it."""
    from jdmatch.engine import DocumentTimeout, TimeLimit

    limit = TimeLimit(0.2)
    lost = 0
    began = time.monotonic()
    try:
        limit.start()
        with pytest.raises(DocumentTimeout):
            while time.monotonic() - began < 5:
                try:
                    while time.monotonic() - began < 5:
                        pass
                except DocumentTimeout:
                    if lost:
                        raise
                    lost += 1  # the first is lost, as in a gc callback
    finally:
        limit.stop()
    took = time.monotonic() - began
    assert lost == 1 and 0.3 < took < 2.0
    # once stopped, nothing more arrives
    time.sleep(0.6)


def test_library_runner(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = batch.run([str(SAMPLES / "resumes")], out, workers=1)
    assert summary.count == summary.ok == len(list((SAMPLES / "resumes").iterdir()))
    assert summary.best(1)[0][1].startswith("senior-backend-java")
    with pytest.raises(batch.BatchError, match="exists"):
        batch.run([str(SAMPLES / "resumes")], out)
    with pytest.raises(batch.BatchError, match=r"\.csv or \.jsonl"):
        batch.run([str(SAMPLES / "resumes")], tmp_path / "out.xlsx")


@pytest.mark.slow
def test_dask_local_cluster_same_rows(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    src = tmp_path / "in.jsonl"
    ids = postings_jsonl(src, 40)
    local = tmp_path / "local.csv"
    dask = tmp_path / "dask.csv"
    batch.run([str(src)], local, workers=1)
    summary = batch.run([str(src)], dask, engine="dask", workers=2)
    assert summary.ok == 40
    a = {r["id"]: r for r in rows_of(local)}
    b = {r["id"]: r for r in rows_of(dask)}
    assert set(b) == set(ids) and all(a[i]["score"] == b[i]["score"] for i in ids)
    # resume semantics are the runner's, whatever the engine
    summary = batch.run([str(src)], dask, engine="dask", workers=2, resume=True)
    assert summary.skipped == 40 and summary.count == 0


# -- workers die with their parent ----------------------------------------------------------------


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid``, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2 :].split()
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier and p not in found}
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2 :].split()[0] != "Z"


def _cpu_ticks(pid: int) -> int:
    """The processor time ``pid`` has used so far (user and system), in clock ticks; 0 once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat[stat.rfind(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])


def _assert_children_exit_with(proc: subprocess.Popen, ready: Any) -> None:
    deadline = time.time() + 240
    kids: set[int] = set()
    while time.time() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= 2 and ready():
            break
        time.sleep(0.05)
    assert len(kids) >= 2, "the workers never started"
    assert proc.poll() is None, "finished before it could be killed; give it more work"
    proc.send_signal(signal.SIGKILL)  # the parent only, as `kill -9 <pid>` does
    proc.wait()
    end = time.time() + 10
    while time.time() < end and any(_alive(k) for k in kids):
        time.sleep(0.05)
    left = [k for k in kids if _alive(k)]
    for k in left:  # do not leave them to the next test
        os.kill(k, signal.SIGKILL)
    assert not left, f"{len(left)} worker process(es) outlived their parent by 10 s"


@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process table from /proc"
)
def test_batch_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    postings_jsonl(src, 4000)
    part = tmp_path / "out.jsonl.part"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jdmatch",
            "batch",
            str(src),
            "-o",
            str(tmp_path / "out.jsonl"),
            "--workers",
            "2",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _assert_children_exit_with(proc, lambda: part.exists() and part.stat().st_size > 0)


@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process table from /proc"
)
def test_score_many_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    flag = tmp_path / "started"
    code = (
        "import time\n"
        "from jdmatch import Matcher\n"
        "def texts():\n"
        "    for i in range(4):\n"
        "        yield 'Backend engineer: Python, Go, PostgreSQL, Kubernetes. ' * 40 + str(i)\n"
        f"    open({str(flag)!r}, 'w').close()\n"
        "    time.sleep(600)  # the parent waits for more input; its idle workers wait for work\n"
        "for r in Matcher().score_many(texts(), n_process=2, chunksize=4):\n"
        "    pass\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

    seen: dict[str, float] = {}

    def idle() -> bool:  # the input is out, and the workers have scored it and sit waiting for work
        if not flag.exists():
            return False
        ticks = sum(_cpu_ticks(k) for k in _children(proc.pid))
        if seen.get("ticks") != ticks:  # still working (building their matchers, scoring)
            seen.update(ticks=ticks, since=time.time())
            return False
        return time.time() - seen["since"] >= 1.0  # no processor time used for a second

    _assert_children_exit_with(proc, idle)


# -- which stage failed, and the traceback in --log ---------------------------------------------------

SECRET = "Confidential-Candidate-Text-4711"


@pytest.mark.parametrize(
    "stage, target",
    [
        ("recognizing", "jdmatch.recognize.SkillRecognizer.analyze"),
        ("scoring", "jdmatch.scoring.FitScorer.score"),
    ],
)
def test_error_rows_name_the_stage_and_the_log_keeps_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, target: str
) -> None:
    import importlib

    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": f"Python and Go. {SECRET}"}) + "\n", encoding="utf-8"
    )
    out, log = tmp_path / "out.jsonl", tmp_path / "errors.log"
    batch.run([str(src)], out, workers=1)  # builds the worker's matcher before the fault is planted
    out.unlink()
    module, cls, name = target.rsplit(".", 2)
    klass = getattr(importlib.import_module(module), cls)

    real = getattr(klass, name)

    def broken(self, text_or_analysis, *args, **kwargs):  # type: ignore[no-untyped-def]
        if SECRET in getattr(text_or_analysis, "text", text_or_analysis):
            raise KeyError(
                f"{SECRET} in a bug's message"
            )  # a bug whose message carries document text
        return real(self, text_or_analysis, *args, **kwargs)

    monkeypatch.setattr(klass, name, broken)
    summary = batch.run([str(src)], out, workers=1, log=log)
    assert summary.failed == 1
    row = rows_of(out)[0]
    assert row["error"] == f"unexpected KeyError while {stage}; skipped"
    assert "_traceback" not in row
    text = log.read_text(encoding="utf-8")
    assert text.startswith("--- a (") and f"while {stage}" in text
    assert (
        "Traceback (most recent call last)" in text and "in broken" in text and "KeyError" in text
    )
    assert SECRET not in text  # frames and the type, never the message or the document


def test_batch_against_a_posting_file(tmp_path: Path) -> None:
    posting = SAMPLES / "postings" / "backend-senior-java.html"
    out = tmp_path / "ranked.csv"
    result = cli(str(SAMPLES / "resumes"), "-o", str(out), "--job", str(posting), "--workers", "2")
    assert result.returncode == 0, result.stderr
    rows = rows_of(out)
    assert rows and all(r["status"] == "ok" for r in rows)
    best = max(rows, key=lambda r: float(r["score"]))
    assert best["id"] == "senior-backend-java.pdf"
    missing = cli(
        str(SAMPLES / "resumes"),
        "-o",
        str(tmp_path / "x.csv"),
        "--job",
        str(tmp_path / "nope.html"),
    )
    assert (
        missing.returncode == 1
        and "nope.html" in missing.stderr
        and len(missing.stderr.splitlines()) == 1
    )
    assert not (tmp_path / "x.csv.part").exists()


def test_a_worker_renews_its_matcher_and_scores_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch.worker, "RENEW_EVERY", 2)
    worker = batch.BatchWorker()
    items = [
        batch.Item(
            id=f"t{i}", source="<test>", text=f"Python, Go and PostgreSQL on Kubernetes. {i}"
        )
        for i in range(2)
    ]
    first = worker.score_items(items)
    built = worker.matcher
    again = worker.score_items(items)  # two documents done: this chunk starts on a fresh matcher
    assert worker.matcher is not built and worker.done == 2
    assert again == first and all(r["status"] == "ok" for r in again)


def test_a_worker_renews_when_its_vocabulary_grows_not_for_texts_it_has_seen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch.worker, "RENEW_STRINGS", 50)
    worker = batch.BatchWorker()
    alike = [
        batch.Item(id=f"a{i}", source="<test>", text="Python, Go and PostgreSQL on Kubernetes.")
        for i in range(3)
    ]
    first = worker.score_items(alike)
    built = worker.matcher
    assert worker.score_items(alike) == first
    assert worker.matcher is built  # the same words again: nothing new to hold
    # sixty words it has never met: the next chunk starts on a fresh vocabulary
    fresh = " ".join(f"zq{chr(97 + i % 26)}{chr(97 + i // 26)}word" for i in range(60))
    worker.score_items([batch.Item(id="n", source="<test>", text=f"Python and Go. {fresh}")])
    assert worker.matcher is built
    again = worker.score_items(alike)
    assert worker.matcher is not built and worker.done == len(alike)
    assert again == first


def test_columns_are_found_whatever_their_case_and_cells_stay_plain_text(tmp_path: Path) -> None:
    # the id, title and text columns are picked case-blind from each row's own names; a cell's
    # line breaks become spaces, a lone surrogate "?", a formula start is neutralized, accents stay
    src = tmp_path / "in.jsonl"
    lines = [
        {"ID": "a1", "Job_Title": "Línea\r\nnueva", "Description": "Python and PostgreSQL."},
        {"Id": "b2", "TITLE": "=SUM(A1)", "Body": "Java and Kafka \ud800 daily."},
        {"uid": "c3", "Position": "x\ud800y", "TEXT": "Go services on AWS."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "out.csv"
    batch.run([str(src)], out, workers=1)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["a1", "b2", "c3"]
    assert [r["status"] for r in rows] == ["ok"] * 3
    assert [r["title"] for r in rows] == ["Línea nueva", "'=SUM(A1)", "x?y"]
