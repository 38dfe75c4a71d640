"""The OpenAPI 3.0 description of the jdmatch API, written by hand.

Result objects allow more properties than they list: new fields of a result
(``FitResult.to_dict``) are additions, never changes, so a client written
against this schema keeps working.
"""

from __future__ import annotations

from typing import Any

from jdmatch import __version__
from jdmatch.profile import DEFAULT_PROFILE

OPENAPI_VERSION = "3.0.3"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _str_list() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _schemas(profiles: list[str]) -> dict[str, Any]:
    number = {"type": "number"}
    term = {
        "type": "object",
        "required": ["term", "name", "contribution"],
        "properties": {
            "term": {"type": "string"},
            "name": {"type": "string"},
            "contribution": number,
        },
    }
    return {
        "Error": {
            "type": "object",
            "required": ["error", "kind"],
            "properties": {
                "error": {
                    "type": "string",
                    "description": "One line saying what went wrong and, for a document, which one.",
                },
                "kind": {
                    "type": "string",
                    "description": "The error class: CorruptDocumentError, DocumentTooLargeError, UnauthorizedError...",
                },
            },
        },
        "GroupCoverage": {
            "type": "object",
            "required": ["id", "name", "weight", "mode", "coverage", "matched", "core"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "weight": number,
                "mode": {"type": "string", "enum": ["any", "all"]},
                "coverage": {"type": "number", "minimum": 0, "maximum": 1},
                "matched": _str_list(),
                "core": {"type": "boolean"},
            },
        },
        "SkillEvidence": {
            "type": "object",
            "required": ["id", "name", "group", "mentions", "spans", "implied_by"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "group": {"type": "string"},
                "mentions": {
                    **_str_list(),
                    "description": "The text that shows the skill, as written.",
                },
                "spans": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "items": {"type": "integer"},
                        "minItems": 2,
                        "maxItems": 2,
                    },
                },
                "implied_by": _str_list(),
                "depth": {
                    "type": "object",
                    "nullable": True,
                    "description": "How firmly the document shows the skill (where present).",
                },
            },
        },
        "MissingSkill": {
            "type": "object",
            "required": ["id", "name", "group", "gain"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "group": {"type": "string"},
                "gain": {
                    **number,
                    "description": "Points the score would gain if the document showed the skill.",
                },
                "alternatives": _str_list(),
            },
        },
        "TermContribution": term,
        "Seniority": {
            "type": "object",
            "nullable": True,
            "properties": {
                "level": {"type": "string"},
                "rank": number,
                "track": {"type": "string", "nullable": True},
                "evidence": {"type": "string"},
                "kind": {"type": "string"},
            },
        },
        "FitResult": {
            "type": "object",
            "description": "The same JSON as `jdmatch score --format json` (top_terms only with explain).",
            "required": [
                "source",
                "profile",
                "score",
                "coverage",
                "similarity",
                "cosine",
                "groups",
                "matched",
                "missing",
                "skills",
                "gaps",
                "hedged",
                "negated",
                "seniority",
                "years",
            ],
            "properties": {
                "source": {"type": "string", "description": "The uploaded file's name, or <text>."},
                "profile": {"type": "string"},
                "score": {"type": "number", "minimum": 0, "maximum": 100},
                "band": {"type": "string"},
                "coverage": {"type": "number", "minimum": 0, "maximum": 1},
                "similarity": {"type": "number", "minimum": 0, "maximum": 1},
                "cosine": number,
                "contrast": {"type": "number", "nullable": True},
                "core_coverage": number,
                "core_gate": number,
                "level_gate": number,
                "notes": _str_list(),
                "seniority": _ref("Seniority"),
                "years": {"type": "number", "nullable": True},
                "as_of": {"type": "string", "nullable": True},
                "as_of_source": {"type": "string"},
                "gaps": _str_list(),
                "hedged": _str_list(),
                "negated": _str_list(),
                "groups": {"type": "array", "items": _ref("GroupCoverage")},
                "matched": {"type": "array", "items": _ref("SkillEvidence")},
                "missing": {"type": "array", "items": _ref("MissingSkill")},
                "top_terms": {"type": "array", "items": _ref("TermContribution")},
                "contrast_terms": {"type": "array", "items": _ref("TermContribution")},
                "skills": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "count"],
                        "properties": {"id": {"type": "string"}, "count": {"type": "integer"}},
                    },
                },
            },
        },
        "Skill": {
            "type": "object",
            "required": ["id", "name", "label", "category", "count", "mentions"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "label": {"type": "string"},
                "category": {"type": "string"},
                "count": {"type": "integer", "minimum": 0},
                "mentions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["start", "end", "text"],
                        "properties": {
                            "start": {"type": "integer"},
                            "end": {"type": "integer"},
                            "text": {"type": "string"},
                            "section": {"type": "string", "nullable": True},
                        },
                    },
                },
            },
        },
        "Profile": {
            "type": "object",
            "required": ["id", "title", "groups", "skills", "levels"],
            "properties": {
                "id": {"type": "string"},
                "title": {"type": "string"},
                "description": {"type": "string"},
                "groups": {"type": "integer"},
                "skills": {"type": "integer"},
                "levels": _str_list(),
            },
        },
        "Version": {
            "type": "object",
            "required": ["jdmatch", "api"],
            "properties": {
                "jdmatch": {"type": "string"},
                "api": {"type": "string"},
                "spacy": {"type": "string"},
            },
        },
        "Health": {
            "type": "object",
            "required": ["status"],
            "properties": {"status": {"type": "string"}, "detail": {"type": "string"}},
        },
        "ScoreText": {
            "type": "object",
            "required": ["text"],
            "additionalProperties": False,
            "properties": {
                "text": {
                    "type": "string",
                    "description": "The resume or posting, as text (HTML is read as HTML).",
                },
                "profile": {"type": "string", "enum": profiles, "default": DEFAULT_PROFILE},
                "name": {
                    "type": "string",
                    "maxLength": 200,
                    "description": "A file name for the text: names it in the result and errors; its suffix says the format (.html, .md).",
                },
                "explain": {
                    "type": "boolean",
                    "default": False,
                    "description": "Also return top_terms, the terms behind the similarity.",
                },
            },
        },
        "ScoreUpload": {
            "type": "object",
            "required": ["file"],
            "properties": {
                "file": {
                    "type": "string",
                    "format": "binary",
                    "description": "The document: PDF, DOCX, HTML, Markdown or text.",
                },
                "profile": {"type": "string", "enum": profiles, "default": DEFAULT_PROFILE},
                "explain": {"type": "string", "enum": ["true", "false"], "default": "false"},
            },
        },
        "MatchText": {
            "type": "object",
            "required": ["resume", "posting"],
            "additionalProperties": False,
            "properties": {
                "resume": {"type": "string"},
                "posting": {"type": "string"},
                "resume_name": {"type": "string", "maxLength": 200},
                "posting_name": {"type": "string", "maxLength": 200},
                "explain": {"type": "boolean", "default": False},
            },
        },
        "MatchUpload": {
            "type": "object",
            "required": ["resume", "posting"],
            "properties": {
                "resume": {"type": "string", "format": "binary"},
                "posting": {"type": "string", "format": "binary"},
                "explain": {"type": "string", "enum": ["true", "false"], "default": "false"},
            },
        },
        "SkillsText": {
            "type": "object",
            "required": ["text"],
            "additionalProperties": False,
            "properties": {
                "text": {"type": "string"},
                "name": {"type": "string", "maxLength": 200},
            },
        },
        "SkillsUpload": {
            "type": "object",
            "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}},
        },
    }


