"""``jdmatch.Matcher``: the one object a script needs."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jdmatch.models import Document, FitResult, SkillMatch


@dataclass(frozen=True, slots=True)
class Evidence:
    """What :meth:`Matcher.evidence` reads from a document for scoring."""

    analysis: Any
    kind: str
    present: datetime.date
    present_source: str
    experience: Any = None
    depth: Any = None


class Matcher:
    """Recognizes skills in documents and scores their fit to a role.

    ``profile`` is a shipped profile name (default ``"backend-engineer"``), a path
    to a profile TOML file, or a :class:`~jdmatch.profile.RoleProfile`. ``job``
    (a posting as a path, text or Document) scores against that posting instead.
    ``lexicon`` is a lexicon folder; by default the shipped lexicon, compiled once
    per process and shared by every ``Matcher``. ``extra_lexicon`` lists a user's
    own JSON-lines files merged over it (new entries, aliases, ambiguous forms;
    see ``lexicon/README.md``), compiled once and cached by content hash.

    Inputs follow one rule everywhere: a ``str`` is text, an ``os.PathLike``
    (``pathlib.Path``) is a file to read, a :class:`~jdmatch.models.Document` is
    used as it is. A ``str`` that is a single line naming an existing document
    file raises :class:`~jdmatch.errors.PathGivenAsTextError` (a ``ValueError``):
    pass ``Path(...)`` to read it.

    ``as_of`` is the day a resume's "Present" stands for when the document does
    not say when it was written (default: the day of the call).
    """

    def __init__(self, profile: Any = "backend-engineer", *, job: Any = None, lexicon: str | os.PathLike[str] | None = None,
                 extra_lexicon: Iterable[str | os.PathLike[str]] = (), as_of: datetime.date | None = None) -> None:
        self._profile_spec = profile
        self._job = job
        self.as_of = as_of
        self._lexicon_path = lexicon
        self._extra_lexicon = tuple(os.fspath(p) for p in extra_lexicon)
        self._recognizer: Any = None
        self._profile: Any = None
        self._scorer: Any = None
        self._pvec: dict[str, float] | None = None
        self._contrast: Any = None

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
            from jdmatch.posting_profile import profile_from_posting
            from jdmatch.profile import load_profile

            if self._job is not None:
                self._profile = profile_from_posting(self._job, recognizer=self.recognizer)
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
        return self.recognizer.recognize(as_document(source).text)

    @property
    def contrast(self) -> Any:
        """The profile's :class:`~jdmatch.contrast.ContrastModel`, or None when it has none."""
        if self._contrast is None:
            path = getattr(self.profile, "contrast_model", "")
            if path:
                from jdmatch.contrast import load_contrast

                self._contrast = load_contrast(path)
            else:
                self._contrast = False
        return self._contrast or None

    def evidence(self, source: str | Document | os.PathLike[str], *, as_of: datetime.date | None = None,
                 analysis: Any = None) -> Evidence:
        """What scoring reads from a document besides its skills: its kind, the day "Present"
        stands for, a resume's experience and the depth of evidence of each skill.

        ``kind`` is ``"resume"`` or ``"posting"``; a resume's experience and depth
        come from :func:`~jdmatch.structure.resume_experience` and
        :func:`~jdmatch.evidence.skill_depth` (a posting has neither). "Present" is
        the document's own date when it has one (:func:`~jdmatch.structure.present_date`),
        else ``as_of``, else the matcher's ``as_of``, else today.
        """
        from jdmatch.evidence import skill_depth
        from jdmatch.structure import find_sections, guess_kind, present_date, resume_experience

        doc = as_document(source)
        if analysis is None:
            analysis = self.recognizer.analyze(doc.text)
        text = analysis.text
        kind = guess_kind(text)
        present, why = present_date(text, doc.date, doc.date_source, as_of if as_of is not None else self.as_of)
        experience = depth = None
        if kind == "resume":
            experience = resume_experience(text, analysis.matches, today=present)
            if analysis.matches:
                sections = find_sections(text, "resume")
                # depth needs a resume's shape (sections or dated roles); a bare line of text has none to read
                if sections or experience.entries:
                    depth = skill_depth(text, analysis.matches, experience, sections, as_of_year=present.year)
        return Evidence(analysis, kind, present, why, experience, depth)

    def score(self, source: str | Document | os.PathLike[str], *, detail: bool = True, as_of: datetime.date | None = None) -> FitResult:
        """How well ``source`` (text, a Document, or a path) fits the profile, with the evidence.

        ``detail=False`` gives the same score with a shorter explanation (faster, for batches).
        ``as_of`` overrides the matcher's ``as_of`` for this call; the document's own
        date (``Document.date``), when it has one, comes first.
        """
        doc = as_document(source)
        return self.score_analysis(self.recognizer.analyze(doc.text), doc, detail=detail, as_of=as_of)

    def score_analysis(self, analysis: Any, doc: Document, *, detail: bool = True, as_of: datetime.date | None = None) -> FitResult:
        """:meth:`score` for a document already recognized (``self.recognizer.analyze(doc.text)``)."""
        if self._pvec is None:
            self._pvec = self.scorer.profile_vector(self.profile)
        ev = self.evidence(doc, as_of=as_of, analysis=analysis)
        result = self.scorer.score(analysis, self.profile, source=doc.source, detail=detail, profile_vector=self._pvec,
                                   depth=ev.depth, contrast=self.contrast)
        if detail:
            result = _with_experience(result, ev, self.profile)
        return result

    def score_many(self, sources: Iterable[str | Document | os.PathLike[str]], n_process: int = 1, chunksize: int = 16) -> Iterator[FitResult]:
        """Score many documents, yielding results in input order.

        With ``n_process > 1`` the work is spread over worker processes, each of
        which builds its own matcher once; only small results travel back. The
        inputs follow the same rule as :meth:`score` at any ``n_process``, and the
        workers exit when this process dies.
        """
        if n_process <= 1:
            for source in sources:
                yield self.score(source)
            return
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        spec = (self._profile_spec if self._job is None else None, self._job, self._lexicon_path, self.as_of, os.getpid(),
                self._extra_lexicon)
        with ctx.Pool(n_process, initializer=_init_worker, initargs=spec) as pool:
            yield from pool.imap(_score_in_worker, (_checked(s) for s in sources), chunksize=chunksize)


