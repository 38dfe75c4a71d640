"""Property tests of the served OpenAPI schema (schemathesis) against the live server.

Schemathesis generates requests from /openapi.json (valid ones, and invalid ones:
wrong types, missing fields, no token) and checks every answer: no server error, a
documented status code and content type, a body that matches the response schema,
401 without the token. Examples are few per operation so that this runs in seconds.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("uvicorn", reason="needs the serve extra")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from tests.serve_support import LiveServer  # noqa: E402

OPERATIONS = [
    ("POST", "/v1/score"),
    ("POST", "/v1/match"),
    ("POST", "/v1/skills"),
    ("GET", "/v1/profiles"),
    ("GET", "/v1/version"),
    ("GET", "/healthz"),
]


@pytest.fixture(scope="session")
def api_schema(live_server: LiveServer) -> Any:
    """The schema as the server serves it (fetched with the token), validated by schemathesis on load."""
    with live_server.client() as c:
        spec = c.get("/openapi.json").json()
    return schemathesis.openapi.from_dict(spec)


def test_schema_has_exactly_these_operations(api_schema: Any) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


# /healthz takes nothing at all (no token either), so there is no invalid request to make of it
CASES = [
    (m, p, mode)
    for m, p in OPERATIONS
    for mode in ("positive", "negative")
    if not (p == "/healthz" and mode == "negative")
]


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_api_answers_as_its_schema_says(
    api_schema: Any, live_server: LiveServer, method: str, path: str, mode: str
) -> None:
    from hypothesis import given
    from schemathesis import GenerationMode

    # Left out: "schema-valid data is accepted". Any bytes are a valid `binary` file and any string a
    # valid `text`, but random bytes are not a readable document: the API answers 415 or 422 for them,
    # as documented. Every other check runs (no 5xx, documented status codes and content types,
    # bodies that match the response schemas, invalid requests refused, 401 without the token).
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    operation = api_schema[path][method]
    generation = GenerationMode.POSITIVE if mode == "positive" else GenerationMode.NEGATIVE
    strategy = operation.as_strategy(generation_mode=generation)
    calls = []

    @given(case=strategy)
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        response = case.call_and_validate(
            base_url=live_server.url,
            headers=live_server.headers(),
            excluded_checks=[positive_data_acceptance],
        )
        calls.append(response.status_code)

    run()
    assert calls
