"""Turning raw bytes into text: binary sniffing and encoding detection without guessing wildly."""

from __future__ import annotations

import codecs
import re

# Magic numbers of formats that are never a news page, whatever the file is named.
_BINARY_MAGIC = (
    (b"\x89PNG", "png"), (b"%PDF", "pdf"), (b"PK\x03\x04", "zip"), (b"GIF8", "gif"),
    (b"\xff\xd8\xff", "jpeg"), (b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\x7fELF", "elf"),
    (b"RIFF", "riff"), (b"OggS", "ogg"), (b"\x00\x00\x01\x00", "ico"), (b"7z\xbc\xaf", "7z"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
# Share of control characters above which decoded "text" is really binary noise.
_MAX_CONTROL_SHARE = 0.05
# Valid multi-byte UTF-8 characters needed per stray byte to read a page as UTF-8 anyway: real
# UTF-8 pages with a stray byte have hundreds; a Latin-1 page has almost none (extraction dev set).
_MIN_UTF8_RUN = 20


class Undecodable(ValueError):
    """Raised with a named reason when bytes cannot be read as text."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def sniff_binary(data: bytes) -> str | None:
    """Return the name of a binary format the bytes start with, or None."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    return None


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its first 4 KB, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    return _known(match.group(1).decode("ascii", "ignore")) if match else None


def _known(name: str) -> str | None:
    """Return Python's name for a declared charset, or None when Python does not know it."""
    try:
        known = codecs.lookup(name.strip()).name
    except (LookupError, ValueError):  # ValueError: a NUL or a lone surrogate in the name
        return None
    # As browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are read as windows-1252.
    return "cp1252" if known in ("iso8859-1", "ascii") else known


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the UTF-16 byte order when every other byte is mostly NUL (ASCII-range text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _candidates(data: bytes, html: bool, charset: str | None = None) -> list[str]:
    """Return encodings to try, most trustworthy first."""
    if data.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ["utf-16"]
    order = [e for e in (_utf16_without_bom(data),) if e]
    # Bytes that are valid UTF-8 are UTF-8 whatever the page declares: other encodings almost never
    # form valid multi-byte sequences, while stale charset declarations are common (extraction dev set).
    order.append("utf-8")
    if charset and (known := _known(charset)):
        order.append(known)
    if html and (declared := declared_charset(data)):
        order.append(declared)
    # cp1252 before latin-1: Windows pages use its curly quotes far more than latin-1's C1 controls.
    return order + ["cp1252", "latin-1"]


def decode(data: bytes, html: bool = False, charset: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) for raw bytes (`charset`: what an HTTP header declared), or raise Undecodable."""
    if not data.strip():
        raise Undecodable("empty_file", "the file holds no bytes or only white space")
    if fmt := sniff_binary(data):
        raise Undecodable("binary_content", f"the bytes are a {fmt} file, not a page")
    for encoding in dict.fromkeys(_candidates(data, html, charset)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = _mostly_utf8(data) if encoding == "utf-8" else None
            if text is None:
                continue
        if _control_share(text) > _MAX_CONTROL_SHARE:
            continue
        text = text.replace("\x00", "")
        if not text.strip():
            raise Undecodable("empty_file", "the text holds only white space")
        return text, encoding
    raise Undecodable("binary_content", "no text encoding reads these bytes as text")


def _mostly_utf8(data: bytes) -> str | None:
    """Return UTF-8 text with stray bytes replaced when nearly all non-ASCII bytes form UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ord(ch) > 127) - bad
    # Browsers read a UTF-8 page with a few stray Latin-1 bytes (often in a script) as UTF-8.
    return text if wide >= _MIN_UTF8_RUN * max(bad, 1) else None


def _control_share(text: str) -> float:
    """Return the share of C0 control characters other than tab and newlines in a sample."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(_CONTROLS))) / len(sample)


# C0 controls other than tab, newline, form feed and carriage return: deleted when counting them.
_CONTROLS = {code: None for code in range(32) if chr(code) not in "\t\n\r\f"}
