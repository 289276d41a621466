"""Fill the English translation file from the zh -> en glossary.

Usage (from the project root):
    .venv/bin/python tools/i18n_fill.py             # fill resources/i18n/app_en.ts from en_glossary.json
    .venv/bin/python tools/i18n_fill.py --compile   # ... and compile app_en.qm (pyside6-lrelease)
    .venv/bin/python tools/i18n_fill.py --check     # change nothing; exit 1 if an entry is unfinished or
                                                     # a translation's placeholders differ from its source
    .venv/bin/python tools/i18n_fill.py --missing missing.json
                                                     # also write the untranslated sources as a JSON skeleton

Workflow after code changes: ``bash tools/update_translations.sh`` (lupdate adds the new source strings as
unfinished and keeps existing translations), then add the new strings to resources/i18n/en_glossary.json and run
this script with ``--compile``.

The glossary is the source of truth: ``strings`` maps a Chinese source string to its English text in every
context; ``contexts`` overrides that for one translation context (the <name> of a <context> in the .ts) where the
same Chinese needs different English. Entries the glossary does not know keep whatever translation they have (for
example one made in Qt Linguist); entries with no translation stay ``type="unfinished"``.

The .ts is edited in place, message by message, so the layout lupdate writes is kept.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "app_en.ts"
QM = ROOT / "resources" / "i18n" / "app_en.qm"
GLOSSARY = ROOT / "resources" / "i18n" / "en_glossary.json"

CONTEXT_RE = re.compile(r"<context>(.*?)</context>", re.S)
NAME_RE = re.compile(r"<name>(.*?)</name>", re.S)
MESSAGE_RE = re.compile(r"(<message\b[^>]*>)(.*?)(</message>)", re.S)
SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
TRANSLATION_RE = re.compile(r"<translation\b([^>]*?)(?:/>|>(.*?)</translation>)", re.S)
NUMERUS_FORM_RE = re.compile(r"<numerusform>(.*?)</numerusform>", re.S)
# {0}, {name}, {1:02d}; %1, %n, %L1
PLACEHOLDER_RE = re.compile(r"\{[^{}\s]*\}|%L?\d+|%n")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER_RE.findall(text))


def accelerators(text: str) -> int:
    """How many '&' mark a mnemonic ('&&' is a literal ampersand)."""
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def mismatch(source: str, english: str) -> str | None:
    """Why ``english`` cannot stand for ``source``, or None.

    Placeholders must match. A menu accelerator in the source needs exactly one in the English; where the source
    has none, the English must have no lone '&' either: buttons, tabs and menus would turn it into a mnemonic.
    """
    if placeholders(source) != placeholders(english):
        return "placeholders differ"
    if accelerators(english) != min(accelerators(source), 1):
        return "accelerator '&' differs"
    return None


def escape(text: str) -> str:
    """XML text as lupdate writes it."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace('"', "&quot;")
        .replace("\u3000", "&#x3000;")
    )


def load_glossary(path: Path = GLOSSARY) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("strings", {}), data.get("contexts", {})


def lookup(strings: dict[str, str], contexts: dict[str, dict[str, str]], context: str, source: str) -> str | None:
    if source in contexts.get(context, {}):
        return contexts[context][source]
    return strings.get(source)


def iter_messages(ts_text: str):  # type: ignore[no-untyped-def]
    """(context name, source, current translation or None if unfinished/empty, numerus) for every message."""
    for ctx in CONTEXT_RE.finditer(ts_text):
        name_match = NAME_RE.search(ctx.group(1))
        context = html.unescape(name_match.group(1)) if name_match else ""
        for msg in MESSAGE_RE.finditer(ctx.group(1)):
            body = msg.group(2)
            src = SOURCE_RE.search(body)
            if src is None:
                continue
            source = html.unescape(src.group(1))
            tr = TRANSLATION_RE.search(body)
            attrs = tr.group(1) if tr else ""
            inner = (tr.group(2) or "") if tr else ""
            numerus = 'numerus="yes"' in msg.group(1)
            if numerus:
                forms = [html.unescape(f) for f in NUMERUS_FORM_RE.findall(inner)]
                value = forms[0] if forms and all(forms) else ""
            else:
                value = html.unescape(inner)
            finished = bool(value) and "unfinished" not in attrs and "vanished" not in attrs and "obsolete" not in attrs
            yield context, source, (value if finished else None), numerus


