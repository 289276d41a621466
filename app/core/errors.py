"""Domain errors: what a user can cause, carried as a code plus parameters.

Services raise these; views turn them into a Chinese message through :func:`app.core.messages.render`.
A traceback is never what a clerk sees.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An error the user can cause and understand (bad input, missing permission, conflict)."""

    code: str = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params
        super().__init__(self.code, params)

    def message(self) -> str:
        """The Chinese message for this error."""
        from app.core.messages import render

        return render(self.code, self.params)

    def __str__(self) -> str:
        return self.message()


class ValidationError(DomainError):
    """One or more fields are invalid. ``field_errors`` maps field name to a Chinese message."""

    code = "validation"

    def __init__(self, field_errors: dict[str, str] | None = None, code: str | None = None, /, **params: Any):
        super().__init__(code, **params)
        self.field_errors: dict[str, str] = dict(field_errors or {})

    def message(self) -> str:
        if self.field_errors and self.code == "validation":
            return "；".join(self.field_errors.values())
        return super().message()


class PermissionDenied(DomainError):
    code = "permission_denied"


class NotFound(DomainError):
    code = "not_found"


class ConflictError(DomainError):
    """The record was changed by someone else since it was read (optimistic locking)."""

    code = "conflict"


class AuthError(DomainError):
    code = "auth_failed"


class SchemaVersionError(DomainError):
    code = "schema_version"


class Cancelled(DomainError):
    code = "cancelled"
