"""Reads used by views: each returns what a page needs in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery

from circulars.models import Circular, Question, Section

from .comparison import QuestionView, question_view
from .models import (
    Attachment,
    AuditEvent,
    CommentaryRevision,
    Publication,
    Report,
    ReportEvent,
    ReviewComment,
    SectionAnswer,
    SectionAnswerRevision,
)


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


def report_overview(report: Report):
    """The report's section answers with their sections, in the circular's order."""
    return list(
        report.answers.select_related("section", "updated_by").order_by(
            "section__order", "section__pk"
        )
    )


def previous_answers(report: Report) -> dict[str, dict]:
    """Last year's approved answers of the same unit, keyed by section topic; the
    latest approved report wins, as on the review page (previous_report)."""
    year = report.circular.reporting_year
    if year is None:
        return {}
    answers = (
        SectionAnswer.objects.filter(
            report__unit_id=report.unit_id,
            report__status=Report.Status.APPROVED,
            report__circular__reporting_year=year - 1,
        )
        .order_by("report__approved_at")
        .values_list("section__topic", "data")
    )
    return dict(answers)


def open_comments(report: Report, section=None):
    """Open review comments (with replies) on the report or one of its sections."""
    return [c for c in comment_threads(report, section=section) if c.is_open]


def section_history(answer: SectionAnswer):
    """The section's saved versions, newest first, each with what it changed."""
    revisions = list(answer.revisions.select_related("saved_by").order_by("version"))
    questions = list(answer.section.questions.all())
    previous: dict = {}
    history = []
    for revision in revisions:
        changes = [
            (question, previous.get(question.key), revision.data.get(question.key))
            for question in questions
            if previous.get(question.key) != revision.data.get(question.key)
        ]
        history.append((revision, changes))
        previous = revision.data
    return list(reversed(history))


def audit_events(*, action: str = ""):
    """The audit log newest first, with the acting person in the same query."""
    events = AuditEvent.objects.select_related("actor")
    return events.filter(action=action) if action else events


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


def publication_texts(year: int) -> dict:
    """The year's consolidated report as its advisers see it: the publication (or
    None), and each text (summary under "") with its last versions."""
    publication = (
        Publication.objects.filter(year=year).select_related("publisher").first()
    )
    texts = {}
    if publication is not None:
        commentaries = publication.commentaries.select_related(
            "updated_by"
        ).prefetch_related(
            Prefetch(
                "revisions",
                queryset=CommentaryRevision.objects.select_related("by"),
            )
        )
        texts = {commentary.topic: commentary for commentary in commentaries}
    return {"publication": publication, "texts": texts}
