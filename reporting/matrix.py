"""The completeness matrix: units × sections (by topic) for one reporting year.

Built from three queries whatever the number of units, reports or years: the
year's sections, its reports with their units and circulars, and their answers.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from circulars.models import UnitKind

from . import lateness
from .models import Report, SectionAnswer
from .selectors import Topic, topics_of_year

NOT_STARTED, IN_PROGRESS, COMPLETE = "not_started", "in_progress", "complete"


@dataclass(frozen=True)
class Cell:
    """What one unit has done in one column: a state, its symbol and its words."""

    state: str
    symbol: str
    label: str
    label_hidden: bool = False  # only screen readers need the words


CELLS = {
    NOT_STARTED: Cell(NOT_STARTED, "○", _("Ikke påbegynt")),
    IN_PROGRESS: Cell(IN_PROGRESS, "◐", _("Påbegynt")),
    COMPLETE: Cell(COMPLETE, "●", _("Ferdig utfylt")),
}
NOT_APPLICABLE = Cell("none", "–", _("Ikke aktuelt"), label_hidden=True)
SORTS = {
    "enhet": lambda row: row.report.unit.name,
    "status": lambda row: row.report.status,
    "innsendt": lambda row: row.report.submitted_at or timezone.now(),
    "forsinket": lambda row: row.days_late or 0,
}


@dataclass
class Row:
    report: Report
    cells: list[Cell]
    days_late: int | None


@dataclass
class Group:
    kind: str
    label: str
    rows: list[Row] = field(default_factory=list)
    complete_per_column: list[int] = field(default_factory=list)


@dataclass
class Matrix:
    year: int | None
    columns: list[Topic]
    groups: list[Group]
    counts: dict
    complete_per_column: list[int]

    @property
    def column_totals(self) -> list[tuple[Topic, int]]:
        return list(zip(self.columns, self.complete_per_column, strict=True))

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


def reporting_years() -> list[int]:
    """Reporting years that have reports, newest first."""
    return list(
        Report.objects.order_by("-circular__reporting_year")
        .values_list("circular__reporting_year", flat=True)
        .distinct()
    )


def cell_state(version: int, required_missing: int) -> str:
    """As SectionAnswer.is_started and is_complete say, from the two fields alone."""
    if version == 0:
        return NOT_STARTED
    return COMPLETE if required_missing == 0 else IN_PROGRESS


def build_matrix(
    *,
    year: int | None,
    kinds=(),
    statuses=(),
    unit_ids=None,
    sort: str = "enhet",
    today: datetime.date | None = None,
) -> Matrix:
    """The year's reports as rows grouped by unit kind, filtered and sorted."""
    today = today or lateness.today()
    columns = topics_of_year(year) if year else []
    # A withdrawn circular's open reports are history, not work to follow up.
    reports = (
        Report.objects.filter(circular__reporting_year=year)
        .exclude(status=Report.Status.WITHDRAWN)
        .select_related("unit", "circular")
    )
    if kinds:
        reports = reports.filter(unit__kind__in=kinds)
    if statuses:
        reports = reports.filter(status__in=statuses)
    if unit_ids is not None:
        reports = reports.filter(unit_id__in=unit_ids)
    # Plain values, not model instances: the matrix has a cell per unit and topic.
    states: dict[int, dict[str, str]] = {}
    for report_id, topic, version, missing in SectionAnswer.objects.filter(
        report__in=reports.values("pk")
    ).values_list("report_id", "section__topic", "version", "required_missing"):
        states.setdefault(report_id, {})[topic] = cell_state(version, missing)

    groups = {
        kind: Group(kind=kind, label=label, complete_per_column=[0] * len(columns))
        for kind, label in UnitKind.choices
    }
    for report in reports:
        mine = states.get(report.pk, {})
        cells = [
            CELLS[mine[c.topic]] if c.topic in mine else NOT_APPLICABLE for c in columns
        ]
        group = groups[report.unit.kind]
        group.rows.append(Row(report, cells, lateness.days_late(report, on=today)))
        for i, cell in enumerate(cells):
            group.complete_per_column[i] += cell.state == COMPLETE

    key = SORTS.get(sort.lstrip("-"), SORTS["enhet"])
    for group in groups.values():
        group.rows.sort(key=key, reverse=sort.startswith("-"))
    shown = [group for group in groups.values() if group.rows]
    rows = [row for group in shown for row in group.rows]
    S = Report.Status
    counts = {
        "total": len(rows),
        "submitted": sum(r.report.status == S.SUBMITTED for r in rows),
        "returned": sum(r.report.status == S.RETURNED for r in rows),
        "approved": sum(r.report.status == S.APPROVED for r in rows),
        "overdue": sum(bool(r.days_late) and r.report.is_editable for r in rows),
    }
    return Matrix(
        year=year,
        columns=columns,
        groups=shown,
        counts=counts,
        complete_per_column=[
            sum(group.complete_per_column[i] for group in shown)
            for i in range(len(columns))
        ],
    )
