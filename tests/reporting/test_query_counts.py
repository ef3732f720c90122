import pytest
from django.urls import reverse

from circulars.services import publish_circular
from reporting.models import Report
from tests import factories

pytestmark = pytest.mark.django_db


def report_with_sections(unit, count, year):
    circular = factories.CircularFactory(
        audience=[unit.kind], year=year, reporting_year=year
    )
    for number in range(count):
        section = factories.SectionFactory(circular=circular, number=f"4.{number}")
        factories.QuestionFactory(section=section, required=True)
    publish_circular(circular=circular, by=None)
    return Report.objects.get(circular=circular, unit=unit)


@pytest.mark.parametrize("size", [1, 6])
def test_the_report_overview_needs_the_same_queries_for_few_and_many_sections(
    client, contact, unit, django_assert_max_num_queries, size
):
    report = report_with_sections(unit, size, 2026)
    client.force_login(contact)
    # Among them one each for the chapters' contributors, who is editing now, the
    # unit's contributors and the leader's note: never one per chapter.
    with django_assert_max_num_queries(15):
        assert client.get(report.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("years", [1, 5])
def test_the_start_page_needs_the_same_queries_for_one_and_many_years(
    client, contact, unit, django_assert_max_num_queries, years
):
    for offset in range(years):
        report_with_sections(unit, 3, 2026 - offset)
    client.force_login(contact)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("reporting:home")).content.decode()
    assert "4.2: ikke påbegynt" in page
