"""Bar charts as inline SVG, drawn here so that the report needs no script or network to show
them; every bar carries its number and name as text, so colour is never the only cue."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

_ROW = 26
_LABEL_WIDTH = 210
_BAR_WIDTH = 300
_VALUE_WIDTH = 230


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    note: str = ""  # shown after the value ("largest 130,000")
    link: str | None = None  # where the label leads


def bar_chart(bars: list[Bar], title: str, unit: str) -> Markup:
    """Return a horizontal bar chart of `bars` (in the given order) as an <svg> element."""
    width = _LABEL_WIDTH + _BAR_WIDTH + _VALUE_WIDTH
    height = _ROW * len(bars) + 8
    largest = max((bar.value for bar in bars), default=0) or 1
    rows = []
    for number, bar in enumerate(bars):
        y = 4 + number * _ROW
        length = max(2, round(_BAR_WIDTH * bar.value / largest))
        label = escape(_shorten(bar.label, 30))
        if bar.link:
            label = Markup(f'<a href="{escape(bar.link)}">{label}</a>')
        value = f"{bar.value:,} {unit if bar.value != 1 else unit.rstrip('s')}"
        if bar.note:
            value += f" · {bar.note}"
        rows.append(
            f'<g class="bar"><title>{escape(bar.label)}: {escape(value)}</title>'
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end">{label}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{_ROW - 8}"/>'
            f'<text x="{_LABEL_WIDTH + length + 6}" y="{y + 17}" class="value">'
            f"{escape(value)}</text></g>"
        )
    return Markup(
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}"'
        f' width="100%" preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>'
        + "".join(rows)
        + "</svg>"
    )


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
