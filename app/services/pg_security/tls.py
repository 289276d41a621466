"""Encrypted connections: the URL options that make libpq verify the server (``sslmode=verify-full``).

verify-full checks both that the server's certificate is signed by the bureau's certificate authority (the
CA file given here) and that it names the host the workstation connects to, so neither an impostor server
nor a man in the middle with some other valid certificate is accepted. The options live in the URL (no
separate settings), so the command line, ``JINGWU_DB_URL`` and the settings dialog all work the same way.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

VERIFY_FULL = "verify-full"


def tls_of(url: str) -> tuple[bool, str]:
    """(verify-full on, CA file) as the URL says."""
    try:
        query = make_url(url).query
    except Exception:  # noqa: BLE001 - an unparsable URL simply has no TLS options
        return False, ""
    mode, ca = query.get("sslmode", ""), query.get("sslrootcert", "")
    return (mode if isinstance(mode, str) else mode[-1]) == VERIFY_FULL, ca if isinstance(ca, str) else ca[-1]


def with_tls(url: str, verify: bool, ca_file: str = "") -> str:
    """The URL with ``sslmode=verify-full`` and ``sslrootcert`` set (or both removed); SQLite URLs unchanged."""
    parsed = make_url(url)
    if not parsed.get_backend_name().startswith("postgresql"):
        return url
    parsed = parsed.difference_update_query(["sslmode", "sslrootcert"])
    if verify:
        options = {"sslmode": VERIFY_FULL}
        if ca_file:
            options["sslrootcert"] = ca_file
        parsed = parsed.update_query_dict(options)
    return parsed.render_as_string(hide_password=False)
