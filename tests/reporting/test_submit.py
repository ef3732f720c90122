import pytest
from django.urls import reverse

from reporting.models import ReportEvent
from reporting.services import save_section_answer

pytestmark = pytest.mark.django_db

SIGN_OFF = {
    "signed_off_name": "Berit Bydelsdirektør",
    "signed_off_title": "Bydelsdirektør",
}


def test_submit_page_lists_what_is_missing_with_links(client, contact, rich_answer):
    client.force_login(contact)
    page = client.get(
        reverse("reporting:report_submit", args=[rich_answer.report_id])
    ).content.decode()
    assert "Dette mangler" in page
    assert (
        reverse(
            "reporting:section_edit",
            args=[rich_answer.report_id, rich_answer.section_id],
        )
        in page
    )
    response = client.post(
        reverse("reporting:report_submit", args=[rich_answer.report_id]), SIGN_OFF
    )
    assert "Alle obligatoriske spørsmål må besvares" in response.content.decode()
    rich_answer.report.refresh_from_db()
    assert rich_answer.report.status == "draft"


def test_a_complete_report_is_submitted_once_and_then_locked(
    client, contact, rich_answer
):
    save_section_answer(
        answer=rich_answer, data={"plan": "Ferdig"}, based_on=0, by=contact
    )
    client.force_login(contact)
    url = reverse("reporting:report_submit", args=[rich_answer.report_id])
    first = client.post(url, SIGN_OFF)
    second = client.post(url, SIGN_OFF)
    assert first.status_code == second.status_code == 302
    report = rich_answer.report
    report.refresh_from_db()
    assert report.status == "submitted"
    assert report.submitted_by == contact
    assert report.signed_off_name == "Berit Bydelsdirektør"
    assert report.events.filter(action=ReportEvent.Action.SUBMITTED).count() == 1
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Sendt inn" in page
    assert "låst for endringer" in page


def test_submit_asks_who_signed_off(client, contact, rich_answer):
    save_section_answer(
        answer=rich_answer, data={"plan": "Ferdig"}, based_on=0, by=contact
    )
    client.force_login(contact)
    response = client.post(
        reverse("reporting:report_submit", args=[rich_answer.report_id]),
        {"signed_off_name": "", "signed_off_title": "Sjef"},
    )
    page = response.content.decode()
    assert "Feltet er påkrevet" in page
    assert "gyldig valg" in page
