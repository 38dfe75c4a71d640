"""Beyond keywords: the structure of resumes and postings.

Five extractors, each a pure function of the text (and the skill mentions
``Matcher().skills(text)`` found in it):

1. Sections -- :func:`find_sections`, :func:`section_of`, :func:`guess_kind`:
   headings found by layout, mapped to canonical section names.
2. Posting requirements -- :func:`posting_requirements`: which skills a posting
   requires or prefers, alternatives ("Python or Go"), years asked.
3. Resume experience -- :func:`resume_experience`: dated entries, total years
   (overlaps counted once), years and last use per skill.
4. Seniority -- :func:`seniority`: a level on a profile's career ladder.
5. Negation and hedging -- :func:`skill_polarity`: 1.0 normal, 0.5 hedged
   ("willing to learn X"), 0.0 negated ("no experience with X").

Standard library only. Dates are month-precise: a ``date`` is the first of its
month, a year given alone counts from (or up to) the middle of that year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from jdmatch.models import SkillMatch

__all__ = [
    "Section", "find_sections", "section_of", "guess_kind",
    "SkillRequirement", "Requirements", "posting_requirements", "years_asked",
    "Entry", "Experience", "resume_experience", "stated_years", "present_date",
    "Seniority", "seniority", "title_level",
    "skill_polarity",
]


# ===========================================================================
# Shared text helpers
# ===========================================================================

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_WORD_NUMBERS) + r")"


def _lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` for every line, offsets into ``text`` (end excludes the newline)."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(line)
    return out


def _number(token: str) -> float:
    return float(_WORD_NUMBERS.get(token.lower(), token)) if token.lower() in _WORD_NUMBERS else float(token)


def _norm(text: str) -> str:
    """Lower case, curly quotes straightened, every run of non-alphanumerics one space."""
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9'+#]+", " ", text).split())


_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|incl|approx|esp|vs|min|max|yrs|no)|\b[A-Z])\.$", re.I)


def _clause(text: str, offset: int, *, semicolons: bool = True) -> tuple[int, int]:
    """Bounds of the sentence, bullet or ``;``-clause around ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    stops = r"[.!?](?=\s+[A-Z(\"'])" + (r"|;" if semicolons else "")
    for m in re.finditer(stops, text[start:end]):
        if m.group() == "." and _ABBREVIATION.search(text, 0, start + m.start() + 1):
            continue  # "e.g. MongoDB", "i.e. Java", "etc. We" do not end a sentence
        cut = start + m.end()
        if cut <= offset:
            start = cut
        elif start + m.start() >= offset:
            end = start + m.start() + 1 if m.group() != ";" else start + m.start()
            break
    return start, end


# ===========================================================================
# 1. Sections
# ===========================================================================

@dataclass(frozen=True, slots=True)
class Section:
    """A part of a document under one heading: ``text[start:end]``, heading line included."""

    name: str
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


RESUME_SECTIONS = ("summary", "experience", "education", "skills", "projects", "certifications")
POSTING_SECTIONS = ("about", "responsibilities", "requirements", "nice_to_have", "benefits")

# (pattern on the normalized heading, canonical name); first hit wins, so the
# more specific patterns come first.
_RESUME_HEADINGS: tuple[tuple[str, str], ...] = (
    (r"\b(?:work|employment|career|professional|relevant|industry) (?:history|experience|background)\b", "experience"),
    (r"\b(?:experience|employment|positions held|work)\b", "experience"),
    (r"\b(?:education|academic|degrees?|schooling|training and education)\b", "education"),
    (r"\b(?:certifications?|certificates?|licen[cs]es?|accreditations?|courses)\b", "certifications"),
    (r"\b(?:skills?|technologies|tech stack|technical|competencies|expertise|toolbox|tools|languages)\b", "skills"),
    (r"\b(?:projects?|open source|portfolio|side work)\b", "projects"),
    (r"\b(?:summary|profile|about me|about|objective|overview|personal statement|introduction|highlights)\b", "summary"),
)
_POSTING_HEADINGS: tuple[tuple[str, str], ...] = (
    (r"^about (?:the |this )?(?:role|us|company|team|job|position|opportunity)\b", "about"),
    (r"\b(?:nice to haves?|nice-to-haves?|bonus(?: points)?|preferred|pluses|plus|good to have|desirable|"
     r"extra credit|would be (?:nice|great)|even better|not required but)\b", "nice_to_have"),
    (r"\b(?:benefits?|perks|what we offer|we offer|compensation|salary|why (?:join|work)|what's in it|pay and)\b", "benefits"),
    (r"\b(?:must haves?|must-haves?|requirements?|required|qualifications?|what we're looking for|"
     r"what we are looking for|looking for|what you bring|what you'll bring|what you need|you have|who you are|"
     r"about you|your profile|skills|experience|you should have|you'll need|you will need)\b", "requirements"),
    (r"\b(?:responsibilities|what you'll do|what you will do|what you'll be doing|duties|your role|the role|"
     r"day to day|in this role|your impact|the job|what the job involves|key tasks|your mission)\b", "responsibilities"),
    (r"\b(?:about|who we are|overview|the company|our team|the team|description|the opportunity|introduction)\b", "about"),
)
_RESUME_EXACT = {
    "experience", "work experience", "professional experience", "work history", "employment", "employment history",
    "career history", "relevant experience", "education", "skills", "technical skills", "key skills", "core skills",
    "projects", "personal projects", "side projects", "certifications", "certificates", "licenses and certifications",
    "summary", "professional summary", "profile", "about me", "objective", "career objective", "overview",
    "education and training", "skills and tools", "tools", "technologies", "competencies", "core competencies",
}
_POSTING_EXACT = {
    "about", "about us", "about the role", "about the company", "about the team", "about you", "who we are",
    "overview", "the role", "responsibilities", "key responsibilities", "what you'll do", "what you will do",
    "requirements", "qualifications", "must have", "must haves", "what we're looking for", "what you bring",
    "nice to have", "nice to haves", "bonus points", "preferred qualifications", "pluses", "benefits", "perks",
    "what we offer", "minimum qualifications", "basic qualifications", "required qualifications", "you have",
    "the opportunity", "compensation", "duties",
}
_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
_MD = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def _heading_name(raw: str, kind: str) -> str | None:
    table = _POSTING_HEADINGS if kind == "posting" else _RESUME_HEADINGS
    norm = _norm(re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", raw))
    for pattern, name in table:
        if re.search(pattern, norm):
            return name
    return None


def _is_shouty(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s)]
    small = {"and", "of", "the", "to", "for", "in", "with", "a", "an", "on", "at", "&", "or"}
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w.lower() in small for w in words)


