"""The start page: what the logged-in person has to do now."""

from django.shortcuts import render

from .. import lateness
from ..permissions import is_adviser, sees_all_units
from ..selectors import reports_for_start_page, status_summary


def home(request):
    """Start page: a contact's open reports first, earlier years read-only below."""
    user = request.user
    reports = [] if sees_all_units(user) else list(reports_for_start_page(user))
    today = lateness.today()
    open_reports = [r for r in reports if r.status not in r.CLOSED_STATUSES]
    closed_reports = [r for r in reports if r.status in r.CLOSED_STATUSES]
    for report in open_reports:
        report.days_left = (
            (report.circular.deadline - today).days
            if report.circular.deadline
            else None
        )
    return render(
        request,
        "reporting/home.html",
        {
            "open_reports": open_reports,
            "closed_reports": closed_reports,
            "is_adviser": is_adviser(user),
            "summary": status_summary() if sees_all_units(user) else [],
        },
    )
