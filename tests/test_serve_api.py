"""`jdmatch serve` on a live uvicorn server: the API, its errors, its limits and its guards."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.cli_support import run_cli
from tests.conftest import SAMPLES, make_pdf
from tests.serve_support import LiveServer, start_server, stop_server

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn", reason="needs the serve extra")

RESUME_PDF = SAMPLES / "resumes" / "senior-backend-java.pdf"
RESUME_TXT = SAMPLES / "resumes" / "nodejs-backend.txt"
POSTING_MD = SAMPLES / "postings" / "backend-senior-python.md"
POSTING_HTML = SAMPLES / "postings" / "backend-senior-java.html"


def _cli_json(cwd: Path, *args: str) -> object:
    """What ``jdmatch ARGS... `` prints in ``cwd``, read as JSON (the command line run in this process)."""
    out = run_cli(*args, cwd=cwd)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


# -- what the issue checks on a live server -----------------------------------------------------


def test_openapi_lists_the_routes_and_is_valid(live_server: LiveServer) -> None:
    from openapi_spec_validator import validate

    with live_server.client() as c:
        r = c.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    validate(spec)
    assert {
        "/v1/score",
        "/v1/match",
        "/v1/skills",
        "/v1/profiles",
        "/v1/version",
        "/healthz",
    } <= set(spec["paths"])
    score = spec["paths"]["/v1/score"]["post"]
    assert set(score["requestBody"]["content"]) == {"multipart/form-data", "application/json"}
    assert {"200", "400", "401", "413", "415", "422"} <= set(score["responses"])
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert spec["paths"]["/healthz"]["get"]["security"] == []


def test_page_is_self_contained_with_a_strict_csp(live_server: LiveServer) -> None:
    r = httpx.get(
        live_server.url + "/"
    )  # no token: the page holds no data and asks for the token itself
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    page = r.text
    assert re.search(r'<input id="resume"[^>]*type="file"', page)
    csp = r.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    # nothing is loaded from elsewhere: no absolute URL in any src/href, no @import, no external font
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page)
    assert "@import" not in page and "url(" not in page
    # the policy allows exactly the inline script and style the page carries
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for text in (script, style):
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "innerHTML" not in script  # results are built with textContent only


def test_token_is_needed_everywhere_but_healthz_and_the_page(live_server: LiveServer) -> None:
    anonymous = httpx.Client(base_url=live_server.url, timeout=60)
    assert anonymous.get("/healthz").json() == {"status": "ok"}
    for method, path in [
        ("GET", "/openapi.json"),
        ("GET", "/v1/profiles"),
        ("GET", "/v1/version"),
        ("POST", "/v1/score"),
        ("POST", "/v1/match"),
        ("POST", "/v1/skills"),
        ("GET", "/nowhere"),
    ]:
        for headers in [
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": f"Basic {live_server.token}"},
            {"Authorization": f"Bearer {live_server.token}x"},
        ]:
            r = anonymous.request(method, path, headers=headers, json={"text": "Java"})
            assert r.status_code == 401, (method, path, headers)
            assert r.json()["kind"] == "UnauthorizedError"
            assert r.headers["www-authenticate"].startswith("Bearer")
    anonymous.close()
    with live_server.client() as c:
        assert c.get("/v1/version").json()["api"] == "v1"


def test_text_resume_scores(live_server: LiveServer) -> None:
    with live_server.client() as c:
        r = c.post("/v1/score", json={"text": RESUME_TXT.read_text(encoding="utf-8")})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["source"] == "<text>" and data["profile"] == "backend-engineer"
    assert 0 < data["score"] <= 100
    assert "top_terms" not in data  # only with explain, as on the command line
    assert any(m["id"] == "nodejs" for m in data["matched"])


def test_pdf_upload_equals_cli_score_json(live_server: LiveServer) -> None:
    with live_server.client() as c:
        r = c.post(
            "/v1/score",
            files={"file": (RESUME_PDF.name, RESUME_PDF.read_bytes(), "application/pdf")},
        )
    assert r.status_code == 200, r.text
    assert r.json() == _cli_json(RESUME_PDF.parent, "score", RESUME_PDF.name, "--format", "json")


def test_json_text_equals_cli_on_the_same_file(live_server: LiveServer, tmp_path: Path) -> None:
    text = RESUME_TXT.read_text(encoding="utf-8")
    (tmp_path / "resume.md").write_text(text, encoding="utf-8")
    with live_server.client() as c:
        r = c.post("/v1/score", json={"text": text, "name": "resume.md", "explain": True})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["top_terms"]
    assert data == _cli_json(tmp_path, "score", "resume.md", "--format", "json", "--explain")


def test_match_two_files_equals_cli_match_json(live_server: LiveServer, tmp_path: Path) -> None:
    shutil.copy(RESUME_PDF, tmp_path / "resume.pdf")
    shutil.copy(POSTING_HTML, tmp_path / "posting.html")
    with live_server.client() as c:
        r = c.post(
            "/v1/match",
            files={
                "resume": ("resume.pdf", RESUME_PDF.read_bytes()),
                "posting": ("posting.html", POSTING_HTML.read_bytes()),
            },
        )
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["profile"] == "posting" and data["source"] == "resume.pdf"
    assert data == _cli_json(tmp_path, "match", "resume.pdf", "posting.html", "--format", "json")


def test_match_json_texts(live_server: LiveServer) -> None:
    with live_server.client() as c:
        r = c.post(
            "/v1/match",
            json={
                "resume": RESUME_TXT.read_text(encoding="utf-8"),
                "posting": POSTING_MD.read_text(encoding="utf-8"),
            },
        )
        missing = c.post("/v1/match", json={"resume": "Java developer"})
    assert r.status_code == 200, r.text
    assert r.json()["profile"] == "posting"
    assert missing.status_code == 400 and "'posting'" in missing.json()["error"]


def test_skills_equals_cli_skills_json(live_server: LiveServer) -> None:
    with live_server.client() as c:
        r = c.post("/v1/skills", files={"file": (POSTING_MD.name, POSTING_MD.read_bytes())})
    assert r.status_code == 200, r.text
    assert r.json() == _cli_json(POSTING_MD.parent, "skills", POSTING_MD.name, "--format", "json")


def test_profiles_and_profile_choice(live_server: LiveServer) -> None:
    with live_server.client() as c:
        profiles = c.get("/v1/profiles").json()
        assert "backend-engineer" in {p["id"] for p in profiles}
        ok = c.post(
            "/v1/score",
            data={"profile": "backend-engineer"},
            files={"file": ("r.txt", b"Python and Django developer")},
        )
        unknown = c.post("/v1/score", json={"text": "Python", "profile": "astronaut"})
        path = c.post(
            "/v1/score",
            json={
                "text": "Python",
                "profile": str(SAMPLES.parent / "lexicon" / "profiles" / "backend-engineer.toml"),
            },
        )
    assert ok.status_code == 200 and ok.json()["source"] == "r.txt"
    assert (
        unknown.status_code == 400
        and "astronaut" in unknown.json()["error"]
        and "backend-engineer" in unknown.json()["error"]
    )
    assert path.status_code == 400  # a client never names a file on the server


def test_corrupt_pdf_is_422_naming_the_file(live_server: LiveServer) -> None:
    broken = make_pdf([[(72, 72, "Senior Java developer")]])[:400]
    with live_server.client() as c:
        r = c.post("/v1/score", files={"file": ("broken.pdf", broken, "application/pdf")})
        empty = c.post("/v1/score", json={"text": "   "})
    assert r.status_code == 422
    assert r.json()["kind"] == "CorruptDocumentError" and r.json()["error"].startswith(
        "broken.pdf: "
    )
    assert empty.status_code == 422 and empty.json()["kind"] == "EmptyDocumentError"


def test_upload_of_22_mib_is_413(live_server: LiveServer) -> None:
    big = b"%PDF-1.4\n" + b"0" * (22 * 1024 * 1024)
    with live_server.client() as c:
        r = c.post("/v1/score", files={"file": ("big.pdf", big, "application/pdf")})
        after = c.post("/v1/score", json={"text": "Go developer, Kubernetes"})
    assert r.status_code == 413
    assert r.json()["kind"] == "DocumentTooLargeError" and "20 MiB" in r.json()["error"]
    assert after.status_code == 200  # the worker is fine


def _raw_request(server: LiveServer, head: str, body: bytes = b"", timeout: float = 30) -> bytes:
    """Send a request head and part of a body on a raw socket; return what the server answers meanwhile."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as s:
        s.sendall(head.encode("latin-1"))
        try:
            s.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def test_oversized_body_is_refused_while_it_streams(live_server: LiveServer) -> None:
    auth = f"Authorization: Bearer {live_server.token}\r\n"
    # declared too large: refused at once, before a byte of the body is sent
    answer = _raw_request(
        live_server,
        f"POST /v1/score HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\nContent-Length: {30 * 1024 * 1024}\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 413 ")
    # streamed (chunked, no length): refused once past the limit, while the body is still unfinished;
    # a server that buffered the whole body first would wait here for the rest forever
    chunk = b"x" * 65536
    body = (b"%x\r\n" % len(chunk) + chunk + b"\r\n") * (21 * 16 + 2)
    answer = _raw_request(
        live_server,
        f"POST /v1/score HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        body,
    )
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_media_types_and_missing_fields(live_server: LiveServer) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with live_server.client() as c:
        text_body = c.post("/v1/score", content=b"Java", headers={"content-type": "text/plain"})
        image = c.post("/v1/score", files={"file": ("photo.pdf", png)})
        no_file = c.post(
            "/v1/score", data={"profile": "backend-engineer"}, files={"other": ("x.txt", b"Java")}
        )
        text_not_file = c.post(
            "/v1/score", data={"file": "Java"}, files={"other": ("x.txt", b"Java")}
        )
        not_json = c.post(
            "/v1/score", content=b"{not json", headers={"content-type": "application/json"}
        )
        not_object = c.post("/v1/score", json=["Java"])
        typo = c.post("/v1/score", json={"text": "Java", "profle": "backend-engineer"})
        wrong_type = c.post("/v1/score", json={"text": 42})
        bad_flag = c.post("/v1/score", json={"text": "Java", "explain": "yes"})
        match_one = c.post("/v1/match", files={"resume": ("r.txt", b"Java developer")})
        wrong_method = c.get("/v1/score")
    assert text_body.status_code == 415 and text_body.json()["kind"] == "UnsupportedMediaTypeError"
    assert image.status_code == 415 and image.json()["kind"] == "UnsupportedFormatError"
    for r, word in [
        (no_file, "'file'"),
        (text_not_file, "'file'"),
        (not_json, "JSON"),
        (not_object, "object"),
        (typo, "profle"),
        (wrong_type, "string"),
        (bad_flag, "explain"),
        (match_one, "'posting'"),
    ]:
        assert r.status_code == 400, r.text
        assert r.json()["kind"] == "BadRequestError" and word in r.json()["error"]
    assert wrong_method.status_code == 405 and wrong_method.headers["allow"] == "POST"


