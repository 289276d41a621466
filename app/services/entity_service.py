"""The generic, spec-driven service behind every declarative screen: list, read, validate, save, delete, export.

Every function takes the session, the acting user and the :class:`EntitySpec`, checks the spec's permission
for the action, and returns plain data (:class:`Row`, :class:`Saved`), never ORM objects.

Large lists are paged in SQL with keysets. The order of a list is always ``(sort column, id)``; a nullable
sort column is split into two *segments* (the rows without a value, then the rows with one; reversed when
descending) so that every query inside a segment is a plain index range on both SQLite and PostgreSQL, and
NULL ordering never differs between the backends. A random-access table model uses it like this::

    total = count(s, actor, spec, q)
    first = page(s, actor, spec, q, 0, 200)
    keys = keys_at(s, actor, spec, q, 200)            # one recursive query, in the background
    after, skip = anchor_for(keys, 200, row)          # jump to any row: a seek + OFFSET < 200
    rows = page_after(s, actor, spec, q, after, 200, offset=skip)
    last = page_from_end(s, actor, spec, q, 200)      # Ctrl+End

Prefix searches go through :func:`prefix_match`, which renders an index range on SQLite (SQLAlchemy's
``startswith`` renders ``LIKE ? || '%'``, which SQLite never serves from an index) and ``LIKE`` elsewhere
(a range is only a prefix match under a binary collation).

Audit records keep the true values (investigations need them); log lines never carry field values.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from sqlalchemy import Boolean, ColumnElement, Select, String, Text, bindparam, func, insert, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.functions import FunctionElement

from app.core.errors import ConflictError, DomainError, NotFound, PermissionDenied, ValidationError
from app.core.masking import is_masked, mask_id_number, mask_phone
from app.core.normalize import (
    normalize_id_number,
    normalize_phone,
    normalize_text,
    parse_date,
    strip_controls,
)
from app.core.validators import check_id_number, check_landline, check_mobile
from app.models.accounts import User
from app.models.base import utcnow
from app.models.db import mark_changed
from app.models.permissions import PERMISSION_NAMES, PII_UNMASK
from app.services import audit
from app.services.context import Actor
from app.services.entity_spec import (
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    DECIMAL,
    ID_NUMBER,
    INT,
    MULTILINE,
    PHONE,
    EntitySpec,
    Field,
    Query,
    Row,
    Saved,
)
from app.services.permissions import has, require

log = logging.getLogger(__name__)

Key = tuple[Any, int]
PII_KINDS = (ID_NUMBER, PHONE)
BULK_CHUNK = 5000
BULK_CACHE_KIB = 65_536  # SQLite page cache during bulk loads (64 MB; restored afterwards)


class ProgressLike(Protocol):
    """What long work reports to (duck-typed :class:`app.views.common.run_op.Progress`)."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None: ...


# ---------------------------------------------------------------------------------------------------------
# SQL helpers usable in EntitySpec.search / Filter.apply
# ---------------------------------------------------------------------------------------------------------


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _successor(text: str) -> str:
    """The smallest string greater than every string starting with ``text`` (code point order)."""
    if not text:
        return "\U0010ffff"
    last = ord(text[-1])
    if last >= 0x10FFFF:
        return text + "\U0010ffff"
    return text[:-1] + chr(last + 1)


class prefix_match(FunctionElement[bool]):  # noqa: N801 - reads like the SQL function it stands for
    """``column`` starts with ``prefix``: an index range on SQLite, ``LIKE 'x%'`` on other backends."""

    type = Boolean()
    inherit_cache = True
    name = "prefix_match"
    _is_implicitly_boolean = True  # a comparison: no "= 1" on SQLite, which would hide the index

    def __init__(self, column: Any, prefix: str) -> None:
        super().__init__(
            column,
            bindparam(None, prefix, type_=String()),
            bindparam(None, _successor(prefix), type_=String()),
            bindparam(None, _escape_like(prefix) + "%", type_=String()),
        )


@compiles(prefix_match, "sqlite")
def _prefix_match_sqlite(element: prefix_match, compiler: Any, **kw: Any) -> str:
    col, low, high, _pattern = list(element.clauses)
    c = compiler.process(col, **kw)
    return f"({c} >= {compiler.process(low, **kw)} AND {c} < {compiler.process(high, **kw)})"


@compiles(prefix_match)
def _prefix_match_default(element: prefix_match, compiler: Any, **kw: Any) -> str:
    col, _low, _high, pattern = list(element.clauses)
    return compiler.process(col.like(pattern, escape="\\"), **kw)


def suffix_match(column: Any, suffix: str) -> ColumnElement[bool]:
    """``column`` ends with ``suffix`` (a scan: keep it for narrow columns such as ID numbers)."""
    return column.like(bindparam(None, "%" + _escape_like(suffix), type_=String()), escape="\\")


def contains_match(column: Any, text: str) -> ColumnElement[bool]:
    """``column`` contains ``text`` anywhere (a scan)."""
    return column.like(bindparam(None, "%" + _escape_like(text) + "%", type_=String()), escape="\\")


# ---------------------------------------------------------------------------------------------------------
# Permissions and statements
# ---------------------------------------------------------------------------------------------------------


def _require_action(session: Session, actor: Actor, spec: EntitySpec, action: str) -> None:
    permission = spec.permissions.get(action)
    if permission is None:  # an action the declaration does not offer is refused, never allowed
        audit.record_denied(session, actor, "permission", detail=f"{spec.key}.{action}", entity=spec.key)
        raise PermissionDenied(action=f"{spec.title}：{action}", permission=f"{spec.key}.{action}")
    require(session, actor, permission)


def _col(spec: EntitySpec, name: str) -> Any:
    return getattr(spec.model, name)


def _base(session: Session, actor: Actor, spec: EntitySpec) -> Select[Any]:
    if spec.base_query is not None:
        return spec.base_query(session, actor).order_by(None)
    return select(spec.model)


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, tuple | list | set | frozenset):
        return all(_is_blank(v) for v in value)
    return False


