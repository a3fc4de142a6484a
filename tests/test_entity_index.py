"""The entity and quote index (``_entity_index``, migration 3) on both
backends: the facts read from it equal what a scan of every record's JSON
gives (the way they were read before the index), the search filters, facets
and entity profiles it serves, a store made before it backfilled, and
hostile records skipped field by field."""

from __future__ import annotations

import dataclasses
import json
import random
import types
from collections import Counter

import pytest
from click.testing import CliRunner

from warta import Article, Outlet
from warta.cli import main
from warta.corpus import Store, _schema, _write
from warta.corpus._entity_index import mention_rows, quote_rows
from warta.corpus._filter_keys import Keys
from warta.corpus._stem import stems

PEOPLE = [("Prabowo Subianto", "Prabowo", "Presiden"), ("Joko Widodo", "Jokowi", None),
          ("Sri Mulyani", "Sri Mulyani", "Menteri Keuangan"), ("Kim Jong Un", "Kim", None)]
PLACES = [("Kota Bandung", "Bandung", "32.73"), ("Jepang", "Jepang", "JP"), ("Indonesia", "RI", "ID")]
ORGS = ["Bank Indonesia", "DPR", "bank indonesia"]  # two spellings of one name: two names, one key
SAID = ["Inflasi harus kita kendalikan bersama.", "Harga beras naik karena inflasi pangan.",
        "Kami akan berkunjung ke Jepang bulan depan.", "Pembangunan jalan tol dilanjutkan tahun ini.",
        "Kunjungan itu berjalan lancar dan hangat.", "Ekonomi tumbuh lebih cepat dari perkiraan."]
#: Made-up words, so that no two bodies are near copies of each other.
WORDS = [a + b + c for a in ("ba", "ki", "lu", "me", "so", "ta") for b in ("ra", "ni", "po", "de", "gu")
         for c in ("n", "k", "s", "h", "ng", "t")]
OUTLETS = [Outlet("Detikcom", "detik.com"), Outlet("Kompas", "kompas.com"), Outlet("Tempo", "tempo.co")]


def corpus(n: int = 60, seed: int = 5) -> list[Article]:
    """Invented articles naming people, places and organisations in several
    forms, with quotes; every ninth reprinted by another outlet."""
    rng = random.Random(seed)
    made = []
    for i in range(n):
        entities, quotes = [], []
        for canonical, written, role in rng.sample(PEOPLE, rng.randint(0, 3)):
            for form in rng.sample([canonical, written], rng.randint(1, 2)):
                entities.append({"text": form, "label": "PER", "canonical": canonical, "start": 0, "end": 1,
                                 **({"role": role} if role else {})})
            if rng.random() < 0.7:
                speaker_entity = rng.choice([canonical, {"canonical": canonical}, None])
                quotes.append({"text": rng.choice(SAID), "speaker": written, "speaker_entity": speaker_entity,
                               "cue": "kata", "kind": "direct"})
        for canonical, written, code in rng.sample(PLACES, rng.randint(0, 2)):
            entities.append({"text": written, "label": "LOC", "canonical": canonical, "code": code,
                             "start": 0, "end": 1})
        if rng.random() < 0.5:
            entities.append({"text": rng.choice(ORGS), "label": rng.choice(["ORG", "ORG", "LOC"]), "start": 0,
                             "end": 1})
        if rng.random() < 0.1:
            quotes.append({"text": rng.choice(SAID), "speaker": None, "speaker_entity": None})
        rng.shuffle(entities)
        day = None if i % 13 == 5 else f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{8 + i % 10:02d}:00:00+07:00"
        body = [" ".join(rng.choices(WORDS, k=30)) + "." for _ in range(rng.randint(2, 4))]
        made.append(Article(headline=f"Berita nomor {i}", paragraphs=[f"Isi berita nomor {i}.", *body],
                            language="id", published=day, outlet=OUTLETS[i % 3],
                            url=f"https://{OUTLETS[i % 3].domain}/{i}", entities=entities, quotes=quotes))
    for i in range(0, n, 9):  # reprints: never counted
        made.append(dataclasses.replace(made[i], url=f"https://tempo.co/copy/{i}", outlet=OUTLETS[2]))
    return made