DOCUMENT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".text", ".doc", ".rtf", ".odt")


def as_document(source: str | Document | os.PathLike[str], *, what: str = "document") -> Document:
    """``source`` as a Document: a ``str`` is text, an ``os.PathLike`` is a file to read.

    A ``str`` that is one line naming an existing file with a document suffix is
    almost certainly a path passed by mistake: it raises
    :class:`~jdmatch.errors.PathGivenAsTextError` rather than scoring the file's name.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        _refuse_path_text(source, what)
        return Document(text=source)
    if isinstance(source, os.PathLike):
        from jdmatch.extract import read_document

        return read_document(source)
    raise TypeError(f"expected the {what} as text (str), a path (pathlib.Path) or a Document, not {type(source).__name__}")


def _refuse_path_text(text: str, what: str) -> None:
    candidate = text.strip()
    if not candidate or "\n" in candidate or len(candidate) > 4096 or not candidate.lower().endswith(DOCUMENT_SUFFIXES):
        return
    try:
        is_file = os.path.isfile(candidate)
    except (OSError, ValueError):
        return
    if is_file:
        from jdmatch.errors import PathGivenAsTextError

        raise PathGivenAsTextError(f"a str is read as the {what}'s text, but this one names a file; "
                                   f"pass Path({candidate!r}) to read the file")


def _checked(source: Any) -> Any:
    """Apply the input rule before a source travels to a worker (the error is raised here, in order)."""
    if isinstance(source, str):
        _refuse_path_text(source, "document")
    return source


_worker: Matcher | None = None


def _init_worker(profile: Any, job: Any, lexicon: Any, as_of: Any = None, parent: int | None = None, extra_lexicon: Any = ()) -> None:
    global _worker
    if parent is not None:
        from jdmatch.batch import exit_with_parent

        exit_with_parent(parent)
    _worker = Matcher(profile if profile is not None else "backend-engineer", job=job, lexicon=lexicon, as_of=as_of,
                      extra_lexicon=extra_lexicon)


def _score_in_worker(source: Any) -> FitResult:
    assert _worker is not None
    return _worker.score(source)


def required_gaps(profile: Any, result: FitResult) -> list[str]:
    """The must-haves a document lacks, one line per required group not fully covered.

    A group where one skill is enough reads "one of A, B or C"; a group needing
    several lists only the skills missing, and how many of them are needed.
    """
    names = {m.id: m.name for m in result.missing}
    lexicon_names: dict[str, str] = {}
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
        if not lexicon_names and any(i not in names for i in lacking):
            from jdmatch.recognize import default_recognizer

            lexicon_names = {e.id: e.name for e in default_recognizer().lexicon.entries}
        shown = [names.get(i) or lexicon_names.get(i, i) for i in lacking]
        if g.mode == "any":
            out.append("required skill missing: one of " + _or_list(shown))
        elif g.need and g.need < len(g.skills):
            out.append(f"required skills missing: {g.need - len(have & {s.id for s in g.skills}) if have else g.need} more of " + _or_list(shown))
        else:
            out.extend(f"required skill missing: {n}" for n in shown)
    return out


def _or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _with_experience(result: FitResult, ev: Evidence, profile: Any) -> FitResult:
    """Add the document's level and years, and the gaps to what the profile or posting asks."""
    import dataclasses

    from jdmatch.structure import seniority, years_asked

    text = ev.analysis.text
    kind, experience, present, present_source = ev.kind, ev.experience, ev.present, ev.present_source
    years: float | None = (experience.total_years or None) if experience is not None else years_asked(text)[0]
    ladder = profile.ladder or None
    level = seniority(text, ladder=ladder, kind=kind, years=years, experience=experience, today=present)
    gaps = []
    asked_years = getattr(profile, "years_required", None)
    if asked_years and kind == "resume" and (years or 0) < asked_years:
        gaps.append(f"asks for {asked_years:g}+ years of experience; the resume shows about {years or 0:.1f}")
    asked_level = getattr(profile, "seniority", None)
    if asked_level and level.level != "n/a":
        ranks = {lv.level: lv.rank for lv in profile.ladder}
        if asked_level in ranks and level.rank < ranks[asked_level]:
            gaps.append(f"asks for the {asked_level} level; the document reads as {level.level} ({level.evidence})")
    gaps.extend(required_gaps(profile, result))
    return dataclasses.replace(result, seniority={"level": level.level, "rank": level.rank, "track": level.track, "evidence": level.evidence, "kind": kind},
                               years=round(years, 1) if years is not None else None, gaps=tuple(gaps[:12]),
                               as_of=present.isoformat(), as_of_source=present_source)
