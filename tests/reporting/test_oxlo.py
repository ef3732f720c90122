import pytest
from django.urls import reverse

from reporting.models import MentorNomination

pytestmark = pytest.mark.django_db

MENTOR = {
    "mentor": "1",
    "name": "Nina Mentor",
    "title": "Avdelingsleder",
    "email": "nina@oslo.kommune.no",
    "field": "Rekruttering",
    "informed": "on",
}


def test_contact_confirms_the_units_oxlo_contact(client, contact, rich_report):
    client.force_login(contact)
    url = reverse("reporting:report_oxlo", args=[rich_report.pk])
    client.post(
        url,
        {
            "contact": "1",
            "name": "Kari Kontakt",
            "title": "Rådgiver",
            "email": "kari@oslo.kommune.no",
            "phone": "12345678",
        },
    )
    rich_report.refresh_from_db()
    assert rich_report.contact_name == "Kari Kontakt"
    assert rich_report.contact_confirmed_at is not None
    assert "Bekreftet" in client.get(url).content.decode()


def test_a_mentor_needs_confirmation_that_the_person_knows(
    client, contact, rich_report
):
    client.force_login(contact)
    url = reverse("reporting:report_oxlo", args=[rich_report.pk])
    response = client.post(url, {**MENTOR, "informed": ""})
    assert "Feltet er påkrevet" in response.content.decode()
    assert not MentorNomination.objects.exists()


def test_the_unit_nominates_and_deletes_a_mentor_and_advisers_see_it(
    client, contact, adviser, rich_report
):
    client.force_login(contact)
    url = reverse("reporting:report_oxlo", args=[rich_report.pk])
    client.post(url, MENTOR)
    mentor = MentorNomination.objects.get()
    client.force_login(adviser)
    assert "nina@oslo.kommune.no" in client.get(url).content.decode()
    client.force_login(contact)
    client.post(reverse("reporting:mentor_delete", args=[rich_report.pk, mentor.pk]))
    assert not MentorNomination.objects.exists()


def test_mentors_are_not_in_the_public_library(client, contact, rich_report):
    client.force_login(contact)
    client.post(reverse("reporting:report_oxlo", args=[rich_report.pk]), MENTOR)
    client.logout()
    page = client.get(reverse("circulars:library")).content.decode()
    assert "nina@oslo.kommune.no" not in page