@pytest.fixture(scope="module")
def store(module_store_location):
    with Store(module_store_location) as opened:
        for article in corpus():
            opened.add(article)
        yield opened


# -- the answers of a scan of every record (the facts before the index) --------

def scanned(store, since=None, until=None, outlet=None) -> list[tuple[str, dict]]:
    """The originals passing the filters, checked here on each article's columns."""
    rows = store.conn.execute("SELECT a.id, a.published, a.outlet, a.domain, r.record FROM articles a"
                              " JOIN records r ON r.rowid = a.rowid WHERE a.duplicate_of IS NULL ORDER BY a.rowid")
    return [(id_, json.loads(record)) for id_, published, name, domain, record in rows
            if (not since or (published or "")[:10] >= since) and (not until or (published or "~")[:10] <= until)
            and (not outlet or outlet.lower() in ((name or "").lower(), domain))]


def scanned_top_entities(store, top=20, label=None, **filters) -> list[tuple]:
    articles, mentions, labels = Counter(), Counter(), {}
    for _, record in scanned(store, **filters):
        names = Counter()
        for entity in record.get("entities") or []:
            if label and entity.get("label") != label:
                continue
            name = entity.get("canonical") or entity.get("text")
            names[name] += 1
            labels.setdefault(name, entity.get("label"))
        articles.update(names.keys())
        mentions.update(names)
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))[:top]
    return [(n, labels[n], articles[n], mentions[n]) for n in ranked]


def scanned_quotes(store, speaker=None, about=None, **filters) -> list[tuple]:
    wanted = set(stems(about or "").split())
    hits = []
    for order, (id_, record) in enumerate(scanned(store, **filters)):
        for pos, quote in enumerate(record.get("quotes") or []):
            entity = quote.get("speaker_entity")
            canonical = entity.get("canonical") if isinstance(entity, dict) else entity
            names = [n for n in (quote.get("speaker"), canonical) if n]
            if speaker and not any(speaker.casefold() in n.casefold() for n in names):
                continue
            if wanted <= set(stems(quote.get("text") or "").split()):
                hits.append(((record.get("published") or "", order, -pos),
                             (canonical or quote.get("speaker"), quote["text"], id_)))
    # newest first; undated last; in one article, in the order quoted
    hits.sort(key=lambda h: (h[0][0] != "", h[0]), reverse=True)
    return [hit for _, hit in hits]


@pytest.mark.parametrize("args", [{}, {"top": 3}, {"label": "PER"}, {"label": "LOC"}, {"since": "2025-06-01"},
                                  {"until": "2025-03-31", "outlet": "kompas.com"}, {"top": 100}])
def test_top_entities_equal_a_scan_of_the_records(store, args):
    found = [(e.name, e.label, e.articles, e.mentions) for e in store.top_entities(**args)]
    assert found == scanned_top_entities(store, **args)
    assert found


@pytest.mark.parametrize("args", [{}, {"speaker": "prabowo"}, {"speaker": "JOKOWI"}, {"speaker": "widodo"},
                                  {"about": "inflasi"}, {"speaker": "sri", "about": "berinflasi"},
                                  {"about": "kunjungan", "since": "2025-05-01"}, {"speaker": "%"},
                                  {"about": "tidakada"}, {"outlet": "detik.com", "until": "2025-08-31"}])
def test_quotes_equal_a_scan_newest_first(store, args):
    found = [(q.speaker, q.text, q.article_id) for q in store.quotes(limit=1000, **args)]
    assert found == scanned_quotes(store, **args)
    published = [q.published for q in store.quotes(limit=1000, **args) if q.published]
    assert published == sorted(published, reverse=True)


def test_quotes_are_bounded(store):
    assert len(store.quotes(limit=3)) == 3


def test_top_speakers_count_quotes_by_canonical_name(store):
    expected = Counter(s for s, _, _ in scanned_quotes(store) if s)
    found = store.top_speakers(10)
    assert dict(found) == dict(expected) and found[0][1] == max(expected.values())


