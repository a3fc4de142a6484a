"""``warta stories`` as a user runs it: a table or JSON lines, filters, and
one-line errors."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from tests.test_stories import FLOOD_3, article, corpus
from warta.cli import main
from warta.corpus import Store
from warta.corpus._prepare import prepare


def warta(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "warta.db"
    with Store(path) as store:
        ids = [store.add(a) for a in corpus()]
        flood_story = store.story_of(ids[0])
    return path, flood_story


def test_stories_as_a_table(db):
    path, flood = db
    done = warta("stories", "--since", "2025-10-20", "--until", "2025-10-31", "--db", path)
    assert done.exit_code == 0
    header, *lines = done.output.splitlines()
    assert header.split()[:2] == ["articles", "outlets"]
    assert len(lines) == 3  # the flood, the market, the match; the November flood is later
    assert lines[0].split()[:2] == ["4", "4"] and flood in lines[0] and "Banjir Rendam" in lines[0]


def test_stories_as_json_with_filters(db):
    path, flood = db
    done = warta("stories", "--db", path, "--format", "json", "--outlet", "tribunnews.com")
    rows = [json.loads(line) for line in done.output.splitlines()]
    assert [r["id"] for r in rows] == [flood]
    assert rows[0]["first_outlet"] == "detik.com" and rows[0]["articles"] == 4
    done = warta("stories", "--db", path, "--format", "json", "--until", "2025-10-21", "--min-articles", "2")
    assert [json.loads(line)["id"] for line in done.output.splitlines()] == [flood]
    done = warta("stories", "--db", path, "--limit", "1", "--format", "json")
    assert len(done.output.splitlines()) == 1


def test_stories_groups_a_store_made_before_stories_existed(db):
    path, flood = db
    with Store(path) as store:  # as if migration 2 had just been applied to an old store
        for table in ("stories", "story_articles", "story_terms", "story_state"):
            store.conn.execute(f"DELETE FROM {table}")
    done = warta("stories", "--db", path, "--format", "json", "--min-articles", "2")
    assert [json.loads(line)["id"] for line in done.output.splitlines()] == [flood]


def test_stories_errors_are_one_line(db, tmp_path):
    path, _ = db
    done = warta("stories", "--db", path, "--since", "last week")
    assert done.exit_code == 2 and done.output.count("\n") == 1 and "YYYY-MM-DD" in done.output
    done = warta("stories", "--db", tmp_path / "missing.db")
    assert done.exit_code == 2 and "no such store" in done.output
    empty = warta("stories", "--db", path, "--since", "2030-01-01")
    assert empty.exit_code == 0 and "no stories" in empty.output


def _story_rows(path):
    done = warta("stories", "--db", path, "--format", "json", "--min-articles", "1")
    return sorted(line for line in done.output.splitlines() if line.startswith("{"))


def test_ingest_without_stories_leaves_grouping_to_warta_stories(db, tmp_path):
    path, _ = db
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in corpus()), encoding="utf-8")
    later = tmp_path / "later.db"
    done = warta("ingest", records, "--db", later, "--no-stories", "--workers", "1", "--quiet")
    assert done.exit_code == 0, done.output
    with Store(later) as store:
        assert store.stories() == [] and store.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 0
    assert _story_rows(later) == _story_rows(path)  # the same stories as grouped while storing


def test_stories_on_a_store_it_may_not_write_lists_what_is_grouped(db, monkeypatch):
    path, flood = db
    with Store(path) as store:
        extra = article(FLOOD_3, "2025-10-23", "antaranews.com", "banjir-4", extra="Laporan susulan.")
        store.write([prepare(extra)], stories=False)
    from warta.corpus import _store

    # The file and its folder look unwritable, as on a read-only mount.
    monkeypatch.setattr(_store.os, "access", lambda path, mode: mode != os.W_OK)
    done = warta("stories", "--db", path, "--format", "json")
    assert done.exit_code == 0
    assert "1 articles are not in stories yet" in done.output
    rows = [json.loads(line) for line in done.output.splitlines() if line.startswith("{")]
    assert rows[0]["id"] == flood and rows[0]["articles"] == 4  # as grouped before the new one
