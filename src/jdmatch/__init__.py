"""jdmatch: recognize tools and skills in resumes and job postings, and score their fit to a role.

The package imports lazily: ``import jdmatch`` costs almost nothing, and spaCy or
scikit-learn load only when a matcher or scorer is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Document": "jdmatch.models",
    "SkillMatch": "jdmatch.models",
    "FitResult": "jdmatch.models",
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
    from jdmatch.errors import JdmatchError
    from jdmatch.extract import read_document
    from jdmatch.matcher import Matcher
    from jdmatch.models import Document, FitResult, SkillMatch
    from jdmatch.profile import RoleProfile, load_profile
    from jdmatch.scoring import FitScorer
    from jdmatch.vectorizer import SkillVectorizer


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'jdmatch' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
