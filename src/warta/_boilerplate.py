"""What is not article text: line patterns, each with the reason it is removed.

Kept as data-like tables so that a new outlet's furniture is one line here,
not a new branch in the code.
"""

from __future__ import annotations

import re

__all__ = ["LIST_HEADERS", "line_reason", "SHARE_WORDS"]

_I = re.IGNORECASE

#: (pattern, flags, reason), each matched against one whole clean line.
_LINE_RULES = (
        (r"^(baca|simak) (juga|pula|selengkapnya)\s*[:：\-–]", _I, "related link"),
        (r"^baca juga\s*$", _I, "related link"),
        (r"^(pilihan editor|berita terkait|artikel terkait|lihat juga)\s*[:：]\s*\S.{0,200}$", _I, "related link"),
        (r"^(ADVERTISEMENT|Advertisement|IKLAN|Iklan|Sponsored Content)$", 0, "advertisement"),
        (r"^(scroll|gulir) (to|ke bawah untuk) (continue|resume|lanjut)\b.*$", _I, "scroll prompt"),
        (r"^ADVERTISEMENT\s*SCROLL TO (CONTINUE|RESUME) WITH CONTENT$", 0, "advertisement"),
        (r"^halaman\s*\d+\s*(/|dari|of)\s*\d+$", _I, "pagination"),
        (r"^halaman\s*(\d+|selanjutnya|berikutnya|sebelumnya|all|semua)\s*[»>]*$", _I, "pagination"),
        (r"^(selanjutnya|berikutnya|sebelumnya|lanjut(kan)? baca(nya)?|tampilkan semua|next)\s*[»>]*$", _I, "pagination"),
        (r"^(\d+\s+){1,9}\d+\s*[»>]*$", 0, "pagination"),
        (r"^((\d+|halaman|selanjutnya|berikutnya|sebelumnya|next|prev|[»>«<])\s*){2,12}$", _I, "pagination"),
        (r"^(simak|tonton|saksikan|lihat|cek)( juga| pula)?( live)?( ?video\w*| ?live\s*\w+| ?detik\w+)\b.{0,200}$", _I, "video promo"),
        (r"^\[(gambas|video|embed|instagram|twitter|tiktok|youtube)\b[^\]]*\]$", _I, "embed"),
        (r"^(simak|dapatkan|ikuti|follow|download|unduh|gabung)\b.{0,160}\b(google news|whatsapp channel|saluran whatsapp|ponselmu|aplikasi|telegram|berita pilihan|update berita|breaking news)\b.*$", _I, "promo"),
        (r"^klik (di ?sini|link)\b.{0,120}$", _I, "promo"),
        (r"^(copyright|hak cipta)\b.*$|^©\s*\d{4}.*$", _I, "copyright"),
        (r"^(artikel|berita) ini (telah|sudah|pertama kali) (tayang|terbit|dipublikasikan|diterbitkan|dimuat)\b.*$", _I, "syndication note"),
        (r"^(#[\w-]+\s*)+$", 0, "tags"),
        (r"^(tag|tags|topik|topik terkait|kata kunci)\s*[:：]\s*.+$", _I, "tags"),
        (r"^(dapatkan|download|unduh) aplikasi\b.*$", _I, "promo"),
)
_REASONS = [reason for _, _, reason in _LINE_RULES]
# One alternation tried once per line is several times faster than a loop
# over the rules; the group that matched names the rule.
_ANY_RULE = re.compile(
    "|".join(f"(?P<r{i}>{'(?i:' if flags else '(?:'}{p}))" for i, (p, flags, _) in enumerate(_LINE_RULES))
)

#: Headings that open a block of links (related articles, tags) whose short
#: lines follow until the next real paragraph.
LIST_HEADERS = re.compile(
    r"^(berita|artikel|baca)( juga)? (terkait|lainnya|populer|terpopuler|pilihan)\s*:?$"
    r"|^(lihat juga|rekomendasi|terpopuler|terkini|populer|tags?|topik|topik terkait|"
    r"baca juga|berita terkait|artikel terkait|pilihan redaksi|terkait)\s*[:：]?$",
    _I,
)

#: Words that make up share-button rows.
SHARE_WORDS = frozenset(
    w.casefold()
    for w in (
        "Bagikan", "Share", "Facebook", "Twitter", "X", "WhatsApp", "Telegram", "Line",
        "Copy Link", "Salin Link", "Salin tautan", "Copy link", "Email", "Tweet", "LinkedIn",
        "Pinterest", "Komentar", "Bagikan artikel", "Share this article", "Print", "Cetak",
    )
)


def line_reason(line: str) -> str | None:
    """Why this whole line is boilerplate, or None when it is content."""
    if line.casefold() in SHARE_WORDS:
        return "share buttons"
    if len(line) > 400:  # furniture is short; long lines are prose
        return None
    m = _ANY_RULE.match(line)
    return _REASONS[int(m.lastgroup[1:])] if m else None
