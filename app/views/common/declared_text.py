"""Texts declared in entity specs (labels, titles, hints, choice names) shown through Qt's translation.

Specs live below the views and stay Qt-free; they mark their texts with ``QT_TRANSLATE_NOOP("entity", ...)`` so
lupdate collects them, and the views look them up here under the same context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "entity"


def dt(text: str) -> str:
    """The current language's version of a declared text (the Chinese source when none)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
