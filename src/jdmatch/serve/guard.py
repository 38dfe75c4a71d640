"""The guard in front of the app: the token, the media type and the declared size are checked
before any byte of a body is read, and an upload is refused while it streams in once it passes
the limit. Responses get the security headers."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from jdmatch.errors import (
    DocumentTooLargeError,
)
from jdmatch.serve.common import (
    _API_HEADERS,
    _BODY_SLACK,
    _FILES_PER_ROUTE,
    OPEN_PATHS,
    ServeConfig,
    error_response,
)
from jdmatch.serve.work import (
    UnauthorizedError,
)


class Guard:
    """ASGI middleware in front of every route, before a byte of the body is read.

    It checks the bearer token (constant-time), refuses a declared body over the
    limit at once and a streamed one as soon as it passes the limit, and adds
    the security headers to every response.
    """

    def __init__(self, app: Any, config: ServeConfig) -> None:
        self.app = app
        self.config = config
        self._token = config.token.encode("utf-8") if config.token else None

    def __getattr__(self, name: str) -> Any:  # app.state, app.routes... of the wrapped app
        return getattr(self.app, name)

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")

        async def send_secure(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for key, value in _API_HEADERS.items():
                    if key.encode() not in present:
                        headers.append((key.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
        }
        raw_auth = next(
            (v for k, v in scope.get("headers", []) if k.lower() == b"authorization"), b""
        )
        if self._token is not None and path not in OPEN_PATHS and not self._authorized(raw_auth):
            shown = "no token" if not headers.get("authorization") else "a wrong token"
            await error_response(
                UnauthorizedError(
                    f"this server needs 'Authorization: Bearer <token>'; the request has {shown}"
                )
            )(scope, receive, send_secure)
            return
        limit = self.config.max_bytes * _FILES_PER_ROUTE.get(path, 1) + _BODY_SLACK
        declared = headers.get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            await error_response(_too_large(self.config.max_bytes))(scope, receive, send_secure)
            return
        seen = 0

        async def receive_limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _too_large(self.config.max_bytes)
            return message

        await self.app(scope, receive_limited, send_secure)

    def _authorized(self, header: bytes) -> bool:
        """``Bearer <token>``, the token compared as bytes in constant time."""
        scheme, _, given = header.strip().partition(b" ")
        if scheme.lower() != b"bearer" or self._token is None:
            return False
        return hmac.compare_digest(given.strip(), self._token)


def _too_large(max_bytes: int) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"the upload is over the {max_bytes / 1048576:g} MiB limit per document; refused, nothing past the limit was read"
    )
