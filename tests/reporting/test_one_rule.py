"""Each fact is computed in one place, so every page and export agrees on it:
last year's approved answers, the topics of a year, and when a report is late."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from circulars.models import Circular, UnitKind
from circulars.services import publish_circular
from reporting.exports.consolidated import Selection, deliveries
from reporting.exports.xlsx import ALL_STATUSES, build_xlsx
from reporting.matrix import build_matrix
from reporting.models import Report
from reporting.selectors import last_years_answers
from reporting.services import approve_report, save_section_answer, submit_report
from reporting.services.notifications import send_due_reminders
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db
DEADLINE = datetime.date(2027, 2, 20)
# 00:30 in Oslo the day after the deadline; in UTC still the deadline day.
HALF_PAST_MIDNIGHT = datetime.datetime(2027, 2, 20, 23, 30, tzinfo=datetime.UTC)


def approved(unit, contact, adviser, *, year, topic, data, approved_at):
    circular = factories.CircularFactory(
        audience=[unit.kind], year=year, reporting_year=year
    )
    section = factories.SectionFactory(circular=circular, topic=topic)
    factories.QuestionFactory(section=section, key="plan")
    publish_circular(circular=circular, by=None)
    report = Report.objects.get(circular=circular, unit=unit)
    answer = report.answers.get()
    save_section_answer(answer=answer, data=data, based_on=0, by=contact)
    submit_report(report=report, signed_off_name="B", signed_off_title="", by=contact)
    approve_report(report=report, by=adviser)
    Report.objects.filter(pk=report.pk).update(approved_at=approved_at)
    return report


def test_the_review_page_compares_with_last_years_answer_the_form_shows(
    client, unit, contact, adviser
):
    """Last year the unit had two approved reports; the later one lacks the topic."""
    now = timezone.now()
    approved(
        unit, contact, adviser, year=2025, topic="funksjonsnedsettelse",
        data={"plan": "Fjorårsplanen"}, approved_at=now - datetime.timedelta(days=2),
    )  # fmt: skip
    approved(
        unit, contact, adviser, year=2025, topic="annet-tema",
        data={"plan": "Noe annet"}, approved_at=now - datetime.timedelta(days=1),
    )  # fmt: skip
    report = submitted_report(unit, contact)
    section_id = report.answers.get().section_id
    client.force_login(contact)
    form = client.get(reverse("reporting:section_edit", args=[report.pk, section_id]))
    assert "Fjorårsplanen" in form.content.decode()
    client.force_login(adviser)
    review = client.get(reverse("reporting:review_report", args=[report.pk]))
    assert "Fjorårsplanen" in review.content.decode()


def test_last_years_answers_of_many_reports_are_one_query(
    django_assert_num_queries, unit, other_unit
):
    factories.published_circular(audience=(UnitKind.BYDEL, UnitKind.ETAT))
    reports = list(Report.objects.select_related("circular"))
    assert len(reports) == 2
    with django_assert_num_queries(1):
        last_years_answers(reports)


def test_the_matrix_and_the_exports_list_a_years_topics_in_one_order_without_drafts(
    unit, contact, other_unit
):
    for kind, audience, sections in (
        (Circular.Kind.RUNDSKRIV, UnitKind.ETAT, [("a", "4.3", 1), ("b", "4.4", 2)]),
        (Circular.Kind.FELLESSKRIV, UnitKind.BYDEL, [("c", "4.3.1", 1)]),
    ):
        circular = factories.CircularFactory(kind=kind, audience=[audience])
        for topic, number, order in sections:
            factories.SectionFactory(
                circular=circular, topic=topic, number=number, order=order, title=topic
            )
        publish_circular(circular=circular, by=None)
    draft = factories.CircularFactory(audience=[UnitKind.BYDEL])
    factories.SectionFactory(circular=draft, topic="utkast", title="utkast", order=0)

    matrix = [column.topic for column in build_matrix(year=2026).columns]
    workbook = load_workbook(
        io.BytesIO(build_xlsx(Selection(year=2026, statuses=ALL_STATUSES)))
    )
    sheets = [
        name for name in workbook.sheetnames if name not in ("Statistikk", "Status")
    ]
    assert matrix == sheets == ["a", "c", "b"]


@pytest.fixture
def sent_half_past_midnight(unit, contact):
    """A report sent 00:30 Oslo time the day after its deadline, read by a
    process whose clock runs in UTC."""
    report = submitted_report(unit, contact, deadline=DEADLINE)
    Report.objects.filter(pk=report.pk).update(submitted_at=HALF_PAST_MIDNIGHT)
    with timezone.override(datetime.UTC):
        yield report


def test_a_report_sent_half_past_midnight_after_the_deadline_is_late_everywhere(
    client, sent_half_past_midnight, adviser
):
    year = sent_half_past_midnight.circular.reporting_year
    assert build_matrix(year=year).rows[0].days_late == 1
    client.force_login(adviser)
    csv = client.get(reverse("reporting:matrix_csv")).content.decode("utf-8-sig")
    row = next(line for line in csv.splitlines() if line.startswith("Bydel Frogner"))
    assert ";21.02.2027;1;" in row
    selection = Selection(year=year, statuses=ALL_STATUSES)
    assert [row["delivery"] for row in deliveries(selection)] == ["For sent"]
    workbook = load_workbook(io.BytesIO(build_xlsx(selection)))
    status = list(workbook["Status"].iter_rows(values_only=True))
    assert status[1][-1] == "For sent"


def test_the_overdue_reminder_goes_at_half_past_midnight_oslo_time(
    monkeypatch, unit, contact
):
    filled_report(unit, contact, deadline=DEADLINE)
    monkeypatch.setattr(timezone, "now", lambda: HALF_PAST_MIDNIGHT)
    with timezone.override(datetime.UTC):
        send_due_reminders()
    report = Report.objects.get(unit=unit)
    assert report.events.filter(reason__startswith="Fristen er passert").exists()
