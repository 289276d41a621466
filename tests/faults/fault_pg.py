"""A PostgreSQL cluster of the fault tests' own, which they may stop and start while clients are connected.

Made like scripts/pg_test_server.sh makes the shared one (initdb, trust on loopback, fsync off); the shared
server is never restarted, other sessions' tests run against it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def server_binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4].split(".")[0]))
    return found[-1] if found else None


def _as_pg(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@dataclass
class Cluster:
    folder: Path
    port: int
    bindir: str

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _ctl(self, *args: str) -> None:
        cmd = [f"{self.bindir}/pg_ctl", "-D", str(self.folder / "data"), "-w", "-t", "60", *args]
        subprocess.run(_as_pg(cmd), check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._ctl("-l", str(self.folder / "server.log"), "-o", options, "start")

    def stop(self) -> None:
        """Fast shutdown: open sessions are cut, as when the server host restarts."""
        self._ctl("-m", "fast", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already down
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def create() -> Cluster:
    bindir = server_binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="jingwu-fault-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    subprocess.run(
        _as_pg([f"{bindir}/initdb", "-D", str(folder / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"]),
        check=True, capture_output=True,
    )  # fmt: skip
    cluster = Cluster(folder, port, bindir)
    cluster.start()
    return cluster
