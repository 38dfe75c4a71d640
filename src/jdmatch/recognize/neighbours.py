"""Ambiguous names confirmed by their context: cue words, the recognized skills near them, and each other.

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer`: ``_confirm`` keeps the
ambiguous candidates that stand in technical context, the neighbour step last.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from jdmatch.recognize.context import SENTENCE_END, ContextChecks
from jdmatch.recognize.sentences import STOPS, same_sentence
from jdmatch.recognize.vocabulary import COORDINATORS, OTHER_COORDINATORS, USE_SUFFIXES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


_ROWS = "jdmatch.lower_rows"  # the user_data key of a Doc's lower-case keys and sentence ends
# the words of a hyphenated pair of names: "Jenkins-to-GitLab", "Bash-and-awk"
_PAIR_WORDS = frozenset({"to", "and", "or", "vs", "on"})
# verbs after a sentence's subject that no imperative or ordinary word takes: "Spark runs the joins"
_SUBJECT_VERBS = frozenset({"does", "did", "runs", "ran"})
# adverbs between a subject and its verb: "Jenkins still builds", "Terraform now manages"
_SUBJECT_ADVERBS = frozenset(
    {"still", "now", "also", "already", "then", "currently", "mostly", "only"}
)
# what follows each name of a sentence that pairs tools with their uses ("Rails for the admin
# app, React for the pages"; "Haskell at work, OCaml on weekends")
_PARALLEL_WORDS = frozenset({"for", "on", "at", "in", "under", "with", "to"})
# a dash that opens a list after a job line's head
_LIST_DASHES = frozenset({"—", "–"})
# what may stand between the items of a list
_LIST_GLUE = (
    frozenset({";", "|", "·", "•", "+", "-", "–", "—", ":", "(", ")"})
    | frozenset(COORDINATORS)
    | OTHER_COORDINATORS
)


def _list_runs(doc: Doc, spans: list[tuple[int, int, int]]) -> dict[tuple[int, int], int]:
    """For each candidate ``(key, s, e)``, by ``(s, e)``, the number of its run: candidates with nothing but
    list separators and spaces between them ("Java, Python and Go", "spark | hive", "java
    python go") share one."""
    runs: dict[tuple[int, int], int] = {}
    run, last = 0, None
    for _, s, e in sorted(spans, key=lambda c: c[1]):
        if last is not None and not all(t.is_space or t.lower_ in _LIST_GLUE for t in doc[last:s]):
            run += 1
        runs[s, e] = run
        last = max(e, last or 0)
    return runs


def _lower_rows(doc: Doc) -> tuple[list[int], frozenset[int]]:
    """The lower-case key of every token of ``doc`` and the indexes of its sentence ends, read
    once per text (kept in the Doc's ``user_data``: the cue window looks at them many times)."""
    rows: tuple[list[int], frozenset[int]] | None = doc.user_data.get(_ROWS)
    if rows is None:
        from spacy.attrs import LOWER, ORTH

        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, ORTH])
        ends = {strings[c] for c in SENTENCE_END}  # the cue window stops there
        rows = (
            arr[:, 0].tolist(),
            frozenset(i for i, o in enumerate(arr[:, 1].tolist()) if o in ends),
        )
        doc.user_data[_ROWS] = rows
    return rows


def _subject_of(doc: Doc, e: int) -> bool:
    """The word after a name opening a sentence makes the name its subject, not an imperative or
    an adjective: a verb of the third person or in the past ("Kafka carries", "Chef runs", "Vault
    sealed itself") or a plural noun
    ("Cypress tests", "Snowflake tasks"); the other checks then decide ("Go to the page",
    "Express your interest", "Swift action" stay prose)."""
    if e < len(doc) - 1 and doc[e].lower_ in _SUBJECT_ADVERBS:
        e += 1  # "Jenkins still builds the release"
    if e >= len(doc):
        return False
    t = doc[e]
    w = t.lower_
    if w in _SUBJECT_VERBS:
        return True
    return (
        t.is_lower
        and t.is_alpha
        and len(w) > 3
        and (w.endswith("s") and not w.endswith("ss") or len(w) > 4 and w.endswith("ed"))
    )


