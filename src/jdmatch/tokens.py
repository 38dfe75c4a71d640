"""The tokenizer jdmatch reads text with, and the NORM its tokens get (plural folding).

The lowest layer of recognition: the lexicon's validation (alias clashes) and
the recognizer both split forms and texts here, so the two always agree.
"""

from __future__ import annotations

import re
import threading
from typing import Any

# Bump when the tokenizer or the plural folding changes: compiled lexicons then rebuild.
TOKENIZER_VERSION = "10"

# Lexeme attributes the recognizer reads; spaCy's other getters (like_url, shape,
# is_stop...) cost time for every new word and are left out of our private vocab.
_LEX_ATTRS = (
    "LOWER",
    "IS_ALPHA",
    "IS_DIGIT",
    "IS_LOWER",
    "IS_SPACE",
    "IS_TITLE",
    "IS_UPPER",
    "IS_PUNCT",
    "LIKE_NUM",
)
_PLURAL_IES = re.compile(r"^(?P<stem>[a-z]{4,})ies$")
_PLURAL_S = re.compile(r"^(?P<stem>[a-z]{5,}[^su])s$")
_ACRONYM_S = re.compile(r"^(?P<stem>[A-Z][A-Z0-9]{0,4}[A-Z])s$")
# the NORM of whitespace tokens: a name wrapped over two lines matches through LINE_BREAK
LINE_BREAK = "\n"
PARAGRAPH_BREAK = "\n\n"
# list bullets and separators written without spaces ("Java·Python", "•Go")
# CJK punctuation, Hiragana, Katakana, CJK ideographs, Hangul and full-width forms: scripts written without spaces between words
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff01-\uff60"
_BULLETS = "·•●▪■◦‣∙⋅►▸✓✔★◆♦‧⸱・･"
_SHORT_PLURALS = {
    "tests": "test",
    "apis": "api",
    "sdks": "sdk",
    "dbs": "db",
    "apps": "app",
    "bots": "bot",
    "jobs": "job",
}
# a word with a period that names software, not a web host: "Node.js/Express" is a list, not a URL
# (no top-level domain is "js" or "ts"; "ASP.NET", "ADO.NET", "VB.NET" and "Socket.IO" are names)
_DOTTED_NAME = re.compile(r"(?i)[a-z0-9]+\.(?:js|ts|jsx|tsx)|(?:asp|ado|vb|socket)\.(?:net|io)")
_SIMPLE_FORM = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")
# characters that do not show: a soft hyphen or a zero-width space inside a word ("Kuber\u00adnetes")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def fold_plural(text: str) -> str:
    """The NORM of a token: lower case, plural folded to singular ("microservices" -> "microservice", "APIs" -> "api").

    Phrase patterns and document tokens both get this norm, so a lexicon form
    finds its plural without a second pattern. Words of five letters or fewer are
    left alone ("tries" must not become "trie"). Invisible characters (a soft hyphen, a
    zero-width space) are dropped: "Kuber\u00adnetes" has the norm of "Kubernetes".
    """
    if not text.isascii():
        text = text.translate(_INVISIBLE) or text
    if text.isspace():
        # one line break (with any spaces or tabs) may sit inside a wrapped name; a blank line may not
        return LINE_BREAK if max(text.count("\n"), text.count("\r")) <= 1 else PARAGRAPH_BREAK
    m = _ACRONYM_S.match(text)
    if m:
        return m.group("stem").lower()
    low = text.lower()
    short = _SHORT_PLURALS.get(low)
    if short:
        return short
    m = _PLURAL_IES.match(low)
    if m:
        return m.group("stem") + "y"
    m = _PLURAL_S.match(low)
    if m and not low.endswith(("ous", "ss", "is", "us")):
        return m.group("stem")
    return low


