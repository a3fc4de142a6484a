from __future__ import annotations

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
