"""A variable's series charts as SVG geometry for its entity page (no script needed).

In: the charts :func:`aikg.view.series.series` computes (one a unit, each with its series of
points placed by date). Out: for each chart, the polyline and the points of each series in a
fixed box, with axis ticks; the template draws them and every label stays text (escaped).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from aikg.number_display import display_number
from aikg.serve.links import path_of

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 16, 32
#: Colours of successive series (the stylesheet's palette).
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2")


def _day(text: str) -> float:
    return float(date.fromisoformat(text).toordinal())


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        return [low]
    step = (high - low) / (count - 1)
    return [low + i * step for i in range(count)]


def _number(value: float) -> str:
    """A tick's number, short: ``602 million``, ``45.5``."""
    if abs(value) >= 10**6:
        return display_number(Decimal(f"{value:.3g}"), "en", "words")
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


def charts(series: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The drawable charts of a variable's series data (empty when it has none)."""
    if not series:
        return []
    drawn = []
    for chart in series["charts"]:
        points = [p for s in chart["series"] for p in s["points"]]
        if not points:
            continue
        xs = [_day(p["x"]) for p in points]
        ys = [float(p["y"]) for p in points]
        x0, x1 = min(xs), max(xs)
        y0, y1 = min(0.0, min(ys)), max(ys)
        if x1 == x0:
            x0, x1 = x0 - 180, x1 + 180
        if y1 == y0:
            y1 = y0 + 1

        def place(x: float, y: float, x0: float = x0, x1: float = x1, y0: float = y0,
                  y1: float = y1) -> tuple[float, float]:  # fmt: skip
            px = LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT)
            py = HEIGHT - BOTTOM - (y - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM)
            return round(px, 1), round(py, 1)

        lines = []
        for i, group in enumerate(chart["series"]):
            marks = []
            for p in group["points"]:
                cx, cy = place(_day(p["x"]), float(p["y"]))
                name = p.get("name") or {}
                marks.append({
                    "cx": cx, "cy": cy, "href": path_of(p["obs"]),
                    "title": f"{p.get('periodText', {}).get('en') or p['period']}: "
                             f"{p['value']} — {name.get('en', '')}",
                })  # fmt: skip
            area = group.get("area") or {}
            words = [area.get("en")]
            words += [f"{b['l']['en']}: {b['v']['en']}" for b in group["breakdown"]]
            lines.append({
                "colour": COLOURS[i % len(COLOURS)],
                "label": " ".join(w for w in words if w) or group["key"],
                "path": " ".join(f"{m['cx']},{m['cy']}" for m in marks),
                "points": marks,
                "unplaced": len(group["unplaced"]),
            })  # fmt: skip
        unit = chart.get("unitLabel") or {}
        drawn.append({
            "unit": unit.get("en") or chart.get("unit") or "",
            "unit_zh": unit.get("zh") or "",
            "width": WIDTH, "height": HEIGHT, "left": LEFT, "bottom": HEIGHT - BOTTOM,
            "right": WIDTH - RIGHT, "top": TOP,
            "xticks": [{"x": place(t, y0)[0], "label": date.fromordinal(int(t)).isoformat()[:7]}
                       for t in _ticks(x0, x1)],
            "yticks": [{"y": place(x0, t)[1], "label": _number(t)} for t in _ticks(y0, y1)],
            "series": lines,
        })  # fmt: skip
    return drawn
