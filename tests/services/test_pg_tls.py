"""Encrypted connections (issue 9): TLS with ``sslmode=verify-full`` against a certificate authority made by the
test, on loopback. The right CA and host name connect (encrypted, as the server itself reports); a host name
the certificate does not name, an unknown CA, or no TLS at all are refused."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from conftest import TEST_PG_URL
from pg_private_cluster import HBA_TLS_ONLY, Cluster, server_binaries, start_cluster
from sqlalchemy import text

from app.core.errors import AuthError, DomainError
from app.models.db import Database
from app.services.pg_security.login import RoleAuthenticator
from app.services.pg_security.tls import tls_of, with_tls

pytestmark = pytest.mark.skipif(
    not TEST_PG_URL or server_binaries() is None, reason="no PostgreSQL configured (TEST_DATABASE_URL)"
)
PASSWORD = "Langao-Tls-2026!"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = start_cluster(HBA_TLS_ONLY)
    with psycopg.connect(
        host="127.0.0.1", port=c.port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f"CREATE ROLE jw_tls LOGIN PASSWORD '{PASSWORD}'")
    yield c
    c.stop()


def _connect(cluster: Cluster, host: str, ca: str, sslmode: str = "verify-full") -> psycopg.Connection:
    return psycopg.connect(
        host=host, hostaddr="127.0.0.1", port=cluster.port, dbname="postgres", user="jw_tls", password=PASSWORD,
        sslmode=sslmode, sslrootcert=ca, connect_timeout=10,
    )  # fmt: skip


def test_verify_full_with_the_bureaus_ca_connects_encrypted(cluster: Cluster) -> None:
    with _connect(cluster, "localhost", str(cluster.ca_file)) as conn:
        row = conn.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    assert row is not None and row[0] is True and row[1].startswith("TLS")


def test_a_host_name_the_certificate_does_not_name_is_refused(cluster: Cluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        _connect(cluster, "db.wrong.example", str(cluster.ca_file))


def test_an_unknown_certificate_authority_is_refused(cluster: Cluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        _connect(cluster, "localhost", str(cluster.other_ca_file))


def test_without_tls_the_server_refuses_an_application_role(cluster: Cluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="pg_hba.conf rejects connection"):
        _connect(cluster, "localhost", str(cluster.ca_file), sslmode="disable")


def test_the_client_configured_with_verify_full_connects_and_logs_in_over_tls(cluster: Cluster) -> None:
    """The URL the settings dialog stores (no user, no password, verify-full and the CA file) is what the
    application opens; the same URL with the unknown CA is refused before any password is sent."""
    url = with_tls(cluster.url("postgres"), True, str(cluster.ca_file))
    assert tls_of(url) == (True, str(cluster.ca_file))
    owner = Database(url.replace("://localhost", "://postgres@localhost"))
    with owner.engine.connect() as conn:
        assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
    owner.dispose()
    auth = RoleAuthenticator(url)
    with pytest.raises(AuthError):
        auth.login("tls", "Wrong-Password-2026")  # the server checked the password over TLS and refused it
    bad = RoleAuthenticator(with_tls(url, True, str(cluster.other_ca_file)))
    with pytest.raises(DomainError) as refused:
        bad.login("tls", PASSWORD)
    assert refused.value.code == "db_unreachable" and "certificate verify failed" in refused.value.message()
