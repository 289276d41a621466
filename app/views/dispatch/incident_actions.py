"""What the incident page's buttons do: send and stand down officers, tasks, the report, closing.

Two steps warn first and go ahead only when the dispatcher insists: sending an officer who is on leave, and
closing with open tasks. The service refuses the first call with a message naming who or what; the page
asks, and calls again with ``override_leave`` / ``force``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.printing.incident_report import render_report
from app.services import incident_export, incident_members, incident_tasks, incidents
from app.views.dispatch.confirm import ask
from app.views.dispatch.formatting import tr
from app.views.dispatch.incident_dialogs import CloseIncidentDialog, OfficerPicker, TaskDialog

if TYPE_CHECKING:
    from app.views.dispatch.incident_page import IncidentPage


def assign(page: IncidentPage) -> OfficerPicker:
    exclude = [m.user_id for m in page.members_active()]
    picker = OfficerPicker(page.ctx, exclude, page)
    picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    picker.finished.connect(page.dialog_finished)
    page.dialog = picker
    picker.open()
    return picker


def send_officers(page: IncidentPage, user_ids: list[int], override_leave: bool = False) -> None:
    if not user_ids:
        return
    actor, incident_id = page.ctx.actor, page.incident_id

    def failed(exc: BaseException) -> None:
        if page.is_warning(exc, "dispatch_officer_on_leave"):
            page.confirm_box = ask(
                page,
                tr("调派休假民警"),
                exc.message(),  # type: ignore[attr-defined]
                tr("坚持调派"),
                lambda: send_officers(page, user_ids, True),
                name="leave_confirm",
            )
        else:
            page.error(exc)

    page.run(
        lambda s: incident_members.assign(s, actor, incident_id, user_ids, override_leave=override_leave),
        on_error=failed,
    )


def release(page: IncidentPage) -> None:
    actor, incident_id = page.ctx.actor, page.incident_id
    for m in page.selected(page.members):
        if m.active and m.role != "commander":
            page.run(lambda s, uid=m.user_id: incident_members.release(s, actor, incident_id, uid))


def add_task(page: IncidentPage) -> TaskDialog:
    dialog = TaskDialog(page.members_active(), page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(page.dialog_finished)
    page.dialog = dialog
    dialog.open()
    return dialog


def add_task_from(page: IncidentPage, dialog: TaskDialog) -> None:
    actor, incident_id = page.ctx.actor, page.incident_id
    title, detail, who = dialog.title.text(), dialog.detail.toPlainText(), dialog.assignee.currentData()
    page.run(lambda s: incident_tasks.add(s, actor, incident_id, title, detail=detail, assignee_id=who))


def accepted(page: IncidentPage, dialog: object) -> None:
    """What an accepted dialog of the page leads to (read from the dialog before it is deleted)."""
    if isinstance(dialog, OfficerPicker):
        send_officers(page, dialog.chosen())
    elif isinstance(dialog, TaskDialog):
        add_task_from(page, dialog)
    elif isinstance(dialog, CloseIncidentDialog):
        close_with(page, dialog.summary.toPlainText())


def set_task_state(page: IncidentPage, state: str) -> None:
    actor = page.ctx.actor
    for t in page.selected(page.tasks):
        page.run(lambda s, task=t: incident_tasks.set_state(s, actor, task.id, task.version, state))


def print_report(page: IncidentPage) -> None:
    actor, incident_id = page.ctx.actor, page.incident_id

    def work(session: object) -> bytes:
        d = incidents.report(session, actor, incident_id)  # type: ignore[arg-type]
        return render_report(d.incident, d.members, d.tasks, d.entries, printed_by=actor.display_name)

    def show(pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        dialog = PdfPreviewDialog(pdf, tr("处置情况报告"), page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(page.dialog_finished)
        page.dialog = dialog
        dialog.open()

    page.run(work, show)


def export(page: IncidentPage, path: str | None = None) -> None:
    if path is None:
        name = f"{page.data.incident.number}.xlsx" if page.data else "incident.xlsx"
        path, _ = QFileDialog.getSaveFileName(page, tr("导出Excel"), name, "Excel (*.xlsx)")
        if not path:
            return
    actor, incident_id, target = page.ctx.actor, page.incident_id, path
    page.run(
        lambda s: incident_export.write_xlsx(s, actor, incident_id, target),
        lambda p: page.status.setText(tr("已导出到 {0}").format(p)),
    )


def close(page: IncidentPage) -> CloseIncidentDialog | None:
    if page.data is None:
        return None
    dialog = CloseIncidentDialog(page.data.incident.title, page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(page.dialog_finished)
    page.dialog = dialog
    dialog.open()
    return dialog


def close_with(page: IncidentPage, summary: str, force: bool = False) -> None:
    if page.data is None:
        return
    actor, incident_id, version = page.ctx.actor, page.incident_id, page.data.incident.version

    def failed(exc: BaseException) -> None:
        if page.is_warning(exc, "dispatch_open_tasks"):
            page.confirm_box = ask(
                page,
                tr("结束处置"),
                exc.message(),  # type: ignore[attr-defined]
                tr("仍然结束"),
                lambda: close_with(page, summary, True),
                name="open_tasks_confirm",
            )
        else:
            page.error(exc)

    page.run(lambda s: incidents.close(s, actor, incident_id, version, summary, force=force), on_error=failed)
