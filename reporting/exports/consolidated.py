"""The byråd's consolidated PDF for a reporting year: cover and contents, one
chapter per topic (statistics across units, then each unit's answers), and an
appendix of deliveries. Built from separately rendered, cached parts."""

import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from circulars.models import UnitKind

from ..lateness import delivery
from ..models import Report
from ..selectors import last_years_answers, topics_of_year
from .assembly import assemble
from .content import (
    digest,
    report_header,
    reports_with_answers,
    section_content,
    unit_marks,
    when,
)
from .parts import Part, cache_dir, render_parts
from .presentation import present
from .statistics import TopicStatistics, topic_data

DEFAULT_STATUSES = (Report.Status.APPROVED,)
# Units rendered together as one part. WeasyPrint's time per page grows with the
# document (measured on one chapter: 70 ms a page in parts of 1 or 5 units, 76 at 10,
# 80 at 20, 88 at 40), and a small part is little to render again after a change.
UNITS_PER_PART = 5
# Page numbers are rendered in runs of this many pages (see page_number_sheets).
PAGES_PER_NUMBER_SHEET = 50
# About this many entries of the contents fit on a page.
CONTENTS_PER_PAGE = 48


@dataclass
class Selection:
    """Which reports a consolidated export covers."""

    year: int
    kinds: tuple[str, ...] = tuple(UnitKind.values)
    statuses: tuple[str, ...] = DEFAULT_STATUSES

    def reports(self, year=None):
        return Report.objects.filter(
            circular__reporting_year=year or self.year,
            unit__kind__in=self.kinds,
            status__in=self.statuses,
        ).order_by("unit__kind", "unit__name", "circular__kind")

    @property
    def title(self) -> str:
        return _("Særskilt rapportering om mangfold og inkludering %(year)s") % {
            "year": self.year
        }


def deliveries(selection: Selection) -> list[dict]:
    """Every unit's report of the year: delivered on time, late or not at all."""
    rows = []
    reports = Report.objects.filter(
        circular__reporting_year=selection.year, unit__kind__in=selection.kinds
    ).select_related("unit", "circular")
    for report in reports.order_by("unit__kind", "unit__name"):
        rows.append(
            {
                "unit": report.unit.name,
                "circular": report.circular.designation,
                "status": report.get_status_display(),
                "submitted_at": when(report.submitted_at),
                "submitted": report.submitted_at,
                "delivery": delivery(report),
            }
        )
    return rows


def plan(selection: Selection) -> dict:
    """Every part of the document and the outline skeleton, without rendering."""
    reports = list(reports_with_answers(selection.reports()))
    previous = last_years_answers(reports)
    chapters = []
    for topic in topics_of_year(selection.year):
        answers = [
            (report, answer)
            for report in reports
            for answer in report.answers.all()
            if answer.section.topic == topic.topic
        ]
        if not answers:
            continue
        statistics = TopicStatistics(
            topic_data(selection.year, [(r.unit_id, a) for r, a in answers], previous)
        )
        title = f"{topic.label} {topic.title}"
        chapter = Part(
            "chapter.html",
            {
                "title": title,
                "chapter": {
                    "title": title,
                    "units": len(answers),
                    "sections": ", ".join(topic.numbers),
                    "statistics": [present(e) for e in statistics.entries()],
                },
            },
        )
        units = [
            {
                "report": report_header(report),
                "section": section_content(
                    answer,
                    previous.get((report.unit_id, answer.section.topic)),
                    unit_marks(statistics, report.unit_id),
                    year=selection.year,
                ),
            }
            for report, answer in answers
        ]
        batches = [
            (
                [unit["report"]["unit"] for unit in batch],
                Part("unit_batch.html", {"title": title, "units": batch}),
            )
            for batch in (
                units[i : i + UNITS_PER_PART]
                for i in range(0, len(units), UNITS_PER_PART)
            )
        ]
        chapters.append({"title": title, "part": chapter, "batches": batches})
    appendix = Part(
        "appendix.html",
        {
            "title": _("Vedlegg: leveranser"),
            "deliveries": deliveries(selection),
            "deadline": ", ".join(
                sorted(
                    {
                        r.circular.deadline.strftime("%d.%m.%Y")
                        for r in reports
                        if r.circular.deadline
                    }
                )
            ),
        },
    )
    kind_labels = dict(UnitKind.choices)
    status_labels = dict(Report.Status.choices)
    front = {
        "title": selection.title,
        "body_class": "front",
        "year": selection.year,
        "circulars": sorted({r.circular.designation for r in reports}),
        "kinds": [str(kind_labels[k]) for k in selection.kinds],
        "statuses": [str(status_labels[s]) for s in selection.statuses],
        "unit_count": len({r.unit_id for r in reports}),
    }
    return {"chapters": chapters, "appendix": appendix, "front": front}


