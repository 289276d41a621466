"""The 警务保障统计报表: for each function the viewer may see, a bar chart and its table (A4, embedded font).

Data in (any object shaped like :class:`app.services.support_statistics.Statistics`), PDF bytes out; the
charts are reportlab drawings, so the printout is vector text, not a screenshot of the screen's charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph

from app.printing.document import FormBuilder, markup

TITLE = "警务保障统计报表"
ORG = "岚皋县公安局"
BAR_COLOURS = ("#1565c0", "#2e7d32", "#f9a825", "#c62828")


class FigureLike(Protocol):
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    scope: str
    note: str


class StatisticsLike(Protocol):
    start: date
    end: date
    figures: tuple[FigureLike, ...]


def text(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"
    return str(value)


def bar_chart(
    labels: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str], font: str, width: float
) -> Drawing:
    """A grouped bar chart with Chinese category labels (rotated when there are many)."""
    height = 52 * mm
    d = Drawing(width, height, initialFontName=font, initialFontSize=8)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    legend_w = 32 * mm if len(names) > 1 else 0
    chart.width, chart.height = width - 20 * mm - legend_w, height - 20 * mm
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = [label[:8] for label in labels]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    if len(labels) > 6:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max([v for s in series for v in s] + [1])
    chart.valueAxis.valueMax = top * 1.15
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = lambda v: text(Decimal(str(v)).normalize()) if v else ""  # type: ignore[assignment]
    chart.barLabels.nudge = 6
    for i in range(len(series)):
        chart.bars[i].fillColor = colors.HexColor(BAR_COLOURS[i % len(BAR_COLOURS)])
        chart.bars[i].strokeColor = None
    d.add(chart)
    if len(names) > 1:
        legend = Legend()
        legend.fontName, legend.fontSize = font, 8
        legend.x, legend.y = width - legend_w + 4 * mm, height - 8 * mm
        legend.alignment = "right"
        legend.colorNamePairs = [(colors.HexColor(BAR_COLOURS[i % 4]), n) for i, n in enumerate(names)]
        d.add(legend)
    return d


def render_statistics(stats: StatisticsLike, *, printed_by: str = "") -> bytes:
    b = FormBuilder(TITLE, author=printed_by, printed_by=printed_by)
    b.header(TITLE, org=ORG, subtitle=f"统计期间：{stats.start:%Y年%m月%d日} 至 {stats.end:%Y年%m月%d日}")
    for fig in stats.figures:
        if not fig.scope:
            continue  # a function the reader may not see is left out, not shown empty
        heading = Paragraph(markup(f"{fig.title}（范围：{fig.scope}）"), b.styles["heading"])
        if not fig.rows:
            b.add(KeepTogether([heading, Paragraph(markup("本期无数据。"), b.styles["small"])]))
            continue
        labels = [str(r[0]) for r in fig.rows]
        numeric = list(range(1, len(fig.columns)))
        chart_cols = numeric[-1:] if fig.key != "equipment_out" else numeric
        series = [[float(r[c]) for r in fig.rows] for c in chart_cols]
        names = [fig.columns[c] for c in chart_cols]
        align = ["left"] + ["right"] * (len(fig.columns) - 1)
        table_rows = [[text(v) for v in r] for r in fig.rows]
        chart = bar_chart(labels, series, names, b.fonts.body, b.width)
        b.add(KeepTogether([heading, chart]))
        b.table(list(fig.columns), table_rows, align=align)
        if fig.note:
            b.paragraph(fig.note, "small")
    b.paragraph(
        "口径：请假按批准的请假在统计期间内的天数（销假后按实际天数）；调休余额为已批准加班小时减去已用或申请中的调休；"
        "装备为当前在外数量；报销金额为统计期间内发生且已批准的报销；培训学时按培训日期统计。各项仅含查看人权限范围内的数据。",
        "small",
    )
    return b.build()
