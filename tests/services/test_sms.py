"""The SMS outbox: the carriers' counting rule, refusals, dedupe, quiet hours, retries, concurrent senders,
the HTTP gateway against a real local server, delivery reports and the outbox screen."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from app.core.errors import DomainError, PermissionDenied, ValidationError
from app.models.db import Database
from app.models.messaging import SmsMessage
from app.services import sms, sms_outbox
from app.services.sms import FileGateway, GatewayError, HttpGateway

SIG = "【岚皋县公安局】"
PHONE = "13812345678"


def bj(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Beijing time (December 2026), as the aware datetime the services take."""
    return datetime(2026, 12, day, hour, minute, tzinfo=sms.LOCAL_TZ)


NOON = bj(1, 12)


class FakeGateway:
    """Counts calls; fails the first ``failures`` of them with the given kind of error."""

    name = "fake"

    def __init__(self, failures: int = 0, *, temporary: bool = True, delay: float = 0.0) -> None:
        self.failures = failures
        self.temporary = temporary
        self.delay = delay
        self.calls: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def send(self, phone: str, text: str) -> str:
        if self.delay:
            time.sleep(self.delay)
        with self._lock:
            self.calls.append((phone, text))
            n = len(self.calls)
        if n <= self.failures:
            raise GatewayError(f"故障 {n}", temporary=self.temporary)
        return f"prov-{n}"


def _queue(
    db: Database,
    text: str = "您的申请已受理。",
    *,
    key: str = "app:1:accepted",
    user: bool = False,
    now: datetime = NOON,
    phone: str = PHONE,
) -> sms.QueuedSms:
    with db.session() as s:
        return sms.queue(
            s,
            phone=phone,
            text=text,
            dedupe_key=key,
            user_triggered=user,
            related=("application", 1),
            now=now,
        )


def _message(db: Database, message_id: int) -> SmsMessage:
    with db.session() as s:
        msg = s.get(SmsMessage, message_id)
        assert msg is not None
        s.expunge(msg)
        return msg


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(SmsMessage)).scalar_one())


# --- counting ---------------------------------------------------------------------------------------------


def test_seventy_characters_with_the_signature_are_one_message_seventy_one_are_two():
    assert sms.char_count(SIG) == 8
    assert sms.count_segments(SIG + "字" * 62) == 1  # 70
    assert sms.count_segments(SIG + "字" * 63) == 2  # 71: billed per 67
    assert (
        sms.count_segments(SIG + "a1 ,。" * 25 + "字" * 1) == 2
    )  # Latin, digits, spaces, punctuation: one each
    assert sms.count_segments(SIG + "字" * (134 - 8)) == 2
    assert sms.count_segments(SIG + "字" * (135 - 8)) == 3
    assert sms.count_segments(SIG + "字" * (500 - 8)) == 8


def test_more_than_500_characters_with_the_signature_are_refused_in_chinese(db):
    assert sms.compose("字" * 492, SIG) == SIG + "字" * 492
    with pytest.raises(DomainError) as err:
        sms.compose("字" * 493, SIG)
    assert err.value.code == "sms_too_long" and "501" in err.value.message() and "500" in err.value.message()
    with pytest.raises(DomainError), db.session() as s:
        sms.queue(s, phone=PHONE, text="字" * 493, dedupe_key="long", user_triggered=True)
    assert _count(db) == 0


def test_queued_text_carries_the_signature_from_the_business_settings(db, admin):
    with db.session() as s:
        sms.configure(s, admin, signature="岚皋县公安")
    queued = _queue(db, "字" * 63)  # 【岚皋县公安】 is 7: 70 in all
    msg = _message(db, queued.id)
    assert msg.full_text == "【岚皋县公安】" + "字" * 63 and msg.segments == 1


def test_signature_must_be_three_to_eight_characters_with_chinese(db, admin):
    assert sms.normalize_signature(" 【岚皋县公安局】 ") == SIG
    for bad in ("公安", "ABCDE", "【岚皋县公安局交警大队】"):
        with pytest.raises(DomainError) as err:
            sms.normalize_signature(bad)
        assert "签名" in err.value.message()


