"""Use cases: permission check, one transaction, audit, plain data back (no Qt)."""
