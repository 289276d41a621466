"""The random-access citizen list model: Qt's model contract, pages equal to SQL, sorting, filters, refresh."""

from __future__ import annotations

from datetime import date

import pytest
from entity_test_data import fill_sample
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import select

from app.core.validators import make_id_number
from app.models.citizen import Citizen
from app.models.db import Database
from app.services import entity_service
from app.services.citizens import CITIZEN_SPEC
from app.services.entity_spec import Query
from app.views.common import entity_table_model as etm
from app.views.common.entity_table_model import PLACEHOLDER, EntityTableModel, RowRole, SortRole

COLUMNS = [f.name for f in CITIZEN_SPEC.list_fields]


@pytest.fixture
def citizens_500(db: Database) -> Database:
    return fill_sample(db)


def ids_in_model(model: EntityTableModel) -> list[int]:
    return [model.index(r, 0).data(RowRole).id for r in range(model.rowCount())]


def ids_in_sql(db, order_by, where=None) -> list[int]:
    with db.session() as s:
        stmt = select(Citizen.id).order_by(*order_by)
        if where is not None:
            stmt = stmt.where(where)
        return list(s.execute(stmt).scalars())


@pytest.fixture
def model(citizens_500, supervisor, sync_ops, qtbot):
    m = EntityTableModel(CITIZEN_SPEC, supervisor, citizens_500)
    yield m
    etm.wait_for_workers()


def test_passes_qt_model_tester(model, qtmodeltester) -> None:
    assert model.rowCount() == 500
    qtmodeltester.check(model)
    model.sort(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)  # reset under the tester's eyes
    model.set_query(Query(text="zs"))
    model.refresh(frozenset({"citizen"}))


def test_columns_headers_and_display_texts(model) -> None:
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())] == [
        "身份证号",
        "姓名",
        "性别",
        "出生日期",
        "手机号",
        "乡镇",
        "村（社区）",
        "住址",
        "备注",
    ]
    assert model.Column.name == COLUMNS.index("name")
    row = model.index(0, 0).data(RowRole)
    birth = model.index(0, model.Column.birth_date).data()
    assert birth == row.values["birth_date"].isoformat() and len(birth) == 10  # yyyy-MM-dd
    assert model.index(0, model.Column.id_number).data().count("*") == 8  # masked in the list
    oldest = model.rowCount() - 1  # the generated citizens have a town; the three extra ones have none
    assert model.index(oldest, model.Column.town_code).data() == "城关镇"  # the label, not the code
    assert model.index(0, model.Column.birth_date).data(SortRole) == row.values["birth_date"].isoformat()


def test_every_page_holds_the_rows_sql_returns_in_list_order(model, citizens_500, monkeypatch) -> None:
    expected = ids_in_sql(citizens_500, [Citizen.id.desc()])  # the spec's default order
    monkeypatch.setattr(etm, "MAX_CACHED_PAGES", 2)  # pages fall out and are read again
    assert model.anchors_available()
    # jump around: pages read by keyset anchors, backwards from the end and by offset all agree with SQL
    for row in (499, 250, 0, 401, 199, 200, 399, 400):
        assert model.index(row, 0).data(RowRole).id == expected[row]
    assert ids_in_model(model) == expected
    assert model.cached_page_count() <= 2


def test_pages_without_anchors_use_offsets_and_the_end(model, citizens_500) -> None:
    expected = ids_in_sql(citizens_500, [Citizen.id.desc()])
    model._anchors = None  # as just after a new query, before the anchors arrive
    model._cache.clear()
    assert model.index(450, 0).data(RowRole).id == expected[450]  # read from the end
    assert model.index(210, 0).data(RowRole).id == expected[210]  # read by offset
    assert ids_in_model(model) == expected


def test_sorting_happens_in_sql_and_ignores_unindexed_columns(model, citizens_500) -> None:
    model.sort(model.Column.name, Qt.SortOrder.AscendingOrder)
    assert ids_in_model(model) == ids_in_sql(citizens_500, [Citizen.name, Citizen.id])
    model.sort(model.Column.birth_date, Qt.SortOrder.DescendingOrder)
    assert ids_in_model(model) == ids_in_sql(citizens_500, [Citizen.birth_date.desc(), Citizen.id.desc()])
    before = ids_in_model(model)
    model.sort(model.Column.address, Qt.SortOrder.AscendingOrder)  # no index: not sortable
    assert ids_in_model(model) == before
    assert model.sort_column() == (model.Column.birth_date, Qt.SortOrder.DescendingOrder)


