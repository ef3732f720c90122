"""Reads used by views: each returns what a page needs in a fixed number of queries."""

from django.db.models import Count, Prefetch, Q

from .models import AuditEvent, Report, SectionAnswer


def reports_for_start_page(user):
    """The user's reports with per-section progress, newest reporting year first."""
    answers = SectionAnswer.objects.select_related("section").order_by("section__order")
    return (
        Report.objects.for_user(user)
        .select_related("circular", "unit")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .annotate(
            sections_total=Count("answers", distinct=True),
            sections_complete=Count(
                "answers",
                filter=Q(answers__version__gt=0, answers__required_missing=0),
                distinct=True,
            ),
        )
        .order_by("-circular__reporting_year", "unit__name", "circular__kind")
    )


def status_summary():
    """Per open reporting circular: how many reports are in each status."""
    rows = (
        Report.objects.values(
            "circular_id",
            "circular__kind",
            "circular__number",
            "circular__year",
            "circular__title",
            "circular__deadline",
        )
        .annotate(
            total=Count("id"),
            **{
                status: Count("id", filter=Q(status=status))
                for status in Report.Status.values
            },
        )
        .order_by("-circular__year", "circular__kind")
    )
    return list(rows)


def audit_events(*, action: str = ""):
    """The audit log newest first, with the acting person in the same query."""
    events = AuditEvent.objects.select_related("actor")
    return events.filter(action=action) if action else events
