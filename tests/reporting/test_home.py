import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("reporting:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_contact_sees_their_own_units_report_and_not_another_units(
    client, unit, contact, other_unit
):
    own = factories.report_for(unit)
    foreign = factories.report_for(other_unit)
    client.force_login(contact)
    page = client.get(reverse("reporting:home")).content.decode()
    assert own.circular.designation in page
    assert foreign.circular.designation not in page


def test_header_shows_the_persons_unit_and_role(client, unit, contact):
    client.force_login(contact)
    page = client.get(reverse("reporting:home")).content.decode()
    assert "Bydel Frogner" in page
    assert "Kontaktperson" in page


def test_adviser_sees_the_status_of_every_units_report(
    client, adviser, unit, other_unit
):
    report = factories.report_for(unit)
    client.force_login(adviser)
    page = client.get(reverse("reporting:home")).content.decode()
    assert report.circular.title in page
    assert "Rådgiver" in page