def _heading_candidates(text: str) -> list[tuple[int, str, int]]:
    """``(line start, heading text, strength)``: 2 = marked (markdown, setext, colon, UPPER), 1 = plain line."""
    lines = _lines(text)
    out = []
    for i, (start, _end, line) in enumerate(lines):
        s = line.strip().strip("*_").strip()
        if not s or _BULLET.match(line) or len(s) > 60:
            continue
        md = _MD.match(line)
        if md:
            out.append((start, md.group(2).strip().strip("*_"), 3 if len(md.group(1)) == 2 else 1))
            continue
        if _SETEXT.match(line):
            continue
        if i + 1 < len(lines) and _SETEXT.match(lines[i + 1][2]) and lines[i + 1][2].strip():
            out.append((start, s, 2))
            continue
        if len(s.split()) > 6 or re.search(r"[—|·@•]|\d{3}|[.,;!?]$", s):
            continue
        if s.endswith(":") and (_is_title_case(s[:-1]) or len(s.split()) <= 4):
            out.append((start, s[:-1].strip(), 2))
        elif _is_shouty(s):
            out.append((start, s, 2))
        elif _is_title_case(s) or s[0].isupper():
            out.append((start, s, 1))
    return out


def guess_kind(text: str) -> str:
    """``"posting"`` or ``"resume"``, from the headings and the voice of the text."""
    score = 0
    for _start, heading, strength in _heading_candidates(text):
        norm = _norm(heading)
        if strength < 2 and norm not in _RESUME_EXACT | _POSTING_EXACT:
            continue
        p, r = _heading_name(heading, "posting"), _heading_name(heading, "resume")
        if p in {"responsibilities", "nice_to_have", "benefits"} or norm in {"requirements", "qualifications"}:
            score += 3
        if r in {"education", "certifications", "projects"} or norm in {"work experience", "work history", "experience", "professional experience", "employment"}:
            score -= 3
    low = text.lower()
    score += 2 * len(re.findall(r"\b(?:you will|you'll|you’ll|we are (?:hiring|looking)|we're|we’re|join (?:us|our)|apply|"
                                r"per hour|salary|benefits|full-time|the role|our team)\b", low))
    score -= 2 * len(_RANGE.findall(text))
    score -= len(re.findall(r"(?:^|\n)\s*(?:[-•*]\s*)?(?:built|led|designed|developed|managed|wrote|created|maintained|introduced)\b", low))
    return "posting" if score > 0 else "resume"


def find_sections(text: str, kind: str | None = "resume") -> list[Section]:
    """The sections of ``text`` in order, each running to the next heading.

    ``kind`` picks the vocabulary of canonical names (``"resume"`` or
    ``"posting"``); ``None`` guesses it. Headings that name no known section but
    are clearly headings (markdown ``##``, UPPER CASE, underlined) give
    ``"other"``; text before the first heading belongs to no section.
    """
    kind = kind or guess_kind(text)
    exact = _POSTING_EXACT if kind == "posting" else _RESUME_EXACT
    found: list[tuple[int, str, str]] = []
    first_line = len(text) - len(text.lstrip())
    first_line = text.rfind("\n", 0, first_line) + 1
    for start, heading, strength in _heading_candidates(text):
        name = _heading_name(heading, kind)
        norm = _norm(heading)
        if strength == 1:  # a plain line, or a ### heading: only the known section names
            if not (norm in exact or norm in _RESUME_EXACT | _POSTING_EXACT and name):
                continue
        elif name is None:
            if strength < 3 and not _is_shouty(heading):
                continue
            if strength < 3 and (start == first_line or (len(norm.split()) == 1 and len(norm) < 5)):
                continue  # a name at the top, or "CKA" in a list
            name = "other"
        elif strength == 2 and len(norm.split()) > 4 and norm not in exact:
            continue
        found.append((start, heading, name))
    sections = []
    for i, (start, heading, name) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        sections.append(Section(name, heading, start, end))
    return sections


def section_of(sections: Sequence[Section], offset: int) -> str:
    """The canonical name of the section holding ``offset`` (``"other"`` outside every section)."""
    for s in sections:
        if s.start <= offset < s.end:
            return s.name
    return "other"


def _preamble_end(sections: Sequence[Section], text: str) -> int:
    return sections[0].start if sections else len(text)


# ===========================================================================
# 5. Negation and hedging  (before 2-4, which use it)
# ===========================================================================

_NEG_BEFORE = re.compile(
    r"(?:\bno (?:prior |previous |professional |real |hands-on |commercial |production )?(?:experience|knowledge|background|exposure|skills?)\b"
    r"|\bnot required\b|\bnot needed\b|\bnot necessary\b|\bnot a requirement\b|\bno need for\b|\bnot (?:using|use)\b"
    r"|\b(?:do not|don't|does not|doesn't|did not|didn't|have not|haven't|has not|hasn't|never) "
    r"(?:need|require|have|know|used?|worked with|touched|written|programmed in)\b"
    r"|\black(?:s|ing)? (?:of )?(?:any )?(?:experience|knowledge)?\b)",
    re.I,
)
_NEG_NEAR = re.compile(r"\b(?:without|never)\s+(?:any\s+|using\s+|used\s+)?(?:\w+\s+){0,1}$", re.I)
_NEG_AFTER = re.compile(r"^\W{0,3}(?:is |are |experience is |knowledge is |skills are )?"
                        r"(?:not required|not needed|not necessary|not a requirement|optional\b(?! but))", re.I)
_HEDGE_BEFORE = re.compile(
    r"\b(?:willing(?:ness)? to learn|eager to learn|keen to learn|happy to learn|interest(?:ed)? in learning|"
    r"(?:currently |now )?(?<!machine )(?<!deep )learning(?=\s*$)|exposure to|some exposure|basic (?:knowledge|understanding|"
    r"familiarity|experience)(?: of| with| in)?|familiar(?:ity)? with|some familiarity|beginner(?:'s)? (?:knowledge|level)|"
    r"working towards|a little|introductory|dabbled in|limited experience)\b",
    re.I,
)
_HEDGE_AFTER = re.compile(r"^\s*(?:\((?:basic|some|beginner|learning|familiar|limited|exposure)\)|\s*-\s*basic\b|"
                          r",? (?:at a |on a )?basic level\b|\s*\(a little\))", re.I)


def _mention(text: str, skill: SkillMatch | str | tuple[int, int]) -> tuple[int, int] | None:
    if isinstance(skill, SkillMatch):
        return skill.start, skill.end
    if isinstance(skill, tuple):
        return skill
    m = re.search(r"(?<!\w)" + re.escape(skill) + r"(?!\w)", text, re.I)
    return (m.start(), m.end()) if m else None


