"""Personal data kept only as long as needed, and a person's own data on request."""

import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from reporting.models import AuditEvent, MentorNomination
from tests import factories


@pytest.fixture
def unit(db):
    return factories.UnitFactory()


def report_of_year(unit, year):
    report = factories.report_for(unit, year=year, reporting_year=year)
    report.contact_name = "Kari Kontakt"
    report.contact_email = "kari@oslo.kommune.no"
    report.contact_phone = "99 99 99 99"
    report.save()
    MentorNomination.objects.create(
        report=report,
        name="Mona Mentor",
        title="Rådgiver",
        email="mona@oslo.kommune.no",
        field="Rekruttering",
        informed=True,
    )
    return report


def test_old_mentor_nominations_and_contacts_go_recent_ones_stay(
    unit, settings, capsys
):
    settings.OXLO_RETENTION_YEARS = 3
    this_year = timezone.localdate().year
    old = report_of_year(unit, this_year - 4)
    kept = report_of_year(unit, this_year - 3)
    call_command("apply_retention")
    assert "1 mentorforslag slettet" in capsys.readouterr().out
    old.refresh_from_db()
    kept.refresh_from_db()
    assert not old.mentors.exists()
    assert (old.contact_name, old.contact_email, old.contact_phone) == ("", "", "")
    assert kept.mentors.count() == 1
    assert kept.contact_email == "kari@oslo.kommune.no"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.RETENTION).count() == 1
    call_command("apply_retention", verbosity=0)  # nothing left: no second row
    assert AuditEvent.objects.filter(action=AuditEvent.Action.RETENTION).count() == 1


def test_a_person_sees_and_downloads_what_the_portal_holds_about_them(unit):
    kari = factories.contact_of(unit, user__email="kari@oslo.kommune.no")
    report_of_year(unit, 2026)
    client = Client()
    client.force_login(kari)
    page = client.get("/mine-opplysninger/").content.decode()
    assert kari.username in page
    assert unit.name in page
    download = client.get("/mine-opplysninger/?format=json")
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["konto"]["e-post"] == "kari@oslo.kommune.no"
    assert data["rapporter"][0]["oppført som OXLO-kontakt"] is True
    assert data["mentorforslag"] == []  # Mona's nomination is Mona's data


def test_nobody_sees_another_persons_data(unit):
    kari = factories.contact_of(unit, user__email="kari@oslo.kommune.no")
    report_of_year(unit, 2026)
    other = factories.adviser(email="per@oslo.kommune.no")
    client = Client()
    client.force_login(other)
    data = client.get("/mine-opplysninger/?format=json").json()
    assert data["konto"]["brukernavn"] == other.username
    assert data["rapporter"] == []
    assert kari.username not in json.dumps(data)
    assert Client().get("/mine-opplysninger/").status_code == 302


def test_the_privacy_page_says_how_long(db, settings, client):
    settings.OXLO_RETENTION_YEARS = 5
    page = client.get("/bibliotek/personvern/").content.decode()
    assert "5 år etter" in page
    assert "/mine-opplysninger/" in page
