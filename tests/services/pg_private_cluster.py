"""A private PostgreSQL cluster for the security tests: password (SCRAM) logins and TLS, unlike the shared
throwaway test server, which trusts every local connection and so could not show a refused password.

Started from the same server binaries as scripts/pg_test_server.sh; certificates come from the openssl command
line (a certificate authority made here, a server certificate for ``localhost`` only, and a second, unknown
authority for the refusals).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

OWNER = "postgres"


def server_binaries() -> str | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[4].split(".")]
    )
    return found[-1] if found else None


def _as_pg(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder: Path) -> None:
    """ca.crt signs server.crt (subjectAltName DNS:localhost only); other-ca.crt signs nothing we use."""
    for name in ("ca", "other-ca"):
        _openssl(
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN=jingwu test {name}",
            "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=folder,
        )  # fmt: skip
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
        "-out", "server.csr", cwd=folder,
    )  # fmt: skip
    (folder / "san.ext").write_text("subjectAltName = DNS:localhost\n", encoding="ascii")
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", "san.ext", "-out", "server.crt", cwd=folder,
    )  # fmt: skip


@dataclass
class Cluster:
    folder: Path
    port: int
    bindir: str

    @property
    def owner_url(self) -> str:
        return f"postgresql+psycopg://{OWNER}@127.0.0.1:{self.port}/postgres"

    def url(self, database: str, **query: str) -> str:
        tail = "&".join(f"{k}={v}" for k, v in query.items())
        return f"postgresql+psycopg://localhost:{self.port}/{database}" + (f"?{tail}" if tail else "")

    @property
    def ca_file(self) -> Path:
        return self.folder / "certs" / "ca.crt"

    @property
    def other_ca_file(self) -> Path:
        return self.folder / "certs" / "other-ca.crt"

    def stop(self) -> None:
        subprocess.run(
            _as_pg(
                [f"{self.bindir}/pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop"]
            ),
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


HBA = """\
local all postgres trust
host all postgres 127.0.0.1/32 trust
host all postgres ::1/128 trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
"""
# What README recommends for a server: application roles only over TLS, with their password.
HBA_TLS_ONLY = """\
local all postgres trust
host all postgres 127.0.0.1/32 trust
hostssl all all 127.0.0.1/32 scram-sha-256
hostnossl all all 127.0.0.1/32 reject
"""


def start_cluster(hba: str = HBA) -> Cluster:
    bindir = server_binaries()
    assert bindir, "PostgreSQL server binaries not found"
    folder = Path(tempfile.mkdtemp(prefix="jingwu-pgsec-"))
    certs = folder / "certs"
    certs.mkdir()
    make_certificates(certs)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(
        _as_pg([f"{bindir}/initdb", "-D", str(data), "-U", OWNER, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"]),
        check=True, capture_output=True,
    )  # fmt: skip
    (data / "pg_hba.conf").write_text(hba, encoding="ascii")
    for name in ("server.crt", "server.key"):
        shutil.copy(certs / name, data / name)
        os.chmod(data / name, 0o600)
        if os.geteuid() == 0:
            shutil.chown(data / name, "postgres", "postgres")
            shutil.chown(data / "pg_hba.conf", "postgres", "postgres")
    port = _free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on "
        "-c password_encryption=scram-sha-256 -c shared_preload_libraries=auth_delay "
        "-c auth_delay.milliseconds=100 -c log_connections=on"
    )
    subprocess.run(
        _as_pg([f"{bindir}/pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60",
                "-o", options, "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    os.chmod(certs, 0o755)
    return Cluster(folder, port, bindir)