def test_filters_apply_in_sql(model) -> None:
    counts = []
    model.count_changed.connect(counts.append)
    model.set_query(Query(text="zs"))  # pinyin initials
    names = sorted(model.index(r, model.Column.name).data() for r in range(model.rowCount()))
    assert names == ["张三", "张三丰", "章珊"]
    model.set_query(Query(text="张三"))
    assert model.rowCount() == 2
    model.set_query(Query(filters={"gender": "女"}))
    assert all(model.index(r, model.Column.gender).data() == "女" for r in range(model.rowCount()))
    assert 0 < model.rowCount() < 500
    model.set_query(Query(filters={"birth_date": (date(1985, 1, 1), date(1985, 12, 31))}))
    assert all(
        model.index(r, model.Column.birth_date).data().startswith("1985") for r in range(model.rowCount())
    )
    assert counts[:2] == [3, 2]


def test_refresh_shows_a_new_record_and_keeps_the_selection_by_id(model, citizens_500, supervisor) -> None:
    selection = QItemSelectionModel(model)
    picked = model.index(3, 0)
    picked_id = picked.data(RowRole).id
    selection.select(
        picked, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    model.refresh(frozenset({"division"}))  # not our table: nothing read
    assert model.rowCount() == 500

    values = {
        "id_number": make_id_number("610925", date(2001, 2, 3), 15),
        "name": "新登记",
        "address": "城关镇",
    }
    with citizens_500.session() as s:
        saved = entity_service.create(s, supervisor, CITIZEN_SPEC, values)
    model.refresh(saved.tables)
    assert model.rowCount() == 501
    assert model.index(0, model.Column.name).data() == "新登记"  # newest first
    rows = selection.selectedRows()
    assert len(rows) == 1 and rows[0].row() == 4 and rows[0].data(RowRole).id == picked_id


def test_refresh_after_a_delete_keeps_the_selection_on_the_same_record(
    model, citizens_500, supervisor
) -> None:
    selection = QItemSelectionModel(model)
    selection.select(model.index(10, 0), QItemSelectionModel.SelectionFlag.Select)
    picked_id = model.index(10, 0).data(RowRole).id
    doomed = model.index(2, 0).data(RowRole)
    with citizens_500.session() as s:
        tables = entity_service.delete(s, supervisor, CITIZEN_SPEC, doomed.id, doomed.version)
    model.refresh(tables)
    assert model.rowCount() == 499
    assert selection.selectedIndexes()[0].data(RowRole).id == picked_id
    assert selection.selectedIndexes()[0].row() == 9


def test_background_mode_shows_a_placeholder_then_the_page(
    citizens_500, supervisor, qtbot, qtmodeltester, monkeypatch
) -> None:
    monkeypatch.setattr(etm, "GRACE_MS", 0)  # never wait for a page: the placeholder path
    model = EntityTableModel(CITIZEN_SPEC, supervisor, citizens_500)
    model.set_synchronous(False)
    qtmodeltester.check(model)
    assert model.rowCount() == 0  # nothing read on the GUI thread
    with qtbot.waitSignal(model.loaded, timeout=5000):
        pass
    assert model.rowCount() == 500
    assert model.index(0, 1).data() != PLACEHOLDER  # the first page comes with the count
    qtbot.waitUntil(model.anchors_available, timeout=5000)
    assert model.index(320, 0).data() == PLACEHOLDER  # one mark per row while the page is on its way
    assert model.index(320, 1).data() is None
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        pass
    top, bottom = changed.args[:2]
    assert top.row() == 200 and bottom.row() == 399
    assert model.index(320, 1).data() not in (PLACEHOLDER, "")
    expected = ids_in_sql(citizens_500, [Citizen.id.desc()])
    assert model.index(320, 0).data(RowRole).id == expected[320]
    assert etm.wait_for_workers()


def test_cache_stays_bounded_while_scrolling_far(model, monkeypatch) -> None:
    monkeypatch.setattr(etm, "PAGE_SIZE", 10)
    model.reload()
    for row in range(0, 500, 5):
        model.index(row, 0).data()
    assert model.cached_page_count() <= etm.MAX_CACHED_PAGES
    monkeypatch.setattr(etm, "MAX_CACHED_PAGES", 3)
    model.reload()
    for row in range(0, 500, 10):
        model.index(row, 0).data()
    assert model.cached_page_count() == 3


def test_a_quick_page_is_awaited_briefly_instead_of_flashing_placeholders(
    citizens_500, supervisor, qtbot
) -> None:
    model = EntityTableModel(CITIZEN_SPEC, supervisor, citizens_500)
    model.set_synchronous(False)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        pass
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    etm_grace = etm.GRACE_MS
    assert etm_grace > 0
    text = model.index(450, 1).data()  # a page read on a worker thread, awaited up to GRACE_MS
    if text == PLACEHOLDER or text is None:  # a slow machine: the page comes a moment later instead
        qtbot.waitUntil(lambda: model.index(450, 1).data() not in (PLACEHOLDER, None), timeout=5000)
    else:
        qtbot.wait(50)
        assert changed == []  # taken during the paint: no second paint for it
    expected = ids_in_sql(citizens_500, [Citizen.id.desc()])
    assert model.index(450, 0).data(RowRole).id == expected[450]
    assert etm.wait_for_workers()
