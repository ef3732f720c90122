"""Actions on reports: each takes the acting user and runs in one transaction."""

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular

from .answers import completeness
from .models import Report, ReportEvent, SectionAnswer, SectionAnswerRevision, Unit


def _create_report(*, circular: Circular, unit: Unit) -> Report | None:
    report, created = Report.objects.get_or_create(circular=circular, unit=unit)
    if not created:
        return None
    sections = circular.sections.annotate(
        required_count=Count("questions", filter=Q(questions__required=True))
    )
    SectionAnswer.objects.bulk_create(
        SectionAnswer(
            report=report, section=section, required_missing=section.required_count
        )
        for section in sections
    )
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.CREATED, to_status=report.status
    )
    return report


@transaction.atomic
def ensure_reports_for_circular(*, circular: Circular) -> int:
    """Create the report of every active unit in the audience that lacks one."""
    if not circular.asks_for_report or circular.status != Circular.Status.PUBLISHED:
        return 0
    units = Unit.objects.active().filter(kind__in=circular.audience)
    return sum(1 for unit in units if _create_report(circular=circular, unit=unit))


@transaction.atomic
def ensure_reports_for_unit(*, unit: Unit) -> int:
    """Give a unit added after publication the reports of open published circulars."""
    circulars = Circular.objects.published().filter(
        reporting_year__isnull=False, deadline__gte=timezone.localdate()
    )
    return sum(
        1
        for circular in circulars
        if unit.kind in circular.audience
        and _create_report(circular=circular, unit=unit)
    )


class StaleAnswer(Exception):
    """The section was saved by someone else since this form was opened."""


class ReportLocked(Exception):
    """The report is not open for the unit to edit (submitted or approved)."""


@transaction.atomic
def save_section_answer(
    *, answer: SectionAnswer, data: dict, based_on: int, by
) -> SectionAnswer:
    """Store validated answers if nobody saved since version `based_on`.

    The conditional update is the lock: of two saves based on the same version,
    exactly one matches the row and the other raises `StaleAnswer`.
    """
    # Lock the report row: a submit or approve waits for this save to commit (and
    # a save waits for them), so no answer changes under a submitted report.
    if not (
        Report.objects.select_for_update()
        .filter(pk=answer.report_id, status__in=Report.EDITABLE_STATUSES)
        .values_list("pk", flat=True)
        .first()
    ):
        raise ReportLocked
    answered, missing = completeness(list(answer.section.questions.all()), data)
    updated = SectionAnswer.objects.filter(pk=answer.pk, version=based_on).update(
        data=data,
        version=F("version") + 1,
        answered=answered,
        required_missing=missing,
        updated_by=by,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleAnswer
    answer.refresh_from_db()
    SectionAnswerRevision.objects.create(
        answer=answer,
        version=answer.version,
        data=answer.data,
        saved_at=answer.updated_at,
        saved_by=by,
    )
    return answer


class TransitionError(Exception):
    """A report cannot move this way; the message says why, in Norwegian."""


S = Report.Status
# Allowed status changes: action -> (from statuses, to status).
TRANSITIONS = {
    ReportEvent.Action.SUBMITTED: ((S.DRAFT, S.RETURNED), S.SUBMITTED),
    ReportEvent.Action.RETURNED: ((S.SUBMITTED,), S.RETURNED),
    ReportEvent.Action.APPROVED: ((S.SUBMITTED,), S.APPROVED),
    ReportEvent.Action.REOPENED: ((S.APPROVED,), S.RETURNED),
}


def _transition(
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


ACTION_VERBS = {
    ReportEvent.Action.SUBMITTED: _("sendes inn"),
    ReportEvent.Action.RETURNED: _("returneres"),
    ReportEvent.Action.APPROVED: _("godkjennes"),
    ReportEvent.Action.REOPENED: _("gjenåpnes"),
}


def missing_required(report: Report) -> list[SectionAnswer]:
    """The sections that still lack required answers, in the circular's order."""
    return list(
        report.answers.filter(required_missing__gt=0)
        .select_related("section")
        .order_by("section__order")
    )


@transaction.atomic
def submit_report(
    *, report: Report, signed_off_name: str, signed_off_title: str, by
) -> Report:
    """Send the report to the advisers; submitting it again is a no-op."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.status == S.SUBMITTED:
        return current
    if missing_required(current):
        raise TransitionError(
            _("Alle obligatoriske spørsmål må besvares før innsending.")
        )
    if not signed_off_name.strip():
        raise TransitionError(_("Oppgi hvem i enheten som har godkjent rapporten."))
    return _transition(
        report=current,
        action=ReportEvent.Action.SUBMITTED,
        by=by,
        submitted_at=timezone.now(),
        submitted_by=by,
        signed_off_name=signed_off_name.strip(),
        signed_off_title=signed_off_title.strip(),
    )


@transaction.atomic
def return_report(*, report: Report, reason: str, by) -> Report:
    """Send the report back to the unit for revision; the reason is kept."""
    if not reason.strip():
        raise TransitionError(_("Skriv en begrunnelse for å returnere rapporten."))
    return _transition(
        report=report,
        action=ReportEvent.Action.RETURNED,
        by=by,
        reason=reason.strip(),
        returned_reason=reason.strip(),
    )


@transaction.atomic
def approve_report(*, report: Report, by, case_number: str = "") -> Report:
    """Approve a submitted report with no open comments; it is then locked for good."""
    if report.comments.filter(parent__isnull=True, resolved_at__isnull=True).exists():
        raise TransitionError(_("Rapporten har åpne kommentarer som må løses først."))
    return _transition(
        report=report,
        action=ReportEvent.Action.APPROVED,
        by=by,
        approved_at=timezone.now(),
        approved_by=by,
        case_number=case_number.strip(),
    )


@transaction.atomic
def reopen_report(*, report: Report, reason: str, by) -> Report:
    """Reopen an approved report (administrators only), with a reason."""
    if not reason.strip():
        raise TransitionError(_("Skriv en begrunnelse for å gjenåpne rapporten."))
    return _transition(
        report=report,
        action=ReportEvent.Action.REOPENED,
        by=by,
        reason=reason.strip(),
        returned_reason=reason.strip(),
        approved_at=None,
        approved_by=None,
    )
