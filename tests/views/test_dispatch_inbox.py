"""The officer's inbox: an order sent at another desk arrives without a refresh, with a notice; open, 签收."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from dispatch_support import Staff, make_staff, mjpeg_avi, png_bytes, tone_wav
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import db as db_module
from app.models.base import utcnow
from app.models.db import Database
from app.models.messaging import InboxMessage
from app.services import order_receipts, orders
from app.services.attachments import AttachmentSource
from app.services.orders import OrderDraft
from app.views.app_context import AppContext
from app.views.common.change_feed import ChangeFeed
from app.views.dispatch import media_player
from app.views.dispatch.order_inbox import OrderInbox
from app.views.dispatch.order_inbox_model import Col


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


@pytest.fixture
def other_desk(db_url: str) -> Iterator[Database]:
    """The dispatcher's workstation on the same database."""
    other = Database(db_url)
    yield other
    other.dispose()


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, staff: Staff, sync_ops: Database
) -> Iterator[tuple[QMainWindow, OrderInbox]]:
    ctx = AppContext(db, None, staff.wang)  # type: ignore[arg-type]
    feed = ChangeFeed(db, poll_interval=0.05)
    feed.tables_changed.connect(ctx.signals.changed)
    with qtbot.waitSignal(feed.connection_changed, timeout=5000):
        feed.start()
    main = QMainWindow()
    main.resize(1100, 700)
    inbox = OrderInbox(ctx)
    main.setCentralWidget(inbox)
    qtbot.addWidget(main)
    main.show()
    yield main, inbox
    assert feed.stop()


def send(db: Database, staff: Staff, **kw: object) -> orders.SentOrder:
    draft = OrderDraft(**{"title": "城关镇老街夜间巡逻", "body": "今晚 20:00 起加强巡逻。", **kw})  # type: ignore[arg-type]
    with db.session() as s:
        return orders.send(s, staff.dispatcher, draft)


def test_an_order_sent_to_his_unit_at_another_desk_arrives_with_a_notice(
    qtbot, window, other_desk, staff, monkeypatch, db
):
    main, inbox = window
    assert inbox.model.rowCount() == 0
    monkeypatch.setattr(db_module, "CLIENT_ID", "dispatch-desk-01")  # the feed's listener kept the real id
    sent = send(other_desk, staff, unit_ids=(staff.chengguan,), priority=2)

    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=5000)
    assert inbox.model.index(0, Col.TITLE).data() == "[警令] 城关镇老街夜间巡逻"
    assert inbox.model.index(0, Col.STATE).data() == "未签收"
    qtbot.waitUntil(lambda: inbox.notifier.toast is not None, timeout=3000)
    toast = inbox.notifier.toast
    assert toast is not None and toast.isVisible()
    assert "【新警令】城关镇老街夜间巡逻" in toast.label.text()
    assert "城关镇老街夜间巡逻" in main.statusBar().currentMessage()
    assert inbox.banner.isVisible()
    with db.session() as s:
        assert order_receipts.get(s, staff.wang, sent.id).received_at is not None


def test_notices_waiting_at_login_are_shown_when_the_inbox_opens(qtbot, db, staff, sync_ops):
    send(db, staff, user_ids=(staff.wang.user_id,))
    main = QMainWindow()
    inbox = OrderInbox(AppContext(db, None, staff.wang))  # type: ignore[arg-type]
    main.setCentralWidget(inbox)
    qtbot.addWidget(main)
    main.show()
    assert inbox.model.rowCount() == 1
    qtbot.waitUntil(lambda: inbox.notifier.toast is not None)
    assert "城关镇老街夜间巡逻" in inbox.notifier.last_text
    assert inbox.notifier.toast.parentWidget() is main  # type: ignore[union-attr]


