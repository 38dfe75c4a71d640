"""Beyond keywords: the structure of resumes and postings.

Five extractors, each a pure function of the text (and the skill mentions
``Matcher().skills(text)`` found in it), one module each:

1. Sections (:mod:`.sections`) -- :func:`find_sections`, :func:`section_of`,
   :func:`guess_kind`: headings found by layout, mapped to canonical section names;
   :func:`layout` reads a document's kind, sections and lines once (a :class:`Layout`
   the other extractors take as ``layout=``).
2. Posting requirements (:mod:`.requirements`, :mod:`.years`) --
   :func:`posting_requirements`: which skills a posting requires or prefers,
   alternatives ("Python or Go"); :func:`years_asked`.
3. Resume experience (:mod:`.experience`) -- :func:`resume_experience`: dated
   entries, total years (overlaps counted once), years and last use per skill.
4. Seniority (:mod:`.levels`) -- :func:`seniority`: a level on a profile's career ladder.
5. Negation and hedging (:mod:`.polarity`) -- :func:`skill_polarity`: 1.0 normal,
   0.5 hedged ("willing to learn X"), 0.0 negated ("no experience with X").

What they share (lines, clauses, numbers, dates, role words) is in :mod:`.text`;
their vocabulary (cue words, heading words, level words) is data in
``lexicon/rules/*.toml``, read by :mod:`jdmatch.rules`. Standard library only.
Dates are month-precise: a ``date`` is the first of its month, a year given
alone counts from (or up to) the middle of that year.
"""

from __future__ import annotations

from jdmatch.structure.experience import (
    Entry,
    Experience,
    present_date,
    resume_experience,
    stated_years,
)
from jdmatch.structure.levels import Seniority, seniority, title_level
from jdmatch.structure.polarity import skill_polarity
from jdmatch.structure.requirements import Requirements, SkillRequirement, posting_requirements
from jdmatch.structure.sections import (
    POSTING_SECTIONS,
    RESUME_SECTIONS,
    Layout,
    Section,
    find_sections,
    guess_kind,
    layout,
    section_of,
)
from jdmatch.structure.years import years_asked

__all__ = [
    "Section",
    "find_sections",
    "section_of",
    "guess_kind",
    "Layout",
    "layout",
    "SkillRequirement",
    "Requirements",
    "posting_requirements",
    "years_asked",
    "Entry",
    "Experience",
    "resume_experience",
    "stated_years",
    "present_date",
    "Seniority",
    "seniority",
    "title_level",
    "skill_polarity",
    "RESUME_SECTIONS",
    "POSTING_SECTIONS",
]
