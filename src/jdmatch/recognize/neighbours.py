"""Ambiguous names confirmed by the recognized skills near them, and by each other.

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer` (the last step of its
``_confirm``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from jdmatch.lexicon import Entry
from jdmatch.recognize.vocabulary import NOT_TECHNICAL

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def same_sentence(stops: list[int], lo: int, hi: int) -> bool:
    """No sentence end or blank line (``stops``: their offsets, sorted) from ``lo`` up to ``hi``."""
    k = bisect_left(stops, lo)
    return k == len(stops) or stops[k] >= hi


class Neighbours:
    """The neighbour step of a recognizer."""

    _entries: dict[int, Entry]
    _given_names: frozenset[int]
    _neighbor_window: int

    def _vouches(self, key: int) -> bool:
        """A confirmed ambiguous name that vouches for one near it: a technical one, no given name."""
        return key not in self._given_names and self._entries[key].label not in NOT_TECHNICAL

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
    ) -> list[tuple[int, int, int]]:
        """The ``pending`` ambiguous candidates a neighbour vouches for: a recognized skill
        (``anchors``), an ambiguous name already confirmed, or two more ambiguous names close by."""
        # three or more ambiguous names close together vouch for each other: "Java, Python, Go";
        # only technical names that are no given names vouch ("Cairo, Egypt; Arabic and French",
        # "Julia and Ruby took the ferry" are no list of tools)
        vouching = [(o[1], o[2]) for o in pending if self._vouches(o[0])]
        everyone = [(o[1], o[2]) for o in pending]
        mutual = [
            c
            for c in pending
            if sum(
                1
                for o in (vouching if self._vouches(c[0]) else everyone)
                if o != (c[1], c[2]) and self._has_neighbor(doc, c[1], c[2], [o], stops)
            )
            >= 2
        ]
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
