import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from reporting.errors import NotAllowed, ReportingError, ReportLocked
from reporting.models import AuditEvent, ReportEvent
from reporting.services import (
    add_attachment,
    decline_mentor,
    explain_no_contact,
    nominate_mentor,
    remove_mentor,
    set_unit_contact,
    submit_report,
)
from reporting.services.units import mentor_decline_url
from tests.reporting.review_helpers import filled_report

pytestmark = pytest.mark.django_db

CONTACT = {
    "name": "Kari",
    "title": "Rådgiver",
    "email": "kari@oslo.kommune.no",
    "phone": "",
    "in_leadership": False,
}
MENTOR = {
    "name": "Nina",
    "title": "Leder",
    "email": "n@oslo.kommune.no",
    "field": "HR",
    "reason": "Hun har selv vært mentee og kjenner rekrutteringen godt.",
}


def lock(report):
    report.status = report.Status.SUBMITTED
    report.save()


def submit(report, by):
    return submit_report(
        report=report, signed_off_name="Vera Leder", signed_off_title="x", by=by
    )


def test_the_unit_has_one_contact_record_and_its_change_is_audited(
    contact, rich_report
):
    unit = set_unit_contact(unit=rich_report.unit, by=contact, **CONTACT)
    unit.refresh_from_db()
    assert (unit.contact_name, unit.contact_in_leadership) == ("Kari", False)
    event = AuditEvent.objects.get(action=AuditEvent.Action.UNIT_CONTACT)
    assert event.actor == contact and "kari@oslo.kommune.no" in event.detail


def test_the_oxlo_contact_needs_a_name_and_an_email(contact, rich_report):
    with pytest.raises(ReportingError, match="navn og e-post"):
        set_unit_contact(
            unit=rich_report.unit, by=contact, **{**CONTACT, "name": " ", "email": ""}
        )


def test_only_the_units_people_set_its_contact(other_contact, adviser, rich_report):
    for person in (other_contact, adviser):
        with pytest.raises(NotAllowed):
            set_unit_contact(unit=rich_report.unit, by=person, **CONTACT)


def test_submitting_snapshots_the_units_contact(contact, unit):
    report = filled_report(unit, contact)
    set_unit_contact(unit=unit, by=contact, **CONTACT)
    submitted = submit(report, contact)
    unit.contact_name = "Someone Else"
    unit.save()
    submitted.refresh_from_db()
    assert submitted.contact_name == "Kari"
    assert submitted.contact_in_leadership is False
    assert submitted.contact_confirmed_at is not None


def test_submitting_without_a_contact_asks_for_one_or_a_reason(contact, unit):
    unit.contact_name = unit.contact_email = ""
    unit.save()
    report = filled_report(unit, contact)
    with pytest.raises(ReportingError, match="hvorfor ingen er utpekt"):
        submit(report, contact)
    explain_no_contact(report=report, reason="Stillingen er ledig.", by=contact)
    submitted = submit(report, contact)
    assert submitted.no_contact_reason == "Stillingen er ledig."
    assert submitted.contact_confirmed_at is None


def test_a_locked_report_takes_no_reason_attachment_or_mentor(
    contact, rich_answer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = rich_answer.report
    lock(report)
    with pytest.raises(ReportLocked):
        explain_no_contact(report=report, reason="Ingen", by=contact)
    with pytest.raises(ReportLocked):
        add_attachment(
            report=report,
            section=rich_answer.section,
            upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"),
            by=contact,
        )
    with pytest.raises(ReportLocked):
        nominate_mentor(report=report, informed=True, by=contact, **MENTOR)
    assert not mail.outbox


def test_an_approved_report_takes_no_mentor(contact, rich_report):
    rich_report.status = rich_report.Status.APPROVED
    rich_report.save()
    with pytest.raises(ReportLocked):
        nominate_mentor(report=rich_report, informed=True, by=contact, **MENTOR)


def test_the_nominee_is_told_who_nominated_them_and_why_and_may_decline(
    contact, rich_report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mentor = nominate_mentor(
            report=rich_report, informed=True, by=contact, **MENTOR
        )
    [message] = mail.outbox
    assert message.to == ["n@oslo.kommune.no"]
    assert rich_report.unit.name in message.subject
    assert contact.get_full_name() in message.body
    assert MENTOR["reason"] in message.body
    link = mentor_decline_url(mentor)
    assert link in message.body
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert decline_mentor(token=token).declined_at is not None


def test_a_forged_decline_link_is_refused(contact, rich_report):
    mentor = nominate_mentor(report=rich_report, informed=True, by=contact, **MENTOR)
    with pytest.raises(ReportingError, match="ugyldig"):
        decline_mentor(token=f"{mentor.pk}:forged")


def test_a_mentor_is_nominated_only_when_informed_and_can_always_be_removed(
    contact, rich_report
):
    with pytest.raises(ReportingError, match="vet at hen er foreslått"):
        nominate_mentor(report=rich_report, informed=False, by=contact, **MENTOR)
    mentor = nominate_mentor(report=rich_report, informed=True, by=contact, **MENTOR)
    lock(rich_report)
    remove_mentor(mentor=mentor, by=contact)
    assert not rich_report.mentors.exists()
    assert rich_report.events.filter(action=ReportEvent.Action.MENTOR).count() == 2


def test_another_units_contact_cannot_nominate(other_contact, rich_report):
    with pytest.raises(NotAllowed):
        nominate_mentor(report=rich_report, informed=True, by=other_contact, **MENTOR)
