"""Every URL of the contact's side: anonymous, other unit, wrong role, right role."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from reporting.models import Attachment, MentorNomination
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_urls(rich_answer):
    report = rich_answer.report
    mentor = MentorNomination.objects.create(
        report=report,
        name="Ola",
        title="Leder",
        email="ola@oslo.kommune.no",
        field="HR",
        informed=True,
    )
    attachment = Attachment(
        report=report,
        section=rich_answer.section,
        stored_name="x.pdf",
        original_name="plan.pdf",
        content_type="application/pdf",
        size=9,
    )
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    attachment.save()
    r, s = report.pk, rich_answer.section_id
    return {
        "get": [
            reverse("reporting:report_detail", args=[r]),
            reverse("reporting:section_edit", args=[r, s]),
            reverse("reporting:section_history", args=[r, s]),
            reverse("reporting:report_submit", args=[r]),
            reverse("reporting:report_oxlo", args=[r]),
            reverse("reporting:attachment_download", args=[r, attachment.pk]),
        ],
        "post": [
            reverse("reporting:section_edit", args=[r, s]),
            reverse("reporting:section_autosave", args=[r, s]),
            reverse("reporting:report_submit", args=[r]),
            reverse("reporting:report_oxlo", args=[r]),
            reverse("reporting:mentor_delete", args=[r, mentor.pk]),
            reverse("reporting:attachment_upload", args=[r, s]),
            reverse("reporting:attachment_delete", args=[r, attachment.pk]),
        ],
    }


def test_anonymous_visitors_are_sent_to_login_and_autosave_gets_json_401(
    client, report_urls
):
    for url in report_urls["get"] + report_urls["post"]:
        response = client.post(url) if url in report_urls["post"] else client.get(url)
        if "autolagre" in url:
            assert response.status_code == 401
            assert "Logg inn" in response.json()["error"]
        else:
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("login"))


def test_a_contact_of_another_unit_gets_404_on_every_url(
    client, other_contact, report_urls
):
    client.force_login(other_contact)
    for url in report_urls["get"]:
        assert client.get(url).status_code == 404, url
    for url in report_urls["post"]:
        assert client.post(url, {"based_on": 0}).status_code == 404, url


def test_an_adviser_reads_the_report_but_may_not_write_it(client, adviser, report_urls):
    client.force_login(adviser)
    for url in report_urls["get"]:
        if "send-inn" in url:
            assert client.get(url).status_code == 403
        else:
            assert client.get(url).status_code == 200, url
    for url in report_urls["post"]:
        assert client.post(url, {"based_on": 0}).status_code == 403, url


def test_the_units_contact_opens_every_page(client, contact, report_urls):
    client.force_login(contact)
    for url in report_urls["get"]:
        assert client.get(url).status_code == 200, url


def test_the_attachment_is_served_as_a_download_to_its_unit(
    client, contact, report_urls
):
    client.force_login(contact)
    response = client.get(report_urls["get"][-1])
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "plan.pdf" in response["Content-Disposition"]


def test_circular_preview_is_for_administrators_only(
    client, contact, adviser, administrator
):
    circular = factories.CircularFactory(audience=["bydel", "etat"])
    section = factories.SectionFactory(circular=circular, number="4.3")
    factories.QuestionFactory(section=section, label="Hvor mange tiltak?")
    factories.QuestionFactory(section=section, key="tabell", table=True)
    url = reverse("reporting:circular_preview", args=[circular.pk])
    assert client.get(url).status_code == 302
    for person in (contact, adviser):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.force_login(administrator)
    page = client.get(url + "?kind=etat").content.decode()
    assert "Hvor mange tiltak?" in page
    assert "en enhet av typen Etat" in page
    assert "disabled" in page
    assert client.get(url + "?kind=bydel").status_code == 200
