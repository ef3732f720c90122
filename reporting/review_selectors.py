"""Reads for the review page: a fixed number of queries whatever the report's size."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from circulars.models import Question, Section

from .comparison import QuestionView, question_view
from .models import (
    Attachment,
    Report,
    ReportEvent,
    ReviewComment,
    SectionAnswer,
    SectionAnswerRevision,
)


def comment_threads(report: Report, *, section: Section | None = None) -> list:
    """The report's top-level comments with their replies, oldest first."""
    replies = ReviewComment.objects.select_related("author").order_by("created_at")
    comments = (
        report.comments.filter(parent__isnull=True)
        .select_related("author", "resolved_by", "section")
        .prefetch_related(Prefetch("replies", queryset=replies))
    )
    if section is not None:
        comments = comments.filter(section=section)
    return list(comments)


def previous_report(report: Report) -> Report | None:
    """The unit's approved report for the year before, to compare with."""
    year = report.circular.reporting_year
    if year is None:
        return None
    return (
        Report.objects.filter(
            unit_id=report.unit_id,
            circular__reporting_year=year - 1,
            status=Report.Status.APPROVED,
        )
        .order_by("-approved_at")
        .first()
    )


@dataclass
class SectionReview:
    section: Section
    answer: SectionAnswer
    questions: list[QuestionView]
    comments: list = field(default_factory=list)
    attachments: list = field(default_factory=list)
    events: list = field(default_factory=list)


def section_reviews(report: Report, *, comments: list) -> list[SectionReview]:
    """Each section with its answers beside last year's, comments and history."""
    previous = previous_report(report)
    previous_data = {}
    if previous is not None:
        previous_data = dict(previous.answers.values_list("section__topic", "data"))
    revisions = SectionAnswerRevision.objects.select_related("saved_by")
    answers = (
        report.answers.select_related("section", "updated_by")
        .prefetch_related(
            Prefetch("section__questions", queryset=Question.objects.order_by("order")),
            Prefetch("revisions", queryset=revisions),
        )
        .order_by("section__order")
    )
    attachments = list(
        Attachment.objects.filter(report=report).select_related("uploaded_by")
    )
    events = list(
        ReportEvent.objects.filter(report=report, section__isnull=False).select_related(
            "actor"
        )
    )
    reviews = []
    for answer in answers:
        section = answer.section
        old = previous_data.get(section.topic) if previous is not None else None
        reviews.append(
            SectionReview(
                section=section,
                answer=answer,
                questions=[
                    question_view(question, answer.data or {}, old)
                    for question in section.questions.all()
                ],
                comments=[c for c in comments if c.section_id == section.pk],
                attachments=[a for a in attachments if a.section_id == section.pk],
                events=[e for e in events if e.section_id == section.pk],
            )
        )
    return reviews


def report_history(report: Report) -> list[ReportEvent]:
    return list(report.events.select_related("actor", "section"))
