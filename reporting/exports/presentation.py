"""Statistics as the PDF shows them: tables of text and a chart per question."""

from django.utils.translation import gettext as _

from circulars.models import Question

from ..kinds import kind_of
from .charts import bar_chart, describe

K = Question.Kind


def text(figure: dict) -> str:
    """A figure as printed: its disclosure mark, a Norwegian number, or a dash."""
    if figure["mark"]:
        return figure["mark"]
    value = figure["value"]
    if value is None:
        return "–"
    if figure["kind"] != K.INTEGER:
        value = round(value, 1)
    return kind_of(figure["kind"]).format(value)


def cell_text(figure: dict) -> str:
    """A figure in a statistics table: with the number of units behind it where
    fewer answered than the table is about (its caption's n)."""
    shown = text(figure)
    if figure["value"] is None or figure["mark"]:
        return shown
    if figure["units"] < figure.get("of", figure["units"]):
        return _("%(value)s (n = %(units)s)") % {
            "value": shown,
            "units": figure["units"],
        }
    return shown


def chart_svg(chart: dict | None) -> tuple[str, str]:
    """The chart as SVG and its alt text; empty when there is nothing to draw."""
    if not chart or not chart["categories"]:
        return "", ""
    series = [
        (
            name,
            [(None if f["mark"] else f["value"], text(f)) for f in figures],
        )
        for name, figures in chart["series"]
    ]
    if not any(
        f["value"] is not None or f["mark"] for _n, fs in chart["series"] for f in fs
    ):
        return "", ""  # nothing answered: the table says so
    alt = describe(chart["title"], chart["categories"], series)
    return (
        bar_chart(
            title=chart["title"],
            categories=chart["categories"],
            series=series,
            alt=alt,
        ),
        alt,
    )


def present(entry: dict) -> dict:
    """One question's statistics as the chapter template shows them."""
    svg, alt = chart_svg(entry["chart"])
    return {
        "label": entry["label"],
        "tables": [
            {
                "caption": table["caption"],
                "columns": table["columns"],
                "groups": table.get("groups") or [],
                "years": table.get("years") or [],
                "rows": [
                    [row["label"], *(cell_text(f) for f in row["cells"])]
                    for row in table["rows"]
                ],
            }
            for table in entry["tables"]
        ],
        # In place of a table left out (a comparison over too few units).
        "notes": entry.get("notes") or [],
        "chart": svg,
        "chart_alt": alt,
    }
