"""The consolidated PDF read back as a publication designer would (issue 14): the
running header names the unit at the top of each page, numbers and their heads
line up and round half up, a chart follows the table it draws, set in Oslo Sans
under a caption with year and n, continued tables keep their title, columns fit
their content, and the «Innhold» bookmark opens the contents."""

import re
import subprocess
import xml.etree.ElementTree as ET

import pikepdf
import pytest
from django.utils import translation

from circulars.models import UnitKind
from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.pdf import html_to_pdf, render_html
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill
from tests.reporting.test_export_layout import page_texts

LONG = "Et langt svar om arbeidet i enheten gjennom hele året. " * 60
# (kind, name, long text?, «andel»): the six shares' median is 20,25 %.
UNITS = [
    (UnitKind.BYDEL, "Bydel Alna", True, 10),
    (UnitKind.BYDEL, "Bydel Bjerke", True, 20),
    (UnitKind.BYDEL, "Bydel Frogner", False, 20.5),
    (UnitKind.ETAT, "Bymiljøetaten", True, 20),
    (UnitKind.ETAT, "Kulturetaten", False, 40),
    (UnitKind.ETAT, "Utdanningsetaten", True, 50),
]
NAMES = [name for _kind, name, _long, _share in UNITS]


@pytest.fixture
def publication(db):
    """Six approved units, some long enough to run over a page; three of them
    also reported the year before, so the chapter has a comparison table."""
    adviser = factories.adviser()
    audience = (UnitKind.BYDEL, UnitKind.ETAT)
    every_kind_circular(year=2025, audience=audience)
    every_kind_circular(year=2026, audience=audience)
    for index, (kind, name, long, share) in enumerate(UNITS):
        unit = factories.UnitFactory(kind=kind, name=name, slug=f"enhet-{index}")
        reports = Report.objects.filter(unit=unit)
        if index < 3:
            fill(
                reports.get(circular__reporting_year=2025),
                answers(index),
                by=None,
                approve_by=adviser,
            )
        overrides = {"andel": share, "snitt": 50}
        if long:
            overrides["tekst"] = LONG
        fill(
            reports.get(circular__reporting_year=2026),
            answers(index, **overrides),
            by=None,
            approve_by=adviser,
        )
    return build_consolidated(Selection(year=2026))[0]


def body_lines(page: str) -> list[str]:
    """A page's lines below its running header (title, chapter and unit)."""
    lines = [line for line in page.splitlines() if line.strip()]
    return lines[2:]


def test_the_running_header_names_the_unit_at_the_top_of_the_page(publication):
    pages = page_texts(publication)
    current, checked, continued = None, 0, 0
    for page in pages[1:]:
        header = page.lstrip().splitlines()[1]
        if "Vedlegg: leveranser" in header:
            break
        lines = [line.strip() for line in body_lines(page)]
        starts = [i for i, line in enumerate(lines) if line in NAMES]
        if current or starts:
            top = lines[starts[0]] if starts and starts[0] <= 1 else current
            assert header.rstrip().endswith(top), (header, lines[:3])
            checked += 1
            # A unit runs on from the page before and another starts below it.
            continued += bool(starts and starts[0] > 1 and current)
        if starts:
            current = lines[starts[-1]]
    assert checked >= len(NAMES) and continued, (checked, continued)


def test_the_contents_bookmark_opens_the_contents(publication):
    pages = page_texts(publication)
    with pikepdf.open(publication) as pdf, pdf.open_outline() as outline:
        first = outline.root[0]
        assert first.title == "Innhold"
        target = first.destination[0].objgen
        page = next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == target)
    assert page == 1 and re.search(r"^\s*Innhold\s*$", pages[page], re.M)


def statistics_text(path) -> str:
    pages = page_texts(path)
    first = next(i for i, p in enumerate(pages) if "Statistikk på tvers" in p)
    end = next(i for i, p in enumerate(pages) if " Bydeler\n" in p)
    return "\n".join(pages[first:end])


def test_statistics_round_half_up_keep_one_decimal_and_align_heads_right(
    publication,
):
    text = statistics_text(publication)
    assert "20,3 %" in text and "20,2 %" not in text  # median of 20 and 20,5
    assert re.search(r"Median\s+50,0$", text, re.M), "a decimal median keeps ,0"
    # The year heads stand right above the numbers of their column.
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.fullmatch(r"\s*Tall\s+2026\s*", line):
            number = next(
                row for row in lines[index + 1 :] if "Enheter som svarte" in row
            )
            assert abs(len(line.rstrip()) - len(number.rstrip())) <= 1, (line, number)
            break
    else:
        raise AssertionError("no numeric statistics table")


def test_a_chart_follows_this_years_table_under_a_caption_in_oslo_sans(publication):
    text = statistics_text(publication)
    caption = "Figur: Spørsmål ja-nei 2026, n = 6"
    assert caption in text
    question = text.index("Spørsmål ja-nei")
    this_year = text.index("2026: alle enheter som svarte (n = 6)", question)
    comparison = text.index("Sammenligning med 2025", this_year)
    assert this_year < text.index(caption) < comparison
    pages = page_texts(publication)
    charted = [i for i, p in enumerate(pages) if "Figur: " in p]
    with pikepdf.open(publication) as pdf:
        for index in charted:
            fonts = fonts_drawn(pdf.pages[index].obj)
            assert fonts and all("Oslo-Sans" in font for font in fonts), fonts


