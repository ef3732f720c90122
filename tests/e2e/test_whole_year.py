"""The whole year in one browser test: the administrator publishes next year's
fellesskriv, Bydel Frogner's contact fills it in and submits by keyboard alone, the
adviser comments and returns it, the contact fixes and resubmits, the adviser
approves and exports the consolidated PDF. axe runs on every page, and the Nu HTML
Checker on all of them at the end."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from circulars.models import Circular
from reporting.demo import fill_reports
from reporting.models import Report
from tests.e2e import keyboard
from tests.e2e.conftest import PASSWORD
from tests.e2e.html_checker import HtmlPages, require_vnu

FIXED_TEXT = "Vi har kartlagt 12 bygg og gjort dem trinnfrie."


@pytest.fixture
def last_year_approved(transactional_db, monkeypatch):
    """The demo, with Frogner's report for this year's fellesskriv approved."""
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    this_year = Circular.objects.filter(kind="fellesskriv").order_by("-year").first()
    people = get_user_model().objects.in_bulk(
        ["kontakt", "radgiver"], field_name="username"
    )
    fill_reports(
        year=this_year.reporting_year,
        contact=people["kontakt"],
        adviser=people["radgiver"],
        approve=True,
        unit_slug="bydel-frogner",
    )
    return this_year


@pytest.fixture
def html_pages(visitor, tmp_path):
    require_vnu()
    visitor.html_pages = HtmlPages(tmp_path)
    return visitor.html_pages


def publish_next_year(visitor, this_year) -> Circular:
    """The administrator copies this year's fellesskriv and publishes the copy."""
    page = visitor.page
    visitor.login("admin")
    visitor.goto(f"/admin/circulars/circular/{this_year.pk}/change/")
    page.get_by_role("link", name="Start neste års rundskriv …").click()
    visitor.check()
    page.get_by_role("button", name="Opprett utkast").click()
    visitor.check()
    assert "er opprettet" in page.content()
    draft = Circular.objects.get(kind="fellesskriv", year=this_year.year + 1)
    page.get_by_role("link", name="Publiser …").click()
    visitor.check()
    page.get_by_role("button", name="Publiser").click()
    visitor.check()
    assert "er publisert" in page.content()
    visitor.logout()
    draft.refresh_from_db()
    assert draft.status == Circular.Status.PUBLISHED
    return draft


def back_to_report(visitor, report):
    page = visitor.page
    breadcrumbs = page.get_by_role("navigation", name="Brødsmulesti")
    keyboard.follow(
        page, breadcrumbs.get_by_role("link", name=report.circular.designation)
    )
    visitor.check()


def describe_buildings(visitor, report, text):
    """Open 4.3.2 from the report page, type over its description and save."""
    page = visitor.page
    section = report.circular.sections.get(number="4.3.2")
    keyboard.follow(page, page.get_by_role("link", name=f"4.3.2 {section.title}"))
    visitor.check()
    keyboard.replace_text(
        page, page.get_by_label("Beskriv arbeidet med bygg og uteområder"), text
    )
    keyboard.follow(page, page.get_by_role("button", name="Lagre utkast"))
    visitor.check()
    assert "Utkastet er lagret" in page.content()
    back_to_report(visitor, report)


def submit(visitor, report):
    page = visitor.page
    keyboard.follow(page, page.get_by_role("link", name="Send inn rapporten"))
    visitor.check()
    assert "Alle obligatoriske spørsmål er besvart" in page.content()
    name = page.get_by_label("Navn på den som har godkjent rapporten i enheten")
    if not name.input_value():
        keyboard.replace_text(page, name, "Berit Bydelsdirektør")
        title = keyboard.tab_to(page, page.get_by_label("Stilling"))
        page.keyboard.type("Bydels")
        assert title.input_value() == "Bydelsdirektør"
    keyboard.tab_to(page, page.get_by_label("Jeg har lest gjennom svarene"))
    page.keyboard.press("Space")
    keyboard.follow(page, page.get_by_role("button", name="Send inn", exact=True))
    visitor.check()
    assert "Rapporten er sendt inn" in page.content()


def open_report(visitor, report):
    """From the start page to the report, by keyboard."""
    page = visitor.page
    circular = report.circular
    name = f"{report.unit.name}: {circular.designation} – {circular.title}"
    keyboard.follow(page, page.get_by_role("link", name=name))
    visitor.check()