def _filtered(session: Session, actor: Actor, spec: EntitySpec, query: Query) -> Select[Any]:
    stmt = _base(session, actor, spec)
    words = strip_controls(query.text or "")
    if spec.search is not None and words.strip():
        stmt = spec.search(stmt, words)
    by_name = {f.name: f for f in spec.filters}
    for name, value in query.filters.items():
        flt = by_name.get(name)
        if flt is not None and not _is_blank(value):
            stmt = flt.apply(stmt, value)
    return stmt


def _select_cols(stmt: Select[Any], *cols: Any) -> Select[Any]:
    return stmt.with_only_columns(*cols, maintain_column_froms=True)


# ---------------------------------------------------------------------------------------------------------
# Ordering: (sort column, id), split into NULL / non-NULL segments for nullable columns
# ---------------------------------------------------------------------------------------------------------

_ALL, _NULLS, _VALUES = "all", "nulls", "values"
SMALL_RESULT = 5_000  # a narrowed list this small is paged from its filter's index (SQLite, see _Order)
KEYS_READ_ALL = 100_000  # keys_at reads a narrowed list this small in one sorted query
_size_cache: dict[tuple[Any, ...], int] = {}


class _unindexed(FunctionElement[Any]):  # noqa: N801
    """``+column`` on SQLite: the same value, but the query planner may not walk an index for it."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_unindexed, "sqlite")
def _unindexed_sqlite(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(list(element.clauses)[0], **kw)


@compiles(_unindexed)
def _unindexed_default(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(list(element.clauses)[0], **kw))


@dataclass(frozen=True)
class _Order:
    """The list order. ``hinted``: keep SQLite from walking the sort index for a narrow filter.

    SQLite has no statistics here, so for ``WHERE name LIKE '王伟%' AND id < ? ORDER BY id`` it walks the
    primary key and tests every row (90 ms for 500 matches in a million) instead of reading the 500 from
    the name index and sorting them (0.3 ms). When a capped count says the filtered list is small, the sort
    columns are written ``+col`` so only the filter's index is usable. PostgreSQL plans from statistics.
    """

    spec: EntitySpec
    name: str  # sort field name, or "id"
    descending: bool
    hinted: bool = False

    @property
    def by_id(self) -> bool:
        return self.name == "id"

    @property
    def column(self) -> Any:
        return _col(self.spec, self.name)

    @property
    def id_col(self) -> Any:
        return _col(self.spec, "id")

    @property
    def nullable(self) -> bool:
        if self.by_id:
            return False
        return bool(getattr(self.column, "nullable", True))

    def _c(self, col: Any) -> Any:
        return _unindexed(col) if self.hinted else col

    def segments(self, reverse: bool = False) -> list[tuple[str, bool]]:
        """Segments in list order as (segment, descending); ``reverse`` walks the list from its end."""
        desc = self.descending != reverse
        if not self.nullable:
            return [(_ALL, desc)]
        # Ascending lists put the rows without a value first (SQLite's own order for NULL).
        forward = [_VALUES, _NULLS] if self.descending else [_NULLS, _VALUES]
        segs = list(reversed(forward)) if reverse else forward
        return [(seg, desc) for seg in segs]

    def segment_of(self, key: Key) -> str:
        if not self.nullable:
            return _ALL
        return _NULLS if key[0] is None else _VALUES

    def order_cols(self, seg: str, desc: bool) -> list[Any]:
        cols = [self.id_col] if (self.by_id or seg == _NULLS) else [self.column, self.id_col]
        cols = [self._c(c) for c in cols]
        return [c.desc() for c in cols] if desc else [c.asc() for c in cols]

    def where(self, seg: str) -> ColumnElement[bool] | None:
        if seg == _NULLS:
            return self.column.is_(None)  # type: ignore[no-any-return]
        if seg == _VALUES:
            return self.column.is_not(None)  # type: ignore[no-any-return]
        return None

    def after(self, seg: str, desc: bool, key: Key) -> ColumnElement[bool]:
        """Rows after ``key`` in this segment's order."""
        id_bind = bindparam(None, key[1], type_=self.id_col.type)
        if self.by_id or seg == _NULLS:
            ident = self._c(self.id_col)
            return (ident < id_bind) if desc else (ident > id_bind)  # type: ignore[no-any-return]
        value = bindparam(None, key[0], type_=self.column.type)
        left = tuple_(self._c(self.column), self._c(self.id_col))
        right = tuple_(value, id_bind)
        return (left < right) if desc else (left > right)

    def after_columns(self, seg: str, desc: bool, value: Any, ident: Any) -> ColumnElement[bool]:
        """Rows after the key held in other columns (the previous row of a recursive query)."""
        if self.by_id or seg == _NULLS:
            return (self.id_col < ident) if desc else (self.id_col > ident)  # type: ignore[no-any-return]
        left = tuple_(self.column, self.id_col)
        right = tuple_(value, ident)
        return (left < right) if desc else (left > right)

    def key_cols(self) -> list[Any]:
        return [(self.id_col if self.by_id else self.column).label("_k0"), self.id_col.label("_k1")]

    def key_of(self, seg: str, mapping: Mapping[Any, Any]) -> Key:
        return (None if seg == _NULLS else mapping["_k0"], mapping["_k1"])


def _narrowed(spec: EntitySpec, query: Query) -> bool:
    if spec.base_query is not None or (query.text and query.text.strip()):
        return True
    return any(not _is_blank(v) for v in query.filters.values())