# --- refusals and dedupe ----------------------------------------------------------------------------------


def test_an_invalid_number_is_refused_in_chinese_and_nothing_is_stored(db):
    with db.session() as s:
        for bad in ("1381234567", "23812345678", "abc", ""):
            with pytest.raises(ValidationError) as err:
                sms.queue(s, phone=bad, text="您好", dedupe_key=f"bad:{bad}", user_triggered=True)
            assert "手机号码" in err.value.message()
    assert _count(db) == 0


def test_the_same_event_is_texted_once_whatever_is_queued_again(db):
    first = _queue(db, "第一次")
    again = _queue(db, "第二次，内容不同")
    assert first.created and not again.created and again.id == first.id
    assert _count(db) == 1 and _message(db, first.id).text == "第一次"
    gw = FakeGateway()
    sms.deliver_due(db, gw, now=NOON)
    _queue(db, "第三次")  # after it was sent: still nothing new
    sms.deliver_due(db, gw, now=NOON + timedelta(hours=1))
    assert len(gw.calls) == 1 and _count(db) == 1


def test_phone_number_is_normalised_before_it_is_stored(db):
    queued = _queue(db, phone="+86 138-1234-5678")
    assert _message(db, queued.id).phone == PHONE


# --- quiet hours ------------------------------------------------------------------------------------------


def test_texts_not_asked_for_are_held_overnight_and_released_at_seven(db):
    night = _queue(db, "提醒", key="remind", now=bj(1, 22, 30))
    asked = _queue(db, "您查询的进度", key="lookup", user=True, now=bj(1, 22, 30))
    assert night.status == "held" and night.next_attempt_at == bj(2, 7)
    assert asked.status == "queued"
    gw = FakeGateway()
    report = sms.deliver_due(db, gw, now=bj(1, 23))
    assert report.sent == 1 and [t for _, t in gw.calls] == [SIG + "您查询的进度"]
    sms.deliver_due(db, gw, now=bj(2, 6, 59))
    assert len(gw.calls) == 1 and _message(db, night.id).status == "held"
    report = sms.deliver_due(db, gw, now=bj(2, 7))
    assert report.released == 1 and report.sent == 1 and len(gw.calls) == 2
    assert _message(db, night.id).status == "sent"


def test_a_text_queued_before_nine_pm_but_not_sent_by_then_waits_for_the_morning(db):
    late = _queue(db, "提醒", now=bj(1, 20, 59))
    assert late.status == "queued"
    gw = FakeGateway()
    report = sms.deliver_due(db, gw, now=bj(1, 21, 5))
    assert report.held == 1 and gw.calls == []
    msg = _message(db, late.id)
    assert msg.status == "held" and msg.next_attempt_at == bj(2, 7)
    assert sms.deliver_due(db, gw, now=bj(2, 7, 1)).sent == 1


def test_quiet_hours_boundaries():
    assert not sms.is_quiet(bj(1, 7)) and not sms.is_quiet(bj(1, 20, 59))
    assert sms.is_quiet(bj(1, 21)) and sms.is_quiet(bj(1, 6, 59)) and sms.is_quiet(bj(1, 0))
    assert sms.next_release(bj(1, 3)) == bj(1, 7) and sms.next_release(bj(1, 23)) == bj(2, 7)


# --- retries ----------------------------------------------------------------------------------------------


