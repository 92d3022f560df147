"""Purpose: the dashboard's charts as server-rendered SVG (no script, so they work under the site's
strict CSP and without JavaScript): bars with an optional line over them, with axes, round ticks and
a tooltip on every bar and point (an SVG <title>). Colours come from classes the dashboard's
stylesheet sets for light and dark. The SVG scales to its box (viewBox), so it reads at phone width.
"""
from html import escape

W, H = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 46, 8, 12, 30


def nice_top(value):
    """The smallest of 1, 2, 5, 10, 20, 50... at or above `value` (at least 1)."""
    top = 1
    while top < value:
        top = top * 5 // 2 if str(top)[0] == "2" else top * 2
    return top


def _fmt(v):
    return f"{v:,}".replace(",", " ") if isinstance(v, int) else str(v)


def bar_chart(label, labels, bars, line=None, bar_name="", line_name=""):
    """An SVG of one bar per label (values `bars`) and, when given, a line (values `line`) on the same
    axis. `label` is the chart's accessible name."""
    n = max(1, len(labels))
    top = nice_top(max([*bars, *(line or []), 1]))
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    step = plot_w / n
    y = lambda v: TOP + plot_h - plot_h * v / top  # noqa: E731
    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}">']
    ticks = 5 if top >= 5 else top  # whole numbers only: 0, 1, 2 or 0, 2, 4, 6, 8, 10...
    for k in range(ticks + 1):  # grid lines and the y axis's ticks
        v = top * k // ticks
        out.append(f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
                   f'<text class="tick" x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{_fmt(v)}</text>')
    every = max(1, -(-n // 6))  # at most about 6 labels on the x axis
    for i, (name, v) in enumerate(zip(labels, bars)):
        x = LEFT + i * step
        out.append(f'<rect class="bar" x="{x + step * 0.15:.1f}" y="{y(v):.1f}" width="{step * 0.7:.1f}" '
                   f'height="{TOP + plot_h - y(v):.1f}"><title>{escape(str(name))}: {_fmt(v)} {escape(bar_name)}'
                   f'</title></rect>')
        if i % every == 0 or i == n - 1:
            out.append(f'<text class="tick" x="{x + step / 2:.1f}" y="{H - 10}" text-anchor="middle">'
                       f'{escape(str(name))}</text>')
    if line:
        points = " ".join(f"{LEFT + (i + 0.5) * step:.1f},{y(v):.1f}" for i, v in enumerate(line))
        out.append(f'<polyline class="line" points="{points}"/>')
        for i, (name, v) in enumerate(zip(labels, line)):
            out.append(f'<circle class="dot" cx="{LEFT + (i + 0.5) * step:.1f}" cy="{y(v):.1f}" r="4">'
                       f'<title>{escape(str(name))}: {_fmt(v)} {escape(line_name)}</title></circle>')
    out.append(f'<line class="axis" x1="{LEFT}" x2="{W - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>'
               f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}"/></svg>')
    return "".join(out)
