"""The Chinese messages of the 指挥调度 platform's domain errors (registered here, not in app/core)."""

from __future__ import annotations

from app.core.messages import QT_TRANSLATE_NOOP, register

register(
    {
        "dispatch_no_recipients": QT_TRANSLATE_NOOP(
            "messages", "没有选择接收人：请选择全体民警、至少一个单位或至少一名民警。"
        ),
        "dispatch_recipients_empty": QT_TRANSLATE_NOOP(
            "messages", "所选范围内没有可以接收警令的民警（{scope}），警令未下达。"
        ),
        "dispatch_recipient_invalid": QT_TRANSLATE_NOOP(
            "messages", "“{name}”不能接收警令（账号已停用或没有接收警令的权限），警令未下达。"
        ),
        "dispatch_order_invalid": QT_TRANSLATE_NOOP("messages", "警令内容有误：{detail}"),
        "dispatch_already_acknowledged": QT_TRANSLATE_NOOP(
            "messages", "您已于 {at} 签收过这条警令，无需重复签收。"
        ),
        "dispatch_not_recipient": QT_TRANSLATE_NOOP("messages", "这条警令不是下达给您的。"),
        "dispatch_order_closed": QT_TRANSLATE_NOOP("messages", "警令“{title}”已结束，不能再{action}。"),
        "dispatch_nothing_to_remind": QT_TRANSLATE_NOOP("messages", "所有接收人都已签收，无需催签。"),
        "dispatch_attachment_too_large": QT_TRANSLATE_NOOP(
            "messages",
            "附件“{name}”大小为 {size}，超过了 {limit} 的上限。请压缩或剪辑后再上传，警令未保存。",
        ),
        "dispatch_attachment_type": QT_TRANSLATE_NOOP(
            "messages",
            "附件“{name}”无法识别（{reason}）。可上传图片（jpg、png、gif、bmp）、音频（wav、mp3、m4a、amr、ogg）、"
            "视频（mp4、mov、avi、3gp、mkv）或文档（pdf、doc、docx、xls、xlsx、ppt、pptx、wps、txt）。",
        ),
        "dispatch_attachment_unreadable": QT_TRANSLATE_NOOP("messages", "无法读取附件“{name}”：{detail}"),
        "dispatch_attachment_too_many": QT_TRANSLATE_NOOP(
            "messages", "一次最多上传 {max} 个附件，当前选择了 {count} 个。"
        ),
        "dispatch_incident_invalid": QT_TRANSLATE_NOOP("messages", "事件信息有误：{detail}"),
        "dispatch_incident_closed": QT_TRANSLATE_NOOP(
            "messages", "事件“{title}”已于 {at} 结束，时间线已封存，不能再{action}。"
        ),
        "dispatch_officer_on_leave": QT_TRANSLATE_NOOP(
            "messages",
            "{names} 正在休假/离岗（{reasons}）。确需调派，请确认后再次调派，系统将记录“休假期间坚持调派”。",
        ),
        "dispatch_open_tasks": QT_TRANSLATE_NOOP(
            "messages",
            "事件还有 {count} 项任务未完成（{titles}）。确需结束，请确认后再次结束，未完成的任务将记入时间线。",
        ),
        "dispatch_not_participant": QT_TRANSLATE_NOOP(
            "messages", "您没有参与事件“{title}”，不能查看或反馈。"
        ),
        "dispatch_text_required": QT_TRANSLATE_NOOP("messages", "请填写{what}。"),
        "dispatch_duty_invalid": QT_TRANSLATE_NOOP("messages", "勤务状态有误：{detail}"),
        "dispatch_absence_invalid": QT_TRANSLATE_NOOP("messages", "离岗记录有误：{detail}"),
    }
)
