"""Small bar charts as geometry for server-rendered SVG (templates/_charts.html).

No charting library and no script: the page is complete as it arrives, and
nothing is fetched from anywhere. Labels stay plain text; the template escapes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Bar", "Chart", "columns", "rows"]

WIDTH, HEIGHT, PAD = 640, 180, 24
ROW_WIDTH, ROW_HEIGHT, LABEL_WIDTH = 460, 22, 180  # rankings sit two side by side


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    peak: int
    title: str


def columns(points: list[tuple[str, int]], title: str) -> Chart:
    """Vertical bars in the order given (time runs left to right)."""
    peak = max((v for _, v in points), default=0) or 1
    slot = (WIDTH - 2 * PAD) / max(1, len(points))
    bars = []
    for i, (label, value) in enumerate(points):
        height = (HEIGHT - 2 * PAD) * value / peak
        bars.append(Bar(label, value, PAD + i * slot + slot * 0.1, HEIGHT - PAD - height,
                        max(1.0, slot * 0.8), height))
    return Chart(WIDTH, HEIGHT, bars, peak, title)


def rows(points: list[tuple[str, int]], title: str) -> Chart:
    """Horizontal bars, largest first as given (rankings)."""
    peak = max((v for _, v in points), default=0) or 1
    span = ROW_WIDTH - LABEL_WIDTH - PAD
    bars = [Bar(label, value, LABEL_WIDTH, i * ROW_HEIGHT + 4, span * value / peak, ROW_HEIGHT - 6)
            for i, (label, value) in enumerate(points)]
    return Chart(ROW_WIDTH, len(points) * ROW_HEIGHT + 8, bars, peak, title)
