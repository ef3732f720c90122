"""E-mails to the people a report concerns, honouring each person's preferences.

Services call these through `transaction.on_commit`, so nobody is told about a
change that was rolled back. A person chooses per kind: at once, in a daily
digest (sent by `send_reminders`), or not at all.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import (
    DigestItem,
    NotificationKind,
    NotificationPreference,
    Report,
)
from .permissions import ADVISER_GROUP

Delivery = NotificationPreference.Delivery


def unit_contacts(unit) -> list:
    """The unit's people with an e-mail address (its members and OXLO contact)."""
    User = get_user_model()
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(memberships__unit=unit) | Q(oxlo_contact_for=unit))
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
    today = today or timezone.localdate()
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
