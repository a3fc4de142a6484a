"""A store on media this process cannot write (a read-only mount, a file
without write permission) is opened read-only: searched, never written, and
a write or a needed migration is a clear ``StoreError``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.test_store_articles import read
from warta.corpus import Store, StoreError, _store


def _make(path) -> str:
    with Store(path) as store:
        store.add(read("kim"))
        return store.search("Kim")[0].id


def _unwritable(monkeypatch) -> None:
    """Every file and folder looks unwritable to the store, as on a read-only
    mount (root ignores permission bits, so chmod cannot show it in CI)."""
    monkeypatch.setattr(_store.os, "access", lambda path, mode: mode != os.W_OK)


def test_a_store_that_cannot_be_written_is_searched_not_written(tmp_path, monkeypatch):
    path = tmp_path / "warta.db"
    found = _make(path)
    _unwritable(monkeypatch)
    with Store(path, create=False) as store:
        assert store.read_only
        assert [hit.id for hit in store.search("Kim")] == [found]
        with pytest.raises(StoreError, match="read-only"):
            store.add(read("pasar"))
        assert len(store) == 1


def test_a_read_only_store_sees_what_another_writer_adds(tmp_path, monkeypatch):
    """A user who may only read the store (a service account ingests into
    it) still sees each new commit: the connection is read-only, not
    immutable, wherever SQLite can keep its WAL index beside the file."""
    path = tmp_path / "warta.db"
    _make(path)
    with monkeypatch.context() as patch:
        _unwritable(patch)
        reader = Store(path, create=False)
    with reader, Store(path) as writer:
        assert reader.read_only and len(reader) == 1
        writer.add(read("pasar"))
        assert len(reader) == 2
        assert [hit.headline for hit in reader.search("Beringharjo")] == ["Presiden Mengunjungi Pasar Beringharjo"]


def test_a_writable_store_is_not_read_only(tmp_path):
    path = tmp_path / "warta.db"
    _make(path)
    with Store(path, create=False) as store:
        assert not store.read_only


def test_a_read_only_store_that_needs_a_migration_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "warta.db"
    _make(path)
    with Store(path) as store:  # as if written by a warta one schema version older
        store.conn.execute("DELETE FROM schema_version WHERE version = (SELECT max(version) FROM schema_version)")
    _unwritable(monkeypatch)
    with pytest.raises(StoreError, match="read-only, at schema version"):
        Store(path, create=False)


@pytest.fixture
def read_only_mount(tmp_path):
    """A real read-only file system: a tmpfs mounted, then remounted
    read-only (needs root with the right to mount; skipped otherwise)."""
    mount = tmp_path / "mount"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount") or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root with CAP_SYS_ADMIN (the unwritable tests above cover the logic)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_store_on_a_read_only_mount_is_searched_from_the_command_line(read_only_mount):
    path = read_only_mount / "warta.db"
    _make(path)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    warta = [sys.executable, "-c", "from warta.cli import main; main()"]
    search = subprocess.run([*warta, "search", "Kim", "--db", str(path)], capture_output=True, text=True)
    assert search.returncode == 0, search.stderr
    assert "Kim" in search.stdout
    page = read_only_mount.parent / "baru.txt"
    page.write_text("Jembatan Baru\n\nWarga Enrekang melintasi jembatan baru pada Senin pagi.\n")
    ingest = subprocess.run([*warta, "ingest", str(page), "--db", str(path), "--workers", "1", "--no-nlp"],
                            capture_output=True, text=True)
    assert ingest.returncode != 0 and "read-only" in ingest.stderr and "Traceback" not in ingest.stderr
