"""Cues that name who speaks: '..." kata X', 'X mengatakan, ...', 'Menurut X, ...'.

Each finder returns a ``Cue``: the cue word, the speaker as written (a name
with its role, a pronoun, or a role phrase such as "pejabat Rusia itu") and
how it was found. Pronouns and role phrases are resolved later, against the
people the article named before the quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ._names import RUN, Who, apposition, split_run, who_at, who_before
from ._sources import GROUP_AFTER, document_subject, group_subject, source, thing_pointed

# Short cue verbs after a quote, as in '..., kata X' / '..., ujarnya'.
SHORT_CUES = (
    "kata ujar ucap tutur jelas tegas ungkap sebut beber imbuh tambah terang lanjut papar "
    "tandas pungkas tutup tulis sambung kilah tukas cetus urai seru timpal jawab aku tanya klaim "
    "sahut kenang pinta ajak imbau sindir kelakar harap saran teriak"
).split()
# Verbs of saying with a subject before them: 'X mengatakan, ...'.
SPEECH_VERBS = (
    "mengatakan menyatakan menyebut menyebutkan menjelaskan menegaskan mengungkapkan mengungkap "
    "menambahkan menyampaikan menuturkan menerangkan memaparkan membeberkan mengaku mengklaim "
    "menilai menekankan memastikan melanjutkan berkata berujar bertutur mengakui meyakini merinci "
    "bilang menduga berdalih mengumumkan berpendapat berjanji melaporkan mencontohkan menjamin "
    "mengingatkan mengafirmasi memungkasi mencatat memperingatkan menyoroti"
).split()
# Verbs that report speech only with "bahwa" after them: "mengingatkan agar ..." is a
# request, "BPS mencatat, angka ..." a record of data.
NEEDS_BAHWA = frozenset({"mengingatkan", "mencatat", "memperingatkan"})
# "menyoroti X sebagai Y" judges X; "menyoroti persoalan X" names a topic.
NEEDS_SEBAGAI = frozenset({"menyoroti"})
PRONOUNS = frozenset({"dia", "ia", "beliau"})
_ADVERBS = r"(?:(?:juga|pun|lalu|lantas|kemudian|sempat|kembali|turut|bahkan|telah|sudah|pernah|pula|awalnya|hanya|sendiri)\s+)*"

# A cue glued to the name after it ("kataKapolrestabes", a lost space) still counts.
_SHORT_CUE = re.compile(
    rf"\s*[,.]?\s*(?P<cue>(?:{'|'.join(SHORT_CUES)})(?P<nya>nya)?)(?:\b|(?=[A-Z]))", re.I
)
_VERB = "|".join(SPEECH_VERBS)
_SUBJECT_VERB_AFTER = re.compile(
    rf"\s*,?\s*(?P<subject>{RUN.pattern}|[Ii]a|[Dd]ia|[Bb]eliau)\s+{_ADVERBS}(?P<cue>{_VERB})\b"
)
# "pejabat Rusia itu", "mantan menteri tersebut": a lower-case noun first.
_ROLE_PHRASE = re.compile(r"[a-z][\w-]*\s+(?:[\w-]+\s+){0,7}?(?:itu|tersebut|ini)\b")
# "tutup Anggota DPR RI Dapil Jawa Barat ini": a role alone, pointed at with "ini"/"itu".
_POINTED = re.compile(r"(?:\s+[^\s,.;:!?\"”]+){0,5}?\s+(?:ini|itu|tersebut)\b")
_THING_WRITES = re.compile(
    r"(?:salah\s+satu\s+|sebuah\s+)?(?P<thing>spanduk|poster|papan|selebaran|pamflet)\b"
)
_POINTED_NEXT = re.compile(r"\s+(?:\([^()\n]{1,30}\)\s+)?(?:ini|itu|tersebut)\b")
_LOWER_ROLE = re.compile(r"(?:[a-z][\w-]*\s+){1,4}(?=[A-Z])")
# "ujar seorang lansia, Colleen Hoffman (69)": a description, a comma, then the name;
# the description may end in a place ("salah satu pengemudi ojol asal Genuk, Wawan").
_DESCRIBED = re.compile(
    r"(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*(?:\s+(?:asal|dari|di)(?:\s+[A-Z][\w-]*){1,3})?,\s+(?=[A-Z])"
)
_PRONOUN = re.compile(r"(?:dia|ia|beliau)\b", re.I)
_VERB_AT_END = re.compile(rf"(?P<cue>{_VERB})\s*[,:]?\s*(?:bahwa\s*)?$")
_TITLED_RUN = rf"(?:(?:Prof|Dr|Drs|Dra|Ir|Hj|KH)\.\s+)*{RUN.pattern}"  # "Menurut Prof. Rika,"
# After "menurut" but not a source of speech: "Menurut rencana, ...", "menurut saya".
_NOT_SPEAKERS = "rencana|jadwal|aturan|ketentuan|undang-undang|hukum|data|saya|kami|kita|aku"
# "Menurut X", "Menurutnya", and "Menurut pengamat ekonomi UI, Nama, ..." (a description first).
_MENURUT = re.compile(
    rf"\b(?i:menurut)(?:(?P<nya>nya)|\s+(?P<pronoun>(?i:dia|ia|beliau))\b|\s+(?P<run>{_TITLED_RUN})"
    rf"|\s+[a-z][^,\n]{{0,60}},\s*(?P<described>{RUN.pattern})(?=,)"
    rf"|\s+(?!(?:{_NOT_SPEAKERS})\b)(?P<phrase>[a-z][^,\n]{{0,60}})(?=,))"  # "Menurut penelitian X,"
)
# A time phrase between the subject and its verb: "X pada 2019 lalu mengatakan".
_TIME_TAIL = re.compile(
    r"\s+(?:pada\s+)?(?:(?:tahun\s+)?(?:19|20)\d\d|hari\s+ini|kemarin|(?:pekan|minggu|bulan|tahun)\s+lalu"
    r"|(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)(?:\s*\([\d/]+\))?)(?:\s+(?:lalu|silam))?$"
)
# "Alex Pastoor, asisten Kluivert, menegaskan": a lower-case description between commas.
_APPOSITIVE_BEFORE = re.compile(rf"(?:^|[,.]\s)(?P<run>{RUN.pattern}),\s*[a-z][^,]{{0,80}},$")
_APPOSITIVE_SUBJECT = re.compile(rf"\s*(?P<run>{RUN.pattern}),")
_KATA_AT_END = re.compile(rf"\b(?P<cue>{'|'.join(SHORT_CUES)})\s+(?P<run>{RUN.pattern})\s*[,:]\s*$")


@dataclass
class Cue:
    word: str
    how: str  # "name", "pronoun", "role phrase", "unresolved"
    who: Who | None = None
    phrase: str | None = None  # the pronoun or role phrase as written
    end: int = 0  # where the cue (with its speaker) ends


def cue_after(text: str, position: int) -> Cue | None:
    """The cue right after a closing quote mark at `position`."""
    match = _SHORT_CUE.match(text, position)
    if match is not None:
        if match["nya"]:
            return Cue(match["cue"], "pronoun", phrase="-nya", end=match.end())
        return _speaker_after(text, match.end(), match["cue"])
    match = _SUBJECT_VERB_AFTER.match(text, position)
    if match is not None:
        return _cue_of_subject(match["subject"], match.start("subject"), match["cue"], match.end())
    match = _DEMIKIAN.match(text, position)
    if match is not None:  # '..." demikian pernyataan Kantor Jaksa Agung Spanyol.'
        return _speaker_after(text, match.end(), "demikian")
    return None


# '..." demikian pernyataan X', '..." demikian dilaporkan X' (also with the space lost).
_DEMIKIAN = re.compile(
    r"\s*[,.]?\s*demikian\s+(?:(?:pernyataan|keterangan|bunyi|isi)\s+(?:resmi\s+|tertulis\s+)?(?:dari\s+)?"
    r"|(?:dilaporkan|disampaikan|dikatakan|ditulis|diungkapkan)\s*(?:oleh\s+)?)"
)
_HANDLE = re.compile(r"@\w+")


def _speaker_after(text: str, position: int, word: str) -> Cue:
    start = position + len(text[position:]) - len(text[position:].lstrip(" "))
    if (m := _PRONOUN.match(text, start)) is not None:
        return Cue(word, "pronoun", phrase=m.group(), end=m.end())
    if (m := _THING_WRITES.match(text, start)) is not None:  # "demikian bunyi salah satu spanduk"
        return Cue(word, "name", Who(None, m["thing"], m.start("thing"), m.end()), end=m.end())
    if (m := GROUP_AFTER.match(text, start)) is not None:  # "tulis para peneliti"
        return Cue(word, "name", Who(None, m["group"], m.start(), m.end()), end=m.end())
    if (m := _DESCRIBED.match(text, start)) is not None and (who := who_at(text, m.end())):
        if who.name and not who.role:  # "kata salah satu siswa, Kashaf Zahra"
            return Cue(word, "name", who, end=who.end)
    if (m := _ROLE_PHRASE.match(text, start)) is not None:
        return Cue(word, "role phrase", phrase=m.group(), end=m.end())
    if (m := _HANDLE.match(text, start)) is not None:  # "kata @pengguna" on social media
        return Cue(word, "name", Who(m.group(), None, m.start(), m.end()), end=m.end())
    who = who_at(text, start)
    if who is None and (m := _LOWER_ROLE.match(text, start)) is not None:
        who = who_at(text, m.end())  # "kata juru bicara KPK Budi", "tulis dokumen Buku II"
        if who is not None and who.role is None:  # "kata pelatih West Ham, Nuno Santo"
            described = Who(None, text[start : who.end], start, who.end)
            who = apposition(text, who.end, described) or who
    if who is not None and who.name is None and (m := _POINTED.match(text, who.end)):
        return Cue(word, "role phrase", phrase=text[who.start : m.end()], end=m.end())
    if who is not None and who.role and (m := _POINTED_NEXT.match(text, who.end)):
        # "tegas Ketua Majelis Alumni Ikatan Pelajar X (IPNU) itu": a role, not a name.
        return Cue(word, "role phrase", phrase=text[who.start : m.end()], end=m.end())
    if who is not None:
        return Cue(word, "name", who, end=who.end)
    return Cue(word, "unresolved", end=position)


def _cue_of_subject(subject: str, start: int, word: str, end: int) -> Cue | None:
    if subject.lower() in PRONOUNS:
        return Cue(word, "pronoun", phrase=subject, end=end)
    who = split_run(subject, start)
    return Cue(word, "name", who, end=end) if who is not None else None


def cue_before(text: str, start: int, position: int) -> Cue | None:
    """The cue that introduces a quote opening at `position`, looking back to
    `start` (the sentence start): 'X mengatakan, "...' or 'Menurut X, "...'."""
    head = text[start:position]
    if (m := _MENURUT.search(head)) is not None and not head[m.end() :].strip(" ,:"):
        return menurut_cue(m, start)
    if (m := _KATA_AT_END.search(head)) is not None:
        return _cue_of_subject(m["run"], start + m.start("run"), m["cue"], position)
    if (m := _VERB_AT_END.search(head)) is not None:
        return subject_of(text, start, start + m.start(), m["cue"])
    return None


_ALIAS_TAIL = re.compile(r",?\s*\([^()]{1,30}\)$")  # "Saifullah Yusuf (Gus Ipul) mengatakan"
_CUE_IN_HEAD = re.compile(rf",\s*(?i:menurut|kata)\s+(?P<run>{RUN.pattern}),$")


def subject_of(text: str, start: int, verb_start: int, word: str) -> Cue:
    """Who says, from the words before a speech verb at `verb_start`."""
    head = re.sub(rf"\s{_ADVERBS}$", " ", text[start:verb_start].rstrip() + " ").rstrip()
    head = _ALIAS_TAIL.sub("", _TIME_TAIL.sub("", head))
    if (m := _CUE_IN_HEAD.search(head)) is not None:  # "Komnas HAM, menurut Anis, menyatakan"
        who = split_run(m["run"], start + m.start("run"))
        if who is not None and who.name:
            return Cue(word, "name", who, end=verb_start)
    if (m := _APPOSITIVE_BEFORE.search(head)) is not None:
        who = split_run(m["run"], start + m.start("run"))
        if who is not None and who.name:
            return Cue(word, "name", who, end=verb_start)
    if (m := _RELATIVE_CLAUSE.search(head)) is not None:
        # "Koordinator aksi, Fakhrian, yang juga menjabat Menteri X BEM KM Unissula mengatakan"
        who = split_run(m["run"], start + m.start("run"))
        if who is not None and who.name:
            return Cue(word, "name", who, end=verb_start)
    if (who := group_subject(head, start)) is not None:
        return Cue(word, "name", who, end=verb_start)
    tail = head.split()[-1:] or [""]
    if tail[0].lower() in PRONOUNS:
        return Cue(word, "pronoun", phrase=tail[0], end=verb_start)
    if tail[0].lower() in ("itu", "tersebut", "ini") and not thing_pointed(head):
        return Cue(word, "role phrase", phrase=" ".join(head.split()[-4:]), end=verb_start)
    who = who_before(text, start + len(head), start)
    if who is not None and (who.name or who.role):
        return Cue(word, "name", who, end=verb_start)
    # "Priyanka Sachdeva, analis pasar senior di Phillip Nova mengatakan": the
    # sentence opens with the name, and a description stands before the verb.
    # "Mendikdasmen Abdul Mu'ti dalam rapat kerja dengan Komisi X memaparkan": a
    # setting stands between the name that opens the sentence and the verb.
    for pattern in (_APPOSITIVE_SUBJECT, _SUBJECT_IN_SETTING):
        match = pattern.match(text, start, verb_start)
        who = split_run(match["run"], match.start("run")) if match else None
        if who is not None and who.name:
            return Cue(word, "name", who, end=verb_start)
    if (who := document_subject(head, start)) is not None:
        return Cue(word, "name", who, end=verb_start)
    return Cue(word, "unresolved", end=verb_start)


_RELATIVE_CLAUSE = re.compile(rf"(?:^|,\s*)(?P<run>{RUN.pattern}),?\s+yang\s[^,]{{0,100}}$")
_SUBJECT_IN_SETTING = re.compile(
    rf"\s*(?P<run>{RUN.pattern})\s+(?:dalam|saat|ketika|usai|seusai|selepas|di\s+sela)\s"
)


def menurut_cue(match: re.Match[str], offset: int) -> Cue:
    if match["nya"] or match["pronoun"]:
        return Cue(
            "menurut", "pronoun", phrase=match["pronoun"] or "-nya", end=offset + match.end()
        )
    if match["phrase"]:
        return _described_cue(match, offset)
    if match["described"]:
        who = split_run(match["described"], offset + match.start("described"))
        if who is None or who.role or not who.name:
            return Cue("menurut", "unresolved", end=offset + match.end())
        return Cue("menurut", "name", who, end=offset + match.end())
    who = split_run(match["run"], offset + match.start("run"))
    if who is not None and who.name is None and _POINTED.match(match.string, match.end("run")):
        # "Menurut Wakil Ketua Umum PAN ini, ...": the person named before.
        return Cue("menurut", "role phrase", phrase=match["run"], end=offset + match.end())
    named = apposition(match.string, match.end("run"), who, offset)
    if named is not None:  # "Menurut Direktur X, Nama, ..."
        return Cue("menurut", "name", named, end=named.end)
    if who is None:
        return Cue("menurut", "unresolved", end=offset + match.end())
    return Cue("menurut", "name", who, end=offset + match.end())


def _described_cue(match: re.Match[str], offset: int) -> Cue:
    """'Menurut penelitian Harvard Medical School,': the institution named in
    the description; 'Menurut pakar,', 'Menurut pengumuman resmi,': the
    description itself, as the role of a speaker without a name."""
    phrase, start = match["phrase"], offset + match.start("phrase")
    run = re.search(RUN.pattern, phrase)
    if run is None:
        return Cue(
            "menurut",
            "name",
            Who(None, phrase, start, start + len(phrase)),
            end=start + len(phrase),
        )
    return Cue(
        "menurut", "name", source(run.group(), start + run.start()), end=offset + match.end()
    )


def menurut_at(sentence: str) -> re.Match[str] | None:
    """'Menurut X, ...' (or 'Menurutnya ...') at the start of a sentence, after at most one word."""
    match = _MENURUT.search(sentence)
    if match is None or len(sentence[: match.start()].split()) > 1:
        return None
    return match


def named_after_comma(head: str) -> bool:
    """'..., hari ini, Yani' before a verb: a name that opens a clause after a comma."""
    return _NAME_AFTER_COMMA.search(head[-80:]) is not None


_NAME_AFTER_COMMA = re.compile(rf",\s+{RUN.pattern}\s*$")


def speech_verbs(sentence: str) -> Iterator[re.Match[str]]:
    """The verbs of saying of a sentence, in order: in "meski tidak menyebutkan
    ..., Nezar mengatakan ..." the second one has the subject. A verb glued to
    the name before it ("Bahlil Lahadaliamengatakan,") still counts."""
    return _SPEECH_VERB.finditer(sentence)


_SPEECH_VERB = re.compile(rf"(?:\b|(?<=[a-z]{{3}}))(?P<cue>{_VERB})\b")


def inserted_cue(sentence: str) -> re.Match[str] | None:
    """'Hingga saat ini, terang AHY, opsi yang dibahas ...': a cue set between commas."""
    return _INSERTED_CUE.match(sentence)


# Also at the sentence start ("Kata Dewa, ..."), with a pronoun ("Apalagi, kata dia, ...")
# and passive ("Pertimbangan itu, disebutkan Afifuddin, dilakukan ...").
_PASSIVE_CUES = "disebutkan|dikatakan|dijelaskan|diungkapkan|ditegaskan|disampaikan"
_INSERTED_CUE = re.compile(
    rf"(?:[^,\"“”]{{0,80}},\s*)?(?P<cue>(?i:{'|'.join(SHORT_CUES)}|{_PASSIVE_CUES}|menurut))"
    rf"(?:\s+(?P<run>{RUN.pattern}|dia|ia|beliau)|(?P<nya>nya))(?:,|\s+bahwa\b)\s*"
)


def trailing_cue(sentence: str) -> re.Match[str] | None:
    """'..., kata Purbaya.' at the end of a sentence without quote marks."""
    return re.search(rf",\s*(?P<cue>(?:{'|'.join(SHORT_CUES)})(?:nya)?)\b[^,]*$", sentence)


def menurut_at_end(sentence: str) -> re.Match[str] | None:
    """'Pandemi juga masuk daftar ancaman menurut Hawking.': the source closes the sentence."""
    return _MENURUT_AT_END.search(sentence)


_MENURUT_AT_END = re.compile(rf"\s+(?P<cue>menurut)\s+(?P<run>{RUN.pattern})\s*[.!?]?\s*$")
