"""Bar charts as SVG for the PDF: values already suppressed draw no bar, only «<5».

A bar's length would give a suppressed count away, so a suppressed value is a
label without a bar.
"""

from django.utils.html import escape

WIDTH = 640
LABEL_WIDTH = 250
VALUE_WIDTH = 48
BAR_HEIGHT = 12
GAP = 8
# Dark enough for text-free bars on white (WCAG 1.4.11 non-text contrast >= 3:1).
COLOURS = ["#2a2859", "#1f7a55", "#9b3c00", "#6b3f8f"]


def _clip(text: str, length: int = 42) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(
    *, title: str, categories: list[str], series: list[tuple[str, list]]
) -> str:
    """A horizontal grouped bar chart: one group per category, one bar per series."""
    numbers = [v for _name, values in series for v in values if isinstance(v, int)]
    top = max(numbers, default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10) / top
    group_height = len(series) * BAR_HEIGHT + GAP
    legend_height = 20 if len(series) > 1 else 0
    height = legend_height + len(categories) * group_height + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    if legend_height:
        x = LABEL_WIDTH
        for index, (name, _values) in enumerate(series):
            colour = COLOURS[index % len(COLOURS)]
            parts.append(
                f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>'
                f'<text x="{x + 14}" y="13" class="legend">{escape(name)}</text>'
            )
            x += 14 + 7 * len(name) + 16
    for row, category in enumerate(categories):
        y = legend_height + row * group_height
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + group_height / 2 + 2}" '
            f'text-anchor="end" class="label">{escape(_clip(category))}</text>'
        )
        for index, (_name, values) in enumerate(series):
            value = values[row]
            bar_y = y + index * BAR_HEIGHT
            length = value * scale if isinstance(value, int) else 0
            if length:
                colour = COLOURS[index % len(COLOURS)]
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{length:.1f}" '
                    f'height="{BAR_HEIGHT - 2}" fill="{colour}"/>'
                )
            text = "–" if value is None else str(value)
            text_x, text_y = LABEL_WIDTH + length + 4, bar_y + BAR_HEIGHT - 3
            parts.append(
                f'<text x="{text_x:.1f}" y="{text_y}" class="value">'
                f"{escape(text)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