def special_cases() -> dict[str, Any]:
    """The tokenizer's special cases (spaCy's English exceptions, less the ones described below)."""
    from spacy.lang.en import English

    # single capitals with a period ("C.", "R.") are initials to spaCy; here they end
    # a sentence that names a language far more often than they abbreviate a name
    return {
        k: v
        for k, v in (English.Defaults.tokenizer_exceptions or {}).items()
        if not k.isspace() and not re.fullmatch(r"[A-Z]\.", k)
    }


def make_tokenizer(*, with_special_cases: bool = True) -> Any:
    """spaCy's English tokenizer, adjusted for skill names and raw multi-line text.

    * whitespace-only special cases are dropped: they switch off the tokenizer
      cache for the rest of a document (about 20x slower on text with newlines)
      without changing a single token;
    * ``/``, ``(``, ``)``, ``|`` always split (``Java/Go``, ``API(s)``), also after a dotted
      name spaCy would take for a web host (``Node.js/Express``);
    * trailing version digits split from a word (``Python3`` -> ``Python 3``),
      so a version after a name reads the same with or without the space;
    * the vocab computes only the lexeme attributes jdmatch reads, and NORM folds
      plurals (see :func:`fold_plural`).

    ``with_special_cases=False`` leaves out the 1,343 special cases ("don't", ":)"), which take
    most of the ~0.2 s a tokenizer costs to make: a caller that adds the ones a text holds
    before tokenizing it (:func:`special_cases`) gets the same tokens.
    """
    from spacy import attrs
    from spacy.lang.en import English
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import Vocab

    defaults = English.Defaults
    getters = {
        getattr(attrs, name): fn for name, fn in _english_getters().items() if name in _LEX_ATTRS
    }
    getters[attrs.NORM] = fold_plural
    vocab = Vocab(lex_attr_getters=getters)
    # commas and semicolons split a list written without spaces ("Java,C#,C++"), not a number ("1,000")
    infixes = [
        *(defaults.infixes or ()),
        r"[/|()\[\]{}]",
        r"(?<!\d)[,;]|[,;](?!\d)",
        f"[{_BULLETS}]",
        # an ampersand between two words joins a list ("Postgres&Redis"), not an initialism ("R&D", "AT&T")
        r"(?<=[A-Za-z]{2})&(?=[A-Za-z]{2})",
        # "C#.NET" is C# on .NET: the period splits off (". NET" is a form of .NET)
        r"(?<=[A-Za-z]#)\.(?=(?i:net)\b)",
        # a plus or an arrow between two words joins a list or a flow ("Spark+Scala",
        # "Kafka→Flink", "S3->Athena"), not a name ("C++", "Notepad++", "A+")
        r"(?<=[A-Za-z]{2})\+(?=[A-Za-z]{2})",
        r"[→⇒➔➜⟶]",
        r"(?<=\w)->(?=\w)",
        # a double colon between two words separates a list ("Databases::MySQL::Redis")
        r"(?<=\w)::(?=\w)",
        # a name written against Chinese, Japanese or Korean text, which has no spaces
        # ("Go言語で", "Kubernetes上で"): an empty infix splits the two scripts apart
        f"(?<=[A-Za-z0-9+#])(?=[{_CJK}])|(?<=[{_CJK}])(?=[A-Za-z.])",
    ]
    prefixes = [*(defaults.prefixes or ()), f"[{_BULLETS}]"]
    suffixes = [
        *(defaults.suffixes or ()),
        r"(?<=[A-Za-z])\d+(?:\.\d+)*$",
        r"(?:(?<=[A-Za-z]\+\+)|(?<=[A-Za-z]#))\d+$",  # a version after C++ or C#: "C++17", "C#10"
        r"(?<=[A-Z])\.$",
    ]
    return Tokenizer(
        vocab,
        rules=special_cases() if with_special_cases else {},
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=_url_match(defaults.url_match),
    )


