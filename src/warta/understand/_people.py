"""The people an article names, in order, to resolve "dia", "-nya" and
"pejabat Rusia itu" to the person the article last named before a quote.

Names are read from the body with the quoted words blanked out, so that a
person quoted or talked about inside a quote is not taken for the speaker.
Acronyms the article defines ("Kementerian Keuangan (Kemenkeu)") give the
long form as the canonical speaker.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ._names import (
    PREPOSITIONS,
    RUN,
    TITLES,
    Who,
    apposition,
    canonical_names,
    initials,
    split_run,
    who_at,
)

_MIN_SPELLING_CHARS, _MIN_SIMILARITY = 6, 0.88


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= _MIN_SIMILARITY


_ATTRIBUTION = re.compile(
    r"[^.\n]{0,3}[.,]?\s+(?:Hal|Pernyataan|Keterangan)\s+(?:ini|itu|tersebut)\s+(?:di\w+kan)"
    r"\s+(?:oleh\s+)?(?P<run>[A-Z])"
)
# A short form or nickname: "Kemenkeu", "Gus Ipul".
_NICK = r"(?P<short>[A-Z][A-Za-z'-]{1,11}(?:\s+[A-Z][A-Za-z'-]{1,11}){0,2})"
# "Kementerian Keuangan (Kemenkeu)", "Saifullah Yusuf (Gus Ipul)", "Saifullah Yusuf, (Gus Ipul)".
_DEFINED_ACRONYM = re.compile(rf"(?P<long>{RUN.pattern}),?\s+\({_NICK}\)")
# "Saifullah Yusuf alias Gus Ipul", "Slamet Riyadi yang akrab disapa Mbah Met".
_NICKNAME_AFTER = re.compile(
    rf"(?P<long>{RUN.pattern}),?\s+(?:alias|(?:yang\s+|atau\s+)?(?:akrab|biasa)\s+"
    rf"(?:disapa|dipanggil))\s+{_NICK}"
)
_NICKNAME_WORD = re.compile(r"\b(?:alias|disapa|dipanggil)\b")
# "kata Cak Imin sapaan akrabnya": the nickname of the person named last before it.
_NICKNAME_OF_LAST = re.compile(rf"{_NICK},?\s+(?:sapaan|panggilan)\s+akrabnya\b")


@dataclass
class _Run:
    """A capitalised run of the body, split into role and name."""

    who: Who
    named: Who  # the same, or the name in ", Name" after it ("Duta Besar Pakistan, Zahid")
    subject: bool  # not after a preposition ("oleh Presiden X")
    opens_clause: bool  # "..., Presiden X" but not "arahan Presiden X"


class People:
    def __init__(
        self,
        masked_body: str,
        speakers: list[tuple[int, str]],
        entities: list[dict[str, Any]],
        roles: frozenset[str] = frozenset(),  # speakers given by a role alone
    ):
        persons = [e for e in entities if e.get("label") in ("PER", "PERSON")]
        self.acronyms, institutions = _acronyms(masked_body)
        # An institution that speaks ("Komdigi memastikan") is not what "katanya" points back to.
        speakers = [(at, s) for at, s in speakers if self.acronyms.get(s, s) not in institutions]
        named = speakers + [(e["start"], e.get("canonical") or e["text"]) for e in persons]
        runs = list(_runs(masked_body))
        titled = [
            (r.named.start, r.named.name)
            for r in runs
            if _titled(r) or _described(masked_body, r.who)
        ]
        self._long_names = {r.who.name for r in runs if r.who.name and " " in r.who.name}
        # Any name after a role ("Fraksi PAN Eddy Soeparno") may complete a short
        # form; only names after a person's title are antecedents of pronouns.
        known = [name for _, name in named] + [
            r.who.name for r in runs if r.who.name and r.who.role
        ]
        self.canonical = canonical_names(known)
        self._titled = {self.canonical.get(name, name) for _, name in titled}
        self._holders = [
            (r.named.start, r.named.name, masked_body[r.who.start : max(r.who.end, r.named.start)])
            for r in runs
            if r.named.name and any(_is_title(w) for w in (r.named.role or "").split())
        ]
        parts = {w for _, name in named + titled for w in name.split() if len(w) > 2}
        later = [(r.who.start, r.who.name) for r in runs if _mentions(r, parts)]
        # Antecedents of "dia"/"-nya" are subjects: "Ia mendukung langkah Gubernur X"
        # names X as an object, and the next "katanya" is still the speaker's.
        subjects = {r.named.start for r in runs if r.opens_clause} | {
            r.who.start for r in runs if r.opens_clause
        }
        mentions = sorted(named + [m for m in titled + later if m[0] in subjects])
        self._nicknames_of_last(masked_body, mentions)
        self._starts = [start for start, _ in mentions]
        # A speaker given as a role alone ("Bupati juga menekankan ...") is, like the
        # quote itself, the person the article names with the role.
        self._names = [
            self.holder(name, start) if name in roles else self.full_name(name)
            for start, name in mentions
        ]
        self._entities = persons
        self._text = masked_body

    def _nicknames_of_last(self, text: str, mentions: list[tuple[int, str]]) -> None:
        if "akrabnya" not in text:  # a quick test spares the pattern on most articles
            return
        starts = [start for start, _ in mentions]
        for match in _NICKNAME_OF_LAST.finditer(text):
            i = bisect.bisect_left(starts, match.start())
            if i:
                _add_alias(self.acronyms, match["short"], self.full_name(mentions[i - 1][1]))

    def attributed_after(self, end: int) -> str | None:
        """The person a sentence right after `end` credits with what came before:
        'DJP memastikan ... . Hal ini diungkapkan oleh Dirjen Pajak Bimo Wijayanto.'"""
        match = _ATTRIBUTION.match(self._text, end)
        if match is None:
            return None
        who = who_at(self._text, match.start("run"))
        return self.full_name(who.name) if who is not None and who.name else None

    def latest(self, position: int) -> str | None:
        """The person last named before `position`."""
        i = bisect.bisect_left(self._starts, position)
        return self._names[i - 1] if i else None

    def holder(self, role: str, position: int) -> str:
        """The person the article names with `role`, last before `position`
        (else first after it): "kata Kapolres" after "Kapolres Bogor AKBP X",
        "ungkap JPU" after "Jaksa Penuntut Umum (JPU) Kejari OKI Ulpah"; the
        role itself when nobody holds it, as for an institution ("kata BPS")."""
        found = [(start, name) for start, name, text in self._holders if _holds(role, text)]
        if not found:
            return self.full_name(role)
        before = [f for f in found if f[0] < position]
        return self.full_name((before[-1] if before else found[0])[1])

    def full_name(self, name: str) -> str:
        if name in self.acronyms:
            return self.acronyms[name]
        if name.isupper() and 2 <= len(name) <= 5:  # "STY" for Shin Tae-yong
            names = {*self.canonical.values(), *self._long_names}
            match = sorted(n for n in names if initials(n) == name)
            if match:
                return match[0]
        name = self.canonical.get(name, name)
        return name if name in self._titled else self._spelled_like_titled(name)

    def _spelled_like_titled(self, name: str) -> str:
        """The titled name of the article that `name` misspells ("Afifuddin" for
        "Ketua KPU Affifuddin"), else `name` itself."""
        if len(name) < _MIN_SPELLING_CHARS:
            return name
        close = [
            t
            for t in self._titled
            if t[0] == name[0] and abs(len(t) - len(name)) <= 2 and _similar(t, name)
        ]
        return close[0] if close else name

    def entity(self, name: str) -> str | None:
        """The NER stage's canonical name for the PER entity that is this speaker:
        the same name, else one that holds all its words ("Wahid" in "Abdul Wahid")."""
        words = set(name.split())
        canonicals = [e.get("canonical") or e["text"] for e in self._entities]
        for fits in (lambda c: c == name, lambda c: words <= set(c.split())):
            found = next((c for c in canonicals if fits(c)), None)
            if found is not None:
                return found
        return None


def _runs(masked_body: str) -> Iterator[_Run]:
    for match in RUN.finditer(masked_body):
        who = split_run(match.group(), match.start())
        if who is not None:
            named = apposition(masked_body, match.end(), who) or who
            yield _Run(
                who,
                named,
                _after_no_preposition(masked_body, match.start()),
                _opens_clause(masked_body, match.start()),
            )


def _described(text: str, who: Who) -> bool:
    """A name set after a lower-case description of a person and a comma
    ("istri almarhum, Rosmala", "salah seorang warga, Budi"), or before one
    between commas ("Stephen Hawking, fisikawan legendaris ..., pernah")."""
    if who.name is None or who.role is not None:
        return False
    if len(who.name.split()) >= 2 and _DESCRIPTION_AFTER.match(text, who.end):
        return True  # two words at least: not "Rinciannya, pembayaran ..., "
    return _PERSON_BEFORE.search(text, max(0, who.start - 40), who.start) is not None


_DESCRIPTION_AFTER = re.compile(r",\s+[a-z][\w-]*(?:\s+[\w-]+){0,12},")


_PERSON_NOUNS = (
    "istri suami anak ibu ayah kakak adik keluarga warga korban saksi pelaku tersangka terdakwa "
    "pemilik petani nelayan pedagang mahasiswa siswa pelajar pengemudi sopir buruh karyawan "
    "pegawai relawan penumpang pengunjung peserta atlet"
).split()
_PERSON_BEFORE = re.compile(rf"\b(?:{'|'.join(_PERSON_NOUNS)})\b[a-z ]{{0,30}},\s+$")


def _titled(run: _Run) -> bool:
    """A name introduced with a person's title: "Presiden Prabowo Subianto"."""
    role = run.named.role or ""
    return bool(run.named.name and run.subject and any(_is_title(w) for w in role.split()))


