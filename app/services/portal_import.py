"""Online submissions exported by the internet portal (JSON or CSV), registered as items of channel 网上.

Two steps, as every import here: :func:`read_file` parses and checks every record and writes nothing (a
malformed file is refused as a whole with a Chinese message); :func:`commit` registers the good records in
the caller's transaction, all or none. Each bad record is reported with its number and every reason.

Accepted columns/keys (Chinese or English): 申报编号/id, 提交时间/submitted_at, 身份证号/id_number, 姓名/name,
手机号/phone, 事项编码/item_code (or 事项名称/item_name), 材料/materials (a list, or names separated by 、;,),
备注/note; the item's own form fields by their label (CSV columns, or a 表单/form object in JSON).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.normalize import normalize_text
from app.models.base import utcnow
from app.models.service_catalogue import ServiceCatalogueItem
from app.models.service_item import CHANNEL_PORTAL
from app.models.service_permissions import SERVICE_INTAKE
from app.models.working_calendar import BEIJING
from app.services import audit, intake
from app.services.context import Actor
from app.services.permissions import require

MAX_BYTES = 20 * 1024 * 1024
MAX_RECORDS = 50_000
KEYS: dict[str, tuple[str, ...]] = {
    "external_ref": ("申报编号", "id", "submission_id", "编号"),
    "submitted_at": ("提交时间", "submitted_at", "申报时间", "time"),
    "id_number": ("身份证号", "id_number", "公民身份号码", "证件号码"),
    "name": ("姓名", "name", "申请人"),
    "phone": ("手机号", "phone", "联系电话", "mobile"),
    "item_code": ("事项编码", "item_code", "code"),
    "item_name": ("事项名称", "item_name", "事项"),
    "materials": ("材料", "materials", "已交材料"),
    "note": ("备注", "note", "说明"),
    "form": ("表单", "form", "fields"),
}
REQUIRED = ("external_ref", "id_number", "name")
_SPLIT = re.compile(r"[、;；,，\n]+")


@dataclass(frozen=True)
class BadRecord:
    number: int  # 1-based record number (CSV: the line number)
    external_ref: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PortalPreview:
    name: str
    total: int
    good: tuple[intake.IntakeForm, ...]
    bad: tuple[BadRecord, ...]

    def summary(self) -> str:
        text = f"共 {self.total} 条申报，可导入 {len(self.good)} 条"
        return text + (f"，有问题 {len(self.bad)} 条（见下表，不会导入）。" if self.bad else "。")


@dataclass(frozen=True)
class PortalResult:
    imported: int
    tracking_nos: tuple[str, ...] = field(default=())


def _bad_file(name: str, detail: str) -> DomainError:
    return DomainError("service_import_bad_file", name=name, detail=detail)


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _bad_file(name, exc.strerror or str(exc)) from exc
    if len(raw) > MAX_BYTES:
        raise _bad_file(name, "文件超过 20 MB，请分批导出")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise _bad_file(name, "文件编码无法识别（应为 UTF-8 或 GBK）") from exc
    if not text.strip():
        raise _bad_file(name, "文件是空的")
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _bad_file(name, f"JSON 格式错误（第 {exc.lineno} 行第 {exc.colno} 列）") from exc
        if isinstance(data, dict):
            data = data.get("records", data.get("data"))
        if not isinstance(data, list):
            raise _bad_file(name, "JSON 中找不到申报记录列表（应为数组，或含 records 数组的对象）")
        out = []
        for n, rec in enumerate(data, start=1):
            out.append((n, rec if isinstance(rec, dict) else {"__bad__": True}))
        return out
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = reader.fieldnames or []
        rows = [(reader.line_num, dict(row)) for row in reader]
    except csv.Error as exc:
        raise _bad_file(name, f"CSV 格式错误：{exc}") from exc
    known = {k for keys in KEYS.values() for k in keys}
    if not any(h and h.strip() in known for h in header):
        raise _bad_file(name, "第一行不是表头（需要“申报编号、身份证号、姓名、事项编码”等列）")
    return rows


def _pick(rec: Mapping[str, Any], key: str) -> Any:
    for alias in KEYS[key]:
        for k, v in rec.items():
            if k is not None and str(k).strip() == alias:
                return v
    return None


def _when(value: Any, now: datetime) -> tuple[datetime | None, str | None]:
    text = normalize_text(value)
    if not text:
        return None, "缺少提交时间"
    try:
        moment = datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        return None, f"提交时间“{text}”无法识别（应为 2026-11-30 09:15 这样的格式）"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    moment = moment.astimezone(UTC)
    if moment > now + timedelta(minutes=5):
        return None, f"提交时间“{text}”晚于当前时间"
    return moment, None


def _materials(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [m.strip() for m in _SPLIT.split(str(value or "")) if m.strip()]


def read_file(
    session: Session, actor: Actor, path: str | Path, *, now: datetime | None = None
) -> PortalPreview:
    """Parse and check every record; nothing is written."""
    require(session, actor, SERVICE_INTAKE)
    path = Path(path)
    records = _records(path)
    if not records:
        raise _bad_file(path.name, "文件中没有申报记录")
    if len(records) > MAX_RECORDS:
        raise _bad_file(path.name, f"一次最多导入 {MAX_RECORDS} 条")
    now = now or utcnow()
    catalogue = session.execute(select(ServiceCatalogueItem)).scalars().all()
    by_code = {c.code: c for c in catalogue}
    by_name = {c.name: c for c in catalogue}
    refs = Counter(str(_pick(r, "external_ref") or "").strip() for _, r in records)
    good: list[intake.IntakeForm] = []
    bad: list[BadRecord] = []
    for number, rec in records:
        ref = str(_pick(rec, "external_ref") or "").strip()
        if rec.get("__bad__"):
            bad.append(BadRecord(number, "", ("这一条不是一条申报记录（应为键值对象）",)))
            continue
        reasons: list[str] = []
        for key in REQUIRED:
            if not normalize_text(_pick(rec, key)):
                reasons.append(f"缺少{KEYS[key][0]}")
        if ref and refs[ref] > 1:
            reasons.append(f"申报编号“{ref}”在文件中出现了 {refs[ref]} 次")
        code = str(_pick(rec, "item_code") or "").strip().upper()
        cat = by_code.get(code) or by_name.get(str(_pick(rec, "item_name") or "").strip())
        if cat is None:
            reasons.append(f"事项“{code or _pick(rec, 'item_name') or ''}”不在事项目录中")
        elif not cat.active:
            reasons.append(f"事项“{cat.name}”已停用")
        moment, problem = _when(_pick(rec, "submitted_at"), now)
        if problem:
            reasons.append(problem)
        form_values = _pick(rec, "form")
        if not isinstance(form_values, dict):
            form_values = {}
        if cat is not None:
            for line in (cat.form_fields or "").splitlines():
                label = line.strip().rstrip("*＊").strip()
                if label and label in rec and label not in form_values:
                    form_values[label] = rec[label]
        if reasons or cat is None:
            bad.append(BadRecord(number, ref, tuple(reasons)))
            continue
        form = intake.IntakeForm(
            id_number=str(_pick(rec, "id_number") or ""),
            catalogue_id=cat.id,
            name=str(_pick(rec, "name") or ""),
            phone=str(_pick(rec, "phone") or ""),
            materials_received=_materials(_pick(rec, "materials")),
            form_values={str(k): str(v) for k, v in form_values.items() if v not in (None, "")},
            channel=CHANNEL_PORTAL,
            note=str(_pick(rec, "note") or ""),
            external_ref=ref,
            received_at=moment,
        )
        errors = intake.check(session, actor, form)
        if errors:
            bad.append(BadRecord(number, ref, tuple(errors.values())))
        else:
            good.append(form)
    return PortalPreview(path.name, len(records), tuple(good), tuple(bad))


def commit(
    session: Session, actor: Actor, preview: PortalPreview, *, now: datetime | None = None
) -> PortalResult:
    """Register the good records, all or none (a record that became invalid meanwhile refuses the lot)."""
    require(session, actor, SERVICE_INTAKE)
    numbers: list[str] = []
    with session.begin_nested():
        for form in preview.good:
            numbers.append(intake.intake(session, actor, form, now=now).item.tracking_no)
    audit.record(
        session,
        actor,
        "service_portal_import",
        entity="service_item",
        new={"file": preview.name, "imported": len(numbers), "refused": len(preview.bad)},
        detail=preview.name,
    )
    return PortalResult(len(numbers), tuple(numbers))


def sample_records(items: Sequence[tuple[str, str, str, str, str]]) -> list[dict[str, Any]]:
    """Records in the portal's JSON form (for tests and demo files): (ref, time, id, name, code)."""
    return [
        {"申报编号": ref, "提交时间": at, "身份证号": number, "姓名": name, "事项编码": code}
        for ref, at, number, name, code in items
    ]