def test_search_filters_by_entity_and_speaker(store):
    every = {h.id for h in store.search("berita", limit=1000)}
    naming = {id_ for id_, r in scanned(store) if any(e.get("canonical") == "Kota Bandung"
                                                      for e in r.get("entities") or [])}
    assert {h.id for h in store.search("berita", entity="kota BANDUNG", limit=1000)} == naming & every
    quoting = {id_ for id_, r in scanned(store) if any(q.get("speaker") == "Jokowi" for q in r.get("quotes") or [])}
    assert naming and quoting
    assert {h.id for h in store.search("berita", speaker="jokowi", limit=1000)} == quoting
    canonical = {id_ for id_, r in scanned(store) if any(q.get("speaker_entity") in ("Joko Widodo", {
        "canonical": "Joko Widodo"}) for q in r.get("quotes") or [])}
    assert canonical and {h.id for h in store.search("berita", speaker="Joko Widodo", limit=1000)} == canonical
    both = store.search("berita", entity="Kota Bandung", speaker="Jokowi", limit=1000)
    assert {h.id for h in both} == naming & quoting
    assert store.search("berita", entity="Nobody") == []


def test_facets_count_entities_and_speakers_of_the_matches(store):
    found = store.facets("berita", entity="Indonesia")
    naming = [r for _, r in scanned(store) if any(e.get("canonical") == "Indonesia" for e in r.get("entities") or [])]
    assert found.total == len(naming)
    assert dict(found.counts["entity"])["Indonesia"] == len(naming)
    assert sum(n for _, n in found.counts["outlet"]) == len(naming)
    assert found.counts["speaker"] and all(n >= 1 for _, n in found.counts["speaker"])
    best5 = store.facets("berita", limit=5)  # counts over the best 5, the total over all
    assert best5.counted == 5 and sum(n for _, n in best5.counts["outlet"]) == 5
    assert best5.total == len(store.search("berita", limit=500)) > 5


def test_entity_profile(store):
    found = store.entity("joko widodo")
    records = [(i, r) for i, r in scanned(store) if any(e.get("canonical") == "Joko Widodo"
                                                        for e in r.get("entities") or [])]
    assert found.name == "Joko Widodo" and found.label == "PER" and found.labels == ["PER"]
    assert set(found.aliases) == {"Joko Widodo", "Jokowi"} and found.articles == len(records)
    assert found.mentions == sum(e.get("canonical") == "Joko Widodo" for _, r in records for e in r["entities"])
    assert sum(n for _, n in found.by_day) == sum(1 for _, r in records if r.get("published"))
    assert [d for d, _ in found.by_day] == sorted(d for d, _ in found.by_day)
    shared = Counter(n for _, r in records for n in {e.get("canonical") or e["text"] for e in r["entities"]})
    assert dict(found.neighbours) == {n: c for n, c in shared.items() if n != "Joko Widodo"}
    said = [q for q in scanned_quotes(store) if q[0] == "Joko Widodo"]
    assert [(q["text"], q["id"]) for q in found.quotes] == [(t, i) for _, t, i in said][:50]
    assert found.recent[0]["published"] == max(r.get("published") or "" for _, r in records)
    assert store.entity("Kota Bandung").codes == ["32.73"]
    assert store.entity("nobody at all") is None


def test_one_key_for_names_that_differ_in_case(store):
    assert {n for n, *_ in scanned_top_entities(store, 100)} >= {"Bank Indonesia", "bank indonesia"}
    found = store.entity("BANK indonesia")
    assert found.articles == len([1 for _, r in scanned(store)
                                  if any((e.get("text") or "").casefold() == "bank indonesia"
                                         for e in r.get("entities") or [])])


def test_newest_day_and_its_headlines(store):
    day = store.newest_day()
    dated = sorted(r["published"] for _, r in scanned(store) if r.get("published"))
    assert day == dated[-1][:10]
    lines = store.headlines_on(day)
    assert lines and all(h.published.startswith(day) for h in lines)


