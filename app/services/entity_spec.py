"""Declarations of entity screens: describe an entity once, get list, filters, form, export, import, print.

A platform declares an :class:`EntitySpec` (columns, field kinds, validation, filters, which permission each
action needs). The generic service (:mod:`app.services.entity_service`) turns it into permission-checked,
audited, version-checked queries and saves; the generic views (:mod:`app.views.common.entity_screen`) turn
it into a table with a filter bar, a form dialog with messages beside the fields, Excel export and import,
and a printed list. Camelot's admin classes are the model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

# Field kinds understood by the generic form, table and import/export.
TEXT = "text"
MULTILINE = "multiline"
INT = "int"
DECIMAL = "decimal"
DATE = "date"
DATETIME = "datetime"
BOOL = "bool"
CHOICE = "choice"  # fixed or database-backed (value, label) pairs
ID_NUMBER = "id_number"  # Chinese resident ID, validated, masked
PHONE = "phone"  # mobile phone, validated, masked

Value = str | int | float | bool | date | datetime | None
Choices = tuple[tuple[Any, str], ...] | Callable[[Session], list[tuple[Any, str]]]


@dataclass(frozen=True)
class Field:
    """One attribute of the entity as the user sees it."""

    name: str  # ORM attribute name
    label: str  # Chinese column/field label
    kind: str = TEXT
    required: bool = False
    max_length: int | None = None
    choices: Choices = ()
    validator: Callable[[Any], str | None] | None = None  # returns a Chinese message or None
    in_list: bool = True
    in_form: bool = True
    editable: bool = True  # may be changed after creation
    sortable: bool = False  # only columns with an index (sorting happens in SQL)
    width: int = 110  # list column width hint in pixels
    import_aliases: tuple[str, ...] = ()  # other header texts accepted on import
    placeholder: str = ""
    default: Any = None
    # Added for the generic service and import (all optional, so older declarations keep working):
    normalizer: Callable[[Any], Any] | None = None  # replaces the kind's normaliser (names: normalize_name)
    depends_on: str | None = None  # choices narrowed by another field's value (village by town)
    choices_for: Callable[[Session, Any], list[tuple[Any, str]]] | None = None  # choices given depends_on
    example: Any = None  # value shown in the import template's example row


@dataclass(frozen=True)
class Filter:
    """A control in the filter bar. ``apply(stmt, value)`` adds the WHERE clause in SQL."""

    name: str
    label: str
    kind: str  # "choice" | "date_range" | "bool"
    apply: Callable[[Select[Any], Any], Select[Any]]
    choices: Choices = ()


@dataclass(frozen=True)
class EntitySpec:
    key: str  # short stable name, also the audit entity name: "citizen"
    title: str  # "群众信息"
    model: type  # ORM class with IdMixin + VersionedMixin
    fields: tuple[Field, ...]
    permissions: Mapping[str, str]  # action -> permission: view, create, edit, delete, export, import, print
    label_field: str = "name"  # what names one record in messages and the audit trail
    default_sort: tuple[str, bool] = ("id", False)  # (field, descending)
    search: Callable[[Select[Any], str], Select[Any]] | None = None  # free-text search in SQL
    search_hint: str = ""  # placeholder of the search box
    filters: tuple[Filter, ...] = ()
    prepare: Callable[[Session, dict[str, Any]], None] | None = None  # derive stored fields (pinyin keys)
    unique_fields: tuple[str, ...] = ()  # duplicates refused with a clear message
    natural_key: str | None = None  # import matches existing rows on this field (update instead of insert)
    base_query: Callable[[Session, Any], Select[Any]] | None = None  # row scoping by actor (own unit, ...)
    # Cross-field rules after each field passed its own checks: returns {field name: Chinese message}.
    check: Callable[[Session, dict[str, Any]], dict[str, str]] | None = None
    # Actor-aware rules around the generic create/update/delete (optional). ``before_write(session, actor,
    # action, values, stored)``: action is "create", "update" or "delete"; ``values`` are the clean values,
    # which it may amend (owner, unit, workflow fields kept as stored); ``stored`` is the record as read
    # (None on create). It raises DomainError/ValidationError to refuse, and nothing is written.
    # ``after_write(session, actor, action, ident, values)`` runs after the flush, in the same transaction
    # (derived records, such as an absence on the duty board). The Excel import calls neither: a spec
    # that relies on them does not offer "import".
    before_write: Callable[[Session, Any, str, dict[str, Any], Mapping[str, Any] | None], None] | None = None
    after_write: Callable[[Session, Any, str, int, Mapping[str, Any]], None] | None = None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def list_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_list)

    @property
    def form_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_form)


@dataclass(frozen=True)
class Row:
    """One record as the GUI gets it: plain values, ID numbers and phones masked unless unmasked."""

    id: int
    version: int
    values: dict[str, Any] = field(default_factory=dict)
    label: str = ""
    # (sort value, id) of this row under the list's order, for keyset paging; None outside lists.
    key: tuple[Any, int] | None = None


@dataclass(frozen=True)
class Query:
    """What the list shows: free text, filter values, sort. Everything is applied in SQL."""

    text: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class Saved:
    """What a save changed, for the change broadcast and for the form to show."""

    row: Row
    tables: frozenset[str]
    created: bool


_REGISTRY: dict[str, EntitySpec] = {}


def register(spec: EntitySpec) -> EntitySpec:
    _REGISTRY[spec.key] = spec
    return spec


def get_spec(key: str) -> EntitySpec:
    return _REGISTRY[key]
