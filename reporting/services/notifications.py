"""E-mails to the people a report concerns, honouring each person's preferences,
and the deadline reminders.

Services call these through `transaction.on_commit`, so nobody is told about a
change that was rolled back. A person chooses per kind: at once, in a daily
digest (sent by `send_reminders`), or not at all.

Reminders go N days before and on the deadline to units that have not
submitted, and to their advisers once the deadline has passed. Each (report,
person, stage) is recorded in `SentReminder` under a unique constraint, so
running `send_reminders` any number of times a day sends each reminder once.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mass_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from circulars.models import Circular

from .. import lateness
from ..errors import NotAllowed
from ..models import (
    DigestItem,
    NotificationKind,
    NotificationPreference,
    Report,
    ReportEvent,
    SentReminder,
)
from ..permissions import ADVISER_GROUP

Delivery = NotificationPreference.Delivery


def unit_contacts(unit) -> list:
    """The unit's people with an e-mail address."""
    User = get_user_model()
    return list(
        User.objects.filter(is_active=True, memberships__unit=unit)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def advisers_for(unit) -> list:
    """The advisers who follow the unit, or every adviser if nobody does."""
    User = get_user_model()
    advisers = User.objects.filter(is_active=True, groups__name=ADVISER_GROUP).exclude(
        email=""
    )
    assigned = advisers.filter(portfolio__unit=unit)
    return list(assigned if assigned.exists() else advisers.distinct())


def deliveries(users, kind: str) -> dict:
    """Each user's chosen delivery for `kind`; immediate when not chosen."""
    chosen = dict(
        NotificationPreference.objects.filter(
            user__in=[u.pk for u in users], kind=kind
        ).values_list("user_id", "delivery")
    )
    return {user.pk: chosen.get(user.pk, Delivery.IMMEDIATE) for user in users}


def report_url(report: Report, *, for_adviser: bool) -> str:
    name = "reporting:review_report" if for_adviser else "reporting:report_comments"
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(name, args=[report.pk])


def notify(*, users, kind: str, template: str, context: dict) -> int:
    """Send or queue the e-mail `template` to each user; return how many were sent."""
    messages = []
    wanted = deliveries(users, kind)
    for user in users:
        delivery = wanted[user.pk]
        if delivery == Delivery.OFF:
            continue
        full = {**context, "recipient": user}
        subject = render_to_string(f"{template}_subject.txt", full).strip()
        body = render_to_string(f"{template}.txt", full)
        if delivery == Delivery.DIGEST:
            DigestItem.objects.create(user=user, kind=kind, subject=subject, body=body)
            continue
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def report_changed(*, report_id: int, kind: str) -> None:
    """Tell the right people that a report was submitted, returned or approved."""
    report = Report.objects.select_related("unit", "circular").get(pk=report_id)
    to_advisers = kind == NotificationKind.SUBMITTED
    users = advisers_for(report.unit) if to_advisers else unit_contacts(report.unit)
    notify(
        users=users,
        kind=kind,
        template=f"reporting/email/{kind}",
        context={
            "report": report,
            "url": report_url(report, for_adviser=to_advisers),
        },
    )


def send_receipt(*, report_id: int) -> int:
    """E-mail the receipt of the report's latest submission to the unit's people."""
    from ..submission import latest_receipt

    report = Report.objects.select_related("unit", "circular").get(pk=report_id)
    receipt = latest_receipt(report)
    if receipt is None:
        return 0
    return notify(
        users=unit_contacts(report.unit),
        kind=NotificationKind.SUBMITTED,
        template="reporting/email/receipt",
        context={
            "report": report,
            "receipt": receipt,
            "url": settings.PORTAL_BASE_URL.rstrip("/")
            + reverse("reporting:report_receipt", args=[report.pk]),
        },
    )


def comment_added(*, report_id: int, text: str, to_advisers: bool = False) -> None:
    """Tell the unit's people of an adviser's comment, or the advisers of a reply."""
    report = Report.objects.select_related("unit", "circular").get(pk=report_id)
    notify(
        users=advisers_for(report.unit) if to_advisers else unit_contacts(report.unit),
        kind=NotificationKind.COMMENTED,
        template="reporting/email/commented",
        context={
            "report": report,
            "text": text,
            "from_unit": to_advisers,
            "url": report_url(report, for_adviser=to_advisers),
        },
    )


def send_digests(*, today=None) -> int:
    """Send each person one e-mail with what was queued for them before today.

    Only items from earlier days go out, so running this many times a day still
    gives each person at most one digest a day.
    """
    today = today or lateness.today()
    start_of_today = timezone.make_aware(
        datetime.datetime.combine(today, datetime.time.min)
    )
    pending = DigestItem.objects.filter(
        sent_at__isnull=True, created_at__lt=start_of_today
    ).select_related("user")
    by_user = defaultdict(list)
    for item in pending:
        by_user[item.user].append(item)
    for user, items in by_user.items():
        context = {"recipient": user, "items": items}
        EmailMessage(
            subject=render_to_string(
                "reporting/email/digest_subject.txt", context
            ).strip(),
            body=render_to_string("reporting/email/digest.txt", context),
            to=[user.email],
        ).send()
        DigestItem.objects.filter(pk__in=[i.pk for i in items]).update(
            sent_at=timezone.now()
        )
    return len(by_user)


@transaction.atomic
def set_notification_preferences(*, user, choices: dict, by) -> None:
    """Store how `user` wants each kind of e-mail (people set only their own)."""
    if by.pk != user.pk:
        raise NotAllowed
    for kind, delivery in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )


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
    today = today or lateness.today()
    sent = 0
    for report in due_reports(today):
        stage = stage_for(report.circular.deadline, today)
        if stage:
            sent += remind(report=report, stage=stage)
    return sent
