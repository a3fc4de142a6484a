"""``warta stories`` as a user runs it: a table or JSON lines, filters, and
one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.test_stories import corpus
from warta.cli import main
from warta.corpus import Store


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
    lines = done.output.splitlines()
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
