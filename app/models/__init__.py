"""SQLAlchemy entities and domain rules (no Qt).

Importing this package imports every module in it, so every table is registered on :data:`Base.metadata`
(each platform adds its own modules; nothing here has to be edited for that).
"""

from __future__ import annotations

import importlib
import pkgutil

from app.models.base import Base

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["Base"]
