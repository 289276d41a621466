"""窗口受理: find or register the citizen by ID number, pick the item, tick the materials, save, print.

The save and the receipt's PDF are one background step; the receipt opens in the preview at once, and when
materials are missing the one-time notice is ready beside it. Every message comes from the service and is
shown beside its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.models.service_catalogue import CATEGORY_NAMES, CERTIFICATE_NAMES
from app.models.service_item import CHANNEL_NAMES, STATUS_NAMES
from app.services import intake, service_catalogue
from app.services.intake import IntakeForm, IntakeResult
from app.views.app_context import AppContext
from app.views.citizen import print_jobs
from app.views.citizen.preview import open_preview
from app.views.common.form_helpers import FieldWithError
from app.views.common.run_op import run_op, show_error


class IntakeScreen(QWidget):
    """The window clerk's intake form."""

    saved = Signal(object)  # IntakeResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_screen")
        self.ctx = ctx
        self.entries: list[service_catalogue.CatalogueEntry] = []
        self.citizen: intake.CitizenCard | None = None
        self.result: IntakeResult | None = None
        self.documents: dict[str, bytes] = {}
        self.preview_dialog: Any = None
        self.material_boxes: list[QCheckBox] = []
        self.form_editors: dict[str, QLineEdit] = {}
        self.fields: dict[str, FieldWithError] = {}
        self._ops: list[Any] = []
        self._build()
        self.load_catalogue()
        ctx.signals.changed.connect(self._tables_changed)
        # Fonts and reportlab load in the background now, not when the first citizen waits for a receipt;
        # missing fonts are reported when printing, in Chinese.
        self._keep(run_op(self, print_jobs.warm_up, session=False).failure(lambda _e: None))

    # -- layout --------------------------------------------------------------------------------------
    def _field(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> QWidget:
        editor.setObjectName(name)
        wrapped = FieldWithError(editor)
        self.fields[name] = wrapped
        form.addRow(label, wrapped)
        return editor

    def _build(self) -> None:
        person = QGroupBox(self.tr("群众"))
        pform = QFormLayout(person)
        self.channel = QComboBox()
        for key in ("window", "phone"):
            self.channel.addItem(QCoreApplication.translate("service", CHANNEL_NAMES[key]), key)
        self._field(pform, "channel", self.tr("受理渠道"), self.channel)
        id_row = QWidget()
        id_lay = QHBoxLayout(id_row)
        id_lay.setContentsMargins(0, 0, 0, 0)
        self.id_number = QLineEdit()
        self.id_number.setObjectName("id_number")
        self.id_number.setPlaceholderText(self.tr("18位身份证号，末位可为X"))
        self.id_number.setMaxLength(24)
        self.find_button = QPushButton(self.tr("查找"))
        self.find_button.setObjectName("find_button")
        id_lay.addWidget(self.id_number, 1)
        id_lay.addWidget(self.find_button)
        wrapped = FieldWithError(id_row)
        self.fields["id_number"] = wrapped
        pform.addRow(self.tr("身份证号"), wrapped)
        self.citizen_label = QLabel(self.tr("请先输入18位身份证号并点“查找”"))
        self.citizen_label.setObjectName("citizen_label")
        self.citizen_label.setWordWrap(True)
        pform.addRow("", self.citizen_label)
        self.name = self._field(pform, "name", self.tr("姓名"), QLineEdit())
        self.phone = self._field(pform, "phone", self.tr("联系手机"), QLineEdit())
        self.phone.setPlaceholderText(self.tr("接收办理进度短信；不填则用登记的手机号"))
        self.address = self._field(pform, "address", self.tr("住址"), QLineEdit())

        matter = QGroupBox(self.tr("事项"))
        mform = QFormLayout(matter)
        self.catalogue = QComboBox()
        self.catalogue.setMinimumContentsLength(16)
        self._field(mform, "catalogue", self.tr("办理事项"), self.catalogue)
        self.item_info = QLabel()
        self.item_info.setObjectName("item_info")
        self.item_info.setWordWrap(True)
        mform.addRow("", self.item_info)
        self.materials_box = QWidget()
        self.materials_lay = QVBoxLayout(self.materials_box)
        self.materials_lay.setContentsMargins(0, 0, 0, 0)
        wrapped = FieldWithError(self.materials_box)
        self.fields["materials"] = wrapped
        mform.addRow(self.tr("收到的材料"), wrapped)
        self.form_box = QWidget()
        self.form_lay = QFormLayout(self.form_box)
        self.form_lay.setContentsMargins(0, 0, 0, 0)
        mform.addRow(self.form_box)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
        self._field(mform, "note", self.tr("备注"), self.note)

        self.save_button = QPushButton(self.tr("保存并打印回执"))
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("清空，办理下一位"))
        self.clear_button.setObjectName("clear_button")
        self.message = QLabel()
        self.message.setObjectName("message_label")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.result_label = QLabel()
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.receipt_button = QPushButton(self.tr("回执"))
        self.receipt_button.setObjectName("receipt_button")
        self.notice_button = QPushButton(self.tr("一次性告知书"))
        self.notice_button.setObjectName("notice_button")
        for b in (self.receipt_button, self.notice_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.notice_button)

        body = QWidget()
        lay = QVBoxLayout(body)
        top = QHBoxLayout()
        top.addWidget(person, 1)
        top.addWidget(matter, 1)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        lay.addWidget(self.result_label)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(scroll)

        self.find_button.clicked.connect(self.find_citizen)
        self.id_number.returnPressed.connect(self.find_citizen)
        self.catalogue.currentIndexChanged.connect(self._catalogue_changed)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self.receipt_button.clicked.connect(lambda: self.show_document("receipt"))
        self.notice_button.clicked.connect(lambda: self.show_document("notice"))

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    # -- catalogue -----------------------------------------------------------------------------------
    def load_catalogue(self) -> None:
        actor = self.ctx.actor
        self._keep(run_op(self, lambda s: service_catalogue.entries(s, actor)).success(self._entries_loaded))

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        """An administrator changed the catalogue: the form follows at once (the window stays open all day)."""
        if "service_catalogue" in tables:
            self.load_catalogue()

    @Slot(object)
    def _entries_loaded(self, entries: list[service_catalogue.CatalogueEntry]) -> None:
        before = self.current_entry()
        self.entries = entries
        self.catalogue.blockSignals(True)
        self.catalogue.clear()
        self.catalogue.addItem(self.tr("请选择"), None)
        for e in entries:
            category = QCoreApplication.translate("service", CATEGORY_NAMES.get(e.category, e.category))
            self.catalogue.addItem(f"{e.name}（{category}）", e.id)
        if before is not None:  # keep the clerk's choice; ticks and typed values survive an unrelated edit
            self.catalogue.setCurrentIndex(max(0, self.catalogue.findData(before.id)))
        self.catalogue.blockSignals(False)
        if self.current_entry() != before or before is None:
            self._catalogue_changed()

    def current_entry(self) -> service_catalogue.CatalogueEntry | None:
        ident = self.catalogue.currentData()
        return next((e for e in self.entries if e.id == ident), None)

    def select_item(self, code: str) -> None:
        """Pick the catalogue item with this code (keyboard shortcut for tests and scripts)."""
        for i, e in enumerate(self.entries, start=1):
            if e.code == code:
                self.catalogue.setCurrentIndex(i)
                return
        raise KeyError(code)

    @Slot()
    def _catalogue_changed(self) -> None:
        for box in self.material_boxes:
            box.deleteLater()
        self.material_boxes = []
        while self.form_lay.rowCount():
            self.form_lay.removeRow(0)
        self.form_editors = {}
        for name in [n for n in self.fields if n.startswith("form:")]:
            del self.fields[name]
        e = self.current_entry()
        if e is None:
            self.item_info.setText("")
            return
        cert = CERTIFICATE_NAMES.get(e.certificate_kind, "")
        info = self.tr("责任部门：{0}；办理时限：{1} 个工作日").format(e.unit_name, e.limit_days)
        if cert:
            info += self.tr("；审批后出具《{0}》").format(QCoreApplication.translate("service", cert))
        self.item_info.setText(info)
        for n, material in enumerate(e.materials):
            box = QCheckBox(material)
            box.setObjectName(f"material_{n}")
            self.materials_lay.addWidget(box)
            self.material_boxes.append(box)
        if not e.materials:
            label = QLabel(self.tr("本事项无需提交材料"))
            self.materials_lay.addWidget(label)
            self.material_boxes.append(label)  # type: ignore[arg-type]
        for f in e.form_fields:
            edit = QLineEdit()
            name = f"form:{f.label}"
            edit.setObjectName(name)
            wrapped = FieldWithError(edit)
            self.fields[name] = wrapped
            self.form_lay.addRow(f.label + (" *" if f.required else ""), wrapped)
            self.form_editors[f.label] = edit

    # -- citizen -------------------------------------------------------------------------------------
    @Slot()
    def find_citizen(self) -> None:
        actor, number = self.ctx.actor, self.id_number.text()
        self._show_errors({})

        def found(card: intake.CitizenCard | None) -> None:
            self.citizen = card
            if card is None:
                self.citizen_label.setText(
                    self.tr("未登记的群众：请填写姓名、手机号和住址，保存时一并登记。")
                )
                self.name.setEnabled(True)
                self.address.setEnabled(True)
                self.name.setFocus()
            else:
                phone = card.phone or self.tr("未登记手机号")
                self.citizen_label.setText(
                    self.tr("已登记：{0}，{1}，{2}，{3}").format(
                        card.name, card.gender, card.id_number, phone
                    )
                )
                self.name.setText(card.name)
                self.name.setEnabled(False)
                self.address.setText(card.address)
                self.address.setEnabled(False)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self._show_errors({"id_number": next(iter(exc.field_errors.values()), exc.message())})
            else:
                show_error(self, exc)

        self._keep(
            run_op(self, lambda s: intake.find_citizen(s, actor, number)).success(found).failure(failed)
        )

    # -- save ----------------------------------------------------------------------------------------
    def form(self) -> IntakeForm:
        e = self.current_entry()
        return IntakeForm(
            id_number=self.id_number.text(),
            catalogue_id=e.id if e is not None else 0,
            name=self.name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            materials_received=[
                b.text() for b in self.material_boxes if isinstance(b, QCheckBox) and b.isChecked()
            ],
            form_values={label: edit.text() for label, edit in self.form_editors.items()},
            channel=str(self.channel.currentData()),
            note=self.note.toPlainText(),
        )

    @Slot()
    def save(self) -> None:
        if self.current_entry() is None:
            self._show_errors({"catalogue": self.tr("请选择办理事项")})
            return
        actor, form = self.ctx.actor, self.form()
        self.save_button.setEnabled(False)
        self._show_errors({})

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self._show_errors(exc.field_errors)
            else:
                show_error(self, exc)

        # After a save the button stays off until 清空: a second click must not register the matter twice.
        self._keep(
            run_op(self, lambda s: print_jobs.intake_and_print(s, actor, form))
            .success(self._saved)
            .failure(failed)
        )

    @Slot(object)
    def _saved(self, payload: tuple[IntakeResult, dict[str, bytes]]) -> None:
        result, docs = payload
        self.result, self.documents = result, docs
        item = result.item
        status = QCoreApplication.translate("service", STATUS_NAMES[item.status])
        text = self.tr("已登记：编号 <b>{0}</b>，{1}，{2}。").format(
            item.tracking_no, status, print_jobs.due_text(item)
        )
        if item.materials_missing:
            text += self.tr("<br/>尚缺材料：{0}。请打印《一次性告知书》交给群众。").format(
                "、".join(item.materials_missing)
            )
        self.result_label.setText(text)
        self.receipt_button.setEnabled(True)
        self.notice_button.setEnabled(bool(item.materials_missing))
        self.saved.emit(result)
        self.show_document("receipt")

    def show_document(self, key: str) -> None:
        if self.result is None:
            return
        pdf = self.documents.get(key)
        if pdf is None and key == "notice":  # drawn when asked, not while the citizen waits for the receipt
            result, name = self.result, self.ctx.actor.display_name

            def drawn(pdf: bytes) -> None:
                self.documents["notice"] = pdf
                self.show_document("notice")

            self._keep(
                run_op(self, lambda: print_jobs.notice_document(result, name), session=False).success(drawn)
            )
            return
        if pdf is None:
            return
        title = {"receipt": self.tr("受理回执"), "notice": self.tr("一次性告知书")}[key]
        self.preview_dialog = open_preview(
            self, pdf, f"{title} {self.result.item.tracking_no}", self._preview_closed, f"{key}_preview"
        )

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def _show_errors(self, errors: dict[str, str]) -> None:
        unplaced = []
        for f in self.fields.values():
            f.set_error(None)
        for name, text in errors.items():
            if name in self.fields:
                self.fields[name].set_error(text)
            else:
                unplaced.append(text)
        self.message.setText("；".join(unplaced))

    @Slot()
    def clear(self) -> None:
        """Ready for the next citizen (the item chosen stays: queues often bring the same matter)."""
        self.citizen = None
        self.result = None
        self.documents = {}
        for edit in (self.id_number, self.name, self.phone, self.address):
            edit.clear()
            edit.setEnabled(True)
        self.note.clear()
        self.citizen_label.setText(self.tr("请先输入18位身份证号并点“查找”"))
        self.result_label.clear()
        self.receipt_button.setEnabled(False)
        self.notice_button.setEnabled(False)
        self.save_button.setEnabled(True)
        self._catalogue_changed()
        self._show_errors({})
        self.id_number.setFocus()
