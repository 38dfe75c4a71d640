"""The ASGI app of ``jdmatch serve``: a JSON API under ``/v1`` and one web page at ``/``.

The routes reuse the library as the command line does, so ``POST /v1/score``
answers exactly what ``jdmatch score --format json`` prints for the same file,
and ``POST /v1/match`` what ``jdmatch match --format json`` prints. Requests
are guarded before any byte of the body is read (token, media type, declared
size), and an upload is refused while it streams in once it passes the limit.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from jdmatch import __version__
from jdmatch.errors import (
    DocumentTooLargeError,
)
from jdmatch.profile import DEFAULT_PROFILE
from jdmatch.serve.common import ServeConfig, _api, _json_response, error_response
from jdmatch.serve.guard import Guard
from jdmatch.serve.work import (
    BadRequestError,
    MethodNotAllowedError,
    NotFoundError,
    UnsupportedMediaTypeError,
    Worker,
    set_memory_limit,
)

log = logging.getLogger("jdmatch.serve")

# -- reading requests ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """One document of a request: its bytes, and the name it came with."""

    data: bytes
    name: str
    suffix: str


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")


def clean_name(name: str | None, fallback: str) -> str:
    """The last part of a client's file name, without control characters, at most 200 characters."""
    base = re.split(r"[/\\]", name or "")[-1].strip()
    base = _UNSAFE_NAME.sub("", base)[:200]
    return base if base and base not in {".", ".."} else fallback


def _suffix(name: str) -> str:
    _, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and ext and len(ext) <= 10 else ""


def _media_type(request: Request) -> str:
    ctype = request.headers.get("content-type", "")
    main = ctype.split(";", 1)[0].strip().lower()
    if main == "multipart/form-data":
        return "multipart"
    if main == "application/json" or (main.startswith("application/") and main.endswith("+json")):
        return "json"
    shown = main or "no content type"
    raise UnsupportedMediaTypeError(
        f"the body must be multipart/form-data (files) or application/json (text), not {shown}"
    )


async def _read_json(request: Request) -> dict[str, Any]:
    body = await request.body()
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequestError(f"the body is not valid JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise BadRequestError("the JSON body must be an object")
    return data


def _text_field(
    data: dict[str, Any], key: str, *, required: bool = True, max_length: int | None = None
) -> str | None:
    value = data.get(key)
    if key not in data:
        if required:
            raise BadRequestError(f"the JSON field {key!r} is missing")
        return None
    if not isinstance(value, str):
        raise BadRequestError(f"the JSON field {key!r} must be a string")
    if max_length is not None and len(value) > max_length:
        raise BadRequestError(f"the JSON field {key!r} is longer than {max_length} characters")
    return value


def _text_upload(text: str, name: str | None, fallback: str, max_bytes: int) -> Upload:
    data = text.encode("utf-8", "replace")  # lone surrogates cannot be encoded; they become '?'
    if len(data) > max_bytes:
        raise DocumentTooLargeError(
            f"the text is {len(data) / 1048576:.1f} MiB, over the {max_bytes / 1048576:g} MiB limit per document"
        )
    shown = clean_name(name, fallback)
    return Upload(data, shown, _suffix(shown) if name else "")


async def _file_field(form: Any, key: str, max_bytes: int) -> Upload:
    upload = form.get(key)
    if upload is None or isinstance(upload, str):
        raise BadRequestError(
            f"the multipart field {key!r} must be a file (the document)"
            if upload is not None
            else f"the multipart field {key!r} (the document) is missing"
        )
    name = clean_name(upload.filename, key)
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await upload.read(1 << 20)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"the upload is over the {max_bytes / 1048576:g} MiB limit per document", path=name
            )
        chunks.append(chunk)
    return Upload(b"".join(chunks), name, _suffix(name))


def _form_text(form: Any, key: str) -> str | None:
    value = form.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRequestError(f"the multipart field {key!r} must be text, not a file")
    return value


