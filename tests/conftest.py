from __future__ import annotations

import itertools
import os
import warnings
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_7cdbb9dbeaa8fcd9.txt"
DETIK = SHARED / "data" / "news" / "detik-2025-dev.csv"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed and data sets) is absent")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the seed article ../shared/seeds/000_7cdbb9dbeaa8fcd9.txt is absent")
    return SEED


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """A store of invented articles (tests/test_serve_sample.py): (path, {key: id}).
    Tests that write use a copy."""
    from tests.test_serve_sample import build_sample_store

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    return path, build_sample_store(path)


@pytest.fixture(scope="session")
def ids(sample):
    return sample[1]


@pytest.fixture(scope="session")
def client(sample):
    """The web app over the sample store, through FastAPI's test client."""
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():  # starlette asks for an httpx it does not need here
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from warta.serve import create_app

    with TestClient(create_app(sample[0])) as test_client:
        yield test_client


# -- PostgreSQL: a real server (tests/pg_server.py) ---------------------------

@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server's maintenance database: the one in
    WARTA_TEST_POSTGRES (.ci/run starts it), else a throwaway one when
    PostgreSQL is installed, else the tests that need it skip."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'warta[postgres]')")
    url = os.environ.get("WARTA_TEST_POSTGRES")
    if url:
        yield url
        return
    from tests.pg_server import Server, bin_dir

    bins = bin_dir()
    if bins is None:
        pytest.skip("no PostgreSQL server: set WARTA_TEST_POSTGRES or install postgresql (initdb)")
    server = Server(bins)
    try:
        yield server.start()
    finally:
        server.stop()


@contextmanager
def _database(server: str):
    """A fresh, empty database on ``server``, dropped afterwards."""
    import psycopg

    name = f"warta_test_{next(_DATABASES)}_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh database for one test."""
    with _database(postgres_server) as url:
        yield url


@pytest.fixture(scope="module")
def module_postgres_url(postgres_server):
    with _database(postgres_server) as url:
        yield url


_DATABASES = itertools.count()


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path):
    """Where a store lives, once per backend: the same tests prove the same results."""
    if request.param == "sqlite":
        return str(tmp_path / "warta.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def module_store_location(request, tmp_path_factory):
    """As ``store_location``, one store for a module's tests."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("store") / "warta.db")
    return request.getfixturevalue("module_postgres_url")


@pytest.fixture
def model_breaks_on_semarang(monkeypatch):
    """The entity stage raises for any text naming Semarang (the "museum" page
    of tests/test_store_articles.PAGES): a stage failing for one document."""
    from warta.ner import _stage

    real = _stage.mentions_of

    def fragile(doc, offset=0):
        if "Semarang" in doc.text:
            raise ValueError("the model broke on this one")
        return real(doc, offset)

    monkeypatch.setattr(_stage, "mentions_of", fragile)
