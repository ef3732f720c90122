"""When a report is late: deadlines are Oslo dates, whatever the server's clock.

A report sent at 00:30 Oslo time the day after the deadline is late (in UTC it
is still the deadline day). The matrix, its CSV, the reminders and the
deliveries appendix of the PDF and the workbook all ask here.
"""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext

from .models import Report

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def oslo_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment, timezone=OSLO)


def today() -> datetime.date:
    """Today's date in Oslo."""
    return oslo_date(timezone.now())


def days_late(report: Report, *, on: datetime.date | None = None) -> int | None:
    """Days past the deadline at submission, or until `on` (today) while the
    report is still open; None when it is not late."""
    deadline = report.circular.deadline
    if deadline is None:
        return None
    if report.submitted_at:
        until = oslo_date(report.submitted_at)
    elif report.status in Report.EDITABLE_STATUSES:
        until = on or today()
    else:
        return None
    late = (until - deadline).days
    return late if late > 0 else None


def delivery(report: Report) -> str:
    """«I tide», «For sent» or «Ikke levert», as the deliveries appendix says it."""
    if report.submitted_at is None:
        return gettext("Ikke levert")
    return gettext("For sent") if days_late(report) else gettext("I tide")
