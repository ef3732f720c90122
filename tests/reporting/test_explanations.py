"""The unit's explanation of a big change travels with the change: review page,
both PDFs, the workbook, and the read-only chapter."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from reporting.answers import EXPLANATIONS_KEY
from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.report_pdf import build_report_pdf
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill

pytestmark = pytest.mark.django_db
WHY = "Vi fikk to nye bygg i år."


@pytest.fixture
def explained(db):
    """A unit's approved 2026 report whose count grew beyond its threshold from
    2025, with the unit's explanation."""
    unit = factories.UnitFactory(name="Etat for forklaringer")
    adviser, contact = factories.adviser(), factories.contact_of(unit)
    every_kind_circular(year=2025)
    fill(
        Report.objects.get(unit=unit, circular__reporting_year=2025),
        answers(0, antall=10),
        by=contact,
        approve_by=adviser,
    )
    every_kind_circular(year=2026, threshold=50)
    return fill(
        Report.objects.get(unit=unit, circular__reporting_year=2026),
        answers(0, antall=40) | {EXPLANATIONS_KEY: {"antall": WHY}},
        by=contact,
        approve_by=adviser,
    )


def pdf_text(path) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(path).pages
    )


def test_the_adviser_sees_the_explanation_beside_the_change(client, explained):
    client.force_login(factories.adviser())
    page = client.get(reverse("reporting:review_report", args=[explained.pk]))
    text = page.content.decode()
    assert "økt med 30" in text
    assert "Enhetens forklaring av endringen" in text and WHY in text


def test_the_units_pdf_and_the_consolidated_pdf_carry_the_explanation(explained):
    assert WHY in pdf_text(build_report_pdf(explained)[0])
    assert WHY in pdf_text(build_consolidated(Selection(year=2026))[0])


def test_the_workbook_has_a_column_of_explanations(explained):
    workbook = load_workbook(
        io.BytesIO(build_xlsx(Selection(year=2026, statuses=ALL_STATUSES)))
    )
    sheet = [
        list(row) for row in workbook["Arbeidsgiverrollen"].iter_rows(values_only=True)
    ]
    row = dict(zip(sheet[0], sheet[1], strict=True))
    assert row["Spørsmål antall – forklaring av endringen"] == WHY


def test_the_read_only_chapter_shows_the_explanation_and_asks_for_none(
    client, explained
):
    answer = explained.answers.get()
    client.force_login(factories.contact_of(explained.unit))
    page = client.get(
        reverse("reporting:section_edit", args=[explained.pk, answer.section_id])
    ).content.decode()
    assert WHY in page
    assert "Skriv en kort forklaring" not in page