def test_security_headers(live_server: LiveServer) -> None:
    with live_server.client() as c:
        r = c.get("/v1/version")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["x-frame-options"] == "DENY"
    assert "server" not in r.headers


def test_400_requests_from_16_clients_all_succeed(live_server: LiveServer) -> None:
    text = "Backend engineer: Java, Spring Boot, PostgreSQL, Kafka, Docker and Kubernetes on AWS. 6 years."

    def client(n: int) -> list[int]:
        with live_server.client() as c:
            return [c.post("/v1/score", json={"text": text}).status_code for _ in range(n)]

    with ThreadPoolExecutor(16) as pool:
        codes = [code for codes in pool.map(client, [25] * 16) for code in codes]
    assert len(codes) == 400 and set(codes) == {200}


def test_no_document_is_left_on_disk_or_in_the_log(live_server: LiveServer) -> None:
    from starlette.formparsers import MultiPartParser

    marker = "Zorblatt" + secrets.token_hex(6)
    # ~2 MB, so the upload is spooled to a temp file; the bulk is an HTML comment, which the
    # reader drops, so the server reads it and scores the few lines around it in a moment
    resume = (
        f"<html><body><h1>{marker} Quillfeather</h1>"
        "<p>Senior backend engineer. Java, Kafka, PostgreSQL.</p><!-- "
        + "Built services in Java. " * 80_000
        + "--></body></html>"
    )
    assert len(resume.encode()) > MultiPartParser.spool_max_size
    with live_server.client() as c:
        scored = c.post("/v1/score", files={"file": (f"{marker}.html", resume.encode())})
        assert scored.status_code == 200 and scored.json()["source"] == f"{marker}.html"
        assert any(m["id"] == "kafka" for m in scored.json()["matched"])  # the page was read
        assert (
            c.post("/v1/score", json={"text": resume, "name": f"{marker}.html"}).status_code == 200
        )
        assert (
            c.post(
                "/v1/match",
                files={"resume": ("r.html", resume.encode()), "posting": ("p.txt", b"")},
            ).status_code
            == 422
        )
    assert list(live_server.tmpdir.iterdir()) == []
    log = live_server.log_text()
    assert "POST /v1/score" in log  # the access log is on, and says only method, path and status
    assert marker not in log and "Quillfeather" not in log