def _order(
    spec: EntitySpec,
    query: Query,
    session: Session | None = None,
    actor: Actor | None = None,
    base: Select[Any] | None = None,
    *,
    small: int = 0,
) -> _Order:
    """The list's order; with a session, hinted on SQLite when the narrowed list has <= ``small`` rows."""
    name, desc = (query.sort, query.descending) if query.sort else spec.default_sort
    if name != "id":
        try:
            if not spec.field(name).sortable:
                name, desc = spec.default_sort
        except KeyError:
            name, desc = spec.default_sort
    hinted = False
    if session is not None and base is not None and session.get_bind().dialect.name == "sqlite":
        size = _narrowed_size(session, actor, spec, query, base)
        hinted = size is not None and size <= (small or SMALL_RESULT)
    return _Order(spec, name, desc, hinted)


def _narrowed_size(
    session: Session, actor: Actor | None, spec: EntitySpec, query: Query, base: Select[Any]
) -> int | None:
    """Rows of a narrowed list, counted up to KEYS_READ_ALL + 1 (None when nothing narrows it).

    Remembered per query: it only picks a plan, so a count that has drifted since is harmless.
    """
    if not _narrowed(spec, query):
        return None
    bind = session.get_bind()
    filters = tuple(sorted((k, repr(v)) for k, v in query.filters.items()))
    key = (id(bind), spec.key, actor.user_id if actor else None, query.text, filters)
    known = _size_cache.get(key)
    if known is None:
        capped = _select_cols(base, _col(spec, "id")).limit(KEYS_READ_ALL + 1).subquery()
        known = int(session.execute(select(func.count()).select_from(capped)).scalar_one())
        if len(_size_cache) > 256:
            _size_cache.clear()
        _size_cache[key] = known
    return known


def _segment_stmt(
    base: Select[Any],
    order: _Order,
    seg: str,
    desc: bool,
    cols: Sequence[Any],
    after: Key | None,
) -> Select[Any]:
    stmt = _select_cols(base, *cols)
    cond = order.where(seg)
    if cond is not None:
        stmt = stmt.where(cond)
    if after is not None:
        stmt = stmt.where(order.after(seg, desc, after))
    return stmt.order_by(*order.order_cols(seg, desc))


def _walk(
    session: Session,
    base: Select[Any],
    order: _Order,
    *,
    after: Key | None,
    offset: int,
    limit: int,
    reverse: bool = False,
) -> list[tuple[str, Key]]:
    """Keys after ``after`` (or from the start), skipping ``offset``, across segments: (segment, key).

    Only the sort column and id are read, so an index covers the walk and OFFSET skips index entries,
    not table rows; the rows themselves are fetched by id afterwards (a "deferred join").
    """
    out: list[tuple[str, Key]] = []
    segments = order.segments(reverse)
    start = 0
    if after is not None:
        mine = order.segment_of(after)
        start = next((i for i, (s, _) in enumerate(segments) if s == mine), len(segments))
    cols = order.key_cols()
    for i in range(start, len(segments)):
        if limit <= 0:
            break
        seg, desc = segments[i]
        seg_after = after if (after is not None and i == start) else None
        stmt = _segment_stmt(base, order, seg, desc, cols, seg_after)
        rows = session.execute(stmt.offset(offset or None).limit(limit)).all()
        if not rows and offset:
            # The offset ran past this segment: take off what it held and carry on with the rest.
            held = session.execute(
                select(func.count()).select_from(stmt.order_by(None).limit(offset).subquery())
            ).scalar_one()
            offset -= held
            continue
        offset = 0
        out.extend((seg, order.key_of(seg, r._mapping)) for r in rows)
        limit -= len(rows)
    return out


def anchor_for(keys: Sequence[Key], step: int, row: int) -> tuple[Key | None, int]:
    """Where row ``row`` starts, given ``keys_at(..., step)``: (key to page after, rows to skip)."""
    block = row // step
    if block == 0 or not keys:
        return None, row
    block = min(block, len(keys))
    return keys[block - 1], row - block * step


# ---------------------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------------------


def _row_cols(spec: EntitySpec) -> list[Any]:
    names = ["id", "version"] + [f.name for f in spec.fields]
    if spec.label_field not in names:
        names.append(spec.label_field)
    return [_col(spec, n) for n in names]


def mask_value(kind: str, value: Any) -> Any:
    """The masked form of an ID number or phone; other values unchanged."""
    if value in (None, ""):
        return value
    if kind == ID_NUMBER:
        return mask_id_number(value)
    if kind == PHONE:
        return mask_phone(value)
    return value


def _to_row(spec: EntitySpec, mapping: Mapping[Any, Any], *, masked: bool, key: Key | None = None) -> Row:
    values: dict[str, Any] = {}
    for f in spec.fields:
        value = mapping[f.name]
        values[f.name] = mask_value(f.kind, value) if (masked and f.kind in PII_KINDS) else value
    label = mapping[spec.label_field]
    if masked and spec.label_field in values:
        label = values[spec.label_field]
    return Row(
        id=mapping["id"],
        version=mapping["version"],
        values=values,
        label="" if label is None else str(label),
        key=key,
    )


def count(session: Session, actor: Actor, spec: EntitySpec, query: Query) -> int:
    """Number of rows the list shows."""
    _require_action(session, actor, spec, "view")
    stmt = _select_cols(_filtered(session, actor, spec, query), func.count())
    return int(session.execute(stmt).scalar_one())


def _rows_by_id(
    session: Session, spec: EntitySpec, found: list[tuple[str, Key]], *, masked: bool
) -> list[Row]:
    """The rows of the keys a walk found, in the walk's order (the second half of the deferred join)."""
    if not found:
        return []
    ids = [key[1] for _, key in found]
    id_col = _col(spec, "id")
    fetched = {
        r._mapping["id"]: r._mapping for r in session.execute(select(*_row_cols(spec)).where(id_col.in_(ids)))
    }
    return [_to_row(spec, fetched[key[1]], masked=masked, key=key) for _, key in found if key[1] in fetched]


