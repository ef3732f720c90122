"""Reads used by views: each returns what a page needs in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from circulars.models import Circular, Question, Section

from .comparison import QuestionView, question_view
from .models import (
    Attachment,
    AuditEvent,
    ChapterPresence,
    CommentaryRevision,
    Publication,
    Report,
    ReportEvent,
    ReviewComment,
    SectionAnswer,
    SectionAnswerRevision,
    Unit,
)
from .rules import explanation, hidden_keys, section_violations


@dataclass
class Topic:
    """A topic of a reporting year: «4.3 / 4.3.1 Funksjonsnedsettelse»."""

    topic: str
    title: str
    numbers: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return " / ".join(self.numbers)


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


def last_years_answers(reports) -> dict[tuple[int, str], dict]:
    """Last year's approved answers of the reports' units, in one query:
    {(unit id, topic): section data}, per topic from the unit's latest approved
    report of the year before that has it. `reports` are of one reporting year."""
    pairs = {
        (report.unit_id, report.circular.reporting_year - 1)
        for report in reports
        if report.circular.reporting_year is not None
    }
    if not pairs:
        return {}
    rows = (
        SectionAnswer.objects.filter(
            report__status=Report.Status.APPROVED,
            report__unit_id__in={unit for unit, _year in pairs},
            report__circular__reporting_year__in={year for _unit, year in pairs},
        )
        .order_by("report__approved_at", "report_id")
        .values_list(
            "report__unit_id",
            "report__circular__reporting_year",
            "section__topic",
            "data",
        )
    )
    return {
        (unit, topic): data for unit, year, topic, data in rows if (unit, year) in pairs
    }


def previous_answers(report: Report) -> dict[str, dict]:
    """One report's last-year answers keyed by section topic (`last_years_answers`)."""
    return {
        topic: data for (_unit, topic), data in last_years_answers([report]).items()
    }


def topics_of_year(year: int) -> list[Topic]:
    """The year's topics as every overview lists them: in the circulars' section
    order (the rundskriv's number first where 4.3 and 4.3.1 share a topic), from
    published and withdrawn circulars only (a draft is no one's work yet)."""
    topics: dict[str, Topic] = {}
    sections = Section.objects.filter(
        circular__reporting_year=year, circular__status__in=Circular.FROZEN_STATUSES
    ).order_by("order", "-circular__kind", "number")
    for topic, number, title in sections.values_list("topic", "number", "title"):
        entry = topics.setdefault(topic, Topic(topic=topic, title=title))
        if number not in entry.numbers:
            entry.numbers.append(number)
    return list(topics.values())


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


@dataclass
class SectionReview:
    section: Section
    answer: SectionAnswer
    questions: list[QuestionView]
    comments: list = field(default_factory=list)
    attachments: list = field(default_factory=list)
    events: list = field(default_factory=list)
    # (broken rule's message, the unit's explanation or "") per break.
    rule_notes: list = field(default_factory=list)


