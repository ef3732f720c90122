"""Moving through a report: the stepper, next/previous, the way back after a
return or a reply to a comment."""

import pytest
from django.urls import reverse

from circulars.services import publish_circular
from reporting.models import Report
from reporting.services import (
    add_comment,
    return_report,
    save_section_answer,
    submit_report,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(unit):
    """A report to a circular of three chapters, none started."""
    circular = factories.CircularFactory(audience=[unit.kind])
    for order, number in enumerate(["4.3.1", "4.3.2", "4.3.5"]):
        section = factories.SectionFactory(
            circular=circular, number=number, order=order, title=f"Kapittel {number}"
        )
        factories.QuestionFactory(section=section, key="plan", required=True)
    publish_circular(circular=circular, by=None)
    return Report.objects.get(circular=circular, unit=unit)


def chapter_urls(report):
    return [
        reverse("reporting:section_edit", args=[report.pk, answer.section_id])
        for answer in report.answers.order_by("section__order")
    ]


def test_the_report_page_shows_each_chapters_state_in_a_stepper(
    client, contact, report
):
    first = report.answers.order_by("section__order").first()
    save_section_answer(answer=first, data={"plan": "Ja"}, based_on=0, by=contact)
    client.force_login(contact)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "1 av 3 kapitler ferdig utfylt" in page
    assert page.count("pkt-step chapter-step") == 3
    assert "chapter-step--complete" in page
    assert page.count("chapter-step--not_started") == 2


def test_a_chapter_says_where_it_is_and_leads_to_the_next_and_previous(
    client, contact, report
):
    first, second, third = chapter_urls(report)
    client.force_login(contact)
    page = client.get(second).content.decode()
    assert "Kapittel 2 av 3" in page
    assert f'href="{second}" aria-current="step"' in page
    assert f'href="{first}" rel="prev"' in page
    assert f'href="{third}" rel="next"' in page
    assert "Til oversikten" in page


def test_the_last_chapter_leads_to_the_submit_page(client, contact, report):
    last = chapter_urls(report)[-1]
    client.force_login(contact)
    page = client.get(last).content.decode()
    assert "Kapittel 3 av 3" in page
    assert 'rel="next"' not in page
    assert reverse("reporting:report_submit", args=[report.pk]) in page


def returned(report, contact, adviser, *, comment_on_second=True):
    for answer in report.answers.all():
        save_section_answer(
            answer=answer, data={"plan": "Ja"}, based_on=answer.version, by=contact
        )
    submit_report(
        report=report, signed_off_name="Berit", signed_off_title="", by=contact
    )
    comment = None
    if comment_on_second:
        section = report.answers.order_by("section__order")[1].section
        comment = add_comment(
            report=report, section=section, text="Hvor mange bygg?", by=adviser
        )
    return_report(report=report, reason="Tallene for bygg mangler.", by=adviser)
    return comment


def test_a_returned_report_shows_the_reason_and_the_way_to_correct_it(
    client, contact, adviser, report
):
    comment = returned(report, contact, adviser)
    client.force_login(contact)
    start = client.get(reverse("reporting:home")).content.decode()
    assert "Tallene for bygg mangler." in start
    assert "Rett og send inn på nytt" in start
    assert f"{report.get_absolute_url()}#retur" in start
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Tallene for bygg mangler." in page
    second = chapter_urls(report)[1]
    assert f'href="{second}#kommentar-{comment.pk}">Rett og send inn på nytt' in page


def test_without_chapter_comments_correcting_starts_at_the_submit_summary(
    client, contact, adviser, report
):
    returned(report, contact, adviser, comment_on_second=False)
    client.force_login(contact)
    page = client.get(report.get_absolute_url()).content.decode()
    submit = reverse("reporting:report_submit", args=[report.pk])
    assert f'href="{submit}">Rett og send inn på nytt' in page


def test_a_reply_to_a_comment_returns_to_the_chapter_at_the_comment(
    client, contact, adviser, report
):
    comment = returned(report, contact, adviser)
    client.force_login(contact)
    response = client.post(
        reverse("reporting:reply_comment", args=[comment.pk]),
        {f"svar-{comment.pk}-text": "Vi har kartlagt 12 bygg."},
    )
    second = chapter_urls(report)[1]
    assert response.url == f"{second}#kommentar-{comment.pk}"
    page = client.get(response.url).content.decode()
    assert "Svaret ditt er lagret." in page
    assert f'id="kommentar-{comment.pk}"' in page
    assert "Vi har kartlagt 12 bygg." in page


def test_an_advisers_reply_returns_to_the_comment_on_the_review_page(
    client, contact, adviser, report
):
    comment = returned(report, contact, adviser)
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:reply_comment", args=[comment.pk]),
        {f"svar-{comment.pk}-text": "Takk."},
    )
    review = reverse("reporting:review_report", args=[report.pk])
    assert response.url == f"{review}#kommentar-{comment.pk}"


def test_the_comments_page_leads_to_each_chapter_and_to_submitting(
    client, contact, adviser, report
):
    comment = returned(report, contact, adviser)
    client.force_login(contact)
    page = client.get(
        reverse("reporting:report_comments", args=[report.pk])
    ).content.decode()
    second = chapter_urls(report)[1]
    assert f"{second}#kommentar-{comment.pk}" in page
    assert reverse("reporting:report_submit", args=[report.pk]) in page
    assert report.get_absolute_url() in page
