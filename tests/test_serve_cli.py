"""``warta serve``: loopback by default, a bad store refused before binding,
and a real server answering on a free port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")

from click.testing import CliRunner  # noqa: E402

from tests.test_serve_sample import build_sample_store  # noqa: E402
from warta.cli import main  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve_cli") / "sample.db"
    build_sample_store(path)
    return path


@pytest.fixture
def runs(monkeypatch):
    """uvicorn.run replaced by a recorder: what the command would serve, and how."""
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    return calls


def test_binds_loopback_by_default(store, runs):
    result = CliRunner().invoke(main, ["serve", "--db", str(store), "--workers", "1"])
    assert result.exit_code == 0, result.output
    app, options = runs[0]
    assert (options["host"], options["port"]) == ("127.0.0.1", 8000)
    assert app.state.write_token is None


def test_one_worker_per_usable_core_by_default(store, runs, monkeypatch):
    monkeypatch.delenv("WARTA_SERVE_DB", raising=False)
    monkeypatch.delenv("WARTA_SERVE_CACHE", raising=False)  # restored after: the command sets them
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert CliRunner().invoke(main, ["serve", "--db", str(store)]).exit_code == 0
    assert runs[0][1]["workers"] == 3 and runs[0][1]["host"] == "127.0.0.1"
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert CliRunner().invoke(main, ["serve", "--db", str(store)]).exit_code == 0
    assert runs[1][1].get("workers") is None and runs[1][0].state.write_token is None  # the app itself


def test_host_port_and_workers(store, runs, monkeypatch):
    monkeypatch.delenv("WARTA_SERVE_DB", raising=False)
    monkeypatch.delenv("WARTA_SERVE_CACHE", raising=False)  # restored after: the command sets them
    result = CliRunner().invoke(main, ["serve", "--db", str(store), "--host", "0.0.0.0", "--port", "9001",
                                       "--workers", "2"])
    assert result.exit_code == 0, result.output
    app, options = runs[0]
    assert app == "warta.serve._app:from_environment" and options["factory"] and options["workers"] == 2
    assert (options["host"], options["port"]) == ("0.0.0.0", 9001)


def test_write_token_comes_from_the_environment(store, runs, monkeypatch):
    monkeypatch.setenv("MY_TOKEN", "s3cret")
    one = ["serve", "--db", str(store), "--workers", "1"]
    assert CliRunner().invoke(main, [*one, "--write-token-env", "MY_TOKEN"]).exit_code == 0
    assert runs[0][0].state.write_token == "s3cret"
    monkeypatch.delenv("MY_TOKEN")
    unset = CliRunner().invoke(main, [*one, "--write-token-env", "MY_TOKEN"])
    assert unset.exit_code == 2 and "MY_TOKEN" in unset.output


def test_a_missing_store_is_one_line_and_exit_2(tmp_path, runs):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such store" in result.output and runs == []
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_real_server_answers_on_loopback_and_stops(store, workers, tmp_path):
    """... and its search cache lives in a folder of its own that goes when it stops."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--db", str(store),
                               "--port", str(port), "--workers", workers], stderr=subprocess.PIPE,
                              env={**os.environ, "TMPDIR": str(tmp_path)})
    children = []
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=air", timeout=5) as response:
                    assert response.status == 200 and b"Air Bersih" in response.read()
                children = _children(server.pid)
                assert "search-pages.db" in [p.name for p in tmp_path.glob("warta-serve-*/*")]
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
    finally:
        server.terminate()
        assert server.wait(timeout=20) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal it handled
    deadline = time.monotonic() + 20
    while any(_running(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(c) for c in children), "a worker outlived the server"
    assert list(tmp_path.iterdir()) == [], "the cache folder outlived the server"


def _children(pid: int) -> list[str]:
    """Child process ids (Linux's /proc; none elsewhere)."""
    listed = Path(f"/proc/{pid}/task/{pid}/children")
    return listed.read_text().split() if listed.exists() else []


def _running(pid: str) -> bool:
    """Alive and not a zombie (an orphan waits for a PID 1 that may never reap it)."""
    try:
        return "\tZ" not in Path(f"/proc/{pid}/status").read_text().split("State:")[1][:4]
    except (OSError, IndexError):
        return False
