"""Through a report chapter by chapter, submit like Altinn, a receipt; then a
return, a reply that leads back to the chapter, and the adviser's approve button."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from circulars.models import Question
from reporting.demo import fill_answers
from reporting.models import Report
from reporting.services import (
    return_report,
    save_section_answer,
)
from reporting.submission import latest_receipt
from tests.e2e.conftest import EXPORT_TIMEOUT_MS, PASSWORD
from tests.e2e.html_checker import HtmlPages, require_vnu


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def report(demo):
    return Report.objects.get(unit__slug="bydel-frogner", circular__reporting_year=2026)


@pytest.fixture
def html_pages(visitor, tmp_path):
    """The Nu HTML Checker over every page the test checks, run at its end."""
    require_vnu()
    visitor.html_pages = HtmlPages(tmp_path / "html")
    visitor.html_pages.directory.mkdir()
    yield visitor.html_pages
    errors = visitor.html_pages.errors()
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)


def person(username):
    return get_user_model().objects.get(username=username)


def fill_all_but(report, left_out=None):
    """Answer the report as seed_demo --fill does, then take away one answer."""
    contact = person("kontakt")
    fill_answers(report, by=contact)
    if left_out is not None:
        answer = report.answers.get(section=left_out.section)
        data = {k: v for k, v in answer.data.items() if k != left_out.key}
        save_section_answer(
            answer=answer, data=data, based_on=answer.version, by=contact
        )


def test_the_stepper_and_next_lead_through_every_chapter(report, visitor):
    chapters = list(report.answers.order_by("section__order").select_related("section"))
    visitor.login("kontakt")
    page = visitor.goto(report.get_absolute_url())
    stepper = page.locator("ol.pkt-stepper")
    expect(stepper.locator("li.pkt-step")).to_have_count(len(chapters))
    first = chapters[0].section
    stepper.get_by_role("link", name=f"{first.number} {first.title}").click()
    visitor.check()
    for position, answer in enumerate(chapters, start=1):
        assert f"Kapittel {position} av {len(chapters)}" in page.content()
        current = page.locator("nav.chapter-nav a[aria-current=step]")
        expect(current).to_have_text(f"{answer.section.number} {answer.section.title}")
        assert page.locator(".form-actions--sticky").is_visible()
        if position < len(chapters):
            page.get_by_role("link", name="Neste kapittel").click()
            visitor.check()
    assert page.get_by_role("link", name="Neste kapittel").count() == 0
    for _ in chapters[1:]:
        page.get_by_role("link", name="Forrige kapittel").click()
        visitor.check()
    assert f"Kapittel 1 av {len(chapters)}" in page.content()
    page.get_by_role("link", name="Til oversikten").click()
    visitor.check()
    assert page.url.endswith(report.get_absolute_url())


def test_submit_lists_the_missing_question_lands_on_it_and_gives_a_receipt(
    report, visitor, html_pages, tmp_path
):
    question = (
        Question.objects.filter(
            section__answers__report=report, required=True, kind="long_text"
        )
        .order_by("section__order", "order")
        .first()
    )
    fill_all_but(report, question)
    visitor.login("kontakt")
    page = visitor.goto(f"/rapporter/{report.pk}/send-inn/")
    problems = page.locator(".submit-problems")
    expect(problems.get_by_role("link")).to_have_count(1)
    assert "Oppsummering av svarene" in page.content()
    problems.get_by_role("link", name=f"«{question.label}»").click()
    page.wait_for_function(
        f"document.activeElement.closest('#sporsmal-{question.key}') !== null"
    )
    visitor.check()
    field = page.get_by_label(question.label)
    expect(field).to_be_focused()
    expect(page.locator(f"#sporsmal-{question.key}")).to_have_class(
        re.compile(r"\bis-target\b")
    )
    field.fill("Skrevet på nytt etter oppsummeringen.")
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre utkast").click()
    visitor.check()

    page.get_by_role("link", name="Til oversikten").click()
    page.get_by_role("link", name="Send inn rapporten").click()
    visitor.check()
    assert page.locator(".submit-problems").count() == 0
    page.get_by_label("Navn på den som har godkjent rapporten i enheten").fill(
        "Berit Bydelsdirektør"
    )
    page.get_by_label("Stilling").select_option("Bydelsdirektør")
    page.get_by_role("button", name="Send inn", exact=True).click()
    visitor.check()
    assert "Kryss av for å bekrefte" in page.content()
    page.get_by_label("Jeg har lest gjennom svarene").check()
    page.get_by_role("button", name="Send inn", exact=True).click()
    visitor.check()

    receipt = latest_receipt(report)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kvittering for innsendt rapport"
    )
    assert receipt.reference in page.locator("#kvittering-referanse").inner_text()
    assert "Kari Kontakt" in page.content()
    e_mails = [m for m in mail.outbox if receipt.reference in m.subject]
    assert person("kontakt").email in [m.to[0] for m in e_mails]

    visitor.order_export("Last ned PDF")
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned").click(timeout=EXPORT_TIMEOUT_MS)
    path = tmp_path / "rapport.pdf"
    download.value.save_as(path)
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Bydel Frogner" in text


def test_a_reply_leads_back_to_the_chapter_and_approve_waits_for_open_comments(
    report, visitor, html_pages
):
    fill_all_but(report)
    from reporting.services import submit_report

    submit_report(
        report=report,
        signed_off_name="Berit",
        signed_off_title="",
        by=person("kontakt"),
    )
    answer = report.answers.order_by("section__order")[1]
    visitor.login("radgiver")
    page = visitor.goto(f"/rapporter/{report.pk}/vurdering/")
    expect(page.get_by_role("button", name="Godkjenn rapporten")).to_be_enabled()
    chapter = page.locator(f"#kapittel-{answer.section_id}")
    chapter.get_by_label(f"Kommentar til {answer.section.number}").fill(
        "Hvor mange bygg er kartlagt?"
    )
    chapter.get_by_role("button", name="Legg til kommentar").click()
    page.wait_for_load_state("load")
    visitor.check()
    comment = report.comments.get()
    assert page.url.endswith(f"/vurdering/#kommentar-{comment.pk}")
    message = page.locator("[data-messages]")
    expect(message).to_have_text("Kommentaren er lagt til.")
    expect(message).to_be_in_viewport()
    approve = page.get_by_role("button", name="Godkjenn rapporten")
    expect(approve).to_be_disabled()
    assert "1 kommentar er åpen" in page.locator("#godkjenn-hvorfor").inner_text()
    return_report(report=report, reason="Se kommentaren.", by=person("radgiver"))
    visitor.logout()

    visitor.login("kontakt")
    page = visitor.goto("/")
    page.get_by_role("link", name="Rett og send inn på nytt").first.click()
    visitor.check()
    assert "Se kommentaren." in page.locator("#retur").inner_text()
    page.locator("#retur").get_by_role("link", name="Rett og send inn på nytt").click()
    visitor.check()
    assert page.url.endswith(f"#kommentar-{comment.pk}")
    thread = page.locator(f"#kommentar-{comment.pk}")
    thread.get_by_label("Svar på kommentaren").fill("Tolv bygg.")
    thread.get_by_role("button", name="Send svar").click()
    page.wait_for_load_state("load")
    visitor.check()
    assert page.url.endswith(f"/kapitler/{answer.section_id}/#kommentar-{comment.pk}")
    message = page.locator("[data-messages]")
    expect(message).to_have_text("Svaret ditt er lagret.")
    expect(message).to_be_focused()
    expect(message).to_be_in_viewport()