def test_temporary_failures_are_retried_with_back_off_and_sent_exactly_once(db):
    queued = _queue(db)
    gw = FakeGateway(failures=3)
    t0 = NOON
    assert sms.deliver_due(db, gw, now=t0).retrying == 1
    msg = _message(db, queued.id)
    assert (
        msg.status == "queued"
        and msg.next_attempt_at == t0 + timedelta(minutes=1)
        and "故障 1" in msg.last_error
    )
    assert sms.deliver_due(db, gw, now=t0 + timedelta(seconds=59)).retrying == 0  # not due yet
    assert len(gw.calls) == 1
    sms.deliver_due(db, gw, now=t0 + timedelta(minutes=1))  # 2nd attempt fails: 5 minutes
    assert _message(db, queued.id).next_attempt_at == t0 + timedelta(minutes=6)
    sms.deliver_due(db, gw, now=t0 + timedelta(minutes=6))  # 3rd fails: 30 minutes
    assert _message(db, queued.id).next_attempt_at == t0 + timedelta(minutes=36)
    assert sms.deliver_due(db, gw, now=t0 + timedelta(minutes=36)).sent == 1
    for later in (1, 5, 48):
        sms.deliver_due(db, gw, now=t0 + timedelta(hours=later))
    assert len(gw.calls) == 4
    msg = _message(db, queued.id)
    assert (
        msg.status == "sent"
        and msg.attempts == 4
        and msg.provider_message_id == "prov-4"
        and msg.last_error == ""
    )
    assert msg.sent_at == t0 + timedelta(minutes=36) and msg.gateway == "fake"


def test_a_text_fails_after_five_attempts_or_at_once_on_a_permanent_error(db):
    kept = _queue(db, key="a")
    gw = FakeGateway(failures=99)
    at = NOON
    for delay in (*sms.RETRY_DELAYS, timedelta(0)):
        sms.deliver_due(db, gw, now=at)
        at += delay
    assert len(gw.calls) == sms.MAX_ATTEMPTS == 5
    msg = _message(db, kept.id)
    assert msg.status == "failed" and msg.next_attempt_at is None
    sms.deliver_due(db, gw, now=at + timedelta(days=1))
    assert len(gw.calls) == 5

    refused = _queue(db, key="b")
    gw = FakeGateway(failures=1, temporary=False)
    assert sms.deliver_due(db, gw, now=NOON).failed == 1
    assert _message(db, refused.id).status == "failed" and len(gw.calls) == 1


def test_a_gateway_that_is_down_stops_the_run_and_leaves_the_rest_queued(db):
    for i in range(6):
        _queue(db, key=f"k{i}")
    gw = FakeGateway(failures=99)
    report = sms.deliver_due(db, gw, now=NOON)
    assert report.gateway_down and len(gw.calls) == sms.GIVE_UP_AFTER
    with db.session() as s:
        rows = s.execute(select(SmsMessage.status, SmsMessage.attempts)).all()
    assert Counter(r.attempts for r in rows) == {1: 3, 0: 3} and {r.status for r in rows} == {"queued"}


def test_a_sender_that_died_mid_send_is_not_resent_but_can_be_requeued(db, admin):
    queued = _queue(db)
    with db.session() as s:
        msg = s.get(SmsMessage, queued.id)
        msg.status, msg.claimed_by, msg.claimed_at, msg.attempts = "sending", "dead:1", NOON, 1
    gw = FakeGateway()
    assert sms.deliver_due(db, gw, now=NOON + timedelta(minutes=5)).abandoned == 0
    assert sms.deliver_due(db, gw, now=NOON + timedelta(minutes=20)).abandoned == 1
    assert gw.calls == [] and _message(db, queued.id).status == "failed"
    with db.session() as s:
        assert sms_outbox.requeue(s, admin, queued.id, now=NOON + timedelta(minutes=21)).status == "queued"
    assert sms.deliver_due(db, gw, now=NOON + timedelta(minutes=22)).sent == 1 and len(gw.calls) == 1


