"""Bytes to text: size limit, binary detection, BOMs, declared and sniffed encodings.

Order: a byte-order mark wins; then strict UTF-8; then an encoding the file declares
(HTML ``<meta charset>``, an XML declaration, Markdown front matter ``encoding:``);
then charset-normalizer, accepted only when its guess is confident.  Anything else is
a :class:`DecodeProblem` with a one-line reason (the caller adds the file name).
"""
from __future__ import annotations

import codecs
import re
from numcheck import fastre

MAX_BYTES = 10 * 1000 * 1000
"""Largest input accepted, in bytes (10 MB)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = fastre.plain(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = fastre.plain(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.I)
_FM_ENCODING = fastre.plain(rb"""\A(?:---|\+\+\+)[ \t]*\r?\n(?:.*\r?\n){0,60}?[ \t]*encoding[ \t]*[:=][ \t]*["']?([A-Za-z0-9._:-]+)""",
                          re.I)

# Per WHATWG, documents labelled latin-1/ascii are decoded as windows-1252.
_HTML_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                 "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


class DecodeProblem(ValueError):
    """Why bytes could not be turned into text (message without the file name)."""


def size_problem(size: int, limit: int = MAX_BYTES) -> str | None:
    if size > limit:
        return f"too large ({size / 1e6:.1f} MB > {limit / 1e6:g} MB limit)"
    return None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > 0.05


def declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    for rx in (_XML_DECL, _META_CHARSET, _FM_ENCODING):
        m = rx.search(head)
        if m:
            name = m.group(1).decode("ascii", "replace").lower()
            return _HTML_ALIASES.get(name, name)
    return None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`DecodeProblem`."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"invalid {enc.upper()} text after its byte-order mark "
                                    f"(byte {exc.start + len(bom)})") from None
    if looks_binary(data):
        raise DecodeProblem("looks binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = declared_encoding(data)
    if declared:
        codec = _codec(declared)
        if codec is None:
            raise DecodeProblem(f"declares an unknown encoding {declared!r}")
        if codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                if codec == "cp1252":  # bytes cp1252 leaves undefined: latin-1 has them all
                    return data.decode("latin-1"), "latin-1"
                raise DecodeProblem(f"is not valid {declared} text, as it declares") from None
    sniffed = _sniff(data)
    if sniffed is not None:
        return sniffed
    raise DecodeProblem(f"not UTF-8 (invalid byte at offset {utf8_error.start}) and the encoding "
                        "could not be determined; declare it or convert the file to UTF-8")


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _sniff(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    results = from_bytes(data[:200_000])
    best = results.best()
    if best is None or best.encoding is None:
        return None
    # Short texts leave several single-byte code pages equally plausible; Western news
    # text is overwhelmingly windows-1252, so it wins a tie.
    # The same goes for the other Windows code pages against their Mac/ISO cousins.
    close = [m for m in results if m.encoding and m.chaos <= best.chaos + 0.02]
    for wanted in (lambda e: e in _WESTERN, lambda e: e.startswith("cp125")):
        pick = next((m for m in close if wanted(m.encoding)), None)
        if pick is not None:
            best = pick
            break
    if best.chaos > 0.1:  # too much mess: not a confident guess
        return None
    codec = _codec(best.encoding)
    if codec is None or codec.startswith(("utf-16", "utf-32")):  # never guess those without a BOM
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7f <= ord(ch) < 0xa0)
    if bad > len(text[:20000]) * 0.01:
        return None
    # confident = a language was recognised, or the text is mostly plain letters
    # with a sprinkling of accents and symbols (Western news text)
    ink = [ch for ch in text[:20000] if not ch.isspace()]
    if not ink:
        return None
    ascii_letters = sum(1 for ch in ink if ch.isascii() and ch.isalpha())
    if best.coherence < 0.2 and ascii_letters < 0.5 * len(ink):
        return None
    return text, codec