def _list_rows(
    session: Session,
    actor: Actor,
    spec: EntitySpec,
    query: Query,
    *,
    after: Key | None,
    offset: int,
    limit: int,
    reverse: bool = False,
) -> list[Row]:
    _require_action(session, actor, spec, "view")
    if limit <= 0:
        return []
    base = _filtered(session, actor, spec, query)
    # The first page needs no hint: without a keyset bound SQLite already reads a narrow filter's index.
    jumping = after is not None or offset > 0
    order = _order(spec, query, session if jumping else None, actor, base)
    found = _walk(session, base, order, after=after, offset=max(0, offset), limit=limit, reverse=reverse)
    rows = _rows_by_id(session, spec, found, masked=True)
    if reverse:
        rows.reverse()
    return rows


def page(
    session: Session, actor: Actor, spec: EntitySpec, query: Query, offset: int, limit: int
) -> list[Row]:
    """Rows ``offset .. offset+limit`` of the list (OFFSET walks the index: prefer keys for far jumps)."""
    return _list_rows(session, actor, spec, query, after=None, offset=offset, limit=limit)


def page_after(
    session: Session,
    actor: Actor,
    spec: EntitySpec,
    query: Query,
    after: Key | None,
    limit: int,
    *,
    offset: int = 0,
) -> list[Row]:
    """Up to ``limit`` rows following the row with key ``after`` (from the start when None), minus ``offset``."""
    return _list_rows(session, actor, spec, query, after=after, offset=offset, limit=limit)


def page_from_end(
    session: Session, actor: Actor, spec: EntitySpec, query: Query, limit: int, *, offset: int = 0
) -> list[Row]:
    """The last ``limit`` rows (skipping the final ``offset``), in list order: Ctrl+End without a walk."""
    return _list_rows(session, actor, spec, query, after=None, offset=offset, limit=limit, reverse=True)


def keys_at(session: Session, actor: Actor, spec: EntitySpec, query: Query, step: int) -> list[Key]:
    """Keys of rows ``step-1, 2*step-1, ...``: ``keys[i]`` is what block ``i+1`` pages after.

    Each key is one index seek from the previous one plus an OFFSET of ``step-1`` index entries (a chain
    of tiny queries beats a window function over the whole index by 4-6x on SQLite); a small filtered list
    is read in one go. With these anchors any row is a seek plus an OFFSET below ``step``
    (see :func:`anchor_for`).
    """
    _require_action(session, actor, spec, "view")
    if step <= 0:
        raise ValueError("step must be positive")
    base = _filtered(session, actor, spec, query)
    size = _narrowed_size(session, actor, spec, query, base)
    order = _order(spec, query, session, actor, base, small=KEYS_READ_ALL)
    segments = order.segments()
    cols = order.key_cols()
    if size is not None and size <= KEYS_READ_ALL:
        # A narrowed list: reading its keys from the filter's index and sorting them beats walking the
        # whole sort index and testing every row (20,000 张 sorted by birth date: 0.25 s instead of 3.5 s).
        every: list[Key] = []
        for seg, desc in segments:
            stmt = _segment_stmt(base, order, seg, desc, cols, None)
            every.extend(order.key_of(seg, r._mapping) for r in session.execute(stmt))
        return every[step - 1 :: step]
    keys: list[Key] = []
    before = 0  # rows in the segments already walked
    for i, (seg, desc) in enumerate(segments):
        first_at = (step - 1 - before) % step
        found = _chain_keys(session, base, order, seg, desc, first_at, step)
        keys.extend(found)
        if i + 1 < len(segments):
            id_only = [_col(spec, "id")]
            if not found:  # fewer rows than first_at + 1
                capped = _segment_stmt(base, order, seg, desc, id_only, None).limit(first_at + 1)
                before += session.execute(select(func.count()).select_from(capped.subquery())).scalar_one()
            else:
                rest = _segment_stmt(base, order, seg, desc, id_only, found[-1]).limit(step)
                tail = session.execute(select(func.count()).select_from(rest.subquery())).scalar_one()
                before += first_at + (len(found) - 1) * step + 1 + tail
    return keys


def _chain_keys(
    session: Session, base: Select[Any], order: _Order, seg: str, desc: bool, first_at: int, step: int
) -> list[Key]:
    """Every ``step``-th key of one segment from ``first_at``, in ONE recursive query.

    Each step is an index seek after the previous key plus an OFFSET of ``step-1`` index entries, so the
    whole index is walked once without materialising it (4-6x quicker than ``row_number()`` on SQLite) and
    without a round trip per key.
    """
    cols = order.key_cols()
    first = _segment_stmt(base, order, seg, desc, cols, None).offset(first_at or None).limit(1).subquery()
    chain = select(first.c._k0, first.c._k1).cte("anchor_chain", recursive=True)
    table = order.spec.model.__table__  # type: ignore[attr-defined]
    nxt = table.alias("anchor_next")
    id_name = order.id_col.expression.name
    value_col = nxt.c[id_name] if order.by_id else nxt.c[order.column.expression.name]
    following = (
        _segment_stmt(base, order, seg, desc, [order.id_col], None)
        .where(order.after_columns(seg, desc, chain.c._k0, chain.c._k1))
        .offset(step - 1)
        .limit(1)
        .scalar_subquery()
    )
    chain = chain.union_all(
        select(value_col.label("_k0"), nxt.c[id_name].label("_k1"))
        .select_from(chain)
        .join(nxt, nxt.c[id_name] == following)
    )
    return [order.key_of(seg, r._mapping) for r in session.execute(select(chain.c._k0, chain.c._k1))]


def _load(session: Session, actor: Actor, spec: EntitySpec, ident: int) -> Any:
    obj = session.execute(
        _select_cols(_base(session, actor, spec), spec.model).where(_col(spec, "id") == ident)
    ).scalar_one_or_none()
    if obj is None:
        raise NotFound(entity=spec.title, id=ident)
    return obj


def _obj_mapping(spec: EntitySpec, obj: Any) -> dict[str, Any]:
    names = ["id", "version", spec.label_field] + [f.name for f in spec.fields]
    return {n: getattr(obj, n) for n in names}


