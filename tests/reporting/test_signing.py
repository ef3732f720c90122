"""The leader's sign-off in the portal: sent by the contact, returned with a note
or signed by the leader, and only then with the advisers; who may not."""

import pytest
from django.core import mail
from django.test import Client

from reporting.errors import ReportLocked, TransitionError
from reporting.exports.content import report_header
from reporting.models import AuditEvent, Report
from reporting.services import approve_report, save_section_answer, submit_report
from reporting.services.signing import send_to_leader
from tests import factories

S = Report.Status


@pytest.fixture
def unit(db):
    return factories.UnitFactory(
        name="Bydel Frogner",
        slug="bydel-frogner",
        contact_name="Kari Kontakt",
        contact_email="kari@oslo.kommune.no",
    )


@pytest.fixture
def contact(unit):
    return factories.contact_of(unit)


@pytest.fixture
def leader(unit):
    return factories.leader_of(unit, user__first_name="Lene", user__last_name="Leder")


@pytest.fixture
def report(unit, contact):
    report = factories.report_for(unit)
    answer = report.answers.get()
    save_section_answer(
        answer=answer, data={"plan": "Planen.", "antall": 3}, based_on=0, by=contact
    )
    return report


def as_(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def send(report, contact, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return as_(contact).post(
            f"/rapporter/{report.pk}/send-inn/", {"to_leader": "1"}
        )


def test_the_contact_sends_to_the_leader_who_is_told_and_the_report_locks(
    report, contact, leader, django_capture_on_commit_callbacks
):
    page = as_(contact).get(f"/rapporter/{report.pk}/send-inn/").content.decode()
    assert "Send til leder for signering" in page
    assert "Lene Leder" in page
    send(report, contact, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.status == S.SIGNING
    assert mail.outbox[-1].to == [leader.email]
    assert f"/rapporter/{report.pk}/signer/" in mail.outbox[-1].body
    with pytest.raises(ReportLocked):
        save_section_answer(
            answer=report.answers.get(), data={}, based_on=1, by=contact
        )


def test_the_leader_returns_with_a_note_the_contact_sees(
    report, contact, leader, django_capture_on_commit_callbacks
):
    send(report, contact, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        as_(leader).post(
            f"/rapporter/{report.pk}/signer/",
            {"return": "1", "note": "Tallene i 4.3 må sjekkes."},
        )
    report.refresh_from_db()
    assert report.status == S.DRAFT
    assert mail.outbox[-1].to == [contact.email]
    page = as_(contact).get(f"/rapporter/{report.pk}/").content.decode()
    assert "Returnert av leder Lene Leder" in page
    assert "Tallene i 4.3 må sjekkes." in page


def test_the_leader_signs_and_only_then_the_adviser_can_approve(
    report, contact, leader, django_capture_on_commit_callbacks
):
    adviser = factories.adviser()
    send(report, contact, django_capture_on_commit_callbacks)
    with pytest.raises(TransitionError):
        approve_report(report=report, by=adviser)
    page = as_(leader).get(f"/rapporter/{report.pk}/signer/").content.decode()
    assert "står inne for innholdet" in page
    as_(leader).post(f"/rapporter/{report.pk}/signer/", {"sign": "1", "confirm": "on"})
    report.refresh_from_db()
    assert report.status == S.SUBMITTED
    assert report.signed_by == leader
    assert report.signed_off_name == "Lene Leder"
    assert report.signed_off_title == "Bydelsdirektør"
    assert "signert i portalen" in report.sign_off
    assert "står inne for innholdet" in report.signed_text
    assert "signert i portalen" in report_header(report)["signed_off"]
    review = as_(adviser).get(f"/rapporter/{report.pk}/vurdering/").content.decode()
    assert "Lene Leder, Bydelsdirektør – signert i portalen" in review
    event = AuditEvent.objects.get(action=AuditEvent.Action.REPORT_SIGNED)
    assert event.actor == leader
    assert "står inne for innholdet" in event.detail
    approve_report(report=report, by=adviser)


def test_signing_needs_the_box_ticked(
    report, contact, leader, django_capture_on_commit_callbacks
):
    send(report, contact, django_capture_on_commit_callbacks)
    response = as_(leader).post(f"/rapporter/{report.pk}/signer/", {"sign": "1"})
    assert "Kryss av for å signere" in response.content.decode()
    report.refresh_from_db()
    assert report.status == S.SIGNING


@pytest.mark.parametrize("note", ["", "   ", "\x00", "x" * 4001])
def test_a_return_without_a_usable_note_changes_nothing(
    report, contact, leader, note, django_capture_on_commit_callbacks
):
    send(report, contact, django_capture_on_commit_callbacks)
    response = as_(leader).post(
        f"/rapporter/{report.pk}/signer/", {"return": "1", "note": note}
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == S.SIGNING


def test_a_unit_with_a_leader_cannot_use_the_typed_sign_off(report, contact, leader):
    with pytest.raises(TransitionError, match="leder i portalen"):
        submit_report(
            report=report, signed_off_name="Noen", signed_off_title="", by=contact
        )


def test_a_unit_without_a_leader_keeps_the_typed_sign_off_marked_as_such(
    report, contact
):
    as_(contact).post(
        f"/rapporter/{report.pk}/send-inn/",
        {
            "signed_off_name": "Per Direktør",
            "signed_off_title": "Virksomhetsleder",
            "confirmed": "on",
        },
    )
    report.refresh_from_db()
    assert report.status == S.SUBMITTED
    assert report.sign_off == (
        "Per Direktør, Virksomhetsleder – oppgitt av kontaktpersonen, "
        "ikke signert i portalen"
    )
    with pytest.raises(TransitionError, match="ingen leder"):
        send_to_leader(report=factories.report_for(report.unit), by=contact)


def test_who_may_not_sign(
    unit, report, contact, leader, django_capture_on_commit_callbacks
):
    send(report, contact, django_capture_on_commit_callbacks)
    path = f"/rapporter/{report.pk}/signer/"
    signing = {"sign": "1", "confirm": "on"}
    assert as_(contact).post(path, signing).status_code == 403
    assert as_(factories.contributor_of(unit)).post(path, signing).status_code == 403
    assert as_(factories.adviser()).post(path, signing).status_code == 403
    other_leader = factories.leader_of(factories.UnitFactory())
    assert as_(other_leader).post(path, signing).status_code == 404
    report.refresh_from_db()
    assert report.status == S.SIGNING


def test_who_may_not_send_the_report_on(unit, report, leader):
    path = f"/rapporter/{report.pk}/send-inn/"
    assert as_(leader).post(path, {"to_leader": "1"}).status_code == 403
    contributor = factories.contributor_of(unit)
    assert as_(contributor).post(path, {"to_leader": "1"}).status_code == 403
    report.refresh_from_db()
    assert report.status == S.DRAFT


def test_the_header_names_the_leaders_role(report, leader):
    page = as_(leader).get(f"/rapporter/{report.pk}/").content.decode()
    header = page[page.index("<header") : page.index("</header>")]
    assert "Leder" in header
    assert "Kontaktperson" not in header
