"""Service results turned into printouts (views sit above both services and printing, so the join is here).

These run inside ``run_op`` work functions, off the GUI thread: the save and its PDF are one background step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.models.service_catalogue import CATEGORY_NAMES
from app.models.service_item import CHANNEL_NAMES
from app.services import certificates, intake, item_workflow
from app.services.context import Actor
from app.services.item_records import ItemInfo

if TYPE_CHECKING:
    from app.printing.receipt import ReceiptContent

# reportlab (app.printing) loads on the first print, in the background op, not when the citizen tab opens.


def render_receipt(content: ReceiptContent, **kwargs: Any) -> bytes:
    from app.printing import receipt

    return receipt.render_receipt(content, **kwargs)


def render_one_time_notice(content: ReceiptContent, **kwargs: Any) -> bytes:
    from app.printing import receipt

    return receipt.render_one_time_notice(content, **kwargs)


def render_certificate(data: Any) -> bytes:
    from app.printing import certificate

    return certificate.render_certificate(data)


def due_text(item: ItemInfo) -> str:
    if item.status == "supplement" or item.paused_since is not None:
        text = f"材料补齐之日起 {item.limit_days} 个工作日内办结"
    elif item.due_date is None:
        return "—"
    else:
        d = item.due_date
        text = f"{d.year}年{d.month}月{d.day}日前（{item.limit_days} 个工作日）"
    if item.due_provisional:
        text += "；跨入节假日安排尚未公布的年份，日期为暂定，以公布后重算为准"
    return text


def receipt_content(item: ItemInfo, qr_text: str) -> ReceiptContent:
    from app.printing.receipt import ReceiptContent

    return ReceiptContent(
        tracking_no=item.tracking_no,
        applicant_name=item.applicant_name,
        id_number=item.id_number,
        phone=item.phone,
        item_name=item.item_name,
        category_name=CATEGORY_NAMES.get(item.category, item.category),
        channel_name=CHANNEL_NAMES.get(item.channel, item.channel),
        received_at=item.received_at,
        unit_name=item.unit_name,
        owner_name=item.owner_name,
        due_text=due_text(item),
        qr_text=qr_text,
        materials_received=item.materials_received,
        materials_missing=item.materials_missing,
        form_values=item.form_values,
    )


def warm_up() -> None:
    """Load reportlab, register the fonts and draw one QR code, so the clerk's first receipt is as quick as
    the others (a cold first print costs seconds of imports and font loading; run off the GUI thread)."""
    from datetime import UTC, datetime

    from app.printing.receipt import ReceiptContent

    render_receipt(
        ReceiptContent(
            "MS00000000-0000",
            "",
            "",
            "",
            "",
            "",
            "",
            datetime.now(UTC),
            "",
            "",
            "",
            "warm-up",
            materials_received=["x"],
        )
    )


def intake_documents(
    result: intake.IntakeResult, printed_by: str, *, notice: bool = True
) -> dict[str, bytes]:
    """The receipt, and (``notice``) the one-time notice when materials are missing."""
    content = receipt_content(result.item, result.qr_text)
    docs = {"receipt": render_receipt(content, printed_by=printed_by)}
    if notice and result.item.materials_missing:
        docs["notice"] = render_one_time_notice(content, printed_by=printed_by)
    return docs


def notice_document(result: intake.IntakeResult, printed_by: str) -> bytes:
    return render_one_time_notice(receipt_content(result.item, result.qr_text), printed_by=printed_by)


def intake_and_print(
    session: Session, actor: Actor, form: intake.IntakeForm
) -> tuple[intake.IntakeResult, dict[str, bytes]]:
    """Save the intake and draw its receipt: what the citizen waits for (the notice is drawn on request)."""
    result = intake.intake(session, actor, form)
    return result, intake_documents(result, actor.display_name, notice=False)


def reprint_receipt(session: Session, actor: Actor, item_id: int, notice: bool = False) -> bytes:
    item = item_workflow.get(session, actor, item_id)
    content = receipt_content(item, intake.lookup_qr_text(item.tracking_no))
    if notice:
        return render_one_time_notice(content, printed_by=actor.display_name)
    return render_receipt(content, printed_by=actor.display_name)


def print_certificate(session: Session, actor: Actor, item_id: int, reason: str = "") -> tuple[Any, bytes]:
    data = certificates.print_certificate(session, actor, item_id, reason=reason)
    return data, render_certificate(data)


def print_refusal(session: Session, actor: Actor, item_id: int, reason: str = "") -> tuple[Any, bytes]:
    data = certificates.print_refusal(session, actor, item_id, reason=reason)
    return data, render_certificate(data)
