"""``jdmatch.Matcher``: the one object a script needs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from jdmatch.models import Document, FitResult, SkillMatch


class Matcher:
    """Recognizes skills in documents and scores their fit to a role.

    ``profile`` is a shipped profile name (default ``"backend-engineer"``), a path
    to a profile TOML file, or a :class:`~jdmatch.profile.RoleProfile`. ``job``
    (a posting as a path, text or Document) scores against that posting instead.
    ``lexicon`` is a lexicon folder; by default the shipped lexicon, compiled once
    per process and shared by every ``Matcher``. ``extra_lexicon`` lists a user's
    own JSON-lines files merged over it (new entries, aliases, ambiguous forms;
    see ``lexicon/README.md``), compiled once and cached by content hash.
    """

    def __init__(self, profile: Any = "backend-engineer", *, job: Any = None, lexicon: str | os.PathLike[str] | None = None,
                 extra_lexicon: Iterable[str | os.PathLike[str]] = ()) -> None:
        self._profile_spec = profile
        self._job = job
        self._lexicon_path = lexicon
        self._extra_lexicon = tuple(os.fspath(p) for p in extra_lexicon)
        self._recognizer: Any = None
        self._profile: Any = None
        self._scorer: Any = None
        self._pvec: dict[str, float] | None = None

    @property
    def recognizer(self) -> Any:
        """The compiled :class:`~jdmatch.recognize.SkillRecognizer` (built on first use)."""
        if self._recognizer is None:
            from jdmatch.recognize import SkillRecognizer, default_recognizer

            if self._lexicon_path is None and not self._extra_lexicon:
                self._recognizer = default_recognizer()
            else:
                from jdmatch.lexicon import load_lexicon

                self._recognizer = SkillRecognizer(load_lexicon(self._lexicon_path, extra=self._extra_lexicon))
        return self._recognizer

    @property
    def profile(self) -> Any:
        """The :class:`~jdmatch.profile.RoleProfile` scores are computed against."""
        if self._profile is None:
            from jdmatch.profile import RoleProfile, load_profile

            if self._job is not None:
                self._profile = RoleProfile.from_posting(self._job, matcher=self)
            else:
                self._profile = load_profile(self._profile_spec, lexicon=self.recognizer.lexicon)
        return self._profile

    @property
    def scorer(self) -> Any:
        if self._scorer is None:
            from jdmatch.scoring import FitScorer

            self._scorer = FitScorer.load(recognizer=self.recognizer)
        return self._scorer

    def skills(self, source: str | Document | os.PathLike[str]) -> list[SkillMatch]:
        """Every skill mention in ``source`` (text, a Document, or a path to read), in order."""
        return self.recognizer.recognize(_document(source).text)

    def score(self, source: str | Document | os.PathLike[str], *, detail: bool = True) -> FitResult:
        """How well ``source`` (text, a Document, or a path) fits the profile, with the evidence.

        ``detail=False`` gives the same score with a shorter explanation (faster, for batches).
        """
        doc = _document(source)
        if self._pvec is None:
            self._pvec = self.scorer.profile_vector(self.profile)
        analysis = self.recognizer.analyze(doc.text)
        result = self.scorer.score(analysis, self.profile, source=doc.source, detail=detail, _pvec=self._pvec)
        if detail:
            result = _with_experience(result, analysis, self.profile)
        return result


    def score_many(self, sources: Iterable[str | Document | os.PathLike[str]], n_process: int = 1, chunksize: int = 16) -> Iterator[FitResult]:
        """Score many documents, yielding results in input order.

        With ``n_process > 1`` the work is spread over worker processes, each of
        which builds its own matcher once; only small results travel back.
        """
        if n_process <= 1:
            for source in sources:
                yield self.score(source)
            return
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        spec = (self._profile_spec if self._job is None else None, self._job, self._lexicon_path, self._extra_lexicon)
        with ctx.Pool(n_process, initializer=_init_worker, initargs=spec) as pool:
            yield from pool.imap(_score_in_worker, (_portable(s) for s in sources), chunksize=chunksize)


def _document(source: str | Document | os.PathLike[str]) -> Document:
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        return Document(text=source)
    if isinstance(source, os.PathLike):
        from jdmatch.extract import read_document

        return read_document(source)
    raise TypeError(f"expected text, a Document or a path, not {type(source).__name__}")


def _portable(source: Any) -> Any:
    return os.fspath(source) if isinstance(source, os.PathLike) else source


_worker: Matcher | None = None


def _init_worker(profile: Any, job: Any, lexicon: Any, extra_lexicon: Any = ()) -> None:
    global _worker
    _worker = Matcher(profile if profile is not None else "backend-engineer", job=job, lexicon=lexicon, extra_lexicon=extra_lexicon)


def _score_in_worker(source: Any) -> FitResult:
    from pathlib import Path

    assert _worker is not None
    return _worker.score(Path(source) if isinstance(source, str) and _looks_like_path(source) else source)


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and len(text) < 4096 and os.path.isfile(text)


def _with_experience(result: FitResult, analysis: Any, profile: Any) -> FitResult:
    """Add the document's level and years, and the gaps to what the profile or posting asks."""
    import dataclasses

    from jdmatch.structure import guess_kind, resume_experience, seniority, years_asked

    text = analysis.text
    kind = guess_kind(text)
    experience = resume_experience(text, analysis.matches) if kind == "resume" else None
    years: float | None = (experience.total_years or None) if experience is not None else years_asked(text)[0]
    ladder = profile.ladder or None
    level = seniority(text, ladder=ladder, kind=kind, years=years, experience=experience)
    gaps = []
    asked_years = getattr(profile, "years_required", None)
    if asked_years and kind == "resume" and (years or 0) < asked_years:
        gaps.append(f"asks for {asked_years:g}+ years of experience; the resume shows about {years or 0:.1f}")
    asked_level = getattr(profile, "seniority", None)
    if asked_level and level.level != "n/a":
        ranks = {lv.level: lv.rank for lv in profile.ladder}
        if asked_level in ranks and level.rank < ranks[asked_level]:
            gaps.append(f"asks for the {asked_level} level; the document reads as {level.level} ({level.evidence})")
    for m in result.missing:
        if m.group.startswith("Required") or m.group.startswith("One of"):
            gaps.append(f"required skill missing: {m.name}")
    return dataclasses.replace(result, seniority={"level": level.level, "rank": level.rank, "track": level.track, "evidence": level.evidence, "kind": kind},
                               years=round(years, 1) if years is not None else None, gaps=tuple(gaps[:12]))