def fill(ts_text: str, strings: dict[str, str], contexts: dict[str, dict[str, str]]) -> tuple[str, dict[str, int]]:
    stats = {"total": 0, "filled": 0, "changed": 0, "unchanged": 0, "kept": 0, "unfinished": 0}

    def do_message(context: str, m: re.Match[str]) -> str:
        head, body, tail = m.group(1), m.group(2), m.group(3)
        src = SOURCE_RE.search(body)
        if src is None:
            return m.group(0)
        stats["total"] += 1
        source = html.unescape(src.group(1))
        english = lookup(strings, contexts, context, source)
        tr = TRANSLATION_RE.search(body)
        attrs = tr.group(1) if tr else ""
        old_inner = (tr.group(2) or "") if tr else ""
        was_finished = bool(old_inner) and "unfinished" not in attrs
        if english is None or english == "":
            stats["kept" if was_finished else "unfinished"] += 1
            return m.group(0)
        if 'numerus="yes"' in head:
            forms = NUMERUS_FORM_RE.findall(old_inner) or ["", ""]
            inner = "".join(f"\n            <numerusform>{escape(english)}</numerusform>" for _ in forms) + "\n        "
        else:
            inner = escape(english)
        new_tr = f"<translation>{inner}</translation>"
        if tr is None:
            body = body.rstrip() + "\n        " + new_tr + "\n    "
        else:
            if was_finished and tr.group(0) == new_tr:
                stats["unchanged"] += 1
                return m.group(0)
            body = body[: tr.start()] + new_tr + body[tr.end():]
        stats["changed" if was_finished else "filled"] += 1
        return head + body + tail

    def do_context(c: re.Match[str]) -> str:
        inner = c.group(1)
        name_match = NAME_RE.search(inner)
        context = html.unescape(name_match.group(1)) if name_match else ""
        return "<context>" + MESSAGE_RE.sub(lambda m: do_message(context, m), inner) + "</context>"

    return CONTEXT_RE.sub(do_context, ts_text), stats


def problems(ts_text: str) -> list[str]:
    out = []
    for context, source, value, _numerus in iter_messages(ts_text):
        if value is None:
            out.append(f"unfinished [{context}] {source!r}")
        elif (why := mismatch(source, value)) is not None:
            out.append(f"{why} [{context}] {source!r} -> {value!r}")
    return out


def glossary_problems(strings: dict[str, str], contexts: dict[str, dict[str, str]]) -> list[str]:
    out = []
    entries = [("", k, v) for k, v in strings.items()]
    entries += [(c, k, v) for c, d in contexts.items() for k, v in d.items()]
    for c, k, v in entries:
        if (why := mismatch(k, v)) is not None:
            out.append(f"glossary: {why} [{c}] {k!r} -> {v!r}")
    return out


def compile_qm(ts: Path = TS, qm: Path = QM) -> None:
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    cmd = [str(lrelease) if lrelease.exists() else "pyside6-lrelease", str(ts), "-qm", str(qm)]
    subprocess.run(cmd, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ts", type=Path, default=TS)
    parser.add_argument("--glossary", type=Path, default=GLOSSARY)
    parser.add_argument("--check", action="store_true", help="only report; exit 1 on problems")
    parser.add_argument("--compile", action="store_true", help="run pyside6-lrelease afterwards")
    parser.add_argument("--missing", type=Path, help="write untranslated sources here as a JSON skeleton")
    args = parser.parse_args(argv)

    strings, contexts = load_glossary(args.glossary)
    text = args.ts.read_text(encoding="utf-8")
    bad = glossary_problems(strings, contexts)
    if not args.check:
        text, stats = fill(text, strings, contexts)
        args.ts.write_text(text, encoding="utf-8")
        print(
            f"{args.ts.name}: {stats['total']} messages; {stats['filled']} filled, {stats['changed']} updated, "
            f"{stats['unchanged']} unchanged, {stats['kept']} kept (not in glossary), {stats['unfinished']} unfinished"
        )
        used = {s for _c, s, _v, _n in iter_messages(text)}
        unused = [k for k in strings if k not in used]
        if unused:
            print(f"{len(unused)} glossary strings are not (yet) in the .ts (unmarked source strings, or removed)")
    bad += problems(text)
    if args.missing:
        missing = {s: "" for _c, s, v, _n in iter_messages(text) if v is None}
        args.missing.write_text(json.dumps(missing, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(missing)} untranslated sources written to {args.missing}")
    for line in bad:
        print(line, file=sys.stderr)
    if args.compile and not args.check:
        compile_qm(args.ts, QM if args.ts == TS else args.ts.with_suffix(".qm"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
