"""Skills named through a coordination: "unit, integration and end-to-end tests", "continuous integration and delivery".

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from jdmatch.tokens import fold_plural

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def coordination_tables(
    forms: dict[tuple[int, ...], int],
) -> tuple[
    frozenset[int],
    frozenset[int],
    dict[int, frozenset[int]],
    dict[int, frozenset[int]],
    frozenset[int],
]:
    """What a coordination may lend, from the multi-word plain forms (NORM hashes -> entry key).

    The heads (last words) and modifiers (first words) that two forms or more share; for
    each, the words a conjunct must end with before the head or start with after the
    modifier; and the entries whose forms could lend one (the others skip the check).
    """
    multi = [f for f in forms if len(f) > 1]
    ends: Counter[int] = Counter(f[-1] for f in multi)
    starts: Counter[int] = Counter(f[0] for f in multi)
    heads = frozenset(h for h, c in ends.items() if c > 1)
    modifiers = frozenset(h for h, c in starts.items() if c > 1)
    before_head: dict[int, set[int]] = {}
    after_modifier: dict[int, set[int]] = {}
    for f in multi:
        if f[-1] in heads:
            before_head.setdefault(f[-1], set()).add(f[-2])
        if f[0] in modifiers:
            after_modifier.setdefault(f[0], set()).add(f[1])
    lending = frozenset(forms[f] for f in multi if f[-1] in heads or f[0] in modifiers)
    return (
        heads,
        modifiers,
        {k: frozenset(v) for k, v in before_head.items()},
        {k: frozenset(v) for k, v in after_modifier.items()},
        lending,
    )


class Coordination:
    """The coordination step of a recognizer (see :class:`~jdmatch.recognize.recognizer.SkillRecognizer` for the sets)."""

    tokenizer: Any
    _forms: dict[tuple[int, ...], int]
    _lending_keys: frozenset[int]
    _mostly_technical: frozenset[int]
    _entries: dict[int, Any]
    _shared_heads: frozenset[int]
    _shared_modifiers: frozenset[int]
    _before_head: dict[int, frozenset[int]]
    _after_modifier: dict[int, frozenset[int]]
    _coordinators: frozenset[int]
    _comma: int
    _hyphen: int

    def _elided(
        self,
        doc: Doc,
        text: str,
        spans: list[tuple[int, int, int, int, int]],
        strict: list[tuple[int, int, int]],
        confirmed: set[tuple[int, int, int]],
    ) -> list[tuple[int, int, int, int, int]]:
        """Add the skills named through a coordination that shares a head or a modifier with a kept name.

        "unit, integration and end-to-end tests": the name "end-to-end tests" lends its
        head "tests" to "unit" and "integration", which are kept when "unit tests" and
        "integration tests" are lexicon forms; "continuous integration and delivery"
        lends the modifier "continuous" to "delivery". The new mention's span covers
        the conjunct's own words only (text[start:end] is what the text says). A
        coordination ends in "and", "or", "&" or "/" right next to the name (commas
        only extend it). Words a plain name holds are left alone; a conjunct may take
        the place of an ambiguous word for a shared head ("Batch and stream processing"
        is batch processing, not a batch file), never for a shared modifier, which is
        mostly a vendor or a family name ("Spring Boot and Kafka" is Kafka).
        """
        lending, heads, modifiers = self._lending_keys, self._shared_heads, self._shared_modifiers
        before_head, after_modifier, comma = self._before_head, self._after_modifier, self._comma
        seeds = []
        for start, end, k, s, e in spans:
            if e - s < 2 or k not in lending:
                continue
            left = right = False
            c1 = text[start - 1 : start]
            if (
                s >= 2
                and (c1 == "/" or c1 == " " and text[start - 2 : start - 1] in "dr&/s")
                and _conj_before(text, start)
            ):
                # the conjunct's last word must end a form with this head: "unit" before "tests"
                h = doc[e - 1].norm
                prev = doc[s - 2]
                left = h in heads and (
                    prev.norm in before_head.get(h, ())
                    or prev.text.endswith("-")
                    or (s >= 3 and prev.orth == comma)
                    or e - s
                    >= 3  # a head of two words or more: "static and dynamic |analysis tools|"
                )
            c1 = text[end : end + 1]
            if (
                e + 1 < len(doc)
                and (c1 == "/" or c1 == " " and text[end + 1 : end + 2] in "ao&/np")
                and _conj_after(text, end)
            ):
                mod = doc[s].norm
                right = mod in modifiers and (
                    doc[e + 1].norm in after_modifier.get(mod, ()) or doc[e + 1].orth == comma
                )
            if left or right:
                seeds.append((s, e, left, right))
        if not seeds:
            return spans
        n = len(doc)
        coordinators = self._coordinators
        covered = bytearray(n)  # tokens of kept plain names
        ambiguous: dict[
            tuple[int, int], int
        ] = {}  # kept ambiguous names, which a shared head may replace
        generic: dict[tuple[int, int], int] = {}  # kept generic words a shared head makes specific
        entries = self._entries
        for _, _, k, s, e in spans:
            # (a mostly technical name is the tool: "Docker or docker-compose" keeps Docker)
            if (k, s, e) in confirmed and k not in self._mostly_technical:
                ambiguous[(s, e)] = k
            else:
                covered[s:e] = b"\x01" * (e - s)
                if entries[k].label in _GENERIC_LABELS:
                    generic[(s, e)] = k
        held = bytearray(covered)  # ... and every ambiguous form, kept or not
        for _, s, e in strict:
            held[s:e] = b"\x01" * (e - s)
        forms = self._forms
        hyphen = self._hyphen
        strings = self.tokenizer.vocab.strings
        word_cache: dict[int, tuple[bool, bool, int]] = {}

        def word(i: int) -> tuple[bool, bool, int]:
            """(is a coordinator, is a conjunct word, NORM): a conjunct word is no space, no punctuation (but a hyphen)."""
            w = word_cache.get(i)
            if w is None:
                t = doc[i]
                coord = t.orth in coordinators
                norm = t.norm
                if len(t.text) > 1 and t.text.endswith(
                    "-"
                ):  # a suspended hyphen: "unit- and integration tests"
                    norm = strings.add(fold_plural(t.text[:-1]))
                w = word_cache[i] = (
                    coord,
                    not coord and (t.orth == hyphen or not (t.is_space or t.is_punct)),
                    norm,
                )
            return w

        hits: list[tuple[int, int, int]] = []
        for s, e, left, right in seeds:
            if left:
                # the shared head: the last word, else the words after the first ("Linux |server
                # administration|" lends "server administration" to "Windows")
                tails = [
                    (doc[e - 1].norm,),
                    *(tuple(t.norm for t in doc[h:e]) for h in range(s + 1, e - 1)),
                ]
                j = s - 1
                while True:  # leftwards: "X, Y and <Z head>"
                    sep = j
                    while j >= 0 and word(j)[0]:
                        j -= 1
                    if j == sep or j < 0:
                        break
                    end = j + 1
                    k = j
                    while k >= 0 and end - k <= 5 and word(k)[1]:
                        k -= 1
                    hit = None
                    for a in range(k + 1, end):
                        words = tuple(word(i)[2] for i in range(a, end))
                        for tail in tails:
                            key = forms.get((*words, *tail))
                            if key is not None and (
                                not any(covered[a:end])
                                and (not any(held[a:end]) or (a, end) in ambiguous)
                                # a generic word made specific ("Security and penetration testing"),
                                # a certification ("AWS and Azure certified"), not a named tool
                                or (a, end) in generic
                                or entries[key].label == "certification"
                            ):
                                hit = (key, a, end)
                                break
                        if hit is not None:
                            break
                    if hit is None:
                        break
                    hits.append(hit)
                    ambiguous.pop((hit[1], hit[2]), None)
                    covered[hit[1] : hit[2]] = held[hit[1] : hit[2]] = b"\x01" * (hit[2] - hit[1])
                    j = hit[1] - 1
            if right:
                modifier = doc[s].norm
                j = e
                while True:  # rightwards: "<modifier Y> and Z"
                    sep = j
                    while j < n and word(j)[0]:
                        j += 1
                    if j == sep or j >= n:
                        break
                    hit = None
                    for b in range(min(n, j + 3), j, -1):
                        if not all(word(i)[1] for i in range(j, b)):
                            continue
                        key = forms.get((modifier, *(word(i)[2] for i in range(j, b))))
                        if key is not None and not any(held[j:b]):
                            hit = (key, j, b)
                            break
                    if hit is None:
                        break
                    hits.append(hit)
                    covered[hit[1] : hit[2]] = held[hit[1] : hit[2]] = b"\x01" * (hit[2] - hit[1])
                    j = hit[2]
        if not hits:
            return spans
        replaced = {(s, e) for _, s, e in hits}
        out = [sp for sp in spans if (sp[3], sp[4]) not in replaced]
        for key, s, e in hits:
            last = doc[e - 1]
            end = (
                last.idx + len(last) - (1 if len(last.text) > 1 and last.text.endswith("-") else 0)
            )  # "unit" of "unit-"
            out.append((doc[s].idx, end, key, s, e))
        out.sort()
        return out


# the labels of words a coordination's shared head may make specific ("security" -> security testing)
_GENERIC_LABELS = frozenset({"concept", "practice"})


def _conj_before(text: str, start: int) -> bool:
    """A conjunction ends right before ``start``: "unit and |integration", "unit/|integration"."""
    pre = text[max(0, start - 6) : start]
    return (
        pre[-5:] in (" and ", " nor ")
        or pre[-4:] == " or "
        or pre[-3:] in (" & ", " / ")
        or pre[-1:] == "/"
        or pre == " plus "
    )


def _conj_after(text: str, end: int) -> bool:
    """A conjunction starts right after ``end``: "integration| and delivery"."""
    post = text[end : end + 6]
    return (
        post[:5] in (" and ", " nor ")
        or post[:4] == " or "
        or post[:3] in (" & ", " / ")
        or post[:1] == "/"
        or post == " plus "
    )
