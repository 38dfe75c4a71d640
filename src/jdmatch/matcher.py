"""``jdmatch.Matcher``: the one object a script needs."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from jdmatch.inputs import Source, as_document, checked_source
from jdmatch.models import Document, DocumentLevel, FitResult, SkillMatch
from jdmatch.profile import DEFAULT_PROFILE

if (
    TYPE_CHECKING
):  # the engine's parts load on first use: `import jdmatch.matcher` does not import spaCy
    from jdmatch.contrast import ContrastModel
    from jdmatch.evidence import SkillDepth
    from jdmatch.lexicon import Lexicon
    from jdmatch.profile import RoleProfile
    from jdmatch.recognize import Analysis, SkillRecognizer
    from jdmatch.scoring import FitScorer
    from jdmatch.structure import Experience, Layout


@dataclass(frozen=True, slots=True)
class Evidence:
    """What :meth:`Matcher.evidence` reads from a document for scoring."""

    analysis: Analysis
    kind: str
    present: datetime.date
    present_source: str
    experience: Experience | None = None
    depth: Mapping[str, SkillDepth] | None = None
    layout: Layout | None = None  # the document's sections and lines, when scoring read them


class Matcher:
    """Recognizes skills in documents and scores their fit to a role: an engine of replaceable parts.

    ``profile`` is a shipped profile name (default :data:`~jdmatch.profile.DEFAULT_PROFILE`,
    ``"backend-engineer"``), a path to a profile TOML file, or a
    :class:`~jdmatch.profile.RoleProfile`. ``job`` (a posting as a path, text or
    Document) scores against that posting instead; giving both is an error.

    The parts: ``recognizer`` (a :class:`~jdmatch.recognize.SkillRecognizer`;
    by default the shipped lexicon's, compiled once per process and shared by
    every ``Matcher``), or ``lexicon`` (a lexicon folder or a loaded
    :class:`~jdmatch.lexicon.Lexicon`) to build one from, with ``extra_lexicon``
    listing a user's own JSON-lines files merged over it (new entries, aliases,
    ambiguous forms; see ``lexicon/README.md``), compiled once and cached by
    content hash. ``scorer`` is a fitted :class:`~jdmatch.scoring.FitScorer`
    (default: the one fitted on the shipped reference corpus).

    Inputs follow one rule everywhere: a ``str`` is text, an ``os.PathLike``
    (``pathlib.Path``) is a file to read, a :class:`~jdmatch.models.Document` is
    used as it is. A ``str`` that is a single line naming an existing document
    file raises :class:`~jdmatch.errors.PathGivenAsTextError` (a ``ValueError``):
    pass ``Path(...)`` to read it.

    ``as_of`` is the day a resume's "Present" stands for when the document does
    not say when it was written (default: the day of the call).
    """

    def __init__(
        self,
        profile: str | os.PathLike[str] | RoleProfile | None = None,
        *,
        job: Source | None = None,
        lexicon: str | os.PathLike[str] | Lexicon | None = None,
        extra_lexicon: Iterable[str | os.PathLike[str]] = (),
        as_of: datetime.date | None = None,
        recognizer: SkillRecognizer | None = None,
        scorer: FitScorer | None = None,
    ) -> None:
        if profile is not None and job is not None:
            raise ValueError("give a profile or a job posting to score against, not both")
        extra = tuple(os.fspath(p) for p in extra_lexicon)
        if recognizer is not None and (lexicon is not None or extra):
            raise ValueError("give a recognizer or a lexicon to build one from, not both")
        self._profile_spec: str | os.PathLike[str] | RoleProfile = (
            profile if profile is not None else DEFAULT_PROFILE
        )
        self._job = job
        self.as_of = as_of
        self._lexicon = lexicon
        self._extra_lexicon = extra
        self._recognizer = recognizer
        self._profile: RoleProfile | None = None
        self._scorer = scorer
        self._profile_vector: dict[str, float] | None = None
        self._contrast: ContrastModel | None | Literal[False] = None
        self._skill_names: dict[str, str] | None = None

    @property
    def recognizer(self) -> SkillRecognizer:
        """The compiled :class:`~jdmatch.recognize.SkillRecognizer` (built on first use)."""
        if self._recognizer is None:
            from jdmatch.compiled import load_lexicon
            from jdmatch.lexicon import Lexicon
            from jdmatch.recognize import SkillRecognizer, default_recognizer

            if self._lexicon is None and not self._extra_lexicon:
                self._recognizer = default_recognizer()
            elif isinstance(self._lexicon, Lexicon) and not self._extra_lexicon:
                self._recognizer = SkillRecognizer(self._lexicon)
            else:
                root = self._lexicon.root if isinstance(self._lexicon, Lexicon) else self._lexicon
                self._recognizer = SkillRecognizer(load_lexicon(root, extra=self._extra_lexicon))
        return self._recognizer

    @property
    def profile(self) -> RoleProfile:
        """The :class:`~jdmatch.profile.RoleProfile` scores are computed against."""
        if self._profile is None:
            from jdmatch.posting_profile import profile_from_posting
            from jdmatch.profile import load_profile

            if self._job is not None:
                self._profile = profile_from_posting(self._job, recognizer=self.recognizer)
            else:
                self._profile = load_profile(self._profile_spec, lexicon=self.recognizer.lexicon)
        return self._profile

    @property
    def scorer(self) -> FitScorer:
        """The fitted :class:`~jdmatch.scoring.FitScorer` (the shipped reference model by default)."""
        if self._scorer is None:
            from jdmatch.scoring import FitScorer

            self._scorer = FitScorer.load(recognizer=self.recognizer)
        return self._scorer

    @property
    def contrast(self) -> ContrastModel | None:
        """The profile's :class:`~jdmatch.contrast.ContrastModel`, or None when it has none."""
        if self._contrast is None:
            path = self.profile.contrast_model
            if path:
                from jdmatch.contrast import load_contrast

                self._contrast = load_contrast(path)
            else:
                self._contrast = False
        return self._contrast if self._contrast is not False else None

    @property
    def profile_vector(self) -> dict[str, float]:
        """The profile as the scorer's unit vector (worked out once)."""
        if self._profile_vector is None:
            self._profile_vector = self.scorer.profile_vector(self.profile)
        return self._profile_vector

    @property
    def skill_names(self) -> dict[str, str]:
        """Skill id -> name, from the recognizer's lexicon."""
        if self._skill_names is None:
            self._skill_names = {e.id: e.name for e in self.recognizer.lexicon.entries}
        return self._skill_names

    def skills(self, source: Source) -> list[SkillMatch]:
        """Every skill mention in ``source`` (text, a Document, or a path to read), in order."""
        return self.recognizer.recognize(as_document(source).text)

    def evidence(
        self,
        source: Source,
        *,
        as_of: datetime.date | None = None,
        analysis: Analysis | None = None,
    ) -> Evidence:
        """What scoring reads from a document besides its skills: its kind, the day "Present"
        stands for, a resume's experience and the depth of evidence of each skill.

        ``kind`` is ``"resume"`` or ``"posting"``; a resume's experience and depth
        come from :func:`~jdmatch.structure.resume_experience` and
        :func:`~jdmatch.evidence.skill_depth` (a posting has neither). "Present" is
        the document's own date when it has one (:func:`~jdmatch.structure.present_date`),
        else ``as_of``, else the matcher's ``as_of``, else today.
        """
        from jdmatch.evidence import skill_depth
        from jdmatch.structure import guess_kind, layout, present_date, resume_experience

        doc = as_document(source)
        if analysis is None:
            analysis = self.recognizer.analyze(doc.text)
        text = analysis.text
        kind = guess_kind(text)
        present, why = present_date(
            text, doc.date, doc.date_source, as_of if as_of is not None else self.as_of
        )
        experience = depth = lay = None
        if kind == "resume":
            lay = layout(
                text, kind
            )  # read once: experience, depth and seniority share its sections
            experience = resume_experience(text, analysis.matches, today=present, layout=lay)
            if analysis.matches:
                # depth needs a resume's shape (sections or dated roles); a bare line of text has none to read
                if lay.sections or experience.entries:
                    depth = skill_depth(
                        text,
                        analysis.matches,
                        experience,
                        list(lay.sections),
                        as_of_year=present.year,
                    )
        return Evidence(analysis, kind, present, why, experience, depth, lay)

    def score(
        self, source: Source, *, detail: bool = True, as_of: datetime.date | None = None
    ) -> FitResult:
        """How well ``source`` (text, a Document, or a path) fits the profile, with the evidence.

        ``detail=False`` gives the same score with a shorter explanation (faster, for batches).
        ``as_of`` overrides the matcher's ``as_of`` for this call; the document's own
        date (``Document.date``), when it has one, comes first.
        """
        doc = as_document(source)
        return self.score_analysis(
            self.recognizer.analyze(doc.text), doc, detail=detail, as_of=as_of
        )

    def score_analysis(
        self,
        analysis: Analysis,
        doc: Document,
        *,
        detail: bool = True,
        as_of: datetime.date | None = None,
    ) -> FitResult:
        """:meth:`score` for a document already recognized (``self.recognizer.analyze(doc.text)``)."""
        ev = self.evidence(doc, as_of=as_of, analysis=analysis)
        result = self.scorer.score(
            analysis,
            self.profile,
            source=doc.source,
            detail=detail,
            profile_vector=self.profile_vector,
            depth=ev.depth,
            contrast=self.contrast,
        )
        if detail:
            result = _with_experience(result, ev, self.profile, self.skill_names)
        return result

    def score_many(
        self,
        sources: Iterable[str | Document | os.PathLike[str]],
        n_process: int = 1,
        chunksize: int = 16,
    ) -> Iterator[FitResult]:
        """Score many documents, yielding results in input order.

        With ``n_process > 1`` the work is spread over worker processes (a
        :class:`~jdmatch.engine.WorkerPool`), each of which builds its own matcher
        once, in chunks of ``chunksize`` documents; only small results travel back. The
        inputs follow the same rule as :meth:`score` at any ``n_process``, and the
        workers exit when this process dies.
        """
        if n_process <= 1:
            for source in sources:
                yield self.score(source)
            return
        from jdmatch.engine import WorkerPool

        spec = (
            self._profile_spec if self._job is None else None,
            self._job,
            self._lexicon,
            self.as_of,
            self._extra_lexicon,
        )
        chunks = _chunked((checked_source(s) for s in sources), chunksize)
        shipped = self._lexicon is None and not self._extra_lexicon
        with WorkerPool(
            n_process, _worker_matcher, spec, preload=_shipped_recognizer if shipped else None
        ) as pool:
            for results in pool.map(_score_in_worker, chunks):
                yield from results


