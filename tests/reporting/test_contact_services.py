import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reporting.errors import ReportingError, ReportLocked
from reporting.models import ReportEvent
from reporting.services import (
    add_attachment,
    confirm_contact,
    nominate_mentor,
    remove_mentor,
)

pytestmark = pytest.mark.django_db


def lock(report):
    report.status = report.Status.SUBMITTED
    report.save()


def test_confirming_the_oxlo_contact_is_recorded_in_the_history(contact, rich_report):
    confirm_contact(
        report=rich_report,
        name="Kari",
        title="Rådgiver",
        email="kari@oslo.kommune.no",
        phone="",
        by=contact,
    )
    event = rich_report.events.get(action=ReportEvent.Action.CONTACT)
    assert event.actor == contact


def test_the_oxlo_contact_needs_a_name_and_an_email(contact, rich_report):
    with pytest.raises(ReportingError, match="navn og e-post"):
        confirm_contact(
            report=rich_report, name=" ", title="", email="", phone="", by=contact
        )


def test_a_locked_report_takes_no_new_contact_or_attachment(
    contact, rich_answer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = rich_answer.report
    lock(report)
    with pytest.raises(ReportLocked):
        confirm_contact(
            report=report,
            name="K",
            title="",
            email="k@oslo.kommune.no",
            phone="",
            by=contact,
        )
    with pytest.raises(ReportLocked):
        add_attachment(
            report=report,
            section=rich_answer.section,
            upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"),
            by=contact,
        )


def test_a_mentor_is_nominated_only_when_informed_and_can_always_be_removed(
    contact, rich_report
):
    fields = {"name": "Nina", "title": "Leder", "email": "n@oslo.kommune.no"}
    with pytest.raises(ReportingError, match="vet at hen er foreslått"):
        nominate_mentor(
            report=rich_report, field="HR", informed=False, by=contact, **fields
        )
    mentor = nominate_mentor(
        report=rich_report, field="HR", informed=True, by=contact, **fields
    )
    lock(rich_report)
    remove_mentor(mentor=mentor, by=contact)
    assert not rich_report.mentors.exists()
    assert rich_report.events.filter(action=ReportEvent.Action.MENTOR).count() == 2
