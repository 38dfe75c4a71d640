"""A live ``jdmatch serve`` for the tests: a real uvicorn process on a free loopback port."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest


@dataclass
class LiveServer:
    """A running server: its base URL, token, log file and the temp folder it was given."""

    url: str
    port: int
    token: str | None
    log: Path
    tmpdir: Path
    process: subprocess.Popen = field(repr=False)

    def headers(self, **extra: str) -> dict[str, str]:
        auth = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**auth, **extra}

    def client(self, **kwargs: Any) -> Any:
        import httpx

        return httpx.Client(
            base_url=self.url, headers=self.headers(), timeout=kwargs.pop("timeout", 60), **kwargs
        )

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    folder: Path, *args: str, token: str | None = None, wait: float = 120.0
) -> LiveServer:
    """Start ``python -m jdmatch serve`` on a free loopback port and wait until /healthz answers."""
    import httpx

    folder.mkdir(parents=True, exist_ok=True)
    tmpdir = folder / "tmp"
    tmpdir.mkdir(exist_ok=True)
    log = folder / "server.log"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "JDMATCH_TOKEN"}
    env["TMPDIR"] = str(tmpdir)
    cmd = [
        sys.executable,
        "-m",
        "jdmatch",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *args,
    ]
    if token:
        cmd += ["--token", token]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
    server = LiveServer(f"http://127.0.0.1:{port}", port, token, log, tmpdir, proc)
    deadline = time.monotonic() + wait
    with httpx.Client(
        base_url=server.url, timeout=2
    ) as probe:  # one client: a new one costs ~0.1 s
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"jdmatch serve exited with {proc.returncode}: {server.log_text()[-2000:]}"
                )
            try:
                if probe.get("/healthz").status_code == 200:
                    return server
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
    stop_server(server)
    raise RuntimeError(
        f"jdmatch serve did not answer /healthz within {wait:.0f} s: {server.log_text()[-2000:]}"
    )


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=15)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the whole session, with a token, 2 worker processes and the default limits."""
    pytest.importorskip("uvicorn", reason="needs the serve extra")
    server = start_server(
        tmp_path_factory.mktemp("serve"), "--workers", "2", token="t-" + secrets.token_urlsafe(16)
    )
    try:
        yield server
    finally:
        stop_server(server)
