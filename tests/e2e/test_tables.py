"""The job-group table of 4.3.6 (4.7 for the etater): every column, the Sum and every
whole row label in view at 1280 px; on a phone each row a group of labelled fields."""

import pytest
from django.core.management import call_command

from reporting.models import Report
from tests.e2e.conftest import PASSWORD

TABLE = "Kjønnsfordeling og lønn per stillingsgruppe"
COLUMNS = ["Kvinner", "Menn", "Andel kvinner (%)", "Kvinners lønn i % av menns", "Sum"]
LONGEST_LABEL = "Avdelingssjefer/virksomhetsledere"


@pytest.fixture
def job_group_table(transactional_db, monkeypatch, visitor):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    report = Report.objects.filter(unit__slug="bydel-frogner").latest("circular__year")
    answer = report.answers.get(section__topic="arbeidsgiver")
    visitor.login("kontakt")
    visitor.goto(f"/rapporter/{report.pk}/kapitler/{answer.section_id}/")
    return visitor.page.get_by_role("region", name=TABLE)


def inside_window(page, locator) -> bool:
    """The element's whole box is within the window's width and not cut off."""
    return locator.evaluate(
        """element => {
            const box = element.getBoundingClientRect();
            return box.left >= 0
                && box.right <= document.documentElement.clientWidth
                && element.scrollWidth <= element.clientWidth + 1;
        }"""
    )


def test_every_column_and_whole_row_label_is_in_view_at_1280_px(job_group_table):
    page, region = job_group_table.page, job_group_table
    page.set_viewport_size({"width": 1280, "height": 900})
    assert region.evaluate("box => box.scrollWidth <= box.clientWidth")
    for name in COLUMNS:
        header = region.get_by_role("columnheader", name=name, exact=True)
        assert inside_window(page, header), name
    rows = region.get_by_role("rowheader")
    assert rows.count() == 11  # ten job groups and the Sum row
    for index in range(rows.count()):
        assert inside_window(page, rows.nth(index)), rows.nth(index).inner_text()
    label = region.get_by_role("rowheader", name=LONGEST_LABEL)
    assert label.inner_text() == LONGEST_LABEL
    for name in COLUMNS[:-1]:
        field = region.get_by_label(f"{LONGEST_LABEL}, {name}", exact=True)
        assert field.is_visible() and inside_window(page, field), name


def test_on_a_phone_each_row_is_a_group_of_labelled_fields(job_group_table):
    page, region = job_group_table.page, job_group_table
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    row = region.get_by_role("rowheader", name=LONGEST_LABEL).locator("xpath=..")
    cells = row.locator("td")
    shown = [
        cells.nth(index).evaluate(
            "cell => getComputedStyle(cell, '::before').content.replaceAll('\"', '')"
        )
        for index in range(cells.count())
    ]
    assert shown == COLUMNS
    for index in range(cells.count()):
        assert inside_window(page, cells.nth(index))
    fields = [
        region.get_by_label(f"{LONGEST_LABEL}, {name}", exact=True)
        for name in COLUMNS[:-1]
    ]
    tops = [field.bounding_box()["y"] for field in fields]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one under another
