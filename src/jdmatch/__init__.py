"""jdmatch: recognize tools and skills in resumes and job postings, and score their fit to a role.

The package imports lazily: ``import jdmatch`` costs almost nothing, and spaCy or
scikit-learn load only when a matcher or scorer is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it (or module and the name there)
_EXPORTS: dict[str, str | tuple[str, str]] = {
    "Document": "jdmatch.models",
    "SkillMatch": "jdmatch.models",
    "FitResult": "jdmatch.models",
    "SkillEvidence": "jdmatch.models",
    "MissingSkill": "jdmatch.models",
    "GroupCoverage": "jdmatch.models",
    "TermContribution": "jdmatch.models",
    "DocumentLevel": "jdmatch.models",
    "DEFAULT_PROFILE": "jdmatch.profile",
    "run_batch": ("jdmatch.batch", "run"),
    "read_document": "jdmatch.extract",
    "JdmatchError": "jdmatch.errors",
    "Matcher": "jdmatch.matcher",
    "RoleProfile": "jdmatch.profile",
    "load_profile": "jdmatch.profile",
    "FitScorer": "jdmatch.scoring",
    "SkillVectorizer": "jdmatch.vectorizer",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from jdmatch.batch import run as run_batch
    from jdmatch.errors import JdmatchError
    from jdmatch.extract import read_document
    from jdmatch.matcher import Matcher
    from jdmatch.models import (
        Document,
        DocumentLevel,
        FitResult,
        GroupCoverage,
        MissingSkill,
        SkillEvidence,
        SkillMatch,
        TermContribution,
    )
    from jdmatch.profile import DEFAULT_PROFILE, RoleProfile, load_profile
    from jdmatch.scoring import FitScorer
    from jdmatch.vectorizer import SkillVectorizer


def __getattr__(name: str) -> Any:
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'jdmatch' has no attribute {name!r}")
    import importlib

    module_name, attr = (where, name) if isinstance(where, str) else where
    value = getattr(importlib.import_module(module_name), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
