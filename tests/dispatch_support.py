"""Shared set-up for the 指挥调度 tests: two police stations and the command centre, with their people."""

from __future__ import annotations

import io
import struct
import subprocess
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from conftest import make_user
from PIL import Image

from app.models.db import Database
from app.models.org import Unit
from app.services.context import Actor

T0 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 09:00 in Langao


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A valid red PNG image of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Staff:
    chengguan: int
    zuolong: int
    centre: int
    dispatcher: Actor
    leader: Actor  # 城关派出所 所长 (supervisor: dispatch.lead)
    wang: Actor  # 城关 officer
    li: Actor  # 城关 officer
    zhao: Actor  # 佐龙 officer (佐龙 has no leader)
    admin: Actor  # no dispatch.receive: never a recipient


def make_staff(db: Database) -> Staff:
    with db.session() as s:
        units = [
            Unit(code="PCS610925100", name="城关派出所", kind="station", sort_order=1),
            Unit(code="PCS610925101", name="佐龙派出所", kind="station", sort_order=2),
            Unit(code="ZHZX", name="指挥中心", kind="department", sort_order=0),
        ]
        s.add_all(units)
        s.flush()
        cg, zl, centre = (u.id for u in units)
    return Staff(
        cg,
        zl,
        centre,
        make_user(db, "dispatch1", ["dispatcher"], display_name="周调度", unit_id=centre),
        make_user(db, "leader1", ["supervisor"], display_name="陈所长", unit_id=cg),
        make_user(db, "wang1", ["officer"], display_name="王警官", unit_id=cg),
        make_user(db, "li1", ["community"], display_name="李警官", unit_id=cg),
        make_user(db, "zhao1", ["officer"], display_name="赵警官", unit_id=zl),
        make_user(db, "sysadmin", ["admin"], display_name="系统管理员"),
    )


def tone_wav(path: Path, seconds: float = 1.0) -> Path:
    """A short 440 Hz clip made with sox (the test machine has it)."""
    subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "1", str(path), "synth", str(seconds), "sine", "440"],
        check=True,
        capture_output=True,
    )
    return path


def _riff(fourcc: bytes, data: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def _riff_list(kind: bytes, body: bytes) -> bytes:
    return b"LIST" + struct.pack("<I", len(body) + 4) + kind + body


def mjpeg_avi(width: int = 64, height: int = 48, frames: int = 10, fps: int = 10) -> bytes:
    """A real Motion-JPEG AVI video (``frames / fps`` seconds, red to yellow): no video encoder is installed
    here, so the container is written by hand around JPEG frames from Pillow."""
    jpegs = []
    for i in range(frames):
        buf = io.BytesIO()
        Image.new("RGB", (width, height), (255, 25 * i % 256, 0)).save(buf, "JPEG")
        jpegs.append(buf.getvalue())
    biggest = max(len(j) for j in jpegs)
    avih = struct.pack(
        "<14I", 1_000_000 // fps, biggest * fps, 0, 0x10, frames, 0, 1, biggest, width, height, 0, 0, 0, 0
    )
    stream = (b"vids", b"MJPG", 0, 0, 0, 0, 1, fps, 0, frames, biggest, -1, 0)  # one video stream, MJPG
    strh = struct.pack("<4s4sIHHIIIIIIiI4h", *stream, 0, 0, width, height)
    strf = struct.pack("<IiiHH4sIiiII", 40, width, height, 1, 24, b"MJPG", width * height * 3, 0, 0, 0, 0)
    hdrl = _riff_list(
        b"hdrl", _riff(b"avih", avih) + _riff_list(b"strl", _riff(b"strh", strh) + _riff(b"strf", strf))
    )
    movi, index, offset = b"", b"", 4
    for j in jpegs:
        chunk = _riff(b"00dc", j)
        index += struct.pack("<4sIII", b"00dc", 0x10, offset, len(j))
        movi += chunk
        offset += len(chunk)
    body = b"AVI " + hdrl + _riff_list(b"movi", movi) + _riff(b"idx1", index)
    return b"RIFF" + struct.pack("<I", len(body)) + body
