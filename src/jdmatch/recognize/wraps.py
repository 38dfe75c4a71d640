"""Names a hyphen leaves in pieces: "Java-" at the end of a line and "Script" on the next, and
"Python-" before a coordinator ("Python- and Go-based", a suspended hyphen: :meth:`HyphenWraps._suspended`).

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer`. The phrase matcher sees
"Java-", a line break and "Script", which no form is; here the two pieces are joined, without
the hyphen ("JavaScript", "PostgreSQL") and with it ("Test-Driven Development"), and looked up
among the plain forms. The mention spans both pieces, line break included.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from jdmatch.recognize.vocabulary import COORDINATORS, USE_SUFFIXES
from jdmatch.tokens import fold_plural, string_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# what may follow a suspended hyphen: a coordinator ("Python- and Go-based", "Java-, Kotlin- or ...")
SUSPENDED_BEFORE = frozenset(COORDINATORS)
# a hyphen right after a letter or digit, before a space or a comma: where a suspended hyphen may be
_SUSPENDED_HYPHEN = re.compile(r"-(?=[ \t,])(?<=[^\W_]-)")  # the literal first: scanned fast
_MAX_AFTER = 3  # words after the joined piece that a multi-word form may still take


class HyphenWraps:
    """The hyphenated-line-break step of a recognizer."""

    _forms: dict[tuple[int, ...], int]
    _single_forms: dict[int, int]
    _hyphen: int
    _single_strict: dict[int, int]
    _strict_keys: dict[int, tuple[int, frozenset[tuple[int, ...]]]]

    def _suspended(
        self, doc: Doc, text: str
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        """Names written with a suspended hyphen before a coordinator: "Python" of "Python- and
        Go-based", "Java" of "Java-, Kotlin- or Scala-powered". The token keeps its hyphen
        ("Python-"), which no form has: its letters are looked up among the one-word forms.
        Plain candidates come first, then ambiguous ones (``(entry key, s, e)``), which still
        need their technical context."""
        hits = [m.end() for m in _SUSPENDED_HYPHEN.finditer(text)]
        if not hits:
            return [], []
        from bisect import bisect_right

        from spacy.attrs import IDX

        starts = doc.to_array(IDX).tolist()
        plain: list[tuple[int, int, int]] = []
        strict: list[tuple[int, int, int]] = []
        n = len(doc)
        for end in hits:
            i = bisect_right(starts, end - 1) - 1
            if i < 0 or i + 1 >= n:
                continue
            j = i + 1  # the coordinator: the next token that is not a run of spaces or tabs
            while j < n - 1 and doc[j].is_space and "\n" not in doc[j].text:
                j += 1
            t = doc[i]
            word = t.text
            if (
                t.idx + len(word) != end  # the hyphen ends the token
                or len(word) < 2
                or doc[j].lower_ not in SUSPENDED_BEFORE
            ):
                continue
            piece = word[:-1]
            if self._one_word(piece, i, plain, strict):
                continue
            norm = string_key(fold_plural(piece))
            # "front- and back-end development": the piece takes what follows the next
            # conjunct's own hyphen ("front-end development", "frontend development")
            k = j + 1
            while k < min(n - 1, j + 4) and not (
                doc[k].orth == self._hyphen
                and not doc[k - 1].whitespace_
                and not doc[k].whitespace_
            ):
                k += 1
            if k >= min(n - 1, j + 4):
                continue
            tail = [w.norm for w in doc[k + 1 : k + 1 + 2 * _MAX_AFTER] if not w.is_space]
            joined = string_key(fold_plural(piece + doc[k + 1].text))
            for m in range(min(_MAX_AFTER, len(tail)), 0, -1):  # the longest form wins
                key = self._forms.get((norm, self._hyphen, *tail[:m]))
                if key is None and m > 1:
                    key = self._forms.get((joined, *tail[1:m]))
                if key is not None:
                    plain.append((key, i, i + 1))
                    break
        return plain, strict

    def _hyphen_pieces(
        self, doc: Doc, text: str
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        """The candidates of names a hyphen leaves in pieces, wrapped at a line break
        (:meth:`_wrapped`) or suspended before a coordinator (:meth:`_suspended`): plain ones,
        then ambiguous ones (``(entry key, s, e)``), which still need their technical context."""
        plain, strict = self._wrapped(doc, text)
        if "- " in text or "-," in text or "-\t" in text:
            more, more_strict = self._suspended(doc, text)
            plain += more
            strict += more_strict
        return plain, strict

    def _wrapped(
        self, doc: Doc, text: str
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        """Candidates ``(key, start token, end token)`` for names hyphenated across a line break,
        and the ambiguous ones among them (``(entry key, s, e)``).

        The pieces joined ("Java-" "Script"), with the hyphen kept ("Test-" "Driven
        Development"), after the word before them ("Azure Dev-" "Ops", "Continuous Integra-"
        "tion"), or, before a word of use ("Kubernetes-" "based"), the first piece alone.
        """
        if "-\n" not in text and "-\r" not in text and "- \n" not in text:
            return [], []

        out: list[tuple[int, int, int]] = []
        strict: list[tuple[int, int, int]] = []
        n = len(doc)
        for i in range(n - 2):
            head = doc[i].text
            brk, tail = doc[i + 1], doc[i + 2]
            if (
                len(head) < 2
                or not head.endswith("-")
                or not head[-2].isalnum()
                or not brk.is_space
                or "\n" not in brk.text
                or not tail.text[:1].isalnum()
            ):
                continue
            piece = head[:-1]
            # the words after the second piece (their NORMs) and the token each ends at
            words = [t for t in doc[i + 3 : i + 3 + 2 * _MAX_AFTER] if not t.is_space]
            after = [t.norm for t in words]
            joined = string_key(fold_plural(piece + tail.text))
            hyphened = (string_key(fold_plural(piece)), self._hyphen, tail.norm)
            best: tuple[int, int, int] | None = None
            key = self._single_forms.get(joined)
            if key is not None:
                best = (key, i, i + 3)
            for k in range(1, min(_MAX_AFTER, len(after)) + 1):  # the longest form wins
                key = self._forms.get((joined, *after[:k])) or self._forms.get(
                    (*hyphened, *after[:k])
                )
                if key is not None:
                    best = (key, i, words[k - 1].i + 1)
            if best is None:
                key = self._forms.get(hyphened)
                if key is not None:
                    best = (key, i, i + 3)
            # the wrap inside a name's later word: "Azure Dev-" "Ops", "Continuous Integra-" "tion",
            # "test-driven develop-" "ment" (up to three tokens before, on the same line)
            lead: list[int] = []
            for j in range(i - 1, max(-1, i - 4), -1):
                before = doc[j]
                if before.is_space or "\n" in before.whitespace_:
                    break
                lead.insert(0, before.norm)
                for k in range(0, min(_MAX_AFTER, len(after)) + 1):
                    key = self._forms.get((*lead, joined, *after[:k]))
                    if key is not None:
                        best = (key, j, words[k - 1].i + 1 if k else i + 3)
            if best is None and tail.lower_ not in USE_SUFFIXES:
                skey = self._single_strict.get(joined)  # an ambiguous name: "Terra-" "form"
                if skey is not None:
                    entry_key, exact = self._strict_keys[skey]
                    if (string_key(piece + tail.text),) in exact:
                        strict.append((entry_key, i, i + 3))
                        continue
            if best is not None:
                out.append(best)
            elif tail.lower_ in USE_SUFFIXES:
                # a real hyphen at the line's end, before a word of use: "Kubernetes-" "based"
                self._one_word(piece, i, out, strict)
        return out, strict

    def _one_word(
        self,
        piece: str,
        i: int,
        plain: list[tuple[int, int, int]],
        strict: list[tuple[int, int, int]],
    ) -> bool:
        """Add token ``i`` as the one-word form ``piece`` (a name without its hyphen): to ``plain``,
        or to ``strict`` when it is an ambiguous form written as one of its exact spellings.
        Whether ``piece`` is a one-word form at all (of either kind)."""
        norm = string_key(fold_plural(piece))
        key = self._single_forms.get(norm)
        if key is not None:
            plain.append((key, i, i + 1))
            return True
        skey = self._single_strict.get(norm)
        if skey is None:
            return False
        entry_key, exact = self._strict_keys[skey]
        if (string_key(piece),) in exact:
            strict.append((entry_key, i, i + 1))
        return True