def _flag(value: Any, key: str = "explain") -> bool:
    """A JSON boolean, or the multipart text "true" / "false"."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in {"true", "false"}:
        return value == "true"
    raise BadRequestError(f"{key!r} must be true or false")


def _only(data: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise BadRequestError(
            f"unknown JSON field(s) {', '.join(map(repr, unknown[:5]))}; this route takes {', '.join(sorted(allowed))}"
        )
    return data


# -- the work (runs in the worker thread) ------------------------------------------------------


def _read(upload: Upload, config: ServeConfig) -> Any:
    from jdmatch.extract import read_bytes

    return read_bytes(
        upload.data,
        source=upload.name,
        suffix=upload.suffix,
        pdf_engine=config.pdf_engine,
        max_bytes=config.max_bytes,
    )


def score_upload(
    worker: Worker, config: ServeConfig, upload: Upload, profile: str, explain: bool
) -> dict[str, Any]:
    """What ``jdmatch score FILE --profile P --format json`` prints."""
    document = _read(upload, config)
    from jdmatch.report import score_json

    matcher = worker.matcher(profile)
    return score_json(matcher.score(document), matcher, explain=explain)


def match_uploads(
    worker: Worker, config: ServeConfig, resume: Upload, posting: Upload, explain: bool
) -> dict[str, Any]:
    """What ``jdmatch match RESUME POSTING --format json`` prints (the resume is read first, as there)."""
    document = _read(resume, config)
    job = _read(posting, config)
    from jdmatch.report import score_json

    matcher = worker.job_matcher(job)
    return score_json(matcher.score(document), matcher, explain=explain)


def skills_upload(worker: Worker, config: ServeConfig, upload: Upload) -> list[dict[str, Any]]:
    """What ``jdmatch skills FILE --format json`` prints: each skill with its codes, mentions and their sections."""
    from jdmatch.report import skills_json

    return skills_json(worker.matcher(), _read(upload, config))


def profile_summaries() -> list[dict[str, Any]]:
    """The shipped profiles, as ``jdmatch profiles`` lists them."""
    from jdmatch.profile import list_profiles, load_profile

    out = []
    for path in list_profiles():
        prof = load_profile(path)
        out.append(
            {
                "id": path.stem,
                "title": prof.title,
                "description": prof.description,
                "groups": len(prof.groups),
                "skills": len(prof.skill_ids()),
                "levels": [lv.level for lv in prof.ladder],
            }
        )
    return out


# -- the app -----------------------------------------------------------------------------------


class _State:
    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.worker = Worker(timeout=config.timeout)
        self.profiles: list[dict[str, Any]] = []
        self.profile_ids: frozenset[str] = frozenset()


def create_app(config: ServeConfig | None = None) -> Guard:
    """The ASGI app; with no ``config``, the one ``jdmatch serve`` put in the environment."""
    config = config if config is not None else ServeConfig.from_env()
    state = _State(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        set_memory_limit(config.memory_mb)
        await state.worker.run(
            state.worker.matcher, DEFAULT_PROFILE, limit=False
        )  # loaded once per worker
        state.profiles = await state.worker.run(profile_summaries, limit=False)
        state.profile_ids = frozenset(p["id"] for p in state.profiles)
        try:
            yield
        finally:
            state.worker.close()

    def profile_of(value: str | None) -> str:
        if value is None:
            return DEFAULT_PROFILE
        if value not in state.profile_ids:
            raise BadRequestError(
                f"no profile named {value!r}; installed profiles: {', '.join(sorted(state.profile_ids))}"
            )
        return value

    async def score(request: Request) -> Any:
        limit = config.max_bytes
        if _media_type(request) == "multipart":
            async with request.form(max_files=1, max_fields=8, max_part_size=64 * 1024) as form:
                upload = await _file_field(form, "file", limit)
                profile, explain = (
                    profile_of(_form_text(form, "profile")),
                    _flag(_form_text(form, "explain")),
                )
        else:
            data = _only(await _read_json(request), {"text", "profile", "name", "explain"})
            upload = _text_upload(
                _text_field(data, "text") or "",
                _text_field(data, "name", required=False, max_length=200),
                "<text>",
                limit,
            )
            profile, explain = (
                profile_of(_text_field(data, "profile", required=False)),
                _flag(data.get("explain")),
            )
        return await state.worker.run(score_upload, state.worker, config, upload, profile, explain)

    async def match(request: Request) -> Any:
        limit = config.max_bytes
        if _media_type(request) == "multipart":
            async with request.form(max_files=2, max_fields=8, max_part_size=64 * 1024) as form:
                resume = await _file_field(form, "resume", limit)
                posting = await _file_field(form, "posting", limit)
                explain = _flag(_form_text(form, "explain"))
        else:
            data = _only(
                await _read_json(request),
                {"resume", "posting", "resume_name", "posting_name", "explain"},
            )
            resume = _text_upload(
                _text_field(data, "resume") or "",
                _text_field(data, "resume_name", required=False, max_length=200),
                "<resume>",
                limit,
            )
            posting = _text_upload(
                _text_field(data, "posting") or "",
                _text_field(data, "posting_name", required=False, max_length=200),
                "<posting>",
                limit,
            )
            explain = _flag(data.get("explain"))
        return await state.worker.run(match_uploads, state.worker, config, resume, posting, explain)

    async def skills(request: Request) -> Any:
        limit = config.max_bytes
        if _media_type(request) == "multipart":
            async with request.form(max_files=1, max_fields=8, max_part_size=64 * 1024) as form:
                upload = await _file_field(form, "file", limit)
        else:
            data = _only(await _read_json(request), {"text", "name"})
            upload = _text_upload(
                _text_field(data, "text") or "",
                _text_field(data, "name", required=False, max_length=200),
                "<text>",
                limit,
            )
        return await state.worker.run(skills_upload, state.worker, config, upload)

    async def profiles(request: Request) -> Any:
        return state.profiles

    async def version(request: Request) -> Any:
        import spacy

        return {"jdmatch": __version__, "api": "v1", "spacy": spacy.__version__}

    async def healthz(request: Request) -> Response:
        if state.worker.stuck():
            return _json_response(
                {"status": "stuck", "detail": "a document has run far past the time limit"}, 503
            )
        return _json_response({"status": "ok"})

    async def openapi(request: Request) -> Any:
        from jdmatch.serve.openapi import openapi_schema

        return openapi_schema(
            profiles=sorted(state.profile_ids),
            token=config.token is not None,
            max_bytes=config.max_bytes,
        )

    async def page(request: Request) -> Response:
        from jdmatch.serve.page import PAGE_CSP, page_html

        return HTMLResponse(page_html(), headers={"content-security-policy": PAGE_CSP})

    async def not_found(request: Request, exc: Exception) -> Response:
        return error_response(NotFoundError(f"no route {request.url.path}; see /openapi.json"))

    async def not_allowed(request: Request, exc: Exception) -> Response:
        headers = dict(getattr(exc, "headers", None) or {})
        return error_response(
            MethodNotAllowedError(f"{request.method} is not allowed on {request.url.path}"),
            headers=headers,
        )

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", _api(openapi), methods=["GET"]),
        Route("/v1/score", _api(score), methods=["POST"]),
        Route("/v1/match", _api(match), methods=["POST"]),
        Route("/v1/skills", _api(skills), methods=["POST"]),
        Route("/v1/profiles", _api(profiles), methods=["GET"]),
        Route("/v1/version", _api(version), methods=["GET"]),
    ]
    app = Starlette(
        routes=routes, lifespan=lifespan, exception_handlers={404: not_found, 405: not_allowed}
    )
    app.state.jdmatch = state
    return Guard(app, config)
