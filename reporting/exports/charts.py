"""Horizontal bar charts as SVG for the PDF, readable whatever the data: one unit or
eighty, every value hidden, labels of any length.

Sizes are in points (the SVG is as wide as the text column and drawn at 1:1), so the
chart's text has the tables' type size. Each bar has its own line and its value
right after it, so no two labels meet. A hidden value («<5», «x») has no bar, only
its mark: a bar's length would give it away. Long category labels wrap to two
lines and are shortened after that; the table beside the chart has the full text.
"""

import re

from django.utils.html import escape
from django.utils.translation import gettext as _

WIDTH = 480  # pt: fits a text column of 170 mm (482 pt)
FONT = 9  # pt, as the tables
FAMILY = "Oslo Sans, DejaVu Sans, sans-serif"  # as static/css/pdf.css
LINE = 11
BAR = 13  # pt per bar, room for a line of text
GAP = 6
LABEL_WIDTH = 150
LABEL_LINES = 2
# Dark enough for bars on white (WCAG 1.4.11 non-text contrast >= 3:1).
COLOURS = ["#2a2859", "#1f7a55", "#9b3c00", "#6b3f8f"]


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate of the width of `text` in points."""
    return len(text) * size * 0.6


def wrap(text: str, width: float = LABEL_WIDTH, lines: int = LABEL_LINES) -> list:
    """`text` in at most `lines` lines of `width` points, broken at spaces or after
    «/» and «-», the last line shortened with «…» when the text is longer."""
    chars = max(int(width / (FONT * 0.6)), 4)
    words = [w for w in re.split(r"\s+|(?<=[/\-–])", text) if w]
    wrapped, line = [], ""
    for word in words:
        glue = "" if not line or line.endswith(("/", "-", "–")) else " "
        if line and len(line + glue + word) > chars:
            wrapped.append(line)
            line = word
        else:
            line += glue + word
        while len(line) > chars:  # one word longer than a line
            wrapped.append(line[: chars - 1] + "-")
            line = line[chars - 1 :]
    wrapped.append(line)
    if len(wrapped) > lines:
        rest = " ".join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], rest[: chars - 1].rstrip() + "…"]
    return wrapped


def _legend(names: list[str]) -> tuple[list[str], float]:
    """Legend items placed in rows that wrap at the chart's width; its height."""
    parts, x, y = [], 0.0, 0.0
    for index, name in enumerate(names):
        label = wrap(name, WIDTH - 16, 1)[0]
        item = 16 + text_width(label) + 12
        if x and x + item > WIDTH:
            x, y = 0.0, y + LINE + 2
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 1:.1f}" width="9" height="9" '
            f'fill="{COLOURS[index % len(COLOURS)]}"/>'
            f'<text x="{x + 13:.1f}" y="{y + 9:.1f}">{escape(label)}</text>'
        )
        x += item
    return parts, (y + LINE + 6 if names else 0)


def bar_chart(
    *, title: str, categories: list[str], series: list[tuple[str, list]], alt: str
) -> str:
    """A grouped horizontal bar chart. `series` is [(name, [(number or None, text)])]
    with one (number, text) per category; a None number draws no bar."""
    values = [n for _name, cells in series for n, _t in cells if n is not None]
    texts = [t for _name, cells in series for _n, t in cells]
    top = max(values, default=0) or 1
    plot_x = LABEL_WIDTH + 6
    value_room = max((text_width(t) for t in texts), default=0) + 6
    scale = max(WIDTH - plot_x - value_room, 40) / top
    legend, y = _legend([name for name, _cells in series] if len(series) > 1 else [])
    axis_top, parts = y, []
    for row, category in enumerate(categories):
        lines = wrap(category)
        height = max(len(series) * BAR, len(lines) * LINE) + GAP
        middle = y + (height - GAP) / 2
        first = middle - (len(lines) - 1) * LINE / 2 + FONT / 3
        parts.append(
            f'<text x="{LABEL_WIDTH:.1f}" y="{first:.1f}" text-anchor="end">'
            + "".join(
                f'<tspan x="{LABEL_WIDTH:.1f}" dy="{0 if i == 0 else LINE}">'
                f"{escape(line)}</tspan>"
                for i, line in enumerate(lines)
            )
            + "</text>"
        )
        bars_top = middle - len(series) * BAR / 2
        for index, (_name, cells) in enumerate(series):
            number, label = cells[row]
            bar_y = bars_top + index * BAR
            length = number * scale if number else 0
            if length:
                parts.append(
                    f'<rect x="{plot_x}" y="{bar_y + 1:.1f}" width="{length:.1f}" '
                    f'height="{BAR - 2}" fill="{COLOURS[index % len(COLOURS)]}"/>'
                )
            style = ' font-style="italic"' if number is None else ""
            text_y = bar_y + BAR / 2 + FONT / 3
            parts.append(
                f'<text x="{plot_x + length + 3:.1f}" y="{text_y:.1f}"{style}>'
                f"{escape(label)}</text>"
            )
        y += height
    parts.append(
        f'<line x1="{plot_x}" y1="{axis_top:.1f}" x2="{plot_x}" y2="{y - GAP:.1f}" '
        'stroke="#666" stroke-width="0.5"/>'
    )
    height = y + 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{WIDTH}pt" height="{height:.1f}pt" viewBox="0 0 {WIDTH} {height:.1f}" '
        # WeasyPrint's SVG text takes no font from the page's CSS: named here.
        f'font-family="{FAMILY}" font-size="{FONT}" fill="#111" '
        f'aria-label="{escape(alt)}"><title>{escape(alt)}</title>'
        + "".join(legend)
        + "".join(parts)
        + "</svg>"
    )


def sentence(text: str) -> str:
    """`text` as a sentence: a capital first, one full stop at the end (none after
    «?» or «!»)."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text[-1] in ".?!" else ".")


def describe(title: str, categories: list[str], series: list[tuple[str, list]]) -> str:
    """Alt text: what the chart shows (with its year and n in `title`), its largest
    value per series, and (when short) every value."""
    sentences = [sentence(_("Stolpediagram: %(title)s") % {"title": title})]
    for name, cells in series:
        numbered = [
            (number, category, text)
            for category, (number, text) in zip(categories, cells, strict=True)
            if number is not None
        ]
        prefix = f"{name}: " if len(series) > 1 else ""
        if numbered:
            number, category, text = max(numbered, key=lambda item: item[0])
            sentences.append(
                sentence(
                    prefix
                    + _("størst er %(category)s med %(value)s")
                    % {"category": category, "value": text}
                )
            )
        else:
            sentences.append(sentence(prefix + _("alle tallene er skjult")))
        if len(categories) <= 6:
            sentences.append(
                sentence(
                    ", ".join(
                        f"{category} {text}"
                        for category, (_n, text) in zip(categories, cells, strict=True)
                    )
                )
            )
    if len(categories) > 6:
        sentences.append(_("Alle tallene står i tabellen."))
    return " ".join(sentences)
