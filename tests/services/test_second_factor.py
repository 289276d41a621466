"""The second factor: RFC 6238 codes, enrolment at login, reuse refused, recovery codes, lockout, admin reset."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import func, select

from app.core.errors import DomainError, PermissionDenied, ValidationError
from app.models.accounts import User
from app.models.audit import AuditRecord
from app.models.second_factor import RecoveryCode, UserSecondFactor
from app.services import audit, second_factor
from app.services.auth import PasswordAuthenticator
from app.services.second_factor import SecondFactorRequired, code_at, current_step
from app.services.second_factor_seal import seal, unseal
from tests.conftest import STRONG_PASSWORD, make_user

RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    ("t", "eight_digits"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ],
)
def test_codes_match_the_rfc_6238_sha1_vectors(t, eight_digits):
    # Six-digit codes are the last six digits of RFC 6238's eight-digit values (the same truncation mod 10^d).
    assert code_at(RFC_SECRET, t // 30) == eight_digits[-6:]


def _challenge(auth: PasswordAuthenticator, username: str) -> second_factor.Challenge:
    with pytest.raises(SecondFactorRequired) as info:
        auth.login(username, STRONG_PASSWORD)
    return info.value.challenge


def _secret_of(db, user_id: int) -> str:
    with db.read_session() as s:
        sealed = s.get(UserSecondFactor, user_id).secret_sealed
    secret = unseal(sealed, user_id)
    assert secret is not None
    return secret


def _enrol(db, auth, username) -> tuple[str, list[str], int]:
    challenge = _challenge(auth, username)
    enrolment = auth.begin_enrolment(challenge)
    step = current_step()
    actor, codes = auth.confirm_enrolment(challenge, code_at(enrolment.secret, step))
    assert actor.username == username
    return enrolment.secret, codes, step


def test_a_role_marked_by_the_administrator_makes_its_members_enrol_at_login(db, admin):
    make_user(db, "clerk2", ["clerk"])
    make_user(db, "auditor2", ["auditor"])
    with db.session() as s:
        second_factor.set_required_roles(s, admin, {"clerk"})
    auth = PasswordAuthenticator(db)
    assert auth.login("auditor2", STRONG_PASSWORD).username == "auditor2"  # other roles: password only

    challenge = _challenge(auth, "clerk2")
    assert challenge.enrolled is False
    enrolment = auth.begin_enrolment(challenge)
    assert enrolment.uri.startswith("otpauth://totp/")
    assert "secret=" + enrolment.secret in enrolment.uri and "issuer=" in enrolment.uri
    wrong = f"{(int(code_at(enrolment.secret, current_step())) + 1) % 1_000_000:06d}"
    with pytest.raises(ValidationError) as bad:
        auth.confirm_enrolment(challenge, wrong)
    assert "不正确" in bad.value.field_errors["code"]
    with db.read_session() as s:  # not active until confirmed
        assert not second_factor.is_enrolled(s, challenge.user_id)

    actor, codes = auth.confirm_enrolment(challenge, code_at(enrolment.secret, current_step()))
    assert actor.username == "clerk2" and len(codes) == second_factor.RECOVERY_CODES
    with db.read_session() as s:
        assert second_factor.status(s, actor.user_id) == second_factor.FactorStatus(True, True, 10)
        stored = [r.code_hash for r in s.execute(select(RecoveryCode)).scalars()]
        assert not any(c.replace("-", "") in h for c in codes for h in stored)  # hashed, not plain
        sealed = s.get(UserSecondFactor, actor.user_id).secret_sealed
        assert enrolment.secret not in sealed
        actions = [r.action for r in s.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars()]
    assert actions[-3:] == ["login_password", "enrol_second_factor", "login"]
    assert _challenge(auth, "clerk2").enrolled is True  # from now on the code is asked for


def test_codes_allow_one_step_of_drift_and_are_never_accepted_twice(db):
    user = make_user(db, "officer2", ["officer"])
    auth = PasswordAuthenticator(db)
    with db.session() as s:
        enrolment = second_factor.begin_enrolment(s, user.user_id, "officer2")
    now = current_step() * 30.0 - 3600  # an hour ago: the login below uses the real clock
    step = current_step(now)
    with db.session() as s:
        second_factor.confirm_enrolment(s, user, user.user_id, code_at(enrolment.secret, step - 1), now=now)
    with db.session() as s, pytest.raises(DomainError) as old:  # two steps behind: out of the window
        second_factor.verify(s, user.user_id, code_at(enrolment.secret, step - 2), now=now)
    assert old.value.code == "second_factor_wrong"
    with db.session() as s, pytest.raises(DomainError) as again:
        second_factor.verify(s, user.user_id, code_at(enrolment.secret, step - 1), now=now)
    assert again.value.code == "second_factor_reused"
    with db.session() as s:
        assert second_factor.verify(s, user.user_id, code_at(enrolment.secret, step + 1), now=now) == "totp"
    with db.session() as s, pytest.raises(DomainError) as earlier:  # an older code after a newer one
        second_factor.verify(s, user.user_id, code_at(enrolment.secret, step), now=now)
    assert earlier.value.code == "second_factor_reused"

    # through the login: a user who enrolled voluntarily is asked for the code too
    challenge = _challenge(auth, "officer2")
    actor = auth.verify_second_factor(challenge, code_at(enrolment.secret, current_step()))
    assert actor.user_id == user.user_id
    with pytest.raises(DomainError) as reused:
        auth.verify_second_factor(_challenge(auth, "officer2"), code_at(enrolment.secret, current_step()))
    assert reused.value.code == "second_factor_reused"


def test_recovery_codes_work_once_each(db):
    make_user(db, "boss2", ["supervisor"])
    auth = PasswordAuthenticator(db)
    with db.session() as s:
        second_factor.set_required_roles(s, second_factor_admin(db), {"supervisor"})
    _secret, codes, _step = _enrol(db, auth, "boss2")
    actor = auth.verify_second_factor(_challenge(auth, "boss2"), codes[3].upper().replace("-", " "))
    assert actor.username == "boss2"
    with pytest.raises(DomainError) as used:
        auth.verify_second_factor(_challenge(auth, "boss2"), codes[3])
    assert used.value.code == "second_factor_wrong"
    with db.read_session() as s:
        assert second_factor.status(s, actor.user_id).recovery_left == 9
        last_login = s.execute(
            select(AuditRecord)
            .where(AuditRecord.action == "login", AuditRecord.outcome == "ok")
            .order_by(AuditRecord.id.desc())
            .limit(1)
        ).scalar_one()
    assert last_login.detail == "恢复码登录"


def second_factor_admin(db):
    return make_user(db, "admin9", ["admin"])


def test_wrong_codes_count_toward_the_lockout(db):
    make_user(db, "clerk3", ["clerk"])
    auth = PasswordAuthenticator(db)
    with db.session() as s:
        second_factor.set_required_roles(s, second_factor_admin(db), {"clerk"})
    secret, _codes, _step = _enrol(db, auth, "clerk3")
    challenge = _challenge(auth, "clerk3")
    wrong = f"{(int(code_at(secret, current_step())) + 500_000) % 1_000_000:06d}"
    for _ in range(4):
        with pytest.raises(DomainError) as exc:
            auth.verify_second_factor(challenge, wrong)
        assert exc.value.code == "second_factor_wrong"
    with pytest.raises(DomainError) as locked:
        auth.verify_second_factor(challenge, wrong)
    assert locked.value.code == "account_locked"
    with pytest.raises(DomainError) as still:  # even the right code is refused now, and so is the password
        auth.verify_second_factor(challenge, code_at(secret, current_step() + 1))
    assert still.value.code == "account_locked"
    with pytest.raises(DomainError):
        auth.login("clerk3", STRONG_PASSWORD)
    with db.read_session() as s:
        assert s.execute(select(User.locked_at).where(User.username == "clerk3")).scalar() is not None
        assert audit.verify(s).ok


def test_a_challenge_is_needed_and_it_expires(db, monkeypatch):
    user = make_user(db, "officer3", ["officer"])
    auth = PasswordAuthenticator(db)
    with db.session() as s:
        enrolment = second_factor.begin_enrolment(s, user.user_id, "officer3")
        second_factor.confirm_enrolment(s, user, user.user_id, code_at(enrolment.secret, current_step() - 1))
    forged = second_factor.Challenge("made-up", user.user_id, "officer3", "officer3", True)
    with pytest.raises(DomainError) as exc:
        auth.verify_second_factor(forged, code_at(enrolment.secret, current_step()))
    assert exc.value.code == "second_factor_expired"
    challenge = _challenge(auth, "officer3")
    monkeypatch.setattr("app.services.auth.CHALLENGE_SECONDS", -1)
    with pytest.raises(DomainError) as late:
        auth.verify_second_factor(challenge, code_at(enrolment.secret, current_step()))
    assert late.value.code == "second_factor_expired"


def test_sealed_secrets_are_bound_to_their_user_and_detect_tampering(db):
    sealed = seal("JBSWY3DPEHPK3PXP", 7)
    assert "JBSWY3DPEHPK3PXP" not in sealed and seal("JBSWY3DPEHPK3PXP", 7) != sealed  # random nonce
    assert unseal(sealed, 7) == "JBSWY3DPEHPK3PXP"
    assert unseal(sealed, 8) is None
    flipped = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    assert unseal(flipped, 7) is None

    user = make_user(db, "officer4", ["officer"])
    with db.session() as s:
        enrolment = second_factor.begin_enrolment(s, user.user_id, "officer4")
        second_factor.confirm_enrolment(s, user, user.user_id, code_at(enrolment.secret, current_step()))
        s.get(UserSecondFactor, user.user_id).secret_sealed = seal(enrolment.secret, user.user_id + 1)
    with db.session() as s, pytest.raises(DomainError) as broken:
        second_factor.verify(s, user.user_id, code_at(enrolment.secret, current_step() + 1))
    assert broken.value.code == "second_factor_broken"


def test_the_administrator_resets_a_lost_phone_and_the_user_enrols_again(db, admin, clerk):
    make_user(db, "clerk4", ["clerk"])
    auth = PasswordAuthenticator(db)
    with db.session() as s:
        second_factor.set_required_roles(s, admin, {"clerk"})
    _enrol(db, auth, "clerk4")
    with db.session() as s:
        user_id = s.execute(select(User.id).where(User.username == "clerk4")).scalar_one()
    with db.session() as s, pytest.raises(PermissionDenied):
        second_factor.reset(s, clerk, user_id)
    with db.session() as s, pytest.raises(PermissionDenied):
        second_factor.set_required_roles(s, clerk, set())
    with db.session() as s:
        second_factor.reset(s, admin, user_id)
    with db.read_session() as s:
        assert not second_factor.is_enrolled(s, user_id)
        assert s.execute(select(func.count()).select_from(RecoveryCode)).scalar() == 0
        rec = s.execute(select(AuditRecord).where(AuditRecord.action == "reset_second_factor")).scalar_one()
        assert rec.username == admin.username and rec.entity_id == str(user_id)
        assert '"enrolled":true' in rec.old_values.replace(" ", "")
        roles_rec = s.execute(
            select(AuditRecord).where(AuditRecord.action == "second_factor_roles")
        ).scalar_one()
        assert "clerk" in roles_rec.new_values
    assert _challenge(auth, "clerk4").enrolled is False  # the role still requires it: enrol at this login
    with db.session() as s:
        second_factor.set_required_roles(s, admin, set())
    assert auth.login("clerk4", STRONG_PASSWORD).username == "clerk4"  # nothing required, nothing enrolled


def test_users_manage_their_own_factor(db):
    user = make_user(db, "officer5", ["officer"])
    with db.session() as s:
        enrolment = second_factor.begin_enrolment(s, user.user_id, "officer5")
        second_factor.confirm_enrolment(s, user, user.user_id, code_at(enrolment.secret, current_step() - 1))
    with db.session() as s, pytest.raises(DomainError) as already:
        second_factor.begin_enrolment(s, user.user_id, "officer5")
    assert already.value.code == "second_factor_already"
    with db.session() as s:
        codes = second_factor.regenerate_recovery_codes(s, user, code_at(enrolment.secret, current_step()))
    assert len(codes) == 10
    with db.session() as s:
        second_factor.disable_own(s, user, codes[0])
    with db.read_session() as s:
        assert not second_factor.is_enrolled(s, user.user_id)
