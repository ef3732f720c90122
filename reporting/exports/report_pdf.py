"""One unit's report as a PDF/A of its own: cover, every section, last year beside."""

from pathlib import Path

from django.utils.translation import gettext as _

from ..models import Report
from ..selectors import last_years_answers
from .content import report_content, reports_with_answers, w3c_date
from .parts import Part, render_parts


def as_of(report: Report):
    """When the report last changed, as far as its PDF shows: the PDF's date."""
    dates = [report.created_at, report.submitted_at, report.approved_at]
    dates += [answer.updated_at for answer in report.answers.all()]
    return max(filter(None, dates))


def report_part(report: Report) -> Part:
    report = reports_with_answers(Report.objects.filter(pk=report.pk)).get()
    content = report_content(report, last_years_answers([report]))
    return Part(
        "report.html",
        {
            "title": f"{report.unit.name}: {report.circular.designation}",
            "running": {
                "title": _("Særskilt rapportering i årsberetningen %(year)s")
                % {"year": report.circular.reporting_year},
            },
            "report": content,
            "body_class": "standalone",
            "created": w3c_date(as_of(report)),
        },
    )


def build_report_pdf(report: Report, *, progress=None) -> tuple[Path, int]:
    """The report's PDF (cached by content); its path and the worker's peak memory."""
    part = report_part(report)
    return part.path, render_parts([part], progress=progress)