def section_reviews(report: Report, *, comments: list) -> list[SectionReview]:
    """Each section with its answers beside last year's, comments and history."""
    previous_data = previous_answers(report)
    revisions = SectionAnswerRevision.objects.select_related("saved_by")
    answers = (
        report.answers.select_related("section", "updated_by")
        .prefetch_related(
            Prefetch("section__questions", queryset=Question.objects.order_by("order")),
            Prefetch("revisions", queryset=revisions),
            "section__rules",
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
        old = previous_data.get(section.topic)
        questions = list(section.questions.all())
        hidden = hidden_keys(questions, answer.data or {})
        reviews.append(
            SectionReview(
                section=section,
                answer=answer,
                questions=[
                    question_view(question, answer.data or {}, old)
                    for question in questions
                    if question.key not in hidden
                ],
                rule_notes=[
                    (violation.message, explanation(answer.data, violation.rule))
                    for violation in section_violations(answer)
                ],
                comments=[c for c in comments if c.section_id == section.pk],
                attachments=[a for a in attachments if a.section_id == section.pk],
                events=[e for e in events if e.section_id == section.pk],
            )
        )
    return reviews


def report_history(report: Report) -> list[ReportEvent]:
    return list(report.events.select_related("actor", "section"))


@dataclass
class NetworkRow:
    """One unit in the OXLO network for a year: its contact and nominated mentors."""

    unit: Unit
    reports: list[Report]
    mentors: list

    @property
    def contact(self) -> dict:
        """The contact the unit submitted with, else its current record."""
        source = next((r for r in self.reports if r.contact_confirmed_at), None)
        holder = source or self.unit
        return {
            "name": holder.contact_name,
            "title": holder.contact_title,
            "email": holder.contact_email,
            "phone": holder.contact_phone,
            "in_leadership": holder.contact_in_leadership,
            "no_contact_reason": next(
                (r.no_contact_reason for r in self.reports if r.no_contact_reason), ""
            ),
        }


def reporting_years() -> list[int]:
    """The reporting years of published circulars, newest first."""
    return sorted(
        set(
            Circular.objects.exclude(status=Circular.Status.DRAFT)
            .exclude(reporting_year=None)
            .values_list("reporting_year", flat=True)
        ),
        reverse=True,
    )


def oxlo_network(year: int) -> list[NetworkRow]:
    """Every reporting unit with its OXLO contact and the mentors it nominated
    for `year`, in three queries whatever the number of units."""
    reports = (
        Report.objects.filter(circular__reporting_year=year)
        .exclude(status=Report.Status.WITHDRAWN)
        .select_related("circular")
        .prefetch_related("mentors")
        .order_by("pk")
    )
    by_unit: dict[int, list[Report]] = {}
    for report in reports:
        by_unit.setdefault(report.unit_id, []).append(report)
    return [
        NetworkRow(
            unit=unit,
            reports=by_unit.get(unit.pk, []),
            mentors=[m for r in by_unit.get(unit.pk, []) for m in r.mentors.all()],
        )
        for unit in Unit.objects.reporting().order_by("kind", "number", "name")
    ]


def unit_team(unit: Unit) -> dict:
    """The unit's people with their roles, and the invitations still open."""
    return {
        "members": list(
            unit.memberships.select_related("user").order_by(
                "-user__is_active", "role", "user__last_name", "user__first_name"
            )
        ),
        "invitations": list(
            unit.invitations.open().select_related("invited_by").order_by("email")
        ),
    }


def person_history(person) -> dict:
    """What a person has done that stays after deactivation: saved versions,
    report events and audit rows, each counted."""
    return {
        "versions": SectionAnswerRevision.objects.filter(saved_by=person).count(),
        "events": ReportEvent.objects.filter(actor=person).count(),
        "audit": AuditEvent.objects.filter(actor=person).count(),
    }


def leader_note(report: Report) -> ReportEvent | None:
    """The leader's note if the report's last move was the leader returning it."""
    last = (
        report.events.exclude(to_status="")
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    if last and last.action == ReportEvent.Action.LEADER_RETURNED:
        return last
    return None


PRESENCE_SECONDS = 120  # two missed autosaves and a person no longer shows


def editing_now(report: Report, *, exclude=None) -> dict[int, list[str]]:
    """Who has each chapter open now: {section id: [names]}, without `exclude`."""
    since = timezone.now() - datetime.timedelta(seconds=PRESENCE_SECONDS)
    rows = (
        ChapterPresence.objects.filter(report=report, seen_at__gte=since)
        .exclude(user=exclude)
        .select_related("user")
        .order_by("section_id", "user__first_name")
    )
    editing: dict[int, list[str]] = {}
    for row in rows:
        editing.setdefault(row.section_id, []).append(
            row.user.get_full_name() or row.user.username
        )
    return editing


def editing_message(names: list[str]) -> str:
    if not names:
        return ""
    return _("%(names)s redigerer dette kapittelet") % {"names": _(" og ").join(names)}


def chapter_contributors(report: Report) -> dict[int, list]:
    """The contributors assigned to each chapter: {section id: [users]}."""
    assigned: dict[int, list] = {}
    for row in report.assignments.select_related("contributor").order_by(
        "contributor__first_name"
    ):
        assigned.setdefault(row.section_id, []).append(row.contributor)
    return assigned


def assigned_chapters(report: Report, user) -> list[Section]:
    """The chapters of `report` the contact has given `user`, in order."""
    return [
        row.section
        for row in report.assignments.filter(contributor=user)
        .select_related("section")
        .order_by("section__order")
    ]


def unit_contributors(unit: Unit) -> list:
    """The unit's active contributors, whom the contact can give chapters."""
    return [
        m.user
        for m in unit.memberships.filter(
            role="contributor", user__is_active=True
        ).select_related("user")
    ]


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
