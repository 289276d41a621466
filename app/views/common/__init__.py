"""Shared view machinery: background runner, declarative screens, dialogs."""