def skill_polarity(text: str, skill: SkillMatch | str | tuple[int, int]) -> float:
    """How firmly ``text`` claims (or asks for) ``skill``: 1.0, 0.5 (hedged) or 0.0 (negated).

    ``skill`` is a :class:`SkillMatch`, a ``(start, end)`` span, or the skill's
    text (its first mention is used). Only the sentence or bullet around the
    mention is read, and a "but" ends the reach of a cue.
    """
    span = _mention(text, skill)
    if span is None:
        return 1.0
    start, end = span
    cs, ce = _clause(text, start)
    before, after = text[cs:start], text[end:ce]
    cut = max((m.end() for m in re.finditer(r"\b(?:but|however|although|whereas)\b", before, re.I)), default=0)
    before = before[cut:]
    # the cue nearest the mention decides ("no Kotlin, and some exposure to Scala")
    neg = max((m.start() for m in _NEG_BEFORE.finditer(before)), default=-1)
    near = _NEG_NEAR.search(before)
    neg = max(neg, near.start() if near else -1)
    hedge = max((m.start() for m in _HEDGE_BEFORE.finditer(before)), default=-1)
    if _NEG_AFTER.match(after):
        return 0.0
    if neg > hedge:
        return 0.0
    if hedge >= 0 or _HEDGE_AFTER.match(after):
        return 0.5
    return 1.0


# ===========================================================================
# 2. Posting requirements
# ===========================================================================

@dataclass(frozen=True, slots=True)
class SkillRequirement:
    """One skill a posting asks for: ``status`` is ``"required"`` or ``"preferred"``.

    ``alternatives`` are the skill ids offered in its place ("Python or Go"),
    ``years`` the years of it asked for, ``evidence`` the sentence that decided.
    """

    id: str
    name: str
    status: str
    years: float | None = None
    alternatives: tuple[str, ...] = ()
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "status": self.status, "years": self.years,
                "alternatives": list(self.alternatives), "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a posting asks for: skills required and preferred, years overall, and the level."""

    required: tuple[SkillRequirement, ...]
    preferred: tuple[SkillRequirement, ...]
    years_required: float | None
    seniority: str | None
    seniority_evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"required": [r.to_dict() for r in self.required], "preferred": [r.to_dict() for r in self.preferred],
                "years_required": self.years_required, "seniority": self.seniority,
                "seniority_evidence": self.seniority_evidence}


_PREFERRED_FORWARD = re.compile(
    r"\b(?:nice to have|nice-to-have|bonus(?: points)?(?: if| for)?|a plus:|plus:|preferably|ideally|familiarity with|"
    r"familiar with|exposure to|some experience with|any experience with|desirable|good to have|optionally|"
    r"would be (?:nice|great)|bonus:)\b", re.I)
_PREFERRED_BACKWARD = re.compile(
    r"\b(?:is |are |would be |will be )?(?:a (?:big |huge |real )?(?:plus|bonus|nice-to-have)|an? (?:big )?advantage|"
    r"preferred|a nice to have|desirable|advantageous|helpful|beneficial|appreciated|welcome)\b", re.I)
_REQUIRED_CUE = re.compile(
    r"\b(?:must|required|requires?|you have|you bring|strong|proficien(?:t|cy)|solid|deep|expert(?:ise)?|extensive|"
    r"hands-on|advanced|fluen(?:t|cy)|mastery|significant|demonstrated|\d+\+? years?|at least \w+ years?)\b", re.I)
_YEARS = re.compile(
    r"(?:\b(?:at least|minimum(?: of)?|min\.?|over|more than)\s+" + _NUM + r"\+?\s*(?:years?|yrs?)\b(?! old| of age)"
    r"|\b" + _NUM + r"\s*(?:\+|plus)\s*(?:years?|yrs?)\b"
    r"|\b" + _NUM + r"\s*(?:-|–|to)\s*\d{1,2}\s*(?:years?|yrs?)\b"
    r"|\b" + _NUM + r"\s*(?:years?|yrs?)(?:'|’)?\s+(?:of\s+)?(?! old| of age)(?=(?:[\w/#.+-]+[ \t]+){0,5}?(?:experience|development|engineering|"
    r"programming|work|coding)\b|(?:of|with|in|using)[ \t]+\S))",
    re.I,
)


def _years_in(s: str) -> list[tuple[int, int, float]]:
    out = []
    for m in _YEARS.finditer(s):
        num = next(g for g in m.groups() if g)
        out.append((m.start(), m.end(), _number(num)))
    return out


def years_asked(text: str, sections: Sequence[Section] | None = None) -> tuple[float | None, str]:
    """The overall years of experience a posting asks for, and the sentence saying so.

    The largest figure in the requirement-like parts of the text (benefits and
    nice-to-have sections are skipped); ``None`` when no years are asked.
    """
    sections = find_sections(text, "posting") if sections is None else sections
    best: tuple[float | None, str] = (None, "")
    for m in _YEARS.finditer(text):
        if section_of(sections, m.start()) in {"benefits", "nice_to_have"}:
            continue
        if skill_polarity(text, (m.start(), m.end())) == 0.0:
            continue
        num = _number(next(g for g in m.groups() if g))
        if num > 30:
            continue
        cs, ce = _clause(text, m.start(), semicolons=False)
        if best[0] is None or num > best[0]:
            best = (num, text[cs:ce].strip(" -•*"))
    return best


# what may stand between two names of one list: commas, "or", "and", a slash, brackets
_LIST_GAP = re.compile(r"^[\s,;]*(?:[()][\s,]*)?(?:(or|and/or|/|nor|and|&|as well as)\b\s*|(/)\s*)?(?:even\s+|also\s+)?[\s(]*$", re.I)
# words that open a list of examples or choices: any one of the names that follow will do
_ALT_LEAD = re.compile(
    r"(?:\bsuch as|\be\.?\s?g\.?,?|\bfor (?:example|instance),?|\blike|\bone or more of|\bat least one of|\bone of|"
    r"\bany of|\beither|\bany(?: one)? (?:major |modern |mainstream )?[\w-]+(?: [\w-]+)?(?: such as| like)?|\bor similar(?: like)?)"
    r"\s*(?:the\s+)?(?:following\s*)?:?\s*\(?\s*$", re.I)


