"""Which files officers can open, recognised by extension *and* content; one file checked in one read.

A renamed program or a broken file is refused with a message naming the file (and saying why), rather than
stored for 2,000 officers to fail to open. The first 4 KiB must match the extension's signature (JPEG, PNG,
RIFF/WAVE, ISO media, PDF, Office ZIP/OLE, readable text ...); the size is counted while hashing.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.core.errors import DomainError
from app.models.dispatch_attachment import CHUNK_SIZE, MEDIA_AUDIO, MEDIA_DOCUMENT, MEDIA_IMAGE, MEDIA_VIDEO
from app.services import dispatch_errors as _errors  # noqa: F401 - registers the messages

# extension -> (media, content type)
TYPES: dict[str, tuple[str, str]] = {
    "jpg": (MEDIA_IMAGE, "image/jpeg"),
    "jpeg": (MEDIA_IMAGE, "image/jpeg"),
    "png": (MEDIA_IMAGE, "image/png"),
    "gif": (MEDIA_IMAGE, "image/gif"),
    "bmp": (MEDIA_IMAGE, "image/bmp"),
    "wav": (MEDIA_AUDIO, "audio/wav"),
    "mp3": (MEDIA_AUDIO, "audio/mpeg"),
    "m4a": (MEDIA_AUDIO, "audio/mp4"),
    "aac": (MEDIA_AUDIO, "audio/aac"),
    "amr": (MEDIA_AUDIO, "audio/amr"),
    "ogg": (MEDIA_AUDIO, "audio/ogg"),
    "mp4": (MEDIA_VIDEO, "video/mp4"),
    "mov": (MEDIA_VIDEO, "video/quicktime"),
    "3gp": (MEDIA_VIDEO, "video/3gpp"),
    "avi": (MEDIA_VIDEO, "video/x-msvideo"),
    "mkv": (MEDIA_VIDEO, "video/x-matroska"),
    "pdf": (MEDIA_DOCUMENT, "application/pdf"),
    "doc": (MEDIA_DOCUMENT, "application/msword"),
    "xls": (MEDIA_DOCUMENT, "application/vnd.ms-excel"),
    "ppt": (MEDIA_DOCUMENT, "application/vnd.ms-powerpoint"),
    "wps": (MEDIA_DOCUMENT, "application/vnd.ms-works"),
    "docx": (MEDIA_DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (MEDIA_DOCUMENT, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (MEDIA_DOCUMENT, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "txt": (MEDIA_DOCUMENT, "text/plain"),
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")


def _is_mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start >= len(head) - 3:  # a character cut at the end of the sample
                return True
    return False


_MAGIC = {
    "jpg": lambda h: h.startswith(b"\xff\xd8\xff"),
    "jpeg": lambda h: h.startswith(b"\xff\xd8\xff"),
    "png": lambda h: h.startswith(b"\x89PNG\r\n\x1a\n"),
    "gif": lambda h: h[:6] in (b"GIF87a", b"GIF89a"),
    "bmp": lambda h: h.startswith(b"BM"),
    "wav": lambda h: h[:4] == b"RIFF" and h[8:12] == b"WAVE",
    "avi": lambda h: h[:4] == b"RIFF" and h[8:12] == b"AVI ",
    "mp3": _is_mp3,
    "aac": lambda h: len(h) > 1 and h[0] == 0xFF and h[1] & 0xF6 == 0xF0,
    "amr": lambda h: h.startswith(b"#!AMR"),
    "ogg": lambda h: h.startswith(b"OggS"),
    "m4a": lambda h: h[4:8] in _ISO_BOXES,
    "mp4": lambda h: h[4:8] in _ISO_BOXES,
    "mov": lambda h: h[4:8] in _ISO_BOXES,
    "3gp": lambda h: h[4:8] in _ISO_BOXES,
    "mkv": lambda h: h.startswith(b"\x1a\x45\xdf\xa3"),
    "pdf": lambda h: h.startswith(b"%PDF-"),
    "doc": lambda h: h.startswith(_OLE),
    "xls": lambda h: h.startswith(_OLE),
    "ppt": lambda h: h.startswith(_OLE),
    "wps": lambda h: h.startswith(_OLE),
    "docx": lambda h: h.startswith(_ZIP),
    "xlsx": lambda h: h.startswith(_ZIP),
    "pptx": lambda h: h.startswith(_ZIP),
    "txt": _is_text,
}


@dataclass(frozen=True)
class AttachmentSource:
    """A file the user picked (``path``), or bytes in hand (``data``) under the name ``name``."""

    name: str = ""
    path: Path | None = None
    data: bytes | None = None

    @property
    def display_name(self) -> str:
        return (self.name or (self.path.name if self.path else "")).strip() or "未命名"

    def open(self) -> IO[bytes]:
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.path is None:
            raise DomainError("dispatch_attachment_unreadable", name=self.display_name, detail="没有文件")
        return open(self.path, "rb")  # noqa: SIM115 - closed by the caller's with-block


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed :func:`check`: what will be stored, and the hash it must still have."""

    source: AttachmentSource
    filename: str
    media: str
    content_type: str
    size: int
    sha256: str


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


def _refuse_type(name: str, reason: str) -> DomainError:
    return DomainError("dispatch_attachment_type", name=name, reason=reason)


def check_one(source: AttachmentSource, limit: int) -> CheckedFile:
    """Size, type and hash of one file, reading it once; raises a DomainError naming the file."""
    name = source.display_name
    ext = _extension(name)
    if ext not in TYPES:
        raise _refuse_type(name, f"不支持“.{ext}”类型" if ext else "文件名没有扩展名")
    media, content_type = TYPES[ext]
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open() as fh:
            head = fh.read(4096)
            if not head:
                raise _refuse_type(name, "文件是空的")
            if not _MAGIC[ext](head):
                raise _refuse_type(name, f"文件内容不是有效的 .{ext} 文件，可能已损坏或扩展名被改过")
            digest.update(head)
            size = len(head)
            while chunk := fh.read(CHUNK_SIZE):
                size += len(chunk)
                if size > limit:
                    raise DomainError(
                        "dispatch_attachment_too_large",
                        name=name,
                        size=human_size(_full_size(source, size)),
                        limit=human_size(limit),
                    )
                digest.update(chunk)
    except OSError as exc:
        raise DomainError(
            "dispatch_attachment_unreadable", name=name, detail=exc.strerror or str(exc)
        ) from exc
    if size > limit:
        raise DomainError(
            "dispatch_attachment_too_large", name=name, size=human_size(size), limit=human_size(limit)
        )
    return CheckedFile(source, name[:255], media, content_type, size, digest.hexdigest())


def _full_size(source: AttachmentSource, read: int) -> int:
    if source.data is not None:
        return len(source.data)
    try:
        return source.path.stat().st_size if source.path else read
    except OSError:
        return read
