"""One unit's absurd stored number never stops another page or the city's export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reporting.exports.consolidated import Selection, build_consolidated
from reporting.exports.report_pdf import build_report_pdf
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx
from reporting.models import Report, SectionAnswer
from reporting.services import submit_report
from tests import factories
from tests.reporting.export_data import answers, every_kind_circular, fill

pytestmark = pytest.mark.django_db
HUGE = 10**320
# What a unit's number could be if written straight into the database.
ABSURD = [HUGE, -HUGE, 1e308, "12", [1, 2]]


@pytest.fixture
def reports(adviser):
    """Five units' submitted reports, each holding one absurd number."""
    every_kind_circular(year=2025)
    every_kind_circular(year=2026)
    reports = []
    for index, value in enumerate(ABSURD):
        unit = factories.UnitFactory(name=f"Etat {index}")
        contact = factories.contact_of(unit)
        last_year = Report.objects.get(unit=unit, circular__reporting_year=2025)
        fill(last_year, answers(1), by=contact, approve_by=adviser)
        report = Report.objects.get(unit=unit, circular__reporting_year=2026)
        fill(report, answers(2), by=contact)
        answer = report.answers.get()
        data = {**answer.data, "antall": value, "snitt": value, "andel": value}
        data["ansatte"] = {"ledere": {"kvinner": value, "menn": 7}}
        SectionAnswer.objects.filter(pk=answer.pk).update(data=data)
        reports.append(
            submit_report(
                report=report, signed_off_name="L", signed_off_title="", by=contact
            )
        )
    return reports


def test_the_review_page_and_the_form_show_any_stored_number(client, adviser, reports):
    pages = []
    for report in reports:
        client.force_login(adviser)
        review = client.get(reverse("reporting:review_report", args=[report.pk]))
        assert review.status_code == 200
        pages.append(review.content.decode().replace("\xa0", ""))
        assert report.unit.name in pages[-1]
        client.force_login(report.unit.memberships.first().user)
        section = report.answers.get().section_id
        form = client.get(reverse("reporting:section_edit", args=[report.pk, section]))
        assert form.status_code == 200
    assert "1" + "0" * 320 in pages[0]


def test_the_workbook_and_both_pdfs_are_made_with_any_stored_number(reports):
    selection = Selection(year=2026, statuses=ALL_STATUSES)
    sheet = load_workbook(io.BytesIO(build_xlsx(selection)))["Arbeidsgiverrollen"]
    rows = list(sheet.iter_rows(values_only=True))
    cells = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    shown = [str(c["Spørsmål antall"]).replace("\xa0", "") for c in cells]
    # Too large to calculate with: written as text, in full.
    assert shown[:3] == ["1" + "0" * 320, "-1" + "0" * 320, str(10**308)]
    assert shown[3:] == ["12", "[1, 2]"]
    path, _peak = build_consolidated(selection)
    assert path.read_bytes().startswith(b"%PDF")
    path, _peak = build_report_pdf(reports[0])
    assert path.read_bytes().startswith(b"%PDF")


def test_rules_and_computed_values_survive_any_stored_number(
    client, unit, contact, adviser
):
    from tests.reporting.rules_world import ruled_circular

    report = Report.objects.get(circular=ruled_circular(unit), unit=unit)
    answer = report.answers.get()
    huge = {"antall": {"kvinner": HUGE, "menn": 1e308}}
    SectionAnswer.objects.filter(pk=answer.pk).update(
        data={"ansatte": huge, "midlertidige": huge, "lonn": -HUGE}
    )
    client.force_login(contact)
    page = client.get(
        reverse("reporting:section_edit", args=[report.pk, answer.section_id])
    )
    assert page.status_code == 200
    saved = client.post(
        reverse("reporting:section_autosave", args=[report.pk, answer.section_id]),
        {"based_on": 0, "q__lonn": "95,5"},
    )
    assert saved.status_code == 200, saved.content
    client.force_login(adviser)
    review = client.get(reverse("reporting:review_report", args=[report.pk]))
    assert review.status_code == 200
    path, _peak = build_report_pdf(report)
    assert path.read_bytes().startswith(b"%PDF")
