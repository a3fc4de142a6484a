"""Subjects and sources that are not a person's name: a study or report
("Penelitian dari X menyebutkan"), the maker of a study ("Menurut penelitian
Universitas Gadjah Mada"), and things pointed at ("Capaian ini menegaskan"),
which are not the people a role phrase stands for."""

from __future__ import annotations

import re

from ._names import RUN, Who, split_run


def thing_pointed(head: str) -> bool:
    """ "Capaian ini menegaskan", "Hal itu menunjukkan": a thing, not a person, as subject."""
    words = head.split()
    if len(words) < 2 or (len(words) > 2 and not words[-3].endswith((",", "."))):
        return False
    noun = words[-2].lower()
    return noun in _THINGS or bool(_ABSTRACT.match(noun))


_THINGS = frozenset(
    "hal data capaian kondisi situasi langkah program hasil fakta angka kejadian peristiwa "
    "kegiatan acara aturan temuan kasus".split()
)
_ABSTRACT = re.compile(r"(?:ke|pe[mnr]?|peng|peny)[a-z]{3,}an$")  # "kebijakan", "pernyataan"
# "sejumlah studi internasional menjelaskan", "Penelitian dari Harvard Medical School menyebutkan".
_DOCUMENT = re.compile(
    r"(?:^|,\s*)(?:(?i:sejumlah|hasil|sebuah|para)\s+)?"
    r"(?P<doc>(?i:penelitian|studi|riset|survei|laporan|kajian)\b[^,]{0,80})$"
)
_SOURCE = re.compile(rf"^\S+(?:\s+(?:dari|oleh))?\s+(?P<run>{RUN.pattern})$")


def document_subject(head: str, start: int) -> Who | None:
    """A study or report as the subject: the institution that made it when the
    text names it right after the noun, else the phrase itself as a role."""
    match = _DOCUMENT.search(head)
    if match is None:
        return None
    doc, at = match["doc"].strip(), start + match.start("doc")
    maker = _SOURCE.match(doc)
    if maker is not None:
        return source(maker["run"], at + maker.start("run"))
    return Who(None, doc, at, at + len(doc))


def source(run: str, start: int) -> Who:
    """The maker of a study or the source of a claim: a person's name, else
    the institution as written ("Universitas Gadjah Mada", not "Gadjah Mada")."""
    who = split_run(run, start)
    if who is not None and who.name and not who.role:
        return who
    return Who(None, run, start, start + len(run))


# "para peneliti", "ribuan orang", "pihak berwenang", "para pengunjuk rasa": a group
# that speaks together, named as the text words it (no one person to resolve to);
# its second word is not a verb ("ribuan orang meneriakkan") nor a preposition.
_GROUP = (
    r"(?i:para|sejumlah|ribuan|ratusan|puluhan|pihak)\s+(?!(?i:penelitian|studi|riset|survei|laporan"
    r"|kajian)\b)[a-z][\w-]*"  # studies are document_subject's
    r"(?:\s+(?!(?:me|ber|di|ter)[a-z]{3,}\b|(?:dalam|kepada|saat|ketika|itu|tersebut|ini|juga"
    r"|pun|telah|sudah|yang|dari|di|ke|sebelumnya|kemudian|lalu|kini|sendiri|sempat)\b)[a-z][\w-]*)?"
    r"|(?i:penyelenggara|panitia|demonstran|warganet|netizen)"
)
# The group opens the clause; "di kota tersebut" may follow it before the verb.
_GROUP_SUBJECT = re.compile(
    rf"(?:^|[,.]\s*)(?P<group>{_GROUP})(?:\s+(?:di|dari|yang)\s[^,]{{0,60}}?)?"
    r"(?:\s+(?:itu|tersebut|ini))?(?:\s+(?:sebelumnya|kemudian|lalu|kini|sendiri))?$"
)
GROUP_AFTER = re.compile(rf"(?P<group>{_GROUP})\b")


def group_subject(head: str, start: int) -> Who | None:
    """ "Para dokter di kota tersebut mengatakan": the group as the speaker's role."""
    match = _GROUP_SUBJECT.search(head)
    if match is None:
        return None
    at = start + match.start("group")
    return Who(None, match["group"], at, at + len(match["group"]))
