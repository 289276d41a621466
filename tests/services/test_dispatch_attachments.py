"""Attachments live in the shared database in chunks, within a size limit, of types officers can open."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from dispatch_support import T0, Staff, make_staff, png_bytes, tone_wav
from sqlalchemy import func, select

from app.core.errors import DomainError, PermissionDenied
from app.models.db import Database
from app.models.dispatch_attachment import CHUNK_SIZE, DispatchAttachment, DispatchAttachmentChunk
from app.models.dispatch_order import DispatchOrder
from app.services import attachments, business_settings, orders
from app.services.attachments import AttachmentSource
from app.services.context import SYSTEM
from app.services.orders import OrderDraft


@pytest.fixture
def staff(db: Database) -> Staff:
    return make_staff(db)


def send(db: Database, staff: Staff, *files: AttachmentSource) -> orders.SentOrder:
    draft = OrderDraft(title="协查通报", user_ids=(staff.wang.user_id,), attachments=files)
    with db.session() as s:
        return orders.send(s, staff.dispatcher, draft, now=T0)


def test_a_large_file_is_stored_in_chunks_and_comes_back_identical(db, staff, tmp_path):
    video = tmp_path / "监控录像.mp4"
    payload = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * (CHUNK_SIZE // 256 * 2 + 10)
    video.write_bytes(payload)
    sent = send(db, staff, AttachmentSource(path=video), AttachmentSource("嫌疑人.png", data=png_bytes()))
    info = sent.attachments[0]
    assert (info.filename, info.media, info.size) == ("监控录像.mp4", "video", len(payload))
    with db.session() as s:
        chunks = s.execute(
            select(func.count(), func.max(func.length(DispatchAttachmentChunk.data))).where(
                DispatchAttachmentChunk.attachment_id == info.id
            )
        ).one()
        out = attachments.fetch(s, staff.wang, info.id, tmp_path / "out" / "v.mp4")
    assert tuple(chunks) == (3, CHUNK_SIZE)
    assert (tmp_path / "out" / "v.mp4").read_bytes() == payload
    assert out.sha256 == hashlib.sha256(payload).hexdigest()


def test_a_file_over_the_limit_is_refused_with_a_clear_message_and_nothing_is_written(db, staff, tmp_path):
    with db.session() as s:
        business_settings.set(s, SYSTEM, attachments.SETTING_MAX_MB, 1)
    big = tmp_path / "现场视频.mp4"
    big.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x01" * (1024 * 1024 + 1))
    with pytest.raises(DomainError) as err:
        send(db, staff, AttachmentSource("通报.png", data=png_bytes()), AttachmentSource(path=big))
    message = err.value.message()
    assert err.value.code == "dispatch_attachment_too_large"
    assert "现场视频.mp4" in message and "1.0 MB 的上限" in message and "警令未保存" in message
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(DispatchOrder)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(DispatchAttachment)).scalar_one() == 0


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("工具.exe", b"MZ\x90\x00", "不支持“.exe”类型"),
        ("照片.jpg", b"this is not a jpeg", "不是有效的 .jpg 文件"),
        ("录音.wav", b"RIFF\x00\x00\x00\x00AVI LIST", "不是有效的 .wav 文件"),
        ("空白.pdf", b"", "文件是空的"),
        ("说明", b"hello", "没有扩展名"),
    ],
)
def test_unreadable_types_are_refused_naming_the_file(db, staff, name, data, reason):
    with pytest.raises(DomainError) as err:
        send(db, staff, AttachmentSource(name, data=data))
    assert err.value.code == "dispatch_attachment_type"
    assert name in err.value.message() and reason in err.value.message()


def test_a_file_that_cannot_be_read_is_refused(db, staff, tmp_path):
    with pytest.raises(DomainError) as err:
        send(db, staff, AttachmentSource(path=tmp_path / "不存在.pdf"))
    assert err.value.code == "dispatch_attachment_unreadable" and "不存在.pdf" in err.value.message()


def test_real_media_and_documents_are_recognised(db, staff, tmp_path):
    wav = tone_wav(tmp_path / "指令.wav", 0.2)
    files = [
        AttachmentSource(path=wav),
        AttachmentSource("通知.pdf", data=b"%PDF-1.4\n%..."),
        AttachmentSource("名单.xlsx", data=b"PK\x03\x04rest"),
        AttachmentSource("说明.txt", data="请各所注意安全。".encode("gb18030")),
    ]
    sent = send(db, staff, *files)
    assert [a.media for a in sent.attachments] == ["audio", "document", "document", "document"]


def test_only_recipients_and_monitors_may_fetch_an_attachment(db, staff, tmp_path):
    sent = send(db, staff, AttachmentSource("嫌疑人.png", data=png_bytes()))
    with pytest.raises(PermissionDenied), db.session() as s:
        attachments.fetch(s, staff.zhao, sent.attachments[0].id, tmp_path / "x.png")
    with db.session() as s:
        attachments.fetch(s, staff.leader, sent.attachments[0].id, tmp_path / "y.png")  # a monitor
    assert (tmp_path / "y.png").read_bytes() == png_bytes()


def test_too_many_files_are_refused(db, staff):
    many = [AttachmentSource(f"{i}.png", data=png_bytes()) for i in range(attachments.MAX_FILES + 1)]
    with pytest.raises(DomainError) as err:
        send(db, staff, *many)
    assert err.value.code == "dispatch_attachment_too_many"


def test_stored_attachments_cannot_be_altered(db, staff):
    from sqlalchemy import update
    from sqlalchemy.exc import DBAPIError

    send(db, staff, AttachmentSource("嫌疑人.png", data=png_bytes()))
    with pytest.raises(DBAPIError, match="append-only"), db.session() as s:
        s.execute(update(DispatchAttachmentChunk).values(data=b"x"))


def test_path_sources_keep_their_file_name(tmp_path: Path):
    assert AttachmentSource(path=tmp_path / "a.pdf").display_name == "a.pdf"
