"""Indonesian stop words: spaCy's list when spaCy is installed, else a compact one."""

from __future__ import annotations

from functools import lru_cache

_COMPACT = frozenset("""
ada adalah adanya agar akan akhirnya aku anda antara apa apabila atas atau awalnya bagaimana
bagi bahkan bahwa baik banyak baru begitu belum beliau berbagai bersama bisa bukan cukup dalam
dan dapat dari demikian dengan di dia diketahui dilakukan ini itu jadi jika juga kalau kami
kamu karena kata ke kedua kemudian kepada ketika kini kita lagi lain lalu lebih maka masih
melalui memang mereka meski namun nanti oleh pada padahal para pernah pula pun saat saja
salah sama sampai sangat satu saya sebagai sebelum sebuah sedang sehingga sejak sekarang
selain selama sementara semua seperti serta setelah sudah tak tapi telah tengah tentang
terhadap termasuk tetapi tidak untuk walau ya yaitu yakni yang
""".split())  # fmt: skip

# Sentence openers that are capitalised but never start a name.
_OPENERS = frozenset("""
adapun awalnya diketahui kemudian menurutnya namun selain sementara sebelumnya selanjutnya
sedangkan terkait hingga meski dengan sebab oleh untuk jika kalau saat ketika usai setelah
dilansir dikutip melansir mengutip
""".split())  # fmt: skip


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    try:
        from spacy.lang.id.stop_words import STOP_WORDS
    except ImportError:  # spaCy is optional for these stages
        return _COMPACT | _OPENERS
    return frozenset(STOP_WORDS) | _COMPACT | _OPENERS
