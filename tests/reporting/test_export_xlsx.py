import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from reporting.exports.consolidated import Selection
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill


@pytest.fixture
def workbook(db):
    every_kind_circular()
    for index in range(2):
        unit = factories.UnitFactory(name=f"Etat {index}")
        fill(Report.objects.get(unit=unit), answers(index), by=None)
    content = build_xlsx(Selection(year=2026, statuses=ALL_STATUSES))
    return load_workbook(io.BytesIO(content))


def rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_each_topic_is_a_sheet_with_a_row_per_unit_and_a_column_per_question(workbook):
    sheet = rows(workbook["Arbeidsgiverrollen"])
    header, first = sheet[0], dict(zip(sheet[0], sheet[1], strict=True))
    assert len(sheet) == 3
    assert header[:3] == ["Enhet", "Kapittel", "Status"]
    assert first["Enhet"] == "Etat 0"
    assert first["Spørsmål antall"] == 10
    assert first["Spørsmål ja-nei"] == "Ja"
    assert first["Spørsmål flere"] == "Workshop"
    assert first["Ansatte per gruppe – Ledere – Kvinner"] == 2
    assert first["Ansatte per gruppe – Andre – Menn"] == 25
    assert "Tiltak: Tiltak nummer 0" in first["Tiltak i året"]


def test_the_status_sheet_lists_every_report(workbook):
    sheet = rows(workbook["Status"])
    assert sheet[0][:3] == ["Enhet", "Rundskriv", "Status"]
    assert {row[0] for row in sheet[1:]} == {"Etat 0", "Etat 1"}
    assert {row[4] for row in sheet[1:]} == {"Ikke levert"}


def test_the_statistics_sheet_counts_units_as_they_are(workbook):
    sheet = rows(workbook["Statistikk"])
    header = sheet[0]
    yes_no = [
        dict(zip(header, row, strict=True))
        for row in sheet[1:]
        if row[header.index("Nøkkel")] == "ja-nei"
    ]
    counts = {row["Kategori"]: row["Verdi"] for row in yes_no}
    assert counts == {"Ja": 1, "Nei": 1, "Ikke besvart": 0}


def test_export_xlsx_command_writes_the_same_workbook(db, tmp_path):
    every_kind_circular()
    output = tmp_path / "svar.xlsx"
    call_command("export_xlsx", year=2026, output=str(output), verbosity=0)
    assert "Arbeidsgiverrollen" in load_workbook(output).sheetnames


def test_export_pdf_command_writes_one_units_report(db, tmp_path):
    unit = factories.UnitFactory(slug="helseetaten")
    every_kind_circular()
    fill(Report.objects.get(unit=unit), answers(1), by=None)
    output = tmp_path / "rapport.pdf"
    call_command(
        "export_pdf", year=2026, unit="helseetaten", output=str(output), verbosity=0
    )
    assert output.read_bytes().startswith(b"%PDF")
