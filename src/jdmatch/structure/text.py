"""Text helpers shared by the structure extractors: lines, clauses, normalizing, numbers, dates, role words.

Everything here is public so that the extractors (sections, polarity, years,
requirements, experience, seniority) share it without reaching into each
other's private helpers.
"""

from __future__ import annotations

import re

from jdmatch import rules

__all__ = [
    "BULLET",
    "WORD_NUMBERS",
    "NUM",
    "MD_HEADING",
    "MONTH",
    "YEAR",
    "DATE",
    "NOW",
    "DATE_RANGE",
    "ENGINEERING_NOUN",
    "ROLE_NOUN",
    "lines",
    "number",
    "norm",
    "title_norm",
    "clause",
    "names_role",
    "title_line",
]

BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+")
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
}
NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(WORD_NUMBERS) + r")"
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")

# dates: "Jan 2019", "03/2016", "2019-02", "Summer 2018", "2014"; and the words for "now"
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
DATE = (
    rf"(?:{MONTH}\s*,?\s*'?{YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{YEAR}|{YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?!\d)"
    rf"|(?:spring|summer|fall|autumn|winter)\s+{YEAR}|{YEAR})"
)
NOW = r"(?:present|current(?:ly)?|now|today|ongoing|date|(?:till|until|up ?to|upto|to|as on|as of) (?:date|now|present|today))"
DATE_RANGE = re.compile(
    rf"(?<![\w/.-])(?P<a>{DATE})\s*(?:–|—|-|‒|−|to|until|till|through|thru)\s*(?P<b>{DATE}|{NOW})(?![\w/])",
    re.I,
)

_SENIORITY = rules.load("seniority")
# a noun of an engineering role, in a title_norm()ed text
ENGINEERING_NOUN = re.compile(
    r"\b(?:" + rules.alternation(_SENIORITY["engineering_nouns"]) + r")\b"
)
# a noun of any role, in the text as written
ROLE_NOUN = re.compile(r"\b(?:" + rules.alternation(_SENIORITY["role_nouns"]) + r")s?\b", re.I)


def lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` for every line, offsets into ``text`` (end excludes the newline)."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(line)
    return out


def number(token: str) -> float:
    """A figure written as digits ("4.5") or as a word ("five")."""
    return (
        float(WORD_NUMBERS.get(token.lower(), token))
        if token.lower() in WORD_NUMBERS
        else float(token)
    )


def norm(text: str) -> str:
    """Lower case, curly quotes straightened, every run of non-alphanumerics one space."""
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9'+#]+", " ", text).split())


def title_norm(text: str) -> str:
    """A title lower-cased, each run of punctuation one space, with a space at both ends (for ``" word "`` tests)."""
    return " " + " ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split()) + " "


_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|incl|approx|esp|vs|min|max|yrs|no)|\b[A-Z])\.$", re.I
)


def clause(text: str, offset: int, *, semicolons: bool = True) -> tuple[int, int]:
    """Bounds of the sentence, bullet or ``;``-clause around ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    stops = r"[.!?](?=\s+[A-Z(\"'])" + (r"|;" if semicolons else "")
    line = start  # match offsets are relative to the line, not to the clause found so far
    for m in re.finditer(stops, text[line:end]):
        at = line + m.start()
        if m.group() == "." and _ABBREVIATION.search(text, 0, at + 1):
            continue  # "e.g. MongoDB", "i.e. Java", "etc. We" do not end a sentence
        if line + m.end() <= offset:
            start = line + m.end()
        elif at >= offset:
            end = at + 1 if m.group() != ";" else at
            break
    return start, end


def names_role(line: str) -> bool:
    """Whether ``line`` names a role ("Backend Engineer", "Staff Accountant", "SRE")."""
    return bool(ROLE_NOUN.search(line) or ENGINEERING_NOUN.search(title_norm(line)))


def title_line(text: str, limit: int) -> tuple[int, int] | None:
    """The span of the first line before ``limit`` that names a role."""
    for s, e, line in lines(text[:limit]):
        body = line.strip()
        if not body or BULLET.match(line) or "@" in body or len(body) > 120:
            continue
        if names_role(body):
            return s, e
    return None
