"""Bytes (or a path) to text: BOMs, UTF-8, then a detected legacy encoding.

Indonesian pages that are not UTF-8 are nearly always cp1252 or latin-1
(old CMSs); charset-normalizer tells those apart from binary data.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from ._errors import BinaryInputError, EmptyInputError, InputError, InputTooLargeError

__all__ = ["decode", "repair_mojibake"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of formats people feed in by mistake (images, archives, PDFs).
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"%PDF", b"\x1f\x8b", b"BZh", b"\x7fELF")


def decode(page: str | bytes | Path, max_bytes: int) -> tuple[str, str | None, int]:
    """Return (text, encoding, size in bytes). ``encoding`` is None for str input."""
    if isinstance(page, Path):
        page = _read_path(page, max_bytes)
    if isinstance(page, str):
        size = len(page.encode("utf-8", "surrogatepass"))
        _check_size(size, max_bytes)
        text, encoding = page, None
    elif isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        size = len(data)
        _check_size(size, max_bytes)
        text, encoding = _decode_bytes(data)
    else:
        raise InputError(f"cannot read a page from {type(page).__name__}; give str, bytes or a Path")
    text = _drop_controls(text)
    if not text.strip():
        raise EmptyInputError("the page is empty")
    return text, encoding, size


# UTF-8 read as cp1252/latin-1 leaves these pairs: "Ã¶" for "ö", "â€œ" for "“".
# Checked first because ftfy's repair costs ~1 ms on a page and most pages need none.
_MOJIBAKE_HINT = re.compile(r"[ÂÃ][\u0080-\u00bf]|â€|Ã[\u0152-\u2122]")


def repair_mojibake(text: str) -> str | None:
    """The text with mojibake undone (UTF-8 that was decoded as a legacy
    encoding somewhere upstream: a CMS, a scraper, a CSV export), or None
    when there was nothing to repair."""
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return None
    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text else None


def _read_path(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        _check_size(size, max_bytes)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputTooLargeError(
            f"the page is {size:,} bytes, over the limit of {max_bytes:,} (settings.max_input_bytes)"
        )


def _decode_bytes(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if data.startswith(_MAGIC) or _looks_binary(data):
        raise BinaryInputError("the input is binary data, not a text or HTML page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _looks_binary(data: bytes) -> bool:
    # NUL bytes never occur in text pages (UTF-16 was handled by its BOM);
    # a few stray ones in a large page are damage, many mean binary.
    head = data[:8192]
    return head.count(0) > max(2, len(head) // 100)


# Single-byte Latin encodings that charset-normalizer cannot tell apart on
# short texts; for Indonesian pages cp1252 is by far the most likely of them.
_LATIN_FAMILY = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2",
                 "iso8859_9", "iso8859_13", "iso8859_15", "mac_roman", "mac_latin2", "cp850", "cp437"}


def _decode_legacy(data: bytes) -> tuple[str, str]:
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise BinaryInputError("the input is not text in any known encoding")
    if best.encoding in _LATIN_FAMILY:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode(best.encoding, errors="replace"), best.encoding


def _drop_controls(text: str) -> str:
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text