def _alternatives(text: str, mentions: Sequence[SkillMatch]) -> dict[int, set[str]]:
    """For each mention index, the ids of the skills offered as alternatives to it.

    Read as a recruiter reads a posting: a list with "or" ("Python, Ruby, Java or
    PHP"), a slash list ("Java/Kotlin", "BS/MS"), a list after "such as", "e.g.",
    "like", "one of", "at least one of", and a parenthesised list of examples
    ("a Java web framework (JSF, Wicket, Spring MVC)", the category named before
    the brackets included) each ask for one of their names. A list joined by
    "and" asks for all of them, unless such a lead opens it.
    """
    out: dict[int, set[str]] = {}
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, m in enumerate(mentions):
        by_clause.setdefault(_clause(text, m.start, semicolons=False), []).append(i)
    for (cs, _ce), idx in by_clause.items():
        idx.sort(key=lambda i: mentions[i].start)
        runs: list[list[int]] = []
        joins: list[list[str]] = []  # the joining word before each member after the first
        for i in idx:
            if runs:
                prev = mentions[runs[-1][-1]]
                gap = text[prev.end:mentions[i].start]
                g = _LIST_GAP.match(gap) if len(gap) <= 14 and prev.end <= mentions[i].start else None
                if g:
                    runs[-1].append(i)
                    joins[-1].append(((g.group(1) or g.group(2) or "") + ("(" if "(" in gap else "") + (")" if ")" in gap else "")).lower())
                    continue
            runs.append([i])
            joins.append([])
        for k, (run, join) in enumerate(zip(runs, joins)):
            first = mentions[run[0]]
            lead = text[max(cs, first.start - 40):first.start]
            led = bool(_ALT_LEAD.search(lead))
            # the category named just before the examples: "a message broker such as RabbitMQ or Kafka",
            # "NoSQL stores (e.g. MongoDB, Redis)"
            if k and (led or lead.rstrip().endswith("(")):
                before = mentions[runs[k - 1][-1]]
                between = text[before.end:first.start]
                if len(between) <= 30 and "\n" not in between and re.search(r"(?:\(|such as|e\.?\s?g\.?|like|for example)\W*$", between, re.I):
                    _mark(out, mentions, [runs[k - 1][-1], *run])
            if len(run) < 2:
                continue
            segments: list[list[int]] = [[run[0]]]
            for member, word in zip(run[1:], join):
                if "(" in word and ")" not in word:
                    # "a Java web framework (JSF, Wicket, GWT)": the category and its examples
                    close = text.find(")", mentions[member].start)
                    inside = [j for j in run if mentions[j].start >= mentions[member].start and (close < 0 or mentions[j].end <= close)]
                    if len(inside) >= 2:  # a list of examples, not "(Jenkins preferred)"
                        _mark(out, mentions, [segments[-1][-1], *inside])
                    segments.append([member])
                    continue
                if word.startswith(("and", "&", "as well")) and not led:
                    segments.append([member])
                else:
                    segments[-1].append(member)
            for seg in segments:
                words = [join[run.index(j) - 1] for j in seg[1:]]
                ored = any(w.startswith(("or", "/", "and/or", "nor")) or w == "/" for w in words)
                # "such as Python, Ruby, Java, PHP, and .Net": examples, whichever word joins them
                if ored or led:
                    _mark(out, mentions, seg)
    return out


def _mark(out: dict[int, set[str]], mentions: Sequence[SkillMatch], group: Sequence[int]) -> None:
    ids = {mentions[i].id for i in group}
    if len(ids) > 1:
        for i in group:
            out.setdefault(i, set()).update(ids - {mentions[i].id})


def _status(text: str, m: SkillMatch, section: str, structured: bool) -> tuple[str, str]:
    cs, ce = _clause(text, m.start)
    clause = text[cs:ce]
    rel, rel_end = m.start - cs, m.end - cs
    if section == "nice_to_have":
        return "preferred", clause
    before = clause[:rel]
    # forward cues ("ideally X", "familiarity with X") reach to the end of the clause
    # ("ideally" only to the next comma)
    for cue in _PREFERRED_FORWARD.finditer(before):
        tail = before[cue.end():]
        if cue.group().lower() in {"ideally", "preferably"} and re.search(r"[,)]", tail):
            continue
        if re.search(r"\b(?:but|however)\b", tail, re.I):
            continue
        return "preferred", clause
    # backward cues ("X is a plus", "(AWS preferred)") reach back to the last list break
    after = clause[rel_end:]
    for cue in _PREFERRED_BACKWARD.finditer(after):
        between = after[:cue.start()]
        opened = before.rfind("(") > before.rfind(")")  # the mention sits inside "( ... )"
        if opened and cue.end() > after.find(")") >= 0:
            continue  # "(AWS) preferred" reads as the whole phrase, "(AWS preferred)" as AWS
        if not opened and "(" in between:
            continue  # the cue is inside a later parenthesis, about something else
        if re.search(r", and |, but |\bwhile\b|;|\b(?:strong|must|required|proficien)", between, re.I):
            continue
        if cue.group().strip().lower() in {"helpful", "welcome"} and cue.start() > 40:
            continue
        return "preferred", clause
    if _REQUIRED_CUE.search(clause):
        return "required", clause
    if section in {"requirements", "responsibilities"} or not structured:
        return "required", clause
    return "preferred", clause


def _skill_years(text: str, m: SkillMatch) -> float | None:
    cs, ce = _clause(text, m.start, semicolons=False)
    before = text[cs:m.start]
    spans = _years_in(before)
    if spans:
        s, e, n = spans[-1]
        between = before[e:]
        if len(between) <= 80 and not re.search(r"\b(?:including|plus|and at least|with at least)\b", between, re.I):
            return n
    after = text[m.end:ce]
    close = re.match(r"^\s*(?:\(|:|-|–|,)?\s*" + r"(?:" + _NUM + r")\s*\+?\s*(?:years?|yrs?)", after, re.I)
    if close:
        return _number(next(g for g in close.groups() if g))
    return None


_PRACTICE_LABELS = frozenset({"practice", "methodology", "concept"})
_SOFT_LINE = re.compile(r"\b(?:organi[sz]ational|interpersonal|communication|leadership|analytical|problem[- ]solving|"
                        r"time[- ]management|people|presentation|negotiation|multitasking|teamwork)\b[^.;\n]{0,40}\bskills?\b", re.I)