class Neighbours(ContextChecks):
    """The confirmation of ambiguous names, the neighbour step last (the context checks it uses are inherited)."""

    _cue_window: int
    _entry_cues: dict[int, frozenset[int]]
    _strong_cues: frozenset[int]
    _tech_keys: frozenset[int]  # entries of a technical label
    _credential_keys: frozenset[int]  # entries of the certification label
    _vouching_keys: frozenset[int]  # those that vouch for a neighbour (see _vouches)
    _anchor_keys: frozenset[int]  # entries not of a label NOT_TECHNICAL names
    _own_cues_only: frozenset[int]  # entries of another trade, which only their own cues confirm
    _given_names: frozenset[int]
    _common_word_keys: frozenset[int]  # curated concepts and practices named by a common word
    _cues_beyond_use: frozenset[int]  # the general cues but the verbs of use

    def _vouches(self, key: int) -> bool:
        """A confirmed ambiguous name that vouches for one near it: a technical one, no given name."""
        return key in self._vouching_keys

    def _cue_window_at(
        self, doc: Doc, s: int, e: int, *, before: bool = True
    ) -> Iterator[tuple[int, int]]:
        """``(index, lower-case key)`` of the tokens within the cue window either side of
        ``[s, e)``, nearest first, in the same sentence: a cue after a full stop belongs to the
        next one ("(General Assembly, 2024). Built an API"). Lazily, so a cue found stops it."""
        w = self._cue_window
        lowers, ends = _lower_rows(doc)
        if before:
            for i in range(s - 1, max(-1, s - 1 - w), -1):
                if i in ends:
                    break
                yield i, lowers[i]
        for i in range(e, min(len(lowers), e + w)):
            if i in ends:
                break
            yield i, lowers[i]

    def _cue_heads_line(self, doc: Doc, i: int) -> bool:
        """A colon or a dash at or before token ``i`` on its line, with a cue word before it: the
        head of a list ("Software Engineer, Acme (2019-2022): Java, Kafka", "Data Engineer,
        Acme, Columbus, OH — Airflow, Snowflake"); after a dash, only names and separators
        ("host — this spring we read Kafka" is prose)."""
        items = True  # only capitalised words and separators so far
        while i >= 0 and not (doc[i].text.endswith(":") or items and doc[i].text in _LIST_DASHES):
            t = doc[i]
            if "\n" in t.text:
                return False
            items = items and (t.is_space or t.lower_ in _LIST_GLUE or not t.is_lower)
            i -= 1
        cues = self._cues
        while i > 0 and "\n" not in doc[i - 1].text:
            i -= 1
            if doc[i].lower in cues:
                return True
        return False

    def _has_neighbor(
        self, doc: Doc, s: int, e: int, spans: Iterable[tuple[int, int]], stops: list[int]
    ) -> bool:
        """A recognized skill within the neighbour window, with no sentence end or blank line between."""
        w = self._neighbor_window
        for a, b in spans:
            if b <= s and a >= s - w:
                lo, hi = doc[b - 1].idx, doc[s].idx
            elif a >= e and b <= e + w:
                lo, hi = doc[e - 1].idx, doc[a].idx
            else:
                continue
            if same_sentence(stops, lo, hi):
                return True
        return False

    def _vouched(
        self,
        doc: Doc,
        pending: list[tuple[int, int, int]],
        anchors: list[tuple[int, int]],
        confirmed: list[tuple[int, int, int]],
        stops: list[int],
        mute: set[tuple[int, int, int]] | None = None,
    ) -> list[tuple[int, int, int]]:
        """The ``pending`` ambiguous candidates a neighbour vouches for: a recognized skill
        (``anchors``), an ambiguous name already confirmed, or two more ambiguous names close by
        (not the ``mute`` ones: names found to be context)."""
        # three or more ambiguous names listed together vouch for each other: "Java, Python, Go";
        # only technical names that are no given names vouch ("Cairo, Egypt; Arabic and French",
        # "Julia and Ruby took the ferry" are no list of tools), and only with nothing but list
        # separators between them ("Luigi and Loki are our cats; Odin is the dog" is no list)
        # (a name counts only while it keeps two such neighbours itself: "Ray Gatsby and Sage Kong"
        # gives "Sage" two neighbours that have none of their own, and is no list)
        given = self._given_names  # a given name vouches for nobody, not even another one
        alive = [o for o in pending if o not in mute] if mute else list(pending)
        while alive:
            runs = _list_runs(doc, alive)
            vouching = [(o[1], o[2]) for o in alive if self._vouches(o[0])]
            everyone = [(o[1], o[2]) for o in alive if o[0] not in given]
            kept = [
                c
                for c in alive
                if sum(
                    1
                    for o in (vouching if self._vouches(c[0]) else everyone)
                    if o != (c[1], c[2])
                    and self._has_neighbor(doc, c[1], c[2], [o], stops)
                    and runs[c[1], c[2]] == runs[o]
                )
                >= 2
            ]
            if len(kept) == len(alive):
                break
            alive = kept
        mutual = [c for c in pending if c in alive]
        found = list(mutual)
        pending = [c for c in pending if c not in mutual]
        for _ in range(2):
            spans = anchors + [(s, e) for k, s, e in (*confirmed, *found) if self._vouches(k)]
            every = anchors + [(s, e) for _, s, e in (*confirmed, *found)]
            still = []
            for cand in pending:
                near = spans if self._vouches(cand[0]) else every
                if self._has_neighbor(doc, cand[1], cand[2], near, stops):
                    found.append(cand)
                else:
                    still.append(cand)
            if not still or len(still) == len(pending):
                break
            pending = still
        return found

    def _joined_languages(
        self, doc: Doc, cands: Iterable[tuple[int, int, int]]
    ) -> set[tuple[int, int]]:
        """Two languages joined by "and", "or" or "/": after "in" ("a ledger in Ruby and Java",
        "tools in Go or Rust"), where a person or a place is rarely coordinated with a language,
        unless both are given names or a possessive follows ("in Ruby and Julia's flat"); anywhere
        else when neither is a given name and not both are single letters ("— Rust and C for
        GNSS receivers", not "R and D")."""
        entries = self._entries
        langs = {s: (e, k) for k, s, e in cands if entries[k].label == "language"}
        out: set[tuple[int, int]] = set()
        if len(langs) < 2:
            return out
        n = len(doc)
        for s, (e, k) in langs.items():
            if e >= n - 1 or doc[e].lower_ not in ("and", "or", "/", "&") or e + 1 not in langs:
                continue
            e2, k2 = langs[e + 1]
            if e2 < n and doc[e2].lower_ in ("'s", "’s"):
                continue
            if s and doc[s - 1].lower_ == "in":
                ok = self._vouches(k) or self._vouches(k2)
            else:
                ok = self._vouches(k) and self._vouches(k2) and len(doc[s]) + len(doc[e + 1]) > 2
            if ok:
                out.update(((s, e), (e + 1, e2)))
        return out

    def _in_compound(self, doc: Doc, s: int, e: int, starts: set[int], ends: set[int]) -> bool:
        """The form is glued by a hyphen to a word before or after it ("C-suite", "go-live"),
        but not to a word that makes it a modifier ("Go-based", "Helm-templated": ``use_suffixes``
        or a participle), nor to a pair of names ("Jenkins-to-GitLab", "jQuery-and-Backbone",
        "Aurora-PostgreSQL": ``starts`` and ``ends`` of the skill candidates)."""
        hyphen = self._hyphen
        n = len(doc)
        if (
            e + 1 < n
            and doc[e].orth == hyphen
            and not doc[e - 1].whitespace_
            and not doc[e].whitespace_
            and doc[e + 1].is_alpha
        ):
            after = doc[e + 1].lower_
            return not (
                after in USE_SUFFIXES
                or e + 1 in starts
                or len(after) > 4
                and after.endswith("ed")
                and len(doc[s:e].text) > 1
                or after in _PAIR_WORDS
                and e + 3 in starts
                and doc[e + 2].orth == hyphen
            )
        return (
            s >= 2
            and doc[s - 1].orth == hyphen
            and not doc[s - 2].whitespace_
            and not doc[s - 1].whitespace_
            and doc[s - 2].is_alpha
            and s - 1 not in ends
            and not (
                doc[s - 2].lower_ in _PAIR_WORDS and s - 3 in ends and doc[s - 3].orth == hyphen
            )
        )

    @staticmethod
    def _in_tight_list(doc: Doc, s: int) -> bool:
        """A lower-case word glued by a list separator to the next or the previous item
        ("react;redux;jest", "node|express|mongo"): a tag list, where names are written in lower
        case; it still needs its technical context. ("/" is left out: "and/or", "go/no-go".)"""
        t = doc[s]
        if not t.is_lower or not t.is_alpha:
            return False
        if s + 2 < len(doc) and not t.whitespace_ and doc[s + 1].text in ",;|":
            return not doc[s + 1].whitespace_
        if s >= 2 and doc[s - 1].text in ",;|" and not doc[s - 1].whitespace_:
            return not doc[s - 2].whitespace_
        return False

    @staticmethod
    def _in_tag_line(doc: Doc, s: int, found: list[tuple[int, int, int]]) -> bool:
        """A lower-case word on a line of names only ("snowflake dbt fivetran looker", "unity c#
        blender photoshop"): a tag line, where names are written in lower case."""
        t = doc[s]
        if not t.is_lower or not t.is_alpha:
            return False
        n = len(doc)
        lo, hi = s, s + 1
        while lo > 0 and not doc[lo - 1].is_space and lo > s - 24:
            lo -= 1
        while hi < n and not doc[hi].is_space and hi < s + 24:
            hi += 1
        spans = [(a, b) for _, a, b in found if lo <= a and b <= hi]
        if len(spans) < 3:
            return False
        covered = {i for a, b in spans for i in range(a, b)}
        return all(i in covered or doc[i].text in ",;|/·•" for i in range(lo, hi))

    def _in_parallel(
        self,
        doc: Doc,
        names: list[tuple[int, int, int]],
        plain: list[tuple[int, int, int]],
        confirmed: list[tuple[int, int, int]],
        stops: list[int],
    ) -> list[tuple[int, int, int]]:
        """The names that open a sentence in parallel with a technical skill of it: each followed
        by "for", "on", "at"... ("Rails for the admin app, React for the pages", "Vault for
        secrets, Consul for discovery"), the skill a confirmed one or a plain technical one, after
        a comma, a semicolon or "and"."""
        tech = self._tech_keys
        partners = [(s, e) for k, s, e in plain if k in tech] + [(s, e) for _, s, e in confirmed]
        n, w = len(doc), self._neighbor_window
        out = []
        for key, s, e in names:
            for ps, pe in partners:
                if (
                    e < ps <= e + w
                    and pe < n
                    and doc[pe].lower_ in _PARALLEL_WORDS
                    and doc[ps - 1].text in (",", ";", "and")
                    and same_sentence(stops, doc[s].idx, doc[ps].idx)
                ):
                    out.append((key, s, e))
                    break
        return out

    def _confirm(
        self,
        doc: Doc,
        text: str,
        strict: list[tuple[int, int, int]],
        plain: list[tuple[int, int, int]],
        mute: set[tuple[int, int, int]] | None = None,
    ) -> list[tuple[int, int, int]]:
        """Keep the ambiguous candidates that stand in technical context; ``mute``: candidates
        that vouch for no neighbour (names found to be context: an employer, a place)."""
        n = len(doc)
        cues = self._cues
        double_cues = self._ambiguous_cues  # cue words that are also a name's spelling: read closer
        confirmed: list[tuple[int, int, int]] = []
        pending: list[tuple[int, int, int]] = []
        parallel: list[tuple[int, int, int]] = []  # a sentence's opening name, then "for", "on"...
        # where a technical name ends: the word before a form that is one makes a list, not a proper name
        tech = self._tech_keys
        skill_ends = {e for k, _, e in plain if k in tech}
        skill_ends.update(e for _, _, e in strict)
        given = self._given_names  # a name that is also a first name ends no skill before a surname
        given_ends = {e for k, _, e in strict if k in given}
        # and where one starts: a line opening with two names is a list ("java python c++"), not prose
        skill_starts = {s for k, s, _ in plain if k in tech}
        skill_starts.update(s for _, s, _ in strict)
        # and where any technical skill starts: a name right before one is no sentence's subject
        anchor_keys = self._anchor_keys
        practice_starts = {s for k, s, _ in plain if k in anchor_keys}
        stops = [m.start() for m in STOPS.finditer(text)]
        near = self._ordinary_near_at(
            doc
        )  # (almost always none); a candidate's words are no such word
        if near:
            near = [i for i in near if not any(a <= i < b for _, a, b in (*plain, *strict))]
        joined = self._joined_languages(doc, (*plain, *strict))
        # a credential's level or track right after it: the "Foundation" of "ITIL 4 Foundation"
        credentials = self._credential_keys
        credential_ends = {e for k, _, e in plain if k in credentials}
        for key, s, e in strict:
            if (
                s in credential_ends
                or self._in_compound(doc, s, e, skill_starts, skill_ends)
                or near
                and self._ordinary_near(doc, s, e, stops, near)
                or self._after_a_first_name(doc, s, skill_ends, given_ends)
            ):
                continue  # "C-suite", "go-live", "Self-scheduling"; "Kafka and the modern novel"
            own = self._entry_cues.get(key, frozenset())
            if key in self._own_cues_only:  # another trade's name: only its own cues ("RN, ICU")
                if any(h in own for _, h in self._cue_window_at(doc, s, e)):
                    confirmed.append((key, s, e))
                continue
            if (
                e + 1 < n
                and doc[e].lower_ in ("in", "of")
                and doc[e + 1].is_title
                and self._entries[key].label == "degree"
            ):
                confirmed.append((key, s, e))  # "MA in Economics", "BS in Physics"
                continue
            if key in self._mostly_technical and self._technical_prior(doc, s, e, skill_ends):
                confirmed.append((key, s, e))  # "Python for data processing", "Tomcat 9"
                continue
            if self._written_in(doc, s, key) or (s, e) in joined:
                confirmed.append(
                    (key, s, e)
                )  # "Rewrote the log parser in Rust", "in Ruby and Java"
                continue
            if (
                e not in skill_starts
                and not (key in tech and e in practice_starts)  # "Cypress end-to-end tests run"
                and key not in self._common_word_keys  # "Testing is part of every ticket"
                and self._prose_start(doc, s, e)
                and not _subject_of(doc, e)  # "Kafka carries the events", "Flask blueprints split"
                or self._the_name(doc, s)
            ):
                # "Go to the page", "Express your interest": only a cue right beside it ("Go developers"),
                # a strong one in the window ("Go is part of our stack") or one of its own after it
                # ("Julia for the numerical solvers", "Snowflake is the warehouse") helps
                strong = self._strong_cues
                if any(
                    ((h := doc[i].lower) in cues or h in own)
                    and (h not in double_cues or self._counts_as_cue(doc, i))
                    for i in (s - 1, e)
                    if 0 <= i < n
                ) or any(
                    h in strong or h in own and h not in double_cues  # (not "Spring ... Java team")
                    for _, h in self._cue_window_at(doc, e, e, before=False)
                ):
                    confirmed.append((key, s, e))
                elif e < n and doc[e].lower_ in _PARALLEL_WORDS:
                    parallel.append((key, s, e))  # "Rails for the admin app, React for the pages"
                continue
            # for a common word, a verb of use says little ("Logging trucks use the road")
            general = cues if key not in self._common_word_keys else self._cues_beyond_use
            if any(
                (h in general or h in own) and (h not in double_cues or self._counts_as_cue(doc, i))
                for i, h in self._cue_window_at(doc, s, e)
            ) or self._cue_heads_line(doc, s - 1):
                confirmed.append((key, s, e))
            elif self._in_proper_name(doc, s) and s not in skill_ends:
                continue  # "Adobe Express", "Orient Express": need a cue (but "Maven Jenkins", "Python Java" is a list)
            else:
                pending.append((key, s, e))
        if parallel:
            confirmed += self._in_parallel(doc, parallel, plain, confirmed, stops)
        if not pending:
            return confirmed
        # neighbours: recognized skills close by in the same sentence; two rounds so that
        # "Languages: Java, Python, Go" spreads from the confirmed one to the rest
        # only technical skills vouch for a neighbour: "Grade C in chemistry" is not about C
        anchors = sorted(
            {(s, e) for k, s, e in plain if k in anchor_keys and not (mute and (k, s, e) in mute)}
        )
        sure = [c for c in confirmed if c not in mute] if mute else confirmed
        confirmed += self._vouched(doc, pending, anchors, sure, stops, mute)
        return confirmed