def test_the_status_bar_shows_unacknowledged_orders_on_every_tab_and_opens_the_inbox(
    qtbot, db, staff, other_desk, sync_ops, monkeypatch
):
    """The corner notice goes away; the sign in the status bar stays, whatever tab the officer is on."""
    ctx = AppContext(db, None, staff.wang)  # type: ignore[arg-type]
    feed = ChangeFeed(db, poll_interval=0.05)
    feed.tables_changed.connect(ctx.signals.changed)
    with qtbot.waitSignal(feed.connection_changed, timeout=5000):
        feed.start()
    main = QMainWindow()
    main.resize(1100, 700)
    tabs = QTabWidget()
    elsewhere = QLabel("民生警务")
    tabs.addTab(elsewhere, "民生警务")
    inbox = OrderInbox(ctx)
    tabs.addTab(inbox, "指挥调度")
    main.setCentralWidget(tabs)
    qtbot.addWidget(main)
    main.show()
    tabs.setCurrentWidget(elsewhere)
    try:
        sign = inbox.indicator
        qtbot.waitUntil(lambda: sign.parentWidget() is main.statusBar())
        assert not sign.isVisible()  # nothing waits

        monkeypatch.setattr(db_module, "CLIENT_ID", "dispatch-desk-01")
        sent = send(other_desk, staff, user_ids=(staff.wang.user_id,))
        send(other_desk, staff, unit_ids=(staff.chengguan,), title="全所集中学习")
        qtbot.waitUntil(lambda: sign.isVisible() and sign.text() == "未签收警令 2 条", timeout=5000)
        assert tabs.currentWidget() is elsewhere

        qtbot.mouseClick(sign, Qt.MouseButton.LeftButton)
        assert tabs.currentWidget() is inbox
        qtbot.waitUntil(lambda: inbox.detail.order is not None and inbox.detail.order.read_at is not None)
        opened = inbox.detail.order
        assert opened is not None and opened.acknowledged_at is None

        with db.session() as s:
            for order in order_receipts.my_orders(s, staff.wang):
                order_receipts.acknowledge(s, staff.wang, order.order_id)
        qtbot.waitUntil(lambda: not sign.isVisible(), timeout=5000)
        assert sign.waiting == 0 and sent.id in {o.order_id for o in inbox.model.rows}
    finally:
        assert feed.stop()


def test_opening_marks_read_and_the_button_acknowledges(qtbot, window, staff, db):
    main, inbox = window
    sent = send(db, staff, user_ids=(staff.wang.user_id,))
    inbox.reload()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=3000)
    inbox.table.selectRow(0)
    qtbot.waitUntil(
        lambda: inbox.detail.order is not None and inbox.detail.order.read_at is not None, timeout=3000
    )
    assert inbox.detail.body.toPlainText() == "今晚 20:00 起加强巡逻。"
    with db.session() as s:
        msg = s.execute(select(InboxMessage).where(InboxMessage.user_id == staff.wang.user_id)).scalar_one()
        assert msg.read_at is not None and msg.acknowledged_at is None

    qtbot.mouseClick(inbox.detail.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not inbox.detail.ack_button.isEnabled(), timeout=3000)
    assert inbox.detail.ack_button.text() == "已签收" and "签收" in inbox.detail.ack_state.text()
    assert inbox.model.index(0, Col.STATE).data() == "已签收"
    with db.session() as s:
        assert order_receipts.get(s, staff.wang, sent.id).acknowledged_at is not None


def test_an_overdue_order_is_marked_in_the_list(qtbot, window, staff, db):
    _main, inbox = window
    send(db, staff, user_ids=(staff.wang.user_id,), ack_deadline=utcnow() + timedelta(seconds=1))
    inbox.reload()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=3000)
    qtbot.wait(1100)
    inbox.reload()
    qtbot.waitUntil(lambda: inbox.model.index(0, Col.STATE).data() == "逾期未签", timeout=3000)


# QtMultimedia on a headless test machine: no PipeWire/VA-API libraries, no sound server, no sound device.
# It plays all the same (FFmpeg backend); these are facts about the machine, not defects of ours.
MULTIMEDIA_ENVIRONMENT = (
    "Couldn't (load|resolve) ",
    "PulseAudioService",
    "No audio device detected",
    "This plugin does not support propagateSizeHints",
)