def contact_fills_in_and_submits(visitor, report):
    """Keyboard only: every section from last year's answers, one text rewritten."""
    page = visitor.page
    keyboard.login(visitor, "kontakt")
    open_report(visitor, report)
    for section in report.circular.sections.order_by("order"):
        keyboard.follow(
            page, page.get_by_role("link", name=f"{section.number} {section.title}")
        )
        visitor.check()
        # Last year's answers: see what they replace, confirm, then save.
        keyboard.tab_to(
            page,
            page.get_by_role("button", name="Bruk alle fjorårets svar i kapittelet"),
        )
        page.keyboard.press("Enter")
        confirm = page.locator("#copy-confirm")
        expect(confirm).to_be_visible()
        visitor.check()
        keyboard.tab_to(page, confirm)
        page.keyboard.press("Enter")
        expect(confirm).to_be_hidden()
        keyboard.follow(page, page.get_by_role("button", name="Lagre utkast"))
        visitor.check()
        assert "Utkastet er lagret" in page.content()
        back_to_report(visitor, report)
    describe_buildings(visitor, report, "Vi har kartlagt bygg.")
    submit(visitor, report)
    keyboard.logout(visitor)


def adviser_comments_and_returns(visitor, report):
    page = visitor.page
    visitor.login("radgiver")
    visitor.goto(f"/rapporter/{report.pk}/vurdering/")
    section = report.circular.sections.get(number="4.3.2")
    page.get_by_label("Kommentar til 4.3.2").fill("Hvor mange bygg er kartlagt?")
    page.locator(f"#kapittel-{section.pk}").get_by_role(
        "button", name="Legg til kommentar"
    ).click()
    visitor.check()
    page.get_by_label("Begrunnelse for retur").fill("Se kommentaren til 4.3.2.")
    page.get_by_role("button", name="Returner for retting").click()
    visitor.check()
    assert "Returnert for retting" in page.content()
    visitor.logout()


def contact_fixes_and_resubmits(visitor, report):
    page = visitor.page
    keyboard.login(visitor, "kontakt")
    open_report(visitor, report)
    assert "Hvor mange bygg er kartlagt?" in page.content()
    assert "Se kommentaren til 4.3.2." in page.content()
    describe_buildings(visitor, report, FIXED_TEXT)
    submit(visitor, report)
    keyboard.logout(visitor)


def adviser_approves(visitor, report):
    page = visitor.page
    visitor.login("radgiver")
    visitor.goto(f"/rapporter/{report.pk}/vurdering/")
    assert FIXED_TEXT in page.content()
    page.get_by_role("button", name="Marker som løst").click()
    visitor.check()
    page.get_by_role("button", name="Godkjenn rapporten").click()
    visitor.check()
    assert "har fått status «Godkjent»" in page.content()


def adviser_exports_the_consolidated_pdf(visitor, circular, directory) -> str:
    """The adviser orders the year's consolidated PDF and downloads it."""
    page = visitor.page
    visitor.goto("/")
    page.get_by_role("link", name="Eksporter sammenstilling").click()
    visitor.check()
    page.get_by_label("Rapporteringsår").select_option(str(circular.reporting_year))
    visitor.order_export("Bestill eksport")
    assert page.get_by_role("status").inner_text() == "Ferdig"
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned").click()
    path = directory / "sammenstilling.pdf"
    download.value.save_as(path)
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_whole_year_from_publishing_to_the_approved_report(
    last_year_approved, visitor, html_pages, tmp_path
):
    circular = publish_next_year(visitor, last_year_approved)
    report = Report.objects.get(circular=circular, unit__slug="bydel-frogner")

    contact_fills_in_and_submits(visitor, report)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED

    adviser_comments_and_returns(visitor, report)
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED

    contact_fixes_and_resubmits(visitor, report)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    fixed = report.answers.get(section__number="4.3.2")
    assert fixed.data["bygg-tekst"] == FIXED_TEXT

    adviser_approves(visitor, report)
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED

    consolidated = adviser_exports_the_consolidated_pdf(visitor, circular, tmp_path)
    assert "Bydel Frogner" in consolidated
    assert FIXED_TEXT.split()[0] in consolidated

    assert len(html_pages.urls) == len(visitor.checked)
    errors = html_pages.errors()
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)
