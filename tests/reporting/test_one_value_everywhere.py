"""One stored number reads the same wherever it is shown (one home per kind)."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.report_pdf import build_report_pdf
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx
from reporting.models import Report
from reporting.services import submit_report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"
# As a person reads them in bokmål: a no-break space groups thousands.
DECIMAL, PERCENT = f"1{NBSP}234,5", f"12,5{NBSP}%"


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def seen(text: str) -> str:
    """Text as a reader sees it: every kind of space is a space."""
    return re.sub(r"[ \u00a0\u202f]", " ", text)


@pytest.fixture
def report(other_unit, adviser):
    contact = factories.contact_of(other_unit)
    figures = {"snitt": 1234.5, "andel": 12.5}
    for year in (2025, 2026):
        every_kind_circular(year=year)
    last_year = Report.objects.get(unit=other_unit, circular__reporting_year=2025)
    fill(last_year, answers(1, **figures), by=contact, approve_by=adviser)
    report = Report.objects.get(unit=other_unit, circular__reporting_year=2026)
    fill(report, answers(2, **figures), by=contact)
    return submit_report(
        report=report, signed_off_name="Lise", signed_off_title="", by=contact
    )


def test_a_decimal_and_a_percentage_read_the_same_in_every_output(
    client, report, adviser
):
    contact = report.unit.memberships.first().user
    answer = report.answers.get()
    client.force_login(contact)
    form = client.get(
        reverse("reporting:section_edit", args=[report.pk, answer.section_id])
    ).content.decode()
    hints = " ".join(
        re.findall(
            r'<div class="previous-answer portal-small">(.*?)</div>\s*</div>',
            form,
            re.S,
        )
    )
    client.force_login(adviser)
    review = client.get(
        reverse("reporting:review_report", args=[report.pk])
    ).content.decode()
    report_pdf = pdf_text(build_report_pdf(report)[0])
    consolidated = pdf_text(
        build_consolidated(Selection(year=2026, statuses=ALL_STATUSES))[0]
    )
    for where, text in [
        ("Svar i 2025", hints),
        ("review page", review),
        ("report PDF", report_pdf),
        ("consolidated PDF", consolidated),
    ]:
        for shown in (DECIMAL, PERCENT):
            assert seen(shown) in seen(text), (where, shown)
        assert "1234.5" not in text and "12.5" not in text, where
    sheet = load_workbook(
        io.BytesIO(build_xlsx(Selection(year=2026, statuses=ALL_STATUSES)))
    )["Arbeidsgiverrollen"]
    header, row = list(sheet.iter_rows(values_only=True))[:2]
    cells = dict(zip(header, row, strict=True))
    assert cells["Spørsmål snitt"] == 1234.5
    assert cells["Spørsmål andel"] == 12.5