def _document_errors(auth: bool) -> dict[str, Any]:
    out = {
        "400": _error(
            "A field is missing or has a wrong value, or the body is not valid JSON or multipart."
        ),
        "413": _error(
            "A document (or the whole body) is over the size limit; refused while it streams in."
        ),
        "415": _error(
            "The body is neither multipart/form-data nor JSON, or a document is of a type jdmatch does not read."
        ),
        "422": _error(
            "A document cannot be read: empty, damaged, encrypted, a scan without text, or (a posting) without a known skill."
        ),
        "503": _error("Reading the document needed more memory than the server allows."),
        "504": _error("Reading or scoring the document took longer than the server's time limit."),
    }
    if auth:
        out["401"] = _error("No token, or a wrong one.")
    return out


def _body(json_schema: str, upload_schema: str) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": _ref(upload_schema)},
            "application/json": {"schema": _ref(json_schema)},
        },
    }


def openapi_schema(
    *, profiles: list[str] | None = None, token: bool = False, max_bytes: int = 20 * 1024 * 1024
) -> dict[str, Any]:
    """The schema served at ``/openapi.json``: ``token`` adds the bearer requirement, ``profiles`` the shipped names."""
    profiles = list(profiles or [DEFAULT_PROFILE])
    errors = _document_errors(token)
    plain_errors = {"401": _error("No token, or a wrong one.")} if token else {}
    limit = f"{max_bytes / 1048576:g} MiB"
    spec: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "jdmatch",
            "version": __version__,
            "description": (
                "Score how well a resume or posting fits a role profile or a job posting, and list the skills "
                f"a document names. Documents travel as multipart files (up to {limit} each) or as JSON text. "
                'Errors are JSON: {"error": "...", "kind": "CorruptDocumentError"}.'
            ),
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/v1/score": {
                "post": {
                    "operationId": "score",
                    "summary": "Score one document against a profile (as `jdmatch score --format json`)",
                    "requestBody": _body("ScoreText", "ScoreUpload"),
                    "responses": {
                        "200": {
                            "description": "The score with its evidence.",
                            "content": {"application/json": {"schema": _ref("FitResult")}},
                        },
                        **errors,
                    },
                }
            },
            "/v1/match": {
                "post": {
                    "operationId": "match",
                    "summary": "Score a resume against one job posting (as `jdmatch match --format json`)",
                    "requestBody": _body("MatchText", "MatchUpload"),
                    "responses": {
                        "200": {
                            "description": "The score with its evidence and gaps.",
                            "content": {"application/json": {"schema": _ref("FitResult")}},
                        },
                        **errors,
                    },
                }
            },
            "/v1/skills": {
                "post": {
                    "operationId": "skills",
                    "summary": "The skills a document names (as `jdmatch skills --format json`)",
                    "requestBody": _body("SkillsText", "SkillsUpload"),
                    "responses": {
                        "200": {
                            "description": "One entry per skill, in order of first mention.",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "array", "items": _ref("Skill")}
                                }
                            },
                        },
                        **errors,
                    },
                }
            },
            "/v1/profiles": {
                "get": {
                    "operationId": "profiles",
                    "summary": "The installed role profiles",
                    "responses": {
                        "200": {
                            "description": "The profiles.",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "array", "items": _ref("Profile")}
                                }
                            },
                        },
                        **plain_errors,
                    },
                }
            },
            "/v1/version": {
                "get": {
                    "operationId": "version",
                    "summary": "Versions of jdmatch and the API",
                    "responses": {
                        "200": {
                            "description": "Versions.",
                            "content": {"application/json": {"schema": _ref("Version")}},
                        },
                        **plain_errors,
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "healthz",
                    "summary": "Liveness and readiness (no token needed)",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "Ready: the matcher is loaded.",
                            "content": {"application/json": {"schema": _ref("Health")}},
                        },
                        "503": {
                            "description": "A document has hung the worker past its time limit.",
                            "content": {"application/json": {"schema": _ref("Health")}},
                        },
                    },
                }
            },
        },
        "components": {"schemas": _schemas(profiles)},
    }
    if token:
        spec["components"]["securitySchemes"] = {
            "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "The token given to `jdmatch serve --token` or JDMATCH_TOKEN.",
            }
        }
        spec["security"] = [{"bearer": []}]
    return spec