def test_a_replaced_record_is_reindexed_and_copies_are_not(store_location):
    article = corpus(1)[0]
    article.entities = [{"text": "Kim", "label": "PER", "canonical": "Kim Jong Un", "start": 0, "end": 1}]
    with Store(store_location) as fresh:
        fresh.add(article)
        assert fresh.entity("Kim Jong Un").articles == 1
        changed = dataclasses.replace(article, entities=[{"text": "DPR", "label": "ORG"}])
        fresh.add(changed)
        assert fresh.entity("Kim Jong Un") is None and fresh.entity("DPR").articles == 1
        fresh.add(dataclasses.replace(changed, url="https://tempo.co/copy"))
        assert [(e.name, e.articles) for e in fresh.top_entities()] == [("DPR", 1)]


def test_a_store_made_before_the_index_is_backfilled(store_location, monkeypatch):
    with monkeypatch.context() as before:  # warta as it was: migrations 1-2, no index written
        before.setattr(_schema, "MIGRATIONS", _schema.MIGRATIONS[:2])
        before.setattr(_schema, "VERSION", 2)
        before.setattr(_write._entity_index, "index", lambda *args: None)
        before.setattr(_write._entity_index, "unindex", lambda *args: None)
        before_filter_keys(before)
        with Store(store_location) as old:
            for article in corpus(30, seed=9):
                old.add(article)
            assert old.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 2
    with pytest.warns(UserWarning, match="upgrading the store from schema version 2"):
        upgraded = Store(store_location, create=False)
    with upgraded:
        assert upgraded.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == _schema.VERSION
        assert [(e.name, e.label, e.articles, e.mentions) for e in upgraded.top_entities(50)] == \
            scanned_top_entities(upgraded, 50)
        assert [(q.speaker, q.text, q.article_id) for q in upgraded.quotes(limit=500)] == scanned_quotes(upgraded)


def before_filter_keys(patch) -> None:
    """Writes as warta made them before migration 4: no filter keys, and on
    SQLite a full-text index without its facets column."""
    patch.setattr(_write, "_filter_keys", types.SimpleNamespace(
        Outlets=lambda conn: None, key_row=lambda outlets, rowid, columns: Keys(rowid, None, None, None, None),
        index=lambda *args: None, unindex=lambda *args: None, facet_text=lambda *args: ""))
    index = _write._fulltext.index

    def old_index(db, rows):
        if db.dialect != "sqlite":
            return index(db, rows)
        db.executemany("INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)",
                       [row[:3] for row in rows])

    patch.setattr(_write._fulltext, "index", old_index)


def test_hostile_records_are_indexed_field_by_field():
    record = {"entities": [{"canonical": "Kim", "text": "Kim", "label": "PER", "code": 7}, "oops", None,
                           {"canonical": ["x"], "text": "Seoul"}, {"label": "LOC"}, {"text": "Kim", "label": "PER"}],
              "quotes": [{"speaker": "kim", "text": "Halo"}, {"speaker": ["Kim"], "text": 5},
                         {"speaker_entity": {"canonical": 3}, "speaker": "Lee"}, "x"]}
    assert mention_rows(record) == [("Kim", "kim", "PER", "Kim", None, None, 2, 0),
                                    ("Seoul", "seoul", None, "Seoul", None, None, 1, 1)]
    assert [row[:6] for row in quote_rows(record)] == [(0, "kim", "kim", "kim", "kim", "Halo"),
                                                       (1, None, None, None, None, ""),
                                                       (2, "Lee", "lee", "Lee", "lee", "")]
    assert mention_rows({"entities": "oops", "quotes": {}}) == [] == quote_rows({"quotes": 5})


def test_cli_search_by_entity_and_speaker(store_location):
    with Store(store_location) as fresh:
        for article in corpus(20, seed=2):
            fresh.add(article)
        naming = [h.id for h in fresh.search("berita", entity="Jepang", limit=100)]
    done = CliRunner().invoke(main, ["search", "berita", "--db", store_location, "--entity", "jepang",
                                     "--limit", "100", "--format", "json"])
    assert done.exit_code == 0 and [json.loads(line)["id"] for line in done.output.splitlines()] == naming
    done = CliRunner().invoke(main, ["search", "berita", "--db", store_location, "--speaker", "Nobody"])
    assert done.exit_code == 0 and "no matches" in done.output