def _chunked(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """Lists of ``size`` items (the last may be shorter), each handed on as soon as it is full."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _shipped_recognizer() -> None:
    """spaCy and the shipped lexicon's recognizer, loaded before the workers fork (they share it)."""
    from jdmatch.recognize import default_recognizer

    default_recognizer()


def _worker_matcher(
    profile: Any, job: Any, lexicon: Any, as_of: Any = None, extra_lexicon: Any = ()
) -> Matcher:
    """A score_many worker's own matcher, built once when its process starts."""
    return Matcher(profile, job=job, lexicon=lexicon, as_of=as_of, extra_lexicon=extra_lexicon)


def _score_in_worker(matcher: Matcher, sources: list[Any]) -> list[FitResult]:
    return [matcher.score(source) for source in sources]


def required_gaps(
    profile: RoleProfile, result: FitResult, *, names: Mapping[str, str] | None = None
) -> list[str]:
    """The must-haves a document lacks, one line per required group not fully covered.

    A group where one skill is enough reads "one of A, B or C"; a group needing
    several lists only the skills missing, and how many of them are needed.
    ``names`` (skill id -> name) names skills outside ``result.missing``; by
    default the shipped lexicon's names.
    """
    known = {m.id: m.name for m in result.missing}
    lexicon_names: dict[str, str] = dict(names or {})
    out = []
    for g, cov in zip(profile.groups, result.groups):
        if not g.required or cov.coverage >= 0.999:
            continue
        have = set(cov.matched)
        lacking = [s.id for s in g.skills if s.id not in have]
        if not lacking or (g.mode == "any" and have):
            continue  # one of the alternatives is there: thinly shown, but not missing
        if g.need and len(have) >= g.need:
            continue
        if not lexicon_names and any(i not in known for i in lacking):
            from jdmatch.recognize import default_recognizer

            lexicon_names = {e.id: e.name for e in default_recognizer().lexicon.entries}
        shown = [known.get(i) or lexicon_names.get(i, i) for i in lacking]
        if g.mode == "any":
            out.append("required skill missing: one of " + _or_list(shown))
        elif g.need and g.need < len(g.skills):
            out.append(
                f"required skills missing: {g.need - len(have & {s.id for s in g.skills}) if have else g.need} more of "
                + _or_list(shown)
            )
        else:
            out.extend(f"required skill missing: {n}" for n in shown)
    return out


def _or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _with_experience(
    result: FitResult, ev: Evidence, profile: RoleProfile, names: Mapping[str, str]
) -> FitResult:
    """Add the document's level and years, and the gaps to what the profile or posting asks."""
    import dataclasses

    from jdmatch.structure import layout, seniority, years_asked

    text = ev.analysis.text
    kind, experience, present, present_source = (
        ev.kind,
        ev.experience,
        ev.present,
        ev.present_source,
    )
    lay = ev.layout if ev.layout is not None else layout(text, kind)
    years: float | None = (
        (experience.total_years or None)
        if experience is not None
        else years_asked(text, layout=lay)[0]
    )
    ladder = profile.ladder or None
    level = seniority(
        text,
        ladder=ladder,
        kind=kind,
        years=years,
        experience=experience,
        today=present,
        layout=lay,
    )
    gaps = []
    # the share of the score kept: a resume below the years or the level asked keeps less
    gate = 1.0
    asked_years = profile.years_required
    if asked_years and kind == "resume" and (years or 0) < asked_years:
        gaps.append(
            f"asks for {asked_years:g}+ years of experience; the resume shows about {years:.1f}"
            if years is not None
            else f"asks for {asked_years:g}+ years of experience; the resume shows no dated work"
        )
        if years is not None:  # years the resume does not show are unknown, not none
            floor = profile.years_floor
            gate *= floor + (1.0 - floor) * years / asked_years
    asked_level = profile.seniority
    if asked_level and level.level != "n/a":
        ranks = {lv.level: lv.rank for lv in profile.ladder}
        if asked_level in ranks and level.rank < ranks[asked_level]:
            gaps.append(
                f"asks for the {asked_level} level; the document reads as {level.level} ({level.evidence})"
            )
            if kind == "resume":
                gate *= (1.0 - profile.level_step) ** (ranks[asked_level] - level.rank)
    gaps.extend(required_gaps(profile, result, names=names))
    if gate < 1.0:
        from jdmatch.scoring import band

        score = result.score * gate
        result = dataclasses.replace(
            result,
            score=score,
            band=band(score),
            level_gate=gate,
            missing=tuple(dataclasses.replace(m, gain=m.gain * gate) for m in result.missing),
        )
    return dataclasses.replace(
        result,
        seniority=DocumentLevel(level.level, level.rank, level.track, level.evidence, kind),
        years=round(years, 1) if years is not None else None,
        gaps=tuple(gaps[:12]),
        as_of=present.isoformat(),
        as_of_source=present_source,
    )
