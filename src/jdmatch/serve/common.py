"""What the server's parts share: its settings (``ServeConfig``), its limits, and how an error
becomes a JSON response."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from jdmatch.errors import (
    DocumentError,
    DocumentTooLargeError,
    JdmatchError,
    ProfileError,
    UnsupportedFormatError,
)
from jdmatch.extract import DEFAULT_MAX_BYTES
from jdmatch.serve.work import (
    BadRequestError,
    ServeError,
)

log = logging.getLogger("jdmatch.serve")


CONFIG_ENV = "JDMATCH_SERVE_CONFIG"
TOKEN_ENV = "JDMATCH_TOKEN"
OPEN_PATHS = frozenset({"/healthz", "/"})
"""Routes that need no token: the health probe, and the page (static; it asks for the token itself)."""

# multipart boundaries, part headers and small fields on top of the documents themselves
_BODY_SLACK = 64 * 1024
_FILES_PER_ROUTE = {"/v1/match": 2}
_API_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
}


@dataclass(frozen=True)
class ServeConfig:
    """How one server runs; every worker process reads the same one (from the environment)."""

    token: str | None = field(default=None, repr=False)
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 60.0
    memory_mb: int | None = 2048
    pdf_engine: str = "pdfminer"

    def to_dict(self) -> dict[str, Any]:
        """The settings without the token (which travels in ``JDMATCH_TOKEN``)."""
        data = asdict(self)
        data.pop("token")
        return data

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ServeConfig:
        env = os.environ if environ is None else environ
        raw = json.loads(env.get(CONFIG_ENV) or "{}")
        return cls(
            token=env.get(TOKEN_ENV) or None, **{k: v for k, v in raw.items() if k in _FIELDS}
        )


_FIELDS = {"max_bytes", "timeout", "memory_mb", "pdf_engine"}


# -- errors -------------------------------------------------------------------------------------


def error_status(exc: BaseException) -> int:
    """The HTTP status of an error: the document's fault is 413/415/422, the request's 400/401."""
    if isinstance(exc, ServeError):
        return exc.status
    if isinstance(exc, DocumentTooLargeError):
        return 413
    if isinstance(exc, UnsupportedFormatError):
        return 415
    if isinstance(exc, (DocumentError, ProfileError)):
        return 422
    return 400


def error_response(
    exc: JdmatchError, status: int | None = None, headers: dict[str, str] | None = None
) -> Response:
    status = status or error_status(exc)
    body = {"error": str(exc).replace("\n", " "), "kind": type(exc).__name__}
    if status == 401:
        headers = {**(headers or {}), "www-authenticate": 'Bearer realm="jdmatch"'}
    return _json_response(body, status, headers)


def _json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return Response(text, status_code=status, media_type="application/json", headers=headers)


def _api(handler: Callable[[Request], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
    """Turn a handler's result into JSON and every failure into ``{"error", "kind"}``."""

    async def endpoint(request: Request) -> Response:
        try:
            result = await handler(request)
        except JdmatchError as exc:
            return error_response(exc)
        except HTTPException as exc:  # starlette's own: unreadable multipart data
            return error_response(
                BadRequestError(f"the request body cannot be read: {exc.detail}"), status=400
            )
        except Exception as exc:  # a bug: say so, log where, never what the document held
            tb = exc.__traceback__
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb is not None else "?"
            log.error(
                "unexpected %s at %s while answering %s",
                type(exc).__name__,
                where,
                request.url.path,
            )
            return _json_response(
                {
                    "error": f"unexpected {type(exc).__name__} on the server; nothing was scored",
                    "kind": "InternalError",
                },
                500,
            )
        if isinstance(result, Response):
            return result
        return _json_response(result)

    return endpoint