def test_two_senders_at_once_never_send_a_text_twice(db, db_url):
    for i in range(60):
        _queue(db, f"第{i}条", key=f"event:{i}", phone=f"1380000{i:04d}")
    gw = FakeGateway(delay=0.002)
    other = Database(db_url)
    barrier = threading.Barrier(2)
    reports: list[sms.DeliveryReport] = []
    errors: list[BaseException] = []

    def sender(database: Database, name: str) -> None:
        try:
            barrier.wait()
            reports.append(sms.deliver_due(database, gw, now=NOON, workstation=name))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=sender, args=(d, n)) for d, n in ((db, "ws-a"), (other, "ws-b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    other.dispose()
    assert not errors
    assert len(gw.calls) == 60 and len(set(gw.calls)) == 60
    assert sum(r.sent for r in reports) == 60
    assert all(r.sent > 0 for r in reports)  # both really sent, side by side
    with db.session() as s:
        assert set(s.execute(select(SmsMessage.status)).scalars()) == {"sent"}


# --- the HTTP gateway -------------------------------------------------------------------------------------


class _Provider:
    """A provider on 127.0.0.1: answers with the queued (status, body) pairs and records the requests."""

    def __init__(self, answers: list[tuple[int, dict]], *, delay: float = 0.0) -> None:
        self.answers = list(answers)
        self.requests: list[tuple[dict, dict]] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length", 0))
                provider.requests.append((dict(self.headers), json.loads(self.rfile.read(length))))
                if delay:
                    time.sleep(delay)
                status, body = provider.answers.pop(0) if provider.answers else (200, {"id": "x"})
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider():
    made: list[_Provider] = []

    def make(answers: list[tuple[int, dict]], **kw: float) -> _Provider:
        made.append(_Provider(answers, **kw))
        return made[-1]

    yield make
    for p in made:
        p.close()


def test_http_gateway_retries_after_a_500_and_records_the_provider_id(db, admin, provider, monkeypatch):
    server = provider([(500, {"error": "busy"}), (200, {"data": {"msgid": "prov-77"}})])
    monkeypatch.setenv("JINGWU_TEST_SMS_TOKEN", "s3cret")
    with db.session() as s:
        sms.configure(
            s,
            admin,
            gateway={
                "kind": "http",
                "url": server.url,
                "auth_env": "JINGWU_TEST_SMS_TOKEN",
                "auth_prefix": "Bearer ",
                "body_template": {
                    "mobile": "{phone}",
                    "content": "{content}",
                    "sign": "{signature}",
                    "full": "{text}",
                },
                "id_field": "data.msgid",
                "timeout": 5,
            },
        )
    queued = _queue(db, "您的申请已受理。")
    assert sms.deliver_due(db, now=NOON).retrying == 1
    assert "HTTP 500" in _message(db, queued.id).last_error
    assert sms.deliver_due(db, now=NOON + timedelta(minutes=1)).sent == 1
    msg = _message(db, queued.id)
    assert msg.status == "sent" and msg.provider_message_id == "prov-77" and msg.gateway == "http"
    headers, body = server.requests[-1]
    assert body == {
        "mobile": PHONE,
        "content": "您的申请已受理。",
        "sign": SIG,
        "full": SIG + "您的申请已受理。",
    }
    assert headers["Authorization"] == "Bearer s3cret" and len(server.requests) == 2
    with db.session() as s:
        assert sms.mark_delivered(s, "prov-77", at=NOON + timedelta(minutes=2)) == queued.id
        assert sms.mark_delivered(s, "unknown") is None
    msg = _message(db, queued.id)
    assert msg.status == "delivered" and msg.delivered_at == NOON + timedelta(minutes=2)


def test_http_gateway_400_fails_permanently_after_one_request(db, provider):
    server = provider([(400, {"error": "bad number"})])
    queued = _queue(db)
    report = sms.deliver_due(db, HttpGateway(server.url, timeout=5), now=NOON)
    assert report.failed == 1 and len(server.requests) == 1
    msg = _message(db, queued.id)
    assert msg.status == "failed" and "HTTP 400" in msg.last_error
    sms.deliver_due(db, HttpGateway(server.url, timeout=5), now=NOON + timedelta(hours=3))
    assert len(server.requests) == 1


def test_http_gateway_timeouts_and_refused_connections_are_temporary(provider, monkeypatch):
    slow = provider([(200, {"id": "late"})], delay=1.0)
    with pytest.raises(GatewayError) as err:
        HttpGateway(slow.url, timeout=0.2).send(PHONE, SIG + "x")
    assert err.value.temporary
    closed = provider([])
    url = closed.url
    closed.close()
    with pytest.raises(GatewayError) as err:
        HttpGateway(url, timeout=1).send(PHONE, SIG + "x")
    assert err.value.temporary
    with pytest.raises(GatewayError) as err:  # the credential's variable is not set on this machine
        HttpGateway(url, auth_env="JINGWU_UNSET_VARIABLE_FOR_TEST").send(PHONE, SIG + "x")
    assert err.value.temporary and "JINGWU_UNSET_VARIABLE_FOR_TEST" in str(err.value)


def test_gateway_settings_need_sms_manage_and_never_hold_a_secret(db, admin, clerk):
    with pytest.raises(PermissionDenied), db.session() as s:
        sms.configure(s, clerk, gateway={"kind": "file"})
    for bad in (
        {"kind": "http", "url": "ftp://x"},
        {"kind": "http", "url": "https://sms.example.cn/send", "token": "abc"},
        {"kind": "http", "url": "https://sms.example.cn/send", "headers": {"X-Api-Key": "abc"}},
        {"kind": "carrier-pigeon"},
    ):
        with pytest.raises(DomainError) as err, db.session() as s:
            sms.configure(s, admin, gateway=bad)
        assert err.value.code == "sms_gateway_invalid"
    with db.session() as s:
        assert isinstance(sms.gateway_for(s), FileGateway)
        sms.configure(
            s, admin, gateway={"kind": "http", "url": "https://sms.example.cn/send", "auth_env": "T"}
        )
    with db.session() as s:
        assert isinstance(sms.gateway_for(s), HttpGateway)


def test_the_file_gateway_appends_json_lines_in_the_data_folder(db, tmp_path):
    queued = _queue(db, user=True)
    gw = FileGateway(tmp_path / "out.log")
    sms.deliver_due(db, gw, now=NOON)
    line = json.loads((tmp_path / "out.log").read_text(encoding="utf-8").splitlines()[0])
    assert line["phone"] == PHONE and line["text"] == SIG + "您的申请已受理。"
    assert _message(db, queued.id).provider_message_id == line["id"]
    assert FileGateway().path.name == "sms_outbox.log"


# --- templates and the outbox screen ----------------------------------------------------------------------


def test_render_template_fills_placeholders_and_names_a_missing_one():
    assert (
        sms.render_template("{name}您好，受理号{no}。{{回复}}", {"name": "张三", "no": 42})
        == "张三您好，受理号42。{回复}"
    )
    with pytest.raises(DomainError) as err:
        sms.render_template("{name}您好，受理号{no}", {"name": "张三"})
    assert err.value.code == "sms_template_missing" and "no" in err.value.message()
    for bad in ("{a.__class__}", "{未闭合", "{0}"):
        with pytest.raises(DomainError):
            sms.render_template(bad, {"a": 1})


def test_outbox_lists_masked_numbers_for_sms_view_only(db, admin, clerk, supervisor):
    queued = _queue(db)
    with db.session() as s:
        rows = sms_outbox.list_outbox(s, admin)
        assert [r.phone for r in rows] == ["138****5678"] and rows[0].id == queued.id
        assert sms_outbox.status_counts(s, admin)["queued"] == 1
        assert sms_outbox.list_outbox(s, supervisor, unmask=True)[0].phone == PHONE
        assert sms_outbox.list_outbox(s, admin, related=("application", 1))[0].id == queued.id
    with pytest.raises(PermissionDenied), db.session() as s:
        sms_outbox.list_outbox(s, clerk)
    with pytest.raises(PermissionDenied), db.session() as s:
        sms_outbox.list_outbox(s, admin, unmask=True)  # the administrator may not see full numbers
    with pytest.raises(DomainError) as err, db.session() as s:
        sms_outbox.requeue(s, admin, queued.id)
    assert err.value.code == "invalid_state"
