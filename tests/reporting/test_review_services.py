import pytest
from django.core import mail

from reporting.errors import NotAllowed, TransitionError
from reporting.models import Report, ReportEvent, ReviewComment
from reporting.services import (
    add_comment,
    approve_report,
    bulk_approve,
    reopen_report,
    reply_to_comment,
    resolve_comment,
    return_report,
)
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db


def test_adviser_returns_a_submitted_report_and_the_reason_stays_in_history(
    unit, contact, adviser, django_capture_on_commit_callbacks
):
    report = submitted_report(unit, contact)
    with django_capture_on_commit_callbacks(execute=True):
        returned = return_report(report=report, reason="Fyll ut 4.3.2", by=adviser)
    assert returned.status == Report.Status.RETURNED
    assert returned.is_editable
    assert returned.returned_reason == "Fyll ut 4.3.2"
    event = returned.events.get(action=ReportEvent.Action.RETURNED)
    assert (event.actor, event.reason, event.from_status) == (
        adviser,
        "Fyll ut 4.3.2",
        Report.Status.SUBMITTED,
    )
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert "Fyll ut 4.3.2" in mail.outbox[0].body


def test_returning_without_a_reason_is_refused(unit, contact, adviser):
    report = submitted_report(unit, contact)
    with pytest.raises(TransitionError, match="begrunnelse"):
        return_report(report=report, reason="  ", by=adviser)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_adviser_approves_a_submitted_report_and_the_unit_is_told(
    unit, contact, adviser, django_capture_on_commit_callbacks
):
    report = submitted_report(unit, contact)
    with django_capture_on_commit_callbacks(execute=True):
        approved = approve_report(report=report, by=adviser, case_number="2026/1")
    assert approved.status == Report.Status.APPROVED
    assert approved.approved_by == adviser
    assert not approved.is_editable
    assert mail.outbox[0].to == [contact.email]
    assert "godkjent" in mail.outbox[0].subject


def test_submitting_tells_the_advisers_following_the_unit(
    unit, contact, adviser, django_capture_on_commit_callbacks
):
    other_adviser = factories.adviser()
    adviser.portfolio.create(unit=unit)
    report = filled_report(unit, contact)
    from reporting.services import submit_report

    with django_capture_on_commit_callbacks(execute=True):
        submit_report(
            report=report, signed_off_name="Berit", signed_off_title="", by=contact
        )
    told = [m.to for m in mail.outbox if "Kvittering" not in m.subject]
    assert told == [[adviser.email]]
    assert [other_adviser.email] not in told


def test_approving_a_draft_is_refused(unit, contact, adviser):
    report = filled_report(unit, contact)
    with pytest.raises(TransitionError, match="Under arbeid"):
        approve_report(report=report, by=adviser)


def test_returning_an_approved_report_is_refused(unit, contact, adviser):
    report = approve_report(report=submitted_report(unit, contact), by=adviser)
    with pytest.raises(TransitionError, match="Godkjent"):
        return_report(report=report, reason="Nei", by=adviser)


def test_a_contact_cannot_approve_or_return(unit, contact):
    report = submitted_report(unit, contact)
    with pytest.raises(NotAllowed, match="Bare rådgivere"):
        approve_report(report=report, by=contact)
    with pytest.raises(NotAllowed, match="Bare rådgivere"):
        return_report(report=report, reason="Egen retur", by=contact)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_approval_waits_until_every_comment_is_resolved(unit, contact, adviser):
    report = submitted_report(unit, contact)
    comment = add_comment(report=report, text="Mangler tall", by=adviser)
    with pytest.raises(TransitionError, match="åpne kommentarer"):
        approve_report(report=report, by=adviser)
    resolve_comment(comment=comment, by=adviser)
    assert report.events.filter(action=ReportEvent.Action.RESOLVED, actor=adviser)
    assert approve_report(report=report, by=adviser).status == Report.Status.APPROVED


def test_only_an_administrator_reopens_an_approved_report_with_a_reason(
    unit, contact, adviser, administrator, django_capture_on_commit_callbacks
):
    report = approve_report(report=submitted_report(unit, contact), by=adviser)
    with pytest.raises(NotAllowed, match="administratorer"):
        reopen_report(report=report, reason="Feil tall", by=adviser)
    with pytest.raises(TransitionError, match="begrunnelse"):
        reopen_report(report=report, reason="", by=administrator)
    with django_capture_on_commit_callbacks(execute=True):
        reopened = reopen_report(report=report, reason="Feil tall", by=administrator)
    assert "Feil tall" in mail.outbox[-1].body
    assert mail.outbox[-1].to == [contact.email]
    assert reopened.status == Report.Status.RETURNED
    assert reopened.events.filter(
        action=ReportEvent.Action.REOPENED, reason="Feil tall", actor=administrator
    ).exists()


def test_comment_on_a_section_is_recorded_and_mailed_to_the_unit(
    unit, contact, adviser, django_capture_on_commit_callbacks
):
    report = submitted_report(unit, contact)
    section = report.circular.sections.get()
    with django_capture_on_commit_callbacks(execute=True):
        comment = add_comment(report=report, section=section, text="Se 4.3", by=adviser)
    assert comment.is_open
    assert report.events.filter(
        action=ReportEvent.Action.COMMENTED, section=section
    ).exists()
    assert mail.outbox[0].to == [contact.email]
    assert "Se 4.3" in mail.outbox[0].body


def test_contact_replies_to_a_comment_but_cannot_comment_or_resolve(
    unit, contact, adviser
):
    report = submitted_report(unit, contact)
    comment = add_comment(report=report, text="Hvorfor?", by=adviser)
    reply = reply_to_comment(comment=comment, text="Fordi.", by=contact)
    assert reply.parent == comment
    assert list(comment.replies.all()) == [reply]
    with pytest.raises(NotAllowed):
        add_comment(report=report, text="Selvkommentar", by=contact)
    with pytest.raises(NotAllowed):
        resolve_comment(comment=comment, by=contact)
    comment.refresh_from_db()
    assert comment.is_open


def test_a_contact_of_another_unit_cannot_reply(unit, contact, adviser, other_contact):
    report = submitted_report(unit, contact)
    comment = add_comment(report=report, text="Hvorfor?", by=adviser)
    with pytest.raises(NotAllowed):
        reply_to_comment(comment=comment, text="Inntrenger", by=other_contact)
    assert ReviewComment.objects.count() == 1


def test_bulk_approve_approves_what_it_can_and_says_why_not_for_the_rest(
    unit, contact, adviser, other_unit, other_contact
):
    ready = submitted_report(unit, contact)
    draft = filled_report(other_unit, other_contact)
    approved, refused = bulk_approve(reports=[ready, draft], by=adviser)
    assert [r.pk for r in approved] == [ready.pk]
    assert list(refused) == [draft]
    assert "Under arbeid" in refused[draft]


def test_a_contacts_reply_is_mailed_to_the_units_advisers(
    unit, contact, adviser, django_capture_on_commit_callbacks
):
    report = submitted_report(unit, contact)
    comment = add_comment(report=report, text="Hvorfor?", by=adviser)
    with django_capture_on_commit_callbacks(execute=True):
        reply_to_comment(comment=comment, text="Derfor.", by=contact)
    assert mail.outbox[-1].to == [adviser.email]
    assert "har svart på en kommentar" in mail.outbox[-1].body
