"""The shipped reference corpus the TF-IDF and contrast models are fitted on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jdmatch.lexicon import default_lexicon_dir


def reference_dir() -> Path:
    return default_lexicon_dir() / "reference"


_TECH_FAMILIES = frozenset({"software", "data", "it-ops", "product", "design", "qa", "business"})


def reference_documents() -> list[dict[str, Any]]:
    """The shipped reference corpus: job postings and resumes across many roles, each with a grade.

    ``grade`` is 2 for backend development, 1 for another technical role, 0 for
    the rest; rows without one get it from their role and family.
    """
    out = []
    for name in ("postings.jsonl", "resumes.jsonl"):
        path = reference_dir() / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                if "grade" not in row:
                    role, family = row.get("role", ""), row.get("family", "")
                    row["grade"] = (
                        2
                        if role.startswith("backend-") or role == "fullstack-engineer"
                        else (1 if family in _TECH_FAMILIES else 0)
                    )
                row["kind"] = "posting" if name == "postings.jsonl" else "resume"
                out.append(row)
    return out


def reference_texts() -> list[str]:
    """The texts of the shipped reference corpus (postings, then resumes)."""
    return [d["text"] for d in reference_documents()]
