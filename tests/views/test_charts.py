"""Chart widgets show the data they are given, and a bar click names its category."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from app.views.common.charts import BarChart, LineChart, Series


def test_bar_chart_holds_the_values_and_reports_clicks(qtbot):
    chart = BarChart("按乡镇", stacked=True)
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.show()
    chart.set_data(
        ["城关镇", "佐龙镇", "民主镇"], [Series("蓝", [3, 1, 0], "#1e88e5"), Series("橙", [1, 2, 5])]
    )
    assert chart.categories == ["城关镇", "佐龙镇", "民主镇"]
    heights = [list(item.opts["height"]) for item in chart.items]
    assert heights == [[3, 1, 0], [1, 2, 5]]
    assert [label.text for _sample, label in chart.legend.items] == ["蓝", "橙"]
    chart.set_data(["城关镇"], [Series("蓝", [2])])  # a redraw replaces, never accumulates
    assert len(chart.items) == 1 and [label.text for _s, label in chart.legend.items] == ["蓝"]
    chart.set_data(["城关镇", "佐龙镇", "民主镇"], [Series("蓝", [3, 1, 0], "#1e88e5"), Series("橙", [1, 2, 5])])
    assert chart.series_at(2, 4.0) == 1 and chart.series_at(0, 2.0) == 0
    with qtbot.waitSignal(chart.bar_clicked) as blocker:

        class Click:
            def scenePos(self):  # noqa: N802 - pyqtgraph's event API
                return chart.plot.vb.mapViewToScene(QPointF(1, 0.5))

        chart._clicked(Click())
    assert blocker.args == [1, 0]


def test_line_chart_plots_every_series(qtbot):
    chart = LineChart("趋势")
    qtbot.addWidget(chart)
    chart.set_data([f"11-{d:02d}" for d in range(1, 31)], [Series("高风险", list(range(30)))])
    curves = chart.plot.listDataItems()
    assert len(curves) == 1 and list(curves[0].yData) == list(range(30))