# -- limits and setup -------------------------------------------------------------------------


def test_time_limit_gives_504_and_the_worker_goes_on(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--timeout", "0.2")
    try:
        long_text = (
            "Senior backend engineer with Java, Spring Boot, Kafka and PostgreSQL on AWS.\n"
            * 20_000
        )
        with server.client(timeout=120) as c:
            slow = c.post("/v1/score", json={"text": long_text})
            fast = c.post("/v1/score", json={"text": "Go developer"})
            health = c.get("/healthz")
    finally:
        stop_server(server)
    assert (
        slow.status_code == 504
        and slow.json()["kind"] == "TimeLimitError"
        and "0.2 s" in slow.json()["error"]
    )
    assert fast.status_code == 200
    assert health.json() == {"status": "ok"}


def test_memory_limit_gives_a_memory_error_not_a_crash() -> None:
    # the worker's address space is capped as batch caps its workers; a task that needs more
    # fails with MemoryLimitError (503), and the same worker runs the next task
    code = (
        "import asyncio\n"
        "from jdmatch.serve.work import MemoryLimitError, Worker, set_memory_limit\n"
        "assert set_memory_limit(512)\n"
        "w = Worker(timeout=30)\n"
        "async def main():\n"
        "    try:\n"
        "        await w.run(lambda: len(bytearray(1024 * 1024 * 1024)))\n"
        "    except MemoryLimitError as exc:\n"
        "        print('limited', exc.status)\n"
        "    print('next', await w.run(lambda: 6 * 7))\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["limited 503", "next 42"]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "example.org"])
def test_open_bind_without_token_is_refused(host: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "JDMATCH_TOKEN"}
    out = subprocess.run(
        [sys.executable, "-m", "jdmatch", "serve", "--host", host, "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert out.returncode == 1
    assert (
        "refusing to listen" in out.stderr
        and "--token" in out.stderr
        and "--insecure" in out.stderr
    )
    assert out.stderr.count("\n") == 1


def test_loopback_detection() -> None:
    from jdmatch.serve import ServeSetupError, check_bind, is_loopback

    assert all(is_loopback(h) for h in ["127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"])
    assert not any(is_loopback(h) for h in ["0.0.0.0", "::", "10.0.0.1", "example.org", ""])
    check_bind("0.0.0.0", "tok", False)
    check_bind("0.0.0.0", None, True)
    with pytest.raises(ServeSetupError):
        check_bind("::", None, False)


def test_help_does_not_import_the_server() -> None:
    code = (
        "import sys\nfrom jdmatch.cli import main\nfor args in (['--help'], ['serve', '--help']):\n    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'spacy', 'multipart') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "--token" in out.stdout and "JDMATCH_TOKEN" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_worker_renews_its_matchers_and_vocabulary() -> None:
    import asyncio

    from jdmatch.serve.work import Worker

    async def main() -> list[object]:
        worker = Worker(timeout=30, renew_every=3)
        seen = []
        for _ in range(4):
            seen.append(
                await worker.run(
                    lambda: (worker.matcher(), worker.matcher().recognizer.tokenizer.vocab)
                )
            )
        worker.close()
        return seen

    seen = asyncio.run(main())
    assert seen[0][0] is seen[1][0] is seen[2][0]  # one matcher for the first three documents
    assert (
        seen[3][0] is not seen[2][0] and seen[3][1] is not seen[2][1]
    )  # then a new one, with a new vocabulary


def test_worker_renews_when_its_vocabulary_grows(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    import jdmatch.batch.worker
    from jdmatch.serve.work import Worker

    monkeypatch.setattr(jdmatch.batch.worker, "RENEW_STRINGS", 50)
    fresh = " ".join(f"zq{chr(97 + i % 26)}{chr(97 + i // 26)}word" for i in range(60))

    async def main() -> list[object]:
        worker = Worker(timeout=30, renew_every=1000)
        seen = []
        # six texts alike first: all patterns are loaded after a few texts (their strings
        # are no growth), then sixty words the vocabulary has never met
        for text in ("Python and Go on Kubernetes.",) * 6 + (f"Python. {fresh}", "Go."):
            seen.append(
                await worker.run(lambda t=text: (worker.matcher(), worker.matcher().skills(t)))
            )
        worker.close()
        return [m for m, _ in seen]

    seen = asyncio.run(main())
    assert all(m is seen[0] for m in seen[:7])  # the same words again: nothing new to hold
    assert seen[7] is not seen[6]  # sixty new words: the next task starts on a fresh vocabulary