def _url_match(match: Any) -> Any:
    """spaCy's URL matcher, except for a software name with a path-like tail ("node.js/express",
    "ASP.NET/C#"): written without a scheme or "www.", that is a list of names, which the
    infixes then split."""

    def url_match(text: str) -> Any:
        m = match(text)
        if m is not None and "://" not in text:
            host = text.split("/", 1)[0]
            if _DOTTED_NAME.fullmatch(host):
                return None
        return m

    return url_match


def _english_getters() -> dict[str, Any]:
    from spacy.lang import lex_attrs
    from spacy.lang.en import lex_attrs as en_attrs

    return {
        "LOWER": lex_attrs.lower,
        "IS_ALPHA": lex_attrs.is_alpha,
        "IS_DIGIT": lex_attrs.is_digit,
        "IS_LOWER": lex_attrs.is_lower,
        "IS_SPACE": lex_attrs.is_space,
        "IS_TITLE": lex_attrs.is_title,
        "IS_UPPER": lex_attrs.is_upper,
        "IS_PUNCT": lex_attrs.is_punct,
        "LIKE_NUM": en_attrs.like_num,
    }


def string_key(text: str) -> int:
    """The key spaCy's ``StringStore`` gives ``text``, which token attributes (ORTH, LOWER, NORM)
    hold: the string's hash, except for the few strings that are spaCy symbols ("root", "obj",
    "cc", "prep"), which get the symbol's id. Patterns made without a vocabulary must use it, or
    "root cause analysis" and "Obj-C" never match."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # in spaCy, not in its stubs
    from spacy.symbols import IDS

    key = IDS.get(text)
    return key if key is not None else int(hash_string(text))


def form_tokens(tokenizer: Any, form: str, special: frozenset[str] | None = None) -> list[str]:
    """The tokens of a lexicon form, exactly as ``tokenizer`` (from :func:`make_tokenizer`) splits text.

    Plain words separated by single spaces split on the spaces (unless a word is
    a tokenizer special case such as "cannot"; ``special``: the tokenizer's special
    cases, when the caller keeps them); anything else goes through the tokenizer.
    Both give the same tokens; the first costs no Doc.
    """
    if _SIMPLE_FORM.match(form):
        words = form.split(" ")
        if special is None:
            special = frozenset(tokenizer.rules)
        if not any(w in special for w in words):
            return words
    return [t.text for t in tokenizer(form) if not t.is_space]


_CHECKER: list[Any] = []  # the one tokenizer of token_texts, made on first use
_CHECKER_LOCK = threading.Lock()


def token_texts(text: str) -> list[str]:
    """The tokens of ``text`` as :func:`make_tokenizer` splits it, from one tokenizer the process keeps.

    For checks of lexicon forms (alias clashes, a user's extra lexicon), which need the
    tokens but no tokenizer of their own: making one costs about 0.15 s, so a process that
    checks several lexicons makes it once. Safe to call from several threads.
    """
    with _CHECKER_LOCK:
        if not _CHECKER:
            _CHECKER.append(make_tokenizer())
        return [t.text for t in _CHECKER[0](text)]


class TextTokenizer:
    """The tokenizer of :func:`make_tokenizer`, made without its special cases, which it adds as texts need them.

    A special case can change a text's tokens only where its string occurs in the text, so
    adding, before each text is tokenized, the special cases whose strings it holds gives the
    same tokens as a tokenizer that had them all from the start; a start that reads one
    document skips adding the other 1,300. After ``lazy_texts`` texts it adds the rest at
    once (a run of many texts then skips the search). Called like a spaCy ``Tokenizer``
    (``vocab``, ``rules``); safe to call from several threads.

    It also keeps spaCy's chunk cache filled (:meth:`_warm`): spaCy 3.8 stops caching the
    rest of a text once one special case has been met in it (explosion/spaCy#13950), so a
    resume with an em dash or "C++" in its first lines had every later word split afresh, on
    every call, at about 12 µs a word. The tokens are the same either way.
    """

    def __init__(self, lazy_texts: int = 4) -> None:
        self._tokenizer = make_tokenizer(with_special_cases=False)
        self.vocab = self._tokenizer.vocab
        self.rules = special_cases()  # all of them, as a spaCy Tokenizer's ``rules`` holds
        self._pending = dict(self.rules)
        self._lazy_texts = lazy_texts
        self._lock = threading.Lock()
        self._cached: set[str] = set()  # whitespace chunks spaCy's cache holds (or never will)
        self._idle = 0  # texts still to skip before the next warm-up (see _warm)
        self._backoff = 0

    def __call__(self, text: str) -> Any:
        if self._pending:
            with self._lock:  # no text is split while the special cases change
                self._add_special_cases(text)
                self._warm(text)
                return self._tokenizer(text)
        self._warm(text)
        return self._tokenizer(text)

    def _warm(self, text: str) -> None:
        """Put the chunks of ``text`` spaCy has not cached yet into its cache, in one call ordered
        so that no special case comes before a chunk that can be cached.

        spaCy caches each whitespace-separated chunk's tokens, but only until the first special
        case of a call: after it nothing more is cached in that call. Here the new chunks are split
        once, words first, then chunks with punctuation, then those that may hold a special case,
        so that the call on ``text`` itself finds nearly every chunk in the cache.

        Finding the new chunks costs a tenth of a tokenization, so where texts bring almost none
        (a batch of postings written alike) the next texts skip the search, up to 32 of them,
        and any text that brings many starts every text searching again.
        """
        if self._idle:
            self._idle -= 1
            return
        cached = self._cached
        chunks = text.split()
        new = set(chunks)
        new -= cached
        if len(new) * 50 < len(chunks):  # under 2% new: warm-ups can wait a while
            self._backoff = min(2 * self._backoff or 1, 32)
            self._idle = self._backoff
        else:
            self._backoff = 0
        if len(new) < 2:
            return
        if len(cached) > _MAX_CACHED:  # bounded memory over a long run; spaCy's cache stays
            cached.clear()
        rules = self.rules
        words: list[str] = []
        marked: list[str] = []
        special: list[str] = []
        for chunk in new:
            if chunk.isalnum():
                (special if chunk in rules else words).append(chunk)
            elif _may_be_special(chunk, rules):
                special.append(chunk)
            else:
                marked.append(chunk)
        words.sort()  # the same order every run: the cache's content never depends on a set's order
        marked.sort()
        special.sort()
        self._tokenizer(" ".join(words + marked + special))
        cached |= new

    def _add_special_cases(self, text: str) -> None:
        pending = self._pending
        if not pending:
            return
        self._lazy_texts -= 1
        keys = list(pending) if self._lazy_texts < 0 else [k for k in pending if k in text]
        for key in keys:
            self._tokenizer.add_special_case(key, pending.pop(key))
        if keys:
            self._cached.clear()  # adding a special case empties spaCy's cache


# how many chunks TextTokenizer remembers as cached before it starts over (about 30 MB at most)
_MAX_CACHED = 300_000
_EDGE = frozenset("([{<\"'“‘`*#@$%&+-=~^|/\\,.;:!?)]}>”’…")


def _may_be_special(chunk: str, rules: dict[str, Any]) -> bool:
    """Whether spaCy may meet a special case while splitting ``chunk``: the chunk itself, or
    what is left once up to three punctuation marks are taken off either end, is one, or it
    holds an apostrophe ("don't", "company's"). A wrong guess costs only cache warmth."""
    if "'" in chunk or "’" in chunk:
        return True
    n = len(chunk)
    lead = 0
    while lead < min(3, n) and chunk[lead] in _EDGE:
        lead += 1
    trail = 0
    while trail < min(3, n - lead) and chunk[n - 1 - trail] in _EDGE:
        trail += 1
    return any(
        chunk[i : n - j] in rules for i in range(lead + 1) for j in range(trail + 1) if i < n - j
    )
