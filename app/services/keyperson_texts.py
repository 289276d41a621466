"""Texts to keepers through the shared SMS outbox, one statement for all of a warning's phones.

The same rows :func:`app.services.sms.queue` writes (signature from the business settings, the carriers'
segment count, held for the morning unless urgent, ``dedupe_key`` naming the event and the phone, so a text
is never queued twice), but inserted with one ``INSERT ... ON CONFLICT (dedupe_key) DO NOTHING`` instead of a
savepoint per phone: a sweep that raises a thousand warnings queues five thousand texts, and a savepoint each
(with the change-log bookkeeping every commit does) cost 20 ms a text here. Numbers that are not mobiles are
skipped (a landline cannot receive a text); the caller learns how many were queued.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.core.normalize import normalize_phone
from app.core.validators import check_mobile
from app.models.db import mark_changed
from app.models.messaging import SMS_HELD, SMS_QUEUED, SmsMessage
from app.services import sms
from app.services.sms_text import aware, compose, count_segments, is_quiet, next_release

log = logging.getLogger(__name__)
_T = cast(Table, SmsMessage.__table__)
_SIGNATURE = "kp_sms_signature"


def text_rows(
    session: Session,
    phones: Iterable[str],
    text: str,
    *,
    key: str,
    user_triggered: bool,
    related: tuple[str, Any],
    now: datetime,
) -> list[dict[str, Any]]:
    """The outbox rows for ``text`` to each phone (not yet written; see :func:`insert_texts`)."""
    sig = session.info.get(_SIGNATURE) or sms.current_settings(session).signature
    session.info[_SIGNATURE] = sig  # read once per transaction (a sweep queues thousands)
    full = compose(text, sig)
    at = aware(now)
    hold = not user_triggered and is_quiet(at)
    rows = []
    for raw in dict.fromkeys(phones):
        try:
            number = normalize_phone(raw)
        except ValueError:
            number = None
        if not number or check_mobile(number) is not None:
            log.warning("%s: a keeper's phone is not a mobile number; no text queued", key)
            continue
        rows.append(
            {
                "phone": number,
                "text": full[len(sig) :],
                "signature": sig,
                "segments": count_segments(full),
                "status": SMS_HELD if hold else SMS_QUEUED,
                "attempts": 0,
                "next_attempt_at": next_release(at) if hold else at,
                "last_error": "",
                "gateway": "",
                "provider_message_id": None,
                "user_triggered": user_triggered,
                "dedupe_key": f"{key}:{number}"[:200],
                "entity": related[0],
                "entity_id": str(related[1]),
                "claimed_by": None,
                "claimed_at": None,
                "created_at": at,
                "sent_at": None,
                "delivered_at": None,
            }
        )
    return rows


def insert_texts(session: Session, rows: list[dict[str, Any]]) -> int:
    """Write outbox rows whose dedupe key is new; returns how many were written."""
    if not rows:
        return 0
    keys = [r["dedupe_key"] for r in rows]
    taken: set[str] = set()
    for i in range(0, len(keys), 500):
        taken.update(
            session.execute(select(_T.c.dedupe_key).where(_T.c.dedupe_key.in_(keys[i : i + 500]))).scalars()
        )
    fresh = list({r["dedupe_key"]: r for r in rows if r["dedupe_key"] not in taken}.values())
    if not fresh:
        return 0
    maker = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # executemany of one cached statement; a text another workstation queued meanwhile is skipped, not doubled
    session.execute(maker(_T).on_conflict_do_nothing(index_elements=["dedupe_key"]), fresh)
    mark_changed(session, "sms_message")
    return len(fresh)


def queue_texts(
    session: Session,
    phones: Iterable[str],
    text: str,
    *,
    key: str,
    user_triggered: bool,
    related: tuple[str, Any],
    now: datetime,
) -> int:
    """Queue ``text`` to each phone once (dedupe key ``{key}:{phone}``); returns how many rows were new."""
    rows = text_rows(session, phones, text, key=key, user_triggered=user_triggered, related=related, now=now)
    return insert_texts(session, rows)