def _mentions(run: _Run, parts: set[str]) -> bool:
    """A later mention of a known name or of a part of one ("Wahid")."""
    return bool(run.who.name and run.subject and set(run.who.name.split()) <= parts)


def _holds(role: str, run_text: str) -> bool:
    """A run (role words before a name) holds `role`: its words with a person's
    title among them ("Kapolres"), or an acronym the run defines for words
    with a title ("Jaksa Penuntut Umum (JPU)"; not "Badan Pusat Statistik (BPS)")."""
    defined = re.search(rf"((?:[\w'-]+\s+){{1,6}})\({re.escape(role)}\)", run_text)
    if defined is not None:
        expansion = defined[1].split()[-len(role) :] if role.isupper() else defined[1].split()
        return any(_is_title(w) for w in expansion)
    words = role.lower().split()
    found = re.findall(r"[\w'-]+", run_text.lower())
    if len(words) == 1 and _is_title(words[0]) and _abbreviates(words[0], found):
        return True  # "Menkes" for "Menteri Kesehatan ...", "Wamenkeu" for "Wakil Menteri Keuangan"
    return any(_is_title(w) for w in words) and set(words) <= set(found)


def _abbreviates(short: str, words: list[str]) -> bool:
    """`short` is made of the starts (two letters or more) of two or more
    consecutive `words`: "menkes" = men(teri) + kes(ehatan)."""

    def cover(rest: str, i: int, parts: int) -> bool:
        if not rest:
            return parts >= 2
        if i >= len(words):
            return False
        return any(
            words[i].startswith(rest[:n]) and cover(rest[n:], i + 1, parts + 1)
            for n in range(min(len(rest), len(words[i])), 1, -1)
        )

    return any(cover(short, i, 0) for i in range(len(words)))


