"""Products listed under their maker's name: "AWS: EC2, Lambdas, RDS", "GCP: BQ, Pub/Sub",
"Azure (App Service, AKS)".

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer`. A list that follows a
maker's name and a colon or an opening parenthesis names that maker's products without
repeating the maker: each item is read as "<maker> <item>" when the lexicon has that form
("AWS Lambda", "Google Cloud Pub/Sub", "Azure App Service"), and then stands for that product
instead of a generic name it also spells ("Pub/Sub" the messaging pattern).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from jdmatch.tokens import LINE_BREAK, PARAGRAPH_BREAK

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# how many words an item under a maker may have ("App Service", "Cloud Run", "Pub / Sub")
_ITEM_WORDS = 3
# what joins the items of a run after a maker's product ("Spring MVC, Boot and Cloud")
_RUN_GLUE = frozenset((",", "and", "or", "&", "/"))
# a maker's name must begin this many multi-word forms to head a list ("AWS", "Azure", "GCP")
_MIN_PRODUCTS = 3


class MakerLists:
    """The maker-heading step of a recognizer."""

    tokenizer: Any
    _forms: dict[tuple[int, ...], int]
    _single_forms: dict[int, int]
    _single_strict: dict[int, int]

    @property
    def _maker_prefixes(self) -> frozenset[tuple[int, ...]]:
        """The one- and two-word beginnings that open at least three multi-word forms."""
        known: frozenset[tuple[int, ...]] | None = getattr(self, "_maker_prefix_cache", None)
        if known is None:
            starts: Counter[tuple[int, ...]] = Counter()
            for f in self._forms:
                if len(f) > 1:
                    starts[f[:1]] += 1
                    if len(f) > 2:
                        starts[f[:2]] += 1
            known = frozenset(p for p, c in starts.items() if c >= _MIN_PRODUCTS)
            self._maker_prefix_cache = known
        return known

    @property
    def _maker_firsts(self) -> frozenset[int]:
        """The first words of the prefixes that are a maker's own name, an entry ("Spring",
        "Azure", "Google Cloud"), not any first word of several forms ("code", "written")."""
        known: frozenset[int] | None = getattr(self, "_maker_first_cache", None)
        if known is None:
            strict = self._single_strict
            known = self._maker_first_cache = frozenset(
                p[0]
                for p in self._maker_prefixes
                if self._maker_entry(p) is not None or len(p) == 1 and p[0] in strict
            )
        return known

    def _maker_entry(self, prefix: tuple[int, ...]) -> int | None:
        """The entry a maker's prefix is a (plain) form of, if any: "Google Cloud", "AWS"."""
        return self._forms.get(prefix) if len(prefix) > 1 else self._single_forms.get(prefix[0])

    @property
    def _maker_keys(self) -> frozenset[int]:
        """The entries a maker's name is a form of ("AWS", "Azure", "Google Cloud")."""
        known: frozenset[int] | None = getattr(self, "_maker_key_cache", None)
        if known is None:
            known = frozenset(
                k for p in self._maker_prefixes if (k := self._maker_entry(p)) is not None
            )
            strings = self.tokenizer.vocab.strings  # and their ambiguous forms' keys ("~azure")
            known |= {strings.add("~" + strings[k]) for k in known}
            # a maker whose one-word name is only ambiguous ("Spring (Boot, Security)")
            strict = self._single_strict
            known |= {k for p in self._maker_prefixes if len(p) == 1 and (k := strict.get(p[0]))}
            self._maker_key_cache = known
        return known

    def _maker_items(
        self, doc: Doc, text: str, found: list[tuple[int, int, int]]
    ) -> list[tuple[int, int, int]]:
        """Candidates for the items of every list a maker's name heads (none when no list is)."""
        from spacy.attrs import NORM, ORTH

        n = len(doc)
        if not found:
            return []
        runs = self._maker_runs(doc, found) if "," in text else []
        if ":" not in text and "(" not in text:
            return runs
        makers = self._maker_keys
        if not any(k in makers for k, _, _ in found):
            return []  # (no maker named: most texts)
        strings = self.tokenizer.vocab.strings
        rows = doc.to_array([ORTH, NORM])
        orths, norms = rows[:, 0].tolist(), rows[:, 1].tolist()
        colon, paren = strings[":"], strings["("]
        heads = [(s, e) for _, s, e in found if e < n and e - s <= 2 and orths[e] in (colon, paren)]
        if not heads:
            return runs
        prefixes = self._maker_prefixes
        forms = self._forms
        stop = {strings[LINE_BREAK], strings[PARAGRAPH_BREAK]}  # a space token ends the list
        out: list[tuple[int, int, int]] = runs
        for s, e in heads:
            maker = tuple(norms[s:e])
            if maker not in prefixes:
                continue
            closing = strings[")"] if orths[e] == paren else None
            p = e + 1
            while p < n and orths[p] != closing and norms[p] not in stop:
                item = _product_at(forms, maker, norms, p)
                if item is None:
                    p += 1
                else:
                    out.append(item)
                    p = item[2]
        return out

    def _maker_runs(
        self, doc: Doc, found: list[tuple[int, int, int]]
    ) -> list[tuple[int, int, int]]:
        """The products after a maker's product, the maker said once: "Spring MVC, Boot and
        Cloud" is Spring MVC, Spring Boot and Spring Cloud. Each item must make a form with the
        maker, one after another, joined by commas, "and", "or", "&" or "/"; the run ends at the
        first that does not ("Spring MVC, Hibernate and JPA" names no Spring product after MVC)."""
        n = len(doc)
        firsts = self._maker_firsts
        heads = [
            (s, e)
            for _, s, e in found
            if e - s >= 2 and e < n and doc[s].norm in firsts and doc[e].text == ","
        ]
        if not heads:
            return []
        from spacy.attrs import NORM

        norms = doc.to_array(NORM).tolist()
        prefixes = self._maker_prefixes
        forms = self._forms
        glue = {self.tokenizer.vocab.strings.add(w) for w in _RUN_GLUE}
        out: list[tuple[int, int, int]] = []
        for s, e in heads:
            maker = next(
                (
                    m
                    for k in (2, 1)
                    if e - s > k and (m := tuple(norms[s : s + k])) in prefixes and m[0] in firsts
                ),
                None,
            )
            if maker is None:
                continue
            p = e + 1
            while p < n and (item := _product_at(forms, maker, norms, p)) is not None:
                out.append(item)  # (the run ends at the first item that is not the maker's)
                p = item[2]
                while p < n and norms[p] in glue:
                    p += 1
        return out


def _product_at(
    forms: dict[tuple[int, ...], int], maker: tuple[int, ...], norms: list[int], p: int
) -> tuple[int, int, int] | None:
    """The maker's product whose words start at token ``p`` (the longest, up to ``_ITEM_WORDS``):
    ``(entry key, p, end)``, or None when no form "<maker> <words>" starts there."""
    for k in range(min(_ITEM_WORDS, len(norms) - p), 0, -1):
        key = forms.get((*maker, *norms[p : p + k]))
        if key is not None:
            return key, p, p + k
    return None
