"""The ``quotes`` stage: direct and indirect speech with its speaker.

Direct quotes are the spans between quote marks (``_direct``); indirect ones
are sentences of the form 'X mengatakan, ...', 'Menurut X, ...' or
'..., kata X.' outside quote marks. Speakers come from the cue (``_cues``);
pronouns and role phrases go back to the person last named (``_people``); a
direct quote without any cue continues the quote before it in the same or
the previous paragraph. A quote whose speaker cannot be found keeps
``speaker: null`` and the record says so in ``warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._article import Article
from .._pipeline import stage
from ._cues import (
    NEEDS_BAHWA,
    NEEDS_SEBAGAI,
    PRONOUNS,
    Cue,
    cue_after,
    cue_before,
    inserted_cue,
    menurut_at,
    menurut_at_end,
    menurut_cue,
    named_after_comma,
    speech_verbs,
    subject_of,
    trailing_cue,
)
from ._direct import MARKS, Span, direct_spans, paragraphs
from ._names import split_run
from ._people import People
from ._speakers import records, warn_unbalanced

# A sentence ends at . ! ? before a capital, but not after a title or an initial ("Prof. Rika").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bProf\.)(?<!\bDr\.)(?<!\bDrs\.)(?<!\bIr\.)(?<!\bHj\.)(?<!\b[A-Z]\.)\s+(?=[A-Z\"“])"
)
_MIN_WORDS = 3
_MIN_PARTIAL_WORDS = 12
_MAX_SUBJECT_WORDS = 16  # a subject with a long description of its role
# 'menyampaikan apresiasi', 'mengucapkan terima kasih': a courtesy after these verbs only
# ("memastikan dukungan Polri tidak berhenti" is a statement).
_COURTESY_VERBS = frozenset({"menyampaikan", "menyatakan", "mengungkapkan"})
_COURTESY = re.compile(
    r"\s+(?:apresiasi|terima\s+kasih|ucapan|duka|belasungkawa|permohonan\s+maaf|permintaan\s+maaf"
    r"|selamat|rasa\s+syukur|harapan|aspirasi|dukungan|pesan|salam|pandangan)(?:nya)?\b"
    r"|\s+agar\b"  # "menyampaikan agar ...", "menyampaikan pandangannya agar ...": a request
)
# "Sebuah studi mengungkap sejauh mana ...", "menjelaskan bagaimana ...": a question
# as the object names a topic, not what was said.
_TOPIC = re.compile(r"\s*(?:sejauh\s+mana|bagaimana|mengapa|kenapa|apa\s+saja|siapa\s+saja)\b")
# "menegaskan komitmen/kesiapan ...", "menekankan strategi ...": a stance announced, not
# a statement reported; but "mengatakan komitmen ini terlihat ..." reports one.
_STANCE = re.compile(r"\s*(?:komitmen|kesiapan|keseriusan|strategi)\b")
_CLAUSE_VERBS = frozenset({"mengatakan", "berkata", "bilang"})
_SEBAGAI = re.compile(r"[^.,;]{1,80}?\ssebagai\s")


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    cue: Cue | None

    def speaker_of(self) -> str | None:
        """The name (or, failing that, the role) the cue gives, before any resolving."""
        if self.cue is None or self.cue.who is None:
            return None
        return self.cue.who.name or self.cue.who.role


@stage(needs=("paragraphs",), sets=("quotes",))
def quotes(article: Article) -> None:
    body = article.body
    spans = direct_spans(body)
    masked = _mask(body, spans)
    found = [q for s in spans if (q := _direct_quote(body, masked, s)) is not None]
    indirect = _indirect_quotes(masked, found)
    found += indirect + _phrases_quoted_in(body, spans, found, indirect)
    found.sort(key=lambda q: q.start)
    warn_unbalanced(article, spans)
    speakers = [(q.cue.who.start, q.speaker_of()) for q in found if q.speaker_of()]
    unquoted = _mask(masked, [Span(q.start, q.end) for q in found if q.kind == "indirect"])
    roles = frozenset(q.cue.who.role for q in found if q.speaker_of() and not q.cue.who.name)
    people = People(unquoted, speakers, article.entities, roles)
    article.quotes = records(body, found, people, article)


def _phrases_quoted_in(
    body: str, spans: list[Span], direct: list[Quote], indirect: list[Quote]
) -> list[Quote]:
    """Words of the speaker quoted inside reported speech ('ia memperingatkan
    bahwa planet ini bisa menjadi "bola api raksasa"'): a short span in lower
    case (titles are capitalised) of two words or more, with the cue of the
    indirect quote around it."""
    taken = {(q.start, q.end) for q in direct}
    found = []
    for span in spans:
        start, end = _trim(body, span.start, span.end)
        words = body[start:end].split()
        if (start, end) in taken or len(words) < 2 or not words[0][0].islower():
            continue
        around = next((q for q in indirect if q.start <= start and end <= q.end), None)
        if around is not None:
            found.append(Quote(start, end, "direct", around.cue))
    return found


def _mask(body: str, spans: list[Span]) -> str:
    """The body with quoted words blanked, so names inside quotes are not speakers."""
    chars = list(body)
    for s in spans:
        chars[s.start : s.end] = " " * (s.end - s.start)
    return "".join(chars)


def _direct_quote(body: str, masked: str, span: Span) -> Quote | None:
    start, end = _trim(body, span.start, span.end)
    if end <= start or _TITLE_BEFORE.search(body, max(0, span.start - 60), span.start):
        return None
    after = span.end + 1 if span.closed else span.end
    cue = cue_after(masked, after)
    if cue is None:
        sentence_start = _sentence_start(masked, span.start - 1)
        cue = cue_before(masked, sentence_start, span.start - 1) if span.opened else None
    words = len(body[start:end].split())
    if cue is None and not _looks_like_speech(body, span, words):
        return None  # scare quotes around a term or a title
    return Quote(start, end, "direct", cue)


# 'kepada acara Fox News "Sunday Morning Futures."': the name of a show, a book, a song.
_TITLE_BEFORE = re.compile(
    r"\b(?:acara|program|film|lagu|buku|album|serial|novel|berjudul|bertajuk)"
    r"(?:\s+[A-Z][\w-]*){0,3}\s*[\"“]$"
)


def _looks_like_speech(body: str, span: Span, words: int) -> bool:
    content = body[span.start : span.end].rstrip()
    ends_clause = content[-1:] in ".,!?…-"
    alone = body[max(0, span.start - 2) : span.start - 1] in ("", "\n")  # opens a paragraph
    # Inside a sentence, a short span is a term or a title ('pemilihan "Duta Muda X" pada ...');
    # a long one is a statement quoted in part ('telah "mengeluarkan dekrit untuk ...".').
    return words >= _MIN_WORDS and (ends_clause or alone or words >= _MIN_PARTIAL_WORDS)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and a trailing comma (the one before ', kata X') from a span."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",-" + MARKS):
        end -= 1
    return start, end


def _sentence_start(text: str, position: int) -> int:
    paragraph = text.rfind("\n\n", 0, position) + 2 if "\n\n" in text[:position] else 0
    stop = max(
        text.rfind(". ", paragraph, position),
        text.rfind("! ", paragraph, position),
        text.rfind("? ", paragraph, position),
    )
    return stop + 2 if stop >= 0 else paragraph


def _indirect_quotes(masked: str, direct: list[Quote]) -> list[Quote]:
    """Reported speech in sentences that hold no direct quote (a quoted term,
    'dihukum atas "terorisme"', does not count)."""
    found = []
    for offset, paragraph in paragraphs(masked):
        position = 0
        for sentence in _SENTENCE_END.split(paragraph):
            start = offset + paragraph.index(sentence, position)
            position = start - offset + len(sentence)
            if not any(start <= q.end and q.start <= start + len(sentence) for q in direct):
                quote = _indirect(masked, sentence, start)
                found += [quote] if quote is not None else []
    return found


def _indirect(masked: str, sentence: str, start: int) -> Quote | None:
    """The first reading of the sentence as reported speech that holds:
    'Menurut X, ...', 'X mengatakan ...' (any verb of saying in it), 'Pertama,
    kata X, ...', '..., kata X.'."""
    if (m := menurut_at(sentence)) is not None:
        cue = menurut_cue(m, start)
        return _content_quote(masked, cue.end, start + len(sentence), cue)
    for m in speech_verbs(sentence):
        if quote := _by_verb(masked, sentence, start, m):
            return quote
    if (m := inserted_cue(sentence)) is not None:
        cue = _inserted(m, start)
        return _content_quote(masked, start + m.end(), start + len(sentence), cue)
    if (m := trailing_cue(sentence)) is not None:
        cue = _trailing(masked, start + m.start("cue"), m["cue"])
        return _content_quote(masked, start, start + m.start(), cue)
    if (
        "menurut" in sentence
        and (m := menurut_at_end(sentence)) is not None
        and (who := split_run(m["run"], start + m.start("run")))
    ):
        cue = Cue("menurut", "name", who, end=start + m.end())
        return _content_quote(masked, start, start + m.start(), cue)
    if (m := _SAID_OF_SUBJECT.match(sentence)) is not None and not _CLAUSE.search(m["subject"]):
        # "Rosan disebut sudah sepakat ...": what the last speaker said of someone.
        cue = Cue(m["cue"].lower(), "pronoun", phrase=m["cue"], end=start + m.end())
        return _content_quote(masked, start, start + len(sentence), cue)
    if (m := _MENURUTNYA_INSIDE.search(sentence)) is not None:
        # "Aktivitas itu menurutnya merusak alam": the whole sentence is reported.
        cue = Cue("menurut", "pronoun", phrase=m["cue"], end=start + m.end())
        return _content_quote(masked, start, start + len(sentence), cue)
    return None


# A passive verb of saying after the subject, without an agent: "Hal itu dikatakan X"
# credits a statement (_people), "disebut sebagai" names, "Hal itu dikatakan di acara
# ..." points back to a quote; not in a clause of time or reason ("X merespons saat
# nama Y disebutkan dalam sidang").
_SAID_OF_SUBJECT = re.compile(
    r"(?P<subject>[A-Z][^,;:]{0,80}?)\s+(?:(?:juga|pun|bahkan)\s+)?(?<!yang )"
    r"(?P<cue>disebut(?:nya|kan)?|dikatakan)\s+"
    r"(?!sebagai\b|oleh\b|dengan\b|bahwa\b|sebelumnya\b|di\b|dalam\b|saat\b|ketika\b|pada\b|[A-Z])"
)
_CLAUSE = re.compile(r"\b(?:saat|ketika|setelah|sebelum|usai|karena)\s")
_MENURUTNYA_INSIDE = re.compile(r"\s(?P<cue>menurut(?:nya|\s+(?:dia|ia|beliau)))\s")


def _by_verb(masked: str, sentence: str, start: int, m: re.Match[str]) -> Quote | None:
    if not (_near_start(sentence, m.start()) or named_after_comma(sentence[: m.start()])):
        return None
    content = m.end()
    if m["cue"].lower() in NEEDS_BAHWA and not re.match(r"\s*,?\s*bahwa\b", sentence[content:]):
        return None
    if m["cue"].lower() in NEEDS_SEBAGAI and not _SEBAGAI.match(sentence, content):
        return None
    cue = subject_of(masked, start, start + m.start(), m["cue"])
    if cue.how == "unresolved" and not re.match(r"\s*(?:,|:|bahwa\b)", sentence[content:]):
        return None  # 'X menilai' without a subject we can name: not reported speech
    if m["cue"].lower() in _COURTESY_VERBS and _COURTESY.match(sentence, content):
        return None  # 'X menyampaikan apresiasi ...': a courtesy, not a statement
    if _TOPIC.match(sentence, content):
        return None
    if _STANCE.match(sentence, content) and m["cue"].lower() not in _CLAUSE_VERBS:
        return None
    return _content_quote(masked, start + content, start + len(sentence), cue)


def _inserted(m: re.Match[str], start: int) -> Cue | None:
    word = m["cue"].lower() + (m["nya"] or "")  # as written: "katanya", "menurutnya"
    if m["nya"]:  # "Pertama, katanya, ...", "karena, menurutnya, ..."
        return Cue(word, "pronoun", phrase="-nya", end=start + m.end())
    if m["run"].lower() in PRONOUNS:
        return Cue(word, "pronoun", phrase=m["run"], end=start + m.end())
    who = split_run(m["run"], start + m.start("run"))
    return Cue(word, "name", who, end=start + m.end()) if who else None


def _near_start(sentence: str, position: int) -> bool:
    """A verb of saying far into a sentence belongs to a clause, not to its subject."""
    return len(sentence[:position].split()) <= _MAX_SUBJECT_WORDS


def _trailing(masked: str, position: int, word: str) -> Cue | None:
    return cue_after(masked, position) or Cue(word, "unresolved", end=position)


def _content_quote(masked: str, start: int, end: int, cue: Cue | None) -> Quote | None:
    match = re.match(r"[\s,:]*(?:bahwa\s+)?", masked[start:end])
    start += match.end()
    while end > start and masked[end - 1] in " .,;:!?":
        end -= 1
    if len(masked[start:end].split()) < _MIN_WORDS:
        return None
    return Quote(start, end, "indirect", cue)
