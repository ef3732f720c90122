"""A contact meets the circular's conditions, computed answers and rules in the
browser: a follow-up question appears and disappears, a share keeps up with the
counts, a broken rule warns on save and blocks submitting until fixed or
explained."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from reporting.demo import fill_answers
from reporting.models import Report
from tests.e2e.conftest import PASSWORD


@pytest.fixture
def report(transactional_db, monkeypatch):
    """Frogner's report for this year, answered sensibly but not submitted."""
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    contact = report.unit.memberships.first().user
    fill_answers(report, by=contact)
    return report


def save(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre utkast").click()


def section_path(report, topic):
    answer = report.answers.get(section__topic=topic)
    return reverse("reporting:section_edit", args=[report.pk, answer.section_id])


def test_a_follow_up_question_appears_and_disappears_with_its_answer(report, visitor):
    visitor.login("kontakt")
    page = visitor.goto(section_path(report, "funksjonsnedsettelse"))
    follow_up = page.get_by_label("Beskriv samarbeidet med rådet")
    page.locator("[name=q__rad-samarbeid][value=nei]").check()
    assert follow_up.is_hidden()
    visitor.check()
    page.locator("[name=q__rad-samarbeid][value=ja]").check()
    follow_up.wait_for(state="visible")
    visitor.check()
    follow_up.fill("Rådet har lest planen og gitt innspill.")
    save(page)
    visitor.check()
    assert page.get_by_label("Beskriv samarbeidet med rådet").input_value() == (
        "Rådet har lest planen og gitt innspill."
    )
    page.locator("[name=q__rad-samarbeid][value=nei]").check()
    page.get_by_label("Beskriv samarbeidet med rådet").wait_for(state="hidden")


def test_a_broken_rule_warns_on_save_and_blocks_submit_until_fixed_or_explained(
    report, visitor
):
    visitor.login("kontakt")
    page = visitor.goto(section_path(report, "arbeidsgiver"))
    employees = int(page.locator("[name=q__ansatte__antall__kvinner]").input_value())
    temporary = page.locator("[name=q__midlertidige__antall__kvinner]")
    sensible = temporary.input_value()
    temporary.fill(str(2 * employees))
    share = page.locator("[name=q__midlertidige-andel__antall__kvinner]")
    assert share.get_attribute("readonly") is not None
    page.wait_for_function(
        "document.querySelector("
        "'[name=\"q__midlertidige-andel__antall__kvinner\"]').value === '200'"
    )
    # Autosave shows the broken rule at the top while the contact is still typing.
    warning = page.locator("#regelvarsler-boks")
    warning.wait_for(state="visible")
    visitor.check()
    assert "Kvinner: Det kan ikke være flere midlertidig ansatte enn ansatte" in (
        warning.inner_text()
    )
    save(page)
    visitor.check()
    assert "Kvinner: Det kan ikke være flere midlertidig ansatte enn ansatte" in (
        warning.inner_text()
    )
    assert page.locator("#regelbrudd-midlertidige").is_visible()

    page = visitor.goto(reverse("reporting:report_submit", args=[report.pk]))
    problems = page.locator("#mangler-oppsummering").inner_text()
    assert "Det kan ikke være flere midlertidig ansatte enn ansatte" in problems
    assert "Må rettes." in problems
    assert page.get_by_role("button", name="Send inn").count() == 0

    page = visitor.goto(section_path(report, "arbeidsgiver"))
    page.locator("[name=q__midlertidige__antall__kvinner]").fill(sensible)
    page.locator("[name=q__foreldrepermisjon__antall__kvinner]").fill("60")
    page.wait_for_function(
        "!document.getElementById('regelvarsler-boks').textContent"
        ".includes('flere midlertidig ansatte')"
    )
    save(page)
    visitor.check()
    assert "flere midlertidig ansatte" not in page.content()
    explanation = page.get_by_label("Forklar avviket", exact=False)
    explanation.fill("Tallet gjelder to ansatte med lang permisjon.")
    save(page)

    page = visitor.goto(reverse("reporting:report_submit", args=[report.pk]))
    assert page.locator("#mangler-oppsummering").count() == 0, page.content()
    page.get_by_label("Navn", exact=False).first.fill("Berit Bydelsdirektør")
    page.get_by_label("Stilling").select_option("Bydelsdirektør")
    page.get_by_label("Jeg har lest gjennom svarene", exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send inn").click()
    visitor.check()
    report.refresh_from_db()
    assert report.status == "submitted"
