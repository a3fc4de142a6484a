"""``warta serve``: the web app over a store, on loopback unless told otherwise.
``warta.cli`` adds every command listed in ``commands``."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile

import click

from .._errors import WartaError

__all__ = ["commands", "serve"]

EXIT_BAD_INPUT = 2


@click.command("serve")
@click.option("--db", default="warta.db", show_default=True, help="The store made by `warta ingest`: a SQLite file or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 opens the corpus to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=lambda: usable_cores(),
              show_default="the usable cores",
              help="Server processes: Python runs one request at a time per process, so one per core serves the most.")
@click.option("--write-token-env", metavar="NAME",
              help="Read a write token from this environment variable; without one the web cannot write.")
def serve(db: str, host: str, port: int, workers: int, write_token_env: str | None) -> None:
    """Search and read the corpus in a browser; a JSON API under /api (see /docs)."""
    try:
        import uvicorn

        from ._app import CACHE_VARIABLE, DB_VARIABLE, TOKEN_VARIABLE, create_app
        from ._cache import CACHE_FILE
    except ImportError as exc:
        from . import INSTALL_HINT

        _fail(f"{INSTALL_HINT} ({exc.name} is missing)")

    token = os.environ.get(write_token_env) if write_token_env else None
    if write_token_env and not token:
        _fail(f"the environment variable {write_token_env} is empty or unset")
    with _exit_on_sigterm(), tempfile.TemporaryDirectory(prefix="warta-serve-") as folder:  # private (0700)
        cache = os.path.join(folder, CACHE_FILE)  # the page cache all the workers share
        try:
            app = create_app(db, write_token=token, cache=cache)  # fails here, once, on a bad store
        except WartaError as exc:
            _fail(str(exc))
        click.echo(f"warta: serving {db} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
        options = {"host": host, "port": port, "log_level": "warning", "access_log": False,
                   "server_header": False}
        if workers == 1:
            uvicorn.run(app, **options)
            return
        del app  # the workers make their own, on the cache file it made
        # Worker processes import the app by name, so it travels through the environment.
        os.environ[DB_VARIABLE] = db if "://" in db else os.path.abspath(db)  # a file, or a server URL
        os.environ[CACHE_VARIABLE] = cache
        if token:
            os.environ[TOKEN_VARIABLE] = token
        uvicorn.run("warta.serve._app:from_environment", factory=True, workers=workers, **options)


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow
    fewer than the machine has), at most 8: each process holds its own
    store connections."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


@contextlib.contextmanager
def _exit_on_sigterm():
    """SIGTERM ends the command as an exception, so that the cache folder is
    removed (uvicorn re-raises the signal it handled, which would otherwise
    kill the process before any cleanup)."""
    def stop(signum, frame):
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _fail(message: str) -> None:
    click.echo(f"warta: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


commands = [serve]
