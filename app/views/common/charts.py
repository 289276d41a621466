"""Chart widgets on pyqtgraph, imported only when the first chart is built (start-up stays light).

Charts take plain data (categories and series) computed in SQL by the services, never rows: PERFORMANCE.md
shows 100k bars cost 235 ms per update, 5 to 1,000 bars a few ms. A bar click is a signal, so a dashboard can
open the matching list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

WARNING_COLOURS = {"blue": "#1e88e5", "yellow": "#fbc02d", "orange": "#fb8c00", "red": "#d32f2f"}
PALETTE = ("#1565c0", "#2e7d32", "#f9a825", "#c62828", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: str = ""


def _pg():  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#333")
    return pg


class ChartBase(QWidget):
    """A titled pyqtgraph plot with category ticks on the x axis."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg = _pg()
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold;")
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMenuEnabled(False)
        self.plot_widget.showGrid(y=True, alpha=0.25)
        self.plot = self.plot_widget.getPlotItem()
        self.legend = self.plot.addLegend(offset=(10, 5))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.title)
        lay.addWidget(self.plot_widget, 1)
        self.categories: list[str] = []

    def _set_categories(self, categories: Sequence[str], every: int = 1) -> None:
        self.categories = list(categories)
        ticks = [(i, c) for i, c in enumerate(self.categories) if i % max(1, every) == 0]
        self.plot.getAxis("bottom").setTicks([ticks])

    def _clear(self) -> None:
        self.plot.clear()
        if self.legend is not None:
            self.legend.clear()


class BarChart(ChartBase):
    """Grouped or stacked bars per category; ``bar_clicked`` gives (category index, series index)."""

    bar_clicked = Signal(int, int)

    def __init__(self, title: str = "", *, stacked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.stacked = stacked
        self.items: list[object] = []
        self.series: list[Series] = []
        self.plot.scene().sigMouseClicked.connect(self._clicked)

    def set_data(self, categories: Sequence[str], series: Sequence[Series], *, tick_every: int = 1) -> None:
        pg = _pg()
        self._clear()
        self._set_categories(categories, tick_every)
        self.series = list(series)
        self.items = []
        n = max(1, len(series))
        width = 0.8 if self.stacked else 0.8 / n
        base = [0.0] * len(categories)
        for k, s in enumerate(series):
            colour = QColor(s.colour or PALETTE[k % len(PALETTE)])
            xs = [i if self.stacked else i - 0.4 + width * (k + 0.5) for i in range(len(categories))]
            item = pg.BarGraphItem(
                x=xs,
                height=list(s.values),
                width=width,
                y0=list(base) if self.stacked else 0,
                brush=colour,
                pen=colour.darker(120),
                name=s.name,
            )
            self.plot.addItem(item)  # a named item joins the plot's legend by itself
            self.items.append(item)
            if self.stacked:
                base = [b + v for b, v in zip(base, s.values, strict=False)]
        top = max([*base, *(v for s in series for v in s.values), 1]) if series else 1
        self.plot.setYRange(0, top * 1.1)
        self.plot.setXRange(-0.6, len(categories) - 0.4, padding=0)

    def _clicked(self, event) -> None:  # type: ignore[no-untyped-def]
        pos = self.plot.vb.mapSceneToView(event.scenePos())
        index = round(pos.x())
        if 0 <= index < len(self.categories):
            self.bar_clicked.emit(index, self.series_at(index, pos.y()))

    def series_at(self, index: int, y: float) -> int:
        if not self.stacked:
            return 0
        total = 0.0
        for k, s in enumerate(self.series):
            total += s.values[index]
            if y <= total:
                return k
        return max(0, len(self.series) - 1)


class LineChart(ChartBase):
    """Lines over categories (days, months); large series are downsampled and clipped to view.

    Pens are one pixel wide: a two-pixel antialiased line cost ~100 ms a paint on the raster engine, one ~10 ms.
    """

    def set_data(self, categories: Sequence[str], series: Sequence[Series], *, tick_every: int = 7) -> None:
        pg = _pg()
        self._clear()
        self._set_categories(categories, tick_every)
        for k, s in enumerate(series):
            colour = s.colour or PALETTE[k % len(PALETTE)]
            curve = self.plot.plot(
                list(range(len(s.values))),
                list(s.values),
                pen=pg.mkPen(colour, width=1),
                name=s.name,
                symbol="o" if len(s.values) <= 40 else None,
                symbolSize=5,
                symbolBrush=colour,
            )
            curve.setDownsampling(auto=True)
            curve.setClipToView(True)
        self.plot.enableAutoRange()