def posting_requirements(text: str, skills: Iterable[SkillMatch], *, ladder: Sequence[Any] | None = None) -> Requirements:
    """The skills a posting requires and prefers, the years it asks, and the level it hires at.

    A skill in a nice-to-have section, or next to a cue such as "a plus",
    "ideally", "familiarity with", is preferred; one under requirements, or
    with "must", "strong", "5+ years", is required; otherwise the section
    decides (responsibilities and requirements: required; others: preferred;
    a posting with no headings at all: required). A skill mentioned several
    times takes its strongest status. Negated mentions ("not required: X") are
    dropped. ``ladder`` defaults to the backend-engineer profile's.
    """
    mentions = sorted(skills, key=lambda s: s.start)
    sections = find_sections(text, "posting")
    structured = any(s.name in POSTING_SECTIONS for s in sections)
    first = _preamble_end(sections, text)
    title_at = _title_line(text, first)
    alts = _alternatives(text, mentions)
    # a few lines above the first heading are the title, company, place and pay; a long run of
    # text there is the posting itself, whose headings were not recognized
    short_preamble = len([ln for ln in text[:first].splitlines() if ln.strip()]) <= 4 and first <= 400
    best: dict[str, SkillRequirement] = {}
    for i, m in enumerate(mentions):
        section = section_of(sections, m.start)
        if m.start < first and sections and short_preamble:
            if not (title_at and title_at[0] <= m.start < title_at[1]):
                continue  # company, location and pay lines
            status, evidence = "required", text[title_at[0]:title_at[1]]
        elif section == "benefits" and structured:
            continue
        else:
            status, evidence = _status(text, m, section, structured)
        polarity = skill_polarity(text, m)
        if polarity == 0.0:
            continue
        if polarity == 0.5:
            status = "preferred"
        if status == "required" and m.label in _PRACTICE_LABELS and _SOFT_LINE.search(evidence):
            # "Strong organizational and project management skills": a line of personal qualities,
            # which a recruiter weighs as a plus rather than a must-have a resume can miss
            status = "preferred"
        years = _skill_years(text, m)
        in_title = m.start < first and sections and short_preamble
        req = SkillRequirement(m.id, m.name, status, years, () if in_title else tuple(sorted(alts.get(i, ()))),
                               evidence.strip(" -•*#"))
        old = best.get(m.id)
        if old is None:
            best[m.id] = req
            continue
        alternatives = tuple(sorted(set(old.alternatives) | set(req.alternatives)))
        if old.status == "preferred" and status == "required":
            best[m.id] = SkillRequirement(m.id, m.name, status, years or old.years, alternatives, req.evidence)
        elif old.status == status:
            best[m.id] = SkillRequirement(m.id, old.name, status, old.years or years, alternatives, old.evidence)
    years, _evidence = years_asked(text, sections)
    # years stated in the title ("Java Developer (3+ years)") set the level the posting hires at
    in_title = _years_in(text[title_at[0]:title_at[1]]) if title_at else []
    lvl = seniority(text, ladder=ladder, kind="posting", years=in_title[0][2] if in_title else years)
    level = None if lvl.level == "n/a" else lvl.level
    required = tuple(r for r in best.values() if r.status == "required")
    preferred = tuple(r for r in best.values() if r.status == "preferred")
    return Requirements(required, preferred, years, level, lvl.evidence)


# ===========================================================================
# 3. Resume experience
# ===========================================================================

@dataclass(frozen=True, slots=True)
class Entry:
    """One dated position. ``end`` is ``None`` for a current one; ``span`` is its block of text."""

    title: str
    start: date | None
    end: date | None
    current: bool
    months: int
    span: tuple[int, int]
    internship: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "current": self.current, "months": self.months,
                "span": list(self.span), "internship": self.internship}


@dataclass(frozen=True, slots=True)
class Experience:
    """A resume's positions, total years (overlaps once, internships out), and years and last use per skill."""

    entries: tuple[Entry, ...]
    total_years: float
    skill_years: dict[str, float]
    skill_last_used: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries], "total_years": self.total_years,
                "skill_years": dict(self.skill_years), "skill_last_used": dict(self.skill_last_used)}


_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = (rf"(?:{_MON}\s*,?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?!\d)"
         rf"|(?:spring|summer|fall|autumn|winter)\s+{_YEAR}|{_YEAR})")
_NOW = r"(?:present|current(?:ly)?|now|today|ongoing|date|(?:till|until|up ?to|upto|to|as on|as of) (?:date|now|present|today))"
_RANGE = re.compile(rf"(?<![\w/.-])(?P<a>{_DATE})\s*(?:–|—|-|‒|−|to|until|till|through|thru)\s*(?P<b>{_DATE}|{_NOW})(?![\w/])", re.I)
_DURATION = re.compile(r"\b(?:(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?))(?:\s*(?:,|and)?\s*(\d{1,2})\s*(?:months?|mos?))?\b"
                       r"|\b(\d{1,2})\s*(?:months?|mos?)\b", re.I)
