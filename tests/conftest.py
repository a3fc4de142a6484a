from __future__ import annotations

import warnings
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
