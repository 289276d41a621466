"""Hostile files and hostile typing at the hand-written desks.

Imports: Excel files for every importable form (citizens, key persons, ...) with hostile cells, portal
submissions as JSON and CSV with hostile fields and broken structure, and raw garbage bytes under each name.
Reading refuses with a domain error or previews; committing writes exactly the previewed good rows.
Desks: the window intake and the dispatcher's order under hostile text: saved whole or refused, nothing written.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import make_user
from fuzz_support import (
    FUZZ,
    WRITE_TABLES,
    check_one_save,
    hostile_text,
    load_all_specs,
    make_everyone,
    table_counts,
)
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.core.errors import DomainError
from app.models.db import Database
from app.services import excel_io, intake, orders, portal_import
from app.services.context import Actor
from app.services.entity_spec import EntitySpec

SPECS = load_all_specs()


@pytest.fixture
def everyone(db: Database) -> Actor:
    return make_everyone(db)
IMPORTABLE = sorted(key for key, spec in SPECS.items() if spec.permissions.get("import"))
cell = st.one_of(hostile_text, st.integers(-(10**20), 10**20), st.floats(allow_nan=True), st.none(), st.booleans())


def _excel(path: Path, spec: EntitySpec, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([f.label for f in spec.form_fields])
    for row in rows:
        # what a spreadsheet can hold: openpyxl refuses control characters, Excel cells end at 32,767
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v)[:32000] if isinstance(v, str) else v for v in row])
    wb.save(path)
    return path


def _import_once(db: Database, actor: Actor, spec: EntitySpec, path: Path) -> None:
    table = spec.model.__tablename__
    before = table_counts(db, table, *WRITE_TABLES)
    try:
        with db.read_session() as s:
            preview = excel_io.read_import(s, actor, spec, path)
    except DomainError:
        assert table_counts(db, table, *WRITE_TABLES) == before
        return
    try:
        with db.session() as s:
            result = excel_io.commit_import(s, actor, spec, preview)
    except DomainError:
        assert table_counts(db, table, *WRITE_TABLES) == before, "a refused import wrote something"
        return
    after = table_counts(db, table, *WRITE_TABLES)
    assert after[table] - before[table] == result.inserted <= len(preview.good)


def _fuzz_excel(db: Database, actor: Actor, spec: EntitySpec, folder: Path) -> None:
    width = len(spec.form_fields)

    @FUZZ
    @given(rows=st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=4))
    def one(rows: list[list[Any]]) -> None:
        try:
            _import_once(db, actor, spec, _excel(folder / f"{spec.key}.xlsx", spec, rows))
        except Exception as exc:
            exc.add_note(f"Excel import of {spec.key}")
            raise

    one()


def test_every_excel_import_takes_hostile_cells(db: Database, everyone: Actor, tmp_path: Path) -> None:
    for key in IMPORTABLE:
        _fuzz_excel(db, everyone, SPECS[key], tmp_path)


def test_garbage_under_an_import_name_is_refused_in_chinese(db: Database, everyone: Actor, tmp_path: Path) -> None:
    garbage = [b"", b"\x00" * 100, b"PK\x03\x04broken zip", "姓名,身份证号\n张三,\x00".encode(), bytes(range(256)) * 4]
    for n, data in enumerate(garbage):
        for suffix in (".xlsx", ".json", ".csv"):
            path = tmp_path / f"g{n}{suffix}"
            path.write_bytes(data)
            for read in (excel_io.read_import, portal_import.read_file):
                with db.read_session() as s:
                    try:
                        if read is excel_io.read_import:
                            excel_io.read_import(s, everyone, SPECS["citizen"], path)
                        else:
                            portal_import.read_file(s, everyone, path)
                    except DomainError as exc:
                        assert exc.message()


portal_record = st.fixed_dictionaries({
    key: st.one_of(hostile_text, st.integers(), st.none(), st.lists(hostile_text, max_size=3),
                   st.dictionaries(hostile_text, hostile_text, max_size=2))
    for key in ("申报编号", "提交时间", "身份证号", "姓名", "手机号", "事项编码", "事项名称", "材料", "备注", "表单")
})


def _portal_once(db: Database, actor: Actor, path: Path) -> None:
    before = table_counts(db, "service_item", *WRITE_TABLES)
    try:
        with db.read_session() as s:
            preview = portal_import.read_file(s, actor, path)
    except DomainError:
        assert table_counts(db, "service_item", *WRITE_TABLES) == before
        return
    try:
        with db.session() as s:
            result = portal_import.commit(s, actor, preview)
    except DomainError:
        assert table_counts(db, "service_item", *WRITE_TABLES) == before, "a refused import wrote something"
        return
    after = table_counts(db, "service_item", *WRITE_TABLES)
    assert after["service_item"] - before["service_item"] == result.imported == len(preview.good)


def test_portal_submissions_as_json_and_csv_take_hostile_fields(db: Database, everyone: Actor, tmp_path: Path) -> None:
    @FUZZ
    @given(records=st.lists(portal_record, min_size=1, max_size=3), as_csv=st.booleans())
    def one(records: list[dict[str, Any]], as_csv: bool) -> None:
        if as_csv:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows({k: v if isinstance(v, str | int) or v is None else json.dumps(v, ensure_ascii=False)
                              for k, v in r.items()} for r in records)
            path = tmp_path / "portal.csv"
            path.write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
        else:
            path = tmp_path / "portal.json"
            path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
        _portal_once(db, everyone, path)

    one()


def test_the_window_intake_and_the_order_under_hostile_typing(db: Database, everyone: Actor) -> None:
    officer = make_user(db, "officer9", ["officer"], display_name="民警九")
    with db.read_session() as s:
        from sqlalchemy import select

        from app.models.service_catalogue import ServiceCatalogueItem

        catalogue = list(s.execute(select(ServiceCatalogueItem.id)).scalars())[:5]

    @FUZZ
    @given(number=hostile_text, name=hostile_text, phone=hostile_text, note=hostile_text, use=hostile_text,
           cat=st.sampled_from(catalogue + [0, -1]), materials=st.lists(hostile_text, max_size=3))
    def one_intake(number: str, name: str, phone: str, note: str, use: str, cat: int, materials: list[str]) -> None:
        form = intake.IntakeForm(id_number=number, catalogue_id=cat, name=name, phone=phone, note=note,
                                 materials_received=materials, form_values={"用途": use})

        def save() -> None:
            with db.session() as s:
                intake.intake(s, everyone, form)

        check_one_save(db, "service_item", save)

    @FUZZ
    @given(title=hostile_text, body=hostile_text, priority=st.integers(-5, 5), kind=hostile_text | st.just("order"))
    def one_order(title: str, body: str, priority: int, kind: str) -> None:
        draft = orders.OrderDraft(title=title, body=body, priority=priority, kind=kind, user_ids=(officer.user_id or 0,))

        def save() -> None:
            with db.session() as s:
                orders.send(s, everyone, draft)

        check_one_save(db, "dispatch_order", save)

    one_intake()
    one_order()
