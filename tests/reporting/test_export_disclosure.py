"""The disclosure rule as a reader of the published PDF and workbook meets it."""

import datetime
import io
import re
import subprocess
from fractions import Fraction

import pytest
from openpyxl import load_workbook

from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.report_pdf import build_report_pdf
from reporting.exports.xlsx import STATISTICS_COLUMNS, build_xlsx
from reporting.models import Report
from tests.reporting.disclosure_data import NAMES, determined, publish_two_years

PEOPLE = {
    "ansatte": "Kjønnsfordeling og lønn per stillingsgruppe",
    "klager": "Klager på diskriminering etter grunnlag",
}
MARKS = ("<5", "x")
PAY = "Kvinners lønn i % av menns"


@pytest.fixture
def units(db):
    return publish_two_years()


@pytest.fixture
def workbook(units):
    return load_workbook(io.BytesIO(build_xlsx(Selection(year=2026))))


def pdf_lines(path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def this_year(line: str) -> str:
    """A table row without last year's figures beside this year's."""
    return re.sub(r" \(\d{4}: [^)]*\)", "", line)


def unit_page_line(lines, name, label):
    """This year's figures in table row `label` in the unit `name`'s part."""
    start = max(i for i, line in enumerate(lines) if line == name)
    return this_year(next(line for line in lines[start:] if line.startswith(label)))


def topic_sheet(workbook):
    return next(s for s in workbook if s.title not in ("Statistikk", "Status"))


def statistics_rows(workbook) -> list[dict]:
    rows = list(workbook["Statistikk"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_yes_no_counts_are_counts_of_units_and_are_printed_as_they_are(workbook):
    plan = {
        (row["Kategori"], row["Kolonne"]): row["Verdi"]
        for row in statistics_rows(workbook)
        if row["Nøkkel"] == "plan"
    }
    assert plan[("Ja", "2026")] == 4
    assert plan[("Nei", "2026")] == 1
    assert plan[("Ikke besvart", "2026")] == 1
    assert plan[("Nei", "2026 (begge år)")] == 0


def test_totals_only_where_the_question_says_they_make_sense(workbook):
    figures = {
        (row["Nøkkel"], row["Kategori"], row["Kolonne"])
        for row in statistics_rows(workbook)
    }
    # Complaints: a total per column over the grounds, never across the columns.
    assert ("klager", "Sum", "Mottatt") in figures
    assert not [f for f in figures if f[0] == "klager" and f[2].startswith("Sum")]
    assert ("ansatte", "Ledere", "Sum") in figures


def test_no_published_count_of_people_is_between_one_and_four(workbook):
    sheet = list(topic_sheet(workbook).iter_rows(values_only=True))
    header = sheet[0]
    people_columns = [
        i
        for i, heading in enumerate(header)
        if any(heading.startswith(label) for label in PEOPLE.values())
        and not heading.endswith(PAY)
    ]
    published = [row[i] for row in sheet[1:] for i in people_columns]
    published += [
        row["Verdi"]
        for row in statistics_rows(workbook)
        if row["Nøkkel"] in PEOPLE and "Median" not in row["Kolonne"]
    ]
    numbers = [value for value in published if isinstance(value, int)]
    assert numbers and not [n for n in numbers if 0 < n < 5]
    assert 0 in numbers  # zero is shown as zero
    assert "<5" in published and "x" in published


def test_no_hidden_figure_can_be_recomputed_from_the_workbook(workbook):
    sheet = list(topic_sheet(workbook).iter_rows(values_only=True))
    header, units = sheet[0], sheet[1:]
    stats = {
        (row["Nøkkel"], row["Kategori"], row["Kolonne"]): row
        for row in statistics_rows(workbook)
        if row["År"] == 2026
    }
    equations = []

    def term(name, value):
        """({unknown: 1}, 0) for a hidden figure, ({}, value) for a shown one."""
        return ({name: 1}, 0) if value in MARKS else ({}, Fraction(value or 0))

    for key, label in PEOPLE.items():
        cells = {
            (heading.split(" – ")[1], heading.split(" – ")[2]): i
            for i, heading in enumerate(header)
            if heading.startswith(label) and not heading.endswith(PAY)
        }
        rows = sorted({row for row, _column in cells})
        columns = sorted({column for _row, column in cells})
        for suffix, members in (("", units), (" (begge år)", units[:4])):

            def total(row, column, suffix=suffix, key=key):
                heading = column if not suffix else f"{column} 2026{suffix}"
                figure = stats.get((key, row, heading))
                if figure is None:
                    return None
                return term((key, row, heading), figure["Prikking"] or figure["Verdi"])

            def add(parts, whole):
                if whole is None or None in parts:
                    return
                coefficients, constant = dict(whole[0]), -whole[1]
                for unknowns, value in parts:
                    for name in unknowns:
                        coefficients[name] = coefficients.get(name, 0) - 1
                    constant += value
                equations.append((coefficients, constant))

            for (row, column), index in cells.items():
                parts = [term((unit[0], row, column), unit[index]) for unit in members]
                add(parts, total(row, column))
            for row in rows:
                add([total(row, c) for c in columns], total(row, "Sum"))
            for column in columns:
                add([total(r, column) for r in rows], total("Sum", column))
            add([total("Sum", c) for c in columns], total("Sum", "Sum"))
    # Each unit's employees are its position groups added up.
    total_columns = {
        heading.rsplit(" – ", 1)[1]: i
        for i, heading in enumerate(header)
        if heading.startswith("Antall ansatte – ")
    }
    groups = PEOPLE["ansatte"]
    for unit in units:
        for gender, index in total_columns.items():
            whole = term((unit[0], "Antall ansatte", gender), unit[index])
            coefficients, constant = dict(whole[0]), -whole[1]
            for row in ("Ledere", "Andre"):
                value = unit[header.index(f"{groups} – {row} – {gender}")]
                unknowns, known = term((unit[0], row, gender), value)
                for name in unknowns:
                    coefficients[name] = coefficients.get(name, 0) - 1
                constant += known
            equations.append((coefficients, constant))
    assert len(equations) > 30
    assert determined(equations) == set()


def test_pay_of_a_hidden_group_is_hidden_and_shares_follow_their_group(workbook):
    sheet = list(topic_sheet(workbook).iter_rows(values_only=True))
    header = sheet[0]
    first = dict(zip(header, sheet[1], strict=True))
    pay = f"{PEOPLE['ansatte']} – Ledere – Kvinners lønn i % av menns"
    assert first[f"{PEOPLE['ansatte']} – Ledere – Kvinner"] == "<5"
    assert first[pay] == "x"
    assert first["Andel midlertidig ansatte (%) – Andel – Kvinner"] == "x"
    third = dict(zip(header, sheet[3], strict=True))
    assert third[pay] == 101


def test_the_statistics_sheet_is_long_form_with_numbers_marks_and_units(workbook):
    sheet = workbook["Statistikk"]
    header = [cell.value for cell in sheet[1]]
    assert tuple(header) == STATISTICS_COLUMNS
    rows = statistics_rows(workbook)
    total = next(
        row
        for row in rows
        if (row["Nøkkel"], row["Kategori"], row["Kolonne"])
        == ("ansatte", "Andre", "Kvinner")
    )
    assert total["Verdi"] == 30 + 40 + 12 + 50 + 20 + 33
    assert total["Enheter"] == 6 and total["År"] == 2026
    assert total["Kapittel"] == "4.7"
    hidden = [row for row in rows if row["Prikking"]]
    assert hidden and all(row["Verdi"] is None for row in hidden)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_topic_sheets_are_named_by_title_with_numbers_and_dates_typed(workbook):
    sheet = topic_sheet(workbook)
    assert sheet.title == "Likestilling og mangfold"
    assert len(sheet.title) <= 31
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, sheet[3], strict=True))
    assert row["Dato planen ble vedtatt"].value.date() == datetime.date(2026, 3, 1)
    assert row["Dato planen ble vedtatt"].number_format == "dd.mm.yyyy"
    assert row[f"{PEOPLE['ansatte']} – Andre – Kvinner"].data_type == "n"
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == sheet.dimensions
    assert sheet.column_dimensions["A"].width >= len("Etat nummer 0")


def test_the_pdf_prints_units_and_statistics_by_the_same_rule(units):
    path, _peak = build_consolidated(Selection(year=2026))
    lines = pdf_lines(path)
    assert unit_page_line(lines, NAMES[0], "Ledere").startswith("Ledere <5 7 x")
    assert unit_page_line(lines, NAMES[1], "Ledere") == "Ledere 0 x –"
    assert unit_page_line(lines, NAMES[3], "Ledere") == "Ledere x <5 x"
    assert "Ja 4" in lines and "Nei 1" in lines  # counts of units, all six
    assert "Svar 2025 2026" in lines  # the four that reported both years
    assert "Sammenligning med 2025: enhetene som rapporterte begge år (n = 4)" in lines
    assert "2026: alle enheter som svarte (n = 6)" in lines
    assert not [line for line in lines if "I år" in line or "I fjor" in line]
    text = "\n".join(lines)
    assert "1–4: da står det «<5»" in text.replace("\n", " ")


def test_a_units_own_pdf_hides_its_small_counts_and_what_would_give_them_away(units):
    report = Report.objects.get(unit=units[0], circular__reporting_year=2026)
    lines = pdf_lines(build_report_pdf(report)[0])
    ledere = next(line for line in lines if line.startswith("Ledere "))
    assert ledere == "Ledere <5 (2025: <5) 7 (2025: 7) x"
    # All employees (32 women) are on the same page: the other group is hidden too.
    andre = next(line for line in lines if line.startswith("Andre "))
    assert this_year(andre) == "Andre x 25 –"
