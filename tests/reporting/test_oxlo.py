import pytest
from django.urls import reverse

from reporting.models import MentorNomination
from tests import factories

pytestmark = pytest.mark.django_db

MENTOR = {
    "mentor": "1",
    "name": "Nina Mentor",
    "title": "Avdelingsleder",
    "email": "nina@oslo.kommune.no",
    "field": "Rekruttering",
    "informed": "on",
}


def test_contact_saves_the_units_oxlo_contact_prefilled_from_its_record(
    client, contact, rich_report
):
    client.force_login(contact)
    url = reverse("reporting:report_oxlo", args=[rich_report.pk])
    response = client.post(
        url,
        {
            "contact": "1",
            "name": "Kari Kontakt",
            "title": "Rådgiver",
            "email": "kari@oslo.kommune.no",
            "phone": "12345678",
            "in_leadership": "ja",
        },
        follow=True,
    )
    assert "OXLO-kontakten er lagret" in response.content.decode()
    rich_report.unit.refresh_from_db()
    assert rich_report.unit.contact_name == "Kari Kontakt"
    assert rich_report.unit.contact_in_leadership is True
    assert 'value="Kari Kontakt"' in client.get(url).content.decode()


def test_a_wrong_email_keeps_what_was_typed(client, contact, rich_report):
    client.force_login(contact)
    url = reverse("reporting:report_oxlo", args=[rich_report.pk])
    page = client.post(
        url,
        {
            "contact": "1",
            "name": "Kari Kontakt",
            "email": "kari@",
            "in_leadership": "nei",
        },
    ).content.decode()
    assert "gyldig e-postadresse" in page
    assert 'value="Kari Kontakt"' in page


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
    response = client.post(url, MENTOR, follow=True)
    assert "har fått e-post" in response.content.decode()
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


def test_the_nominee_declines_without_an_account(client, contact, rich_report):
    from reporting.services.units import mentor_decline_url

    client.force_login(contact)
    client.post(reverse("reporting:report_oxlo", args=[rich_report.pk]), MENTOR)
    mentor = MentorNomination.objects.get()
    client.logout()
    link = mentor_decline_url(mentor).split("://", 1)[1].split("/", 1)[1]
    assert "takker nei" in client.get("/" + link).content.decode()
    page = client.post("/" + link).content.decode()
    assert "Du har takket nei" in page
    mentor.refresh_from_db()
    assert mentor.declined_at is not None
    forged = client.post(reverse("reporting:mentor_decline", args=["1:x"]))
    assert "ugyldig" in forged.content.decode()


@pytest.mark.parametrize("role", ["contributor", "leader"])
def test_only_the_contact_changes_the_oxlo_contact_and_the_mentors(
    client, contact, rich_report, role
):
    client.force_login(contact)
    url = reverse("reporting:report_oxlo", args=[rich_report.pk])
    client.post(url, MENTOR)
    mentor = MentorNomination.objects.get()
    made = {"contributor": factories.contributor_of, "leader": factories.leader_of}
    client.force_login(made[role](rich_report.unit))
    page = client.get(url).content.decode()
    assert "Bare enhetens kontaktperson endrer OXLO-kontakten" in page
    assert 'id="mentor-form"' not in page and 'id="contact-form"' not in page
    refused = client.post(url, {**MENTOR, "name": "Ola Annen"})
    assert refused.status_code == 403
    assert "Bare enhetens kontaktperson endrer" in refused.content.decode()
    contact_change = client.post(
        url, {"contact": "1", "name": "Ola Annen", "email": "ola@oslo.kommune.no"}
    )
    assert contact_change.status_code == 403
    delete = reverse("reporting:mentor_delete", args=[rich_report.pk, mentor.pk])
    assert client.post(delete).status_code == 403
    assert list(MentorNomination.objects.values_list("name", flat=True)) == [
        "Nina Mentor"
    ]
    rich_report.unit.refresh_from_db()
    assert rich_report.unit.contact_name != "Ola Annen"