def fonts_drawn(holder) -> set[str]:
    """The fonts a page (or form) sets text in, forms drawn on it included."""
    resources = holder.get("/Resources", pikepdf.Dictionary())
    fonts = resources.get("/Font", {})
    forms = resources.get("/XObject", {})
    found = set()
    for operands, operator in pikepdf.parse_content_stream(holder):
        if str(operator) == "Tf":
            found.add(str(fonts[str(operands[0])].BaseFont))
        elif str(operator) == "Do" and str(operands[0]) in forms:
            form = forms[str(operands[0])]
            if form.get("/Subtype") == pikepdf.Name.Form:
                found |= fonts_drawn(form)
    return found


RUNNING = {"title": "Rapport", "chapter": "Kapittel"}


def render_pdf(template: str, context: dict) -> bytes:
    """A PDF template rendered by WeasyPrint."""
    with translation.override("nb"):
        html = render_html(template, {"running": RUNNING, **context})
    return html_to_pdf(html)[0]


def layout_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def render(template: str, context: dict) -> list[str]:
    """A PDF template rendered and read back, page by page."""
    return layout_text(render_pdf(template, context)).split("\f")[:-1]


def test_a_continued_deliveries_table_repeats_its_title_and_keeps_dates_whole():
    rows = [
        {
            "unit": f"Enhet nummer {n} Bydel St. Hanshaugen",
            "circular": "Rundskriv 1/2026",
            "status": "Godkjent",
            "submitted_at": "19.02.2027 14:05",
            "delivery": "I tide",
        }
        for n in range(90)
    ]
    pages = render("appendix.html", {"deliveries": rows, "deadline": "20.02.2027"})
    assert len(pages) >= 2
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert "Leveranser per enhet" in lines, page[:300]  # the table's title row
        assert "Hanshau-" not in page and "Hanshau‐" not in page
        assert any(line.startswith("Enhet") and "Status" in line for line in lines)
        for line in lines:
            if line.startswith("Enhet nummer"):
                assert "Godkjent" in line and "19.02.2027 14:05" in line, line


def test_a_continued_statistics_table_repeats_its_caption():
    table = {
        "caption": "2026: alle enheter som svarte (n = 80)",
        "columns": ["Kategori", "Kvinner", "Menn"],
        "groups": [],
        "years": ["2026"],
        "rows": [[f"Gruppe {n}", "12", "7"] for n in range(90)],
    }
    statistic = {"label": "Ansatte", "tables": [table], "chart": ""}
    chapter = {"title": "4.7", "units": 80, "sections": "4.7"}
    chapter["statistics"] = [statistic]
    pages = [p for p in render("chapter.html", {"chapter": chapter}) if "Gruppe" in p]
    assert len(pages) >= 2
    for page in pages:
        assert table["caption"] in page, page[:300]


def words(pdf: bytes) -> list[tuple[float, float, float, str]]:
    """(left, right, top, word) of every word, as pdftotext places it."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    root = ET.fromstring(xhtml)
    return [
        (float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMin")), w.text)
        for w in root.iter("{http://www.w3.org/1999/xhtml}word")
    ]


def table_question(label, columns, rows):
    return {
        "kind": "table",
        "label": label,
        "columns": [{"label": column, "numeric": True} for column in columns],
        "rows": [
            {
                "label": row,
                "cells": [
                    {"text": text, "numeric": True, "previous": previous}
                    for text, previous in cells
                ],
            }
            for row, cells in rows
        ],
        "rule_notes": [],
    }


def test_numeric_columns_fit_their_numbers_alike_in_every_table():
    grounds = ["Omsorgsoppgaver", "Kjønnsuttrykk", "Seksuell orientering", "Alder"]
    complaints = table_question(
        "Klager per diskrimineringsgrunnlag",
        ["Mottatt", "Behandlet", "Brakt inn for Diskrimineringsnemnda"],
        [(ground, [("52", "57"), ("48", "50"), ("1", "")]) for ground in grounds],
    )
    staff = table_question(
        "Ansatte per stillingsgruppe",
        ["Kvinner", "Menn"],
        [("Ledere", [("2", ""), ("7", "")])],
    )
    staff_long = table_question(
        "Ansatte i deltid",
        ["Kvinner", "Menn"],
        [("Alle ansatte i virksomheten", [("11\xa0405", "11\xa0000"), ("9", "")])],
    )
    section = {
        "number": "4.7",
        "title": "Arbeidsgiverrollen",
        "previous_year": 2025,
        "questions": [complaints, staff, staff_long],
    }
    report = {"unit": "Bydel Alna", "circular": "Rundskriv 1/2026"}
    pdf = render_pdf(
        "unit_batch.html",
        {"group": "Bydeler", "units": [{"report": report, "section": section}]},
    )
    text = layout_text(pdf)
    for ground in grounds:  # row labels whole, not «Omsorgsopp-gaver»
        assert ground in text, text
    assert not re.search(r"\(2025:\s*$", text, re.M), "a number broken from its note"
    placed = words(pdf)
    kvinner = [(left, right) for left, right, _top, w in placed if w == "Kvinner"]
    assert len(kvinner) == 2 and kvinner[0] == pytest.approx(kvinner[1], abs=0.5)
    # The nemnda column (1–2 digits) is as wide as the others: right edges of
    # the first row's three cells are evenly spaced.
    row = next(top for _left, _right, top, w in placed if w == "Omsorgsoppgaver")
    rights = [
        right
        for _left, right, top, w in placed
        if abs(top - row) < 1 and w in ("57)", "50)", "1")
    ]
    assert len(rights) == 3, "each number and its note on one line"
    assert rights[1] - rights[0] == pytest.approx(rights[2] - rights[1], abs=2)
