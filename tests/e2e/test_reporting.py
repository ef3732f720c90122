"""A contact fills in every section of Bydel Frogner's report in the browser."""

import pytest
from django.core.management import call_command

from reporting.models import Report
from tests.e2e.conftest import PASSWORD


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


def autosave_version(page):
    return int(page.locator("#section-form input[name=based_on]").input_value())


def test_contact_fills_in_every_section_submits_and_sees_the_report_locked(
    demo, visitor
):
    report = Report.objects.get(
        unit__slug="bydel-frogner",
        circular__reporting_year=2026,
    )
    visitor.login("kontakt")
    page = visitor.page
    page.get_by_role(
        "link", name=f"Bydel Frogner: {report.circular.designation}"
    ).click()
    visitor.check()
    section_links = page.locator(".report-sections h3 a")
    count = section_links.count()
    assert count == report.answers.count() >= 4

    for index in range(count):
        page.locator(".report-sections h3 a").nth(index).click()
        visitor.check()
        assert "Svar i 2025" in page.content()
        page.get_by_role("button", name="Bruk alle fjorårets svar i kapittelet").click()
        page.locator("#copy-dialog").wait_for(state="visible")
        visitor.check()
        page.get_by_role("button", name="Bruk fjorårets svar", exact=True).click()
        before = autosave_version(page)
        field = page.locator(
            # Shown and typed in: not a hidden follow-up, not a computed answer.
            "#section-form textarea[name^='q__']:visible, "
            "#section-form input[type=text][name^='q__']"
            ":not([inputmode]):not([readonly]):visible"
        ).first
        field.fill("Oppdatert i år av kontaktpersonen.")
        field.press("Tab")
        page.wait_for_function(
            "document.querySelector('#section-form input[name=based_on]').value"
            f" > {before}"
        )
        status = page.locator("#save-status")
        assert status.get_attribute("aria-live") == "polite"
        assert status.inner_text().startswith("Lagret ")
        visitor.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Lagre utkast").click()
        assert "Utkastet er lagret" in page.content()
        assert page.locator("#restore-offer").is_hidden()
        page.get_by_role("link", name=report.circular.designation).click()
        visitor.check()

    assert (
        page.locator(".report-sections .pkt-tag", has_text="Ferdig utfylt").count()
        == count
    )
    page.get_by_role("link", name="Send inn rapporten").click()
    visitor.check()
    page.get_by_label("Navn på den som har godkjent rapporten i enheten").fill(
        "Berit Bydelsdirektør"
    )
    page.get_by_label("Stilling").select_option("Bydelsdirektør")
    page.get_by_label("Jeg har lest gjennom svarene").check()
    page.get_by_role("button", name="Send inn").click()
    page.wait_for_load_state("domcontentloaded")
    visitor.check()
    assert "Rapporten er sendt inn" in page.content()
    assert "Kvittering for innsendt rapport" in page.content()
    assert "låst for endringer" in page.content()
    page.get_by_role("link", name="Til rapporten").click()
    visitor.check()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert "Oppdatert i år av kontaktpersonen." in str(
        [answer.data for answer in report.answers.all()]
    )

    page.locator(".report-sections h3 a").first.click()
    visitor.check()
    assert page.get_by_role("button", name="Lagre utkast").count() == 0
    assert page.locator("#section-form textarea").first.is_disabled()


def test_table_totals_follow_what_the_contact_types(demo, visitor):
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    answer = report.answers.get(section__topic="arbeidsgiver")
    visitor.login("kontakt")
    page = visitor.goto(f"/rapporter/{report.pk}/kapitler/{answer.section_id}/")
    table = page.locator("#sporsmal-stillingsgrupper table[data-totals]")
    first_row = table.locator("tbody tr").first
    first_row.locator("input[data-sum]").nth(0).fill("4")
    first_row.locator("input[data-sum]").nth(1).fill("3")
    assert first_row.locator("output.row-total").inner_text() == "7"
    assert table.locator("output.column-total").first.inner_text() == "4"
    visitor.check()


def test_received_handled_and_sent_on_are_summed_down_but_never_across(demo, visitor):
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    answer = report.answers.get(section__questions__key="diskriminering-tabell")
    visitor.login("kontakt")
    page = visitor.goto(f"/rapporter/{report.pk}/kapitler/{answer.section_id}/")
    table = page.locator("#sporsmal-diskriminering-tabell table")
    first_row = table.locator("tbody tr").first
    first_row.locator("input[data-sum]").nth(0).fill("4")
    first_row.locator("input[data-sum]").nth(1).fill("3")
    assert table.locator("output.row-total").count() == 0
    assert table.locator("output.column-total").first.inner_text() == "4"
    visitor.check()


def test_list_rows_are_added_reordered_and_removed_and_saved_in_that_order(
    demo, visitor
):
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    answer = report.answers.filter(section__questions__kind="list").first()
    visitor.login("kontakt")
    page = visitor.goto(f"/rapporter/{report.pk}/kapitler/{answer.section_id}/")
    measures = page.locator("fieldset.answer-list").first
    key = measures.get_attribute("data-list")
    measures.get_by_label("Tiltak (obligatorisk), rad 1").fill("Første")
    measures.get_by_role("button", name="Legg til rad").click()
    measures.get_by_label("Tiltak (obligatorisk), rad 2").fill("Andre")
    measures.get_by_role("button", name="Legg til rad").click()
    measures.get_by_label("Tiltak (obligatorisk), rad 3").fill("Tredje")
    visitor.check()
    measures.locator("li.list-row").nth(1).get_by_role(
        "button", name="Flytt opp"
    ).click()
    measures.locator("li.list-row").nth(2).get_by_role(
        "button", name="Fjern rad"
    ).click()
    assert (
        measures.get_by_label("Tiltak (obligatorisk), rad 1").input_value() == "Andre"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre utkast").click()
    visitor.check()
    answer.refresh_from_db()
    assert [row["tittel"] for row in answer.data[key]] == ["Andre", "Første"]
