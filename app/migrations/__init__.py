"""Alembic revisions. ``HEAD`` is the schema this program is written for (a test keeps it in step)."""

HEAD = "0001_frame"
