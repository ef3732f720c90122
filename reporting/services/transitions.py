"""The report's allowed status changes, and the one function that makes them."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..errors import NotAllowed, TransitionError
from ..models import Report, ReportEvent
from . import notifications


def require(allowed: bool, message) -> None:
    """Refuse an action the acting user's role does not allow."""
    if not allowed:
        raise NotAllowed(message)


def notify_on_commit(report: Report, kind: str) -> None:
    """E-mail the people concerned once the change is committed."""
    transaction.on_commit(
        lambda: notifications.report_changed(report_id=report.pk, kind=kind)
    )


S = Report.Status
# Allowed status changes: action -> (from statuses, to status).
TRANSITIONS = {
    ReportEvent.Action.SUBMITTED: ((S.DRAFT, S.RETURNED), S.SUBMITTED),
    ReportEvent.Action.SENT_TO_LEADER: ((S.DRAFT, S.RETURNED), S.SIGNING),
    ReportEvent.Action.LEADER_RETURNED: ((S.SIGNING,), S.DRAFT),
    ReportEvent.Action.SIGNED: ((S.SIGNING,), S.SUBMITTED),
    ReportEvent.Action.RETURNED: ((S.SUBMITTED,), S.RETURNED),
    ReportEvent.Action.APPROVED: ((S.SUBMITTED,), S.APPROVED),
    ReportEvent.Action.REOPENED: ((S.APPROVED,), S.RETURNED),
    ReportEvent.Action.WITHDRAWN: (
        (S.DRAFT, S.SIGNING, S.SUBMITTED, S.RETURNED),
        S.WITHDRAWN,
    ),
}

ACTION_VERBS = {
    ReportEvent.Action.SUBMITTED: _("sendes inn"),
    ReportEvent.Action.SENT_TO_LEADER: _("sendes til leder"),
    ReportEvent.Action.LEADER_RETURNED: _("returneres fra leder"),
    ReportEvent.Action.SIGNED: _("signeres"),
    ReportEvent.Action.RETURNED: _("returneres"),
    ReportEvent.Action.APPROVED: _("godkjennes"),
    ReportEvent.Action.REOPENED: _("gjenåpnes"),
    ReportEvent.Action.WITHDRAWN: _("trekkes tilbake"),
}


def transition(
    *, report: Report, action: str, by, reason: str = "", **fields
) -> Report:
    """Move a locked report row along TRANSITIONS and record who, when and why."""
    sources, target = TRANSITIONS[action]
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status not in sources:
        raise TransitionError(
            _("Rapporten har status «%(status)s» og kan ikke %(action)s.")
            % {"status": locked.get_status_display(), "action": ACTION_VERBS[action]}
        )
    previous = locked.status
    locked.status = target
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=["status", *fields])
    ReportEvent.objects.create(
        report=locked,
        action=action,
        actor=by,
        from_status=previous,
        to_status=target,
        reason=reason,
    )
    return locked
