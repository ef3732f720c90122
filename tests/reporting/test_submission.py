"""Submitting like Altinn: each missing question by name, a summary, a confirmation,
then a receipt on the page and by e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from reporting import submission
from reporting.models import Report
from reporting.services import return_report, save_section_answer
from reporting.submission import (
    Problem,
    field_url,
    latest_receipt,
    submission_problems,
)
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db

SIGN_OFF = {
    "signed_off_name": "Berit Bydelsdirektør",
    "signed_off_title": "Bydelsdirektør",
    "confirmed": "on",
}


def submit_url(report):
    return reverse("reporting:report_submit", args=[report.pk])


def test_each_unanswered_required_question_is_named_and_points_at_its_field(
    rich_answer,
):
    [problem] = submission_problems(rich_answer.report)
    assert problem.question.key == "plan"
    assert problem.message == "er ikke besvart"
    edit = reverse(
        "reporting:section_edit", args=[rich_answer.report_id, rich_answer.section_id]
    )
    assert problem.url == f"{edit}#sporsmal-plan"


def test_an_answered_report_has_no_problems(contact, rich_answer):
    save_section_answer(answer=rich_answer, data={"plan": "Ja"}, based_on=0, by=contact)
    assert submission_problems(rich_answer.report) == []


def test_another_check_feeds_the_same_list_and_blocks_submission(
    client, contact, rich_answer, monkeypatch
):
    save_section_answer(answer=rich_answer, data={"plan": "Ja"}, based_on=0, by=contact)

    def rule(report, answers):
        answer = answers[0]
        question = answer.section.questions.get(key="antall")
        url = field_url(answer, "sporsmal-antall")
        yield Problem("må være større enn 0", url, answer, question)

    monkeypatch.setattr(submission, "CHECKS", [*submission.CHECKS, rule])
    client.force_login(contact)
    page = client.get(submit_url(rich_answer.report)).content.decode()
    assert "må være større enn 0" in page
    assert "#sporsmal-antall" in page
    client.post(submit_url(rich_answer.report), SIGN_OFF)
    rich_answer.report.refresh_from_db()
    assert rich_answer.report.status == Report.Status.DRAFT


def test_submit_page_names_the_missing_question_and_links_to_its_field(
    client, contact, rich_answer
):
    client.force_login(contact)
    page = client.get(submit_url(rich_answer.report)).content.decode()
    label = rich_answer.section.questions.get(key="plan").label
    assert f"«{label}»" in page
    assert "#sporsmal-plan" in page
    assert 'id="submit-form"' not in page


def test_submit_page_summarises_every_answer_per_chapter(client, contact, rich_answer):
    save_section_answer(
        answer=rich_answer,
        data={"plan": "Planen ble vedtatt i bydelsutvalget.", "antall": 42},
        based_on=0,
        by=contact,
    )
    client.force_login(contact)
    page = client.get(submit_url(rich_answer.report)).content.decode()
    assert "Oppsummering av svarene" in page
    assert rich_answer.section.title in page
    assert "Planen ble vedtatt i bydelsutvalget." in page
    assert "42" in page
    for question in rich_answer.section.questions.all():
        assert question.label in page
    assert 'id="submit-form"' in page


def test_submitting_without_the_confirmation_is_refused(client, contact, rich_answer):
    save_section_answer(answer=rich_answer, data={"plan": "Ja"}, based_on=0, by=contact)
    client.force_login(contact)
    response = client.post(
        submit_url(rich_answer.report), {**SIGN_OFF, "confirmed": ""}
    )
    assert "Kryss av for å bekrefte" in response.content.decode()
    rich_answer.report.refresh_from_db()
    assert rich_answer.report.status == Report.Status.DRAFT


def test_submitting_leads_to_a_receipt_that_is_also_e_mailed_to_the_unit(
    client, unit, contact, adviser, rich_answer, django_capture_on_commit_callbacks
):
    colleague = factories.contact_of(unit, user__username="kollega")
    save_section_answer(answer=rich_answer, data={"plan": "Ja"}, based_on=0, by=contact)
    client.force_login(contact)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(rich_answer.report), SIGN_OFF, follow=True)
    report = rich_answer.report
    receipt = latest_receipt(report)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "reporting:report_receipt", args=[report.pk]
    )
    assert re.fullmatch(r"OXLO-\d{4}-\d{6,}", receipt.reference)
    assert receipt.reference in page
    assert contact.get_full_name() in page
    assert "Berit Bydelsdirektør, Bydelsdirektør" in page
    assert "Hva skjer nå?" in page
    assert "Last ned PDF" in page
    receipts = [m for m in mail.outbox if receipt.reference in m.subject]
    assert sorted(m.to[0] for m in receipts) == sorted([contact.email, colleague.email])
    assert receipt.reference in receipts[0].body
    assert reverse("reporting:report_receipt", args=[report.pk]) in receipts[0].body
    assert adviser.email not in [m.to[0] for m in receipts]


def test_a_contact_of_another_unit_cannot_see_the_receipt(
    client, unit, contact, other_contact
):
    report = submitted_report(unit, contact)
    client.force_login(other_contact)
    url = reverse("reporting:report_receipt", args=[report.pk])
    assert client.get(url).status_code == 404


def test_an_adviser_sees_the_units_receipt(client, unit, contact, adviser):
    report = submitted_report(unit, contact)
    client.force_login(adviser)
    page = client.get(reverse("reporting:report_receipt", args=[report.pk]))
    assert latest_receipt(report).reference in page.content.decode()


def test_a_report_never_submitted_has_no_receipt_and_says_so(client, unit, contact):
    report = filled_report(unit, contact)
    client.force_login(contact)
    response = client.get(
        reverse("reporting:report_receipt", args=[report.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == report.get_absolute_url()
    assert "ingen kvittering" in response.content.decode()


def test_the_receipt_of_a_report_returned_later_says_what_to_do_now(
    client, unit, contact, adviser
):
    report = submitted_report(unit, contact)
    return_report(report=report, reason="Mangler tall.", by=adviser)
    client.force_login(contact)
    page = client.get(reverse("reporting:report_receipt", args=[report.pk]))
    assert "senere returnert for retting" in page.content.decode()


def test_the_report_page_links_the_receipt_and_offers_the_pdf(client, unit, contact):
    report = submitted_report(unit, contact)
    client.force_login(contact)
    page = client.get(report.get_absolute_url()).content.decode()
    assert latest_receipt(report).reference in page
    assert "Last ned PDF" in page
    assert reverse("reporting:report_export", args=[report.pk]) in page


def test_a_unit_without_an_oxlo_contact_is_told_on_the_submit_page(
    client, unit, contact, rich_answer
):
    unit.contact_name = unit.contact_email = ""
    unit.save()
    save_section_answer(answer=rich_answer, data={"plan": "Ja"}, based_on=0, by=contact)
    client.force_login(contact)
    page = client.get(submit_url(rich_answer.report)).content.decode()
    assert "oppgi enhetens OXLO-kontakt" in page
    assert reverse("reporting:report_oxlo", args=[rich_answer.report_id]) in page
    assert 'id="submit-form"' not in page
