"""Deadline reminders: N days before and on the deadline to units that have not
submitted, and to their advisers once the deadline has passed.

Each (report, person, stage) is recorded in `SentReminder` under a unique
constraint, so running this any number of times a day sends each reminder once.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from circulars.models import Circular

from .models import NotificationKind, Report, ReportEvent, SentReminder
from .notifications import advisers_for, notify, report_url, unit_contacts

NOT_SUBMITTED = (Report.Status.DRAFT, Report.Status.RETURNED)


def reminder_days() -> list[int]:
    """Days before the deadline a reminder goes out, e.g. [14, 3]."""
    return sorted(settings.OXLO_REMINDER_DAYS)


def stage_label(stage: str) -> str:
    """The stage in words for the report's history."""
    if stage == "overdue":
        return gettext("Fristen er passert; rådgiver varslet.")
    if stage == "deadline":
        return gettext("Påminnelse på fristdagen.")
    if stage.startswith("before-"):
        return gettext("Påminnelse %(days)s dager før fristen.") % {
            "days": stage.removeprefix("before-")
        }
    return gettext("Påminnelse sendt av rådgiver.")


def stage_for(deadline: datetime.date, today: datetime.date) -> str | None:
    """Which reminder is due today for this deadline, if any."""
    if today > deadline:
        return "overdue"
    if today == deadline:
        return "deadline"
    days_left = (deadline - today).days
    due = [days for days in reminder_days() if days_left <= days]
    return f"before-{due[0]}" if due else None


def due_reports(today: datetime.date):
    """Reports not yet submitted of published circulars whose deadline is near.

    Escalation stops some weeks after the deadline, so an old year's forgotten
    drafts do not flood the advisers.
    """
    overdue_days = settings.OXLO_REMINDER_OVERDUE_DAYS
    return (
        Report.objects.filter(
            status__in=NOT_SUBMITTED,
            circular__status=Circular.Status.PUBLISHED,
            circular__deadline__gte=today - datetime.timedelta(days=overdue_days),
            circular__deadline__lte=today
            + datetime.timedelta(days=max(reminder_days(), default=0)),
            unit__active=True,
        )
        .select_related("unit", "circular")
        .order_by("circular__deadline", "unit__name")
    )


def _record(report: Report, recipient, stage: str) -> bool:
    """Claim this reminder; False when it was already given."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(report=report, recipient=recipient, stage=stage)
    except IntegrityError:
        return False
    return True


def remind(*, report: Report, stage: str, by=None) -> int:
    """Give the unit (and after the deadline its advisers) the stage's reminder."""
    recipients = unit_contacts(report.unit)
    if stage == "overdue":
        recipients += [a for a in advisers_for(report.unit) if a not in recipients]
    fresh = [person for person in recipients if _record(report, person, stage)]
    if not fresh:
        return 0
    notify(
        users=fresh,
        kind=NotificationKind.REMINDER,
        template="reporting/email/reminder",
        context={
            "report": report,
            "stage": stage,
            "url": report_url(report, for_adviser=False),
        },
    )
    ReportEvent.objects.create(
        report=report,
        action=ReportEvent.Action.REMINDED,
        actor=by,
        reason=stage_label(stage),
    )
    return len(fresh)


def send_due_reminders(*, today: datetime.date | None = None) -> int:
    """Send every reminder due today that nobody has had yet; return how many."""
    today = today or timezone.localdate()
    sent = 0
    for report in due_reports(today):
        stage = stage_for(report.circular.deadline, today)
        if stage:
            sent += remind(report=report, stage=stage)
    return sent
