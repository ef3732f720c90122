"""Statistics as the PDF shows them: tables of text and a chart per question."""

from django.utils.text import get_text_list
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
    if figure["kind"] == K.INTEGER:
        return kind_of(figure["kind"]).format(value)
    # Medians of decimals and shares: one decimal each, so a column reads alike.
    return kind_of(figure["kind"]).format(value, decimals=1)


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


def chart_heading(chart: dict) -> str:
    """What the chart shows, its year(s) and its number of units: «Har
    virksomheten en egen lokal handlingsplan? 2026, n = 78»."""
    figures = [f for _name, fs in chart["series"] for f in fs]
    years = sorted({f["year"] for f in figures})
    units = max((f["units"] for f in figures if f["year"] == years[-1]), default=0)
    return _("%(title)s %(years)s, n = %(units)s") % {
        "title": chart["title"],
        "years": get_text_list([str(year) for year in years], _("og")),
        "units": units,
    }


def chart_svg(chart: dict | None) -> tuple[str, str, str]:
    """The chart as SVG, its alt text and its caption; empty when there is
    nothing to draw."""
    if not chart or not chart["categories"]:
        return "", "", ""
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
        return "", "", ""  # nothing answered: the table says so
    heading = chart_heading(chart)
    alt = describe(heading, chart["categories"], series)
    return (
        bar_chart(
            title=heading,
            categories=chart["categories"],
            series=series,
            alt=alt,
        ),
        alt,
        _("Figur: %(heading)s") % {"heading": heading},
    )


def present(entry: dict) -> dict:
    """One question's statistics as the chapter template shows them."""
    svg, alt, caption = chart_svg(entry["chart"])
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
        "chart_title": caption,
    }
