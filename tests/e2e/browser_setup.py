"""What the browser tests need, and the skip that says what is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]



def require_browser() -> None:
    """Skip the calling test module unless everything the browser tests need is here."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install -y chromium)", allow_module_level=True)
    for module, install in (("playwright.sync_api", "pip install playwright"),
                            ("uvicorn", "pip install uvicorn"), ("fastapi", "pip install fastapi")):
        pytest.importorskip(module, reason=f"{module} is absent ({install})")
