"""The review cycle in a real browser: adviser comments and returns, the contact
replies, the report is resubmitted, the adviser resolves and approves."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from reporting.demo import fill_reports
from reporting.models import Report
from tests.e2e import keyboard
from tests.e2e.conftest import PASSWORD


@pytest.fixture
def frogner_submitted(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    report = (
        Report.objects.filter(unit__slug="bydel-frogner")
        .select_related("unit")
        .latest("circular__reporting_year")
    )
    people = get_user_model().objects.in_bulk(
        ["kontakt", "radgiver"], field_name="username"
    )
    fill_reports(
        year=report.circular.reporting_year,
        contact=people["kontakt"],
        adviser=people["radgiver"],
        approve=False,
        unit_slug="bydel-frogner",
    )
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    return report


def test_adviser_returns_frogner_with_a_comment_and_approves_after_resubmission(
    frogner_submitted, visitor
):
    report = frogner_submitted
    page = visitor.page

    visitor.login("radgiver")
    page.get_by_role("link", name="Oversikt over innrapportering").click()
    visitor.check()
    assert "Bydel Frogner" in page.content()
    page.get_by_role("link", name="Bydel Frogner", exact=True).click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bydel Frogner")

    page.get_by_label("Kommentar til 4.3.2").fill("Oppgi antall kartlagte bygg.")
    page.locator(
        "#kapittel-" + str(report.circular.sections.get(number="4.3.2").pk)
    ).get_by_role("button", name="Legg til kommentar").click()
    visitor.check()
    assert "Kommentaren er lagt til." in page.content()

    page.get_by_label("Begrunnelse for retur").fill("Se kommentaren til 4.3.2.")
    page.get_by_role("button", name="Returner for retting").click()
    visitor.check()
    assert "Returnert for retting" in page.content()
    visitor.logout()

    visitor.login("kontakt")
    visitor.goto(f"/rapporter/{report.pk}/kommentarer/")
    assert "Oppgi antall kartlagte bygg." in page.content()
    assert "Se kommentaren til 4.3.2." in page.content()
    page.get_by_label("Svar på kommentaren").fill("Vi har kartlagt 12 bygg.")
    page.get_by_role("button", name="Send svar").click()
    visitor.check()
    assert "Svaret ditt er lagret." in page.content()

    # Fix 4.3.2 and resubmit through the contact's own pages, by keyboard.
    visitor.goto(f"/rapporter/{report.pk}/")
    assert "Returnert for retting" in page.content()
    section = report.circular.sections.get(number="4.3.2")
    keyboard.follow(page, page.get_by_role("link", name=f"4.3.2 {section.title}"))
    visitor.check()
    keyboard.replace_text(
        page,
        page.get_by_label("Beskriv arbeidet med bygg og uteområder"),
        "Vi har kartlagt 12 bygg i år.",
    )
    keyboard.follow(page, page.get_by_role("button", name="Lagre utkast"))
    visitor.check()
    assert "Utkastet er lagret" in page.content()
    visitor.goto(f"/rapporter/{report.pk}/")
    keyboard.follow(page, page.get_by_role("link", name="Send inn rapporten"))
    visitor.check()
    assert "Alle obligatoriske spørsmål er besvart" in page.content()
    keyboard.tab_to(page, page.get_by_label("Jeg har lest gjennom svarene"))
    page.keyboard.press("Space")
    keyboard.follow(page, page.get_by_role("button", name="Send inn", exact=True))
    visitor.check()
    assert "Rapporten er sendt inn" in page.content()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    answer = report.answers.get(section=section)
    assert answer.data["bygg-tekst"] == "Vi har kartlagt 12 bygg i år."
    visitor.logout()

    visitor.login("radgiver")
    visitor.goto(f"/rapporter/{report.pk}/vurdering/")
    assert "Vi har kartlagt 12 bygg." in page.content()
    page.get_by_role("button", name="Marker som løst").click()
    visitor.check()
    page.get_by_role("button", name="Godkjenn rapporten").click()
    visitor.check()
    assert "har fått status «Godkjent»" in page.content()
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED


def test_adviser_filters_and_sorts_the_matrix_and_sets_up_a_digest(
    frogner_submitted, visitor
):
    page = visitor.page
    visitor.login("radgiver")
    visitor.goto("/vurdering/")
    page.get_by_label("Bydel", exact=True).check()
    page.get_by_role("button", name="Vis").click()
    visitor.check()
    assert "Helseetaten" not in page.content()
    page.get_by_role("link", name="Status", exact=True).first.click()
    visitor.check()
    assert "sortert stigende" in page.content()

    visitor.open_user_menu()
    page.get_by_role("link", name="Varsler", exact=True).click()
    visitor.check()
    page.get_by_role("group", name="Påminnelse om frist").get_by_label(
        "Daglig samle-e-post"
    ).check()
    page.get_by_role("button", name="Lagre").click()
    visitor.check()
    assert "Varslingsinnstillingene er lagret." in page.content()
