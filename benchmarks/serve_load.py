"""Load on `jdmatch serve`: N concurrent clients on loopback, requests/s and latency of /v1/score.

    python benchmarks/serve_load.py [--workers 2] [--clients 16] [--requests 400] [--seconds 60]

Starts `jdmatch serve --workers W` on a free loopback port (with a token, as a
deployment would run it), warms every worker up, then for each case sends
``--requests`` requests from ``--clients`` concurrent keep-alive clients (httpx,
asyncio) and stops early after ``--seconds``: a text resume as JSON, and a PDF
resume as a multipart upload. Prints one Markdown table row per case. The clients
run on the same machine as the server and take some of its CPU; the load average
at the start is printed so that a busy machine shows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SAMPLES, table  # noqa: E402

TEXT_RESUME = SAMPLES / "resumes" / "nodejs-backend.txt"
PDF_RESUME = SAMPLES / "resumes" / "senior-backend-java.pdf"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workers: int, token: str) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jdmatch",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--token",
            token,
            "--no-access-log",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(
                f"jdmatch serve exited: {proc.stderr.read().decode(errors='replace')[-2000:]}"
            )
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("jdmatch serve did not start within 120 s")


async def load(
    url: str, token: str, case: str, clients: int, requests: int, seconds: float
) -> dict[str, object]:
    import httpx

    text = TEXT_RESUME.read_text(encoding="utf-8")
    pdf = PDF_RESUME.read_bytes()
    latencies: list[float] = []
    failed = 0
    issued = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60, limits=limits
    ) as client:

        async def one() -> None:
            nonlocal failed
            t0 = time.perf_counter()
            if case == "text":
                r = await client.post("/v1/score", json={"text": text})
            else:
                r = await client.post(
                    "/v1/score", files={"file": (PDF_RESUME.name, pdf, "application/pdf")}
                )
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                failed += 1

        # warm up: every worker process and connection once or twice
        await asyncio.gather(*(one() for _ in range(2 * clients)))
        latencies.clear()
        failed = 0
        started = time.perf_counter()
        stop = started + seconds

        async def worker() -> None:
            nonlocal issued
            while issued < requests and time.perf_counter() < stop:
                issued += 1
                await one()

        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(round(p * (len(latencies) - 1))))] * 1000  # noqa: E731
    return {
        "case": case,
        "requests": len(latencies),
        "failed": failed,
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50": q(0.50),
        "p99": q(0.99),
        "max": latencies[-1] * 1000,
        "mean": statistics.fmean(latencies) * 1000,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=400, help="requests per case (at most)")
    ap.add_argument("--seconds", type=float, default=60.0, help="stop a case after this long")
    ap.add_argument("--cases", nargs="+", default=["text", "pdf"], choices=["text", "pdf"])
    args = ap.parse_args()
    token = secrets.token_urlsafe(24)
    load1, load5, _ = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores, load average {load1:.1f} (1 min) / {load5:.1f} (5 min) at the start"
    )
    proc, url = start(args.workers, token)
    rows = []
    try:
        for case in args.cases:
            r = asyncio.run(load(url, token, case, args.clients, args.requests, args.seconds))
            rows.append(
                [
                    f"/v1/score, {'text resume (JSON)' if case == 'text' else 'PDF upload (multipart)'}",
                    args.workers,
                    args.clients,
                    r["requests"],
                    r["failed"],
                    f"{r['seconds']:.1f}",
                    f"{r['rps']:.1f}",
                    f"{r['p50']:.0f}",
                    f"{r['p99']:.0f}",
                    f"{r['max']:.0f}",
                ]
            )
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(
        table(
            [
                "request",
                "workers",
                "clients",
                "requests",
                "failed",
                "s",
                "requests/s",
                "p50 ms",
                "p99 ms",
                "max ms",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