def _is_title(word: str) -> bool:
    return word.lower().strip(".") in TITLES


def _after_no_preposition(text: str, start: int) -> bool:
    """False for a name after a preposition ("oleh Presiden X"): pronouns and
    "-nya" point back to subjects and speakers, not to such names; but the
    agent of a passive verb of saying ("disampaikan oleh X") is a speaker."""
    before = text[max(0, start - 40) : start].split()[-3:] or [""]
    if before[-1].lower() == "oleh" and any(_PASSIVE_SAYING.match(w.lower()) for w in before):
        return True  # also "disampaikan langsung oleh X"
    return before[-1].lower() not in PREPOSITIONS


def _opens_clause(text: str, start: int) -> bool:
    """A name that can be a subject: at the start of a sentence or clause, after
    a connective ("Sementara itu Menteri X"), or the agent of a passive verb
    ("diungkapkan Kepala X", "dipimpin Kasat X"), also with a role in lower case
    between ("Melihat fakta itu hakim X pun ..."); not after a noun or an active
    verb ("arahan Presiden X", "mendukung Gubernur X")."""
    head = text[max(0, start - 40) : start].rstrip()
    words = head.split()
    if words and words[-1].islower() and _is_title(words[-1]):
        head = head[: head.rfind(" ") + 1].rstrip()
    if not head or head[-1] in '.,;:!?()"“”':
        return True
    last = head.split()[-1].lower()
    return last in _BEFORE_SUBJECT or bool(_PASSIVE.match(last))  # "yang dipimpin Kasat X"


_PASSIVE = re.compile(r"di[a-z]{4,}$")


_BEFORE_SUBJECT = frozenset(
    "itu ini pun juga lalu kemudian namun tetapi tapi dan serta sedangkan sementara adapun "
    "bahkan selanjutnya akhirnya kini saat ketika setelah sebelum usai mantan eks calon sang oleh".split()
)
_PASSIVE_SAYING = re.compile(
    r"di(?:sampaikan|katakan|ungkapkan|jelaskan|tegaskan|sebut(?:kan)?|paparkan|terangkan|umumkan|nyatakan)$"
)


def _acronyms(text: str) -> tuple[dict[str, str], set[str]]:
    """Short form -> long form, and the long forms that are institutions."""
    table, institutions = {}, set()
    for match in _DEFINED_ACRONYM.finditer(text):
        who = split_run(match["long"], match.start())
        if who is not None:
            # A person's acronym ("AHY") stands for the name, an institution's for the role.
            table[match["short"]] = who.name or who.role
            if who.name is None and who.role:
                institutions.add(who.role)
            if who.name:
                _add_alias(table, match["short"], who.name)
    for match in _NICKNAME_AFTER.finditer(text) if _NICKNAME_WORD.search(text) else ():
        who = split_run(match["long"], match.start())
        if who is not None and who.name:
            _add_alias(table, match["short"], who.name)
    return table, institutions


def _add_alias(table: dict[str, str], nickname: str, name: str) -> None:
    table[nickname] = name
    alias = split_run(nickname, 0)
    if alias is not None and alias.name and alias.name != nickname:
        table[alias.name] = name  # "Gus Ipul": "tutup Gus Ipul" gives "Ipul"
