"""Personal data kept only as long as needed: mentor nominations are deleted and
the contact details stored with reports are blanked a configurable number of
years (OXLO_RETENTION_YEARS) after the report year."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import AuditEvent, MentorNomination, Report
from .audit import record

CONTACT_FIELDS = {
    "contact_name": "",
    "contact_title": "",
    "contact_email": "",
    "contact_phone": "",
}


def last_year_kept(today: datetime.date | None = None) -> int:
    """Reports of this year and later keep their personal data."""
    return (today or timezone.localdate()).year - settings.OXLO_RETENTION_YEARS


@transaction.atomic
def apply_retention(*, today: datetime.date | None = None, by=None) -> dict:
    """Delete the mentor nominations and blank the contact details of reports
    older than the retention period; say how many, in the audit log too."""
    before = last_year_kept(today)
    old = Report.objects.filter(circular__reporting_year__lt=before)
    mentors, _by_model = MentorNomination.objects.filter(report__in=old).delete()
    contacts = old.exclude(**CONTACT_FIELDS).update(**CONTACT_FIELDS)
    result = {"mentors": mentors, "contacts": contacts, "before_year": before}
    if mentors or contacts:
        record(
            AuditEvent.Action.RETENTION,
            by=by,
            subject=f"{settings.OXLO_RETENTION_YEARS} år",
            detail=(
                f"{mentors} mentorforslag slettet og kontaktopplysninger fjernet fra "
                f"{contacts} rapporter for år før {before}."
            ),
        )
    return result
