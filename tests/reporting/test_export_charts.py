"""Charts readable with any data: one unit or eighty, everything hidden, long labels."""

import itertools
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from reporting.exports.charts import FONT, WIDTH, text_width
from reporting.exports.presentation import chart_svg
from reporting.exports.statistics import figure

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


def chart(categories, series, title="Ansatte per stillingsgruppe"):
    """A chart of integer figures (its SVG and alt text); a str value is a
    disclosure mark."""
    return chart_svg(
        {
            "title": title,
            "categories": categories,
            "series": [
                (
                    name,
                    [
                        figure(None, year=2026, units=3, mark=v)
                        if isinstance(v, str)
                        else figure(v, year=2026, units=3)
                        for v in values
                    ],
                )
                for name, values in series
            ],
        }
    )[:2]


def boxes(svg: str) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom, text) of every line of text in the chart."""
    found = []
    for element in ET.fromstring(svg).iter(f"{SVG}text"):
        spans = list(element.iter(f"{SVG}tspan")) or [element]
        y = float(element.get("y"))
        for index, span in enumerate(spans):
            text = span.text or ""
            y += float(span.get("dy") or 0) if index else 0
            x = float(span.get("x") or element.get("x"))
            if element.get("text-anchor") == "end":
                left, right = x - text_width(text), x
            else:
                left, right = x, x + text_width(text)
            found.append((left, y - FONT * 0.8, right, y + FONT * 0.2, text))
    return found


def overlapping(found) -> list:
    return [
        (a[4], b[4])
        for a, b in itertools.combinations(found, 2)
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def bars(svg: str) -> list[float]:
    root = ET.fromstring(svg)
    return [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("y")]


@pytest.mark.parametrize("units", [1, 80])
def test_no_two_labels_meet_and_everything_fits_the_width(units):
    categories = [f"Stillingsgruppe nummer {i}" for i in range(units)]
    svg, _alt = chart(
        categories,
        [("Kvinner", [11405 + i for i in range(units)]), ("Menn", [3] * units)],
    )
    found = boxes(svg)
    assert not overlapping(found)
    assert all(left >= 0 and right <= WIDTH for left, _t, right, _b, _x in found)


def test_long_labels_wrap_to_two_lines_and_end_shortened():
    long = (
        "Stillinger med krav om høyskoleutdanning og videre spesialutdanning "
        "innen helse, omsorg og sosialt arbeid i bydelene"
    )
    svg, _alt = chart([long, "Ledere"], [("2026", [40, 12])])
    label = next(
        e for e in ET.fromstring(svg).iter(f"{SVG}text") if e.get("text-anchor")
    )
    lines = [span.text for span in label.iter(f"{SVG}tspan")]
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert long.startswith(lines[0])


def test_a_legend_of_long_names_wraps_instead_of_running_off():
    names = [f"Sammenligning av svar fra enhetene for år {y}" for y in range(4)]
    svg, _alt = chart(["Ja", "Nei"], [(name, [10, 20]) for name in names])
    legend = [b for b in boxes(svg) if b[4] in names]
    assert len({round(top) for _l, top, _r, _b, _t in legend}) > 1
    assert all(right <= WIDTH for _l, _t, right, _b, _x in legend)


def test_a_hidden_value_is_its_mark_without_a_bar_and_zero_is_zero():
    svg, alt = chart(["Ja", "Nei", "Vet ikke"], [("2026", [16, "<5", 0])])
    assert len(bars(svg)) == 1  # only «Ja» has a bar
    texts = [b[4] for b in boxes(svg)]
    assert "<5" in texts and "0" in texts and "16" in texts
    assert "Størst er Ja med 16" in alt


def test_a_chart_of_nothing_but_hidden_values_still_shows_the_marks():
    svg, alt = chart(["Kvinner", "Menn"], [("2026", ["<5", "x"])])
    assert bars(svg) == []
    assert {"<5", "x"} <= {b[4] for b in boxes(svg)}
    assert "skjult" in alt


def test_numbers_are_norwegian_with_a_no_break_space_and_the_tables_type_size():
    svg, alt = chart(["Kvinner"], [("2026", [11405])])
    assert "11\xa0405" in svg and "11\xa0405" in alt
    root = ET.fromstring(svg)
    assert root.get("font-size") == str(FONT) and root.get("width") == f"{WIDTH}pt"


def test_the_alt_text_says_what_the_chart_shows():
    _svg, alt = chart(
        ["Ledere", "Andre"], [("Kvinner", [12, 250]), ("Menn", [30, 180])]
    )
    assert alt.startswith("Stolpediagram: Ansatte per stillingsgruppe 2026, n = 3.")
    assert "Kvinner: størst er Andre med 250." in alt
    assert "Menn: størst er Andre med 180." in alt


def test_the_alt_text_is_sentences_naming_the_year_and_n():
    _svg, alt = chart(
        ["Ja", "Nei"],
        [("2026", [16, 22])],
        title="Har virksomheten en egen lokal handlingsplan?",
    )
    assert alt.startswith(
        "Stolpediagram: Har virksomheten en egen lokal handlingsplan? 2026, n = 3. "
        "Størst er Nei med 22. Ja 16, Nei 22."
    ), alt
    assert "?." not in alt and ". s" not in alt
