"""Excel export and import for any declared entity (openpyxl).

Import happens in two steps and never writes half a file:

1. :func:`read_import` reads and checks every row and writes nothing. It finds the header among the first
   ten rows (title rows above it are common), skips empty rows, normalises harmless differences (full-width
   digits, stray spaces, a lowercase x, dates as 2019.3.5 / 2019年3月5日 / Excel dates, phones with dashes or
   stored as numbers) and reports each bad row with its Excel row number and a Chinese reason.
2. :func:`commit_import` inserts the good rows in one transaction (a savepoint inside the caller's), all or
   none, with one audit record. The user may instead choose to import nothing: then it is not called.

Rows whose natural key (the ID number) is already registered are *reported, not updated*. The sheet may be
older than the record (a phone changed at the window last week), and an update from a file would bypass
the version check that protects every other save; the clerk edits such records in the form. Rows repeated
inside the file are reported too: an identical repeat is dropped with a note, repeats that differ are all
refused, since nobody can tell which one is right.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sqlalchemy import String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.normalize import normalize_text
from app.services import audit, entity_service
from app.services.context import Actor
from app.services.entity_service import ChoiceCache, ProgressLike, clean_values, normalize_field
from app.services.entity_spec import CHOICE, DATE, ID_NUMBER, PHONE, EntitySpec, Field, Query

log = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 10
EXCEL_ID_AS_NUMBER = "身份证号被 Excel 存成了数字，已丢失末位，请把该列设为文本格式"
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE]\+?\d+")
_LOOKUP_CHUNK = 500


class ImportProblem(NamedTuple):
    """One reason a row is not imported: (Excel row number, field label or "", reason in Chinese)."""

    row: int
    field: str
    reason: str


@dataclass(frozen=True)
class GoodRow:
    row: int  # Excel row number
    values: dict[str, Any]  # normalised values keyed by field name


@dataclass(frozen=True)
class ImportPreview:
    """What a file would import; nothing has been written yet."""

    spec_key: str
    file_name: str
    sheet: str
    header_row: int
    columns: dict[int, str]  # Excel column number (1-based) -> field name
    ignored_columns: tuple[str, ...]  # header texts that match no field
    good: tuple[GoodRow, ...]
    bad: tuple[ImportProblem, ...]
    duplicates: tuple[tuple[int, int], ...]  # (row, earlier row it repeats) inside the file
    existing: tuple[tuple[int, str], ...]  # (row, label of the record already registered)
    empty_rows: int
    example_rows: int = 0  # the template's example row, left in by the user

    @property
    def bad_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.bad}))

    @property
    def skipped_empty(self) -> int:
        return self.empty_rows

    @property
    def summary(self) -> str:
        text = f"共 {len(self.good) + len(self.bad_rows)} 行：可导入 {len(self.good)} 行，有问题 {len(self.bad_rows)} 行"
        if self.empty_rows:
            text += f"，空行 {self.empty_rows} 行已跳过"
        return text


@dataclass(frozen=True)
class ImportResult:
    inserted: int
    skipped: tuple[ImportProblem, ...] = ()  # registered by someone else between check and import
    tables: frozenset[str] = field(default_factory=frozenset)
    file_name: str = ""


# ---------------------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------------------


def _column_width(f: Field) -> float:
    return max(len(f.label) * 2 + 2, round(f.width / 7))


def export_xlsx(
    session: Session,
    actor: Actor,
    spec: EntitySpec,
    query: Query,
    path: str | Path,
    progress: ProgressLike | None = None,
    *,
    unmasked: bool = False,
) -> int:
    """Write the list as it is filtered and sorted; ID numbers and phones masked unless ``unmasked``.

    A streaming (write-only) workbook keeps memory flat for a million rows; the file appears only when
    complete (written beside it, then renamed). Audited as "export" with the filter and row count.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    rows = entity_service.rows_for_export(
        session,
        actor,
        spec,
        query,
        progress,
        action="export",
        unmasked=unmasked,
        detail=f"文件“{target.name}”",
    )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(spec.title))
    ws.freeze_panes = "A2"
    fields = spec.list_fields
    for i, f in enumerate(fields, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _column_width(f)
    bold = Font(bold=True)
    header = []
    for f in fields:
        cell = WriteOnlyCell(ws, value=f.label)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    written = 0
    try:
        for values in rows:
            ws.append(values)
            written += 1
    except BaseException:
        _discard(ws)
        raise
    partial = target.with_name(target.name + ".part")
    try:
        wb.save(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return written


def _discard(ws: Any) -> None:
    """Close a write-only sheet abandoned half way and remove its temporary file."""
    try:
        ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            writer.cleanup()
    except Exception:  # noqa: BLE001 - the original error is what matters
        log.debug("could not clean up an abandoned export sheet", exc_info=True)


def _sheet_title(title: str) -> str:
    return re.sub(r"[\\/*?:\[\]]", "_", title)[:31] or "Sheet1"


def write_import_template(spec: EntitySpec, path: str | Path, session: Session | None = None) -> Path:
    """An .xlsx with the header labels, one example row, text-formatted ID/phone columns and, where the
    choices are known, drop-down lists. The example row is skipped on import if left in."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    fields = _template_fields(spec)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _sheet_title(spec.title)
    ws.freeze_panes = "A2"
    lists = None
    cache = ChoiceCache(session) if session is not None else None
    for col, f in enumerate(fields, start=1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = _column_width(f)
        head = ws.cell(row=1, column=col, value=f.label)
        head.font = Font(bold=True, color="C00000" if f.required else None)
        hint = "必填" if f.required else ""
        if f.placeholder:
            hint = f"{hint}；{f.placeholder}" if hint else f.placeholder
        if hint:
            head.comment = Comment(hint, "模板")
        example = ws.cell(row=2, column=col, value=_example_text(f))
        example.font = Font(italic=True, color="808080")
        if f.kind in (ID_NUMBER, PHONE):
            for row in range(2, 1002):  # text format, so Excel keeps every digit of an ID number
                ws.cell(row=row, column=col).number_format = "@"
        if f.kind == CHOICE and (cache is not None or not callable(f.choices)):
            options = cache.choices(f) if cache is not None else list(f.choices)  # type: ignore[arg-type]
            labels = [label for _, label in options]
            if 0 < len(labels) <= 500:
                if lists is None:
                    lists = wb.create_sheet("选项")
                    lists.sheet_state = "hidden"
                for i, label in enumerate(labels, start=1):
                    lists.cell(row=i, column=col, value=label)
                dv = DataValidation(type="list", formula1=f"'选项'!${letter}$1:${letter}${len(labels)}")
                dv.error = f"请从列表中选择{f.label}"
                dv.showErrorMessage = False  # a warning-free list: imports still check every value
                ws.add_data_validation(dv)
                dv.add(f"{letter}2:{letter}1001")
    target = Path(path)
    wb.save(target)
    return target


write_template = write_import_template


def _template_fields(spec: EntitySpec) -> tuple[Field, ...]:
    return spec.form_fields


def _example_text(f: Field) -> Any:
    if f.example is None:
        return None
    return f.example.isoformat() if f.kind == DATE and hasattr(f.example, "isoformat") else f.example


# ---------------------------------------------------------------------------------------------------------
# Import: reading and checking
# ---------------------------------------------------------------------------------------------------------


def _header_key(value: Any) -> str:
    text = normalize_text(value, half_width_punctuation=True) or ""
    text = re.sub(r"[\s*:：]", "", text).replace("必填", "").replace("选填", "").replace("()", "")
    return text.lower()


def _header_index(spec: EntitySpec) -> dict[str, str]:
    index: dict[str, str] = {}
    for f in spec.fields:
        for text in (f.label, *f.import_aliases):
            index.setdefault(_header_key(text), f.name)
    return index


def _match_header(spec: EntitySpec, cells: tuple[Any, ...]) -> tuple[dict[int, str], list[str]]:
    index = _header_index(spec)
    columns: dict[int, str] = {}
    ignored: list[str] = []
    for col, value in enumerate(cells, start=1):
        key = _header_key(value)
        if not key:
            continue
        name = index.get(key)
        if name is not None and name not in columns.values():
            columns[col] = name
        else:
            ignored.append(str(value).strip())
    return columns, ignored


def _id_cell_problem(raw: Any) -> str | None:
    """An ID number that Excel turned into a number has lost its last digits (15 significant digits)."""
    if isinstance(raw, float) and abs(raw) >= 1e15:
        return EXCEL_ID_AS_NUMBER
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 10**15:
        digits = str(raw)
        if set(digits[15:]) <= {"0"}:
            return EXCEL_ID_AS_NUMBER
    if isinstance(raw, str) and _SCIENTIFIC.fullmatch(raw.strip()):
        return EXCEL_ID_AS_NUMBER
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not (normalize_text(value) or ""))


def _open_sheet(path: Path) -> tuple[Any, Any]:
    from openpyxl import load_workbook

    if path.suffix.lower() == ".xls":
        raise DomainError(
            "import_bad_file", name=path.name, detail="这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入"
        )
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same message to the user
        raise DomainError("import_bad_file", name=path.name, detail=type(exc).__name__) from exc
    return wb, wb.worksheets[0]


def _iter_rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for number, cells in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
        yield number, tuple(cells)


def read_import(
    session: Session, actor: Actor, spec: EntitySpec, path: str | Path, progress: ProgressLike | None = None
) -> ImportPreview:
    """Read and check an Excel file row by row; writes nothing (see the module docstring)."""
    entity_service._require_action(session, actor, spec, "import")
    source = Path(path)
    wb, ws = _open_sheet(source)
    try:
        total = int(ws.max_row or 0)
        ws.reset_dimensions()  # some programs write a wrong size into the file; read what is there
        rows = _iter_rows(ws)
        head: list[tuple[int, tuple[Any, ...]]] = []
        for item in rows:
            head.append(item)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        header_row, columns, ignored = _find_header(spec, head)
        body = (item for item in head if item[0] > header_row)
        return _check_rows(
            session,
            spec,
            source.name,
            ws.title,
            header_row,
            columns,
            ignored,
            _chain(body, rows),
            total,
            progress,
        )
    finally:
        wb.close()


def _chain(*parts: Iterator[tuple[int, tuple[Any, ...]]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for part in parts:
        yield from part


def _find_header(
    spec: EntitySpec, head: list[tuple[int, tuple[Any, ...]]]
) -> tuple[int, dict[int, str], list[str]]:
    best: tuple[int, dict[int, str], list[str]] | None = None
    for number, cells in head:
        columns, ignored = _match_header(spec, cells)
        if columns and (best is None or len(columns) > len(best[1])):
            best = (number, columns, ignored)
    required = [f for f in spec.fields if f.required]
    if best is None or any(f.name not in best[1].values() for f in required):
        raise DomainError(
            "import_no_header", rows=HEADER_SEARCH_ROWS, columns="、".join(f.label for f in required)
        )
    return best


def _check_rows(
    session: Session,
    spec: EntitySpec,
    file_name: str,
    sheet: str,
    header_row: int,
    columns: dict[int, str],
    ignored: list[str],
    rows: Iterator[tuple[int, tuple[Any, ...]]],
    total: int,
    progress: ProgressLike | None,
) -> ImportPreview:
    cache = ChoiceCache(session)
    labels = {f.name: f.label for f in spec.fields}
    example = _example_values(spec)
    problems: list[ImportProblem] = []
    candidates: list[GoodRow] = []
    empty = examples = 0
    for number, cells in rows:
        if progress is not None and number % 200 == 0:
            progress.report(number, total, f"正在检查第 {number} 行")
        raw = {name: cells[col - 1] if col - 1 < len(cells) else None for col, name in columns.items()}
        if all(_blank(v) for v in raw.values()):
            empty += 1
            continue
        pre: dict[str, str] = {}
        for f in spec.fields:
            if f.kind == ID_NUMBER and f.name in raw:
                message = _id_cell_problem(raw[f.name])
                if message:
                    pre[f.name] = message
                    raw[f.name] = None
        values, errors = clean_values(session, spec, raw, choices=cache, check_unique=False)
        errors.update(pre)
        if example and all(values.get(k) == v for k, v in example.items()):
            examples += 1
            continue
        if errors:
            problems.extend(ImportProblem(number, labels.get(k, k), msg) for k, msg in errors.items())
        else:
            candidates.append(GoodRow(number, values))
    if progress is not None:
        progress.report(total, total, "正在核对重复")
    duplicates, dup_problems = _duplicates_in_file(spec, candidates)
    existing, existing_problems = _registered_already(session, spec, candidates)
    problems.extend(dup_problems)
    problems.extend(existing_problems)
    bad_rows = {p.row for p in problems}
    good = tuple(r for r in candidates if r.row not in bad_rows)
    return ImportPreview(
        spec_key=spec.key,
        file_name=file_name,
        sheet=sheet,
        header_row=header_row,
        columns=dict(columns),
        ignored_columns=tuple(ignored),
        good=good,
        bad=tuple(sorted(problems, key=lambda p: p.row)),
        duplicates=tuple(duplicates),
        existing=tuple(existing),
        empty_rows=empty,
        example_rows=examples,
    )


def _example_values(spec: EntitySpec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in _template_fields(spec):
        if f.example is not None:
            try:
                out[f.name] = normalize_field(f, f.example)
            except ValueError:
                return {}
    return out


def _key_fields(spec: EntitySpec) -> list[str]:
    names = list(spec.unique_fields)
    if spec.natural_key and spec.natural_key not in names:
        names.insert(0, spec.natural_key)
    return names


def _duplicates_in_file(
    spec: EntitySpec, rows: list[GoodRow]
) -> tuple[list[tuple[int, int]], list[ImportProblem]]:
    pairs: list[tuple[int, int]] = []
    problems: list[ImportProblem] = []
    for name in _key_fields(spec):
        label = spec.field(name).label
        first: dict[Any, GoodRow] = {}
        for r in rows:
            value = r.values.get(name)
            if value in (None, ""):
                continue
            earlier = first.get(value)
            if earlier is None:
                first[value] = r
                continue
            pairs.append((r.row, earlier.row))
            if r.values == earlier.values:
                problems.append(ImportProblem(r.row, label, f"与第{earlier.row}行完全相同，重复行不导入"))
            else:
                reason = f"与第{{0}}行的{label}相同但其他内容不同，请核对后只保留一行"
                problems.append(ImportProblem(r.row, label, reason.format(earlier.row)))
                problems.append(ImportProblem(earlier.row, label, reason.format(r.row)))
    return pairs, problems


def _lookup_existing(session: Session, spec: EntitySpec, name: str, values: list[Any]) -> dict[Any, str]:
    col = getattr(spec.model, name)
    label_col = getattr(spec.model, spec.label_field)
    found: dict[Any, str] = {}
    for i in range(0, len(values), _LOOKUP_CHUNK):
        chunk = values[i : i + _LOOKUP_CHUNK]
        for value, label in session.execute(select(col, label_col).where(col.in_(chunk))):
            found[value] = "" if label is None else str(label)
    return found


def _registered_already(
    session: Session, spec: EntitySpec, rows: list[GoodRow]
) -> tuple[list[tuple[int, str]], list[ImportProblem]]:
    existing: list[tuple[int, str]] = []
    problems: list[ImportProblem] = []
    for name in _key_fields(spec):
        values = sorted({r.values[name] for r in rows if r.values.get(name) not in (None, "")})
        found = _lookup_existing(session, spec, name, values)
        if not found:
            continue
        label = spec.field(name).label
        for r in rows:
            who = found.get(r.values.get(name))
            if who is None:
                continue
            existing.append((r.row, who))
            problems.append(
                ImportProblem(
                    r.row, label, f"该{label}已登记（{who}），本行不导入；如需修改请在列表中编辑该记录"
                )
            )
    return existing, problems


# ---------------------------------------------------------------------------------------------------------
# Import: writing
# ---------------------------------------------------------------------------------------------------------


def commit_import(
    session: Session,
    actor: Actor,
    spec: EntitySpec,
    preview: ImportPreview,
    mode: Literal["good_only"] = "good_only",
    *,
    progress: ProgressLike | None = None,
    chunk_size: int = entity_service.BULK_CHUNK,
) -> ImportResult:
    """Insert the preview's good rows, all in one transaction or none, with one audit record.

    Rows registered by someone else since :func:`read_import` are skipped and reported, not overwritten.
    """
    entity_service._require_action(session, actor, spec, "import")
    if mode != "good_only":
        raise ValueError(f"unknown import mode {mode!r}")
    if preview.spec_key != spec.key:
        raise ValueError("the preview belongs to another entity")
    if not preview.good:
        raise DomainError("import_nothing")
    rows = list(preview.good)
    _, taken = _registered_already(session, spec, rows)
    skipped_rows = {p.row for p in taken}
    to_insert: list[dict[str, Any]] = []
    for r in rows:
        if r.row in skipped_rows:
            continue
        values = dict(r.values)
        if spec.prepare is not None:
            spec.prepare(session, values)
        to_insert.append(values)
    try:
        with session.begin_nested():
            inserted = entity_service.bulk_insert(
                session,
                spec,
                _blank_to_empty(spec, to_insert),
                actor=actor,
                chunk_size=chunk_size,
                progress=progress,
                total=len(to_insert),
            )
    except IntegrityError as exc:
        audit.record_failure(session, actor, "import", detail=f"文件“{preview.file_name}”")
        raise DomainError("error", detail="导入时发现重复或不符合约束的数据，已全部撤销") from exc
    except BaseException:
        audit.record_failure(session, actor, "import", detail=f"文件“{preview.file_name}”")
        raise
    audit.record(
        session,
        actor,
        "import",
        entity=spec.key,
        new={
            "file": preview.file_name,
            "inserted": inserted,
            "skipped": len(taken),
            "bad_rows": len(preview.bad_rows),
            "empty_rows": preview.empty_rows,
        },
        detail=(
            f"文件“{preview.file_name}”：导入 {inserted} 行，跳过 {len(taken)} 行，"
            f"未通过检查 {len(preview.bad_rows)} 行"
        ),
    )
    log.info("%s import by %s: %d rows", spec.key, actor.username, inserted)
    table = str(spec.model.__tablename__)  # type: ignore[attr-defined]
    return ImportResult(inserted, tuple(taken), frozenset({table}), preview.file_name)


def _blank_to_empty(spec: EntitySpec, rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """NOT NULL text columns store "" for "not given", as the form does."""
    table = spec.model.__table__  # type: ignore[attr-defined]
    fill = [c.name for c in table.c if not c.nullable and isinstance(c.type, String | Text)]
    for row in rows:
        for name in fill:
            if name in row and row[name] is None:
                row[name] = ""
        yield {k: v for k, v in row.items() if k in table.c}


def preview_problems(preview: ImportPreview) -> Mapping[int, list[ImportProblem]]:
    """Problems grouped by Excel row, for the preview dialog."""
    grouped: dict[int, list[ImportProblem]] = {}
    for p in preview.bad:
        grouped.setdefault(p.row, []).append(p)
    return grouped
