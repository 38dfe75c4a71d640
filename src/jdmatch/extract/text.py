"""Decode the bytes of a text file: BOMs, UTF-8, then a charset guess."""

from __future__ import annotations

import codecs

from jdmatch.errors import DecodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# cp1252 and latin-1 differ only in 0x80-0x9F, where cp1252 has curly quotes,
# dashes and the euro sign and latin-1 has control codes; these five bytes are
# undefined in cp1252, so their presence means latin-1.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def decode_text(data: bytes, *, source: str = "<bytes>") -> str:
    """Return ``data`` as text, deciding the encoding from BOM, UTF-8 validity or a guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"starts with a {encoding.upper()} byte-order mark but does not decode ({exc.reason} at byte {exc.start}); re-save it as UTF-8",
                    path=source,
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                continue
    western = _western(data)
    if western is not None:
        return western
    guess = _guess(data)
    if guess:
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("latin-1")


def _western(data: bytes) -> str | None:
    """cp1252 (or latin-1) when the result reads as Western text: mostly ASCII letters.

    Text in other single-byte code pages (Cyrillic, Greek) decodes too, but then
    most letters come out non-ASCII; those go to the charset guesser instead.
    """
    encoding = "latin-1" if _CP1252_HOLES & set(data) else "cp1252"
    text = data.decode(encoding)
    letters = sum(1 for ch in text if ch.isalpha())
    high = sum(1 for ch in text if ord(ch) > 127)
    return text if letters and high <= 0.3 * letters else None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even_zeros, odd_zeros) > 0.3 * half and min(even_zeros, odd_zeros) < 0.05 * half


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None
