"""Figures reported «minst annethvert år» can be marked as last year's, and every
reader says so (issue 15, point 7)."""

import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from circulars.models import Question
from circulars.services import publish_circular
from reporting.answers import CARRIED_KEY
from reporting.exports.report_pdf import build_report_pdf
from reporting.models import Report
from reporting.services import approve_report, submit_report
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(unit):
    circular = factories.CircularFactory(audience=[unit.kind], year=2026)
    section = factories.SectionFactory(circular=circular, number="4.3.6")
    factories.QuestionFactory(
        section=section,
        key="lonnsgap",
        label="Samlet lønnsgap",
        kind=Question.Kind.DECIMAL,
        every_other_year=True,
    )
    factories.QuestionFactory(
        section=section, key="ansatte", label="Ansatte", kind=Question.Kind.INTEGER
    )
    publish_circular(circular=circular, by=None)
    return Report.objects.get(circular=circular, unit=unit).answers.get()


def test_only_a_question_reported_every_other_year_offers_the_mark(
    client, contact, answer
):
    client.force_login(contact)
    url = reverse("reporting:section_edit", args=[answer.report_id, answer.section_id])
    page = client.get(url).content.decode()
    assert page.count("Tallene er fra i fjor") == 1
    assert 'name="fra_i_fjor__lonnsgap"' in page
    assert 'name="fra_i_fjor__ansatte"' not in page


def test_the_mark_is_saved_and_shown_to_the_adviser_and_in_the_pdf(
    client, contact, answer
):
    client.force_login(contact)
    url = reverse("reporting:section_edit", args=[answer.report_id, answer.section_id])
    client.post(
        url,
        {
            "based_on": 0,
            "q__lonnsgap": "96,5",
            "q__ansatte": "40",
            "fra_i_fjor__lonnsgap": "on",
        },
    )
    answer.refresh_from_db()
    assert answer.data[CARRIED_KEY] == ["lonnsgap"]
    box = re.search(r"<input[^>]*fra_i_fjor__lonnsgap[^>]*>", client.get(url).text)
    assert "checked" in box.group(0)

    report = submit_report(
        report=answer.report, signed_off_name="Lise", signed_off_title="x", by=contact
    )
    adviser = factories.adviser()
    client.force_login(adviser)
    review = client.get(reverse("reporting:review_report", args=[report.pk]))
    assert "Tall fra 2025" in review.content.decode()

    approve_report(report=report, by=adviser)
    path = build_report_pdf(report)[0]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "Tall fra 2025" in text


def test_a_mark_on_another_question_is_ignored(contact, answer):
    from reporting.answers import carried_over

    question = answer.section.questions.get(key="ansatte")
    assert not carried_over(question, {CARRIED_KEY: ["ansatte"]})
    assert not carried_over(question, {CARRIED_KEY: "ansatte"})
