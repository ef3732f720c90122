"""Reads used by views: each returns what a page needs in a fixed number of queries."""

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery

from circulars.models import Circular

from .models import Report, ReportEvent, SectionAnswer


def reports_for_start_page(user):
    """The user's reports with per-section progress, newest reporting year first.

    `carried_over_note` says what was moved over from a replaced circular.
    """
    answers = SectionAnswer.objects.select_related("section").order_by("section__order")
    carried_over = ReportEvent.objects.filter(
        report=OuterRef("pk"), action=ReportEvent.Action.CARRIED_OVER
    ).order_by("-created_at", "-pk")
    return (
        Report.objects.for_user(user)
        .select_related("circular", "circular__replaces", "unit")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .annotate(
            sections_total=Count("answers", distinct=True),
            sections_complete=Count(
                "answers",
                filter=Q(answers__version__gt=0, answers__required_missing=0),
                distinct=True,
            ),
            carried_over_note=Subquery(carried_over.values("reason")[:1]),
        )
        .order_by("-circular__reporting_year", "unit__name", "circular__kind")
    )


def status_summary():
    """Per open reporting circular: how many reports are in each status."""
    rows = (
        Report.objects.filter(circular__status=Circular.Status.PUBLISHED)
        .values(
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
