"""A draft keeps everything typed, and last year's answers replace nothing unasked."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from circulars.models import Question
from reporting.models import Report, SectionAnswer
from tests.e2e.conftest import PASSWORD, STEP_TIMEOUT_MS, Visitor

SAVED = "document.getElementById('save-status').textContent.includes('Lagret')"


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("seed_oslo", verbosity=0)
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def chapter(demo):
    """Frogner's chapter with two counts and a text, and its path."""
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    for answer in report.answers.select_related("section"):
        questions = answer.section.questions.all()
        counts = [q for q in questions if q.kind == Question.Kind.INTEGER]
        texts = [q for q in questions if q.kind == Question.Kind.LONG_TEXT]
        if len(counts) >= 2 and texts:
            path = reverse(
                "reporting:section_edit", args=[report.pk, answer.section_id]
            )
            return answer, path, counts[0], counts[1], texts[0]
    raise AssertionError("The demo has no chapter with two counts and a text")


def without_javascript(browser, live_server):
    """A page in a browser with JavaScript off, logged in as the contact (axe
    needs JavaScript: the same pages are checked with it on in the other tests)."""
    context = browser.new_context(
        locale="nb-NO", bypass_csp=True, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    page.goto(live_server.url + "/logg-inn/")
    page.get_by_label("Brukernavn").fill("kontakt")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state("domcontentloaded")
    return context, page


def field(page, question):
    return page.locator(f"#section-form [name=q__{question.key}]")


def test_an_invalid_value_and_valid_ones_are_all_there_in_a_fresh_browser(
    chapter, visitor, browser, live_server
):
    answer, path, bad, good, text = chapter
    visitor.login("kontakt")
    page = visitor.goto(path)
    field(page, bad).fill("-5")
    field(page, good).fill("12")
    field(page, text).fill("En setning om arbeidet.")
    field(page, text).press("Tab")
    page.wait_for_function(SAVED)
    summary = page.locator("#feiloppsummering")
    summary.wait_for(state="visible")
    assert bad.label in summary.inner_text()
    visitor.check()
    page.locator("nav.pkt-breadcrumbs a").last.click()
    page.wait_for_load_state("domcontentloaded")
    assert page.url.endswith(f"/rapporter/{answer.report_id}/")

    context = browser.new_context(locale="nb-NO", bypass_csp=True)
    try:
        fresh = Visitor(context.new_page(), live_server.url)
        fresh.login("kontakt")
        again = fresh.goto(path)
        assert field(again, bad).input_value() == "-5"
        assert field(again, good).input_value() == "12"
        assert field(again, text).input_value() == "En setning om arbeidet."
        summary = again.locator("#feiloppsummering")
        assert summary.is_visible()
        assert again.evaluate("document.activeElement.id") == "feiloppsummering"
        summary.get_by_role("link").first.click()
        assert again.evaluate("document.activeElement.name") == f"q__{bad.key}"
        assert "field-error" in again.locator(f"#sporsmal-{bad.key}").inner_html()
    finally:
        context.close()
    stored = SectionAnswer.objects.get(pk=answer.pk)
    assert stored.data[good.key] == 12
    assert bad.key not in stored.data
    assert stored.raw == {f"q__{bad.key}": "-5"}


def test_leaving_with_unsaved_changes_asks_first(chapter, visitor):
    _answer, path, _bad, _good, text = chapter
    visitor.login("kontakt")
    page = visitor.goto(path)
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    field(page, text).fill("Ikke lagret ennå")
    page.locator("nav.pkt-breadcrumbs a").last.click(no_wait_after=True)
    page.wait_for_function("true")
    assert asked == ["beforeunload"]
    assert field(page, text).input_value() == "Ikke lagret ennå"


def test_without_javascript_saving_keeps_every_typed_value(
    chapter, browser, live_server
):
    answer, path, bad, good, _text = chapter
    context, page = without_javascript(browser, live_server)
    try:
        page.goto(live_server.url + path)
        field(page, bad).fill("-5")
        field(page, good).fill("7")
        page.get_by_role("button", name="Lagre utkast").click()
        page.wait_for_load_state("domcontentloaded")
        assert "må rettes før rapporten kan sendes inn" in page.content()
        assert page.locator("#feiloppsummering").is_visible()
        assert field(page, bad).input_value() == "-5"
        assert field(page, good).input_value() == "7"
    finally:
        context.close()
    assert SectionAnswer.objects.get(pk=answer.pk).data[good.key] == 7


def test_last_years_answer_replaces_mine_only_when_i_confirm(chapter, visitor):
    answer, path, _bad, _good, text = chapter
    last_year = (
        answer.report.unit.reports.get(circular__reporting_year=2025)
        .answers.get(section__topic=answer.section.topic)
        .data[text.key]
    )
    visitor.login("kontakt")
    page = visitor.goto(path)
    field(page, text).fill("Min egen tekst")
    field(page, text).press("Tab")
    page.wait_for_function(SAVED)
    copy = page.get_by_role("button", name=f"Bruk fjorårets svar på «{text.label}»")

    copy.click()
    dialog = page.locator("#copy-dialog")
    dialog.wait_for(state="visible")
    assert "Min egen tekst" in dialog.inner_text()
    assert last_year[:40] in dialog.inner_text()
    visitor.check()
    page.get_by_role("button", name="Avbryt og behold mine svar").click()
    dialog.wait_for(state="hidden")
    assert field(page, text).input_value() == "Min egen tekst"
    page.reload()
    assert field(page, text).input_value() == "Min egen tekst"

    confirm_page = reverse(
        "reporting:section_copy", args=[answer.report_id, answer.section_id]
    )
    visitor.goto(f"{confirm_page}?sporsmal={text.key}")  # the page without JS
    assert "Min egen tekst" in page.content()
    visitor.goto(path)

    copy.click()
    dialog.wait_for(state="visible")
    page.get_by_role("button", name="Bruk fjorårets svar", exact=True).click()
    assert field(page, text).input_value() == last_year
    assert "ikke lagret" in page.locator("#save-status").inner_text()
    assert SectionAnswer.objects.get(pk=answer.pk).data[text.key] == "Min egen tekst"
    page.get_by_role("button", name="Lagre utkast").click()
    page.wait_for_load_state("domcontentloaded")
    visitor.check()
    assert SectionAnswer.objects.get(pk=answer.pk).data[text.key] == last_year

    page.get_by_role("link", name="Historikk for kapittelet").click()
    visitor.check()
    page.get_by_role("button", name="Gjenopprett denne versjonen").first.click()
    page.wait_for_load_state("domcontentloaded")
    visitor.check()
    assert "er gjenopprettet som en ny versjon" in page.content()
    assert field(page, text).input_value() == "Min egen tekst"
    assert SectionAnswer.objects.get(pk=answer.pk).data[text.key] == "Min egen tekst"


def test_without_javascript_last_year_is_confirmed_on_its_own_page(
    chapter, browser, live_server
):
    answer, path, _bad, _good, text = chapter
    context, page = without_javascript(browser, live_server)
    try:
        page.goto(live_server.url + path)
        field(page, text).fill("Min egen tekst")
        page.get_by_role("button", name="Bruk alle fjorårets svar i kapittelet").click()
        page.wait_for_load_state("domcontentloaded")
        assert "Dette blir erstattet" in page.content()
        assert "Min egen tekst" in page.content()
        page.get_by_role("link", name="Avbryt og behold mine svar").click()
        page.wait_for_load_state("domcontentloaded")
        assert field(page, text).input_value() == "Min egen tekst"
        page.get_by_role("button", name="Bruk alle fjorårets svar i kapittelet").click()
        page.get_by_role("button", name="Bruk fjorårets svar").click()
        page.wait_for_load_state("domcontentloaded")
        assert "Ingenting er lagret ennå" in page.content()
        assert field(page, text).input_value() != "Min egen tekst"
    finally:
        context.close()
    assert SectionAnswer.objects.get(pk=answer.pk).data[text.key] == "Min egen tekst"


WHY = "To nye bygg ble kartlagt i år."


@pytest.fixture
def explained_report(demo):
    """Frogner's 2026 report, approved, with last year's answers except one count
    that grew beyond its threshold, explained by the contact."""
    from django.contrib.auth import get_user_model

    from reporting.answers import EXPLANATIONS_KEY
    from reporting.selectors import previous_answers
    from reporting.services import approve_report, save_section_answer, submit_report

    users = get_user_model().objects
    contact, adviser = users.get(username="kontakt"), users.get(username="radgiver")
    report = Report.objects.get(
        unit__slug="bydel-frogner", circular__reporting_year=2026
    )
    previous = previous_answers(report)
    explained = None
    for answer in report.answers.select_related("section"):
        data = dict(previous[answer.section.topic])
        for question in answer.section.questions.all():
            before = data.get(question.key)
            if (
                explained is None
                and question.change_threshold is not None
                and question.kind == Question.Kind.INTEGER
                and isinstance(before, int)
            ):
                data[question.key] = before * 3 + 10
                data[EXPLANATIONS_KEY] = {question.key: WHY}
                explained = question
        save_section_answer(
            answer=answer, data=data, based_on=answer.version, by=contact
        )
    assert explained is not None, "The demo has no count that asks for explanations"
    submit_report(
        report=report, signed_off_name="Berit", signed_off_title="", by=contact
    )
    approve_report(report=report, by=adviser)
    return report


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def download(page, tmp_path, name):
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned").click()
    path = tmp_path / name
    download_info.value.save_as(path)
    return path


def test_the_explanation_is_seen_by_the_adviser_and_in_both_pdfs(
    explained_report, visitor, tmp_path
):
    visitor.login("radgiver")
    page = visitor.goto(reverse("reporting:review_report", args=[explained_report.pk]))
    assert page.get_by_text(WHY).first.is_visible()
    assert "Enhetens forklaring av endringen" in page.content()
    visitor.goto(reverse("reporting:export_start"))
    page.get_by_label("Rapporteringsår").select_option("2026")
    visitor.order_export("Bestill eksport")
    assert WHY in pdf_text(download(page, tmp_path, "sammenstilling.pdf"))
    visitor.logout()

    visitor.login("kontakt")  # the start page: the newest report first
    visitor.order_export("Lag PDF av rapporten")
    assert WHY in pdf_text(download(page, tmp_path, "frogner.pdf"))
