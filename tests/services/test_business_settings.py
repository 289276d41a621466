"""Business settings: JSON values shared by every workstation, versioned, audited, behind a permission."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import ConflictError, DomainError, PermissionDenied
from app.models.audit import AuditRecord
from app.services import business_settings


def test_values_round_trip_as_json_with_a_default_when_unset(db, admin):
    value = {"url": "https://sms.example.cn", "timeout": 5.5, "names": ["岚皋", "安康"], "on": True}
    with db.session() as s:
        assert business_settings.get(s, "demo.key", "默认") == "默认"
        info = business_settings.set(s, admin, "demo.key", value)
        assert info.version == 1 and info.updated_by == admin.username
    with db.session() as s:
        assert business_settings.get(s, "demo.key") == value


def test_changes_are_audited_with_old_and_new_values(db, admin):
    with db.session() as s:
        business_settings.set(s, admin, "sms.signature", "【岚皋县公安局】")
    with db.session() as s:
        business_settings.set(s, admin, "sms.signature", "【岚皋公安】")
        business_settings.set(s, admin, "sms.signature", "【岚皋公安】")  # unchanged: no record
    with db.session() as s:
        recs = list(s.execute(select(AuditRecord).where(AuditRecord.action == "setting_change")).scalars())
    assert len(recs) == 2 and recs[-1].entity_id == "sms.signature"
    assert "岚皋县公安局" in recs[-1].old_values and "岚皋公安" in recs[-1].new_values


def test_a_stale_version_is_refused_instead_of_overwriting(db, admin):
    with db.session() as s:
        business_settings.set(s, admin, "k", 1)
    with db.session() as s:
        business_settings.set(s, admin, "k", 2, expected_version=1)
    with pytest.raises(ConflictError), db.session() as s:
        business_settings.set(s, admin, "k", 3, expected_version=1)
    with db.session() as s:
        info = business_settings.info(s, "k")
        assert info is not None and info.value == 2 and info.version == 2


def test_writing_needs_the_permission_and_a_json_value(db, admin, clerk):
    with pytest.raises(PermissionDenied), db.session() as s:
        business_settings.set(s, clerk, "k", 1)
    with pytest.raises(DomainError) as err, db.session() as s:
        business_settings.set(s, admin, "k", {1, 2})
    assert err.value.code == "setting_invalid" and "k" in err.value.message()