@pytest.mark.qt_log_ignore(*MULTIMEDIA_ENVIRONMENT)
def test_images_are_shown_and_audio_plays_in_the_application(qtbot, window, staff, db, tmp_path, monkeypatch):
    _main, inbox = window
    handed: list[str] = []
    monkeypatch.setattr(media_player, "open_externally", lambda path: handed.append(path.name) or True)
    wav = tone_wav(tmp_path / "语音指令.wav", 0.5)
    send(
        db,
        staff,
        user_ids=(staff.wang.user_id,),
        attachments=(AttachmentSource("嫌疑车辆.png", data=png_bytes(64, 48)), AttachmentSource(path=wav)),
    )
    inbox.reload()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=3000)
    inbox.table.selectRow(0)
    panel = inbox.detail.attachments
    qtbot.waitUntil(lambda: panel.image.isVisible(), timeout=3000)  # the image is shown at once
    pixmap = panel.image.pixmap()
    assert pixmap is not None and pixmap.width() == 64
    assert panel.list.count() == 2 and "[音频] 语音指令.wav" in panel.list.item(1).text()

    assert media_player.available()
    with qtbot.waitSignal(panel.shown, timeout=5000):
        qtbot.mouseClick(
            panel.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.list.visualItemRect(panel.list.item(1)).center(),
        )
    assert panel.player is not None and panel.player.isVisible()
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.is_playing(), timeout=5000)
    qtbot.waitUntil(lambda: panel.player is not None and not panel.player.is_playing(), timeout=5000)
    assert panel.player.player.duration() == 500 and handed == []

    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)  # 打开: the system's own player
    assert handed and handed[0].endswith(".wav")


@pytest.mark.qt_log_ignore(
    *MULTIMEDIA_ENVIRONMENT, r"\[(mjpeg|swscaler) @", "No HW decoder", "No RHI backend"
)
def test_a_video_plays_in_the_application_on_its_video_surface(qtbot, window, staff, db, monkeypatch):
    _main, inbox = window
    handed: list[str] = []
    monkeypatch.setattr(media_player, "open_externally", lambda path: handed.append(path.name) or True)
    send(
        db,
        staff,
        user_ids=(staff.wang.user_id,),
        attachments=(AttachmentSource("现场视频.avi", data=mjpeg_avi()),),
    )
    inbox.reload()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=3000)
    inbox.table.selectRow(0)
    panel = inbox.detail.attachments
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=3000)
    assert "[视频] 现场视频.avi" in panel.list.item(0).text()
    frames: list[int] = []
    with qtbot.waitSignal(panel.shown, timeout=5000):
        qtbot.mouseClick(
            panel.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.list.visualItemRect(panel.list.item(0)).center(),
        )
    player = panel.player
    assert player is not None and player.video.isVisible()
    player.video.videoSink().videoFrameChanged.connect(
        lambda f: frames.append(f.width()) if f.isValid() else None
    )
    qtbot.waitUntil(lambda: player.player.hasVideo() and player.player.duration() == 1000, timeout=5000)
    qtbot.waitUntil(lambda: bool(frames) and not player.is_playing(), timeout=8000)
    assert frames[0] == 64 and player.player.position() == 1000 and handed == []


def test_the_inbox_model_is_a_proper_model(qtmodeltester):
    from app.services.order_receipts import InboxOrder
    from app.views.dispatch.order_inbox_model import OrderInboxModel

    now = utcnow()
    model = OrderInboxModel()
    rows = [
        InboxOrder(
            1,
            "JL-2026-0001",
            "order",
            "夜间巡逻",
            "",
            2,
            "周调度",
            now,
            now - timedelta(minutes=1),
            "active",
            now,
            None,
            None,
            1,
        ),
        InboxOrder(
            2, "JL-2026-0002", "notice", "值班通知", "", 0, "周调度", now, None, "active", now, now, now, 0
        ),
    ]
    model.set_rows(rows, now)
    qtmodeltester.check(model)
    assert [model.index(r, Col.STATE).data() for r in range(2)] == ["逾期未签", "已签收"]
    assert model.index(1, Col.TITLE).data() == "[通知] 值班通知"
    assert model.index(0, Col.TITLE).data(Qt.ItemDataRole.FontRole).bold()  # unread
