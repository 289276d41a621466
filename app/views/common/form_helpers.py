"""Small helpers for hand-built dialogs: a field with its own error message line beneath it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"


class FieldWithError(QWidget):
    """An input and, beneath it, a red line that shows the service's message for that field."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setObjectName(f"{editor.objectName()}_error")
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        lay.addWidget(self.error)

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))


class ErrorForm:
    """A QFormLayout of named fields whose errors come from a ValidationError's ``field_errors``."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.fields: dict[str, FieldWithError] = {}

    def add(self, name: str, label: str, editor: QWidget) -> QWidget:
        editor.setObjectName(name)
        wrapped = FieldWithError(editor)
        self.fields[name] = wrapped
        self.layout.addRow(label, wrapped)
        return editor

    def line(self, name: str, label: str, *, password: bool = False, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        self.add(name, label, edit)
        return edit

    def clear_errors(self) -> None:
        for f in self.fields.values():
            f.set_error(None)

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each message beside its field; return the messages that belong to no field."""
        self.clear_errors()
        unplaced = []
        for name, text in errors.items():
            if name in self.fields:
                self.fields[name].set_error(text)
            else:
                unplaced.append(text)
        return unplaced
