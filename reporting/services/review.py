"""What advisers do with a submitted report: comment, return, approve, remind."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..errors import CommentError, NotAllowed, ReportingError, TransitionError
from ..models import AuditEvent, NotificationKind, Report, ReportEvent, ReviewComment
from ..permissions import is_administrator, is_adviser, is_member
from . import audit, notifications
from .exports import prepare_on_commit
from .notifications import NOT_SUBMITTED, remind
from .transitions import notify_on_commit, require, transition


@transaction.atomic
def return_report(*, report: Report, reason: str, by) -> Report:
    """Send the report back to the unit for revision; the reason is kept."""
    require(is_adviser(by), _("Bare rådgivere kan returnere rapporter."))
    if not reason.strip():
        raise TransitionError(_("Skriv en begrunnelse for å returnere rapporten."))
    returned = transition(
        report=report,
        action=ReportEvent.Action.RETURNED,
        by=by,
        reason=reason.strip(),
        returned_reason=reason.strip(),
    )
    notify_on_commit(returned, NotificationKind.RETURNED)
    return returned


@transaction.atomic
def approve_report(*, report: Report, by, case_number: str = "") -> Report:
    """Approve a submitted report with no open comments; it is then locked for good."""
    require(is_adviser(by), _("Bare rådgivere kan godkjenne rapporter."))
    if report.comments.filter(parent__isnull=True, resolved_at__isnull=True).exists():
        raise TransitionError(_("Rapporten har åpne kommentarer som må løses først."))
    approved = transition(
        report=report,
        action=ReportEvent.Action.APPROVED,
        by=by,
        approved_at=timezone.now(),
        approved_by=by,
        case_number=case_number.strip(),
    )
    notify_on_commit(approved, NotificationKind.APPROVED)
    prepare_on_commit(year=approved.circular.reporting_year, report=approved)
    return approved


@transaction.atomic
def reopen_report(*, report: Report, reason: str, by) -> Report:
    """Reopen an approved report (administrators only), with a reason."""
    require(
        is_administrator(by),
        _("Bare administratorer kan gjenåpne godkjente rapporter."),
    )
    if not reason.strip():
        raise TransitionError(_("Skriv en begrunnelse for å gjenåpne rapporten."))
    reopened = transition(
        report=report,
        action=ReportEvent.Action.REOPENED,
        by=by,
        reason=reason.strip(),
        returned_reason=reason.strip(),
        approved_at=None,
        approved_by=None,
    )
    audit.record(
        AuditEvent.Action.REPORT_REOPENED,
        by=by,
        subject=reopened,
        detail=reason.strip(),
    )
    notify_on_commit(reopened, NotificationKind.RETURNED)
    prepare_on_commit(year=reopened.circular.reporting_year)
    return reopened


@transaction.atomic
def add_comment(*, report: Report, text: str, by, section=None) -> ReviewComment:
    """An adviser comments on the report or one of its sections."""
    if not is_adviser(by):
        raise NotAllowed(_("Bare rådgivere kan skrive kommentarer."))
    if section is not None and section.circular_id != report.circular_id:
        raise CommentError(_("Kapittelet hører ikke til denne rapporten."))
    if not text.strip():
        raise CommentError(_("Skriv en kommentar."))
    comment = ReviewComment.objects.create(
        report=report, section=section, author=by, text=text.strip()
    )
    ReportEvent.objects.create(
        report=report,
        section=section,
        action=ReportEvent.Action.COMMENTED,
        actor=by,
        reason=comment.text,
    )
    transaction.on_commit(
        lambda: notifications.comment_added(report_id=report.pk, text=comment.text)
    )
    return comment


@transaction.atomic
def reply_to_comment(*, comment: ReviewComment, text: str, by) -> ReviewComment:
    """The unit's contact (or an adviser) answers an open comment."""
    if not (is_adviser(by) or is_member(by, comment.report.unit)):
        raise NotAllowed(_("Du kan ikke svare på denne kommentaren."))
    if comment.parent_id is not None:
        comment = comment.parent
    if comment.resolved_at is not None:
        raise CommentError(_("Kommentaren er allerede løst."))
    if not text.strip():
        raise CommentError(_("Skriv et svar."))
    reply = ReviewComment.objects.create(
        report=comment.report,
        section=comment.section,
        parent=comment,
        author=by,
        text=text.strip(),
    )
    ReportEvent.objects.create(
        report=comment.report,
        section=comment.section,
        action=ReportEvent.Action.COMMENTED,
        actor=by,
        reason=reply.text,
    )
    if not is_adviser(by):
        transaction.on_commit(
            lambda: notifications.comment_added(
                report_id=reply.report_id, text=reply.text, to_advisers=True
            )
        )
    return reply


@transaction.atomic
def resolve_comment(*, comment: ReviewComment, by) -> ReviewComment:
    """An adviser marks a comment as dealt with; resolving twice changes nothing."""
    if not is_adviser(by):
        raise NotAllowed(_("Bare rådgivere kan markere kommentarer som løst."))
    if comment.parent_id is not None:
        raise CommentError(_("Bare hovedkommentarer kan løses."))
    if comment.resolved_at is None:
        comment.resolved_at = timezone.now()
        comment.resolved_by = by
        comment.save(update_fields=["resolved_at", "resolved_by"])
        ReportEvent.objects.create(
            report=comment.report,
            section=comment.section,
            action=ReportEvent.Action.RESOLVED,
            actor=by,
            reason=comment.text,
        )
    return comment


def bulk_approve(*, reports, by) -> tuple[list[Report], dict]:
    """Approve each report on its own; return the approved and why others were not."""
    approved, refused = [], {}
    for report in reports:
        try:
            approved.append(approve_report(report=report, by=by))
        except ReportingError as error:
            refused[report] = str(error)
    return approved, refused


def bulk_remind(*, reports, by) -> int:
    """Remind the units of the chosen reports that have not submitted (once a day).

    Each unit's reminder is claimed and recorded on its own (`notifications.remind`),
    so one failing e-mail does not undo the others.
    """
    if not is_adviser(by):
        raise NotAllowed(_("Bare rådgivere kan sende påminnelser."))
    stage = f"manual-{timezone.localdate().isoformat()}"
    return sum(
        remind(report=report, stage=stage, by=by)
        for report in reports
        if report.status in NOT_SUBMITTED
    )
