"""A unit's OXLO people (rundskriv 8/2017): its contact and the mentors it proposes."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..errors import NotAllowed, ReportingError
from ..models import AuditEvent, MentorNomination, Report, ReportEvent, Unit
from ..permissions import manages_oxlo_page
from .audit import record
from .reports import require_editable

NOT_OXLO_MANAGER = _(
    "Bare enhetens kontaktperson endrer OXLO-kontakten og mentorforslagene."
)
# The nominee may decline until the mentor year is well under way.
MENTOR_LINK_AGE = datetime.timedelta(days=365)


CONTACT_FIELDS = ("name", "title", "email", "phone", "in_leadership")


def require_oxlo_manager(by, unit) -> None:
    if not manages_oxlo_page(by, unit):
        raise NotAllowed(NOT_OXLO_MANAGER)


@transaction.atomic
def set_unit_contact(
    *,
    unit: Unit,
    name: str,
    title: str,
    email: str,
    phone: str,
    in_leadership: bool | None,
    by,
) -> Unit:
    """Record the unit's OXLO contact (rundskriv 8/2017): one record per unit,
    which each report copies when it is submitted."""
    require_oxlo_manager(by, unit)
    if not name.strip() or not email.strip():
        raise ReportingError(_("Oppgi navn og e-post til OXLO-kontakten."))
    values = {
        "name": name.strip(),
        "title": title.strip(),
        "email": email.strip(),
        "phone": phone.strip(),
        "in_leadership": in_leadership,
    }
    for field, value in values.items():
        setattr(unit, f"contact_{field}", value)
    unit.save(update_fields=[f"contact_{field}" for field in CONTACT_FIELDS])
    record(
        AuditEvent.Action.UNIT_CONTACT,
        by=by,
        subject=unit,
        detail=f"{values['name']} <{values['email']}>",
    )
    return unit


@transaction.atomic
def explain_no_contact(*, report: Report, reason: str, by) -> Report:
    """Say why the unit has no OXLO contact: 8/2017 recommends one, it does not
    demand one, so a reason lets the report be submitted without."""
    require_editable(report)
    require_oxlo_manager(by, report.unit)
    report.no_contact_reason = reason.strip()
    report.save(update_fields=["no_contact_reason"])
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.CONTACT, actor=by
    )
    return report


MENTOR_DECLINE_SALT = "oxlo-mentor-decline"


def mentor_decline_url(mentor: MentorNomination) -> str:
    """The link in the nominee's e-mail; signed, so only they can decline."""
    token = signing.dumps(mentor.pk, salt=MENTOR_DECLINE_SALT)
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "reporting:mentor_decline", args=[token]
    )


def _tell_nominee(mentor: MentorNomination) -> None:
    context = {
        "mentor": mentor,
        "unit": mentor.report.unit,
        "by": mentor.created_by,
        "decline_url": mentor_decline_url(mentor),
    }
    send_mail(
        render_to_string("reporting/email/mentor_subject.txt", context).strip(),
        render_to_string("reporting/email/mentor.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [mentor.email],
    )


@transaction.atomic
def nominate_mentor(
    *,
    report: Report,
    name: str,
    title: str,
    email: str,
    field: str,
    informed: bool,
    by,
    reason: str = "",
) -> MentorNomination:
    """Propose a mentor for OXLO mentorordning while the report is open; the
    nominee is told by e-mail who proposed them and why, and may decline."""
    require_editable(report)
    require_oxlo_manager(by, report.unit)
    if not informed:
        raise ReportingError(
            _("Bekreft at personen vet at hen er foreslått som mentor.")
        )
    mentor = MentorNomination.objects.create(
        report=report,
        name=name.strip(),
        title=title.strip(),
        email=email.strip(),
        field=field.strip(),
        reason=reason.strip(),
        informed=True,
        created_by=by,
    )
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.MENTOR, actor=by
    )
    transaction.on_commit(lambda: _tell_nominee(mentor))
    return mentor


@transaction.atomic
def decline_mentor(*, token: str) -> MentorNomination:
    """The nominee declines through the link in their e-mail (no account)."""
    try:
        pk = signing.loads(token, salt=MENTOR_DECLINE_SALT, max_age=MENTOR_LINK_AGE)
    except signing.BadSignature as error:
        raise ReportingError(
            _("Lenken er ugyldig eller utløpt. Kontakt enheten som foreslo deg.")
        ) from error
    mentor = (
        MentorNomination.objects.select_for_update()
        .select_related("report__unit")
        .filter(pk=pk)
        .first()
    )
    if mentor is None:
        raise ReportingError(_("Forslaget er allerede slettet av enheten."))
    if mentor.declined_at is None:
        mentor.declined_at = timezone.now()
        mentor.save(update_fields=["declined_at"])
        ReportEvent.objects.create(
            report=mentor.report, action=ReportEvent.Action.MENTOR, actor=None
        )
    return mentor


@transaction.atomic
def remove_mentor(*, mentor: MentorNomination, by) -> None:
    """Delete a mentor nomination (personal data the unit may always remove)."""
    report = mentor.report
    require_oxlo_manager(by, report.unit)
    mentor.delete()
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.MENTOR, actor=by
    )
