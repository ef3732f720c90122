"""The consolidated report's opening: the byråd's summary and assessments (the
texts advisers marked ready), then a method chapter generated from the data:
who had to report, how many did, what was asked, how numbers are shown, sources."""

from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from circulars.models import Circular, Section

from ..kinds.numeric import PercentKind
from ..models import Commentary, Publication, Report
from .content import KIND_GROUPS
from .statistics import method


def _percent(part: int, whole: int) -> str:
    """A response rate in whole percent, rounded half up (1 of 8: «13 %»)."""
    if not whole:
        return "–"
    return PercentKind({}).format(Decimal(100 * part) / whole, decimals=0)


def response_rates(year: int, kinds) -> list[dict]:
    """Per kind of unit: how many had to report, delivered, on time, approved."""
    reports = Report.objects.filter(
        circular__reporting_year=year, unit__kind__in=kinds
    ).values_list("unit__kind", "submitted_at", "circular__deadline", "status")
    rows = {}
    for kind, submitted_at, deadline, status in reports:
        row = rows.setdefault(
            kind, {"due": 0, "delivered": 0, "late": 0, "approved": 0}
        )
        row["due"] += 1
        if submitted_at is not None:
            row["delivered"] += 1
            if deadline and submitted_at.date() > deadline:
                row["late"] += 1
        row["approved"] += status == Report.Status.APPROVED
    return [
        {
            "kind": str(label),
            **rows[kind],
            "rate": _percent(rows[kind]["delivered"], rows[kind]["due"]),
        }
        for kind, label in KIND_GROUPS.items()
        if kind in rows
    ]


def questions_asked(year: int) -> list[dict]:
    """Each circular of the year, whom it went to, and its sections."""
    circulars = Circular.objects.filter(reporting_year=year).exclude(
        status=Circular.Status.DRAFT
    )
    sections = (
        Section.objects.filter(circular__in=circulars)
        .annotate(questions_count=Count("questions"))
        .order_by("order")
    )
    by_circular = {}
    for section in sections:
        by_circular.setdefault(section.circular_id, []).append(
            {
                "number": section.number,
                "title": section.title,
                "questions": section.questions_count,
            }
        )
    return [
        {
            "designation": circular.designation,
            "title": circular.title,
            "case_number": circular.case_number,
            "deadline": circular.deadline.strftime("%d.%m.%Y")
            if circular.deadline
            else "",
            "audience": ", ".join(
                str(KIND_GROUPS[kind])
                for kind in KIND_GROUPS
                if kind in circular.audience
            ),
            "sections": by_circular.get(circular.pk, []),
        }
        for circular in circulars.order_by("kind", "number")
    ]


def opening_content(year: int, kinds, topic_titles: dict[str, str]) -> dict:
    """What the opening part shows; only texts marked ready are published."""
    ready = {
        commentary.topic: commentary
        for commentary in Commentary.objects.filter(
            publication__year=year, status=Commentary.Status.READY
        )
    }
    summary = ready.get("")
    return {
        "year": year,
        "summary": summary.text if summary else "",
        "assessments": [
            {"title": title, "text": ready[topic].text}
            for topic, title in topic_titles.items()
            if topic in ready
        ],
        "rates": response_rates(year, kinds),
        "circulars": questions_asked(year),
        # How the statistics are computed, paragraph by paragraph.
        "statistics_method": method(year),
    }


def publication_facts(year: int) -> dict:
    """Publisher and case number the advisers set for the year's report."""
    publication = Publication.objects.filter(year=year).select_related("publisher")
    publication = publication.first()
    if publication is None:
        return {"publisher": "", "case_number": ""}
    return {
        "publisher": publication.publisher.name if publication.publisher else "",
        "case_number": publication.case_number,
    }


# The opening's headings in the contents and outline, by their ids.
OPENING_ENTRIES = (
    ("sammendrag", _("Sammendrag")),
    ("vurderinger", _("Byrådets vurderinger")),
    ("metode", _("Om sammenstillingen")),
)
