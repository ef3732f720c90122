"""The leader's sign-off: the contact sends the finished report to the unit's
leader, who returns it with a note or signs it; only then it reaches the advisers."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import TransitionError
from ..models import AuditEvent, Membership, NotificationKind, Report, ReportEvent
from ..permissions import can_sign_report, can_submit_report
from ..submission import submission_problems
from . import notifications
from .audit import record
from .transitions import notify_on_commit, require, transition


def leaders_of(unit) -> list:
    """The unit's active leaders in the portal (they sign its reports)."""
    return [
        membership.user
        for membership in unit.memberships.filter(
            role=Membership.Role.LEADER, user__is_active=True
        ).select_related("user")
    ]


def signature_text(report: Report) -> str:
    """What the leader confirms by signing; stored with the signature."""
    return _(
        "Jeg har lest rapporten fra %(unit)s etter %(circular)s og står inne for "
        "innholdet."
    ) % {"unit": report.unit.name, "circular": report.circular.designation}


def _mail_on_commit(users, template: str, report: Report) -> None:
    url = settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "reporting:report_sign"
        if template == "to_leader"
        else "reporting:report_detail",
        args=[report.pk],
    )
    messages = []
    for user in users:
        if not user.email:
            continue
        context = {"report": report, "url": url, "recipient": user}
        messages.append(
            (
                render_to_string(
                    f"reporting/email/{template}_subject.txt", context
                ).strip(),
                render_to_string(f"reporting/email/{template}.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
        )
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages))


@transaction.atomic
def send_to_leader(*, report: Report, by) -> Report:
    """Lock the finished report and ask the unit's leader to sign it."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    require(can_submit_report(by, report), _("Bare kontaktpersonen sender rapporten."))
    leaders = leaders_of(report.unit)
    if not leaders:
        raise TransitionError(_("Enheten har ingen leder i portalen."))
    if submission_problems(report):
        raise TransitionError(
            _("Rapporten må være ferdig utfylt før den sendes til leder.")
        )
    sent = transition(report=report, action=ReportEvent.Action.SENT_TO_LEADER, by=by)
    _mail_on_commit(leaders, "to_leader", sent)
    return sent


@transaction.atomic
def leader_return(*, report: Report, note: str, by) -> Report:
    """The leader sends the report back to the contact with a note."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    require(can_sign_report(by, report), _("Bare enhetens leder kan returnere nå."))
    note = note.replace("\x00", "").strip()
    if not note:
        raise TransitionError(_("Skriv hva kontaktpersonen skal rette."))
    returned = transition(
        report=report,
        action=ReportEvent.Action.LEADER_RETURNED,
        by=by,
        reason=note,
    )
    contacts = [
        m.user
        for m in report.unit.memberships.filter(
            role=Membership.Role.CONTACT, user__is_active=True
        ).select_related("user")
    ]
    _mail_on_commit(contacts, "from_leader", returned)
    return returned


@transaction.atomic
def sign_report(*, report: Report, by) -> Report:
    """The leader signs with the name and title of their account: the report is
    submitted to the advisers, and the signature is in its history and the audit
    log."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    require(can_sign_report(by, report), _("Bare enhetens leder kan signere nå."))
    membership = report.unit.memberships.get(user=by)
    now = timezone.now()
    text = signature_text(report)
    signed = transition(
        report=report,
        action=ReportEvent.Action.SIGNED,
        by=by,
        reason=text,
        submitted_at=now,
        submitted_by=by,
        signed_by=by,
        signed_at=now,
        signed_text=text,
        signed_off_name=(by.get_full_name() or by.username)[:200],
        signed_off_title=membership.title or str(Membership.Role.LEADER.label),
    )
    record(
        AuditEvent.Action.REPORT_SIGNED,
        by=by,
        subject=signed,
        detail=f"{signed.sign_off}\n{text}",
        at=now,
    )
    notify_on_commit(signed, NotificationKind.SUBMITTED)
    transaction.on_commit(lambda: notifications.send_receipt(report_id=signed.pk))
    return signed