def _pii_fields(spec: EntitySpec, mapping: Mapping[Any, Any]) -> list[str]:
    return [f.name for f in spec.fields if f.kind in PII_KINDS and mapping.get(f.name)]


def get(session: Session, actor: Actor, spec: EntitySpec, ident: int, *, unmasked: bool = False) -> Row:
    """One record. ID numbers and phones are masked unless ``unmasked`` and the actor may see them
    (an audited "unmask"); without the permission the masked row comes back and nothing is refused."""
    _require_action(session, actor, spec, "view")
    mapping = session.execute(
        _select_cols(_base(session, actor, spec), *_row_cols(spec)).where(_col(spec, "id") == ident)
    ).one_or_none()
    if mapping is None:
        raise NotFound(entity=spec.title, id=ident)
    values = mapping._mapping
    show = unmasked and has(session, actor, PII_UNMASK)
    if show:
        fields = _pii_fields(spec, values)
        if fields:
            _audit_unmask(session, actor, spec, ident, fields)
    return _to_row(spec, values, masked=not show)


def _audit_unmask(session: Session, actor: Actor, spec: EntitySpec, ident: int, fields: list[str]) -> None:
    labels = "、".join(spec.field(n).label for n in fields)
    audit.record(
        session, actor, "unmask", entity=spec.key, entity_id=ident, new={"fields": fields}, detail=labels
    )


def unmask(session: Session, actor: Actor, spec: EntitySpec, ident: int, field: str) -> str:
    """The full value of one ID-number or phone field; needs PII_UNMASK and is audited."""
    _require_action(session, actor, spec, "view")
    require(session, actor, PII_UNMASK)
    f = spec.field(field)
    if f.kind not in PII_KINDS:
        raise ValueError(f"{field} is not a masked field")
    value = session.execute(
        _select_cols(_base(session, actor, spec), _col(spec, field)).where(_col(spec, "id") == ident)
    ).one_or_none()
    if value is None:
        raise NotFound(entity=spec.title, id=ident)
    _audit_unmask(session, actor, spec, ident, [field])
    return "" if value[0] is None else str(value[0])


# ---------------------------------------------------------------------------------------------------------
# Normalising and validating
# ---------------------------------------------------------------------------------------------------------

_TRUE = {"1", "是", "true", "yes", "y", "√", "对"}
_FALSE = {"0", "否", "false", "no", "n", "×", "x", "错"}


def _to_int(raw: Any) -> int | None:
    if isinstance(raw, bool):
        raise ValueError("请填写整数")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise ValueError("请填写整数")
    text = normalize_text(raw, half_width_punctuation=True)
    if text is None:
        return None
    text = text.replace(",", "")
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"“{text[:20]}”不是整数") from None


def _to_decimal(raw: Any) -> Decimal | None:
    value = _parse_decimal(raw)
    if value is not None and not value.is_finite():  # NaN, Infinity: no amount, and NaN breaks comparisons
        raise ValueError(f"“{str(raw)[:20]}”不是有效的数字")
    return value


def _parse_decimal(raw: Any) -> Decimal | None:
    if isinstance(raw, bool):
        raise ValueError("请填写数字")
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = normalize_text(raw, half_width_punctuation=True)
    if text is None:
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"“{text[:20]}”不是数字") from None


def _to_bool(raw: Any) -> bool | None:
    if isinstance(raw, bool) or raw is None:
        return raw
    if isinstance(raw, int | float):
        return bool(raw)
    text = normalize_text(raw, half_width_punctuation=True)
    if text is None:
        return None
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise ValueError("请填写“是”或“否”")


def _to_datetime(raw: Any) -> datetime | None:
    if isinstance(raw, datetime) or raw is None:
        return raw
    if isinstance(raw, date):
        return datetime(raw.year, raw.month, raw.day)
    text = normalize_text(raw, half_width_punctuation=True)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        d = parse_date(text)
        return None if d is None else datetime(d.year, d.month, d.day)


def normalize_field(field: Field, raw: Any) -> Any:
    """One raw value (form text, Excel cell) in its stored form; ValueError carries a Chinese reason."""
    if field.normalizer is not None:
        return field.normalizer(raw)
    kind = field.kind
    if kind == ID_NUMBER:
        return normalize_id_number(raw)
    if kind == PHONE:
        return normalize_phone(raw)
    if kind == DATE:
        return parse_date(raw)
    if kind == DATETIME:
        return _to_datetime(raw)
    if kind == INT:
        return _to_int(raw)
    if kind == DECIMAL:
        return _to_decimal(raw)
    if kind == BOOL:
        return _to_bool(raw)
    if kind == MULTILINE:
        return normalize_text(raw, multiline=True)
    if isinstance(raw, str) or raw is None:
        return normalize_text(raw)
    return raw


