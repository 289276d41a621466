"""Alembic revisions. Each platform adds its own revision (a branch of its own where that helps)."""
