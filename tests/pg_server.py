"""A throwaway PostgreSQL server for the tests (and bench/bench_corpus.py):
initdb in a temporary folder, listening on loopback only, trust
authentication, no fsync unless ``durable``.

``.ci/run`` starts one and exports ``WARTA_TEST_POSTGRES``; without that,
the ``postgres_url`` fixture (conftest) starts one of these when PostgreSQL's
binaries are installed, so a developer gets the tests locally too.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "warta"


def bin_dir() -> Path | None:
    """Where initdb and pg_ctl are (PATH, or Debian's /usr/lib/postgresql/N/bin)."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


class Server:
    """``start()`` returns the URL of the ``postgres`` database; ``stop()``
    stops the server and removes its folder."""

    def __init__(self, bins: Path, *, durable: bool = False):
        self.bins, self.durable = bins, durable
        self.folder = Path(tempfile.mkdtemp(prefix="warta-pg-"))
        self.port = _free_port()
        # PostgreSQL refuses to run as root: run it as the postgres user then.
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        if self.prefix:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self._run(str(self.bins / "initdb"), "-D", str(data), "-U", USER, "--auth=trust",
                  "--no-locale", "-E", "UTF8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder}"
        if not self.durable:  # tests: nothing to keep, so nothing to flush
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bins / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"),
                  "-o", options, "-w", "start")
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(str(self.bins / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        except subprocess.SubprocessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