class ChoiceCache:
    """Choices read once per operation (an import checks thousands of rows against the same lists)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._plain: dict[str, list[tuple[Any, str]]] = {}
        self._narrowed: dict[tuple[str, Any], list[tuple[Any, str]]] = {}

    def choices(self, field: Field) -> list[tuple[Any, str]]:
        if field.name not in self._plain:
            ch = field.choices
            self._plain[field.name] = list(ch(self.session) if callable(ch) else ch)
        return self._plain[field.name]

    def narrowed(self, field: Field, parent: Any) -> list[tuple[Any, str]] | None:
        if field.choices_for is None or field.depends_on is None or parent in (None, ""):
            return None
        key = (field.name, parent)
        if key not in self._narrowed:
            self._narrowed[key] = list(field.choices_for(self.session, parent))
        return self._narrowed[key]

    def labels(self, field: Field) -> dict[Any, str]:
        return {v: lbl for v, lbl in self.choices(field)}


def _label_key(text: str) -> str:
    return (normalize_text(text, half_width_punctuation=True) or "").replace(" ", "")


def _resolve_choice(field: Field, value: Any, options: list[tuple[Any, str]]) -> tuple[Any, str | None]:
    """Accept a value or its label (Excel files hold labels); return (stored value, error)."""
    if value in (None, ""):
        return None, None
    for v, _ in options:
        if v == value or str(v) == str(value):
            return v, None
    wanted = _label_key(str(value))
    matches = [v for v, lbl in options if _label_key(lbl) == wanted]
    if len(matches) == 1:
        return matches[0], None
    if len(matches) > 1:
        return None, f"“{value}”对应多个{field.label}，请填写代码"
    return None, f"“{value}”不是有效的{field.label}"


def _max_length(spec: EntitySpec, field: Field) -> int | None:
    if field.max_length is not None:
        return field.max_length
    col = getattr(spec.model, field.name, None)
    length = getattr(getattr(col, "type", None), "length", None)
    return length if isinstance(length, int) else None


def clean_values(
    session: Session,
    spec: EntitySpec,
    raw: Mapping[str, Any],
    *,
    stored: Mapping[str, Any] | None = None,
    choices: ChoiceCache | None = None,
    check_unique: bool = True,
    record_id: int | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Normalise ``raw`` over ``stored`` (an update) and check every rule; returns (values, field errors).

    ``values`` holds every spec field. Errors are Chinese messages keyed by field name. Masked values sent
    back by a form (``610925********1234``) mean "unchanged"; a field that is not ``editable`` may not change
    after creation.
    """
    choices = choices or ChoiceCache(session)
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for f in spec.fields:
        if stored is not None:
            values[f.name] = stored.get(f.name)
        elif f.name not in raw:
            values[f.name] = f.default
    for f in spec.fields:
        if f.name not in raw:
            continue
        value = raw[f.name]
        if stored is not None and f.kind in PII_KINDS and is_masked(value):
            continue  # the form showed the masked value and the user left it alone
        try:
            value = normalize_field(f, value)
        except ValueError as exc:
            errors[f.name] = str(exc)
            continue
        if stored is not None and not f.editable and value != stored.get(f.name):
            errors[f.name] = f"{f.label}登记后不能修改"
            continue
        values[f.name] = value
    # Fields whose choices depend on another field come last, once that field's label became its value.
    for f in sorted(spec.fields, key=lambda f: f.depends_on is not None):
        if f.name in errors or (f.depends_on is not None and f.depends_on in errors):
            continue
        message = _check_field(spec, f, values, choices)
        if message:
            errors[f.name] = message
    if check_unique:
        errors.update(_unique_errors(session, spec, values, record_id, skip=set(errors)))
    if spec.check is not None:  # cross-field rules see only values that passed their own checks
        passed = {name: (None if name in errors else value) for name, value in values.items()}
        for name, message in spec.check(session, passed).items():
            errors.setdefault(name, message)
    return values, errors


def _check_field(spec: EntitySpec, f: Field, values: dict[str, Any], choices: ChoiceCache) -> str | None:
    value = values.get(f.name)
    if value is None or (isinstance(value, str) and not value):
        return f"请填写{f.label}" if f.required else None
    if isinstance(value, str):
        limit = _max_length(spec, f)
        if limit is not None and len(value) > limit:
            return f"{f.label}不能超过{limit}个字，当前有{len(value)}个"
    if f.kind == ID_NUMBER:
        message = check_id_number(value)
        if message:
            return message
    elif f.kind == PHONE:
        message = check_mobile(value)
        if message:
            return "这是固定电话，此处请填写11位手机号码" if check_landline(value) is None else message
    elif f.kind == CHOICE:
        options = choices.narrowed(f, values.get(f.depends_on or "")) or choices.choices(f)
        resolved, message = _resolve_choice(f, value, options)
        if message:
            if f.depends_on and choices.narrowed(f, values.get(f.depends_on)) is not None:
                parent = spec.field(f.depends_on).label
                return f"“{value}”不属于所选{parent}"
            return message
        values[f.name] = resolved
    if f.validator is not None:
        return f.validator(values[f.name])
    return None


def _unique_errors(
    session: Session, spec: EntitySpec, values: Mapping[str, Any], record_id: int | None, skip: set[str]
) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name in spec.unique_fields:
        value = values.get(name)
        if name in skip or value in (None, ""):
            continue
        stmt = select(_col(spec, "id"), _col(spec, spec.label_field)).where(_col(spec, name) == value)
        if record_id is not None:
            stmt = stmt.where(_col(spec, "id") != record_id)
        hit = session.execute(stmt.limit(1)).first()
        if hit is not None:
            errors[name] = duplicate_message(spec, name, hit[1])
    return errors


def duplicate_message(spec: EntitySpec, name: str, existing_label: Any) -> str:
    label = spec.field(name).label
    who = f"（{existing_label}）" if existing_label else ""
    return f"该{label}已登记{who}，不能重复登记"


def validate(
    session: Session, spec: EntitySpec, values: Mapping[str, Any], *, record_id: int | None = None
) -> dict[str, str]:
    """Field errors in Chinese for a form (empty when it may be saved); nothing is written."""
    stored = None
    if record_id is not None:
        obj = session.get(spec.model, record_id)
        stored = _obj_mapping(spec, obj) if obj is not None else None
    _, errors = clean_values(session, spec, values, stored=stored, record_id=record_id)
    return errors


# ---------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------


def _assign(spec: EntitySpec, obj: Any, values: Mapping[str, Any]) -> None:
    columns = spec.model.__table__.c  # type: ignore[attr-defined]
    protected = {"id", "version", "created_at", "updated_at", "updated_by"}
    for name, value in values.items():
        if name in protected or name not in columns:
            continue
        col = columns[name]
        if value is None and not col.nullable and isinstance(col.type, String | Text):
            value = ""
        setattr(obj, name, value)


def _audit_values(spec: EntitySpec, obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in spec.fields}


