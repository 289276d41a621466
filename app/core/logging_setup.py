"""A rotating log file in the user log folder that never holds a password or an unmasked ID number."""

from __future__ import annotations

import logging
import logging.handlers
import re

from app.core.paths import log_dir

LOG_FILE = "jingwu.log"
_ID_RE = re.compile(r"(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")
_PHONE_RE = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
_SECRET_RE = re.compile(r"(?i)(password|passwd|pwd|口令|密码)(['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+")


def redact(text: str) -> str:
    """Mask ID numbers, mobile phones and anything that looks like a password assignment."""
    text = _ID_RE.sub(lambda m: f"{m.group(1)}********{m.group(2)[-4:]}", text)
    text = _PHONE_RE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)
    return _SECRET_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup(level: int = logging.INFO, *, console: bool = False) -> str:
    """Install the rotating file handler (5 x 2 MB); returns the log file path."""
    path = log_dir() / LOG_FILE
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_jingwu", False):
            root.removeHandler(handler)
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(fmt)
    file_handler._jingwu = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(fmt)
        stream._jingwu = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    return str(path)
