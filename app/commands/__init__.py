"""Command-line sub-commands contributed by the platforms.

Each module here defines ``add_commands(subparsers)`` and ``run(db, args) -> int | None`` (None: not one of
its commands). app/cli.py discovers them, so a platform adds commands without editing the CLI.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from types import ModuleType
from typing import Any


def modules() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]


def add_all(sub: Any) -> None:
    for module in modules():
        module.add_commands(sub)


def run(db: Any, args: argparse.Namespace) -> int | None:
    for module in modules():
        code = module.run(db, args)
        if code is not None:
            return int(code)
    return None