def _numbered(chapters, appendix, offset: int):
    """Contents and outline with the real page numbers (front matter = `offset`)."""
    page = offset
    contents, outline, paths = [], [], []
    for chapter in chapters:
        contents.append({"level": 1, "title": chapter["title"], "page": page + 1})
        entry = {"title": chapter["title"], "page": page, "children": []}
        paths.append(chapter["part"].path)
        page += chapter["part"].pages
        for names, part in chapter["batches"]:
            anchors = part.layout["anchors"]
            for index, name in enumerate(names):
                start = page + anchors[f"enhet-{index}"]
                contents.append({"level": 2, "title": name, "page": start + 1})
                entry["children"].append({"title": name, "page": start})
            paths.append(part.path)
            page += part.pages
        outline.append(entry)
    contents.append(
        {"level": 1, "title": str(_("Vedlegg: leveranser")), "page": page + 1}
    )
    outline.append({"title": str(_("Vedlegg: leveranser")), "page": page})
    paths.append(appendix.path)
    page += appendix.pages
    return contents, outline, paths, page


def page_number_sheets(total: int) -> list[Part]:
    """Pages that show only their number (none on the cover), in fixed runs: cached
    across exports and rendered in parallel, whatever the document around them."""
    return [
        Part(
            "page_numbers.html",
            {
                "title": "OXLO",
                "body_class": "page-numbers",
                "numbers": [
                    str(page + 1) if page else "" for page in range(start, end)
                ],
            },
            tagged=False,
        )
        for start in range(0, total, PAGES_PER_NUMBER_SHEET)
        for end in [min(start + PAGES_PER_NUMBER_SHEET, total)]
    ]


def build_consolidated(selection: Selection, *, progress=None) -> tuple[Path, int]:
    """The consolidated PDF (cached as a whole); returns its path and the workers'
    peak memory in KiB (0 when nothing had to be rendered)."""
    layout = plan(selection)
    chapters, appendix = layout["chapters"], layout["appendix"]
    parts = [appendix]
    for chapter in chapters:
        parts.append(chapter["part"])
        parts.extend(part for _units, part in chapter["batches"])
    output = (
        cache_dir()
        / "documents"
        / f"{digest([layout['front'], [p.key for p in parts]])}.pdf"
    )
    if output.exists():
        return output, 0
    peak = render_parts(parts, progress=progress)
    # The cover, then the contents: with a good guess of their length the front and
    # the page numbers are rendered once, side by side.
    entries = len(_numbered(chapters, appendix, 0)[0])
    front_pages = 1 + math.ceil(entries / CONTENTS_PER_PAGE)
    while True:
        contents, outline, paths, total = _numbered(chapters, appendix, front_pages)
        front = Part("front.html", {**layout["front"], "contents": contents})
        numbers = page_number_sheets(total)
        peak = max(peak, render_parts([front, *numbers]))
        if front.pages == front_pages:
            break
        front_pages = front.pages
    outline.insert(0, {"title": str(_("Innhold")), "page": 0})
    output.parent.mkdir(parents=True, exist_ok=True)
    assemble(
        front=front.path,
        parts=paths,
        numbers=[sheet.path for sheet in numbers],
        outline=outline,
        output=output,
    )
    return output, peak