def _conflict(session: Session, spec: EntitySpec, obj: Any | None) -> ConflictError:
    by, at = "其他用户", "刚才"
    if obj is not None:
        name = obj.updated_by
        if name:
            display = session.execute(select(User.display_name).where(User.username == name)).scalar()
            by = display or name
        if obj.updated_at is not None:
            at = obj.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return ConflictError(entity=spec.title, by=by, at=at)


def _flush(session: Session, spec: EntitySpec, values: Mapping[str, Any], *, deleting: bool = False) -> None:
    """Flush inside a savepoint, turning database refusals into domain errors the user understands."""
    try:
        with session.begin_nested():
            session.flush()
    except StaleDataError:
        raise _conflict(session, spec, None) from None
    except IntegrityError as exc:
        if deleting:
            raise DomainError("in_use", entity=spec.title) from exc
        errors = _unique_errors(session, spec, values, values.get("id"), skip=set())
        if errors:
            raise ValidationError(errors) from exc
        raise DomainError("error", detail="数据不符合数据库约束") from exc


def _require_version(session: Session, spec: EntitySpec, obj: Any, version: int) -> None:
    if obj.version != version:
        raise _conflict(session, spec, obj)


def _table(spec: EntitySpec) -> str:
    return str(spec.model.__tablename__)  # type: ignore[attr-defined]


def create(session: Session, actor: Actor, spec: EntitySpec, values: Mapping[str, Any]) -> Saved:
    """Validate, derive, insert and audit one record; raises ValidationError with nothing written."""
    _require_action(session, actor, spec, "create")
    clean, errors = clean_values(session, spec, values)
    if errors:
        raise ValidationError(errors)
    if spec.prepare is not None:
        spec.prepare(session, clean)
    if spec.before_write is not None:
        spec.before_write(session, actor, "create", clean, None)
    obj = spec.model()
    _assign(spec, obj, clean)
    obj.updated_by = actor.username
    session.add(obj)
    _flush(session, spec, clean)
    if spec.after_write is not None:
        spec.after_write(session, actor, "create", obj.id, clean)
    audit.record(
        session,
        actor,
        "create",
        entity=spec.key,
        entity_id=obj.id,
        new=_audit_values(spec, obj),
        detail=str(getattr(obj, spec.label_field) or ""),
    )
    log.info("%s %s created by %s", spec.key, obj.id, actor.username)
    return Saved(_to_row(spec, _obj_mapping(spec, obj), masked=True), frozenset({_table(spec)}), True)


def update(
    session: Session, actor: Actor, spec: EntitySpec, ident: int, version: int, values: Mapping[str, Any]
) -> Saved:
    """Save changes made to the version the user saw; a newer stored version raises ConflictError."""
    _require_action(session, actor, spec, "edit")
    obj = _load(session, actor, spec, ident)
    _require_version(session, spec, obj, version)
    stored = _obj_mapping(spec, obj)
    clean, errors = clean_values(session, spec, values, stored=stored, record_id=ident)
    if errors:
        raise ValidationError(errors)
    if spec.prepare is not None:
        spec.prepare(session, clean)
    if spec.before_write is not None:
        spec.before_write(session, actor, "update", clean, stored)
    old = _audit_values(spec, obj)
    _assign(spec, obj, clean)
    new = _audit_values(spec, obj)
    changed = sorted(n for n in new if new[n] != old[n])
    if not changed and not session.is_modified(obj):
        return Saved(_to_row(spec, stored, masked=True), frozenset(), False)
    obj.updated_by = actor.username
    _flush(session, spec, {**clean, "id": ident})
    if spec.after_write is not None:
        spec.after_write(session, actor, "update", ident, clean)
    audit.record(
        session,
        actor,
        "update",
        entity=spec.key,
        entity_id=ident,
        old={n: old[n] for n in changed},
        new={n: new[n] for n in changed},
        detail=str(getattr(obj, spec.label_field) or ""),
    )
    log.info("%s %s updated by %s (%d fields)", spec.key, ident, actor.username, len(changed))
    return Saved(_to_row(spec, _obj_mapping(spec, obj), masked=True), frozenset({_table(spec)}), False)


def delete(session: Session, actor: Actor, spec: EntitySpec, ident: int, version: int) -> frozenset[str]:
    """Delete the version the user saw; refused when it changed since or other records still use it."""
    _require_action(session, actor, spec, "delete")
    obj = _load(session, actor, spec, ident)
    _require_version(session, spec, obj, version)
    stored = _obj_mapping(spec, obj)
    if spec.before_write is not None:
        spec.before_write(session, actor, "delete", {}, stored)
    old = _audit_values(spec, obj)
    label = str(getattr(obj, spec.label_field) or "")
    session.delete(obj)
    _flush(session, spec, {}, deleting=True)
    if spec.after_write is not None:
        spec.after_write(session, actor, "delete", ident, stored)
    audit.record(session, actor, "delete", entity=spec.key, entity_id=ident, old=old, detail=label)
    log.info("%s %s deleted by %s", spec.key, ident, actor.username)
    return frozenset({_table(spec)})


def bulk_insert(
    session: Session,
    spec_or_model: EntitySpec | type,
    rows: Iterable[Mapping[str, Any]],
    *,
    actor: Actor | None = None,
    chunk_size: int = BULK_CHUNK,
    progress: ProgressLike | None = None,
    total: int | None = None,
) -> int:
    """Core ``executemany`` in chunks (never ``add_all``): rows must be clean, derived fields included.

    Bookkeeping columns (version, created/updated) are filled in; the table is marked changed.
    """
    model = spec_or_model.model if isinstance(spec_or_model, EntitySpec) else spec_or_model
    table = model.__table__  # type: ignore[attr-defined]
    now = utcnow()
    fill: dict[str, Any] = {"version": 1, "created_at": now, "updated_at": now}
    if actor is not None:
        fill["updated_by"] = actor.username
    fill = {k: v for k, v in fill.items() if k in table.c}
    for col in table.c:
        default = col.default
        if col.name not in fill and default is not None and getattr(default, "is_scalar", False):
            fill[col.name] = default.arg
    with _bulk_page_cache(session):
        done = _insert_chunks(session, table, rows, fill, chunk_size, progress, total)
    if done:
        mark_changed(session, table.name)
    return done


