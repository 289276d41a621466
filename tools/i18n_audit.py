"""Static check of how app/ asks for translations, for the places the English .qm cannot reach.

Usage: .venv/bin/python tools/i18n_audit.py

Reports, each with file:line:
1. tr()/translate() called with something other than a string literal. lupdate cannot see the text; it is only
   translated if the same Chinese string happens to be in the .ts under the context the call uses at run time
   (self.tr -> the class name; QCoreApplication.translate(ctx, ...) -> ctx; a module's own ``tr`` helper -> the
   context that helper passes). Values marked QT_TRANSLATE_NOOP under that same context are fine.
2. .ts contexts no code looks up at run time: their entries are translated but never shown. Typical causes:
   QT_TRANSLATE_NOOP("x", ...) values later passed to self.tr() (context = the class, not "x"); ``parent.tr()``
   / ``dialog.tr()`` (lupdate files them under "parent"/"dialog", Qt looks them up under the object's class);
   a module-level ``tr()`` helper (lupdate files it under "", the helper uses its own context).
Qt does not fall back to another context: the context of the lookup must match the context in the .ts.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "app_en.ts"


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def scan() -> tuple[list[str], set[str], dict[str, str]]:
    dynamic: list[str] = []
    runtime_contexts: set[str] = set()
    helpers: dict[str, str] = {}  # file -> context of a module-level tr() helper
    for path in sorted((ROOT / "app").rglob("*.py")):
        rel = path.relative_to(ROOT)
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                runtime_contexts.add(node.name)
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name == "tr" and node.args and not _is_str(node.args[0]):
                dynamic.append(f"{rel}:{node.lineno}: {ast.unparse(func)}({ast.unparse(node.args[0])})")
            if name == "translate" and len(node.args) >= 2 and isinstance(func, ast.Attribute):
                ctx, text = node.args[0], node.args[1]
                if _is_str(ctx):
                    runtime_contexts.add(ctx.value)  # type: ignore[attr-defined]
                    if path.name != "application.py" and not _is_str(text):
                        dynamic.append(f"{rel}:{node.lineno}: translate({ctx.value!r}, {ast.unparse(text)})")  # type: ignore[attr-defined]
                    if isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication":
                        for parent in ast.walk(tree):
                            if isinstance(parent, ast.FunctionDef) and parent.name == "tr" and node in ast.walk(parent):
                                helpers[str(rel)] = ctx.value  # type: ignore[attr-defined]
    return dynamic, runtime_contexts, helpers


def ts_entries() -> dict[str, list[tuple[str, str]]]:
    """context -> [(source, first location)]"""
    import html

    text = TS.read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ctx in re.finditer(r"<context>(.*?)</context>", text, re.S):
        body = ctx.group(1)
        name = html.unescape(re.search(r"<name>(.*?)</name>", body, re.S).group(1))  # type: ignore[union-attr]
        for msg in re.finditer(r"<message\b.*?</message>", body, re.S):
            m = msg.group(0)
            src = html.unescape(re.search(r"<source>(.*?)</source>", m, re.S).group(1))  # type: ignore[union-attr]
            loc = re.search(r'<location filename="([^"]+)" line="(\d+)"', m)
            where = f"{loc.group(1).replace('../../', '')}:{loc.group(2)}" if loc else "?"
            out[name].append((src, where))
    return out


def main() -> int:
    dynamic, runtime_contexts, helpers = scan()
    print(f"== 1. tr()/translate() with a computed text ({len(dynamic)}):")
    for line in dynamic:
        print("  " + line)
    entries = ts_entries()
    unused = {c: e for c, e in entries.items() if c not in runtime_contexts}
    print(f"\n== 2. .ts contexts that no code looks up at run time ({len(unused)}):")
    for ctx, items in sorted(unused.items()):
        print(f"  [{ctx or '(empty)'}] {len(items)} entries")
        for src, where in items:
            print(f"      {where}: {src!r}")
    if helpers:
        print("\n   module-level tr() helpers (lupdate files their strings under the empty context):")
        for f, c in sorted(helpers.items()):
            print(f"      {f}: translates under {c!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
