"""One unit's report as a PDF/A of its own: cover, every section, last year beside."""

from pathlib import Path

from ..models import Report
from ..selectors import last_years_answers
from .content import report_content, reports_with_answers
from .parts import Part, render_parts


def report_part(report: Report) -> Part:
    report = reports_with_answers(Report.objects.filter(pk=report.pk)).get()
    content = report_content(report, last_years_answers([report]))
    return Part(
        "report.html",
        {
            "title": f"{report.unit.name}: {report.circular.designation}",
            "report": content,
            "body_class": "standalone",
        },
    )


def build_report_pdf(report: Report, *, progress=None) -> tuple[Path, int]:
    """The report's PDF (cached by content); its path and the worker's peak memory."""
    part = report_part(report)
    return part.path, render_parts([part], progress=progress)
