"""The differences between two versions, coloured: removed text struck through in red, added text in green."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.services.publicity_diff import DELETE, INSERT, VersionDiff

DELETED_STYLE = "background:#fde2e1;color:#b71c1c;text-decoration:line-through;"
INSERTED_STYLE = "background:#dcf5dc;color:#1b5e20;"


def diff_html(d: VersionDiff) -> str:
    head = (
        f"<p><b>{escape(d.old.item_number)}</b> 第{d.old.no}版（{escape(d.old.status_name)}）"
        f" → 第{d.new.no}版（{escape(d.new.status_name)}）</p>"
    )
    if d.new.change_note:
        head += f"<p>修订说明：{escape(d.new.change_note)}</p>"
    if d.unchanged:
        return head + "<p>两个版本的内容完全相同。</p>"
    parts = [head]
    for f in d.fields:
        spans = []
        for op, text in f.segments:
            body = escape(text).replace("\n", "<br>")
            if op == DELETE:
                spans.append(f'<span style="{DELETED_STYLE}">{body}</span>')
            elif op == INSERT:
                spans.append(f'<span style="{INSERTED_STYLE}">{body}</span>')
            else:
                spans.append(body)
        parts.append(f"<h4>{escape(f.label)}</h4><p>{''.join(spans)}</p>")
    return "".join(parts)


class DiffDialog(QDialog):
    def __init__(self, d: VersionDiff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diff_dialog")
        self.setWindowTitle(self.tr("版本比较 - {0}").format(d.new.title))
        self.resize(720, 520)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("diff_browser")
        self.browser.setHtml(diff_html(d))
        legend = QLabel(
            self.tr("图例：") + f'<span style="{DELETED_STYLE}">{self.tr("删去的文字")}</span>　'
            f'<span style="{INSERTED_STYLE}">{self.tr("增加的文字")}</span>'
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(legend)
        lay.addWidget(buttons)
