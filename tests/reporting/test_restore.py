"""Restoring an earlier version of a section: a new version, for the unit alone."""

import pytest
from django.urls import reverse

from reporting.errors import NotAllowed, ReportLocked
from reporting.models import Report, ReportEvent
from reporting.services import restore_section_version, save_section_answer
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(rich_answer, contact):
    save_section_answer(
        answer=rich_answer, data={"plan": "Først"}, based_on=0, by=contact
    )
    save_section_answer(
        answer=rich_answer, data={"plan": "Siden"}, based_on=1, by=contact
    )
    return rich_answer


def restore_url(answer):
    return reverse(
        "reporting:section_restore", args=[answer.report_id, answer.section_id]
    )


def test_the_units_contact_restores_and_every_version_is_kept(two_versions, contact):
    restored = restore_section_version(answer=two_versions, version=1, by=contact)
    assert (restored.version, restored.data) == (3, {"plan": "Først"})
    assert list(two_versions.revisions.values_list("version", flat=True)) == [3, 2, 1]


def test_an_adviser_may_not_restore(two_versions, adviser, client):
    with pytest.raises(NotAllowed):
        restore_section_version(answer=two_versions, version=1, by=adviser)
    client.force_login(adviser)
    assert client.post(restore_url(two_versions), {"version": "1"}).status_code == 403
    two_versions.refresh_from_db()
    assert two_versions.data == {"plan": "Siden"}
    assert not ReportEvent.objects.filter(action=ReportEvent.Action.RESTORED).exists()


def test_another_units_contact_gets_404(two_versions, client):
    other = factories.contact_of(factories.UnitFactory())
    client.force_login(other)
    assert client.post(restore_url(two_versions), {"version": "1"}).status_code == 404
    with pytest.raises(NotAllowed):
        restore_section_version(answer=two_versions, version=1, by=other)


def test_anonymous_visitors_are_sent_to_login(two_versions, client):
    response = client.post(restore_url(two_versions), {"version": "1"})
    assert response.status_code == 302 and "logg-inn" in response.url


def test_nothing_is_restored_once_the_report_is_submitted(
    two_versions, contact, client
):
    Report.objects.filter(pk=two_versions.report_id).update(
        status=Report.Status.SUBMITTED
    )
    with pytest.raises(ReportLocked):
        restore_section_version(answer=two_versions, version=1, by=contact)
    client.force_login(contact)
    response = client.post(restore_url(two_versions), {"version": "1"}, follow=True)
    assert "sendt inn" in response.content.decode()
    page = client.get(
        reverse(
            "reporting:section_history",
            args=[two_versions.report_id, two_versions.section_id],
        )
    ).content.decode()
    assert "Gjenopprett denne versjonen" not in page
    two_versions.refresh_from_db()
    assert two_versions.version == 2


def test_a_hostile_version_number_is_a_clear_message(two_versions, contact, client):
    client.force_login(contact)
    for version in ["", "-1", "1" * 40, "1 OR 1=1", "٣"]:
        response = client.post(
            restore_url(two_versions), {"version": version}, follow=True
        )
        assert response.status_code == 200
        assert "Den versjonen finnes ikke" in response.content.decode()