@contextmanager
def _bulk_page_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache while loading: inserts touch every index at random, and with the
    default 2 MB cache each spilled page is appended to the WAL again and again (3x slower)."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(old) if old is not None else -2000}")


def _insert_chunks(
    session: Session,
    table: Any,
    rows: Iterable[Mapping[str, Any]],
    fill: dict[str, Any],
    chunk_size: int,
    progress: ProgressLike | None,
    total: int | None,
) -> int:
    done = 0
    chunk: list[dict[str, Any]] = []
    names: list[str] | None = None
    for row in rows:
        if names is None:
            names = [c for c in {**fill, **row} if c in table.c]
        merged = {**fill, **row}
        chunk.append({n: merged.get(n) for n in names})
        if len(chunk) >= chunk_size:
            _insert_chunk(session, table, chunk)
            done += len(chunk)
            chunk = []
            if progress is not None:
                progress.report(done, total or done, "")
    if chunk:
        _insert_chunk(session, table, chunk)
        done += len(chunk)
        if progress is not None:
            progress.report(done, total or done, "")
    return done


def _insert_chunk(session: Session, table: Any, chunk: list[dict[str, Any]]) -> None:
    session.execute(insert(table), chunk)


# ---------------------------------------------------------------------------------------------------------
# Export rows
# ---------------------------------------------------------------------------------------------------------


def display_value(field: Field, value: Any, labels: Mapping[Any, str] | None = None) -> str:
    """What a cell shows: choice labels, dates as 2019-03-05, 是/否."""
    if value is None:
        return ""
    if labels is not None and field.kind == CHOICE:
        return labels.get(value, str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return (
            value.astimezone().strftime("%Y-%m-%d %H:%M")
            if value.tzinfo
            else value.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def choice_labels(session: Session, spec: EntitySpec) -> dict[str, dict[Any, str]]:
    """Value -> label maps for every choice field (for cells, exports and prints)."""
    cache = ChoiceCache(session)
    return {f.name: cache.labels(f) for f in spec.fields if f.kind == CHOICE}


def describe_query(spec: EntitySpec, query: Query) -> str:
    """The filter in words, for the audit trail of exports and prints."""
    parts: list[str] = []
    if query.text and query.text.strip():
        parts.append(f"搜索“{query.text.strip()[:40]}”")
    labels = {f.name: f.label for f in spec.filters}
    for name, value in query.filters.items():
        if _is_blank(value):
            continue
        if isinstance(value, tuple | list):
            shown = "至".join("" if v is None else str(v) for v in value)
        else:
            shown = str(value)
        parts.append(f"{labels.get(name, name)}={shown}")
    if query.sort:
        parts.append(f"排序 {query.sort}{' 降序' if query.descending else ''}")
    return "；".join(parts) or "全部"


def export_headers(spec: EntitySpec) -> list[str]:
    return [f.label for f in spec.list_fields]


def rows_for_export(
    session: Session,
    actor: Actor,
    spec: EntitySpec,
    query: Query,
    progress: ProgressLike | None = None,
    *,
    action: str = "export",
    unmasked: bool = False,
    detail: str = "",
    chunk: int = 2000,
) -> Iterator[list[str]]:
    """Display strings of the list's columns, row by row in list order; masked unless ``unmasked``.

    The permission is checked at the call (not on first iteration); the audit record (filter text, row
    count) is written when the rows are exhausted, in the caller's transaction.
    """
    _require_action(session, actor, spec, action)
    _require_action(session, actor, spec, "view")
    if unmasked:
        require(session, actor, PII_UNMASK)
    total = count(session, actor, spec, query)
    labels = choice_labels(session, spec)
    fields = spec.list_fields
    base = _filtered(session, actor, spec, query)
    order = _order(spec, query, session, actor, base)

    def generate() -> Iterator[list[str]]:
        done = 0
        after: Key | None = None
        while True:
            if progress is not None:
                progress.check()
            found = _walk(session, base, order, after=after, offset=0, limit=chunk)
            if not found:
                break
            for row in _rows_by_id(session, spec, found, masked=not unmasked):
                yield [display_value(f, row.values[f.name], labels.get(f.name)) for f in fields]
            done += len(found)
            after = found[-1][1]
            if progress is not None:
                progress.report(done, total, f"{done}/{total}")
            if len(found) < chunk:
                break
        text = f"{describe_query(spec, query)}；{done} 行" + ("；含完整身份证号/手机号" if unmasked else "")
        if detail:
            text = f"{detail}；{text}"
        audit.record(session, actor, action, entity=spec.key, new={"rows": done}, detail=text)
        log.info("%s %s: %d rows by %s", spec.key, action, done, actor.username)

    return generate()


def permission_name(spec: EntitySpec, action: str) -> str:
    code = spec.permissions.get(action, "")
    return PERMISSION_NAMES.get(code, code)


def allowed_actions(session: Session, actor: Actor, spec: EntitySpec) -> frozenset[str]:
    """The spec's actions the actor may take now (to enable buttons; services still check)."""
    return frozenset(a for a, p in spec.permissions.items() if has(session, actor, p))


__all__ = [
    "ChoiceCache",
    "Key",
    "ProgressLike",
    "allowed_actions",
    "anchor_for",
    "bulk_insert",
    "choice_labels",
    "clean_values",
    "contains_match",
    "count",
    "create",
    "delete",
    "describe_query",
    "display_value",
    "duplicate_message",
    "export_headers",
    "get",
    "keys_at",
    "mask_value",
    "normalize_field",
    "page",
    "page_after",
    "page_from_end",
    "permission_name",
    "prefix_match",
    "rows_for_export",
    "suffix_match",
    "unmask",
    "update",
    "validate",
]
