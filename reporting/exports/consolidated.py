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
    KIND_GROUPS,
    date_text,
    digest,
    report_header,
    reports_with_answers,
    section_content,
    unit_marks,
    unit_order,
    w3c_date,
    when,
)
from .opening import OPENING_ENTRIES, opening_content, publication_facts
from .parts import Part, cache_dir, render_parts
from .pdf import PAGE_LINK
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
    for report in sorted(reports, key=lambda r: unit_order(r.unit.kind, r.unit.name)):
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


def roster(selection: Selection) -> dict[str, list[list[int]]]:
    """Per kind, the year's reporting units in order, cut into fixed batches of
    UNITS_PER_PART: which units share a part never depends on which reports are
    approved, so approving one report changes only its own batch."""
    units = set(
        Report.objects.filter(
            circular__reporting_year=selection.year, unit__kind__in=selection.kinds
        ).values_list("unit_id", "unit__kind", "unit__name")
    )
    groups: dict[str, list[int]] = {}
    for unit_id, kind, _name in sorted(units, key=lambda u: unit_order(u[1], u[2])):
        groups.setdefault(kind, []).append(unit_id)
    return {
        kind: [ids[i : i + UNITS_PER_PART] for i in range(0, len(ids), UNITS_PER_PART)]
        for kind, ids in groups.items()
    }


def _unit_batches(selection, answers, previous, statistics, running) -> list[dict]:
    """The units' answers to one topic, grouped by kind, in the roster's batches."""
    by_unit: dict[int, list] = {}
    for report, answer in answers:
        by_unit.setdefault(report.unit_id, []).append((report, answer))
    batches = []
    for kind, unit_batches in roster(selection).items():
        group = str(KIND_GROUPS.get(kind, kind))
        first = True
        for unit_ids in unit_batches:
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
                for unit_id in unit_ids
                for report, answer in by_unit.get(unit_id, [])
            ]
            if not units:
                continue
            context = {
                "running": running,
                "group": group if first else "",
                "units": units,
            }
            batches.append(
                {
                    "names": [unit["report"]["unit"] for unit in units],
                    "group": context["group"],
                    "part": Part("unit_batch.html", context),
                }
            )
            first = False
    return batches


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
        running = {"title": selection.title, "chapter": title}
        chapter = Part(
            "chapter.html",
            {
                "running": running,
                "chapter": {
                    "title": title,
                    "units": len(answers),
                    "sections": ", ".join(topic.numbers),
                    "statistics": [present(e) for e in statistics.entries()],
                },
            },
        )
        batches = _unit_batches(selection, answers, previous, statistics, running)
        chapters.append(
            {
                "topic": topic.topic,
                "title": title,
                "part": chapter,
                "batches": batches,
            }
        )
    appendix = Part(
        "appendix.html",
        {
            "running": {"title": selection.title, "chapter": _("Vedlegg: leveranser")},
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
    opening = Part(
        "opening.html",
        {
            "running": {"title": selection.title, "chapter": _("Innledning")},
            "opening": opening_content(
                selection.year,
                selection.kinds,
                {chapter["topic"]: chapter["title"] for chapter in chapters},
            ),
        },
    )
    return {
        "opening": opening,
        "chapters": chapters,
        "appendix": appendix,
        "front": front_matter(selection, reports),
    }


def front_matter(selection: Selection, reports: list[Report]) -> dict:
    """What the cover says: title, year, publisher, date, case numbers, scope."""
    circulars = {r.circular.pk: r.circular for r in reports}.values()
    circulars = sorted(circulars, key=lambda c: (c.kind, c.number))
    dates = [r.approved_at or r.submitted_at for r in reports]
    as_of = max(filter(None, dates), default=None)
    status_labels = dict(Report.Status.choices)
    facts = publication_facts(selection.year)
    case_numbers = [
        {"circular": c.designation, "case_number": c.case_number}
        for c in circulars
        if c.case_number
    ]
    if facts["case_number"]:
        case_numbers.insert(0, {"circular": "", "case_number": facts["case_number"]})
    return {
        "running": {"title": selection.title, "chapter": _("Innhold")},
        "title": selection.title,
        "body_class": "front",
        "year": selection.year,
        "publisher": facts["publisher"]
        or ", ".join(dict.fromkeys(c.issued_by for c in circulars)),
        "date": date_text(as_of),
        "created": w3c_date(as_of),
        "case_numbers": case_numbers,
        "circulars": [c.designation for c in circulars],
        "kinds": [str(KIND_GROUPS[k]) for k in KIND_GROUPS if k in selection.kinds],
        "other_statuses": [
            str(status_labels[s])
            for s in selection.statuses
            if s not in DEFAULT_STATUSES
        ],
        "unit_count": len({r.unit_id for r in reports}),
    }


def _numbered(layout: dict, offset: int):
    """Contents and outline with the real page numbers (front matter = `offset`)."""
    page = offset
    contents, outline, paths = [], [], []
    opening, appendix = layout["opening"], layout["appendix"]
    anchors = opening.layout["anchors"]
    for anchor, title in OPENING_ENTRIES:
        if anchor in anchors:
            contents.append(
                {"level": 1, "title": str(title), "page": page + anchors[anchor] + 1}
            )
            outline.append({"title": str(title), "page": page + anchors[anchor]})
    paths.append(opening.path)
    page += opening.pages
    for chapter in layout["chapters"]:
        contents.append({"level": 1, "title": chapter["title"], "page": page + 1})
        entry = {"title": chapter["title"], "page": page, "children": []}
        paths.append(chapter["part"].path)
        page += chapter["part"].pages
        for batch in chapter["batches"]:
            anchors = batch["part"].layout["anchors"]
            if batch["group"]:
                group = {"title": batch["group"], "page": page, "children": []}
                entry["children"].append(group)
                contents.append({"level": 2, "title": batch["group"], "page": page + 1})
            for index, name in enumerate(batch["names"]):
                start = page + anchors[f"enhet-{index}"]
                contents.append({"level": 3, "title": name, "page": start + 1})
                group["children"].append({"title": name, "page": start})
            paths.append(batch["part"].path)
            page += batch["part"].pages
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
    parts = [layout["opening"], layout["appendix"]]
    for chapter in layout["chapters"]:
        parts.append(chapter["part"])
        parts.extend(batch["part"] for batch in chapter["batches"])
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
    entries = len(_numbered(layout, 0)[0])
    front_pages = 1 + math.ceil(entries / CONTENTS_PER_PAGE)
    while True:
        contents, outline, paths, total = _numbered(layout, front_pages)
        front = Part("front.html", {**layout["front"], "contents": contents})
        numbers = page_number_sheets(total)
        peak = max(peak, render_parts([front, *numbers]))
        if front.pages == front_pages:
            break
        front_pages = front.pages
    # The contents follow the one-page cover (front.html: `.cover` breaks after).
    outline.insert(0, {"title": str(_("Innhold")), "page": 1})
    output.parent.mkdir(parents=True, exist_ok=True)
    assemble(
        front=front.path,
        parts=paths,
        numbers=[sheet.path for sheet in numbers],
        outline=outline,
        output=output,
        page_link=PAGE_LINK,
    )
    return output, peak
