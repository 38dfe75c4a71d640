"""``jdmatch serve``: a local web page for people and a JSON API for systems.

:func:`run` starts uvicorn with ``N`` worker processes, each of which builds the
app with :func:`jdmatch.serve.app.create_app` and loads the matcher once. The
settings travel to the workers in the environment (the token in
``JDMATCH_TOKEN``, the rest in ``JDMATCH_SERVE_CONFIG``). Needs the ``serve``
extra (``pip install 'jdmatch[serve]'``).
"""

from __future__ import annotations

import ipaddress
import json
import os

from jdmatch.errors import JdmatchError, MissingDependencyError

__all__ = ["run", "is_loopback", "check_bind", "ServeSetupError"]


class ServeSetupError(JdmatchError):
    """The server cannot start as asked (an open bind without a token, a missing extra...)."""


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower()
    if name in {"localhost", "localhost.", "ip6-localhost"}:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, insecure: bool) -> None:
    """Refuse to listen beyond this machine without a token, unless told ``insecure``."""
    if not is_loopback(host) and not token and not insecure:
        raise ServeSetupError(
            f"refusing to listen on {host} without a token: anyone who can reach it could use the API; "
            "give --token (or JDMATCH_TOKEN), or --insecure if a proxy in front checks access"
        )


def run(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    token: str | None = None,
    insecure: bool = False,
    max_bytes: int | None = None,
    timeout: float = 60.0,
    memory_mb: int | None = 2048,
    pdf_engine: str = "pdfminer",
    access_log: bool = True,
    log_level: str = "info",
) -> None:
    """Serve until interrupted (blocks)."""
    check_bind(host, token, insecure)
    try:
        import multipart  # noqa: F401  (python-multipart)
        import starlette  # noqa: F401
        import uvicorn
    except ImportError as exc:
        raise MissingDependencyError(
            f"`jdmatch serve` needs the serve extra ({exc.name} is missing): pip install 'jdmatch[serve]'"
        ) from None
    from jdmatch.extract import DEFAULT_MAX_BYTES
    from jdmatch.serve.common import CONFIG_ENV, TOKEN_ENV, ServeConfig

    config = ServeConfig(
        token=token,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        timeout=timeout,
        memory_mb=memory_mb,
        pdf_engine=pdf_engine,
    )
    os.environ[CONFIG_ENV] = json.dumps(config.to_dict())
    if token:
        os.environ[TOKEN_ENV] = token
    else:
        os.environ.pop(TOKEN_ENV, None)
    uvicorn.run(
        "jdmatch.serve.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level=log_level,
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=10,
    )