_SEASONS = {"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}


def _parse_date(token: str, *, is_end: bool) -> tuple[int, int]:
    """``(year, month)``; a year alone is mid-year (July as a start, June as an end)."""
    t = token.strip().lower()
    y = int(re.search(_YEAR, t).group())  # type: ignore[union-attr]
    mon = re.match(r"([a-z]+)", t)
    if mon and mon.group(1)[:3] in _MONTHS:
        return y, _MONTHS[mon.group(1)[:3]]
    if mon and mon.group(1) in _SEASONS:
        return y, _SEASONS[mon.group(1)]
    m = re.match(r"(\d{1,2})\s*[/.]\s*\d{4}$", t) or re.match(r"\d{4}\s*[-/.]\s*(\d{2})$", t)
    if m:
        return y, int(m.group(1))
    return (y, 6) if is_end else (y, 7)


def _month_index(ym: tuple[int, int]) -> int:
    return ym[0] * 12 + ym[1] - 1


def _union_months(intervals: Iterable[tuple[int, int]]) -> int:
    """Months covered by inclusive ``[a, b]`` month-index intervals, overlaps once."""
    total, cur = 0, None
    for a, b in sorted(intervals):
        if cur is None or a > cur[1] + 1:
            if cur:
                total += cur[1] - cur[0] + 1
            cur = [a, b]
        else:
            cur[1] = max(cur[1], b)
    if cur:
        total += cur[1] - cur[0] + 1
    return total


_INTERN = re.compile(r"\b(?:intern|internship|co-?op|placement|apprentice(?:ship)?|trainee(?:ship)?|work student|werkstudent)\b", re.I)
_STATED_TOTAL = re.compile(
    r"\b(?:over |more than |about |around |nearly |almost |a little over )?" + _NUM + r"\+?\s*(?:years?|yrs?)(?:\(s\))?\+?(?:'|’)?\s+"
    r"(?:of\s+)?(?:[\w/#.+-]+\s+){0,3}?(?:experience|in (?:the )?(?:industry|software|operations|tech|it)|into my career|"
    r"of professional)(?!\s+(?:with|using|working with|on|of using)\b)", re.I)
# "Total Experience: 1 Year(s) 9 Month(s)", "total IT experience of 4.5 years", "experience of 18+ years"
_STATED_LABELLED = re.compile(
    r"\b(?:(?:total|overall)\s+(?:[\w/.-]+\s+)?experience|experience\s+of)\s*(?:[:\-–]|is|of)?\s*"
    r"(?:over |more than |about |around |nearly |almost )?" + _NUM + r"\s*\+?\s*(?:years?|yrs?)(?:\(s\))?\+?"
    r"(?:\s*(?:,|and)?\s*(\d{1,2})\s*(?:months?|mos?)(?:\(s\))?)?", re.I)


_TOOL_LABELS = frozenset({"tool", "language", "library", "framework", "cloud", "database", "platform", "protocol", "os", "data_format"})


def stated_years(text: str, skills: Iterable[SkillMatch] = ()) -> float | None:
    """The total experience a resume states ("8+ years of experience", "Total Experience: 4 Year(s) 2 Month(s)").

    The largest statement counts: a summary's "10 years" beside a later "3 years
    of it in banking", a summary's "34 years" beside a form field's "30+".
    Phrases about one tool are not totals: "2 years of experience with Spark",
    and, when the ``skills`` mentions are given, "5 years of Java experience" or
    "5 years of experience in Django". ``None`` when the resume states none.
    """
    tools = sorted(m.start for m in skills if m.label in _TOOL_LABELS)

    def about_a_tool(m: re.Match[str]) -> bool:
        k = bisect.bisect_left(tools, m.start())
        if k < len(tools) and tools[k] < m.end():
            return True  # "5 years of Java experience"
        k = bisect.bisect_left(tools, m.end())
        return k < len(tools) and re.fullmatch(r"[ \t]*(?:(?:in|with|of|using|on|across)[ \t]+)?(?:the[ \t]+)?", text[m.end():tools[k]]) is not None

    found = [_number(next(g for g in m.groups() if g)) for m in _STATED_TOTAL.finditer(text) if not about_a_tool(m)]
    found += [_number(m.group(1)) + int(m.group(2) or 0) / 12 for m in _STATED_LABELLED.finditer(text)]
    found = [y for y in found if y <= 60]
    return round(max(found), 1) if found else None


def _title_from(text: str, lines: list[tuple[int, int, str]], li: int, date_start: int) -> tuple[str, int]:
    """The title of the entry whose dates are on line ``li``, and where its block starts."""
    start, _end, line = lines[li]
    head = re.sub(r"[*_#|,;:()\[\]–—-]+\s*$", "", line[: date_start - start]).strip(" *_#|,;:–—-(")
    head_is_title = len(re.findall(r"[A-Za-z]", head)) >= 3 and not re.fullmatch(r"(?i)internship|intern|co-?op|placement", head)
    if head_is_title:
        return head, start
    picked: list[tuple[str, int]] = []
    for j in range(li - 1, max(-1, li - 4), -1):
        s, _e, prev = lines[j]
        body = prev.strip()
        if not body:
            if picked:
                break
            continue
        if _BULLET.match(prev) or _RANGE.search(prev) or _MD.match(prev) and picked:
            break
        picked.append((re.sub(r"^#+\s*|[*_]", "", body).strip(), s))
        if _ROLE_NOUN.search(body) or _ENG_NOUN.search(_tnorm(body)) or len(picked) == 2:
            break
    if not picked:
        return head, start
    if len(picked) == 2 and not (_ROLE_NOUN.search(picked[0][0]) or _ENG_NOUN.search(_tnorm(picked[0][0]))) \
            and (_ROLE_NOUN.search(picked[1][0]) or _ENG_NOUN.search(_tnorm(picked[1][0]))):
        return f"{picked[1][0]} — {picked[0][0]}", picked[1][1]  # title line, then company line
    return picked[0]


def _experience_region(text: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    exp = [(s.start, s.end) for s in sections if s.name == "experience"]
    if exp:
        return exp
    skip = [(s.start, s.end) for s in sections if s.name in {"education", "certifications", "skills", "projects"}]
    if not skip:
        return [(0, len(text))]
    regions, pos = [], 0
    for a, b in sorted(skip):
        if a > pos:
            regions.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        regions.append((pos, len(text)))
    return regions


def present_date(text: str, written: date | None = None, written_source: str = "", as_of: date | None = None) -> tuple[date, str]:
    """The day "Present" stands for in ``text``, and why: ``(day, source)``.

    The day the document was written (``written``, from its metadata or a dated
    header; ``written_source`` says which) when it has one, else ``as_of``, else
    today. A written date earlier than a date the document itself names is a
    tool's placeholder (templates keep the date they were made), not the day it
    was written, and is passed over; so is one after today (a wrong clock).
    """
    if written is not None and written <= date.today():
        named = [_parse_date(m.group(g), is_end=g == "b") for m in _RANGE.finditer(text) for g in ("a", "b")
                 if not re.fullmatch(_NOW, m.group(g).strip(), re.I)]
        if not named or _month_index(max(named)) <= _month_index((written.year, written.month)):
            return written, written_source or "document"
    if as_of is not None:
        return as_of, "as of"
    return date.today(), "today"


def resume_experience(text: str, skills: Iterable[SkillMatch], *, today: date | None = None) -> Experience:
    """The dated positions of a resume, its total years, and years and last use of each skill.

    Entries are the date ranges ("Jan 2019 – Present", "03/2016 - 08/2018",
    "2014–2017", "2019-02 – now") and stated durations ("3 years") on the
    non-bullet lines of the experience section. Total years is the total the
    resume states (:func:`stated_years`) when it states one, else the union of
    the entries (overlaps once; internships left out). A skill's years are the
    union of the entries whose block mentions it (negated mentions do not count).
    "Present" ("till date", "current", "now") is ``today``, by default the day
    of the call; :func:`present_date` picks the day a document was written.
    """
    today = today if today is not None else date.today()
    sections = find_sections(text, "resume")
    lines = _lines(text)
    now = (today.year, today.month)
    found: list[tuple[int, str, int, tuple[int, int] | None, tuple[int, int] | None, bool, int, bool]] = []
    for a, b in _experience_region(text, sections):
        for li, (ls, le, line) in enumerate(lines):
            if ls < a or ls >= b or _BULLET.match(line) or len(line.strip()) > 140:
                continue
            rng = _RANGE.search(line)
            if rng:
                s = _parse_date(rng.group("a"), is_end=False)
                if re.fullmatch(_NOW, rng.group("b").strip(), re.I):
                    e, current = now, True
                else:
                    e, current = _parse_date(rng.group("b"), is_end=True), False
                if _month_index(s) > _month_index(now):
                    continue
                e = min(e, now)
                if _month_index(e) < _month_index(s):
                    continue
                title, block = _title_from(text, lines, li, ls + rng.start())
                intern = bool(_INTERN.search(line) or _INTERN.search(title))
                # a closed range counts its last month; a current one the months gone by (June is not over on June 15)
                months = _month_index(e) - _month_index(s) + (0 if current else 1)
                found.append((block, title, months, s, None if current else e, current, li, intern))
                continue
            dur = _DURATION.search(line)
            if dur and not re.search(r"\b(?:experience|ago|old|warranty)\b", line, re.I) and len(line.strip()) < 100:
                years = float(dur.group(1) or 0)
                months = round(years * 12) + int(dur.group(2) or 0) + int(dur.group(3) or 0)
                head = line[: dur.start()].strip(" *_#|,;:–—-(")
                title, block = (head, ls) if len(head) >= 3 else _title_from(text, lines, li, ls + dur.start())
                found.append((block, title, months, None, None, False, li, bool(_INTERN.search(line))))
    found.sort(key=lambda f: f[0])
    region_end = {a: b for a, b in _experience_region(text, sections)}
    entries: list[Entry] = []
    for k, (block, title, months, s, e, current, _li, intern) in enumerate(found):
        nxt = found[k + 1][0] if k + 1 < len(found) else None
        end_of_region = min((b for a, b in region_end.items() if a <= block < b), default=len(text))
        stop = min(nxt, end_of_region) if nxt is not None else end_of_region
        entries.append(Entry(title, date(*s, 1) if s else None, date(*e, 1) if e else None, current, months, (block, stop), intern))

    def interval(en: Entry) -> tuple[int, int] | None:
        if en.start is None:
            return None
        if en.current:
            return _month_index((en.start.year, en.start.month)), _month_index(now) - 1
        return _month_index((en.start.year, en.start.month)), _month_index((en.end.year, en.end.month))  # type: ignore[union-attr]

    work = [en for en in entries if not en.internship]
    dated = [iv for en in work if (iv := interval(en))]
    months_total = _union_months(dated) + sum(en.months for en in work if en.start is None)
    total = round(months_total / 12, 1)
    skills = list(skills)
    stated = stated_years(text, skills)
    if stated is None and not entries:  # nothing else to go by: "8 years of experience in .NET" it is
        stated = stated_years(text)
    if stated is not None:  # the candidate's own count beats adding up ranges that may be incomplete
        total = stated
    skill_iv: dict[str, list[tuple[int, int]]] = {}
    skill_extra: dict[str, int] = {}
    last: dict[str, int] = {}
    for sk in skills:
        for en in entries:
            if en.span[0] <= sk.start < en.span[1]:
                if skill_polarity(text, sk) == 0.0:
                    break
                iv = interval(en)
                key = f"{en.span[0]}"
                if iv:
                    if iv not in skill_iv.setdefault(sk.id, []):
                        skill_iv[sk.id].append(iv)
                    year = today.year if en.current else en.end.year  # type: ignore[union-attr]
                    last[sk.id] = max(last.get(sk.id, 0), year)
                elif f"{sk.id}@{key}" not in skill_extra:
                    skill_extra[f"{sk.id}@{key}"] = en.months
                break
    skill_years: dict[str, float] = {}
    for sid, ivs in skill_iv.items():
        skill_years[sid] = _union_months(ivs)
    for k, months in skill_extra.items():
        sid = k.split("@")[0]
        skill_years[sid] = skill_years.get(sid, 0) + months
    return Experience(tuple(entries), total, {k: round(v / 12, 1) for k, v in skill_years.items()}, last)


# ===========================================================================
# 4. Seniority
# ===========================================================================

@dataclass(frozen=True, slots=True)
class Seniority:
    """A level of the ladder (``"n/a"``, rank 0, when the text names no engineering role), and why."""

    level: str
    rank: int
    track: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_ENG_NOUN = re.compile(r"\b(?:engineers?|developers?|programmers?|architects?|sre|swe|devops|devsecops|scientists?|"
                       r"site reliability|coders?|software|firmware|full ?stack|frontend|front end|backend|back end|"
                       r"tech lead|technical lead|cto|mlops|data engineering)\b")
_ROLE_NOUN = re.compile(
    r"\b(?:engineer|developer|programmer|architect|manager|director|head|lead|scientist|analyst|designer|accountant|"
    r"nurse|teacher|chef|cook|representative|associate|generalist|specialist|administrator|consultant|coordinator|"
    r"assistant|officer|clerk|technician|intern|sre|devops|tester|writer|marketer|recruiter|owner|president|vp|"
    r"executive|agent|driver|worker|operator|cashier|supervisor|auditor|controller|lawyer|attorney|pharmacist|"
    r"therapist|physician|doctor|instructor|professor|researcher|editor|strategist|planner|buyer|bookkeeper|"
    r"electrician|mechanic|receptionist|secretary|advisor|adviser|banker|trader|underwriter|paralegal|founder)s?\b", re.I)
# level words beyond the ladder's own titles (normalized forms)
_EXTRA_WORDS = {
    "entry": ("jr", "junior", "graduate", "grad", "new grad", "entry level", "intern", "trainee", "apprentice", "engineer 1", "developer 1", "level 1"),
    "mid": ("mid level", "mid", "intermediate", "engineer 2", "developer 2", "level 2"),
    "senior": ("senior", "sr", "snr", "lead", "engineer 3", "developer 3", "level 3"),
    "staff": ("staff", "engineer iv", "engineer 4"),
    "principal": ("principal", "distinguished", "fellow", "chief engineer"),
}
_GENERIC_WORDS = {"software", "backend", "back", "end", "frontend", "front", "full", "stack", "fullstack", "web",
                  "engineer", "developer", "programmer", "application", "applications", "platform", "systems", "and", "net"}


def _tnorm(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split()) + " "


def _default_ladder() -> tuple[Any, ...]:
    from jdmatch.profile import load_profile

    return load_profile("backend-engineer").ladder


_TITLE_YEARS = re.compile(r"\(?\s*(?:min(?:imum)?\.?\s*|at least\s*)?\d{1,2}(?:\.\d)?\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b[^)\n]*\)?", re.I)


def title_level(title: str, ladder: Sequence[Any]) -> tuple[Any | None, str]:
    """The ladder level a job title names, and how it was read.

    Returns ``(level, "explicit")`` for a title with a level word attached to an
    engineering role ("Senior Backend Engineer", "Engineering Manager"),
    ``(None, "plain")`` for an engineering title without one ("QA Engineer"),
    ``(None, "other")`` for a title outside engineering ("Staff Accountant").
    """
    # "Developer (3 years of experience)" names years, not the level "developer 3"
    t = _tnorm(_TITLE_YEARS.sub(" ", title))
    for lv in ladder:  # management and architecture tracks: their own titles
        if lv.track != "individual" and any(_tnorm(x) in t for x in lv.titles):
            return lv, "explicit"
    if not _ENG_NOUN.search(t) and not re.search(r"\bengineering\b", t):
        return None, "other"
    if re.search(r"\bmanager\b", t) and re.search(r"\b(?:engineering|software|development|technical)\b", t):
        mgr = next((lv for lv in ladder if lv.track == "management"), None)
        if mgr:
            return mgr, "explicit"
    if not _ENG_NOUN.search(t):
        return None, "other"
    if re.search(r"\barchitects?\b", t):
        arch = next((lv for lv in ladder if lv.track == "architecture"), None)
        if arch and not re.search(r"\b(?:principal|distinguished|fellow)\b", t):
            return arch, "explicit"
    hits: list[Any] = []
    for lv in ladder:
        if lv.track != "individual":
            continue
        words = [x for x in lv.titles if not set(_tnorm(x).split()) <= _GENERIC_WORDS]
        words += list(_EXTRA_WORDS.get(lv.level, ()))
        roman = {"engineer i": "engineer 1", "developer i": "developer 1"}
        for w in words:
            w = roman.get(w, w)
            if _tnorm(w) in t:
                hits.append(lv)
                break
        if lv.level == "entry" and re.search(r" (?:engineer|developer) i ", t):
            hits.append(lv)
        if lv.level == "mid" and re.search(r" (?:engineer|developer) ii ", t):
            hits.append(lv)
        if lv.level == "senior" and re.search(r" (?:engineer|developer) iii ", t):
            hits.append(lv)
    if hits:
        # "Senior Staff Engineer" is staff; "Lead Junior Developer" never happens
        return max(hits, key=lambda lv: lv.rank), "explicit"
    return None, "plain"


# years alone never make a resume staff or principal: those levels need a title that says so
_YEARS_ONLY_MAX_RANK = 3


def _years_level(years: float, ladder: Sequence[Any], *, max_rank: int | None = None) -> Any | None:
    ic = sorted((lv for lv in ladder if lv.track == "individual" and (max_rank is None or lv.rank <= max_rank)), key=lambda lv: lv.rank)
    if not ic:
        return None
    inside = [lv for lv in ic if lv.years[0] <= years < lv.years[1]]
    if inside:
        return inside[0]
    return ic[-1] if years >= ic[-1].years[0] else ic[0]


def _title_line(text: str, limit: int) -> tuple[int, int] | None:
    """The span of the first line before ``limit`` that names a role."""
    for s, e, line in _lines(text[:limit]):
        body = line.strip()
        if not body or _BULLET.match(line) or "@" in body or len(body) > 120:
            continue
        if _ROLE_NOUN.search(body) or _ENG_NOUN.search(_tnorm(body)):
            return s, e
    return None


def _mid_plain(ladder: Sequence[Any]) -> Any | None:
    ic = sorted((lv for lv in ladder if lv.track == "individual"), key=lambda lv: lv.rank)
    named = [lv for lv in ic if any(set(_tnorm(x).split()) <= _GENERIC_WORDS for x in lv.titles)]
    return named[0] if named else (ic[1] if len(ic) > 1 else (ic[0] if ic else None))


_HIRING = re.compile(r"\b(?:hiring|looking for|seeking|searching for|recruiting|join (?:us|our team) as)\s+(?:an?|our|one|two)?\s*"
                     r"((?:[\w-]+\s+){0,4}?(?:engineers?|developers?|programmers?|architects?|manager|sre))\b", re.I)


def seniority(text: str, *, ladder: Sequence[Any] | None = None, kind: str | None = None, years: float | None = None,
              today: date | None = None, experience: Experience | None = None) -> Seniority:
    """The level a resume shows or a posting asks for, on ``ladder`` (default: backend engineer's).

    Resumes: the headline title, then the latest position's title; a title with
    a level word decides; a plain engineering title is the ladder's plain level
    (mid), or entry with under the mid level's years; with no title, total
    years against the ladder's ``years`` ranges. Postings: the title line, then
    "we are hiring a senior ..." phrases, then the years asked, then plain.
    Level words count only attached to an engineering title, so "Staff
    Accountant" and "Marketing Manager" give ``"n/a"``. A resume's
    :func:`resume_experience` already at hand can be passed as ``experience``.
    """
    ladder = tuple(ladder) if ladder is not None else _default_ladder()
    kind = kind or guess_kind(text)
    sections = find_sections(text, kind)
    first = _preamble_end(sections, text)
    titles: list[tuple[str, str]] = []
    at = _title_line(text, first)
    if kind == "resume":
        # the line under the name: skip the first line unless it is itself a title
        lines = [(s, e, ln) for s, e, ln in _lines(text[:first]) if ln.strip()]
        for s, e, ln in lines[1:4] if len(lines) > 1 else lines:
            body = re.sub(r"^#+\s*", "", ln.strip())
            if "@" in body or re.search(r"\d{3}", body):
                continue
            if _ROLE_NOUN.search(body) or _ENG_NOUN.search(_tnorm(body)):
                titles.append(("headline", body))
                break
        exp = experience if experience is not None else resume_experience(text, (), today=today)
        dated = sorted(exp.entries, key=lambda en: (en.current, en.end or date.max if en.current else en.end or date.min), reverse=True)
        if dated:
            titles.append(("latest position", dated[0].title))
        if years is None:
            years = exp.total_years if exp.entries or exp.total_years else None
    else:
        if at:
            titles.append(("title", re.sub(r"^#+\s*", "", text[at[0]:at[1]].strip())))
        if years is None:
            years = years_asked(text, find_sections(text, "posting"))[0]
    plain = other = None
    for where, title in titles:
        lv, how = title_level(title, ladder)
        if lv is not None:
            return Seniority(lv.level, lv.rank, lv.track, f"{where} {title!r}")
        if how == "plain" and plain is None:
            plain = (where, title)
        if how == "other" and other is None and _ROLE_NOUN.search(title):
            other = (where, title)
    if kind == "posting" and (plain or not titles):
        for m in _HIRING.finditer(text):
            lv, how = title_level(m.group(1), ladder)
            if lv is not None:
                return Seniority(lv.level, lv.rank, lv.track, f"hiring phrase {m.group(0)!r}")
    if plain is None and other is not None:
        return Seniority("n/a", 0, "", f"{other[0]} {other[1]!r} is not an engineering role")
    if kind == "posting" and years is not None:
        lv = _years_level(years, ladder)
        if lv is not None:
            return Seniority(lv.level, lv.rank, lv.track, f"{years:g} years asked")
    cap = _YEARS_ONLY_MAX_RANK if kind == "resume" else None
    if plain is not None:
        # a title without a level word ("Developer") says no more than no title at all: the years decide
        if years is not None and years > 0:
            lv = _years_level(years, ladder, max_rank=cap)
            if lv is not None:
                return Seniority(lv.level, lv.rank, lv.track, f"{plain[0]} {plain[1]!r} names no level; {years:g} years")
        mid = _mid_plain(ladder)
        if mid is not None:
            return Seniority(mid.level, mid.rank, mid.track, f"{plain[0]} {plain[1]!r} names no level")
    if years is not None and years > 0:
        lv = _years_level(years, ladder, max_rank=cap)
        if lv is not None:
            return Seniority(lv.level, lv.rank, lv.track, f"{years:g} years of experience")
    return Seniority("n/a", 0, "", "no title or years to go by")
